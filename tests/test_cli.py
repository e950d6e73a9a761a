"""The command line: documented, one-line errors, documented exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from build_dossier.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    assert re.search(rf"^\| `{name}\b", README.read_text(encoding="utf-8"), re.M), name


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_help_ends_with_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    description = result.output.split("Options:")[0].strip()
    assert description.splitlines()[-1].strip().startswith("Example: python -m build_dossier " + name)


def test_missing_seeds_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--seeds", str(tmp_path / "nope"), "--docs", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "nope" in result.output and "does not exist" in result.output
    assert "Traceback" not in result.output


def test_bad_option_is_usage_error_exit_2() -> None:
    result = CliRunner().invoke(main, ["build", "--no-such-option"])
    assert result.exit_code == 2


def test_bench_rejects_bad_sizes() -> None:
    result = CliRunner().invoke(main, ["bench", "--sizes", "ten"])
    assert result.exit_code == 2 and "--sizes" in result.output


def test_extract_works_from_a_folder_without_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "Gunmen killed at least 12 people in Velsa on Friday, police said.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"low": 12' in result.stdout
