"""Figures: colour-blind-safe, labelled axes, a text alternative that says what they show."""

from __future__ import annotations

from pathlib import Path

import framelab
from framelab import keyness, loaded, measures, plots, render


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
    assert "seed is higher than wire on loaded words per 1,000 words" in chart.alt_text
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


def all_charts(seed) -> list[plots.Chart]:
    wire = [framelab.load_article(p) for p in framelab.dataset_files("wire")]
    op_ed = framelab.load_article(framelab.datasets_dir() / "contrast/counter_oped_liberation.md")
    texts = {"seed": seed, "op-ed": op_ed, **{f"wire {i}": w for i, w in enumerate(wire)}}
    per_text = {name: loaded.counts(loaded.find_loaded(a)) for name, a in texts.items()}
    table = measures.compare([seed], wire, ("seed", "wire"))
    compounds = [loaded.vader().polarity_scores(s.text)["compound"] for s in seed.sentences]
    return [
        plots.category_bars(per_text, "Loaded terms per category, every text", "flags"),
        plots.category_bars(dict(list(per_text.items())[:2]), "Two texts", "flags"),
        plots.profile_comparison(table, ("seed", "wire"), "seed vs wire"),
        plots.keyness_bars(keyness.keyness(seed, wire, min_freq=2), "Keywords", limit=15),
        plots.keyness_bars(keyness.keyness(seed, wire, min_freq=2, direction="under"),
                           "Negative keywords", limit=15),
        plots.sentiment_arc(compounds, "Sentiment"),
        plots.frequency_bars([("haftar", 8), ("libya", 7)], "Top words"),
    ]


def test_series_never_repeat_a_look_within_a_figure(seed) -> None:
    charts = all_charts(seed)
    assert len(plots.series_of(charts[0])[0]) > len(plots.OKABE_ITO)  # beyond 8 series
    for chart in charts:
        for panel in plots.series_of(chart):
            assert len(panel) == len(set(panel)), chart.alt_text[:60]
    looks = plots.series_styles(12)
    assert len({(s.colour, s.hatch, s.marker) for s in looks}) == 12


def test_figures_are_labelled_in_words_and_described(seed) -> None:
    for chart in all_charts(seed):
        assert len(chart.alt_text) > 40 and "_" not in chart.alt_text, chart.alt_text
        for ax in chart.figure.axes:
            texts = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel(),
                     *(t.get_text() for t in ax.get_yticklabels())]
            assert not any("_" in t for t in texts), texts


def test_value_labels_stay_inside_the_frame(seed) -> None:
    for chart in all_charts(seed):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        fig = chart.figure
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        for ax in fig.axes:
            frame = ax.get_window_extent(renderer)
            for text in ax.texts:
                box = text.get_window_extent(renderer)
                assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1, text.get_text()


def test_measures_zero_in_both_texts_are_named_not_drawn(seed) -> None:
    wire = [framelab.load_article(p) for p in framelab.dataset_files("wire")]
    table = measures.compare([seed], wire, ("seed", "wire"))
    zero = [m for m in table.index
            if not table.loc[m, "seed_mean"] and not table.loc[m, "wire_mean"]]
    assert zero, "the seed and the wire both have no first or second person"
    chart = plots.profile_comparison(table, ("seed", "wire"), "seed vs wire")
    titles = [ax.get_title() for ax in chart.figure.axes]
    assert len(titles) == len(table.index) - len(zero)
    for m in zero:
        assert plots.human_label(m) not in titles
        assert plots.human_label(m) in chart.alt_text.split("zero in both:")[1]


def test_category_chart_is_a_readable_height(seed) -> None:
    counts = {name: {c: 1.0 for c in render.STYLES} for name in ("seed", "op-ed")}
    chart = plots.category_bars(counts, "Ten categories, two texts")
    assert chart.figure.get_size_inches()[1] * 100 <= 650


def test_keyword_chart_shows_each_texts_frequency(seed) -> None:
    wire = [framelab.load_article(p) for p in framelab.dataset_files("wire")]
    keys = keyness.keyness(seed, wire, min_freq=2)
    chart = plots.keyness_bars(keys, "Keywords", limit=10, names=("seed", "wire"))
    frequencies, ratios = chart.figure.axes
    assert len(frequencies.containers) == 2 and len(ratios.containers) == 1
    assert [t.get_text() for t in frequencies.get_legend().get_texts()] == [
        "seed (count)", "wire (count)"]
    shown = sorted(keys, key=lambda k: (-k.g2, -abs(k.log_ratio), k.word))[0]
    assert f"{shown.word} ({shown.target_freq} against {shown.reference_freq}" in chart.alt_text
