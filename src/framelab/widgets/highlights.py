"""The highlighted article as a custom widget: reasons on hover and focus, clicks reach Python.

ipywidgets' HTML widget only shows HTML; this one (an anywidget, JavaScript shipped in the
package, nothing fetched) also reports which highlight a student clicked or opened with
Enter, so a view can show that flag's details. The HTML itself comes from
``render.highlight_html``, a pure function, and already shows each reason on hover and
keyboard focus without any script.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

_HERE = Path(__file__).resolve().parent


class HighlightedText(anywidget.AnyWidget):
    """Shows ``html`` (from ``render.highlight_html``); ``selected`` is the chosen flag's index."""

    _esm = _HERE / "highlights.js"
    _css = """
.framelab-highlights {overflow: auto; padding-bottom: 9em;}
"""
    html = traitlets.Unicode("").tag(sync=True)
    selected = traitlets.Int(-1).tag(sync=True)
