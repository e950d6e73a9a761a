"""Search at scale: Material's search below the switch, Pagefind above it, and its cost in a browser."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from build_dossier import pagefind_search
from build_dossier.pagefind_search import (
    search_switch,
    uses_pagefind,
    with_pagefind_ui,
    with_quotes_unindexed,
)
from build_dossier.synthetic import generate

PROJECT = Path(__file__).resolve().parent.parent


class _Config:
    def __init__(self, extra: dict) -> None:
        self.extra = extra


def test_switch_comes_from_the_environment_before_mkdocs_yml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_SEARCH_SWITCH", raising=False)
    assert search_switch(_Config({})) == 2000
    assert search_switch(_Config({"dossier_search_switch": 50})) == 50
    monkeypatch.setenv("DOSSIER_SEARCH_SWITCH", "7")
    assert search_switch(_Config({"dossier_search_switch": 50})) == 7
    monkeypatch.setenv("DOSSIER_SEARCH_SWITCH", "many")
    with pytest.raises(PluginError, match="many"):
        search_switch(_Config({}))
    assert uses_pagefind(2001, 2000) and not uses_pagefind(2000, 2000)


def test_search_page_loads_pagefind_and_allows_webassembly_only_there() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        "script-src 'self' 'sha256-abc'\"></head><body></body></html>"
    )
    html = with_pagefind_ui(page, "..")
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'" in html
    assert '<script src="../pagefind/pagefind-ui.js"></script>' in html
    assert '<link rel="stylesheet" href="../pagefind/pagefind-ui.css">' in html


def test_quotes_are_marked_in_the_article_text_only() -> None:
    page = (
        "<html><head><title>“Siege” — Dossier</title></head><body><article class=md-content__inner>"
        '<p>“Gunmen stormed the hotel.” (<a href="../s/#s-0" title="“x”">dpa</a>) said <a>Kasollo</a></p>'
        '<script>var label = "“not a quote”";</script></article><p>“After the article”</p></body></html>'
    )
    html = with_quotes_unindexed(page)
    assert "<p><span data-pagefind-ignore>“Gunmen stormed the hotel.”</span> (<a" in html
    assert "<title>“Siege” — Dossier</title>" in html and 'title="“x”"' in html
    assert '"“not a quote”"' in html and "<p>“After the article”</p>" in html
    assert html.count("data-pagefind-ignore") == 1


# An article's page and an incident page that quotes it, in the dossier's markup.
ARTICLE_PAGE = """\
# Gunmen storm Hotel Dorema

Reports or recalls: [Hotel Dorema siege](../incidents/hotel-dorema-siege.md).

## Text

<p><span class="dossier-sentence" id="s-0">Gunmen stormed the Hotel Dorema in Vidjetel on Friday,
police spokesman Quatureni Dorsasol said.</span></p>

| Figure | Kind | Incident | Where |
| --- | --- | --- | --- |
| 105 | Hostages | [Hotel Dorema siege](../incidents/hotel-dorema-siege.md) | [sentence 1](#s-0) |
"""
INCIDENT_PAGE = """\
# Hotel Dorema siege

<p class="dossier-tags">Tags: <a href="../tags/reuters/">Reuters</a></p>

<div class="dossier-infobox" markdown>

| Incident | Hotel Dorema siege |
| --- | --- |
| Perpetrators | [Karan Army](../actors/karan-army.md) |
| Hostages | **105** people ([Reuters](#claim-000060-vidjetel-c1)) |

</div>

## Summary

“Gunmen stormed the Hotel Dorema in Vidjetel on Friday, police spokesman Quatureni Dorsasol said.”
([Reuters, 21 January 2012](../sources/gunmen-storm.md#s-0)) Named by Minister Vene Kasollo.

## Sources

- [Gunmen storm Hotel Dorema](../sources/gunmen-storm.md)
"""


def indexed_text(site: Path) -> dict[str, str]:
    """Each indexed page's URL and the text Pagefind indexed for it (its fragment's content)."""
    texts = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        texts[data["url"]] = data["content"]
    return texts


def make_site(project: Path, articles: int, switch: int) -> Path:
    """A plain MkDocs project whose pages are synthetic articles, with our two page hooks."""
    docs = project / "docs" / "articles"
    docs.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Dossier\n\nSynthetic test pages.\n", encoding="utf-8")
    for name, text in generate(articles, seed=3).articles.items():
        headline, body = text.split("\n\n", 1)
        (docs / name.replace(".txt", ".md")).write_text(f"# {headline}\n\n{body}", encoding="utf-8")
    # A page continuing another's list, named as the generator names them.
    (docs / "overview--incidents.md").write_text(
        "# Overview: incidents 11–20\n\nMore rows.\n", encoding="utf-8"
    )
    for folder, name, text in [
        ("sources", "gunmen-storm", ARTICLE_PAGE),
        ("incidents", "hotel-dorema-siege", INCIDENT_PAGE),
    ]:
        (project / "docs" / folder).mkdir(exist_ok=True)
        (project / "docs" / folder / f"{name}.md").write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: Test dossier
            theme: {{name: material}}
            plugins: [search]
            extra: {{dossier_search_switch: {switch}}}
            nav:
              - Home: index.md
            not_in_nav: |
              /articles/*.md
              /sources/*.md
              /incidents/*.md
            markdown_extensions: [tables, md_in_html, {{toc: {{permalink: true}}}}]
            hooks:
              - {PROJECT}/build_dossier/html_guard.py
              - {PROJECT}/build_dossier/pagefind_search.py
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    env.pop("DOSSIER_SEARCH_SWITCH", None)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
    subprocess.run(command, check=True, env=env, capture_output=True)
    return project / "site"


def test_small_site_keeps_material_search(tmp_path: Path) -> None:
    site = make_site(tmp_path, articles=6, switch=100)
    assert (site / "search" / "search_index.json").stat().st_size > 1000
    assert not (site / "pagefind").exists()
    assert 'class="md-search"' in (site / "index.html").read_text(encoding="utf-8")


def test_large_site_switches_to_pagefind(tmp_path: Path) -> None:
    site = make_site(tmp_path, articles=12, switch=5)
    assert not (site / "search" / "search_index.json").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search"' not in home and 'href="search/"' in home
    search_page = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'id="dossier-search"' in search_page and "pagefind-ui.js" in search_page
    assert "pagefind-ui.js" not in home
    pages = [p for p in site.rglob("index.html") if p.parent.name not in {"search", "pagefind"}]
    continued = [p for p in pages if "--" in p.parent.name]
    assert len(continued) == 1
    assert all("data-pagefind-body" not in p.read_text(encoding="utf-8") for p in continued)
    indexed = [p for p in pages if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert len(indexed) == len(pages) - len(continued)
    entry = (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert f'"page_count":{len(indexed)}' in entry.replace(" ", "")


def test_repeats_stay_out_of_the_index_and_each_text_is_found_where_it_belongs(tmp_path: Path) -> None:
    texts = indexed_text(make_site(tmp_path, articles=3, switch=2))
    article, incident = texts["/sources/gunmen-storm/"], texts["/incidents/hotel-dorema-siege/"]
    # The sentence is indexed on the article's page, and only there.
    assert "police spokesman Quatureni Dorsasol said" in article
    assert "Dorsasol" not in incident and "Reuters" not in incident and "21 January" not in incident
    # The incident page keeps its own name, fields and what surrounds a quote.
    for own in ("Hotel Dorema siege", "Karan Army", "105 people", "Named by Minister Vene Kasollo"):
        assert own in incident
    # No permalink mark glued to headings; an incident's name and an article's headline are
    # indexed on their own pages only, not where a link or the infobox's header repeats them.
    assert "¶" not in article + incident
    assert "Hostages" in article and "Hotel Dorema siege" not in article
    assert incident.count("Hotel Dorema siege") == 1 and "Gunmen storm" not in incident
    assert article.startswith("Gunmen storm Hotel Dorema") and "Reports or recalls" in article
    assert "Figure" not in article and "Where" not in article  # a table's column labels


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(os.environ.get("BENCH_SLOW") != "1", reason="builds a 10,000-page site; set BENCH_SLOW=1")
def test_first_query_on_ten_thousand_pages_downloads_under_300_kb(tmp_path: Path) -> None:
    from build_dossier.bench import first_query_cost

    started = time.perf_counter()
    site = make_site(tmp_path, articles=10_000, switch=2000)
    seconds = time.perf_counter() - started
    town = next(iter(generate(10_000, seed=3).articles)).split("_", 1)[1].removesuffix(".txt").capitalize()
    cost = first_query_cost(site, town)
    index_bytes = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    print(
        f"10,000 pages: build with Pagefind {seconds:.0f} s, index {index_bytes / 1024**2:.1f} MB, "
        f"search page {cost.page_bytes / 1024:.0f} KB, first query {cost.query_bytes / 1024:.0f} KB"
    )
    assert cost.results > 0
    assert cost.query_bytes <= 300 * 1024


def test_serve_indexes_in_the_background_and_a_new_build_stops_an_old_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under ``mkdocs serve`` the server answers no request until the build returns: the index
    must not hold the edited page back, and must not run while the next build writes pages."""
    site = make_site(tmp_path, articles=12, switch=5)
    entry = site / "pagefind" / "pagefind-entry.json"
    shutil.rmtree(site / "pagefind")
    monkeypatch.setattr(pagefind_search, "_state", {"pagefind": True, "serving": False})
    monkeypatch.delenv("DOSSIER_SKIP_PAGEFIND", raising=False)
    pagefind_search.on_startup(command="serve", dirty=True)
    config = SimpleNamespace(site_dir=str(site))

    pagefind_search.on_post_build(config)
    first = pagefind_search._indexing[0]
    assert first.poll() is None  # the build returned while Pagefind runs
    pagefind_search.on_pre_build(config)
    assert first.returncode is not None and pagefind_search._indexing == []

    pagefind_search.on_post_build(config)
    second = pagefind_search._indexing[0]
    assert second.wait(timeout=120) == 0 and entry.exists()
    pagefind_search.on_shutdown()
    assert pagefind_search._indexing == []
