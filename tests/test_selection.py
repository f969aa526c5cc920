"""Facts as data, selection and salience, the coverage matrix, and headlines against leads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import framelab
from framelab import facts, headlines, render, selection
from framelab.articles import parse_article
from framelab.loaded import find_loaded

FACTS_DIR = framelab.datasets_dir() / "facts"
SHEET = FACTS_DIR / "libya-april-2019.md"
NUMBER = re.compile(r"\d[\d,]*\d|\d")
MONTHS = {"01": "January", "02": "February", "03": "March", "04": "April", "05": "May",
          "12": "December"}


@pytest.fixture(scope="module")
def fact_list() -> tuple[facts.Fact, ...]:
    return facts.load_facts()


@pytest.fixture(scope="module")
def wire() -> list[framelab.Article]:
    return [framelab.load_article(p) for p in framelab.dataset_files("wire")]


@pytest.fixture(scope="module")
def op_ed() -> framelab.Article:
    return framelab.load_article(framelab.datasets_dir() / "contrast"
                                 / "counter_oped_liberation.md")


def ids(mentions: list[selection.Mention]) -> set[str]:
    return {m.fact for m in mentions}


def unlinked(source: str) -> str:
    """Source text as a reader sees it: Markdown links [words](url) read as their words."""
    return re.sub(r"\]\([^)]*\)|\[", "", source)


def found_in(text: str, fact_list) -> set[str]:
    return ids(selection.find_facts(parse_article(text), fact_list))


# --------------------------------------------------------------------------- the list


def test_the_kit_list_is_complete_and_documented(fact_list) -> None:
    assert len(fact_list) >= 30
    data = yaml.safe_load((FACTS_DIR / "libya-april-2019.yaml").read_text(encoding="utf-8"))
    topics = set(data["topics"])
    for fact in fact_list:
        assert fact.statement and "\n" not in fact.statement, fact.id
        assert fact.date and fact.reported_by and fact.cues, fact.id
        assert fact.topic in topics, fact.id
    present = {f.topic for f in fact_list}
    assert present == topics, "every topic the list names has facts"
    for topic in ["background", "casualties", "displacement", "foreign_backers",
                  "intervention_2011", "migrants"]:
        assert facts.by_topic(fact_list, topic), topic


def test_every_number_and_date_comes_from_the_fact_sheet(fact_list) -> None:
    sheet = SHEET.read_text(encoding="utf-8")
    numbers = set(NUMBER.findall(sheet))
    for fact in fact_list:
        for text in (fact.statement, *fact.cues):
            for number in NUMBER.findall(text):
                assert number in numbers or number.replace(",", "") in {
                    n.replace(",", "") for n in numbers}, (fact.id, number)
        for year in re.findall(r"\b(?:19|20)\d\d\b", fact.date):
            assert year in sheet, (fact.id, year)
        day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", fact.date)
        if day:
            assert f"{int(day[3])} {MONTHS[day[2]]}" in sheet, (fact.id, fact.date)


def test_each_who_toll_is_a_fact_of_its_own(fact_list) -> None:
    sheet = " ".join(SHEET.read_text(encoding="utf-8").split())
    tolls = re.findall(r"WHO(?: office in Libya)? put the toll at (?:about )?(\d+) dead", sheet)
    assert len(tolls) >= 3
    owners = []
    for dead in tolls:
        holding = [f.id for f in fact_list if re.search(rf"\b{dead} dead", f.statement)]
        assert len(holding) == 1, (dead, holding)
        owners.extend(holding)
    assert len(set(owners)) == len(tolls)


def test_each_fact_is_in_the_wire_or_documented_absent(fact_list, wire) -> None:
    mentioned = set()
    for text in wire:
        mentioned |= ids(selection.find_facts(text, fact_list))
    for fact in fact_list:
        if fact.absent:
            assert fact.id not in mentioned, f"{fact.id} says it is absent but the wire has it"
        else:
            assert fact.id in mentioned, f"{fact.id}: in no wire text; add 'absent: why'"


@pytest.mark.parametrize(("text", "fact", "neighbours"), [
    ("WHO put the toll at 174 dead and 756 wounded.", "who-toll-174-dead-16-april",
     ["who-toll-121-dead-14-april", "who-toll-205-dead-17-april", "who-toll-213-dead-19-april"]),
    ("WHO put the toll at about 121 dead and about 600 wounded.", "who-toll-121-dead-14-april",
     ["who-toll-174-dead-16-april", "migrants-in-detention-23-april"]),
    ("About 3,600 refugees and migrants were held near the front.",
     "migrants-in-detention-23-april", ["who-toll-121-dead-14-april"]),
    ("The IOM said about 25,000 people had been displaced.", "iom-25000-displaced-17-april",
     ["ocha-35000-displaced-23-april", "ocha-34100-displaced-22-april"]),
    ("OCHA said about 35,000 people had been displaced.", "ocha-35000-displaced-23-april",
     ["iom-25000-displaced-17-april"]),
    ("A WHO spokesman said at least 14 civilians were among the dead.",
     "jasarevic-14-civilians-16-april", ["haftar-met-sisi-14-april"]),
    ("Guterres met Haftar in Benghazi on Friday.", "guterres-met-haftar-benghazi",
     ["guterres-in-tripoli-4-april"]),
    ("Guterres said it was still time to stop.", "guterres-still-time-10-april",
     ["guterres-no-military-solution"]),
    ("Salame postponed the conference.", "conference-postponed-9-april",
     ["national-conference-ghadames"]),
    ("The White House said Trump spoke with Haftar by phone.", "trump-haftar-call",
     ["white-house-delay"]),
])
def test_cues_do_not_fire_on_a_neighbouring_fact(fact_list, text, fact, neighbours) -> None:
    found = found_in(text, fact_list)
    assert fact in found
    assert not found & set(neighbours), found & set(neighbours)


def test_dates_and_other_numbers_do_not_pass_for_tolls(fact_list) -> None:
    found = found_in("On April 14 and April 16 and April 19, 116,000 people and 1,213 "
                     "others gathered.", fact_list)
    assert not {f.id for f in facts.by_topic(fact_list, "casualties", "displacement")} & found


def test_cue_syntax() -> None:
    fact = facts.Fact("x", "x", ("postpon*", "Trump + phone", "16,000"))
    text = "The talks were postponed. Trump spoke. He used a phone. Some 116,000 came."
    spans = [(0, 25), (26, 38), (39, 55), (56, len(text))]
    hits = fact.find(text, spans)
    assert [text[h.start:h.end] for h in hits] == ["postponed"]
    one = "Trump spoke by phone to 16,000 people."
    assert [one[h.start:h.end] for h in fact.find(one, [(0, len(one))])] == [
        "Trump spoke by phone", "16,000"]
    assert facts.check_cue("a + ") and facts.check_cue("*") and facts.check_cue("po*st")
    assert facts.check_cue("postpon*") == ""


# --------------------------------------------------------------------------- a student's list


def test_a_students_csv_and_yaml_load_with_the_same_function(tmp_path: Path) -> None:
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text('id,statement,date,reported_by,cues\n'
                        'toll,"Ten people died, officials said.",2024-01-02,officials,'
                        'ten people; 10 dead\n'
                        'mayor,The mayor resigned.,2024-01-03,city hall,mayor + resign*\n',
                        encoding="utf-8")
    yaml_path = tmp_path / "mine.yaml"
    yaml_path.write_text("- id: toll\n  statement: Ten people died.\n"
                         "  cues: [ten people, 10 dead]\n"
                         "- id: mayor\n  statement: The mayor resigned.\n"
                         "  cues: [mayor + resign*]\n", encoding="utf-8")
    from_csv, from_yaml = facts.load_facts(csv_path), facts.load_facts(yaml_path)
    assert [f.id for f in from_csv] == [f.id for f in from_yaml] == ["toll", "mayor"]
    assert from_csv[1].cues == from_yaml[1].cues == ("mayor + resign*",)
    article = parse_article("Storm hits town\n\nTen people died in the storm. The mayor has "
                            "resigned over the response.\n")
    found = selection.find_facts(article, from_csv)
    assert [(m.fact, m.text) for m in found] == [
        ("toll", "Ten people"), ("mayor", "mayor has resigned")]
    assert selection.left_out(article, from_csv).empty


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bad.csv", "id,statement,cues\nok,Fine.,fine\nnocue,No cues here.,\n", "line 3"),
    ("dup.csv", "id,statement,cues\na,One.,one\na,Two.,two\n", "line 3: id 'a' is used already"),
    ("star.csv", "id,statement,cues\na,One.,*\n", "line 2"),
    ("header.csv", "name,text\nx,y\n", "line 1"),
    ("indent.yaml", "facts:\n  - id: a\n    statement: One.\n   cues: [one]\n", "line 4"),
    ("missing.yaml", "facts:\n  - id: a\n    cues: [one]\n  - id: b\n    statement: Two.\n"
     "    cues: [two]\n", "line 2: 'a' has no statement"),
    ("plain.yaml", "just: a mapping\n", "no 'facts:' list"),
    ("empty.yaml", "   \n", "empty"),
    ("facts.txt", "id,statement,cues\n", ".yaml or .csv"),
])
def test_a_malformed_list_raises_a_clear_error(tmp_path: Path, name, content, expected) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(facts.FactListError) as info:
        facts.load_facts(path)
    assert expected in str(info.value)
    assert isinstance(info.value, framelab.FramelabError)
    assert str(path) in str(info.value)


def test_binary_and_missing_lists_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "facts.yaml"
    binary.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(facts.FactListError, match="binary"):
        facts.load_facts(binary)
    with pytest.raises(facts.FactListError, match="no such"):
        facts.load_facts(tmp_path / "nothing.yaml")


# --------------------------------------------------------------------------- the seed


def test_the_seed_by_hand(seed, fact_list) -> None:
    mentions = selection.find_facts(seed, fact_list)
    for m in mentions:
        assert unlinked(seed.source[m.start:m.end]) == m.text
        assert m.where in selection.PLACES
    headline = [m for m in mentions if m.where == "headline"]
    assert [(m.fact, m.text, m.position) for m in headline] == [
        ("advance-on-tripoli-4-april", "Moves on Tripoli", None)]
    assert seed.source[headline[0].start:headline[0].end] == "Moves on Tripoli"
    lead = {(m.fact, m.text) for m in mentions if m.where == "lead"}
    assert ("sarraj-heads-gna", "Prime Minister Fayed Al-Sarraj") in lead
    assert ("flood-of-dignity-aim", "terrorist groups") in lead
    pompeo = next(m for m in mentions if m.fact == "pompeo-opposed-offensive")
    assert pompeo.text == "Pompeo" and 0.5 < pompeo.position < 0.6
    selected = ids(mentions)
    assert {"uae-egypt-back-lna", "nato-air-campaign-2011", "france-patrol-boats",
            "minniti-italy", "gna-suspends-france-ties-18-april"} <= selected
    numbers = facts.by_topic(fact_list, "casualties", "displacement")
    assert not selected & {f.id for f in numbers}, "the seed gives no toll and no count"


def test_salience_ranks_by_first_mention(seed, fact_list) -> None:
    table = selection.salience(seed, fact_list)
    assert list(table["rank"]) == list(range(1, len(table) + 1))
    assert table.iloc[0]["fact"] == "advance-on-tripoli-4-april"
    assert table.iloc[0]["where"] == "headline"
    body = table.dropna(subset=["first_position"])
    assert body["first_position"].between(0, 1).all()
    assert (table["words"] > 0).all() and (table["mentions"] >= table["sentences"]).all()
    chad = table.set_index("fact").loc["haftar-chad-war"]
    sentence = next(s for s in seed.sentences if "Chad" in s.text)
    assert chad["words"] == len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", sentence.text))
    out = selection.left_out(seed, fact_list)
    assert set(out["fact"]) | set(table["fact"]) == {f.id for f in fact_list}
    assert not set(out["fact"]) & set(table["fact"])


def test_coverage_matrix_table_and_figure(seed, op_ed, wire, fact_list) -> None:
    texts = {"seed": seed, "op-ed": op_ed, "wire 1": wire[0]}
    matrix = selection.coverage(texts, fact_list)
    assert list(matrix.columns) == list(texts) and len(matrix) == len(fact_list)
    assert set(matrix.to_numpy().ravel()) <= {"", *selection.PLACES}
    for name, text in texts.items():
        best = selection.most_prominent(selection.find_facts(text, fact_list))
        assert {i for i in matrix.index if matrix.loc[i, name]} == set(best)
    summary = selection.coverage_summary(matrix, fact_list, topics=["casualties"])
    assert summary.loc["seed", "mentioned"] == (matrix["seed"] != "").sum()
    assert summary.loc["seed", "casualties"] == 0
    assert (summary["mentioned"] + summary["left_out"] == len(fact_list)).all()
    marks = selection.coverage_marks(matrix)
    assert set(marks.to_numpy().ravel()) <= set(selection.MARKS.values())
    chart = selection.coverage_figure(matrix)
    ax = chart.figure.axes[0]
    assert len(ax.texts) == matrix.size, "every cell carries a text mark"
    assert f"{len(fact_list)} facts" in chart.alt_text and "seed:" in chart.alt_text
    colours = list(selection.PLACE_COLOURS.values())
    assert len(set(colours)) == len(colours)
    for colour in colours:
        assert render.contrast_ratio("#000000", colour) >= 4.5


def test_the_op_ed_is_analysed_like_any_text(op_ed, fact_list) -> None:
    mentions = selection.find_facts(op_ed, fact_list)
    headline = [m for m in mentions if m.where == "headline"]
    assert [(m.fact, m.text) for m in headline] == [("flood-of-dignity-aim", "Liberation")]
    assert op_ed.source[headline[0].start:headline[0].end] == "Liberation"
    for m in mentions:
        assert op_ed.source[m.start:m.end] == m.text


def test_facts_json_offsets(seed) -> None:
    rows = selection.facts_json(seed)
    assert rows and all(set(r) >= {"id", "statement", "start", "end", "text", "where"}
                        for r in rows)
    mentions = selection.find_facts(seed)
    assert [(r["id"], r["start"], r["end"]) for r in rows] == [
        (m.fact, m.start, m.end) for m in mentions]
    for row, mention in zip(rows, mentions, strict=True):
        assert seed.source[row["start"]:row["end"]] == row["text"]
        assert unlinked(row["text"]) == mention.text


# --------------------------------------------------------------------------- headlines


def test_the_seed_headline_against_its_lead(seed) -> None:
    head = headlines.read_part(seed, "headline")
    assert head is not None and head.text.startswith("Failed States and Militias")
    assert seed.source[head.start:head.end] == head.text
    for flag in head.flags:
        assert seed.source[flag.start:flag.end] == flag.text
    assert "Failed States" in [f.text for f in head.flags]
    assert "haftar" in head.actor_names
    assert head.fact_ids == ["advance-on-tripoli-4-april"]
    lead = headlines.read_part(seed, "lead")
    assert lead.text.startswith("The richly disastrous mess")
    assert "disastrous" in {f.text for f in lead.flags}
    assert lead.flags == tuple(f for f in find_loaded(seed) if lead.start <= f.start < lead.end)
    diff = headlines.differences(seed)
    assert "sarraj-heads-gna" in diff["facts_only_in_lead"]
    assert diff["facts_in_both"] == ["advance-on-tripoli-4-april"]
    table = headlines.headline_vs_lead(seed)
    assert list(table.index) == ["headline", "lead"]
    assert table.loc["headline", "words"] == 10


def test_wire_headlines_are_found_in_their_front_matter(wire, fact_list) -> None:
    for text in wire:
        head = headlines.read_part(text, "headline", fact_list)
        assert head is not None and text.source[head.start:head.end] == text.title
        for m in head.facts:
            assert head.start <= m.start < m.end <= head.end
            assert text.source[m.start:m.end] == m.text


def test_a_text_without_a_title_has_no_headline() -> None:
    article = parse_article("Fighting continued on Tuesday near the airport, officials said. "
                            "Flights were suspended.\n")
    assert headlines.read_part(article, "headline") is None
    assert headlines.headline_vs_lead(article).loc["headline", "text"] == "(no title)"


# --------------------------------------------------------------------------- command line


def test_analyze_json_gains_facts_and_sources(capsys) -> None:
    from framelab import cli

    path = framelab.seed_path()
    assert cli.main(["analyze", str(path), "--json", "--workers", "1"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)["documents"]
    assert {"path", "title", "words", "sentences", "loaded", "profile"} <= set(doc)
    text = path.read_bytes().decode("utf-8")
    assert doc["facts"] and doc["sources"]
    for fact in doc["facts"]:
        assert set(fact) >= {"id", "statement", "start", "end", "text", "where"}
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert fact["where"] in selection.PLACES
    assert doc["facts"][0]["where"] == "headline"
    for source in doc["sources"]:
        assert set(source) >= {"start", "end", "text", "speaker", "side", "verb", "kind"}
        assert text[source["start"]:source["end"]] == source["text"]
    assert {s["side"] for s in doc["sources"] if s["kind"] == "direct"} == {
        "GNA", "US", "others"}


def test_cues_tried_at_word_starts_find_what_a_search_finds() -> None:
    """``word_index`` only says where a cue may start: the hits are those of a full search."""
    fact = facts.Fact("f", "constructed", (
        "16,000", "postpon*", "Haftar's forces", "al-Sarraj", "Trump + phone*", "U.S.",
        "Volcano of Rage", "G7"))
    text = ("About 116,000 fled; 16,000 did not. Talks were POSTPONED, then postponement "
            "followed. Haftar’s forces and al Sarraj met; Sarraj_al-Sarraj did not. "
            "Trump phoned him. The U.S. and the G7 spoke of the Volcano-of-Rage operation.")
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.;]+[.;]", text)]
    index = facts.word_index(text)
    assert isinstance(index, facts.WordIndex)
    searched = fact.find(text, sentences, facts.text_words(text))
    indexed = fact.find(text, sentences, index)
    assert indexed == searched
    assert {text[h.start:h.end] for h in indexed} >= {
        "16,000", "POSTPONED", "postponement", "Haftar’s forces", "al Sarraj", "G7"}
    assert "116,000" not in {text[h.start:h.end] for h in indexed}
