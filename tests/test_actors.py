"""Actor naming: which labels a text uses, and which of them judge."""

from __future__ import annotations

import re

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
    for path in framelab.dataset_files("wire"):
        wire = actors.naming_table(framelab.load_article(path))
        assert (wire.stance == "neutral").all(), path.name
