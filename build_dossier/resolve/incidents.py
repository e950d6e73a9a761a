"""Group event cues into incidents across articles, place claims in them and flag conflicts.

Each article gives one *report* of its own story (all its cues that are not background) and one
report per background cue (an earlier attack it recalls). Reports meet through blocking keys: the
town (a site stands for the town that holds it), the distinctive word of a named site
("westgate"), and for an article's own story its country and kind of site. Under one key a report
joins the first group whose most precise report has overlapping dates, most precise first;
reports that meet under any key are one incident. So the work grows with the number of reports,
never with the number of pairs. An unnamed "hotel" and the named hotel it is meet because both
sit under the same town and days.

Conflicts: claims of one incident, kind and normalised subject that state different figures.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from build_dossier.lexicon import Lexicon
from build_dossier.model import (
    Claim,
    ClaimRecord,
    Conflict,
    DateRef,
    Entity,
    EventCue,
    Extraction,
    Incident,
    Mention,
)
from build_dossier.resolve.entities import tally
from build_dossier.slugs import fold, unique_slugs

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

SIEGE_DAYS = 4
"""Single days named for one attack this close together are one span (a siege over a weekend)."""

REPORT_WINDOW_DAYS = 3
"""An article's own story with no date in its text is taken to have happened at most this many
days before publication (wire copy reports the same or the next days)."""

PERPETRATOR_KINDS = ("armed_group", "organisation")
"""Actor kinds that can be named as perpetrators: a government claiming an attack is reporting it."""

PERPETRATOR_REACH = 60
"""Characters between a perpetrator phrase and the group it names ("claimed by the Sahara-based
Islamist militant group al-Mourabitoun")."""

CONTRAST = re.compile(r"\b(?:but|however|although|though|whereas)\b|;", re.I)
"""A word that opens a clause of its own: a denial before it does not reach a name after it."""


@dataclass(frozen=True)
class _Vocabulary:
    """Words from ``data/incidents.yml`` and ``data/events.yml``."""

    name_words: tuple[str, ...]
    attacker_subjects: frozenset[str]
    overall_subjects: frozenset[str]
    force_subjects: tuple[str, ...]
    part_of: re.Pattern[str]
    attack_types: tuple[str, ...]
    """Attack types most specific first: a siege whose reports also say "attack" is a hostage taking."""
    perpetrator_before: re.Pattern[str]
    """A phrase just before the group that carried out the attack ("claimed by ...")."""
    perpetrator_after: re.Pattern[str]
    """A phrase just after it ("... claimed responsibility")."""
    negations: tuple[re.Pattern[str], ...]


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def _vocabulary() -> _Vocabulary:
    words = yaml.safe_load((DATA_DIR / "incidents.yml").read_text(encoding="utf-8"))
    events = yaml.safe_load((DATA_DIR / "events.yml").read_text(encoding="utf-8"))
    return _Vocabulary(
        name_words=tuple(words["name_words"]),
        attacker_subjects=frozenset(fold(word) for word in words["attacker_subjects"]),
        overall_subjects=frozenset(fold(word) for word in words["overall_subjects"]),
        force_subjects=tuple(sorted((fold(word) for word in words["force_subjects"]), key=len, reverse=True)),
        part_of=re.compile(rf"^[\s\"']*(?:{_alternation(words['part_of'])})\b", re.I),
        attack_types=tuple(events["attack_types"]),
        perpetrator_before=re.compile(
            rf"\b(?:{_alternation(events['perpetrator_before_actor'])})\b[^.;]{{0,{PERPETRATOR_REACH}}}$",
            re.I,
        ),
        perpetrator_after=re.compile(
            rf"^[^.;]{{0,{PERPETRATOR_REACH}}}?\b(?:{_alternation(events['perpetrator_after_actor'])})\b",
            re.I,
        ),
        negations=tuple(re.compile(pattern, re.I) for pattern in events["perpetrator_negations"]),
    )


class EntityIndex(Protocol):
    """What grouping needs from resolved entities (``resolve.entities.ResolvedEntities``)."""

    actors: tuple[Entity, ...]
    places: tuple[Entity, ...]

    def find(self, article_id: str, surface: str, category: str) -> str | None: ...

    def entity_at(self, article_id: str, sentence: int, start: int) -> str | None: ...


@dataclass
class _Report:
    """What one article says about one attack: its own story or an earlier event it recalls."""

    article: str
    cues: list[EventCue]
    background: bool
    place: str | None = None
    place_votes: tuple[int, int] = (0, 0)
    """How strongly the text puts it there: (cues naming the town, all mentions of it in the
    story and the dateline)."""
    country: str | None = None
    site: str | None = None
    site_core: str | None = None
    """The distinctive word of the site's name ("bardo" for "National Bardo Museum")."""
    site_type: str | None = None
    date: DateRef | None = None
    sentences: set[int] = field(default_factory=set)


def _attack_type(cues: Sequence[EventCue]) -> str:
    used = {cue.attack_type for cue in cues}
    return next(
        (kind for kind in _vocabulary().attack_types if kind in used),
        _majority(c.attack_type for c in cues) or "unknown",
    )


def _span_days(date: DateRef) -> int:
    return (date.end - date.start).days


def _most_precise(dates: Iterable[DateRef | None]) -> DateRef | None:
    known = [date for date in dates if date is not None]
    return min(known, key=lambda d: (_span_days(d), d.start, d.expression)) if known else None


def _majority(values: Iterable[str | None]) -> str | None:
    """Most frequent value, ties to the one seen first."""
    counts = tally(values)
    return max(counts, key=counts.__getitem__) if counts else None


class _Places:
    """Place look-ups: a surface in an article -> the city-level place entity id."""

    def __init__(self, entities: EntityIndex) -> None:
        self.entities = entities
        self.by_id = {place.id: place for place in entities.places}

    def find(self, article: str, surface: str | None) -> Entity | None:
        if not surface:
            return None
        found = self.entities.find(article, surface, "place")
        return self.by_id.get(found) if found else None

    def town_of(self, entity: Entity | None) -> str | None:
        """The place an incident is filed under: a site counts as the city that holds it."""
        if entity is None:
            return None
        if entity.kind == "site":
            return entity.parent
        return entity.id


def _report_date(dates: Iterable[DateRef | None]) -> DateRef | None:
    """The days an attack took: single days named close together ("late on Friday", "on
    Saturday", "on Tuesday" for a siege) make one range from the first; otherwise the most
    precise date."""
    known = [d for d in dates if d is not None]
    days = sorted({d for d in known if d.start == d.end}, key=lambda d: (d.start, d.expression))
    if not days:
        return _most_precise(known)
    first = days[0]
    close = [d for d in days if (d.start - first.start).days <= SIEGE_DAYS]
    if len(close) == 1:
        return first
    return DateRef(first.start, close[-1].end, f"{first.expression} to {close[-1].expression}")


@functools.lru_cache(maxsize=4)
def _site_nouns(lexicon: Lexicon) -> tuple[str, ...]:
    """The lexicon's site nouns, folded and padded with spaces, longest first."""
    return tuple(f" {fold(noun)} " for noun in sorted(lexicon.site_types, key=len, reverse=True))


def _site_core(site: Entity, lexicon: Lexicon) -> str | None:
    """The last word of a site's name that is not a site noun: "westgate" for "Westgate
    shopping mall", "bardo" for "National Bardo Museum"."""
    return _name_core(site.name, lexicon)


@functools.lru_cache(maxsize=65536)
def _name_core(name: str, lexicon: Lexicon) -> str | None:
    """Remembered: every report on a site asks again, and each ask tries a hundred nouns."""
    padded = f" {fold(name)} "
    for noun in _site_nouns(lexicon):
        padded = padded.replace(noun, " ")
    words = [word for word in padded.split() if word not in ("the", "of")]
    return words[-1] if words else None


def _fill_report(
    report: _Report,
    places: _Places,
    lexicon: Lexicon,
    story_cities: Sequence[str] = (),
    named_sites: Sequence[Entity] = (),
) -> None:
    """Place, site and date of a report. The place is the town its cues name; for the article's
    own story, towns named in its sentences and the town of its site also count."""
    found_places = [places.find(report.article, cue.place) for cue in report.cues]
    found_sites = [places.find(report.article, cue.site) for cue in report.cues]
    sites = [site for site in found_sites if site is not None and site.kind == "site"]
    report.site_type = _majority(cue.site_type for cue in report.cues)
    if not sites and report.site_type:
        sites = [site for site in named_sites if site.subkind == report.site_type][:1]
    report.site = _majority(site.id for site in sites)
    cue_votes = tally(places.town_of(p) for p in found_places)
    votes = {town: 2 * count for town, count in cue_votes.items()}
    for town in (*story_cities, *(places.town_of(site) for site in sites)):
        if town:
            votes[town] = votes.get(town, 0) + 1
    towns = [town for town in votes if places.by_id[town].kind != "country"] or list(votes)
    if towns:
        report.place = max(towns, key=votes.__getitem__)
        report.place_votes = (cue_votes.get(report.place, 0), votes[report.place])
    site = places.by_id.get(report.site or "")
    place = places.by_id.get(report.place or "")
    report.country = next((p.country for p in (place, site) if p is not None and p.country), None)
    report.site_core = _site_core(site, lexicon) if site else None
    report.date = _report_date(cue.date for cue in report.cues)


def _mentioned(extraction: Extraction, places: _Places, sentences: set[int], kind: str) -> list[Entity]:
    """Place entities of one kind the article names in the given sentences, in text order."""
    found = []
    for mention in extraction.mentions:
        if mention.category == "place" and mention.kind == kind and mention.span.sentence in sentences:
            place = places.by_id.get(
                places.entities.entity_at(extraction.article.id, mention.span.sentence, mention.span.start)
                or ""
            )
            if place is not None and place.kind == kind:
                found.append(place)
    return found


def _publication_window(published: dt.date | None) -> DateRef | None:
    if published is None:
        return None
    return DateRef(published - dt.timedelta(days=REPORT_WINDOW_DAYS), published, "publication date")


def _article_reports(
    extraction: Extraction, places: _Places, lexicon: Lexicon
) -> tuple[_Report | None, list[_Report]]:
    """The article's own-story report (None when it reports no attack) and its background reports."""
    article = extraction.article.id
    background = [
        _Report(article, [cue], True, sentences={cue.span.sentence})
        for cue in extraction.cues
        if cue.is_background
    ]
    for report in background:
        _fill_report(report, places, lexicon)
    if extraction.main_cue is None:
        return None, background
    own = [cue for cue in extraction.cues if not cue.is_background]
    story = {s.index for s in extraction.article.sentences} - {r.cues[0].span.sentence for r in background}
    main = _Report(article, own, False, sentences=story)
    cities = [city.id for city in _mentioned(extraction, places, story, "city")]
    dateline = places.town_of(places.find(article, extraction.article.dateline))
    if dateline:
        cities.append(dateline)
    _fill_report(main, places, lexicon, cities, _mentioned(extraction, places, story, "site"))
    if main.country is None:
        main.country = _majority(
            country.country for country in _mentioned(extraction, places, story, "country")
        )
    main.date = main.date or _publication_window(extraction.article.published)
    return main, background


def _keys(report: _Report) -> list[tuple[str, str]]:
    """Blocking keys: the town, the site's distinctive word, and for an article's own story the
    country (two stories on one kind of site in one country on the same days are one attack)."""
    keys = []
    if report.place:
        keys.append(("place", report.place))
    if report.site_core:
        keys.append(("site", report.site_core))
    if report.country and not report.background:
        keys.append(("country", report.country))
    return keys


def _days_apart(first: DateRef, second: DateRef) -> int:
    return max((second.start - first.end).days, (first.start - second.end).days, 0)


def _fits(report: _Report, anchor: _Report, key_kind: str) -> bool:
    """Same attack under this key: overlapping dates (at one named site, dates a siege apart)."""
    if report.date is not None and anchor.date is not None:
        reach = SIEGE_DAYS if key_kind == "site" else 0
        if _days_apart(report.date, anchor.date) > reach:
            return False
    if key_kind == "country":
        return (
            report.date is not None
            and anchor.date is not None
            and (report.site_type is None or anchor.site_type is None or report.site_type == anchor.site_type)
        )
    return True


def _gap(report: _Report, anchor: _Report) -> int:
    """Days between two reports' dates; 0 when either has none."""
    if report.date is None or anchor.date is None:
        return 0
    return _days_apart(report.date, anchor.date)


def _precision(report: _Report) -> tuple[object, ...]:
    date = report.date
    return (
        date is None,
        _span_days(date) if date else 0,
        date.start if date else dt.date.min,
        report.background,
        report.article,
        report.cues[0].span.sentence if report.cues else 0,
    )


def _group(reports: list[_Report]) -> list[list[_Report]]:
    """Reports about one attack. Within each blocking key a report joins the first group whose
    most precise report it fits (overlapping dates), most precise reports first; reports that
    meet under any key are one attack (union-find), so the work is linear in the reports."""
    parent = list(range(len(reports)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, report in enumerate(reports):
        for key in _keys(report):
            buckets[key].append(index)
    for key in sorted(buckets):
        anchors: list[int] = []
        for index in sorted(buckets[key], key=lambda i: _precision(reports[i])):
            report = reports[index]
            fitting = [a for a in anchors if _fits(report, reports[a], key[0])]
            if report.date is None and len(anchors) > 1:
                fitting = [a for a in fitting if report.site and reports[a].site == report.site]
            if fitting:
                # The closest fitting anchor: "in March" at a site joins the attack of 28 March
                # there, not the one of 27 February that it merely comes within a siege's days of.
                closest = min(fitting, key=lambda a: _gap(report, reports[a]))
                a, b = root(index), root(closest)
                parent[max(a, b)] = min(a, b)
            else:
                anchors.append(index)
    groups: dict[int, list[_Report]] = defaultdict(list)
    for index, report in enumerate(reports):
        groups[root(index)].append(report)
    return list(groups.values())


def _group_place(group: list[_Report]) -> str | None:
    """The town the reports' cues name most, then the one they mention most."""
    cue_votes: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    for report in group:
        if report.place:
            cue_votes[report.place] += report.place_votes[0]
            votes[report.place] += report.place_votes[1] + 1
    return sorted(votes, key=lambda place: (-cue_votes[place], -votes[place], place))[0] if votes else None


def _name_word(cues: Iterable[EventCue]) -> str:
    triggers = {fold(cue.trigger) for cue in cues}
    return next((word for word in _vocabulary().name_words if word in triggers), "attack")


def _incident_name(members: list[_Report], places: _Places) -> str:
    """ "Radisson Blu hotel siege, Bamako", "Restaurant attack, Bamako", "Paris massacre"."""
    cues = [cue for report in members for cue in report.cues]
    word = _name_word(cues)
    place = places.by_id.get(_group_place(members) or "")
    site = places.by_id.get(_majority(r.site for r in members) or "")
    site_type = _majority(r.site_type for r in members)
    if site is not None:
        head = f"{site.name} {word}"
    elif site_type:
        head = f"{site_type} {word}"
    else:
        return f"{place.name} {word}" if place else word.capitalize()
    head = head[0].upper() + head[1:]
    return f"{head}, {place.name}" if place else head


def _actor_mentions(
    extraction: Extraction, sentences: set[int], entities: EntityIndex
) -> list[tuple[Mention, str]]:
    found = []
    for mention in extraction.mentions:
        if mention.category == "actor" and mention.span.sentence in sentences:
            actor = entities.entity_at(extraction.article.id, mention.span.sentence, mention.span.start)
            actor = actor or entities.find(extraction.article.id, mention.surface, "actor")
            if actor:
                found.append((mention, actor))
    return found


def _perpetrator_side(mention: Mention) -> str | None:
    """ "by" when named right after "claimed by", "subject" when named before "claimed
    responsibility"; None when neither or when the sentence denies a claim."""
    vocabulary = _vocabulary()
    text = mention.span.text
    if _negated(text, mention.span.start, mention.span.end):
        return None
    if vocabulary.perpetrator_before.search(text[: mention.span.start]):
        return "by"
    if vocabulary.perpetrator_after.search(text[mention.span.end :]):
        return "subject"
    return None


def _negated(text: str, start: int, end: int) -> bool:
    """A denial of a claim in the clause of the name at ``start:end``: "No group claimed the attack"
    negates it; "No group claimed the attack, but the minister blamed X" does not negate X."""
    for pattern in _vocabulary().negations:
        for match in pattern.finditer(text):
            between = text[match.end() : start] if match.end() <= start else text[end : match.start()]
            if not CONTRAST.search(between):
                return True
    return False


def _actors_and_perpetrators(
    extraction: Extraction, sentences: set[int], entities: EntityIndex, kinds: dict[str, str]
) -> tuple[list[str], list[str]]:
    """Actor ids named in the sentences, and those of armed groups (or unlisted organisations)
    named as having claimed or carried out the attack (``kinds``: actor id -> kind). Of several
    groups before "claimed responsibility" only the first is its subject ("Al Shabaab, allied to
    al Qaeda, claimed ...")."""
    named = _actor_mentions(extraction, sentences, entities)
    perpetrators = []
    subject_found: set[int] = set()
    for mention, actor in named:
        if kinds.get(actor) not in PERPETRATOR_KINDS:
            continue
        side = _perpetrator_side(mention)
        if side == "subject" and mention.span.sentence in subject_found:
            continue
        if side == "subject":
            subject_found.add(mention.span.sentence)
        if side:
            perpetrators.append(actor)
    return [actor for _, actor in named], perpetrators


def normalise_subject(kind: str, subject: str) -> str:
    """The subject two figures must share to be compared: attackers are one subject whatever
    they are called; "people", "hostages", "dead" are the overall toll; a country's soldiers,
    army or troops are its forces; anything else ("nine civilians") is a partial count of its own."""
    vocabulary = _vocabulary()
    folded = re.sub(r"^(?:the|a|an) ", "", fold(subject))
    words = folded.split()
    if kind == "attackers" or (words and words[-1] in vocabulary.attacker_subjects):
        return "attackers"
    if not words or words[-1] in vocabulary.overall_subjects:
        return "people"
    for force in vocabulary.force_subjects:
        if folded == force or folded.endswith(f" {force}"):
            return " ".join([*folded.removesuffix(force).split(), "forces"])
    return folded


def _is_part(claim: Claim) -> bool:
    """A figure counting part of another ("five of whom")."""
    return bool(_vocabulary().part_of.match(claim.span.text[claim.span.end :]))


def _stated(claim: Claim) -> tuple[int | None, int | None]:
    """The figure as a value: "at least 22" and "22" state the same number."""
    if claim.low is None or claim.high is None:
        value = claim.low if claim.low is not None else claim.high
        return value, value
    return claim.low, claim.high


def _claim_order(claim_id: str) -> tuple[str, int]:
    """Sort key of a claim id: article id, then the claim's number in it ("a-c10" after "a-c9")."""
    article, _, number = claim_id.rpartition("-c")
    return article, int(number)


def _conflicts(records: Sequence[ClaimRecord]) -> tuple[Conflict, ...]:
    """Figures for one incident, kind and subject that are not all the same value."""
    groups: dict[tuple[str, str, str], list[ClaimRecord]] = defaultdict(list)
    for record in records:
        if record.incident is not None and not _is_part(record.claim):
            subject = normalise_subject(record.claim.kind, record.claim.subject)
            groups[(record.incident, record.claim.kind, subject)].append(record)
    return tuple(
        Conflict(incident, kind, subject, tuple(sorted((r.id for r in members), key=_claim_order)))
        for (incident, kind, subject), members in sorted(groups.items())
        if len({_stated(record.claim) for record in members}) > 1
    )


def group_incidents(
    extractions: Sequence[Extraction], entities: EntityIndex, lexicon: Lexicon
) -> tuple[tuple[Incident, ...], tuple[ClaimRecord, ...], tuple[Conflict, ...]]:
    """Incidents from every article's cues, each claim placed in one, and the conflicts."""
    places = _Places(entities)
    reports: list[_Report] = []
    report_of_cue: dict[tuple[str, int], _Report] = {}
    main_of_article: dict[str, _Report] = {}
    for extraction in extractions:
        main, background = _article_reports(extraction, places, lexicon)
        if main is not None:
            reports.append(main)
            main_of_article[extraction.article.id] = main
        reports.extend(background)
        recalled = {id(report.cues[0]): report for report in background}
        for index, cue in enumerate(extraction.cues):
            owner = recalled[id(cue)] if cue.is_background else main
            if owner is not None:
                report_of_cue[(extraction.article.id, index)] = owner

    claimed_reports = _claimed_reports(extractions, report_of_cue, main_of_article)
    kept = [r for r in reports if not r.background or r.place or id(r) in claimed_reports]
    groups = _group(kept)
    groups.sort(key=_group_order)
    names = _distinct_names([_incident_name(group, places) for group in groups], groups)
    ids = unique_slugs(names, fallback="incident")
    incident_of_report = {id(report): ids[i] for i, group in enumerate(groups) for report in group}

    by_article = {extraction.article.id: extraction for extraction in extractions}
    kinds = {actor.id: actor.kind for actor in entities.actors}
    for extraction in extractions:
        for claim in extraction.claims:
            owner = _claim_report(extraction.article.id, claim, report_of_cue, main_of_article)
            if owner is not None:
                owner.sentences.add(claim.span.sentence)
    incidents = tuple(
        _incident(ids[i], names[i], group, by_article, entities, kinds) for i, group in enumerate(groups)
    )
    records = []
    for extraction in extractions:
        for number, claim in enumerate(extraction.claims, start=1):
            owner = _claim_report(extraction.article.id, claim, report_of_cue, main_of_article)
            incident = incident_of_report.get(id(owner)) if owner is not None else None
            records.append(ClaimRecord(f"{extraction.article.id}-c{number}", incident, claim))
    return incidents, tuple(records), _conflicts(records)


def _claim_report(
    article: str,
    claim: Claim,
    report_of_cue: dict[tuple[str, int], _Report],
    main_of_article: dict[str, _Report],
) -> _Report | None:
    if claim.cue is not None and (article, claim.cue) in report_of_cue:
        return report_of_cue[(article, claim.cue)]
    return main_of_article.get(article)


def _claimed_reports(
    extractions: Sequence[Extraction],
    report_of_cue: dict[tuple[str, int], _Report],
    main_of_article: dict[str, _Report],
) -> set[int]:
    """Reports that some claim belongs to: kept even when they have neither place nor date."""
    return {
        id(owner)
        for extraction in extractions
        for claim in extraction.claims
        if (owner := _claim_report(extraction.article.id, claim, report_of_cue, main_of_article))
    }


def _distinct_names(names: list[str], groups: list[list[_Report]]) -> list[str]:
    """Two attacks on the same hotel years apart get the same name: the year tells them apart."""
    counts = Counter(names)
    distinct = []
    for name, group in zip(names, groups, strict=True):
        date = _group_date(group)
        distinct.append(f"{name} ({date.start.year})" if counts[name] > 1 and date else name)
    return distinct


def _group_date(group: list[_Report]) -> DateRef | None:
    """From the dates the cues give, those of the articles' own stories first ("on Thursday" in
    the first reports, not "in April" in a later article's background paragraph); the
    publication window only when no cue gives one."""
    return (
        _report_date(cue.date for report in group if not report.background for cue in report.cues)
        or _report_date(cue.date for report in group if report.background for cue in report.cues)
        or _most_precise(report.date for report in group)
    )


def _group_order(group: list[_Report]) -> tuple[object, ...]:
    date = _group_date(group)
    first = min((r.article, min((c.span.sentence for c in r.cues), default=0)) for r in group)
    return (date is None, date.start if date else dt.date.min, _group_place(group) or "", first)


def _incident(
    incident_id: str,
    name: str,
    group: list[_Report],
    by_article: dict[str, Extraction],
    entities: EntityIndex,
    kinds: dict[str, str],
) -> Incident:
    actors: list[str] = []
    perpetrators: list[str] = []
    for report in group:
        named, claimed = _actors_and_perpetrators(
            by_article[report.article], report.sentences, entities, kinds
        )
        actors += named
        perpetrators += claimed
    cues = sorted(
        (cue for report in group for cue in report.cues),
        key=lambda cue: (cue.span.article, cue.span.sentence, cue.span.start),
    )
    return Incident(
        id=incident_id,
        name=name,
        date=_group_date(group),
        place=_group_place(group),
        site=_majority(report.site for report in group),
        attack_type=_attack_type(cues),
        sources=tuple(sorted({report.article for report in group})),
        actors=tuple(sorted(set(actors))),
        perpetrators=tuple(sorted(set(perpetrators))),
        cues=tuple(cues),
    )
