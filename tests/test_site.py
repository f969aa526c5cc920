"""`make site`: a static, executed page for every lesson, that needs no network to show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framelab import site

ROOT = Path(__file__).resolve().parents[1]


def test_the_template_fetches_nothing_from_a_cdn(tmp_path: Path) -> None:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A title\n\nText.")])
    html, _ = site._exporter().from_notebook_node(
        nb, resources={"framelab_index": "index.html", "framelab_built": "today"})
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "cdnjs" not in html and "jsdelivr" not in html and "unpkg" not in html
    assert "All lessons and answer keys" in html
    assert "MathJax" not in html  # no formulas engine unless the site has its own copy
    local, _ = site._exporter("../" + site.MATHJAX).from_notebook_node(
        nb, resources={"framelab_index": "index.html", "framelab_built": "today"})
    assert f'<script src="../{site.MATHJAX}"' in local
    assert not re.search(r"""(src|href)=["']https?://""", local)


def test_the_site_carries_its_own_mathjax(tmp_path: Path) -> None:
    assert site.mathjax_source() is not None, "jupyter-server-mathjax is not installed"
    assert site.copy_mathjax(tmp_path)
    assert (tmp_path / "mathjax" / "MathJax.js").is_file()
    assert (tmp_path / "mathjax" / "config" / "Safe.js").is_file()


@pytest.mark.notebooks
def test_site_has_an_executed_page_for_every_lesson(tmp_path: Path) -> None:
    out = tmp_path / "site"
    lessons = sorted((ROOT / "notebooks").glob("*.ipynb"))
    pages = site.build(out, only=[p.name for p in lessons])
    assert [p.error for p in pages if p.error] == []
    built = sorted(p.html.name for p in pages)
    assert built == sorted(p.with_suffix(".html").name for p in lessons)
    index = (out / "index.html").read_text()
    for page in pages:
        html = page.html.read_text()
        assert page.html.relative_to(out).as_posix() in index
        assert not re.search(r"""(src|href)=["']https?://""", html), page.html.name
        assert "model not found" not in html.lower()  # tracebacks: lesson 00 shows one on purpose
    judgement = (out / "notebooks" / "06_your_judgement_vs_the_machine.html").read_text()
    assert f'<script src="../{site.MATHJAX}"' in judgement  # kappa's formula is typeset
    explorer = (out / "notebooks" / "02_loaded_vocabulary.html").read_text()
    assert 'class="framelab-static"' in explorer
    assert re.search(r'<mark [^>]*class="flag cat-', explorer)
    assert "data:image/png;base64" in explorer
