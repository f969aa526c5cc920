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
    assert len(out["b"]) == 12 and out["keywords"]


def test_missing_file_is_one_clear_line() -> None:
    done = run("analyze", "no/such/file.txt")
    assert done.returncode == 1
    assert "no such file" in done.stderr and "Traceback" not in done.stderr
