"""The lexicon workbench: edit a word list and watch highlights and density change."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import ipywidgets as w

from framelab import lexicon, loaded, measures, render
from framelab.articles import Article
from framelab.errors import FramelabError
from framelab.storage import save_text
from framelab.widgets.common import CANDIDATE_NOTE, View, note_html, rerun_html, status_html
from framelab.widgets.highlights import HighlightedText


class LexiconWorkbench(View):
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
        self.find = w.Text(description="Find:", placeholder="type part of a term")
        self.entry_list = w.Select(rows=8, description="Lexicon:",
                                   layout=w.Layout(width="30em"))
        self.remove_button = w.Button(description="Remove selected", icon="minus")
        self.path = w.Text(value=str(path), description="File:")
        self.save_button = w.Button(description="Save my lexicon", icon="save")
        self.load_button = w.Button(description="Load from file", icon="folder-open")
        self.density = w.HTML()
        self.text = HighlightedText(layout=w.Layout(max_height="30em"))
        self.edit_status = w.HTML()
        self.status = w.HTML()
        self.add_button.on_click(lambda _: self.add(self.term.value, self.category.value,
                                                    self.note.value))
        self.remove_button.on_click(lambda _: self.remove(self.entry_list.value))
        self.save_button.on_click(lambda _: self.save())
        self.load_button.on_click(lambda _: self.load())
        self.find.observe(lambda _: self.list_entries(), names="value")
        wrap = w.Layout(flex_flow="row wrap", align_items="center")
        self.widget = w.VBox([
            w.HTML(rerun_html()), w.HTML(note_html(CANDIDATE_NOTE)),
            w.HBox([self.term, self.category], layout=wrap),
            w.HBox([self.note, self.add_button], layout=wrap),
            self.edit_status,
            self.find,
            w.HBox([self.entry_list, self.remove_button], layout=wrap),
            w.HBox([self.path, self.save_button, self.load_button], layout=wrap),
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
            f'<strong class="entry-count">{len(self._matcher.entries):,}</strong> lexicon entries)'
            "</p>")
        self.text.html = render.highlight_html(self.article, self.flags)
        self._listed = [(f"{e.term} — {e.category}", e.term)
                        for e in sorted(self._matcher.entries, key=lambda e: e.term)]
        self.list_entries()

    def list_entries(self) -> None:
        """Fill the list with the entries whose term contains what is typed in Find."""
        wanted = lexicon.normalise_term(self.find.value)
        self.entry_list.options = [o for o in self._listed if wanted in o[1]]

    def add(self, term: str, category: str, note: str) -> str:
        """Add (or replace) a term; every entry needs a category and a reason."""
        term = lexicon.normalise_term(term)
        if not term or not category.strip() or not note.strip():
            message = "A term needs a category and a note saying why it is loaded."
            self.edit_status.value = status_html(message, "error")
            return message
        replaced = term in self._matcher
        self._matcher.add(lexicon.LexiconEntry(term, category.strip(), note.strip()))
        self.term.value = self.note.value = ""
        self.refresh()
        message = f"{'Replaced' if replaced else 'Added'} '{term}' ({category.strip()})."
        self.edit_status.value = status_html(message, "ok")
        return message

    def remove(self, term: str | None) -> str:
        """Remove a term from the lexicon."""
        if not term or term not in self._matcher:
            message = "Choose a term in the list first."
            self.edit_status.value = status_html(message, "error")
            return message
        self._matcher.remove(term)
        self.refresh()
        message = f"Removed '{term}'."
        self.edit_status.value = status_html(message, "ok")
        return message

    def to_csv(self) -> str:
        """The lexicon as CSV text, by category, with each entry's rules."""
        return lexicon.to_csv(sorted(self._matcher.entries, key=lambda e: (e.category, e.term)))

    def save(self) -> str:
        """Save atomically; an existing different file is kept as a numbered backup."""
        try:
            saved, backup = save_text(self.path.value, self.to_csv())
        except FramelabError as exc:
            self.status.value = status_html(str(exc), "error")
            return str(exc)
        message = f"Saved {len(self._matcher.entries)} entries to {saved}." + (
            f" Your previous file is kept as {backup}." if backup else "")
        self.status.value = status_html(message, "ok")
        return message

    def load(self) -> str:
        """Replace the entries with a CSV file's; a bad file changes nothing."""
        try:
            entries = lexicon.load_lexicon(self.path.value, any_category=True)
        except FramelabError as exc:
            self.status.value = status_html(str(exc), "error")
            return str(exc)
        self._matcher = lexicon.Matcher(entries)
        self.refresh()
        message = f"Loaded {len(entries)} entries from {self.path.value}."
        self.status.value = status_html(message, "ok")
        return message
