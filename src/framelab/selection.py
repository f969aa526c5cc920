"""Selection and salience: which facts a text mentions, where, how prominently, and which
it leaves out.

Framing starts before word choice: a writer *selects* some facts and makes them *salient*
by putting them in the headline or the lead, mentioning them first, or spending words on
them (Entman 1993). ``find_facts`` finds every mention of a fact from a fact list
(``framelab.facts``) with its offsets and the cue that matched; ``salience`` ranks the
facts a text selects; ``left_out`` lists the rest; ``coverage`` sets many texts side by side.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from framelab import lexicon
from framelab.articles import Article, Span
from framelab.facts import Fact, load_facts, text_words, word_index
from framelab.loaded import as_article

if TYPE_CHECKING:
    from framelab.plots import Chart

PLACES = ("headline", "lead", "body")
"""Where a mention sits, most prominent first: the title, the first paragraph, the rest."""

MARKS = {"headline": "H", "lead": "L", "body": "B", "": "–"}
"""The text mark of each place in the coverage table and figure (never colour alone)."""

PLACE_COLOURS = {"": "#FFFFFF", "body": "#CDE9F9", "lead": "#56B4E9", "headline": "#E69F00"}
"""White, then light and full sky blue, then orange (Okabe & Ito); black text reads on each."""


@dataclass(frozen=True)
class Mention:
    """One mention of a fact: ``source[start:end]`` matched the cue ``cue``.

    ``where`` is "headline", "lead" (the first paragraph) or "body"; ``position`` is the
    share of the body before the mention (0 = its first word, 1 = its end), None in the
    headline; ``sentence`` is the body sentence's index (-1 in the headline).
    """

    fact: str
    statement: str
    start: int
    end: int
    text: str
    cue: str
    where: str
    position: float | None
    sentence: int


@lru_cache(maxsize=1)
def default_facts() -> tuple[Fact, ...]:
    """The kit's fact list for the Tripoli offensive, April 2019 (loaded once)."""
    return load_facts()


def title_span(article: Article) -> Span | None:
    """Where the title sits in ``article.source``: its title line, or its front matter.

    None when the title is not written out in the file (a title given only as metadata).
    """
    for section in article.sections:
        if section.kind == "title":
            return Span(section.start, section.end, article.source[section.start:section.end])
    if article.title:
        at = article.source.find(article.title)
        if at >= 0:
            return Span(at, at + len(article.title), article.title)
    return None


def _sentence_ranges(article: Article) -> list[tuple[int, int]]:
    return [(article.text_offset(s.start), article.text_offset(s.end)) for s in article.sentences]


def lead_range(article: Article) -> tuple[int, int]:
    """The first body paragraph (the lead) as a range of ``article.text``."""
    first = article.paragraphs[0]
    return article.text_offset(first.start), article.text_offset(first.end)


def find_facts(doc: Article | str, facts: Iterable[Fact] | None = None) -> list[Mention]:
    """Every mention of every fact, headline first, then in the order of the body.

    ``facts`` defaults to the kit's list (``framelab.facts.load_facts()``); pass your own
    list (``load_facts("my_facts.csv")``) for another story.
    """
    article = as_article(doc)
    facts = default_facts() if facts is None else tuple(facts)
    mentions: list[Mention] = []
    title = title_span(article)
    if title is not None:
        title_words = text_words(title.text)
        for fact in facts:
            for hit in fact.find(title.text, [(0, len(title.text))], title_words):
                mentions.append(Mention(fact.id, fact.statement, title.start + hit.start,
                                        title.start + hit.end, title.text[hit.start:hit.end],
                                        hit.cue, "headline", None, -1))
    text = article.text
    sentences = _sentence_ranges(article)
    starts = [a for a, _ in sentences]
    body_start, body_end = article.body_range
    lead_start, lead_end = lead_range(article)
    length = max(body_end - body_start, 1)
    body: list[Mention] = []
    words = word_index(text, body_start, body_end)
    for fact in facts:
        for hit in fact.find(text, sentences, words):
            span = article.span(hit.start, hit.end)
            where = "lead" if lead_start <= hit.start < lead_end else "body"
            body.append(Mention(fact.id, fact.statement, span.start, span.end, span.text,
                                hit.cue, where, round((hit.start - body_start) / length, 3),
                                bisect_right(starts, hit.start) - 1))
    body.sort(key=lambda m: (m.start, m.fact))
    return mentions + body


def _words(text: str) -> int:
    return len(lexicon.WORD.findall(text))


def salience(doc: Article | str, facts: Iterable[Fact] | None = None,
             mentions: Sequence[Mention] | None = None) -> pd.DataFrame:
    """One row per fact the text selects, in the order of first mention (``rank`` 1 first).

    ``where`` is the most prominent place it appears; ``first_position`` the share of the
    body before its first mention in the body; ``mentions`` how many cue matches;
    ``words`` the words of the sentences (and headline) that mention it, a sentence that
    mentions two facts counting for both.
    """
    article = as_article(doc)
    facts = default_facts() if facts is None else tuple(facts)
    mentions = find_facts(article, facts) if mentions is None else mentions
    by_id = {f.id: f for f in facts}
    rows: dict[str, dict[str, Any]] = {}
    sentence_words = [_words(s.text) for s in article.sentences]
    title = title_span(article)
    for m in mentions:
        row = rows.setdefault(m.fact, {
            "fact": m.fact, "topic": by_id[m.fact].topic if m.fact in by_id else "",
            "where": m.where, "first_position": None, "mentions": 0, "sentences": set(),
            "first_text": m.text, "cue": m.cue, "statement": m.statement})
        row["mentions"] += 1
        row["sentences"].add(m.sentence)
        if PLACES.index(m.where) < PLACES.index(row["where"]):
            row["where"] = m.where
        if m.position is not None and row["first_position"] is None:
            row["first_position"] = m.position
    table = []
    for rank, row in enumerate(rows.values(), start=1):
        sentences = row.pop("sentences")
        words = sum(_words(title.text) if i == -1 and title else sentence_words[i]
                    for i in sentences if i == -1 or 0 <= i < len(sentence_words))
        table.append({"rank": rank, **row, "sentences": len(sentences), "words": words})
    columns = ["rank", "fact", "topic", "where", "first_position", "mentions", "sentences",
               "words", "first_text", "cue", "statement"]
    return pd.DataFrame(table, columns=columns)


def left_out(doc: Article | str, facts: Iterable[Fact] | None = None,
             mentions: Sequence[Mention] | None = None) -> pd.DataFrame:
    """The facts of the list the text never mentions: id, topic, date, reporter, statement."""
    article = as_article(doc)
    facts = default_facts() if facts is None else tuple(facts)
    mentions = find_facts(article, facts) if mentions is None else mentions
    found = {m.fact for m in mentions}
    return pd.DataFrame([(f.id, f.topic, f.date, f.reported_by, f.statement)
                         for f in facts if f.id not in found],
                        columns=["fact", "topic", "date", "reported_by", "statement"])


def most_prominent(mentions: Iterable[Mention]) -> dict[str, str]:
    """Per fact id, the most prominent place it is mentioned: headline, lead or body."""
    best: dict[str, str] = {}
    for m in mentions:
        if m.fact not in best or PLACES.index(m.where) < PLACES.index(best[m.fact]):
            best[m.fact] = m.where
    return best


def coverage(texts: Mapping[str, Article | str], facts: Iterable[Fact] | None = None,
             ) -> pd.DataFrame:
    """The coverage matrix: one row per fact, one column per text, each cell the most
    prominent place the text mentions the fact ("headline", "lead", "body") or ""."""
    facts = default_facts() if facts is None else tuple(facts)
    columns = {}
    for name, doc in texts.items():
        best = most_prominent(find_facts(doc, facts))
        columns[name] = [best.get(f.id, "") for f in facts]
    matrix = pd.DataFrame(columns, index=pd.Index([f.id for f in facts], name="fact"))
    return matrix


def coverage_summary(matrix: pd.DataFrame, facts: Iterable[Fact] | None = None,
                     topics: Sequence[str] = ()) -> pd.DataFrame:
    """Per text: facts mentioned, how many in the headline and the lead, how many left out;
    and for each topic in ``topics`` how many of its facts the text mentions."""
    facts = default_facts() if facts is None else tuple(facts)
    topic_of = {f.id: f.topic for f in facts}
    rows = []
    for name in matrix.columns:
        col = matrix[name]
        row = {"text": name, "mentioned": int((col != "").sum()),
               "in_headline": int((col == "headline").sum()), "in_lead": int((col == "lead").sum()),
               "left_out": int((col == "").sum())}
        for topic in topics:
            ids = [i for i in matrix.index if topic_of.get(i) == topic]
            row[topic] = int((col[ids] != "").sum())
        rows.append(row)
    return pd.DataFrame(rows).set_index("text")


def coverage_marks(matrix: pd.DataFrame) -> pd.DataFrame:
    """The coverage matrix with one-letter marks: H headline, L lead, B body, – left out."""
    return matrix.apply(lambda col: col.map(MARKS))


def coverage_figure(matrix: pd.DataFrame, title: str = "Which facts each text selects, and "
                    "where") -> Chart:
    """A heat map of the coverage matrix; every cell carries its mark (H, L, B or –)."""
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    from framelab.plots import Chart

    levels = ["", "body", "lead", "headline"]
    values = matrix.apply(lambda col: col.map(levels.index)).to_numpy()
    n_rows, n_cols = values.shape
    fig, ax = plt.subplots(figsize=(max(5.0, 0.55 * n_cols + 3.5), 0.26 * n_rows + 2.2),
                           layout="constrained")
    cmap = ListedColormap([PLACE_COLOURS[p] for p in levels])
    ax.imshow(values, cmap=cmap, vmin=-0.5, vmax=3.5, aspect="auto")
    for i in range(n_rows):
        for j in range(n_cols):
            ax.text(j, i, MARKS[matrix.iat[i, j]], ha="center", va="center", fontsize=7,
                    color="black", fontweight="bold" if values[i, j] >= 2 else "normal")
    ax.set_xticks(range(n_cols), [str(c) for c in matrix.columns], rotation=60, ha="right",
                  fontsize=7)
    ax.set_yticks(range(n_rows), [str(i) for i in matrix.index], fontsize=7)
    ax.set_xticks([x - 0.5 for x in range(1, n_cols)], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, n_rows)], minor=True)
    ax.grid(which="minor", color="#999999", linewidth=0.4)
    ax.tick_params(which="minor", length=0)
    ax.set_title(title, fontsize=10)
    handles = [Patch(facecolor=PLACE_COLOURS[p], edgecolor="black",
                     label=f"{MARKS[p]} = {p or 'left out'}") for p in reversed(levels)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7,
              frameon=False)
    plt.close(fig)
    return Chart(fig, _coverage_alt(matrix, title))


def _coverage_alt(matrix: pd.DataFrame, title: str) -> str:
    parts = []
    for name in list(matrix.columns)[:8]:
        col = matrix[name]
        parts.append(f"{name}: {int((col != '').sum())} facts "
                     f"({int((col == 'headline').sum())} in the headline, "
                     f"{int((col == 'lead').sum())} in the lead)")
    more = f"; and {len(matrix.columns) - 8} more texts" if len(matrix.columns) > 8 else ""
    never = [str(i) for i in matrix.index if (matrix.loc[i] == "").all()]
    none = f" No text mentions {', '.join(never)}." if never else ""
    return (f"Heat map, {title}: {len(matrix.index)} facts (rows) by {len(matrix.columns)} "
            f"texts (columns), each cell marked H headline, L lead, B body or – left out. "
            + "; ".join(parts) + more + "." + none)


def facts_json(doc: Article | str, facts: Iterable[Fact] | None = None) -> list[dict[str, Any]]:
    """Every fact mention as a plain dict (the ``facts`` key of ``framelab analyze --json``);
    ``text`` is ``source[start:end]``, as for every span of the JSON contract."""
    article = as_article(doc)
    return [{"id": m.fact, "statement": m.statement, "start": m.start, "end": m.end,
             "text": article.source[m.start:m.end], "where": m.where, "cue": m.cue,
             "position": None if m.position is None or math.isnan(m.position) else m.position}
            for m in find_facts(article, facts)]
