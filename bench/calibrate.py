"""How the kit's writer's-voice flags agree with expert annotators who did not write the kit.

Reads BABE (``babe_sg2_dev.csv``, see ``../shared/calibration/README.md``): news sentences
that five trained annotators labelled Biased or Non-biased, with the words that carry the
bias. Each sentence is analysed as a text of its own, and the figures follow that README
exactly:

- word level: predicted words are the lower-cased word types inside the sentence's
  writer's-voice flags (``loaded.writer_flags``), gold words the lower-cased word types of
  ``biased_words``; true and false positives and misses are summed over all sentences.
- sentence level: a sentence counts as flagged when it has at least one writer's-voice
  flag, against ``label_bias == "Biased"``; precision, recall, F1 and accuracy.

Then the same per category and per signal (how precise each source of flags is), the
most frequent false positives and the most frequent misses. The file is read in place
and never copied; when it is absent the script says so in one line and exits 0.

Usage: ``python bench/calibrate.py [path/to/babe_sg2_dev.csv] [--top N]``; the path may
also come from ``$FRAMELAB_CALIBRATION``; the default is ``../shared/calibration/`` next to
the repository.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import framelab  # noqa: F401  (puts the kit's NLTK data in place)
from framelab import lexicon, loaded
from framelab.articles import parse_article

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "calibration" / \
    "babe_sg2_dev.csv"


@dataclass(frozen=True)
class Row:
    text: str
    biased: bool
    gold: frozenset[str]
    link: str = ""


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    flags: int = 0

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self) -> float:
        n = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / n if n else 0.0


@dataclass
class Results:
    words: Tally = field(default_factory=Tally)
    sentences: Tally = field(default_factory=Tally)
    by_group: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    false_positives: Counter = field(default_factory=Counter)
    misses: Counter = field(default_factory=Counter)
    fp_terms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    parts: dict[int, tuple[Tally, Tally]] = field(
        default_factory=lambda: defaultdict(lambda: (Tally(), Tally())))
    """Word and sentence tallies for each part of the file (see ``part``)."""


def word_types(text: str) -> set[str]:
    """Lower-cased word types as the kit splits words (letters and digits, hyphens split)."""
    return {w.lower().replace("’", "'") for w in lexicon.WORD.findall(text)}


def read_rows(path: Path) -> list[Row]:
    """The annotated sentences; "No agreement" rows count as not biased."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f, delimiter=";"):
            try:
                words = ast.literal_eval(record.get("biased_words") or "[]")
            except (ValueError, SyntaxError):
                words = []
            gold: set[str] = set()
            for w in words:
                gold |= word_types(str(w))
            rows.append(Row(record["text"], record["label_bias"] == "Biased", frozenset(gold),
                            record.get("news_link") or ""))
    return rows


def part(link: str) -> int:
    """The README's split: a link's sha1, as an integer, modulo 3 (1 or 2 in this file)."""
    return int(hashlib.sha1(link.encode("utf-8")).hexdigest(), 16) % 3


def evaluate(rows: Iterable[Row]) -> Results:
    """Analyse each sentence on its own and tally the README's measures."""
    res = Results()
    for row in rows:
        article = parse_article(row.text)
        flags = loaded.writer_flags(loaded.find_loaded(article))
        predicted: set[str] = set()
        groups: dict[str, set[str]] = defaultdict(set)
        for f in flags:
            words = word_types(f.text)
            predicted |= words
            for key in (f"category {f.category}", f"signal {f.signal}"):
                groups[key] |= words
                res.by_group[key].flags += 1
            for w in words - row.gold:
                res.fp_terms[w][f"{f.signal}:{f.term}"] += 1
        flagged = bool(flags)
        for words_, sentences in ((res.words, res.sentences), res.parts[part(row.link)]):
            tally(words_, sentences, predicted, flagged, row)
        res.false_positives.update(predicted - row.gold)
        res.misses.update(row.gold - predicted)
        for key, words in groups.items():
            res.by_group[key].tp += len(words & row.gold)
            res.by_group[key].fp += len(words - row.gold)
            res.by_group[f"{key} (sentences)"].tp += row.biased
            res.by_group[f"{key} (sentences)"].fp += not row.biased
    return res


def tally(words: Tally, sentences: Tally, predicted: set[str], flagged: bool, row: Row) -> None:
    """Add one sentence to the word-level and sentence-level counts."""
    words.tp += len(predicted & row.gold)
    words.fp += len(predicted - row.gold)
    words.fn += len(row.gold - predicted)
    sentences.tp += flagged and row.biased
    sentences.fp += flagged and not row.biased
    sentences.fn += (not flagged) and row.biased
    sentences.tn += (not flagged) and not row.biased


def report(res: Results, top: int, seconds: float, n: int) -> None:
    w, s = res.words, res.sentences
    print(f"calibration: {n} sentences (BABE SG2, dev split), {seconds:.1f} s")
    print(f"word-level precision {w.precision():.3f} recall {w.recall():.3f} F1 {w.f1():.3f} "
          f"(TP {w.tp}, FP {w.fp}, FN {w.fn})")
    print(f"sentence-level precision {s.precision():.3f} recall {s.recall():.3f} "
          f"F1 {s.f1():.3f} accuracy {s.accuracy():.3f} "
          f"(TP {s.tp}, FP {s.fp}, FN {s.fn}, TN {s.tn})")
    print()
    print("per category and signal: flags, word precision (TP/FP), share of flagged "
          "sentences that are Biased")
    for key in sorted(k for k in res.by_group if not k.endswith("(sentences)")):
        g, gs = res.by_group[key], res.by_group[f"{key} (sentences)"]
        print(f"  {key:<34} flags {g.flags:>5}  word P {g.precision():.2f} "
              f"({g.tp}/{g.fp})  sentence P {gs.precision():.2f} ({gs.tp}/{gs.fp})")
    print()
    print(f"top {top} false positives (word: count; the flags that produced it)")
    for word, count in res.false_positives.most_common(top):
        sources = ", ".join(f"{t} {c}" for t, c in res.fp_terms[word].most_common(3))
        print(f"  {word:<20} {count:>4}  {sources}")
    print()
    print(f"top {top} misses (gold words no writer's-voice flag covered)")
    line = "  " + ", ".join(f"{word} {count}" for word, count in res.misses.most_common(top))
    print(line)


def report_parts(res: Results) -> None:
    """The headline figures on each part of the file: do they hold on news the other part
    did not see? (Tuning on one part shows here as a gap between the two.)"""
    if len(res.parts) < 2:
        return
    print()
    print("by part of the file (news_link sha1 mod 3), to see whether the figures hold:")
    for key in sorted(res.parts):
        w, s = res.parts[key]
        print(f"  part {key}: {s.tp + s.fp + s.fn + s.tn} sentences  word P {w.precision():.3f} "
              f"R {w.recall():.3f} F1 {w.f1():.3f}  sentence P {s.precision():.3f} "
              f"R {s.recall():.3f} F1 {s.f1():.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=os.environ.get("FRAMELAB_CALIBRATION"))
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    path = Path(args.path) if args.path else DEFAULT
    if not path.is_file():
        print(f"calibration file absent ({path}): nothing to measure.")
        return 0
    rows = read_rows(path)
    t0 = time.perf_counter()
    res = evaluate(rows)
    report(res, args.top, time.perf_counter() - t0, len(rows))
    report_parts(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
