"""The command line: the JSON contract, folders in parallel, bad files reported clearly."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import framelab
from framelab import cli

CONTRACT_KEYS = {"path", "title", "words", "sentences", "loaded", "profile"}
FLAG_KEYS = {"start", "end", "text", "category", "term"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "framelab", *args], capture_output=True,
                          text=True, timeout=300)


def test_analyze_json_contract_on_the_seed() -> None:
    done = run("analyze", str(framelab.seed_path()), "--json")
    assert done.returncode == 0, done.stderr
    (doc,) = json.loads(done.stdout)["documents"]
    assert set(doc) >= CONTRACT_KEYS
    assert doc["title"].startswith("Failed States and Militias")
    assert doc["words"] > 700 and doc["sentences"] == 32
    decoded = framelab.seed_path().read_bytes().decode("utf-8")
    assert len(doc["loaded"]) >= 20
    for flag in doc["loaded"]:
        assert set(flag) >= FLAG_KEYS
        assert decoded[flag["start"] : flag["end"]] == flag["text"]
    assert "ragtag" in {f["term"] for f in doc["loaded"]}
    assert set(doc["profile"]) == set(framelab.measures.MEASURES)


def test_plain_txt_without_front_matter(tmp_path: Path, capsys) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The so-called reform was a farce.\n\nOfficials said it passed.\n")
    assert cli.main(["analyze", str(path), "--json"]) == 0
    (doc,) = json.loads(capsys.readouterr().out)["documents"]
    text = path.read_text()
    assert [text[f["start"] : f["end"]] for f in doc["loaded"]] == ["so-called", "farce"]


def test_folder_in_parallel_matches_serial(tmp_path: Path) -> None:
    folder = framelab.datasets_dir() / "wire"
    serial = cli.analyze_paths([folder])
    with ThreadPoolExecutor(2) as pool:
        threaded = cli.analyze_paths([folder], pool)
    with ProcessPoolExecutor(2) as pool:
        processes = cli.analyze_paths([folder], pool)
    assert serial == threaded == processes
    names = [p.name for p in framelab.dataset_files("wire")]
    assert [Path(d["path"]).name for d in serial] == names


def test_bad_files_in_a_folder_are_reported_not_fatal(tmp_path: Path, capsys) -> None:
    (tmp_path / "good.txt").write_text("The army advanced, officials said.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    status = cli.main(["analyze", str(tmp_path), "--json", "--workers", "1"])
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert status == 1
    assert [Path(d["path"]).name for d in out["documents"]] == ["good.txt"]
    assert {Path(e["path"]).name for e in out["errors"]} == {"empty.txt", "scan.txt"}
    assert "PDF" in captured.err and "Traceback" not in captured.err


def test_csv_output_has_one_row_per_document(capsys) -> None:
    assert cli.main(["analyze", str(framelab.datasets_dir() / "contrast"), "--csv",
                     "--workers", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2
    assert {"path", "words", "loaded", "loaded_per_1k"} <= set(rows[0])


def test_a_students_lexicon_from_the_command_line(tmp_path: Path, capsys) -> None:
    lex = tmp_path / "mine.csv"
    lex.write_text("term,category,note\nanxious,judgement,Reads a politician's mind\n")
    assert cli.main(["analyze", str(framelab.seed_path()), "--json", "--lexicon", str(lex)]) == 0
    flags = json.loads(capsys.readouterr().out)["documents"][0]["loaded"]
    assert "anxious" in {f["term"] for f in flags if f["signal"] == "lexicon"}
    assert "ragtag" not in {f["term"] for f in flags}


def test_compare_groups(capsys) -> None:
    status = cli.main(["compare", str(framelab.seed_path()), "--against",
                       str(framelab.datasets_dir() / "wire"), "--json"])
    assert status == 0
    out = json.loads(capsys.readouterr().out)
    assert out["measures"]["loaded_per_1k"]["a_mean"] > out["measures"]["loaded_per_1k"]["b_mean"]
    assert len(out["b"]) == len(framelab.dataset_files("wire")) and out["keywords"]


def test_missing_file_is_one_clear_line() -> None:
    done = run("analyze", "no/such/file.txt")
    assert done.returncode == 1
    assert "no such file" in done.stderr and "Traceback" not in done.stderr


def test_jsonl_streams_one_document_per_line(tmp_path: Path, capsys) -> None:
    folder = framelab.datasets_dir() / "wire"
    assert cli.main(["analyze", str(folder), "--jsonl", "--workers", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    docs = [json.loads(line) for line in lines]
    assert len(docs) == len(framelab.dataset_files("wire"))
    serial = {d["path"]: d for d in cli.analyze_paths([folder])}
    assert {d["path"]: d for d in docs} == serial  # same contract, any order


def test_iter_analyze_keeps_only_a_window_of_files_in_flight() -> None:
    from concurrent.futures import ThreadPoolExecutor

    submitted: list[int] = []

    class Counting(ThreadPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            submitted.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    folder = framelab.datasets_dir() / "wire"
    with Counting(2) as pool:
        stream = cli.iter_analyze([folder], pool, batch=1, window=3)
        first = next(stream)
        assert len(submitted) <= 4  # the window, plus the one refilled after the first
        rest = list(stream)
    assert len([first, *rest]) == len(submitted) == len(framelab.dataset_files("wire"))


def test_thousands_of_files_with_one_unreadable_are_reported_not_complete(tmp_path: Path,
                                                                         capsys) -> None:
    for i in range(2000):
        (tmp_path / f"{i:04d}.txt").write_text(
            f"Report {i}: the council met on Tuesday, officials said. It was a farce.\n")
    (tmp_path / "1234.docx").write_bytes(b"PK\x03\x04 not really a document")
    status = cli.main(["analyze", str(tmp_path), "--jsonl", "--workers", "2"])
    captured = capsys.readouterr()
    docs = [json.loads(line) for line in captured.out.splitlines()]
    errors = [d for d in docs if "error" in d]
    assert status == 1 and len(docs) == 2001
    assert [Path(e["path"]).name for e in errors] == ["1234.docx"]
    assert "damaged" in errors[0]["error"] and "What to do:" in errors[0]["error"]
    assert "NOT the whole corpus" in captured.err and "Traceback" not in captured.err


def test_progress_bar_on_standard_error_only_when_asked_or_on_a_terminal(capsys) -> None:
    folder = str(framelab.datasets_dir() / "wire")
    assert cli.main(["analyze", folder, "--csv", "--workers", "1"]) == 0
    assert capsys.readouterr().err == ""  # not a terminal: no bar
    assert cli.main(["analyze", folder, "--csv", "--workers", "1", "--progress"]) == 0
    captured = capsys.readouterr()
    n = len(framelab.dataset_files("wire"))
    assert "framelab analyze" in captured.err and f"{n}/{n}" in captured.err
    assert captured.out.startswith("path,")  # the bar never mixes into the output


def test_json_output_is_streamed_but_still_one_valid_document(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("The army advanced, officials said.\n")
    (tmp_path / "b.txt").write_text("The so-called reform was a farce.\n")
    assert cli.main(["analyze", str(tmp_path), "--json", "--workers", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [Path(d["path"]).name for d in out["documents"]] == ["a.txt", "b.txt"]
    assert "errors" not in out


def test_dask_cluster_gives_the_same_documents_as_a_serial_run(tmp_path: Path) -> None:
    distributed = __import__("pytest").importorskip("distributed")
    import shutil

    from readers_fixtures import PAGE, article_pdf, nexis_docx

    wire = framelab.dataset_files("wire")
    for path in wire:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "story.pdf").write_bytes(article_pdf())
    (tmp_path / "export.docx").write_bytes(nexis_docx())
    serial = cli.analyze_paths([tmp_path])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = cli.analyze_paths([tmp_path], executor=client.get_executor())
    assert on_dask == serial
    assert len(serial) == len(wire) + 2 + 3  # wire, page, pdf, and the export's three stories
    assert sum("error" in d for d in serial) == 1


def test_dask_from_the_command_line_starts_and_stops_a_local_cluster(tmp_path: Path,
                                                                     capsys) -> None:
    __import__("pytest").importorskip("distributed")
    for name, text in [("a.txt", "The army advanced, officials said.\n"),
                       ("b.txt", "The so-called reform was a farce.\n")]:
        (tmp_path / name).write_text(text)
    status = cli.main(["analyze", str(tmp_path), "--jsonl", "--dask", "local",
                       "--workers", "2"])
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert sorted(Path(d["path"]).name for d in docs) == ["a.txt", "b.txt"]
    assert {f["text"] for d in docs for f in d["loaded"]} >= {"so-called", "farce"}
