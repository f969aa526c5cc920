"""How fast framelab loads and tokenises articles, in tokens per second (seed, 20k words),
and how long each format's reader takes for the seed's body saved as a web page, a PDF, a
Word file and an RTF file (built here with the test suite's fixture writers).

Run: make bench   (or .venv/bin/python bench/load_speed.py)
Prints figures; asserts nothing. The last line is machine-readable.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import textwrap
import time
import tracemalloc
from html import escape
from pathlib import Path

import framelab

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from readers_fixtures import make_docx, make_pdf, make_rtf


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
        formats = _formats(Path(tmp), framelab.load_article(seed))
        for name, path in formats.items():
            n_words = load_and_tokenise(path)
            median = statistics.median(timed(lambda p=path: load_and_tokenise(p), 5))
            results[name] = n_words / median
            print(f"{name:>5}: {n_words:>6} tokens  median {median * 1000:7.1f} ms  "
                  f"{n_words / median:>9,.0f} tokens/s  (the seed's body as {name})")
    print("load_speed " + " ".join(f"tokens_per_s_{k}={v:.0f}" for k, v in results.items()))


def _formats(folder: Path, seed: framelab.Article) -> dict[str, Path]:
    """The seed's title, byline and body paragraphs written in each format framelab reads."""
    paragraphs = [seed.title, f"By {seed.author}", *(p.text for p in seed.paragraphs)]
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>" + escape(seed.title)
            + "</title></head><body><nav><a href='/'>Home</a></nav><article>"
            + "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + "</article></body></html>")
    lines = [textwrap.wrap(p, 90) for p in paragraphs]
    pages = [lines[i : i + 6] for i in range(0, len(lines), 6)]
    files = {"html": ("seed.html", page.encode("utf-8")), "pdf": ("seed.pdf", make_pdf(pages)),
             "docx": ("seed.docx", make_docx(paragraphs)),
             "rtf": ("seed.rtf", make_rtf(paragraphs))}
    out = {}
    for name, (filename, data) in files.items():
        out[name] = folder / filename
        out[name].write_bytes(data)
    return out


if __name__ == "__main__":
    main()
