"""The shipped datasets: honest labels, wire conventions, facts traceable, lexicons valid."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

import framelab
from framelab import lexicon

FACTS = framelab.datasets_dir() / "facts" / "libya-april-2019.md"
WIRE = framelab.dataset_files("wire")
CONTRAST = framelab.dataset_files("contrast")
NEUTRAL_REPORTING = re.compile(
    r"\b(said|says|told|announced|reported|stated|added|according to)\b", re.I)


def wire_articles() -> list[framelab.Article]:
    return [framelab.load_article(p) for p in WIRE]


def test_wire_corpus_size_and_span() -> None:
    articles = wire_articles()
    assert len(articles) >= 10
    counts = [len(a.body.split()) for a in articles]
    assert all(250 <= n <= 600 for n in counts), counts
    assert sum(counts) >= 4000
    dates = sorted(a.date for a in articles)
    assert dates[0] == dt.date(2019, 4, 4) and dates[-1] == dt.date(2019, 4, 23)


@pytest.mark.parametrize("path", WIRE + CONTRAST, ids=lambda p: p.name)
def test_constructed_texts_say_so(path: Path) -> None:
    article = framelab.load_article(path)
    meta = article.metadata
    assert meta["constructed"] is True
    assert meta["style"] in {"wire", "opinion", "neutral-rewrite"}
    assert "not a real" in meta["note"]
    assert article.author.startswith("Framing Lab")
    assert meta.get("facts_source")


@pytest.mark.parametrize("path", WIRE, ids=lambda p: p.name)
def test_wire_conventions(path: Path) -> None:
    article = framelab.load_article(path)
    meta = article.metadata
    assert meta["facts_reported_by"]
    assert article.body.startswith(f"{meta['dateline']} — ")
    assert meta["dateline"].split(",")[0].isupper()
    month_day = article.date.strftime("%B ") + str(article.date.day)
    assert meta["dateline"].endswith(month_day)
    attributed = sum(bool(NEUTRAL_REPORTING.search(s.text)) for s in article.sentences)
    assert attributed / len(article.sentences) >= 0.3
    loaded_verbs = re.compile(r"\b(claim(ed|s)?|admit(ted|s)?|insist(ed|s)?|concede[ds]?)\b", re.I)
    assert not loaded_verbs.search(article.body)


def test_every_figure_in_the_wire_copy_is_on_the_fact_sheet() -> None:
    facts = FACTS.read_text(encoding="utf-8")
    known = set(re.findall(r"\d[\d,]*", facts))
    known |= {str(d) for d in range(1, 32)}
    for article in wire_articles():
        for number in re.findall(r"\d[\d,]*\d|\d", article.body):
            assert number in known, (article.path.name, number)


QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def _own_runs(text: str, n: int = 7) -> set[tuple[str, ...]]:
    """Runs of n words outside quotation marks that hold at least three content words.

    Quotations and runs of names ("France, the United Kingdom and the United States") are
    left out: quoting the same official or naming the same countries is not copying.
    """
    from nltk.corpus import stopwords

    stop = set(stopwords.words("english"))
    runs = set()
    for segment in QUOTED.split(text.replace("’", "'")):
        words = re.findall(r"[A-Za-z0-9']+", segment)
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            content = [w for w in run if w.islower() and w not in stop]
            if len(content) >= 3:
                runs.add(tuple(w.lower() for w in run))
    return runs


@pytest.mark.parametrize("path", WIRE + CONTRAST, ids=lambda p: p.name)
def test_constructed_texts_do_not_copy_the_seed(path: Path, seed) -> None:
    article = framelab.load_article(path)
    assert _own_runs(article.body) & _own_runs(seed.body) == set()


def test_copy_check_would_catch_a_copied_sentence(seed) -> None:
    copied = "Officials met on Monday. " + seed.sentences[8].text
    assert _own_runs(copied) & _own_runs(seed.body)


def test_loaded_lexicon_is_general_and_documented(seed) -> None:
    entries = lexicon.loaded_language()
    assert len(entries) >= 600
    assert set(Counter(e.category for e in entries)) == set(lexicon.LOADED_CATEGORIES)
    assert all(len(e.note.split()) >= 4 for e in entries)
    multiword = [e for e in entries if " " in e.term]
    assert len(multiword) >= 150
    terms = {e.term for e in entries}
    for example in ["ragtag", "charade", "blood soaked", "grotesque", "disastrous",
                    "mess", "failed state", "so called", "terrorist", "coup"]:
        assert example in terms, example
    body = " ".join(seed.body.lower().replace("-", " ").split())
    in_seed = [t for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", body)]
    assert len(in_seed) < 0.05 * len(terms)


def test_entries_fitted_to_the_seed_are_kept_apart(seed) -> None:
    general = {e.term for e in lexicon.loaded_language()}
    fitted = lexicon.load_lexicon(lexicon.lexicon_path("fitted_to_seed"))
    assert {"inspired aggression", "forced theatre", "arch villain", "spoliation",
            "how inconsiderate", "richly", "how touching", "what a surprise"} <= \
        {e.term for e in fitted}
    op_ed = framelab.load_article(framelab.datasets_dir() / "contrast/counter_oped_liberation.md")
    texts = " ".join(" ".join(a.body.lower().replace("-", " ").split()) for a in [seed, op_ed])
    for e in fitted:
        assert e.term not in general, e.term
        assert "Fitted:" in e.note and e.category in lexicon.LOADED_CATEGORIES, e.term
        assert re.search(rf"(?<!\w){re.escape(e.term)}(?!\w)", texts), e.term


def test_stance_lexicon_covers_each_category() -> None:
    counts = Counter(e.category for e in lexicon.stance_markers())
    assert counts["hedge"] >= 50 and counts["booster"] >= 40
    assert counts["reporting_neutral"] >= 15 and counts["reporting_loaded"] >= 20
    by_term = {e.term: e.category for e in lexicon.stance_markers()}
    assert by_term["said"] == "reporting_neutral"
    assert by_term["according to"] == "reporting_neutral"
    for verb in ["claim", "admit", "insist", "concede"]:
        assert by_term[verb] == "reporting_loaded", verb
    assert by_term["we"] == "first_person" and by_term["you"] == "second_person"


def test_actor_labels_mark_neutral_and_evaluative_names() -> None:
    labels = lexicon.load_actor_labels()
    stance = {(a.actor, a.label): a.stance for a in labels}
    assert stance[("haftar", "field marshal")] == "neutral"
    assert stance[("haftar", "strongman")] == "evaluative"
    assert stance[("haftar", "renegade general")] == "evaluative"
    assert stance[("gna", "un backed government")] == "neutral"
    assert stance[("sarraj", "fayed al sarraj")] == "neutral"
    assert {a.actor for a in labels} >= {"haftar", "lna", "gna", "sarraj", "militias"}


def test_datasheet_describes_every_shipped_file() -> None:
    sheet = (framelab.datasets_dir() / "README.md").read_text(encoding="utf-8")
    root = framelab.datasets_dir()
    for path in root.rglob("*"):
        if path.is_file() and "nltk_data" not in path.parts and path.name != "README.md":
            named = path.name in sheet or f"{path.parent.name}/" in sheet
            assert named, path.relative_to(root)
    for slip in ["Fayed Al-Sarraj", "Minitti", "Khalit Al-Furjan"]:
        assert slip in sheet


def test_wire_corpus_has_no_loaded_entry_outside_quotations() -> None:
    from framelab import loaded

    for article in wire_articles():
        outside = [f.text for f in loaded.find_loaded(article, signals={"lexicon"})
                   if f.quoted != "speech"]
        assert outside == [], article.path.name


def test_lexicon_terms_are_normalised_once() -> None:
    import csv

    for name in ["loaded_language", "stance_markers", "event_vocabulary"]:
        with lexicon.lexicon_path(name).open(encoding="utf-8") as f:
            raw = [row["term"] for row in csv.DictReader(f)]
        assert all(t == t.strip().lower() and "-" not in t and "  " not in t for t in raw), name
        assert len({lexicon.normalise_term(t) for t in raw}) == len(raw), name
