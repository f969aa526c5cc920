"""``make site``: an executed, static HTML preview of every lesson and answer key, offline.

Each notebook in ``notebooks/`` and ``solutions/`` is run in a scratch copy of the course
(nbclient), then exported with nbconvert's JupyterLab template, minus its CDN scripts, into
``site/`` with an index page. Interactive tools appear as static copies of their last state
(each tool offers an HTML copy of itself beside its live widget), so the pages need no
network; formulas are typeset by a copy of MathJax in ``site/mathjax/`` (from the
jupyter-server-mathjax package). Instructors open ``site/index.html`` or publish the folder.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from importlib.util import find_spec
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).resolve().parent / "site_template"
TEMPLATE = "framelab_site"
PRIORITY = ["text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg",
            "text/latex", "text/plain"]
"""Outputs shown in this order: a tool's static HTML copy before its (dead) widget view."""


@dataclass(frozen=True)
class Page:
    """One built page: the notebook it came from, the HTML written, and any problem."""

    source: Path
    html: Path
    error: str = ""


def notebooks(root: Path = ROOT) -> list[Path]:
    """Every lesson and answer key, in course order."""
    return [*sorted((root / "notebooks").glob("*.ipynb")),
            *sorted((root / "solutions").glob("*.ipynb"))]


MATHJAX = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
"""Where a page finds MathJax, relative to the site's root; the Safe config runs no
commands from the page's text."""


def mathjax_source() -> Path | None:
    """The MathJax 2.7 files jupyter-server-mathjax installs, or None without it."""
    spec = find_spec("jupyter_server_mathjax")
    if spec is None or not spec.submodule_search_locations:
        return None
    static = Path(spec.submodule_search_locations[0]) / "static"
    return static if (static / "MathJax.js").is_file() else None


def copy_mathjax(out: Path) -> bool:
    """Put MathJax in ``out/mathjax`` once, so formulas render with no network."""
    source = mathjax_source()
    if source is None:
        return False
    if not (out / "mathjax" / "MathJax.js").is_file():
        shutil.copytree(source, out / "mathjax", dirs_exist_ok=True)
    return True


def _exporter(mathjax_url: str = ""):  # type: ignore[no-untyped-def]
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.NbConvertBase.display_data_priority = PRIORITY
    exporter = HTMLExporter(config=config, template_name=TEMPLATE,
                            extra_template_basedirs=[str(TEMPLATES)])
    exporter.require_js_url = ""
    exporter.mathjax_url = mathjax_url
    return exporter


def build_page(source: Path, course: Path, out: Path, timeout: int = 600,
               mathjax: bool = False) -> Page:
    """Execute one notebook in the scratch course and write its HTML page; ``mathjax``
    says the site has its own copy of MathJax (``copy_mathjax``) for the page to load."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    relative = source.relative_to(course)
    target = out / relative.with_suffix(".html")
    target.parent.mkdir(parents=True, exist_ok=True)
    nb = nbformat.read(source, as_version=4)
    error = ""
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False,
                       store_widget_state=False,
                       resources={"metadata": {"path": str(source.parent)}}).execute()
    except CellExecutionError as exc:
        error = str(exc).strip().splitlines()[-1][:300] if str(exc).strip() else repr(exc)
    nb.metadata.pop("widgets", None)
    nb.metadata["title"] = _title(nb, source)
    built = datetime.date.today().isoformat()
    depth = len(relative.parts) - 1
    resources = {"framelab_index": "../" * depth + "index.html", "framelab_built": built}
    html, _ = _exporter("../" * depth + MATHJAX if mathjax else "").from_notebook_node(
        nb, resources=resources)
    target.write_text(html, encoding="utf-8")
    return Page(source, target, error)


def _title(nb: nbformat.NotebookNode, source: Path) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return source.stem.replace("_", " ")


def scratch_course(root: Path, tmp: Path) -> Path:
    """A copy of the lessons and answer keys beside the datasets, so runs touch nothing."""
    course = tmp / "course"
    for folder in ("notebooks", "solutions"):
        shutil.copytree(root / folder, course / folder,
                        ignore=shutil.ignore_patterns("work", "exports", ".ipynb_checkpoints"))
    os.symlink(root / "datasets", course / "datasets")
    return course


def index_page(pages: Sequence[Page], out: Path, course: Path) -> Path:
    """The site's front page: a link to every page built in ``out`` (now or before), made
    with nbconvert too; a page whose notebook failed this time says so."""
    problems = {p.html: p.error for p in pages if p.error}
    lines = ["# Framing Lab: lessons and answer keys", "",
             "Executed previews of every notebook, for instructors. Each page shows the "
             "figures, tables and tools as the notebook produced them.", ""]
    for heading, folder in (("Lessons", "notebooks"), ("Answer keys", "solutions")):
        lines += [f"## {heading}", ""]
        for source in sorted((course / folder).glob("*.ipynb")):
            html = out / folder / source.with_suffix(".html").name
            if not html.exists():
                continue
            nb = nbformat.read(source, as_version=4)
            link = html.relative_to(out).as_posix()
            note = (f" (**did not run to the end:** {problems[html]})"
                    if html in problems else "")
            lines.append(f"- [{_title(nb, source)}]({link}){note}")
        lines.append("")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("\n".join(lines))])
    nb.metadata["title"] = "Framing Lab: lessons and answer keys"
    built = datetime.date.today().isoformat()
    html, _ = _exporter().from_notebook_node(
        nb, resources={"framelab_index": "", "framelab_built": built})
    target = out / "index.html"
    target.write_text(html, encoding="utf-8")
    return target


def build(out: Path = ROOT / "site", root: Path = ROOT, only: Sequence[str] = (),
          workers: int = 2) -> list[Page]:
    """Build the whole site (or the notebooks whose names contain one of ``only``)."""
    out.mkdir(parents=True, exist_ok=True)
    mathjax = copy_mathjax(out)
    with tempfile.TemporaryDirectory(prefix="framelab-site-") as tmp:
        course = scratch_course(root, Path(tmp))
        sources = [p for p in notebooks(course) if not only or any(o in p.name for o in only)]
        with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
            pages = list(pool.map(partial(build_page, course=course, out=out,
                                          mathjax=mathjax), sources))
        index_page(pages, out, course)
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--only", nargs="*", default=[],
                        help="build only notebooks whose file names contain these")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    pages = build(args.out, only=args.only, workers=args.workers)
    for page in pages:
        status = f"FAILED: {page.error}" if page.error else "ok"
        print(f"{page.html.relative_to(args.out)}  {status}")
    failed = [p for p in pages if p.error]
    print(f"{len(pages) - len(failed)} of {len(pages)} pages built from executed notebooks; "
          f"open {args.out / 'index.html'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
