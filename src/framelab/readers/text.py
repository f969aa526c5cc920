"""Plain text and Markdown: the file's decoded text is the source, untouched.

Markdown links ``[words](url)`` read as their words; YAML front matter between two
``---`` lines is metadata, never text. These rules are the kit's first and are kept
exactly: the seed's offsets depend on them.
"""

from __future__ import annotations

import re
from array import array
from pathlib import Path
from typing import Any

import yaml

from framelab.errors import ArticleEncodingError, BinaryFileError, MetadataError
from framelab.readers.base import ReadableView, Reading

MARKDOWN_SUFFIXES = {".md", ".markdown"}

_SIGNATURES = [
    (b"%PDF", "a PDF document",
     "Load the file itself with framelab.load_article(path): it reads PDFs."),
    (b"\x89PNG", "a PNG image", "Use the article's text, not a screenshot of it."),
    (b"\xff\xd8\xff", "a JPEG image", "Use the article's text, not a photo of it."),
    (b"GIF8", "a GIF image", "Use the article's text, not an image of it."),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one)",
     "Load a .docx with framelab.load_article(path); save other documents as .docx or .txt."),
    (b"\xd0\xcf\x11\xe0", "an old Word or Office document",
     "Open it in your word processor and save it as .docx or plain text (.txt)."),
    (b"\x1f\x8b", "a gzip archive", "Unpack it first, then load the text file inside."),
    (b"{\\rtf", "an RTF document",
     "Load the file itself with framelab.load_article(path): it reads RTF."),
]


def binary_kind(data: bytes) -> tuple[str, str] | None:
    """(what the file is, what to do) when its first bytes say it is not text."""
    for signature, what, advice in _SIGNATURES:
        if data.startswith(signature):
            return what, advice
    return None


def decode(data: bytes, path: Path | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    cp1252 is what Word and older Windows tools write for English text ("smart quotes").
    Returns ``(text, encoding_used)``.
    """
    kind = binary_kind(data)
    if kind:
        raise BinaryFileError(f"this is {kind[0]}, not a text file.", kind[1], path)
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise ArticleEncodingError(
                f"the file is not valid {encoding} ({exc}).",
                "Try another encoding= or leave it out.",
                path,
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise BinaryFileError(
            "this file holds binary data, not text.",
            "Load a .txt, .md, .html, .pdf, .docx or .rtf file with the article's text.",
            path,
        )
    for name in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(name), "utf-8" if name == "utf-8-sig" else name
        except UnicodeDecodeError:
            continue
    raise ArticleEncodingError(
        "the bytes are neither UTF-8 nor Windows-1252 text.",
        "Open the file in a text editor and save it as UTF-8, or pass encoding= "
        "(e.g. encoding='cp1251' for Cyrillic).",
        path,
    )


def yaml_load(text: str) -> Any:
    """yaml.safe_load, with libyaml's C parser when it is installed (ten times faster)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


def front_matter(text: str, path: Path | None) -> tuple[dict[str, Any], int]:
    """The YAML front matter's keys, and where the text after it starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        meta = yaml_load(m.group(1) or "") or {}
    except yaml.YAMLError as exc:
        raise MetadataError(
            f"the front matter between the '---' lines is not valid YAML ({exc}).",
            "Fix the YAML, or delete the front matter block.",
            path,
        ) from None
    if not isinstance(meta, dict):
        raise MetadataError(
            "the front matter is not a set of 'key: value' lines.",
            "Write it as lines like 'title: My article'.",
            path,
        )
    return meta, m.end()


_MD_LINK = re.compile(r"\[((?:[^\[\]]|\n)*?)\]\([^)\s]*\)")


def markdown_view(source: str, start: int) -> ReadableView:
    """Read ``source[start:]`` with Markdown links ``[words](url)`` as their words."""
    pieces: list[str] = []
    starts = array("l")
    pos = start
    for m in _MD_LINK.finditer(source, start):
        pieces.append(source[pos : m.start()])
        starts.extend(range(pos, m.start()))
        pieces.append(m.group(1))
        starts.extend(range(m.start(1), m.end(1)))
        pos = m.end()
    pieces.append(source[pos:])
    starts.extend(range(pos, len(source)))
    starts.append(len(source))
    return ReadableView("".join(pieces), starts)


def read_text(source: str, path: Path | None = None, *, encoding: str = "utf-8") -> Reading:
    """A .txt or .md file's decoded text: front matter as metadata, links as their words."""
    meta, body_from = front_matter(source, path)
    markdown = path is not None and path.suffix.lower() in MARKDOWN_SUFFIXES
    notes = ()
    if encoding != "utf-8":
        notes = (f"Note: decoded as {encoding}, not UTF-8; check quotes and accents read "
                 "correctly.",)
    return Reading(source=source, format="markdown" if markdown else "text",
                   view=markdown_view(source, body_from), meta=meta, encoding=encoding,
                   notes=notes)
