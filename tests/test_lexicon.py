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


# --------------------------------------------------------------------------- context rules

def test_rule_columns_load_and_apply(tmp_path: Path) -> None:
    path = write(tmp_path, "term,category,note,not_before,not_after,pos,hyphenated,in_names\n"
                           "regime,delegitimising,Label for a government,sanctions|anti,,,,\n"
                           "supposed,delegitimising,Casts doubt,,to,,,\n"
                           "brave,legitimising,Praise,,,adj,,\n"
                           "inflammatory,judgement,Provocative,,,,no,\n"
                           "gestapo,charged_imagery,Nazi police image,,,,,yes\n")
    entries = lexicon.load_lexicon(path)
    assert entries[0].not_before == ("sanctions", "anti") and entries[1].not_after == ("to",)
    assert entries[2].pos == ("adj",) and not entries[3].hyphenated and entries[4].in_names
    found = [x.text for x in Matcher(entries).find(
        "The regime fell. The sanctions regime and anti-regime marches. It was supposed to end; "
        "the supposed reform. The brave braved it. Anti-inflammatory pills, inflammatory talk. "
        "Gestapo tactics.")]
    assert found == ["regime", "supposed", "brave", "inflammatory", "Gestapo"]


def test_a_lexicon_without_rule_columns_still_loads(tmp_path: Path) -> None:
    entries = lexicon.load_lexicon(write(tmp_path, "term,category,note\nthug,name_calling,x y\n"))
    assert entries == (LexiconEntry("thug", "name_calling", "x y"),)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("regime,delegitimising,a b,sanctions||anti,,,,", "line 2: 'regime' has not_before"),
        ("regime,delegitimising,a b,,to;from,,,", "line 2: 'regime' has not_after"),
        ("brave,legitimising,a b,,,adjective,,", "line 2: 'brave' has pos 'adjective'"),
        ("brave,legitimising,a b,,,,maybe,", "line 2: 'brave' has hyphenated 'maybe'"),
        ("brave,legitimising,a b,,,,,sometimes", "line 2: 'brave' has in_names 'sometimes'"),
    ],
)
def test_malformed_rule_columns_give_line_numbers(tmp_path: Path, row: str, message: str) -> None:
    header = "term,category,note,not_before,not_after,pos,hyphenated,in_names\n"
    with pytest.raises(LexiconError, match=message):
        lexicon.load_lexicon(write(tmp_path, header + row + "\n"))


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("Judges at the International Criminal Court met.", "Criminal", True),
        ("Crowds filled Martyrs' Square on Friday.", "Martyrs", True),
        ("The army deployed a Patriot battery.", "Patriot", True),
        ("United Nations officials arrived.", "United", True),
        ("Criminal gangs run the port.", "Criminal", False),
        ("He said: Brutal attacks continued.", "Brutal", False),
        ('He called it "Brutal and senseless".', "Brutal", False),
        ("The criminal gangs run the port.", "criminal", False),
        ("BRUTAL ATTACKS CONTINUE", "BRUTAL", False),
        ("Brutal Militias Seize Key Oil Port In Overnight Raid", "Militias", False),
    ],
)
def test_names_are_told_from_words(text: str, word: str, name: bool) -> None:
    start = text.index(word)
    assert lexicon.in_name(text, start, start + len(word)) is name


def kit_flags(text: str) -> dict[str, str]:
    """term -> whose voice, for the kit's lexicon flags in a constructed sentence."""
    from framelab import loaded

    return {f.term: f.quoted for f in loaded.find_loaded(text, signals={"lexicon"})}


# Every false positive named in issue 10, each in a constructed sentence where it must not
# count, and one where the same entry still fires.
FALSE_POSITIVES = [
    ("criminal", "Judges at the International Criminal Court opened the hearing.",
     "The criminal general ordered the shelling."),
    ("criminal", "Prosecutors filed criminal charges on Monday.",
     "It was a criminal waste of public money."),
    ("regime", "The sanctions regime expires in June.", "The regime jailed its critics."),
    ("regime", "Anti-regime protesters marched on Friday.", "Regime forces shelled the town."),
    ("supposed", "The talks were supposed to resume on Monday.",
     "The supposed reforms never came."),
    ("outstanding", "The ministry repaid its outstanding loans.",
     "Officials praised an outstanding performance."),
    ("martyr", "Crowds gathered in Martyrs' Square.", "He died a martyr for the cause."),
    ("liberation", "The People's Liberation Army held drills.",
     "Crowds celebrated the liberation of the city."),
    ("patriot", "The army deployed a Patriot missile battery.",
     "Only a patriot would sign the pledge."),
    ("homeland", "Officials from Homeland Security visited the port.",
     "The homeland must come first."),
    ("homeland", "The bill funds homeland security.", "Fighters returned to the homeland."),
    ("defender", "Human rights defenders were detained.",
     "The defenders of the city held the line."),
    ("brave", "Voters braved the rain on Sunday.", "The brave soldiers held the bridge."),
    ("stunt", "Malnutrition stunted the children's growth.", "The visit was a stunt."),
    ("rigged", "The car was rigged with explosives.", "The election was rigged."),
    ("inflammatory", "Doctors prescribed anti-inflammatory drugs.",
     "The minister made inflammatory remarks."),
    ("treacherous", "Migrants take the treacherous sea route to Italy.",
     "The treacherous commander switched sides."),
    ("mob", "The mob boss was jailed for racketeering.", "A mob stormed the town hall."),
    ("mob", "He had ties to the Russian mob.", "The mob chased the reporters away."),
    # verbs whose base form is also an everyday noun: the noun does not count
    ("gut", "He had a gut feeling about the vote.", "The plan would gut the law."),
    ("railroad", "The railroad company hired new workers.",
     "They tried to railroad the bill through."),
    ("fleece", "She wore a fleece jacket.", "Landlords fleece their tenants."),
    ("torpedo", "The torpedo hit the ship.", "The senator tried to torpedo the deal."),
    ("muzzle", "The muzzle of the rifle was hot.", "They want to muzzle the press."),
]


@pytest.mark.parametrize(("term", "neutral", "loaded_use"), FALSE_POSITIVES,
                         ids=[f"{t}: {n}" for t, n, _ in FALSE_POSITIVES])
def test_listed_false_positives_do_not_count(term: str, neutral: str, loaded_use: str) -> None:
    assert term not in kit_flags(neutral)
    assert kit_flags(loaded_use).get(term) == ""


def test_entries_written_with_a_capital_still_count() -> None:
    assert kit_flags("Police used Gestapo tactics.") == {"gestapo": ""}
    assert kit_flags("It was a Mickey Mouse operation.") == {"mickey mouse": ""}
    assert kit_flags("Then MAGA extremists marched.") == {"maga extremist": ""}


def test_purported_is_a_hedge_not_a_loaded_word() -> None:
    from framelab import loaded

    assert "purported" not in kit_flags("A purported video of the raid circulated.")
    hedges = [m.text for m in loaded.stance_matcher().find("A purported video circulated.")]
    assert hedges == ["purported"]
    assert {e.term: e.category for e in lexicon.stance_markers()}["purported"] == "hedge"


# The labels issue 10 found missing: each fires in a loaded use and not in its neutral senses.
MISSING_LABELS = [
    ("terrorist", "The terrorists attacked the convoy.",
     ["Counter-terrorist units were deployed.", "The group is on the terrorist designation list."]),
    ("mercenary", "Foreign mercenaries fought for the general.", []),
    ("aggression", "The aggression against the capital continued.",
     ["Childhood aggression is common in toddlers."]),
    ("aggressor", "The aggressor must withdraw.", []),
    ("coup", "The general staged a coup.",
     ["The deal was a diplomatic coup for Rome.", "The sniper delivered the coup de grace."]),
    ("renegade", "The renegade commander seized the port.", []),
    ("rogue", "A rogue commander seized the port.",
     ["A rogue wave hit the ferry.", "Doctors found rogue cells in the sample."]),
    ("invasion", "The invasion of the capital began at dawn.",
     ["The photographs were an invasion of privacy.", "Fans staged a pitch invasion."]),
    ("invade", "Troops invaded the town at dawn.", ["Reporters invaded her privacy."]),
    ("radical", "Radical militias control the port.",
     ["The patient needed radical surgery.", "Free radicals damage cells."]),
    ("extremist", "Extremist fighters attacked the town.",
     ["Counter-extremist officers met on Monday."]),
    ("war criminal", "The general is a war criminal.", []),
    ("war crime", "Troops committed war crimes in the town.",
     ["War crimes investigators arrived in the town."]),
    ("genocide", "The shelling amounted to genocide.",
     ["Delegates discussed the Genocide Convention.", "The genocide memorial opened."]),
    ("tyranny", "The city lived under tyranny.",
     ["Philosophers warned of the tyranny of the majority."]),
    ("dictatorship", "The dictatorship jailed its critics.",
     ["Marx wrote of the dictatorship of the proletariat."]),
    ("murderous", "The murderous militia shelled the town.", []),
    ("notorious", "The notorious prison held hundreds.",
     ["Fans played songs by the Notorious B.I.G. all night."]),
]


@pytest.mark.parametrize(("term", "loaded_use", "neutral"), MISSING_LABELS,
                         ids=[t for t, _, _ in MISSING_LABELS])
def test_added_labels_fire_and_spare_their_neutral_senses(
        term: str, loaded_use: str, neutral: list[str]) -> None:
    entry = {e.term: e for e in lexicon.loaded_language()}[term]
    assert entry.category in lexicon.LOADED_CATEGORIES and len(entry.note.split()) >= 8
    assert kit_flags(loaded_use).get(term) == "", loaded_use
    for sentence in neutral:
        assert term not in kit_flags(sentence), sentence


# Labels that place a party at the fringe of politics, and the places they name otherwise.
POSITION_LABELS = [
    ("far left", "The far-left party won four seats.",
     ["The flag is in the far left corner of the photo.", "The army has so far left the town."]),
    ("far right", "Far-right groups marched on Saturday.",
     ["Sign in the far right column.", "She stood at the far right of the stage."]),
    ("hard left", "The hard left took over the committee.",
     ["Take a hard left turn at the lights."]),
    ("hard right", "The party lurched to the hard right.", ["Make a hard right onto the bridge."]),
    ("alt right", "The alt-right rally drew a crowd.", []),
]


@pytest.mark.parametrize(("term", "loaded_use", "neutral"), POSITION_LABELS,
                         ids=[t for t, _, _ in POSITION_LABELS])
def test_fringe_labels_fire_and_spare_places(
        term: str, loaded_use: str, neutral: list[str]) -> None:
    entry = {e.term: e for e in lexicon.loaded_language()}[term]
    assert entry.category == "name_calling" and "neutral" in entry.note.lower()
    assert kit_flags(loaded_use).get(term) == "", loaded_use
    for sentence in neutral:
        assert term not in kit_flags(sentence), sentence


def _entry_matches(matcher: Matcher, text: str, term: str) -> bool:
    return any(m.entry.term == term for m in matcher.find(text))


def test_every_rule_in_the_kit_lexicon_cancels_its_entry() -> None:
    """Data-driven: each entry fires alone, and each word or phrase its rules list
    before or after it stops it, so a mistyped rule shows up here."""
    matcher = Matcher(lexicon.loaded_language())
    failures = []
    for entry in lexicon.loaded_language():
        if not (entry.not_before or entry.not_after):
            continue
        term = entry.term
        if not _entry_matches(matcher, f"they saw {term}.", term):
            failures.append(f"{term!r} does not fire on its own")
            continue
        failures += [f"{term!r} still fires after {w!r}" for w in entry.not_before
                     if _entry_matches(matcher, f"they saw {w} {term}.", term)]
        failures += [f"{term!r} still fires before {w!r}" for w in entry.not_after
                     if _entry_matches(matcher, f"they saw {term} {w}.", term)]
    assert not failures, "\n".join(failures)


def test_a_saved_lexicon_keeps_its_rules(tmp_path: Path) -> None:
    """Writing the kit's lexicon and reading it back gives the same entries, rules and all."""
    kit = lexicon.loaded_language()
    path = write(tmp_path, lexicon.to_csv(kit))
    assert lexicon.load_lexicon(path) == kit
    again = Matcher(lexicon.load_lexicon(path))
    assert [m.text for m in again.find("The sanctions regime held; the regime fell.")] == ["regime"]
