"""Keyness: G² checked by hand, Log Ratio, thresholds, and concordance with offsets."""

from __future__ import annotations

import math

import pytest

import framelab
from framelab import keyness


def test_g2_against_a_hand_computed_value() -> None:
    # a=10 in c=1000 target words, b=2 in d=5000 reference words:
    # E1 = 1000*12/6000 = 2, E2 = 5000*12/6000 = 10
    # G2 = 2*(10 ln(10/2) + 2 ln(2/10)) = 2*(16.0944 - 3.2189) = 25.751
    assert keyness.log_likelihood(10, 2, 1000, 5000) == pytest.approx(25.751, abs=1e-3)
    assert keyness.log_likelihood(5, 0, 1000, 1000) == pytest.approx(2 * 5 * math.log(2))
    assert keyness.log_likelihood(4, 4, 1000, 1000) == 0


def test_log_ratio_doubles_per_point_and_handles_zeros() -> None:
    assert keyness.log_ratio(20, 10, 1000, 1000) == pytest.approx(1.0)
    assert keyness.log_ratio(8, 0, 1000, 1000) == pytest.approx(math.log2(8 / 0.5))


def test_significance_thresholds() -> None:
    assert keyness.significance(3.0) == "n.s."
    assert keyness.significance(3.84) == "p < 0.05"
    assert keyness.significance(7.0) == "p < 0.01"
    assert keyness.significance(12.0) == "p < 0.001"
    assert keyness.significance(15.13) == "p < 0.0001"


def test_seed_keywords_against_wire(seed) -> None:
    wire = [framelab.load_article(p) for p in framelab.dataset_files("wire")]
    over = keyness.keyness(seed, wire, min_freq=2)
    assert over and all(k.g2 >= 3.84 and k.target_freq >= 2 and k.log_ratio > 0 for k in over)
    assert [k.log_ratio for k in over] == sorted((k.log_ratio for k in over), reverse=True)
    assert "charade" in {k.word for k in over}
    under = {k.word for k in keyness.keyness(seed, wire, direction="under")}
    assert "said" in under
    assert not {"the", "of"} & ({k.word for k in over} | under)
    strict = keyness.keyness(seed, wire, min_freq=2, threshold=10.83)
    assert {k.word for k in strict} < {k.word for k in over}


def test_concordance_lines_point_into_the_source(seed) -> None:
    lines = keyness.concordance(seed, "militia")
    assert len(lines) == 3
    for line in lines:
        assert seed.source[line.start : line.end].lower().startswith("militia")
        assert line.match.lower() in {"militia", "militias"}
    blood = keyness.concordance(seed, "blood-soaked")
    assert [b.match for b in blood] == ["blood soaked"]
    assert "next" in blood[0].left and blood[0].right.startswith("Syria")
