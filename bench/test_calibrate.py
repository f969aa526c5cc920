"""bench/calibrate.py computes the calibration README's figures; tested on made-up rows.

The real calibration file is never read here (a user's clone has no ../shared): these rows
are constructed, in the file's format, and the expected figures are counted by hand.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().with_name("calibrate.py")


@pytest.fixture(scope="module")
def calibrate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("calibrate", BENCH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["calibrate"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("calibrate", None)


ROWS = """text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words
The senator's ragtag backers claimed the vote was stolen.;l1;o;t;l;Biased;x;['claimed', 'ragtag']
The council met on Monday and approved the budget.;l2;o;t;right;Non-biased;x;[]
A grotesque scheme passed on Friday.;l3;o;t;center;Non-biased;x;[]
Officials said the offensive had stalled near the airport.;l4;o;t;left;Biased;x;['stalled']
"""


def test_figures_follow_the_readme_definitions(calibrate, tmp_path: Path, capsys) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(ROWS, encoding="utf-8")
    rows = calibrate.read_rows(path)
    assert [r.biased for r in rows] == [True, False, False, True]
    res = calibrate.evaluate(rows)
    # by hand: predicted {claimed, ragtag} / {} / {grotesque} / {} ("stalled" is not loaded)
    assert (res.words.tp, res.words.fp, res.words.fn) == (2, 1, 1)
    assert (res.sentences.tp, res.sentences.fp, res.sentences.fn, res.sentences.tn) == (1, 1, 1, 1)
    assert calibrate.main([str(path), "--top", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    word = next(line for line in out if line.startswith("word-level"))
    sentence = next(line for line in out if line.startswith("sentence-level"))
    assert "precision 0.667 recall 0.667 F1 0.667" in word
    assert "precision 0.500 recall 0.500 F1 0.500 accuracy 0.500" in sentence
    assert any("signal lexicon" in line for line in out)
    parts = {calibrate.part(f"l{i}") for i in range(1, 5)}
    assert len(parts) >= 2  # the made-up links fall in more than one part
    assert sum(line.lstrip().startswith("part ") for line in out) == len(parts)


def test_absent_file_is_one_line_and_success(calibrate, tmp_path: Path, capsys) -> None:
    assert calibrate.main([str(tmp_path / "none.csv")]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "absent" in out[0]
