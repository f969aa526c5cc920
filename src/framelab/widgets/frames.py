"""The frame coder: mark, paragraph by paragraph, the four functions of a frame and the
generic frame that dominates; agreement with a partner; two frame packages side by side."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path

import ipywidgets as w
import pandas as pd

from framelab import frames, render
from framelab.articles import Article
from framelab.errors import FramelabError
from framelab.widgets.common import View, status_html

_WIDE = {"description_width": "initial"}


def _table(frame: pd.DataFrame, caption: str) -> str:
    header = [frame.index.name or "", *map(str, frame.columns)]
    rows = [[index, *row] for index, row in zip(frame.index, frame.itertuples(index=False),
                                                 strict=True)]
    return render.table_html(rows, header, caption)


class FrameCoder(View):
    """Code each paragraph: tick the functions it performs, choose its dominant frame.

    Every change is saved at once to ``path`` (JSON beside the notebook), atomically; a
    file that is not this coder's earlier work is kept as a backup, never overwritten.
    """

    def __init__(self, article: Article, path: str | Path | None = None, coder: str = "me",
                 codebook: frames.Codebook | None = None) -> None:
        self.article = article
        self.codebook = codebook or frames.load_codebook()
        stem = article.path.stem if article.path else "text"
        self.path = Path(path or f"frames_{stem}_{coder}.json")
        self.codes = frames.new_codes(article, coder)
        self.index = 0
        self.can_save = True
        self._saved: str | None = None
        self._updating = False
        self.progress = w.HTML()
        self.paragraph = w.HTML()
        self.functions = {
            f.id: w.Checkbox(value=False, description=f"{f.label}: {f.ask}", indent=False,
                             style=_WIDE, layout=w.Layout(width="auto"))
            for f in self.codebook.functions}
        options = [(f.label, f.id) for f in self.codebook.frames]
        options.append(("None of these (say which in a note)", frames.NO_FRAME))
        self.frame = w.RadioButtons(options=options, value=None,
                                    description="Dominant frame:", style=_WIDE)
        self.note = w.Text(description="Note:", placeholder="why, or whose words",
                           continuous_update=False, style=_WIDE, layout=w.Layout(width="40em"))
        self.questions = w.HTML(self._questions_html())
        self.previous_button = w.Button(description="Previous paragraph", icon="arrow-left")
        self.next_button = w.Button(description="Next paragraph", icon="arrow-right")
        self.status = w.HTML()
        self.partner = w.Text(description="Partner's file:", placeholder="their .json file",
                              style=_WIDE)
        self.compare_partner_button = w.Button(description="Agreement with partner")
        self.compare_reference_button = w.Button(description="Agreement with the kit's reading",
                                                 layout=w.Layout(width="auto"))
        self.agreement = w.HTML()
        self.package_button = w.Button(description="Show my frame package",
                                       layout=w.Layout(width="auto"))
        self.package = w.HTML()
        for box in self.functions.values():
            box.observe(self._on_change, names="value")
        self.frame.observe(self._on_change, names="value")
        self.note.observe(self._on_change, names="value")
        self.previous_button.on_click(lambda _: self.go(self.index - 1))
        self.next_button.on_click(lambda _: self.go(self.index + 1))
        self.compare_partner_button.on_click(lambda _: self.compare_with_file(self.partner.value))
        self.compare_reference_button.on_click(lambda _: self.compare_with_reference())
        self.package_button.on_click(lambda _: self.show_package())
        self.widget = w.VBox([
            self.progress, self.paragraph,
            w.HTML("<strong>Functions of a frame</strong> (tick all this paragraph performs):"),
            *self.functions.values(),
            self.frame, self.questions, self.note,
            w.HBox([self.previous_button, self.next_button]), self.status,
            w.HBox([self.partner, self.compare_partner_button, self.compare_reference_button],
                   layout=w.Layout(flex_flow="row wrap")),
            self.agreement, self.package_button, self.package,
        ])
        self._resume()
        self.go(self._first_uncoded())

    def _questions_html(self) -> str:
        items = "".join(
            f"<li><strong>{escape(f.label)}</strong>: {escape(f.definition)}<ul>"
            + "".join(f"<li>{escape(q)}</li>" for q in f.questions) + "</ul></li>"
            for f in self.codebook.frames)
        return ('<details style="color:#000"><summary>Yes/no questions for each frame '
                "(the frame with the most “yes” answers dominates)</summary>"
                f"<ul>{items}</ul></details>")

    def _resume(self) -> None:
        if not self.path.exists():
            self.status.value = status_html(f"Your codes will be saved in {self.path}.")
            return
        try:
            self.codes = frames.load_codes(self.path, self.article)
            self._saved = self.path.read_text(encoding="utf-8")
        except FramelabError as exc:
            self.can_save = False
            self.status.value = status_html(
                f"{exc} Nothing will be saved there: give the tool another path to keep "
                "coding.", "error")
            return
        self.status.value = status_html(
            f"Resumed {len(self.codes.paragraphs)} coded paragraphs from {self.path}.", "ok")

    def _first_uncoded(self) -> int:
        n = len(self.article.paragraphs)
        return next((i for i in range(n) if i not in self.codes.paragraphs), max(n - 1, 0))

    def go(self, index: int) -> None:
        """Show paragraph ``index`` (clamped to the article) with its codes so far."""
        n = len(self.article.paragraphs)
        self.index = max(0, min(index, n - 1))
        code = self.codes.paragraphs.get(self.index, frames.ParagraphCode())
        self._updating = True
        for function, box in self.functions.items():
            box.value = function in code.functions
        self.frame.value = code.frame or None
        self.note.value = code.note
        self._updating = False
        self.paragraph.value = (
            '<blockquote lang="en" style="font-family:Georgia,serif;font-size:1.05em;'
            f'color:#000;white-space:pre-wrap">{escape(self.article.paragraphs[self.index].text)}'
            "</blockquote>")
        self.progress.value = (f"<strong>Paragraph {self.index + 1} of {n}</strong> · "
                               f"{len(self.codes.paragraphs)} coded")

    def _on_change(self, _change: object) -> None:
        if self._updating:
            return
        self.set_code({f for f, box in self.functions.items() if box.value},
                      self.frame.value or "", self.note.value)

    def set_code(self, functions: set[str] | frozenset[str], frame: str = "",
                 note: str = "") -> None:
        """Code the current paragraph and save at once."""
        self.codes = frames.with_code(self.codes, self.index, functions=functions,
                                      frame=frame, note=note)
        self.progress.value = (f"<strong>Paragraph {self.index + 1} of "
                               f"{len(self.article.paragraphs)}</strong> · "
                               f"{len(self.codes.paragraphs)} coded")
        if not self.can_save:
            return
        try:
            _, backup, self._saved = frames.save_codes(self.codes, self.article, self.path,
                                                       self._saved)
        except FramelabError as exc:
            self.status.value = status_html(str(exc), "error")
            return
        message = f"Saved in {self.path}."
        if backup is not None:
            message += f" The file that was there is kept as {backup.name}."
        self.status.value = status_html(message, "ok")

    def compare_with_file(self, path: str) -> pd.DataFrame | None:
        """Agreement with a partner's codes of the same article (a DataFrame), or None."""
        try:
            other = frames.load_codes(path, self.article)
        except FramelabError as exc:
            self.agreement.value = status_html(str(exc), "error")
            return None
        return self._show_agreement(other, other.coder or path)

    def compare_with_reference(self) -> pd.DataFrame | None:
        """Agreement with the codebook's reference reading, when this text has one."""
        name = frames.reference_name(self.article, self.codebook)
        if name is None:
            self.agreement.value = status_html(
                "The kit has a reference reading only for the seed and the counter op-ed.")
            return None
        return self._show_agreement(frames.reference_codes(self.article, name, self.codebook),
                                    "the kit's reading")

    def _show_agreement(self, other: frames.FrameCodes, who: str) -> pd.DataFrame:
        table = frames.agreement(self.codes, other)
        shown = table.astype(object).where(table.notna(), "–")
        self.agreement.value = (
            f"<p>With {escape(who)}: Cohen's kappa and Krippendorff's alpha per element "
            "(1 = perfect, 0 = chance; – where every label was the same). "
            "The last column lists the paragraphs to discuss.</p>"
            + _table(shown, "Agreement on the paragraphs you both coded"))
        return table

    def show_package(self) -> pd.DataFrame:
        """Your frame package so far (a DataFrame), also shown below the button."""
        package = frames.frame_package(self.article, self.codes, self.codebook)
        self.package.value = _table(package, "Your frame package (paragraphs numbered from 1)")
        return package


class FramePackageView(View):
    """Two texts' frame packages side by side; choose the texts in the menus."""

    def __init__(self, packages: Mapping[str, tuple[Article, frames.FrameCodes]],
                 a: str | None = None, b: str | None = None,
                 codebook: frames.Codebook | None = None) -> None:
        self.packages = dict(packages)
        self.codebook = codebook or frames.load_codebook()
        names = list(self.packages)
        self.choose_a = w.Dropdown(options=names, value=a or names[0], description="Text A:")
        self.choose_b = w.Dropdown(options=names, value=b or names[-1], description="Text B:")
        self.table = w.HTML()
        for control in (self.choose_a, self.choose_b):
            control.observe(lambda _: self.update(), names="value")
        self.widget = w.VBox([w.HBox([self.choose_a, self.choose_b]), self.table])
        self.update()

    def current(self) -> pd.DataFrame:
        """The side-by-side table now shown (a DataFrame)."""
        chosen = {name: self.packages[name] for name in
                  dict.fromkeys([self.choose_a.value, self.choose_b.value])}
        return frames.side_by_side(chosen, self.codebook)

    def update(self) -> None:
        table = self.current()
        self.table.value = _table(table, "Frame packages side by side (paragraphs from 1)")
