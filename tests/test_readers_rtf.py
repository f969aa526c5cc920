"""RTF: read by striprtf in the code page the file declares; odd encodings handled or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

import framelab
from framelab import errors
from readers_fixtures import HEADLINE, PARAGRAPHS, make_rtf, write


def test_an_rtf_reads_with_its_smart_quotes(tmp_path: Path) -> None:
    path = write(tmp_path, "story.rtf", make_rtf([HEADLINE, "By Sam Okafor", *PARAGRAPHS],
                                                  title=HEADLINE))
    article = framelab.load_article(path)
    assert article.format == "rtf"
    assert (article.title, article.author) == (HEADLINE, "Sam Okafor")
    assert [p.text for p in article.paragraphs] == PARAGRAPHS
    assert "“packed”" in article.body and "—" in article.body
    assert article.metadata["file_title"] == HEADLINE


def test_an_rtf_in_a_cyrillic_code_page_reads_and_says_so(tmp_path: Path) -> None:
    text = "Совет отложил голосование, сообщили чиновники."
    path = write(tmp_path, "ru.rtf", make_rtf([text], code_page=1251, encoding="cp1251"))
    article = framelab.load_article(path)
    assert article.body == text
    assert any("cp1251" in note for note in article.notes)


def test_an_rtf_in_mac_roman_reads(tmp_path: Path) -> None:
    text = "The mayor’s “compromise” was debated."
    path = write(tmp_path, "mac.rtf", make_rtf([text], code_page=10000, encoding="mac_roman"))
    assert framelab.load_article(path).body == text


def test_unicode_escapes_read_whatever_the_code_page(tmp_path: Path) -> None:
    path = write(tmp_path, "u.rtf", make_rtf(["Κάλεσμα: the council met."], encoding="ascii"))
    assert framelab.load_article(path).body == "Κάλεσμα: the council met."


def test_an_unknown_code_page_is_a_clear_encoding_error(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.rtf", make_rtf(["caf\u00e9 society met."]).replace(
        b"\\ansicpg1252", b"\\ansicpg99999"))
    with pytest.raises(errors.ArticleEncodingError, match="code page 99999") as info:
        framelab.load_article(path)
    assert "What to do:" in str(info.value)


def test_bytes_that_do_not_fit_the_code_page_are_a_clear_error(tmp_path: Path) -> None:
    data = make_rtf(["The council met."]).replace(b"The council", b"\\'81\\'8d council")
    path = write(tmp_path, "bad.rtf", data)
    with pytest.raises(errors.ArticleEncodingError, match="do not fit"):
        framelab.load_article(path)


def test_a_cut_off_rtf_says_so(tmp_path: Path) -> None:
    data = make_rtf(PARAGRAPHS)
    with pytest.raises(errors.CorruptFileError, match="cut short"):
        framelab.load_article(write(tmp_path, "cut.rtf", data[: len(data) // 2]))
