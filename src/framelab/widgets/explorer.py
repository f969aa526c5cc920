"""The highlight explorer: an article with its candidate loaded spans, one checkbox per category."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

import ipywidgets as w

from framelab import lexicon, loaded, measures, render
from framelab.articles import Article
from framelab.errors import FramelabError
from framelab.storage import save_text
from framelab.widgets.common import (
    CANDIDATE_NOTE,
    View,
    categories_in,
    context_words,
    flags_csv,
    note_html,
    profile_csv,
    rerun_html,
    status_html,
)
from framelab.widgets.highlights import HighlightedText


class Explorer(View):
    """The article with its candidate loaded spans highlighted, one checkbox per category.

    Hover or focus a highlight to see why it was flagged; click it (or press Enter on it)
    to see the term's details and every place it occurs.
    """

    def __init__(self, article: Article, matcher: lexicon.Matcher | None = None,
                 export_folder: str | Path = "exports") -> None:
        self.article = article
        self.flags = loaded.find_loaded(article, matcher)
        self.words = max(measures.word_count(article), 1)
        self.export_folder = Path(export_folder)
        counts = Counter(f.category for f in self.flags)
        categories = categories_in(self.flags)
        self.styles = render.styles_for(categories)
        self.checkboxes = {
            c: w.Checkbox(value=True, indent=False,
                          description=f"{self.styles[c].label} [{self.styles[c].tag}] "
                                      f"({counts[c]})",
                          layout=w.Layout(width="auto", margin="0 1.2em 0 0"))
            for c in categories
        }
        self.counts = w.HTML()
        self.text = HighlightedText(layout=w.Layout(max_height="36em", flex="3 1 30em"))
        terms = Counter(f.term for f in self.flags)
        self.terms = w.Select(
            options=[(f"{t} ({n})", t) for t, n in sorted(terms.items())], value=None,
            rows=8, description="Flagged terms:", style={"description_width": "initial"},
            layout=w.Layout(width="auto", max_width="100%"))
        self.detail = w.HTML()
        self.export_button = w.Button(description="Export flags and profile (CSV)",
                                      icon="download", layout=w.Layout(width="auto"),
                                      tooltip="Save CSV files for your report")
        self.status = w.HTML()
        for box in self.checkboxes.values():
            box.observe(lambda _: self.update(), names="value")
        self.terms.observe(lambda change: self.show_term(change["new"]), names="value")
        self.text.observe(lambda change: self.show_flag(change["new"]), names="selected")
        self.export_button.on_click(lambda _: self.export())
        quoted = [f.quoted for f in self.flags if f.quoted]
        self.widget = w.VBox([
            w.HTML(rerun_html()),
            w.HTML(note_html(CANDIDATE_NOTE + " Hover over a highlight, or Tab to it, to see "
                             "why it was flagged; click it or press Enter for the details.")),
            w.HTML(render.legend_html(categories, quoted)),
            w.HBox(list(self.checkboxes.values()), layout=w.Layout(flex_flow="row wrap")),
            self.counts,
            w.HBox([self.text, w.VBox([self.terms, self.detail],
                                      layout=w.Layout(flex="2 1 22em", min_width="22em"))],
                   layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
            w.HBox([self.export_button, self.status], layout=w.Layout(align_items="center")),
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
        self.text.html = render.highlight_html(self.article, self.flags,
                                               self.visible_categories())
        per = Counter(f.category for f in visible)
        rows = [(self.styles[c].label, self.styles[c].tag, per[c],
                 f"{1000 * per[c] / self.words:.1f}") for c in self.visible_categories()]
        rows.append(("all shown", "", len(visible), f"{1000 * len(visible) / self.words:.1f}"))
        self.counts.value = (
            f'<p aria-live="polite">Showing <strong class="highlight-count">{len(visible)}'
            f"</strong> highlights in {self.words:,} words.</p>"
            + render.table_html(rows, ["category", "tag", "highlights", "per 1,000 words"],
                                "Highlights by category"))

    def show_flag(self, index: int) -> None:
        """Select a highlight (by its index in ``flags``): its term's details, it marked."""
        if not 0 <= index < len(self.flags):
            return
        self.text.selected = index
        term = self.flags[index].term
        if self.terms.value != term:
            self.terms.value = term
        else:
            self.show_term(term)

    def show_term(self, term: str | None) -> None:
        """Why a term was flagged, and each place it occurs, in context (whole words)."""
        if not term:
            self.detail.value = ""
            return
        chosen = self.text.selected
        indices = [i for i, f in enumerate(self.flags) if f.term == term]
        first = self.flags[indices[0]]
        style = self.styles.get(first.category) or render.style(first.category)
        rows = []
        for i in indices:
            f = self.flags[i]
            a, b = self.article.text_offset(f.start), self.article.text_offset(f.end)
            low, high = self.article.text_offset(self.article.body_span.start), \
                self.article.text_offset(self.article.body_span.end)
            before, after = context_words(self.article.text[low:high], a - low, b - low,
                                          width=45)
            where = ", ".join(x for x in [render.where_text(self.article, f),
                                          "negated" if f.negated else ""] if x)
            mark = "▶ " if i == chosen else ""
            rows.append((f"{mark}{before}[{f.text}]{after}",
                         f.sentence + 1 if f.sentence >= 0 else "–",
                         where or "writer's own words"))
        self.detail.value = (
            f'<div class="framelab-detail" style="color:#000"><p><strong>{escape(term)}</strong>'
            f" — {escape(style.label)} [{escape(style.tag)}], found by {escape(first.signal)}"
            f"</p><p><strong>Why flagged:</strong> {escape(first.why)}</p></div>"
            + render.table_html(rows, ["in context", "sentence", "where"],
                                render.counted(len(indices), "occurrence")))

    def export(self) -> list[Path]:
        """Save the flags and the profile as CSV in the export folder (never overwriting)."""
        stem = (self.article.path.stem if self.article.path else "text")[:40]
        try:
            flags_path, _ = save_text(self.export_folder / f"{stem}_flags.csv",
                                      flags_csv(self.flags, self.article))
            prof = {self.article.title or stem: measures.profile(self.article, self.flags)}
            profile_path, _ = save_text(self.export_folder / f"{stem}_profile.csv",
                                        profile_csv(prof))
        except FramelabError as exc:
            self.status.value = status_html(str(exc), "error")
            return []
        self.status.value = status_html(f"Saved {flags_path} and {profile_path}.", "ok")
        return [flags_path, profile_path]
