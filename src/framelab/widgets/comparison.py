"""The comparison panel: two texts or groups side by side: profile, keywords, concordance.

Choosing a pair updates the table and the keywords at once; the profile figure (one panel
per measure, the slow part) is drawn only while the student has it shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import ipywidgets as w

from framelab import keyness, measures, plots, render
from framelab.articles import Article, article_from_bytes
from framelab.errors import FramelabError
from framelab.storage import backup_path, save_text
from framelab.widgets.common import (
    THRESHOLD_OPTIONS,
    Group,
    View,
    format_value,
    rerun_html,
    status_html,
)


class ComparisonPanel(View):
    """Two texts or groups side by side: profile table and figure, keywords, concordance."""

    def __init__(self, texts: Mapping[str, Group], a: str | None = None, b: str | None = None,
                 export_folder: str | Path = "exports") -> None:
        self.texts: dict[str, list[Article]] = {
            name: [t] if isinstance(t, Article) else list(t) for name, t in texts.items()}
        names = list(self.texts)
        self.export_folder = Path(export_folder)
        self._profiles: dict[str, list[dict[str, float]]] = {}
        self._counts: dict[str, Counter[str]] = {}
        self._figures: dict[tuple[str, str], tuple[plots.Chart, str]] = {}
        self._updating = False
        self.choose_a = w.Dropdown(options=names, value=a or names[0], description="Text A:")
        self.choose_b = w.Dropdown(options=names, value=b or names[-1], description="Text B:")
        self.upload = w.FileUpload(accept=".txt,.md,.html,.htm,.pdf,.docx,.rtf", multiple=False,
                                   description="Add your own file (as text A)",
                                   tooltip="Add a text, web page, PDF or Word file: it "
                                           "becomes text A; text B stays as it is",
                                   layout=w.Layout(width="auto"))
        # a labelled menu, not a slider: ipywidgets' slider handle has no accessible name
        self.min_freq = w.Dropdown(options=[(f"{n} or more times", n) for n in range(1, 11)],
                                   value=2, description="Min. frequency:",
                                   style={"description_width": "initial"},
                                   layout=w.Layout(width="auto"))
        self.threshold = w.Dropdown(options=THRESHOLD_OPTIONS, value=3.84,
                                    description="Significance:",
                                    style={"description_width": "initial"})
        self.table = w.HTML()
        self.figure = w.HTML()
        self.figure_toggle = w.ToggleButton(
            value=False, description="Show the figure", icon="bar-chart",
            tooltip="Draw the profile as a chart, one panel per measure, with a text "
                    "description", layout=w.Layout(width="auto"))
        self.keywords = w.Select(options=[], rows=10, description="Keywords of A:",
                                 style={"description_width": "initial"},
                                 layout=w.Layout(width="24em"))
        self.keyword_table = w.HTML()
        self.concordance = w.HTML()
        self.export_button = w.Button(description="Export table (CSV) and figure (PNG, SVG)",
                                      icon="download", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.export_status = w.HTML()
        for control in (self.choose_a, self.choose_b):
            control.observe(lambda _: self._updating or self.update(), names="value")
        for control in (self.min_freq, self.threshold):
            control.observe(lambda _: self.update_keywords(), names="value")
        self.figure_toggle.observe(lambda _: self.show_figure(), names="value")
        self.keywords.observe(lambda change: self.show_concordance(change["new"]), names="value")
        self.upload.observe(lambda change: self.add_upload(change["new"]), names="value")
        self.export_button.on_click(lambda _: self.export())
        self.widget = w.VBox([
            w.HTML(rerun_html()),
            w.HBox([self.choose_a, self.choose_b, self.upload],
                   layout=w.Layout(flex_flow="row wrap", align_items="center")),
            self.status,
            self.table,
            w.HBox([self.figure_toggle, self.export_button, self.export_status],
                   layout=w.Layout(flex_flow="row wrap", align_items="center")),
            self.figure,
            w.HBox([self.min_freq, self.threshold], layout=w.Layout(flex_flow="row wrap")),
            w.HBox([self.keywords, self.keyword_table], layout=w.Layout(flex_flow="row wrap")),
            self.concordance,
        ])
        self.update()

    def add_text(self, name: str, text: Group) -> None:
        """Add a text or group to both menus; what each menu shows stays as it was."""
        self.texts[name] = [text] if isinstance(text, Article) else list(text)
        self._profiles.pop(name, None)
        self._counts.pop(name, None)
        self._figures = {k: v for k, v in self._figures.items() if name not in k}
        a, b = self.choose_a.value, self.choose_b.value
        options = list(self.texts)
        self._updating = True
        try:
            self.choose_a.options = options
            self.choose_b.options = options
            self.choose_a.value, self.choose_b.value = a, b
        finally:
            self._updating = False

    def add_upload(self, value: object) -> None:
        """Read a file from the upload button; a bad file gives a message, nothing else."""
        files = list(value or [])
        if not files:
            return
        item = files[0]
        name = item.get("name", "your file") if isinstance(item, Mapping) else "your file"
        content = bytes(item["content"]) if isinstance(item, Mapping) else b""
        try:
            article = article_from_bytes(content, name)
        except FramelabError as exc:
            self.status.value = status_html(str(exc), "error")
            return
        self.add_text(name, article)
        self.choose_a.value = name
        if self.choose_a.value == self.choose_b.value:
            self.update()
        self.status.value = status_html(
            f"Added {name} as text A; text B is still {self.choose_b.value}.", "ok")

    def _profiles_of(self, name: str) -> list[dict[str, float]]:
        if name not in self._profiles:
            self._profiles[name] = [measures.profile(a) for a in self.texts[name]]
        return self._profiles[name]

    def _counts_of(self, name: str) -> Counter[str]:
        if name not in self._counts:
            self._counts[name] = keyness.word_counts(self.texts[name])
        return self._counts[name]

    def comparison(self):  # type: ignore[no-untyped-def]
        """The measures table for the chosen pair (pandas DataFrame)."""
        a, b = self.choose_a.value, self.choose_b.value
        return measures.compare_profiles(self._profiles_of(a), self._profiles_of(b), ("A", "B"))

    def update(self) -> None:
        """Recompute the table and the keywords for the chosen pair; the figure if shown."""
        a, b = self.choose_a.value, self.choose_b.value
        table = self.comparison()
        rows = [(plots.human_label(m), format_value(row["A_mean"]), format_value(row["B_mean"]),
                 format_value(row["ratio"]), format_value(row["cohens_d"]),
                 format_value(row["cliffs_delta"]))
                for m, row in table.iterrows()]
        self.table.value = render.table_html(
            rows, ["measure", f"A: {a}", f"B: {b}", "ratio A / B", "Cohen's d", "Cliff's delta"],
            "Framing profile (means over each group's texts)")
        self.update_keywords()
        self.show_figure()

    def show_figure(self) -> None:
        """Show the chosen pair's figure while the toggle is pressed; otherwise show none."""
        shown = self.figure_toggle.value
        self.figure_toggle.description = "Hide the figure" if shown else "Show the figure"
        self.figure.value = self.figure_of_pair()[1] if shown else ""

    def figure_of_pair(self) -> tuple[plots.Chart, str]:
        """The profile figure of the chosen pair and its HTML, drawn once per pair."""
        a, b = self.choose_a.value, self.choose_b.value
        if (a, b) not in self._figures:
            chart = plots.profile_comparison(self.comparison(), ("A", "B"),
                                             f"A: {a} / B: {b}")
            self._figures[(a, b)] = (chart, render.figure_html(chart.figure, chart.alt_text))
        return self._figures[(a, b)]

    @property
    def chart(self) -> plots.Chart:
        """The chosen pair's profile figure (drawn now if it was not yet)."""
        return self.figure_of_pair()[0]

    def current_keywords(self) -> list[keyness.Keyword]:
        """Keywords of A against B at the chosen minimum frequency and threshold."""
        return keyness.keyness_from_counts(
            self._counts_of(self.choose_a.value), self._counts_of(self.choose_b.value),
            min_freq=self.min_freq.value, threshold=self.threshold.value)

    def update_keywords(self) -> None:
        """Re-rank the keywords for the chosen minimum frequency and threshold."""
        keys = self.current_keywords()
        self.keywords.options = [(f"{k.word} ({k.log_ratio:+.1f})", k.word) for k in keys[:200]]
        rows = [(k.word, k.target_freq, k.reference_freq, k.target_per_10k,
                 k.reference_per_10k, k.g2, f"{k.log_ratio:+.2f}", k.significance)
                for k in keys[:25]]
        self.keyword_table.value = (
            f'<p aria-live="polite"><strong class="keyword-count">{len(keys)}</strong> '
            f"keyword{'' if len(keys) == 1 else 's'} (min. frequency {self.min_freq.value}, "
            f"G² ≥ {self.threshold.value})"
            "</p>" + render.table_html(rows, ["word", "count A", "count B", "per 10k A",
                                              "per 10k B", "G²", "Log Ratio", "p"],
                                       "Top keywords of A (per 10k = per 10,000 words)"))

    def show_concordance(self, word: str | None) -> None:
        """Keyword-in-context lines for a word in both texts."""
        if not word:
            self.concordance.value = ""
            return
        parts = []
        for label, name in (("A", self.choose_a.value), ("B", self.choose_b.value)):
            lines = keyness.concordance(self.texts[name], word, width=55)
            rows = [(line.left, line.match, line.right, line.start) for line in lines[:30]]
            title = f"{label}: {name} — {render.counted(len(lines), 'line')}"
            parts.append(render.table_html(rows, ["before", "word", "after", "offset"], title))
        self.concordance.value = "".join(parts)

    def export(self) -> list[Path]:
        """Save the measures table as CSV and the figure as PNG and SVG (never overwriting)."""
        stem = "comparison"
        try:
            table_path, _ = save_text(self.export_folder / f"{stem}.csv",
                                      self.comparison().to_csv())
            saved = [table_path]
            for suffix in (".png", ".svg"):
                target = self.export_folder / f"{stem}{suffix}"
                if target.exists():
                    target = backup_path(target)
                saved.append(plots.save_chart(self.chart, target))
        except (FramelabError, OSError) as exc:
            self.export_status.value = status_html(str(exc), "error")
            return []
        self.export_status.value = status_html("Saved " + ", ".join(map(str, saved)) + ".",
                                               "ok")
        return saved


