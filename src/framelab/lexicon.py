"""Lexicons: plain CSV word lists where every entry says its category and why it is there.

Three kinds ship in ``datasets/lexicons/`` (see the datasheet, ``datasets/README.md``):

- ``loaded_language.csv``  term, category, note — candidate loaded words and phrases;
- ``stance_markers.csv``   term, category, note — hedges, boosters, reporting verbs, person;
- ``actor_labels.csv``     actor, label, stance, note — how texts name the actors.

A student's own lexicon uses the same columns. ``load_lexicon`` checks every row and
reports every problem with its line number, so a malformed file never half-loads.

Context rules are data too: a term,category,note lexicon may add any of these optional
columns (empty means no rule), so an entry says when it does *not* count:

- ``not_before``  words or phrases, separated by ``|``, that cancel the entry when they
  come just before it: ``regime`` with ``sanctions|anti|pro`` ("sanctions regime",
  "anti-regime");
- ``not_after``   the same, just after it: ``supposed`` with ``to`` ("was supposed to");
  the last word of each is inflected, so ``loan`` covers "loans";
- ``pos``         the word classes whose forms count, of ``noun verb adj adv``:
  ``brave`` with ``adj`` matches "brave", "braver", not "braved the rain";
- ``hyphenated``  ``no``: not as part of a hyphenated compound ("anti-inflammatory");
- ``in_names``    ``yes``: counts even capitalised inside a name. By default a capitalised
  match that is not the first word of its sentence, or that is followed by another
  capitalised word, is part of a name and does not count (International Criminal Court,
  Martyrs' Square, Patriot missile); ``in_names=yes`` keeps "Gestapo tactics".

``fitted_to_seed.csv`` (same columns) holds entries that only make sense because of the
seed and the counter op-ed; lesson 02 loads it to show how a list fitted to its source
flatters itself: ``load_lexicon(lexicon_path("fitted_to_seed"))``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import lemminflect

from framelab.data import datasets_dir
from framelab.errors import FramelabError
from framelab.storage import read_small_text

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
RULE_COLUMNS = ("not_before", "not_after", "pos", "hyphenated", "in_names")
"""Optional columns of a term,category,note lexicon: when an entry does not count."""
ACTOR_COLUMNS = ("actor", "label", "stance", "note")
POS = {"noun": "NN", "verb": "VB", "adj": "JJ", "adv": "RB"}
"""Word classes a ``pos`` rule may name, and the Penn tag prefix of their forms."""


class LexiconError(FramelabError):
    """A lexicon CSV is missing, malformed or has invalid rows; nothing was loaded."""


@dataclass(frozen=True)
class LexiconEntry:
    """One term, its category, the reason it is listed, and when it does not count.

    The rules (see the module docstring) are empty by default: ``not_before`` and
    ``not_after`` hold normalised words or phrases, ``pos`` word classes from ``POS``.
    """

    term: str
    category: str
    note: str
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    hyphenated: bool = True
    in_names: bool = False


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


def to_csv(entries: Iterable[LexiconEntry]) -> str:
    """Entries as CSV text in the kit's format, rule columns included, so that saving a
    lexicon and loading it again keeps every rule ("regime" still spares "sanctions regime")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LEXICON_COLUMNS + RULE_COLUMNS)
    for e in entries:
        writer.writerow([e.term, e.category, e.note, "|".join(e.not_before),
                         "|".join(e.not_after), "|".join(e.pos),
                         "" if e.hyphenated else "no", "yes" if e.in_names else ""])
    return buffer.getvalue()


def lexicon_path(name: str) -> Path:
    """A shipped lexicon by name: "loaded_language", "stance_markers" or "actor_labels"."""
    return datasets_dir() / "lexicons" / f"{name}.csv"


def _read_rows(path: Path, columns: tuple[str, ...],
               optional: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    text = read_small_text(
        path, error=LexiconError, what="lexicon file",
        binary_advice="Export the spreadsheet as 'CSV UTF-8', then load that file.",
        empty_advice=f"Start it with the line: {','.join(columns)}")
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
            values.update({c: (row.get(c) or "").strip() for c in optional})
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
    for line, row in _read_rows(path, LEXICON_COLUMNS, RULE_COLUMNS):
        term = normalise_term(row["term"])
        if not term:
            problems.append(f"line {line}: the term is empty")
            continue
        rules = _rules(row, line, term, problems)
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
        entries.append(LexiconEntry(term, row["category"], row["note"], **rules))
    _check(problems, path)
    if not entries:
        raise LexiconError("the lexicon has a header but no entries.", "Add rows below it.", path)
    return tuple(entries)


_YES_NO = {"": None, "yes": True, "no": False}


def _rules(row: dict[str, str], line: int, term: str, problems: list[str]) -> dict[str, Any]:
    """The optional rule columns of one row, checked; problems are appended with the line."""
    rules: dict[str, Any] = {}
    for column in ("not_before", "not_after"):
        value = row.get(column, "")
        if not value:
            continue
        phrases = tuple(normalise_term(p) for p in value.split("|"))
        bad = [p for p in phrases if not p or not WORD.fullmatch(p.replace(" ", "a"))]
        if bad or any(not p for p in phrases):
            problems.append(
                f"line {line}: {term!r} has {column} {value!r}; give words or phrases "
                "separated by |, e.g. sanctions|anti")
            continue
        rules[column] = phrases
    pos = row.get("pos", "")
    if pos:
        classes = tuple(p for p in re.split(r"[|\s,]+", pos.lower()) if p)
        unknown = [p for p in classes if p not in POS]
        if unknown:
            problems.append(f"line {line}: {term!r} has pos {pos!r}; use one or more of "
                            f"{', '.join(POS)} separated by |")
        else:
            rules["pos"] = classes
    for column, default in (("hyphenated", True), ("in_names", False)):
        value = row.get(column, "").lower()
        if value not in _YES_NO:
            problems.append(f"line {line}: {term!r} has {column} {row[column]!r}; "
                            "use yes, no, or leave it empty")
        elif _YES_NO[value] is not None and _YES_NO[value] != default:
            rules[column] = _YES_NO[value]
    return rules


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
def word_forms(word: str, category: str = "", pos: tuple[str, ...] = ()) -> frozenset[str]:
    """The inflected forms a lexicon word matches: plurals, verb forms, comparatives.

    Words judged as adjectives (judgement, exaggeration, irony) keep their adjective
    forms only, so "utter" does not match "uttered"; reporting verbs that are also nouns
    match only as verbs ("stated", not "the state"); pronouns, auxiliaries and entries
    already inflected ("said") match as written. ``pos`` (word classes from ``POS``)
    keeps the forms of those classes only: "brave" as ``adj`` is not "braved".
    """
    forms = {word}
    if pos and word.isalpha():
        tags = tuple(POS[p] for p in pos)
        inflections = lemminflect.getAllInflections(word)
        chosen = {f for tag, tagged in inflections.items() if tag.startswith(tags)
                  for f in tagged}
        if not inflections:
            upos = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}
            for p in pos:
                chosen.update(f for fs in lemminflect.getAllInflectionsOOV(word, upos[p]).values()
                              for f in fs)
        return frozenset(chosen | forms)
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

    def __init__(self, entries: Iterable[LexiconEntry], match_acronyms: bool = False,
                 skip_names: bool | None = None) -> None:
        """``match_acronyms=False``: "US" or "MAY" in capitals never match the words "us" or
        "may"; names lexicons (actor labels: "LNA", "UN-backed") set it to True.
        ``skip_names`` (default: the opposite of ``match_acronyms``): a match that is part
        of a capitalised name (see ``in_name``) does not count unless its entry says
        ``in_names``."""
        self.match_acronyms = match_acronyms
        self.skip_names = not match_acronyms if skip_names is None else skip_names
        self._entries: dict[str, LexiconEntry] = {}
        self._context: dict[str, tuple[list[tuple[frozenset[str], ...]],
                                       list[tuple[frozenset[str], ...]]]] = {}
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
        if len(words) > 1 or words[0] in word_forms(words[0], entry.category, entry.pos):
            keys.append((0, tuple(words)))
        firsts = word_forms(words[0], entry.category, entry.pos)
        lasts = word_forms(words[-1], entry.category, entry.pos) if len(words) > 1 \
            else {words[0]}
        for first in firsts:
            for last in lasts:
                key = (first, *words[1:-1], last) if len(words) > 1 else (first,)
                keys.append((1, key))
        return keys

    def add(self, entry: LexiconEntry) -> None:
        """Add an entry (replacing one with the same term), without rebuilding the rest."""
        self.remove(entry.term)
        self._entries[entry.term] = entry
        if entry.not_before or entry.not_after:
            self._context[entry.term] = (
                [_context_forms(p) for p in entry.not_before],
                [_context_forms(p) for p in entry.not_after])
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
        self._context.pop(term, None)
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
        forms = [t[2] for t in tokens]
        found: list[Match] = []
        i = 0
        n = len(tokens)
        while i < n:
            form = forms[i]
            if form not in lengths and (form[-2:] != "'s" or form[:-2] not in lengths):
                i += 1
                continue
            entry, length = self._match_at(text, tokens, forms, i)
            if entry is None:
                i += 1
                continue
            a, b = tokens[i][0], tokens[i + length - 1][1]
            found.append(Match(a, b, text[a:b], entry))
            i += length
        return found

    def _match_at(
        self, text: str, tokens: list[Token], forms: list[str], i: int
    ) -> tuple[LexiconEntry | None, int]:
        first = forms[i]
        lengths = self._lengths.get(first) or self._lengths.get(_without_possessive(first), [])
        table = self._table
        for length in lengths:
            if i + length > len(tokens):
                continue
            key = tuple(forms[i : i + length])
            if key not in table:
                key = (*key[:-1], _without_possessive(key[-1]))
                if key not in table:
                    continue
            if length > 1 and not all(_JOIN.fullmatch(text[tokens[k][1] : tokens[k + 1][0]])
                                      for k in range(i, i + length - 1)):
                continue
            if not self.match_acronyms and any(
                    _acronym(text, a, b) for a, b, _ in tokens[i : i + length]):
                continue
            if self._counts(table[key], text, tokens, i, length):
                return table[key], length
        return None, 0

    def _counts(self, entry: LexiconEntry, text: str, tokens: list[Token], i: int,
                length: int) -> bool:
        """Does the entry's context allow this match? (its rules, and names)."""
        a, b = tokens[i][0], tokens[i + length - 1][1]
        if not entry.hyphenated and (
                (a > 1 and text[a - 1] in _HYPHENS and text[a - 2].isalnum())
                or (b + 1 < len(text) and text[b] in _HYPHENS and text[b + 1].isalnum())):
            return False
        if self.skip_names and not entry.in_names and in_name(text, a, b):
            return False
        context = self._context.get(entry.term)
        if context is None:
            return True
        before, after = context
        for phrase in before:
            n = len(phrase)
            if i >= n and _joined(text, tokens, i - n, i) and all(
                    tokens[i - n + k][2] in phrase[k] for k in range(n)):
                return False
        j = i + length
        for phrase in after:
            n = len(phrase)
            if j + n <= len(tokens) and _joined(text, tokens, j - 1, j + n - 1) and all(
                    tokens[j + k][2] in phrase[k] for k in range(n)):
                return False
        return True


_HYPHENS = "-‐‑"
_OPENING = "\"“‘'([{"
_SENTENCE_END = ".!?:;—–\n"


def _context_forms(phrase: str) -> tuple[frozenset[str], ...]:
    """A context phrase as the forms each of its words may take (the last one inflected)."""
    words = phrase.split()
    forms = [frozenset({w, w + "'s"}) for w in words[:-1]]
    return (*forms, word_forms(words[-1]) | {words[-1] + "'s"})


def _joined(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """Are tokens first..last separated only by spaces or hyphens (one phrase)?"""
    return all(_JOIN.fullmatch(text[tokens[k][1] : tokens[k + 1][0]]) for k in range(first, last))


def in_name(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of a capitalised name rather than an ordinary word?

    It is when it starts with a capital (not written all in capitals) and either stands
    inside a sentence (not its first word) or the next word is capitalised too: "the
    International Criminal Court", "Martyrs' Square", "a Patriot missile", "United Nations
    officials". In a sentence written in title case, capitals say nothing, so no word is.
    """
    if not text[start : start + 1].isupper() or text[start:end].isupper():
        return False
    k = start - 1
    opened = False
    while k >= 0 and (text[k] in " \t" or text[k] in _OPENING):
        opened = opened or text[k] in _OPENING
        k -= 1
    initial = opened or k < 0 or text[k] in _SENTENCE_END
    if initial:
        nxt = _NEXT_WORD.match(text, end)
        if not nxt or not nxt.group(1)[0].isupper() or nxt.group(1).isupper():
            return False
    return not _title_case(text, start, end)


_NEXT_WORD = re.compile(r"['’]?s?['’]?[ \t\-‐‑]{1,2}([^\W\d_][\w'’]*)")
_LONG_WORD = re.compile(r"[^\W\d_]{3,}")


def _title_case(text: str, start: int, end: int) -> bool:
    """Is the sentence around ``text[start:end]`` written in title case (a headline)?"""
    a = max(text.rfind(c, max(0, start - 200), start) for c in ".!?\n")
    b = min((i for i in (text.find(c, end, end + 200) for c in ".!?\n") if i != -1),
            default=min(len(text), end + 200))
    words = _LONG_WORD.findall(text, a + 1, b)[1:]  # the first word is capitalised anyway
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.85 * len(words)
