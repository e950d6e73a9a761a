"""Rendering again with a memory of the last render gives the pages a fresh render gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_dossier.pipeline import BuildMemory, build, make_dossier
from build_dossier.render import render_site
from build_dossier.rerender import RenderMemory
from build_dossier.settings import make_settings
from build_dossier.slugs import slugify
from build_dossier.synthetic import generate, write_corpus


def _dossier(seeds: Path):  # type: ignore[no-untyped-def]
    return make_dossier([seeds], max_file_bytes=1 << 20)[0]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    write_corpus(generate(60, seed=7), folder)
    return folder


EDITS = [
    # a new person in one article: a new actor page, the letter's listings, the incident's actors
    (5, "\nA spokesman named Qorvath Ulmendi said the attackers had fled.\n"),
    # a new, conflicting figure: the incident's claims and its conflicts
    (17, "\nPolice later said 93 people were killed in the attack.\n"),
    # a sentence with no name or figure: that article's page and what quotes it
    (40, "\nThe streets were quiet on the next morning.\n"),
]


def test_each_edit_renders_what_a_fresh_render_does_and_reuses_most_parts(seeds: Path) -> None:
    memory = RenderMemory()
    render_site(_dossier(seeds), memory=memory)
    everything = memory.rendered
    articles = sorted(seeds.glob("*.txt"))
    for position, sentence in EDITS:
        article = articles[position]
        article.write_text(article.read_text(encoding="utf-8") + sentence, encoding="utf-8")
        dossier = _dossier(seeds)
        fresh = render_site(dossier)
        assert render_site(dossier, memory=memory) == fresh
        assert 0 < memory.rendered < everything / 3, (memory.rendered, everything)
    assert render_site(_dossier(seeds), memory=memory) == render_site(_dossier(seeds))
    assert memory.rendered == 11  # nothing changed: only the overviews, which render every time


def test_put_off_parts_keep_their_last_pages_until_the_next_render(seeds: Path) -> None:
    memory = RenderMemory()
    before = render_site(_dossier(seeds), memory=memory)
    article = sorted(seeds.glob("*.txt"))[23]
    article.write_text(article.read_text(encoding="utf-8") + EDITS[0][1], encoding="utf-8")
    dossier = _dossier(seeds)
    fresh = render_site(dossier)
    first = render_site(dossier, memory=memory, defer_rest=True)
    assert memory.rest_due
    assert first["index.md"] == before["index.md"] != fresh["index.md"]  # the home page counts actors
    page = f"sources/{slugify(article.stem)}.md"
    assert first[page] == fresh[page] != before[page]
    new_pages = set(fresh) - set(before)
    assert new_pages and all(first[path] == fresh[path] for path in new_pages)  # the new person's page
    stale = [path for path in before if path in fresh and first[path] == before[path] != fresh[path]]
    assert any(path.startswith("incidents/") for path in stale)  # the incident's actors, put off
    assert render_site(dossier, memory=memory) == fresh and not memory.rest_due


def test_a_part_put_off_is_rendered_next_time_even_if_another_read_its_change(seeds: Path) -> None:
    memory = RenderMemory()
    render_site(_dossier(seeds), memory=memory)
    articles = sorted(seeds.glob("*.txt"))
    for position, sentence in EDITS:
        article = articles[position]
        article.write_text(article.read_text(encoding="utf-8") + sentence, encoding="utf-8")
        render_site(_dossier(seeds), memory=memory, defer_rest=True)
    dossier = _dossier(seeds)
    assert render_site(dossier, memory=memory) == render_site(dossier)


def test_a_build_with_memory_compares_only_what_it_did_not_write_itself(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    write_corpus(generate(20, seed=3), seeds)
    settings = make_settings(seeds, tmp_path / "docs", cache=False)
    memory = BuildMemory()
    first = build(settings, memory=memory)
    assert memory.on_disk and len(first.report.written) == len(memory.on_disk)
    hand_edited = tmp_path / "docs" / next(p for p in sorted(memory.on_disk) if p.startswith("actors/"))
    hand_edited.write_text("# Written by an editor\n", encoding="utf-8")
    memory.on_disk.clear()  # as the MkDocs hook does when a generated page changed under it
    again = build(settings, memory=memory)
    assert again.report.written == () and any("edited by hand" in w for w in again.warnings)
    assert hand_edited.read_text(encoding="utf-8") == "# Written by an editor\n"
    assert str(hand_edited.relative_to(tmp_path / "docs")) not in memory.on_disk
