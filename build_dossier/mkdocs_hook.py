"""MkDocs hook: regenerate the dossier pages from ``seeds/`` before every build and ``serve`` reload.

It calls the same ``build()`` as the command line. Only changed pages are written, so ``mkdocs
serve`` settles after one reload instead of rebuilding in a loop. Set ``DOSSIER_SKIP_BUILD=1`` to
render the pages already in ``docs/`` without regenerating them (the benchmark does, to time
MkDocs alone).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_dossier.errors import DossierError
from build_dossier.pipeline import build
from build_dossier.settings import make_settings

log = logging.getLogger("mkdocs.hooks.dossier")


def on_pre_build(config: MkDocsConfig) -> None:
    if os.environ.get("DOSSIER_SKIP_BUILD") == "1":
        return
    project = Path(config.config_file_path).parent
    seeds = project / config.extra.get("dossier_seeds", "seeds")
    try:
        result = build(make_settings(seeds, config.docs_dir))
    except DossierError as error:
        raise PluginError(f"dossier: {error}") from error
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
