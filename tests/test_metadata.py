"""The editorial sidecar: values reach the articles; every malformed file is one clear error line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_dossier.errors import ConfigError
from build_dossier.ingest import ingest_paths
from build_dossier.metadata import ArticleMetadata, read_metadata

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STORY = "Gunmen storm beach hotel\n\nSOUSSE, Tunisia (Reuters) - Gunmen opened fire on a beach hotel.\n"


def folder_with(tmp_path: Path, sidecar: str) -> Path:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "metadata.yml").write_text(sidecar, encoding="utf-8")
    return tmp_path


def test_seed_sidecar_holds_the_editors_facts() -> None:
    names = {path.name for path in SEEDS.iterdir()}
    entries = read_metadata(SEEDS / "metadata.yml", names)
    assert entries == {
        "000_fe18888c8ddb37dd.txt": ArticleMetadata(outlet="AFP", published=dt.date(2015, 8, 8)),
        "001_bc9a96e95c9a8bcb.txt": ArticleMetadata(
            outlet="Arutz Sheva (Israel National News)", relayed_from="AFP", published=dt.date(2015, 11, 20)
        ),
        "002_a512f057f7c8f4b8.txt": ArticleMetadata(outlet="Reuters", published=dt.date(2015, 11, 20)),
    }
    assert (SEEDS / "metadata.yml").read_text(encoding="utf-8").startswith("# ")  # the format is documented


def test_sidecar_overrides_what_the_text_says(tmp_path: Path) -> None:
    folder_with(
        tmp_path,
        "a.txt:\n  title: Beach attack\n  outlet: Le Monde\n  relayed_from: AFP\n"
        "  published: '2015-06-26'\n  url: https://example.org/beach\n",
    )
    (article,) = ingest_paths([tmp_path], max_file_bytes=10**6).articles
    assert (article.title, article.outlet, article.relayed_from) == ("Beach attack", "Le Monde", "AFP")
    assert (article.published, article.url, article.dateline) == (
        dt.date(2015, 6, 26),
        "https://example.org/beach",
        "Sousse",
    )


def test_dateline_agency_becomes_relayed_when_the_sidecar_names_another_outlet(tmp_path: Path) -> None:
    folder_with(tmp_path, "a.txt:\n  outlet: Le Monde\n")
    (article,) = ingest_paths([tmp_path / "a.txt"], max_file_bytes=10**6).articles  # sidecar beside a file
    assert (article.outlet, article.relayed_from) == ("Le Monde", "Reuters")


@pytest.mark.parametrize("sidecar", ["", "# only a comment\n", "a.txt:\n"])
def test_empty_sidecar_or_entry_is_no_metadata(tmp_path: Path, sidecar: str) -> None:
    folder_with(tmp_path, sidecar)
    (article,) = ingest_paths([tmp_path], max_file_bytes=10**6).articles
    assert (article.outlet, article.published) == ("Reuters", None)


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("a.txt:\n  outlet: AFP\n bad indent: x\n", "metadata.yml:3: not valid YAML"),
        ("a.txt: [unclosed\n", "metadata.yml:2: not valid YAML"),
        ("a.txt:\n  published: 2015-02-30\n", "metadata.yml:2: a.txt: published: '2015-02-30' is not a date"),
        ("a.txt:\n  published: 20150208\n", "metadata.yml:2: a.txt: published: '20150208' is not a date"),
        ("a.txt:\n  published: last week\n", "metadata.yml:2: a.txt: published: 'last week' is not a date"),
        ("b.txt:\n  outlet: AFP\n", "metadata.yml:1: b.txt: no such article file"),
        ("a.txt:\n  outlt: AFP\n", "metadata.yml:2: a.txt: outlt: unknown field"),
        ("a.txt:\n  outlet: [AFP, Reuters]\n", "metadata.yml:2: a.txt: outlet: expected a single text value"),
        ("a.txt:\n  outlet: AFP\n  outlet: Reuters\n", "metadata.yml:3: a.txt: outlet: given twice"),
        ("a.txt:\n  outlet: AFP\na.txt:\n  outlet: AP\n", "metadata.yml:3: a.txt: listed twice"),
        (
            "a.txt:\n  url: javascript:alert(1)\n",
            "metadata.yml:2: a.txt: url: 'javascript:alert(1)' is not an http",
        ),
        ("a.txt:\n  url: https://\n", "metadata.yml:2: a.txt: url: 'https://' is not an http"),
        ("a.txt: AFP\n", "metadata.yml:1: a.txt: expected fields"),
        ("- a list\n", "metadata.yml:1: expected a mapping"),
    ],
)
def test_malformed_sidecar_names_file_line_and_field(tmp_path: Path, sidecar: str, message: str) -> None:
    folder_with(tmp_path, sidecar)
    with pytest.raises(ConfigError) as raised:
        ingest_paths([tmp_path], max_file_bytes=10**6)
    assert message in str(raised.value)
    assert str(tmp_path) in str(raised.value) and "\n" not in str(raised.value)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder_with(tmp_path, "a.txt:\n  outlt: AFP\n  published: 2015-13-01\nz.txt:\n  outlet: AP\n")
    with pytest.raises(ConfigError) as raised:
        ingest_paths([tmp_path], max_file_bytes=10**6)
    message = str(raised.value)
    assert ":2: a.txt: outlt:" in message and ":3: a.txt: published:" in message and ":4: z.txt:" in message


def test_sidecar_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    folder_with(tmp_path, "")
    (tmp_path / "metadata.yml").write_bytes(b"a.txt:\n  title: S\xe9var\xe9\n")
    with pytest.raises(ConfigError, match="metadata.yml: not valid YAML"):
        ingest_paths([tmp_path], max_file_bytes=10**6)
