"""The whole build on the seeds: determinism, only-changed writes, hand-written pages, bad input."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from build_dossier.errors import ConfigError
from build_dossier.pipeline import build
from build_dossier.settings import make_settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_two_builds_are_byte_identical_and_jobs_do_not_matter(seeds: Path, tmp_path: Path) -> None:
    build(make_settings(seeds, tmp_path / "one", cache=False))
    build(make_settings(seeds, tmp_path / "two", jobs=2, cache=False))
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert len(one) > 20
    assert one == two


def test_rebuild_with_nothing_changed_writes_nothing(seeds: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = build(make_settings(seeds, docs))
    assert first.report.written
    second = build(make_settings(seeds, docs))
    assert second.report.written == () and second.report.removed == ()
    assert second.report.unchanged == len(first.report.written)


def test_editing_one_article_rewrites_only_affected_pages(seeds: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = build(make_settings(seeds, docs))
    article = sorted(seeds.glob("*.txt"))[0]
    article.write_text(
        article.read_text(encoding="utf-8") + "\nA final sentence was added.\n", encoding="utf-8"
    )
    second = build(make_settings(seeds, docs))
    assert 0 < len(second.report.written) < len(first.report.written)
    assert any(path.startswith("sources/") for path in second.report.written)


def test_removed_article_removes_its_source_page(seeds: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    build(make_settings(seeds, docs))
    before = set(snapshot(docs / "sources"))
    victim = sorted(seeds.glob("*.txt"))[-1]
    victim.unlink()
    sidecar = seeds / "metadata.yml"
    kept = [line for line in sidecar.read_text().splitlines(keepends=True)]
    text, skipping = "", False
    for line in kept:
        if line.startswith(victim.name):
            skipping = True
            continue
        if skipping and line.startswith("  "):
            continue
        skipping = False
        text += line
    sidecar.write_text(text)
    result = build(make_settings(seeds, docs))
    after = set(snapshot(docs / "sources"))
    assert len(after) == len(before) - 1
    assert any(path.startswith("sources/") for path in result.report.removed)


def test_hand_written_pages_survive(seeds: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# Notes of the editor\n")
    (docs / "index.md").write_text("# My own home page\n")
    result = build(make_settings(seeds, docs))
    assert (docs / "about.md").read_text() == "# Notes of the editor\n"
    assert (docs / "index.md").read_text() == "# My own home page\n"
    assert any("index.md" in warning and "by hand" in warning for warning in result.warnings)


def test_bad_sidecar_stops_before_anything_is_written(seeds: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    build(make_settings(seeds, docs))
    before = snapshot(docs)
    (seeds / "metadata.yml").write_text("000_fe18888c8ddb37dd.txt:\n  published: yesterday\n")
    with pytest.raises(ConfigError, match="metadata.yml:2"):
        build(make_settings(seeds, docs))
    assert snapshot(docs) == before


def test_bad_files_are_skipped_and_the_rest_builds(seeds: Path, tmp_path: Path) -> None:
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = build(make_settings(seeds, tmp_path / "docs"))
    assert len(result.dossier.articles) == 3
    assert sorted(w.split(":")[0].rsplit("/", 1)[-1] for w in result.input_notes) == [
        "empty.txt",
        "image.txt",
    ]


def test_duplicate_article_is_not_double_counted(seeds: Path, tmp_path: Path) -> None:
    plain = build(make_settings(seeds, tmp_path / "plain")).dossier
    original = sorted(seeds.glob("*.txt"))[1]
    shutil.copy(original, seeds / "zz copy of an article.txt")
    doubled = build(make_settings(seeds, tmp_path / "doubled")).dossier
    assert len(doubled.articles) == len(plain.articles)
    assert len(doubled.claims) == len(plain.claims)
    assert doubled.duplicates == (("zz-copy-of-an-article", original.stem.replace("_", "-")),)


def _count_extracted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record how many articles each build hands to the extractor."""
    from build_dossier import pipeline

    counts: list[int] = []
    real = pipeline.extract_all

    def counting(articles, lexicon, jobs=1):  # noqa: ANN001, ANN202
        counts.append(len(articles))
        return real(articles, lexicon, jobs=jobs)

    monkeypatch.setattr(pipeline, "extract_all", counting)
    return counts


def _cache_rows(tmp_path: Path) -> list[tuple[str, bytes]]:
    from build_dossier.cache import DATABASE_NAME

    database = tmp_path / ".dossier-cache" / DATABASE_NAME
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute("SELECT key, value FROM entries ORDER BY key").fetchall()


def test_cache_reuses_unchanged_articles_with_identical_pages(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = _count_extracted(monkeypatch)
    build(make_settings(seeds, tmp_path / "cold"))
    assert len(_cache_rows(tmp_path)) == 3
    build(make_settings(seeds, tmp_path / "warm"))
    build(make_settings(seeds, tmp_path / "uncached", cache=False))
    assert counts == [3, 0, 3]
    assert snapshot(tmp_path / "cold") == snapshot(tmp_path / "warm") == snapshot(tmp_path / "uncached")

    article = sorted(seeds.glob("*.txt"))[1]
    before = {key for key, _ in _cache_rows(tmp_path)}
    article.write_text(
        article.read_text(encoding="utf-8") + "\nSeven people were wounded.\n", encoding="utf-8"
    )
    build(make_settings(seeds, tmp_path / "edited"))
    build(make_settings(seeds, tmp_path / "edited-uncached", cache=False))
    assert counts[3:] == [1, 3]
    assert snapshot(tmp_path / "edited") == snapshot(tmp_path / "edited-uncached")
    after = {key for key, _ in _cache_rows(tmp_path)}
    assert len(after) == 3 and len(after - before) == 1, "the entry of the old text is replaced"


def test_a_build_with_jobs_stores_the_cache_from_another_process(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from build_dossier import cache

    savers = tmp_path / "savers.txt"
    real_save = cache._save

    def recording_save(*args):  # noqa: ANN002, ANN202
        with savers.open("a") as record:
            record.write(f"{os.getpid()}\n")
        return real_save(*args)

    monkeypatch.setattr(cache, "_save", recording_save)
    counts = _count_extracted(monkeypatch)
    build(make_settings(seeds, tmp_path / "parallel", jobs=2))
    assert len(_cache_rows(tmp_path)) == 3, "complete when the build returns"
    assert savers.read_text().split() != [str(os.getpid())]
    assert len(savers.read_text().split()) == 1
    build(make_settings(seeds, tmp_path / "again"))
    assert counts == [3, 0]
    assert snapshot(tmp_path / "parallel") == snapshot(tmp_path / "again")


def test_without_a_process_to_spare_the_cache_is_stored_in_the_build_itself(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing
    from types import SimpleNamespace

    from build_dossier import cache

    class ProcessThatCannotStart:
        def __init__(self, **_: object) -> None:
            pass

        def start(self) -> None:
            raise OSError("Resource temporarily unavailable")

    no_processes = SimpleNamespace(
        get_all_start_methods=multiprocessing.get_all_start_methods,
        get_context=lambda method: SimpleNamespace(Process=ProcessThatCannotStart),
    )
    monkeypatch.setattr(cache, "multiprocessing", no_processes)
    build(make_settings(seeds, tmp_path / "parallel", jobs=2))
    assert len(_cache_rows(tmp_path)) == 3


def test_a_cache_that_cannot_be_written_does_not_stop_a_build_with_jobs(seeds: Path, tmp_path: Path) -> None:
    (tmp_path / ".dossier-cache").write_text("a file where the cache folder would be")
    build(make_settings(seeds, tmp_path / "parallel", jobs=2))
    build(make_settings(seeds, tmp_path / "uncached", cache=False))
    assert snapshot(tmp_path / "parallel") == snapshot(tmp_path / "uncached")


def test_a_damaged_cache_entry_is_extracted_again(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from build_dossier.cache import DATABASE_NAME

    build(make_settings(seeds, tmp_path / "first"))
    database = tmp_path / ".dossier-cache" / DATABASE_NAME
    damaged_key = _cache_rows(tmp_path)[0][0]
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE entries SET value = ? WHERE key = ?", (b"not a pickle", damaged_key))
    counts = _count_extracted(monkeypatch)
    build(make_settings(seeds, tmp_path / "second"))
    assert counts == [1]
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "second")
    assert dict(_cache_rows(tmp_path))[damaged_key] != b"not a pickle", "the entry is written again"


def test_a_damaged_cache_database_is_started_again(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from build_dossier.cache import DATABASE_NAME

    build(make_settings(seeds, tmp_path / "first"))
    (tmp_path / ".dossier-cache" / DATABASE_NAME).write_bytes(b"not a database at all" * 100)
    counts = _count_extracted(monkeypatch)
    build(make_settings(seeds, tmp_path / "second"))
    build(make_settings(seeds, tmp_path / "third"))
    assert counts == [3, 0]
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "second") == snapshot(tmp_path / "third")
    assert len(_cache_rows(tmp_path)) == 3


def test_a_second_build_in_one_process_reuses_what_it_read(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under ``mkdocs serve``: unchanged entries are not unpickled again, pages stay identical."""
    from build_dossier import cache

    build(make_settings(seeds, tmp_path / "first"))
    loads: list[bytes] = []
    real_loads = cache.pickle.loads

    def counting_loads(data: bytes) -> object:
        loads.append(data)
        return real_loads(data)

    monkeypatch.setattr(cache.pickle, "loads", counting_loads)
    counts = _count_extracted(monkeypatch)
    build(make_settings(seeds, tmp_path / "second"))
    assert counts == [0]
    assert loads == []
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "second")

    database = tmp_path / ".dossier-cache" / cache.DATABASE_NAME
    database.write_bytes(database.read_bytes())  # written by someone else: read again, not trusted
    build(make_settings(seeds, tmp_path / "third"))
    assert len(loads) == 3
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "third")
