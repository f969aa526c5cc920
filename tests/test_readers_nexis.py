"""Nexis Uni exports: one article per story, with its fields; a broken story is reported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import framelab
from framelab import cli, errors
from readers_fixtures import (
    COVER,
    HEADLINE,
    PARAGRAPHS,
    nexis_docx,
    nexis_lines,
    nexis_rtf,
    nexis_story,
    write,
)


@pytest.fixture(params=["docx", "rtf"])
def export(request, tmp_path: Path) -> Path:
    data = nexis_docx() if request.param == "docx" else nexis_rtf()
    return write(tmp_path, f"Files (3).{request.param}", data)


def test_each_story_is_an_article_with_the_fields_users_expect(export: Path) -> None:
    corpus = framelab.load_articles(export)
    first, third = corpus
    assert (first.title, first.outlet, first.date, first.author) == (
        HEADLINE, "The Eastport Courier", dt.date(2021, 3, 3), "Sam Okafor")
    assert (first.metadata["section"], first.metadata["length"]) == ("LOCAL; Pg. 4", 61)
    assert first.metadata["load_date"] == "March 5, 2021"
    assert first.metadata["language"] == "ENGLISH"
    assert [p.text for p in first.paragraphs] == PARAGRAPHS
    assert (third.title, third.outlet, third.date, third.author) == (
        "Residents ask for the traffic study", "Eastport Evening Post", dt.date(2021, 3, 5),
        "Mira Chen")
    assert [a.story for a in corpus] == [1, 3]
    assert {a.format for a in corpus} == {"nexis"}


def test_the_header_and_classification_are_kept_apart_from_the_body(export: Path) -> None:
    first = framelab.load_articles(export)[0]
    kinds = [s.kind for s in first.sections]
    assert kinds == ["title", "outlet", "date", "copyright", "section", "length", "byline",
                     "body_label", "body", "classification", "end_of_document"]
    assert "Subject" not in first.body and "Body" not in first.body
    for span in [*first.sentences, *first.words]:
        assert first.source[span.start : span.end] == span.text
    assert not any(line in first.source for line in COVER)


def test_a_broken_story_is_reported_and_the_rest_load(export: Path) -> None:
    corpus = framelab.load_articles(export)
    assert len(corpus) == 2 and not corpus.complete
    (problem,) = corpus.problems
    assert problem.story == 2 and problem.error == "StoryError"
    assert "Ferry timetable changes for spring" in problem.message
    assert "no 'Body' line" in problem.message and "What to do:" in problem.message
    assert "NOT complete" in repr(corpus)
    with pytest.raises(errors.IncompleteCorpusError, match="could not be read"):
        corpus.raise_if_incomplete()


def test_load_article_on_an_export_says_to_use_load_articles(export: Path) -> None:
    with pytest.raises(errors.MultipleStoriesError, match="3 stories") as info:
        framelab.load_article(export)
    assert "framelab.load_articles(" in str(info.value)


def test_a_one_story_export_loads_as_one_article(tmp_path: Path) -> None:
    lines = nexis_story(HEADLINE, "The Eastport Courier", "March 3, 2021 Wednesday",
                        "Sam Okafor", PARAGRAPHS)
    article = framelab.load_article(write(tmp_path, "one.docx", nexis_docx(lines)))
    assert article.title == HEADLINE and article.story == 1


def test_an_export_cut_off_mid_story_reports_that_story(tmp_path: Path) -> None:
    lines = nexis_lines(broken=False)
    lines = lines[: len(lines) - 4]  # the download stopped inside the third story
    corpus = framelab.load_articles(write(tmp_path, "cut.docx", nexis_docx(lines)))
    assert [a.story for a in corpus] == [1, 2]
    assert corpus.problems[0].story == 3 and "cut off" in corpus.problems[0].message


def test_the_command_line_gives_one_document_per_story(export: Path, capsys) -> None:
    status = cli.main(["analyze", str(export), "--json"])
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert status == 1
    assert [d["story"] for d in out["documents"]] == [1, 3]
    assert [e["story"] for e in out["errors"]] == [2]
    for doc in out["documents"]:
        assert doc["format"] == "nexis" and doc["path"] == str(export)
        for flag in doc["loaded"]:
            assert doc["source_text"][flag["start"] : flag["end"]] == flag["text"]
    assert "story 2" in captured.err and "NOT the whole corpus" in captured.err


def test_a_folder_mixes_exports_and_single_articles(tmp_path: Path) -> None:
    write(tmp_path, "export.docx", nexis_docx())
    (tmp_path / "note.txt").write_text("The council met on Tuesday, officials said.\n")
    corpus = framelab.load_articles(tmp_path)
    assert [(a.path.name, a.story) for a in corpus] == [
        ("export.docx", 1), ("export.docx", 3), ("note.txt", None)]
    assert len(corpus.problems) == 1
