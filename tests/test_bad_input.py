"""Bad input: one clear framelab error naming the file and what to do; nothing half-loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

import framelab
from framelab import errors

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
CASES = {
    "empty.txt": (b"", errors.EmptyArticleError, "empty"),
    "blank.txt": (b"  \n\n\t\n", errors.EmptyArticleError, "empty"),
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", errors.BinaryFileError, "PDF"),
    "screenshot.txt": (PNG, errors.BinaryFileError, "PNG"),
    "essay.txt": (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", errors.BinaryFileError, "docx"),
    "data.txt": (b"abc\x00\x01\x02\x03def", errors.BinaryFileError, "binary"),
    "mangled.txt": (b"caf\x81 \x8d\x90\x9d", errors.ArticleEncodingError, "UTF-8"),
    "only_markup.html": (
        b"<html><body><script>x()</script></body></html>",
        errors.EmptyArticleError,
        "no article text",
    ),
    "bad_front.md": (b"---\ntitle: [unclosed\n---\nBody text here.", errors.MetadataError, "YAML"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_raises_one_clear_error(tmp_path: Path, name: str) -> None:
    data, error_type, phrase = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error_type) as info:
        framelab.load_article(path)
    message = str(info.value)
    assert str(path) in message
    assert phrase.lower() in message.lower()
    assert "What to do:" in message
    assert isinstance(info.value, framelab.FramelabError)
    assert info.value.__suppress_context__ or info.value.__cause__ is None


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(errors.ArticleNotFoundError, match="no such file") as info:
        framelab.load_article(tmp_path / "nope.txt")
    assert isinstance(info.value, FileNotFoundError)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAFileError, match="folder"):
        framelab.load_article(tmp_path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(framelab.articles.MAX_BYTES + 1)
    with pytest.raises(errors.FileTooLargeError, match="MB"):
        framelab.load_article(path)
    small = framelab.load_article(framelab.seed_path(), max_bytes=10_000)
    assert small.title
    with pytest.raises(errors.FileTooLargeError, match=r"7\.0 kB"):
        framelab.load_article(framelab.seed_path(), max_bytes=5_000)


def test_explicit_encoding_that_does_not_fit(tmp_path: Path) -> None:
    path = tmp_path / "greek.txt"
    path.write_bytes("Καλημέρα κόσμε, this is a test.".encode())
    with pytest.raises(errors.ArticleEncodingError, match="ascii"):
        framelab.load_article(path, encoding="ascii")
    assert framelab.load_article(path, encoding="utf-8").body.startswith("Καλημέρα")


def test_utf16_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("Officials said the talks would resume.".encode("utf-16"))
    article = framelab.load_article(path)
    assert article.encoding == "utf-16"
    assert article.body == "Officials said the talks would resume."


def test_errors_show_as_a_short_message_in_ipython() -> None:
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from framelab.notebook import install_error_display

    shell = InteractiveShell.instance()
    try:
        assert install_error_display()
        with capture_output() as captured:
            shell.run_cell("import framelab\nframelab.load_article('no/such/file.txt')")
        assert "ArticleNotFoundError" in captured.stdout
        assert "What to do" in captured.stdout
        assert "Traceback" not in captured.stdout + captured.stderr
    finally:
        InteractiveShell.clear_instance()
