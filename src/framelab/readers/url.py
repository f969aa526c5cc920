"""Fetching an article from a web address, and keeping a copy beside the student's work.

The page is saved (``downloads/<name>.html``, written atomically, an earlier different copy
kept as a numbered backup) before it is read, with a side file recording the address and
the time it was fetched: the analysis belongs to that copy, since the page may change.
Offline, refused or too slow, framelab says what to do: save the page from the browser
and load the file.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from framelab.errors import FetchError, FetchTimeoutError, FileTooLargeError

USER_AGENT = "framelab/0.1 (Framing Lab teaching kit; one page a student asked for)"
SAVE_FROM_BROWSER = ("Open the address in your browser, save the page (File → Save Page As… → "
                     "'Web page, HTML only'), and load that file: framelab.load_article("
                     "'downloads/story.html').")
_EXTENSIONS = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
               "text/plain": ".txt", "text/markdown": ".md", "application/rtf": ".rtf",
               "text/rtf": ".rtf",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
                   ".docx"}


def is_url(value: object) -> bool:
    """Whether ``value`` is a web address (http:// or https://)."""
    return isinstance(value, str) and bool(re.match(r"https?://\S+$", value.strip(), re.I))


@dataclass(frozen=True)
class Fetched:
    """A fetched page: its bytes, where the copy was saved, and the address it came from."""

    data: bytes
    path: Path
    final_url: str
    notes: tuple[str, ...]


def slug(url: str, limit: int = 80) -> str:
    """A file name for a page: its site and path in lowercase words joined by hyphens."""
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = re.sub(r"\.(?:s?html?|php|aspx?)$", "", parts.path, flags=re.I)
    words = re.findall(r"[a-z0-9]+", f"{host} {path}".lower())
    name = "-".join(words)[:limit].strip("-")
    return name or "page"


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 10_000_000,
          save_to: str | Path = "downloads") -> Fetched:
    """Download ``url`` (giving up after ``timeout`` seconds) and save a copy in ``save_to``."""
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5",
        "Accept-Language": "en",
    })
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
            data = _read(response, url, deadline, timeout, max_bytes)
    except urllib.error.HTTPError as exc:
        raise _http_error(url, exc.code) from None
    except urllib.error.URLError as exc:
        raise _network_error(url, exc.reason, timeout) from None
    except TimeoutError:
        raise _timeout(url, timeout) from None
    except (ConnectionError, OSError) as exc:
        raise _network_error(url, exc, timeout) from None
    if not data.strip():
        raise FetchError("the site sent an empty page.", SAVE_FROM_BROWSER, url)
    path, notes = _save(data, url, final_url, content_type, Path(save_to))
    return Fetched(data, path, final_url, tuple(notes))


def _read(response, url: str, deadline: float, timeout: float, max_bytes: int) -> bytes:  # type: ignore[no-untyped-def]
    chunks = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise _timeout(url, timeout)
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FileTooLargeError(
                f"the page is larger than {max_bytes / 1e6:.0f} MB, more than an article "
                "needs.", "Check the address is the article itself; or pass max_bytes=.", url)
        chunks.append(chunk)


def _timeout(url: str, timeout: float) -> FetchTimeoutError:
    return FetchTimeoutError(
        f"the site did not answer within {timeout:g} seconds (a slow or busy site, or a "
        "slow network).",
        "Try again later, or pass a longer timeout= (e.g. timeout=60). Or: " + SAVE_FROM_BROWSER,
        url,
    )


def _network_error(url: str, reason: object, timeout: float) -> FetchError:
    if isinstance(reason, TimeoutError):
        return _timeout(url, timeout)
    if isinstance(reason, socket.gaierror) or "Name or service" in str(reason):
        problem = ("could not find the site: the computer seems to be offline, or the "
                   "address is mistyped.")
    elif isinstance(reason, ConnectionRefusedError):
        problem = "the site refused the connection."
    elif isinstance(reason, ssl.SSLError):
        problem = f"a secure connection to the site failed ({reason})."
    else:
        problem = f"could not reach the site ({reason})."
    return FetchError(problem, "Check the address and your connection. Offline, or if it "
                      "keeps failing: " + SAVE_FROM_BROWSER, url)


def _http_error(url: str, code: int) -> FetchError:
    if code in (401, 402, 403):
        problem = (f"the site refused to give the page to a program (HTTP {code}): it may "
                   "need a login or subscription, or block programs.")
    elif code in (404, 410):
        problem = f"the site has no page at this address (HTTP {code})."
    elif code == 429:
        problem = "the site says too many requests were made (HTTP 429)."
    else:
        problem = f"the site answered with an error (HTTP {code})."
    return FetchError(problem, SAVE_FROM_BROWSER, url)


def _save(data: bytes, url: str, final_url: str, content_type: str, folder: Path
          ) -> tuple[Path, list[str]]:
    """Save the page and a side file with its address; never overwrite silently."""
    from framelab.storage import SaveError, atomic_write, backup_path, save_text

    suffix = _EXTENSIONS.get(content_type) or Path(urllib.parse.urlsplit(final_url).path).suffix
    suffix = suffix if suffix in set(_EXTENSIONS.values()) else ".html"
    target = folder / f"{slug(final_url)}{suffix}"
    notes = []
    try:
        if target.exists() and target.read_bytes() == data:
            notes.append(f"The page was already saved as {target}; that copy was read.")
            return target, notes
        if target.exists():
            kept = backup_path(target)
            atomic_write(kept, target.read_bytes())
            notes.append(f"An earlier, different copy of this page was kept as {kept}.")
        atomic_write(target, data)
        notes.append(f"Saved a copy of the page as {target}: your analysis belongs to that "
                     "copy, since the page may change.")
        retrieved = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        side = target.with_name(target.name.split(".")[0] + ".meta.yaml")
        save_text(side, f"url: {_yaml_str(url)}\n"
                        + (f"final_url: {_yaml_str(final_url)}\n" if final_url != url else "")
                        + f"retrieved: '{retrieved}'\n")
    except SaveError:
        raise
    except OSError as exc:
        raise SaveError(f"could not save the page ({exc.strerror or exc}).",
                        "Check you may write to the folder, or pass save_to= another folder.",
                        target) from None
    return target, notes


def _yaml_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
