"""Facts as data: the facts a text could select, each with the cues that show it is there.

A fact list (``datasets/facts/libya-april-2019.yaml``, or a student's own YAML or CSV
file) gives each fact an id, a one-line statement, its date, the body that reported it
and its **cues**: phrases, names and numbers that show a text mentions it. A cue is
matched as whole words in any case ("16,000" never matches inside "116,000");
``postpon*`` matches any word that starts so; ``Trump + phone`` needs both parts in one
sentence. ``framelab.selection`` uses the cues to find which facts a text selects and where.
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from framelab.data import datasets_dir
from framelab.errors import FramelabError
from framelab.storage import read_small_text

FACT_COLUMNS = ("id", "statement", "date", "reported_by", "cues", "topic", "absent")
REQUIRED = ("id", "statement", "cues")
DEFAULT_LIST = "libya-april-2019"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_DASHES = "-‐‑–"
_DASH_CLASS = r"\-‐‑–"


class FactListError(FramelabError):
    """A fact list is missing, malformed or has invalid entries; nothing was loaded."""


@dataclass(frozen=True)
class Fact:
    """One fact a text could select: what it says, when, who reported it, and its cues."""

    id: str
    statement: str
    cues: tuple[str, ...]
    date: str = ""
    reported_by: str = ""
    topic: str = ""
    absent: str = ""
    line: int = 0

    def find(self, text: str, sentences: Sequence[tuple[int, int]],
             vocabulary: Collection[str] | None = None) -> list[CueHit]:
        """Every place in ``text`` where a cue matches, as ``CueHit`` s in order.

        ``sentences`` are (start, end) ranges of ``text``, in order: a cue with " + "
        needs all its parts inside one of them. Overlapping hits keep the longer one.
        ``vocabulary``, the text's words in lower case (``text_words(text)``), lets a
        search of many facts in one text skip the cues whose words are not there; a
        ``word_index(text)`` also says where each word starts, so a cue is tried only there.
        """
        if not sentences:
            return []
        vocabulary = text_words(text) if vocabulary is None else vocabulary
        index = vocabulary if isinstance(vocabulary, WordIndex) else None
        starts = [a for a, _ in sentences]
        hits: list[CueHit] = []
        for cue in self.cues:
            if not all(word in vocabulary for word in cue_words(cue)):
                continue
            hits.extend(CueHit(a, b, cue) for a, b in
                        _cue_spans(cue_patterns(cue), text, sentences, starts,
                                   _cue_starts(cue, index) if index is not None else None))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[CueHit] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                if hit.end - hit.start > kept[-1].end - kept[-1].start:
                    kept[-1] = hit
                continue
            kept.append(hit)
        return kept


@dataclass(frozen=True)
class CueHit:
    """A cue found in a text: ``text[start:end]`` is what matched."""

    start: int
    end: int
    cue: str


# --------------------------------------------------------------------------- cues


def _word_pattern(word: str) -> str:
    star = word.endswith("*")
    word = word.rstrip("*")
    out = []
    for ch in word:
        if ch in "'’":
            out.append("['’]")
        elif ch in _DASHES:
            out.append(rf"[{_DASH_CLASS}\s]")
        else:
            out.append(re.escape(ch))
    return "".join(out) + (r"\w*" if star else "")


@lru_cache(maxsize=4096)
def cue_patterns(cue: str) -> tuple[re.Pattern[str], ...]:
    """The compiled parts of a cue: one pattern per part between " + "."""
    patterns = []
    for part in cue.split(" + "):
        words = part.split()
        if not words:
            raise ValueError(f"cue {cue!r} has an empty part")
        body = rf"[\s{_DASH_CLASS}]+".join(_word_pattern(w) for w in words)
        patterns.append(re.compile(rf"{body}(?!\w)(?![.,]\d)", re.IGNORECASE))
    return tuple(patterns)


def part_spans(pattern: re.Pattern[str], text: str, start: int = 0,
               end: int | None = None) -> Iterator[tuple[int, int]]:
    """Where one part of a cue matches in ``text[start:end]``, starting a word: not after a
    letter or digit, nor after a digit and a comma ("16,000" not in "116,000"). The check
    runs in Python because a pattern that starts with a look-behind is searched three
    times slower."""
    end = len(text) if end is None else end
    pos = start
    while (m := pattern.search(text, pos, end)) is not None:
        a = m.start()
        before = text[a - 1] if a > 0 else " "
        if not (before.isalnum() or before == "_"
                or (before in ".," and a > 1 and text[a - 2].isdigit())):
            yield m.span()
            pos = max(m.end(), a + 1)
        else:
            pos = a + 1


_TEXT_WORD = re.compile(r"[^\W_]+")


def text_words(text: str) -> frozenset[str]:
    """The words of a text in lower case, as cues are split into words."""
    return frozenset(_TEXT_WORD.findall(text.lower()))


class WordIndex(dict):
    """The words of a text in lower case, each with the offsets where it starts: a
    vocabulary (as ``text_words``) that also tells a cue where it can begin."""

    def starting(self, prefix: str) -> list[int]:
        """Sorted offsets of the words that start with ``prefix`` (for "postpon*")."""
        cache = self.__dict__.setdefault("_prefixes", {})
        if prefix not in cache:
            keys = self.__dict__.get("_keys")
            if keys is None:
                keys = self.__dict__["_keys"] = sorted(self)
            i = bisect_left(keys, prefix)
            offsets: list[int] = []
            while i < len(keys) and keys[i].startswith(prefix):
                offsets.extend(self[keys[i]])
                i += 1
            cache[prefix] = sorted(offsets)
        return cache[prefix]


def word_index(text: str, start: int = 0, end: int | None = None) -> WordIndex | frozenset[str]:
    """The words of ``text[start:end]`` and where each starts (offsets into ``text``);
    the plain vocabulary when lower case would change the text's length (a rare letter)."""
    end = len(text) if end is None else end
    lowered = text.lower()
    if len(lowered) != len(text):
        return text_words(text[start:end])
    index = WordIndex()
    for m in _TEXT_WORD.finditer(lowered, start, end):
        index.setdefault(m.group(), []).append(m.start())
    return index


def _cue_starts(cue: str, index: WordIndex) -> list[list[int] | None]:
    """Per part of a cue, the sorted offsets where it can start (the offsets of its first
    word), or None when its first word does not start with a letter or digit."""
    found: list[list[int] | None] = []
    for part in cue.split(" + "):
        word = part.split()[0].lower()
        star = word.endswith("*")
        word = word.rstrip("*")
        run = _TEXT_WORD.match(word)
        if run is None:
            found.append(None)
        elif star and run.group() == word:
            found.append(index.starting(word))
        else:
            found.append(index.get(run.group(), []))
    return found


def _spans_at(pattern: re.Pattern[str], text: str, candidates: Sequence[int], start: int,
              end: int) -> Iterator[tuple[int, int]]:
    """``part_spans`` where the part can only start at ``candidates`` (sorted offsets):
    the same matches, tried at those offsets instead of searched for."""
    pos = start
    for a in candidates:
        if a < pos or a >= end:
            continue
        m = pattern.match(text, a, end)
        if m is None:
            continue
        before = text[a - 1] if a > 0 else " "
        if not (before.isalnum() or before == "_"
                or (before in ".," and a > 1 and text[a - 2].isdigit())):
            yield m.span()
            pos = max(m.end(), a + 1)


@lru_cache(maxsize=4096)
def cue_words(cue: str) -> tuple[str, ...]:
    """The whole words of a cue in lower case (not those ending in "*"): a text without
    one of them cannot match, which a set lookup tells far faster than the pattern."""
    words = []
    for word in cue.lower().split():
        if not word.endswith("*"):
            words.extend(_TEXT_WORD.findall(word))
    return tuple(words)


def _cue_spans(parts: Sequence[re.Pattern[str]], text: str,
               sentences: Sequence[tuple[int, int]], starts: Sequence[int],
               candidates: Sequence[Sequence[int] | None] | None = None,
               ) -> list[tuple[int, int]]:
    """Where a cue matches: each part searched once over all the sentences (or tried at
    its ``candidates``, see ``_cue_starts``), then the matches grouped by sentence (a
    multi-part cue needs every part in one sentence)."""
    first, last = sentences[0][0], sentences[-1][1]

    def sentence_of(a: int, b: int) -> int:
        i = bisect_right(starts, a) - 1
        return i if i >= 0 and b <= sentences[i][1] else -1

    def spans(k: int) -> Iterator[tuple[int, int]]:
        at = candidates[k] if candidates is not None else None
        if at is None:
            return part_spans(parts[k], text, first, last)
        return _spans_at(parts[k], text, at, first, last)

    if len(parts) == 1:
        return [span for span in spans(0) if sentence_of(*span) >= 0]
    per_sentence: list[dict[int, tuple[int, int]]] = []
    for k in range(len(parts)):
        found: dict[int, tuple[int, int]] = {}
        for span in spans(k):
            i = sentence_of(*span)
            if i >= 0:
                found.setdefault(i, span)
        if not found:
            return []
        per_sentence.append(found)
    shared = set(per_sentence[0]).intersection(*per_sentence[1:])
    return [(min(f[i][0] for f in per_sentence), max(f[i][1] for f in per_sentence))
            for i in sorted(shared)]


def check_cue(cue: str) -> str:
    """Why a cue is malformed ("" if it is fine): empty parts, a lone "*", no letters."""
    if not cue.strip():
        return "a cue is empty"
    for part in cue.split(" + "):
        if not part.strip():
            return f"cue {cue!r} has an empty part (write 'a + b', with text on both sides)"
        for word in part.split():
            if not word.rstrip("*") or "*" in word.rstrip("*"):
                return f"cue {cue!r}: '*' may only end a word, as in 'postpon*'"
    return ""


# --------------------------------------------------------------------------- loading


def facts_path(name: str = DEFAULT_LIST) -> Path:
    """A shipped fact list by name (default: the Tripoli offensive, April 2019)."""
    return datasets_dir() / "facts" / f"{name}.yaml"


def load_facts(path: str | Path | None = None) -> tuple[Fact, ...]:
    """Read a fact list from YAML or CSV (default: the kit's list for April 2019).

    Every entry needs an ``id``, a one-line ``statement`` and at least one cue; ``date``,
    ``reported_by``, ``topic`` and ``absent`` are optional. Every problem is reported with
    its line number in one ``FactListError``, so a malformed list never half-loads.
    """
    path = Path(path).expanduser() if path is not None else facts_path()
    text = _read_text(path)
    read = _csv_entries if path.suffix.lower() == ".csv" else _yaml_entries
    return _build(read(text, path), path)


def _read_text(path: Path) -> str:
    if path.is_file() and path.suffix.lower() not in {".yaml", ".yml", ".csv"}:
        kind = path.suffix or "a file without a suffix"
        raise FactListError(f"a fact list is a .yaml or .csv file, not {kind}.",
                            "Save your list as facts.yaml or facts.csv.", path)
    return read_small_text(
        path, error=FactListError, what="fact list",
        binary_advice="Save the list as plain text: YAML, or CSV from a spreadsheet.",
        empty_advice="Add facts: see datasets/facts/libya-april-2019.yaml for the format.")


def _yaml_entries(text: str, path: Path) -> list[tuple[int, Any]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise FactListError(f"{where}this is not valid YAML ({problem}).",
                            "Check the indentation and the quotes on that line.", path) from None
    items_node = node
    if isinstance(data, dict):
        if "facts" not in data:
            raise FactListError("line 1: the file has no 'facts:' list.",
                                "Put your facts in a list under a line 'facts:'.", path)
        items_node = next(v for k, v in node.value if k.value == "facts")
        data = data["facts"]
    if not isinstance(data, list):
        raise FactListError(f"line {items_node.start_mark.line + 1}: the facts are not a list.",
                            "Start each fact with '- id: ...'.", path)
    return [(item.start_mark.line + 1, value) for item, value in zip(items_node.value, data,
                                                                    strict=True)]


def _csv_entries(text: str, path: Path) -> list[tuple[int, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise FactListError(
            f"line 1: the header is {','.join(header)!r}; it lacks the column(s) {missing}.",
            f"The first line names the columns: {','.join(FACT_COLUMNS)} (cues separated by ';').",
            path)
    reader.fieldnames = header
    rows = []
    for row in reader:
        values = {k: (v or "").strip() for k, v in row.items() if k}
        if extra := row.get(None):
            values["_extra"] = extra
        if any(v for k, v in values.items() if k != "_extra"):
            values["cues"] = [c.strip() for c in values.get("cues", "").split(";") if c.strip()]
            rows.append((reader.line_num, values))
    return rows


def _build(raw: Iterable[tuple[int, Any]], path: Path) -> tuple[Fact, ...]:
    problems: list[str] = []
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for line, entry in raw:
        if not isinstance(entry, dict):
            problems.append(f"line {line}: a fact is a set of 'key: value' lines, not "
                            f"{type(entry).__name__}")
            continue
        if "_extra" in entry:
            problems.append(f"line {line}: more values than columns (put a statement with "
                            "commas in double quotes)")
        fid = str(entry.get("id") or "").strip()
        statement = " ".join(str(entry.get("statement") or "").split())
        cues = entry.get("cues") or []
        if isinstance(cues, str):
            cues = [cues]
        name = repr(fid) if fid else "a fact"
        if not fid:
            problems.append(f"line {line}: the fact has no id")
        elif not _ID.match(fid):
            problems.append(f"line {line}: id {fid!r} may hold only letters, digits, '-', '_' "
                            "and '.'")
        elif fid in seen:
            problems.append(f"line {line}: id {fid!r} is used already on line {seen[fid]}")
        seen.setdefault(fid, line)
        if not statement:
            problems.append(f"line {line}: {name} has no statement")
        if not isinstance(cues, list) or not cues:
            problems.append(f"line {line}: {name} has no cues (phrases that show a text "
                            "mentions it)")
            cues = []
        for cue in cues:
            why = check_cue(str(cue)) if isinstance(cue, (str, int, float)) else "a cue is a list"
            if why:
                problems.append(f"line {line}: {name}: {why}")
        facts.append(Fact(fid, statement, tuple(" ".join(str(c).split()) for c in cues),
                          str(entry.get("date") or ""), str(entry.get("reported_by") or ""),
                          str(entry.get("topic") or ""), " ".join(str(entry.get("absent") or "")
                                                             .split()), line))
    if problems:
        shown = "\n  ".join(problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise FactListError(f"{len(problems)} problem(s) in the fact list:\n  {shown}{more}",
                            "Fix these lines and load the list again.", path)
    if not facts:
        raise FactListError("the fact list has no facts.", "Add at least one fact.", path)
    return tuple(facts)


def by_topic(facts: Iterable[Fact], *topics: str) -> tuple[Fact, ...]:
    """The facts of the given topics ("casualties", "displacement"...), in list order."""
    return tuple(f for f in facts if f.topic in topics)


def facts_table(facts: Iterable[Fact]) -> pd.DataFrame:
    """The fact list as a table: id, topic, date, reported_by, statement, cues."""
    return pd.DataFrame([(f.id, f.topic, f.date, f.reported_by, f.statement, "; ".join(f.cues))
                         for f in facts],
                        columns=["id", "topic", "date", "reported_by", "statement", "cues"])
