"""Shared fixtures: the seed article, an offline environment for subprocesses."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
NETGUARD = TESTS / "netguard"

sys.path.insert(0, str(NETGUARD))
import framelab_netguard  # noqa: E402

framelab_netguard.install()

import framelab  # noqa: E402


@pytest.fixture(scope="session")
def seed() -> framelab.Article:
    return framelab.load_article(framelab.seed_path())


def offline_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a subprocess with no network, no user NLTK data and a fresh cache."""
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir(exist_ok=True)
    (tmp_path / "home").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK_", "FRAMELAB_"))}
    env.update(
        NLTK_DATA=str(empty),
        HOME=str(tmp_path / "home"),
        FRAMELAB_CACHE=str(tmp_path / "cache"),
        XDG_CACHE_HOME=str(tmp_path / "xdg"),
        PYTHONPATH=os.pathsep.join([str(NETGUARD), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    return env
