"""MkDocs hook: regenerate the dossier pages from ``seeds/`` before every build and ``serve`` reload.

It calls the same ``build()`` as the command line. Only changed pages are written, so ``mkdocs
serve`` settles after one reload instead of rebuilding in a loop. Set ``DOSSIER_SKIP_BUILD=1`` to
render the pages already in ``docs/`` without regenerating them (the benchmark does, to time
MkDocs alone).

MkDocs loads a hook once per process, so under ``mkdocs serve`` this module lives as long as the
server and remembers what the last build read, rendered and left: an edit renders again only the
pages that read something it changed, the article's own page first and the rest in the reload
that the generator's own writes into ``docs/`` set off. On a dossier searched with Pagefind, a
reload builds only the changed files into the site (:mod:`build_dossier.preview`) unless the
configuration changed or the navigation would; then MkDocs builds the whole site as usual. The
server learns of a save from the operating system instead of polling
(:func:`build_dossier.preview.watch_natively`).
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from build_dossier import preview
from build_dossier.errors import DossierError
from build_dossier.pipeline import BuildMemory, FileStates, build, file_states
from build_dossier.processes import collector_paused
from build_dossier.render import TEMPLATE_DIR, reload_templates
from build_dossier.settings import make_settings

log = logging.getLogger("mkdocs.hooks.dossier")

_last_build: dict[str, FileStates] = {}
"""States of the files the last build in this process read (before it) and left (after it)."""


@dataclass
class Serving:
    """What a ``mkdocs serve`` process keeps between builds (nothing under ``mkdocs build``)."""

    memory: BuildMemory | None = None
    """The generator's memory of its last build."""
    last: preview.LastBuild | None = None
    """MkDocs's last whole build."""


_serving = Serving()


def on_startup(command: str, dirty: bool) -> None:
    _serving.memory = BuildMemory() if command == "serve" else None
    _serving.last = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _watcher(config)  # a wrong setting fails every command, not only serve
    return config


def _watcher(config: MkDocsConfig) -> str:
    """How ``mkdocs serve`` learns of a save: ``native`` notifications, or MkDocs's ``polling``."""
    watcher = config.extra.get("dossier_watcher", "native")
    if watcher not in ("native", "polling"):
        raise PluginError(f"dossier: extra.dossier_watcher must be native or polling, not {watcher!r}")
    return watcher


def on_pre_build(config: MkDocsConfig) -> None:
    if os.environ.get("DOSSIER_SKIP_BUILD") == "1":
        return
    project = Path(config.config_file_path).parent
    seeds = project / config.extra.get("dossier_seeds", "seeds")
    try:
        settings = make_settings(seeds, config.docs_dir)
    except DossierError as error:
        raise PluginError(f"dossier: {error}") from error
    read = {"seeds": file_states(settings.seeds_dir), "templates": file_states(TEMPLATE_DIR)}
    pages = file_states(*settings.generated_paths)
    memory = _serving.memory
    due = memory is not None and memory.render.rest_due
    if _last_build and _last_build == {**read, "pages": pages} and not due:
        log.info("dossier: seeds, templates and generated pages unchanged since the last build")
        return
    if _last_build and _last_build["templates"] != read["templates"]:
        reload_templates()
        if memory:
            memory.render.forget()
    if memory and _last_build.get("pages") != pages:
        memory.on_disk.clear()  # someone else wrote there: compare every page with docs/ again
    _last_build.clear()
    try:
        result = build(settings, memory=memory)
    except DossierError as error:
        raise PluginError(f"dossier: {error}") from error
    _last_build.update(read, pages=file_states(*settings.generated_paths))
    # Skipped inputs are reported but do not fail `--strict`; pages that an editor changed by
    # hand and that the generator therefore left alone do.
    for note in result.input_notes:
        log.info(f"dossier: {note}")
    for warning in result.report.warnings:
        log.warning(f"dossier: {warning}")
    report = result.report
    log.info(
        f"dossier: {len(result.dossier.articles)} articles -> wrote {len(report.written)} pages, "
        f"removed {len(report.removed)}, {report.unchanged} unchanged "
        f"({', '.join(f'{stage} {seconds:.1f} s' for stage, seconds in result.timings.items())})"
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _serving.memory:
        docs, config_file = preview.docs_states(config)
        _serving.last = preview.LastBuild(config, files, docs, config_file)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _serving.last:
        _serving.last.nav = nav
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if _serving.last:
        _serving.last.env = env
    return env


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    if _watcher(config) == "native" and not preview.watch_natively(server):
        log.info("dossier: file-change notifications do not work here; MkDocs polls for changes")
    server.builder = partial(_reload, builder)
    _settle_heap()  # after the first build
    return server


def on_build_error(error: Exception) -> None:
    _serving.last = None  # half a build: the next reload builds the whole site


def _reload(build_everything: Callable[[], None], *, rest_later: bool = True) -> None:
    """A reload of ``mkdocs serve``: the changed files only when :mod:`build_dossier.preview` can.

    The first reload after an edit renders the article pages and the pages that are new, and puts
    off the rest (the overviews, and the incident, actor and place pages the edit changed), so
    the edited article's page shows a second sooner. Its writes into ``docs/`` set off the next
    reload, which brings the rest up to date; MkDocs serves the waiting browser the
    pages of the first one before it starts the next. That one then settles the heap.
    """
    last, memory = _serving.last, _serving.memory
    if last is None or memory is None or not preview.can_build_changed(last):
        build_everything()
    else:
        with collector_paused():
            changes = _build_changes(last, memory, rest_later=rest_later)
        if changes is None:
            build_everything()
        elif memory.render.rest_due:
            if not changes:  # no write of ours will set off the next reload
                _reload(build_everything, rest_later=False)
            return
    _settle_heap()


def _build_changes(
    last: preview.LastBuild, memory: BuildMemory, *, rest_later: bool
) -> preview.Changes | None:
    """Regenerate the pages, then build the files of ``docs/`` that changed into the site; None,
    having built nothing into the site, when MkDocs must build the whole site."""
    started = time.perf_counter()
    config = last.config
    memory.defer_rest = rest_later and not memory.render.rest_due
    try:
        config.plugins.on_pre_build(config=config)  # the generator writes the pages the edit changed
    finally:
        memory.defer_rest = False
    docs, config_file = preview.docs_states(config)
    changes = preview.changes_between(last.docs, docs)
    if config_file != last.config_file or not preview.build_changed(last, changes):
        return None
    last.docs = docs
    if not memory.render.rest_due:  # else the reload right behind this one runs it
        config.plugins.on_post_build(config=config)
    log.info(
        f"dossier: built {len(changes.changed)} changed, {len(changes.added)} new and "
        f"{len(changes.removed)} removed files in {time.perf_counter() - started:.2f} s"
        + (", the rest next" if memory.render.rest_due else "")
    )
    return changes


def _settle_heap() -> None:
    """Collect the garbage of the last builds, then keep what is alive (MkDocs's pages, the
    generator's memory) out of the cycle collector's passes until the next settling. A pass over
    that heap took half a second of the next edit's reload at 1,000 articles; reloads run with
    the collector paused, and the one that ends an edit's reloads settles again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
