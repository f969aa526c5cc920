"""The framing profile separates opinion from wire copy, measure by measure."""

from __future__ import annotations

import statistics

import pytest

import framelab
from framelab import measures
from framelab.articles import parse_article


@pytest.fixture(scope="module")
def wire() -> list[framelab.Article]:
    return [framelab.load_article(p) for p in framelab.dataset_files("wire")]


@pytest.fixture(scope="module")
def op_ed() -> framelab.Article:
    return framelab.load_article(framelab.datasets_dir() / "contrast/counter_oped_liberation.md")


def test_every_measure_is_documented(seed) -> None:
    prof = measures.profile(seed)
    assert set(prof) == set(measures.MEASURES)
    for m in measures.MEASURES.values():
        assert m.counts and m.why and m.fails


def test_seed_against_wire(seed, wire) -> None:
    s = measures.profile(seed)
    w = [measures.profile(a) for a in wire]

    def mean(name: str) -> float:
        return statistics.fmean(p[name] for p in w)

    # measured, not built in: agency copy may use a label or two in its own voice
    assert s["loaded_per_1k"] > 15 and s["loaded_per_1k"] > 5 * mean("loaded_per_1k")
    assert s["attributed_sentence_share"] < 0.45 < 0.5 < mean("attributed_sentence_share")
    assert s["evaluative_per_100"] > 1.5 * mean("evaluative_per_100")
    assert s["sentiment_abs_mean"] > mean("sentiment_abs_mean")
    assert s["scare_quotes_per_1k"] > 0 == mean("scare_quotes_per_1k")
    assert s["loaded_reporting_share"] > 0.3 > mean("loaded_reporting_share")


def test_op_ed_speaks_to_the_reader(op_ed) -> None:
    p = measures.profile(op_ed)
    assert p["first_second_person_per_1k"] > 5
    assert p["question_exclaim_share"] > 0.05
    assert p["boosters_per_1k"] > 5
    assert p["scare_quotes_per_1k"] > 2


def test_a_small_text_counted_by_hand() -> None:
    text = ("We clearly know the truth! Officials claimed that about 40 people may have fled. "
            "Did the minister say so? The army advanced around the city.")
    p = measures.profile(parse_article(text))
    words = measures.word_count(text)
    assert words == 25
    assert p["question_exclaim_share"] == pytest.approx(2 / 4, abs=1e-3)
    assert p["hedges_per_1k"] == pytest.approx(1000 * 2 / words, abs=0.01)  # about 40, may
    assert p["boosters_per_1k"] == pytest.approx(1000 * 1 / words, abs=0.01)  # clearly
    assert p["first_second_person_per_1k"] == pytest.approx(1000 * 1 / words, abs=0.01)
    assert p["attributed_sentence_share"] == pytest.approx(2 / 4, abs=1e-3)
    assert p["loaded_reporting_share"] == pytest.approx(1 / 2, abs=1e-3)


def test_quoted_speech_is_not_the_writers_voice() -> None:
    quoted = measures.profile('The minister said: "We will clearly win and you will see."')
    own = measures.profile("We will clearly win and you will see, the minister said.")
    assert quoted["first_second_person_per_1k"] == 0 < own["first_second_person_per_1k"]
    assert quoted["boosters_per_1k"] == 0 < own["boosters_per_1k"]


def test_compare_groups_with_effect_sizes(seed, op_ed, wire) -> None:
    table = measures.compare([seed, op_ed], wire, ("opinion", "wire"))
    assert list(table.index) == list(measures.MEASURES)
    assert table.loc["loaded_per_1k", "cliffs_delta"] == 1.0
    assert table.loc["attributed_sentence_share", "cliffs_delta"] == -1.0
    assert table.loc["loaded_per_1k", "cohens_d"] > 2
    one_to_one = measures.compare([seed], [op_ed])
    assert one_to_one["cohens_d"].isna().all()


def test_effect_sizes_by_hand() -> None:
    assert measures.cliffs_delta([3, 4], [1, 2, 3]) == pytest.approx((5 - 0) / 6)
    assert measures.cohens_d([2, 4], [1, 3]) == pytest.approx(1 / (2 ** 0.5))
    assert measures.cohens_d([1], [2, 3]) is None


HAND_CHECKED = [
    # measure, text, expected value (counted by hand), text where it must be zero
    ("loaded_per_1k", "The so-called reform was a farce.", 1000 * 2 / 7,
     "The council approved the budget on Monday."),
    ("attributed_sentence_share", "Officials said the road was closed. The road was closed.", 0.5,
     "The road was closed."),
    ("hedges_per_1k", "The talks may resume.", 1000 / 4, "The talks resumed."),
    ("boosters_per_1k", "The talks clearly failed.", 1000 / 4, "The talks failed."),
    ("loaded_reporting_share", "He claimed it worked and she said it failed.", 0.5,
     "She said it failed."),
    ("evaluative_per_100", "It was a brilliant plan.", 100 / 5, "It was a plan."),
    ("first_second_person_per_1k", "We know you care.", 1000 * 2 / 4, "They know he cares."),
    ("question_exclaim_share", "Is it over? It is over.", 0.5, "It is over."),
    ("scare_quotes_per_1k", 'The "reforms" passed.', 1000 / 3, "The reforms passed."),
]


@pytest.mark.parametrize(("name", "text", "expected", "zero"), HAND_CHECKED,
                         ids=[c[0] for c in HAND_CHECKED])
def test_each_measure_on_hand_checked_text(name: str, text: str, expected: float,
                                           zero: str) -> None:
    assert measures.profile(text)[name] == pytest.approx(expected, abs=0.01)
    assert measures.profile(zero)[name] == 0


def test_sentiment_measures_follow_nltk_vader() -> None:
    from nltk.sentiment import SentimentIntensityAnalyzer

    compound = SentimentIntensityAnalyzer().polarity_scores("The plan is wonderful.")["compound"]
    assert compound > 0.5
    p = measures.profile("The plan is wonderful. The meeting is on Tuesday.")
    assert p["sentiment_abs_mean"] == pytest.approx(compound / 2, abs=1e-3)
    assert p["sentiment_sd"] == pytest.approx(compound / 2, abs=1e-3)
    flat = measures.profile("The meeting is on Tuesday. The vote is at noon.")
    assert flat["sentiment_abs_mean"] == 0 and flat["sentiment_sd"] == 0


def test_kit_vader_scores_exactly_as_nltk() -> None:
    from nltk.sentiment import SentimentIntensityAnalyzer

    from framelab.loaded import vader

    nltk_sia = SentimentIntensityAnalyzer()
    texts = [s.text for p in [framelab.seed_path(), *framelab.dataset_files("wire"),
                              *framelab.dataset_files("contrast")]
             for s in framelab.load_article(p).sentences]
    texts += ["GREAT!!! not bad, :) kind of... 'good'", "!!Wow,, really?!? \"fine\"", "ok"]
    assert [vader().polarity_scores(t) for t in texts] == [
        nltk_sia.polarity_scores(t) for t in texts]


def test_reported_speech_leaves_the_writers_voice_measures() -> None:
    reported = measures.profile("The general said the brilliant army had liberated the town.")
    own = measures.profile("The brilliant army had liberated the town, and the general said so.")
    assert reported["loaded_per_1k"] == 0 < own["loaded_per_1k"]
    assert reported["evaluative_per_100"] == 0 < own["evaluative_per_100"]


def test_kit_vader_does_not_touch_nltks_module(monkeypatch) -> None:
    from nltk.sentiment import vader as nltk_vader

    from framelab.loaded import vader

    original = nltk_vader.SentiText
    expected = vader().polarity_scores("A horrible, wonderful day!")

    class Forbidden:
        def __init__(self, *args: object) -> None:
            raise AssertionError("the kit reached NLTK's module global")

    monkeypatch.setattr(nltk_vader, "SentiText", Forbidden)
    assert vader().polarity_scores("A horrible, wonderful day!") == expected
    monkeypatch.undo()
    assert nltk_vader.SentiText is original


def test_name_parts_are_not_evaluative_words() -> None:
    names = "Officials of the United Nations and the United States met the Supreme Court."
    assert measures.profile(names)["evaluative_per_100"] == 0
    assert measures.evaluative_words("United, the party is strong and united.")
    for path in framelab.dataset_files("wire"):
        article = framelab.load_article(path)
        for a, _, word in measures.evaluative_words(article):
            assert not article.text[a].isupper() or article.text[a - 2] in ".!?\n", word
