"""A saved web page: the article's text, title, author, date and site, found by trafilatura.

trafilatura (a maintained extraction library) separates the article from menus, related
links, subscription plugs and cookie banners far better than a hand-written parser. The
extracted text is the article's ``source``: every offset indexes it. The page itself is
kept as ``raw``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from framelab.errors import EmptyArticleError
from framelab.readers.base import Reading, join_paragraphs

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FOCUS = ("balanced", "precision", "recall")

_MARKUP = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s)",
    re.I | re.S,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def looks_like_html(text: str) -> bool:
    """True when the text starts like a web page (a doctype, <html>, <head>, <body>...)."""
    return bool(_MARKUP.match(text[:2000]))


def page_encoding(data: bytes) -> str | None:
    """The character set a page declares in its first kilobytes, if Python knows it."""
    import codecs

    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def read_html(html: str, path: Path | None = None, *, focus: str = "balanced",
              url: str | None = None, encoding: str = "utf-8") -> Reading:
    """Extract the article from a page's HTML; a page with no article text is an error.

    ``focus="precision"`` leaves out more doubtful text (a menu line a short page lets
    through); ``"recall"`` keeps more (a paragraph the default drops).
    """
    import trafilatura

    if focus not in FOCUS:
        raise ValueError(f"focus must be one of {FOCUS}, not {focus!r}")
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False,
        favor_precision=focus == "precision", favor_recall=focus == "recall",
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    text = join_paragraphs((document.text or "").split("\n")) if document else ""
    if not text.strip() or _only_furniture(text):
        raise EmptyArticleError(
            "no article text found: the page holds no article that trafilatura could find "
            "(only menus, scripts or a sign-in wall?).",
            "Open the page in your browser and check the article shows; save it again with "
            "'Save Page As… → Web page, complete', or copy the article's text into a .txt "
            "file.",
            path,
        )
    meta, notes = _metadata(document, html)
    return Reading(source=text, format="html", meta=meta, raw=html, encoding=encoding,
                   notes=(*notes, "Read with trafilatura, which leaves out a page's menus, "
                          "links and footers: check the first and last body sentences; the "
                          "page itself is in article.raw."))


def _only_furniture(text: str) -> bool:
    """A few words and not one sentence: a menu or a button, what is left of a page
    whose article is missing (behind a sign-in wall, or loaded by a script)."""
    return len(text.split()) < 25 and not re.search(r"[.!?…][\"'”’)]*(?:\s|$)", text)


def _metadata(document: Any, html: str) -> tuple[dict[str, Any], list[str]]:
    meta: dict[str, Any] = {}
    notes: list[str] = []
    for key, attribute in [("title", "title"), ("author", "author"), ("outlet", "sitename"),
                           ("url", "url"), ("hostname", "hostname"),
                           ("description", "description"), ("language", "language")]:
        value = getattr(document, attribute, None)
        if value:
            meta[key] = value
    for key in ("categories", "tags"):
        if getattr(document, key, None):
            meta[key] = list(getattr(document, key))
    date = document.date
    if date and date.endswith("-01-01") and not _date_in_markup(html, date):
        notes.append(f"Note: the page gives only a year ({date[:4]}), perhaps from its "
                     "copyright line; add the date yourself (front matter or a "
                     "NAME.meta.yaml side file).")
        date = None
    if date:
        meta["date"] = date
    return meta, notes


def _date_in_markup(html: str, date: str) -> bool:
    """Whether the page's own markup (meta tags, <time>, JSON-LD) gives this date."""
    from htmldate import find_date

    return find_date(html, extensive_search=False, original_date=True) == date
