"""An RTF document, read with striprtf, in the code page the file declares.

RTF keeps non-ASCII characters as escapes in a declared code page (``\\ansicpg1252``
for Western European, ``\\ansicpg1251`` for Cyrillic...) or as Unicode escapes. A file
whose code page Python does not know, or whose bytes do not fit it, gets a clear error.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from framelab.errors import ArticleEncodingError, CorruptFileError
from framelab.readers.base import Reading, Readings, join_paragraphs
from framelab.readers.nexis import split_export

_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")
_MAC = re.compile(rb"\\mac\b")
_CODE_PAGE_NAMES = {10000: "mac_roman", 10006: "mac_greek", 10007: "mac_cyrillic",
                    10029: "mac_latin2", 65001: "utf-8", 20127: "ascii", 28591: "latin-1"}
_INFO_FIELDS = {"title": "file_title", "author": "file_author", "subject": "subject",
                "keywords": "keywords"}


def code_page(data: bytes, path: Path | None = None) -> str:
    """The Python codec for the RTF's declared code page (cp1252 when it declares none)."""
    m = _CODE_PAGE.search(data[:4096])
    if not m:
        return "mac_roman" if _MAC.search(data[:200]) else "cp1252"
    number = int(m.group(1))
    name = _CODE_PAGE_NAMES.get(number, f"cp{number}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ArticleEncodingError(
            f"the RTF says its text is in code page {number}, which framelab does not know.",
            "Open it in Word or LibreOffice and save it as .docx (or as RTF again), then "
            "load that file.",
            path,
        ) from None


def rtf_paragraphs(data: bytes, path: Path | None = None) -> tuple[list[str], dict[str, Any],
                                                                   str]:
    """The RTF's paragraphs, its \\info properties, and the code page it was read in."""
    from striprtf.striprtf import rtf_to_text

    encoding = code_page(data, path)
    if not data.rstrip().endswith(b"}"):
        raise CorruptFileError(
            "this RTF document is cut short (it does not end with its closing brace).",
            "Download or export it again, or open it in Word and save it as .docx.",
            path,
        )
    try:
        raw = data.decode(encoding)
        # the code page was looked up above; striprtf would fall back to UTF-8 for a name
        # it cannot look up itself (cp10000 for Mac Roman), so it is given the codec
        text = rtf_to_text(re.sub(r"\\ansicpg\d+", "", raw), encoding=encoding,
                           errors="strict")
    except UnicodeError as exc:
        raise ArticleEncodingError(
            f"the RTF says its text is in {encoding}, but some of its characters do not fit "
            f"({exc.reason}).",
            "Open it in Word or LibreOffice and save it again (as .docx, or RTF), then load "
            "that file.",
            path,
        ) from None
    meta = _info(raw)
    paragraphs = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return paragraphs, meta, encoding


def _info(raw: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for field, key in _INFO_FIELDS.items():
        m = re.search(r"\{\\" + field + r"\s+([^{}\\]*)\}", raw)
        if m and m.group(1).strip():
            meta[key] = m.group(1).strip()
    return meta


def read_rtf(data: bytes, path: Path | None = None, **_: Any) -> Readings:
    """An RTF as one article, or as one article per story for a library export."""
    paragraphs, meta, encoding = rtf_paragraphs(data, path)
    notes = []
    if encoding not in ("cp1252", "utf-8", "ascii"):
        notes.append(f"Note: the RTF's text is in {encoding}; check its accents and quotes "
                     "read correctly.")
    export = split_export(paragraphs, "rtf", path, notes)
    if export is not None:
        return export
    return Readings((Reading(join_paragraphs(paragraphs), "rtf", meta=meta, encoding=encoding,
                             notes=tuple(notes)),))
