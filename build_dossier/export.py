"""Data downloads: the public JSON format (with its JSON Schema), GTD- and ACLED-style CSV, GeoJSON.

``dossier_json`` is the documented ``extract --format json`` format: keep its fields stable and only
add new ones. The CSV files follow the column names of the Global Terrorism Database and ACLED and
each uses its own database's rule for contested figures (see :mod:`build_dossier.figures`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import orjson

from build_dossier.figures import headline_subject, origin_of, reconcile
from build_dossier.lookups import Index, incident_order
from build_dossier.model import ClaimRecord, DateRef, Dossier, Entity, Incident
from build_dossier.wording import country_name, format_date

GTD_ATTACK_TYPES = {
    "assassination": "Assassination",
    "armed_assault": "Armed Assault",
    "bombing": "Bombing/Explosion",
    "hijacking": "Hijacking",
    "hostage_taking": "Hostage Taking (Barricade Incident)",
    "kidnapping": "Hostage Taking (Kidnapping)",
    "facility_attack": "Facility/Infrastructure Attack",
    "unarmed_assault": "Unarmed Assault",
}
"""Our attack types -> GTD ``attacktype1_txt`` (GTD Codebook, 2021); anything else is "Unknown"."""

GTD_TARGET_TYPES = {
    "hotel": "Business",
    "restaurant": "Business",
    "bar": "Business",
    "shop": "Business",
    "office": "Business",
    "bank": "Business",
    "market": "Private Citizens & Property",
    "airport": "Airports & Aircraft",
    "school": "Educational Institution",
    "university": "Educational Institution",
    "mosque": "Religious Figures/Institutions",
    "church": "Religious Figures/Institutions",
    "temple": "Religious Figures/Institutions",
    "camp": "Military",
    "base": "Military",
    "barracks": "Military",
    "police station": "Police",
    "checkpoint": "Police",
    "embassy": "Government (Diplomatic)",
    "ministry": "Government (General)",
}
"""Site kinds -> GTD ``targtype1_txt`` (GTD Codebook target types)."""

ACLED_EVENT_TYPES = {
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "hostage_taking": ("Violence against civilians", "Abduction/forced disappearance"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance"),
}
"""Our attack types -> ACLED (event_type, sub_event_type); anything else is an attack on civilians."""
ACLED_DEFAULT_EVENT = ("Violence against civilians", "Attack")

GTD_COLUMNS = (
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "approxdate",
    "country_txt",
    "city",
    "latitude",
    "longitude",
    "attacktype1_txt",
    "targtype1_txt",
    "target1",
    "gname",
    "nperps",
    "nkill",
    "nwound",
    "nhostkid",
    "summary",
    "scite1",
    "scite2",
    "scite3",
    "dossier_sources",
)
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
)


def dumps_json(value: object) -> str:
    """The one serialisation of every JSON file: sorted keys, two-space indent, UTF-8, final newline.

    orjson writes the same bytes as ``json.dumps(indent=2, sort_keys=True, ensure_ascii=False)``
    about ten times faster: the pure-Python indenting encoder was a third of the render stage.
    """
    return orjson.dumps(
        value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    ).decode()


def _date_fields(date: DateRef | None) -> dict[str, object]:
    if date is None:
        return {"date": None, "date_start": None, "date_end": None, "date_expression": None}
    iso = (
        date.start.isoformat()
        if date.start == date.end
        else f"{date.start.isoformat()}/{date.end.isoformat()}"
    )
    return {
        "date": iso,
        "date_start": date.start.isoformat(),
        "date_end": date.end.isoformat(),
        "date_expression": date.expression,
    }


def _entity_json(entity: Entity) -> dict[str, object]:
    seen: set[tuple[str, int]] = set()
    mentions = []
    for mention in sorted(entity.mentions, key=lambda m: (m.span.article, m.span.sentence, m.span.start)):
        key = (mention.span.article, mention.span.sentence)
        if key not in seen:
            seen.add(key)
            mentions.append(
                {
                    "article": mention.span.article,
                    "sentence": mention.span.text,
                    "sentence_index": mention.span.sentence,
                }
            )
    record: dict[str, object] = {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "mentions": mentions,
        "role": entity.role,
        "country": entity.country,
        "subkind": entity.subkind,
    }
    if entity.category == "place":
        record["parent"] = entity.parent
        record["coordinates"] = (
            {"latitude": entity.coordinates[0], "longitude": entity.coordinates[1]}
            if entity.coordinates
            else None
        )
    return record


def _claim_json(record: ClaimRecord) -> dict[str, object]:
    claim = record.claim
    return {
        "id": record.id,
        "incident": record.incident,
        "kind": claim.kind,
        "low": claim.low,
        "high": claim.high,
        "approximate": claim.approximate,
        "figure": claim.figure,
        "subject": claim.subject,
        "attributed_to": claim.attributed_to,
        "article": claim.span.article,
        "sentence": claim.span.text,
        "sentence_index": claim.span.sentence,
    }


def dossier_json(dossier: Dossier) -> dict[str, object]:
    """The whole dossier in the public ``extract`` format: lists sorted by id, dates in ISO 8601."""
    duplicate_of = dict(dossier.duplicates)
    conflicts_by_incident: dict[str, list[dict[str, object]]] = {}
    for conflict in sorted(dossier.conflicts, key=lambda c: (c.incident, c.kind, c.subject, c.claims)):
        conflicts_by_incident.setdefault(conflict.incident, []).append(
            {"kind": conflict.kind, "subject": conflict.subject, "claims": list(conflict.claims)}
        )
    articles = [
        {
            "id": a.id,
            "path": a.path,
            "title": a.title,
            "outlet": a.outlet,
            "relayed_from": a.relayed_from,
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "dateline": a.dateline,
            "duplicate_of": duplicate_of.get(a.id),
        }
        for a in sorted(dossier.articles, key=lambda a: a.id)
    ]
    incidents = [
        {
            "id": i.id,
            "name": i.name,
            **_date_fields(i.date),
            "place": i.place,
            "site": i.site,
            "attack_type": i.attack_type,
            "sources": sorted(i.sources),
            "actors": sorted(i.actors),
            "perpetrators": sorted(i.perpetrators),
            "conflicts": conflicts_by_incident.get(i.id, []),
        }
        for i in sorted(dossier.incidents, key=lambda i: i.id)
    ]
    return {
        "articles": articles,
        "actors": [_entity_json(e) for e in sorted(dossier.actors, key=lambda e: e.id)],
        "places": [_entity_json(e) for e in sorted(dossier.places, key=lambda e: e.id)],
        "incidents": incidents,
        "claims": [_claim_json(c) for c in sorted(dossier.claims, key=lambda c: c.id)],
    }


def _nullable(kind: str) -> dict[str, object]:
    return {"type": [kind, "null"]}


_MENTION = {
    "type": "object",
    "required": ["article", "sentence"],
    "properties": {
        "article": {"type": "string"},
        "sentence": {"type": "string"},
        "sentence_index": {"type": "integer"},
    },
}
_ENTITY = {
    "type": "object",
    "required": ["id", "name", "kind", "aliases", "mentions"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "kind": {"type": "string"},
        "aliases": {"type": "array", "items": {"type": "string"}},
        "mentions": {"type": "array", "items": _MENTION},
        "role": _nullable("string"),
        "country": {"description": "ISO 3166-1 alpha-2 code", **_nullable("string")},
        "subkind": _nullable("string"),
    },
}


def json_schema() -> dict[str, object]:
    """JSON Schema (2020-12) of :func:`dossier_json`'s output, published beside it."""
    place = {
        **_ENTITY,
        "properties": {
            **_ENTITY["properties"],  # type: ignore[dict-item]
            "parent": _nullable("string"),
            "coordinates": {
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "required": ["latitude", "longitude"],
                        "properties": {"latitude": {"type": "number"}, "longitude": {"type": "number"}},
                    },
                ]
            },
        },
    }
    article = {
        "type": "object",
        "required": ["id", "path", "title", "outlet", "published"],
        "properties": {
            "id": {"type": "string"},
            "path": {"type": "string"},
            "title": {"type": "string"},
            "outlet": _nullable("string"),
            "relayed_from": {
                "description": "wire service whose copy the outlet relays",
                **_nullable("string"),
            },
            "published": {"description": "ISO 8601 date", **_nullable("string")},
            "url": _nullable("string"),
            "dateline": _nullable("string"),
            "duplicate_of": {"description": "id of the article this one repeats", **_nullable("string")},
        },
    }
    incident = {
        "type": "object",
        "required": ["id", "name", "date", "place", "sources"],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "date": {
                "description": "ISO 8601 date, or start/end interval for a range",
                **_nullable("string"),
            },
            "date_start": _nullable("string"),
            "date_end": _nullable("string"),
            "date_expression": {"description": "the words the date was read from", **_nullable("string")},
            "place": {"description": "place id", **_nullable("string")},
            "site": {"description": "place id of the site", **_nullable("string")},
            "attack_type": {"type": "string"},
            "sources": {"type": "array", "items": {"type": "string"}},
            "actors": {"type": "array", "items": {"type": "string"}},
            "perpetrators": {"type": "array", "items": {"type": "string"}},
            "conflicts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kind", "subject", "claims"],
                    "properties": {
                        "kind": {"type": "string"},
                        "subject": {"type": "string"},
                        "claims": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
        },
    }
    claim = {
        "type": "object",
        "required": [
            "id",
            "incident",
            "kind",
            "low",
            "high",
            "approximate",
            "subject",
            "attributed_to",
            "article",
            "sentence",
        ],
        "properties": {
            "id": {"type": "string"},
            "incident": _nullable("string"),
            "kind": {"enum": ["killed", "injured", "hostages", "freed", "attackers", "detained", "missing"]},
            "low": {"description": "lower bound; null when open", **_nullable("integer")},
            "high": {"description": "upper bound; null when open", **_nullable("integer")},
            "approximate": {"type": "boolean"},
            "figure": {"type": "string"},
            "subject": {"type": "string"},
            "attributed_to": _nullable("string"),
            "article": {"type": "string"},
            "sentence": {"type": "string"},
            "sentence_index": {"type": "integer"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Incident dossier",
        "description": (
            "Articles, actors, places, incidents and casualty claims; every fact quotes its sentence."
        ),
        "type": "object",
        "required": ["articles", "actors", "places", "incidents", "claims"],
        "properties": {
            "articles": {"type": "array", "items": article},
            "actors": {"type": "array", "items": _ENTITY},
            "places": {"type": "array", "items": place},
            "incidents": {"type": "array", "items": incident},
            "claims": {"type": "array", "items": claim},
        },
    }


def csv_cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    text = " ".join(str(value).split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _csv(columns: Sequence[str], rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def _kind_records(index: Index, incident: Incident, kind: str) -> list[ClaimRecord]:
    records = [r for r in index.claims_by_incident.get(incident.id, []) if r.claim.kind == kind]
    return headline_subject(records, index.articles)


def _summary_sentence(index: Index, incident: Incident) -> str:
    cues = sorted(
        (c for c in incident.cues if c.span.article in index.articles),
        key=lambda c: (c.is_background, index.article_order(c.span.article), c.span.sentence),
    )
    return cues[0].span.text if cues else ""


def _citations(index: Index, incident: Incident) -> list[str]:
    citations = []
    for article_id in sorted(incident.sources, key=index.article_order):
        article = index.articles.get(article_id)
        if article:
            parts = [
                article.outlet or "unknown outlet",
                f'"{article.title}"',
                article.published.isoformat() if article.published else "",
            ]
            citations.append(", ".join(p for p in parts if p))
    return citations


def _names(index: Index, actor_ids: Sequence[str]) -> str:
    return "; ".join(sorted((index.actors[a].name for a in actor_ids if a in index.actors), key=str.casefold))


def gtd_rows(index: Index, incidents: list[Incident]) -> list[dict[str, object]]:
    """One row per incident; figures by GTD's rule (the figure most independent origins give)."""
    rows = []
    for incident in incidents:
        date = incident.date
        coordinates = index.coordinates_of(incident)
        site = index.places.get(incident.site) if incident.site else None
        figures = {}
        for kind in ("attackers", "killed", "injured", "hostages"):
            records = _kind_records(index, incident, kind)
            figures[kind] = reconcile(records, index.articles).agreed if records else None
        citations = _citations(index, incident)
        rows.append(
            {
                "eventid": incident.id,
                "iyear": date.start.year if date else None,
                "imonth": date.start.month if date and date.start.month == date.end.month else 0,
                "iday": date.start.day if date and date.start == date.end else 0,
                "approxdate": format_date(date) if date and date.start != date.end else None,
                "country_txt": country_name(index.country_of(incident)),
                "city": index.places[incident.place].name if incident.place in index.places else None,
                "latitude": coordinates[0] if coordinates else None,
                "longitude": coordinates[1] if coordinates else None,
                "attacktype1_txt": GTD_ATTACK_TYPES.get(incident.attack_type, "Unknown"),
                "targtype1_txt": GTD_TARGET_TYPES.get((site.subkind or "") if site else "", "Unknown"),
                "target1": site.name if site else None,
                "gname": _names(index, incident.perpetrators) or "Unknown",
                "nperps": figures["attackers"],
                "nkill": figures["killed"],
                "nwound": figures["injured"],
                "nhostkid": figures["hostages"],
                "summary": _summary_sentence(index, incident),
                "scite1": citations[0] if citations else None,
                "scite2": citations[1] if len(citations) > 1 else None,
                "scite3": citations[2] if len(citations) > 2 else None,
                "dossier_sources": ";".join(sorted(incident.sources)),
            }
        )
    return rows


def acled_rows(index: Index, incidents: list[Incident]) -> list[dict[str, object]]:
    """One row per incident; fatalities by ACLED's rule (the most conservative figure)."""
    rows = []
    for incident in incidents:
        coordinates = index.coordinates_of(incident)
        killed = _kind_records(index, incident, "killed")
        event_type, sub_event_type = ACLED_EVENT_TYPES.get(incident.attack_type, ACLED_DEFAULT_EVENT)
        others = sorted(set(incident.actors) - set(incident.perpetrators))
        outlets = sorted(
            {origin_of(index.articles[a]) for a in incident.sources if a in index.articles}, key=str.casefold
        )
        date = incident.date
        rows.append(
            {
                "event_id_cnty": incident.id,
                "event_date": date.start.isoformat() if date else None,
                "year": date.start.year if date else None,
                "time_precision": None if date is None else 1 if date.start == date.end else 3,
                "event_type": event_type,
                "sub_event_type": sub_event_type,
                "actor1": _names(index, incident.perpetrators) or "Unidentified Armed Group",
                "actor2": _names(index, others),
                "country": country_name(index.country_of(incident)),
                "location": index.places[incident.place].name if incident.place in index.places else None,
                "latitude": coordinates[0] if coordinates else None,
                "longitude": coordinates[1] if coordinates else None,
                "source": "; ".join(outlets),
                "notes": _summary_sentence(index, incident),
                "fatalities": reconcile(killed, index.articles).conservative if killed else None,
            }
        )
    return rows


def geojson(index: Index, incidents: list[Incident], places: list[Entity]) -> dict[str, object]:
    """Incidents and places with coordinates as GeoJSON points (longitude first, as RFC 7946 says)."""
    features = []
    for incident in incidents:
        coordinates = index.coordinates_of(incident)
        if coordinates:
            features.append(
                {
                    "type": "Feature",
                    "id": f"incident:{incident.id}",
                    "geometry": {"type": "Point", "coordinates": [coordinates[1], coordinates[0]]},
                    "properties": {
                        "kind": "incident",
                        "id": incident.id,
                        "name": incident.name,
                        "attack_type": incident.attack_type,
                        "page": f"incidents/{incident.id}/",
                        **_date_fields(incident.date),
                    },
                }
            )
    for place in places:
        if place.coordinates:
            features.append(
                {
                    "type": "Feature",
                    "id": f"place:{place.id}",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [place.coordinates[1], place.coordinates[0]],
                    },
                    "properties": {
                        "kind": place.kind,
                        "id": place.id,
                        "name": place.name,
                        "country": place.country,
                        "page": f"places/{place.id}/",
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def data_files(dossier: Dossier, index: Index) -> dict[str, str]:
    """Every file of ``docs/data/``."""
    incidents = sorted(dossier.incidents, key=incident_order)
    places = sorted(dossier.places, key=lambda p: p.id)
    return {
        "data/dossier.json": dumps_json(dossier_json(dossier)),
        "data/dossier.schema.json": dumps_json(json_schema()),
        "data/incidents-gtd.csv": _csv(GTD_COLUMNS, gtd_rows(index, incidents)),
        "data/events-acled.csv": _csv(ACLED_COLUMNS, acled_rows(index, incidents)),
        "data/dossier.geojson": dumps_json(geojson(index, incidents, places)),
    }
