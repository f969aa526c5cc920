"""Jupyter niceties: a framelab error shows as its message, not as a traceback wall.

A failed exercise check (``framelab.checks.WrongAnswer``) shows as its one ``✗`` line, sent
as the cell's error output: the student sees no traceback, and nbgrader, nbclient and
JupyterLab's "Run All" still see that the cell failed.
"""

from __future__ import annotations

from typing import Any

from framelab.errors import FramelabError


def _show_error(
    shell: Any, etype: type, evalue: BaseException, tb: Any, tb_offset: int | None = None
) -> None:
    from html import escape

    from IPython.display import HTML, display

    from framelab.checks import WrongAnswer

    if issubclass(etype, WrongAnswer):
        shell._showtraceback(etype, evalue, str(evalue).split("\n"))
        return

    lines = str(evalue).split("\n")
    body = "<br>".join(escape(line) for line in lines)
    display(
        HTML(
            '<div role="alert" style="border-left:4px solid #D55E00;padding:0.4em 0.8em;'
            f'background:#fff4ec;color:#222"><strong>{escape(etype.__name__)}</strong>: '
            f"{body}</div>"
        )
    )
    print(f"{etype.__name__}: {evalue}")


def install_error_display() -> bool:
    """In IPython, show ``FramelabError`` (and failed checks) as a short message.

    Returns whether the display was installed (False outside IPython).
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((FramelabError,), _show_error)
    return True
