"""Who speaks: speakers resolved to sides, verbs judged, words counted, on real text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import framelab
from framelab import lexicon, sources
from framelab.articles import parse_article


def words(text: str) -> int:
    return len(lexicon.WORD.findall(text))


def unlinked(source: str) -> str:
    return re.sub(r"\]\([^)]*\)|\[", "", source)


@pytest.fixture(scope="module")
def wire() -> list[framelab.Article]:
    return [framelab.load_article(p) for p in framelab.dataset_files("wire")]


# --------------------------------------------------------------------------- the list


def test_the_speaker_list_is_documented() -> None:
    entries = sources.load_speakers()
    assert len(entries) >= 60
    for entry in entries:
        assert entry.side in sources.SIDES and entry.kind in sources.KINDS and entry.note
    sides = {e.side for e in entries}
    assert sides == set(sources.SIDES)


@pytest.mark.parametrize(("speaker", "actor", "side"), [
    ("Ahmed al-Mismari", "al-mismari", "LNA"),
    ("The LNA spokesman, Ahmed al-Mismari", "al-mismari", "LNA"),
    ("the interior ministry", "gna-interior-ministry", "GNA"),
    ("The GNA interior ministry", "gna-interior-ministry", "GNA"),
    ("Guterres", "guterres", "UN"),
    ("the White House", "white-house", "US"),
    ("US Secretary of State Mike Pompeo", "pompeo", "US"),
    ("former Italian Interior Minister Marco Minitti", "minniti", "others"),
    ("WHO", "who", "UN"),
    ("the French government", "france", "France"),
    ("the renegade general", "haftar", "LNA"),
    ("reports", "reports", "unnamed"),
])
def test_speakers_resolve_to_actors_and_sides(speaker, actor, side) -> None:
    entry = sources.resolve(speaker)
    assert entry is not None and (entry.actor, entry.side) == (actor, side)


def test_acronyms_match_only_in_capitals() -> None:
    assert sources.resolve("who") is None
    assert sources.resolve("us") is None
    assert sources.resolve("US officials").side == "US"


def test_a_malformed_speaker_list_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "speakers.csv"
    path.write_text("speaker,actor,side,kind,note\nJane Doe,doe,Mars,person,why\n",
                    encoding="utf-8")
    with pytest.raises(sources.SpeakerListError, match="line 2: side 'Mars'"):
        sources.load_speakers(path)
    path.write_text("speaker,actor\nx,y\n", encoding="utf-8")
    with pytest.raises(sources.SpeakerListError, match="line 1"):
        sources.load_speakers(path)


@pytest.mark.parametrize(("verb", "stance"), [
    ("said", "neutral"), ("told", "neutral"), ("according to", "neutral"),
    ("stressed", "neutral"), ("claimed", "loaded"), ("accuses", "loaded"),
    ("warns", "loaded"), ("recognised", "unlisted"), ("", "")])
def test_reporting_verbs_are_judged_by_the_stance_lexicon(verb, stance) -> None:
    assert sources.verb_stance(verb) == stance


# --------------------------------------------------------------------------- hand-counted


PASSAGE = (
    "Officials trade claims over Tripoli airport\n\n"
    "The LNA spokesman, Ahmed al-Mismari, told a press conference that LNA forces "
    "controlled the former airport. GNA-aligned forces said they held it.\n\n"
    "\u201cThere is no military solution,\u201d Guterres said. The interior ministry "
    "claimed that France backed Haftar.\n\n"
    "OCHA said about 35,000 people had been displaced. It said it had verified 90 civilian "
    "casualties. According to reports, the strike hit Mitiga.\n")


def test_a_hand_counted_passage() -> None:
    article = parse_article(PASSAGE)
    found = sources.find_sources(article)
    got = [(s.side, s.actor, s.kind, s.verb, s.verb_stance, s.words) for s in found]
    assert got == [
        ("LNA", "al-mismari", "reported", "told", "neutral",
         words("LNA forces controlled the former airport")),
        ("GNA", "gna-forces", "reported", "said", "neutral", words("they held it")),
        ("UN", "guterres", "direct", "said", "neutral", words("There is no military solution")),
        ("GNA", "gna-interior-ministry", "reported", "claimed", "loaded",
         words("France backed Haftar")),
        ("UN", "ocha", "reported", "said", "neutral",
         words("about 35,000 people had been displaced")),
        ("UN", "ocha", "reported", "said", "neutral",
         words("it had verified 90 civilian casualties")),
        ("unnamed", "reports", "reported", "According to", "neutral",
         words("the strike hit Mitiga")),
    ]
    pronoun = found[5]
    assert pronoun.speaker == "It" and "OCHA" in pronoun.why
    for s in found:
        assert article.source[s.start:s.end] == s.text
        assert article.source[s.speaker_start:s.speaker_end] == s.speaker
    table = sources.who_speaks(article)
    assert list(table.index) == list(sources.SIDES)
    assert table.loc["UN", "direct"] == 1 and table.loc["UN", "reported"] == 2
    assert table.loc["GNA", "loaded_verbs"] == 1
    assert table["words"].sum() == sum(s.words for s in found)
    assert abs(table["word_share"].sum() - 1) < 0.01


def test_unlisted_speakers_are_others_when_named_and_unnamed_when_not() -> None:
    article = parse_article("Jane Doe said the road was closed. A politician in Tripoli said "
                            "nothing had changed. The bridge had fallen, he said.\n")
    sides = [(s.speaker, s.side) for s in sources.find_sources(article)]
    assert ("Jane Doe", "others") in sides
    assert ("A politician in Tripoli", "unnamed") in sides


# --------------------------------------------------------------------------- the seed


def test_who_speaks_in_the_seed(seed) -> None:
    found = sources.find_sources(seed)
    direct = [(s.side, s.actor) for s in found if s.kind == "direct"]
    assert direct == [("GNA", "al-sarraj"), ("GNA", "al-sarraj"), ("US", "trump"),
                      ("GNA", "gna-interior-ministry"), ("others", "minniti"),
                      ("others", "minniti")]
    sarraj = [s for s in found if s.actor == "al-sarraj"]
    assert sarraj[0].text.startswith("We will not give up our principles")
    assert sarraj[1].text.startswith("the unification of institutions")
    assert "continues the quotation" in sarraj[1].why
    trump = next(s for s in found if s.actor == "trump")
    assert "oil resources" in trump.text and trump.verb == ""
    ministry = next(s for s in found if s.actor == "gna-interior-ministry")
    assert "criminal Haftar" in ministry.text
    minniti = [s for s in found if s.actor == "minniti"]
    assert {s.verb for s in minniti} == {"warns"} and {s.verb_stance for s in minniti} == {
        "loaded"}
    for s in found:
        assert unlinked(seed.source[s.start:s.end]) == s.text
    table = sources.who_speaks(seed, found)
    assert table.loc["GNA", "direct"] == 3
    assert table.loc["GNA", "words"] == sum(s.words for s in found if s.side == "GNA")
    assert table.loc["UN", "direct"] + table.loc["UN", "reported"] == 0
    assert table.loc["France", "direct"] == 0, "France is spoken of, never quoted"


def test_sources_json_offsets(seed) -> None:
    rows = sources.sources_json(seed)
    assert rows and all(set(r) >= {"start", "end", "text", "speaker", "side", "verb", "kind"}
                        for r in rows)
    for row in rows:
        assert seed.source[row["start"]:row["end"]] == row["text"]
        assert row["kind"] in {"direct", "reported"} and row["side"] in sources.SIDES
        if row["speaker_start"] >= 0:
            assert unlinked(seed.source[row["speaker_start"]:row["speaker_end"]]) == \
                row["speaker"]


# --------------------------------------------------------------------------- the wire


def test_the_wire_corpus(wire) -> None:
    total = sources.who_speaks(wire)
    every = [s for text in wire for s in sources.find_sources(text)]
    assert total["direct"].sum() + total["reported"].sum() == len(every)
    for text in wire:
        for s in sources.find_sources(text):
            assert text.source[s.start:s.end] == s.text
            assert s.side in sources.SIDES and s.why, s
            if " → " in s.why:
                assert s.why.split(" → ")[1].startswith(s.side), s
            if s.side != "unnamed":
                assert s.actor or s.side == "others", s
            assert s.verb_stance == sources.verb_stance(s.verb)
    named = {s.side for s in every} - {"unnamed"}
    assert named, "wire copy names its sources"


def test_pronouns_possessives_and_the_words_before_a_speaker() -> None:
    listed = (
        sources.SpeakerEntry("Jane Roe", "roe", "UN", "person", "an envoy in this test"),
        sources.SpeakerEntry("Acme Ministry", "acme-ministry", "GNA", "institution", "test"),
        sources.SpeakerEntry("Acme", "acme", "GNA", "institution", "test"),
        sources.SpeakerEntry("Bolt Army", "bolt", "LNA", "institution", "test"),
    )
    article = parse_article(
        "Jane Roe met the Bolt Army's commander on Monday. He was not available later. "
        "She said the talks had been useful. On Tuesday she said the meeting was over.\n\n"
        "The Bolt Army crossed the river. Its statements said the town was taken.\n\n"
        "The Acme Ministry cut its ties with Ruritania, which it said was hostile. "
        "The ministry said the decision was final. An Acme spokesman said more would "
        "follow.\n")
    got = [(s.speaker, s.actor) for s in sources.find_sources(article, listed)]
    assert got == [("She", "roe"), ("she", "roe"), ("Its statements", "bolt"),
                   ("it", "acme-ministry"), ("The ministry", "acme-ministry"),
                   ("An Acme spokesman", "acme")]
    who = parse_article("A WHO spokesman said at least 14 civilians were among the dead.\n")
    (found,) = sources.find_sources(who)
    assert found.side == "UN" and "WHO" in found.why
    assert found.speaker == "A WHO spokesman"
    gna = parse_article("Libya's internationally recognised government said it had launched "
                        "a counter-offensive.\n")
    (found,) = sources.find_sources(gna)
    assert found.speaker == "Libya's internationally recognised government"
    assert found.side == "GNA"
