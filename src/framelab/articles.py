"""Load an article from a .txt, .md or .html file, keeping every offset honest.

An ``Article`` keeps the file's decoded text (``source``) untouched. What a reader sees
(``text``: Markdown links read as their words, HTML as its text) is a view of it, and
every ``Span`` (section, paragraph, sentence, word) carries ``start``/``end`` offsets
into ``source``, as spaCy's spans do, so any span can be shown in place.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

import yaml
from dateutil import parser as date_parser
from nltk.tokenize import NLTKWordTokenizer, PunktTokenizer

from framelab.errors import (
    ArticleEncodingError,
    ArticleNotFoundError,
    BinaryFileError,
    EmptyArticleError,
    FileTooLargeError,
    MetadataError,
    NotAFileError,
)
from framelab.lexicon import tokenize

MAX_BYTES = 10_000_000
"""Files above this size are refused: an article is kilobytes, a book a few megabytes."""

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SIDE_FILE_SUFFIX = ".meta.yaml"


class DecodingWarning(UserWarning):
    """The file was not UTF-8; framelab says which encoding it used instead."""


@dataclass(frozen=True)
class Span:
    """A piece of an article: ``source[start:end]``, and ``text`` as a reader sees it."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Section(Span):
    """A span with a kind: ``body``, ``title``, ``byline``, ``note_to_readers``..."""

    kind: str = "body"


@dataclass(frozen=True)
class Article:
    """One article: its metadata, its decoded ``source``, and its body kept apart.

    ``sections`` lists every part of the file in order, boilerplate included, so a
    student can see what the loader set aside and why.
    """

    source: str
    title: str
    author: str
    date: dt.date | None
    outlet: str
    sections: tuple[Section, ...]
    path: Path | None = None
    encoding: str = "utf-8"
    metadata: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    _view: _ReadableView | None = field(default=None, repr=False, compare=False)

    @property
    def body_span(self) -> Section:
        """The body as one span of ``source``."""
        return next(s for s in self.sections if s.kind == "body")

    @property
    def body(self) -> str:
        """The body text as a reader sees it, without boilerplate."""
        return self.body_span.text

    @property
    def text(self) -> str:
        """The whole file as a reader sees it (links unwrapped, HTML tags dropped)."""
        return self._view.text if self._view else self.source

    @property
    def boilerplate(self) -> tuple[Section, ...]:
        """Everything that is not body: title, byline, tags, notes, disclaimers."""
        return tuple(s for s in self.sections if s.kind != "body")

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """The body's paragraphs (blocks separated by blank lines)."""
        return tuple(self.span(a, b) for a, b in _blocks(self._view.text, *self.body_range))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The body's sentences, split by Punkt; a paragraph break inside a sentence is kept."""
        start, end = self.body_range
        return tuple(self.span(a, b) for a, b in split_sentences(self._view.text, start, end))

    @cached_property
    def words(self) -> tuple[Span, ...]:
        """The body's word and punctuation tokens, as ``nltk.word_tokenize`` splits them."""
        view_text = self._view.text
        spans = []
        for sentence in self._sentence_view_spans():
            a, _ = sentence
            piece = view_text[a : sentence[1]].translate(_STRAIGHT_APOSTROPHES)
            spans.extend(self.span(a + s, a + e) for s, e in _WORD_TOKENIZER.span_tokenize(piece))
        return tuple(spans)

    @cached_property
    def body_tokens(self) -> list[tuple[int, int, str]]:
        """The body's words as the lexicon matcher sees them: (start, end, form) in ``text``."""
        return tokenize(self.text, *self.body_range)

    @property
    def tokens(self) -> list[str]:
        """The body's tokens as plain strings, ready for ``nltk.Text`` or ``FreqDist``."""
        return [w.text for w in self.words]

    def find(self, phrase: str) -> list[Span]:
        """Every occurrence of ``phrase`` in the body, case-insensitive, whole words only."""
        start, end = self.body_range
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
        return [
            self.span(m.start(), m.end()) for m in pattern.finditer(self._view.text, start, end)
        ]

    @property
    def body_range(self) -> tuple[int, int]:
        """Where the body starts and ends in ``article.text`` (not ``source``)."""
        body = self.body_span
        return self._view.from_source(body.start), self._view.from_source(body.end)

    def text_offset(self, source_offset: int) -> int:
        """The position in ``article.text`` of a ``source`` offset."""
        return self._view.from_source(source_offset)

    def span(self, start: int, end: int) -> Span:
        """The span at ``article.text[start:end]``, with its offsets into ``source``."""
        source_start, source_end = self._view.to_source(start, end)
        return Span(source_start, source_end, self._view.text[start:end])

    def _sentence_view_spans(self) -> list[tuple[int, int]]:
        return [(self.text_offset(s.start), self.text_offset(s.end)) for s in self.sentences]


    def describe(self) -> str:
        """A short summary: metadata, size, and what was set aside as boilerplate."""
        kinds = ", ".join(dict.fromkeys(s.kind for s in self.boilerplate)) or "none"
        date = self.date.isoformat() if self.date else "unknown date"
        lines = [
            f"{self.title or '(untitled)'}",
            f"by {self.author or 'unknown author'}, {self.outlet or 'unknown outlet'}, {date}",
            f"body: {len(self.words):,} tokens in {len(self.sentences)} sentences and "
            f"{len(self.paragraphs)} paragraphs",
            f"set aside as boilerplate: {kinds}",
        ]
        return "\n".join(lines + list(self.notes))


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _ReadableView:
    """Readable text plus, for each of its characters, the offset it came from in source."""

    text: str
    starts: array  # where each character of text starts in source, plus the source's end
    ends: array | None = None  # where each ends ("&amp;" is one character, five in source);
    # None when every character is one source character (Markdown and plain text)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.starts[start], self.starts[start]
        last = self.starts[end - 1] + 1 if self.ends is None else self.ends[end - 1]
        return self.starts[start], last

    def from_source(self, offset: int) -> int:
        return bisect_left(self.starts, offset, 0, len(self.text))


_MD_LINK = re.compile(r"\[((?:[^\[\]]|\n)*?)\]\([^)\s]*\)")


def _markdown_view(source: str, start: int) -> _ReadableView:
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
    return _ReadableView("".join(pieces), starts)


class _HTMLText(HTMLParser):
    """Collect an HTML page's visible text with the source offset of every character."""

    BLOCK: ClassVar[frozenset[str]] = frozenset(
        [
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "tr",
            "figcaption",
            "hr",
            "pre",
        ]
    )
    SKIP: ClassVar[frozenset[str]] = frozenset(
        [
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "nav",
            "aside",
            "form",
            "button",
            "iframe",
            "head",
        ]
    )

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.starts = array("l")
        self.ends = array("l")
        self.skipping = 0
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._in_h1 = False
        self.h1 = ""

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _emit(self, text: str, offset: int) -> None:
        """Add text copied from ``source[offset:]``, one source character each."""
        self.chars.extend(text)
        self.starts.extend(range(offset, offset + len(text)))
        self.ends.extend(range(offset + 1, offset + len(text) + 1))

    def _stand_in(self, text: str, start: int, end: int) -> None:
        """Add text that stands for ``source[start:end]`` (an entity, a run of spaces, a tag)."""
        self.chars.extend(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def _break(self) -> None:
        if self.chars and self.chars[-1] != "\n":
            offset = self._offset()
            self._stand_in("\n\n", offset, offset)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta[key] = a["content"]
        if tag in self.BLOCK and not self.skipping:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag in self.BLOCK and not self.skipping:
            self._break()

    def _visible(self, text: str) -> bool:
        """Note text for the page title and first heading; False if it is not shown."""
        if self._in_title:
            self.title += text
        if self.skipping:
            return False
        if self._in_h1:
            self.h1 += text
        return True

    def handle_data(self, data: str) -> None:
        if not self._visible(data):
            return
        offset = self._offset()
        collapsed = re.sub(r"\s+", " ", data)
        if collapsed == data:
            self._emit(data, offset)
            return
        for m in re.finditer(r"\S+|\s+", data):
            if not m.group().isspace():
                self._emit(m.group(), offset + m.start())
            elif self.chars and self.chars[-1] not in " \n":
                self._stand_in(" ", offset + m.start(), offset + m.end())

    def _entity(self, raw: str) -> None:
        text = unescape(raw)
        if not self._visible(text):
            return
        offset = self._offset()
        width = len(raw) if self.source.startswith(raw, offset) else len(raw) - 1
        self._stand_in(text, offset, offset + width)

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def view(self) -> _ReadableView:
        starts = array("l", self.starts)
        starts.append(len(self.source))
        return _ReadableView("".join(self.chars), starts, array("l", self.ends))


# --------------------------------------------------------------------------- sentences

_PUNKT: PunktTokenizer | None = None
_WORD_TOKENIZER = NLTKWordTokenizer()
_STRAIGHT_APOSTROPHES = str.maketrans("’‘", "''")
"""Curly apostrophes read as straight ones, so "Haftar’s" splits as "Haftar" + "’s"."""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_TERMINAL = re.compile(r"""[.!?…:;]["'”’)\]]*\s*$""")


def _punkt() -> PunktTokenizer:
    global _PUNKT
    if _PUNKT is None:
        _PUNKT = PunktTokenizer("english")
    return _PUNKT


def _blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph of ``text[start:end]``, trimmed of white space."""
    pos = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + len(piece.rstrip())


def _unbalanced(text: str) -> bool:
    return (
        text.count("(") > text.count(")")
        or text.count("[") > text.count("]")
        or text.count("“") > text.count("”")
        or text.count('"') % 2 == 1
    )


def _continues(paragraph: str, following: str) -> bool:
    """True when a paragraph break falls inside a sentence ("Mike\\n\\nPompeo")."""
    if _TERMINAL.search(paragraph):
        return False
    if following[:1].islower() or _unbalanced(paragraph):
        return True
    return len(paragraph.split()) > 12


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets in ``text[start:end]``: Punkt within paragraphs.

    A paragraph break ends a sentence unless the paragraph stops mid-sentence (no
    final punctuation and an open bracket or quote, a long line, or a lowercase start
    after the break), the kind of break a copy-and-paste leaves behind.
    """
    end = len(text) if end is None else end
    chunks: list[tuple[int, int]] = []
    for a, b in _blocks(text, start, end):
        if chunks and _continues(text[chunks[-1][0] : chunks[-1][1]], text[a:b]):
            chunks[-1] = (chunks[-1][0], b)
        else:
            chunks.append((a, b))
    spans = []
    for a, b in chunks:
        spans.extend((a + s, a + e) for s, e in _punkt().span_tokenize(text[a:b]))
    return spans


# --------------------------------------------------------------------------- boilerplate

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2})"
)
_HEADER_PATTERNS = {
    "byline": re.compile(r"^(?:by|written by|words by)\s+(?P<author>.{2,80})$", re.I),
    "dateline": re.compile(
        rf"^(?:(?P<outlet>[^,\n]{{2,60}}),\s*)?(?:published:?\s*)?"
        rf"(?P<date>{_DATE})$",
        re.I,
    ),
    "tags": re.compile(
        r"^(?:region|theme|topics?|tags?|categor(?:y|ies)|section|"
        r"filed under|keywords)\s*:",
        re.I,
    ),
}
_FOOTER_PATTERNS = {
    "note_to_readers": re.compile(r"^note to readers\b", re.I),
    "share": re.compile(r"^(?:share this|please share|forward this article)", re.I),
    "source": re.compile(r"^(?:the )?original source of this article", re.I),
    "copyright": re.compile(r"^(?:copyright\b|©|\(c\)\s)", re.I),
    "comment_link": re.compile(r"^(?:comment on|leave a comment|join the discussion)", re.I),
    "membership": re.compile(
        r"^(?:become a (?:member|subscriber|patron)|subscribe\b|"
        r"support (?:us|our)|donate\b)",
        re.I,
    ),
    "articles_by": re.compile(r"^(?:(?:more )?articles by|more from)\s*:?", re.I),
    "disclaimer": re.compile(r"^disclaimer\s*:", re.I),
    "fair_use": re.compile(r"copyrighted material.*fair use", re.I | re.S),
    "media_contact": re.compile(r"^(?:for media inquiries|media contact|press contact)", re.I),
    "related": re.compile(r"^(?:related(?: articles)?|read more|see also)\s*:?\s*$", re.I),
}
_SEPARATOR = re.compile(r"^[*•\-–—_=~#\s]+$")
_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|rev)\.?\s+", re.I)


_SHORT_FOOTERS = {"share", "comment_link", "membership", "articles_by", "media_contact", "related"}
"""Footer kinds whose opening words also start ordinary sentences ("Support our troops..."):
they count only in a block that is short, or has no final full stop, as site furniture."""


def _footer_kind(block: str, author: str) -> str | None:
    for kind, pattern in _FOOTER_PATTERNS.items():
        if pattern.search(block):
            if kind in _SHORT_FOOTERS and (
                len(block.split()) > 30 or (len(block.split()) > 12 and _TERMINAL.search(block))
            ):
                continue
            return kind
    name = _HONORIFIC.sub("", block)
    if (
        author
        and name.startswith(author)
        and re.match(r"\s+(?:is|was|has|lectures|teaches|writes|works)\b", name[len(author) :])
    ):
        return "author_bio"
    return None


def _classify(text: str, start: int, end: int, meta: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Label each block of the readable text as header, body or footer boilerplate."""
    blocks = _split_header_lines(text, list(_blocks(text, start, end)))
    kinds: list[str | None] = [None] * len(blocks)
    author = _HONORIFIC.sub("", str(meta.get("author") or "")).strip()

    i = 0
    while i < len(blocks):
        block = text[blocks[i][0] : blocks[i][1]]
        one_line = " ".join(block.split())
        kind = next((k for k, p in _HEADER_PATTERNS.items() if p.match(one_line)), None)
        if kind is None and all(
            _HEADER_PATTERNS["tags"].match(ln.strip()) for ln in block.splitlines()
        ):
            kind = "tags"
        if (
            kind is None
            and i == 0
            and _heading(one_line)
            and (not meta.get("title") or _same(one_line, str(meta["title"])))
        ):
            kind = "title"
        if kind is None:
            break
        kinds[i] = kind
        if kind == "byline" and not author:
            author = _HONORIFIC.sub("", _HEADER_PATTERNS["byline"].match(one_line)["author"])
            meta.setdefault("author", author)
        if kind == "dateline":
            m = _HEADER_PATTERNS["dateline"].match(one_line)
            meta.setdefault("date", m["date"])
            if m["outlet"]:
                meta.setdefault("outlet", m["outlet"].strip())
        if kind == "title":
            meta.setdefault("title", one_line)
        i += 1

    footer_from = len(blocks)
    for j in range(i, len(blocks)):
        block = text[blocks[j][0] : blocks[j][1]]
        nxt = text[blocks[j + 1][0] : blocks[j + 1][1]] if j + 1 < len(blocks) else ""
        if _footer_kind(block, author) or (
            _SEPARATOR.match(block) and (not nxt or _footer_kind(nxt, author))
        ):
            footer_from = j
            break
    for j in range(i, footer_from):
        kinds[j] = "body"
    out: list[tuple[str, int, int]] = []
    for j in range(footer_from, len(blocks)):
        a, b = blocks[j]
        block = text[a:b]
        if _SEPARATOR.match(block):
            out.append(("separator", a, b))
            continue
        kind = _footer_kind(block, author)
        if kind in {"fair_use", "disclaimer", "author_bio"} or "\n" not in block:
            out.append((kind or "footer", a, b))
            continue
        for line_start, line_end in _lines(text, a, b):
            line_kind = _footer_kind(text[line_start:line_end], author) or (
                out[-1][0] if out else "footer"
            )
            if out and out[-1][0] == line_kind and out[-1][2] >= a:
                out[-1] = (line_kind, out[-1][1], line_end)
            else:
                out.append((line_kind, line_start, line_end))
    head = [(kinds[j] or "body", *blocks[j]) for j in range(footer_from)]
    return head + out


def _split_header_lines(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A header written without blank lines ("Title / By Jane Doe / Outlet, date") is split
    into its lines, so each can be recognised; the first prose block ends the header."""
    out: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(blocks):
        lines = list(_lines(text, a, b))
        header_like = any(pattern.match(" ".join(text[x:y].split()))
                          for x, y in lines for pattern in _HEADER_PATTERNS.values())
        if n < 3 and len(lines) > 1 and header_like:
            out.extend(lines)
        else:
            out.extend(blocks[n:])
            break
    return out


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in re.finditer(r"\n", text[start:end]):
        yield from _trimmed(text, pos, start + m.start())
        pos = start + m.end()
    yield from _trimmed(text, pos, end)


def _whole_lines(source: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to its full source lines, so markup around a link stays inside."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    head = source[line_start:start]
    start = line_start + len(head) - len(head.lstrip())
    return start, end + len(source[end:line_end].rstrip())


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _heading(line: str) -> bool:
    return 0 < len(line.split()) <= 25 and not _TERMINAL.search(line)


# --------------------------------------------------------------------------- loading

_SIGNATURES = [
    (
        b"%PDF",
        "a PDF document",
        "Copy the article's text into a .txt file, or save the PDF as text.",
    ),
    (b"\x89PNG", "a PNG image", "Use the article's text, not a screenshot of it."),
    (b"\xff\xd8\xff", "a JPEG image", "Use the article's text, not a photo of it."),
    (b"GIF8", "a GIF image", "Use the article's text, not an image of it."),
    (
        b"PK\x03\x04",
        "a ZIP archive (a .docx, .odt or .epub is one)",
        "Open it in your word processor and save it as plain text (.txt).",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Word or Office document",
        "Open it in your word processor and save it as plain text (.txt).",
    ),
    (b"\x1f\x8b", "a gzip archive", "Unpack it first, then load the text file inside."),
    (b"{\\rtf", "an RTF document", "Open it in your word processor and save it as plain text."),
]


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        hint = ("Check the spelling and the folder; a relative path starts from the folder you "
                "work in (in Jupyter, the notebook's own folder).")
        raise ArticleNotFoundError("no such file.", hint, path)
    if path.is_dir():
        raise NotAFileError(
            "this is a folder, not a file.",
            "Name one file inside it, e.g. "
            f"{path / 'article.txt'}; to read a whole folder use "
            "framelab.load_folder().",
            path,
        )
    if not path.is_file():
        raise NotAFileError("this is not a regular file.", "Save the article to a file.", path)
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLargeError(
            f"the file is {_size(size)}, larger than the {_size(max_bytes)} an article "
            "should need.",
            "Check it is the article you meant; split a collection into one file per "
            "article, or pass max_bytes= to load it anyway.",
            path,
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleNotFoundError(
            f"the file could not be read ({exc.strerror}).",
            "Check you have permission to read it.",
            path,
        ) from None


def decode(data: bytes, path: Path | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    cp1252 is what Word and older Windows tools write for English text ("smart quotes").
    Returns ``(text, encoding_used)``.
    """
    for signature, what, advice in _SIGNATURES:
        if data.startswith(signature):
            raise BinaryFileError(f"this is {what}, not a text file.", advice, path)
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
            "Load a .txt, .md or .html file with the article's text.",
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


def _yaml_load(text: str) -> Any:
    """yaml.safe_load, with libyaml's C parser when it is installed (ten times faster)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


def _front_matter(text: str, path: Path | None) -> tuple[dict[str, Any], int]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        meta = _yaml_load(m.group(1) or "") or {}
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


def _side_file(path: Path) -> dict[str, Any]:
    side = path.with_name(path.name.split(".")[0] + SIDE_FILE_SUFFIX)
    if not side.is_file():
        return {}
    try:
        meta = _yaml_load(side.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise MetadataError(
            f"its metadata file {side.name} is not valid YAML ({exc}).",
            f"Fix or delete {side.name}.",
            path,
        ) from None
    if not isinstance(meta, dict):
        raise MetadataError(
            f"{side.name} is not a set of 'key: value' lines.", f"Fix or delete {side.name}.", path
        )
    return meta


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return date_parser.parse(str(value), dayfirst=False).date()
    except (ValueError, OverflowError):
        return None


def parse_article(
    source: str,
    path: Path | None = None,
    *,
    encoding: str = "utf-8",
    meta: Mapping[str, Any] | None = None,
    html: bool | None = None,
) -> Article:
    """Build an ``Article`` from decoded text (what ``load_article`` does after reading)."""
    meta = dict(meta or {})
    front, body_from = _front_matter(source, path)
    meta = {**front, **meta}
    if html is None:
        html = (path is not None and path.suffix.lower() in HTML_SUFFIXES) or bool(
            re.match(r"\s*(?:<!doctype html|<html)", source[body_from : body_from + 200], re.I)
        )
    if html:
        parser = _HTMLText(source)
        parser.feed(source[body_from:] if body_from == 0 else source)
        parser.close()
        view = parser.view()
        for key, names in {
            "author": ("author", "article:author"),
            "date": ("article:published_time", "date", "pubdate"),
            "outlet": ("og:site_name", "publisher"),
        }.items():
            for name in names:
                if name in parser.meta:
                    meta.setdefault(key, parser.meta[name])
                    break
        title = (parser.h1 or parser.title).strip()
        if title:
            meta.setdefault("title", " ".join(title.split()))
    else:
        view = _markdown_view(source, body_from)
    had_title = "title" in meta
    labelled = _classify(view.text, 0, len(view.text), meta)
    if not any(kind == "body" for kind, _, _ in labelled) and labelled[:1] and \
            labelled[0][0] == "title" and not had_title:
        labelled[0] = ("body", *labelled[0][1:])
        meta.pop("title")
    if not any(kind == "body" for kind, _, _ in labelled):
        raise EmptyArticleError(
            "no article text found: the file is empty or holds only headings and boilerplate.",
            "Check you saved the article's text into the file.",
            path,
        )

    merged: list[tuple[str, int, int]] = []
    for kind, a, b in labelled:
        if merged and kind == "body" == merged[-1][0]:
            merged[-1] = (kind, merged[-1][1], b)
        else:
            merged.append((kind, a, b))
    sections = []
    for kind, a, b in merged:
        start, end = view.to_source(a, b)
        if not html:
            start, end = _whole_lines(source, start, end)
        sections.append(Section(start, end, view.text[a:b], kind))
    notes = []
    if encoding != "utf-8":
        notes.append(
            f"Note: decoded as {encoding}, not UTF-8; check quotes and accents read correctly."
        )
    author = _HONORIFIC.sub("", " ".join(str(meta.get("author") or "").split()))
    return Article(
        source=source,
        title=str(meta.get("title") or ""),
        author=author,
        date=_parse_date(meta.get("date")),
        outlet=str(meta.get("outlet") or ""),
        sections=tuple(sections),
        path=path,
        encoding=encoding,
        metadata=MappingProxyType(meta),
        notes=tuple(notes),
        _view=view,
    )


def load_article(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> Article:
    """Load one article file (.txt, .md or .html) into an ``Article``.

    Metadata comes from YAML front matter, a side file ``NAME.meta.yaml`` beside the
    article, or the article's own header lines ("By ...", "Outlet, April 21, 2019").
    Every problem raises one ``framelab.errors.ArticleError`` that names the file and
    says what to do; nothing is half-loaded.
    """
    path = Path(path).expanduser()
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise EmptyArticleError(
            "the file is empty.", "Paste the article's text into it and save it.", path
        )
    text, used = decode(data, path, encoding)
    article = parse_article(text, path, encoding=used, meta=_side_file(path))
    if used != "utf-8":
        warnings.warn(f"{path.name}: {article.notes[0]}", DecodingWarning, stacklevel=2)
    return article


def load_folder(folder: str | Path, pattern: str = "*") -> list[Article]:
    """Load every article file in a folder (``.txt``, ``.md``, ``.html``), sorted by name."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise NotAFileError("this is not a folder.", "Name a folder of article files.", folder)
    suffixes = {".txt", ".md", ".markdown"} | HTML_SUFFIXES
    return [
        load_article(p)
        for p in sorted(folder.glob(pattern))
        if p.suffix.lower() in suffixes
        and not p.name.endswith(SIDE_FILE_SUFFIX)
        and p.name.lower() != "readme.md"
    ]
