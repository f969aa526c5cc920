"""One reader per file format; ``read`` picks the reader by the file's content.

The first bytes say what a file is (``%PDF``, a ZIP holding ``word/document.xml``,
``{\\rtf``, a page's ``<!doctype html>``), whatever its name says. Each reader imports its
library (trafilatura, pypdf, python-docx, striprtf) only when it is first used, so
``import framelab`` stays fast.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from framelab.errors import BinaryFileError, CorruptFileError
from framelab.readers import html, pdf, rtf, text, word
from framelab.readers.base import ReadableView, Reading, Readings, StoryProblem

__all__ = ["ARTICLE_SUFFIXES", "FORMAT_NAMES", "ReadableView", "Reading", "Readings",
           "StoryProblem", "read", "sniff"]

ARTICLE_SUFFIXES = ({".txt", ".md", ".markdown"} | html.HTML_SUFFIXES
                    | {".pdf", ".docx", ".rtf"})
FORMAT_NAMES = {
    "text": "a plain text file",
    "markdown": "a Markdown file",
    "html": "a saved web page (article text found by trafilatura; the page is article.raw)",
    "pdf": "a PDF's text layer (pypdf)",
    "docx": "a Word document (python-docx)",
    "rtf": "an RTF document (striprtf)",
    "nexis": "one story of a Nexis Uni export",
}
_ZIPPED = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (.odt)",
    "application/epub+zip": "an e-book (.epub)",
}


def sniff(data: bytes, path: Path | None = None) -> str:
    """The format the bytes are in: ``pdf``, ``docx``, ``rtf`` or ``text`` (which may be HTML).

    Images, archives and old Office files raise ``BinaryFileError`` with what to do.
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, path)
    kind = text.binary_kind(data)
    if kind:
        raise BinaryFileError(f"this is {kind[0]}, not an article framelab can read.",
                              kind[1], path)
    return "text"


def _zip_kind(data: bytes, path: Path | None) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = (archive.read("mimetype").decode("ascii", "replace").strip()
                        if "mimetype" in names else "")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CorruptFileError(
            "this looks like a Word document (.docx) or another ZIP file, but it is damaged "
            "or cut short: it cannot be opened.",
            "Open it in Word or LibreOffice and save it again as .docx; or download or "
            "export it again.",
            path,
        ) from None
    if "word/document.xml" in names:
        return "docx"
    what = _ZIPPED.get(mimetype, "a ZIP archive, not a Word document")
    raise BinaryFileError(
        f"this is {what}; framelab reads .docx, .pdf, .rtf, .html, .txt and .md files.",
        "Open it and save (or export) the article as .docx or plain text (.txt).",
        path,
    )


def read(data: bytes, path: Path | None = None, *, encoding: str | None = None,
         focus: str = "balanced", url: str | None = None) -> Readings:
    """Read a file's bytes with the reader its content calls for."""
    kind = sniff(data, path)
    if kind == "pdf":
        return pdf.read_pdf(data, path)
    if kind == "docx":
        return word.read_docx(data, path)
    if kind == "rtf":
        return rtf.read_rtf(data, path)
    suffix = path.suffix.lower() if path is not None else ""
    declared = None if encoding else html.page_encoding(data)
    if suffix in html.HTML_SUFFIXES or declared or html.looks_like_html(
            data[:2000].decode("latin-1")):
        page, used = (text.decode(data, path, encoding) if encoding
                      else _decode_page(data, path, declared))
        if suffix in html.HTML_SUFFIXES or html.looks_like_html(page):
            return Readings((html.read_html(page, path, focus=focus, url=url,
                                            encoding=used),))
    source, used = text.decode(data, path, encoding)
    return Readings((text.read_text(source, path, encoding=used),))


def _decode_page(data: bytes, path: Path | None, declared: str | None) -> tuple[str, str]:
    """A page's text in the character set it declares, else as any text file is decoded."""
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return text.decode(data, path, None)
