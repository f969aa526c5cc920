"""Figures for the lessons: colour-blind-safe, labelled, each with a one-line text alternative."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

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


@dataclass(frozen=True)
class Chart:
    """A matplotlib figure and the sentence that describes it for a screen reader."""

    figure: Figure
    alt_text: str

    def _repr_html_(self) -> str:
        from framelab.render import figure_html

        return figure_html(self.figure, self.alt_text)


def frequency_bars(
    counts: Sequence[tuple[str, int]],
    title: str,
    xlabel: str = "occurrences",
    colour: str = OKABE_ITO[4],
) -> Chart:
    """Horizontal bars of (word, count) pairs, most frequent on top."""
    labels = [word for word, _ in counts]
    values = [n for _, n in counts]
    fig, ax = plt.subplots(figsize=(6, 0.3 * len(counts) + 1.2), layout="constrained")
    ax.barh(range(len(values)), values, color=colour, edgecolor="black", linewidth=0.5)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    for i, value in enumerate(values):
        ax.text(value, i, f" {value}", va="center", fontsize=8)
    plt.close(fig)
    listed = ", ".join(f"{w} ({n})" for w, n in counts[:10])
    more = f" and {len(counts) - 10} more" if len(counts) > 10 else ""
    alt = f"Bar chart, {title}: {listed}{more}."
    return Chart(fig, alt)


HATCHES = ("", "//", "..", "xx")
"""Bar fills after the first carry a hatch, so two series differ without colour."""


def category_bars(counts: dict[str, dict[str, float]], title: str,
                  unit: str = "flags per 1,000 words") -> Chart:
    """Grouped horizontal bars: per category, one bar per text, hatched to tell them apart.

    ``counts`` maps a text's name to {category: value}.
    """
    names = list(counts)
    categories = sorted({c for values in counts.values() for c in values})
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(categories) * max(len(names), 1) + 1.5),
                           layout="constrained")
    height = 0.8 / max(len(names), 1)
    for k, name in enumerate(names):
        values = [counts[name].get(c, 0) for c in categories]
        ax.barh([i + k * height for i in range(len(categories))], values, height=height,
                color=OKABE_ITO[(k * 4) % len(OKABE_ITO)], hatch=HATCHES[k % len(HATCHES)],
                edgecolor="black", linewidth=0.5, label=name)
    ax.set_yticks([i + height * (len(names) - 1) / 2 for i in range(len(categories))],
                  [c.replace("_", " ") for c in categories])
    ax.invert_yaxis()
    ax.set_xlabel(unit)
    ax.set_title(title)
    ax.legend(loc="best", frameon=True)
    plt.close(fig)
    parts = []
    for name in names:
        top = sorted(counts[name].items(), key=lambda kv: -kv[1])[:3]
        listed = ", ".join(f"{c.replace('_', ' ')} {v:.3g}" for c, v in top if v) or "none"
        parts.append(f"{name}: {listed}")
    return Chart(fig, f"Bar chart, {title} ({unit}), highest categories: " + "; ".join(parts))


def profile_comparison(table: pd.DataFrame, names: tuple[str, str], title: str) -> Chart:
    """Each measure of two texts or groups side by side, on its own scale (one panel each).

    ``table`` is ``measures.compare(...)``'s result, with ``{name}_mean`` columns.
    """
    a, b = (f"{n}_mean" for n in names)
    rows = list(table.index)
    fig, axes = plt.subplots(len(rows), 1, figsize=(7, 0.55 * len(rows) + 1),
                             layout="constrained", sharex=False)
    for ax, measure in zip(axes, rows, strict=True):
        values = [table.loc[measure, a], table.loc[measure, b]]
        ax.barh([0, 1], values, color=[OKABE_ITO[0], OKABE_ITO[4]], hatch=None,
                edgecolor="black", linewidth=0.5)
        ax.patches[1].set_hatch("//")
        ax.set_yticks([0, 1], list(names), fontsize=7)
        ax.set_ylabel(measure, rotation=0, ha="right", va="center", fontsize=8)
        ax.invert_yaxis()
        ax.tick_params(axis="x", labelsize=7)
        for y, v in enumerate(values):
            ax.text(v, y, f" {v:g}", va="center", fontsize=7)
    axes[-1].set_xlabel("value of the measure (units in its name: per 1k words, share, score)")
    fig.suptitle(title)
    plt.close(fig)
    bigger = [m for m in rows if table.loc[m, a] > table.loc[m, b]]
    smaller = [m for m in rows if table.loc[m, a] < table.loc[m, b]]
    return Chart(fig, f"Paired bar chart, {title}: {names[0]} is higher on "
                      f"{', '.join(bigger) or 'no measure'}; lower on "
                      f"{', '.join(smaller) or 'no measure'}.")


def keyness_bars(keywords: Sequence, title: str, limit: int = 20) -> Chart:
    """Log Ratio of the top keywords; marks show significance (* p<.05 ... **** p<.0001)."""
    shown = list(keywords)[:limit]
    stars = {"p < 0.05": "*", "p < 0.01": "**", "p < 0.001": "***", "p < 0.0001": "****"}
    fig, ax = plt.subplots(figsize=(6, 0.3 * len(shown) + 1.3), layout="constrained")
    values = [k.log_ratio for k in shown]
    ax.barh(range(len(shown)), values, color=OKABE_ITO[5], edgecolor="black", linewidth=0.5)
    ax.set_yticks(range(len(shown)), [k.word for k in shown])
    ax.invert_yaxis()
    for i, k in enumerate(shown):
        ax.text(k.log_ratio, i, f" {stars.get(k.significance, '')}", va="center", fontsize=8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("Log Ratio (each point doubles the relative frequency)")
    ax.set_title(title)
    plt.close(fig)
    listed = ", ".join(f"{k.word} ({k.log_ratio:+.1f}{stars.get(k.significance, '')})"
                       for k in shown[:8])
    return Chart(fig, f"Bar chart, {title}: {listed or 'no keywords pass the thresholds'}"
                      f"{' and more' if len(shown) > 8 else ''}. Stars mark G² significance.")


def sentiment_arc(compounds: Sequence[float], title: str) -> Chart:
    """VADER compound score of each sentence in order, with a zero line."""
    fig, ax = plt.subplots(figsize=(7, 2.8), layout="constrained")
    xs = list(range(1, len(compounds) + 1))
    ax.axhline(0, color="black", linewidth=0.8)
    ax.plot(xs, compounds, color=OKABE_ITO[4], marker="o", markersize=3, linewidth=1)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence number")
    ax.set_ylabel("VADER compound (-1 to +1)")
    ax.set_title(title)
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
