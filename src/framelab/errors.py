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
        self.path: Path | str | None = (
            None if path is None else path if _is_address(path) else Path(path))
        where = f"{self.path}: " if self.path is not None else ""
        message = f"{where}{problem}"
        if advice:
            message += f"\nWhat to do: {advice}"
        super().__init__(message)


def _is_address(path: str | Path) -> bool:
    return isinstance(path, str) and path.lower().startswith(("http://", "https://"))


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


class CorruptFileError(BinaryFileError):
    """A PDF, Word or RTF file that is damaged or cut short, so it cannot be opened."""


class ScannedPDFError(ArticleError):
    """A PDF with no text layer: pictures of pages (a scan); framelab does no OCR."""


class ProtectedFileError(ArticleError):
    """A document locked with a password."""


class MultipleStoriesError(ArticleError):
    """``load_article`` was given a library export of several stories."""


class StoryError(ArticleError):
    """One story of a library export could not be read."""


class IncompleteCorpusError(FramelabError):
    """Some files or stories of a corpus could not be read, so it is not complete."""


class FetchError(ArticleError):
    """A web address could not be fetched (offline, refused, not found)."""


class FetchTimeoutError(FetchError, TimeoutError):
    """The site did not answer in time."""
