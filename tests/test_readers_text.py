"""Text and Markdown: the seed and the Markdown rules load exactly as they did before readers/.

The digests and offsets below were computed with the loader as it stood before the
format readers were split out (commit 491eef0); any change to them is a change to what
every lesson and every saved annotation points at.
"""

from __future__ import annotations

import hashlib
import json

import framelab
from framelab.articles import parse_article

SEED_SECTIONS = [
    ("title", 2, 69), ("byline", 71, 97), ("dateline", 99, 130), ("tags", 132, 224),
    ("body", 226, 5141), ("separator", 5143, 5144), ("note_to_readers", 5146, 5293),
    ("author_bio", 5295, 5515), ("source", 5517, 5571), ("copyright", 5572, 5630),
    ("comment_link", 5632, 5693), ("membership", 5695, 5729), ("articles_by", 5731, 5767),
    ("disclaimer", 5769, 6365), ("fair_use", 6367, 6965), ("media_contact", 6967, 7018),
]
SEED_DIGESTS = {
    "sections": "3f0203aab409e58d0b375460b949ecfd93b0b43a48adb71f0091aa6c469768a0",
    "paragraphs": "5e00c45d6bc3b7d3944ce56e346b6f324a9232d3e6d0a11b773da89379679239",
    "sentences": "dd889ee80e887a2a8eb1634a45af0f532eefd72e0038354af84f71e56ed7c36e",
    "words": "096d3c18d493eadf600b1966d43435c6f203d45c762ed410138e0510146dd69b",
}
SEED_TEXT_DIGEST = "170733468711186bc53feb912ab53f30c8e0b72a4c9ad99adc2c679a5f2bc856"
SEED_BODY_TOKENS_DIGEST = "0caf13cd0f14089c3abb01b5d94b1051bd169ad02309899bae6135d26db9979f"


def _digest(spans) -> str:
    rows = [[s.start, s.end, s.text] for s in spans]
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def test_seed_sections_sentences_and_words_are_unchanged(seed: framelab.Article) -> None:
    assert [(s.kind, s.start, s.end) for s in seed.sections] == SEED_SECTIONS
    assert (len(seed.paragraphs), len(seed.sentences), len(seed.words)) == (14, 32, 898)
    for name, digest in SEED_DIGESTS.items():
        assert _digest(getattr(seed, name)) == digest, name
    assert hashlib.sha256(seed.text.encode()).hexdigest() == SEED_TEXT_DIGEST
    assert seed.body_range == (201, 5091)
    tokens = json.dumps(seed.body_tokens).encode()
    assert hashlib.sha256(tokens).hexdigest() == SEED_BODY_TOKENS_DIGEST


def test_seed_is_read_as_plain_text(seed: framelab.Article) -> None:
    assert seed.format == "text"
    assert seed.raw is None
    assert seed.source == framelab.seed_path().read_text(encoding="utf-8")


MARKDOWN = (
    "---\ntitle: Constructed test story\ndate: 2019-04-09\n---\n\n"
    "Constructed test story\nBy Jane Doe\nExample Wire, April 9, 2019\n\n"
    "Tags: Libya, [Tripoli](https://example.org/t)\n\n"
    "TRIPOLI, April 9 — Officials [said](#) the talks were postponed. "
    "The U.N. envoy gave no new date.\n\n"
    "Residents “fled” the southern districts, a [local council](https://example.org/c) said "
    "on Tuesday\n\nafter a night of shelling.\n\n"
    "* * *\n\nCopyright © Example Wire 2019.\n\nSubscribe to our newsletter\n"
)
MARKDOWN_SECTIONS = [
    ("title", 56, 78), ("byline", 79, 90), ("dateline", 91, 118), ("tags", 120, 165),
    ("body", 167, 391), ("separator", 393, 398), ("copyright", 400, 430),
    ("membership", 432, 459),
]
MARKDOWN_SENTENCES = [(167, 231), (232, 264), (266, 391)]
MARKDOWN_WORDS = [
    (167, 174), (174, 175), (176, 181), (182, 183), (184, 185), (186, 195), (197, 201),
    (206, 209), (210, 215), (216, 220), (221, 230), (230, 231), (232, 235), (236, 240),
    (241, 246), (247, 251), (252, 254), (255, 258), (259, 263), (263, 264), (266, 275),
    (276, 277), (277, 281), (281, 282), (283, 286), (287, 295), (296, 305), (305, 306),
    (307, 308), (310, 315), (316, 323), (348, 352), (353, 355), (356, 363), (365, 370),
    (371, 372), (373, 378), (379, 381), (382, 390), (390, 391),
]


def test_markdown_rules_are_unchanged() -> None:
    article = parse_article(MARKDOWN)
    assert [(s.kind, s.start, s.end) for s in article.sections] == MARKDOWN_SECTIONS
    assert [(s.start, s.end) for s in article.sentences] == MARKDOWN_SENTENCES
    assert [(w.start, w.end) for w in article.words] == MARKDOWN_WORDS
    assert article.title == "Constructed test story"
    assert article.author == "Jane Doe" and article.outlet == "Example Wire"


def test_a_markdown_file_loads_like_the_same_text(tmp_path) -> None:
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = framelab.load_article(path)
    assert article.format == "markdown"
    assert [(s.kind, s.start, s.end) for s in article.sections] == MARKDOWN_SECTIONS
    assert article.source == MARKDOWN
