"""A student's own judgements: sentence labels saved to JSON, and agreement measured.

Annotations are saved after every label, atomically, in a file beside the notebook, so a
kernel restart loses nothing. Agreement with a partner, or with the machine's flags, is
Cohen's kappa and Krippendorff's alpha from ``nltk.metrics.agreement``, with every
disagreement listed so the discussion can start from the sentences themselves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nltk.metrics.agreement import AnnotationTask

from framelab.articles import Article
from framelab.errors import FramelabError
from framelab.loaded import Flag, find_loaded, writer_flags
from framelab.storage import read_work_file, save_text

LABELS = ("loaded", "neutral", "unsure")
FORMAT = "framelab-annotations"
VERSION = 1


class AnnotationError(FramelabError):
    """An annotation file is missing, corrupt, or not framelab's; it was left untouched."""


@dataclass(frozen=True)
class Annotations:
    """One annotator's sentence labels for one article: sentence index -> label."""

    annotator: str
    article_title: str
    article_sha256: str
    labels: Mapping[int, str] = field(default_factory=dict)

    def to_json(self, article: Article) -> str:
        """The file format: labels with each sentence's offsets and text, for a human too."""
        sentences = article.sentences
        return json.dumps({
            "format": FORMAT,
            "version": VERSION,
            "annotator": self.annotator,
            "article": {"title": self.article_title, "sha256": self.article_sha256,
                        "path": str(article.path) if article.path else None},
            "labels": [
                {"sentence": i, "label": label, "start": sentences[i].start,
                 "end": sentences[i].end, "text": sentences[i].text}
                for i, label in sorted(self.labels.items())
            ],
        }, ensure_ascii=False, indent=1)


def fingerprint(article: Article) -> str:
    """SHA-256 of the article's source text: annotations belong to exactly this text."""
    return hashlib.sha256(article.source.encode("utf-8")).hexdigest()


def new_annotations(article: Article, annotator: str) -> Annotations:
    """An empty set of labels for this article."""
    return Annotations(annotator, article.title, fingerprint(article), {})


def with_label(annotations: Annotations, sentence: int, label: str) -> Annotations:
    """A copy with one sentence labelled (``label`` from ``LABELS``) or cleared (``""``)."""
    if label and label not in LABELS:
        raise ValueError(f"label must be one of {LABELS}, not {label!r}")
    labels = dict(annotations.labels)
    if label:
        labels[sentence] = label
    else:
        labels.pop(sentence, None)
    return Annotations(annotations.annotator, annotations.article_title,
                       annotations.article_sha256, labels)


def save_annotations(annotations: Annotations, article: Article, path: str | Path) -> Path:
    """Save atomically; a different existing file is kept as a numbered backup first."""
    saved, _ = save_text(path, annotations.to_json(article))
    return saved


def load_annotations(path: str | Path, article: Article | None = None) -> Annotations:
    """Read an annotation file; a corrupt or foreign file raises ``AnnotationError``.

    With ``article``, the file must belong to that exact text (same SHA-256).
    """
    data = read_work_file(path, kind="annotation", file_format=FORMAT, version=VERSION,
                          error=AnnotationError,
                          fingerprint=None if article is None else fingerprint(article))
    sha = (data.get("article") or {}).get("sha256", "")
    try:
        labels = {int(item["sentence"]): str(item["label"]) for item in data["labels"]}
    except (KeyError, TypeError, ValueError):
        raise AnnotationError("the labels in this file are damaged.",
                              "It was left as it is; choose another file name.", path) from None
    if bad := sorted({v for v in labels.values() if v not in LABELS}):
        raise AnnotationError(f"unknown labels {bad}.", f"Labels are {LABELS}.", path)
    return Annotations(str(data.get("annotator", "")),
                       str((data.get("article") or {}).get("title", "")), sha, labels)


def machine_labels(article: Article, flags: list[Flag] | None = None) -> dict[int, str]:
    """The machine's label per sentence: loaded if it has a flag in the writer's voice."""
    flags = find_loaded(article) if flags is None else flags
    flagged = {f.sentence for f in writer_flags(flags)}
    return {i: "loaded" if i in flagged else "neutral" for i in range(len(article.sentences))}


@dataclass(frozen=True)
class Agreement:
    """Agreement between two sets of labels over the sentences both labelled."""

    items: int
    observed: float
    kappa: float | None
    alpha: float | None
    disagreements: tuple[tuple[int, str, str], ...]


def agreement(a: Mapping[int, str], b: Mapping[int, str], skip_unsure: bool = True) -> Agreement:
    """Cohen's kappa and Krippendorff's alpha (nltk.metrics.agreement) on shared sentences.

    "unsure" labels are left out by default: they are a note to self, not a category.
    """
    shared = sorted(i for i in set(a) & set(b)
                    if not (skip_unsure and "unsure" in (a[i], b[i])))
    disagreements = tuple((i, a[i], b[i]) for i in shared if a[i] != b[i])
    if not shared:
        return Agreement(0, 0.0, None, None, ())
    observed = 1 - len(disagreements) / len(shared)
    data = [("A", str(i), a[i]) for i in shared] + [("B", str(i), b[i]) for i in shared]
    task = AnnotationTask(data=data)
    labels = {label for _, _, label in data}
    if len(labels) < 2:
        return Agreement(len(shared), round(observed, 3), None, None, disagreements)
    return Agreement(len(shared), round(observed, 3), round(task.kappa(), 3),
                     round(task.alpha(), 3), disagreements)
