"""Framing Lab: measure how word choice frames a news story, in Jupyter.

Importing framelab makes NLTK work offline with the kit's own data (no downloads),
and, in Jupyter, shows framelab's errors as short messages instead of tracebacks.
"""

from framelab.nltk_data import use_kit_data

use_kit_data()

from framelab.articles import (  # noqa: E402
    Article,
    Corpus,
    Section,
    Span,
    load_article,
    load_articles,
    load_folder,
)
from framelab.data import dataset_files, datasets_dir, seed_path  # noqa: E402
from framelab.errors import FramelabError  # noqa: E402
from framelab.notebook import install_error_display  # noqa: E402

install_error_display()

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Corpus",
    "FramelabError",
    "Section",
    "Span",
    "dataset_files",
    "datasets_dir",
    "load_article",
    "load_articles",
    "load_folder",
    "seed_path",
]
