"""How a text names the actors: the labels it uses and the words it puts before them.

"The criminal Haftar", "Field Marshal Haftar", "the renegade general": the same man,
three framings. ``actor_mentions`` finds every label from the actor lexicon, marks it
neutral or evaluative, and adds any loaded premodifier ("criminal", "ragtag") just
before it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from framelab import lexicon
from framelab.articles import Article
from framelab.loaded import as_article, default_matcher, find_quotes

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                "their", "our", "your", "my", "of", "by", "with", "and", "to", "in", "for"}


@dataclass(frozen=True)
class ActorMention:
    """One naming of an actor: where, which label, and how it frames them."""

    start: int
    end: int
    text: str
    actors: tuple[str, ...]
    label: str
    stance: str
    note: str
    premodifier: str = ""
    premodifier_note: str = ""
    quoted: str = ""

    @property
    def evaluative(self) -> bool:
        """True when the label or the word before it passes judgement."""
        return self.stance == "evaluative" or bool(self.premodifier)


@lru_cache(maxsize=4)
def _label_matcher(labels: tuple[lexicon.ActorLabel, ...]) -> lexicon.Matcher:
    first: dict[str, lexicon.ActorLabel] = {}
    for label in labels:
        first.setdefault(label.label, label)
    return lexicon.Matcher(
        (lexicon.LexiconEntry(lab.label, "actor", lab.note) for lab in first.values()),
        match_acronyms=True,
    )


def actor_mentions(
    doc: Article | str, labels: Iterable[lexicon.ActorLabel] | None = None,
) -> list[ActorMention]:
    """Every actor label in the body, longest first, with stance and loaded premodifiers."""
    article = as_article(doc)
    labels = tuple(labels) if labels is not None else lexicon.load_actor_labels()
    by_label: dict[str, list[lexicon.ActorLabel]] = defaultdict(list)
    for label in labels:
        by_label[label.label].append(label)
    loaded = default_matcher()
    quotes = find_quotes(article)
    text = article.text
    body_start, body_end = article.body_range
    mentions = []
    previous_end = body_start
    for m in _label_matcher(labels).find(text, body_start, body_end):
        entries = by_label[m.entry.term]
        stance = "evaluative" if all(e.stance == "evaluative" for e in entries) else "neutral"
        premodifier, why = _premodifier(text, previous_end, m.start, loaded)
        previous_end = m.end
        quoted = next((q.kind for q in quotes if q.start <= m.start < q.end), "")
        span = article.span(m.start, m.end)
        note = next(e.note for e in entries if e.stance == stance)
        mentions.append(ActorMention(
            span.start, span.end, span.text, tuple(dict.fromkeys(e.actor for e in entries)),
            m.entry.term, stance, note, premodifier, why, quoted))
    return mentions


def _premodifier(text: str, floor: int, start: int, loaded: lexicon.Matcher) -> tuple[str, str]:
    """A loaded word or phrase ending right before the label ("the criminal" Haftar)."""
    window_start = max(floor, start - 40)
    hits = loaded.find(text, window_start, start)
    if not hits:
        return "", ""
    last = hits[-1]
    between = text[last.end : start]
    if between.strip(" -") or last.text.lower() in _DETERMINERS:
        return "", ""
    return last.text, f"{last.entry.category}: {last.entry.note}"


def naming_table(doc: Article | str, labels: Iterable[lexicon.ActorLabel] | None = None,
                 ) -> pd.DataFrame:
    """Per actor and label: how often the text uses it, whether it is evaluative, and
    whether it stands in quoted speech (someone else's words) rather than the writer's."""
    rows: dict[tuple[str, str, str, bool], int] = defaultdict(int)
    for mention in actor_mentions(doc, labels):
        label = f"{mention.premodifier} {mention.label}".strip()
        stance = "evaluative" if mention.evaluative else "neutral"
        rows[("/".join(mention.actors), label, stance, mention.quoted == "speech")] += 1
    table = pd.DataFrame(
        [(a, lab, s, q, n) for (a, lab, s, q), n in rows.items()],
        columns=["actor", "label", "stance", "in_quotation", "count"],
    )
    return table.sort_values(["actor", "count"], ascending=[True, False], ignore_index=True)
