"""What the widgets share: category order, the kit's widget CSS, the ``View`` base (with its
static HTML copy and "run the cells again" line), word-boundary context, messages, CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from html import escape

from framelab import keyness, lexicon, loaded, measures
from framelab.articles import Article

CANDIDATE_NOTE = ("Highlights are <strong>candidates</strong> chosen by a word list and a "
                  "few rules. Read each one in context and decide for yourself: quotation, "
                  "irony and plain description can all look alike to the machine.")

ORDER = [*lexicon.LOADED_CATEGORIES, "scare_quotes", "strong_valence"]


RERUN_NOTE = ("This interactive tool needs its notebook's kernel: run the cells again "
              "(Run > Run All Cells) to use it.")
"""What a reader sees where a tool was, when there is no kernel and no saved state."""

KIT_CSS = """<style>
.framelab-choice .widget-toggle-button.mod-active, .framelab-choice .jupyter-button.mod-active
  {background: #0072B2; color: #fff; font-weight: 700; box-shadow: inset 0 0 0 2px #000;}
.framelab-choice .jupyter-button.mod-active::before {content: "\\2713\\00a0";}
.framelab-choice .jupyter-button {min-width: 7em;}
.framelab-rerun {display: none;}
.jupyter-widgets-disconnected .framelab-rerun {display: block; color: #000;
  border-left: 4px solid #D55E00; padding: 0.2em 0.6em; margin: 0.2em 0;}
</style>"""
"""The kit's widget CSS: the chosen label of a choice is filled blue, bold and ticked; the
"run the cells again" line shows only when the tool has lost its kernel."""


def rerun_html() -> str:
    """The kit's CSS and a line that appears only when the tool has no live kernel."""
    return (f'{KIT_CSS}<div class="framelab-rerun" role="note">Saved view of this tool: '
            f"{RERUN_NOTE.split(': ', 1)[1]}</div>")


class View:
    """What every view shares: it shows ``self.widget``; beside the live widget, a static
    HTML copy of its state (for HTML exports, the instructors' site) and a one-line note."""

    widget: object

    def _repr_mimebundle_(self, **kwargs: object) -> dict[str, object]:
        bundle = self.widget._repr_mimebundle_(**kwargs)  # type: ignore[attr-defined]
        data = dict(bundle[0] if isinstance(bundle, tuple) else bundle)
        data["text/plain"] = RERUN_NOTE
        data["text/html"] = static_html(self.widget)
        return data


def static_html(widget: object) -> str:
    """A widget tree as plain HTML showing its current state: text, highlights, choices.

    Buttons and upload controls, which do nothing without a kernel, are left out; a line
    says the copy is static.
    """
    return (f'<div class="framelab-static">{_static(widget)}'
            f'<p role="note" style="color:#000;font-style:italic">Static copy of an '
            f"interactive tool, as it was when the cells ran. {escape(RERUN_NOTE)}</p></div>")


def _static(widget: object) -> str:
    import ipywidgets as w

    from framelab.widgets.highlights import HighlightedText

    if isinstance(widget, w.Box):
        direction = "row" if isinstance(widget, w.HBox) else "column"
        inner = "".join(_static(child) for child in widget.children)
        return (f'<div style="display:flex;flex-direction:{direction};flex-wrap:wrap;'
                f'gap:0.3em 1em;align-items:flex-start">{inner}</div>')
    if isinstance(widget, HighlightedText):
        return f'<div style="max-width:48em">{widget.html}</div>'
    if isinstance(widget, (w.HTML, w.HTMLMath)):
        return f"<div>{widget.value}</div>" if widget.value else ""
    if isinstance(widget, (w.Button, w.ToggleButton, w.FileUpload)):
        return ""
    label = escape(str(getattr(widget, "description", "") or ""))
    if isinstance(widget, w.Checkbox):
        tick = "☑" if widget.value else "☐"
        return f'<span style="color:#000">{tick} {label}</span>'
    if isinstance(widget, (w.Textarea,)):
        return (f'<div style="color:#000"><strong>{label}</strong><pre style="white-space:'
                f'pre-wrap">{escape(str(widget.value))}</pre></div>')
    if hasattr(widget, "value"):
        shown = getattr(widget, "label", None) or widget.value  # type: ignore[attr-defined]
        shown = "–" if shown in (None, "") else shown
        return (f'<span style="color:#000"><strong>{label}</strong> '
                f"{escape(str(shown))}</span>")
    return ""


def context_words(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    """About ``width`` characters either side of ``text[start:end]``, cut at word boundaries.

    Returns (before, after) on one line each, with "…" where the text goes on, so a reason
    or context is never cut mid-word.
    """
    before = " ".join(text[max(0, start - width - 30) : start].split())
    after = " ".join(text[end : end + width + 30].split())
    if len(before) > width:
        cut = before.find(" ", len(before) - width)
        before = "…" + before[cut + 1 :] if cut != -1 else "…"
    if len(after) > width:
        cut = after.rfind(" ", 0, width)
        after = (after[:cut] if cut != -1 else "") + "…"
    if text[max(0, start - 1) : start].isspace():
        before += " "
    if text[end : end + 1].isspace():
        after = " " + after
    return before, after


def categories_in(flags: Sequence[loaded.Flag]) -> list[str]:
    """The categories present in ``flags``: the kit's in its order, then a student's own."""
    present = {f.category for f in flags}
    return [c for c in ORDER if c in present] + sorted(present - set(ORDER))


def status_html(text: str, kind: str = "info") -> str:
    """A message in words with a coloured edge; errors are announced (role="alert")."""
    colour = {"info": "#0072B2", "error": "#D55E00", "ok": "#009E73"}[kind]
    role = "alert" if kind == "error" else "status"
    return (f'<div role="{role}" style="border-left:4px solid {colour};padding:0.2em 0.6em;'
            f'color:#000">{escape(text)}</div>')


def flags_csv(flags: Sequence[loaded.Flag], article: Article | None = None) -> str:
    """Flags as CSV text: offsets, text, category, term, signal, voice, speaker and reason.

    ``sentence`` counts from 1, as every table a student sees does; ``speaker`` (who says
    the words a quoted or reported flag stands in) needs the ``article``.
    """
    from framelab.render import speaker_of

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["start", "end", "text", "category", "term", "signal", "quoted",
                     "speaker", "negated", "sentence", "why"])
    for f in flags:
        speaker = speaker_of(article, f) if article is not None else ""
        writer.writerow([f.start, f.end, f.text, f.category, f.term, f.signal, f.quoted,
                         speaker, f.negated, f.sentence + 1 if f.sentence >= 0 else "",
                         f.why])
    return buffer.getvalue()


def profile_csv(rows: Mapping[str, Mapping[str, float]]) -> str:
    """Profiles as CSV text: one row per text, one column per measure."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["text", *measures.MEASURES])
    for name, prof in rows.items():
        writer.writerow([name, *(prof[m] for m in measures.MEASURES)])
    return buffer.getvalue()


def note_html(html_text: str) -> str:
    return (f'<div role="note" style="border-left:4px solid #0072B2;padding:0.2em 0.6em;'
            f'color:#000">{html_text}</div>')


Group = Article | Sequence[Article]
THRESHOLD_OPTIONS = tuple((f"{label} (G² ≥ {g})", g) for g, label in keyness.THRESHOLDS.items())


def format_value(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return f"{value:g}" if isinstance(value, float) else str(value)


