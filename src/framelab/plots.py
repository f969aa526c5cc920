"""Figures for the lessons: colour-blind-safe, labelled in words, each with a text alternative.

Series in one figure never share a colour: Okabe & Ito's eight colours first, then a hatch
(bars) or marker (lines) on top, so they differ in grey print too. Measures and categories
are labelled in words ("hedges per 1,000 words", not ``hedges_per_1k``); value labels stay
inside the frame; a measure that is zero in every text is named, not drawn on an invented
scale. Every chart carries a one-paragraph ``alt_text``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)
"""Okabe & Ito's palette, distinguishable with the common forms of colour blindness."""

SERIES_ORDER = (4, 0, 2, 6, 1, 5, 3, 7)
"""The order series take Okabe-Ito colours: the two most different (blue, orange) first."""

HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
"""Bar fills: each series after the first carries a hatch, so two series differ without colour."""

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

MEASURE_LABELS: dict[str, str] = {
    "loaded_per_1k": "loaded words per 1,000 words",
    "attributed_sentence_share": "share of sentences attributed",
    "hedges_per_1k": "hedges per 1,000 words",
    "boosters_per_1k": "boosters per 1,000 words",
    "loaded_reporting_share": "share of reporting verbs that judge",
    "evaluative_per_100": "evaluative words per 100 words",
    "sentiment_abs_mean": "mean strength of sentiment (0–1)",
    "sentiment_sd": "spread of sentiment across sentences",
    "first_second_person_per_1k": "I, we, you per 1,000 words",
    "question_exclaim_share": "share of sentences ending ? or !",
    "scare_quotes_per_1k": "scare quotes per 1,000 words",
}
"""Each framing measure's name in words, for figures and tables."""


def human_label(name: str) -> str:
    """A measure's or category's name for people: ``hedges_per_1k`` → 'hedges per 1,000 words'."""
    if name in MEASURE_LABELS:
        return MEASURE_LABELS[name]
    from framelab.render import STYLES

    if name in STYLES:
        return STYLES[name].label
    text = name.replace("_per_1k", " per 1,000 words").replace("_per_100", " per 100 words")
    return text.replace("_", " ")


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn: colour, hatch (bars) and marker (lines and dots)."""

    colour: str
    hatch: str
    marker: str


def series_styles(n: int) -> list[SeriesStyle]:
    """``n`` series styles, no two alike: eight colours, then hatches and markers on top."""
    styles = []
    for k in range(n):
        colour = OKABE_ITO[SERIES_ORDER[k % len(SERIES_ORDER)]]
        turn = k // len(SERIES_ORDER)
        styles.append(SeriesStyle(colour, HATCHES[(k + turn) % len(HATCHES)],
                                  MARKERS[(k + turn) % len(MARKERS)]))
    return styles


@dataclass(frozen=True)
class Chart:
    """A matplotlib figure and the text that describes it for a screen reader."""

    figure: Figure
    alt_text: str

    def _repr_html_(self) -> str:
        from framelab.render import figure_html

        return figure_html(self.figure, self.alt_text)


def _room_for_labels(ax: Axes, values: Sequence[float], share: float = 0.22) -> None:
    """Widen the x axis so value labels printed after the bars stay inside the frame."""
    high = max([0.0, *values])
    low = min([0.0, *values])
    span = (high - low) or 1.0
    ax.set_xlim(low - (share * span if low < 0 else 0), high + share * span)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def frequency_bars(
    counts: Sequence[tuple[str, int]],
    title: str,
    xlabel: str = "occurrences",
    colour: str = OKABE_ITO[4],
) -> Chart:
    """Horizontal bars of (word, count) pairs, most frequent on top."""
    labels = [word for word, _ in counts]
    values = [n for _, n in counts]
    fig, ax = plt.subplots(figsize=(6.5, 0.28 * len(counts) + 1.2), layout="constrained")
    ax.barh(range(len(values)), values, color=colour, edgecolor="black", linewidth=0.5)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    for i, value in enumerate(values):
        ax.text(value, i, f" {value}", va="center", fontsize=9)
    _room_for_labels(ax, values, 0.12)
    ax.spines[["top", "right"]].set_visible(False)
    plt.close(fig)
    listed = ", ".join(f"{w} ({n})" for w, n in counts[:10])
    more = f" and {len(counts) - 10} more" if len(counts) > 10 else ""
    return Chart(fig, f"Bar chart, {title}: {listed}{more}.")


def category_bars(counts: Mapping[str, Mapping[str, float]], title: str,
                  unit: str = "flags per 1,000 words") -> Chart:
    """Grouped horizontal bars: per category, one bar per text, each text its own colour and hatch.

    ``counts`` maps a text's name to {category: value}. Categories are named in words.
    """
    names = list(counts)
    categories = sorted({c for values in counts.values() for c in values},
                        key=lambda c: -max(counts[n].get(c, 0) for n in names))
    k_n = max(len(names), 1)
    bar = 0.8 / k_n
    fig, ax = plt.subplots(figsize=(7, min(0.14 * len(categories) * k_n + 0.2 * len(categories)
                                           + 1.2, 6.5)), layout="constrained")
    every = []
    for k, (name, style) in enumerate(zip(names, series_styles(len(names)), strict=True)):
        values = [float(counts[name].get(c, 0)) for c in categories]
        every += values
        ys = [i + k * bar for i in range(len(categories))]
        ax.barh(ys, values, height=bar, color=style.colour, hatch=style.hatch,
                edgecolor="black", linewidth=0.5, label=name)
        for y, v in zip(ys, values, strict=True):
            ax.text(v, y, f" {_fmt(v)}", va="center", fontsize=8)
    ax.set_yticks([i + bar * (k_n - 1) / 2 for i in range(len(categories))],
                  [human_label(c) for c in categories])
    ax.invert_yaxis()
    ax.set_xlabel(unit)
    ax.set_title(title)
    _room_for_labels(ax, every, 0.15)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", frameon=True)
    plt.close(fig)
    parts = []
    for name in names:
        top = sorted(counts[name].items(), key=lambda kv: -kv[1])[:3]
        listed = ", ".join(f"{human_label(c)} {v:.3g}" for c, v in top if v) or "none"
        parts.append(f"{name}: {listed}")
    return Chart(fig, f"Bar chart, {title} ({unit}), highest categories: " + "; ".join(parts)
                 + ".")


def profile_comparison(table: pd.DataFrame, names: tuple[str, str], title: str) -> Chart:
    """Each measure of two texts or groups side by side, on its own scale (one panel each).

    ``table`` is ``measures.compare(...)``'s result, with ``{name}_mean`` columns. A measure
    that is zero in both is not drawn (an empty axis would suggest a difference); the figure
    names it underneath instead.
    """
    a, b = (f"{n}_mean" for n in names)
    rows = [m for m in table.index if table.loc[m, a] or table.loc[m, b]]
    zero = [m for m in table.index if m not in rows]
    styles = series_styles(2)
    fig, axes = plt.subplots(max(len(rows), 1), 1, figsize=(7.5, 0.62 * len(rows) + 1.3),
                             layout="constrained", sharex=False, squeeze=False)
    axes = axes[:, 0]
    for ax, measure in zip(axes, rows, strict=False):
        values = [float(table.loc[measure, a]), float(table.loc[measure, b])]
        for y, (v, s) in enumerate(zip(values, styles, strict=True)):
            ax.barh(y, v, color=s.colour, hatch=s.hatch, edgecolor="black", linewidth=0.5)
            ax.text(v, y, f" {_fmt(v)}", va="center", fontsize=8)
        ax.set_yticks([0, 1], list(names), fontsize=8)
        ax.set_title(human_label(measure), fontsize=9, loc="left", pad=2)
        ax.invert_yaxis()
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(5))
        _room_for_labels(ax, values, 0.18)
        ax.spines[["top", "right"]].set_visible(False)
    note = ("\nZero in both, so not drawn: " + "; ".join(map(human_label, zero))) if zero else ""
    axes[-1].set_xlabel("value of each measure, on its own scale (see each panel's title)"
                        + note, fontsize=9)
    fig.suptitle(title)
    plt.close(fig)
    bigger = [human_label(m) for m in rows if table.loc[m, a] > table.loc[m, b]]
    smaller = [human_label(m) for m in rows if table.loc[m, a] < table.loc[m, b]]
    same = [human_label(m) for m in rows if table.loc[m, a] == table.loc[m, b]]
    alt = (f"Paired bar chart, {title}: {names[0]} is higher than {names[1]} on "
           f"{', '.join(bigger) or 'no measure'}; lower on {', '.join(smaller) or 'no measure'}")
    if same:
        alt += f"; equal on {', '.join(same)}"
    if zero:
        alt += f"; zero in both: {', '.join(map(human_label, zero))}"
    return Chart(fig, alt + ".")


STARS = {"p < 0.05": "*", "p < 0.01": "**", "p < 0.001": "***", "p < 0.0001": "****"}


def keyness_bars(keywords: Sequence, title: str, limit: int = 20,
                 names: tuple[str, str] = ("this text", "reference")) -> Chart:
    """What differs: each keyword's frequency in both texts, beside its Log Ratio.

    The ``limit`` keywords with the strongest evidence (highest G²) are drawn. Left, how
    often each word occurs per 10,000 words in each text (so "8 against 0" is visible, not
    only a ratio); right, its Log Ratio with stars for G² significance.
    """
    shown = sorted(keywords, key=lambda k: (-k.g2, -abs(k.log_ratio), k.word))[:limit]
    styles = series_styles(2)
    height = 0.32 * max(len(shown), 1) + 1.5
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.5, height), layout="constrained",
                                      sharey=True, width_ratios=(3, 2))
    ys = list(range(len(shown)))
    bar = 0.4
    freqs = []
    for k, (attr, name, s) in enumerate(zip(("target_per_10k", "reference_per_10k"), names,
                                            styles, strict=True)):
        values = [float(getattr(kw, attr)) for kw in shown]
        freqs += values
        counts = [getattr(kw, "target_freq" if k == 0 else "reference_freq") for kw in shown]
        positions = [y + (k - 0.5) * bar for y in ys]
        left.barh(positions, values, height=bar, color=s.colour, hatch=s.hatch,
                  edgecolor="black", linewidth=0.5, label=f"{name} (count)")
        for y, v, n in zip(positions, values, counts, strict=True):
            left.text(v, y, f" {n}", va="center", fontsize=7)
    left.set_yticks(ys, [kw.word for kw in shown])
    left.invert_yaxis()
    left.set_xlabel("occurrences per 10,000 words (count at the bar's end)")
    left.legend(loc="lower right", fontsize=8)
    _room_for_labels(left, freqs, 0.12)
    ratios = [kw.log_ratio for kw in shown]
    right.barh(ys, ratios, color=OKABE_ITO[5], edgecolor="black", linewidth=0.5)
    for y, kw in zip(ys, shown, strict=True):
        label = f"{kw.log_ratio:+.1f}{STARS.get(kw.significance, '')}"
        right.text(kw.log_ratio, y, f" {label}" if kw.log_ratio >= 0 else f"{label} ",
                   va="center", ha="left" if kw.log_ratio >= 0 else "right", fontsize=8)
    right.axvline(0, color="black", linewidth=0.8)
    right.set_xlabel("Log Ratio (+1 = twice as often)")
    _room_for_labels(right, ratios, 0.45)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(title + "\n(stars: G² significance, * p < .05 … **** p < .0001)",
                 fontsize=11)
    plt.close(fig)
    listed = ", ".join(f"{k.word} ({k.target_freq} against {k.reference_freq}, "
                       f"{k.log_ratio:+.1f}{STARS.get(k.significance, '')})" for k in shown[:8])
    return Chart(fig, f"Bar charts, {title}: each word's count in {names[0]} against "
                      f"{names[1]}, and its Log Ratio: "
                      f"{listed or 'no keywords pass the thresholds'}"
                      f"{' and more' if len(shown) > 8 else ''}. Stars mark G² significance.")


def sentiment_arc(compounds: Sequence[float], title: str) -> Chart:
    """VADER compound score of each sentence in order, with a zero line."""
    fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
    xs = list(range(1, len(compounds) + 1))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.plot(xs, compounds, color=OKABE_ITO[4], marker="o", markersize=3, linewidth=1)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence number (1 = first sentence of the body)")
    ax.set_ylabel("VADER compound (-1 to +1)")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    plt.close(fig)
    if compounds:
        low = min(range(len(compounds)), key=compounds.__getitem__)
        high = max(range(len(compounds)), key=compounds.__getitem__)
        summary = (f"{len(compounds)} sentences; most negative sentence {low + 1} "
                   f"({compounds[low]:+.2f}), most positive sentence {high + 1} "
                   f"({compounds[high]:+.2f}).")
    else:
        summary = "no sentences."
    return Chart(fig, f"Line chart, {title}: {summary}")


def series_of(chart: Chart) -> list[list[tuple[str, str, str]]]:
    """Per panel, each drawn series' look (face colour, hatch, marker): none may repeat."""
    from matplotlib.colors import to_hex

    panels = []
    for ax in chart.figure.axes:
        seen = []
        for container in ax.containers:
            patches = getattr(container, "patches", None)
            if patches:
                seen.append((to_hex(patches[0].get_facecolor()), patches[0].get_hatch() or "",
                             ""))
        for line in ax.get_lines():
            if len(line.get_xdata()) > 2:
                seen.append((to_hex(line.get_color()), "", str(line.get_marker())))
        panels.append(seen)
    return panels


def save_chart(chart: Chart, path: str | Path) -> Path:
    """Save a figure as PNG or SVG (by the file's suffix), with its alt text beside it."""
    from framelab.storage import atomic_write

    path = Path(path)
    fmt = path.suffix.lstrip(".").lower() or "png"
    if fmt not in {"png", "svg"}:
        raise ValueError("save figures as .png or .svg")
    buffer = io.BytesIO()
    chart.figure.savefig(buffer, format=fmt, dpi=150, metadata={"Title": chart.alt_text[:200]}
                         if fmt == "svg" else None)
    atomic_write(path, buffer.getvalue())
    atomic_write(path.with_suffix(path.suffix + ".txt"), chart.alt_text + "\n")
    return path
