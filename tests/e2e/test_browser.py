"""The classroom path in a real browser: JupyterLab, a kernel, widgets, offline.

Starts JupyterLab on 127.0.0.1 with a token, opens lessons 02 and 03 in Debian's
Chromium (driven by Playwright, never a downloaded browser), runs all cells, and checks
that the widgets render and answer: a category checkbox changes the highlight count the
kernel computes, the minimum-frequency slider changes the keyword table. Screenshots are
saved and their paths printed. Skipped only when no Chromium can be had, and never in CI.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.e2e


def chromium() -> str | None:
    for candidate in [os.environ.get("FRAMELAB_CHROMIUM"), "/usr/bin/chromium",
                      "/usr/bin/chromium-browser", shutil.which("chromium")]:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser_path() -> str:
    path = chromium()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test, but no Chromium was found: "
                        "tests/e2e/ensure_browser.sh should have installed Debian's chromium")
        pytest.skip("no Chromium here: install Debian's 'chromium' package (make test does "
                    "it when run as root) to run the end-to-end browser test")
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.fail("playwright is not installed: run `make test`, which installs the test extras")
    return path


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A JupyterLab on 127.0.0.1 over a scratch copy of the lessons; stopped by its pid."""
    from conftest import offline_env

    tmp = tmp_path_factory.mktemp("lab")
    course = tmp / "course"
    shutil.copytree(ROOT / "notebooks", course / "notebooks")
    os.symlink(ROOT / "datasets", course / "datasets")
    env = {**os.environ, **offline_env(tmp)}
    env["JUPYTERLAB_SETTINGS_DIR"] = str(tmp / "settings")
    settings = {
        # render every cell (no windowing), so prompts and widgets exist in the page
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
        # no "official Jupyter news?" toast over the page, and no fetch for it
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"},
    }
    for name, values in settings.items():
        path = tmp / "settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(tmp / "workspaces")
    env["JUPYTER_CONFIG_DIR"] = str(tmp / "jupyter_config")
    port, token = free_port(), secrets.token_hex(16)
    log = (tmp / "lab.log").open("w")
    args = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={course / 'notebooks'}",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.news_url=None"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"JupyterLab exited: {(tmp / 'lab.log').read_text()[-2000:]}")
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer on 127.0.0.1 within a minute")
        yield base, token, tmp / "lab.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


@pytest.fixture()
def page(browser_path: str, lab):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.js_errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
        page.on("console", lambda msg: msg.type == "error"
                and page.js_errors.append(f"console: {msg.text}"))
        yield page
        context.close()
        browser.close()


def open_and_run_all(page, lab, notebook: str) -> None:  # type: ignore[no-untyped-def]
    base, token, _ = lab
    workspace = re.sub(r"\W", "", notebook)  # a fresh workspace: only this notebook is open
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{notebook}?token={token}&reset",
              wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=120_000)
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('Run All Cells'))").first.click()
    deadline = time.time() + 420
    while time.time() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if prompts and all(re.search(r"\[\d+\]", p) for p in prompts):
            break
        time.sleep(1)
    else:
        pytest.fail(f"{notebook}: cells did not all finish; prompts: {prompts}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=60_000)


def number_in(page, selector: str) -> int:  # type: ignore[no-untyped-def]
    """The integer a widget shows, once the kernel has filled it in."""
    page.wait_for_function(
        "s => /^\\d+$/.test((document.querySelector(s) || {}).textContent || '')",
        arg=selector, timeout=60_000)
    return int(page.locator(selector).first.inner_text())


def check_page(page, notebook: str) -> None:  # type: ignore[no-untyped-def]
    body = page.inner_text("body")
    assert "Error displaying widget" not in body, notebook
    assert "Model not found" not in body, notebook
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                          ).all_inner_texts()
    tracebacks = [e for e in errors if "Traceback" in e or "Error" in e.split("\n")[0]]
    assert not tracebacks, tracebacks[:2]
    assert page.locator("img[src^='data:image/png'][alt]").count() >= 1, "no figure rendered"


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    print(f"\nscreenshot: {path}")
    return path


def run_lesson(page, lab, notebook: str, counter: str) -> int:  # type: ignore[no-untyped-def]
    """Open a lesson, run all its cells, check the page, and read the widget's counter."""
    open_and_run_all(page, lab, notebook)
    check_page(page, notebook)
    page.locator(counter).first.scroll_into_view_if_needed()
    return number_in(page, counter)


def wait_for_count(page, counter: str, changed_from: int | None = None,  # type: ignore[no-untyped-def]
                   equal_to: int | None = None) -> int:
    """Wait until the kernel has sent a new count back to the page; return it."""
    test = "!==" if changed_from is not None else "==="
    page.wait_for_function(
        f"([s, n]) => Number(document.querySelector(s).textContent) {test} n",
        arg=[counter, changed_from if changed_from is not None else equal_to], timeout=30_000)
    return int(page.locator(counter).first.inner_text())


def test_lesson_02_explorer_round_trip(page, lab) -> None:  # type: ignore[no-untyped-def]
    counter = "strong.highlight-count"
    before = run_lesson(page, lab, "02_loaded_vocabulary.ipynb", counter)
    assert page.locator("mark.flag").count() > 0, "no highlights rendered"
    page.locator("mark.flag").first.scroll_into_view_if_needed()
    screenshot(page, "lesson02_explorer")
    toggle = page.locator(".widget-checkbox:has-text('derision') input[type=checkbox]").first
    toggle.click()
    assert wait_for_count(page, counter, changed_from=before) < before
    toggle.click()
    assert wait_for_count(page, counter, equal_to=before) == before
    screenshot(page, "lesson02_explorer_after_toggle")
    assert page.js_errors == [], page.js_errors


def test_lesson_03_comparison_slider(page, lab) -> None:  # type: ignore[no-untyped-def]
    counter = "strong.keyword-count"
    before = run_lesson(page, lab, "03_comparing_with_wire_copy.ipynb", counter)
    handle = page.locator(".widget-slider:has-text('Min. frequency') .noUi-handle").first
    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    assert wait_for_count(page, counter, changed_from=before) < before
    screenshot(page, "lesson03_comparison")
    assert page.js_errors == [], page.js_errors
