"""Execute every lesson and solution notebook top to bottom, offline, as a student would."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("solutions/*.ipynb")])
OTHER_ARTICLE = "../datasets/contrast/counter_oped_liberation.md"

pytestmark = pytest.mark.notebooks


def execute(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article: str | None = None
) -> nbformat.NotebookNode:
    from conftest import offline_env

    for key, value in offline_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("MPLBACKEND", "agg")
    nb = nbformat.read(path, as_version=4)
    if article is not None:
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        cell.source = f"ARTICLE = {article!r}"
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    return nb


def outputs(nb: nbformat.NotebookNode) -> str:
    text = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text.append(out.get("text", ""))
            text.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_runs_offline(path: Path, tmp_path: Path, monkeypatch) -> None:
    nb = execute(path, tmp_path, monkeypatch)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []


def test_lesson_01_shows_the_seed(tmp_path: Path, monkeypatch) -> None:
    nb = execute(ROOT / "notebooks" / "01_the_article_as_data.ipynb", tmp_path, monkeypatch)
    shown = outputs(nb)
    assert "by Binoy Kampmark, Global Research, 2019-04-21" in shown
    assert "(Previously, US Secretary of State Mike" in shown
    assert "Bar chart, Most frequent content words in the body: haftar" in shown


def test_lesson_01_runs_on_another_article(tmp_path: Path, monkeypatch) -> None:
    nb = execute(
        ROOT / "notebooks" / "01_the_article_as_data.ipynb",
        tmp_path,
        monkeypatch,
        article=OTHER_ARTICLE,
    )
    shown = outputs(nb)
    assert "Framing Lab (constructed" in shown
    assert "Binoy Kampmark" not in shown


def test_lessons_open_with_objectives_time_and_prerequisites() -> None:
    for path in sorted(ROOT.glob("notebooks/[0-9]*.ipynb")):
        first = nbformat.read(path, as_version=4).cells[0].source
        for heading in ["Learning objectives", "Time:", "Prerequisites:"]:
            assert heading in first, (path.name, heading)
        assert os.path.basename(path)[:2].isdigit()
