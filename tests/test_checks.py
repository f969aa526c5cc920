"""The exercise checks decide: wrong answers get a ✗ and a hint, right variants a ✓.

The first part tests ``framelab.checks`` on its own. The second runs the real check cells
of every exercise set (the student copies in ``exercises/``) against a battery of wrong
answers a student could plausibly give, and of right variants, on the seed article.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest

from framelab import FramelabError, checks
from framelab.checks import WrongAnswer


def fails(run, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(WrongAnswer) as caught, checks.question(7) as q:
        run(q, *args, **kwargs)
    message = str(caught.value)
    assert message.startswith("✗ Question 7: "), message
    return message


def passes(run, capsys, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    with checks.question(7) as q:
        run(q, *args, **kwargs)
    assert capsys.readouterr().out == "✓ Question 7: correct\n"


def number(q, answer, expected=32, **kwargs):  # type: ignore[no-untyped-def]
    q.number(answer, expected, "n", **kwargs)


def items(q, answer, expected=("a", "b", "c"), **kwargs):  # type: ignore[no-untyped-def]
    q.items(answer, list(expected), "words", **kwargs)


def test_a_wrong_answer_is_an_assertion_and_a_framelab_error() -> None:
    assert issubclass(WrongAnswer, AssertionError)
    assert issubclass(WrongAnswer, FramelabError)


def test_right_numbers_pass_in_any_numeric_type(capsys) -> None:
    import numpy as np

    for answer in [32, 32.0, np.int64(32), np.float64(32.0)]:
        passes(number, capsys, answer, whole=True)
    passes(number, capsys, 1, 1.0)
    passes(number, capsys, 0.1235, 0.12345, decimals=3)
    passes(number, capsys, 7.01, 7.0, tolerance=0.01)


@pytest.mark.parametrize(("answer", "says"), [
    (None, "still None"),
    (True, "it should be a number"),
    ("32", "without quotation marks"),
    ("thirty", "it should be a number"),
    ([1, 2], "one number"),
    (float("nan"), "NaN"),
    (32.5, "whole number"),
    (31, "off by a little"),
    (320, "too large"),
    (-32, "wrong sign"),
])
def test_wrong_numbers_fail_with_a_hint(answer, says) -> None:  # type: ignore[no-untyped-def]
    message = fails(number, answer, whole=True)
    assert says in message
    assert "32" not in message.replace(repr(answer), "")


def test_numbers_name_known_mistakes_and_percentages() -> None:
    assert "counts words" in fails(number, 800, mistakes={800: "that counts words"})
    assert "percentage" in fails(number, 25.0, 0.25, share=True)
    assert "between 0 and 1" in fails(number, 1.5, 0.25, share=True)
    message = fails(number, 30, hint="Count article.sentences.")
    assert message.endswith("Count article.sentences.")


def test_a_mistake_equal_to_the_answer_is_never_used() -> None:
    message = fails(number, 31, mistakes={32: "this would be wrong to say"})
    assert "wrong to say" not in message


def test_items_ignore_order_unless_it_matters(capsys) -> None:
    passes(items, capsys, ["c", "a", "b"])
    passes(items, capsys, ("a", "b", "c"), ordered=True)
    passes(items, capsys, {"b", "a", "c"})
    assert "wrong order" in fails(items, ["c", "a", "b"], ordered=True, order="sorted")
    assert "has no order" in fails(items, {"a", "b", "c"}, ordered=True)


def test_pairs_may_be_lists_or_tuples(capsys) -> None:
    passes(items, capsys, [["x", 2], ["y", 1]], [("x", 2), ("y", 1)], ordered=True)
    assert "pairs of the wrong kinds" in fails(items, [("x", "2")], [("x", 2)])


@pytest.mark.parametrize(("answer", "says"), [
    (None, "still None"),
    ("abc", "square brackets"),
    ({"a": 1}, "it should be a list"),
    ([], "is empty"),
    (["A", "B", "C"], "lower-case"),
    (["a", "b", "b", "c"], "more than once"),
    (["a", "b"], "1 items are missing"),
    (["a", "b", "c", "zebra"], "'zebra'"),
    ([1, 2, 3], "numbers; it should hold texts"),
])
def test_wrong_lists_fail_with_a_hint(answer, says) -> None:  # type: ignore[no-untyped-def]
    message = fails(items, answer, unique=True)
    assert says in message


def test_lists_name_known_mistakes() -> None:
    message = fails(items, ["x"], mistakes=[(["x"], "those are the texts, not the labels")])
    assert "not the labels" in message


def test_texts(capsys) -> None:
    def text(q, answer, expected="militia", **kwargs):  # type: ignore[no-untyped-def]
        q.text(answer, expected, "word", **kwargs)

    passes(text, capsys, " militia\n")
    passes(text, capsys, "b", {"a", "b"})
    assert "upper and lower case" in fails(text, "Militia")
    assert "is empty" in fails(text, "")
    assert "store one text" in fails(text, ["militia"])
    assert "the densest" in fails(text, "other", mistakes={"other": "the densest"})

    class Keyword:
        word = "militia"

    assert "store its .word" in fails(text, Keyword())


def test_truth_and_mappings(capsys) -> None:
    def truth(q, answer):  # type: ignore[no-untyped-def]
        q.truth(answer, True, "same", hint="Compare with ==.")

    def mapping(q, answer):  # type: ignore[no-untyped-def]
        q.mapping(answer, {"a": 2, "b": 1}, "counts", keys="categories")

    passes(truth, capsys, True)
    assert "is False" in fails(truth, False)
    assert "without quotation" in fails(truth, "True")
    assert "True or False" in fails(truth, 1)
    passes(mapping, capsys, Counter({"a": 2, "b": 1}))
    passes(mapping, capsys, {"a": 2.0, "b": 1})
    assert "1 categories are missing" in fails(mapping, {"a": 2})
    assert "value for 'b'" in fails(mapping, {"a": 2, "b": 3})
    assert "it should be a dict" in fails(mapping, [("a", 2), ("b", 1)])


def test_other_errors_in_a_check_become_one_line() -> None:
    def broken(q, answer):  # type: ignore[no-untyped-def]
        q.expect(len(answer) > 2, "too short")

    assert "TypeError" in fails(broken, 5)
    assert "too short" in fails(broken, "ab")

    def hidden(q, answer):  # type: ignore[no-untyped-def]
        assert answer == 1, "grading found a difference"

    assert fails(hidden, 2) == "✗ Question 7: grading found a difference"
    assert math.isfinite(1.0)
