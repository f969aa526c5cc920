"""Interactive views for the lessons: thin ipywidgets over framelab's pure functions.

Each view keeps its widgets as attributes (``explorer.checkboxes["derision"]``), so tests
and instructors can drive it without a browser: set ``.value``, call ``.click()``, read
what it shows. Every control is a standard HTML input or button, usable with the keyboard
(Tab to move, Space or Enter to press, arrow keys in lists and sliders). One module per view.
"""

from framelab.widgets.annotation import AnnotationTool
from framelab.widgets.common import CANDIDATE_NOTE, ORDER, flags_csv, profile_csv
from framelab.widgets.comparison import ComparisonPanel
from framelab.widgets.explorer import Explorer
from framelab.widgets.frames import FrameCoder, FramePackageView
from framelab.widgets.rewrite import RewriteLab
from framelab.widgets.workbench import LexiconWorkbench

__all__ = [
    "CANDIDATE_NOTE",
    "ORDER",
    "AnnotationTool",
    "ComparisonPanel",
    "Explorer",
    "FrameCoder",
    "FramePackageView",
    "LexiconWorkbench",
    "RewriteLab",
    "flags_csv",
    "profile_csv",
]
