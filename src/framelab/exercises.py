"""Make the student copies of the exercises from the answer keys, with nbgrader.

The answer keys in ``solutions/`` are the source: nbgrader-format notebooks whose answers
sit between ``### BEGIN SOLUTION`` / ``### END SOLUTION`` and whose hidden checks sit
between ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS``. ``generate`` runs
``nbgrader generate_assignment`` in a scratch course folder and writes the released
notebooks to ``exercises/``; students need nothing but Jupyter to use them.

Run: ``make exercises`` (or ``python -m framelab.exercises``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

ASSIGNMENT = "exercises"
CONFIG = """\
c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = "sqlite:///" + {db!r}
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
"""


def normalise(path: Path) -> bool:
    """Clear outputs and execution counts of a notebook in place; True if it changed."""
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.pop("id", None)
    nb.nbformat_minor = 4
    after = nbformat.writes(nb) + "\n"
    after = json.dumps(json.loads(after), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if after != before:
        path.write_text(after, encoding="utf-8")
        return True
    return False


def generate(solutions: Path, exercises: Path) -> list[Path]:
    """Write the student copy of every ``*_exercises.ipynb`` in ``solutions`` to ``exercises``."""
    sources = sorted(solutions.glob("*_exercises.ipynb"))
    for source in sources:
        normalise(source)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "source" / ASSIGNMENT).mkdir(parents=True)
        for source in sources:
            shutil.copy(source, root / "source" / ASSIGNMENT / source.name)
        (root / "nbgrader_config.py").write_text(
            CONFIG.format(root=str(root), db=str(root / "gradebook.db")), encoding="utf-8")
        env = {**os.environ, "PATH": os.pathsep.join(
            [str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
        done = subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT, "--force",
             "--no-db", "--log-level=WARN"],
            cwd=root, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise RuntimeError(f"nbgrader generate_assignment failed:\n{done.stderr}")
        exercises.mkdir(parents=True, exist_ok=True)
        written = []
        for source in sources:
            target = exercises / source.name
            shutil.copy(root / "release" / ASSIGNMENT / source.name, target)
            normalise(target)
            written.append(target)
    for stale in exercises.glob("*_exercises.ipynb"):
        if stale not in written:
            stale.unlink()
    return written


def main() -> int:
    """Regenerate ``exercises/`` from ``solutions/`` in the repository."""
    root = Path(__file__).resolve().parents[2]
    written = generate(root / "solutions", root / "exercises")
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
