"""The annotation tool: label sentences yourself; agreement with the machine or a classmate."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path

import ipywidgets as w

from framelab import annotations as ann
from framelab import render
from framelab.articles import Article
from framelab.errors import FramelabError
from framelab.widgets.common import View, rerun_html, status_html


class AnnotationTool(View):
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
            value=None, description="This sentence is:",
            style={"description_width": "initial", "button_width": "auto"},
            tooltips=["Word choice frames the events", "Plain description or attribution",
                      "Decide later"])
        self.label.add_class("framelab-choice")
        self.chosen = w.HTML()
        self.previous_button = w.Button(description="Previous", icon="arrow-left")
        self.next_button = w.Button(description="Next", icon="arrow-right")
        self.progress = w.HTML()
        self.status = w.HTML()
        self.partner = w.Text(description="Partner's file:", placeholder="their .json file",
                              style={"description_width": "initial"})
        self.compare_partner_button = w.Button(description="Agreement with partner",
                                               layout=w.Layout(width="auto"))
        self.compare_machine_button = w.Button(description="Agreement with the machine",
                                               layout=w.Layout(width="auto"))
        self.agreement = w.HTML()
        self.label.observe(self._on_label, names="value")
        self.previous_button.on_click(lambda _: self.go(self.index - 1))
        self.next_button.on_click(lambda _: self.go(self.index + 1))
        self.compare_partner_button.on_click(lambda _: self.compare_with_file(self.partner.value))
        self.compare_machine_button.on_click(lambda _: self.compare_with_machine())
        self.widget = w.VBox([
            w.HTML(rerun_html()), self.progress, self.sentence,
            w.HBox([self.label, self.chosen], layout=w.Layout(align_items="center",
                                                              flex_flow="row wrap")),
            w.HBox([self.previous_button, self.next_button]), self.status,
            w.HBox([self.partner, self.compare_partner_button, self.compare_machine_button],
                   layout=w.Layout(flex_flow="row wrap", align_items="center")),
            self.agreement,
        ])
        self._resume()
        self.go(self._first_unlabelled())

    def _resume(self) -> None:
        if not self.path.exists():
            self.status.value = status_html(f"Your labels will be saved in {self.path}.")
            return
        try:
            self.annotations = ann.load_annotations(self.path, self.article)
        except FramelabError as exc:
            self.can_save = False
            self.status.value = status_html(
                f"{exc} Nothing will be saved there: give the tool another path to keep "
                "labelling.", "error")
            return
        self.status.value = status_html(
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
        self.progress.value = (f"<strong>Sentence {self.index + 1} of {n}</strong> · "
                               f'<strong class="labelled-count">{len(self.annotations.labels)}'
                               "</strong> labelled")
        current = self.annotations.labels.get(self.index)
        self.chosen.value = (f'<span role="status" style="color:#000">Your label: '
                             f"<strong>{escape(current.capitalize())}</strong></span>"
                             if current else
                             '<span role="status" style="color:#000">Not labelled yet</span>')

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
                self.status.value = status_html(str(exc), "error")
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
            self.agreement.value = status_html(str(exc), "error")
            return None
        result = ann.agreement(self.annotations.labels, other.labels)
        self._show(result, other.annotator or path)
        return result

    def _show(self, result: ann.Agreement, other: str) -> None:
        if not result.items:
            self.agreement.value = status_html("No sentences labelled by both yet.")
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
                                render.counted(len(rows), "disagreement") + " to discuss"))
