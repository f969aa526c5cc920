"""What every reader hands back: the text all offsets index, and where it came from.

A reader turns a file's bytes into a ``Reading``: ``source`` is the text every ``Span``
of the article will index (the decoded file for .txt and .md, the extracted text for a
web page, a PDF, a Word or RTF file), plus the metadata the file itself gives.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReadableView:
    """Readable text plus, for each of its characters, the offset it came from in source.

    ``starts`` is None when the readable text *is* the source (extracted formats).
    """

    text: str
    starts: array | None = None  # where each character of text starts in source, plus the end
    ends: array | None = None  # where each ends, when a character stands for several

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None:
            return start, max(start, end)
        if end <= start:
            return self.starts[start], self.starts[start]
        last = self.starts[end - 1] + 1 if self.ends is None else self.ends[end - 1]
        return self.starts[start], last

    def from_source(self, offset: int) -> int:
        if self.starts is None:
            return min(max(offset, 0), len(self.text))
        return bisect_left(self.starts, offset, 0, len(self.text))


@dataclass(frozen=True)
class Reading:
    """One article's text as a reader found it, before body and boilerplate are told apart.

    ``sections`` is given by readers that know the layout (a library export labels its
    fields); otherwise the article's header and footer lines are recognised from the text.
    """

    source: str
    format: str
    view: ReadableView | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    raw: str | bytes | None = None
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    sections: tuple[tuple[str, int, int], ...] | None = None
    story: int | None = None


@dataclass(frozen=True)
class StoryProblem:
    """A story of a multi-story export that could not be read, and why."""

    story: int
    title: str
    problem: str
    advice: str


@dataclass(frozen=True)
class Readings:
    """What a reader found in one file: its stories, and the stories it could not read."""

    stories: tuple[Reading, ...]
    problems: tuple[StoryProblem, ...] = ()
    multi: bool = False  # the file is a collection (a library export), even of one story


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs as one text, a blank line between them, as the kit reads paragraphs.

    Runs of spaces and tabs become one space and empty lines are dropped, so the text
    every offset indexes is as plain as a reader sees it.
    """
    blocks = []
    for paragraph in paragraphs:
        lines = [" ".join(line.split()) for line in paragraph.splitlines()]
        block = "\n".join(line for line in lines if line)
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)
