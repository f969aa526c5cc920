"""HTML for the notebooks: article text always escaped, highlights never colour alone.

Every highlight has a light background tint (black text keeps a contrast of at least
4.5:1, WCAG AA), an underline style of its own and a short category tag, so a reader who
cannot tell the colours apart, or prints in grey, still sees which category is which.
"""

from __future__ import annotations

import base64
import io
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from matplotlib.figure import Figure

from framelab.articles import Article
from framelab.loaded import Flag


@dataclass(frozen=True)
class Style:
    """How one category looks: a tag, a tint, an underline of its own, a label in words."""

    tag: str
    background: str
    underline: str
    thickness: str
    label: str
    lines: str = "underline"

    @property
    def decoration(self) -> str:
        """The CSS ``text-decoration`` value: the line, its style and thickness."""
        return f"{self.lines} {self.underline} {self.thickness}"

    @property
    def cue(self) -> str:
        """The shape cue in words, for the legend: 'thick wavy underline'."""
        weight = "thick" if float(self.thickness.rstrip("px")) >= 3 else "thin"
        where = "lines above and below" if "overline" in self.lines else "underline"
        return f"{weight} {self.underline} {where}"


STYLES: dict[str, Style] = {
    "name_calling": Style("NAME", "#FCE0B0", "solid", "3.5px", "name-calling / labels"),
    "judgement": Style("JUDG", "#DDD5F3", "solid", "1.5px", "judgement"),
    "charged_imagery": Style("IMG", "#C9E7FA", "double", "3.5px", "charged imagery"),
    "legitimising": Style("LEGIT", "#F4CCE2", "double", "1.5px", "legitimising label"),
    "derision": Style("DER", "#BFEBDC", "dashed", "3.5px", "derision / theatre"),
    "scare_quotes": Style("SCARE", "#E9DCC5", "dashed", "1.5px", "scare quotes"),
    "exaggeration": Style("EXAG", "#F8F1A6", "dotted", "3.5px", "exaggeration"),
    "strong_valence": Style("VAL", "#DDE8BC", "dotted", "1.5px", "strong valence (VADER)"),
    "delegitimising": Style("DELEG", "#F7C9B3", "wavy", "3px", "delegitimising label"),
    "irony": Style("IRONY", "#DEDEDE", "wavy", "1px", "irony cue"),
}
"""Every category has its own tint, its own underline (style x thickness) and its own tag."""

OWN_STYLES = (
    ("#CFEFEF", "solid"), ("#F2D9F7", "dashed"), ("#E8E3D0", "dotted"), ("#D6E4F0", "double"),
)
"""A student's own categories: lines above and below (no built-in has that), their own tint."""

QUOTE_CUES: dict[str, tuple[str, str]] = {
    "speech": ("Q", "inside quoted speech: someone else's words"),
    "reported": ("R", "in reported speech: attributed to someone else"),
    "scare": ("S", "inside scare quotes"),
    "name": ("N", "inside a quoted name"),
}
"""Where a flag stands, shown as a letter after its tag (NAME·Q) and explained in words."""

TEXT_COLOUR = "#000000"


def counted(n: int, noun: str, plural: str = "") -> str:
    """A count with its noun in the right number: '1 occurrence', '3 occurrences'."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def own_tag(category: str) -> str:
    """A readable tag for a category the kit does not know: its name in capitals."""
    words = re.sub(r"[^0-9A-Za-z]+", " ", category).strip().upper()
    return (words[:12].rstrip() or "MINE")


def styles_for(categories: Iterable[str]) -> dict[str, Style]:
    """The style of each category; categories the kit does not know get styles of their own.

    Unknown categories are taken in alphabetical order, so the same set always looks the
    same; each gets a tint and line no other category in the set has.
    """
    known = {c: STYLES[c] for c in dict.fromkeys(categories) if c in STYLES}
    unknown = sorted({c for c in categories if c not in STYLES})
    for i, category in enumerate(unknown):
        tint, line = OWN_STYLES[i % len(OWN_STYLES)]
        thickness = "3px" if (i // len(OWN_STYLES)) % 2 == 0 else "1.5px"
        known[category] = Style(own_tag(category), tint, line, thickness,
                                f"{category.replace('_', ' ')} (your category)",
                                "underline overline")
    return known


def style(category: str) -> Style:
    """The style of one category (an unknown one gets the first of the students' styles)."""
    return styles_for([category])[category]


def label(category: str) -> str:
    """A category's name for people: 'name-calling / labels', not 'name_calling'."""
    return style(category).label


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
.framelab-text {font-family: Georgia, 'Times New Roman', serif; font-size: 16px;
  line-height: 2.1; max-width: 46em; color: #000; background: #fff; white-space: pre-wrap;
  padding: 0.2em 0.4em;}
.framelab-text mark {color: #000; padding: 0 0.1em; position: relative; cursor: pointer;
  text-underline-offset: 4px; text-decoration-skip-ink: none; border-radius: 2px;}
.framelab-text mark:focus-visible, .framelab-text mark.selected {outline: 3px solid #000;
  outline-offset: 1px;}
.framelab-text mark.quoted-speech, .framelab-text mark.quoted-reported {font-style: italic;}
.framelab-text mark .tag, .framelab-legend .tag {display: inline-block; margin-left: 0.2em;
  padding: 0 0.25em; font: 700 0.9em/1.3 system-ui, sans-serif; color: #000;
  background: #fff; border: 1px solid #000; border-radius: 3px; text-decoration: none;
  font-style: normal; vertical-align: baseline;}
.framelab-text mark .why {display: none; position: absolute; left: 0; top: 100%; z-index: 10;
  width: max-content; max-width: 26em; white-space: normal; margin-top: 0.3em;
  padding: 0.4em 0.6em; font: 400 14px/1.45 system-ui, sans-serif; font-style: normal;
  color: #000; background: #fff; border: 2px solid #000; border-radius: 4px;
  box-shadow: 0 2px 6px rgba(0,0,0,0.3); cursor: auto;}
.framelab-text mark:hover .why, .framelab-text mark:focus .why,
.framelab-text mark.open .why {display: block;}
.framelab-text .why strong {font-weight: 700;}
.framelab-legend {display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; margin: 0.3em 0;
  color: #000; font-size: 14px; list-style: none; padding: 0;}
.framelab-legend li {margin: 0;}
.framelab-legend mark {color: #000; padding: 0 0.15em; text-underline-offset: 4px;}
</style>
"""


def speaker_of(article: Article, flag: Flag) -> str:
    """Who speaks the words a flag stands in (quoted or reported speech), or ""."""
    if getattr(flag, "speaker_start", -1) < 0 or getattr(flag, "speaker_end", -1) <= 0:
        return ""
    return " ".join(article.source[flag.speaker_start : flag.speaker_end].split())


def where_text(article: Article, flag: Flag) -> str:
    """Where a flag stands in words: 'in reported speech: attributed to The LNA', or ""."""
    if flag.quoted not in QUOTE_CUES:
        return ""
    meaning = QUOTE_CUES[flag.quoted][1]
    speaker = speaker_of(article, flag)
    if speaker and flag.quoted in ("speech", "reported"):
        meaning = meaning.split(":")[0] + f": attributed to {speaker}"
    return meaning


def _why(article: Article, flag: Flag, s: Style) -> str:
    """The reason shown on hover, focus or Enter: category, term, note and where it stands."""
    context = []
    if flag.quoted in QUOTE_CUES:
        context.append(where_text(article, flag))
    if flag.negated:
        context.append("negated: a 'not' or 'no' comes just before it")
    where = f" ({'; '.join(context)})" if context else ""
    return (f"<strong>{escape(s.label)}</strong> [{escape(s.tag)}] · {escape(flag.term)}: "
            f"{escape(flag.why)}{escape(where)}")


def tag_text(flag: Flag, s: Style) -> str:
    """The tag after a highlight: the category's tag, plus ·Q, ·R… and ·NOT where they apply."""
    cue = QUOTE_CUES.get(flag.quoted, ("", ""))[0]
    return s.tag + (f"·{cue}" if cue else "") + ("·NOT" if flag.negated else "")


def _mark(article: Article, flag: Flag, s: Style, index: int, prefix: str) -> str:
    classes = ["flag", f"cat-{flag.category}"]
    if flag.quoted:
        classes.append(f"quoted-{flag.quoted}")
    if flag.negated:
        classes.append("negated")
    why_id = f"{prefix}-why-{index}"
    return (
        f'<mark class="{" ".join(classes)}" tabindex="0" role="button" '
        f'aria-describedby="{why_id}" data-flag="{index}" data-start="{flag.start}" '
        f'data-end="{flag.end}" style="background:{s.background};'
        f'text-decoration:{s.decoration}">{escape(flag.text)}'
        f'<span class="tag">{escape(tag_text(flag, s))}</span>'
        f'<span class="why" role="tooltip" id="{why_id}">{_why(article, flag, s)}</span></mark>'
    )


_ids = itertools.count(1)


def highlight_html(
    article: Article, flags: Sequence[Flag], categories: Iterable[str] | None = None,
    prefix: str | None = None,
) -> str:
    """The article body as HTML with the chosen categories' flags marked in place.

    Text is escaped everywhere (an article can contain ``<script>``); overlapping flags
    keep the first. ``categories=None`` shows every category. Each mark carries
    ``data-flag``, its index in ``flags``, so a click can say which flag it was; its
    reason shows on hover and keyboard focus, with or without JavaScript.
    """
    shown = None if categories is None else set(categories)
    styles = styles_for([f.category for f in flags])
    prefix = prefix or f"fl{next(_ids)}"
    start, end = article.body_span.start, article.body_span.end
    out: list[str] = []
    pos = start
    order = sorted(range(len(flags)), key=lambda i: (flags[i].start, -flags[i].end))
    for i in order:
        flag = flags[i]
        if (shown is not None and flag.category not in shown) or flag.start < pos:
            continue
        out.append(escape(_readable(article, pos, flag.start)))
        out.append(_mark(article, flag, styles[flag.category], i, prefix))
        pos = flag.end
    out.append(escape(_readable(article, pos, end)))
    return f'{CSS}<div class="framelab-text" lang="en">{"".join(out)}</div>'


def _readable(article: Article, start: int, end: int) -> str:
    a, b = article.text_offset(start), article.text_offset(end)
    return article.text[a:b]


def legend_html(categories: Iterable[str], quoted: Iterable[str] = ()) -> str:
    """A legend: each category's tint, line and tag, with the line described in words.

    ``quoted`` adds a line for each kind of quotation present (speech, reported...).
    """
    items = []
    for s in styles_for(list(categories)).values():
        items.append(
            f'<li><mark style="background:{s.background};text-decoration:{s.decoration}">'
            f'example<span class="tag">{escape(s.tag)}</span></mark> '
            f"{escape(s.label)} ({escape(s.cue)})</li>"
        )
    for kind in dict.fromkeys(quoted):
        if kind in QUOTE_CUES:
            letter, meaning = QUOTE_CUES[kind]
            italic = ", in italics" if kind in ("speech", "reported") else ""
            items.append(f'<li><span class="tag">·{letter}</span> {escape(meaning)}{italic}'
                         "</li>")
    items.append('<li><span class="tag">·NOT</span> negated: a "not" or "no" just before</li>')
    return (f'{CSS}<ul class="framelab-legend" aria-label="Highlight legend">'
            f'{"".join(items)}</ul>')


TABLE_CSS = """
<style>
.framelab-table {border-collapse: collapse; margin: 0.4em 0 0.8em; font: 14px/1.4 system-ui,
  sans-serif; color: #000; background: #fff;}
.framelab-table caption {caption-side: top; text-align: left; font-weight: 700;
  padding: 0.2em 0; color: #000;}
.framelab-table th {font-weight: 700; text-align: left; vertical-align: bottom;
  border-bottom: 2px solid #000; padding: 0.25em 0.8em 0.25em 0.3em; background: #f2f2f2;}
.framelab-table td {padding: 0.2em 0.8em 0.2em 0.3em; border-bottom: 1px solid #ccc;
  vertical-align: top;}
table.framelab-table.framelab-table th, table.framelab-table.framelab-table td {
  text-align: left;}
table.framelab-table.framelab-table .num {text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap;}
.framelab-table tbody tr:nth-child(even) {background: #f7f7f7;}
</style>
"""

_NUMBER = re.compile(r"^[-+−]?(\d[\d,]*)?(\.\d+)?%?$|^–$|^p < 0\.\d+$")


def _numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    text = str(value).strip()
    return bool(text) and bool(_NUMBER.match(text)) and any(ch.isdigit() or ch == "–"
                                                            for ch in text)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return "–" if value != value else f"{value:,.3g}" if abs(value) >= 1000 else f"{value:g}"
    return str(value)


def table_html(rows: Sequence[Sequence[object]], header: Sequence[str],
               caption: str = "") -> str:
    """A small styled HTML table: every cell escaped, number columns right-aligned.

    A column is a number column when each of its cells is a number (or ``–``); its
    header is aligned with it, so a reader sees which figure belongs to which heading.
    """
    numeric = [bool(rows) and all(_numeric(row[i]) for row in rows if i < len(row))
               for i in range(len(header))]

    def cls(i: int) -> str:
        return ' class="num"' if i < len(numeric) and numeric[i] else ""

    head = "".join(f'<th scope="col"{cls(i)}>{escape(str(h))}</th>'
                   for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{escape(_cell(c))}</td>" for i, c in enumerate(row))
        + "</tr>" for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (f'{TABLE_CSS}<table class="framelab-table">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


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
