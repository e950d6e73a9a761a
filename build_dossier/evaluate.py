"""Score extraction against hand-made gold annotations (``tests/eval``): precision, recall, F1.

The extractor is scored through the public JSON it prints (``extract --format json``), so what is
measured is exactly what a user gets. Counting follows the issue "Extraction that generalizes":

* an extracted actor or place is a hit when its name or one of its aliases equals, after
  :func:`~build_dossier.slugs.fold` (case, accents, punctuation ignored) and without a leading
  "the", the name or an alias of a gold entity;
* a claim is a hit when its kind matches and its ``low`` or ``high`` equals a gold figure's ``low``
  or ``high``;
* each extracted record is paired with at most one gold item and each gold item with at most one
  extracted record (a maximum matching, required gold first), so one over-merged record cannot
  stand for several gold entities;
* an extracted record left over that matches a gold item already paired is a *repeat* (the same
  figure quoted from a second sentence, an entity the extractor failed to merge): neither a hit
  nor a false hit, but listed;
* a record paired with a gold item marked ``required: false`` is neutral; unpaired required gold
  items are misses; extracted records that match no gold item are false hits.

Run on each article alone, and once on all of them together: there the *merge* figure checks that
an entity or incident the gold names in several articles is one record spanning all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from build_dossier.errors import ConfigError
from build_dossier.model import ACTOR_KINDS, CLAIM_KINDS, PLACE_KINDS
from build_dossier.slugs import fold

GOLD_DIR = "gold"
"""Folder of gold files (``*.yml``) inside the evaluation folder."""

ENTITY_CATEGORIES = {"actor": ACTOR_KINDS, "place": PLACE_KINDS}

Extract = Callable[[list[Path]], dict]
"""Builds the public JSON dossier of some article files (``extract PATH... --format json``)."""


@dataclass(frozen=True)
class GoldEntity:
    """An actor or place the text names, with every spelling a reader would accept."""

    name: str
    aliases: tuple[str, ...]
    category: str
    kind: str
    required: bool

    @property
    def keys(self) -> frozenset[str]:
        return _name_keys([self.name, *self.aliases])


@dataclass(frozen=True)
class GoldClaim:
    """A casualty figure the text states: its kind and range."""

    kind: str
    low: int | None
    high: int | None
    incident: str
    required: bool

    @property
    def figures(self) -> frozenset[int]:
        return frozenset(value for value in (self.low, self.high) if value is not None)


@dataclass(frozen=True)
class GoldIncident:
    """An attack the article reports or recalls; identified across gold files by its name."""

    name: str
    place: str
    date: dt.date | None


@dataclass(frozen=True)
class Gold:
    """The gold annotation of one article."""

    source: Path
    """The gold file itself."""
    article: Path
    """The article it annotates, resolved from the gold file's ``article`` field."""
    entities: tuple[GoldEntity, ...]
    claims: tuple[GoldClaim, ...]
    incidents: tuple[GoldIncident, ...]


@dataclass(frozen=True)
class Counts:
    """True hits, false hits and misses of one category; the ratios follow from them."""

    hits: int = 0
    false_hits: int = 0
    misses: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.hits + other.hits, self.false_hits + other.false_hits, self.misses + other.misses)

    @property
    def precision(self) -> float:
        """1.0 when nothing was extracted: nothing extracted was wrong."""
        found = self.hits + self.false_hits
        return self.hits / found if found else 1.0

    @property
    def recall(self) -> float:
        """1.0 when the gold requires nothing: nothing was missed."""
        wanted = self.hits + self.misses
        return self.hits / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class ArticleScore:
    """How the extraction of one article, run alone, compares with its gold."""

    article: str
    """The article's path as written in the gold file."""
    entities: Counts
    claims: Counts
    entity_misses: tuple[str, ...]
    entity_false_hits: tuple[str, ...]
    entity_repeats: tuple[str, ...]
    claim_misses: tuple[str, ...]
    claim_false_hits: tuple[str, ...]
    claim_repeats: tuple[str, ...]


@dataclass(frozen=True)
class MergeScore:
    """Whether what the gold names in several articles is one record in the run over all of them."""

    merged: tuple[str, ...]
    """Gold entities and incidents held by one record spanning every article that names them."""
    split: tuple[str, ...]
    """The others, each with the articles no single record reached."""

    @property
    def rate(self) -> float:
        checked = len(self.merged) + len(self.split)
        return len(self.merged) / checked if checked else 1.0


@dataclass(frozen=True)
class EvalReport:
    articles: tuple[ArticleScore, ...]
    merge: MergeScore

    @property
    def entities(self) -> Counts:
        return sum((score.entities for score in self.articles), Counts())

    @property
    def claims(self) -> Counts:
        return sum((score.claims for score in self.articles), Counts())


# --- Gold files ------------------------------------------------------------------------------


def load_gold(path: Path) -> Gold:
    """Read and check one gold file; every problem in it is reported together, naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: cannot read gold annotation: {error}") from error
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        raise ConfigError(f"{path}: a gold file is a mapping with an 'article' path")
    incidents = tuple(_gold_incident(item, problems) for item in data.get("incidents") or ())
    entities = tuple(_gold_entity(item, problems) for item in data.get("entities") or ())
    claims = tuple(_gold_claim(item, problems) for item in data.get("claims") or ())
    incident_names = {incident.name for incident in incidents}
    problems += [
        f"claim {claim.kind} {_range(claim.low, claim.high)}: incident {claim.incident!r} is not listed"
        for claim in claims
        if claim.incident not in incident_names
    ]
    article = (path.parent.parent / data["article"]).resolve()
    if not article.is_file():
        problems.append(f"article {data['article']} does not exist")
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return Gold(path, article, entities, claims, incidents)


def _gold_entity(item: object, problems: list[str]) -> GoldEntity:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        problems.append(f"entity {item!r} has no name")
        return GoldEntity("", (), "actor", "person", False)
    name, category, kind = item["name"], item.get("category"), item.get("kind")
    if category not in ENTITY_CATEGORIES:
        problems.append(f"entity {name!r}: category must be actor or place, not {category!r}")
    elif kind not in ENTITY_CATEGORIES[category]:
        problems.append(f"entity {name!r}: {kind!r} is not a kind of {category}")
    aliases = item.get("aliases") or []
    if not all(isinstance(alias, str) for alias in aliases):
        problems.append(f"entity {name!r}: aliases must be strings")
    return GoldEntity(
        name, tuple(map(str, aliases)), str(category), str(kind), item.get("required", True) is True
    )


def _gold_claim(item: object, problems: list[str]) -> GoldClaim:
    if not isinstance(item, dict):
        problems.append(f"claim {item!r} is not a mapping")
        return GoldClaim("killed", None, None, "", False)
    kind, low, high = item.get("kind"), item.get("low"), item.get("high")
    if kind not in CLAIM_KINDS:
        problems.append(f"claim kind {kind!r} is not one of {', '.join(CLAIM_KINDS)}")
    if not all(value is None or type(value) is int for value in (low, high)) or low is high is None:
        problems.append(f"claim {kind} needs whole-number low and/or high, not {low!r}..{high!r}")
    return GoldClaim(str(kind), low, high, str(item.get("incident", "")), item.get("required", True) is True)


def _gold_incident(item: object, problems: list[str]) -> GoldIncident:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        problems.append(f"incident {item!r} has no name")
        return GoldIncident("", "", None)
    date = item.get("date")
    if date is not None and not isinstance(date, dt.date):
        problems.append(f"incident {item['name']!r}: date must be YYYY-MM-DD, not {date!r}")
        date = None
    return GoldIncident(item["name"], str(item.get("place", "")), date)


def load_gold_dir(eval_dir: Path) -> list[Gold]:
    """Every gold file of an evaluation folder, in file-name order."""
    paths = sorted((eval_dir / GOLD_DIR).glob("*.yml"))
    if not paths:
        raise ConfigError(f"{eval_dir / GOLD_DIR}: no gold files (*.yml)")
    return [load_gold(path) for path in paths]


# --- Scoring one article ---------------------------------------------------------------------


def _maximum_matching(
    gold_count: int, extracted_count: int, matches: Callable[[int, int], bool]
) -> dict[int, int]:
    """Pair gold items with extracted records (Kuhn's augmenting paths); gold is tried in order.

    A gold item once paired stays paired while later ones are tried, so ordering the required gold
    first gives the most required hits possible. Returns extracted index -> gold index.
    """
    partner: dict[int, int] = {}
    candidates = [[e for e in range(extracted_count) if matches(g, e)] for g in range(gold_count)]

    def augment(gold: int, seen: set[int]) -> bool:
        for extracted in candidates[gold]:
            if extracted in seen:
                continue
            seen.add(extracted)
            if extracted not in partner or augment(partner[extracted], seen):
                partner[extracted] = gold
                return True
        return False

    for gold in range(gold_count):
        augment(gold, set())
    return partner


@dataclass(frozen=True)
class _Tally:
    counts: Counts
    misses: tuple[str, ...]
    false_hits: tuple[str, ...]
    repeats: tuple[str, ...]


def _tally(
    gold_items: Sequence[GoldEntity] | Sequence[GoldClaim],
    extracted: Sequence[dict],
    matches: Callable[[object, dict], bool],
    describe_gold: Callable[..., str],
    describe_extracted: Callable[[dict], str],
) -> _Tally:
    """Hits, false hits, misses and repeats of one category under the counting rules above."""
    ordered = sorted(gold_items, key=lambda item: not item.required)
    partner = _maximum_matching(len(ordered), len(extracted), lambda g, e: matches(ordered[g], extracted[e]))
    paired_gold = set(partner.values())
    hits = sum(1 for gold in paired_gold if ordered[gold].required)
    misses = [
        describe_gold(item)
        for index, item in enumerate(ordered)
        if item.required and index not in paired_gold
    ]
    false_hits, repeats = [], []
    for index, record in enumerate(extracted):
        if index in partner:
            continue
        if any(matches(item, record) for item in ordered):
            repeats.append(describe_extracted(record))
        else:
            false_hits.append(describe_extracted(record))
    return _Tally(
        Counts(hits, len(false_hits), len(misses)), tuple(misses), tuple(false_hits), tuple(repeats)
    )


def _name_keys(names: Iterable[object]) -> frozenset[str]:
    """Folded names without a leading "the": "the UN mission" and "UN Mission" are one name."""
    keys = (fold(str(name)).removeprefix("the ") for name in names)
    return frozenset(key for key in keys if key and key != "the")


def _record_keys(record: dict) -> frozenset[str]:
    return _name_keys([record.get("name") or "", *(record.get("aliases") or ())])


def _entity_matches(gold: GoldEntity, record: dict) -> bool:
    return bool(gold.keys & _record_keys(record))


def _claim_matches(gold: GoldClaim, record: dict) -> bool:
    figures = {value for value in (record.get("low"), record.get("high")) if value is not None}
    return record.get("kind") == gold.kind and bool(figures & gold.figures)


def _range(low: int | None, high: int | None) -> str:
    if low == high:
        return str(low)
    return f"{'' if low is None else low}..{'' if high is None else high}"


def _describe_gold_entity(entity: GoldEntity) -> str:
    return f"{entity.category} {entity.name}"


def _describe_record_entity(record: dict) -> str:
    return f"{record['_category']} {record.get('name')}"


def _describe_gold_claim(claim: GoldClaim) -> str:
    return f"{claim.kind} {_range(claim.low, claim.high)} ({claim.incident})"


def _describe_record_claim(record: dict) -> str:
    sentence = " ".join(str(record.get("sentence") or "").split())
    quoted = sentence if len(sentence) <= 90 else sentence[:87] + "..."
    return f'{record.get("kind")} {_range(record.get("low"), record.get("high"))}: "{quoted}"'


def score_article(extracted: dict, gold: Gold) -> ArticleScore:
    """Compare the JSON extracted from one article (run alone) with that article's gold."""
    records = [{**record, "_category": "actor"} for record in extracted.get("actors") or ()]
    records += [{**record, "_category": "place"} for record in extracted.get("places") or ()]
    entities = _tally(gold.entities, records, _entity_matches, _describe_gold_entity, _describe_record_entity)
    claims = _tally(
        gold.claims,
        list(extracted.get("claims") or ()),
        _claim_matches,
        _describe_gold_claim,
        _describe_record_claim,
    )
    return ArticleScore(
        article=gold.article.name,
        entities=entities.counts,
        claims=claims.counts,
        entity_misses=entities.misses,
        entity_false_hits=entities.false_hits,
        entity_repeats=entities.repeats,
        claim_misses=claims.misses,
        claim_false_hits=claims.false_hits,
        claim_repeats=claims.repeats,
    )


# --- Merging across articles -----------------------------------------------------------------


def _article_ids_by_file(extracted: dict) -> dict[str, str]:
    """File name -> article id in a combined run (file names are unique in an evaluation set)."""
    return {
        Path(str(article.get("path", ""))).name: article.get("id")
        for article in extracted.get("articles") or ()
    }


def _incident_matches(gold: GoldIncident, record: dict, places_by_id: dict[str, dict]) -> bool:
    """Same place (its record's name or alias; or the name itself when ``place`` is not a place id)
    and, when both give one, a date range holding the gold date."""
    place = places_by_id.get(str(record.get("place")), {"name": record.get("place")})
    if not _name_keys([gold.place]) & _record_keys(place):
        return False
    return gold.date is None or _date_holds(record.get("date"), gold.date)


def _date_holds(value: object, date: dt.date) -> bool:
    """``value`` is the JSON date of an incident: an ISO date, an ISO ``start/end`` interval,
    a ``{start, end}`` range, or null."""
    if value is None:
        return True
    if isinstance(value, dict):
        start, end = value.get("start"), value.get("end") or value.get("start")
        return str(start) <= date.isoformat() <= str(end)
    start, _, end = str(value).partition("/")
    return start[:10] <= date.isoformat() <= (end or start)[:10]


def check_merges(golds: Iterable[Gold], extracted: dict) -> MergeScore:
    """For each gold entity or incident required in two or more articles: is it one record there?"""
    article_ids = _article_ids_by_file(extracted)
    entity_articles: dict[str, tuple[GoldEntity, set[str]]] = {}
    incident_articles: dict[str, tuple[GoldIncident, set[str]]] = {}
    for gold in golds:
        article_id = article_ids.get(gold.article.name, gold.article.name)
        for entity in gold.entities:
            if entity.required:
                entity_articles.setdefault(fold(entity.name), (entity, set()))[1].add(article_id)
        for incident in gold.incidents:
            incident_articles.setdefault(fold(incident.name), (incident, set()))[1].add(article_id)

    entity_records = list(extracted.get("actors") or ()) + list(extracted.get("places") or ())
    places_by_id = {str(place.get("id")): place for place in extracted.get("places") or ()}
    merged, split = [], []
    for key in sorted(entity_articles):
        entity, wanted = entity_articles[key]
        if len(wanted) < 2:
            continue
        spans = [
            {mention.get("article") for mention in record.get("mentions") or ()}
            for record in entity_records
            if _entity_matches(entity, record)
        ]
        _sort_merge(f"{entity.category} {entity.name}", wanted, spans, merged, split)
    for key in sorted(incident_articles):
        incident, wanted = incident_articles[key]
        if len(wanted) < 2:
            continue
        spans = [
            set(record.get("sources") or ())
            for record in extracted.get("incidents") or ()
            if _incident_matches(incident, record, places_by_id)
        ]
        _sort_merge(f"incident {incident.name}", wanted, spans, merged, split)
    return MergeScore(tuple(merged), tuple(split))


def _sort_merge(label: str, wanted: set[str], spans: list[set], merged: list[str], split: list[str]) -> None:
    """File ``label`` as merged when one record spans ``wanted``, else as split with what is missing."""
    best = max(spans, key=lambda span: len(wanted & span), default=set())
    missing = sorted(wanted - best)
    if missing:
        split.append(f"{label}: no one record reaches {', '.join(missing)}")
    else:
        merged.append(label)


# --- The whole evaluation --------------------------------------------------------------------


def evaluate(eval_dir: Path, extract: Extract) -> EvalReport:
    """Score ``extract`` on every article of ``eval_dir`` alone, then check merging over all of them."""
    golds = load_gold_dir(eval_dir)
    scores = tuple(score_article(extract([gold.article]), gold) for gold in golds)
    merge = check_merges(golds, extract([gold.article for gold in golds]))
    return EvalReport(scores, merge)


def _ratios(counts: Counts) -> str:
    return (
        f"P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}  "
        f"({counts.hits} hits, {counts.false_hits} false, {counts.misses} missed)"
    )


def format_report(report: EvalReport) -> str:
    """The evaluation as plain text: per article, overall, then every miss and false hit."""
    merge = report.merge
    width = max((len(score.article) for score in report.articles), default=10)
    lines = ["Per article", f"  {'article':<{width}}  entities P/R/F1      claims P/R/F1"]
    for score in report.articles:
        e, c = score.entities, score.claims
        lines.append(
            f"  {score.article:<{width}}  {e.precision:.2f} {e.recall:.2f} {e.f1:.2f}    "
            f"{c.precision:.2f} {c.recall:.2f} {c.f1:.2f}"
        )
    lines += [
        "",
        "Overall",
        f"  entities  {_ratios(report.entities)}",
        f"  claims    {_ratios(report.claims)}",
        f"  merge     {merge.rate:.3f}  ({len(merge.merged)} merged, {len(merge.split)} split)",
    ]
    for score in report.articles:
        sections = [
            ("entity misses", score.entity_misses),
            ("entity false hits", score.entity_false_hits),
            ("entity repeats (not counted)", score.entity_repeats),
            ("claim misses", score.claim_misses),
            ("claim false hits", score.claim_false_hits),
            ("claim repeats (not counted)", score.claim_repeats),
        ]
        if not any(items for _, items in sections):
            continue
        lines += ["", score.article]
        for title, items in sections:
            if items:
                lines.append(f"  {title}:")
                lines += [f"    - {item}" for item in items]
    if merge.split:
        lines += ["", "Not merged across articles:"]
        lines += [f"  - {item}" for item in merge.split]
    return "\n".join(lines) + "\n"
