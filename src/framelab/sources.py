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


def _entry_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w).replace("'", "['’]") for w in re.split(r"[\s\-‐‑–]+", name)]
    body = r"[\s\-‐‑–]+".join(words)
    flags = 0 if _is_acronym(name) else re.IGNORECASE
    return re.compile(rf"(?<![\w.]){body}(?!\w)", flags)


@lru_cache(maxsize=4)
def _patterns(entries: tuple[SpeakerEntry, ...]) -> tuple[tuple[re.Pattern[str], SpeakerEntry],
                                                          ...]:
    labels = lexicon.load_actor_labels()
    fallback = [SpeakerEntry(label.label, label.actor, ACTOR_SIDES[label.actor],
                             "institution" if label.actor in {"lna", "gna", "un", "france"}
                             else "person", f"actor label: {label.note}")
                for label in labels if label.actor in ACTOR_SIDES]
    known = {e.speaker.lower() for e in entries}
    listed = list(entries) + [e for e in fallback if e.speaker.lower() not in known]
    return tuple((_entry_pattern(e.speaker), e) for e in listed)


@lru_cache(maxsize=1)
def default_speakers() -> tuple[SpeakerEntry, ...]:
    """The kit's speaker list (loaded once)."""
    return load_speakers()


def names_in(text: str, speakers: Sequence[SpeakerEntry] | None = None,
             start: int = 0, end: int | None = None) -> list[tuple[int, int, SpeakerEntry]]:
    """Every listed speaker name in ``text[start:end]``: (start, end, entry), longest first
    where two overlap, in order."""
    entries = tuple(speakers) if speakers is not None else default_speakers()
    end = len(text) if end is None else end
    found = [(m.start(), m.end(), entry) for pattern, entry in _patterns(entries)
             for m in pattern.finditer(text, start, end)]
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
    for item in speech:
        entry, why = _resolve_item(article, item, entries, out, sentence_starts)
        if entry is not None:
            side, actor = entry.side, entry.actor
        elif item.speaker and _named(item.speaker):
            side, actor = "others", ""
            why = why or f"{item.speaker!r} is named but not in the speaker list"
        else:
            side, actor = "unnamed", ""
            why = why or ("no speaker named" if not item.speaker else
                          f"{item.speaker!r} names no one the reader can check")
        out.append(Source(**vars(item), actor=actor, side=side,
                          verb_stance=verb_stance(item.verb),
                          words=len(lexicon.WORD.findall(item.text)), why=why))
    return out


def _resolve_item(article: Article, item: Speech, entries: tuple[SpeakerEntry, ...],
                  earlier: Sequence[Source], sentence_starts: Sequence[int],
                  ) -> tuple[SpeakerEntry | None, str]:
    if not item.speaker:
        before = [s for s in earlier if s.kind == "direct" and s.side != "unnamed"
                  and item.sentence - 1 <= s.sentence <= item.sentence]
        if item.kind == "direct" and before:
            prev = before[-1]
            entry = _entry_for(prev, entries)
            return entry, (f"no speaker in the sentence; continues the quotation of "
                           f"{prev.speaker!r} just before")
        return None, ""
    low = item.speaker.lower()
    if low in _PRONOUNS:
        a = sentence_starts[max(item.sentence - _LOOK_BACK, 0)]
        b = article.text_offset(item.speaker_start)
        candidates = [(s, e, entry) for s, e, entry in names_in(article.text, entries, a, b)
                      if entry.kind in _PRONOUNS[low]]
        if candidates:
            s, e, entry = candidates[-1]
            return entry, (f"the pronoun {item.speaker!r} stands for {article.text[s:e]!r}, "
                           f"the nearest {entry.kind} named before it")
        return None, f"the pronoun {item.speaker!r} has no name before it to stand for"
    entry = resolve(item.speaker, entries)
    if entry is None:
        return None, ""
    return entry, f"{entry.speaker!r} → {entry.side}: {entry.note}"


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
