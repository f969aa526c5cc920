"""What the widgets share: category order, status messages, CSV export."""

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


def categories_in(flags: Sequence[loaded.Flag]) -> list[str]:
    present = {f.category for f in flags}
    return [c for c in ORDER if c in present] + sorted(present - set(ORDER))


def status_html(text: str, kind: str = "info") -> str:
    colour = {"info": "#0072B2", "error": "#D55E00", "ok": "#009E73"}[kind]
    role = "alert" if kind == "error" else "status"
    return (f'<div role="{role}" style="border-left:4px solid {colour};padding:0.2em 0.6em;'
            f'color:#000">{escape(text)}</div>')


def flags_csv(flags: Sequence[loaded.Flag]) -> str:
    """Flags as CSV text: offsets, text, category, term, signal, context and reason."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["start", "end", "text", "category", "term", "signal", "quoted",
                     "negated", "sentence", "why"])
    for f in flags:
        writer.writerow([f.start, f.end, f.text, f.category, f.term, f.signal, f.quoted,
                         f.negated, f.sentence, f.why])
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


