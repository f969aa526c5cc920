"""Check cells for exercises: is a student's answer right, and if not, what is off?

A check compares the student's answer with what the kit itself computes from ``article``
(never with a value typed into the notebook), so it holds for any article and any
lexicon. It prints ``✓ Question 1: correct``, or stops with ``✗ Question 1: …`` and a hint
that names what is off (the wrong type, off by a little, a count of words instead of
sentences, not lower-cased, the wrong text, the wrong order…). It never prints the
expected value.

A failed check raises ``WrongAnswer``, which is both an ``AssertionError`` (so nbgrader's
autograder and ``pytest`` see a failure) and a ``FramelabError`` (so, after ``import
framelab``, Jupyter shows the one-line message instead of a traceback; see
``framelab.notebook``).

A check cell is one ``with`` block; every line in it must pass before the tick is printed::

    with checks.question(1) as q:
        q.number(n_sentences, len(article.sentences), "n_sentences", whole=True,
                 mistakes={len(article.tokens): "that counts words and punctuation, "
                                                "not sentences"},
                 hint="count the sentences of the body, article.sentences")
        ### BEGIN HIDDEN TESTS
        assert ...   # nbgrader removes these lines from the student's copy
        ### END HIDDEN TESTS

What each method accepts as right, so that every right variant passes:

- ``number``: any real number equal to the expected one (an int where a float is
  expected, ``numpy`` numbers, a float with a whole value where a count is expected);
  ``tolerance`` or ``decimals`` widen "equal" for answers computed by hand or rounded.
- ``items``: a list, tuple, ``pandas`` index or series, or (when ``ordered=False``) a set;
  pairs may be tuples or lists. ``ordered=False`` ignores order, ``ordered=True`` does not.
- ``text``: the expected string, or any of several (``expected`` may be a set, for ties),
  ignoring white space at either end.
- ``top``: the n most common (item, count) pairs of a ``Counter`` or ``FreqDist``, most
  common first, with items tied on a count in any order.
- ``mapping``: any dict-like object (``dict``, ``Counter``, a ``pandas`` series) with the
  same keys and values.
- ``truth``: ``True`` or ``False`` (``numpy`` booleans too); ``instance``: an object of a
  type; ``expect``: any condition, with the hint to show when it is false.

``mistakes`` maps answers a student could plausibly give to the hint for each: they are
computed from ``article`` in the check cell, exactly as the expected value is (for example
the token count for "how many sentences?"). Any other exception inside the block (a
``NameError`` because the answer cell was not run, a ``TypeError`` from an answer of the
wrong kind, an ``assert`` of the hidden tests) is shown the same way, as ``✗`` and a line.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from types import TracebackType
from typing import Any

from framelab.errors import FramelabError

Mistakes = Mapping[Any, str] | Iterable[tuple[Any, str]]

STILL_NONE = ("{name} is still None: write your answer in the cell above (delete the line "
              "raise NotImplementedError()), run that cell, then run this check again")


class WrongAnswer(FramelabError, AssertionError):
    """A check found an answer that is not right yet; the message says what is off."""


def question(number: int | str) -> Question:
    """The check of one question, used as ``with checks.question(1) as q: ...``."""
    return Question(number)


class Question:
    """Checks the answers to one question; prints a tick when every check in the block passes."""

    def __init__(self, number: int | str) -> None:
        self.label = number

    def __enter__(self) -> Question:
        return self

    def __exit__(self, etype: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> bool:
        if etype is None:
            print(f"✓ Question {self.label}: correct")
            return False
        if value is None or isinstance(value, WrongAnswer) or not isinstance(value, Exception):
            return False
        if isinstance(value, AssertionError):
            message = str(value).split("\n")[0] or "not right yet: read the question again"
        elif isinstance(value, NameError):
            message = f"{value}: run the cell with your answer first, then this check"
        else:
            message = (f"the check stopped at {type(value).__name__} ({value}): look at what "
                       "kind of value your answer is")
        raise WrongAnswer(self._line(message)) from None

    def _line(self, message: str) -> str:
        return f"✗ Question {self.label}: {message.strip()}"

    def fail(self, message: str, hint: str = "") -> None:
        """Stop with ``✗ Question n: message`` (and the hint after it)."""
        if hint:
            message = f"{message.rstrip('. ')}. {hint}"
        raise WrongAnswer(self._line(message))

    def expect(self, condition: object, message: str) -> None:
        """Fail with ``message`` unless ``condition`` is true."""
        if not condition:
            self.fail(message)

    def instance(self, answer: object, kind: type | tuple[type, ...], name: str,
                 hint: str = "") -> None:
        """Fail unless ``answer`` is an instance of ``kind``."""
        _not_none(self, answer, name)
        if not isinstance(answer, kind):
            wanted = kind.__name__ if isinstance(kind, type) else " or ".join(
                k.__name__ for k in kind)
            self.fail(f"{name} is {_kind(answer)}, not {_article(wanted)}", hint)

    def truth(self, answer: object, expected: bool, name: str, hint: str = "") -> None:
        """``answer`` must be ``True`` or ``False``, and equal to ``expected``."""
        _not_none(self, answer, name)
        if isinstance(answer, str):
            self.fail(f"{name} is text ({answer!r}); write True or False without quotation "
                      "marks", hint)
        if not _is_bool(answer):
            self.fail(f"{name} is {_kind(answer)}; it should be True or False (a comparison "
                      "such as a == b gives one)", hint)
        if bool(answer) != bool(expected):
            self.fail(f"{name} is {bool(answer)}, which is not right", hint)

    def number(self, answer: object, expected: float, name: str, *, whole: bool = False,
               share: bool = False, tolerance: float | None = None, decimals: int | None = None,
               mistakes: Mistakes = (), hint: str = "") -> None:
        """``answer`` must be a number equal to ``expected`` (within ``tolerance``).

        ``whole``: a count, so a whole number; ``share``: a fraction from 0 to 1;
        ``decimals``: the question asks to round, so any rounding to that many places passes.
        """
        _not_none(self, answer, name)
        value = _as_number(self, answer, name, hint)
        if math.isnan(value):
            self.fail(f"{name} is NaN (not a number): a division by zero, or a missing value?",
                      hint)
        tol = _tolerance(tolerance, decimals)
        if _close(value, expected, tol):
            return
        for wrong, message in _pairs(mistakes):
            if _real(wrong) and not _close(float(wrong), expected, tol) and _close(
                    value, float(wrong), tol):
                self.fail(f"{name} is not right: {message}", hint)
        if whole and not float(value).is_integer():
            self.fail(f"{name} should be a whole number (a count), not {value!r}", hint)
        if share and value > 1 and _close(value / 100, expected, tol):
            self.fail(f"{name} looks like a percentage; give a share between 0 and 1 "
                      "(0.25, not 25)", hint)
        if share and not 0 <= value <= 1:
            self.fail(f"{name} should be a share between 0 and 1", hint)
        if expected and _close(value, -expected, tol):
            self.fail(f"{name} has the wrong sign", hint)
        if decimals is not None and _close(round(value, decimals), round(expected, decimals),
                                           tol):
            return
        gap = abs(value - expected)
        if (whole and gap <= 1) or (expected and gap / abs(expected) <= 0.05):
            self.fail(f"{name} is close, but off by a little", hint)
        self.fail(f"{name} is too {'large' if value > expected else 'small'}", hint)

    def text(self, answer: object, expected: str | Collection[str], name: str, *,
             mistakes: Mistakes = (), hint: str = "") -> None:
        """``answer`` must be the expected string (or one of several, when ties are allowed)."""
        _not_none(self, answer, name)
        right = {expected} if isinstance(expected, str) else set(expected)
        if not isinstance(answer, str):
            inner = getattr(answer, "text", getattr(answer, "word", None))
            if isinstance(inner, str):
                attribute = "text" if hasattr(answer, "text") else "word"
                self.fail(f"{name} is {_kind(answer)}; store its .{attribute} (a str)", hint)
            if _is_list_like(answer):
                self.fail(f"{name} is {_kind(answer)}; store one text (a str)", hint)
            self.fail(f"{name} is {_kind(answer)}; it should be text (a str)", hint)
        found = answer.strip()
        if found in {r.strip() for r in right}:
            return
        if not found:
            self.fail(f"{name} is empty", hint)
        for wrong, message in _pairs(mistakes):
            if isinstance(wrong, str) and wrong.strip() == found and found not in right:
                self.fail(f"{name} is not right: {message}", hint)
        if found.lower() in {r.strip().lower() for r in right}:
            self.fail(f"{name} has the right letters but not the right upper and lower case",
                      hint)
        self.fail(f"{name} is not the right text", hint)

    def items(self, answer: object, expected: Iterable[Any], name: str, *,
              ordered: bool = False, order: str = "", unique: bool = False,
              mistakes: Mistakes = (), what: str = "items", hint: str = "") -> None:
        """``answer`` must hold the expected items; in the same order only if ``ordered``.

        ``order`` says which order is wanted ("sorted alphabetically", "in the order they
        occur"); ``unique`` means each item once; ``what`` names the items in hints.
        """
        _not_none(self, answer, name)
        got = _as_list(self, answer, name, ordered, hint)
        want = [_freeze(x) for x in expected]
        if _same_items(got, want, ordered):
            return
        for wrong, message in _pairs(mistakes):
            alternative = [_freeze(x) for x in wrong]
            if not _same_items(alternative, want, ordered) and _same_items(got, alternative,
                                                                            ordered):
                self.fail(f"{name} is not right: {message}", hint)
        if got and want:
            odd = _odd_type(got, want)
            if odd:
                self.fail(f"{name} holds {odd}", hint)
        if not got and want:
            self.fail(f"{name} is empty, but there are {what} to find", hint)
        if got and not want:
            self.fail(f"{name} should be empty for this article: there are no such {what}", hint)
        if all(isinstance(x, str) for x in got + want) and _same_items(
                [x.lower() for x in got], [x.lower() for x in want], ordered):
            lower = all(x == x.lower() for x in want)
            self.fail(f"{name} has the right words but not the right upper and lower case"
                      + ("; lower-case them (.lower())" if lower else ""), hint)
        if unique and len(set(map(_key, got))) < len(got):
            self.fail(f"{name} lists some {what} more than once; list each once", hint)
        if _same_items(got, want, ordered=False):
            self.fail(f"{name} has the right {what} in the wrong order"
                      + (f"; put them {order}" if order else ""), hint)
        missing, extra = _difference(got, want)
        parts = []
        if extra:
            example = ", ".join(_short(x) for x in extra[:3])
            parts.append(f"{len(extra)} of its {what} do not belong (such as {example})")
        if missing:
            parts.append(f"{len(missing)} {what} are missing")
        self.fail(f"{name}: " + "; ".join(parts), hint)

    def top(self, answer: object, counts: Mapping[Any, int], n: int, name: str, *,
            mistakes: Mistakes = (), what: str = "words", hint: str = "") -> None:
        """``answer`` must be the ``n`` most common (item, count) pairs of ``counts``.

        Most common first; items tied on a count may come in any order, and at the cut-off
        any of the tied items may be chosen (as ``most_common`` may choose either).
        """
        _not_none(self, answer, name)
        got = _as_list(self, answer, name, True, hint)
        ranked = sorted(counts.values(), reverse=True)[:n]
        want_pairs = [_freeze(pair) for pair in Counter(counts).most_common(n)]
        for wrong, message in _pairs(mistakes):
            alternative = [_freeze(x) for x in wrong]
            if not _same_items(alternative, want_pairs, False) and _same_items(
                    got, alternative, False):
                self.fail(f"{name} is not right: {message}", hint)
        if not all(isinstance(x, tuple) and len(x) == 2 for x in got):
            self.fail(f"{name} should hold ({what[:-1] if what.endswith('s') else what}, "
                      "count) pairs, as .most_common(...) gives them", hint)
        odd = _odd_type(got, want_pairs) if got and want_pairs else ""
        if odd:
            self.fail(f"{name} holds {odd}", hint)
        if len(got) != len(ranked):
            self.fail(f"{name} should hold {len(ranked)} pairs, not {len(got)}", hint)
        items = [item for item, _ in got]
        if len(set(map(_key, items))) < len(items):
            self.fail(f"{name} lists some {what} more than once", hint)
        if all(isinstance(x, str) for x in items) and any(x != x.lower() for x in items) and all(
                isinstance(k, str) and k == k.lower() for k in counts):
            self.fail(f"{name} has {what} that are not lower-cased; lower-case them (.lower())",
                      hint)
        strangers = [item for item, _ in got if item not in counts]
        if strangers:
            self.fail(f"{name} has {what} that should not be counted here (such as "
                      f"{_short(strangers[0])})", hint)
        miscounted = [item for item, count in got if not _same_value(count, counts[item])]
        if miscounted:
            self.fail(f"{name}: the count of {_short(miscounted[0])} is not right", hint)
        found = [count for _, count in got]
        if found != sorted(found, reverse=True):
            self.fail(f"{name} is not in order: put the most common first", hint)
        if not _same_items(found, ranked, ordered=True):
            self.fail(f"{name} does not hold the {len(ranked)} most common {what}", hint)

    def mapping(self, answer: object, expected: Mapping[Any, Any], name: str, *,
                mistakes: Mistakes = (), keys: str = "keys", hint: str = "") -> None:
        """``answer`` must map the same keys to the same values as ``expected``."""
        _not_none(self, answer, name)
        if hasattr(answer, "to_dict") and not isinstance(answer, Mapping):
            answer = answer.to_dict()
        if not isinstance(answer, Mapping):
            self.fail(f"{name} is {_kind(answer)}; it should be a dict, which maps each of "
                      f"its {keys} to a value", hint)
        got = {_freeze(k): _freeze(v) for k, v in answer.items()}
        want = {_freeze(k): _freeze(v) for k, v in expected.items()}
        if _same_mapping(got, want):
            return
        for wrong, message in _pairs(mistakes):
            alternative = {_freeze(k): _freeze(v) for k, v in wrong.items()}
            if not _same_mapping(alternative, want) and _same_mapping(got, alternative):
                self.fail(f"{name} is not right: {message}", hint)
        if not got and want:
            self.fail(f"{name} is empty", hint)
        extra = [k for k in got if k not in want]
        missing = [k for k in want if k not in got]
        if extra or missing:
            parts = []
            if extra:
                parts.append(f"{len(extra)} of its {keys} do not belong (such as "
                             f"{', '.join(_short(k) for k in extra[:3])})")
            if missing:
                parts.append(f"{len(missing)} {keys} are missing")
            self.fail(f"{name}: " + "; ".join(parts), hint)
        wrong_values = [k for k in want if not _same_value(got[k], want[k])]
        self.fail(f"{name} has the right {keys}, but {len(wrong_values)} of the values are "
                  f"not right (such as the value for {_short(wrong_values[0])})", hint)


def _not_none(q: Question, answer: object, name: str) -> None:
    if answer is None:
        q.fail(STILL_NONE.format(name=name))
    if answer is Ellipsis or answer is NotImplemented:
        q.fail(f"{name} is {answer!r}: replace it with your answer")


def _kind(value: object) -> str:
    if value is None:
        return "None"
    if isinstance(value, bool):
        return f"{value} (True or False)"
    if isinstance(value, str):
        return f"text ({_short(value)})"
    if isinstance(value, Mapping):
        return "a dict" if type(value) is dict else _article(type(value).__name__)
    if isinstance(value, (list, tuple, set, frozenset)):
        return f"a {type(value).__name__}"
    return _article(type(value).__name__)


def _article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _short(value: object) -> str:
    text = getattr(value, "text", None)
    shown = repr(text if isinstance(text, str) else value)
    return shown if len(shown) <= 40 else shown[:37] + "…"


def _is_bool(value: object) -> bool:
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def _real(value: object) -> bool:
    return isinstance(value, numbers.Real) and not _is_bool(value)


def _is_list_like(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


def _as_number(q: Question, answer: object, name: str, hint: str) -> float:
    if _is_bool(answer):
        q.fail(f"{name} is {answer} (True or False); it should be a number", hint)
    if isinstance(answer, str):
        try:
            float(answer.strip().rstrip("%"))
        except ValueError:
            q.fail(f"{name} is {_kind(answer)}; it should be a number", hint)
        q.fail(f"{name} is text ({answer!r}); store the number itself, without quotation "
               "marks", hint)
    if _is_list_like(answer) or isinstance(answer, Mapping):
        q.fail(f"{name} is {_kind(answer)}; it should be one number (len(...) gives the "
               "number of items in a list)", hint)
    if not _real(answer):
        q.fail(f"{name} is {_kind(answer)}; it should be a number", hint)
    return float(answer)  # type: ignore[arg-type]


def _tolerance(tolerance: float | None, decimals: int | None) -> float:
    if tolerance is not None:
        return tolerance
    if decimals is not None:
        return 0.5 * 10 ** -decimals + 1e-9
    return 1e-6


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance + 1e-9 * max(abs(a), abs(b))


def _pairs(mistakes: Mistakes) -> list[tuple[Any, str]]:
    return list(mistakes.items()) if isinstance(mistakes, Mapping) else list(mistakes)


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, tuple)) and not hasattr(value, "_fields"):
        return tuple(_freeze(x) for x in value)
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _as_list(q: Question, answer: object, name: str, ordered: bool, hint: str) -> list[Any]:
    if isinstance(answer, str):
        q.fail(f"{name} is {_kind(answer)}; it should be a list, in square brackets", hint)
    if hasattr(answer, "most_common"):
        q.fail(f"{name} is {_kind(answer)}, which counts; it should be a list "
               "(.most_common(...) returns one)", hint)
    if isinstance(answer, Mapping):
        q.fail(f"{name} is {_kind(answer)}; it should be a list", hint)
    if isinstance(answer, (set, frozenset)) and ordered:
        q.fail(f"{name} is a set, which has no order; it should be a list (sorted(...) "
               "returns one)", hint)
    if not isinstance(answer, Iterable):
        q.fail(f"{name} is {_kind(answer)}; it should be a list", hint)
    return [_freeze(x) for x in answer]  # type: ignore[union-attr]


def _key(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def _same_value(a: Any, b: Any) -> bool:
    if _is_bool(a) or _is_bool(b):
        return _is_bool(a) and _is_bool(b) and bool(a) == bool(b)
    if _real(a) and _real(b):
        return _close(float(a), float(b), 1e-9)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _same_items(got: list[Any], want: list[Any], ordered: bool) -> bool:
    if len(got) != len(want):
        return False
    if ordered:
        return all(_same_value(a, b) for a, b in zip(got, want, strict=True))
    missing, extra = _difference(got, want)
    return not missing and not extra


def _difference(got: list[Any], want: list[Any]) -> tuple[list[Any], list[Any]]:
    """Items of ``want`` not in ``got`` and items of ``got`` not in ``want``, as multisets."""
    rest = list(want)
    extra = []
    for item in got:
        match = next((i for i, w in enumerate(rest) if _same_value(item, w)), None)
        if match is None:
            extra.append(item)
        else:
            rest.pop(match)
    return rest, extra


def _same_mapping(got: Mapping[Any, Any], want: Mapping[Any, Any]) -> bool:
    return set(got) == set(want) and all(_same_value(got[k], want[k]) for k in want)


def _odd_type(got: list[Any], want: list[Any]) -> str:
    """Say what the answer holds if its items are of another kind than the expected ones."""
    def kind(x: Any) -> str:
        if _real(x):
            return "number"
        if isinstance(x, tuple):
            return f"pair of {len(x)}" if len(x) != 2 else "pair"
        return type(x).__name__

    wanted = {kind(x) for x in want}
    found = [kind(x) for x in got if kind(x) not in wanted]
    if not found:
        pairs = [x for x in got if isinstance(x, tuple)]
        wanted_pairs = [x for x in want if isinstance(x, tuple)]
        if pairs and wanted_pairs:
            inner_wanted = {tuple(kind(y) for y in x) for x in wanted_pairs}
            odd = [x for x in pairs if tuple(kind(y) for y in x) not in inner_wanted]
            if odd:
                example = next(iter(inner_wanted))
                return (f"pairs of the wrong kinds, such as {_short(odd[0])}; each pair should "
                        f"be ({', '.join(example)})")
        return ""
    names = {"str": "texts (str)", "number": "numbers", "pair": "pairs"}
    want_name = " or ".join(sorted(names.get(w, f"{w} objects") for w in wanted))
    got_name = names.get(found[0], f"{found[0]} objects")
    return f"{got_name}; it should hold {want_name}"
