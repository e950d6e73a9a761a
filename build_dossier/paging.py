"""Paging: cut a long listing into sub-pages of bounded length, so no page grows with the corpus.

A listing is a sequence of groups (a year, a letter, an outlet), each a list of rows. When the whole
listing fits on one page it stays there, so small dossiers look the same; otherwise every group is
cut into chunks of at most ``per_page`` rows, one sub-page each. Each sub-page links to its
neighbours, and the overview links to a bounded number of chunks per group, so the overview grows
with the number of groups, never with the number of rows. Sub-page names contain ``--``, which no
slug does (see :func:`build_dossier.slugs.slugify`), so they never collide with an entity's page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from build_dossier.slugs import unique_slugs

T = TypeVar("T")

MAX_OVERVIEW_LINKS = 12
"""Chunk links shown per group on the overview; past that the first ones and the last one, with "…"."""
OVERVIEW_LINK_BUDGET = 120
"""Chunk links on one overview in all: with many groups (kinds times letters) each group gets
fewer, down to its first and last page, so an overview's size is bounded by its group count."""


@dataclass(frozen=True)
class Chunk(Generic[T]):
    path: str
    group: str
    number: int
    """1-based position of the chunk in its group."""
    first: int
    """1-based position of the chunk's first row in its group."""
    total: int
    """Rows in the whole group."""
    rows: tuple[T, ...]
    previous: str | None
    next: str | None

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    @property
    def range_text(self) -> str:
        return f"{self.first}–{self.last} of {self.total}" if self.total > len(self.rows) else "all"


def fits(groups: Sequence[tuple[str, Sequence[object]]], per_page: int) -> bool:
    return sum(len(rows) for _, rows in groups) <= per_page


def chunk_groups(
    folder: str, stem: str, groups: Sequence[tuple[str, Sequence[T]]], per_page: int
) -> list[Chunk[T]]:
    """Groups cut into chunks of ``per_page`` rows, in order; paths ``folder/stem--group[--n].md``."""
    chunks: list[Chunk[T]] = []
    for (label, rows), slug in zip(
        groups, unique_slugs((label for label, _ in groups), "other"), strict=True
    ):
        starts = list(range(0, len(rows), per_page))
        paths = [
            f"{folder}/{stem}--{slug}" + (f"--{n}" if n > 1 else "") + ".md"
            for n in range(1, len(starts) + 1)
        ]
        for position, start in enumerate(starts):
            chunks.append(
                Chunk(
                    path=paths[position],
                    group=label,
                    number=position + 1,
                    first=start + 1,
                    total=len(rows),
                    rows=tuple(rows[start : start + per_page]),
                    previous=paths[position - 1] if position else None,
                    next=paths[position + 1] if position + 1 < len(paths) else None,
                )
            )
    return chunks


def by_group(chunks: Sequence[Chunk[T]]) -> list[tuple[str, list[Chunk[T]]]]:
    """Chunks gathered per group for an overview, keeping the order; long groups trimmed to a few links."""
    groups: dict[str, list[Chunk[T]]] = {}
    for chunk in chunks:
        groups.setdefault(chunk.group, []).append(chunk)
    return list(groups.items())


def links_per_group(groups: int) -> int:
    return max(3, min(MAX_OVERVIEW_LINKS, OVERVIEW_LINK_BUDGET // max(groups, 1)))


def shown_links(parts: Sequence[T], limit: int = MAX_OVERVIEW_LINKS) -> list[T | None]:
    """The parts a page links to, at most ``limit`` (3 or more); ``None`` stands for the run left
    out (reached by next links)."""
    if len(parts) <= limit:
        return list(parts)
    return [*parts[: limit - 2], None, parts[-1]]
