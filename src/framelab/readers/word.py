"""A Word document (.docx), read with python-docx: its paragraphs, in order, and its properties.

A Nexis Uni export saved as .docx holds many stories; those are split into one article
per story (see ``framelab.readers.nexis``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from framelab.errors import CorruptFileError
from framelab.readers.base import Reading, Readings, join_paragraphs
from framelab.readers.nexis import split_export


def is_docx(data: bytes) -> bool:
    """Whether a ZIP archive is a Word document (it holds word/document.xml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def docx_paragraphs(data: bytes, path: Path | None = None) -> tuple[list[str], dict[str, Any]]:
    """The document's paragraphs (table cells included, in order) and its properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs: list[str] = []
        for block in document.iter_inner_content():
            if hasattr(block, "rows"):
                for row in block.rows:
                    paragraphs.extend(cell.text for cell in row.cells)
            else:
                paragraphs.append(block.text)
        props = document.core_properties
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            AttributeError, TypeError, IndexError, SyntaxError) as exc:
        raise CorruptFileError(
            "this looks like a Word document (.docx), but it is damaged or cut short and "
            f"cannot be opened ({type(exc).__name__}: {exc}).",
            "Open it in Word or LibreOffice: if it opens, save it again as .docx; if not, "
            "download or export it again.",
            path,
        ) from None
    meta: dict[str, Any] = {}
    if (props.title or "").strip():
        meta["file_title"] = props.title.strip()
    if (props.author or "").strip():
        meta["file_author"] = props.author.strip()
    if props.created:
        meta["file_created"] = props.created.date().isoformat()
    for name in ("subject", "keywords"):
        value = (getattr(props, name) or "").strip()
        if value:
            meta[name] = value
    return paragraphs, meta


def read_docx(data: bytes, path: Path | None = None, **_: Any) -> Readings:
    """A .docx as one article, or as one article per story for a library export."""
    paragraphs, meta = docx_paragraphs(data, path)
    export = split_export(paragraphs, "docx", path)
    if export is not None:
        return export
    return Readings((Reading(join_paragraphs(paragraphs), "docx", meta=meta),))
