"""A student's files: reading their small text files (lexicons, fact lists) with clear
errors, and saving their work safely: atomic writes, and never a silent overwrite.

A file is written to a temporary name in the same folder and moved into place, so a
crash or a full disk leaves either the old file or the new one, never half of each.
When a different file is already there, it is kept as a numbered backup first.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from framelab.errors import FramelabError


class SaveError(FramelabError):
    """The work could not be saved; whatever was saved before is untouched."""


def atomic_write(path: str | Path, data: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to ``path`` atomically (temporary file, fsync, rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def backup_path(path: str | Path) -> Path:
    """The first free numbered backup name: ``mine.csv`` -> ``mine.backup-1.csv``."""
    path = Path(path)
    n = 1
    while True:
        candidate = path.with_name(f"{path.stem}.backup-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def save_text(path: str | Path, data: str) -> tuple[Path, Path | None]:
    """Save ``data`` to ``path``; an existing, different file is first kept as a backup.

    Returns ``(saved, backup)``; ``backup`` is None when nothing needed keeping.
    """
    path = Path(path)
    backup = None
    try:
        if path.is_dir():
            raise SaveError("this is a folder.", "Choose a file name, e.g. my_lexicon.csv.", path)
        if path.exists():
            old = path.read_bytes()
            if old == data.encode("utf-8"):
                return path, None
            backup = backup_path(path)
            atomic_write(backup, old)
        atomic_write(path, data)
    except OSError as exc:
        raise SaveError(f"could not save ({exc.strerror or exc}).",
                        "Check the folder exists and you may write to it; your earlier "
                        "file is unchanged.", path) from None
    return path, backup


def read_work_file(path: str | Path, *, kind: str, file_format: str, version: int,
                   error: type[FramelabError], fingerprint: str | None = None) -> dict:
    """Read a saved piece of work (annotations, frame codes): a JSON object that names its
    ``format`` and ``version`` and the SHA-256 of the text it was made on.

    A missing, unreadable, foreign or out-of-date file, or one made on another text than
    ``fingerprint``, raises ``error`` naming the file; the file itself is left as it is.
    """
    path = Path(path)
    if not path.is_file():
        raise error(f"no such {kind} file.", "Check the file name.", path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"this is not a readable JSON file ({exc}).",
                    "It was left as it is; choose another file name to start afresh, or "
                    "restore it from its .backup copy.", path) from None
    if not isinstance(data, dict) or data.get("format") != file_format:
        raise error(f"this JSON file is not a framelab {kind} file.",
                    "It was left as it is; choose another file name.", path)
    if data.get("version") != version:
        raise error(f"{kind} format version {data.get('version')} is not supported "
                    f"(this framelab reads version {version}).",
                    "Update framelab, or start a new file.", path)
    sha = (data.get("article") or {}).get("sha256", "")
    if fingerprint is not None and sha != fingerprint:
        raise error(f"this {kind} file was made on a different text (the article has "
                    "changed, or it is another article).",
                    "Load it with the article it was made on.", path)
    return data


def read_small_text(path: str | Path, *, error: type[FramelabError], what: str,
                    binary_advice: str, empty_advice: str) -> str:
    """The text of a student's small text file (a lexicon, a fact list): UTF-8, else
    Windows-1252 as spreadsheets save it; a missing, folder, binary or empty file raises
    ``error`` naming the file and saying what to do."""
    path = Path(path)
    if not path.exists():
        raise error(f"no such {what}.", "Check the path and the file name.", path)
    if path.is_dir():
        raise error(f"this is a folder, not a {what}.", "Name the file itself.", path)
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise error(f"this is not a text file (it holds binary data), so not a {what}.",
                    binary_advice, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise error(f"the {what} is empty.", empty_advice, path)
    return text
