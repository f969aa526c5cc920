"""HTML for the notebooks: article text always escaped, figures always with alt text."""

from __future__ import annotations

import base64
import io
from html import escape

from matplotlib.figure import Figure


def figure_html(figure: Figure, alt_text: str) -> str:
    """A PNG ``<img>`` of the figure with its text alternative as ``alt`` and a caption."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = escape(alt_text, quote=True)
    return (
        f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}">'
        f'<figcaption style="font-size:0.85em;color:#333">{escape(alt_text)}</figcaption>'
        "</figure>"
    )
