"""Rendering: article text is always escaped; highlights keep contrast and never rely on colour."""

from __future__ import annotations

import re

import pytest

from framelab import loaded, render
from framelab.articles import parse_article

HOSTILE = ('The regime said <script>alert(1)</script> and <img src=x onerror="alert(2)"> '
           'were a farce & a "charade".')


def test_article_text_is_escaped_in_highlights() -> None:
    article = parse_article(HOSTILE)
    html = render.highlight_html(article, loaded.find_loaded(article))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html or \
        "&lt;img src=x onerror=\"alert(2)\"&gt;" in html
    assert 'class="flag cat-derision"' in html


def test_titles_and_tables_are_escaped() -> None:
    table = render.table_html([("<b>x</b>", 1)], ["<i>h</i>", "n"], "<script>c</script>")
    assert "<b>" not in table and "<i>" not in table and "<script>" not in table


@pytest.mark.parametrize("category", list(render.STYLES))
def test_highlight_colours_keep_text_readable(category: str) -> None:
    s = render.STYLES[category]
    assert render.contrast_ratio(render.TEXT_COLOUR, s.background) >= 4.5


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert render.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert render.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_categories_differ_without_colour() -> None:
    seen = {(s.tag, s.underline) for s in render.STYLES.values()}
    assert len({tag for tag, _ in seen}) == len(render.STYLES)
    article = parse_article("The ragtag thugs staged a charade.")
    html = render.highlight_html(article, loaded.find_loaded(article))
    assert "[NAME]" in html and "[DER]" in html
    assert re.search(r"text-decoration-style:(solid|dashed|dotted|double|wavy)", html)


def test_quoted_and_negated_flags_are_marked_in_words() -> None:
    article = parse_article('The minister said: "This is a farce." It is not a charade.')
    html = render.highlight_html(article, loaded.find_loaded(article))
    assert "[DER·Q]" in html and "quoted-speech" in html
    assert "[DER·NOT]" in html


def test_hidden_categories_are_not_marked() -> None:
    article = parse_article("The ragtag thugs staged a charade.")
    flags = loaded.find_loaded(article)
    html = render.highlight_html(article, flags, ["derision"])
    assert "[DER]" in html and "[NAME]" not in html
    assert "ragtag thugs staged" in html
