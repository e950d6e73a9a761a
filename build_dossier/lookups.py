"""Lookups over a resolved Dossier, built once so that no page has to scan the whole dossier."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from build_dossier.model import Article, ClaimRecord, Conflict, Dossier, Entity, Incident


@dataclass(frozen=True)
class Index:
    """Every lookup the pages need, built once per dossier."""

    articles: dict[str, Article]
    actors: dict[str, Entity]
    places: dict[str, Entity]
    incidents: dict[str, Incident]
    claims: dict[str, ClaimRecord]
    claims_by_incident: dict[str, list[ClaimRecord]]
    claims_by_article: dict[str, list[ClaimRecord]]
    conflicts_by_incident: dict[str, list[Conflict]]
    incidents_by_article: dict[str, list[str]]
    incidents_by_actor: dict[str, list[str]]
    incidents_at_place: dict[str, list[str]]
    children_of_place: dict[str, list[str]]
    links_in_sentence: dict[tuple[str, int], list[tuple[int, int, str]]]
    """(article, sentence) -> (start, end, docs path of the entity page), in text order."""
    duplicate_of: dict[str, str]

    @classmethod
    def build(cls, dossier: Dossier) -> Index:
        articles = {a.id: a for a in dossier.articles}
        actors = {e.id: e for e in dossier.actors}
        places = {e.id: e for e in dossier.places}
        incidents = {i.id: i for i in dossier.incidents}
        claims = {c.id: c for c in dossier.claims}
        claims_by_incident: dict[str, list[ClaimRecord]] = {}
        claims_by_article: dict[str, list[ClaimRecord]] = {}
        for record in sorted(dossier.claims, key=_claim_order):
            if record.incident:
                claims_by_incident.setdefault(record.incident, []).append(record)
            claims_by_article.setdefault(record.claim.span.article, []).append(record)
        conflicts_by_incident: dict[str, list[Conflict]] = {}
        for conflict in sorted(dossier.conflicts, key=lambda c: (c.incident, c.kind, c.subject, c.claims)):
            conflicts_by_incident.setdefault(conflict.incident, []).append(conflict)

        incidents_by_article: dict[str, list[str]] = {}
        incidents_by_actor: dict[str, list[str]] = {}
        incidents_at_place: dict[str, list[str]] = {}
        for incident in sorted(dossier.incidents, key=incident_order):
            for article_id in incident.sources:
                incidents_by_article.setdefault(article_id, []).append(incident.id)
            for actor_id in sorted(set(incident.actors) | set(incident.perpetrators)):
                incidents_by_actor.setdefault(actor_id, []).append(incident.id)
            for place_id in places_of(incident, places):
                incidents_at_place.setdefault(place_id, []).append(incident.id)

        children_of_place: dict[str, list[str]] = {}
        for place in sorted(dossier.places, key=lambda p: (p.name.casefold(), p.id)):
            if place.parent and place.parent in places and place.parent != place.id:
                children_of_place.setdefault(place.parent, []).append(place.id)

        links_in_sentence: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        for folder, entities in (("actors", dossier.actors), ("places", dossier.places)):
            for entity in entities:
                for mention in entity.mentions:
                    key = (mention.span.article, mention.span.sentence)
                    target = f"{folder}/{entity.id}.md"
                    links_in_sentence.setdefault(key, []).append(
                        (mention.span.start, mention.span.end, target)
                    )
        for spans in links_in_sentence.values():
            spans.sort(key=lambda s: (s[0], -s[1], s[2]))

        return cls(
            articles=articles,
            actors=actors,
            places=places,
            incidents=incidents,
            claims=claims,
            claims_by_incident=claims_by_incident,
            claims_by_article=claims_by_article,
            conflicts_by_incident=conflicts_by_incident,
            incidents_by_article=incidents_by_article,
            incidents_by_actor=incidents_by_actor,
            incidents_at_place=incidents_at_place,
            children_of_place=children_of_place,
            links_in_sentence=links_in_sentence,
            duplicate_of=dict(dossier.duplicates),
        )

    def article_order(self, article_id: str) -> tuple[dt.date, str]:
        article = self.articles.get(article_id)
        return (article.published if article and article.published else dt.date.max, article_id)

    def coordinates_of(self, incident: Incident) -> tuple[float, float] | None:
        """The incident's coordinates: its site's, else its place's, else an enclosing place's."""
        for place_id in (incident.site, incident.place):
            seen: set[str] = set()
            while place_id and place_id in self.places and place_id not in seen:
                seen.add(place_id)
                place = self.places[place_id]
                if place.coordinates:
                    return place.coordinates
                place_id = place.parent
        return None

    def country_of(self, incident: Incident) -> str | None:
        for place_id in (incident.site, incident.place):
            if place_id in self.places and self.places[place_id].country:
                return self.places[place_id].country
        return None


def _claim_order(record: ClaimRecord) -> tuple[str, int, int, str]:
    return (record.claim.span.article, record.claim.span.sentence, record.claim.span.start, record.id)


def incident_order(incident: Incident) -> tuple[int, dt.date, str, str]:
    """Date order; undated incidents last."""
    if incident.date is None:
        return (1, dt.date.max, incident.name.casefold(), incident.id)
    return (0, incident.date.start, incident.name.casefold(), incident.id)


def places_of(incident: Incident, places: dict[str, Entity]) -> list[str]:
    """The incident's site and place and every place that encloses them."""
    found: list[str] = []
    for place_id in (incident.site, incident.place):
        while place_id and place_id in places and place_id not in found:
            found.append(place_id)
            place_id = places[place_id].parent
    return found
