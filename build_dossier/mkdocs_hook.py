"""MkDocs hook: regenerate the dossier pages from ``seeds/`` before every build and ``serve`` reload.

It calls the same ``build()`` as the command line. Only changed pages are written, so ``mkdocs
serve`` settles after one reload instead of rebuilding in a loop. Set ``DOSSIER_SKIP_BUILD=1`` to
render the pages already in ``docs/`` without regenerating them (the benchmark does, to time
MkDocs alone).

MkDocs loads a hook once per process, so under ``mkdocs serve`` this module lives as long as the
server and remembers what the last build read and left: the reload that the generator's own
writes into ``docs/`` set off then finds nothing to do.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_dossier.errors import DossierError
from build_dossier.pipeline import FileStates, build, file_states
from build_dossier.render import TEMPLATE_DIR, reload_templates
from build_dossier.settings import make_settings

log = logging.getLogger("mkdocs.hooks.dossier")

_last_build: dict[str, FileStates] = {}
"""States of the files the last build in this process read (before it) and left (after it)."""


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
    if _last_build and _last_build == {**read, "pages": file_states(*settings.generated_paths)}:
        log.info("dossier: seeds, templates and generated pages unchanged since the last build")
        return
    if _last_build and _last_build["templates"] != read["templates"]:
        reload_templates()
    _last_build.clear()
    try:
        result = build(settings)
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
