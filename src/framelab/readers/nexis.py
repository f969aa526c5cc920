"""A Nexis Uni export (.docx, .rtf or .pdf) holding many stories: one article per story.

The layout is public and stable. An optional cover page (search terms, job number, the
list of documents) comes first; then each story is a header block (headline, outlet,
date, copyright, ``Section:``, ``Length:``, ``Byline:``...), a line ``Body``, the text,
an optional ``Classification`` block (``Language:``, ``Subject:``, ``Load-Date:``), and a
line ``End of Document``. The fields are those the R package LexisNexisTools reads:
headline, newspaper, date, length, section, author, edition.

A story that cannot be read (no ``Body``, no text, cut off at the end of the file) is
reported with its number and headline; the others still load.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

from framelab.readers.base import Reading, Readings, StoryProblem

END = "End of Document"
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTHS},?\s+\d{{4}})",
                   re.I)
_FIELD = re.compile(r"^(?P<label>[A-Z][A-Za-z\-/ ]{1,30}?)\s*:\s*(?P<value>.*)$")
_COVER = re.compile(r"^(?:User Name|Date and Time|Job Number|Documents? \(\d+\)|Client/Matter|"
                    r"Search Terms|Search Type|Narrowed by|Content Type|Print Request|"
                    r"Time of Request|Source)\b", re.I)
_LABELLED = re.compile(r"^(?:Length|Load-Date|Byline|Section)\s*:", re.I)
_FOOTER_START = re.compile(r"^(?:Classification|Graphic|Notes|Load-Date\s*:.*)$", re.I)
_FIELDS = {"section": "section", "length": "length", "byline": "byline", "author": "byline",
           "dateline": "dateline", "highlight": "highlight", "edition": "edition",
           "language": "language", "subject": "subject", "publication-type": "publication_type",
           "geographic": "geographic", "load-date": "load_date", "company": "company",
           "organization": "organization", "person": "person", "industry": "industry"}


def is_export(lines: list[str]) -> bool:
    """Whether these paragraphs are a Nexis Uni export: 'End of Document' lines, and 'Body'
    lines or the export's own field labels."""
    return any(line == END for line in lines) and any(
        line == "Body" or _LABELLED.match(line) for line in lines)


def split_export(paragraphs: list[str], file_format: str, path: Path | None,
                 notes: list[str] | None = None) -> Readings | None:
    """One ``Reading`` per story of a Nexis Uni export; None when this is not one."""
    lines = [" ".join(p.split()) for p in paragraphs]
    lines = [line for line in lines if line]
    if not is_export(lines):
        return None
    ends = [i for i, line in enumerate(lines) if line == END]
    chunks = []
    start = 0
    for end in ends:
        chunks.append((start, end, True))
        start = end + 1
    if any(line == "Body" for line in lines[start:]):
        chunks.append((start, len(lines), False))
    stories: list[Reading] = []
    problems: list[StoryProblem] = []
    for number, (a, b, ended) in enumerate(chunks, 1):
        story = _story(lines, a, b, ended, number, file_format, notes or [])
        if isinstance(story, StoryProblem):
            problems.append(story)
        else:
            stories.append(story)
    return Readings(tuple(stories), tuple(problems), multi=True)


def _header_start(lines: list[str], a: int, body: int) -> tuple[int, int | None]:
    """Where a story's header starts (its headline) and which line gives its date."""
    cover = max((i for i in range(a, body) if _COVER.match(lines[i])), default=None)
    floor = a if cover is None else cover + 1
    for i in range(body - 1, floor - 1, -1):
        line = lines[i]
        if not _FIELD.match(line) and _DATE.search(line) and len(line) < 80:
            return max(floor, i - 2), i
    return (floor, None) if cover is None else (-1, None)


def _story(lines: list[str], a: int, b: int, ended: bool, number: int, file_format: str,
           notes: list[str]) -> Reading | StoryProblem:
    chunk = lines[a:b]
    body = next((i for i in range(a, b) if lines[i] == "Body"), None)
    guess = next((line for line in chunk if not _COVER.match(line)), "")
    if body is None:
        return StoryProblem(number, guess[:80], "it has no 'Body' line: it is a picture or "
                            "a table without text, or Nexis exported it without its text.",
                            "Open the export and look at this story; if it has text, "
                            "download it again from Nexis Uni on its own.")
    start, date_line = _header_start(lines, a, body)
    if start < 0:
        return StoryProblem(number, guess[:80], "its headline, outlet and date could not be "
                            "told apart from the export's cover page.",
                            "Download the export again without the cover page, or save this "
                            "story on its own.")
    title = lines[start] if start < body else ""
    footer = next((i for i in range(body + 1, b) if _FOOTER_START.match(lines[i])), b)
    if footer == body + 1:
        return StoryProblem(number, title[:80], "it has no text after its 'Body' line.",
                            "Open the export and look at this story; download it again "
                            "from Nexis Uni if its text is missing.")
    if not ended:
        return StoryProblem(number, title[:80], "it is cut off: the file ends before its "
                            "'End of Document' line, so its text may be incomplete.",
                            "Download the export again (the download may have been cut "
                            "short), or export fewer stories at a time.")
    kinds: list[str] = []
    meta: dict[str, Any] = {"export": "Nexis Uni", "story": number}
    for i in range(start, b + 1 if ended else b):
        line = lines[i]
        if i == start:
            kind = "title"
            meta["title"] = line
        elif i == start + 1 and (date_line is None or i < date_line):
            kind = "outlet"
            meta["outlet"] = line
        elif i == date_line:
            kind = "date"
            meta["date"] = _date(line)
        elif i < body:
            kind = _field(line, meta)
        elif i == body:
            kind = "body_label"
        elif i < footer:
            kind = "body"
        elif i == b:
            kind = "end_of_document"
        else:
            kind = "classification"
            _field(line, meta)
        kinds.append(kind)
    segment = lines[start : b + 1 if ended else b]
    source, sections = _assemble(segment, kinds)
    note = f"Story {number} of a Nexis Uni export ({file_format})."
    return Reading(source, "nexis", meta=meta, notes=(*notes, note), sections=sections,
                   story=number)


def _field(line: str, meta: dict[str, Any]) -> str:
    if line.lower().startswith(("copyright", "©")):
        meta.setdefault("copyright", line)
        return "copyright"
    m = _FIELD.match(line)
    if not m:
        meta.setdefault("edition", line)
        return "edition"
    label = m["label"].strip().lower()
    key = _FIELDS.get(label, label.replace(" ", "_"))
    value = m["value"].strip()
    if key == "byline":
        meta.setdefault("author", re.sub(r"^by\s+", "", value, flags=re.I))
    elif key == "length":
        words = re.match(r"(\d[\d,]*)\s*words?", value, re.I)
        meta.setdefault("length", int(words[1].replace(",", "")) if words else value)
    else:
        meta.setdefault(key, value)
    return key if key in {"section", "length", "byline", "dateline", "highlight"} else "field"


def _date(line: str) -> str:
    m = _DATE.search(line)
    try:
        return date_parser.parse(m[0].replace(".", "")).date().isoformat() if m else line
    except (ValueError, OverflowError):
        return line


def _assemble(lines: list[str], kinds: list[str]) -> tuple[str, tuple[tuple[str, int, int],
                                                                      ...]]:
    """The story's text, one line per paragraph, and each run of one kind as a section."""
    pieces: list[str] = []
    sections: list[tuple[str, int, int]] = []
    pos = 0
    for line, kind in zip(lines, kinds, strict=True):
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(line)
        if sections and sections[-1][0] == kind and kind in {"body", "classification"}:
            sections[-1] = (kind, sections[-1][1], pos + len(line))
        else:
            sections.append((kind, pos, pos + len(line)))
        pos += len(line)
    return "".join(pieces), tuple(sections)
