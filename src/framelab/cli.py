"""The command line: ``framelab analyze`` and ``framelab compare`` (also ``python -m framelab``).

JSON output is a stable contract (see README): ``{"documents": [{"path", "title", "words",
"sentences", "loaded": [{"start", "end", "text", "category", "term", ...}], "profile":
{name: number}}]}`` where ``start``/``end`` index the file's decoded text, or, for a web
page, PDF, Word or RTF file, the extracted text the document carries as ``source_text``.
``--jsonl`` streams one document per line as each file finishes. Folders are analysed in
parallel through any ``concurrent.futures`` executor: a process pool, or a Dask cluster.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from framelab import keyness, lexicon, loaded, measures, selection, sources
from framelab.articles import (
    ARTICLE_SUFFIXES,
    Article,
    Corpus,
    article_files,
    load_article,
    load_articles,
)
from framelab.errors import FramelabError
from framelab.readers.url import is_url

TEXT_FORMATS = ("text", "markdown")


def expand_paths(paths: Iterable[str | Path]) -> list[Path | str]:
    """Files and web addresses as given, and the article files inside any folder given
    (sorted, not recursive)."""
    files: list[Path | str] = []
    for path in paths:
        if is_url(path):
            files.append(str(path))
        elif Path(path).is_dir():
            files.extend(article_files(Path(path)))
        else:
            files.append(Path(path))
    return files


@lru_cache(maxsize=4)
def _matcher(lexicon_file: str | None, mtime: float) -> lexicon.Matcher:
    if lexicon_file is None:
        return loaded.default_matcher()
    return lexicon.Matcher(lexicon.load_lexicon(lexicon_file, any_category=True))


def analyze_file(path: str | Path | Article, lexicon_file: str | None = None) -> dict[str, Any]:
    """One document in the JSON contract's shape; a bad file gives ``{"path", "error"}``.

    ``path`` may also be an ``Article`` already loaded (one story of a library export).
    """
    label = _label(path)
    try:
        article = path if isinstance(path, Article) else load_article(path)
        mtime = os.stat(lexicon_file).st_mtime if lexicon_file else 0.0
        flags = loaded.find_loaded(article, _matcher(lexicon_file, mtime))
    except FramelabError as exc:
        return {**label, "error": str(exc)}
    document = {
        **label,
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
        "format": article.format,
    }
    if article.format not in TEXT_FORMATS:
        document["source_text"] = article.source
    return document


def _label(path: str | Path | Article) -> dict[str, Any]:
    if isinstance(path, Article):
        label: dict[str, Any] = {"path": str(path.path) if path.path else ""}
        if path.story is not None:
            label["story"] = path.story
        return label
    return {"path": str(path)}


def analyze_source(path: str | Path, lexicon_file: str | None = None) -> list[dict[str, Any]]:
    """Every document in one file: one, or one per story of a library export, plus an
    ``{"path", "story", "error"}`` entry for each story that could not be read."""
    try:
        corpus = load_articles(path)
    except Exception as exc:  # one broken file must not stop a corpus run
        return [{"path": str(path), "error": f"{path}: framelab could not read this file "
                 f"({type(exc).__name__}: {exc}).\nWhat to do: check the file opens; if it "
                 "does, please report this with the file."}]
    documents = [analyze_file(article, lexicon_file) for article in corpus]
    for problem in corpus.problems:
        entry: dict[str, Any] = {"path": problem.path}
        if problem.story is not None:
            entry["story"] = problem.story
        entry["error"] = problem.message
        documents.append(entry)
    return sorted(documents, key=lambda d: d.get("story") or 0)


def _analyze_batch(files: list[str], lexicon_file: str | None) -> list[list[dict[str, Any]]]:
    return [analyze_source(f, lexicon_file) for f in files]


def iter_analyze(
    paths: Iterable[str | Path], executor: Executor | None = None,
    lexicon_file: str | None = None, *, ordered: bool = True, batch: int | None = None,
    window: int | None = None, on_file: Any = None,
) -> Iterator[dict[str, Any]]:
    """Analyse files and folders, yielding each document as soon as it is ready.

    Files go to the executor in batches, and at most ``window`` batches (four per worker
    by default) are in flight at once, so memory stays flat however many files there are.
    ``ordered=False`` yields in the order files finish; ``on_file(n)`` is called as each
    batch of ``n`` files is done (for a progress bar).
    """
    files = [str(p) for p in expand_paths(paths)]
    if executor is None:
        for f in files:
            yield from analyze_source(f, lexicon_file)
            if on_file:
                on_file(1)
        return
    workers = _worker_count(executor)
    size = batch or max(1, min(32, len(files) // (8 * workers)))
    window = window or 4 * workers
    starts = iter(range(0, len(files), size))

    def submit() -> Future | None:
        start = next(starts, None)
        if start is None:
            return None
        return executor.submit(_analyze_batch, files[start : start + size], lexicon_file)

    pending: deque[Future] = deque(f for f in (submit() for _ in range(window)) if f)
    while pending:
        if ordered:
            done = [pending.popleft()]
        else:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            done = [f for f in pending if f in finished]
            for f in done:
                pending.remove(f)
        for future in done:
            nxt = submit()
            if nxt is not None:
                pending.append(nxt)
            results = future.result()
            for documents in results:
                yield from documents
            if on_file:
                on_file(len(results))


def _worker_count(executor: Executor) -> int:
    """How many tasks the executor runs at once: a pool's workers, a Dask cluster's threads."""
    workers = getattr(executor, "_max_workers", None)
    client = getattr(executor, "_client", None)
    if workers is None and client is not None and hasattr(client, "nthreads"):
        workers = sum(client.nthreads().values())
    return max(1, workers or os.cpu_count() or 1)


def analyze_paths(
    paths: Iterable[str | Path], executor: Executor | None = None,
    lexicon_file: str | None = None, *, progress: bool | None = None,
) -> list[dict[str, Any]]:
    """Analyse files and folders, in order; in parallel through ``executor`` if given.

    Any ``concurrent.futures.Executor`` works: a process pool here, or a Dask cluster's
    (``client.get_executor()``) for a corpus that outgrows one machine. ``progress`` shows
    a progress bar (tqdm: a bar in a notebook, a line on a terminal); by default it shows
    in a notebook.
    """
    paths = list(paths)
    if progress is None:
        progress = _in_notebook()
    if not progress:
        return list(iter_analyze(paths, executor, lexicon_file))
    from tqdm.auto import tqdm

    with tqdm(total=len(expand_paths(paths)), unit="file", desc="analysing") as bar:
        return list(iter_analyze(paths, executor, lexicon_file, on_file=bar.update))


def _in_notebook() -> bool:
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    return shell is not None and hasattr(shell, "kernel")


def _default_executor(n_files: int, workers: int | None) -> Executor | None:
    workers = workers or min(os.cpu_count() or 1, n_files)
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 and n_files > 1 else None


def _dask_executor(address: str, workers: int | None) -> tuple[Any, Executor]:
    """A Dask client and its executor: ``local`` starts a cluster on this machine."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FramelabError(
            "--dask needs Dask, an optional extra that is not installed.",
            'Install it with: pip install -e ".[dask]"  (or conda install dask distributed)',
        ) from None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                   threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise FramelabError(
            f"could not connect to the Dask scheduler at {address} ({exc}).",
            "Check the address (tcp://host:8786) and that the scheduler is running; or use "
            "--dask local to start a cluster on this machine.",
        ) from None
    return client, client.get_executor()


def _analyze(args: argparse.Namespace) -> int:
    files = expand_paths(args.paths)
    if not files:
        suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
        print(f"framelab: no article files ({suffixes}) found in " + ", ".join(args.paths),
              file=sys.stderr)
        return 2
    client = None
    if args.dask:
        client, executor = _dask_executor(args.dask, args.workers)
    else:
        executor = _default_executor(len(files), args.workers)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    from tqdm import tqdm

    bar = tqdm(total=len(files), unit="file", desc="framelab analyze", file=sys.stderr,
               disable=not show or len(files) < 2)
    writer = _Writer(args.format, sys.stdout)
    errors = 0
    try:
        for document in iter_analyze(files, executor, args.lexicon,
                                     ordered=args.format != "jsonl", on_file=bar.update):
            if "error" in document:
                errors += 1
                bar.write(f"framelab: {document['error']}", file=sys.stderr)
            writer.write(document)
    finally:
        bar.close()
        if executor is not None:
            executor.shutdown()
        if client is not None:
            client.close()
            if args.dask == "local":
                client.cluster.close()
    writer.close(errors)
    if errors:
        print(f"framelab: {errors} file(s) or stories of {len(files)} file(s) could not be "
              "read (listed above); the results are NOT the whole corpus.", file=sys.stderr)
    return 1 if errors else 0


class _Writer:
    """Writes documents as they arrive, so nothing but the error list is held in memory."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt, self.out = fmt, out
        self.errors: list[dict[str, Any]] = []
        self.count = 0
        self.csv: csv.DictWriter | None = None

    def write(self, d: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(d, ensure_ascii=False) + "\n")
            self.out.flush()
            return
        if "error" in d:
            self.errors.append(d)
            return
        if self.fmt == "json":
            self.out.write(('{"documents": [\n' if not self.count else ",\n")
                           + json.dumps(d, ensure_ascii=False, indent=1))
        elif self.fmt == "csv":
            row = {"path": d["path"], "story": d.get("story", ""), "title": d["title"],
                   "words": d["words"], "sentences": d["sentences"],
                   "loaded": len(d["loaded"]), **d["profile"]}
            if self.csv is None:
                self.csv = csv.DictWriter(self.out, fieldnames=list(row), lineterminator="\n")
                self.csv.writeheader()
            self.csv.writerow(row)
        else:
            _print_document(d, self.out)
        self.count += 1

    def close(self, errors: int) -> None:
        if self.fmt != "json":
            return
        self.out.write('{"documents": [' if not self.count else "\n")
        self.out.write("]")
        if self.errors:
            self.out.write(',\n "errors": ' + json.dumps(self.errors, ensure_ascii=False,
                                                         indent=1))
        self.out.write("}\n")


def _print_document(d: dict[str, Any], out: TextIO = sys.stdout) -> None:
    story = f" (story {d['story']})" if d.get("story") else ""
    print(f"== {d['path']}{story}: {d['title'] or '(untitled)'}", file=out)
    print(f"   {d['words']} words, {d['sentences']} sentences, {len(d['loaded'])} candidate "
          "loaded spans (candidates for you to judge, not verdicts)", file=out)
    for flag in d["loaded"][:40]:
        context = ""
        if flag["quoted"]:
            context = (" [reported speech]" if flag["quoted"] == "reported"
                       else f" [{flag['quoted']} quote]")
        context += " [negated]" if flag["negated"] else ""
        print(f"   {flag['start']:>6}-{flag['end']:<6} {flag['category']:<16} "
              f"{flag['text']!r}{context}", file=out)
    if len(d["loaded"]) > 40:
        print(f"   ... and {len(d['loaded']) - 40} more (use --json for all)", file=out)
    for name, value in d["profile"].items():
        print(f"   {name:<28} {value}", file=out)


def _group(paths: Sequence[str]) -> Corpus:
    corpus = load_articles(paths)
    corpus.raise_if_incomplete()
    return corpus


def _compare(args: argparse.Namespace) -> int:
    group_a, group_b = list(_group(args.paths)), list(_group(args.against))
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

    analyze = sub.add_parser(
        "analyze", help="flag loaded language and profile each text",
        description="Files may be .txt, .md, .html, .pdf, .docx or .rtf; a Nexis Uni export "
                    "gives one document per story.")
    analyze.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    analyze.add_argument("--lexicon", help="your own term,category,note CSV lexicon")
    analyze.add_argument("--workers", type=int, help="parallel processes (default: cores)")
    analyze.add_argument("--dask", metavar="ADDRESS",
                         help="run on a Dask cluster (tcp://host:8786), or 'local' to start "
                              "one here; needs the [dask] extra")
    analyze.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress bar on standard error (default: on a terminal)")
    fmt = analyze.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json")
    fmt.add_argument("--jsonl", dest="format", action="store_const", const="jsonl",
                     help="one JSON document per line, as each file finishes")
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
