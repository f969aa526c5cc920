"""environment.yml and pyproject.toml name the same dependencies."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_names_the_pyproject_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    everywhere = [
        r
        for r in project["dependencies"] + project["optional-dependencies"]["test"]
        if "python_version" not in r
    ]
    wanted = {_name(r) for r in everywhere}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["name"] == "framelab"
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
    from_pip = {_name(r) for r in pip if r != "-e ."}
    assert (conda - {"python", "pip"}) | from_pip == wanted
    assert not conda & from_pip
    python = next(d for d in env["dependencies"] if isinstance(d, str) and _name(d) == "python")
    assert project["requires-python"].lstrip(">=") in python


def test_layout_is_in_place() -> None:
    for folder in [
        "notebooks",
        "datasets",
        "exercises",
        "solutions",
        "src/framelab",
        "tests",
        "bench",
        ".ci",
    ]:
        assert (ROOT / folder).is_dir(), folder
    assert (ROOT / ".ci" / "run").is_file()


def test_committed_notebooks_have_no_outputs() -> None:
    import json

    for path in ROOT.glob("*/*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, path
