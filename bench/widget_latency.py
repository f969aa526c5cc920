"""How quickly the widgets respond: category toggles and lexicon edits, p95 in milliseconds.

Measures the Python side of each update (what the kernel does before the browser draws),
on the seed article and on a 20,000-word text. Prints figures, asserts nothing; the last
line is machine-readable. Targets (issue 5): p95 <= 50 ms on the seed, <= 250 ms on 20k words.
"""

from __future__ import annotations

import statistics
import time

import framelab
from framelab import widgets
from framelab.articles import parse_article


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000


def toggles(explorer: widgets.Explorer, rounds: int) -> list[float]:
    times = []
    boxes = list(explorer.checkboxes.values())
    for i in range(rounds):
        box = boxes[i % len(boxes)]
        t0 = time.perf_counter()
        box.value = not box.value
        times.append(time.perf_counter() - t0)
    return times


def edits(bench: widgets.LexiconWorkbench, rounds: int) -> list[float]:
    times = []
    for i in range(rounds):
        t0 = time.perf_counter()
        if i % 2 == 0:
            bench.add(f"benchword{i}", "judgement", "benchmark entry")
        else:
            bench.remove(f"benchword{i - 1}")
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    seed = framelab.load_article(framelab.seed_path())
    body = seed.body
    copies = []
    while sum(len(c.split()) for c in copies) < 20_000:
        copies.append(body)
    big = parse_article("\n\n".join(copies))
    results = {}
    for name, article, rounds in [("seed", seed, 60), ("20k", big, 20)]:
        explorer = widgets.Explorer(article)
        bench = widgets.LexiconWorkbench(article)
        t = toggles(explorer, rounds)
        e = edits(bench, rounds)
        words = framelab.measures.word_count(article)
        results[name] = max(p95(t), p95(e))
        print(f"{name:>5} ({words:,} words): toggle p95 {p95(t):6.1f} ms "
              f"(median {statistics.median(t) * 1000:5.1f}), lexicon edit p95 {p95(e):6.1f} ms "
              f"(median {statistics.median(e) * 1000:5.1f})")
    print(f"widget_latency p95_ms_seed={results['seed']:.1f} p95_ms_20k={results['20k']:.1f}")


if __name__ == "__main__":
    main()
