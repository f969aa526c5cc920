"""The rewrite lab: rewrite a passage neutrally; watch its loaded count and attribution."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from framelab import loaded, measures, render
from framelab.articles import parse_article
from framelab.widgets.common import CANDIDATE_NOTE, View, note_html, rerun_html


class RewriteLab(View):
    """Rewrite a passage neutrally and watch its loaded count and attribution change."""

    def __init__(self, passage: str) -> None:
        self.original = passage
        self.before = self._stats(passage)
        self.textarea = w.Textarea(value=passage, description="Your rewrite:",
                                   layout=w.Layout(width="100%", height="14em"),
                                   style={"description_width": "initial"})
        self.result = w.HTML()
        self.textarea.observe(lambda _: self.update(), names="value")
        self.widget = w.VBox([w.HTML(rerun_html()), w.HTML(note_html(CANDIDATE_NOTE)),
                              self.textarea,
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
            render.table_html(rows, ["measure", "original", "your rewrite"], "Before and after")
            + f'<p aria-live="polite">Still flagged (<strong class="loaded-count">'
            f'{after["loaded"]}</strong> in your own words): {escape(flagged)}</p>'
            + highlighted)
