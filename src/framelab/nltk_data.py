"""Offline NLTK: put the kit's own NLTK data on ``nltk.data.path``; never download.

The kit ships its Punkt sentence parameters and English stopword list in
``datasets/nltk_data/``; the VADER lexicon is built once from the installed
``vaderSentiment`` package (MIT licence) into a cache folder. After
``import framelab`` the standard calls work with no network and no ``nltk.download()``:
``nltk.sent_tokenize``, ``nltk.word_tokenize``, ``stopwords.words("english")`` and
``SentimentIntensityAnalyzer()``.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from importlib import resources
from pathlib import Path

import nltk

from framelab.data import datasets_dir

VADER_RESOURCE = "sentiment/vader_lexicon.zip"
_VADER_MEMBER = "vader_lexicon/vader_lexicon.txt"


def kit_data_dir() -> Path:
    """The NLTK data that ships with the kit (Punkt parameters, stopwords)."""
    return datasets_dir() / "nltk_data"


def cache_dir() -> Path:
    """Where built NLTK data goes: ``$FRAMELAB_CACHE``, else the user's cache folder."""
    if os.environ.get("FRAMELAB_CACHE"):
        base = Path(os.environ["FRAMELAB_CACHE"])
    elif os.environ.get("XDG_CACHE_HOME"):
        base = Path(os.environ["XDG_CACHE_HOME"]) / "framelab"
    else:
        base = Path.home() / ".cache" / "framelab"
    return base / "nltk_data"


def build_vader_lexicon(target_dir: Path) -> Path:
    """Write NLTK's ``vader_lexicon.zip`` from the vaderSentiment package; return its path.

    The zip is written to a temporary name and moved into place, so a reader never
    sees half a file even if two kernels start at once.
    """
    lexicon = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    target = target_dir / VADER_RESOURCE
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(_VADER_MEMBER, lexicon)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _vader_is_built(folder: Path) -> bool:
    try:
        with zipfile.ZipFile(folder / VADER_RESOURCE) as zf:
            return zf.getinfo(_VADER_MEMBER).file_size > 0
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def ensure_vader_lexicon() -> Path:
    """Return the folder holding the VADER zip, building it on first use.

    Falls back to a per-user temporary folder when the cache is not writable
    (read-only home directories on some JupyterHubs).
    """
    user = getattr(os, "getuid", lambda: "user")()
    for folder in (cache_dir(), Path(tempfile.gettempdir()) / f"framelab-{user}"):
        if _vader_is_built(folder):
            return folder
        try:
            build_vader_lexicon(folder)
        except OSError:
            continue
        return folder
    raise OSError("framelab could not write the VADER lexicon to any cache folder")


def use_kit_data() -> list[str]:
    """Put the kit's NLTK folders first on ``nltk.data.path``; return the path."""
    folders = [str(kit_data_dir()), str(ensure_vader_lexicon())]
    for folder in reversed(folders):
        if folder in nltk.data.path:
            nltk.data.path.remove(folder)
        nltk.data.path.insert(0, folder)
    return list(nltk.data.path)
