"""The command line: ``framelab analyze`` and ``framelab compare`` (also ``python -m framelab``).

JSON output is a stable contract (see README): ``{"documents": [{"path", "title", "words",
"sentences", "loaded": [{"start", "end", "text", "category", "term", ...}], "profile":
{name: number}}]}`` where ``start``/``end`` index the file's decoded text. Folders are
analysed in parallel through any ``concurrent.futures`` executor.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from framelab import keyness, lexicon, loaded, measures, selection, sources
from framelab.articles import HTML_SUFFIXES, SIDE_FILE_SUFFIX, load_article
from framelab.errors import FramelabError

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown"} | HTML_SUFFIXES


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the article files inside any folder given (sorted, not recursive)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                p for p in sorted(path.iterdir())
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.endswith(SIDE_FILE_SUFFIX) and p.name.lower() != "readme.md"
            )
        else:
            files.append(path)
    return files


@lru_cache(maxsize=4)
def _matcher(lexicon_file: str | None, mtime: float) -> lexicon.Matcher:
    if lexicon_file is None:
        return loaded.default_matcher()
    return lexicon.Matcher(lexicon.load_lexicon(lexicon_file, any_category=True))


def analyze_file(path: str | Path, lexicon_file: str | None = None) -> dict[str, Any]:
    """One document in the JSON contract's shape; a bad file gives ``{"path", "error"}``."""
    try:
        article = load_article(path)
        mtime = os.stat(lexicon_file).st_mtime if lexicon_file else 0.0
        flags = loaded.find_loaded(article, _matcher(lexicon_file, mtime))
    except FramelabError as exc:
        return {"path": str(path), "error": str(exc)}
    return {
        "path": str(path),
        "title": article.title,
        "words": measures.word_count(article),
        "sentences": len(article.sentences),
        "loaded": [
            {"start": f.start, "end": f.end, "text": article.source[f.start : f.end],
             "category": f.category, "term": f.term, "signal": f.signal, "quoted": f.quoted,
             "negated": f.negated, "why": f.why}
            for f in flags
        ],
        "phrases": [
            {"start": p.start, "end": p.end, "text": p.text,
             "terms": [f.term for f in p.flags]}
            for p in loaded.loaded_phrases(article, flags)
        ],
        "profile": measures.profile(article, flags),
        "facts": selection.facts_json(article),
        "sources": sources.sources_json(article),
    }


def analyze_paths(
    paths: Iterable[str | Path], executor: Executor | None = None,
    lexicon_file: str | None = None,
) -> list[dict[str, Any]]:
    """Analyse files and folders, in order; in parallel through ``executor`` if given.

    Any ``concurrent.futures.Executor`` works: a process pool here, or a Dask or Ray
    cluster's executor for a corpus that outgrows one machine.
    """
    files = [str(p) for p in expand_paths(paths)]
    if executor is None:
        return [analyze_file(f, lexicon_file) for f in files]
    return list(executor.map(analyze_file, files, [lexicon_file] * len(files)))


def _default_executor(n_files: int, workers: int | None) -> Executor | None:
    workers = workers or min(os.cpu_count() or 1, n_files)
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 and n_files > 1 else None


def _analyze(args: argparse.Namespace) -> int:
    files = expand_paths(args.paths)
    if not files:
        print("framelab: no article files (.txt, .md, .html) found in "
              + ", ".join(args.paths), file=sys.stderr)
        return 2
    executor = _default_executor(len(files), args.workers)
    try:
        documents = analyze_paths(files, executor, args.lexicon)
    finally:
        if executor is not None:
            executor.shutdown()
    good = [d for d in documents if "error" not in d]
    errors = [d for d in documents if "error" in d]
    for error in errors:
        print(f"framelab: {error['error']}", file=sys.stderr)
    if args.format == "json":
        out: dict[str, Any] = {"documents": good}
        if errors:
            out["errors"] = errors
        print(json.dumps(out, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        print(_csv([{"path": d["path"], "title": d["title"], "words": d["words"],
                     "sentences": d["sentences"], "loaded": len(d["loaded"]), **d["profile"]}
                    for d in good]), end="")
    else:
        for d in good:
            _print_document(d)
    return 1 if errors else 0


def _print_document(d: dict[str, Any]) -> None:
    print(f"== {d['path']}: {d['title'] or '(untitled)'}")
    print(f"   {d['words']} words, {d['sentences']} sentences, {len(d['loaded'])} candidate "
          "loaded spans (candidates for you to judge, not verdicts)")
    for flag in d["loaded"][:40]:
        context = f" [{flag['quoted']} quote]" if flag["quoted"] else ""
        context += " [negated]" if flag["negated"] else ""
        print(f"   {flag['start']:>6}-{flag['end']:<6} {flag['category']:<16} "
              f"{flag['text']!r}{context}")
    if len(d["loaded"]) > 40:
        print(f"   ... and {len(d['loaded']) - 40} more (use --json for all)")
    for name, value in d["profile"].items():
        print(f"   {name:<28} {value}")


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _compare(args: argparse.Namespace) -> int:
    try:
        group_a = [load_article(p) for p in expand_paths(args.paths)]
        group_b = [load_article(p) for p in expand_paths(args.against)]
    except FramelabError as exc:
        print(f"framelab: {exc}", file=sys.stderr)
        return 1
    if not group_a or not group_b:
        print("framelab: each side of a comparison needs at least one article file",
              file=sys.stderr)
        return 2
    table = measures.compare(group_a, group_b, ("a", "b"))
    keys = keyness.keyness(group_a, group_b, min_freq=args.min_freq)
    if args.format == "json":
        print(json.dumps({
            "a": [str(a.path) for a in group_a],
            "b": [str(b.path) for b in group_b],
            "measures": json.loads(table.to_json(orient="index")),
            "keywords": [vars(k) for k in keys],
        }, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        print(table.to_csv(), end="")
    else:
        print(f"a: {len(group_a)} text(s); b: {len(group_b)} text(s)\n")
        print(table.to_string())
        print(f"\nKeywords of a against b (G² ≥ 3.84, min. frequency {args.min_freq}), "
              "by Log Ratio:")
        print(keyness.keyness_table(keys).head(25).to_string(index=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``framelab`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="framelab", description="Measure how word choice frames news texts.")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="flag loaded language and profile each text")
    analyze.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    analyze.add_argument("--lexicon", help="your own term,category,note CSV lexicon")
    analyze.add_argument("--workers", type=int, help="parallel processes (default: cores)")
    fmt = analyze.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json")
    fmt.add_argument("--csv", dest="format", action="store_const", const="csv")
    analyze.set_defaults(func=_analyze, format="text")

    compare = sub.add_parser("compare", help="compare two groups of texts")
    compare.add_argument("paths", nargs="+", metavar="A")
    compare.add_argument("--against", nargs="+", required=True, metavar="B")
    compare.add_argument("--min-freq", type=int, default=3)
    fmt = compare.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json")
    fmt.add_argument("--csv", dest="format", action="store_const", const="csv")
    compare.set_defaults(func=_compare, format="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except FramelabError as exc:
        print(f"framelab: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - output was piped into `head`
        return 0
