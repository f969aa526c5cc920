"""Loading articles: metadata, body versus boilerplate, sentences and offsets."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import framelab
from framelab.articles import parse_article, split_sentences


def test_seed_metadata(seed: framelab.Article) -> None:
    assert seed.title == "Failed States and Militias: General Khalifa Haftar Moves on Tripoli"
    assert seed.author == "Binoy Kampmark"
    assert seed.date == dt.date(2019, 4, 21)
    assert seed.outlet == "Global Research"


def test_seed_file_is_kept_byte_for_byte() -> None:
    shipped = framelab.seed_path().read_bytes()
    original = Path(__file__).resolve().parents[2] / "shared" / "seed" / framelab.seed_path().name
    if original.exists():
        assert shipped == original.read_bytes()
    assert framelab.load_article(framelab.seed_path()).source == shipped.decode("utf-8")


def test_seed_body_starts_and_ends_in_the_right_place(seed: framelab.Article) -> None:
    assert seed.body.startswith("The richly disastrous mess")
    assert seed.body.endswith("the next blood soaked Syria.")
    assert "Note to readers" not in seed.body
    assert seed.source.index("Note to readers") > seed.body_span.end


def test_seed_boilerplate_is_kept_apart(seed: framelab.Article) -> None:
    kinds = [s.kind for s in seed.sections]
    for kind in [
        "title",
        "byline",
        "dateline",
        "tags",
        "note_to_readers",
        "author_bio",
        "source",
        "copyright",
        "membership",
        "disclaimer",
        "media_contact",
    ]:
        assert kind in kinds, kind
    by_kind = {s.kind: s for s in seed.sections}
    assert by_kind["author_bio"].text.startswith("Dr. Binoy Kampmark was a Commonwealth Scholar")
    assert by_kind["media_contact"].text == "For media inquiries: publications@globalresearch.ca"
    assert kinds.index("title") < kinds.index("body") < kinds.index("note_to_readers")
    for s in seed.boilerplate:
        assert s.text not in seed.body


def test_sections_cover_the_file_in_order(seed: framelab.Article) -> None:
    ends = 0
    for section in seed.sections:
        assert section.start >= ends
        assert seed.source[ends : section.start].strip() == ""
        ends = section.end
    assert seed.source[ends:].strip() == ""


def test_markdown_links_read_as_their_words(seed: framelab.Article) -> None:
    assert "keen to stress his view" in seed.body
    assert "[stress](#)" in seed.source
    assert "](#)" not in seed.body
    byline = next(s for s in seed.sections if s.kind == "byline")
    assert byline.text == "By Dr. Binoy Kampmark"


def test_no_sentence_ends_at_mike(seed: framelab.Article) -> None:
    assert not any(s.text.rstrip().endswith("Mike") for s in seed.sentences)
    pompeo = [s for s in seed.sentences if "Pompeo" in s.text]
    assert len(pompeo) == 1
    assert "Secretary of State Mike" in pompeo[0].text
    assert pompeo[0].text.endswith("halt his attack.)")


def test_sentences_are_the_ones_a_reader_sees(seed: framelab.Article) -> None:
    texts = [s.text for s in seed.sentences]
    assert "How inconsiderate of them." in texts
    assert "It takes one to get rid of one." in texts
    assert len(texts) == 32


def test_every_span_maps_back_into_the_source(seed: framelab.Article) -> None:
    for word in seed.words:
        assert seed.source[word.start : word.end] == word.text
    for sentence in seed.sentences:
        raw = seed.source[sentence.start : sentence.end]
        assert raw.replace("[", "").replace("](#)", "") == sentence.text
    for hit in seed.find("ragtag"):
        assert seed.source[hit.start : hit.end] == "ragtag"


def test_words_match_nltk_word_tokenize(seed: framelab.Article) -> None:
    import nltk

    for sentence in seed.sentences[:10]:
        expected = [t for t in nltk.word_tokenize(sentence.text) if t not in {"``", "''"}]
        got = [w.text for w in seed.words if sentence.start <= w.start < sentence.end]
        got = [t for t in got if t not in {'"', "“", "”"}]
        assert got == expected


def test_describe_counts_words_as_the_tools_do(seed: framelab.Article) -> None:
    from framelab import measures

    words, sentences = measures.word_count(seed), len(seed.sentences)
    assert f"body: {words:,} words in {sentences} sentences" in seed.describe()
    assert measures.word_count(seed) != len(seed.words)  # punctuation is not a word
    small = parse_article('The UN-backed force, she said, was "ragtag".')
    assert "body: 8 words in 1 sentence and 1 paragraph\n" in small.describe()


def test_find_is_whole_word_and_case_insensitive(seed: framelab.Article) -> None:
    assert len(seed.find("charade")) == 2
    assert all(seed.source[h.start : h.end].lower() == "charade" for h in seed.find("CHARADE"))
    assert seed.find("state") and not any(h.text.lower() == "states" for h in seed.find("state"))


def test_metadata_from_header_lines_matches_side_file(tmp_path: Path, seed) -> None:
    copy = tmp_path / "article.txt"
    shutil.copy(framelab.seed_path(), copy)
    plain = framelab.load_article(copy)
    assert (plain.title, plain.author, plain.date, plain.outlet) == (
        seed.title,
        seed.author,
        seed.date,
        seed.outlet,
    )
    assert plain.body == seed.body


def test_front_matter_gives_metadata_and_offsets_count_it(tmp_path: Path) -> None:
    path = tmp_path / "wire.md"
    path.write_text(
        "---\ntitle: Test report\ndate: 2019-04-09\nconstructed: true\n---\n\n"
        "TRIPOLI, April 9 — Officials said the talks were postponed. "
        "They gave no new date.\n",
        encoding="utf-8",
    )
    article = framelab.load_article(path)
    assert article.title == "Test report"
    assert article.date == dt.date(2019, 4, 9)
    assert article.metadata["constructed"] is True
    assert article.body.startswith("TRIPOLI, April 9")
    assert [s.text for s in article.sentences][-1] == "They gave no new date."
    word = article.words[0]
    assert article.source[word.start : word.end] == "TRIPOLI"


def test_html_page_loads_as_its_article_text_with_offsets_into_that_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Site | Story</title>"
        '<meta name="author" content="Ana Ruiz"><meta property="article:published_time" '
        'content="2019-04-10T08:00:00Z"><style>p{color:red}</style></head><body>'
        "<nav>Home News Sport</nav><article><h1>Talks &amp; troops</h1><p>By Ana Ruiz</p>"
        "<p>The army &ldquo;liberated&rdquo; the   town, its spokesman said.</p>"
        "<p>Residents <b>disputed</b> that. <script>track()</script></p></article>"
        "<footer><p>Copyright 2019 Example News</p></footer></body></html>",
        encoding="utf-8",
    )
    article = framelab.load_article(page)
    assert article.format == "html"
    assert article.title == "Talks & troops"
    assert article.author == "Ana Ruiz"
    assert article.date == dt.date(2019, 4, 10)
    assert article.body == (
        "The army “liberated” the town, its spokesman said.\n\nResidents disputed that."
    )
    # script, style and menu removed; entities decoded in the text every offset indexes
    for gone in ["Home News", "track()", "color:red", "&ldquo;", "&amp;"]:
        assert gone not in article.source, gone
    quote = next(w for w in article.words if w.text == "“")
    assert article.source[quote.start : quote.end] == "“"
    for word in article.words:
        assert article.source[word.start : word.end] == word.text
    # the page itself is kept, untouched, for a reader who wants it
    assert article.raw == page.read_text(encoding="utf-8")
    assert "&ldquo;liberated&rdquo;" in article.raw
    assert [s.kind for s in article.sections][:2] == ["title", "byline"]
    assert "Copyright" not in article.source


def test_cp1252_smart_quotes_load_and_say_so(tmp_path: Path) -> None:
    import warnings

    path = tmp_path / "word_export.txt"
    path.write_bytes("The minister said “we will not retreat” — and left.".encode("cp1252"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = framelab.load_article(path)
    assert article.encoding == "cp1252"
    assert "“we will not retreat”" in article.body
    assert any("cp1252" in str(w.message) for w in caught)
    assert any("cp1252" in note for note in article.notes)


def test_paragraph_breaks_end_sentences_unless_mid_sentence() -> None:
    text = (
        "Background\n\nThe talks failed. Officials left\n\nthe city at dawn.\n\n"
        "A long paragraph that runs on and on without any final punctuation at all here\n\n"
        "Then it goes on."
    )
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == [
        "Background",
        "The talks failed.",
        "Officials left\n\nthe city at dawn.",
        "A long paragraph that runs on and on without any final punctuation at all here"
        "\n\nThen it goes on.",
    ]


def test_load_folder_reads_every_article(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md"]:
        (tmp_path / name).write_text(f"Body of {name} is here. It has two sentences.\n")
    (tmp_path / "notes.csv").write_text("x,y\n")
    loaded = framelab.load_folder(tmp_path)
    assert [a.path.name for a in loaded] == ["a.md", "b.txt"]


def test_header_lines_without_blank_lines_and_a_body_that_sounds_like_a_footer() -> None:
    from framelab.articles import parse_article

    article = parse_article(
        "Storm hits coast\nBy Jane Doe\nExample News, April 21, 2019\n\n"
        "The storm reached the coast on Sunday, officials said.\n\n"
        "Support our troops, the minister said, as the army helped clear the roads in the "
        "north of the region after the floods.\n\nResidents returned.\n\n"
        "Subscribe to our newsletter\n")
    assert (article.title, article.author, article.outlet) == (
        "Storm hits coast", "Jane Doe", "Example News")
    assert article.date == dt.date(2019, 4, 21)
    assert article.body.endswith("Residents returned.")
    assert [s.kind for s in article.sections][-1] == "membership"


def test_an_upload_is_read_by_its_content(tmp_path: Path) -> None:
    from framelab.articles import article_from_bytes
    from readers_fixtures import HEADLINE, article_docx

    article = article_from_bytes(article_docx(), "upload.docx")
    assert article.format == "docx" and article.title == HEADLINE
    text = article_from_bytes(b"The council met, officials said.", "note.txt")
    assert text.format == "text" and text.body == "The council met, officials said."
