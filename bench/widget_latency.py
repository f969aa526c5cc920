"""How quickly the widgets respond, p95 in milliseconds, for every kind of interaction.

Measures the Python side of each update (what the kernel does before the browser draws):
category toggles, a click on a highlight (its details), lexicon edits, on the seed article
and on a 20,000-word text; and on the seed, the comparison panel's minimum-frequency menu
and pair change (a new pair with the profile figure hidden, as it starts, and shown), a
rewrite-lab keystroke and an annotation label. Prints figures, asserts
nothing; the last line is machine-readable. Targets: p95 well under 100 ms on the seed
(issue 13), <= 250 ms on 20k words.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

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


def timed(action, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for i in range(rounds):
        t0 = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - t0)
    return times


def clicks(explorer: widgets.Explorer, rounds: int) -> list[float]:
    n = len(explorer.flags)
    return timed(lambda i: setattr(explorer.text, "selected", (i * 7) % n), rounds)


def seed_only(seed) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    wire = [framelab.load_article(p) for p in framelab.dataset_files("wire")]
    panel = widgets.ComparisonPanel({"seed": seed, "wire": wire, "seed again": seed,
                                     "wire again": wire}, "seed", "wire")
    names = ["wire", "seed again"]
    lab = widgets.RewriteLab(seed.paragraphs[0].text)
    words = seed.paragraphs[0].text.split()
    tool = widgets.AnnotationTool(seed, path=Path(tempfile.mkdtemp()) / "bench.json")
    labels = ["loaded", "neutral", "unsure"]
    hidden = timed(lambda i: setattr(panel.choose_b, "value", ["seed again", "wire again"][i]), 2)
    opened = timed(lambda i: setattr(panel.figure_toggle, "value", True), 1)
    shown = timed(lambda i: setattr(panel.choose_b, "value", names[i]), 2)
    panel.figure_toggle.value = False
    print(f"{'':>5} comparison, a pair not seen before, figure hidden (the default): "
          f"{max(hidden) * 1000:6.1f} ms at most of {len(hidden)}")
    print(f"{'':>5} comparison, 'Show the figure' pressed (the figure drawn): "
          f"{opened[0] * 1000:6.1f} ms")
    print(f"{'':>5} comparison, a pair not seen before, figure shown (table and keywords, "
          f"then the figure drawn): {max(shown) * 1000:6.1f} ms at most of {len(shown)}")
    return {
        "comparison min. frequency": timed(
            lambda i: setattr(panel.min_freq, "value", 1 + i % 10), 30),
        "comparison pair change (pair seen before)": timed(
            lambda i: setattr(panel.choose_b, "value", names[i % 2]), 20),
        "rewrite keystroke": timed(
            lambda i: setattr(lab.textarea, "value", " ".join(words[: len(words) - i % 9])),
            30),
        "annotation label": timed(lambda i: tool.set_label(labels[i % 3]), 30),
    }


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
        c = clicks(explorer, rounds)
        e = edits(bench, rounds)
        words = framelab.measures.word_count(article)
        results[name] = max(p95(t), p95(c), p95(e))
        print(f"{name:>5} ({words:,} words): toggle p95 {p95(t):6.1f} ms "
              f"(median {statistics.median(t) * 1000:5.1f}), highlight click p95 "
              f"{p95(c):6.1f} ms, lexicon edit p95 {p95(e):6.1f} ms "
              f"(median {statistics.median(e) * 1000:5.1f})")
        if name == "seed":
            for label, samples in seed_only(article).items():
                results["seed"] = max(results["seed"], p95(samples))
                print(f"{'':>5} {label}: p95 {p95(samples):6.1f} ms "
                      f"(median {statistics.median(samples) * 1000:5.1f})")
    print(f"widget_latency p95_ms_seed={results['seed']:.1f} p95_ms_20k={results['20k']:.1f}")


if __name__ == "__main__":
    main()
