"""The highlight explorer: an article with its candidate loaded spans, one checkbox per category."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

import ipywidgets as w
from IPython.display import display

from framelab import lexicon, loaded, measures, render
from framelab.articles import Article
from framelab.errors import FramelabError
from framelab.storage import save_text
from framelab.widgets.common import (
    CANDIDATE_NOTE,
    categories_in,
    flags_csv,
    note_html,
    profile_csv,
    status_html,
)


class Explorer:
    """The article with its candidate loaded spans highlighted, one checkbox per category."""

    def __init__(self, article: Article, matcher: lexicon.Matcher | None = None,
                 export_folder: str | Path = "exports") -> None:
        self.article = article
        self.flags = loaded.find_loaded(article, matcher)
        self.words = max(measures.word_count(article), 1)
        self.export_folder = Path(export_folder)
        counts = Counter(f.category for f in self.flags)
        self.checkboxes = {
            c: w.Checkbox(value=True, indent=False,
                          description=f"{render.style(c).label} [{render.style(c).tag}] "
                                      f"({counts[c]})",
                          layout=w.Layout(width="auto"))
            for c in categories_in(self.flags)
        }
        self.counts = w.HTML()
        self.text = w.HTML(layout=w.Layout(max_height="32em", overflow="auto"))
        terms = Counter(f.term for f in self.flags)
        self.terms = w.Select(
            options=[(f"{t} ({n})", t) for t, n in sorted(terms.items())],
            rows=8, description="Flagged:", layout=w.Layout(width="22em"))
        self.detail = w.HTML()
        self.export_button = w.Button(description="Export flags and profile (CSV)",
                                      icon="download", layout=w.Layout(width="auto"),
                                      tooltip="Save CSV files for your report")
        self.status = w.HTML()
        for box in self.checkboxes.values():
            box.observe(lambda _: self.update(), names="value")
        self.terms.observe(lambda change: self.show_term(change["new"]), names="value")
        self.export_button.on_click(lambda _: self.export())
        self.widget = w.VBox([
            w.HTML(note_html(CANDIDATE_NOTE)),
            w.HTML(render.legend_html(self.checkboxes)),
            w.HBox(list(self.checkboxes.values()), layout=w.Layout(flex_flow="row wrap")),
            self.counts,
            w.HBox([self.text, w.VBox([self.terms, self.detail],
                                      layout=w.Layout(width="26em"))]),
            w.HBox([self.export_button, self.status]),
        ])
        self.update()

    def visible_categories(self) -> list[str]:
        """The categories whose checkbox is ticked."""
        return [c for c, box in self.checkboxes.items() if box.value]

    def visible_flags(self) -> list[loaded.Flag]:
        """The flags of the ticked categories."""
        shown = set(self.visible_categories())
        return [f for f in self.flags if f.category in shown]

    @property
    def highlight_count(self) -> int:
        """How many spans are highlighted now."""
        return len(self.visible_flags())

    def update(self) -> None:
        """Re-draw the highlights and the count table for the ticked categories."""
        visible = self.visible_flags()
        self.text.value = render.highlight_html(self.article, visible, self.visible_categories())
        per = Counter(f.category for f in visible)
        rows = [(render.style(c).label, per[c], f"{1000 * per[c] / self.words:.1f}")
                for c in self.visible_categories()]
        rows.append(("all shown", len(visible), f"{1000 * len(visible) / self.words:.1f}"))
        self.counts.value = (
            f'<p aria-live="polite">Showing <strong class="highlight-count">{len(visible)}'
            f"</strong> highlights in {self.words} words.</p>"
            + render.table_html(rows, ["category", "highlights", "per 1,000 words"],
                                "Highlights by category"))

    def show_term(self, term: str | None) -> None:
        """Why a term was flagged, and each place it occurs, in context."""
        if not term:
            self.detail.value = ""
            return
        flags = [f for f in self.flags if f.term == term]
        first = flags[0]
        lines = []
        for f in flags:
            a = self.article.text_offset(f.start)
            b = self.article.text_offset(f.end)
            text = self.article.text
            context = " ".join(text[max(0, a - 50) : a].split())[-50:]
            after = " ".join(text[b : b + 50].split())[:50]
            lines.append((f"{context} [{f.text}] {after}", f.start, f.end,
                          ", ".join(x for x in [f.quoted and f"{f.quoted} quote",
                                                "negated" if f.negated else ""] if x) or "-"))
        self.detail.value = (
            f"<p><strong>{escape(term)}</strong> — {escape(render.style(first.category).label)}"
            f" ({escape(first.signal)})<br>Why: {escape(first.why)}</p>"
            + render.table_html(lines, ["in context", "start", "end", "context"],
                                f"{len(flags)} occurrence(s)"))

    def export(self) -> list[Path]:
        """Save the flags and the profile as CSV in the export folder (never overwriting)."""
        stem = (self.article.path.stem if self.article.path else "text")[:40]
        try:
            flags_path, _ = save_text(self.export_folder / f"{stem}_flags.csv",
                                      flags_csv(self.flags))
            prof = {self.article.title or stem: measures.profile(self.article, self.flags)}
            profile_path, _ = save_text(self.export_folder / f"{stem}_profile.csv",
                                        profile_csv(prof))
        except FramelabError as exc:
            self.status.value = status_html(str(exc), "error")
            return []
        self.status.value = status_html(f"Saved {flags_path} and {profile_path}.", "ok")
        return [flags_path, profile_path]

    def _ipython_display_(self) -> None:
        display(self.widget)


