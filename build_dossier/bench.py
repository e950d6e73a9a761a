"""The benchmark: synthetic dossiers of growing size, with speed, memory and size figures.

Each size runs our pipeline and MkDocs in child processes, so each peak memory figure belongs to
one run. Goals are printed as PASS or FAIL beside their figures; nothing here is a timed test.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from build_dossier.synthetic import generate, write_corpus

PROJECT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "overrides")
HAND_WRITTEN_DOCS = ("about.md", "tags.md", "stylesheets", "javascripts")
PAGE_LIMIT_BYTES = 25 * 1024
MEMORY_LIMIT_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class BenchRow:
    articles: int
    extract_per_second: float
    generation_seconds: float
    """Our stages: ingest + extract + resolve + render + write."""
    mkdocs_seconds: float
    our_peak_bytes: int
    mkdocs_peak_bytes: int
    pages: int
    site_bytes: int
    largest_page_bytes: int
    largest_page: str
    median_page_bytes: int
    search_index_bytes: int
    rebuild_seconds: float
    rebuild_pages: int

    @property
    def total_seconds(self) -> float:
        return self.generation_seconds + self.mkdocs_seconds

    @property
    def seconds_per_page(self) -> float:
        return self.mkdocs_seconds / max(1, self.pages)


def _child_build(seeds: str, docs: str, jobs: str) -> None:
    """Run in a child process: one build, its figures as JSON on stdout."""
    from build_dossier.pipeline import build
    from build_dossier.settings import make_settings

    result = build(make_settings(seeds, docs, jobs=int(jobs)))
    figures = {
        "timings": result.timings,
        "written": len(result.report.written),
        "articles": len(result.dossier.articles),
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    print(json.dumps(figures))


def _run_build(seeds: Path, docs: Path, jobs: int) -> dict:
    command = [sys.executable, "-m", "build_dossier.bench", str(seeds), str(docs), str(jobs)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=PROJECT).stdout
    return json.loads(output.strip().splitlines()[-1])


def _run_mkdocs(project: Path) -> tuple[float, int]:
    """MkDocs alone on the pages already generated (the hook is told not to regenerate them)."""
    script = (
        "import resource, runpy, sys\n"
        "sys.argv = ['mkdocs', 'build', '-q', '-d', 'site']\n"
        "try:\n    runpy.run_module('mkdocs', run_name='__main__')\n"
        "finally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, file=sys.stderr)\n"
    )
    env = {**os.environ, "DOSSIER_SKIP_BUILD": "1", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(PROJECT)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}: {done.stderr.strip()[-2000:]}")
    return seconds, int(done.stderr.strip().splitlines()[-1])


def _prepare(project: Path) -> None:
    if project.exists():
        shutil.rmtree(project)
    (project / "docs").mkdir(parents=True)
    for name in SITE_FILES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy(source, project / name)
    for name in HAND_WRITTEN_DOCS:
        source = PROJECT / "docs" / name
        if source.is_dir():
            shutil.copytree(source, project / "docs" / name)
        elif source.exists():
            shutil.copy(source, project / "docs" / name)
    # The copied mkdocs.yml names hooks by relative path: point them at the project's package.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("build_dossier/", f"{PROJECT}/build_dossier/"))


def _site_figures(site: Path) -> tuple[int, int, str, int, int]:
    pages = sorted(site.rglob("*.html"), key=lambda p: str(p))
    sizes = [page.stat().st_size for page in pages]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    largest = max(range(len(pages)), key=lambda i: sizes[i]) if pages else None
    index = site / "search" / "search_index.json"
    return (
        total,
        sizes[largest] if largest is not None else 0,
        str(pages[largest].relative_to(site)) if largest is not None else "",
        int(statistics.median(sizes)) if sizes else 0,
        index.stat().st_size if index.exists() else 0,
    )


def bench_size(count: int, *, workdir: Path, jobs: int, seed: int) -> BenchRow:
    project = workdir / str(count)
    _prepare(project)
    write_corpus(generate(count, seed), project / "seeds")
    first = _run_build(project / "seeds", project / "docs", jobs)
    mkdocs_seconds, mkdocs_peak = _run_mkdocs(project)
    site_bytes, largest, largest_name, median, search = _site_figures(project / "site")

    edited = sorted((project / "seeds").glob("*.txt"))[count // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA police spokesman said 2 people were missing.\n")
    started = time.perf_counter()
    second = _run_build(project / "seeds", project / "docs", jobs)
    rebuild_seconds = time.perf_counter() - started

    timings = first["timings"]
    return BenchRow(
        articles=first["articles"],
        extract_per_second=first["articles"] / max(timings["extract"], 1e-9),
        generation_seconds=sum(timings.values()),
        mkdocs_seconds=mkdocs_seconds,
        our_peak_bytes=first["peak"],
        mkdocs_peak_bytes=mkdocs_peak,
        pages=sum(1 for _ in (project / "site").rglob("*.html")),
        site_bytes=site_bytes,
        largest_page_bytes=largest,
        largest_page=largest_name,
        median_page_bytes=median,
        search_index_bytes=search,
        rebuild_seconds=rebuild_seconds,
        rebuild_pages=second["written"],
    )


def run_bench(
    sizes: Sequence[int], *, workdir: Path, jobs: int = 1, seed: int = 1, out: TextIO = sys.stdout
) -> list[BenchRow]:
    """Benchmark each size in turn, printing a line per size as it finishes."""
    rows = []
    for count in sorted(sizes):
        row = bench_size(count, workdir=workdir, jobs=jobs, seed=seed)
        print(f"{count} articles: done in {row.total_seconds:.1f} s", file=out, flush=True)
        rows.append(row)
    return rows


def _mb(value: int) -> str:
    return f"{value / 1024**2:.1f} MB"


def format_rows(rows: Sequence[BenchRow]) -> str:
    """A table of the figures, then each goal of issue 6 with PASS or FAIL."""
    header = (
        "articles | extract art/s | ours s | mkdocs s | total s | our peak | mkdocs peak | pages | site | "
        "largest page | median page | search index | s/page | rebuild s (pages)"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(
            f"{r.articles} | {r.extract_per_second:.0f} | {r.generation_seconds:.1f} | {r.mkdocs_seconds:.1f} | "
            f"{r.total_seconds:.1f} | {_mb(r.our_peak_bytes)} | {_mb(r.mkdocs_peak_bytes)} | {r.pages} | "
            f"{_mb(r.site_bytes)} | {r.largest_page_bytes / 1024:.0f} KB ({r.largest_page}) | "
            f"{r.median_page_bytes / 1024:.0f} KB | {_mb(r.search_index_bytes)} | {r.seconds_per_page * 1000:.1f} ms | "
            f"{r.rebuild_seconds:.1f} ({r.rebuild_pages})"
        )
    lines.append("")
    lines.append("goals:")

    def goal(ok: bool, text: str) -> None:
        lines.append(f"  {'PASS' if ok else 'FAIL'}  {text}")

    for r in rows:
        goal(r.largest_page_bytes < PAGE_LIMIT_BYTES,
             f"{r.articles}: largest page {r.largest_page_bytes / 1024:.0f} KB < 25 KB ({r.largest_page})")
        goal(r.generation_seconds <= 0.1 * r.mkdocs_seconds,
             f"{r.articles}: our stages {r.generation_seconds:.1f} s <= 10% of MkDocs {r.mkdocs_seconds:.1f} s")
        goal(r.our_peak_bytes < MEMORY_LIMIT_BYTES and r.mkdocs_peak_bytes < MEMORY_LIMIT_BYTES,
             f"{r.articles}: peak memory ours {_mb(r.our_peak_bytes)}, MkDocs {_mb(r.mkdocs_peak_bytes)} < 2 GB")
    by_size = {r.articles: r for r in rows}
    large = by_size.get(max(by_size, default=0))
    small = by_size.get(large.articles // 10) or by_size.get(min(by_size)) if large else None
    if small and large and small is not large:
        ratio = large.seconds_per_page / max(small.seconds_per_page, 1e-9)
        goal(ratio <= 1.2, f"s/page at {large.articles} is {ratio:.2f}x that at {small.articles} (<= 1.2x)")
    return "\n".join(lines)


if __name__ == "__main__":
    _child_build(*sys.argv[1:4])
