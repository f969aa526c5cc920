"""The classroom path in a real browser: JupyterLab, a kernel, widgets, offline.

Starts JupyterLab on 127.0.0.1 with a token and the kit's own JupyterLab settings, and
drives Debian's Chromium with Playwright (never a downloaded browser). For every notebook
in notebooks/ (globbed, so new lessons join by themselves) it runs all cells and checks
that no widget error, traceback or JavaScript console error appears; gives the lesson's
main tool one interaction that needs the kernel to answer; audits the kit's output with
axe-core; and saves a screenshot. Separate tests re-open a saved lesson after a kernel
restart, and use the explorer with the keyboard alone.

Every wait is on a condition (a kernel idle, a prompt numbered, a count changed), never a
fixed sleep, so a busy machine makes the test slower, not flaky. Skipped only when no
Chromium can be had, and never in CI.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SHOTS = ROOT / "test-artifacts" / "e2e"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
LESSONS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
SLOW = 300_000
"""Milliseconds to wait for a condition: generous, because CI machines are busy."""
COUNT = 120_000
"""Milliseconds for the kernel to answer one interaction, even on a loaded machine."""
RUN_ALL = int(os.environ.get("FRAMELAB_E2E_RUN_ALL_MS", 600_000))
"""Milliseconds a lesson's Run All may take (a lesson runs in under a minute when idle)."""

KIT_OUTPUT = [".jp-OutputArea-output"]
"""What the axe audit covers: every cell's output (the kit's tables, figures and tools).
JupyterLab's own chrome (menus, side bars, the file browser, the status bar, cell
editors and prompts) is excluded by leaving it out of this list."""

CHROME = {"scrollable-region-focusable": ".jp-RenderedHTML"}
"""JupyterLab's own elements an axe rule may flag, by rule: JupyterLab's output container
(``.jp-RenderedHTML``) scrolls a wide table sideways but is not focusable itself. Only
that container is excused; the same rule on any element of the kit's output still fails."""

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


def lab_settings() -> dict[str, dict[str, object]]:
    """The kit's JupyterLab settings (as `make setup` installs them), plus test-only ones."""
    from framelab.labsettings import settings

    ours = settings()
    tracker = "@jupyterlab/notebook-extension:tracker"
    # render every cell (no windowing), so prompts and widgets exist in the page
    return {**ours, tracker: {**ours.get(tracker, {}), "windowingMode": "none"}}


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
    for plugin, values in lab_settings().items():
        path = tmp / "settings" / (plugin.replace(":", "/") + ".jupyterlab-settings")
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
        wait_for_server(base, token, process, tmp / "lab.log")
        yield base, token, tmp / "lab.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def wait_for_server(base: str, token: str, process: subprocess.Popen, log: Path) -> None:
    """Poll JupyterLab's status API until it answers (it blocks up to 2 s per try)."""
    import time

    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                return
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited: {log.read_text()[-2000:]}")
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.5)
    pytest.fail("JupyterLab did not answer on 127.0.0.1 within three minutes")


@pytest.fixture()
def page(browser_path: str, lab):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(SLOW)
        page = context.new_page()
        # should JupyterLab still ask which kernel to use (it can, on a very slow start),
        # answer as a student would: the notebook's own kernel
        page.add_locator_handler(page.locator(".jp-Dialog:has-text('Select Kernel')"),
                                 lambda dialog: dialog.locator("button.jp-mod-accept").click())
        page.js_errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
        page.console_log = []  # type: ignore[attr-defined]
        page.on("console", lambda msg: page.console_log.append(f"{msg.type}: {msg.text}"))
        page.on("console", lambda msg: msg.type == "error"
                and page.js_errors.append(f"console: {msg.text}"))
        yield page
        context.close()
        browser.close()


def wait_idle(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=SLOW)


def open_lesson(page, lab, notebook: str, fresh: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Open a notebook in a workspace of its own, with its kernel ready."""
    base, token, _ = lab
    workspace = re.sub(r"\W", "", notebook)
    reset = "&reset" if fresh else ""
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{notebook}?token={token}{reset}",
              wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=SLOW)
    wait_kernel(page, notebook)


def wait_kernel(page, notebook: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the server says this notebook's kernel is connected and idle.

    The page's own indicator reads "idle" before a kernel is attached; running cells then
    makes JupyterLab start a second kernel and drop the first. The server knows better.
    """
    page.wait_for_function(
        """async (name) => {
            const r = await fetch('/api/sessions', {credentials: 'same-origin'});
            if (!r.ok) return false;
            const sessions = await r.json();
            return sessions.some(s => s.path.endsWith(name) && s.kernel
                && s.kernel.execution_state === 'idle' && s.kernel.connections > 0);
        }""", arg=notebook, timeout=SLOW, polling=250)
    wait_idle(page)


def menu(page, top: str, item: str) -> None:  # type: ignore[no-untyped-def]
    """Choose a menu item, once JupyterLab has enabled it (it may not be, just after a load)."""
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=top).first.click()
    entry = page.locator(f".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('{item}'))").first
    entry.wait_for(state="visible")
    page.wait_for_function("e => !e.classList.contains('lm-mod-disabled')",
                           arg=entry.element_handle(), timeout=SLOW)
    entry.click()


def run_all(page, notebook: str, lab=None) -> None:  # type: ignore[no-untyped-def]
    """Run All Cells, then wait until every code cell has a number and the kernel is idle.

    The notebook is clicked first so that it is JupyterLab's current widget; should the
    command still not start (a page just loaded can drop it), it is chosen again, at most
    three times, each time waiting for a prompt to show that the kernel took it.
    """
    page.locator(".jp-Notebook .jp-Cell").first.click()
    for attempt in range(3):
        menu(page, "Run", "Run All Cells")
        try:
            page.wait_for_function(
                """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                        .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""",
                timeout=60_000)
            break
        except Exception:
            if attempt == 2:
                raise
    try:
        page.wait_for_function(
            """() => {
                const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                const done = prompts.length > 0
                    && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
                const failed = [...document.querySelectorAll(
                    ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")]
                    .some(o => /Traceback|Error:/.test(o.textContent));
                return done || failed;
            }""", timeout=RUN_ALL)
    except Exception:
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        screenshot(page, f"FAILED_{Path(notebook).stem}")
        log = "\n".join(page.console_log[-20:])
        if lab is not None:
            log += "\n--- JupyterLab's log:\n" + Path(lab[2]).read_text()[-3000:]
            shutil.copy(lab[2], SHOTS / "FAILED_lab.log")
        pytest.fail(f"{notebook}: cells did not all finish; prompts: {prompts}\n{log}")
    wait_idle(page)


def check_page(page, notebook: str) -> None:  # type: ignore[no-untyped-def]
    body = page.inner_text("body")
    assert "Error displaying widget" not in body, notebook
    assert "model not found" not in body.lower(), notebook
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                          ).all_inner_texts()
    tracebacks = [e for e in errors if "Traceback" in e or "Error" in e.split("\n")[0]]
    assert not tracebacks, tracebacks[:2]


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    print(f"\nscreenshot: {path}")
    return path


def number(page, selector: str) -> int:  # type: ignore[no-untyped-def]
    """The integer a tool shows ("5,738" too), once the kernel has filled it in."""
    page.wait_for_function(
        "s => /^[\\d,]+$/.test((document.querySelector(s) || {}).textContent || '')",
        arg=selector, timeout=SLOW)
    return int(page.locator(selector).first.inner_text().replace(",", ""))


def wait_for_count(page, selector: str, changed_from: int | None = None,  # type: ignore[no-untyped-def]
                   equal_to: int | None = None) -> int:
    """Wait until the kernel has sent a new count back to the page; return it."""
    test = "!==" if changed_from is not None else "==="
    page.wait_for_function(
        f"([s, n]) => Number(document.querySelector(s).textContent.replace(/,/g, '')) {test} n",
        arg=[selector, changed_from if changed_from is not None else equal_to], timeout=COUNT)
    return int(page.locator(selector).first.inner_text().replace(",", ""))


# --- one interaction per tool: a control changed in the browser, the kernel's answer seen


def use_explorer(page) -> str:  # type: ignore[no-untyped-def]
    counter = "strong.highlight-count"
    before = number(page, counter)
    assert page.locator(".framelab-highlights mark.flag").count() > 0, "no highlights"
    toggle = page.locator(".widget-checkbox input[type=checkbox]").first
    toggle.scroll_into_view_if_needed()
    toggle.click()
    after = wait_for_count(page, counter, changed_from=before)
    assert after < before
    toggle.click()
    wait_for_count(page, counter, equal_to=before)
    mark = page.locator(".framelab-highlights mark.flag").nth(2)
    mark.scroll_into_view_if_needed()
    mark.click()
    page.wait_for_selector(".framelab-detail:has-text('Why flagged')", timeout=SLOW)
    return "strong.highlight-count"


def use_comparison(page) -> str:  # type: ignore[no-untyped-def]
    counter = "strong.keyword-count"
    before = number(page, counter)
    choice = page.locator(".widget-dropdown:has-text('Min. frequency') select").first
    choice.scroll_into_view_if_needed()
    choice.select_option(label="5 or more times")
    assert wait_for_count(page, counter, changed_from=before) < before
    show = page.locator("button.widget-toggle-button", has_text="Show the figure").first
    show.scroll_into_view_if_needed()
    show.focus()
    page.keyboard.press("Space")  # the figure is drawn only when asked for, from the keyboard too
    page.wait_for_selector(".widget-html img[alt^='Paired bar chart']", timeout=COUNT)
    page.wait_for_selector("button.widget-toggle-button:has-text('Hide the figure')",
                           timeout=COUNT)
    return counter


def use_annotation(page) -> str:  # type: ignore[no-untyped-def]
    counter = "strong.labelled-count"
    before = number(page, counter)
    button = page.locator(".framelab-choice button", has_text="Neutral").first
    button.scroll_into_view_if_needed()
    button.click()
    assert wait_for_count(page, counter, changed_from=before) == before + 1
    page.locator("button", has_text="Previous").first.click()
    page.wait_for_selector(".widget-html:has-text('Your label: Neutral')", timeout=COUNT)
    chosen = page.locator(".framelab-choice button.mod-active").first
    assert chosen.inner_text().strip() == "Neutral"
    assert chosen.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(0, 114, 178)"
    return counter


def use_rewrite(page) -> str:  # type: ignore[no-untyped-def]
    counter = "strong.loaded-count"
    before = number(page, counter)
    box = page.locator(".widget-textarea textarea").first
    box.scroll_into_view_if_needed()
    box.fill("Officials said the talks would resume on Monday.")
    box.press("Tab")
    assert wait_for_count(page, counter, changed_from=before) < before
    return counter


def use_workbench(page) -> str:  # type: ignore[no-untyped-def]
    counter = "strong.entry-count"
    before = number(page, counter)
    page.locator(".widget-text:has-text('Term:') input").first.fill("browserword")
    page.locator(".widget-combobox input, .widget-text:has-text('Category:') input"
                 ).first.fill("judgement")
    page.locator(".widget-text:has-text('Why:') input").first.fill("added by the browser test")
    page.locator("button", has_text="Add term").first.click()
    assert wait_for_count(page, counter, changed_from=before) == before + 1
    return counter


def use_frame_coder(page) -> str:  # type: ignore[no-untyped-def]
    """Tab to the frame coder's first function, tick it with Space: the kernel saves a code."""
    coder = page.locator(".widget-vbox:has(.widget-html:has-text(' coded'))").last
    progress = coder.locator(".widget-html:has-text(' coded')").first
    progress.scroll_into_view_if_needed()
    coded = "e => Number((e.textContent.match(/(\\d+) coded/) || [])[1])"
    before = progress.evaluate(coded)
    boxes = coder.locator(".widget-checkbox input[type=checkbox]")
    boxes.first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.wait_for_function(f"([e, n]) => ({coded})(e) === n + 1",
                           arg=[progress.element_handle(), before], timeout=COUNT)
    return ".widget-html:has-text(' coded')"


TOOLS: dict[str, Callable] = {
    "Explorer(": use_explorer,
    "ComparisonPanel(": use_comparison,
    "AnnotationTool(": use_annotation,
    "RewriteLab(": use_rewrite,
    "LexiconWorkbench(": use_workbench,
    "FrameCoder(": use_frame_coder,
}
"""How each of the kit's tools is tried; a lesson's main tool is the first it builds."""


def main_tool(notebook: str) -> str | None:
    """The first kit tool a notebook's code builds, or None if it has none."""
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    found = [(code.find(name), name) for name in TOOLS if name in code]
    return min(found)[1] if found else None


def audit(page, notebook: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """axe-core's serious and critical violations in the kit's output on this page.

    Every violation is written to test-artifacts/e2e/axe/<lesson>.json; those on
    JupyterLab's own elements named in CHROME are reported there but not counted.
    """
    if not AXE.exists():
        message = ("axe-core is not installed: run `bash tests/e2e/ensure_browser.sh` "
                   "(make test does) to install it from the npm registry")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async (include) => {
            const r = await axe.run({include: include.map(s => [s])},
                                    {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                          why: n.failureSummary}))}));
        }""", KIT_OUTPUT)
    counted = []
    for v in results:
        chrome = CHROME.get(v["id"], "")
        nodes = [n for n in v["nodes"]
                 if not chrome or chrome not in n["target"].split(" > ")[-1]]
        v["ignored_as_jupyterlab_chrome"] = len(v["nodes"]) - len(nodes)
        if nodes and v["impact"] in ("serious", "critical"):
            counted.append({**v, "nodes": nodes[:3]})
    report = SHOTS / "axe" / f"{Path(notebook).stem}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(results, indent=1))
    return counted


@pytest.mark.parametrize("notebook", LESSONS)
def test_lesson_in_the_browser(page, lab, notebook: str) -> None:  # type: ignore[no-untyped-def]
    open_lesson(page, lab, notebook)
    run_all(page, notebook, lab)
    check_page(page, notebook)
    tool = main_tool(notebook)
    if tool:
        counter = TOOLS[tool](page)
        page.locator(counter).first.scroll_into_view_if_needed()
    elif page.locator(".jp-OutputArea-output img").count():
        page.locator(".jp-OutputArea-output img").first.scroll_into_view_if_needed()
    screenshot(page, Path(notebook).stem)
    check_page(page, notebook)
    assert page.js_errors == [], page.js_errors
    violations = audit(page, notebook)
    assert not violations, json.dumps(violations, indent=1)


def test_reopened_lesson_shows_its_tool_not_an_error(page, lab) -> None:  # type: ignore[no-untyped-def]
    notebook = "02_loaded_vocabulary.ipynb"
    open_lesson(page, lab, notebook)
    run_all(page, notebook, lab)
    number(page, "strong.highlight-count")
    page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')",
        timeout=SLOW)
    saved = json.loads(Path(lab[2]).parent.joinpath("course", "notebooks", notebook).read_text())
    assert saved["metadata"].get("widgets"), "widget state was not saved with the notebook"
    menu(page, "Kernel", "Restart Kernel…")
    page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.wait_for_selector(".jp-Dialog", state="detached", timeout=SLOW)
    wait_kernel(page, notebook)
    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=SLOW)
    wait_kernel(page, notebook)
    page.wait_for_selector(".framelab-highlights mark.flag", state="attached", timeout=SLOW)
    # the saved view is back, and a line says the tool needs its cells run again
    note = page.locator(".framelab-rerun").first
    note.scroll_into_view_if_needed()
    page.wait_for_selector(".framelab-rerun >> visible=true", timeout=COUNT)
    assert "run the cells again" in note.inner_text()
    body = page.inner_text("body")
    assert "Error displaying widget" not in body and "model not found" not in body.lower()
    screenshot(page, "reopened_02_loaded_vocabulary")
    assert page.js_errors == [], page.js_errors


def test_explorer_by_keyboard_alone(page, lab) -> None:  # type: ignore[no-untyped-def]
    notebook = "02_loaded_vocabulary.ipynb"
    open_lesson(page, lab, notebook)
    run_all(page, notebook, lab)
    counter = "strong.highlight-count"
    before = number(page, counter)
    boxes = page.locator(".widget-checkbox input[type=checkbox]")
    boxes.first.scroll_into_view_if_needed()
    # from the first category's checkbox, Tab to the next one like a student would
    boxes.first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "checkbox"
    label = page.evaluate("() => document.activeElement.closest('.widget-checkbox').innerText")
    assert label == boxes.nth(1).locator("xpath=..").inner_text(), label
    page.keyboard.press("Space")
    after = wait_for_count(page, counter, changed_from=before)
    assert after < before
    page.keyboard.press("Space")
    wait_for_count(page, counter, equal_to=before)
    # from the last category's checkbox, Tab reaches the first highlight, which shows why
    boxes.last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('mark.flag')")
    assert page.locator(".framelab-highlights mark.flag:focus .why").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_selector(".framelab-detail:has-text('Why flagged')", timeout=SLOW)
    assert page.locator(".framelab-highlights mark.flag.selected").count() == 1
    screenshot(page, "keyboard_02_explorer")
    assert page.js_errors == [], page.js_errors
