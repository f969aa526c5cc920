"""Whole-corpus analysis: words per second serially, in a process pool and on a local Dask
cluster, and peak memory at 1,000 and at 10,000 files.

Builds 10,000 article files (at least 5 million words) by recombining the paragraphs of
the kit's own texts (the seed, the constructed wire and contrast texts), then runs
`framelab analyze`'s engine (cli.iter_analyze) over them, each run in a fresh process so
its peak memory is its own: the parent's peak resident set (getrusage) and the largest
worker's. Results are streamed and dropped as they arrive, as `--jsonl` does, so peak
memory should not grow with the number of files. Prints figures; asserts nothing.

Run: make bench   (or .venv/bin/python bench/corpus_speed.py [--files N])
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import framelab
from framelab import cli, measures
from framelab.articles import parse_article
from framelab.errors import FramelabError

MIN_WORDS_PER_FILE = 510
MODES = ("serial", "pool", "dask")


def _rss_mb(kilobytes_or_bytes: int) -> float:
    """ru_maxrss is kilobytes on Linux, bytes on macOS."""
    return kilobytes_or_bytes / (1e6 if sys.platform == "darwin" else 1e3)


def paragraphs() -> list[tuple[str, int]]:
    """Every body paragraph of the kit's texts, with its word count."""
    sources = [framelab.seed_path(), *framelab.dataset_files("wire"),
               *framelab.dataset_files("contrast")]
    out = []
    for path in sources:
        article = framelab.load_article(path)
        for paragraph in article.paragraphs:
            try:
                out.append((paragraph.text, measures.word_count(parse_article(paragraph.text))))
            except FramelabError:  # a heading on its own: not a paragraph to reuse
                continue
    return [(text, n) for text, n in out if n >= 8]


def build_corpus(folder: Path, n_files: int) -> int:
    """Write ``n_files`` articles of at least MIN_WORDS_PER_FILE words; returns the words."""
    pool = paragraphs()
    rng = random.Random(2019)
    words = 0
    for i in range(n_files):
        body, count = [], 0
        while count < MIN_WORDS_PER_FILE:
            text, n = rng.choice(pool)
            body.append(text)
            count += n
        title = f"Constructed corpus text {i:05d}"
        (folder / f"{i:05d}.txt").write_text(
            f"{title}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        words += count
    return words


def run(mode: str, folder: Path, limit: int, workers: int) -> dict[str, float]:
    """One measured run (called in a fresh process): words, seconds and peak memory."""
    files = sorted(folder.glob("*.txt"))[:limit]
    client = cluster = executor = None
    worker_peak = 0.0
    if mode == "pool":
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(workers)
        list(executor.map(abs, range(workers)))  # start the workers before timing
    elif mode == "dask":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        executor = client.get_executor()
    cli.analyze_file(str(files[0]))  # load the lexicons before timing
    words = documents = 0
    t0 = time.perf_counter()
    for document in cli.iter_analyze(files, executor, ordered=False):
        documents += 1
        words += document.get("words", 0)
    seconds = time.perf_counter() - t0
    if client is not None:
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        worker_peak = _rss_mb(max(peaks.values()))
        client.close()
        cluster.close()
    if mode == "pool":
        executor.shutdown()
        worker_peak = _rss_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"files": len(files), "documents": documents, "words": words, "seconds": seconds,
            "parent_mb": _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "worker_mb": worker_peak}


def measured(mode: str, folder: Path, limit: int, workers: int) -> dict[str, float]:
    """Run one measurement in a fresh Python process and read its figures."""
    done = subprocess.run(
        [sys.executable, __file__, "--run", mode, "--folder", str(folder),
         "--limit", str(limit), "--workers", str(workers)],
        capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--run", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run(args.run, args.folder, args.limit, args.workers)))
        return

    modes = [m for m in args.modes.split(",") if m]
    if "dask" in modes:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print('Dask is not installed (pip install -e ".[dask]"): skipping the Dask runs.')
            modes.remove("dask")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        built = build_corpus(folder, args.files)
        print(f"corpus: {args.files:,} files, {built:,} words (recombined paragraphs of the "
              f"kit's texts), built in {time.perf_counter() - t0:.0f} s; "
              f"{args.workers} worker(s) for pool and Dask")
        figures: dict[str, dict[int, dict[str, float]]] = {}
        for mode in modes:
            for limit in (args.small, args.files):
                result = measured(mode, folder, limit, args.workers)
                figures.setdefault(mode, {})[limit] = result
                rate = result["words"] / result["seconds"]
                print(f"{mode:>6} {result['files']:>6,} files: {result['words']:>10,} words "
                      f"in {result['seconds']:7.1f} s = {rate:>8,.0f} words/s; peak memory "
                      f"parent {result['parent_mb']:6.1f} MB, largest worker "
                      f"{result['worker_mb']:6.1f} MB", flush=True)
    summary = []
    for mode, by_size in figures.items():
        big, small = by_size[args.files], by_size[args.small]
        peak_small = max(small["parent_mb"], small["worker_mb"])
        peak_big = max(big["parent_mb"], big["worker_mb"])
        summary.append(f"words_per_s_{mode}={big['words'] / big['seconds']:.0f} "
                       f"peak_mb_{mode}_{args.small}={peak_small:.0f} "
                       f"peak_mb_{mode}_{args.files}={peak_big:.0f}")
    print("corpus_speed " + " ".join(summary))


if __name__ == "__main__":
    main()
