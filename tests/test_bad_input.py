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


# --------------------------------------------------------------------------- other formats


def _broken_story_export() -> bytes:
    from readers_fixtures import PARAGRAPHS, nexis_docx, nexis_story

    return nexis_docx(nexis_story("Council delays the harbour vote", "The Eastport Courier",
                                  "March 3, 2021", "Sam Okafor", PARAGRAPHS,
                                  with_body_line=False))


def _builders() -> dict[str, tuple]:
    from readers_fixtures import article_docx, make_rtf, protected_pdf, scanned_pdf

    docx = article_docx()
    return {
        "scan.pdf": (scanned_pdf, errors.ScannedPDFError, "no text layer"),
        "locked.pdf": (protected_pdf, errors.ProtectedFileError, "password"),
        "corrupt.docx": (lambda: docx[: len(docx) // 2], errors.CorruptFileError, "damaged"),
        "signin.html": (lambda: b"<!doctype html><html><body><nav>Home | Sign in</nav>"
                        b"<form><button>Log in</button></form></body></html>",
                        errors.EmptyArticleError, "no article text"),
        "odd.rtf": (lambda: make_rtf(["The council met."]).replace(b"\\ansicpg1252",
                                                                   b"\\ansicpg4242"),
                    errors.ArticleEncodingError, "code page 4242"),
        "export.docx": (_broken_story_export, errors.StoryError, "no 'Body' line"),
    }


@pytest.mark.parametrize("name", ["scan.pdf", "locked.pdf", "corrupt.docx", "signin.html",
                                  "odd.rtf", "export.docx"])
def test_bad_documents_raise_one_clear_error(tmp_path: Path, name: str) -> None:
    build, error_type, phrase = _builders()[name]
    path = tmp_path / name
    path.write_bytes(build())
    with pytest.raises(error_type) as info:
        framelab.load_article(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert phrase.lower() in message.lower()
    assert "What to do:" in message
    assert isinstance(info.value, framelab.FramelabError)
    assert info.value.__suppress_context__ or info.value.__cause__ is None


def test_a_url_that_times_out_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    import socket

    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with socket.socket() as listener:  # accepts the connection, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/story"
        with pytest.raises(errors.FetchTimeoutError) as info:
            framelab.load_article(url, timeout=0.3, save_to=tmp_path)
    message = str(info.value)
    assert message.startswith(url) and "did not answer" in message
    assert "What to do:" in message and "Save Page As" in message


def test_a_folder_with_one_unreadable_file_among_thousands(tmp_path: Path) -> None:
    for i in range(2000):
        (tmp_path / f"{i:04d}.txt").write_text(f"Report {i}: the council met, officials said.\n")
    (tmp_path / "0999.pdf").write_bytes(b"%PDF-1.4\n% cut off here")
    corpus = framelab.load_articles(tmp_path)
    assert len(corpus) == 2000 and not corpus.complete
    (problem,) = corpus.problems
    assert problem.path == str(tmp_path / "0999.pdf") and "damaged" in problem.message
    assert "NOT complete" in repr(corpus)
    with pytest.raises(errors.IncompleteCorpusError, match=r"0999\.pdf") as info:
        framelab.load_folder(tmp_path)
    assert "load_articles" in str(info.value)
