"""A seeded generator of synthetic wire copy, for the benchmark (test data, not facts).

The articles look like agency stories (headline, dateline, attack sentence with a toll, figures
attributed to officials with titles or to sources, a claim of responsibility, a witness quote,
a background paragraph recalling an earlier incident of the same corpus) so the real extractor
runs its real paths. Each incident is reported by two to four articles from different outlets,
with figures that differ as tolls do, and the pools of towns, regions, sites, groups and people
grow with the corpus, so resolution and incident grouping face realistic scale. Every name is
invented from the syllables in ``data/synthetic.yml``; only the countries and outlets are real.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "synthetic.yml"
ATTACKS = ("siege", "armed_assault", "suicide_bombing", "car_bomb", "ambush")
FIRST_DAY = dt.date(2012, 1, 1)
SPAN_DAYS = 3650


@dataclass(frozen=True)
class Corpus:
    """Generated articles (file name -> text), their sidecar metadata, and the incident of each."""

    articles: dict[str, str]
    metadata: dict[str, dict[str, str]]
    incident_of: dict[str, int]
    """Article file name -> number of the synthetic incident it reports."""

    @property
    def incidents(self) -> int:
        return len(set(self.incident_of.values()))


@dataclass(frozen=True)
class Place:
    town: str
    region: str
    country: dict[str, str]


@dataclass(frozen=True)
class Event:
    """The facts of one synthetic incident, shared by the articles that report it."""

    place: Place
    site: str
    site_noun: str
    attack: str
    group: str
    day: dt.date
    killed: int
    injured: int
    hostages: int
    attackers: int
    hours: int


@functools.cache
def _pools() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


class _Names:
    """Invented names, never the same string twice in one corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.used = rng, set()

    def word(self, low: int = 2, high: int = 3) -> str:
        while True:
            syllables = _pools()["syllables"]
            word = "".join(
                self.rng.choice(syllables) for _ in range(self.rng.randint(low, high))
            ).capitalize()
            if word not in self.used:
                self.used.add(word)
                return word

    def many(self, count: int, make: Callable[[], str]) -> list[str]:
        return [make() for _ in range(count)]


def _number(value: int) -> str:
    """Small figures in words, as wire copy writes them."""
    words = _pools()["number_words"]
    return words[value] if value < len(words) else str(value)


def _world(count: int, rng: random.Random) -> tuple[list[Place], list[str], dict[str, list[str]], _Names]:
    """Places, armed groups and national officials, in pools that grow with the corpus."""
    pools, names = _pools(), _Names(rng)
    countries = pools["countries"]
    regions = [(names.word(), countries[i % len(countries)]) for i in range(max(len(countries), count // 40))]
    places = [Place(names.word(), *rng.choice(regions)) for _ in range(max(6, count // 6))]
    groups = names.many(
        max(3, math.isqrt(count)), lambda: f"{names.word(2, 3)} {rng.choice(pools['group_nouns'])}"
    )
    per_country = max(2, count // 300)
    officials = {
        country["name"]: [
            f"{rng.choice(pools['national_titles'])} {names.word()} {names.word()}"
            for _ in range(per_country)
        ]
        for country in countries
    }
    return places, groups, officials, names


def _events(count: int, rng: random.Random) -> tuple[list[Event], list[int], dict[str, list[str]], _Names]:
    """Incidents in date order, and how many articles report each (2 to 4, ``count`` in all)."""
    places, groups, officials, names = _world(count, rng)
    pools = _pools()
    per_event: list[int] = []
    while sum(per_event) < count:
        per_event.append(min(rng.choice((2, 3, 3, 4)), count - sum(per_event)))
    sites: dict[str, list[tuple[str, str]]] = {}
    events = []
    for day in sorted(rng.randrange(SPAN_DAYS) for _ in per_event):
        place = rng.choice(places)
        known = sites.setdefault(place.town, [])
        if not known or rng.random() < 0.7:
            kind = rng.choice(pools["site_kinds"])
            name = names.word()
            known.append(
                (
                    f"{kind['noun'].title()} {name}" if kind["before"] else f"{name} {kind['noun']}",
                    kind["noun"],
                )
            )
        site, noun = rng.choice(known)
        attack = "ambush" if noun in ("military base", "checkpoint") else rng.choice(ATTACKS[:4])
        killed = rng.randrange(2, 60)
        events.append(
            Event(
                place,
                site,
                noun,
                attack,
                rng.choice(groups),
                FIRST_DAY + dt.timedelta(days=day),
                killed,
                killed + rng.randrange(0, 80),
                rng.randrange(10, 170) if attack == "siege" else 0,
                rng.randrange(1, 9),
                rng.randrange(2, 14),
            )
        )
    return events, per_event, officials, names


_LEADS = {
    "siege": "Gunmen stormed the {site} in {town} on {weekday} and took {hostages} people hostage",
    "armed_assault": "Gunmen opened fire at the {site} in {town} on {weekday}, killing {toll} people",
    "suicide_bombing": (
        "A suicide bomber blew himself up at the {site} in {town} on {weekday}, killing {toll} people"
    ),
    "car_bomb": "A car bomb exploded outside the {site} in {town} on {weekday}, killing {toll} people",
    "ambush": "Militants attacked the {site} near {town} on {weekday}, killing {toll} soldiers",
}
_HEADLINES = (
    "{toll_cap} killed in attack on {town} {noun}",
    "{country} {noun} attack leaves {toll} dead",
    "Gunmen strike {site} in {country}",
)


def _article(
    event: Event,
    earlier: Event | None,
    outlet: str,
    report: int,
    rng: random.Random,
    officials: dict[str, list[str]],
    names: _Names,
) -> tuple[str, dt.date]:
    """One agency story on ``event``; later reports (higher ``report``) give higher tolls."""
    pools, place = _pools(), event.place
    country = place.country
    published = event.day + dt.timedelta(days=min(report, 2))
    toll = event.killed + rng.randrange(0, 3) * report
    qualifier = rng.choice(("at least ", "", "at least ", "more than "))
    official = rng.choice(officials[country["name"]])
    surname = official.split()[-1]
    local_title = rng.choice(pools["local_titles"]).format(region=place.region, town=place.town)
    local_official = f"{names.word()} {names.word()}"
    source = rng.choice(pools["sources"])
    facts = dict(
        site=event.site,
        town=place.town,
        weekday=event.day.strftime("%A"),
        hostages=event.hostages,
        toll=f"{qualifier}{_number(toll)}",
        noun=event.site_noun,
        country=country["name"],
    )
    headline = rng.choice(_HEADLINES).format(**facts, toll_cap=(qualifier + _number(toll)).capitalize())
    lead = _LEADS[event.attack].format(**facts)
    paragraphs = [
        headline,
        f"{place.town} ({outlet}) - {lead}, {official} said.",
        f"{source.capitalize()} told {outlet} that {_number(toll + rng.randrange(0, 4))} people had been "
        "killed "
        f"and {event.injured} wounded, while the {local_title}, {local_official}, gave a toll of "
        f"{_number(max(1, toll - rng.randrange(0, 3)))} dead.",
    ]
    if event.attack == "siege":
        freed = max(1, event.hostages - rng.randrange(0, 10))
        paragraphs.append(
            f"{country['demonym']} special forces freed {freed} hostages after a siege that lasted "
            f"{_number(event.hours)} hours, the {country['demonym']} army said."
        )
    paragraphs.append(
        rng.choice(
            (
                f"The {event.group} claimed responsibility for the attack in a statement.",
                f"No group immediately claimed the attack, but {surname} blamed the {event.group}.",
            )
        )
    )
    paragraphs.append(
        f"{_number(event.attackers).capitalize()} "
        f"{'attacker was' if event.attackers == 1 else 'attackers were'} killed and "
        f"{_number(rng.randrange(2, 7))} suspects were arrested, {surname} said."
    )
    paragraphs.append(
        f'"We heard shots and everybody ran," said {names.word()} {names.word()}, a trader who escaped.'
    )
    if earlier is not None:
        when = f"in {earlier.day:%B}" if earlier.day.year == event.day.year else f"in {earlier.day:%B %Y}"
        paragraphs.append("- Earlier attacks -")
        paragraphs.append(
            f"It was not the first attack in the region: {_number(earlier.killed)} people were killed {when} "
            f"in an attack on the {earlier.site} in {earlier.place.town}, claimed by the {earlier.group}."
        )
    paragraphs.append(
        f"{country['name']} has been fighting armed groups in the {place.region} region since "
        f"{event.day.year - rng.randrange(1, 8)}."
    )
    return "\n\n".join(paragraphs) + "\n", published


def generate(count: int, seed: int = 1) -> Corpus:
    """``count`` articles on about ``count / 3`` incidents; the same seed gives the same corpus."""
    rng = random.Random(seed)
    events, per_event, officials, names = _events(count, rng)
    outlets = _pools()["outlets"]
    articles: dict[str, str] = {}
    metadata: dict[str, dict[str, str]] = {}
    incident_of: dict[str, int] = {}
    last_in_country: dict[str, Event] = {}
    for number, (event, reports) in enumerate(zip(events, per_event, strict=True)):
        earlier = last_in_country.get(event.place.country["name"])
        for report, outlet in enumerate(rng.sample(outlets, reports)):
            text, published = _article(event, earlier, outlet, report, rng, officials, names)
            name = f"{len(articles):06d}_{event.place.town.lower()}.txt"
            articles[name] = text
            metadata[name] = {"outlet": outlet, "published": published.isoformat()}
            incident_of[name] = number
        last_in_country[event.place.country["name"]] = event
    return Corpus(articles, metadata, incident_of)


def write_corpus(corpus: Corpus, folder: Path) -> None:
    """Write the articles and their ``metadata.yml`` sidecar into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in corpus.articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "metadata.yml").write_text(yaml.safe_dump(corpus.metadata, sort_keys=True), encoding="utf-8")
