"""Saving never loses work; annotations resume; agreement is computed by NLTK."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framelab import annotations as ann
from framelab import storage


def test_save_keeps_a_numbered_backup_of_a_different_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    assert storage.save_text(path, "one") == (path, None)
    assert storage.save_text(path, "one") == (path, None)
    saved, backup = storage.save_text(path, "two")
    assert saved == path
    assert path.read_text() == "two" and backup.read_text() == "one"
    _, backup2 = storage.save_text(path, "three")
    assert backup2.name == "mine.backup-2.csv" and backup2.read_text() == "two"
    assert not list(tmp_path.glob("*.part"))


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("precious")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", broken)
    with pytest.raises(storage.SaveError, match="No space left"):
        storage.save_text(path, "new")
    assert path.read_text() == "precious"
    assert not list(tmp_path.glob(".mine.csv.*"))


def test_annotations_round_trip_and_resume(tmp_path: Path, seed) -> None:
    path = tmp_path / "a.json"
    a = ann.with_label(ann.new_annotations(seed, "ana"), 0, "loaded")
    a = ann.with_label(a, 3, "neutral")
    ann.save_annotations(a, seed, path)
    back = ann.load_annotations(path, seed)
    assert back.labels == {0: "loaded", 3: "neutral"} and back.annotator == "ana"
    data = json.loads(path.read_text())
    assert data["labels"][0]["text"] == seed.sentences[0].text


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not a readable JSON"),
    ('{"hello": 1}', "not a framelab annotation file"),
    ('{"format": "framelab-annotations", "version": 9}', "version 9"),
    ('{"format": "framelab-annotations", "version": 1, "article": {"sha256": "x"}, '
     '"labels": []}', "different text"),
])
def test_bad_annotation_files_are_refused_and_untouched(tmp_path: Path, seed, content: str,
                                                        message: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(content)
    with pytest.raises(ann.AnnotationError, match=message):
        ann.load_annotations(path, seed)
    assert path.read_text() == content


def test_agreement_matches_hand_computed_kappa() -> None:
    a = {0: "loaded", 1: "loaded", 2: "neutral", 3: "neutral", 4: "unsure"}
    b = {0: "loaded", 1: "neutral", 2: "neutral", 3: "neutral", 4: "loaded"}
    result = ann.agreement(a, b)
    # items 0-3: observed 3/4; expected (Cohen) = P(L)A*P(L)B + P(N)A*P(N)B
    # = 0.5*0.25 + 0.5*0.75 = 0.5 -> kappa = (0.75 - 0.5) / (1 - 0.5) = 0.5
    assert result.items == 4
    assert result.observed == 0.75
    assert result.kappa == pytest.approx(0.5)
    assert result.disagreements == ((1, "loaded", "neutral"),)
    assert result.alpha is not None and result.alpha < result.kappa + 0.2


def test_machine_labels_mark_flagged_sentences(seed) -> None:
    labels = ann.machine_labels(seed)
    assert len(labels) == len(seed.sentences)
    assert labels[0] == "loaded"
    assert labels[next(i for i, s in enumerate(seed.sentences) if "Wadi Rabea" in s.text)] \
        == "neutral"
