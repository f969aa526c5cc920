"""Lexicon files load with clear errors, and the matcher finds terms as a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

from framelab import lexicon
from framelab.lexicon import LexiconEntry, LexiconError, Matcher


def write(tmp_path: Path, text: str, name: str = "mine.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_students_lexicon_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "term,category,note\nRag-Tag,name_calling,Disparaging label\n"
                           "blood soaked,charged_imagery,\"Gory image, casts as killers\"\n")
    entries = lexicon.load_lexicon(path)
    assert entries == (
        LexiconEntry("rag tag", "name_calling", "Disparaging label"),
        LexiconEntry("blood soaked", "charged_imagery", "Gory image, casts as killers"),
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("term,category,note\n", "no entries"),
        ("word,kind\nthug,name_calling\n", "lacks the column"),
        ("term,category,note\nthug,insult,brands people\n", "line 2: 'thug' has category 'insult'"),
        ("term,category,note\nthug,name_calling,\n", "line 2: 'thug' has no note"),
        ("term,category,note\nthug,name_calling,a\nThug,name_calling,b\n",
         "line 3: 'thug' is listed already on line 2"),
        ("term,category,note\n,name_calling,a\n", "line 2: the term is empty"),
    ],
)
def test_malformed_lexicons_give_line_numbers(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as info:
        lexicon.load_lexicon(write(tmp_path, content))
    assert "What to do:" in str(info.value)


def test_binary_missing_and_folder_lexicons(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(LexiconError, match="binary"):
        lexicon.load_lexicon(tmp_path / "sheet.csv")
    with pytest.raises(LexiconError, match="no such"):
        lexicon.load_lexicon(tmp_path / "none.csv")
    with pytest.raises(LexiconError, match="folder"):
        lexicon.load_lexicon(tmp_path)


def test_excel_style_csv_with_bom_and_cp1252_loads(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffTerm,Category,Note\r\ncharade,derision,“Pretence” staged\r\n"
                     .encode("utf-8"))
    assert lexicon.load_lexicon(path)[0].note == "“Pretence” staged"
    path.write_bytes("term,category,note\r\ncharade,derision,“Pretence”\r\n".encode("cp1252"))
    assert lexicon.load_lexicon(path)[0].note == "“Pretence”"


def matches(entries: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    m = Matcher(LexiconEntry(t, c, "why") for t, c in entries)
    return [(x.text, x.entry.term) for x in m.find(text)]


def test_inflections_and_whole_words() -> None:
    found = matches([("slaughter", "charged_imagery"), ("thug", "name_calling")],
                    "Thugs slaughtered them; the slaughterhouse and thuggery are other words.")
    assert found == [("Thugs", "thug"), ("slaughtered", "slaughter")]


def test_irregular_plurals_and_possessives() -> None:
    found = matches([("hero", "legitimising"), ("crony", "name_calling")],
                    "Heroes and the cronies' deals; a crony's job.")
    assert found == [("Heroes", "hero"), ("cronies", "crony"), ("crony's", "crony")]


def test_multiword_variants_hyphen_space_line_break() -> None:
    entries = [("blood soaked", "charged_imagery"), ("so called", "delegitimising")]
    text = "a blood-soaked war, a blood\nsoaked field, the so-called government, so. Called"
    assert [t for t, _ in matches(entries, text)] == ["blood-soaked", "blood\nsoaked", "so-called"]


def test_longest_entry_wins() -> None:
    found = matches([("failed", "judgement"), ("failed state", "delegitimising")],
                    "A failed state; a failed plan.")
    assert found == [("failed state", "failed state"), ("failed", "failed")]


def test_adjectives_are_not_inflected_as_verbs() -> None:
    assert matches([("utter", "exaggeration")], "He uttered an utter lie.") == [("utter", "utter")]


def test_reporting_verbs_that_are_nouns_match_only_as_verbs() -> None:
    found = matches([("state", "reporting_neutral"), ("say", "reporting_neutral")],
                    "The state said nothing; officials stated and say so.")
    assert found == [("said", "say"), ("stated", "state"), ("say", "say")]


def test_acronyms_do_not_match_words() -> None:
    assert matches([("us", "first_person")], "US officials told us.") == [("us", "us")]
