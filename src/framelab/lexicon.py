"""Lexicons: plain CSV word lists where every entry says its category and why it is there.

Three kinds ship in ``datasets/lexicons/`` (see the datasheet, ``datasets/README.md``):

- ``loaded_language.csv``  term, category, note — candidate loaded words and phrases;
- ``stance_markers.csv``   term, category, note — hedges, boosters, reporting verbs, person;
- ``actor_labels.csv``     actor, label, stance, note — how texts name the actors.

A student's own lexicon uses the same columns. ``load_lexicon`` checks every row and
reports every problem with its line number, so a malformed file never half-loads.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import lemminflect

from framelab.data import datasets_dir
from framelab.errors import FramelabError

LOADED_CATEGORIES: dict[str, str] = {
    "name_calling": "Name-calling and labels that brand a person or group (thug, ragtag, puppet).",
    "charged_imagery": "Emotionally charged or violent imagery and fear appeals "
    "(blood soaked, carnage, flood of).",
    "derision": "Derision, ridicule, theatre and game metaphors (charade, farce, circus).",
    "exaggeration": "Exaggeration, hyperbole, intensifiers and minimisation "
    "(catastrophic, utterly, a mere).",
    "judgement": "The writer's own evaluative judgement, negative or positive "
    "(disastrous, grotesque, brilliant).",
    "delegitimising": "Labels that deny legitimacy or cast doubt (so called, self styled, regime).",
    "legitimising": "Glorifying and flag-waving labels (liberation, heroic, martyrs).",
    "irony": "Irony and sarcasm cues (how inconsiderate, so much for, funny how).",
}
"""Loaded-language categories, modelled on the propaganda techniques of Da San Martino et al.
(2019): Name_Calling/Labeling, Loaded_Language, Exaggeration/Minimisation, Doubt,
Flag-Waving, Appeal_to_fear; derision and irony added for opinion writing."""

STANCE_CATEGORIES: dict[str, str] = {
    "hedge": "Softens a claim: the writer does not fully commit (may, reportedly, appears).",
    "booster": "Hardens a claim: the writer signals certainty (clearly, undoubtedly, in fact).",
    "reporting_neutral": "Reports speech without judging it (said, told, according to).",
    "reporting_loaded": "Reports speech while judging it (claimed, admitted, insisted).",
    "first_person": "The writer or their group speaks (I, we, our).",
    "second_person": "The writer addresses the reader (you, your).",
}
"""Epistemic stance categories after Hyland (2005) and Biber (2006), plus reporting verbs."""

ACTOR_STANCES = {"neutral", "evaluative"}

LEXICON_COLUMNS = ("term", "category", "note")
ACTOR_COLUMNS = ("actor", "label", "stance", "note")


class LexiconError(FramelabError):
    """A lexicon CSV is missing, malformed or has invalid rows; nothing was loaded."""


@dataclass(frozen=True)
class LexiconEntry:
    """One term, its category, and the reason it is listed."""

    term: str
    category: str
    note: str


@dataclass(frozen=True)
class ActorLabel:
    """One way of naming an actor, marked neutral or evaluative, with the reason."""

    actor: str
    label: str
    stance: str
    note: str


def normalise_term(term: str) -> str:
    """Lowercase, straight apostrophes, hyphens and runs of white space as single spaces."""
    term = term.replace("’", "'").replace("‘", "'").lower()
    return " ".join(term.replace("-", " ").split())


def lexicon_path(name: str) -> Path:
    """A shipped lexicon by name: "loaded_language", "stance_markers" or "actor_labels"."""
    return datasets_dir() / "lexicons" / f"{name}.csv"


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise LexiconError("no such lexicon file.", "Check the path and the file name.", path)
    if path.is_dir():
        raise LexiconError("this is a folder, not a CSV file.", "Name the .csv file.", path)
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise LexiconError(
            "this is not a text CSV file (it holds binary data).",
            "Export the spreadsheet as 'CSV UTF-8', then load that file.",
            path,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        header = ",".join(columns)
        raise LexiconError("the lexicon file is empty.", f"Start it with the line: {header}", path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        raise LexiconError(
            f"the header line is {','.join(header)!r}; it lacks the column(s) {missing}.",
            f"The first line must name the columns: {','.join(columns)}",
            path,
        )
    reader.fieldnames = header
    rows = []
    for row in reader:
        values = {c: (row.get(c) or "").strip() for c in columns}
        if any(values.values()):
            rows.append((reader.line_num, values))
    return rows


def _check(problems: list[str], path: Path) -> None:
    if problems:
        shown = "\n  ".join(problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise LexiconError(
            f"{len(problems)} problem(s) in the lexicon:\n  {shown}{more}",
            "Fix these lines (a spreadsheet or text editor will do) and load it again.",
            path,
        )


def load_lexicon(
    path: str | Path, categories: Iterable[str] | None = None, any_category: bool = False,
) -> tuple[LexiconEntry, ...]:
    """Read a term,category,note CSV; every row needs all three, terms may not repeat.

    ``categories`` limits the allowed categories (default: the loaded-language and stance
    categories); ``any_category=True`` accepts a student's own new categories too. Terms
    are normalised with ``normalise_term``.
    """
    path = Path(path).expanduser()
    allowed = set(categories) if categories is not None else (
        set(LOADED_CATEGORIES) | set(STANCE_CATEGORIES))
    problems: list[str] = []
    entries: list[LexiconEntry] = []
    seen: dict[str, int] = {}
    for line, row in _read_rows(path, LEXICON_COLUMNS):
        term = normalise_term(row["term"])
        if not term:
            problems.append(f"line {line}: the term is empty")
            continue
        if not row["category"] or (row["category"] not in allowed and not any_category):
            problems.append(
                f"line {line}: {term!r} has category {row['category']!r}; "
                f"use one of {', '.join(sorted(allowed))}"
            )
        if not row["note"]:
            problems.append(f"line {line}: {term!r} has no note saying why it is listed")
        if term in seen:
            problems.append(f"line {line}: {term!r} is listed already on line {seen[term]}")
        seen.setdefault(term, line)
        entries.append(LexiconEntry(term, row["category"], row["note"]))
    _check(problems, path)
    if not entries:
        raise LexiconError("the lexicon has a header but no entries.", "Add rows below it.", path)
    return tuple(entries)


def load_actor_labels(path: str | Path | None = None) -> tuple[ActorLabel, ...]:
    """Read an actor,label,stance,note CSV (default: the shipped ``actor_labels.csv``)."""
    path = Path(path).expanduser() if path is not None else lexicon_path("actor_labels")
    problems: list[str] = []
    labels: list[ActorLabel] = []
    seen: set[tuple[str, str]] = set()
    for line, row in _read_rows(path, ACTOR_COLUMNS):
        actor, label = row["actor"].lower(), normalise_term(row["label"])
        if not actor or not label:
            problems.append(f"line {line}: actor and label are both needed")
            continue
        if row["stance"] not in ACTOR_STANCES:
            problems.append(f"line {line}: stance {row['stance']!r} must be neutral or evaluative")
        if not row["note"]:
            problems.append(f"line {line}: {label!r} has no note saying why")
        if (actor, label) in seen:
            problems.append(f"line {line}: {label!r} is listed twice for {actor!r}")
        seen.add((actor, label))
        labels.append(ActorLabel(actor, label, row["stance"], row["note"]))
    _check(problems, path)
    return tuple(labels)


def loaded_language() -> tuple[LexiconEntry, ...]:
    """The kit's loaded-language lexicon."""
    return load_lexicon(lexicon_path("loaded_language"), LOADED_CATEGORIES)


def stance_markers() -> tuple[LexiconEntry, ...]:
    """The kit's hedges, boosters, reporting verbs and person markers."""
    return load_lexicon(lexicon_path("stance_markers"), STANCE_CATEGORIES)


# --------------------------------------------------------------------------- matching

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""A word: letters and digits with inner apostrophes ("Haftar’s"); hyphens split words."""
_JOIN = re.compile(r"[\s\-‐‑–]*")
_ADJECTIVAL = {"judgement", "exaggeration", "irony"}
_NOT_INFLECTED = {"first_person", "second_person"}
_REPORTING = {"reporting_neutral", "reporting_loaded"}
_VERB_DOMINANT = {"say", "tell", "ask"}


@dataclass(frozen=True)
class Match:
    """A lexicon entry found in a text: ``text[start:end]`` is what matched."""

    start: int
    end: int
    text: str
    entry: LexiconEntry


Token = tuple[int, int, str]
"""A word as the matcher sees it: start, end, and its form (lower case, straight
apostrophes)."""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with their offsets: letters and digits, hyphens split."""
    end = len(text) if end is None else end
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer (İ)
        return [(m.start(), m.end(), _form(m.group())) for m in WORD.finditer(text, start, end)]
    if "’" in lowered:
        lowered = lowered.replace("’", "'")
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(lowered, start, end)]


def _form(word: str) -> str:
    return word.lower().replace("’", "'")


def _acronym(text: str, start: int, end: int) -> bool:
    """Two or three capitals (US, UN, LNA): an acronym, not the word it spells."""
    return 1 < end - start <= 3 and text[start:end].isupper()


def _without_possessive(form: str) -> str:
    return form[:-2] if form.endswith("'s") and len(form) > 3 else form


@lru_cache(maxsize=65536)
def word_forms(word: str, category: str = "") -> frozenset[str]:
    """The inflected forms a lexicon word matches: plurals, verb forms, comparatives.

    Words judged as adjectives (judgement, exaggeration, irony) keep their adjective
    forms only, so "utter" does not match "uttered"; reporting verbs that are also nouns
    match only as verbs ("stated", not "the state"); pronouns, auxiliaries and entries
    already inflected ("said") match as written.
    """
    forms = {word}
    if len(word) <= 2 or category in _NOT_INFLECTED or not word.isalpha():
        return frozenset(forms)
    lemmas = lemminflect.getAllLemmas(word)
    if "AUX" in lemmas or (lemmas and all(word not in ls for ls in lemmas.values())):
        return frozenset(forms)
    inflections = lemminflect.getAllInflections(word)
    if not inflections:
        inflections = lemminflect.getAllInflectionsOOV(word, "NOUN")
    if category in _REPORTING and "NOUN" in lemmas and word not in _VERB_DOMINANT:
        nouns = {f for tag, tagged in inflections.items() if tag.startswith("NN") for f in tagged}
        verbs = {f for tag, tagged in inflections.items() if tag.startswith("VB") for f in tagged}
        return frozenset(verbs - nouns)
    verbs_too = not (category in _ADJECTIVAL and ({"ADJ", "ADV"} & set(lemmas)))
    for tag, tagged in inflections.items():
        if verbs_too or not tag.startswith("VB"):
            forms.update(tagged)
    return frozenset(forms)


class Matcher:
    """Finds lexicon entries in text: whole words, any case, inflected, hyphen or space.

    Multiword entries match across hyphens and line breaks ("blood-soaked" for
    "blood soaked"); the longest entry wins where two overlap.
    """

    def __init__(self, entries: Iterable[LexiconEntry], match_acronyms: bool = False) -> None:
        """``match_acronyms=False``: "US" or "MAY" in capitals never match the words "us" or
        "may"; names lexicons (actor labels: "LNA", "UN-backed") set it to True."""
        self.match_acronyms = match_acronyms
        self._entries: dict[str, LexiconEntry] = {}
        self._table: dict[tuple[str, ...], LexiconEntry] = {}
        self._candidates: dict[tuple[str, ...], list[tuple[int, int, LexiconEntry]]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._order = 0
        for entry in entries:
            self.add(entry)

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """The entries, in the order they were added."""
        return tuple(self._entries.values())

    def __contains__(self, term: object) -> bool:
        return term in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def _keys(entry: LexiconEntry) -> list[tuple[int, tuple[str, ...]]]:
        """(priority, key) pairs: the entry as written first (0), then its inflections (1)."""
        words = entry.term.split()
        keys = []
        if len(words) > 1 or words[0] in word_forms(words[0], entry.category):
            keys.append((0, tuple(words)))
        firsts = word_forms(words[0], entry.category)
        lasts = word_forms(words[-1], entry.category) if len(words) > 1 else {words[0]}
        for first in firsts:
            for last in lasts:
                key = (first, *words[1:-1], last) if len(words) > 1 else (first,)
                keys.append((1, key))
        return keys

    def add(self, entry: LexiconEntry) -> None:
        """Add an entry (replacing one with the same term), without rebuilding the rest."""
        self.remove(entry.term)
        self._entries[entry.term] = entry
        self._order += 1
        for priority, key in self._keys(entry):
            candidates = self._candidates.setdefault(key, [])
            candidates.append((priority, self._order, entry))
            candidates.sort(key=lambda c: (c[0], c[1]))
            self._table[key] = candidates[0][2]
            lengths = self._lengths.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))
                lengths.sort(reverse=True)

    def remove(self, term: str) -> None:
        """Remove the entry for ``term`` if there is one."""
        entry = self._entries.pop(term, None)
        if entry is None:
            return
        for _, key in self._keys(entry):
            candidates = [c for c in self._candidates.get(key, []) if c[2] is not entry]
            if candidates:
                self._candidates[key] = candidates
                self._table[key] = candidates[0][2]
            else:
                self._candidates.pop(key, None)
                self._table.pop(key, None)
                if not any(k[0] == key[0] and len(k) == len(key) for k in self._table):
                    lengths = self._lengths.get(key[0], [])
                    if len(key) in lengths:
                        lengths.remove(len(key))

    def find(self, text: str, start: int = 0, end: int | None = None,
             tokens: list[Token] | None = None) -> list[Match]:
        """Every match in ``text[start:end]``, in order, with offsets into ``text``.

        Pass ``tokens`` (from ``tokenize``) to reuse one tokenisation for several matchers.
        """
        if tokens is None:
            tokens = tokenize(text, start, end)
        lengths = self._lengths
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            form = tokens[i][2]
            if form not in lengths and (form[-2:] != "'s" or form[:-2] not in lengths):
                i += 1
                continue
            entry, length = self._match_at(text, tokens, i)
            if entry is None:
                i += 1
                continue
            a, b = tokens[i][0], tokens[i + length - 1][1]
            found.append(Match(a, b, text[a:b], entry))
            i += length
        return found

    def _match_at(
        self, text: str, tokens: list[Token], i: int
    ) -> tuple[LexiconEntry | None, int]:
        first = tokens[i][2]
        lengths = self._lengths.get(first) or self._lengths.get(_without_possessive(first), [])
        table = self._table
        for length in lengths:
            window = tokens[i : i + length]
            if len(window) < length:
                continue
            forms = tuple(t[2] for t in window)
            key = forms if forms in table else (*forms[:-1], _without_possessive(forms[-1]))
            if key in table and all(_JOIN.fullmatch(text[window[k][1] : window[k + 1][0]])
                                    for k in range(length - 1)) and (
                    self.match_acronyms or not any(_acronym(text, a, b) for a, b, _ in window)):
                return table[key], length
        return None, 0
