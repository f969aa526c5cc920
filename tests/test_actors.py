"""Actor naming: which labels a text uses, and which of them judge."""

from __future__ import annotations

import re

import pandas as pd

import framelab
from framelab import actors


def test_seed_names_haftar_many_ways(seed) -> None:
    mentions = [m for m in actors.actor_mentions(seed) if "haftar" in m.actors]
    labels = {m.label for m in mentions}
    assert {"general khalifa haftar", "field marshal haftar", "haftar"} <= labels
    criminal = next(m for m in mentions if "criminal" in m.label)
    assert criminal.evaluative and criminal.quoted == "speech"
    loaded_before = actors.actor_mentions("The feeble Haftar and the ragtag militias left.")
    assert [(m.premodifier, m.label, m.evaluative) for m in loaded_before] == [
        ("feeble", "haftar", True), ("", "ragtag militias", True)]
    for m in mentions:
        written = re.sub(r"['’]s$", "", seed.source[m.start : m.end].lower().replace("-", " "))
        assert written == m.label


def test_op_ed_and_wire_differ_in_naming() -> None:
    op_ed = framelab.load_article(framelab.datasets_dir() / "contrast/counter_oped_liberation.md")
    table = actors.naming_table(op_ed)
    evaluative = set(table[table.stance == "evaluative"].label)
    assert {"puppet", "so called government"} <= evaluative
    op_ed_share = _writer_evaluative_share(table)
    wire = [actors.naming_table(framelab.load_article(p)) for p in framelab.dataset_files("wire")]
    wire_share = _writer_evaluative_share(pd.concat(wire))
    assert wire_share < op_ed_share / 3, (wire_share, op_ed_share)


def _writer_evaluative_share(table: pd.DataFrame) -> float:
    """Share of actor mentions outside quotations that use an evaluative label."""
    own = table[~table.in_quotation]
    return own[own.stance == "evaluative"]["count"].sum() / own["count"].sum()


def test_evaluative_share_counts_only_the_writers_own_labels() -> None:
    table = actors.naming_table(
        'The puppet government met. Haftar called it "the puppet regime". The LNA waited.')
    assert _writer_evaluative_share(table) == 1 / 3


def test_acronyms_name_actors_but_never_match_words() -> None:
    text = "The LNA advanced on the UN-backed government, US officials told us."
    labels = [(m.label, m.actors) for m in actors.actor_mentions(text)]
    assert ("lna", ("lna",)) in labels
    assert any(label.startswith("un backed") for label, _ in labels)
    from framelab.loaded import stance_matcher

    found = [m.text for m in stance_matcher().find(text)]
    assert "us" in found and "US" not in found


def test_a_label_is_not_also_the_next_labels_premodifier() -> None:
    mentions = actors.actor_mentions("Critics called the brutal warlord Haftar a menace.")
    assert [(m.label, m.premodifier) for m in mentions] == [("warlord", "brutal"),
                                                            ("haftar", "")] or \
        [(m.label, m.premodifier) for m in mentions] == [("warlord haftar", "brutal")]
