"""The frames codebook, frame codes saved safely, agreement, packages and the coding tool."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import ipywidgets as w
import pytest

import framelab
from framelab import annotations, frames
from framelab.articles import parse_article
from framelab.widgets import FrameCoder, FramePackageView


@pytest.fixture(scope="module")
def book() -> frames.Codebook:
    return frames.load_codebook()


@pytest.fixture(scope="module")
def op_ed() -> framelab.Article:
    return framelab.load_article(framelab.datasets_dir() / "contrast"
                                 / "counter_oped_liberation.md")


# --------------------------------------------------------------------------- the codebook


def test_the_codebook_defines_functions_and_frames(book) -> None:
    assert tuple(f.id for f in book.functions) == frames.FUNCTIONS
    assert {f.id for f in book.frames} == set(frames.GENERIC_FRAMES)
    for function in book.functions:
        assert function.definition and function.ask.endswith("?") and function.cues
    for frame in book.frames:
        assert len(frame.questions) >= 3
        assert all(q.startswith(("Does", "Is")) and q.endswith("?") for q in frame.questions)
    assert "Entman" in book.sources["entman1993"]
    assert "Semetko" in book.sources["semetko2000"] and "Valkenburg" in book.sources[
        "semetko2000"]


def test_worked_examples_quote_the_texts_exactly(book) -> None:
    used = {e.code for e in book.examples}
    assert set(frames.FUNCTIONS) <= used, "every function has a worked example"
    assert {e.text for e in book.examples} == {"seed", "counter_oped"}
    for example in book.examples:
        path = book.text_path(example.text)
        source = path.read_text(encoding="utf-8")
        assert source[example.start:example.end] == example.quote, example
        article = framelab.load_article(path)
        paragraph = article.paragraphs[example.paragraph]
        assert paragraph.start <= example.start and example.end <= paragraph.end, example


def test_reference_codings_cover_every_paragraph(book, seed, op_ed) -> None:
    for name, article in [("seed", seed), ("counter_oped", op_ed)]:
        codes = frames.reference_codes(article, name, book)
        assert sorted(codes.paragraphs) == list(range(len(article.paragraphs)))
        assert all(c.frame for c in codes.paragraphs.values())
        assert frames.reference_name(article, book) == name
    assert frames.reference_name(parse_article("Just a note.\n"), book) is None


def test_a_broken_codebook_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "frames.yaml"
    path.write_text("title: x\nfunctions: []\n", encoding="utf-8")
    with pytest.raises(frames.CodebookError):
        frames.load_codebook(path)


# --------------------------------------------------------------------------- codes


def test_codes_save_load_and_never_overwrite_silently(seed, tmp_path: Path) -> None:
    codes = frames.new_codes(seed, "ana")
    codes = frames.with_code(codes, 0, functions=["problem_definition"], frame="conflict")
    codes = frames.with_code(codes, 0, note="a failed state")
    assert codes.paragraphs[0] == frames.ParagraphCode(
        frozenset({"problem_definition"}), "conflict", "a failed state")
    path = tmp_path / "codes.json"
    path.write_text("someone else's notes", encoding="utf-8")
    _, backup, text = frames.save_codes(codes, seed, path)
    assert backup is not None and backup.read_text(encoding="utf-8") == "someone else's notes"
    assert frames.load_codes(path, seed) == codes
    more = frames.with_code(codes, 1, functions=[], frame="none")
    _, backup2, text2 = frames.save_codes(more, seed, path, previous=text)
    assert backup2 is None, "the coder's own file is replaced in place"
    assert frames.load_codes(path, seed).paragraphs[1].frame == "none"
    stray = "edited by hand"
    path.write_text(stray, encoding="utf-8")
    _, backup3, _ = frames.save_codes(more, seed, path, previous=text2)
    assert backup3 is not None and backup3.read_text(encoding="utf-8") == stray
    data = json.loads(path.read_text(encoding="utf-8"))
    first = data["paragraphs"][0]
    assert seed.source[first["start"]:first["end"]] == seed.paragraphs[0].text
    with pytest.raises(ValueError):
        frames.with_code(codes, 2, functions=["blame"])
    with pytest.raises(ValueError):
        frames.with_code(codes, 2, frame="heroism")


def test_bad_code_files_are_refused_and_left_alone(seed, op_ed, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text("{not json", encoding="utf-8")
    with pytest.raises(frames.FrameCodesError, match="not a readable JSON"):
        frames.load_codes(corrupt)
    assert corrupt.read_text(encoding="utf-8") == "{not json"
    other = tmp_path / "other.json"
    frames.save_codes(frames.new_codes(op_ed, "b"), op_ed, other)
    with pytest.raises(frames.FrameCodesError, match="different text"):
        frames.load_codes(other, seed)
    labels = tmp_path / "labels.json"
    annotations.save_annotations(annotations.new_annotations(seed, "a"), seed, labels)
    with pytest.raises(frames.FrameCodesError, match="not a framelab frame-codes"):
        frames.load_codes(labels)


def test_agreement_by_hand_reuses_kappa_and_alpha(seed) -> None:
    a, b = frames.new_codes(seed, "a"), frames.new_codes(seed, "b")
    for i, (x, y) in enumerate([(True, True), (True, False), (False, False), (False, False)]):
        a = frames.with_code(a, i, functions=["causal_interpretation"] if x else [],
                             frame="conflict" if i < 2 else "morality")
        b = frames.with_code(b, i, functions=["causal_interpretation"] if y else [],
                             frame="conflict" if i < 3 else "morality")
    table = frames.agreement(a, b)
    row = table.loc["causal_interpretation"]
    # by hand: observed 3/4; A says yes to 1/2, B to 1/4, so chance agreement is
    # .5 * .25 + .5 * .75 = .5 and Cohen's kappa = (.75 - .5) / (1 - .5) = .5
    assert row["paragraphs"] == 4 and row["observed"] == 0.75
    assert row["kappa"] == pytest.approx(0.5, abs=1e-3)
    assert row["disagree_on"] == "2"
    nltk_result = annotations.agreement(frames.function_labels(a, "causal_interpretation"),
                                        frames.function_labels(b, "causal_interpretation"))
    assert row["alpha"] == nltk_result.alpha
    assert table.loc["dominant_frame", "disagree_on"] == "3"
    same = frames.agreement(a, a)
    assert (same["observed"] == 1.0).all()


def test_frame_packages_side_by_side(book, seed, op_ed) -> None:
    rs = frames.reference_codes(seed, "seed", book)
    ro = frames.reference_codes(op_ed, "counter_oped", book)
    package = frames.frame_package(seed, rs, book)
    treatment = package.loc["Treatment recommendation"]
    expected = [i + 1 for i, c in sorted(rs.paragraphs.items())
                if "treatment_recommendation" in c.functions]
    assert treatment["paragraphs"] == ", ".join(map(str, expected))
    listed = dict(re.findall(r"([A-Za-z ]+) \((\d+)\)", package.loc["Dominant frame",
                                                                   "paragraphs"]))
    counts = Counter(book.label(c.frame) for c in rs.paragraphs.values())
    assert {k.strip(", "): int(v) for k, v in listed.items()} == counts
    table = frames.side_by_side({"seed": (seed, rs), "op-ed": (op_ed, ro)}, book)
    assert list(table.columns) == ["seed", "op-ed"]
    assert list(table.index) == [book.label(f) for f in frames.FUNCTIONS] + ["Dominant frame"]
    assert table.loc["Problem definition", "op-ed"].startswith("¶ 1")


def test_candidates_point_at_cue_words(book, seed, op_ed) -> None:
    for article in (seed, op_ed):
        for c in frames.candidates(article, book):
            assert article.source[c.start:c.end] == c.text
            paragraph = article.paragraphs[c.paragraph]
            assert paragraph.start <= c.start < paragraph.end
            assert c.why
    seed_moral = {c.text for c in frames.candidates(seed, book)
                  if c.function == "moral_evaluation"}
    assert "charade" in seed_moral
    op_treat = {(c.paragraph, c.text) for c in frames.candidates(op_ed, book)
                if c.function == "treatment_recommendation"}
    assert (len(op_ed.paragraphs) - 1, "The choice is") in op_treat
    table = frames.candidate_table(seed, book)
    assert list(table.index) == list(range(1, len(seed.paragraphs) + 1))


# --------------------------------------------------------------------------- the tool


def test_the_coder_saves_every_change_and_resumes(seed, tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    tool = FrameCoder(seed, path=path, coder="ana")
    assert tool.index == 0
    tool.functions["problem_definition"].value = True
    tool.frame.value = "conflict"
    tool.next_button.click()
    assert tool.index == 1
    tool.functions["treatment_recommendation"].value = True
    tool.note.value = "al-Sarraj's remedy"
    saved = frames.load_codes(path, seed)
    assert saved.paragraphs[0].functions == {"problem_definition"}
    assert saved.paragraphs[1].note == "al-Sarraj's remedy"
    assert list(tmp_path.iterdir()) == [path], "no backup of the coder's own file"
    again = FrameCoder(seed, path=path, coder="ana")
    assert again.index == 2 and "Resumed 2" in again.status.value
    again.previous_button.click()
    assert again.functions["treatment_recommendation"].value is True
    assert again.note.value == "al-Sarraj's remedy"


def test_the_coder_is_keyboard_usable_and_readable(seed, tmp_path: Path) -> None:
    tool = FrameCoder(seed, path=tmp_path / "x.json")
    for box in tool.functions.values():
        assert isinstance(box, w.Checkbox) and box.description.endswith("?")
    assert isinstance(tool.frame, w.RadioButtons)
    labels = [label for label, _ in tool.frame.options]
    assert "Human interest" in labels and any("None" in label for label in labels)
    for button in (tool.previous_button, tool.next_button, tool.compare_partner_button,
                   tool.compare_reference_button, tool.package_button):
        assert isinstance(button, w.Button) and button.description
    assert "<details" in tool.questions.value and "<summary>" in tool.questions.value


def test_the_coder_escapes_article_text(tmp_path: Path) -> None:
    article = parse_article('<script>alert("x")</script> & more words here.\n\nSecond one.\n',
                            html=False)
    tool = FrameCoder(article, path=tmp_path / "x.json")
    assert "<script>" not in tool.paragraph.value
    assert "&lt;script&gt;" in tool.paragraph.value


def test_a_foreign_file_at_the_path_is_never_touched(seed, tmp_path: Path) -> None:
    path = tmp_path / "taken.json"
    path.write_text('{"format": "something-else"}', encoding="utf-8")
    tool = FrameCoder(seed, path=path)
    assert not tool.can_save and "not a framelab frame-codes" in tool.status.value
    tool.functions["moral_evaluation"].value = True
    assert path.read_text(encoding="utf-8") == '{"format": "something-else"}'


def test_agreement_and_packages_in_the_tool(seed, op_ed, tmp_path: Path) -> None:
    tool = FrameCoder(seed, path=tmp_path / "me.json", coder="me")
    tool.functions["problem_definition"].value = True
    tool.frame.value = "conflict"
    table = tool.compare_with_reference()
    assert table.loc["problem_definition", "paragraphs"] == 1
    assert "kappa" in tool.agreement.value
    partner = tmp_path / "partner.json"
    frames.save_codes(frames.reference_codes(seed, "seed"), seed, partner)
    assert tool.compare_with_file(str(partner)) is not None
    assert tool.compare_with_file(str(tmp_path / "missing.json")) is None
    assert "no such" in tool.agreement.value
    assert "Problem definition" in tool.show_package().index
    other = FrameCoder(op_ed, path=tmp_path / "op.json")
    view = FramePackageView({"seed": (seed, tool.codes), "op-ed": (op_ed, other.codes)})
    assert list(view.current().columns) == ["seed", "op-ed"]
    view.choose_b.value = "seed"
    assert list(view.current().columns) == ["seed"]
    assert "Frame packages side by side" in view.table.value
