"""The headline as a framing device of its own, set against the lead.

Many readers see only the headline. What it names, which facts it selects and which words
it loads can frame a story the lead then tells differently. ``read_part`` analyses the
headline or the lead with the same tools (loaded-language flags, actor labels, facts);
``headline_vs_lead`` sets the two side by side and ``differences`` lists what only one has.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from framelab import lexicon
from framelab.actors import ActorMention, actor_mentions
from framelab.articles import Article, parse_article
from framelab.errors import FramelabError
from framelab.facts import Fact
from framelab.loaded import Flag, as_article, find_loaded
from framelab.selection import Mention, find_facts, lead_range, title_span


@dataclass(frozen=True)
class Part:
    """The headline or the lead: its text and offsets in ``article.source`` (-1 when the
    title is not written out in the file), with the flags, actor names and facts in it."""

    name: str
    start: int
    end: int
    text: str
    words: int
    flags: tuple[Flag, ...]
    actors: tuple[ActorMention, ...]
    facts: tuple[Mention, ...]

    @property
    def fact_ids(self) -> list[str]:
        """The facts it selects, each once, in order."""
        return list(dict.fromkeys(m.fact for m in self.facts))

    @property
    def actor_names(self) -> list[str]:
        """The actors it names, each once, in order."""
        return list(dict.fromkeys(a for m in self.actors for a in m.actors))


def _shift(items: Iterable, offset: int) -> tuple:
    return tuple(dataclasses.replace(x, start=x.start + offset if offset >= 0 else -1,
                                     end=x.end + offset if offset >= 0 else -1) for x in items)


def read_part(doc: Article | str, part: str = "headline", facts: Iterable[Fact] | None = None,
              mentions: Iterable[Mention] | None = None) -> Part | None:
    """The headline (``part="headline"``) or the lead paragraph (``"lead"``), analysed.

    None for the headline of a text without a title.
    """
    article = as_article(doc)
    mentions = list(find_facts(article, facts) if mentions is None else mentions)
    if part == "lead":
        a, b = lead_range(article)
        span = article.span(a, b)
        flags = tuple(f for f in find_loaded(article) if span.start <= f.start < span.end)
        actors = tuple(m for m in actor_mentions(article) if span.start <= m.start < span.end)
        return Part("lead", span.start, span.end, span.text,
                    len(lexicon.WORD.findall(span.text)), flags, actors,
                    tuple(m for m in mentions if m.where == "lead"))
    if part != "headline":
        raise ValueError("part is 'headline' or 'lead'")
    title = title_span(article)
    text = title.text if title is not None else article.title
    if not text.strip():
        return None
    offset = title.start if title is not None else -1
    try:
        alone = parse_article(text)
        flags = _shift(find_loaded(alone), offset)
        actors = _shift(actor_mentions(alone), offset)
    except FramelabError:
        flags, actors = (), ()
    return Part("headline", offset, offset + len(text) if offset >= 0 else -1, text,
                len(lexicon.WORD.findall(text)), flags, actors,
                tuple(m for m in mentions if m.where == "headline"))


def headline_vs_lead(doc: Article | str, facts: Iterable[Fact] | None = None) -> pd.DataFrame:
    """Headline and lead side by side: words, loaded words, actors named, facts selected."""
    article = as_article(doc)
    mentions = find_facts(article, facts)
    rows = []
    for name in ("headline", "lead"):
        part = read_part(article, name, facts, mentions)
        if part is None:
            rows.append({"part": name, "text": "(no title)", "words": 0, "loaded": "",
                         "actors": "", "facts": ""})
            continue
        rows.append({"part": name, "text": part.text, "words": part.words,
                     "loaded": ", ".join(f.text for f in part.flags),
                     "actors": ", ".join(part.actor_names),
                     "facts": ", ".join(part.fact_ids)})
    return pd.DataFrame(rows).set_index("part")


def differences(doc: Article | str, facts: Iterable[Fact] | None = None) -> dict[str, list[str]]:
    """What only the headline has and what only the lead has: facts, actors, loaded words."""
    article = as_article(doc)
    mentions = find_facts(article, facts)
    head = read_part(article, "headline", facts, mentions)
    lead = read_part(article, "lead", facts, mentions)
    assert lead is not None
    h_facts, l_facts = (head.fact_ids if head else []), lead.fact_ids
    h_actors, l_actors = (head.actor_names if head else []), lead.actor_names
    h_loaded = [f.text.lower() for f in head.flags] if head else []
    l_loaded = [f.text.lower() for f in lead.flags]
    return {
        "facts_only_in_headline": [f for f in h_facts if f not in l_facts],
        "facts_only_in_lead": [f for f in l_facts if f not in h_facts],
        "facts_in_both": [f for f in h_facts if f in l_facts],
        "actors_only_in_headline": [a for a in h_actors if a not in l_actors],
        "actors_only_in_lead": [a for a in l_actors if a not in h_actors],
        "loaded_in_headline": list(dict.fromkeys(h_loaded)),
        "loaded_in_lead": list(dict.fromkeys(l_loaded)),
    }
