"""Exercises 08: every check rejects the wrong answers a student could plausibly give, with a
hint that says what is off, and accepts right variants (run on the seed, as students get it).

Uses the check-running helpers of ``test_checks`` so the cells run exactly as there.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from framelab.checks import WrongAnswer
from test_checks import answered, run_check

EX08 = "08_selection_salience_and_the_frame_exercises.ipynb"


def _ids(ns: dict[str, Any]) -> list[str]:
    return [m.fact for m in ns["mentions"]]


WRONG = [
    (1, "each fact once", lambda ns: {"selected": _ids(ns)}),
    (1, "wrong order", lambda ns: {"selected": sorted(ns["selected"], reverse=True)}),
    (1, "leaves out", lambda ns: {"selected": [f.id for f in ns["fact_list"]
                                               if f.id not in ns["selected"]]}),
    (1, "mentions", lambda ns: {"n_left_out": len(ns["selected"])}),
    (1, "every fact", lambda ns: {"n_left_out": len(ns["fact_list"])}),
    (1, "still None", lambda ns: {"selected": None}),
    (2, "lead", lambda ns: {"headline_facts": list(dict.fromkeys(
        m.fact for m in ns["mentions"] if m.where == "lead"))}),
    (2, "in the headline", lambda ns: {"first_in_body": ns["mentions"][0].fact}),
    (2, "cannot be in the headline", lambda ns: {"first_where": "headline"}),
    (2, "text (a str)", lambda ns: {"first_in_body": ns["mentions"][1]}),
    (3, "digit", lambda ns: {"count_ids": {f.id for f in ns["fact_list"]
                                           if f.topic in {"casualties", "displacement",
                                                          "migrants"}}}),
    (3, "too large", lambda ns: {"article_counts": ns["article_counts"] + 3}),
    (3, "every wire text", lambda ns: {"wire_with_counts": len(ns["wire"])}),
    (3, "without a count", lambda ns: {"wire_with_counts": len(ns["wire"])
                                       - ns["wire_with_counts"]}),
    (4, "only reported", lambda ns: {"sides_quoted": sorted({s.side for s in ns["found"]})}),
    (4, "counts the sources", lambda ns: {"words_by_side": dict(Counter(
        s.side for s in ns["found"]))}),
    (4, "should be a dict", lambda ns: {"words_by_side": list(ns["words_by_side"].items())}),
    (5, "number of paragraphs they agree on", lambda ns: {"p_o": 4}),
    (5, "both saying 'yes'", lambda ns: {"p_e": 0.25}),
    (5, "observed agreement", lambda ns: {"kappa": ns["p_o"]}),
    (5, "percentage", lambda ns: {"p_o": 100 * ns["p_o"]}),
    (6, "no text mentions", lambda ns: {"never_in_wire": sorted(
        i for i in ns["matrix"].index if not ns["matrix"].loc[i].ne("").any())}),
    (6, "other way round", lambda ns: {"never_in_wire": sorted(
        i for i in ns["matrix"].index if not ns["matrix"].loc[i, "article"]
        and ns["matrix"].drop(columns="article").loc[i].ne("").any())}),
]

RIGHT = [
    (1, lambda ns: {"selected": tuple(ns["selected"]), "n_left_out": float(ns["n_left_out"])}),
    (2, lambda ns: {"headline_facts": tuple(ns["headline_facts"]),
                    "first_where": ns["first_where"] + " "}),
    (3, lambda ns: {"count_ids": sorted(ns["count_ids"])}),
    (4, lambda ns: {"words_by_side": Counter(ns["words_by_side"])}),
    (5, lambda ns: {"p_o": 4 / 6, "kappa": 0.33}),
    (6, lambda ns: {"never_in_wire": tuple(ns["never_in_wire"])}),
]


@pytest.mark.parametrize(("question", "says", "answers"), WRONG,
                         ids=[f"q{q}-{s}" for q, s, _ in WRONG])
def test_a_check_rejects_a_wrong_answer_with_a_hint(question, says, answers) -> None:
    names = answered(EX08)
    given = answers(names)
    with pytest.raises(WrongAnswer) as caught:
        run_check(EX08, question, given)
    message = str(caught.value)
    assert message.startswith(f"✗ Question {question}: "), message
    assert says.lower() in message.lower(), message


@pytest.mark.parametrize(("question", "answers"), RIGHT, ids=[f"q{q}" for q, _ in RIGHT])
def test_a_check_accepts_a_right_variant(question, answers) -> None:
    printed = run_check(EX08, question, answers(answered(EX08)))
    assert printed.endswith(f"✓ Question {question}: correct\n"), printed


def test_every_question_has_wrong_answers_and_the_key_passes() -> None:
    for question in range(1, 7):
        assert any(q == question for q, _, _ in WRONG)
        assert run_check(EX08, question, {}) == f"✓ Question {question}: correct\n"
