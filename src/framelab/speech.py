"""Who is quoted or reported: quotations and reported clauses, each with its speaker and offsets.

``find_quotes`` finds every passage in quotation marks and sorts it into speech, scare
quotes and quoted names. ``find_speech`` goes further: every *direct* quotation of someone's
words and every *reported* clause ("The LNA said it had taken the town", "according to WHO,
…", "X accused Y of …", "X called Y a …"), with the speaker as written and the reporting
verb, each at exact offsets into ``article.source``.

The rules read the words around a reporting verb, not a parse of the sentence, so they
miss some speakers (a relative clause between speaker and verb) and find no speaker for
passives ("it was reported"). Pronoun speakers ("he said") are kept as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import lemminflect

from framelab import lexicon
from framelab.articles import Article, parse_article


def as_article(doc: Article | str) -> Article:
    """Accept an ``Article`` or plain text (a student's rewrite, a pasted paragraph)."""
    return doc if isinstance(doc, Article) else parse_article(doc)


def memo(article: Article, key: str, compute: Callable[[Article], Any]) -> Any:
    """Compute something about an article once (an Article is immutable, so it stays valid)."""
    cache = article.__dict__.setdefault("_analysis_cache", {})
    if key not in cache:
        cache[key] = compute(article)
    return cache[key]


def sentence_starts(article: Article) -> list[int]:
    """Where each sentence starts in ``article.text``."""
    return memo(article, "sentence_starts",
                lambda a: [a.text_offset(s.start) for s in a.sentences])


def sentence_at(article: Article, offset: int, starts: Sequence[int] | None = None) -> int | None:
    """The index of the sentence holding ``article.text[offset]``, None before the first."""
    starts = sentence_starts(article) if starts is None else starts
    index = bisect_right(starts, offset) - 1
    return index if index >= 0 else None


# --------------------------------------------------------------------------- quotations

_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"'}
_QUOTE_MARK = re.compile("[“‘\"]")


@dataclass(frozen=True)
class Quote:
    """A passage in quotation marks, in ``article.text`` offsets, marks included."""

    start: int
    end: int
    kind: str  # "speech", "scare" or "name"
    words: int


@lru_cache(maxsize=1)
def reporting_matcher() -> lexicon.Matcher:
    """The reporting verbs of the stance lexicon (said, claimed, according to…)."""
    return lexicon.Matcher(e for e in lexicon.stance_markers()
                           if e.category.startswith("reporting"))


def find_quotes(doc: Article | str) -> list[Quote]:
    """Quotations in the body: speech (someone's words), scare quotes, or quoted names.

    A quotation of at most three words with no reporting verb in its sentence is a scare
    quote; one whose words are all capitalised is a name ("Volcano of Rage").
    """
    return list(memo(as_article(doc), "quotes", _find_quotes))


def _find_quotes(article: Article) -> tuple[Quote, ...]:
    text = article.text
    quotes: list[Quote] = []
    for paragraph in article.paragraphs:
        a, b = article.text_offset(paragraph.start), article.text_offset(paragraph.end)
        i = a
        while (m := _QUOTE_MARK.search(text, i, b)) is not None:
            i, ch = m.start(), m.group()
            if not _opens(text, i, a):
                i += 1
                continue
            close = text.find(_OPEN_CLOSE[ch], i + 1, b)
            while ch == "‘" and close != -1 and close + 1 < b and text[close + 1].isalpha():
                close = text.find("’", close + 1, b)
            end = b if close == -1 else close + 1
            quotes.append(_quote(article, i, end))
            i = end
    return tuple(quotes)


def _opens(text: str, i: int, paragraph_start: int) -> bool:
    if text[i] == "‘":
        return i == paragraph_start or not text[i - 1].isalnum()
    return text[i] in "“\""


def _quote(article: Article, start: int, end: int) -> Quote:
    words = lexicon.WORD.findall(article.text, start + 1, end - 1)
    if words and all(w[0].isupper() or w.lower() in {"of", "the", "and", "for"} for w in words) \
            and words[0][0].isupper() and len(words) <= 6:
        return Quote(start, end, "name", len(words))
    if len(words) <= 3:
        return Quote(start, end, _short_quotation(article, start, end), len(words))
    return Quote(start, end, "speech", len(words))


_MENTION_BEFORE = {
    ("term",), ("terms",), ("word",), ("words",), ("phrase",), ("label",), ("slogan",),
    ("motto",), ("hashtag",), ("name",), ("moniker",), ("nickname",), ("catchphrase",),
    ("euphemism",), ("buzzword",), ("expression",), ("epithet",), ("titled",), ("entitled",),
    ("phrases",), ("slogans",), ("labels",), ("names",), ("expressions",), ("euphemisms",),
    ("known", "as"), ("short", "for"), ("stands", "for"), ("stand", "for"), ("meaning",),
}
"""Words just before a short quotation that *mention* it as a word or title rather than
use it: "the term "militia"", "a report titled "…"", "known as "…"", "short for "…"."""

_LABEL_VERBS = ("label", "term", "dub", "brand", "nickname", "characterise", "characterize",
                "describe", "define", "deem", "refer", "title", "christen", "chant",
                "proclaim", "decry", "denounce", "condemn", "praise", "hail", "mock",
                "deride", "ridicule", "lambaste", "blast", "slam", "tout", "cite", "quote",
                "repeat", "echo", "tweet", "post", "claim", "report")
"""Verbs by which someone names, judges or repeats words: a short quotation after them
gives that someone's word ("critics labelled the curfew "heavy-handed"", "chanting "open
the port"")."""

_SPEECH_NOUNS = frozenset({
    "statement", "statements", "declaration", "words", "remarks", "comments", "comment",
    "claim", "claims", "description", "tweet", "tweets", "post", "pledge", "promise",
    "warning", "rhetoric", "accusation", "accusations", "response", "message", "speech",
    "testimony", "letter", "assertion", "insistence", "argument", "language", "vow",
    "demand", "plea", "appeal", "mantra", "allegation", "allegations", "complaint",
    "slogan", "insult", "retort", "interview", "op-ed", "column", "memo", "ruling",
    "verdict", "report", "readout", "announcement", "address",
})
"""Nouns for something said or written: a short quotation soon after one ("the ministry's
statement about "full control"") quotes it."""

_AS_PUT_IT = re.compile(
    r"[,\s]*(?:as|what)\s+(?:[\w'’.-]+\s+){1,5}?(?:\w+\s+)?(?:put|puts|say|says|said|call|calls|"
    r"called|described|describe|describes|wrote|write|writes|claimed|claim|claims|"
    r"termed|dubbed|labell?ed|branded|phrased|noted|argued|insisted)\b", re.IGNORECASE)


def _label_forms() -> frozenset[str]:
    return frozenset(f for verb in _LABEL_VERBS
                     for fs in lemminflect.getAllInflections(verb, "VERB").values() for f in fs)


def _short_quotation(article: Article, start: int, end: int) -> str:
    """A quotation of at most three words: "speech" when someone is named as saying it,
    "name" when the words are mentioned as words, else "scare" (the writer's distancing).

    Most short quotations in news are partial quotations: He called the plan "a disgrace";
    critics labelled it "heavy-handed"; the "reforms", as officials put it; the mayor's "fair
    deal"; the ministry's statement on "full control". A scare quote has no speaker at all.
    """
    text = article.text
    sentence = sentence_at(article, start)
    if sentence is None:
        return "scare"
    s = article.sentences[sentence]
    a, b = article.text_offset(s.start), article.text_offset(s.end)
    before = lexicon.tokenize(text, a, start)
    last = tuple(t[2] for t in before[-2:])
    if before and not text[before[-1][1] : start].strip(" ,:") and (
            last[-1:] in _MENTION_BEFORE or last in _MENTION_BEFORE
            or (last == ("such", "as") and len(before) > 2
                and (before[-3][2],) in _MENTION_BEFORE)):
        return "name"  # "the term "militia"", "phrases such as "collateral damage""
    if _attributed(article, start, end, a, b, before):
        return "speech"
    return "scare"


def _attributed(article: Article, start: int, end: int, a: int, b: int,
                before: list[lexicon.Token]) -> bool:
    """Is someone named as saying the quoted words? A reporting verb just before the
    quotation (60 characters) or just after it (30), a speech or labelling verb earlier in
    the sentence ("Trump said the "deep state" was…", "what officials called "reforms"",
    "labelled the curfew "heavy-handed""), "as X put it" after it, a speaker's possessive
    just before it (the mayor's "fair deal") or a noun for something said shortly
    before it ("the ministry's statement on "full control"")."""
    text = article.text
    if any(start - 60 <= m.end <= start or end <= m.start <= end + 30
           for m in reporting_matcher().find(text, a, b)):
        return True
    labels = _LABEL_FORMS
    for k, (_, _, form) in enumerate(before):
        if (form in _VERB_FORMS and form not in _NOUNLIKE) or form == "according" \
                or form in labels:
            return True
        if form in _CALL_FORMS and len(before) - k <= 4:
            return True  # "called it a "loophole"", "calling them "homophobes""
    if _AS_PUT_IT.match(text, end, b):
        return True
    if before:
        s0, e0, form = before[-1]
        if not text[e0:start].strip() and form.endswith(("'s", "s'")) and (
                text[s0].isupper() or form.removesuffix("'s").removesuffix("'")
                in _SPEAKER_NOUNS):
            return True
    return any(form in _SPEECH_NOUNS for _, _, form in before[-6:])


# --------------------------------------------------------------------------- speech

@dataclass(frozen=True)
class Speech:
    """Someone's words in the text: quoted directly, or reported in the writer's words.

    ``start``/``end`` index ``article.source`` and hold the words (inside the quotation
    marks for direct speech; the reported clause for reported speech); ``speaker`` is the
    speaker as written ("" and offsets -1 when none is named); ``verb`` the reporting verb
    or phrase ("said", "according to"), "" when there is none (Trump "recognised…").
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str
    speaker_start: int
    speaker_end: int
    verb: str
    verb_start: int
    verb_end: int
    sentence: int


SPEECH_VERBS: dict[str, str] = {
    # verb: what follows it. "clause": the reported words, with or without "that";
    # "that": only a "that" clause counts ("noted that…", not "noted the date");
    # "object": someone and what is said of them ("accused Y of…", "called Y a…");
    # "addressee": whom it was said to, then the words ("told reporters (that)…").
    "say": "clause", "claim": "clause", "allege": "clause", "insist": "clause",
    "add": "that", "warn": "clause", "announce": "clause", "declare": "clause",
    "assert": "clause", "argue": "clause", "contend": "clause", "deny": "clause",
    "admit": "clause", "concede": "clause", "confirm": "clause", "explain": "that",
    "vow": "clause", "pledge": "clause", "promise": "clause", "threaten": "clause",
    "boast": "clause", "complain": "clause", "predict": "clause", "demand": "clause",
    "state": "that", "maintain": "that", "acknowledge": "that", "stress": "that",
    "emphasise": "that", "emphasize": "that", "note": "that", "report": "that",
    "write": "that", "tweet": "that", "suggest": "that", "reiterate": "that",
    "believe": "that", "estimate": "that",
    "accuse": "object", "call": "object", "describe": "object", "brand": "object",
    "dub": "object", "urge": "object", "blame": "object", "slam": "object",
    "blast": "object", "tout": "object", "brag": "clause", "gloat": "clause",
    "whine": "clause", "scoff": "clause", "rant": "clause",
    "tell": "addressee",
}
"""Verbs that report speech, and the shape of what follows them."""

_AMBIGUOUS_OK = {"say", "tell", "warn", "add", "insist", "allege", "accuse", "urge", "deny"}


def _verb_forms() -> tuple[dict[str, str], set[str]]:
    """Every form of the speech verbs, and those that are also nouns ("claims", "report")."""
    forms: dict[str, str] = {}
    nounlike: set[str] = set()
    for verb in SPEECH_VERBS:
        inflected = {f for fs in lemminflect.getAllInflections(verb, "VERB").values() for f in fs}
        nouns = set()
        if verb not in _AMBIGUOUS_OK and "NOUN" in lemminflect.getAllLemmas(verb):
            nouns = {f for fs in lemminflect.getAllInflections(verb, "NOUN").values() for f in fs}
        for form in inflected:
            forms[form] = verb
            if form in nouns:
                nounlike.add(form)
    return forms, nounlike


_VERB_FORMS, _NOUNLIKE = _verb_forms()
_LABEL_FORMS = _label_forms()
_CALL_FORMS = frozenset({"call", "calls", "called", "calling"})
_INVERTS = {"say", "add", "warn", "write", "explain", "insist", "tell", "declare", "argue",
            "note", "claim", "announce"}
"""Verbs that may come before their speaker: "…," said the minister."""
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,(?: [A-Z][a-z]+\.?)? \d{1,2}\s*[—–-]+\s*")
_LEADING_TIME = re.compile(
    r"(?:(?:late|early|earlier|later)\s+)?(?:on|in)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{1,2})\b,?\s+|(?:afterwards|earlier|later|again|also)\s+")

_AUX = {"has", "have", "had", "will", "would", "could", "can", "may", "might", "shall",
        "should", "must", "did", "does", "do", "not", "n't", "never", "also", "later",
        "earlier", "again", "then", "previously", "repeatedly", "separately", "publicly",
        "further", "already", "still", "once", "first", "reportedly", "privately", "since"}
_BE = {"be", "been", "being", "was", "were", "is", "are", "am", "'s", "’s"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these",
                "those", "some", "several", "many", "both", "other", "two", "three", "four",
                "five", "six", "seven", "eight", "nine", "ten", "dozens", "one", "each",
                "another", "my", "your"}
_NP_LINKS = {"of", "for", "and", "&"}
_PLACE_LINKS = {"in", "at", "from"}
_FUNCTION = {"in", "on", "at", "by", "with", "from", "to", "after", "before", "since",
             "during", "into", "that", "which", "who", "whom", "whose", "while", "when",
             "as", "but", "if", "because", "although", "than", "so", "where", "or",
             "nor", "not", "there", "here", "what", "how", "why", "all", "any", "no",
             "such", "only", "also", "even", "just", "about", "over", "under", "against",
             "between", "through", "without", "within", "upon", "despite", "toward",
             "towards", "across", "around", "among", "via", "per", "like", "unlike"}
_SPEAKER_NOUNS = {
    "ministry", "minister", "spokesman", "spokeswoman", "spokesperson", "official",
    "officials", "government", "president", "office", "army", "military", "police",
    "agency", "council", "mission", "envoy", "commander", "source", "sources", "witness",
    "witnesses", "resident", "residents", "doctor", "doctors", "statement", "readout",
    "report", "reports", "group", "groups", "organisation", "organization", "forces",
    "leader", "leaders", "chief", "secretary", "ambassador", "diplomat", "diplomats",
    "analyst", "analysts", "expert", "experts", "critic", "critics", "media", "ministers",
    "prosecutor", "court", "committee", "parliament", "coalition", "authorities", "ministries",
    "embassy", "department", "administration", "house", "campaign", "lawyer", "lawyers",
    "mayor", "governor", "general", "king", "senator", "lawmaker", "lawmakers", "chairman",
    "chairwoman", "director", "head", "representative", "negotiator", "negotiators", "judge",
    "researcher", "researchers", "scientist", "scientists", "observer", "observers",
    "monitor", "monitors", "activist", "activists", "protester", "protesters", "survivor",
    "survivors", "relatives", "family", "spokespeople", "presidency", "cabinet", "union",
}
"""Heads of noun phrases that can speak, for quotations with no reporting verb
("The interior ministry has suspended "all relations…"")."""

_TOKEN = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*|[^\w\s]")
_AFTER_VERB = 160
_AFTER_QUOTE = 80
"""How far past a speech verb or a quotation the rules read (characters): far enough for
the speaker, the addressee, "that" and a time phrase; the reported words run to the end
of the sentence without being read."""
_TIME_WORDS = {"on", "in", "at", "late", "early", "earlier", "later", "afterwards",
               "during", "after", "before", "via", "through", "yesterday", "today",
               "tonight", "overnight", "again", "also", "then", "repeatedly", "publicly",
               "privately", "separately", "recently", "monday", "tuesday", "wednesday",
               "thursday", "friday", "saturday", "sunday"}
_CLOSERS = "”’\"'"
_OPENERS = "“‘\""
_TRAILING = ".!?;:)" + _CLOSERS


class _Tok:
    """A word or punctuation mark of a sentence, at ``text[start:end]``."""

    __slots__ = ("end", "low", "start", "text", "word")

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        self.start, self.end, self.text, self.low = start, end, text, low
        self.word = text[0].isalnum()


def _tokens(text: str, a: int, b: int) -> list[_Tok]:
    lowered = text[a:b].lower().replace("’", "'")
    if len(lowered) != b - a:  # a letter whose lower case is longer (İ)
        return [_Tok(m.start(), m.end(), m.group(), m.group().lower().replace("’", "'"))
                for m in _TOKEN.finditer(text, a, b)]
    original = text[a:b]
    toks = []
    for m in _TOKEN.finditer(lowered):
        s, e = m.span()
        toks.append(_Tok(s + a, e + a, original[s:e], m.group()))
    return toks


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> frozenset[str]:
    """The word classes lemminflect knows for a lower-case word (NOUN, VERB, ADJ…)."""
    return frozenset(lemminflect.getAllLemmas(word))


def _nounish(tok: _Tok, initial: bool) -> bool:
    """Can this word stand inside a noun phrase (a name, a determiner, a noun, an adjective)?"""
    low = tok.low
    if not tok.word:
        return tok.text in "&"
    if _acronym(tok.text):
        return True  # "a WHO spokesman", "US officials": not the words who, us
    if low in _PRONOUNS or low in _FUNCTION or low in _AUX or low in _BE:
        return False
    if low in _DETERMINERS or low in _NP_LINKS:
        return True
    if tok.text[0].isupper() or tok.text[0].isdigit() or "-" in tok.text:
        return True
    if low.endswith(("'s", "s'")):
        return True
    return bool({"NOUN", "ADJ", "PROPN"} & _lemmas(low))


def _premodifier(toks: list[_Tok], j: int) -> bool:
    """A participle or its adverb before a noun inside a noun phrase: "Libya's
    internationally *recognised* government", "the newly *appointed* envoy"."""
    tok = toks[j]
    if not tok.word or tok.low in _AUX or tok.low in _BE or tok.low in _FUNCTION:
        return False
    nxt = toks[j + 1]
    if tok.low.endswith(("ed", "en")) and "VERB" in _lemmas(tok.low):
        return _nounish(nxt, False)
    if tok.low.endswith("ly") and "ADV" in _lemmas(tok.low):
        return nxt.low.endswith(("ed", "en")) and _premodifier(toks, j + 1)
    return False


def _trim_np(toks: list[_Tok]) -> list[_Tok]:
    """Drop links and determiners that cannot end a noun phrase ("of", "and", "the")."""
    while toks and (toks[-1].low in _NP_LINKS or toks[-1].low in _DETERMINERS):
        toks = toks[:-1]
    while toks and toks[0].low in _NP_LINKS:
        toks = toks[1:]
    return toks


def _np_before(toks: list[_Tok], i: int) -> list[_Tok]:
    """The noun phrase that ends at ``toks[i]`` (inclusive), walking back; [] if none.

    A determiner starts the phrase unless "of", "for" or "and" links it to another
    ("the head of the mission"); "in", "at" or "from" before a name link too ("the WHO
    office in Libya").
    """
    if i < 0 or not toks[i].word:
        return []
    if toks[i].low in _PRONOUNS:
        return [toks[i]]
    j = i
    while j >= 0 and i - j < 12:
        tok = toks[j]
        place = tok.low in _PLACE_LINKS and j < i and toks[j + 1].text[0].isupper()
        if not (place or _nounish(tok, j == 0) or (j < i and _premodifier(toks, j))):
            break
        if tok.low in _NP_LINKS or place:
            if j == 0 or not _nounish(toks[j - 1], False):
                break
        elif tok.low in _DETERMINERS and (j == 0 or toks[j - 1].low not in _NP_LINKS):
            j -= 1
            break
        j -= 1
    np = toks[j + 1 : i + 1]
    while np and (np[0].low in _NP_LINKS or np[0].low in _PLACE_LINKS):
        np = np[1:]
    if not np or np[-1].low in _DETERMINERS or np[-1].low in _NP_LINKS:
        return []
    return np


def _np_after(toks: list[_Tok], i: int) -> list[_Tok]:
    """The noun phrase that starts at ``toks[i]``, walking forward; [] if none."""
    if i >= len(toks) or not toks[i].word:
        return []
    if toks[i].low in _PRONOUNS:
        return [toks[i]]
    j = i
    while j < len(toks) and j - i < 12 and _nounish(toks[j], False):
        j += 1
    return _trim_np(toks[i:j])


def _speaker_before(toks: list[_Tok], v: int) -> list[_Tok] | None:
    """The speaker of the verb at ``toks[v]`` written before it: "Pompeo had said",
    "Ahmed al-Mismari, the LNA spokesman, said", "the LNA, which says". None for
    infinitives and passives, and for a verb after "and" (see ``_Finder.speaker_of``)."""
    i = _skip_auxiliaries(toks, v)
    if i is None or i < 0 or toks[i].low in {"to", "and"}:
        return None
    if toks[i].low in {"which", "who"}:
        j = i - 1 if i > 0 and toks[i - 1].text != "," else i - 2
        return _np_before_with_acronym(toks, j) or None
    if toks[i].text == ",":
        # an appositive or participle between commas: "X, the LNA spokesman, said"
        k = i - 1
        depth = 0
        while k >= 0 and (depth or toks[k].text not in ",;:("):
            depth += {")": 1, "(": -1}.get(toks[k].text, 0)
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        return _np_before_with_acronym(toks, k - 1) or None
    return _np_before_with_acronym(toks, i) or None


def _in_apposition(toks: list[_Tok], subject: list[_Tok], i: int) -> bool:
    """Is ``toks[i]`` inside an apposition opened by a comma just after the subject
    ("General Haftar, veteran of … and touted collaborator of …, has")? A verb after it
    describes the subject; it does not report what the subject said."""
    after = toks.index(subject[-1]) + 1
    if after >= i or toks[after].text != ",":
        return False
    return all(t.text != "," for t in toks[after + 1 : i])


def _skip_auxiliaries(toks: list[_Tok], v: int) -> int | None:
    """Index of the word before the verb's auxiliaries and adverbs ("has since told");
    None for a passive ("was reported")."""
    i = v - 1
    skipped = 0
    while i >= 0 and toks[i].word and (toks[i].low in _AUX or toks[i].low in _BE) \
            and skipped < 4:
        if toks[i].low in _BE:
            return None
        i -= 1
        skipped += 1
    while i >= 0 and toks[i].word and skipped < 4 and toks[i].low.endswith("ly") \
            and "ADV" in _lemmas(toks[i].low):
        i -= 1
        skipped += 1
    return i


def _np_before_with_acronym(toks: list[_Tok], i: int) -> list[_Tok]:
    """``_np_before``, keeping an acronym in brackets after it: "the Libyan National Army
    (LNA)"."""
    if i >= 2 and toks[i].text == ")":
        k = i - 1
        while k >= 0 and toks[k].text != "(" and i - k < 6:
            k -= 1
        if k >= 0 and toks[k].text == "(":
            np = _np_before(toks, k - 1)
            return np + toks[k : i + 1] if np else []
    return _np_before(toks, i)


def _plausible_speaker(np: list[_Tok], sentence_initial: bool) -> bool:
    if not np:
        return False
    if len(np) == 1 and np[0].low in _PRONOUNS - {"it", "you"}:
        return True
    head = np[-1].low.removesuffix("'s").removesuffix("'")
    if head in _SPEAKER_NOUNS:
        return True
    names = [t for k, t in enumerate(np) if t.text[0].isupper()
             and not (k == 0 and sentence_initial and t.low in _DETERMINERS)]
    if sentence_initial and names and names[0] is np[0]:
        known = _lemmas(np[0].low)
        if known and "PROPN" not in known and len(names) == 1:
            return False
    return bool(names)


def _clause_start(toks: list[_Tok], text: str = "") -> int:
    """Index of the first word of the main clause: after a dateline ("TRIPOLI, April 7 —")
    and an opening phrase such as "In early April," or "On Friday,"."""
    first = 0
    if toks and text:
        m = _DATELINE.match(text, toks[0].start)
        if m:
            first = next((k for k, t in enumerate(toks) if t.start >= m.end()), len(toks))
    for k, t in enumerate(toks[first : first + 10], start=first):
        if t.text == ",":
            lead = toks[first].low
            if lead in _FUNCTION or lead in _TIME_WORDS or lead in {"also", "previously",
                                                                   "meanwhile", "however"}:
                return k + 1
            return first
    return first


class _Finder:
    """Finds the speech in one article; a class only to share its state between steps."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.quotes = [q for q in find_quotes(article)]
        self.speech_quotes = [q for q in self.quotes if q.kind == "speech"]
        self.found: list[Speech] = []
        self.sentence_speaker: dict[int, tuple[list[_Tok], _Tok | None]] = {}
        self.clauses: list[tuple[int, int, list[_Tok], list[_Tok]]] = []

    def make(self, a: int, b: int, kind: str, speaker: list[_Tok], verb: list[_Tok],
             sentence: int) -> Speech:
        span = self.article.span(a, b)
        if speaker:
            sp = self.article.span(speaker[0].start, speaker[-1].end)
            s_text, s_start, s_end = sp.text, sp.start, sp.end
        else:
            s_text, s_start, s_end = "", -1, -1
        if verb:
            vb = self.article.span(verb[0].start, verb[-1].end)
            v_text, v_start, v_end = vb.text, vb.start, vb.end
        else:
            v_text, v_start, v_end = "", -1, -1
        return Speech(span.start, span.end, span.text, kind, s_text, s_start, s_end,
                      v_text, v_start, v_end, sentence)

    def in_quote(self, offset: int) -> bool:
        return any(q.start <= offset < q.end for q in self.quotes if q.kind == "speech")

    def run(self) -> list[Speech]:
        article = self.article
        starts = sentence_starts(article)
        by_sentence: dict[int, list[Quote]] = {}
        for q in self.speech_quotes:
            index = sentence_at(article, q.start, starts)
            if index is not None:
                by_sentence.setdefault(index, []).append(q)
        reach: dict[int, int] = {i: max(q.end for q in qs) + _AFTER_QUOTE
                                 for i, qs in by_sentence.items()}
        for start, end, form in article.body_tokens:
            if form in _VERB_FORMS or form == "according":
                index = sentence_at(article, start, starts)
                if index is not None:
                    reach[index] = max(reach.get(index, 0), end + _AFTER_VERB)
        sentences = article.sentences
        for index in sorted(reach):
            a = starts[index]
            b = a + len(sentences[index].text)
            self.sentence(index, a, b, min(b, reach[index]), by_sentence.get(index, []))
        self.found.sort(key=lambda sp: (sp.start, sp.end))
        return self.found

    # one sentence -----------------------------------------------------------------

    def sentence(self, index: int, a: int, b: int, reach: int, quotes: list[Quote]) -> None:
        """Speech in the sentence at text[a:b]; the rules read no word past ``reach``."""
        toks = _tokens(self.text, a, reach)
        verbs = self.verbs(toks)
        self.clauses: list[tuple[int, int, list[_Tok], list[_Tok]]] = []
        question = self.text[a:b].rstrip().endswith("?")
        for v, kind in verbs:
            if not self.in_quote(toks[v].start) and not question:
                self.reported(index, a, b, toks, v, kind)
        for q in quotes:
            self.direct(index, toks, verbs, q)

    def verbs(self, toks: list[_Tok]) -> list[tuple[int, str]]:
        """(token index, shape) of each speech verb; "according to" has shape "according"."""
        found = []
        for k, t in enumerate(toks):
            low = t.low
            if low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
                found.append((k, "according"))
                continue
            verb = _VERB_FORMS.get(low)
            if verb is None or _acronym(t.text):
                continue
            if t.text[0].isupper() and k > 0 and toks[k - 1].text not in _OPENERS:
                continue  # "the United States", "Said" as a name
            if low in _NOUNLIKE and not (
                    (k > 0 and toks[k - 1].low in _PRONOUNS)
                    or (k + 1 < len(toks) and toks[k + 1].low == "that")):
                continue  # "a report", "his claims", unless "it claims" or "claims that"
            if verb == "call" and not self.calls(toks, k):
                continue
            if k > 0 and toks[k - 1].low in {"so", "the", "a", "an", "its", "his", "her",
                                             "their"}:
                continue  # "so-called", "the said", "a report"
            found.append((k, SPEECH_VERBS[verb]))
        return found

    @staticmethod
    def calls(toks: list[_Tok], k: int) -> bool:
        """"call" reports speech in "called for/on…" and "called Y a/an …"."""
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        if nxt in {"for", "on", "upon"}:
            return True
        for j in range(k + 2, min(k + 7, len(toks))):
            if not toks[j].word:
                return False
            if toks[j].low in {"a", "an"}:
                return True
        return False

    def speaker_of(self, toks: list[_Tok], v: int, index: int) -> list[_Tok] | None:
        """The verb's speaker: before it ("X said"), after it when inverted ("…," said X),
        or for "…, accusing Y of" the speaker already found in the sentence."""
        prev = toks[v - 1].text if v > 0 else ""
        if toks[v].low.endswith("ing") and prev == ",":
            # "…, saying it aimed to": the speaker already named, or the clause's subject
            if index in self.sentence_speaker:
                return self.sentence_speaker[index][0]
            return self.subject(toks)
        before = _speaker_before(toks, v)
        if before:
            return before
        i = _skip_auxiliaries(toks, v)
        if i is not None and i >= 0 and toks[i].low == "and":
            subject = self.subject(toks)  # "Guterres met Haftar and wrote that…"
            return None if subject and _in_apposition(toks, subject, i) else subject
        if (v == 0 or prev == "," or prev in _CLOSERS) \
                and _VERB_FORMS.get(toks[v].low) in _INVERTS:
            after = _np_after(toks, v + 1)
            if after and _plausible_speaker(after, False):
                return after
        return None

    def subject(self, toks: list[_Tok]) -> list[_Tok] | None:
        """The subject of the sentence's main clause, if it can speak."""
        c = _clause_start(toks, self.text)
        np = _np_after(toks, c)
        if c + len(np) < len(toks) and toks[c + len(np)].text == "(":
            close = next((k for k in range(c + len(np), min(c + len(np) + 6, len(toks)))
                          if toks[k].text == ")"), None)
            if close is not None:
                np = toks[c : close + 1]
        return np if np and _plausible_speaker(np, c == 0) else None

    def verb_tokens(self, toks: list[_Tok], v: int) -> list[_Tok]:
        if toks[v].low == "according":
            return toks[v : v + 2]
        if v + 1 < len(toks) and toks[v + 1].low in {"for", "on", "upon", "out"} \
                and toks[v].low.startswith("call"):
            return toks[v : v + 2]
        return [toks[v]]

    def direct(self, index: int, toks: list[_Tok], verbs: list[tuple[int, str]],
               q: Quote) -> None:
        inner_a, inner_b = q.start + 1, q.end - (1 if self.text[q.end - 1] in _CLOSERS else 0)
        while inner_b > inner_a and self.text[inner_b - 1] in " ,":
            inner_b -= 1
        while inner_a < inner_b and self.text[inner_a] == " ":
            inner_a += 1
        speaker: list[_Tok] | None = None
        verb: list[_Tok] = []
        outside = [(v, kind) for v, kind in verbs if not self.in_quote(toks[v].start)]
        # the verb just after the quotation ("…," X said / said X), then just before it
        after = [(v, k) for v, k in outside if q.end <= toks[v].start <= q.end + 40]
        before = [(v, k) for v, k in outside if q.start - 80 <= toks[v].end <= q.start]
        for v, _ in after[:1] + before[-1:]:
            speaker = self.speaker_of(toks, v, index) if toks[v].low != "according" else \
                _np_after(toks, v + 2)
            if speaker:
                verb = self.verb_tokens(toks, v)
                break
        if not speaker:
            # inside a reported clause: "says it aims to "liberate" the capital"
            holding = [c for c in self.clauses if c[0] <= q.start < c[1]]
            if holding:
                _, _, speaker, verb = max(holding, key=lambda c: c[0])
        if not speaker:
            speaker, verb = self.subject_of_quote(index, toks, q)
        self.found.append(self.make(inner_a, inner_b, "direct", speaker or [], verb, index))
        if speaker:
            self.sentence_speaker[index] = (speaker, verb[0] if verb else None)

    def subject_of_quote(self, index: int, toks: list[_Tok],
                         q: Quote) -> tuple[list[_Tok] | None, list[_Tok]]:
        """A quotation with no reporting verb: the subject of its clause
        (Trump "recognised…"), or, for a quotation standing alone as a sentence, the
        speaker of the sentence before."""
        lead = [t for t in toks if t.end <= q.start]
        if not [t for t in lead if t.word]:
            return self.previous_speaker(index)
        c = _clause_start(toks, self.text)
        clause = [t for t in toks[c:] if t.end <= q.start]
        np = _np_after(clause, 0)
        rest = clause[len(np):]
        if np and len(rest) <= 3 and all(t.word for t in rest) \
                and _plausible_speaker(np, c == 0):
            return np, []
        return None, []

    def previous_speaker(self, index: int) -> tuple[list[_Tok] | None, list[_Tok]]:
        if index == 0:
            return None, []
        if index - 1 in self.sentence_speaker:
            speaker, verb = self.sentence_speaker[index - 1]
            return speaker, [verb] if verb else []
        prev = self.article.sentences[index - 1]
        a = self.article.text_offset(prev.start)
        toks = _tokens(self.text, a, a + len(prev.text))
        c = _clause_start(toks, self.text)
        np = _np_after(toks, c)
        if not np or not _plausible_speaker(np, c == 0):
            return None, []
        verbs = [k for k, t in enumerate(toks) if t.low in _VERB_FORMS]
        return np, [toks[verbs[0]]] if verbs else []

    def reported(self, index: int, a: int, b: int, toks: list[_Tok], v: int,
                 kind: str) -> None:
        end = b
        while end > a and (self.text[end - 1] in _TRAILING or self.text[end - 1].isspace()):
            end -= 1
        if kind == "according":
            self.according(index, a, end, toks, v)
            return
        speaker = self.speaker_of(toks, v, index)
        if not speaker:
            return
        verb = self.verb_tokens(toks, v)
        inverted = speaker[0].start > toks[v].start
        after_speaker = speaker[-1].end if inverted else verb[-1].end
        following = [t for t in toks if t.start >= after_speaker and t.end <= end]
        # Trailing attribution: "The town fell, the LNA said (on Tuesday)."
        lead_end = (speaker[0] if not inverted else toks[v]).start
        before_lead = [t for t in toks if t.end <= lead_end]
        if before_lead and before_lead[-1].text == "," and self.only_adjuncts(following, kind):
            clause_end = before_lead[-1].start
            while clause_end > a and self.text[clause_end - 1] in _CLOSERS + " ":
                clause_end -= 1
            if not self.in_quote(clause_end - 1) and clause_end > a:
                start = a
                while start < clause_end and (self.text[start] in _OPENERS + " "):
                    start += 1
                self.add(start, clause_end, speaker, verb, index)
            return
        if inverted:
            return
        content = self.content(toks, following, kind)
        if content is None:
            return
        start = content
        if start >= end or self.text[start] in _OPENERS + ":" or self.in_quote(start):
            return
        self.add(start, end, speaker, verb, index)

    @staticmethod
    def only_adjuncts(following: list[_Tok], kind: str) -> bool:
        """What follows the verb is only time or place ("on Tuesday", "in a statement")."""
        if not following:
            return True
        if len(following) > 7 or any(t.low == "that" for t in following):
            return False
        if kind == "addressee":
            return all(t.word for t in following)
        return following[0].low in _TIME_WORDS and all(t.word for t in following)

    def content(self, toks: list[_Tok], following: list[_Tok], kind: str) -> int | None:
        """Where the reported words start after the verb, or None if nothing is reported."""
        if not following:
            return None
        if following[0].text in ",:" + _OPENERS:
            return None
        for k, t in enumerate(following[:8]):
            if not t.word:
                break
            if t.low == "that" and not _determiner_that(following, k):
                return following[k + 1].start if k + 1 < len(following) else None
        if kind == "that":
            return None
        if kind == "object" and following[0].low in _FUNCTION:
            return None  # "slammed into a wall": a movement, not a judgement of someone
        if kind == "addressee":
            np = _np_after(following, 0)
            rest = following[len(np):]
            while rest and rest[0].low in _TIME_WORDS:
                rest = rest[1:]
            return rest[0].start if rest and rest[0].word else None
        return following[0].start

    def according(self, index: int, a: int, end: int, toks: list[_Tok], v: int) -> None:
        """"according to X, …" and "…, according to X"."""
        speaker = _np_after(toks, v + 2)
        if not speaker:
            return
        verb = toks[v : v + 2]
        after = [t for t in toks if t.start >= speaker[-1].end and t.end <= end]
        before = [t for t in toks if t.end <= toks[v].start]
        if not [t for t in before if t.word] or _clause_start(toks, self.text) == v:
            if after and after[0].text == ",":
                self.add(after[1].start if len(after) > 1 else end, end, speaker, verb, index)
            return
        clause_end = toks[v].start
        while clause_end > a and self.text[clause_end - 1] in ", ":
            clause_end -= 1
        start = a
        while start < clause_end and self.text[start] in _OPENERS + " ":
            start += 1
        if clause_end > start and not self.in_quote(clause_end - 1):
            self.add(start, clause_end, speaker, verb, index)

    def add(self, start: int, end: int, speaker: list[_Tok], verb: list[_Tok],
            index: int) -> None:
        for pattern in (_DATELINE, _LEADING_TIME):
            m = pattern.match(self.text, start, end)
            if m:
                start = m.end()
        if end <= start:
            return
        inner = self.text[start:end]
        if end < len(self.text) and self.text[end] in _CLOSERS and (
                inner.count("“") > inner.count("”") or inner.count('"') % 2
                or inner.count("‘") > inner.count("’")):
            end += 1  # the reported clause ends with a quotation: keep its closing mark
        self.found.append(self.make(start, end, "reported", speaker, verb, index))
        self.clauses.append((start, end, speaker, verb))
        self.sentence_speaker[index] = (speaker, verb[0] if verb else None)


def _determiner_that(toks: list[_Tok], k: int) -> bool:
    """"that meeting", "that day": "that" before a plain noun is a determiner."""
    if k + 1 >= len(toks) or not toks[k + 1].word:
        return False
    if k > 0 and toks[k - 1].low in _FUNCTION - {"that", "so"}:
        return True  # "after that meeting"
    nxt = toks[k + 1]
    if nxt.text[0].isupper() or nxt.low in _PRONOUNS or nxt.low in _DETERMINERS:
        return False
    return _lemmas(nxt.low) == {"NOUN"}


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def find_speech(doc: Article | str) -> list[Speech]:
    """Every direct quotation and reported clause in the body, in order, with speakers.

    Direct speech is a quotation classed as speech by ``find_quotes`` (not a scare quote
    or a quoted name); reported speech is the clause a speech verb introduces ("said
    (that) …", "accused Y of …", "called Y a …", "according to X, …").
    """
    return list(memo(as_article(doc), "speech", lambda a: tuple(_Finder(a).run())))
