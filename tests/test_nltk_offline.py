"""After ``import framelab`` the standard NLTK calls work offline, with no user NLTK data."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import offline_env

PROBE = textwrap.dedent("""
    import json, socket
    import framelab, nltk
    from nltk.corpus import stopwords
    from nltk.sentiment import SentimentIntensityAnalyzer

    text = ("Dr. Smith met Gen. Haftar and Mr. Pompeo in the U.S. on Jan. 5. "
            "The talks failed. Did they? Yes!")
    sia = SentimentIntensityAnalyzer()
    try:
        socket.create_connection(("pypi.org", 443), timeout=2)
        reached = True
    except OSError:
        reached = False
    print(json.dumps({
        "sentences": nltk.sent_tokenize(text),
        "words": nltk.word_tokenize("Haftar's forces can't advance."),
        "stopwords": len(stopwords.words("english")),
        "the_is_stop": "the" in stopwords.words("english"),
        "vader_bad": sia.polarity_scores("a grotesque, disastrous failure")["compound"],
        "vader_good": sia.polarity_scores("a wonderful success")["compound"],
        "reached_network": reached,
    }))
""")


def run_probe(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=offline_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_nltk_calls_work_offline_after_import(tmp_path: Path) -> None:
    done = run_probe(PROBE, tmp_path)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["reached_network"] is False
    assert got["sentences"] == [
        "Dr. Smith met Gen. Haftar and Mr. Pompeo in the U.S. on Jan. 5.",
        "The talks failed.",
        "Did they?",
        "Yes!",
    ]
    assert got["words"] == ["Haftar", "'s", "forces", "ca", "n't", "advance", "."]
    assert got["stopwords"] > 150 and got["the_is_stop"]
    assert got["vader_bad"] < -0.5 < 0.5 < got["vader_good"]
    assert (tmp_path / "cache" / "nltk_data" / "sentiment" / "vader_lexicon.zip").is_file()


def test_without_framelab_the_same_calls_would_need_a_download(tmp_path: Path) -> None:
    done = run_probe("import nltk\nnltk.sent_tokenize('One. Two.')", tmp_path)
    assert done.returncode != 0
    assert "LookupError" in done.stderr


def test_vader_cache_is_rebuilt_when_corrupt(tmp_path: Path) -> None:
    zip_path = tmp_path / "cache" / "nltk_data" / "sentiment" / "vader_lexicon.zip"
    zip_path.parent.mkdir(parents=True)
    zip_path.write_bytes(b"not a zip")
    done = run_probe(PROBE, tmp_path)
    assert done.returncode == 0, done.stderr
    import zipfile

    assert zipfile.is_zipfile(zip_path)


def _download_calls(code: str) -> list[int]:
    import ast

    return [
        node.lineno
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "download"
        and "nltk" in ast.unparse(node.func.value)
    ]


def test_nothing_calls_nltk_download() -> None:
    root = Path(__file__).resolve().parents[1]
    offenders = [p for p in root.glob("src/**/*.py") if _download_calls(p.read_text())]
    for path in [
        *root.glob("notebooks/*.ipynb"),
        *root.glob("solutions/*.ipynb"),
        *root.glob("exercises/*.ipynb"),
    ]:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        code = "\n".join(
            line for line in code.splitlines() if not line.lstrip().startswith(("%", "!"))
        )
        if _download_calls(code):
            offenders.append(path)
    assert offenders == []
    assert _download_calls("import nltk\nnltk.download('punkt')") == [2]


def test_kit_data_comes_first_on_the_nltk_path() -> None:
    import nltk

    import framelab.nltk_data

    assert nltk.data.path[0] == str(framelab.nltk_data.kit_data_dir())


def test_the_suite_itself_cannot_reach_the_network() -> None:
    import socket

    import pytest
    from framelab_netguard import NetworkBlockedError

    with pytest.raises(NetworkBlockedError, match="offline"):
        socket.create_connection(("93.184.216.34", 80), timeout=1)
    with pytest.raises(NetworkBlockedError, match="offline"):
        socket.getaddrinfo("pypi.org", 443)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
