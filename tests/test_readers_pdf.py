"""PDFs: the text layer read by pypdf, paragraphs rebuilt, scans and locks refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

import framelab
from framelab import errors
from readers_fixtures import HEADLINE, article_pdf, make_pdf, protected_pdf, scanned_pdf, write


def test_a_pdf_reads_as_paragraphs_with_title_byline_and_offsets(tmp_path: Path) -> None:
    article = framelab.load_article(write(tmp_path, "story.pdf", article_pdf()))
    assert article.format == "pdf"
    assert (article.title, article.author) == (HEADLINE, "Sam Okafor")
    assert [s.kind for s in article.sections] == ["title", "byline", "body"]
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].text.startswith("EASTPORT, March 3 — The town council")
    assert "residents “packed” the hall" in article.body  # WinAnsi quotes decoded
    assert "ob-ject." in article.body  # a word broken across lines is joined, hyphen kept
    for span in [*article.sentences, *article.words]:
        assert article.source[span.start : span.end] == span.text
    assert article.metadata["file_author"] == "Eastport Courier desk"
    assert article.metadata["file_created"] == "2021-03-04"
    assert article.date is None  # when the file was made is not when the story ran


def test_running_headers_and_page_numbers_are_left_out_and_said(tmp_path: Path) -> None:
    topics = ["harbour", "ferry", "council", "petition"]
    pages = [
        [["3/4/21, 9:30 AM Council delays the harbour vote | The Eastport Courier"],
         [f"The {topic} came up first on this page, and the councillors talked about it",
          f"at length before the chair called time on the {topic}."],
         [f"The {topic} came up again later on, when residents asked questions about",
          f"what would happen next to the {topic}."],
         [f"https://courier.example/news/harbour-vote {n}/4"]]
        for n, topic in enumerate(topics, 1)
    ]
    article = framelab.load_article(write(tmp_path, "printed.pdf", make_pdf(pages)))
    assert "Eastport Courier" not in article.source and "courier.example" not in article.source
    assert len(article.paragraphs) == 8
    assert any("Left out 8 running header/footer" in note for note in article.notes)


def test_a_name_that_lies_does_not_matter(tmp_path: Path) -> None:
    article = framelab.load_article(write(tmp_path, "story.txt", article_pdf()))
    assert article.format == "pdf" and article.title == HEADLINE


def test_a_scan_says_it_has_no_text_layer(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", scanned_pdf())
    with pytest.raises(errors.ScannedPDFError, match="no text layer") as info:
        framelab.load_article(path)
    assert "OCR" in str(info.value) and str(path) in str(info.value)


def test_a_password_protected_pdf_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.pdf", protected_pdf())
    with pytest.raises(errors.ProtectedFileError, match="password"):
        framelab.load_article(path)


def test_a_pdf_locked_only_against_editing_still_reads(tmp_path: Path) -> None:
    article = framelab.load_article(write(tmp_path, "owner.pdf", protected_pdf("")))
    assert article.title == HEADLINE


def test_a_damaged_pdf_says_so(tmp_path: Path) -> None:
    data = article_pdf()
    path = write(tmp_path, "cut.pdf", data[: len(data) // 3])
    with pytest.raises(errors.CorruptFileError, match="damaged"):
        framelab.load_article(path)


def test_a_page_without_text_among_text_pages_is_said_not_hidden(tmp_path: Path) -> None:
    pages = [[["The council met on Tuesday and delayed the vote, officials said."]], []]
    article = framelab.load_article(write(tmp_path, "half.pdf", make_pdf(pages)))
    assert article.body.startswith("The council met")
    assert any("page(s) 2 of 2 have no text layer" in note for note in article.notes)
    assert "no text layer" in article.describe()
