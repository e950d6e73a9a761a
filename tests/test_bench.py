"""The benchmark's corpus generator, and one tiny benchmark run end to end."""

from __future__ import annotations

import io
import re
from pathlib import Path

from build_dossier.bench import format_rows, run_bench
from build_dossier.synthetic import ARTICLES_PER_INCIDENT, generate, write_corpus


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    assert generate(30, seed=4) == generate(30, seed=4)
    assert generate(30, seed=4).articles != generate(30, seed=5).articles


def test_counts_and_several_articles_per_incident() -> None:
    corpus = generate(60)
    assert len(corpus.articles) == 60 and corpus.incidents == 60 // ARTICLES_PER_INCIDENT
    headlines = [text.splitlines()[0] for text in corpus.articles.values()]
    sites = [re.search(r"storm (.+) in ", h).group(1) for h in headlines]
    assert max(sites.count(site) for site in set(sites)) >= ARTICLES_PER_INCIDENT


def test_pools_grow_with_the_corpus() -> None:
    def people(count: int) -> int:
        said = re.compile(r", ((?:[A-Z]\w+ )+)([A-Z]\w+) said\.")
        return len({m.group(2) for text in generate(count).articles.values() for m in said.finditer(text)})

    assert people(300) > 2 * people(30)


def test_written_corpus_has_a_valid_sidecar(tmp_path: Path) -> None:
    from build_dossier.ingest import ingest_paths

    write_corpus(generate(9), tmp_path)
    result = ingest_paths([tmp_path], max_file_bytes=10**6)
    assert len(result.articles) == 9 and result.warnings == ()
    assert all(article.published and article.outlet for article in result.articles)


def test_tiny_benchmark_prints_its_figures(tmp_path: Path) -> None:
    out = io.StringIO()
    rows = run_bench([12], workdir=tmp_path, out=out)
    (row,) = rows
    assert row.articles == 12
    assert row.pages > 12 and row.site_bytes > row.largest_page_bytes > row.median_page_bytes > 0
    assert row.search_index_bytes > 0 and row.mkdocs_seconds > 0 and row.extract_per_second > 0
    assert 0 < row.rebuild_pages < row.pages
    table = format_rows(rows)
    assert "12 |" in table and "largest page" in table
    assert re.search(r"(PASS|FAIL)  12: peak memory", table)
