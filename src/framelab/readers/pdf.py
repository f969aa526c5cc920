"""A PDF: the text layer read by pypdf, lines joined back into paragraphs.

A PDF places lines on a page; it does not mark paragraphs. A paragraph ends where the
gap to the next line is clearly wider than the page's usual line spacing. Lines repeated
at the top or bottom of most pages (the site's name, the address, "Page 2 of 5") are
running headers and footers and are left out, and a note says how many. A scan has no
text layer: framelab says so rather than guess (it does no OCR).
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from pathlib import Path
from typing import Any

from framelab.errors import CorruptFileError, ProtectedFileError, ScannedPDFError
from framelab.readers.base import Reading, Readings, join_paragraphs
from framelab.readers.nexis import split_export

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
_FILE_TITLE = re.compile(r"^(?:microsoft word - .*|.*\.(?:docx?|pdf|rtf|txt|html?)|untitled)$",
                         re.I)


def pdf_paragraphs(data: bytes, path: Path | None = None) -> tuple[list[str], dict[str, Any],
                                                                   list[str]]:
    """The PDF's paragraphs, its metadata, and notes on what was left out."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _protected(path)
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata or {}
    except (DependencyError, FileNotDecryptedError):
        raise _protected(path) from None
    except ProtectedFileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            AssertionError, OSError, RecursionError) as exc:
        raise CorruptFileError(
            f"this looks like a PDF, but it is damaged or cut short and cannot be read ({exc}).",
            "Download or export the PDF again; or open it and save the article's text as .txt.",
            path,
        ) from None
    if not pages or not any(line for page in pages for line, _ in page):
        raise ScannedPDFError(
            "this PDF has no text layer: its pages are pictures (a scan or a photo), and "
            "framelab does not read text from images (no OCR).",
            "Find a text version of the article (the library's 'full text' or HTML view, "
            "or the outlet's web page); or run OCR yourself (e.g. ocrmypdf) and load the "
            "result.",
            path,
        )
    notes = []
    empty = [str(n) for n, page in enumerate(pages, 1) if not any(line for line, _ in page)]
    if empty:
        notes.append(f"Warning: page(s) {', '.join(empty)} of {len(pages)} have no text layer "
                     "(scanned?); their text is missing from this article.")
    pages, dropped = _drop_running_lines(pages)
    if dropped:
        notes.append(f"Left out {dropped} running header/footer line(s) repeated on the "
                     "PDF's pages (site name, address, page numbers).")
    paragraphs = [p for page in pages for p in _paragraphs(page)]
    return paragraphs, _metadata(info, len(pages)), notes


def _protected(path: Path | None) -> ProtectedFileError:
    return ProtectedFileError(
        "this PDF is protected by a password, so its text cannot be read.",
        "Open it with the password and save or print it as a new PDF without protection, "
        "or copy the article's text into a .txt file.",
        path,
    )


def _page_lines(page: Any) -> list[tuple[str, float | None]]:
    """Each line of a page's text with its height on the page (None when unknown)."""
    lines: list[tuple[str, float | None]] = []
    current = ""
    y: float | None = None

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        nonlocal current, y
        if not text:
            return
        here = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if y is None and part.strip():
                y = here
            current += part
            if i < len(parts) - 1:
                lines.append((" ".join(current.split()), y))
                current, y = "", None

    page.extract_text(visitor_text=visit)
    if current.strip():
        lines.append((" ".join(current.split()), y))
    return [(text, height) for text, height in lines if text]


def _drop_running_lines(pages: list[list[tuple[str, float | None]]]
                        ) -> tuple[list[list[tuple[str, float | None]]], int]:
    """Leave out page numbers, and lines repeated at the top or bottom of most pages."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.casefold())

    edges = Counter()
    for page in pages:
        edge_lines = {key(line) for line, _ in page[:2] + page[-2:]}
        edges.update(edge_lines)
    repeated = {k for k, n in edges.items() if len(pages) >= 3 and n >= 0.6 * len(pages)}
    dropped = 0
    kept_pages = []
    for page in pages:
        kept = []
        for i, (line, y) in enumerate(page):
            at_edge = i < 2 or i >= len(page) - 2
            running = key(line) in repeated and not re.search(r"[.!?”\"]$", line)
            if at_edge and (_PAGE_NUMBER.match(line) or running):
                dropped += 1
                continue
            kept.append((line, y))
        kept_pages.append(kept)
    return kept_pages, dropped


def _paragraphs(lines: list[tuple[str, float | None]]) -> list[str]:
    """Join a page's lines into paragraphs where the gap between lines widens."""
    gaps = [a[1] - b[1] for a, b in itertools.pairwise(lines)
            if a[1] is not None and b[1] is not None and a[1] - b[1] > 0]
    usual = _line_spacing(gaps)
    longest = max((len(line) for line, _ in lines), default=0)
    paragraphs: list[list[str]] = []
    previous: tuple[str, float | None] | None = None
    for line, y in lines:
        if previous is None or _breaks(previous, (line, y), usual, longest):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        previous = (line, y)
    return ["".join(_joined(p)) for p in paragraphs]


def _line_spacing(gaps: list[float]) -> float | None:
    """The page's usual distance between lines: the smallest gap that recurs."""
    counts = Counter(round(gap * 2) / 2 for gap in gaps)
    recurring = [gap for gap, n in counts.items() if n >= 2]
    return min(recurring or counts or [None], key=lambda g: g or 0)


def _breaks(previous: tuple[str, float | None], line: tuple[str, float | None],
            usual: float | None, longest: int) -> bool:
    (before, y0), (_, y1) = previous, line
    if usual is not None and y0 is not None and y1 is not None:
        gap = y0 - y1
        if gap <= 0 or gap > 1.4 * usual:
            return True
    return bool(re.search(r"[.!?:\"”’]$", before)) and len(before) < 0.7 * longest


def _joined(lines: list[str]) -> list[str]:
    """The lines of one paragraph, with a space between them, except after a hyphen
    that breaks a word across lines ("spokes-" + "man"), which stays, joined."""
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i < len(lines) - 1:
            nxt = lines[i + 1]
            hyphenated = re.search(r"\w-$", line) and nxt[:1].islower()
            out.append("" if hyphenated else " ")
    return out


def _metadata(info: Any, n_pages: int) -> dict[str, Any]:
    meta: dict[str, Any] = {"pages": n_pages}
    title = str(info.get("/Title") or "").strip()
    if title and not _FILE_TITLE.match(title):
        meta["file_title"] = title
    for key, name in [("/Author", "file_author"), ("/Subject", "subject"),
                      ("/Keywords", "keywords")]:
        value = str(info.get(key) or "").strip()
        if value:
            meta[name] = value
    try:
        created = getattr(info, "creation_date", None)
    except ValueError:  # a date the PDF writer garbled
        created = None
    if created:
        meta["file_created"] = created.date().isoformat()
    return meta


def read_pdf(data: bytes, path: Path | None = None, **_: Any) -> Readings:
    """A PDF's text layer as one article, or as one per story for a library export."""
    paragraphs, meta, notes = pdf_paragraphs(data, path)
    export = split_export(paragraphs, "pdf", path, notes)
    if export is not None:
        return export
    return Readings((Reading(join_paragraphs(paragraphs), "pdf", meta=meta,
                             notes=tuple(notes)),))
