"""Interactive views for the lessons: thin ipywidgets over framelab's pure functions.

Each view keeps its widgets as attributes (``explorer.checkboxes["derision"]``), so tests
and instructors can drive it without a browser: set ``.value``, call ``.click()``, read
what it shows. Every control is a standard HTML input or button, usable with the keyboard
(Tab to move, Space or Enter to press, arrow keys in lists and sliders).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

import ipywidgets as w
from IPython.display import display

from framelab import annotations as ann
from framelab import keyness, lexicon, loaded, measures, plots, render
from framelab.articles import Article, decode, parse_article
from framelab.errors import FramelabError
from framelab.storage import backup_path, save_text

CANDIDATE_NOTE = ("Highlights are <strong>candidates</strong> chosen by a word list and a "
                  "few rules. Read each one in context and decide for yourself: quotation, "
                  "irony and plain description can all look alike to the machine.")

ORDER = [*lexicon.LOADED_CATEGORIES, "scare_quotes", "strong_valence"]


def _categories(flags: Sequence[loaded.Flag]) -> list[str]:
    present = {f.category for f in flags}
    return [c for c in ORDER if c in present] + sorted(present - set(ORDER))


def _message(text: str, kind: str = "info") -> str:
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
            for c in _categories(self.flags)
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
            w.HTML(_message_html(CANDIDATE_NOTE)),
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
            self.status.value = _message(str(exc), "error")
            return []
        self.status.value = _message(f"Saved {flags_path} and {profile_path}.", "ok")
        return [flags_path, profile_path]

    def _ipython_display_(self) -> None:
        display(self.widget)


def _message_html(html_text: str) -> str:
    return (f'<div role="note" style="border-left:4px solid #0072B2;padding:0.2em 0.6em;'
            f'color:#000">{html_text}</div>')


Group = Article | Sequence[Article]
THRESHOLD_OPTIONS = tuple((f"{label} (G² ≥ {g})", g) for g, label in keyness.THRESHOLDS.items())


class ComparisonPanel:
    """Two texts or groups side by side: profile table and figure, keywords, concordance."""

    def __init__(self, texts: Mapping[str, Group], a: str | None = None, b: str | None = None,
                 export_folder: str | Path = "exports") -> None:
        self.texts: dict[str, list[Article]] = {
            name: [t] if isinstance(t, Article) else list(t) for name, t in texts.items()}
        names = list(self.texts)
        self.export_folder = Path(export_folder)
        self._profiles: dict[str, list[dict[str, float]]] = {}
        self._counts: dict[str, Counter[str]] = {}
        self.choose_a = w.Dropdown(options=names, value=a or names[0], description="Text A:")
        self.choose_b = w.Dropdown(options=names, value=b or names[-1], description="Text B:")
        self.upload = w.FileUpload(accept=".txt,.md,.html,.htm", multiple=False,
                                   description="Add your own file")
        self.min_freq = w.IntSlider(value=2, min=1, max=10, description="Min. frequency:",
                                    continuous_update=False,
                                    style={"description_width": "initial"})
        self.threshold = w.Dropdown(options=THRESHOLD_OPTIONS, value=3.84,
                                    description="Significance:",
                                    style={"description_width": "initial"})
        self.table = w.HTML()
        self.figure = w.HTML()
        self.keywords = w.Select(options=[], rows=10, description="Keywords of A:",
                                 style={"description_width": "initial"},
                                 layout=w.Layout(width="24em"))
        self.keyword_table = w.HTML()
        self.concordance = w.HTML()
        self.export_button = w.Button(description="Export table (CSV) and figure (PNG, SVG)",
                                      icon="download", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.chart: plots.Chart | None = None
        for control in (self.choose_a, self.choose_b):
            control.observe(lambda _: self.update(), names="value")
        for control in (self.min_freq, self.threshold):
            control.observe(lambda _: self.update_keywords(), names="value")
        self.keywords.observe(lambda change: self.show_concordance(change["new"]), names="value")
        self.upload.observe(lambda change: self.add_upload(change["new"]), names="value")
        self.export_button.on_click(lambda _: self.export())
        self.widget = w.VBox([
            w.HBox([self.choose_a, self.choose_b, self.upload]),
            self.status,
            self.table,
            self.figure,
            w.HBox([self.min_freq, self.threshold]),
            w.HBox([self.keywords, self.keyword_table]),
            self.concordance,
            self.export_button,
        ])
        self.update()

    def add_text(self, name: str, text: Group) -> None:
        """Add a text or group to both menus."""
        self.texts[name] = [text] if isinstance(text, Article) else list(text)
        options = list(self.texts)
        self.choose_a.options = options
        self.choose_b.options = options

    def add_upload(self, value: object) -> None:
        """Read a file from the upload button; a bad file gives a message, nothing else."""
        files = list(value or [])
        if not files:
            return
        item = files[0]
        name = item.get("name", "your file") if isinstance(item, Mapping) else "your file"
        content = bytes(item["content"]) if isinstance(item, Mapping) else b""
        try:
            text, _ = decode(content, Path(name))
            article = parse_article(text, Path(name),
                                    html=name.lower().endswith((".html", ".htm")))
        except FramelabError as exc:
            self.status.value = _message(str(exc), "error")
            return
        self.add_text(name, article)
        self.choose_a.value = name
        self.status.value = _message(f"Added {name}.", "ok")

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
        """Recompute the table and figure for the chosen pair, then the keywords."""
        a, b = self.choose_a.value, self.choose_b.value
        table = self.comparison()
        rows = [(m, row["A_mean"], row["B_mean"], _fmt(row["ratio"]), _fmt(row["cohens_d"]),
                 _fmt(row["cliffs_delta"])) for m, row in table.iterrows()]
        self.table.value = render.table_html(
            rows, ["measure", f"A: {a}", f"B: {b}", "ratio A/B", "Cohen's d", "Cliff's delta"],
            "Framing profile (means over each group's texts)")
        self.chart = plots.profile_comparison(table, ("A", "B"), f"A: {a} / B: {b}")
        self.figure.value = render.figure_html(self.chart.figure, self.chart.alt_text)
        self.update_keywords()

    def current_keywords(self) -> list[keyness.Keyword]:
        """Keywords of A against B at the chosen minimum frequency and threshold."""
        return keyness.keyness_from_counts(
            self._counts_of(self.choose_a.value), self._counts_of(self.choose_b.value),
            min_freq=self.min_freq.value, threshold=self.threshold.value)

    def update_keywords(self) -> None:
        """Re-rank the keywords for the chosen minimum frequency and threshold."""
        keys = self.current_keywords()
        self.keywords.options = [(f"{k.word} ({k.log_ratio:+.1f})", k.word) for k in keys[:200]]
        rows = [(k.word, k.target_freq, k.reference_freq, k.g2, k.log_ratio, k.significance)
                for k in keys[:25]]
        self.keyword_table.value = (
            f'<p aria-live="polite"><strong class="keyword-count">{len(keys)}</strong> '
            f"keywords (min. frequency {self.min_freq.value}, G² ≥ {self.threshold.value})"
            "</p>" + render.table_html(rows, ["word", "freq A", "freq B", "G²", "Log Ratio",
                                              "p"], "Top keywords of A"))

    def show_concordance(self, word: str | None) -> None:
        """Keyword-in-context lines for a word in both texts."""
        if not word:
            self.concordance.value = ""
            return
        parts = []
        for label, name in (("A", self.choose_a.value), ("B", self.choose_b.value)):
            lines = keyness.concordance(self.texts[name], word, width=55)
            rows = [(line.left, line.match, line.right, line.start) for line in lines[:30]]
            parts.append(render.table_html(rows, ["before", "word", "after", "offset"],
                                           f"{label}: {name} — {len(lines)} line(s)"))
        self.concordance.value = "".join(parts)

    def export(self) -> list[Path]:
        """Save the measures table as CSV and the figure as PNG and SVG (never overwriting)."""
        if self.chart is None:
            return []
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
            self.status.value = _message(str(exc), "error")
            return []
        self.status.value = _message("Saved " + ", ".join(map(str, saved)) + ".", "ok")
        return saved

    def _ipython_display_(self) -> None:
        display(self.widget)


def _fmt(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return f"{value:g}" if isinstance(value, float) else str(value)


class LexiconWorkbench:
    """Edit a lexicon and watch the highlights and density change; save it as your own CSV."""

    def __init__(self, article: Article, entries: Sequence[lexicon.LexiconEntry] | None = None,
                 path: str | Path = "my_lexicon.csv") -> None:
        self.article = article
        self._matcher = lexicon.Matcher(
            lexicon.loaded_language() if entries is None else entries)
        self.words = max(measures.word_count(article), 1)
        categories = sorted({e.category for e in self._matcher.entries} | set(
            lexicon.LOADED_CATEGORIES))
        self.term = w.Text(description="Term:", placeholder="e.g. warlord")
        self.category = w.Combobox(options=categories, description="Category:",
                                   placeholder="choose or type a new one", ensure_option=False)
        self.note = w.Text(description="Why:", placeholder="what the word implies",
                           layout=w.Layout(width="36em"))
        self.add_button = w.Button(description="Add term", icon="plus")
        self.entry_list = w.Select(rows=8, description="Lexicon:",
                                   layout=w.Layout(width="30em"))
        self.remove_button = w.Button(description="Remove selected", icon="minus")
        self.path = w.Text(value=str(path), description="File:")
        self.save_button = w.Button(description="Save my lexicon", icon="save")
        self.load_button = w.Button(description="Load from file", icon="folder-open")
        self.density = w.HTML()
        self.text = w.HTML(layout=w.Layout(max_height="28em", overflow="auto"))
        self.status = w.HTML()
        self.add_button.on_click(lambda _: self.add(self.term.value, self.category.value,
                                                    self.note.value))
        self.remove_button.on_click(lambda _: self.remove(self.entry_list.value))
        self.save_button.on_click(lambda _: self.save())
        self.load_button.on_click(lambda _: self.load())
        self.widget = w.VBox([
            w.HTML(_message_html(CANDIDATE_NOTE)),
            w.HBox([self.term, self.category]), w.HBox([self.note, self.add_button]),
            w.HBox([self.entry_list, self.remove_button]),
            w.HBox([self.path, self.save_button, self.load_button]),
            self.status, self.density, self.text,
        ])
        self.refresh()

    @property
    def entries(self) -> dict[str, lexicon.LexiconEntry]:
        """The lexicon as it is now: term -> entry."""
        return {e.term: e for e in self._matcher.entries}

    def matcher(self) -> lexicon.Matcher:
        """The matcher over the entries as they are now (updated in place by each edit)."""
        return self._matcher

    def refresh(self) -> None:
        """Re-match the lexicon and redraw the highlights, density and entry list."""
        self.flags = loaded.find_loaded(self.article, self._matcher)
        writer = loaded.writer_flags(self.flags)
        self.density.value = (
            f'<p aria-live="polite"><strong class="density">{1000 * len(writer) / self.words:.1f}'
            f"</strong> loaded flags per 1,000 words ({len(writer)} in the writer's own voice, "
            f"{len(self._matcher.entries)} lexicon entries)</p>")
        self.text.value = render.highlight_html(self.article, self.flags)
        self.entry_list.options = [(f"{e.term} — {e.category}", e.term)
                                   for e in sorted(self._matcher.entries, key=lambda e: e.term)]

    def add(self, term: str, category: str, note: str) -> str:
        """Add (or replace) a term; every entry needs a category and a reason."""
        term = lexicon.normalise_term(term)
        if not term or not category.strip() or not note.strip():
            message = "A term needs a category and a note saying why it is loaded."
            self.status.value = _message(message, "error")
            return message
        replaced = term in self._matcher
        self._matcher.add(lexicon.LexiconEntry(term, category.strip(), note.strip()))
        self.term.value = self.note.value = ""
        self.refresh()
        message = f"{'Replaced' if replaced else 'Added'} '{term}' ({category.strip()})."
        self.status.value = _message(message, "ok")
        return message

    def remove(self, term: str | None) -> str:
        """Remove a term from the lexicon."""
        if not term or term not in self._matcher:
            message = "Choose a term in the list first."
            self.status.value = _message(message, "error")
            return message
        self._matcher.remove(term)
        self.refresh()
        message = f"Removed '{term}'."
        self.status.value = _message(message, "ok")
        return message

    def to_csv(self) -> str:
        """The lexicon as term,category,note CSV text."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(lexicon.LEXICON_COLUMNS)
        for e in sorted(self._matcher.entries, key=lambda e: (e.category, e.term)):
            writer.writerow([e.term, e.category, e.note])
        return buffer.getvalue()

    def save(self) -> str:
        """Save atomically; an existing different file is kept as a numbered backup."""
        try:
            saved, backup = save_text(self.path.value, self.to_csv())
        except FramelabError as exc:
            self.status.value = _message(str(exc), "error")
            return str(exc)
        message = f"Saved {len(self._matcher.entries)} entries to {saved}." + (
            f" Your previous file is kept as {backup}." if backup else "")
        self.status.value = _message(message, "ok")
        return message

    def load(self) -> str:
        """Replace the entries with a CSV file's; a bad file changes nothing."""
        try:
            entries = lexicon.load_lexicon(self.path.value, any_category=True)
        except FramelabError as exc:
            self.status.value = _message(str(exc), "error")
            return str(exc)
        self._matcher = lexicon.Matcher(entries)
        self.refresh()
        message = f"Loaded {len(entries)} entries from {self.path.value}."
        self.status.value = _message(message, "ok")
        return message

    def _ipython_display_(self) -> None:
        display(self.widget)


class AnnotationTool:
    """Label each sentence loaded / neutral / unsure; saved after every click; agreement."""

    def __init__(self, article: Article, path: str | Path | None = None,
                 annotator: str = "me") -> None:
        self.article = article
        stem = article.path.stem if article.path else "text"
        self.path = Path(path or f"annotations_{stem}_{annotator}.json")
        self.index = 0
        self.can_save = True
        self.annotations = ann.new_annotations(article, annotator)
        self.sentence = w.HTML()
        self.label = w.ToggleButtons(
            options=[("Loaded", "loaded"), ("Neutral", "neutral"), ("Unsure", "unsure")],
            value=None, description="This sentence is:", style={"description_width": "initial"},
            tooltips=["Word choice frames the events", "Plain description or attribution",
                      "Decide later"])
        self.previous_button = w.Button(description="Previous", icon="arrow-left")
        self.next_button = w.Button(description="Next", icon="arrow-right")
        self.progress = w.HTML()
        self.status = w.HTML()
        self.partner = w.Text(description="Partner's file:", placeholder="their .json file",
                              style={"description_width": "initial"})
        self.compare_partner_button = w.Button(description="Agreement with partner")
        self.compare_machine_button = w.Button(description="Agreement with the machine")
        self.agreement = w.HTML()
        self.label.observe(self._on_label, names="value")
        self.previous_button.on_click(lambda _: self.go(self.index - 1))
        self.next_button.on_click(lambda _: self.go(self.index + 1))
        self.compare_partner_button.on_click(lambda _: self.compare_with_file(self.partner.value))
        self.compare_machine_button.on_click(lambda _: self.compare_with_machine())
        self.widget = w.VBox([
            self.progress, self.sentence, self.label,
            w.HBox([self.previous_button, self.next_button]), self.status,
            w.HBox([self.partner, self.compare_partner_button, self.compare_machine_button]),
            self.agreement,
        ])
        self._resume()
        self.go(self._first_unlabelled())

    def _resume(self) -> None:
        if not self.path.exists():
            self.status.value = _message(f"Your labels will be saved in {self.path}.")
            return
        try:
            self.annotations = ann.load_annotations(self.path, self.article)
        except FramelabError as exc:
            self.can_save = False
            self.status.value = _message(
                f"{exc} Nothing will be saved there: give the tool another path to keep "
                "labelling.", "error")
            return
        self.status.value = _message(
            f"Resumed {len(self.annotations.labels)} labels from {self.path}.", "ok")

    def _first_unlabelled(self) -> int:
        n = len(self.article.sentences)
        return next((i for i in range(n) if i not in self.annotations.labels), max(n - 1, 0))

    def go(self, index: int) -> None:
        """Show sentence ``index`` (clamped to the article)."""
        n = len(self.article.sentences)
        self.index = max(0, min(index, n - 1))
        self._updating = True
        self.label.value = self.annotations.labels.get(self.index)
        self._updating = False
        self.sentence.value = (
            '<blockquote style="font-family:Georgia,serif;font-size:1.1em;color:#000">'
            f"{escape(self.article.sentences[self.index].text)}</blockquote>")
        self.progress.value = (f"Sentence {self.index + 1} of {n} · "
                               f"{len(self.annotations.labels)} labelled")

    def _on_label(self, change: Mapping[str, object]) -> None:
        if getattr(self, "_updating", False) or change["new"] is None:
            return
        self.set_label(str(change["new"]))

    def set_label(self, label: str) -> None:
        """Label the current sentence, save at once, and move to the next one."""
        self.annotations = ann.with_label(self.annotations, self.index, label)
        if self.can_save:
            try:
                ann.save_annotations(self.annotations, self.article, self.path)
            except FramelabError as exc:
                self.status.value = _message(str(exc), "error")
        self.go(self.index + 1 if self.index + 1 < len(self.article.sentences) else self.index)

    def compare_with_machine(self) -> ann.Agreement:
        """Agreement between your labels and the machine's flags."""
        result = ann.agreement(self.annotations.labels, ann.machine_labels(self.article))
        self._show(result, "the machine")
        return result

    def compare_with_file(self, path: str) -> ann.Agreement | None:
        """Agreement between your labels and a partner's file on the same article."""
        try:
            other = ann.load_annotations(path, self.article)
        except FramelabError as exc:
            self.agreement.value = _message(str(exc), "error")
            return None
        result = ann.agreement(self.annotations.labels, other.labels)
        self._show(result, other.annotator or path)
        return result

    def _show(self, result: ann.Agreement, other: str) -> None:
        if not result.items:
            self.agreement.value = _message("No sentences labelled by both yet.")
            return
        rows = [(i + 1, self.article.sentences[i].text[:120], mine, theirs)
                for i, mine, theirs in result.disagreements]
        kappa = "–" if result.kappa is None else f"{result.kappa:.2f}"
        alpha = "–" if result.alpha is None else f"{result.alpha:.2f}"
        self.agreement.value = (
            f"<p>With {escape(other)} on {result.items} sentences: agreement "
            f"{result.observed:.0%}, Cohen's kappa <strong>{kappa}</strong>, Krippendorff's "
            f"alpha <strong>{alpha}</strong> (1 = perfect, 0 = chance).</p>"
            + render.table_html(rows, ["sentence", "text", "you", other],
                                f"{len(rows)} disagreement(s) to discuss"))

    def _ipython_display_(self) -> None:
        display(self.widget)


class RewriteLab:
    """Rewrite a passage neutrally and watch its loaded count and attribution change."""

    def __init__(self, passage: str) -> None:
        self.original = passage
        self.before = self._stats(passage)
        self.textarea = w.Textarea(value=passage, description="Your rewrite:",
                                   layout=w.Layout(width="100%", height="14em"),
                                   style={"description_width": "initial"})
        self.result = w.HTML()
        self.textarea.observe(lambda _: self.update(), names="value")
        self.widget = w.VBox([w.HTML(_message_html(CANDIDATE_NOTE)), self.textarea,
                              self.result])
        self.update()

    @staticmethod
    def _stats(text: str) -> dict[str, object]:
        if not text.strip():
            return {"loaded": 0, "attributed": 0.0, "words": 0, "flags": [], "article": None}
        article = parse_article(text)
        flags = loaded.find_loaded(article)
        prof = measures.profile(article, flags)
        return {"loaded": len(loaded.writer_flags(flags)),
                "attributed": prof["attributed_sentence_share"],
                "words": measures.word_count(article), "flags": flags, "article": article}

    def update(self) -> None:
        """Recount the rewrite and show it beside the original's figures."""
        after = self._stats(self.textarea.value)
        self.after = after
        rows = [("candidate loaded spans", self.before["loaded"], after["loaded"]),
                ("share of sentences attributed", f"{self.before['attributed']:.0%}",
                 f"{after['attributed']:.0%}"),
                ("words", self.before["words"], after["words"])]
        flagged = ", ".join(sorted({f.text for f in loaded.writer_flags(after["flags"])})) or "none"
        highlighted = (render.highlight_html(after["article"], after["flags"])
                       if after["article"] is not None else "")
        self.result.value = (
            render.table_html(rows, ["", "original", "your rewrite"], "Before and after")
            + f'<p aria-live="polite">Still flagged: {escape(flagged)}</p>' + highlighted)

    def _ipython_display_(self) -> None:
        display(self.widget)
