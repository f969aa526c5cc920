"""Frame elements: code a text paragraph by paragraph for the four functions of a frame.

Entman (1993) names four things a frame does: it defines a problem, interprets its causes,
judges it morally and recommends a treatment. Semetko & Valkenburg (2000) add a short
list of generic frames that recur across news (conflict, human interest, responsibility,
economic consequences, morality). The codebook (``datasets/codebook/frames.yaml``) defines
each, with yes/no questions written for this kit and worked examples from the seed and
the counter op-ed. Codes are saved atomically, like annotations; agreement between two
coders reuses ``framelab.annotations.agreement`` (Cohen's kappa, Krippendorff's alpha).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from framelab import annotations
from framelab.articles import Article
from framelab.data import datasets_dir
from framelab.errors import FramelabError
from framelab.facts import cue_patterns, part_spans
from framelab.loaded import find_loaded, writer_flags
from framelab.storage import atomic_write, read_work_file, save_text

FUNCTIONS = ("problem_definition", "causal_interpretation", "moral_evaluation",
             "treatment_recommendation")
"""Entman's four functions of a frame, in his order."""

GENERIC_FRAMES = ("conflict", "human_interest", "responsibility", "economic_consequences",
                  "morality")
"""Generic news frames after Semetko & Valkenburg (2000)."""

NO_FRAME = "none"
FORMAT = "framelab-frames"
VERSION = 1
MORAL_CATEGORIES = ("name_calling", "derision", "judgement", "delegitimising", "legitimising",
                    "irony", "charged_imagery")
"""Loaded-language categories taken as cues of a moral evaluation."""


class CodebookError(FramelabError):
    """The codebook file is missing or malformed."""


class FrameCodesError(FramelabError):
    """A frame-codes file is missing, corrupt, or not framelab's; it was left untouched."""


@dataclass(frozen=True)
class FunctionDef:
    """One function of a frame: its label, definition, the question to ask, its cues."""

    id: str
    label: str
    definition: str
    ask: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class FrameDef:
    """One generic frame: its label, definition and yes/no questions."""

    id: str
    label: str
    definition: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Example:
    """A worked example: ``quote`` is exactly ``source[start:end]`` of the text it names."""

    text: str
    code: str
    quote: str
    start: int
    end: int
    paragraph: int
    why: str


@dataclass(frozen=True)
class ParagraphCode:
    """What one paragraph does: the functions it performs and the frame that dominates."""

    functions: frozenset[str] = frozenset()
    frame: str = ""
    note: str = ""


@dataclass(frozen=True)
class Codebook:
    """The codebook: functions, generic frames, worked examples and a reference coding."""

    title: str
    how_to_code: str
    sources: Mapping[str, str]
    texts: Mapping[str, str]
    functions: tuple[FunctionDef, ...]
    frames: tuple[FrameDef, ...]
    examples: tuple[Example, ...]
    reference: Mapping[str, Mapping[int, ParagraphCode]] = field(default_factory=dict)

    def label(self, code: str) -> str:
        """The readable label of a function or frame id ("none" reads "None of these")."""
        for item in (*self.functions, *self.frames):
            if item.id == code:
                return item.label
        return "None of these" if code == NO_FRAME else code

    def text_path(self, name: str) -> Path:
        """The file a worked example quotes ("seed", "counter_oped")."""
        return datasets_dir() / self.texts[name]


def codebook_path() -> Path:
    """The kit's codebook, ``datasets/codebook/frames.yaml``."""
    return datasets_dir() / "codebook" / "frames.yaml"


@lru_cache(maxsize=2)
def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read the codebook YAML (default: the kit's); a malformed one raises ``CodebookError``."""
    path = Path(path) if path is not None else codebook_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CodebookError(f"the codebook cannot be read ({exc}).",
                            "Restore datasets/codebook/frames.yaml.", path) from None
    try:
        functions = tuple(FunctionDef(f["id"], f["label"], f["definition"], f["ask"],
                                      tuple(f.get("cues") or ())) for f in data["functions"])
        frames = tuple(FrameDef(f["id"], f["label"], f["definition"], tuple(f["questions"]))
                       for f in data["frames"])
        examples = tuple(Example(e["text"], e["code"], e["quote"], int(e["start"]),
                                 int(e["end"]), int(e["paragraph"]), e["why"])
                         for e in data.get("examples") or ())
        reference = {name: {int(i): _paragraph_code(c) for i, c in
                            (entry.get("paragraphs") or {}).items()}
                     for name, entry in (data.get("reference") or {}).items()}
        book = Codebook(data["title"], data.get("how_to_code", ""), dict(data["sources"]),
                        dict(data["texts"]), functions, frames, examples, reference)
    except (KeyError, TypeError, ValueError) as exc:
        raise CodebookError(f"the codebook lacks or garbles {exc}.",
                            "Compare it with the kit's datasets/codebook/frames.yaml.",
                            path) from None
    if tuple(f.id for f in functions) != FUNCTIONS:
        raise CodebookError("the codebook's functions are not Entman's four.",
                            f"List them in this order: {', '.join(FUNCTIONS)}.", path)
    known = set(FUNCTIONS) | {f.id for f in frames}
    if bad := sorted({e.code for e in examples} - known):
        raise CodebookError(f"examples use unknown codes {bad}.", "Fix the examples.", path)
    return book


def _paragraph_code(value: Mapping[str, Any]) -> ParagraphCode:
    functions = frozenset(value.get("functions") or ())
    if bad := functions - set(FUNCTIONS):
        raise ValueError(f"unknown functions {sorted(bad)}")
    frame = str(value.get("frame") or "")
    if frame and frame not in (*GENERIC_FRAMES, NO_FRAME):
        raise ValueError(f"unknown frame {frame!r}")
    return ParagraphCode(functions, frame, str(value.get("note") or ""))


# --------------------------------------------------------------------------- codes


@dataclass(frozen=True)
class FrameCodes:
    """One coder's codes for one article: paragraph index -> ``ParagraphCode``."""

    coder: str
    article_title: str
    article_sha256: str
    paragraphs: Mapping[int, ParagraphCode] = field(default_factory=dict)

    def to_json(self, article: Article) -> str:
        """The file format: codes with each paragraph's offsets and opening words."""
        paragraphs = article.paragraphs
        return json.dumps({
            "format": FORMAT, "version": VERSION, "coder": self.coder,
            "article": {"title": self.article_title, "sha256": self.article_sha256,
                        "path": str(article.path) if article.path else None},
            "paragraphs": [
                {"paragraph": i, "functions": [f for f in FUNCTIONS if f in code.functions],
                 "frame": code.frame, "note": code.note,
                 "start": paragraphs[i].start if i < len(paragraphs) else None,
                 "end": paragraphs[i].end if i < len(paragraphs) else None,
                 "opening": " ".join(paragraphs[i].text.split()[:12]) if i < len(paragraphs)
                 else ""}
                for i, code in sorted(self.paragraphs.items())],
        }, ensure_ascii=False, indent=1)


def new_codes(article: Article, coder: str) -> FrameCodes:
    """No paragraph coded yet."""
    return FrameCodes(coder, article.title, annotations.fingerprint(article), {})


def with_code(codes: FrameCodes, paragraph: int, *, functions: Iterable[str] | None = None,
              frame: str | None = None, note: str | None = None) -> FrameCodes:
    """A copy with one paragraph's functions, frame or note set (the others kept)."""
    old = codes.paragraphs.get(paragraph, ParagraphCode())
    new_functions = frozenset(functions) if functions is not None else old.functions
    if bad := new_functions - set(FUNCTIONS):
        raise ValueError(f"functions are {FUNCTIONS}, not {sorted(bad)}")
    new_frame = old.frame if frame is None else frame
    if new_frame and new_frame not in (*GENERIC_FRAMES, NO_FRAME):
        raise ValueError(f"frame must be one of {(*GENERIC_FRAMES, NO_FRAME)}, not {frame!r}")
    paragraphs = dict(codes.paragraphs)
    paragraphs[paragraph] = ParagraphCode(new_functions, new_frame,
                                          old.note if note is None else note)
    return FrameCodes(codes.coder, codes.article_title, codes.article_sha256, paragraphs)


def save_codes(codes: FrameCodes, article: Article, path: str | Path,
               previous: str | None = None) -> tuple[Path, Path | None, str]:
    """Save atomically; returns (saved, backup, text written).

    ``previous`` is the text this coder last saved or loaded there: when the file still
    holds exactly that, it is the coder's own work and is replaced in place; any other
    file already there is first kept as a numbered backup, never silently overwritten.
    """
    path = Path(path)
    text = codes.to_json(article)
    if previous is not None and path.is_file() and path.read_text(encoding="utf-8") == previous:
        atomic_write(path, text)
        return path, None, text
    saved, backup = save_text(path, text)
    return saved, backup, text


def load_codes(path: str | Path, article: Article | None = None) -> FrameCodes:
    """Read a frame-codes file; a corrupt or foreign one raises ``FrameCodesError``.

    With ``article``, the file must belong to that exact text (same SHA-256).
    """
    data = read_work_file(path, kind="frame-codes", file_format=FORMAT, version=VERSION,
                          error=FrameCodesError,
                          fingerprint=None if article is None else annotations.fingerprint(article))
    sha = (data.get("article") or {}).get("sha256", "")
    try:
        paragraphs = {int(p["paragraph"]): _paragraph_code(p) for p in data["paragraphs"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise FrameCodesError(f"the codes in this file are damaged ({exc}).",
                              "It was left as it is; choose another file name.", path) from None
    return FrameCodes(str(data.get("coder", "")),
                      str((data.get("article") or {}).get("title", "")), sha, paragraphs)


def reference_codes(article: Article, text: str, codebook: Codebook | None = None,
                    ) -> FrameCodes:
    """The codebook's reference coding of ``text`` ("seed", "counter_oped") as codes on
    ``article``: one coder's reading, for discussion, not a correct answer."""
    book = codebook or load_codebook()
    if text not in book.reference:
        raise KeyError(f"the codebook has no reference coding of {text!r}; it has "
                       f"{sorted(book.reference)}")
    paragraphs = {i: c for i, c in book.reference[text].items() if i < len(article.paragraphs)}
    return FrameCodes("Framing Lab developers (reference)", article.title,
                      annotations.fingerprint(article), paragraphs)


def reference_name(article: Article, codebook: Codebook | None = None) -> str | None:
    """Which reference coding belongs to this article ("seed", "counter_oped"), if any."""
    book = codebook or load_codebook()
    if article.path is None:
        return None
    for name, relative in book.texts.items():
        if name in book.reference and Path(relative).name == article.path.name:
            return name
    return None


# --------------------------------------------------------------------------- agreement


def function_labels(codes: FrameCodes, function: str) -> dict[int, str]:
    """Per coded paragraph, "yes" if it performs ``function``, else "no"."""
    return {i: "yes" if function in c.functions else "no" for i, c in codes.paragraphs.items()}


def frame_labels(codes: FrameCodes) -> dict[int, str]:
    """Per paragraph with a frame chosen, the dominant frame."""
    return {i: c.frame for i, c in codes.paragraphs.items() if c.frame}


def agreement(a: FrameCodes, b: FrameCodes) -> pd.DataFrame:
    """Agreement of two coders, per function and on the dominant frame, over the
    paragraphs both coded: observed agreement, Cohen's kappa and Krippendorff's alpha
    (None where every label is the same), and the paragraphs (numbered from 1) they
    disagree on."""
    rows = []
    pairs = [(f, function_labels(a, f), function_labels(b, f)) for f in FUNCTIONS]
    pairs.append(("dominant_frame", frame_labels(a), frame_labels(b)))
    for name, la, lb in pairs:
        result = annotations.agreement(la, lb)
        rows.append({"code": name, "paragraphs": result.items, "observed": result.observed,
                     "kappa": result.kappa, "alpha": result.alpha,
                     "disagree_on": ", ".join(str(i + 1) for i, _, _ in result.disagreements)})
    return pd.DataFrame(rows).set_index("code")


# --------------------------------------------------------------------------- packages


def _opening(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def frame_package(article: Article, codes: FrameCodes,
                  codebook: Codebook | None = None) -> pd.DataFrame:
    """The frame package: per function, the paragraphs (from 1) that perform it, their
    share of the coded paragraphs, and the opening words of the first one; then the
    dominant frames, most frequent first."""
    book = codebook or load_codebook()
    coded = codes.paragraphs
    n = max(len(coded), 1)
    rows = []
    for function in FUNCTIONS:
        where = sorted(i for i, c in coded.items() if function in c.functions)
        first = article.paragraphs[where[0]].text if where and where[0] < len(
            article.paragraphs) else ""
        rows.append({"element": book.label(function),
                     "paragraphs": ", ".join(str(i + 1) for i in where) or "none",
                     "share": round(len(where) / n, 2), "first": _opening(first)})
    frames = Counter(c.frame for c in coded.values() if c.frame)
    listed = ", ".join(f"{book.label(f)} ({k})" for f, k in frames.most_common())
    top = frames.most_common(1)
    rows.append({"element": "Dominant frame", "paragraphs": listed or "none",
                 "share": round(top[0][1] / n, 2) if top else 0.0,
                 "first": book.label(top[0][0]) if top else ""})
    return pd.DataFrame(rows).set_index("element")


def side_by_side(packages: Mapping[str, tuple[Article, FrameCodes]],
                 codebook: Codebook | None = None) -> pd.DataFrame:
    """Two (or more) texts' frame packages in adjacent columns: for each function, which
    paragraphs perform it and how the first one opens; then each text's dominant frames."""
    book = codebook or load_codebook()
    columns = {}
    for name, (article, codes) in packages.items():
        package = frame_package(article, codes, book)
        cells = []
        for element, row in package.iterrows():
            if element != "Dominant frame" and row.paragraphs != "none":
                cells.append(f"¶ {row.paragraphs}: “{row.first}”")
            else:
                cells.append(row.paragraphs)
        columns[name] = cells
    index = [book.label(f) for f in FUNCTIONS] + ["Dominant frame"]
    return pd.DataFrame(columns, index=pd.Index(index, name="element"))


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class Candidate:
    """A cue that a paragraph may perform a function: ``source[start:end]``, and why."""

    paragraph: int
    function: str
    start: int
    end: int
    text: str
    why: str


def candidates(article: Article, codebook: Codebook | None = None) -> list[Candidate]:
    """Cues, paragraph by paragraph, that a function of a frame may be at work.

    Cue words come from the codebook ("because", "must", "crisis"…); loaded words in the
    writer's own voice count as cues of a moral evaluation. Candidates for you to judge:
    a cue can be present where the function is not, and a function can work without cues.
    """
    book = codebook or load_codebook()
    text = article.text
    out: list[Candidate] = []
    spans = [(article.text_offset(p.start), article.text_offset(p.end))
             for p in article.paragraphs]
    for function in book.functions:
        for cue in function.cues:
            pattern = cue_patterns(cue)[0]
            for k, (a, b) in enumerate(spans):
                for start, end in part_spans(pattern, text, a, b):
                    span = article.span(start, end)
                    out.append(Candidate(k, function.id, span.start, span.end, span.text,
                                         f"codebook cue for {function.label.lower()}: {cue!r}"))
    starts = [p.start for p in article.paragraphs]
    for flag in writer_flags(find_loaded(article)):
        if flag.category in MORAL_CATEGORIES:
            k = max(i for i, s in enumerate(starts) if s <= flag.start) if starts and \
                flag.start >= starts[0] else 0
            out.append(Candidate(k, "moral_evaluation", flag.start, flag.end, flag.text,
                                 f"loaded language in the writer's voice ({flag.category})"))
    out.sort(key=lambda c: (c.paragraph, FUNCTIONS.index(c.function), c.start))
    return out


def candidate_table(article: Article, codebook: Codebook | None = None) -> pd.DataFrame:
    """Per paragraph (numbered from 1), the cue words found for each function."""
    found: dict[tuple[int, str], list[str]] = {}
    for c in candidates(article, codebook):
        found.setdefault((c.paragraph, c.function), []).append(c.text)
    rows = []
    for k, paragraph in enumerate(article.paragraphs):
        row: dict[str, Any] = {"paragraph": k + 1, "opening": _opening(paragraph.text, 8)}
        for function in FUNCTIONS:
            row[function] = ", ".join(dict.fromkeys(found.get((k, function), [])))
        rows.append(row)
    return pd.DataFrame(rows).set_index("paragraph")


def examples_table(codebook: Codebook | None = None) -> pd.DataFrame:
    """The codebook's worked examples: text, code, paragraph (from 1), quote, why."""
    book = codebook or load_codebook()
    return pd.DataFrame([(e.text, book.label(e.code), e.paragraph + 1, e.quote, e.why)
                         for e in book.examples],
                        columns=["text", "code", "paragraph", "quote", "why"])

