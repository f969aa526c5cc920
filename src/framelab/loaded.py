"""Find candidate loaded language in an article, each flag with its offsets and its reason.

Flags come from the loaded-language lexicon and from four signals beyond it, each
explainable: scare quotes, ironic exclamatives ("How inconsiderate of them."), an
adjective or adverb VADER rates strongly in an otherwise neutral sentence, and an adjective
(or its -ly adverb) that two public lexicons agree is subjective and evaluative. Each flag says
whose voice it stands in: the writer's, or someone quoted or reported ("The LNA said it had
liberated the town"). Every flag is a *candidate*: the machine cannot see sarcasm,
quotation or context the way a reader does, so students judge.
"""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ElementTree
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import lemminflect
from nltk.sentiment import SentimentIntensityAnalyzer
from nltk.sentiment import vader as nltk_vader

from framelab import lexicon
from framelab.articles import Article, Span
from framelab.speech import (
    Quote,
    Speech,
    as_article,
    find_quotes,
    find_speech,
    memo,
    sentence_at,
    sentence_starts,
)

__all__ = [
    "OTHER_VOICES", "SIGNALS", "Flag", "Phrase", "Quote", "SentenceScore", "Speech",
    "as_article", "counts", "default_matcher", "event_vocabulary", "find_loaded", "find_quotes",
    "find_speech", "loaded_phrases", "sentence_scores", "stance_matcher", "vader", "voice_at",
    "writer_flags",
]

SIGNALS = ("lexicon", "scare_quotes", "ironic_exclamative", "strong_valence", "subjectivity")
"""Where a flag comes from: a lexicon entry, or one of the signals beyond the list."""

STRONG_VALENCE = 2.5
"""VADER valence (on its -4..+4 scale) from which a lone adjective or adverb counts as
strongly loaded (nouns never do: see ``_modifier``)."""

NEUTRAL_REST = 0.35
"""|compound| below which the rest of a sentence counts as neutral."""

SUBJECTIVE = 0.9
"""Mean subjectivity (0..1, over a word's senses) from which the Pattern lexicon's adjective
counts for the ``subjectivity`` signal."""

SUBJECTIVE_POLARITY = 0.4
"""Mean |polarity| (0..1) it needs too: subjective *and* for or against something."""

SUBJECTIVE_VADER = 1.0
"""|VADER valence| it needs as well: the second lexicon agrees the word evaluates."""

_QUOTATIONS = {"speech", "scare", "name"}
_NEGATORS = {"not", "no", "never", "without", "hardly", "nor", "neither", "nothing", "none"}
_EXCLAMATIVE = re.compile(
    r"^(?:how|what an?|so much for|oh,? (?:how|what)|isn'?t (?:it|that)|aren'?t they)\b[^?]*[.!]$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Flag:
    """One candidate loaded span: where it is, what it is, and why it was flagged.

    ``start``/``end`` index ``article.source``; ``quoted`` says whose voice it stands in:
    ``"speech"`` inside a quotation (someone else's words), ``"reported"`` inside a
    reported clause ("The LNA said it had liberated the town"), ``"scare"`` inside scare
    quotes, ``"name"`` inside a quoted name, else ``""`` (the writer's own words);
    ``speaker_start``/``speaker_end`` locate the speaker of speech or reported speech in
    ``article.source`` (-1 when none is named); ``negated`` means a negation comes just
    before it.
    """

    start: int
    end: int
    text: str
    category: str
    term: str
    why: str
    signal: str = "lexicon"
    quoted: str = ""
    negated: bool = False
    sentence: int = -1
    speaker_start: int = -1
    speaker_end: int = -1


OTHER_VOICES = ("speech", "reported")
"""``Flag.quoted`` values for someone else's words: the writer's-voice measures leave them out."""


@dataclass(frozen=True)
class SentenceScore:
    """How loaded one sentence is: writer's-voice flags (see ``writer_flags``) per ten words."""

    index: int
    sentence: Span
    words: int
    flags: int
    score: float


@lru_cache(maxsize=1)
def default_matcher() -> lexicon.Matcher:
    """A matcher over the kit's loaded-language lexicon (built once)."""
    return lexicon.Matcher(lexicon.loaded_language())


@lru_cache(maxsize=1)
def stance_matcher() -> lexicon.Matcher:
    """A matcher over the kit's hedges, boosters, reporting verbs and person markers."""
    return lexicon.Matcher(lexicon.stance_markers())


@lru_cache(maxsize=4)
def _punctuation(punctuation: tuple[str, ...]) -> tuple[frozenset[str], str]:
    """VADER's punctuation list as a set, and every mark in it as one string (for strip)."""
    return frozenset(punctuation), "".join(sorted(set("".join(punctuation))))


class _PunctuationStripper:
    """What NLTK's SentiText builds as a dict of every word x punctuation pairing, answered
    on demand: "word," and ",word" map to "word" when "word" is in the sentence."""

    def __init__(self, words: set[str], punctuation: list[str]) -> None:
        self.words = words
        self.punctuation, self.marks = _punctuation(tuple(punctuation))

    def _strip(self, token: str) -> str | None:
        # The words hold no punctuation, so the only candidate is the whole run of
        # marks at the end (NLTK's later dict update: suffix wins), then at the start.
        word = token.rstrip(self.marks)
        if word != token and token[len(word) :] in self.punctuation and word in self.words:
            return word
        word = token.lstrip(self.marks)
        if word != token and token[: len(token) - len(word)] in self.punctuation \
                and word in self.words:
            return word
        return None

    def __contains__(self, token: str) -> bool:
        return self._strip(token) is not None

    def __getitem__(self, token: str) -> str:
        stripped = self._strip(token)
        if stripped is None:
            raise KeyError(token)
        return stripped


_NO_PUNCTUATION = str.maketrans("", "", string.punctuation)
"""Deletes what NLTK's ``REGEX_REMOVE_PUNCTUATION`` (one character of
``string.punctuation``) deletes, without a regular expression per sentence."""


class _QuickSentiText(nltk_vader.SentiText):
    def _words_plus_punc(self) -> _PunctuationStripper:  # type: ignore[override]
        words = self.text.translate(_NO_PUNCTUATION).split()
        return _PunctuationStripper({w for w in words if len(w) > 1}, self.PUNC_LIST)

    def _words_and_emoticons(self) -> list[str]:  # type: ignore[override]
        """NLTK's method, stripping each token once instead of twice."""
        stripper = self._words_plus_punc()
        words = []
        for token in self.text.split():
            if len(token) > 1:
                stripped = stripper._strip(token)
                words.append(token if stripped is None else stripped)
        return words


class KitSentimentAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's VADER, scoring exactly as NLTK does, without its per-sentence dict of every
    word x punctuation pair (two thirds of its time); a test checks the scores match.

    ``polarity_scores`` is NLTK's own method with three changes: it builds the kit's
    ``_QuickSentiText`` where NLTK builds ``SentiText``, gives a word VADER lacks its 0
    without the call that would, and answers at once for a sentence with no word VADER
    knows (a third of news sentences). NLTK's module is left untouched.
    """

    def polarity_scores(self, text: str) -> dict[str, float]:
        tokens = text.split()
        _, marks = _punctuation(tuple(self.constants.PUNC_LIST))
        lexicon_ = self.lexicon
        if not any(low in lexicon_ or low.rstrip(marks) in lexicon_
                   or low.lstrip(marks) in lexicon_ for low in map(str.lower, tokens)):
            # no word VADER knows (as it strips them): every valence is 0, as NLTK finds
            has_words = any(len(t) > 1 for t in tokens)
            return {"neg": 0.0, "neu": 1.0 if has_words else 0.0, "pos": 0.0, "compound": 0.0}
        sentitext = _QuickSentiText(
            text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
        sentiments: list[float] = []
        words = sentitext.words_and_emoticons
        first_index: dict[str, int] = {}
        for index, token in enumerate(words):
            first_index.setdefault(token, index)
        lexicon_ = self.lexicon
        boosters = self.constants.BOOSTER_DICT
        for item in words:
            i = first_index[item]  # NLTK looks each token up by its first position
            low = item.lower()
            if (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of") \
                    or low in boosters or low not in lexicon_:
                sentiments.append(0)  # what NLTK's sentiment_valence gives a word it lacks
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyser over the kit's offline copy of the VADER lexicon."""
    return KitSentimentAnalyzer()


@lru_cache(maxsize=1)
def event_vocabulary() -> frozenset[str]:
    """Words VADER scores strongly that are the ordinary vocabulary of news on violence."""
    entries = lexicon.load_lexicon(lexicon.lexicon_path("event_vocabulary"), {"event_vocabulary"})
    return frozenset(form for e in entries for form in lexicon.word_forms(e.term))


def _words(text: str) -> list[str]:
    return lexicon.WORD.findall(text)


def _negated(text: str, start: int, sentence_start: int) -> bool:
    before = _words(text[sentence_start:start])[-3:]
    return any(w.lower() in _NEGATORS or w.lower().endswith(("n't", "n’t")) for w in before)


def voice_at(doc: Article | str) -> Callable[..., tuple[str, int, int]]:
    """Whose words stand at ``article.text[a:b]``: ``(quoted, speaker_start, speaker_end)``.

    ``quoted`` is a quotation's kind ("speech", "scare", "name"), "reported" inside a
    reported clause (but not on its speaker or verb), or "" for the writer's own words;
    the speaker offsets index ``article.source`` (-1 when none is named).
    """
    article = as_article(doc)
    return memo(article, "voice_at", _voice_at)


def _voice_at(article: Article) -> Callable[..., tuple[str, int, int]]:
    offset = article.text_offset
    quotes = find_quotes(article)  # in order, never overlapping
    quote_starts = [q.start for q in quotes]
    spoken: dict[int, tuple[int, int]] = {}
    reported = []
    for s in find_speech(article):
        if s.kind == "direct":
            i = bisect_right(quote_starts, offset(s.start)) - 1
            if i >= 0:
                spoken[quotes[i].start] = (s.speaker_start, s.speaker_end)
        else:
            reported.append((offset(s.start), offset(s.end), s,
                             offset(s.speaker_start), offset(s.speaker_end),
                             offset(s.verb_start) if s.verb_start >= 0 else -1,
                             offset(s.verb_end) if s.verb_start >= 0 else -1))
    reported.sort(key=lambda r: r[0])
    reported_starts = [r[0] for r in reported]

    def voice(a: int, b: int | None = None) -> tuple[str, int, int]:
        b = a + 1 if b is None else b
        i = bisect_right(quote_starts, a) - 1
        if i >= 0 and a < quotes[i].end:
            return (quotes[i].kind, *spoken.get(quotes[i].start, (-1, -1)))
        # reported clauses lie within a sentence: the innermost holding ``a`` starts last
        for x, y, s, sa, sb, va, vb in reversed(reported[: bisect_right(reported_starts, a)]):
            if x < a - _LONGEST_SENTENCE:
                break
            if a < y and not (sa < b and a < sb) and not (va >= 0 and va < b and a < vb):
                return "reported", s.speaker_start, s.speaker_end
        return "", -1, -1

    return voice


_LONGEST_SENTENCE = 5000
"""Characters: no reported clause starts further back than this from a word inside it."""


def find_loaded(
    doc: Article | str,
    matcher: lexicon.Matcher | None = None,
    signals: Iterable[str] = SIGNALS,
) -> list[Flag]:
    """Every candidate loaded span in the body, in order, with offsets into the source.

    ``matcher`` defaults to the kit's lexicon (pass ``lexicon.Matcher(entries)`` for a
    student's own); ``signals`` chooses which sources of flags to use.
    """
    article = as_article(doc)
    signals = set(signals)
    text = article.text
    body_start = article.body_range[0]
    starts = sentence_starts(article)
    quotes = find_quotes(article)
    voice = voice_at(article)

    def quoted(a: int) -> str:
        return voice(a)[0]

    def flag(a: int, b: int, category: str, term: str, why: str, signal: str) -> Flag:
        sentence = sentence_at(article, a, starts)
        span = article.span(a, b)
        kind, speaker_start, speaker_end = voice(a, b)
        return Flag(span.start, span.end, span.text, category, term, why, signal, kind,
                    _negated(text, a, starts[sentence] if sentence is not None else body_start),
                    -1 if sentence is None else sentence, speaker_start, speaker_end)

    flags: list[Flag] = []
    if "lexicon" in signals:
        for m in (matcher or default_matcher()).find(text, tokens=article.body_tokens):
            flags.append(flag(m.start, m.end, m.entry.category, m.entry.term, m.entry.note,
                              "lexicon"))
    if "scare_quotes" in signals:
        for q in quotes:
            if q.kind == "scare":
                flags.append(flag(q.start, q.end, "scare_quotes", "scare quotes",
                                  "A short quotation with no speaker named in the sentence: the "
                                  "writer holds the words at a distance, often to doubt them.",
                                  "scare_quotes"))
    if "ironic_exclamative" in signals:
        flags.extend(_exclamatives(article, flags, flag))
    if "strong_valence" in signals:
        flags.extend(_strong_valence(article, flags, flag, quoted))
    if "subjectivity" in signals:
        flags.extend(_subjectivity(article, flags, flag))
    flags.sort(key=lambda f: (f.start, -f.end))
    return flags


def _exclamatives(article: Article, flags: list[Flag], flag) -> list[Flag]:
    found = []
    for i, s in enumerate(article.sentences):
        words = _words(s.text)
        if len(words) > 7 or not _EXCLAMATIVE.match(s.text.strip()):
            continue
        if any(f.sentence == i and f.category == "irony" for f in flags):
            continue
        a = article.text_offset(s.start)
        found.append(flag(a, a + len(s.text), "irony", "ironic exclamative",
                          "A short exclamation (How…! What a…!) standing alone: in news "
                          "prose it is usually sarcasm, the writer mocking what came before.",
                          "ironic_exclamative"))
    return found


@lru_cache(maxsize=65536)
def _modifier(word: str) -> bool:
    """Can the word only be an adjective, adverb or verb, never a noun? Strongly rated
    nouns ("racism", "riot", "freedom") name what a story is about; adjectives and adverbs
    ("horrible", "shamefully") are where a writer's evaluation sits."""
    classes = set(lemminflect.getAllLemmas(word))
    return bool(classes & {"ADJ", "ADV"}) and "NOUN" not in classes


def _strong_valence(article: Article, flags: list[Flag], flag, quoted) -> list[Flag]:
    valences = vader().lexicon
    skip = event_vocabulary()
    starts = sentence_starts(article)
    covered = [(f.start, f.end) for f in flags]
    found = []
    for start, end, word in article.body_tokens:
        valence = valences.get(word)
        if valence is None or abs(valence) < STRONG_VALENCE or word in skip \
                or not _modifier(word) or lexicon.in_name(article.text, start, end):
            continue
        source = article.span(start, end)
        if quoted(start) in _QUOTATIONS or any(x <= source.start < y for x, y in covered):
            continue
        s = article.sentences[sentence_at(article, start, starts)]
        a = article.text_offset(s.start)
        rest = s.text[: start - a] + s.text[end - a :]
        compound = vader().polarity_scores(rest)["compound"]
        if abs(compound) >= NEUTRAL_REST:
            continue
        found.append(flag(start, end, "strong_valence", word,
                          f"VADER rates '{word}' {valence:+.1f} on its -4..+4 scale, yet the "
                          f"rest of the sentence is neutral (compound {compound:+.2f}): one "
                          "word carries the evaluation.", "strong_valence"))
    return found


@lru_cache(maxsize=1)
def subjectivity_lexicon() -> dict[str, tuple[float, float]]:
    """The Pattern subjectivity lexicon of English adjectives (De Smedt & Daelemans 2012,
    public domain, as shipped in TextBlob): adjective -> (mean |polarity|, mean
    subjectivity) over its senses, each on 0..1."""
    spec = find_spec("textblob")  # the file only: importing TextBlob is not needed
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("TextBlob is not installed: pip install textblob")
    path = Path(spec.submodule_search_locations[0]) / "en" / "en-sentiment.xml"
    senses: dict[str, list[tuple[float, float]]] = {}
    with path.open("rb") as f:
        for element in ElementTree.parse(f).getroot().iter("word"):
            if element.get("pos") == "JJ":
                senses.setdefault(element.get("form", "").lower(), []).append(
                    (abs(float(element.get("polarity", 0))),
                     float(element.get("subjectivity", 0))))
    return {w: (sum(p for p, _ in v) / len(v), sum(s for _, s in v) / len(v))
            for w, v in senses.items() if w}


@lru_cache(maxsize=1)
def subjective_words() -> frozenset[str]:
    """Adjectives both lexicons call evaluative: Pattern rates them subjective and polar
    (``SUBJECTIVE``, ``SUBJECTIVE_POLARITY``), VADER gives them a valence
    (``SUBJECTIVE_VADER``); the ordinary vocabulary of violence (``event_vocabulary``) is
    left out."""
    valences = vader().lexicon
    skip = event_vocabulary()
    return frozenset(
        w for w, (polarity, subjectivity) in subjectivity_lexicon().items()
        if subjectivity >= SUBJECTIVE and polarity >= SUBJECTIVE_POLARITY
        and abs(valences.get(w, 0.0)) >= SUBJECTIVE_VADER and w not in skip)


_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "seem", "seems",
                      "seemed", "look", "looks", "looked", "become", "became", "becomes",
                      "remain", "remains", "remained", "sound", "sounds", "sounded", "feel",
                      "feels", "felt", "appear", "appears", "appeared", "get", "gets", "got",
                      "'s", "proved", "proves"})
_DEGREE = frozenset({"very", "so", "too", "extremely", "utterly", "truly", "deeply", "most",
                     "more", "less", "least", "quite", "rather", "really", "incredibly",
                     "totally", "absolutely", "particularly", "especially", "increasingly",
                     "downright", "fairly", "pretty", "highly", "entirely", "completely",
                     "just", "as", "how", "such"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her",
                          "their", "its", "our", "my", "your", "what", "and", "or", "but"})


@lru_cache(maxsize=65536)
def _subjective_form(word: str) -> str | None:
    """The subjective adjective a word is, or the one its -ly adverb comes from
    ("stupidly" -> "stupid", "angrily" -> "angry", "terribly" -> "terrible"); None when
    it is neither, or when the word can also be a noun or a verb (it may then name a
    topic, not judge it)."""
    words = subjective_words()
    classes = set(lemminflect.getAllLemmas(word))
    if word in words:
        return word if not classes & {"NOUN", "VERB"} else None
    if len(word) < 6 or not word.endswith("ly") or (classes and "ADV" not in classes):
        return None
    stems = [word[:-2], word[:-2] + "e", word[:-3] + "y", word[:-1] + "e", word[:-4]]
    return next((s for s in stems if s in words), None)


def _subjectivity(article: Article, flags: list[Flag], flag) -> list[Flag]:
    tokens = article.body_tokens
    text = article.text
    covered = [(f.start, f.end) for f in flags]
    found = []
    for i, (start, end, word) in enumerate(tokens):
        adjective = _subjective_form(word)
        if adjective is None or lexicon.in_name(text, start, end):
            continue
        if adjective == word and not _adjective_position(tokens, i):
            continue
        source = article.span(start, end)
        if any(x <= source.start < y for x, y in covered):
            continue
        polarity, subjectivity = subjectivity_lexicon()[adjective]
        how = f"'{word}' (from '{adjective}')" if adjective != word else f"'{word}'"
        found.append(flag(start, end, "judgement", adjective,
                          f"Two public lexicons agree {how} evaluates: the Pattern lexicon "
                          f"rates it subjective {subjectivity:.1f} and polar {polarity:.1f} "
                          f"(0..1), VADER {vader().lexicon.get(adjective, 0):+.1f}; here it "
                          "describes, so it is likely the writer's judgement.",
                          "subjectivity"))
    return found


def _adjective_position(tokens: Sequence[lexicon.Token], i: int) -> bool:
    """Is the word at ``tokens[i]`` used as an adjective here: after a copula, a degree
    adverb or a determiner ("was bizarre", "so stupid", "a terrible"), or before a noun
    ("terrible decision")?"""
    prev = tokens[i - 1][2] if i else ""
    if prev in _COPULAS or prev in _DEGREE or prev in _DETERMINERS or prev in _NEGATORS:
        return True
    if i + 1 < len(tokens):
        nxt = set(lemminflect.getAllLemmas(tokens[i + 1][2]))
        return "NOUN" in nxt and "ADJ" not in nxt
    return False


@dataclass(frozen=True)
class Phrase:
    """Two or more flags side by side ("richly disastrous mess"): one loaded phrase."""

    start: int
    end: int
    text: str
    flags: tuple[Flag, ...]


def loaded_phrases(doc: Article | str, flags: Sequence[Flag]) -> list[Phrase]:
    """Runs of flags separated only by spaces or hyphens, read as one phrase."""
    article = as_article(doc)
    runs: list[list[Flag]] = []
    for f in sorted(flags, key=lambda f: f.start):
        if runs and not article.source[runs[-1][-1].end : f.start].strip(" \n-") \
                and runs[-1][-1].end <= f.start:
            runs[-1].append(f)
        else:
            runs.append([f])
    return [Phrase(r[0].start, r[-1].end, article.source[r[0].start : r[-1].end], tuple(r))
            for r in runs if len(r) > 1]


def counts(flags: Iterable[Flag]) -> dict[str, int]:
    """How many flags per category, in the order categories first appear."""
    result: dict[str, int] = {}
    for f in flags:
        result[f.category] = result.get(f.category, 0) + 1
    return result


def writer_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Flags in the writer's own voice: not in quoted or reported speech, not negated."""
    return [f for f in flags if f.quoted not in OTHER_VOICES and not f.negated]


def sentence_scores(doc: Article | str, flags: Sequence[Flag] | None = None) -> list[SentenceScore]:
    """Per sentence: its words, its writer's-voice flags, and flags per ten words."""
    article = as_article(doc)
    flags = find_loaded(article) if flags is None else flags
    per_sentence: dict[int, int] = {}
    for f in writer_flags(flags):
        per_sentence[f.sentence] = per_sentence.get(f.sentence, 0) + 1
    scores = []
    for i, s in enumerate(article.sentences):
        n_words = max(len(_words(s.text)), 1)
        n_flags = per_sentence.get(i, 0)
        scores.append(SentenceScore(i, s, n_words, n_flags, round(10 * n_flags / n_words, 3)))
    return scores
