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
    assert ">DER<" not in explorer.text.html and ">NAME<" in explorer.text.html
    assert f">{total - derision}</strong> highlights" in explorer.counts.value
    explorer.checkboxes["derision"].value = True
    assert explorer.highlight_count == total


def test_explorer_explains_a_term(seed, tmp_path: Path) -> None:
    explorer = widgets.Explorer(seed, export_folder=tmp_path)
    explorer.terms.value = "charade"
    assert "Why flagged:" in explorer.detail.value and "2 occurrences" in explorer.detail.value
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


def test_comparison_panel_min_frequency_and_concordance(seed, wire, tmp_path: Path) -> None:
    panel = widgets.ComparisonPanel({"seed": seed, "wire": wire}, "seed", "wire",
                                    export_folder=tmp_path)
    assert "loaded words per 1,000 words" in panel.table.value
    assert "loaded_per_1k" not in panel.table.value
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
    assert "Saved" in panel.export_status.value and "Saved" not in panel.status.value
    assert (tmp_path / "comparison.png.txt").read_text().startswith("Paired bar chart")


def test_comparison_figure_is_drawn_only_while_shown(seed, wire) -> None:
    from framelab.widgets.common import static_html

    panel = widgets.ComparisonPanel({"seed": seed, "wire": wire, "op-ed": seed}, "seed", "wire")
    assert panel.figure.value == "" and panel.figure_toggle.description == "Show the figure"
    panel.choose_b.value = "op-ed"
    assert panel.figure.value == "" and "B: op-ed" in panel.table.value
    panel.figure_toggle.value = True
    assert 'alt="Paired bar chart, A: seed / B: op-ed' in panel.figure.value
    assert panel.figure_toggle.description == "Hide the figure"
    panel.choose_b.value = "wire"
    assert 'alt="Paired bar chart, A: seed / B: wire' in panel.figure.value
    assert 'alt="Paired bar chart' in static_html(panel.widget)
    panel.figure_toggle.value = False
    assert panel.figure.value == "" and "Show the figure" not in static_html(panel.widget)


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
    assert bench.density.value != before and "anxious" in bench.text.html
    assert "Added" in bench.edit_status.value and "anxious" in bench.edit_status.value
    bench.find.value = "RagT"
    assert [v for _, v in bench.entry_list.options] == ["ragtag"]
    bench.entry_list.value = "ragtag"
    bench.remove_button.click()
    assert bench.entry_list.options == ()
    bench.find.value = ""
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
    assert reloaded.entries["regime"] == bench.entries["regime"]  # its rules came back too
    assert reloaded.entries["regime"].not_before


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
    assert "needs a category and a note" in bench.edit_status.value


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
    assert "in your own words): none" in lab.result.value
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


def upload_of(name: str, content: bytes) -> tuple[dict, ...]:
    return ({"name": name, "type": "text/plain", "size": len(content),
             "content": memoryview(content),
             "last_modified": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)},)


def test_an_upload_never_changes_the_other_side(seed, wire) -> None:
    panel = widgets.ComparisonPanel({"this article": seed, "wire corpus": wire,
                                     "op-ed": seed}, "this article", "wire corpus")
    story = b"The so-called reform was a farce, critics said. Officials disagreed strongly."
    panel.upload.value = upload_of("mine.txt", story)
    assert (panel.choose_a.value, panel.choose_b.value) == ("mine.txt", "wire corpus")
    assert "B: wire corpus" in panel.table.value and "B: this article" not in panel.table.value
    assert "text B is still wire corpus" in panel.status.value
    panel.choose_a.value = "this article"
    assert panel.choose_b.value == "wire corpus" and len(panel.current_keywords()) > 0


def test_comparison_controls_are_usable(seed, wire) -> None:
    panel = widgets.ComparisonPanel({"seed": seed, "wire": wire})
    assert panel.upload.tooltip and "null" not in panel.upload.tooltip
    assert panel.min_freq.description == "Min. frequency:" and panel.min_freq.value == 2
    assert '<th scope="col" class="num">count A</th>' in panel.keyword_table.value


def test_clicking_a_highlight_selects_it_in_the_details(seed) -> None:
    explorer = widgets.Explorer(seed)
    index = next(i for i, f in enumerate(explorer.flags) if f.term == "charade")
    explorer.text.selected = index  # what the browser sends on a click or Enter
    assert explorer.terms.value == "charade"
    assert "▶" in explorer.detail.value and "Why flagged:" in explorer.detail.value
    assert f'data-flag="{index}"' in explorer.text.html


def test_details_never_cut_a_word(seed) -> None:
    import re

    explorer = widgets.Explorer(seed)
    words = set(re.findall(r"[\w'’-]+", seed.text))
    for term in [t for _, t in explorer.terms.options]:
        explorer.terms.value = term
        cells = re.findall(r"<td>(?:▶ )?(.*?)</td>", explorer.detail.value)
        for cell in cells[::2]:
            shown = re.sub(r"&[#\w]+;", " ", cell).replace("…", " ")
            for word in re.findall(r"[\w'’-]+", shown):
                assert word in words, (term, word, cell)


def test_context_words_cut_at_word_boundaries() -> None:
    from framelab.widgets.common import context_words

    text = "alpha beta gamma delta epsilon THEATRE zeta eta theta iota kappa"
    start = text.index("THEATRE")
    before, after = context_words(text, start, start + 7, width=14)
    assert before == "…delta epsilon " and after == " zeta eta…"


def test_every_view_says_to_rerun_without_a_kernel(seed, tmp_path: Path) -> None:
    from framelab.widgets.common import RERUN_NOTE

    views = [widgets.Explorer(seed), widgets.ComparisonPanel({"a": seed, "b": seed}),
             widgets.LexiconWorkbench(seed, path=tmp_path / "lex.csv"),
             widgets.AnnotationTool(seed, path=tmp_path / "a.json"),
             widgets.RewriteLab("A text.")]
    for view in views:
        bundle = view._repr_mimebundle_()
        assert bundle["text/plain"] == RERUN_NOTE
        assert "application/vnd.jupyter.widget-view+json" in bundle


def test_annotation_tool_marks_the_chosen_label_in_words(seed, tmp_path: Path) -> None:
    tool = widgets.AnnotationTool(seed, path=tmp_path / "a.json")
    assert "Not labelled yet" in tool.chosen.value
    assert "framelab-choice" in tool.label._dom_classes
    assert tool.compare_machine_button.layout.width == "auto"
    tool.label.value = "loaded"
    tool.go(0)
    assert "Your label: <strong>Loaded</strong>" in tool.chosen.value


def test_flags_csv_names_speakers_and_counts_sentences_from_one() -> None:
    import csv
    import io

    from framelab import loaded
    from framelab.articles import parse_article

    article = parse_article("Calm day. The LNA said it had liberated the town.")
    text = widgets.flags_csv(loaded.find_loaded(article), article)
    liberated = next(r for r in csv.DictReader(io.StringIO(text)) if r["text"] == "liberated")
    assert liberated["speaker"] == "The LNA" and liberated["sentence"] == "2"


def test_lab_settings_save_widget_state_and_keep_other_settings(tmp_path: Path) -> None:
    from framelab import labsettings

    ours = labsettings.settings()
    assert ours["@jupyter-widgets/jupyterlab-manager:plugin"]["saveState"] is True
    assert ours["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    target = labsettings.overrides_path(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "dark"},
                                  "@jupyter-widgets/jupyterlab-manager:plugin": {"x": 1}}))
    labsettings.install(tmp_path)
    merged = json.loads(target.read_text())
    assert merged["@jupyterlab/apputils-extension:themes"] == {"theme": "dark"}
    assert merged["@jupyter-widgets/jupyterlab-manager:plugin"] == {"x": 1, "saveState": True}
