"""Where the kit's datasets live, whether framelab runs from a clone or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
SEED_NAME = "000_0ecb2f08c5882e7a.txt"


def datasets_dir() -> Path:
    """The ``datasets/`` folder: the repository's in a clone, the wheel's copy otherwise."""
    in_repo = _PACKAGE_DIR.parents[1] / "datasets"
    if (in_repo / "nltk_data").is_dir():
        return in_repo
    return _PACKAGE_DIR / "_datasets"


def seed_path() -> Path:
    """The seed article: Global Research, 21 April 2019, kept byte-for-byte as given."""
    return datasets_dir() / "seed" / SEED_NAME


def dataset_files(folder: str, pattern: str = "*.md") -> list[Path]:
    """The files of one dataset folder (``"wire"``, ``"contrast"``...), sorted by name."""
    return sorted((datasets_dir() / folder).glob(pattern))
