"""The framing profile of a text: a few documented numbers, each with its known failures.

``profile(article)`` returns ``{name: number}``; ``MEASURES[name]`` says what each
counts, why it signals framing, and when it misleads. ``compare`` sets two groups of
texts side by side with a ratio and effect sizes.
"""

from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import lemminflect
import pandas as pd

from framelab import lexicon
from framelab.articles import Article
from framelab.loaded import (
    OTHER_VOICES,
    Flag,
    as_article,
    default_matcher,
    event_vocabulary,
    find_loaded,
    find_quotes,
    stance_matcher,
    vader,
    voice_at,
    writer_flags,
)


@dataclass(frozen=True)
class Measure:
    """What a measure counts, why it signals framing, and when it misleads."""

    name: str
    counts: str
    why: str
    fails: str


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in [
        Measure(
            "loaded_per_1k",
            "Loaded-language flags in the writer's own voice (not inside quoted or reported "
            "speech, not negated) per 1,000 words.",
            "Loaded words carry the writer's evaluation into the report of events.",
            "A word list cannot see sense or context: 'plague' in a health story, irony it "
            "has no cue for, loaded words the list lacks. Reported speech is found by rules "
            "('X said', 'according to X'): a writer's label inside a clause it misreads as "
            "reported drops out, and one in a reported clause it misses counts.",
        ),
        Measure(
            "attributed_sentence_share",
            "Share of sentences with a reporting verb (said, claimed...), 'according to', "
            "or a quotation of someone's words.",
            "Agency copy attributes claims to sources; opinion asserts them in the writer's "
            "own voice.",
            "Counts attribution, not its quality: 'critics say' counts as much as a named, "
            "checkable source. Verbs are matched without their sense: 'add some polish', "
            "'touted', 'acknowledged' or 'have their say' count although no one is quoted; "
            "'state' and 'report' count only in verb forms (stated, reported).",
        ),
        Measure(
            "hedges_per_1k",
            "Hedges (may, reportedly, appears, about + a number) outside quoted speech per "
            "1,000 words.",
            "Hedges mark uncertainty; careful reporting hedges unconfirmed claims.",
            "Modal verbs also express permission or plans ('may resume'); approximators "
            "count only before a number.",
        ),
        Measure(
            "boosters_per_1k",
            "Boosters (clearly, undoubtedly, in fact, everyone knows) outside quoted speech "
            "per 1,000 words.",
            "Boosters close down doubt: the writer vouches for the claim.",
            "Some boosters are literal ('never visited', 'always closed on Sundays').",
        ),
        Measure(
            "loaded_reporting_share",
            "Share of reporting verbs that judge the speech they report (claimed, admitted, "
            "insisted) rather than just report it (said).",
            "'He claimed' casts doubt and 'she admitted' implies guilt where 'said' does not.",
            "0 when a text reports no speech; 'confirmed' is sometimes simply accurate; verbs "
            "inside quotations count too, though they are the speaker's choice; a text with "
            "few reporting verbs swings widely.",
        ),
        Measure(
            "evaluative_per_100",
            "Evaluative adjectives and adverbs per 100 words, outside quoted and reported "
            "speech and capitalised names: words that can be adjectives or adverbs and carry "
            "a VADER valence or a judgement/exaggeration lexicon entry (evaluative_words "
            "lists them).",
            "Evaluative modifiers are where writers' judgements sit in otherwise factual "
            "sentences.",
            "Part of speech is looked up, not tagged in context ('fire' the verb is not an "
            "adjective, but 'sound' may count); VADER valence is general, not news-specific.",
        ),
        Measure(
            "sentiment_abs_mean",
            "Mean absolute VADER compound score over sentences (0 = neutral, 1 = extreme).",
            "Neutral reporting keeps most sentences near zero.",
            "VADER reads war vocabulary (killed, attack) as negative even in neutral copy, "
            "and misses words it does not know (ragtag, charade, grotesque).",
        ),
        Measure(
            "sentiment_sd",
            "Standard deviation of VADER compound scores over sentences.",
            "Opinion swings between praise and blame; wire copy stays flat.",
            "A long text mixing topics varies for reasons unrelated to framing.",
        ),
        Measure(
            "first_second_person_per_1k",
            "I, we, our, you, your... outside quoted speech, per 1,000 words.",
            "Agency copy keeps the writer out of the story; opinion speaks to and for readers.",
            "Quoted speech without quotation marks is counted as the writer's.",
        ),
        Measure(
            "question_exclaim_share",
            "Share of sentences ending in a question mark or exclamation mark.",
            "Rhetorical questions and exclamations are devices of argument, rare in reports.",
            "Quoted questions count too; an interview transcript scores high for other reasons.",
        ),
        Measure(
            "scare_quotes_per_1k",
            "Scare quotes (a quotation of one to three words with no speaker in its sentence) "
            "per 1,000 words.",
            "Scare quotes let the writer hold a word at a distance and doubt it.",
            "A short real quotation whose speaker is named in another sentence looks the same.",
        ),
    ]
}

_APPROXIMATORS = {"about", "around", "approximately", "roughly", "nearly", "almost", "up to",
                  "at least", "or so", "in the region of", "some"}
_NUMBER = re.compile(r"\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|"
                     r"dozens|hundreds|thousands|a hundred|a thousand|half)", re.IGNORECASE)
_END = re.compile(r"""[?!]["'”’)\]]*\s*$""")


def _is_hedge(m: lexicon.Match, text: str, sentence_starts: set[int]) -> bool:
    if m.entry.term in _APPROXIMATORS:
        return bool(_NUMBER.match(text, m.end))
    return not (m.entry.term == "may" and m.text[0].isupper() and m.start not in sentence_starts)


@lru_cache(maxsize=200_000)
def _evaluative(word: str) -> bool:
    """Can the word be an adjective or adverb, and does it carry an evaluation?"""
    lemmas = lemminflect.getAllLemmas(word)
    if not {"ADJ", "ADV"} & set(lemmas):
        return False
    if _judgement_terms().get(word) in {"judgement", "exaggeration"}:
        return True
    valence = vader().lexicon.get(word, 0.0)
    return abs(valence) >= 1.0 and word not in event_vocabulary()


def evaluative_words(doc: Article | str) -> list[tuple[int, int, str]]:
    """The words ``evaluative_per_100`` counts: (start, end, word) in ``article.text``.

    Evaluative adjectives and adverbs in the writer's own voice, leaving out quoted and
    reported speech and words that are part of a capitalised name ("United" in "the United
    Nations", "Supreme" in "the Supreme Court"; see ``lexicon.in_name``).
    """
    article = as_article(doc)
    text = article.text
    voice = voice_at(article)
    return [(a, b, word) for a, b, word in article.body_tokens
            if _evaluative(word) and not lexicon.in_name(text, a, b)
            and voice(a)[0] not in OTHER_VOICES]


@lru_cache(maxsize=1)
def _judgement_terms() -> dict[str, str]:
    return {e.term: e.category for e in default_matcher().entries}


def profile(doc: Article | str, flags: Sequence[Flag] | None = None) -> dict[str, float]:
    """The framing profile of one text's body; see ``MEASURES`` for each number."""
    article = as_article(doc)
    text = article.text
    flags = find_loaded(article) if flags is None else flags
    tokens = article.body_tokens
    words = max(len(tokens), 1)
    quotes = find_quotes(article)
    speech = [(q.start, q.end) for q in quotes if q.kind == "speech"]  # in order, apart
    speech_starts = [a for a, _ in speech]
    speech_ends = [b for _, b in speech]

    def in_speech(offset: int) -> bool:
        i = bisect_right(speech_starts, offset) - 1
        return i >= 0 and offset < speech_ends[i]

    sentence_bounds = [(article.text_offset(s.start), article.text_offset(s.end))
                       for s in article.sentences]
    starts = {a for a, _ in sentence_bounds}
    stance = stance_matcher().find(text, tokens=tokens)
    hedges = [m for m in stance if m.entry.category == "hedge" and not in_speech(m.start)
              and _is_hedge(m, text, starts)]
    boosters = [m for m in stance if m.entry.category == "booster" and not in_speech(m.start)]
    person = [m for m in stance if m.entry.category in {"first_person", "second_person"}
              and not in_speech(m.start)]
    reporting = [m for m in stance if m.entry.category.startswith("reporting")]

    reporting_starts = [m.start for m in reporting]
    attributed = 0
    for a, b in sentence_bounds:
        r = bisect_left(reporting_starts, a)
        q = bisect_right(speech_ends, a)
        if (r < len(reporting_starts) and reporting_starts[r] < b) \
                or (q < len(speech) and speech[q][0] < b):
            attributed += 1

    evaluative = len(evaluative_words(article))

    sia = vader()
    compounds = [sia.polarity_scores(s.text)["compound"] for s in article.sentences]
    n_sentences = max(len(article.sentences), 1)
    questions = sum(1 for s in article.sentences if _END.search(s.text))
    scare = sum(1 for q in quotes if q.kind == "scare")

    return {
        "loaded_per_1k": round(1000 * len(writer_flags(flags)) / words, 2),
        "attributed_sentence_share": round(attributed / n_sentences, 3),
        "hedges_per_1k": round(1000 * len(hedges) / words, 2),
        "boosters_per_1k": round(1000 * len(boosters) / words, 2),
        "loaded_reporting_share": round(
            sum(m.entry.category == "reporting_loaded" for m in reporting) / len(reporting), 3
        ) if reporting else 0.0,
        "evaluative_per_100": round(100 * evaluative / words, 2),
        "sentiment_abs_mean": round(statistics.fmean(abs(c) for c in compounds), 3)
        if compounds else 0.0,
        "sentiment_sd": round(statistics.pstdev(compounds), 3) if len(compounds) > 1 else 0.0,
        "first_second_person_per_1k": round(1000 * len(person) / words, 2),
        "question_exclaim_share": round(questions / n_sentences, 3),
        "scare_quotes_per_1k": round(1000 * scare / words, 2),
    }


def word_count(doc: Article | str) -> int:
    """Words in the body, as the profile counts them (letters and digits, hyphens split)."""
    return len(as_article(doc).body_tokens)


def profiles(docs: Iterable[Article | str]) -> pd.DataFrame:
    """One row per text: its title and its profile."""
    rows = []
    for doc in docs:
        article = as_article(doc)
        rows.append({"title": article.title or "(untitled)", **profile(article)})
    return pd.DataFrame(rows)


def cohens_d(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Difference of means in pooled standard deviations; None for fewer than two each."""
    if len(a) < 2 or len(b) < 2:
        return None
    pooled = math.sqrt(((len(a) - 1) * statistics.variance(a)
                        + (len(b) - 1) * statistics.variance(b)) / (len(a) + len(b) - 2))
    if pooled == 0:
        return 0.0 if statistics.fmean(a) == statistics.fmean(b) else None
    return (statistics.fmean(a) - statistics.fmean(b)) / pooled


def cliffs_delta(a: Sequence[float], b: Sequence[float]) -> float | None:
    """P(a > b) - P(a < b) over all pairs: -1..1, robust to outliers and small groups."""
    if not a or not b or len(a) + len(b) < 3:
        return None
    greater = sum(x > y for x in a for y in b)
    less = sum(x < y for x in a for y in b)
    return (greater - less) / (len(a) * len(b))


def compare(
    group_a: Iterable[Article | str], group_b: Iterable[Article | str],
    names: tuple[str, str] = ("a", "b"),
) -> pd.DataFrame:
    """Measure by measure: each group's mean, the ratio a/b, Cohen's d and Cliff's delta.

    Effect sizes need two or more texts per group (d) or three texts in all (delta);
    with one text against one they are left empty.
    """
    return compare_profiles([profile(as_article(d)) for d in group_a],
                            [profile(as_article(d)) for d in group_b], names)


def compare_profiles(a_rows: Sequence[dict[str, float]], b_rows: Sequence[dict[str, float]],
                     names: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
    """``compare`` from profiles already computed (one dict per text)."""
    na, nb = names
    rows = []
    for name in MEASURES:
        a = [r[name] for r in a_rows]
        b = [r[name] for r in b_rows]
        mean_a, mean_b = statistics.fmean(a), statistics.fmean(b)
        d, delta = cohens_d(a, b), cliffs_delta(a, b)
        rows.append({
            "measure": name,
            f"{na}_mean": round(mean_a, 3),
            f"{nb}_mean": round(mean_b, 3),
            "ratio": round(mean_a / mean_b, 2) if mean_b else None,
            "cohens_d": None if d is None else round(d, 2),
            "cliffs_delta": None if delta is None else round(delta, 2),
        })
    return pd.DataFrame(rows).set_index("measure")
