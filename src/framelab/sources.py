"""Who speaks: every quotation and reported clause, its speaker resolved to a side.

A text frames events through the voices it carries: whose words it quotes, whose it only
reports, whom it leaves unnamed ("according to reports"), and the verb it chooses for each
("said" or "claimed"). ``find_sources`` builds on ``framelab.speech.find_speech`` and
resolves each speaker with ``datasets/lexicons/speakers.csv`` (and, failing that, the actor
labels): "Ahmed al-Mismari" → LNA, "the interior ministry" → GNA, "Guterres" → UN.
``who_speaks`` counts quotations, reported clauses and words per side.
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import lemminflect
import pandas as pd

from framelab import lexicon
from framelab.articles import Article
from framelab.errors import FramelabError
from framelab.loaded import as_article
from framelab.speech import Speech, find_speech, reporting_matcher

SIDES = ("GNA", "LNA", "UN", "US", "France", "others", "unnamed")
"""The sides of the who-speaks table, in the order it lists them."""

KINDS = ("person", "institution", "anonymous")
SPEAKER_COLUMNS = ("speaker", "actor", "side", "kind", "note")

ACTOR_SIDES = {"haftar": "LNA", "lna": "LNA", "gna": "GNA", "sarraj": "GNA",
               "bashagha": "GNA", "un": "UN", "trump": "US", "france": "France"}
"""Sides of the actors in ``actor_labels.csv``, used when speakers.csv has no entry
("the renegade general said" → haftar → LNA). The militias label both sides, so it has none."""

_PRONOUNS = {"he": ("person",), "she": ("person",), "it": ("institution",),
             "they": ("institution", "person"), "we": ("institution", "person")}
_LOOK_BACK = 2
"""How many sentences back a pronoun ("he said") may find the one it stands for."""


class SpeakerListError(FramelabError):
    """A speakers CSV is missing or malformed; nothing was loaded."""


@dataclass(frozen=True)
class SpeakerEntry:
    """One way of naming a speaker: the name as written, the actor, the side, and why."""

    speaker: str
    actor: str
    side: str
    kind: str
    note: str


@dataclass(frozen=True)
class Source(Speech):
    """One quotation or reported clause (a ``Speech``), its speaker resolved where the lists
    allow.

    ``side`` is one of ``SIDES``; ``actor`` the listed actor ("" if none); ``verb_stance``
    is "neutral" or "loaded" (the stance lexicon's reporting verbs), "unlisted" for a verb
    the lexicon lacks, "" when there is no verb; ``words`` counts the words given to the
    speaker; ``why`` says how the speaker was resolved.
    """

    actor: str
    side: str
    verb_stance: str
    words: int
    why: str


# --------------------------------------------------------------------------- the list


def speakers_path() -> Path:
    """The kit's speaker list, ``datasets/lexicons/speakers.csv``."""
    return lexicon.lexicon_path("speakers")


def load_speakers(path: str | Path | None = None) -> tuple[SpeakerEntry, ...]:
    """Read a speaker,actor,side,kind,note CSV (default: the kit's ``speakers.csv``).

    Every row needs all five; ``side`` is one of ``SIDES``, ``kind`` one of person,
    institution, anonymous. Problems are reported with their line numbers.
    """
    path = Path(path).expanduser() if path is not None else speakers_path()
    if not path.is_file():
        raise SpeakerListError("no such speaker list.", "Check the path and the file name.",
                               path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpeakerListError("the file is not UTF-8 text.",
                               "Save it from your spreadsheet as 'CSV UTF-8'.", path) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if missing := [c for c in SPEAKER_COLUMNS if c not in header]:
        raise SpeakerListError(f"line 1: the header lacks the column(s) {missing}.",
                               f"The first line names the columns: {','.join(SPEAKER_COLUMNS)}",
                               path)
    reader.fieldnames = header
    problems, entries, seen = [], [], set()
    for row in reader:
        values = {c: (row.get(c) or "").strip() for c in SPEAKER_COLUMNS}
        line = reader.line_num
        if not any(values.values()):
            continue
        if not values["speaker"]:
            problems.append(f"line {line}: the speaker is empty")
        if values["side"] not in SIDES:
            problems.append(f"line {line}: side {values['side']!r} must be one of "
                            f"{', '.join(SIDES)}")
        if values["kind"] not in KINDS:
            problems.append(f"line {line}: kind {values['kind']!r} must be one of "
                            f"{', '.join(KINDS)}")
        if not values["note"]:
            problems.append(f"line {line}: {values['speaker']!r} has no note saying why")
        if values["speaker"].lower() in seen:
            problems.append(f"line {line}: {values['speaker']!r} is listed twice")
        seen.add(values["speaker"].lower())
        entries.append(SpeakerEntry(**values))
    if problems:
        raise SpeakerListError(f"{len(problems)} problem(s) in the speaker list:\n  "
                               + "\n  ".join(problems[:10]), "Fix these lines.", path)
    return tuple(entries)


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) <= 5 and letters.isupper()


_GAP = r"[\s\-‐‑–]+"


def _name_key(name: str) -> str:
    """How a listed name is looked up: lower case (acronyms as written), hyphens and
    runs of space as one space, curly apostrophes straight."""
    key = re.sub(_GAP, " ", name.strip()).replace("’", "'")
    return key if _is_acronym(name) else key.lower()


def _entry_body(name: str) -> str:
    words = [re.escape(w).replace("'", "['’]") for w in re.split(_GAP, name)]
    return _GAP.join(words)


@dataclass(frozen=True)
class _NameIndex:
    """All listed names as two patterns (names in any case; acronyms in capitals only),
    the longest alternative first, and the entry for each name's key."""

    names: re.Pattern[str]
    acronyms: re.Pattern[str] | None
    entries: dict[str, SpeakerEntry]

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int, SpeakerEntry]]:
        found = []
        for pattern in (self.names, self.acronyms):
            if pattern is None:
                continue
            for m in pattern.finditer(text, start, end):
                entry = self.entries.get(_name_key(m.group()))
                if entry is not None:
                    found.append((m.start(), m.end(), entry))
        return found


_INDEXES: dict[int, tuple[tuple[SpeakerEntry, ...], _NameIndex]] = {}


def _index(entries: tuple[SpeakerEntry, ...]) -> _NameIndex:
    """The name index of a speaker list, built once per list (the list kept alive with it)."""
    cached = _INDEXES.get(id(entries))
    if cached is not None and cached[0] is entries:
        return cached[1]
    labels = lexicon.load_actor_labels()
    fallback = [SpeakerEntry(label.label, label.actor, ACTOR_SIDES[label.actor],
                             "institution" if label.actor in {"lna", "gna", "un", "france"}
                             else "person", f"actor label: {label.note}")
                for label in labels if label.actor in ACTOR_SIDES]
    by_key: dict[str, SpeakerEntry] = {}
    for entry in [*entries, *fallback]:
        by_key.setdefault(_name_key(entry.speaker), entry)
    bodies = {False: [], True: []}
    for entry in by_key.values():
        bodies[_is_acronym(entry.speaker)].append(entry.speaker)

    def compile_(names: list[str], flags: int) -> re.Pattern[str] | None:
        if not names:
            return None
        alternatives = "|".join(_entry_body(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)", flags)

    index = _NameIndex(compile_(bodies[False], re.IGNORECASE), compile_(bodies[True], 0),
                       by_key)
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[id(entries)] = (entries, index)
    return index


@lru_cache(maxsize=1)
def default_speakers() -> tuple[SpeakerEntry, ...]:
    """The kit's speaker list (loaded once)."""
    return load_speakers()


def names_in(text: str, speakers: Sequence[SpeakerEntry] | None = None,
             start: int = 0, end: int | None = None) -> list[tuple[int, int, SpeakerEntry]]:
    """Every listed speaker name in ``text[start:end]``: (start, end, entry), longest first
    where two overlap, in order."""
    entries = speakers if isinstance(speakers, tuple) else (
        tuple(speakers) if speakers is not None else default_speakers())
    end = len(text) if end is None else end
    found = _index(entries).find(text, start, end)
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, SpeakerEntry]] = []
    for hit in found:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    return kept


def resolve(speaker: str, speakers: Sequence[SpeakerEntry] | None = None,
            ) -> SpeakerEntry | None:
    """The entry for a speaker as written: the longest listed name inside it, the last one
    on a tie ("former Italian Interior Minister Marco Minitti" → Minniti); a name beats an
    anonymous word ("US officials" → US)."""
    hits = names_in(speaker, speakers)
    if not hits:
        return None
    return max(enumerate(hits), key=lambda h: (h[1][2].kind != "anonymous",
                                               h[1][1] - h[1][0], h[0]))[1][2]


# --------------------------------------------------------------------------- sources


@lru_cache(maxsize=1)
def _reporting_terms() -> dict[str, str]:
    return {e.term: e.category for e in reporting_matcher().entries}


@lru_cache(maxsize=512)
def verb_stance(verb: str) -> str:
    """"neutral" or "loaded" for a reporting verb in any form ("accuses", "stressed"),
    "unlisted" if the stance lexicon lacks it, "" for no verb."""
    if not verb:
        return ""
    words = lexicon.normalise_term(verb).split()
    lemma = lemminflect.getLemma(words[0], upos="VERB")
    candidates = [" ".join(words), " ".join([lemma[0] if lemma else words[0], *words[1:]]),
                  words[0], lemma[0] if lemma else words[0]]
    terms = _reporting_terms()
    category = next((terms[c] for c in candidates if c in terms), "")
    if not category:
        return "unlisted"
    return "loaded" if category == "reporting_loaded" else "neutral"


def _named(speaker: str) -> bool:
    """A named but unlisted speaker ("John Smith said"): a capitalised word in the phrase's
    head, before any "in", "of", "from" (so "a politician in Tripoli" stays unnamed)."""
    head = re.split(r"\s+(?:in|of|from|at|for)\s+", speaker.strip(), maxsplit=1)[0]
    words = head.split()
    return any(w[:1].isupper() for w in words[1:]) or (
        len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in _PRONOUNS)


def find_sources(doc: Article | str, speakers: Sequence[SpeakerEntry] | None = None,
                 ) -> list[Source]:
    """Every quotation and reported clause in the body, its speaker resolved to a side.

    A pronoun speaker ("he said", "It said") stands for the nearest person (or
    institution) named in its sentence or the two before; a quotation with no speaker
    continues the quotation in the sentence just before, if that one has a speaker.
    """
    article = as_article(doc)
    entries = tuple(speakers) if speakers is not None else default_speakers()
    speech = find_speech(article)
    sentence_starts = [article.text_offset(s.start) for s in article.sentences]
    out: list[Source] = []
    resolved: list[tuple[int, int, SpeakerEntry]] = []
    for item in speech:
        entry, why = _resolve_item(article, item, entries, out, sentence_starts, resolved)
        if entry is not None:
            side, actor = entry.side, entry.actor
        elif item.speaker and _named(item.speaker):
            side, actor = "others", ""
            why = why or f"{item.speaker!r} is named but not in the speaker list"
        else:
            side, actor = "unnamed", ""
            why = why or ("no speaker named" if not item.speaker else
                          f"{item.speaker!r} names no one the reader can check")
        source = Source(**vars(item), actor=actor, side=side,
                        verb_stance=verb_stance(item.verb),
                        words=len(lexicon.WORD.findall(item.text)), why=why)
        out.append(source)
        if source.speaker and source.actor and source.speaker_start >= 0:
            at = article.text_offset(source.speaker_start)
            resolved.append((at, at + len(source.speaker), _entry_for(source, entries)))
    return out


def _resolve_item(article: Article, item: Speech, entries: tuple[SpeakerEntry, ...],
                  earlier: Sequence[Source], sentence_starts: Sequence[int],
                  resolved: Sequence[tuple[int, int, SpeakerEntry]],
                  ) -> tuple[SpeakerEntry | None, str]:
    """Resolve one speaker, trying each rule in turn; returns the entry and why.
    ``resolved`` holds the earlier speakers resolved to an actor, where they stand."""
    text = article.text
    window = min(sentence_starts[max(item.sentence - _LOOK_BACK, 0)],
                 _paragraph_start(article, sentence_starts[item.sentence]))
    own_sentence = sentence_starts[item.sentence]
    if not item.speaker:
        before = [s for s in earlier if s.kind == "direct" and s.side != "unnamed"
                  and item.sentence - 1 <= s.sentence <= item.sentence]
        if item.kind == "direct" and before:
            prev = before[-1]
            return _entry_for(prev, entries), (
                f"no speaker in the sentence; continues the quotation of {prev.speaker!r} "
                "just before")
        return None, ""
    speaker_at = text.find(item.speaker, article.text_offset(item.speaker_start) - 1)
    speaker_at = speaker_at if speaker_at >= 0 else article.text_offset(item.speaker_start)
    words = item.speaker.split()
    low = item.speaker.lower()
    if low in _PRONOUNS:
        return _antecedent(text, entries, window, own_sentence, speaker_at, _PRONOUNS[low],
                           f"the pronoun {item.speaker!r}", resolved, sentence_starts)
    if len(words) > 1 and words[0].lower() in _POSSESSIVES:
        return _antecedent(text, entries, window, own_sentence, speaker_at,
                           _POSSESSIVES[words[0].lower()], f"{words[0]!r} in {item.speaker!r}",
                           resolved, sentence_starts)
    head = _HEAD_CUT.split(item.speaker, maxsplit=1)[0]
    entry = resolve(head, entries)
    if entry is not None:
        return entry, f"{entry.speaker!r} → {entry.side}: {entry.note}"
    if words[0].lower() == "the" and len(words) > 1:
        noun = words[-1].lower()
        named = [(a, b, e) for a, b, e in names_in(text, entries, window, speaker_at)
                 if noun in e.speaker.lower().split()]
        if named:
            a, b, entry = named[-1]
            return entry, (f"{item.speaker!r} refers back to {text[a:b]!r}, the nearest name "
                           f"with '{noun}' in it")
    return None, ""


_POSSESSIVES = {"its": ("institution",), "his": ("person",), "her": ("person",),
                "their": ("institution", "person")}
_HEAD_CUT = re.compile(r",|\s+(?:who|which|that|[a-z]+ing)\s+")
"""Where a speaker's head ends: "G7 foreign ministers meeting in France" → "G7 foreign
ministers"; "Ahmed al-Mismari, the spokesman" → "Ahmed al-Mismari"."""


def _antecedent(text: str, entries: tuple[SpeakerEntry, ...], start: int, sentence: int,
                end: int, kinds: tuple[str, ...], what: str,
                earlier: Sequence[tuple[int, int, SpeakerEntry]] = (),
                sentence_starts: Sequence[int] = ()) -> tuple[SpeakerEntry | None, str]:
    """What a pronoun stands for: the first listed name of one of ``kinds`` in its own
    sentence before it ("X suspended ties with France, which it said…" → X); else the
    first one in the nearest sentence before that has one (the subject a pronoun most
    often continues). ``earlier`` adds speakers already resolved ("He said…") as names."""
    candidates = [(a, b, e) for a, b, e in names_in(text, entries, start, end) if e.kind in kinds]
    candidates += [c for c in earlier if start <= c[0] < end and c[2].kind in kinds]
    candidates.sort(key=lambda c: c[0])
    if not candidates:
        return None, f"{what} has no name before it to stand for"
    own = [c for c in candidates if c[0] >= sentence]
    if own:
        a, b, entry = own[0]
        return entry, (f"{what} stands for {text[a:b]!r}, the first {entry.kind} named in "
                       "its sentence")
    last = max(bisect_right(sentence_starts, c[0]) for c in candidates) if sentence_starts \
        else 0
    if sentence_starts:
        begins = sentence_starts[last - 1]
        first = re.match(r"\s*(\w+)\b", text[begins:begins + 20])
        if first and first[1].lower() in _PRONOUNS and set(_PRONOUNS[first[1].lower()]) & \
                set(kinds) and begins > start:
            return _antecedent(text, entries, start, begins, begins, kinds, what, earlier,
                               sentence_starts)
    a, b, entry = next(c for c in candidates
                       if not sentence_starts or bisect_right(sentence_starts, c[0]) == last)
    return entry, (f"{what} stands for {text[a:b]!r}, the first {entry.kind} named in the "
                   "nearest sentence before it that names one")


def _paragraph_start(article: Article, offset: int) -> int:
    starts = [article.text_offset(p.start) for p in article.paragraphs]
    return max((s for s in starts if s <= offset), default=offset)


def _entry_for(source: Source, entries: tuple[SpeakerEntry, ...]) -> SpeakerEntry:
    found = resolve(source.speaker, entries) if source.speaker else None
    if found is not None:
        return found
    return SpeakerEntry(source.speaker, source.actor, source.side, "person", source.why)


def sources_table(doc: Article | str, sources: Sequence[Source] | None = None) -> pd.DataFrame:
    """One row per quotation or reported clause: side, speaker, verb, stance, words, text."""
    sources = find_sources(doc) if sources is None else sources
    return pd.DataFrame(
        [(s.side, s.actor, s.speaker, s.kind, s.verb, s.verb_stance, s.words, s.text,
          s.start, s.end) for s in sources],
        columns=["side", "actor", "speaker", "kind", "verb", "verb_stance", "words", "text",
                 "start", "end"])


def who_speaks(docs: Article | str | Iterable[Article | str],
               sources: Sequence[Source] | None = None) -> pd.DataFrame:
    """Per side (GNA, LNA, UN, US, France, others, unnamed): direct quotations, reported
    clauses, the words given, the share of all words given, and who they are.

    Pass one text or several (a corpus: the counts are summed).
    """
    if sources is None:
        group = [docs] if isinstance(docs, (Article, str)) else list(docs)
        sources = [s for doc in group for s in find_sources(doc)]
    total = sum(s.words for s in sources) or 1
    rows = []
    for side in SIDES:
        mine = [s for s in sources if s.side == side]
        names = dict.fromkeys(s.actor or s.speaker or "(no speaker)" for s in mine)
        words = sum(s.words for s in mine)
        rows.append({"side": side, "direct": sum(s.kind == "direct" for s in mine),
                     "reported": sum(s.kind == "reported" for s in mine),
                     "words": words, "word_share": round(words / total, 3),
                     "loaded_verbs": sum(s.verb_stance == "loaded" for s in mine),
                     "speakers": ", ".join(names)})
    return pd.DataFrame(rows).set_index("side")


def sources_json(doc: Article | str) -> list[dict[str, Any]]:
    """Every source as a plain dict (the ``sources`` key of ``framelab analyze --json``)."""
    article = as_article(doc)
    return [{"start": s.start, "end": s.end, "text": article.source[s.start:s.end],
             "speaker": s.speaker, "speaker_start": s.speaker_start,
             "speaker_end": s.speaker_end, "side": s.side, "actor": s.actor, "verb": s.verb,
             "verb_stance": s.verb_stance, "kind": s.kind, "words": s.words}
            for s in find_sources(article)]
