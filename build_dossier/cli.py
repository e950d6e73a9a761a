"""Thin command line: each command calls one library function and turns user errors into one line.

Exit codes: 0 done; 1 done, but with warnings and ``--strict`` given; 2 bad usage or configuration.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from build_dossier.errors import DossierError
from build_dossier.export import dossier_json, dumps_json
from build_dossier.pipeline import build, make_dossier
from build_dossier.settings import MAX_FILE_BYTES, make_settings

EXIT_WARNINGS = 1
EXIT_USAGE = 2


def _fail(error: DossierError) -> None:
    click.echo(f"Error: {error}", err=True)
    sys.exit(EXIT_USAGE)


def _warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def extract_json(paths: list[Path], jobs: int = 1) -> dict:
    """The public JSON of the dossier built from ``paths`` (files or folders); warnings go to stderr."""
    dossier, warnings, _ = make_dossier(paths, max_file_bytes=MAX_FILE_BYTES, jobs=jobs)
    _warn(warnings)
    return dossier_json(dossier)


@click.group()
@click.version_option(package_name="build-dossier")
def main() -> None:
    """Build an incident dossier (a MkDocs site) from news articles."""


@main.command("build")
@click.option(
    "--seeds", "seeds_dir", default="seeds", show_default=True, help="Folder of article .txt files."
)
@click.option(
    "--docs", "docs_dir", default="docs", show_default=True, help="MkDocs docs folder to write into."
)
@click.option(
    "--jobs",
    default=1,
    show_default=True,
    help="Processes for reading, extraction and rendering (same output for any value).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the pages in docs/ are not up to date.")
@click.option("--strict", is_flag=True, help="Exit 1 when the build gave warnings.")
@click.option(
    "--no-cache", is_flag=True, help="Extract every article again instead of reusing .dossier-cache/."
)
def build_command(
    seeds_dir: str, docs_dir: str, jobs: int, check: bool, strict: bool, no_cache: bool
) -> None:
    """Regenerate the dossier pages in DOCS from the articles in SEEDS.

    Only changed pages are written; pages written or edited by hand are never overwritten.

    Example: python -m build_dossier build --seeds seeds --docs docs
    """
    try:
        result = build(make_settings(seeds_dir, docs_dir, jobs=jobs, cache=not no_cache), check=check)
    except DossierError as error:
        _fail(error)
    _warn(result.warnings)
    report, dossier = result.report, result.dossier
    verb = "would write" if check else "wrote"
    click.echo(
        f"{len(dossier.articles)} articles, {len(dossier.incidents)} incidents, "
        f"{len(dossier.actors)} actors, "
        f"{len(dossier.places)} places, {len(dossier.claims)} claims; "
        f"{verb} {len(report.written)} pages, removed {len(report.removed)}, {report.unchanged} unchanged"
    )
    if check and (report.written or report.removed):
        for path in report.written + report.removed:
            click.echo(f"out of date: {path}", err=True)
        sys.exit(EXIT_WARNINGS)
    if strict and result.warnings:
        sys.exit(EXIT_WARNINGS)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--jobs", default=1, show_default=True, help="Processes for reading and extraction.")
def extract_command(paths: tuple[Path, ...], output_format: str, jobs: int) -> None:
    """Print the structured dossier of the given article files or folders.

    The JSON has lists articles, actors, places, incidents and claims (see README, "Data format").

    Example: python -m build_dossier extract seeds/ --format json
    """
    try:
        click.echo(dumps_json(extract_json(list(paths), jobs=jobs)), nl=False)
    except DossierError as error:
        _fail(error)


@main.command("evaluate")
@click.option(
    "--eval-dir",
    default="tests/eval",
    show_default=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with articles/ and gold/.",
)
def evaluate_command(eval_dir: Path) -> None:
    """Score extraction against hand-made gold annotations: precision, recall, F1, misses, false hits.

    Example: python -m build_dossier evaluate --eval-dir tests/eval
    """
    from build_dossier.evaluate import evaluate, format_report

    try:
        click.echo(format_report(evaluate(eval_dir, extract_json)))
    except DossierError as error:
        _fail(error)


@main.command("bench")
@click.option("--sizes", default="100,1000,10000", show_default=True, help="Corpus sizes, comma-separated.")
@click.option("--jobs", default=1, show_default=True, help="Processes for reading, extraction and rendering.")
@click.option("--workdir", default="bench-out", show_default=True, type=click.Path(path_type=Path))
@click.option(
    "--edits",
    default=5,
    show_default=True,
    type=click.IntRange(min=1),
    help="Edits timed under mkdocs serve.",
)
def bench_command(sizes: str, jobs: int, workdir: Path, edits: int) -> None:
    """Build synthetic dossiers of several sizes and print speed, memory and size figures.

    Example: python -m build_dossier bench --sizes 100,1000 --workdir /tmp/bench
    """
    from build_dossier.bench import format_rows, run_bench

    try:
        counts = [int(size) for size in sizes.split(",") if size.strip()]
    except ValueError as error:
        message = f"{sizes!r} is not a comma-separated list of numbers"
        raise click.BadParameter(message, param_hint="--sizes") from error
    rows = run_bench(counts, workdir=workdir, jobs=jobs, edits=edits, out=sys.stdout)
    click.echo(format_rows(rows))
