"""The errors framelab raises: one clear message naming the file and what to do.

Every error a student can cause by pointing framelab at the wrong file is a
``FramelabError``; in Jupyter, framelab shows these as a short message instead of a
traceback (see ``framelab.notebook``).
"""

from __future__ import annotations

from pathlib import Path


class FramelabError(Exception):
    """Base class: something the user can fix, with a message that says how."""

    def __init__(self, problem: str, advice: str = "", path: str | Path | None = None) -> None:
        self.problem = problem
        self.advice = advice
        self.path = None if path is None else Path(path)
        where = f"{self.path}: " if self.path is not None else ""
        message = f"{where}{problem}"
        if advice:
            message += f"\nWhat to do: {advice}"
        super().__init__(message)


class ArticleError(FramelabError):
    """An article file could not be loaded; nothing was loaded."""


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """The path does not exist."""


class NotAFileError(ArticleError, IsADirectoryError):
    """The path is a directory (or a device), not a file."""


class EmptyArticleError(ArticleError):
    """The file is empty, or holds only white space or markup."""


class BinaryFileError(ArticleError):
    """The file is a PDF, image, Word document or other non-text file."""


class ArticleEncodingError(ArticleError, UnicodeError):
    """The bytes are not text in any encoding framelab tries."""


class FileTooLargeError(ArticleError):
    """The file is larger than an article should be."""


class MetadataError(ArticleError):
    """The article's front matter or side file is not valid YAML."""
