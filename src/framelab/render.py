"""HTML for the notebooks: article text always escaped, highlights never colour alone.

Every highlight has a light background tint (black text keeps a contrast of at least
4.5:1, WCAG AA), an underline style of its own and a short category tag, so a reader who
cannot tell the colours apart, or prints in grey, still sees which category is which.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from matplotlib.figure import Figure

from framelab.articles import Article
from framelab.loaded import Flag


@dataclass(frozen=True)
class Style:
    """How one category looks: a tag, a background tint, an underline style, a label."""

    tag: str
    background: str
    underline: str
    label: str


STYLES: dict[str, Style] = {
    "name_calling": Style("NAME", "#FBE3B3", "solid", "name-calling / labels"),
    "charged_imagery": Style("IMG", "#CDE9F9", "double", "charged imagery"),
    "derision": Style("DER", "#BDEBDD", "dashed", "derision / theatre"),
    "exaggeration": Style("EXAG", "#FAF6C2", "dotted", "exaggeration"),
    "judgement": Style("JUDG", "#C6DDF0", "solid", "judgement"),
    "delegitimising": Style("DELEG", "#F6CDB3", "wavy", "delegitimising label"),
    "legitimising": Style("LEGIT", "#EFD1E3", "double", "legitimising label"),
    "irony": Style("IRONY", "#E0E0E0", "wavy", "irony cue"),
    "scare_quotes": Style("SCARE", "#F3D8C8", "dashed", "scare quotes"),
    "strong_valence": Style("VAL", "#E4E9C8", "dotted", "strong valence (VADER)"),
}
"""Backgrounds are light tints of the Okabe & Ito colour-blind-safe palette."""

TEXT_COLOUR = "#000000"
_FALLBACK = Style("FLAG", "#E8E8E8", "solid", "other")


def style(category: str) -> Style:
    """The style of a category (a student's own categories get a neutral grey one)."""
    return STYLES.get(category, _FALLBACK)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour such as ``"#FBE3B3"``."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21; AA body text needs 4.5)."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


CSS = """
<style>
.framelab-text {font-family: Georgia, 'Times New Roman', serif; line-height: 1.9;
  max-width: 46em; color: #000; background: #fff; white-space: pre-wrap;}
.framelab-text mark {color: #000; padding: 0 0.1em; text-decoration-line: underline;
  text-decoration-thickness: 2px; text-underline-offset: 3px;}
.framelab-text mark.quoted-speech {font-style: italic;}
.framelab-text mark .tag {font: bold 0.62em sans-serif; vertical-align: super;
  margin-left: 0.15em; letter-spacing: 0.02em;}
.framelab-text .quote-speech {border-left: 3px solid #0072B2; padding-left: 0.15em;}
.framelab-legend span {display: inline-block; margin: 0 0.8em 0.3em 0; color: #000;}
</style>
"""


def _mark(text: str, flag: Flag) -> str:
    s = style(flag.category)
    classes = ["flag", f"cat-{flag.category}"]
    context = []
    if flag.quoted == "speech":
        classes.append("quoted-speech")
        context.append("inside quoted speech: someone else's words")
    elif flag.quoted == "scare":
        context.append("inside scare quotes")
    if flag.negated:
        context.append("negated")
    title = f"{s.label}: {flag.term}. {flag.why}" + (f" ({'; '.join(context)})" if context else "")
    tag = s.tag + ("·Q" if flag.quoted == "speech" else "") + ("·NOT" if flag.negated else "")
    return (
        f'<mark class="{" ".join(classes)}" data-start="{flag.start}" data-end="{flag.end}" '
        f'title="{escape(title, quote=True)}" style="background:{s.background};'
        f'text-decoration-style:{s.underline}">{escape(text)}'
        f'<span class="tag" aria-hidden="false">[{escape(tag)}]</span></mark>'
    )


def highlight_html(
    article: Article, flags: Sequence[Flag], categories: Iterable[str] | None = None,
) -> str:
    """The article body as HTML with the chosen categories' flags marked in place.

    Text is escaped everywhere (an article can contain ``<script>``); overlapping flags
    keep the first. ``categories=None`` shows every category.
    """
    shown = None if categories is None else set(categories)
    start, end = article.body_span.start, article.body_span.end
    out: list[str] = []
    pos = start
    for flag in sorted(flags, key=lambda f: (f.start, -f.end)):
        if (shown is not None and flag.category not in shown) or flag.start < pos:
            continue
        out.append(escape(_readable(article, pos, flag.start)))
        out.append(_mark(flag.text, flag))
        pos = flag.end
    out.append(escape(_readable(article, pos, end)))
    return f'{CSS}<div class="framelab-text" lang="en">{"".join(out)}</div>'


def _readable(article: Article, start: int, end: int) -> str:
    a, b = article.text_offset(start), article.text_offset(end)
    return article.text[a:b]


def legend_html(categories: Iterable[str]) -> str:
    """A legend showing each category's tag, tint and underline, in words too."""
    items = []
    for category in categories:
        s = style(category)
        items.append(
            f'<span><mark style="background:{s.background};color:#000;'
            f'text-decoration:underline {s.underline} 2px">[{s.tag}]</mark> '
            f"{escape(s.label)} ({escape(s.underline)} underline)</span>"
        )
    return f'<div class="framelab-legend" role="list">{"".join(items)}</div>'


def table_html(rows: Sequence[Sequence[object]], header: Sequence[str],
               caption: str = "") -> str:
    """A small HTML table with every cell escaped."""
    head = "".join(f'<th scope="col">{escape(str(h))}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def figure_html(figure: Figure, alt_text: str) -> str:
    """A PNG ``<img>`` of the figure with its text alternative as ``alt`` and a caption."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = escape(alt_text, quote=True)
    return (
        f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}">'
        f'<figcaption style="font-size:0.85em;color:#333">{escape(alt_text)}</figcaption>'
        "</figure>"
    )
