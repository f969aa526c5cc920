"""The kit's JupyterLab settings, installed as the environment's ``overrides.json``.

Two defaults matter in a classroom: widget state is saved with the notebook, so a lesson
re-opened the next day shows its tools as they were (not "model not found"); and JupyterLab
does not ask about, or fetch, Jupyter news. ``make setup`` runs this; in a conda
environment run ``python -m framelab.labsettings`` once after creating it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path

SETTINGS_FILE = Path(__file__).with_name("lab_overrides.json")
"""The kit's settings file: plugin id -> settings, as JupyterLab's ``overrides.json`` takes them."""


def settings() -> dict[str, dict[str, object]]:
    """The kit's JupyterLab settings (saveState on, no news), read from its settings file."""
    return json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))


def overrides_path(prefix: str | Path = sys.prefix) -> Path:
    """Where JupyterLab in the environment at ``prefix`` reads its default overrides."""
    return Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def merged(existing: Mapping[str, object], ours: Mapping[str, Mapping[str, object]]
           ) -> dict[str, object]:
    """``existing`` overrides with ours added; other plugins' and other keys' values kept."""
    result: dict[str, object] = dict(existing)
    for plugin, values in ours.items():
        current = result.get(plugin)
        result[plugin] = {**(current if isinstance(current, dict) else {}), **values}
    return result


def install(prefix: str | Path = sys.prefix) -> Path:
    """Write the kit's settings into the environment's overrides.json (merging, atomically)."""
    from framelab.storage import atomic_write

    path = overrides_path(prefix)
    existing: Mapping[str, object] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            existing = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            existing = {}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(merged(existing, settings()), indent=2) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return path


def main() -> None:
    path = install()
    print(f"JupyterLab settings for Framing Lab written to {path}")


if __name__ == "__main__":
    main()
