"""Web addresses: fetched from a local server the test starts, saved beside the work, and
every failure (slow, refused, missing, offline) says what to do."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import framelab
from framelab import errors
from framelab.readers.url import USER_AGENT, slug
from readers_fixtures import HEADLINE, PAGE, article_pdf

RELEASE = threading.Event()
PAGES = {"/news/2021/03/harbour-vote.html": ("text/html; charset=utf-8", PAGE.encode()),
         "/papers/harbour.pdf": ("application/pdf", article_pdf())}
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            RELEASE.wait(10)  # answers long after the client's timeout
        if self.path in PAGES:
            content_type, body = PAGES[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(403 if self.path == "/members-only" else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        RELEASE.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def test_a_page_is_fetched_saved_and_read(server: str, tmp_path: Path) -> None:
    url = server + "/news/2021/03/harbour-vote.html"
    article = framelab.load_article(url, save_to=tmp_path / "downloads")
    saved = tmp_path / "downloads" / f"{slug(url)}.html"
    assert saved.read_bytes() == PAGE.encode()
    assert article.path == saved and article.format == "html"
    assert article.title == "Council delays the harbour vote in Eastport"
    assert article.metadata["url"] == url and article.metadata["retrieved"]
    assert any("Saved a copy of the page" in note for note in article.notes)
    assert USER_AGENT in SEEN_AGENTS
    # the saved copy loads later, offline, with the address it came from
    again = framelab.load_article(saved)
    assert again.source == article.source and again.metadata["url"] == url


def test_fetching_again_never_overwrites_a_different_copy(server: str, tmp_path: Path) -> None:
    url = server + "/news/2021/03/harbour-vote.html"
    folder = tmp_path / "downloads"
    framelab.load_article(url, save_to=folder)
    second = framelab.load_article(url, save_to=folder)
    assert any("already saved" in note for note in second.notes)
    saved = folder / f"{slug(url)}.html"
    saved.write_text("my edited copy", encoding="utf-8")
    third = framelab.load_article(url, save_to=folder)
    assert (folder / f"{slug(url)}.backup-1.html").read_text() == "my edited copy"
    assert any("earlier, different copy" in note for note in third.notes)


def test_a_pdf_address_is_saved_as_a_pdf_and_read(server: str, tmp_path: Path) -> None:
    article = framelab.load_article(server + "/papers/harbour.pdf", save_to=tmp_path)
    assert article.path.suffix == ".pdf" and article.format == "pdf"
    assert article.title == HEADLINE


def test_a_slow_site_times_out_with_what_to_do(server: str, tmp_path: Path) -> None:
    url = server + "/slow"
    with pytest.raises(errors.FetchTimeoutError, match=r"did not answer within 0\.5 seconds") \
            as info:
        framelab.load_article(url, timeout=0.5, save_to=tmp_path)
    message = str(info.value)
    assert message.startswith(url) and "Save Page As" in message
    assert isinstance(info.value, TimeoutError) and not list(tmp_path.iterdir())


@pytest.mark.parametrize(("path", "phrase"), [("/members-only", "HTTP 403"),
                                              ("/gone", "no page at this address")])
def test_http_errors_say_what_happened(server: str, tmp_path: Path, path: str,
                                       phrase: str) -> None:
    with pytest.raises(errors.FetchError, match=phrase) as info:
        framelab.load_article(server + path, save_to=tmp_path)
    assert "What to do:" in str(info.value)


def test_a_closed_port_is_refused(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(errors.FetchError, match="refused"):
        framelab.load_article(f"http://127.0.0.1:{port}/story", save_to=tmp_path, timeout=5)


def test_offline_says_to_save_the_page_from_the_browser(tmp_path: Path) -> None:
    # the test network guard refuses every non-local address, as a classroom offline does
    with pytest.raises(errors.FetchError, match="could not") as info:
        framelab.load_article("https://news.example.org/2021/03/harbour", save_to=tmp_path)
    assert "Save Page As" in str(info.value)
    assert str(info.value).startswith("https://news.example.org/2021/03/harbour: ")


def test_slug_names_the_page() -> None:
    assert slug("https://www.Example.org/news/2021/03/harbour-vote.html?x=1") == (
        "example-org-news-2021-03-harbour-vote")


def test_the_command_line_takes_a_web_address(server: str, tmp_path: Path,
                                              monkeypatch) -> None:
    from framelab import cli

    monkeypatch.chdir(tmp_path)
    url = server + "/news/2021/03/harbour-vote.html"
    (doc,) = cli.analyze_paths([url])
    assert doc["format"] == "html" and doc["title"].startswith("Council delays")
    assert doc["path"] == str(Path("downloads") / f"{slug(url)}.html")
    assert (tmp_path / doc["path"]).is_file()
