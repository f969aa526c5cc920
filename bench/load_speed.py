"""How fast framelab loads and tokenises articles, in tokens per second (seed, 20k words).

Run: make bench   (or .venv/bin/python bench/load_speed.py)
Prints figures; asserts nothing. The last line is machine-readable.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

import framelab


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def load_and_tokenise(path: Path) -> int:
    article = framelab.load_article(path)
    return len(article.words)


def main() -> None:
    seed = framelab.seed_path()
    body = framelab.load_article(seed).body
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "long.txt"
        copies = []
        words = 0
        while words < 20_000:
            copies.append(body)
            words += len(body.split())
        big.write_text("A long test text\n\n" + "\n\n".join(copies), encoding="utf-8")

        results = {}
        for name, path, repeat in [("seed", seed, 30), ("20k", big, 5)]:
            n_words = load_and_tokenise(path)
            times = timed(lambda p=path: load_and_tokenise(p), repeat)
            median = statistics.median(times)
            tracemalloc.start()
            load_and_tokenise(path)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            results[name] = n_words / median
            print(
                f"{name:>5}: {n_words:>6} tokens  median {median * 1000:7.1f} ms  "
                f"{n_words / median:>9,.0f} tokens/s  peak memory {peak / 1e6:5.1f} MB"
            )
    print(
        f"load_speed tokens_per_s_seed={results['seed']:.0f} tokens_per_s_20k={results['20k']:.0f}"
    )


if __name__ == "__main__":
    main()
