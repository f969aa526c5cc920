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
ATTRIBUTION = re.compile(
    r"\b(said|says|told|announced|reported|stated|added|according to|wrote|tweeted|urged"
    r"|called (on|for)|denied|accused|accusing|described|declared|counted|estimated"
    r"|put (the|its|that)|gave (a|the) figure|named (it|its|the)|calls)\b", re.I)
"""Words that hand a sentence to a source: neutral reporting verbs, and the verbs agencies
use for a body's figures ("WHO put the toll at...") and names ("the GNA named it...")."""

FORMS = {"breaking": (1, 299), "report": (400, 700), "backgrounder": (300, 1200)}
"""Agency forms and their lengths in words: a breaking item under 300, a full report of
400-700, a backgrounder or explainer that may run longer."""


def wire_articles() -> list[framelab.Article]:
    return [framelab.load_article(p) for p in WIRE]


def test_wire_corpus_size_span_and_forms() -> None:
    articles = wire_articles()
    assert len(articles) >= 16
    counts = {a.path.name: len(a.body.split()) for a in articles}
    assert sum(counts.values()) >= 6000
    dates = sorted(a.date for a in articles)
    assert dates[0] == dt.date(2019, 4, 4) and dates[-1] == dt.date(2019, 4, 23)
    forms = Counter(a.metadata["form"] for a in articles)
    assert set(forms) == set(FORMS), forms
    for a in articles:
        low, high = FORMS[a.metadata["form"]]
        assert low <= counts[a.path.name] <= high, (a.path.name, a.metadata["form"],
                                                     counts[a.path.name])


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
    attributed = sum(bool(ATTRIBUTION.search(s.text)) for s in article.sentences)
    assert attributed / len(article.sentences) >= 0.35
    loaded_verbs = re.compile(r"\b(claim(ed|s)?|admit(ted|s)?|insist(ed|s)?|concede[ds]?)\b", re.I)
    assert not loaded_verbs.search(article.body)


def test_every_figure_in_the_wire_copy_is_on_the_fact_sheet() -> None:
    facts = FACTS.read_text(encoding="utf-8")
    known = set(re.findall(r"\d[\d,]*", facts))
    known |= {str(d) for d in range(1, 32)}
    for article in wire_articles():
        for number in re.findall(r"\d[\d,]*\d|\d", article.body):
            assert number in known, (article.path.name, number)


def test_about_half_the_wire_sentences_are_attributed() -> None:
    sentences = [s.text for a in wire_articles() for s in a.sentences]
    share = sum(bool(ATTRIBUTION.search(s)) for s in sentences) / len(sentences)
    print(f"attributed sentences in the wire corpus: {share:.0%} of {len(sentences)}")
    assert share >= 0.5


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


def test_lexicon_terms_are_normalised_once() -> None:
    import csv

    for name in ["loaded_language", "stance_markers", "event_vocabulary"]:
        with lexicon.lexicon_path(name).open(encoding="utf-8") as f:
            raw = [row["term"] for row in csv.DictReader(f)]
        assert all(t == t.strip().lower() and "-" not in t and "  " not in t for t in raw), name
        assert len({lexicon.normalise_term(t) for t in raw}) == len(raw), name


# --------------------------------------------------------------- the wire corpus, issue 10

QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def quotations(text: str) -> list[str]:
    """Every passage between double quotation marks, straight or curly."""
    return QUOTATION.findall(text)


def words_of(text: str) -> list[str]:
    """The words of a passage, punctuation dropped and curly apostrophes straightened."""
    return re.findall(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?", text.replace("’", "'"))


def public_record(seed: framelab.Article) -> list[list[str]]:
    """The words someone said on the record: the quotations of the fact sheet and the seed."""
    sources = [FACTS.read_text(encoding="utf-8"), seed.body]
    return [words_of(q) for source in sources for q in quotations(source)]


def on_the_record(quote: str, record: list[list[str]]) -> bool:
    """True when the quotation's words occur, in order and unbroken, inside one recorded
    quotation. Case and words are kept exactly: "recognized" does not match "recognised"."""
    words = words_of(quote)
    return bool(words) and any(
        said[i : i + len(words)] == words for said in record
        for i in range(len(said) - len(words) + 1))


def is_name(quote: str) -> bool:
    """A quoted name ("Volcano of Rage"): every word capitalised, or of/the/and."""
    return all(w[0].isupper() or w in {"of", "the", "and"} for w in words_of(quote))


def test_every_wire_quotation_is_on_the_public_record(seed) -> None:
    record = public_record(seed)
    invented = [(a.path.name, q) for a in wire_articles() for q in quotations(a.body)
                if not on_the_record(q, record)]
    assert invented == []


def test_contrast_texts_quote_only_the_record(seed) -> None:
    """Quotations of two words or more; a one-word scare quote is the op-ed's own device."""
    record = public_record(seed)
    invented = [(p.name, q) for p in CONTRAST for q in quotations(framelab.load_article(p).body)
                if len(words_of(q)) >= 2 and not on_the_record(q, record)]
    assert invented == []


def test_quotation_check_rejects_an_invented_or_altered_quotation(seed) -> None:
    record = public_record(seed)
    assert on_the_record("there is no military solution", record)
    assert on_the_record("still time to stop", record)
    assert not on_the_record("there is a military solution", record)
    assert not on_the_record("We will defend Tripoli to the last man", record)
    sheet = "recognized Field Marshal Haftar's significant role"
    assert on_the_record(sheet, record)
    assert on_the_record(sheet.replace("recognized", "recognised"), record)  # the seed's spelling
    assert not on_the_record(sheet.replace("significant", "vital"), record)


SPEAKERS = {
    "LNA": r"LNA|Libyan National Army|al-Mismari|Haftar",
    "GNA": r"GNA|Government of National Accord|al-Sarraj|interior ministry|Bashagha",
    "UN": r"Guterres|Salame|Dujarric|Security Council|OCHA|United Nations",
    "WHO": r"WHO|World Health Organization|Jasarevic",
    "US": r"White House|Pompeo|Washington",
}
SAYS = r"(said|says|told|announced|wrote|reported|described|accused|urged|denied|put|calls)"


def speaks(speaker: str, text: str) -> bool:
    """True when the speaker's name is followed, within 80 characters of the same
    sentence, by a reporting verb ("the LNA said", "Pompeo ... urged"), or follows
    "according to"."""
    name = rf"\b({SPEAKERS[speaker]})\b"
    return bool(re.search(rf"{name}[^.]{{0,80}}?\b{SAYS}\b", text)
                or re.search(rf"\baccording to (the )?{name}", text))


def test_both_sides_the_un_who_and_the_us_speak() -> None:
    articles = wire_articles()
    quoting = [a.path.name for a in articles
               if any(not is_name(q) for q in quotations(a.body))]
    print(f"{len(quoting)} of {len(articles)} wire texts quote someone")
    assert len(quoting) >= 8
    for speaker in SPEAKERS:
        texts = [a.path.name for a in articles
                 if any(speaks(speaker, s.text) for s in a.sentences)]
        print(f"{speaker} speaks in {len(texts)} texts")
        assert texts, speaker
    assert speaks("LNA", "The LNA said it aimed to take the capital.")
    assert not speaks("US", "The LNA said Washington was far away.")


def six_word_sequences(text: str) -> list[tuple[str, ...]]:
    """Every run of six consecutive words, lower-cased, in order."""
    words = [w.lower() for w in words_of(text)]
    return [tuple(words[i : i + 6]) for i in range(len(words) - 5)]


def reused_share(text: str, others: list[str]) -> float:
    """The share of a text's six-word sequences that also occur in at least one other text:
    0 for a text written afresh, near 1 for a template retold with new figures."""
    own = six_word_sequences(text)
    elsewhere = {seq for other in others for seq in six_word_sequences(other)}
    return sum(seq in elsewhere for seq in own) / len(own) if own else 0.0


def test_wire_texts_are_not_one_template_retold() -> None:
    bodies = {a.path.name: a.body for a in wire_articles()}
    shares = {name: reused_share(body, [b for n, b in bodies.items() if n != name])
              for name, body in bodies.items()}
    average = sum(shares.values()) / len(shares)
    print(f"six-word sequences shared with another wire text: {average:.1%} on average, "
          f"at most {max(shares.values()):.1%}")
    assert average <= 0.20, shares


def test_reuse_measure_catches_a_template() -> None:
    template = ("{lead} The offensive began on April 4, when the eastern commander ordered his "
                "forces to advance on the capital. The government in Tripoli announced a "
                "counter-offensive three days later.")
    a = template.format(lead="WHO said on Sunday that 121 people had been killed.")
    b = template.format(lead="WHO said on Tuesday that 174 people had been killed.")
    assert reused_share(a, [b]) > 0.6
    assert reused_share(a, ["Officials in Geneva gave a new count of the wounded."]) == 0.0


def writer_voice_flags(article: framelab.Article) -> list:
    from framelab import loaded

    return loaded.writer_flags(loaded.find_loaded(article))


def writer_voice_rate(articles: list[framelab.Article]) -> float:
    """Writer's-voice loaded flags per 1,000 words, counted as the kit's profile counts them."""
    from framelab import measures

    flags = sum(len(writer_voice_flags(a)) for a in articles)
    return 1000 * flags / sum(measures.word_count(a) for a in articles)


def test_wire_writes_far_fewer_loaded_words_than_the_seed(seed) -> None:
    wire, own = writer_voice_rate(wire_articles()), writer_voice_rate([seed])
    print(f"writer's-voice loaded flags per 1,000 words: seed {own:.1f}, wire {wire:.1f}")
    assert wire <= own / 3


def datasheet_agency_style() -> dict[str, str]:
    """The datasheet's table of writer's-voice flags in the wire corpus: term -> why."""
    sheet = (framelab.datasets_dir() / "README.md").read_text(encoding="utf-8")
    heading = "### Writer's-voice flags in the wire corpus"
    assert heading in sheet, f"datasets/README.md has no section '{heading}'"
    section = sheet.split(heading, 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \|[^|]*\|[^|]*\|([^|]*)\|", section, re.M)
    return {term: why.strip() for term, why in rows}


def test_every_writers_voice_flag_in_the_wire_is_listed_as_agency_style() -> None:
    found: dict[str, list] = {}
    for article in wire_articles():
        for f in writer_voice_flags(article):
            found.setdefault(f.term, []).append((f, article.path.name))
    listed = datasheet_agency_style()
    missing, stale = sorted(set(found) - set(listed)), sorted(set(listed) - set(found))
    table = "\n".join(
        f"| `{term}` | {hits[0][0].category} | {len(hits)} in {len({n for _, n in hits})} texts "
        f"| ? |" for term, hits in sorted(found.items()))
    assert not missing and not stale, (
        f"datasets/README.md lists writer's-voice flags that the kit no longer finds in the "
        f"wire: {stale}; and does not list flags it finds: {missing}. The rows the kit "
        f"finds now (fill in the last column):\n{table}")
    assert all(why for why in listed.values())
