"""Figures: colour-blind-safe, labelled axes, a text alternative that says what they show."""

from __future__ import annotations

from pathlib import Path

import framelab
from framelab import keyness, loaded, measures, plots


def test_palette_is_okabe_ito() -> None:
    assert plots.OKABE_ITO[:3] == ("#E69F00", "#56B4E9", "#009E73")


def axes_labelled(chart: plots.Chart) -> bool:
    return all(ax.get_xlabel() for ax in chart.figure.axes if ax.has_data())


def test_category_bars_for_two_texts(seed) -> None:
    op_ed = framelab.load_article(framelab.datasets_dir() / "contrast/counter_oped_liberation.md")
    counts = {name: loaded.counts(loaded.find_loaded(a)) for name, a in
              [("seed", seed), ("op-ed", op_ed)]}
    chart = plots.category_bars(counts, "Loaded terms per category", "flags")
    assert axes_labelled(chart)
    assert chart.alt_text.startswith("Bar chart, Loaded terms per category (flags)")
    assert "seed:" in chart.alt_text and "op-ed:" in chart.alt_text
    hatches = {p.get_hatch() for p in chart.figure.axes[0].patches}
    assert len(hatches) == 2


def test_profile_keyness_and_sentiment_figures(seed) -> None:
    wire = [framelab.load_article(p) for p in framelab.dataset_files("wire")]
    table = measures.compare([seed], wire, ("seed", "wire"))
    chart = plots.profile_comparison(table, ("seed", "wire"), "seed vs wire")
    assert "seed is higher on loaded_per_1k" in chart.alt_text
    keys = keyness.keyness(seed, wire, min_freq=2)
    kchart = plots.keyness_bars(keys, "Keywords of the seed")
    assert axes_labelled(kchart) and keys[0].word in kchart.alt_text
    compounds = [loaded.vader().polarity_scores(s.text)["compound"] for s in seed.sentences]
    schart = plots.sentiment_arc(compounds, "Sentiment across the seed")
    assert schart.figure.axes[0].get_ylabel().startswith("VADER compound")
    assert "32 sentences" in schart.alt_text


def test_saving_a_figure_writes_its_alt_text(tmp_path: Path) -> None:
    chart = plots.frequency_bars([("haftar", 8), ("libya", 7)], "Top words")
    png = plots.save_chart(chart, tmp_path / "top.png")
    svg = plots.save_chart(chart, tmp_path / "top.svg")
    assert png.read_bytes()[:4] == b"\x89PNG" and b"<svg" in svg.read_bytes()[:500]
    assert (tmp_path / "top.png.txt").read_text().startswith("Bar chart, Top words")
    assert 'alt="Bar chart, Top words' in chart._repr_html_()
