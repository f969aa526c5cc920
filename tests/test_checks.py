"""The exercise checks decide: wrong answers get a ✗ and a hint, right variants a ✓.

The first part tests ``framelab.checks`` on its own. The second runs the real check cells
of every exercise set (the student copies in ``exercises/``) against a battery of wrong
answers a student could plausibly give, and of right variants, on the seed article.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import io
import math
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
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


# --- The real check cells, against wrong answers and right variants -----------------------

ROOT = Path(__file__).resolve().parents[1]


def _cells(path: Path) -> list[nbformat.NotebookNode]:
    return nbformat.read(path, as_version=4).cells


def _grade_id(cell: nbformat.NotebookNode) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


OTHER_ARTICLES = ("../datasets/contrast/counter_oped_liberation.md",
                  "../datasets/wire/2019-04-12_explainer-who-is-fighting.md")
"""Texts the batteries try, in order, where a mistake gives the right answer on the seed."""


@functools.cache
def answered(name: str, article: str | None = None) -> dict[str, Any]:
    """The names an answer key binds when run top to bottom on the seed (or on ``article``,
    as a student who sets the parameters cell would), in-process.

    Runs every code cell of ``solutions/NAME`` (answers and full checks, hidden tests
    included) in the solutions folder, as a student's kernel would.
    """
    namespace: dict[str, Any] = {"__name__": "__exercise__"}
    here = os.getcwd()
    os.chdir(ROOT / "solutions")
    try:
        with contextlib.redirect_stdout(io.StringIO()) as shown:
            for cell in _cells(ROOT / "solutions" / name):
                if cell.cell_type == "code":
                    source = cell.source
                    if article and "parameters" in cell.metadata.get("tags", []):
                        source = f"ARTICLE = {article!r}"
                    exec(compile(source, f"{name}:{_grade_id(cell)}", "exec"), namespace)
    finally:
        os.chdir(here)
    assert "✗" not in shown.getvalue()
    return namespace


def student_check(name: str, number: int) -> str:
    """The source of question ``number``'s check cell as students get it (no hidden tests)."""
    for cell in _cells(ROOT / "exercises" / name):
        if _grade_id(cell) == f"q{number}_check":
            return cell.source
    raise LookupError(f"{name} has no check cell for question {number}")


def run_check(name: str, number: int, answers: dict[str, Any],
              article: str | None = None) -> str:
    """Run the student's check cell with ``answers`` bound; return what it printed."""
    namespace = dict(answered(name, article))
    namespace.update(answers)
    here = os.getcwd()
    os.chdir(ROOT / "exercises")
    try:
        with contextlib.redirect_stdout(io.StringIO()) as shown:
            exec(compile(student_check(name, number), f"{name}:q{number}", "exec"), namespace)
    finally:
        os.chdir(here)
    return shown.getvalue()


Answers = Callable[[dict[str, Any]], dict[str, Any] | None]
"""Computes a case's answers from the answer key's names; None where the case does not arise."""


@dataclass(frozen=True)
class Case:
    """Answers for one question (computed from the answer key's names) and what to expect."""

    set: str
    question: int
    answers: Answers
    says: str = ""  # for a wrong answer: words the hint must contain

    def __str__(self) -> str:
        return f"{self.set[:2]}-q{self.question}"


WRONG: list[Case] = []
RIGHT: list[Case] = []


def wrong(set_name: str, question: int, says: str, answers: Answers) -> None:
    WRONG.append(Case(set_name, question, answers, says))


def right(set_name: str, question: int, answers: Answers) -> None:
    RIGHT.append(Case(set_name, question, answers))


EX00 = "00_jupyter_and_python_basics_exercises.ipynb"


def _ex00() -> None:
    s = EX00
    wrong(s, 1, "counts sentences", lambda ns: {"n_paragraphs": len(ns["article"].sentences)})
    wrong(s, 1, "counts words", lambda ns: {"n_paragraphs": len(ns["article"].words)})
    wrong(s, 1, "without quotation marks", lambda ns: {"n_paragraphs": str(ns["n_paragraphs"])})
    wrong(s, 1, "still None", lambda ns: {"n_paragraphs": None})
    wrong(s, 1, "off by a little", lambda ns: {"n_paragraphs": ns["n_paragraphs"] + 1})
    right(s, 1, lambda ns: {"n_paragraphs": float(ns["n_paragraphs"])})
    wrong(s, 2, "first sentence", lambda ns: {"last_sentence": ns["article"].sentences[0].text})
    wrong(s, 2, "second-to-last", lambda ns: {"last_sentence": ns["article"].sentences[-2].text})
    wrong(s, 2, "store its .text", lambda ns: {"last_sentence": ns["article"].sentences[-1]})
    wrong(s, 2, "store one text", lambda ns: {"last_sentence": [ns["last_sentence"]]})
    right(s, 2, lambda ns: {"last_sentence": ns["last_sentence"] + " "})
    wrong(s, 3, "swapped", lambda ns: {"details": {"title": ns["article"].author,
                                                   "author": ns["article"].title}})
    wrong(s, 3, "quotation marks", lambda ns: {"details": {"title": "article.title",
                                                           "author": "article.author"}})
    wrong(s, 3, "missing", lambda ns: {"details": {"title": ns["article"].title}})
    wrong(s, 3, "should be a dict", lambda ns: {"details": [ns["article"].title,
                                                            ns["article"].author]})
    right(s, 3, lambda ns: {"details": dict(author=ns["article"].author,
                                            title=ns["article"].title)})
    wrong(s, 4, "not lower-cased", lambda ns: {"words_in_title": ns["article"].title.split()})
    wrong(s, 4, "letters", lambda ns: {"words_in_title": list(ns["article"].title.lower())})
    wrong(s, 4, "square brackets", lambda ns: {"words_in_title": ns["article"].title.lower()})
    wrong(s, 4, "wrong order", lambda ns: {"words_in_title": sorted(ns["words_in_title"])})
    right(s, 4, lambda ns: {"words_in_title": tuple(ns["words_in_title"])})


_ex00()


EX01 = "01_the_article_as_data_exercises.ipynb"


def _ex01() -> None:
    s = EX01
    wrong(s, 1, "too small", lambda ns: {"n_sentences": 10})
    wrong(s, 1, "counts word tokens", lambda ns: {"n_sentences": len(ns["article"].tokens)})
    wrong(s, 1, "whole file", lambda ns: {
        "n_sentences": len(ns["nltk"].sent_tokenize(ns["article"].text))})
    wrong(s, 1, "paragraphs", lambda ns: {"n_sentences": len(ns["article"].paragraphs)})
    wrong(s, 1, "off by a little", lambda ns: {"n_sentences": ns["n_sentences"] - 1})
    wrong(s, 1, "without quotation marks", lambda ns: {"n_sentences": str(ns["n_sentences"])})
    wrong(s, 1, "one number", lambda ns: {"n_sentences": list(ns["article"].sentences)})
    wrong(s, 1, "still None", lambda ns: {"n_sentences": None})
    right(s, 1, lambda ns: {"n_sentences": float(ns["n_sentences"])})

    def counted(ns: dict[str, Any], tokens: list[str], keep: Callable[[str], bool]) -> Any:
        return ns["nltk"].FreqDist(t for t in tokens if keep(t))

    wrong(s, 2, "stopwords", lambda ns: {"top10": counted(
        ns, [t.lower() for t in ns["article"].tokens], str.isalpha).most_common(10)})
    wrong(s, 2, "lower-cased", lambda ns: {"top10": counted(
        ns, ns["article"].tokens, lambda t: t.isalpha() and t.lower() not in ns["stop"]
    ).most_common(10)})
    wrong(s, 2, "punctuation", lambda ns: {"top10": counted(
        ns, [t.lower() for t in ns["article"].tokens], lambda t: t not in ns["stop"]
    ).most_common(10)})
    wrong(s, 2, "whole file", lambda ns: {"top10": counted(
        ns, [t.lower() for t in ns["nltk"].word_tokenize(ns["article"].text)],
        lambda t: t.isalpha() and t not in ns["stop"]).most_common(10)})
    wrong(s, 2, "should hold 10 pairs", lambda ns: {"top10": ns["freq"].most_common(15)})
    wrong(s, 2, "pairs", lambda ns: {"top10": [w for w, _ in ns["top10"]]})
    wrong(s, 2, ".most_common", lambda ns: {"top10": ns["freq"]})
    wrong(s, 2, "most common first", lambda ns: {"top10": ns["top10"][::-1]})
    wrong(s, 2, "count of", lambda ns: {"top10": [(w, c + 1) for w, c in ns["top10"]]})
    right(s, 2, lambda ns: {"top10": [[w, c] for w, c in ns["top10"]]})
    right(s, 2, lambda ns: {"top10": Counter(
        w for w in ns["words"] if w not in ns["stop"]).most_common(10)})

    wrong(s, 3, "too small", lambda ns: {"boilerplate_share": 0.01})
    wrong(s, 3, "too large", lambda ns: {"boilerplate_share": 0.9})
    wrong(s, 3, "share of the body", lambda ns: {
        "boilerplate_share": 1 - ns["boilerplate_share"]})
    wrong(s, 3, "percentage", lambda ns: {"boilerplate_share": 100 * ns["boilerplate_share"]})
    wrong(s, 3, "number of tokens", lambda ns: {
        "boilerplate_share": len(ns["all_tokens"]) - len(ns["body_tokens"])})
    wrong(s, 3, "characters", lambda ns: {
        "boilerplate_share": 1 - len(ns["article"].body) / len(ns["article"].text)})
    wrong(s, 3, "without quotation marks", lambda ns: {
        "boilerplate_share": f"{ns['boilerplate_share']:.0%}"})
    right(s, 3, lambda ns: {"boilerplate_share": round(ns["boilerplate_share"], 2)})

    wrong(s, 4, "is False", lambda ns: {"same": not ns["same"]})
    wrong(s, 4, "without quotation", lambda ns: {"same": str(ns["same"])})
    wrong(s, 4, "second sentence", lambda ns: {
        "start": ns["article"].sentences[1].start, "end": ns["article"].sentences[1].end})
    wrong(s, 4, "article.text", lambda ns: {
        "start": ns["article"].text.find(ns["first"].text)})
    wrong(s, 4, "length", lambda ns: {"end": len(ns["first"].text)})
    right(s, 4, lambda ns: {"same": bool(ns["same"]), "start": float(ns["start"])})

    wrong(s, 5, "not a list", lambda ns: {"lines": "Haftar"})
    wrong(s, 5, "too small", lambda ns: {"lines": []})
    wrong(s, 5, "Haftar", lambda ns: {"lines": ns["text"].concordance_list("Tripoli", lines=1000)})
    wrong(s, 5, "tokens after", lambda ns: {"words_before": [
        ns["article"].tokens[i + 1] for i, t in enumerate(ns["article"].tokens)
        if t.lower() == "haftar"]})
    wrong(s, 5, "first tokens", lambda ns: {
        "words_before": [line.left[0] for line in ns["lines"] if line.left]})
    wrong(s, 5, "is empty", lambda ns: {"words_before": []})
    wrong(s, 5, "wrong order", lambda ns: {"words_before": sorted(ns["words_before"])}
          if sorted(ns["words_before"]) != ns["words_before"] else {"words_before": []})
    right(s, 5, lambda ns: {"lines": ns["text"].concordance_list("haftar", lines=1000)})
    right(s, 5, lambda ns: {"words_before": tuple(ns["words_before"])})


_ex01()



EX02 = "02_loaded_vocabulary_exercises.ipynb"


def _ex02() -> None:
    s = EX02
    wrong(s, 1, "is empty", lambda ns: {"counts": {}})
    wrong(s, 1, "lexicon terms", lambda ns: {"counts": Counter(f.term for f in ns["flags"])})
    wrong(s, 1, "writer's own voice", lambda ns: {
        "counts": ns["loaded"].counts(ns["loaded"].writer_flags(ns["flags"]))})
    wrong(s, 1, "value for", lambda ns: {"counts": {k: v + 1 for k, v in ns["counts"].items()}})
    wrong(s, 1, "should be a dict", lambda ns: {"counts": list(ns["counts"].items())})
    right(s, 1, lambda ns: {"counts": dict(Counter(f.category for f in ns["flags"]))})
    wrong(s, 2, "scare quotes", lambda ns: {
        "mine": [f for f in ns["flags"] if not f.quoted and not f.negated]})
    wrong(s, 2, "negated flags too", lambda ns: {
        "mine": [f for f in ns["flags"] if f.quoted not in ns["loaded"].OTHER_VOICES]})
    wrong(s, 2, "someone else's words", lambda ns: {
        "mine": [f for f in ns["flags"] if not f.negated]})
    wrong(s, 2, "reported speech", lambda ns: {
        "mine": [f for f in ns["flags"] if f.quoted != "speech" and not f.negated]}
          if any(f.quoted == "reported" for f in ns["flags"]) else None)
    wrong(s, 2, "is empty", lambda ns: {"mine": []})
    wrong(s, 2, "NOT in the writer", lambda ns: {"share": 1 - ns["share"]})
    wrong(s, 2, "number of flags", lambda ns: {"share": len(ns["mine"])})
    wrong(s, 2, "percentage", lambda ns: {"share": 100 * ns["share"]})
    wrong(s, 2, "too", lambda ns: {"share": 0.5 if abs(ns["share"] - 0.5) > 0.1 else 0.1})
    right(s, 2, lambda ns: {"mine": list(reversed(ns["mine"])), "share": round(ns["share"], 2)})
    wrong(s, 3, "is empty", lambda ns: {"in_speech": []})
    wrong(s, 3, "scare quotes", lambda ns: {"in_speech": [f for f in ns["flags"] if f.quoted]})
    wrong(s, 3, "writer's own voice", lambda ns: {
        "in_speech": ns["loaded"].writer_flags(ns["flags"])})
    wrong(s, 3, "texts (str)", lambda ns: {"in_speech": [f.text for f in ns["in_speech"]]})
    right(s, 3, lambda ns: {"in_speech": tuple(ns["in_speech"])})
    wrong(s, 4, "densest", lambda ns: {"best_sentence": max(
        ns["scores"], key=lambda x: x.score).sentence.text})
    wrong(s, 4, "density", lambda ns: {"best_flags": max(x.score for x in ns["scores"])})
    wrong(s, 4, "store its .text", lambda ns: {"best_sentence": ns["best"].sentence})
    wrong(s, 4, "first sentence", lambda ns: {"best_sentence": ns["article"].sentences[0].text}
          if ns["scores"][0].flags != ns["best_flags"] else None)
    wrong(s, 4, "not the right text", lambda ns: {"best_sentence": "Haftar moves on Tripoli."})
    wrong(s, 4, "too small", lambda ns: {"best_flags": 0})
    right(s, 4, lambda ns: {"best_sentence": ns["best_sentence"] + "\n",
                            "best_flags": float(ns["best_flags"])})
    right(s, 4, lambda ns: {"best_sentence": [x for x in ns["scores"]
                                              if x.flags == ns["best_flags"]][-1].sentence.text})
    wrong(s, 5, "is empty", lambda ns: {"unknown": []})
    wrong(s, 5, "does know", lambda ns: {
        "unknown": [w for w in ns["words"] if w in ns["sia"].lexicon]})
    wrong(s, 5, "every word", lambda ns: {"unknown": list(ns["words"])})
    wrong(s, 5, "square brackets", lambda ns: {"unknown": " ".join(ns["unknown"])})
    right(s, 5, lambda ns: {"unknown": set(ns["unknown"])})
    right(s, 5, lambda ns: {"unknown": ns["unknown"][::-1]})


EX03 = "03_comparing_with_wire_copy_exercises.ipynb"


def _ex03() -> None:
    s = EX03
    wrong(s, 1, "multiply the sum by 2", lambda ns: {"g2": ns["g2"] / 2})
    wrong(s, 1, "natural logarithm", lambda ns: {"lr": math.log((12 / 800) / (20 / 5000))})
    wrong(s, 1, "ratio itself", lambda ns: {"lr": (12 / 800) / (20 / 5000)})
    wrong(s, 1, "wrong sign", lambda ns: {"lr": -ns["lr"]})
    wrong(s, 1, "raw counts", lambda ns: {"lr": math.log2(12 / 20)})
    wrong(s, 1, "article's, a", lambda ns: {"g2": 2 * 20 * math.log(20 / (5000 * 32 / 5800))})
    wrong(s, 1, "too small", lambda ns: {"g2": 0.5})
    right(s, 1, lambda ns: {"g2": round(ns["g2"], 2), "lr": round(ns["lr"], 2)})
    wrong(s, 2, "", lambda ns: {"top_word": "haftar"} if ns["top_word"] != "haftar" else None)
    wrong(s, 2, "not the right text", lambda ns: {"top_word": "zebra"})
    wrong(s, 2, "minimum frequency", lambda ns: {
        "top_word": ns["keyness"].keyness(ns["article"], ns["wire"])[0].word}
          if ns["keyness"].keyness(ns["article"], ns["wire"])[0].word != ns["top_word"] else None)
    wrong(s, 2, "LESS", lambda ns: {"top_word": ns["keyness"].keyness(
        ns["article"], ns["wire"], min_freq=2, direction="under")[0].word})
    wrong(s, 2, "store its .word", lambda ns: {
        "top_word": ns["keyness"].keyness(ns["article"], ns["wire"], min_freq=2)[0]})
    wrong(s, 2, "upper and lower case", lambda ns: {"top_word": ns["top_word"].upper()})
    right(s, 2, lambda ns: {"top_word": " " + ns["top_word"]})
    wrong(s, 3, "first wire text", lambda ns: {
        "wire_share": ns["measures"].profile(ns["wire"][0])["attributed_sentence_share"]})
    wrong(s, 3, "article's share", lambda ns: {"wire_share": ns["article_share"]})
    wrong(s, 3, "one number", lambda ns: {"wire_share": [
        ns["measures"].profile(w)["attributed_sentence_share"] for w in ns["wire"]]})
    wrong(s, 3, "WITHOUT", lambda ns: {"article_share": 1 - ns["article_share"]})
    wrong(s, 3, "percentage", lambda ns: {"wire_share": 100 * ns["wire_share"]})
    right(s, 3, lambda ns: {"wire_share": ns["statistics"].mean(
        ns["measures"].profile(w)["attributed_sentence_share"] for w in ns["wire"]),
        "article_share": round(ns["article_share"], 3)})
    wrong(s, 4, "largest ratio", lambda ns: {"most_different": max(
        ns["ratios"].index, key=lambda n: ns["ratios"][n])}
          if max(ns["ratios"].index, key=lambda n: ns["ratios"][n]) != ns["most_different"]
          else None)
    wrong(s, 4, "closest to 1", lambda ns: {"most_different": min(
        ns["ratios"].index, key=lambda n: abs(math.log2(ns["ratios"][n])))})
    wrong(s, 4, "not the right text", lambda ns: {"most_different": "words_per_sentence"})
    wrong(s, 4, "a str", lambda ns: {"most_different": ns["ratios"]})
    right(s, 4, lambda ns: {"most_different": ns["most_different"]})
    wrong(s, 5, "counts the article", lambda ns: {"n_according": len(
        ns["keyness"].concordance(ns["article"], "according to"))}
          if len(ns["keyness"].concordance(ns["article"], "according to")) != len(
              ns["keyness"].concordance(ns["wire"][0], "according to")) else None)
    wrong(s, 5, "first wire text", lambda ns: {"n_according": len(
        ns["keyness"].concordance(ns["wire"][0], "according to"))})
    wrong(s, 5, "one number", lambda ns: {"n_according": ns["keyness"].concordance(
        ns["wire"], "according to")})
    wrong(s, 5, "too", lambda ns: {"n_according": ns["n_according"] + 10})
    right(s, 5, lambda ns: {"n_according": float(ns["n_according"])})


EX04 = "04_sourcing_hedges_boosters_exercises.ipynb"


def _ex04() -> None:
    s = EX04
    wrong(s, 1, "WITHOUT", lambda ns: {"share": 1 - ns["share"]})
    wrong(s, 1, "whole number", lambda ns: {
        "n_attributed": ns["share"] * len(ns["article"].sentences) + 0.3})
    wrong(s, 1, "all sentences", lambda ns: {"n_attributed": len(ns["article"].sentences)})
    wrong(s, 1, "WITHOUT", lambda ns: {
        "n_attributed": len(ns["article"].sentences) - ns["n_attributed"]})
    wrong(s, 1, "too", lambda ns: {"share": ns["profile"]["hedges_per_1k"] / 100 + 0.5})
    right(s, 1, lambda ns: {"n_attributed": float(ns["n_attributed"])})

    def reporting(ns: dict[str, Any], category: str) -> list[Any]:
        return [m for m in ns["matches"] if m.entry.category == category]

    wrong(s, 2, "words as written", lambda ns: {
        "loaded_verbs": sorted({m.text for m in reporting(ns, "reporting_loaded")})})
    wrong(s, 2, "neutral reporting verbs", lambda ns: {
        "loaded_verbs": sorted({m.entry.term for m in reporting(ns, "reporting_neutral")})})
    wrong(s, 2, "more than once", lambda ns: {"loaded_verbs": sorted(ns["loaded_verbs"] * 2)})
    wrong(s, 2, "wrong order", lambda ns: {"loaded_verbs": ns["loaded_verbs"][::-1]})
    wrong(s, 2, "is empty", lambda ns: {"loaded_verbs": []})
    wrong(s, 2, "only one kind", lambda ns: {
        "n_reporting": len(reporting(ns, "reporting_loaded"))})
    wrong(s, 2, "only one kind", lambda ns: {
        "n_reporting": len(reporting(ns, "reporting_neutral"))})
    wrong(s, 2, "every stance match", lambda ns: {"n_reporting": len(ns["matches"])})
    right(s, 2, lambda ns: {"loaded_verbs": tuple(ns["loaded_verbs"])})
    wrong(s, 3, "different terms", lambda ns: {"n_loaded": len(ns["loaded_verbs"])}
          if len(ns["loaded_verbs"]) != ns["n_loaded"] else None)
    wrong(s, 3, "too large", lambda ns: {"n_loaded": ns["n_loaded"] + 3})
    wrong(s, 3, "every stance match", lambda ns: {
        "my_share": round(ns["n_loaded"] / len(ns["matches"]), 3)})
    wrong(s, 3, "neutral reporting verbs", lambda ns: {"my_share": round(1 - ns["my_share"], 3)}
          if ns["my_share"] != 0.5 else None)
    wrong(s, 3, "percentage", lambda ns: {"my_share": 100 * ns["my_share"]}
          if ns["my_share"] else None)
    right(s, 3, lambda ns: {"my_share": ns["n_loaded"] / ns["n_reporting"]})
    right(s, 3, lambda ns: {"my_share": ns["profile"]["loaded_reporting_share"]})
    wrong(s, 4, "per 100 words", lambda ns: {"raw_hedges_per_1k": ns["raw_hedges_per_1k"] / 10})
    wrong(s, 4, "every token", lambda ns: {"raw_hedges_per_1k": round(
        1000 * ns["n_hedges"] / len(ns["article"].tokens), 2)})
    wrong(s, 4, "a count", lambda ns: {"raw_hedges_per_1k": ns["n_hedges"]})
    wrong(s, 4, "your own count", lambda ns: {
        "profile_hedges_per_1k": ns["raw_hedges_per_1k"]}
          if abs(ns["raw_hedges_per_1k"] - ns["profile_hedges_per_1k"]) > 0.01 else None)
    wrong(s, 4, "wrong sign", lambda ns: {"profile_hedges_per_1k": -ns["profile_hedges_per_1k"]}
          if ns["profile_hedges_per_1k"] else None)
    right(s, 4, lambda ns: {"raw_hedges_per_1k": 1000 * ns["n_hedges"] / ns["measures"]
                            .word_count(ns["article"])})
    wrong(s, 5, "other way round", lambda ns: {
        "more_boosters": "wire" if ns["more_boosters"] == "article" else "article"})
    wrong(s, 5, "upper and lower case", lambda ns: {"more_boosters": ns["more_boosters"].title()})
    wrong(s, 5, "one number", lambda ns: {
        "wire_boosters": ns["measures"].profiles(ns["wire"])["boosters_per_1k"]})
    wrong(s, 5, "first wire text", lambda ns: {
        "wire_boosters": ns["measures"].profiles(ns["wire"])["boosters_per_1k"].iloc[0] + 0.0}
          if ns["measures"].profiles(ns["wire"])["boosters_per_1k"].iloc[0] != ns["wire_boosters"]
          else None)
    wrong(s, 5, "too large", lambda ns: {"wire_boosters": ns["wire_boosters"] + 1})
    wrong(s, 5, "wire's mean", lambda ns: {"article_boosters": ns["wire_boosters"]}
          if ns["wire_boosters"] != ns["article_boosters"] else None)
    right(s, 5, lambda ns: {"wire_boosters": float(ns["measures"].profiles(ns["wire"])[
        "boosters_per_1k"].mean())})


EX05 = "05_naming_the_actors_exercises.ipynb"


def _ex05() -> None:
    s = EX05
    wrong(s, 1, "is empty", lambda ns: {"haftar_labels": []})
    wrong(s, 1, "as written", lambda ns: {"haftar_labels": sorted(
        {m.text for m in ns["mentions"] if "haftar" in m.actors})})
    wrong(s, 1, "every actor", lambda ns: {"haftar_labels": sorted(
        {m.label for m in ns["mentions"]})})
    wrong(s, 1, "more than once", lambda ns: {"haftar_labels": sorted(
        m.label for m in ns["mentions"] if "haftar" in m.actors)})
    wrong(s, 1, "wrong order", lambda ns: {"haftar_labels": ns["haftar_labels"][::-1]})
    wrong(s, 1, "counts mentions", lambda ns: {"n_haftar_labels": sum(
        "haftar" in m.actors for m in ns["mentions"])})
    right(s, 1, lambda ns: {"n_haftar_labels": float(ns["n_haftar_labels"])})
    wrong(s, 2, "is empty", lambda ns: {"evaluative_labels": []})
    wrong(s, 2, "Haftar's labels only", lambda ns: {"evaluative_labels": sorted(
        {m.label for m in ns["mentions"] if m.evaluative and "haftar" in m.actors})})
    wrong(s, 2, "neutral mentions", lambda ns: {"evaluative_labels": sorted(
        {m.label for m in ns["mentions"] if not m.evaluative})})
    wrong(s, 2, "as written", lambda ns: {"evaluative_labels": sorted(
        {m.text for m in ns["mentions"] if m.evaluative})})
    right(s, 2, lambda ns: {"evaluative_labels": list(ns["evaluative_labels"])})
    wrong(s, 3, "number of mentions", lambda ns: {"evaluative_share": sum(
        m.evaluative for m in ns["mentions"])})
    wrong(s, 3, "neutral mentions", lambda ns: {"evaluative_share": 1 - ns["evaluative_share"]})
    wrong(s, 3, "percentage", lambda ns: {"evaluative_share": 100 * ns["evaluative_share"]})
    wrong(s, 3, "too", lambda ns: {"evaluative_share": 0.9})
    right(s, 3, lambda ns: {"evaluative_share": round(ns["evaluative_share"], 3)})
    wrong(s, 4, "is empty", lambda ns: {"in_speech": []})
    wrong(s, 4, "scare quotes", lambda ns: {"in_speech": [
        m.text for m in ns["mentions"] if m.quoted]})
    wrong(s, 4, "lexicon labels", lambda ns: {"in_speech": [
        m.label for m in ns["mentions"] if m.quoted == "speech"]})
    wrong(s, 4, "Mention objects", lambda ns: {"in_speech": [
        m for m in ns["mentions"] if m.quoted == "speech"]})
    right(s, 4, lambda ns: {"in_speech": tuple(ns["in_speech"])})
    wrong(s, 5, "is False", lambda ns: {"misspelt": not ns["misspelt"]})
    wrong(s, 5, "correct spelling", lambda ns: {"fayed_count": ns["fayez_count"]}
          if ns["fayed_count"] != ns["fayez_count"] else None)
    wrong(s, 5, "misspelling", lambda ns: {"fayez_count": ns["fayed_count"]}
          if ns["fayed_count"] != ns["fayez_count"] else None)
    wrong(s, 5, "too large", lambda ns: {"fayez_count": ns["fayez_count"] + 5})
    wrong(s, 5, "True or False", lambda ns: {"misspelt": int(ns["misspelt"])})
    right(s, 5, lambda ns: {"misspelt": ns["fayed_count"] >= 1})


EX06 = "06_your_judgement_vs_the_machine_exercises.ipynb"


def _ex06() -> None:
    s = EX06

    def labelled(ns: dict[str, Any], labels: dict[int, str], article: Any = None) -> Any:
        ann = ns["ann"]
        mine = ann.new_annotations(article or ns["article"], annotator="me")
        for index, label in labels.items():
            mine = ann.with_label(mine, index, label)
        return mine

    wrong(s, 1, "only the last label", lambda ns: {"mine": labelled(ns, {2: "loaded"})})
    wrong(s, 1, "counts from 0", lambda ns: {"mine": labelled(
        ns, {1: "loaded", 2: "loaded", 3: "neutral"})})
    wrong(s, 1, "unsure", lambda ns: {"mine": labelled(
        ns, {0: "loaded", 1: "unsure", 2: "neutral"})})
    wrong(s, 1, "another text", lambda ns: {"mine": labelled(
        ns, {0: "loaded"}, ns["framelab"].load_article(ns["framelab"].dataset_files("wire")[0]))})
    wrong(s, 1, "sentence numbers", lambda ns: {"label_counts": Counter(ns["mine"].labels)})
    wrong(s, 1, "", lambda ns: {"label_counts": {"loaded": 3, "neutral": 0}})
    wrong(s, 1, "Annotations", lambda ns: {"mine": dict(ns["mine"].labels)})
    right(s, 1, lambda ns: {"mine": labelled(ns, {0: "neutral", 1: "neutral", 2: "neutral"}),
                            "label_counts": {"neutral": 3}})
    right(s, 1, lambda ns: {"label_counts": dict(ns["label_counts"])})
    wrong(s, 2, "number of sentences", lambda ns: {"share_loaded": sum(
        v == "loaded" for v in ns["machine"].values())})
    wrong(s, 2, "neutral sentences", lambda ns: {"share_loaded": 1 - ns["share_loaded"]})
    wrong(s, 2, "percentage", lambda ns: {"share_loaded": 100 * ns["share_loaded"]})
    wrong(s, 2, "missing", lambda ns: {"machine": dict(list(ns["machine"].items())[:3])})
    right(s, 2, lambda ns: {"share_loaded": round(ns["share_loaded"], 3)})
    wrong(s, 3, "unsure", lambda ns: {"observed_by_hand": 4 / 7})
    wrong(s, 3, "DISagreement", lambda ns: {"observed_by_hand": 1 - ns["observed_by_hand"]})
    wrong(s, 3, "reader B labelled", lambda ns: {"observed_by_hand": 4 / 8})
    wrong(s, 3, "Agreement", lambda ns: {"result": ns["result"].observed})
    wrong(s, 3, "percentage", lambda ns: {"observed_by_hand": 100 * ns["observed_by_hand"]})
    right(s, 3, lambda ns: {"observed_by_hand": 0.667, "result": ns["ann"].agreement(
        dict(ns["reader_a"]), dict(ns["reader_b"]))})
    wrong(s, 4, "both say neutral", lambda ns: {"chance": ns["p_a"] * ns["p_b"]})
    wrong(s, 4, "observed agreement", lambda ns: {"chance": ns["result"].observed})
    wrong(s, 4, "corrects it for chance", lambda ns: {"kappa": ns["result"].observed})
    wrong(s, 4, "number", lambda ns: {"kappa": str(ns["kappa"])})
    right(s, 4, lambda ns: {"chance": round(ns["chance"], 3), "kappa": round(ns["kappa"], 3)})

    def matcher(ns: dict[str, Any], entries: list[Any]) -> Any:
        return ns["lexicon"].Matcher(entries)

    def keen(ns: dict[str, Any], category: str = "judgement", note: str = "reads minds") -> Any:
        return ns["lexicon"].LexiconEntry("keen", category, note)

    wrong(s, 5, "kit's entries are missing", lambda ns: {"matcher": matcher(ns, [keen(ns)])})
    wrong(s, 5, "not in matcher", lambda ns: {"matcher": matcher(
        ns, list(ns["lexicon"].loaded_language()))})
    wrong(s, 5, "category 'judgement'", lambda ns: {"matcher": matcher(
        ns, [*ns["lexicon"].loaded_language(), keen(ns, "derision")])})
    wrong(s, 5, "a note", lambda ns: {"matcher": matcher(
        ns, [*ns["lexicon"].loaded_language(), keen(ns, note=" ")])})
    wrong(s, 5, "Matcher", lambda ns: {"matcher": [*ns["lexicon"].loaded_language(), keen(ns)]})
    wrong(s, 5, "kit's own matcher", lambda ns: {"test_hits": ns["loaded"].find_loaded(
        ns["TEST"])})
    wrong(s, 5, "flags of TEST", lambda ns: {"article_hits": ns["test_hits"]})
    wrong(s, 5, "kit's own matcher", lambda ns: {"article_hits": []})
    def reordered(ns: dict[str, Any]) -> dict[str, Any]:
        mine = matcher(ns, [keen(ns, note="mind-reading"), *ns["lexicon"].loaded_language()])
        find = ns["loaded"].find_loaded
        return {"matcher": mine,
                "test_hits": [f for f in find(ns["TEST"], mine) if f.term == "keen"],
                "article_hits": tuple(f for f in find(ns["article"], mine) if f.term == "keen")}

    right(s, 5, reordered)


EX07 = "07_capstone_your_own_article_exercises.ipynb"


def _ex07() -> None:
    s = EX07
    wrong(s, 1, "not an Article", lambda ns: {"story": ns["STORY"]})
    wrong(s, 1, "body of article", lambda ns: {"story": ns["article"]})
    wrong(s, 1, "unchanged", lambda ns: {"story": ns["parse_article"](
        ns["STORY"].replace("Copyright", "Note"))})
    right(s, 1, lambda ns: {"story": ns["parse_article"](ns["STORY"] + "\n")})
    wrong(s, 2, "every flag", lambda ns: {"story_flags": ns["loaded"].find_loaded(ns["story"])}
          if ns["loaded"].find_loaded(ns["story"]) != ns["story_flags"] else None)
    wrong(s, 2, "flags of article", lambda ns: {"story_flags": ns["loaded"].writer_flags(
        ns["loaded"].find_loaded(ns["article"]))})
    wrong(s, 2, "rate of article", lambda ns: {"story_loaded_per_1k": ns["measures"].profile(
        ns["article"])["loaded_per_1k"]})
    wrong(s, 2, "number of flags", lambda ns: {"story_loaded_per_1k": len(ns["story_flags"])})
    wrong(s, 2, "is empty", lambda ns: {"story_flags": []})
    right(s, 2, lambda ns: {"story_loaded_per_1k": round(ns["story_loaded_per_1k"], 2),
                            "story_flags": ns["story_flags"][::-1]})
    wrong(s, 3, "original sentence", lambda ns: {"rewrite": ns["LOADED_SENTENCE"]})
    wrong(s, 3, "ragtag", lambda ns: {
        "rewrite": "Haftar has built his own ragtag force out of several armed groups."})
    wrong(s, 3, "claimed", lambda ns: {
        "rewrite": "Haftar's opponents claimed he built his force from several armed groups."})
    wrong(s, 3, "six words", lambda ns: {"rewrite": "Haftar built a force."})
    wrong(s, 3, "subject", lambda ns: {
        "rewrite": "The weather in the capital was mild on Sunday afternoon."})
    wrong(s, 3, "armed groups", lambda ns: {
        "rewrite": "Haftar travelled to Cairo to meet the Egyptian president."})
    wrong(s, 3, "still None", lambda ns: {"rewrite": None})
    wrong(s, 3, "not a str", lambda ns: {"rewrite": ["Haftar built a force from armed groups"]})
    right(s, 3, lambda ns: {"rewrite": "Haftar responded by forming his own force from "
                                       "several armed groups."})
    right(s, 3, lambda ns: {"rewrite": "His response to the armed groups has been to form "
                                       "his own coalition of armed groups, the LNA."})
    right(s, 3, lambda ns: {"rewrite": "Haftar said he built the LNA from several armed groups "
                                       "to confront the militias."})
    wrong(s, 4, "is empty", lambda ns: {"higher": []})
    wrong(s, 4, "wire's mean is 0", lambda ns: {"higher": [
        n for n in ns["table"].index if ns["table"].loc[n, "ratio"] > 1]})
    wrong(s, 4, "LOWER", lambda ns: {"higher": [
        n for n in ns["table"].index
        if ns["table"].loc[n, "article_mean"] < ns["table"].loc[n, "wire_mean"]]})
    wrong(s, 4, "every measure", lambda ns: {"higher": list(ns["table"].index)})
    wrong(s, 4, "DataFrame", lambda ns: {"table": ns["table"].to_dict()})
    right(s, 4, lambda ns: {"higher": set(ns["higher"])})
    right(s, 4, lambda ns: {"higher": ns["table"].index[
        ns["table"]["article_mean"] > ns["table"]["wire_mean"]]})


_ex02()
_ex03()
_ex04()
_ex05()
_ex06()
_ex07()


@pytest.mark.parametrize("case", WRONG, ids=str)
def test_a_check_rejects_a_wrong_answer_with_a_hint(case: Case) -> None:
    article = None
    names = answered(case.set)
    answers = case.answers(names)
    for other in OTHER_ARTICLES:  # a mistake that is right on the seed: try other texts
        if answers is not None:
            break
        article = other
        names = answered(case.set, article)
        answers = case.answers(names)
    if answers is None:
        pytest.skip("this mistake gives the right answer on the seed, the op-ed and the "
                    "explainer")
    with pytest.raises(WrongAnswer) as caught:
        run_check(case.set, case.question, answers, article)
    message = str(caught.value)
    assert message.startswith(f"✗ Question {case.question}: "), message
    assert case.says.lower() in message.lower(), message
    for answer_name in answers:
        value = names.get(answer_name)
        shown = message
        for given in answers.values():
            shown = shown.replace(repr(given), "").replace(str(given), "")
        if (isinstance(value, str) and len(value) > 10) or (
                isinstance(value, (int, float)) and not isinstance(value, bool)
                and abs(value) > 1):
            assert str(value) not in shown, (message, "shows the expected value")


@pytest.mark.parametrize("case", RIGHT, ids=str)
def test_a_check_accepts_a_right_variant(case: Case) -> None:
    printed = run_check(case.set, case.question, case.answers(answered(case.set)))
    assert printed.endswith(f"✓ Question {case.question}: correct\n"), printed


def _batteries_elsewhere(name: str) -> set[int]:
    """Questions of set ``name`` tried in its own module, ``tests/test_exercises_NN.py``.

    Such a module keeps ``WRONG`` as (question, hint words, answers) triples and runs them
    with ``answered`` and ``run_check`` from here.
    """
    module = f"test_exercises_{name[:2]}"
    if not (ROOT / "tests" / f"{module}.py").is_file():
        return set()
    return {case[0] for case in importlib.import_module(module).WRONG}


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb")))
def test_every_code_question_has_a_battery(name: str) -> None:
    questions = {int(_grade_id(c)[1:].split("_")[0]) for c in _cells(ROOT / "exercises" / name)
                 if _grade_id(c).endswith("_check")}
    covered = {c.question for c in WRONG if c.set == name} | _batteries_elsewhere(name)
    for number in questions:
        assert number in covered, (name, number, "no wrong answers tried")
        assert run_check(name, number, {}) == f"✓ Question {number}: correct\n"


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb")))
def test_every_set_says_how_checks_and_grading_work(name: str) -> None:
    intro = _cells(ROOT / "exercises" / name)[0].source
    assert "raise NotImplementedError()" in intro
    assert "Grading runs more tests" in intro
    assert "✓" in intro and "✗" in intro


@pytest.mark.notebooks
def test_in_jupyter_a_wrong_answer_shows_one_line_and_still_fails_the_cell() -> None:
    """The student sees ✗ and the hint, no traceback; the cell's output is still an error,
    which is what nbgrader's autograder and Run All look for."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import framelab\nfrom framelab import checks\nn = 3"),
        nbformat.v4.new_code_cell("with checks.question(1) as q:\n    q.number(n, 30, 'n')"),
        nbformat.v4.new_code_cell("with checks.question(2) as q:\n    q.number(n, 3, 'n')"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    failed, passed = nb.cells[1].outputs, nb.cells[2].outputs
    assert [o.output_type for o in failed] == ["error"]
    assert failed[0].traceback == ["✗ Question 1: n is too small"]
    assert failed[0].ename == "WrongAnswer"
    assert [o.get("text") for o in passed] == ["✓ Question 2: correct\n"]
