"""Keyness: which words a text uses more (or less) than a reference corpus, and where.

Log-likelihood G² (Rayson & Garside 2000, two-term form) tests whether a difference in
frequency is bigger than chance; Hardie's (2014) Log Ratio says how big it is (each
point doubles the relative frequency) and ranks the keywords. ``concordance`` gives
keyword-in-context lines with offsets, for any word or phrase.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from nltk.corpus import stopwords

from framelab import lexicon
from framelab.articles import Article
from framelab.loaded import as_article

THRESHOLDS = {3.84: "p < 0.05", 6.63: "p < 0.01", 10.83: "p < 0.001", 15.13: "p < 0.0001"}
"""Critical G² values for one degree of freedom and the p-value each stands for."""


@dataclass(frozen=True)
class Keyword:
    """One word's frequencies in target and reference, its G² and its Log Ratio."""

    word: str
    target_freq: int
    reference_freq: int
    target_per_10k: float
    reference_per_10k: float
    g2: float
    log_ratio: float
    significance: str


@dataclass(frozen=True)
class KwicLine:
    """One occurrence: the words before, the match, the words after, and where it is."""

    document: str
    start: int
    end: int
    left: str
    match: str
    right: str

    def __str__(self) -> str:
        return f"{self.left:>45} [{self.match}] {self.right}"


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """G² for a word seen ``a`` times in ``c`` target words and ``b`` times in ``d`` reference.

    G² = 2 (a ln(a/E1) + b ln(b/E2)), with E1 = c(a+b)/(c+d) and E2 = d(a+b)/(c+d);
    a zero count adds nothing.
    """
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 0.0
    if a:
        g2 += a * math.log(a / e1)
    if b:
        g2 += b * math.log(b / e2)
    return 2 * g2


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Hardie's Log Ratio: log2 of the ratio of relative frequencies; zeros count as 0.5."""
    return math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))


def significance(g2: float) -> str:
    """The strongest p-value threshold that G² passes, or "n.s."."""
    passed = [label for critical, label in THRESHOLDS.items() if g2 >= critical]
    return passed[-1] if passed else "n.s."


def _documents(docs: Article | str | Iterable[Article | str]) -> list[Article]:
    if isinstance(docs, (Article, str)):
        return [as_article(docs)]
    return [as_article(d) for d in docs]


def word_counts(docs: Article | str | Iterable[Article | str],
                drop_stopwords: bool = False) -> Counter[str]:
    """Lower-case word frequencies over the bodies of one or more texts."""
    stop = set(stopwords.words("english")) if drop_stopwords else set()
    counts: Counter[str] = Counter()
    for article in _documents(docs):
        counts.update(word for _, _, word in article.body_tokens
                      if word not in stop and not word.isdigit())
    return counts


def keyness(
    target: Article | str | Iterable[Article | str],
    reference: Article | str | Iterable[Article | str],
    min_freq: int = 3,
    threshold: float = 3.84,
    drop_stopwords: bool = True,
    direction: str = "over",
) -> list[Keyword]:
    """Keywords of target against reference, ranked by Log Ratio.

    Keeps words seen at least ``min_freq`` times in the corpus they are key in and with
    G² at or above ``threshold``. ``direction="over"`` lists words the target overuses;
    ``"under"`` lists words it uses less than the reference (negative keywords).
    """
    return keyness_from_counts(word_counts(target), word_counts(reference), min_freq,
                               threshold, drop_stopwords, direction)


def keyness_from_counts(
    t_counts: Counter[str], r_counts: Counter[str], min_freq: int = 3,
    threshold: float = 3.84, drop_stopwords: bool = True, direction: str = "over",
) -> list[Keyword]:
    """``keyness`` from word counts already made (``word_counts``), for quick re-ranking."""
    c, d = sum(t_counts.values()), sum(r_counts.values())
    if not c or not d:
        return []
    stop = set(stopwords.words("english")) if drop_stopwords else set()
    keywords = []
    for word in (t_counts.keys() | r_counts.keys()) - stop:
        a, b = t_counts[word], r_counts[word]
        lr = log_ratio(a, b, c, d)
        if (direction == "over") != (lr > 0) or (a if lr > 0 else b) < min_freq:
            continue
        g2 = log_likelihood(a, b, c, d)
        if g2 < threshold:
            continue
        keywords.append(Keyword(word, a, b, round(10_000 * a / c, 2), round(10_000 * b / d, 2),
                                round(g2, 2), round(lr, 2), significance(g2)))
    keywords.sort(key=lambda k: (-abs(k.log_ratio), -k.g2, k.word))
    return keywords


def keyness_table(keywords: Iterable[Keyword]) -> pd.DataFrame:
    """Keywords as a table, one row each."""
    columns = list(Keyword.__dataclass_fields__)
    return pd.DataFrame([vars(k) for k in keywords], columns=columns)


def concordance(
    docs: Article | str | Iterable[Article | str], phrase: str, width: int = 45,
) -> list[KwicLine]:
    """Keyword-in-context lines for a word or phrase in the bodies, with source offsets.

    Whole words, any case, with the last word's inflections ("militia" finds "militias");
    words may be joined by spaces, hyphens or line breaks. ``width`` is the number of
    characters shown on each side.
    """
    words = lexicon.normalise_term(phrase).split()
    if not words:
        return []
    last = sorted(lexicon.word_forms(words[-1]), key=len, reverse=True)
    parts = [re.escape(w) for w in words[:-1]] + ["(?:" + "|".join(map(re.escape, last)) + ")"]
    pattern = re.compile(r"(?<![\w'’])" + r"[\s\-]+".join(parts) + r"(?![\w])", re.IGNORECASE)
    lines = []
    for article in _documents(docs):
        start, end = article.body_range
        text = article.text
        name = article.title or (article.path.name if article.path else "text")
        for m in pattern.finditer(text, start, end):
            span = article.span(m.start(), m.end())
            left = " ".join(text[max(start, m.start() - width) : m.start()].split())
            right = " ".join(text[m.end() : min(end, m.end() + width)].split())
            lines.append(KwicLine(name, span.start, span.end, left[-width:],
                                  " ".join(m.group().split()), right[:width]))
    return lines
