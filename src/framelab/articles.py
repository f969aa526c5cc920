"""Load an article from a text, Markdown, web page, PDF, Word or RTF file, or a URL.

An ``Article`` keeps the text it was read from (``source``): a .txt or .md file's decoded
text untouched, or the text framelab extracted from a web page, PDF, Word or RTF file
(the page itself stays on ``article.raw``). What a reader sees (``text``: Markdown links
read as their words) is a view of it, and every ``Span`` (section, paragraph, sentence,
word) carries ``start``/``end`` offsets into ``source``, as spaCy's spans do, so any span
can be shown in place. One module per format reads the file: see ``framelab.readers``.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from dateutil import parser as date_parser
from nltk.tokenize import NLTKWordTokenizer, PunktTokenizer

from framelab import readers
from framelab.errors import (
    ArticleError,
    ArticleNotFoundError,
    EmptyArticleError,
    FileTooLargeError,
    FramelabError,
    IncompleteCorpusError,
    MetadataError,
    MultipleStoriesError,
    NotAFileError,
    StoryError,
)
from framelab.lexicon import tokenize
from framelab.readers.base import ReadableView, Reading
from framelab.readers.html import HTML_SUFFIXES, looks_like_html
from framelab.readers.text import decode, read_text, yaml_load
from framelab.readers.url import fetch, is_url

MAX_BYTES = 10_000_000
"""Files above this size are refused: an article is kilobytes, a book a few megabytes."""

SIDE_FILE_SUFFIX = ".meta.yaml"
ARTICLE_SUFFIXES = readers.ARTICLE_SUFFIXES
"""The files a folder is read for: text, Markdown, web pages, PDF, Word and RTF."""

__all__ = [
    "ARTICLE_SUFFIXES", "HTML_SUFFIXES", "Article", "Corpus", "DecodingWarning", "Problem",
    "Section", "Span", "article_files", "build_article", "decode", "load_article",
    "load_articles", "load_folder", "parse_article", "split_sentences",
]


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
    format: str = "text"
    """How it was read: text, markdown, html, pdf, docx, rtf, or nexis (one story of an
    export); for all but text and markdown, ``source`` is the extracted text."""
    raw: str | bytes | None = field(default=None, repr=False, compare=False)
    """A web page's HTML, as saved; None for other formats (the file itself is the original)."""
    story: int | None = None
    """The story's number (from 1) in a library export; None for a single-article file."""
    _view: ReadableView | None = field(default=None, repr=False, compare=False)

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
        """The whole text as a reader sees it (Markdown links read as their words)."""
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
        """A short summary: metadata, size, and what was set aside as boilerplate.

        Words are counted as every tool in the kit counts them (``measures.word_count``).
        """
        kinds = ", ".join(dict.fromkeys(s.kind for s in self.boilerplate)) or "none"
        date = self.date.isoformat() if self.date else "unknown date"
        lines = [
            f"{self.title or '(untitled)'}",
            f"by {self.author or 'unknown author'}, {self.outlet or 'unknown outlet'}, {date}",
            f"body: {_count(len(self.body_tokens), 'word')} in "
            f"{_count(len(self.sentences), 'sentence')} and "
            f"{_count(len(self.paragraphs), 'paragraph')}",
            f"set aside as boilerplate: {kinds}",
        ]
        if self.format not in ("text", "markdown"):
            lines.append(f"read from: {readers.FORMAT_NAMES.get(self.format, self.format)}"
                         "; offsets index article.source, the extracted text")
        return "\n".join(lines + list(self.notes))


# --------------------------------------------------------------------------- reading


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

def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


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


def _side_file(path: Path) -> dict[str, Any]:
    side = path.with_name(path.name.split(".")[0] + SIDE_FILE_SUFFIX)
    if not side.is_file():
        return {}
    try:
        meta = yaml_load(side.read_text(encoding="utf-8")) or {}
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




def build_article(reading: Reading, path: Path | None = None,
                  meta: Mapping[str, Any] | None = None) -> Article:
    """Tell body from boilerplate in what a reader found, and make the ``Article``.

    ``meta`` (a side file's keys) wins over what the file itself says.
    """
    meta = {**reading.meta, **(meta or {})}
    view = reading.view or ReadableView(reading.source)
    text_rules = reading.format in ("text", "markdown")
    if reading.sections is not None:
        labelled = [(kind, view.from_source(a), view.from_source(b))
                    for kind, a, b in reading.sections]
    else:
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
        if text_rules:
            start, end = _whole_lines(reading.source, start, end)
        sections.append(Section(start, end, view.text[a:b], kind))
    author = _HONORIFIC.sub("", " ".join(str(meta.get("author") or "").split()))
    return Article(
        source=reading.source,
        title=str(meta.get("title") or meta.get("file_title") or ""),
        author=author,
        date=_parse_date(meta.get("date")),
        outlet=str(meta.get("outlet") or ""),
        sections=tuple(sections),
        path=path,
        encoding=reading.encoding,
        metadata=MappingProxyType(meta),
        notes=reading.notes,
        format=reading.format,
        raw=reading.raw,
        story=reading.story,
        _view=view,
    )


def parse_article(
    source: str,
    path: Path | None = None,
    *,
    encoding: str = "utf-8",
    meta: Mapping[str, Any] | None = None,
    html: bool | None = None,
    focus: str = "balanced",
) -> Article:
    """Build an ``Article`` from text you already have: plain text, Markdown, or a page's HTML.

    HTML (``html=True``, an .html name, or text that starts like a page) is read by
    trafilatura, and the article's ``source`` is the text it extracts; otherwise the text
    is the source, untouched.
    """
    if html is None:
        html = (path is not None and path.suffix.lower() in HTML_SUFFIXES) or \
            looks_like_html(source)
    if html:
        reading = readers.html.read_html(source, path, focus=focus, encoding=encoding)
    else:
        reading = read_text(source, path, encoding=encoding)
    return build_article(reading, path, meta)


def article_from_bytes(data: bytes, name: str | Path = "article.txt", *,
                       encoding: str | None = None, focus: str = "balanced") -> Article:
    """An ``Article`` from a file's bytes (an upload), read by its content like ``load_article``.

    A library export with several stories is refused here: use ``load_articles`` on the file.
    """
    path = Path(name)
    if not data.strip():
        raise EmptyArticleError(
            "the file is empty.", "Paste the article's text into it and save it.", path)
    found = readers.read(data, path, encoding=encoding, focus=focus)
    return _one(found, path, {})


def load_article(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES,
    focus: str = "balanced", timeout: float = 20.0, save_to: str | Path = "downloads",
) -> Article:
    """Load one article: a .txt, .md, .html, .pdf, .docx or .rtf file, or a web address.

    The reader is chosen by the file's content, not only its name. Metadata comes from the
    file (a page's tags, a PDF's properties, YAML front matter), a side file
    ``NAME.meta.yaml`` beside it, or the article's own header lines ("By ...", "Outlet,
    April 21, 2019"). A web address (``https://...``) is fetched, and a copy of the page is
    kept in ``save_to`` (``downloads/`` beside your notebook) before it is read.
    ``focus`` is for web pages: ``"precision"`` leaves out more doubtful text, ``"recall"``
    keeps more. Every problem raises one ``framelab.errors.ArticleError`` that names the
    file and says what to do; nothing is half-loaded.
    """
    if is_url(path):
        return _load_url(str(path), encoding=encoding, max_bytes=max_bytes, focus=focus,
                         timeout=timeout, save_to=save_to)
    path = Path(path).expanduser()
    found = _read_file(path, encoding=encoding, max_bytes=max_bytes, focus=focus)
    article = _one(found, path, _side_file(path))
    if article.format in ("text", "markdown") and article.encoding != "utf-8":
        warnings.warn(f"{path.name}: {article.notes[0]}", DecodingWarning, stacklevel=2)
    return article


def _read_file(path: Path, *, encoding: str | None, max_bytes: int, focus: str,
               url: str | None = None) -> readers.Readings:
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise EmptyArticleError(
            "the file is empty.", "Paste the article's text into it and save it.", path
        )
    return readers.read(data, path, encoding=encoding, focus=focus, url=url)


def _one(found: readers.Readings, path: Path, meta: Mapping[str, Any]) -> Article:
    """The one article of a file; a file of several stories says to use ``load_articles``."""
    count = len(found.stories) + len(found.problems)
    if count > 1:
        raise MultipleStoriesError(
            f"this file is a library export holding {count} stories, not one article.",
            f"Load them all with framelab.load_articles({str(path)!r}); one of them is "
            f"framelab.load_articles({str(path)!r})[0].",
            path,
        )
    if found.problems:
        problem = found.problems[0]
        raise StoryError(f"its story could not be read: {problem.problem}", problem.advice,
                         path)
    return build_article(found.stories[0], path, meta)


def _load_url(url: str, *, encoding: str | None, max_bytes: int, focus: str, timeout: float,
              save_to: str | Path) -> Article:
    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes, save_to=save_to)
    found = readers.read(fetched.data, fetched.path, encoding=encoding, focus=focus,
                         url=fetched.final_url)
    article = _one(found, fetched.path, _side_file(fetched.path))
    return _with_notes(article, fetched.notes)


def _with_notes(article: Article, notes: Iterable[str]) -> Article:
    from dataclasses import replace

    return replace(article, notes=(*article.notes, *notes))


# --------------------------------------------------------------------------- corpora


@dataclass(frozen=True)
class Problem:
    """A file, or one story of an export, that could not be loaded, and what to do."""

    path: str
    story: int | None
    error: str  # the FramelabError's class name
    problem: str
    advice: str = ""

    @property
    def message(self) -> str:
        """The whole message, as the error would print it."""
        where = self.path + (f", story {self.story}" if self.story else "")
        return f"{where}: {self.problem}" + (f"\nWhat to do: {self.advice}" if self.advice
                                             else "")

    def __str__(self) -> str:
        return self.message.split("\n", 1)[0]

    @classmethod
    def from_error(cls, path: Path | str, exc: FramelabError, story: int | None = None
                   ) -> Problem:
        return cls(str(path), story, type(exc).__name__, exc.problem, exc.advice)


@dataclass(frozen=True)
class Corpus(Sequence[Article]):
    """The articles loaded from files, folders and exports, and every problem met.

    It behaves as a list of articles; ``complete`` is False, and ``problems`` says why,
    when any file or story could not be read: a partly read corpus never looks whole.
    """

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def complete(self) -> bool:
        """True when every file and every story was read."""
        return not self.problems

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self.articles[index]

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __repr__(self) -> str:
        head = f"Corpus: {len(self.articles)} article(s)"
        if self.complete:
            return head + ", every file read"
        lines = [f"{head}; NOT complete: {len(self.problems)} could not be read:"]
        lines += [f"  {p}" for p in self.problems[:10]]
        if len(self.problems) > 10:
            lines.append(f"  ... and {len(self.problems) - 10} more (see corpus.problems)")
        return "\n".join(lines)

    def raise_if_incomplete(self) -> Corpus:
        """Raise ``IncompleteCorpusError`` when anything could not be read; else the corpus."""
        if self.problems:
            listed = "; ".join(str(p) for p in self.problems[:3])
            more = f" (and {len(self.problems) - 3} more)" if len(self.problems) > 3 else ""
            raise IncompleteCorpusError(
                f"{len(self.problems)} file(s) or stories could not be read: {listed}{more}.",
                "Fix or remove them, or use framelab.load_articles(...) to work with the rest "
                "and see corpus.problems.",
            )
        return self


def article_files(folder: Path, pattern: str = "*") -> list[Path]:
    """The article files in a folder (not its subfolders), sorted by name."""
    return [
        p for p in sorted(folder.glob(pattern))
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.endswith(SIDE_FILE_SUFFIX) and p.name.lower() != "readme.md"
        and not p.name.startswith(".")
    ]


def load_articles(
    sources: str | Path | Iterable[str | Path], *, pattern: str = "*",
    encoding: str | None = None, max_bytes: int = MAX_BYTES, focus: str = "balanced",
) -> Corpus:
    """Load every article in files, folders, library exports and web addresses.

    A Nexis Uni export gives one article per story. A file or story that cannot be read
    does not stop the others: it is listed in ``corpus.problems``, and ``corpus.complete``
    is False.
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    articles: list[Article] = []
    problems: list[Problem] = []
    for source in sources:
        if is_url(source):
            paths: list[Path | str] = [str(source)]
        else:
            source = Path(source).expanduser()
            paths = list(article_files(source, pattern)) if source.is_dir() else [source]
        for path in paths:
            found, problem = _load_all(path, encoding=encoding, max_bytes=max_bytes,
                                       focus=focus)
            articles.extend(found)
            problems.extend(problem)
    return Corpus(tuple(articles), tuple(problems))


def _load_all(path: Path | str, *, encoding: str | None, max_bytes: int, focus: str
              ) -> tuple[list[Article], list[Problem]]:
    """Every article in one file, and what could not be read; never raises FramelabError."""
    try:
        if isinstance(path, str):
            return [load_article(path, encoding=encoding, max_bytes=max_bytes, focus=focus)], []
        found = _read_file(path, encoding=encoding, max_bytes=max_bytes, focus=focus)
        meta = _side_file(path) if not found.multi else {}
        articles, problems = [], []
        for reading in found.stories:
            try:
                articles.append(build_article(reading, path, meta))
            except ArticleError as exc:
                problems.append(Problem.from_error(path, exc, reading.story))
        problems += [Problem(str(path), p.story, "StoryError",
                             f"{p.title!r} could not be read: {p.problem}",
                             p.advice)
                     for p in found.problems]
        problems.sort(key=lambda p: p.story or 0)
        return articles, problems
    except FramelabError as exc:
        return [], [Problem.from_error(path, exc)]


def load_folder(folder: str | Path, pattern: str = "*") -> list[Article]:
    """Load every article file in a folder, sorted by name; any bad file is an error.

    To load the rest and see a list of what could not be read, use ``load_articles``.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise NotAFileError("this is not a folder.", "Name a folder of article files.", folder)
    return list(load_articles(folder, pattern=pattern).raise_if_incomplete())
