"""Figures for the lessons: colour-blind-safe, labelled, each with a one-line text alternative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib.pyplot as plt
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
