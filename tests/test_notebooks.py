"""Execute every lesson and answer key top to bottom, offline, as a student would, and check
that the student copies of the exercises are exactly what nbgrader makes of the answer keys."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from framelab import exercises

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(ROOT.glob("notebooks/*.ipynb"))
SOLUTIONS = sorted(ROOT.glob("solutions/*.ipynb"))
EXERCISES = sorted(ROOT.glob("exercises/*.ipynb"))
OTHER_ARTICLE = "../datasets/contrast/counter_oped_liberation.md"
LEAKS = ["BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "Model answer", "Rubric"]

pytestmark = pytest.mark.notebooks


def _ids(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def execute(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            article: str | None = None, allow_errors: bool = False) -> nbformat.NotebookNode:
    """Run a notebook in a scratch copy of its folder (datasets linked beside), offline."""
    from conftest import offline_env

    for key, value in offline_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("MPLBACKEND", "agg")
    workdir = tmp_path / "course" / path.parent.name
    workdir.mkdir(parents=True)
    os.symlink(ROOT / "datasets", tmp_path / "course" / "datasets")
    copy = workdir / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    if article is not None:
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        cell.source = f"ARTICLE = {article!r}"
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=allow_errors,
                            resources={"metadata": {"path": str(workdir)}})
    client.execute()
    return nb


def outputs(nb: nbformat.NotebookNode) -> str:
    text = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text.append(out.get("text", ""))
            text.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(text)


def errors(nb: nbformat.NotebookNode) -> list[str]:
    return [f"{o.ename}: {o.evalue}" for c in nb.cells for o in c.get("outputs", [])
            if o.output_type == "error"]


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_ids)
def test_notebook_runs_offline(path: Path, tmp_path: Path, monkeypatch) -> None:
    assert errors(execute(path, tmp_path, monkeypatch)) == []


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_ids)
def test_notebook_runs_on_another_article(path: Path, tmp_path: Path, monkeypatch) -> None:
    nb = execute(path, tmp_path, monkeypatch, article=OTHER_ARTICLE)
    assert errors(nb) == []


def test_lesson_01_shows_the_seed(tmp_path: Path, monkeypatch) -> None:
    nb = execute(ROOT / "notebooks" / "01_the_article_as_data.ipynb", tmp_path, monkeypatch)
    shown = outputs(nb)
    assert "by Binoy Kampmark, Global Research, 2019-04-21" in shown
    assert "(Previously, US Secretary of State Mike" in shown
    assert "Bar chart, Most frequent content words in the body: haftar" in shown


def test_lessons_are_numbered_from_00_and_second_halves_sort_after_the_first() -> None:
    numbered = [p for p in LESSONS if p.name[:2].isdigit()]
    numbers = sorted({p.name[:2] for p in numbered})
    assert numbers == [f"{i:02d}" for i in range(len(numbers))]
    for path in numbered:
        assert re.fullmatch(r"\d\d[b-z]?", path.name.split("_")[0]), path.name
    for before, path in itertools.pairwise(numbered):
        part = path.name.split("_")[0]
        if len(part) == 3:
            assert before.name.split("_")[0] in (part[:2], part[:2] + chr(ord(part[2]) - 1)), (
                path.name, "should sort right after its first half")


def test_lessons_open_with_objectives_time_and_prerequisites() -> None:
    numbered = [p for p in LESSONS if p.name[:2].isdigit()]
    for path in numbered:
        cells = nbformat.read(path, as_version=4).cells
        first = cells[0].source
        for heading in ["Learning objectives", "Time:", "Prerequisites:"]:
            assert heading in first, (path.name, heading)
        text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
        assert "## Summary" in text and "Discussion questions" in text, path.name
        assert any("parameters" in c.metadata.get("tags", []) for c in cells), path.name


def test_headings_never_skip_a_level() -> None:
    for path in LESSONS + SOLUTIONS:
        level = 0
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for line in cell.source.splitlines():
                if line.startswith("#") and not line.startswith("#" * 7):
                    new = len(line) - len(line.lstrip("#"))
                    if line[new : new + 1] != " " or "BEGIN" in line or "END" in line:
                        continue
                    assert new <= level + 1, (path.name, line)
                    level = new


def test_run_all_leaves_the_rewrite_box_and_the_students_lexicon_to_the_student(
        tmp_path: Path, monkeypatch) -> None:
    lesson = ROOT / "notebooks" / "07_capstone_your_own_article.ipynb"
    probe = tmp_path / "probe"
    probe.mkdir()
    copy = probe / lesson.name
    nb = nbformat.read(lesson, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "print('rewrite box holds the original:', lab.textarea.value == lab.original)"))
    nbformat.write(nb, copy)
    assert "rewrite box holds the original: True" in outputs(execute(copy, tmp_path, monkeypatch))
    lexicon_lesson = ROOT / "notebooks" / "06b_your_own_lexicon.ipynb"
    (tmp_path / "06b").mkdir()
    shown = outputs(execute(lexicon_lesson, tmp_path / "06b", monkeypatch))
    assert "No saved lexicon yet" in shown
    assert not list((tmp_path / "06b" / "course" / "notebooks").rglob("my_lexicon*.csv"))


@pytest.mark.parametrize("path", SOLUTIONS, ids=_ids)
def test_each_exercise_set_has_checks_and_an_open_question(path: Path) -> None:
    cells = nbformat.read(path, as_version=4).cells
    meta = [c.metadata.get("nbgrader", {}) for c in cells]
    checks = [m for c, m in zip(cells, meta, strict=True)
              if m.get("grade") and not m.get("solution") and c.cell_type == "code"]
    open_questions = [m for c, m in zip(cells, meta, strict=True)
                      if m.get("solution") and m.get("grade") and c.cell_type == "markdown"]
    assert len(checks) >= 4 and len(open_questions) >= 1, path.name


def test_exercises_are_what_nbgrader_makes_of_the_solutions(tmp_path: Path) -> None:
    solutions = tmp_path / "solutions"
    shutil.copytree(ROOT / "solutions", solutions)
    generated = exercises.generate(solutions, tmp_path / "exercises")
    assert [p.name for p in generated] == [p.name for p in EXERCISES]
    for path in generated:
        assert path.read_text() == (ROOT / "exercises" / path.name).read_text(), path.name
    for path in SOLUTIONS:
        normalised = (solutions / path.name).read_text()
        assert normalised == path.read_text(), f"{path.name}: run make exercises"


@pytest.mark.parametrize("path", EXERCISES, ids=_ids)
def test_exercises_hide_solutions_tests_and_rubrics(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for leak in LEAKS:
        assert leak not in text, (path.name, leak)
    answer = (ROOT / "solutions" / path.name).read_text(encoding="utf-8")
    for cell in json.loads(answer)["cells"]:
        source = "".join(cell["source"])
        if "### BEGIN SOLUTION" in source:
            hidden = source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
            for line in hidden.strip().splitlines():
                if len(line.strip()) > 12:
                    assert line.strip() not in text, (path.name, line)


@pytest.mark.parametrize("path", EXERCISES, ids=_ids)
def test_exercises_fail_their_checks_as_handed_out(path: Path, tmp_path: Path,
                                                   monkeypatch) -> None:
    nb = execute(path, tmp_path, monkeypatch, allow_errors=True)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution") and cell.cell_type == "code":
            failed = [o for o in cell.get("outputs", []) if o.output_type == "error"]
            assert failed, (path.name, meta["grade_id"], "passes without an answer")
