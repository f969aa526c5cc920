"""Rendering: article text is always escaped; highlights keep contrast and never rely on colour."""

from __future__ import annotations

import re
from html import escape

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
    assert 'class="flag cat-derision' in html


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
    styles = list(render.STYLES.values())
    assert len({(s.underline, s.thickness, s.lines) for s in styles}) == len(styles)
    assert len({s.tag for s in styles}) == len(styles)
    assert len({s.background.upper() for s in styles}) == len(styles)
    article = parse_article("The ragtag thugs staged a charade.")
    html = render.highlight_html(article, loaded.find_loaded(article))
    assert ">NAME<" in html and ">DER<" in html
    assert re.search(r"text-decoration:underline (solid|dashed|dotted|double|wavy) [\d.]+px",
                     html)


def test_tags_are_readable_not_superscripts() -> None:
    rule = re.search(r"\.framelab-text mark \.tag, \.framelab-legend \.tag \{(.*?)\}",
                     render.CSS, re.S).group(1)
    assert "super" not in rule
    size = float(re.search(r"font: 700 ([\d.]+)em", rule).group(1))
    assert size >= 0.85


def test_a_students_own_categories_get_styles_of_their_own() -> None:
    styles = render.styles_for(["name_calling", "my_anxiety", "hype", "judgement"])
    own = [styles["hype"], styles["my_anxiety"]]
    assert [s.tag for s in own] == ["HYPE", "MY ANXIETY"]
    everyone = [*render.STYLES.values(), *own]
    assert len({s.background for s in everyone}) == len(everyone)
    assert len({s.decoration for s in everyone}) == len(everyone)
    assert all(render.contrast_ratio(render.TEXT_COLOUR, s.background) >= 4.5 for s in own)
    assert "FLAG" not in {s.tag for s in own}


def test_highlights_are_reachable_and_explain_themselves() -> None:
    article = parse_article("The ragtag thugs staged a theatrical charade of reform.")
    flags = loaded.find_loaded(article)
    html = render.highlight_html(article, flags)
    marks = re.findall(r'<mark class="flag[^"]*" tabindex="0" role="button" '
                       r'aria-describedby="([^"]+)" data-flag="(\d+)"', html)
    assert len(marks) == len(flags)
    for why_id, index in marks:
        flag = flags[int(index)]
        reason = re.search(f'<span class="why" role="tooltip" id="{why_id}">(.*?)</span>',
                           html).group(1)
        assert escape(flag.why) in reason and escape(flag.term) in reason
    assert "mark:focus .why" in html and "mark:hover .why" in html


def test_quoted_and_negated_flags_are_marked_in_words() -> None:
    article = parse_article('The minister said: "This is a farce." It is not a charade.')
    html = render.highlight_html(article, loaded.find_loaded(article))
    assert ">DER·Q<" in html and "quoted-speech" in html
    assert ">DER·NOT<" in html and "negated: a" in html


def test_hidden_categories_are_not_marked() -> None:
    article = parse_article("The ragtag thugs staged a charade.")
    flags = loaded.find_loaded(article)
    html = render.highlight_html(article, flags, ["derision"])
    assert ">DER<" in html and ">NAME<" not in html
    assert "ragtag thugs staged" in html


def test_legend_describes_each_line_in_words() -> None:
    html = render.legend_html(["name_calling", "irony"], quoted=["speech"])
    assert "thick solid underline" in html and "thin wavy underline" in html
    assert "quoted speech" in html


def test_tables_have_separate_headers_and_aligned_numbers() -> None:
    html = render.table_html([("charade", 2, "1.2"), ("farce", 10, "–")],
                             ["word", "count", "per 1,000 words"], "Counts")
    assert '<th scope="col">word</th><th scope="col" class="num">count</th>' in html
    assert '<td class="num">10</td>' in html and '<td class="num">–</td>' in html
    assert "<caption>Counts</caption>" in html and "text-align: right" in html


def test_reported_speech_names_its_speaker_and_has_its_own_cue() -> None:
    article = parse_article("The LNA said it had liberated the town. The senator claimed the "
                            "vote was a sham.")
    flags = loaded.find_loaded(article)
    html = render.highlight_html(article, flags)
    reported = [f for f in flags if f.quoted == "reported"]
    assert reported, "the lexicon finds loaded words inside reported clauses"
    assert "quoted-reported" in html and "·R<" in html
    assert "in reported speech: attributed to The LNA" in html
    legend = render.legend_html({f.category for f in flags}, [f.quoted for f in flags])
    assert "in reported speech" in legend and "·R" in legend


def test_counts_read_as_english() -> None:
    assert render.counted(1, "occurrence") == "1 occurrence"
    assert render.counted(0, "line") == "0 lines"
    assert render.counted(2, "story", "stories") == "2 stories"
    assert render.counted(1200, "word") == "1,200 words"
