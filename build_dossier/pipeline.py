"""``build()``: the stages in order. The CLI, the MkDocs hook, the benchmark and the tests call it."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from build_dossier import cache
from build_dossier.extract import extract_all, load_extractor_data
from build_dossier.ingest import ingest_paths
from build_dossier.lexicon import load_lexicon
from build_dossier.model import Dossier
from build_dossier.processes import collector_paused
from build_dossier.render import render_site
from build_dossier.rerender import RenderMemory
from build_dossier.resolve import resolve
from build_dossier.resolve.entities import EntityMemory
from build_dossier.settings import Settings
from build_dossier.write import WriteReport, apply_plan, plan_site, report_plan

FileStates = tuple[tuple[str, int, int], ...]


def file_states(*paths: Path) -> FileStates:
    """Path, size and modification time (ns) of each file under ``paths``, sorted. Equal states
    mean that nothing was written there in between; taking one costs a ``stat`` per file."""
    found: list[tuple[str, int, int]] = []
    pending = [str(path) for path in paths]
    while pending:
        path = pending.pop()
        try:
            with os.scandir(path) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    else:
                        status = entry.stat(follow_symlinks=False)
                        found.append((entry.path, status.st_size, status.st_mtime_ns))
        except NotADirectoryError:
            status = os.stat(path, follow_symlinks=False)
            found.append((path, status.st_size, status.st_mtime_ns))
        except FileNotFoundError:
            continue
    return tuple(sorted(found))


@dataclass(frozen=True)
class BuildResult:
    dossier: Dossier
    report: WriteReport
    input_notes: tuple[str, ...]
    """One line each: input files skipped or reported as duplicates (the build went on)."""
    timings: dict[str, float]
    """Seconds per stage, for the benchmark."""

    @property
    def warnings(self) -> tuple[str, ...]:
        """Everything worth telling the user: input notes and pages left alone because of hand edits."""
        return self.input_notes + self.report.warnings


def make_dossier(
    paths: Sequence[Path],
    *,
    max_file_bytes: int,
    jobs: int = 1,
    cache_dir: Path | None = None,
    entity_memory: EntityMemory | None = None,
) -> tuple[Dossier, tuple[str, ...], dict[str, float]]:
    """Ingest, extract and resolve files and folders: everything up to the pages, no page written.

    With ``cache_dir``, extractions of unchanged articles are reused (see :mod:`build_dossier.cache`).
    """
    with collector_paused():  # unpickling cached and workers' extractions makes many objects
        timings: dict[str, float] = {}
        clock = time.perf_counter()

        # Ingest: files -> articles (skipped files and duplicates become warnings). This process
        # reads the extractor's data meanwhile; ingest's workers, forked before, need none of it.
        ingested = ingest_paths(
            paths, max_file_bytes=max_file_bytes, jobs=jobs, meanwhile=load_extractor_data
        )
        timings["ingest"] = time.perf_counter() - clock
        clock = time.perf_counter()

        # Extract: one article at a time, so it can run in parallel.
        lexicon = load_lexicon()
        articles = ingested.articles
        cached = cache.load(cache_dir, articles) if cache_dir else {}
        fresh = extract_all([a for a in articles if a.id not in cached], lexicon, jobs=jobs)
        by_id = {**cached, **{extraction.article.id: extraction for extraction in fresh}}
        extractions = tuple(by_id[article.id] for article in articles)
        timings["extract"] = time.perf_counter() - clock
        clock = time.perf_counter()

        # Resolve: mentions -> actors and places, claims -> incidents, conflicts. The new
        # extractions are stored in the cache meanwhile, by another process if there are jobs.
        with cache.storing(cache_dir, fresh, extractions, forked=jobs > 1):
            dossier = resolve(extractions, lexicon, duplicates=ingested.duplicates, memory=entity_memory)
        timings["resolve"] = time.perf_counter() - clock
    return dossier, ingested.warnings, timings


@dataclass
class BuildMemory:
    """What the last build in this process rendered and left in ``docs/``, for a process that
    builds again and again (``mkdocs serve``): the next build renders and compares only what
    changed. Whoever writes in ``docs/`` meanwhile must clear ``on_disk``."""

    entities: EntityMemory = field(default_factory=EntityMemory)
    render: RenderMemory = field(default_factory=RenderMemory)
    on_disk: dict[str, str] = field(default_factory=dict)
    """Generated pages as they are in ``docs/``."""
    defer_rest: bool = False
    """Render only the article pages and new pages, leaving the others as they were for a build
    right after this one."""


def build(settings: Settings, *, check: bool = False, memory: BuildMemory | None = None) -> BuildResult:
    """Regenerate the dossier pages in ``settings.docs_dir`` from ``settings.seeds_dir``.

    With ``check`` nothing is written: the report lists what a build would change.
    """
    dossier, input_notes, timings = make_dossier(
        [settings.seeds_dir],
        max_file_bytes=settings.max_file_bytes,
        jobs=settings.jobs,
        cache_dir=settings.cache_dir,
        entity_memory=memory.entities if memory else None,
    )

    # Render: every page to a string first, so a failure here leaves docs/ untouched.
    clock = time.perf_counter()
    if memory:
        pages = render_site(dossier, memory=memory.render, defer_rest=memory.defer_rest)
    else:
        pages = render_site(dossier, jobs=settings.jobs)
    timings["render"] = time.perf_counter() - clock

    # Write: only what changed; never a page the editor wrote or edited.
    clock = time.perf_counter()
    plan = plan_site(pages, settings.docs_dir, memory.on_disk if memory else None)
    report = report_plan(plan) if check else apply_plan(plan, settings.docs_dir)
    if memory and not check:
        memory.on_disk = {path: text for path, text in pages.items() if path not in plan.kept}
    timings["write"] = time.perf_counter() - clock
    return BuildResult(dossier, report, input_notes, timings)
