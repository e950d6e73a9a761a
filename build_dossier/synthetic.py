"""A seeded generator of synthetic wire copy, for the benchmark.

Articles look like agency stories (headline, dateline, attack and casualty sentences, attributions,
officials with titles, armed groups, background paragraphs) so the real extractor runs its real
paths. Several articles report each incident, from different outlets and with different figures,
and the pools of people, groups and places grow with the corpus. Every name it makes is invented
from the syllables in ``data/synthetic.yml``; the countries are real.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "synthetic.yml"
ARTICLES_PER_INCIDENT = 3


@dataclass(frozen=True)
class Corpus:
    """Generated articles: file name -> text, and the sidecar metadata for them."""

    articles: dict[str, str]
    metadata: dict[str, dict[str, str]]
    incidents: int


@functools.cache
def _pools() -> dict[str, list[str]]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _name(rng: random.Random, parts: int = 2) -> str:
    syllables = _pools()["syllables"]
    return "".join(rng.choice(syllables) for _ in range(parts)).capitalize()


def _pool(rng: random.Random, size: int, make) -> list[str]:
    found: dict[str, None] = {}
    while len(found) < size:
        found[make(rng)] = None
    return list(found)


def generate(count: int, seed: int = 1) -> Corpus:
    """``count`` articles about ``count / 3`` incidents; the same seed gives the same corpus."""
    rng = random.Random(seed)
    pools = _pools()
    scale = max(2, int(math.sqrt(count)))
    towns = _pool(rng, scale * 2, lambda r: _name(r, r.choice((2, 3))))
    people = _pool(rng, max(4, count // 4), lambda r: f"{_name(r)} {_name(r, 3)}")
    groups = _pool(rng, scale, lambda r: f"{_name(r, 3)} {r.choice(pools['group_nouns'])}")
    sites = _pool(rng, scale * 3, lambda r: f"{_name(r)} {r.choice(pools['site_kinds'])}")
    countries = pools["countries"]
    incidents = max(1, count // ARTICLES_PER_INCIDENT)
    start = dt.date(2015, 1, 1)

    articles: dict[str, str] = {}
    metadata: dict[str, dict[str, str]] = {}
    for number in range(count):
        incident = number % incidents
        irng = random.Random(seed * 1_000_003 + incident)  # shared facts of the incident
        town, country = irng.choice(towns), irng.choice(countries)
        site, group = irng.choice(sites), irng.choice(groups)
        day = start + dt.timedelta(days=irng.randrange(0, 3000))
        killed = irng.randrange(3, 60)
        earlier_town, earlier_site = irng.choice(towns), irng.choice(sites)

        outlet = rng.choice(pools["outlets"])
        official, title = rng.choice(people), rng.choice(pools["titles"])
        published = day + dt.timedelta(days=rng.randrange(1, 3))
        weekday = day.strftime("%A")
        reported_killed = killed + rng.randrange(0, 6)  # later or other reports differ
        hostages, attackers = rng.randrange(10, 150), rng.randrange(2, 9)
        lines = [
            f"{reported_killed} killed as gunmen storm {site} in {town}",
            "",
            f"{town} ({outlet}) - Gunmen stormed the {site} in {town}, {country['name']}, on {weekday}, "
            f"killing at least {reported_killed} people, {title} {official} said.",
            "",
            f"The {group} claimed responsibility for the attack in a statement.",
            "",
            f"Security forces freed {hostages} hostages after a siege that lasted {rng.randrange(3, 14)} hours, "
            f"the {country['demonym']} interior ministry said.",
            "",
            f"{attackers} attackers were killed, a military source told {outlet}.",
            "",
            f"\"We heard shots and ran,\" said {rng.choice(people)}, a guest who escaped.",
            "",
            f"{official.split()[-1]} said {rng.randrange(5, 40)} people were wounded.",
            "",
            f"The attack came {rng.randrange(2, 9)} weeks after an attack on the {earlier_site} in "
            f"{earlier_town} in which {rng.randrange(2, 30)} people died.",
            "",
            f"{country['name']} has more than {rng.randrange(2, 20) * 500} soldiers deployed in the region, "
            f"{rng.randrange(100, 900)} kilometres from the capital.",
        ]
        name = f"{number:06d}_{town.lower()}.txt"
        articles[name] = "\n".join(lines) + "\n"
        metadata[name] = {"outlet": outlet, "published": published.isoformat()}
    return Corpus(articles, metadata, incidents)


def write_corpus(corpus: Corpus, folder: Path) -> None:
    """Write the articles and their ``metadata.yml`` sidecar into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in corpus.articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "metadata.yml").write_text(yaml.safe_dump(corpus.metadata, sort_keys=True), encoding="utf-8")
