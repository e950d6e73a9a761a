"""Resolve: merge mentions into actors and places, group claims into incidents, find conflicts."""

from __future__ import annotations

from collections.abc import Sequence

from build_dossier.lexicon import Lexicon
from build_dossier.model import Dossier, Extraction
from build_dossier.processes import collector_paused
from build_dossier.resolve.entities import EntityMemory, resolve_entities
from build_dossier.resolve.incidents import group_incidents


def resolve(
    extractions: Sequence[Extraction],
    lexicon: Lexicon,
    duplicates: tuple[tuple[str, str], ...] = (),
    memory: EntityMemory | None = None,
) -> Dossier:
    """One record per real-world actor, place and incident across all articles; ``memory``
    carries what can be reused from one resolution to the next (see :class:`EntityMemory`)."""
    with collector_paused():
        entities = resolve_entities(extractions, lexicon, memory)
        incidents, claims, conflicts = group_incidents(extractions, entities, lexicon)
    return Dossier(
        articles=tuple(extraction.article for extraction in extractions),
        actors=entities.actors,
        places=entities.places,
        incidents=incidents,
        claims=claims,
        conflicts=conflicts,
        extractions=tuple(extractions),
        duplicates=duplicates,
    )
