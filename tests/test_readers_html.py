"""Saved web pages: trafilatura finds the article; offsets index the text it extracts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import framelab
from framelab import cli, errors
from framelab.articles import parse_article
from readers_fixtures import PAGE


@pytest.fixture()
def page(tmp_path: Path) -> framelab.Article:
    path = tmp_path / "harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    return framelab.load_article(path)


def test_the_article_is_found_and_the_site_furniture_left_out(page: framelab.Article) -> None:
    assert page.format == "html"
    assert page.body.startswith("EASTPORT, March 3 — The town council delayed its vote")
    assert page.body.endswith("to be published in full before then.")
    for furniture in ["cookies", "Accept", "Home", "Sport", "Related stories",
                      "Ferry timetable", "Subscribe", "Copyright", "Privacy", "dataLayer",
                      "display: flex"]:
        assert furniture not in page.source, furniture


def test_metadata_comes_from_the_page(page: framelab.Article) -> None:
    assert page.title == "Council delays the harbour vote in Eastport"
    assert page.author == "Sam Okafor"
    assert page.date == dt.date(2021, 3, 3)
    assert page.outlet == "The Eastport Courier"


def test_offsets_index_the_extracted_text_and_the_page_is_kept(page: framelab.Article) -> None:
    for span in [*page.sentences, *page.words, *page.find("packed")]:
        assert page.source[span.start : span.end] == span.text
    assert "&ldquo;packed&rdquo;" in page.raw and "“packed”" in page.source
    assert "campaign & their petition" in page.body  # entities decoded
    assert "Read with trafilatura" in page.describe()


def test_a_page_saved_under_another_name_is_read_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = framelab.load_article(path)
    assert article.format == "html"
    assert "<p>" not in article.source


def test_parse_article_reads_html_text_the_same_way(page: framelab.Article) -> None:
    again = parse_article(PAGE)
    assert (again.source, again.title, again.date) == (page.source, page.title, page.date)


def test_a_page_in_its_declared_character_set(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"')
                     .replace("&mdash;", "-").replace("Lind", "Lindé")
                     .encode("iso-8859-1", "replace"))
    article = framelab.load_article(path)
    assert "Ada Lindé" in article.body
    assert article.encoding == "iso8859-1"


def test_a_year_guessed_from_a_copyright_line_is_not_a_date(tmp_path: Path) -> None:
    undated = PAGE.replace('<meta property="article:published_time" '
                           'content="2021-03-03T09:30:00+00:00">', "")
    article = parse_article(undated)
    assert article.date is None
    assert any("only a year (2021)" in note for note in article.notes)


def test_a_page_with_no_article_is_the_clear_empty_error(tmp_path: Path) -> None:
    path = tmp_path / "signin.html"
    path.write_text("<!doctype html><html><head><title>Sign in</title><script>login()"
                    "</script></head><body><nav><a href='/'>Home</a></nav>"
                    "<form><input name=user><button>Sign in</button></form></body></html>",
                    encoding="utf-8")
    with pytest.raises(errors.EmptyArticleError, match="no article text found") as info:
        framelab.load_article(path)
    assert str(path) in str(info.value) and "What to do:" in str(info.value)


def test_precision_can_leave_out_a_menu_a_short_page_lets_through() -> None:
    short = ("<html><head><title>Delay | Courier</title></head><body>"
             "<nav>Home | News | Sport</nav><article><h1>Council delays vote</h1>"
             "<p>The council delayed its vote on Tuesday, officials said.</p></article>"
             "</body></html>")
    assert "Home | News" not in parse_article(short, focus="precision").source
    with pytest.raises(ValueError, match="focus"):
        parse_article(short, focus="everything")


def test_json_carries_the_extracted_text_so_offsets_can_be_checked(tmp_path: Path,
                                                                   capsys) -> None:
    path = tmp_path / "harbour.html"
    path.write_text(PAGE.replace("sensible compromise", "shameful charade"), encoding="utf-8")
    assert cli.main(["analyze", str(path), "--json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)["documents"]
    assert doc["format"] == "html"
    assert doc["loaded"], "the page should have at least one candidate loaded word"
    for flag in doc["loaded"]:
        assert doc["source_text"][flag["start"] : flag["end"]] == flag["text"]
    assert "charade" in {f["term"] for f in doc["loaded"]}


def test_text_files_carry_no_source_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The so-called reform was a farce.\n")
    doc = cli.analyze_file(path)
    assert doc["format"] == "text" and "source_text" not in doc


def test_markup_written_as_text_on_a_page_is_escaped_when_shown(tmp_path: Path) -> None:
    from framelab import loaded, render

    hostile = PAGE.replace(
        "called the plan a sensible compromise.",
        "called the plan &lt;script&gt;alert(1)&lt;/script&gt; a farce.")
    article = parse_article(hostile)
    assert "<script>alert(1)</script>" in article.body  # decoded: it is the page's text
    html = render.highlight_html(article, loaded.find_loaded(article))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
