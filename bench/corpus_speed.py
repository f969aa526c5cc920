"""Whole-corpus analysis speed in words per second: serial, and through a process pool.

Builds a corpus of copies of the kit's texts (about 200,000 words in 400 files), runs
`framelab analyze`'s engine over it, and prints figures; asserts nothing.
Run: make bench   (or .venv/bin/python bench/corpus_speed.py)
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import framelab
from framelab import cli

TARGET_WORDS = 200_000


def build_corpus(folder: Path) -> int:
    sources = [framelab.seed_path(), *framelab.dataset_files("wire"),
               *framelab.dataset_files("contrast")]
    words = 0
    i = 0
    while words < TARGET_WORDS:
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"{i:04d}_{source.name}")
        words += framelab.measures.word_count(framelab.load_article(source))
        i += 1
    return words


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = build_corpus(folder)
        n_files = len(list(folder.iterdir()))
        cli.analyze_paths([framelab.seed_path()])  # warm the lexicon caches

        t0 = time.perf_counter()
        serial = cli.analyze_paths([folder])
        serial_s = time.perf_counter() - t0

        workers = os.cpu_count() or 1
        t0 = time.perf_counter()
        with ProcessPoolExecutor(workers) as pool:
            parallel = cli.analyze_paths([folder], pool)
        parallel_s = time.perf_counter() - t0
        assert len(serial) == len(parallel) == n_files

    print(f"corpus: {n_files} files, {words:,} words")
    print(f"serial:            {serial_s:6.2f} s  {words / serial_s:9,.0f} words/s")
    print(f"process pool ({workers}): {parallel_s:6.2f} s  {words / parallel_s:9,.0f} words/s "
          "(includes starting the workers)")
    print(f"corpus_speed words_per_s_serial={words / serial_s:.0f} "
          f"words_per_s_pool={words / parallel_s:.0f}")


if __name__ == "__main__":
    main()
