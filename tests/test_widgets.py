"""The widgets, driven headlessly as a student would: set values, click, read what shows."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import framelab
from framelab import widgets


@pytest.fixture(scope="module")
def wire() -> list[framelab.Article]:
    return [framelab.load_article(p) for p in framelab.dataset_files("wire")]


def test_explorer_toggles_categories(seed, tmp_path: Path) -> None:
    explorer = widgets.Explorer(seed, export_folder=tmp_path)
    total = explorer.highlight_count
    assert total == len(explorer.flags) >= 20
    assert f">{total}</strong> highlights" in explorer.counts.value
    derision = sum(f.category == "derision" for f in explorer.flags)
    explorer.checkboxes["derision"].value = False
    assert explorer.highlight_count == total - derision
    assert "[DER]" not in explorer.text.value and "[NAME]" in explorer.text.value
    assert f">{total - derision}</strong> highlights" in explorer.counts.value
    explorer.checkboxes["derision"].value = True
    assert explorer.highlight_count == total


def test_explorer_explains_a_term(seed, tmp_path: Path) -> None:
    explorer = widgets.Explorer(seed, export_folder=tmp_path)
    explorer.terms.value = "charade"
    assert "Why:" in explorer.detail.value and "2 occurrence(s)" in explorer.detail.value
    assert "negated" in explorer.detail.value


def test_explorer_exports_csv_without_overwriting(seed, tmp_path: Path) -> None:
    explorer = widgets.Explorer(seed, export_folder=tmp_path)
    first = explorer.export()
    assert [p.name for p in first] == [f"{seed.path.stem}_flags.csv",
                                       f"{seed.path.stem}_profile.csv"]
    header = first[0].read_text().splitlines()[0]
    assert header.startswith("start,end,text,category,term")
    (tmp_path / f"{seed.path.stem}_flags.csv").write_text("my notes")
    explorer.export()
    assert (tmp_path / f"{seed.path.stem}_flags.backup-1.csv").read_text() == "my notes"


def test_comparison_panel_slider_and_concordance(seed, wire, tmp_path: Path) -> None:
    panel = widgets.ComparisonPanel({"seed": seed, "wire": wire}, "seed", "wire",
                                    export_folder=tmp_path)
    assert "loaded_per_1k" in panel.table.value and "alt=" in panel.figure.value
    loose = len(panel.keywords.options)
    panel.min_freq.value = 3
    assert 0 < len(panel.keywords.options) < loose
    panel.threshold.value = 10.83
    assert all(k.g2 >= 10.83 for k in panel.current_keywords())
    panel.min_freq.value = 1
    panel.keywords.value = panel.keywords.options[0][1]
    assert "A: seed" in panel.concordance.value and "B: wire" in panel.concordance.value
    saved = panel.export()
    assert {p.suffix for p in saved} == {".csv", ".png", ".svg"}
    assert (tmp_path / "comparison.png.txt").read_text().startswith("Paired bar chart")


def test_comparison_panel_accepts_an_upload_and_refuses_a_pdf(seed, wire) -> None:
    panel = widgets.ComparisonPanel({"seed": seed, "wire": wire})
    def upload(name: str, content: bytes) -> tuple[dict, ...]:
        return ({"name": name, "type": "text/plain", "size": len(content),
                 "content": memoryview(content),
                 "last_modified": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)},)

    panel.upload.value = upload("scan.txt", b"%PDF-1.4 ...")
    assert "PDF" in panel.status.value and "scan.txt" not in panel.choose_a.options
    story = b"The so-called reform was a farce, critics said. Officials disagreed."
    panel.upload.value = upload("mine.txt", story)
    assert panel.choose_a.value == "mine.txt"
    assert "mine.txt" in panel.table.value


def test_lexicon_workbench_edits_save_and_reload(seed, tmp_path: Path) -> None:
    path = tmp_path / "my_lexicon.csv"
    bench = widgets.LexiconWorkbench(seed, path=path)
    before = bench.density.value
    bench.term.value, bench.category.value, bench.note.value = "anxious", "judgement", "mind"
    bench.add_button.click()
    assert bench.density.value != before and "anxious" in bench.text.value
    bench.entry_list.value = "ragtag"
    bench.remove_button.click()
    assert "ragtag" not in [v for _, v in bench.entry_list.options]
    bench.save_button.click()
    assert "Saved" in bench.status.value and path.exists()
    bench.term.value, bench.category.value, bench.note.value = "my own", "new_category", "why"
    bench.add_button.click()
    bench.save_button.click()
    assert "kept as" in bench.status.value
    assert len(list(tmp_path.glob("my_lexicon.backup-*.csv"))) == 1
    reloaded = widgets.LexiconWorkbench(seed, entries=[], path=path)
    reloaded.load_button.click()
    assert "my own" in [v for _, v in reloaded.entry_list.options]


def test_lexicon_workbench_refuses_a_bad_file_and_keeps_entries(seed, tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text("word,kind\nthug,name_calling\n")
    bench = widgets.LexiconWorkbench(seed, path=path)
    count = len(bench.entries)
    bench.load_button.click()
    assert "lacks the column" in bench.status.value
    assert len(bench.entries) == count
    assert path.read_text() == "word,kind\nthug,name_calling\n"
    bench.add("", "judgement", "x")
    assert "needs a category and a note" in bench.status.value


def test_annotation_tool_saves_each_click_and_resumes(seed, tmp_path: Path) -> None:
    path = tmp_path / "ann.json"
    tool = widgets.AnnotationTool(seed, path=path, annotator="ana")
    tool.label.value = "loaded"
    tool.label.value = "neutral"
    saved = json.loads(path.read_text())
    assert [(x["sentence"], x["label"]) for x in saved["labels"]] == [(0, "loaded"),
                                                                     (1, "neutral")]
    again = widgets.AnnotationTool(seed, path=path, annotator="ana")
    assert again.index == 2 and "Resumed 2 labels" in again.status.value
    result = again.compare_with_machine()
    assert result.items == 2 and "Cohen's kappa" in again.agreement.value


def test_annotation_tool_leaves_a_foreign_file_alone(seed, tmp_path: Path) -> None:
    path = tmp_path / "ann.json"
    path.write_text('{"my": "notes"}')
    tool = widgets.AnnotationTool(seed, path=path)
    assert "not a framelab annotation file" in tool.status.value
    tool.label.value = "loaded"
    assert path.read_text() == '{"my": "notes"}'


def test_rewrite_lab_counts_before_and_after(seed) -> None:
    lab = widgets.RewriteLab(seed.paragraphs[0].text)
    assert lab.before["loaded"] >= 3
    lab.textarea.value = ("Libya's conflict has entered a new phase, with an offensive led by "
                          "Khalifa Haftar, officials said.")
    assert lab.after["loaded"] == 0 and lab.after["attributed"] == 1.0
    assert "Still flagged: none" in lab.result.value
    lab.textarea.value = ""
    assert lab.after["words"] == 0


def test_partner_names_are_escaped_once(seed, tmp_path: Path) -> None:
    from framelab import annotations as ann

    partner = tmp_path / "partner.json"
    labels = ann.with_label(ann.new_annotations(seed, "Ana & <Bo>"), 0, "neutral")
    ann.save_annotations(labels, seed, partner)
    tool = widgets.AnnotationTool(seed, path=tmp_path / "mine.json")
    tool.label.value = "loaded"
    tool.partner.value = str(partner)
    tool.compare_partner_button.click()
    assert "Ana &amp; &lt;Bo&gt;" in tool.agreement.value
    assert "&amp;amp;" not in tool.agreement.value and "<Bo>" not in tool.agreement.value
