"""Word documents: paragraphs and properties by python-docx; damaged files refused clearly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import framelab
from framelab import errors
from readers_fixtures import HEADLINE, PARAGRAPHS, article_docx, make_docx, write


def test_a_docx_reads_paragraph_by_paragraph(tmp_path: Path) -> None:
    article = framelab.load_article(write(tmp_path, "story.docx", article_docx()))
    assert article.format == "docx"
    assert (article.title, article.author) == (HEADLINE, "Sam Okafor")
    assert [p.text for p in article.paragraphs] == PARAGRAPHS
    assert article.metadata["file_title"] == HEADLINE
    assert article.metadata["file_author"] == "A student"  # who saved it, not the writer
    for word in article.words:
        assert article.source[word.start : word.end] == word.text


def test_table_cells_are_read_in_place(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Before the table, the council met on Tuesday.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Votes for: 5."
    table.cell(0, 1).text = "Votes against: 4."
    document.add_paragraph("After the table, the clerk read the result.")
    buffer = io.BytesIO()
    document.save(buffer)
    article = framelab.load_article(write(tmp_path, "table.docx", buffer.getvalue()))
    assert [p.text for p in article.paragraphs] == [
        "Before the table, the council met on Tuesday.", "Votes for: 5.", "Votes against: 4.",
        "After the table, the clerk read the result."]


def test_a_cut_off_docx_says_it_is_damaged(tmp_path: Path) -> None:
    data = article_docx()
    path = write(tmp_path, "cut.docx", data[: len(data) // 2])
    with pytest.raises(errors.CorruptFileError, match=r"\.docx") as info:
        framelab.load_article(path)
    assert "What to do:" in str(info.value)


def test_a_docx_missing_its_document_part_says_it_is_damaged(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(make_docx(["Text."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as broken:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # the XML cut in half
            broken.writestr(item, data)
    path = write(tmp_path, "broken.docx", buffer.getvalue())
    with pytest.raises(errors.CorruptFileError, match="damaged"):
        framelab.load_article(path)


def test_an_opendocument_file_is_named_and_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(errors.BinaryFileError, match=r"OpenDocument text \(\.odt\)"):
        framelab.load_article(write(tmp_path, "essay.odt", buffer.getvalue()))
