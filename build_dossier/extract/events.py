"""Event cues: the sentences that refer to an attack, with its place, site and date.

Attack words and their GTD-style types come from ``data/events.yml``; dates from
``extract/dates.py``. A sentence gives one cue for the article's own story and one more for each
earlier attack it recalls ("a week after the Paris massacre", "last week's Paris attacks", "in
August ... an attack on a hotel in Sevare"). The main cue is the first cue of the article's own
story, counted from the lead.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from build_dossier.extract.dates import FoundDate, find_dates, is_before_story
from build_dossier.extract.names import SENTENCE_CACHE_SIZE, cached_fold, may_end_with
from build_dossier.lexicon import Lexicon
from build_dossier.model import Article, DateRef, EventCue, Mention, Sentence, Span

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "events.yml"

REPORTING_DATE = re.compile(
    r"\b(?:said|says|told|added|reported|announced|confirmed|statement)\b(?:\s+\w+){0,3}?\s*$", re.I
)
"""A date right after a speech verb ("sources said early Saturday") dates the telling, not the attack."""

RECALL_BEFORE = re.compile(
    r"\b(?:since|than)\s+the\s+(?:\S+\s+){0,4}$"
    r"|\b(?:recalled|recalling|anniversary of|echoes of)\s+(?:the\s+)?(?:\S+\s+){0,4}$",
    re.I,
)
"""Phrases before an attack word that point to an earlier attack ("the deadliest since the ...")."""


PERIOD_SPAN_DAYS = 7
"""A date spanning at least this many days ("in September", "last month") is vaguer than a story's day."""

DATE_REACH = 160
"""A date further than this many characters from an attack word dates something else."""

CLAUSE_BREAK = re.compile(r"\b(?:which|despite|while|but|although|whereas|since)\b|;", re.I)
"""A date across one of these dates another clause ("..., which ... a peace deal agreed in June")."""

ATTACHED = re.compile(r"\s*(?:['’]s)?\s*")
"""What may stand between a name and the attack word it names ("the Paris massacre", "Paris's attacks")."""

RELATIVE = re.compile(r"\s*,?\s*(?:where|when|in which|at which)\b")
"""A place a relative clause describes: "the Westgate mall, where gunmen killed 67 people"."""

PLACE_AFTER = re.compile(r"\s+(?:in|on|at)\s+(?:the\s+)?")
"""What may stand between a plural attack word and its place: "the attacks in Brussels"."""

ACTION_TYPE = "unknown"
"""Attack type of a cue read from a verb such as "killed", which does not say how."""

_Candidate = tuple[int, int, str, str | None]
"""(start, end, text, subkind) of a place or site named in the sentence."""


@dataclass(frozen=True)
class _Rules:
    triggers: re.Pattern[str]
    types: dict[str, str]
    earlier: re.Pattern[str]
    generic: re.Pattern[str]
    generic_tails: tuple[str, ...]
    """Last letters of the generic markers, for a cheap test before searching ``generic``."""


DEFINITE_NOUN = re.compile(r"\b[Tt]he (\w+)")
"""A definite noun phrase ("The hotel"), which refers back to a site already named."""


def _words_pattern(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for w in ordered)


def _key(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").split())


@functools.cache
def _rules() -> _Rules:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    types: dict[str, str] = {}
    for attack_type, words in data["attack_types"].items():
        for word in words:
            types.setdefault(_key(word), attack_type)
    for word in data["action_words"]:
        types.setdefault(_key(word), ACTION_TYPE)
    return _Rules(
        triggers=re.compile(
            rf"(?<![\w-])(?:{_words_pattern(list(types))})(?![\w-])(?!\s+(?:{_words_pattern(data['not_before'])})\b)",
            re.I,
        ),
        types=types,
        earlier=re.compile(
            rf"\b(?:{_words_pattern(data['earlier_markers'])})\b(?:'s)?(?:\s+\S+){{0,2}}\s*$", re.I
        ),
        generic=re.compile(rf"\b(?:{_words_pattern(data['generic_markers'])})\s*$", re.I),
        generic_tails=tuple(sorted({_key(marker).split()[-1][-3:] for marker in data["generic_markers"]})),
    )


@functools.cache
def _unnamed_site_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """An unnamed site: "a restaurant", "the hotel", "a luxury hotel", "a shopping mall"."""
    alternation = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\b(?:a|an|the)\s+(?:[a-z-]+\s+)?(?P<noun>{alternation})\b")


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    text: str
    attack_type: str
    background: bool


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _triggers(text: str) -> tuple[_Trigger, ...]:
    """The attack words of a sentence's text (remembered: relayed wire copy repeats sentences)."""
    rules = _rules()
    found = []
    for match in rules.triggers.finditer(text):
        before = text[: match.start()]
        if may_end_with(before, *rules.generic_tails) and rules.generic.search(before):
            continue
        background = bool(rules.earlier.search(before) or RECALL_BEFORE.search(before))
        found.append(
            _Trigger(
                match.start(), match.end(), match.group(0), rules.types[_key(match.group(0))], background
            )
        )
    return tuple(found)


def _is_generic_plural(
    trigger: _Trigger, text: str, places: list[Mention], dates: tuple[FoundDate, ...]
) -> bool:
    """True for a plural attack word with no place or date right at it: "the attacks have
    spread" is no single event; "the Paris attacks", "last week's attacks", "the attacks in
    Brussels" are."""
    if trigger.attack_type == ACTION_TYPE or not trigger.text.lower().endswith("s"):
        return False
    spans = [(m.span.start, m.span.end) for m in places] + [(d.start, d.end) for d in dates]
    if any(_attached(end, trigger, text) for _, end in spans):
        return False
    return not any(
        m.span.start >= trigger.end and PLACE_AFTER.fullmatch(text[trigger.end : m.span.start])
        for m in places
    )


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _event_dates(text: str, published: dt.date | None) -> tuple[FoundDate, ...]:
    return tuple(
        found for found in find_dates(text, published) if not REPORTING_DATE.search(text[: found.start])
    )


def _date_for(
    trigger: _Trigger, dates: tuple[FoundDate, ...], triggers: list[_Trigger], text: str
) -> FoundDate | None:
    """The date nearest the trigger in its clause; "a week after the X" dates only the X after it."""
    best: tuple[int, FoundDate] | None = None
    for found in dates:
        if found.refers_back:
            following = [t for t in triggers if t.start >= found.end]
            if not following or following[0] != trigger:
                continue
        distance = max(trigger.start - found.end, found.start - trigger.end, 0)
        between = text[min(trigger.end, found.end) : max(trigger.start, found.start)]
        if (
            distance <= DATE_REACH
            and not CLAUSE_BREAK.search(between)
            and (best is None or distance < best[0])
        ):
            best = (distance, found)
    return best[1] if best else None


def _attached(end: int, trigger: _Trigger, text: str) -> bool:
    return end <= trigger.start and ATTACHED.fullmatch(text[end : trigger.start]) is not None


def _owner(start: int, end: int, triggers: list[_Trigger], text: str) -> int:
    """Index of the attack word a name belongs to: the one it stands just before ("the Paris
    massacre"), else the last one before it ("an attack on a hotel in Sevare"), else the first."""
    for index, trigger in enumerate(triggers):
        if _attached(end, trigger, text):
            return index
    before = [index for index, trigger in enumerate(triggers) if trigger.end <= start]
    return before[-1] if before else 0


def _closest(
    index: int, candidates: list[_Candidate], triggers: list[_Trigger], text: str
) -> _Candidate | None:
    """The candidate owned by this trigger nearest after it, else the nearest before it."""
    trigger = triggers[index]
    owned = [c for c in candidates if _owner(c[0], c[1], triggers, text) == index]
    after = [c for c in owned if c[0] >= trigger.end]
    if after:
        return min(after, key=lambda c: c[0])
    if trigger.attack_type == ACTION_TYPE:
        # "killed" takes only what follows it ("killed 30 people at a hotel in Ouagadougou"):
        # a town before it is where something else happened ("a news conference in Algiers").
        owned = [
            c for c in owned if _attached(c[1], trigger, text) or RELATIVE.match(text[c[1] : trigger.start])
        ]
    return max(owned, key=lambda c: c[1]) if owned else None


def _merge(first: EventCue, other: EventCue) -> EventCue:
    """One event named by several words of a sentence: the first word, with what it lacks filled in."""
    return replace(
        first,
        place=first.place or other.place,
        site=first.site or other.site,
        site_type=first.site_type or other.site_type,
        date=first.date or other.date,
        attack_type=first.attack_type if first.attack_type != ACTION_TYPE else other.attack_type,
    )


def _sentence_cues(
    sentence: Sentence,
    article: Article,
    mentions: list[Mention],
    site_pattern: re.Pattern[str],
    lexicon: Lexicon,
) -> list[EventCue]:
    text = sentence.text
    places = [m for m in mentions if m.category == "place"]
    dates = _event_dates(text, article.published)
    triggers = [t for t in _triggers(text) if not _is_generic_plural(t, text, places, dates)]
    if not triggers:
        return []
    cities = [(m.span.start, m.span.end, m.surface, m.subkind) for m in places if m.kind == "city"]
    countries = [
        (m.span.start, m.span.end, m.surface, m.subkind)
        for m in places
        if m.kind == "country" and m.subkind is None
    ]
    named_sites = [(m.span.start, m.span.end, m.surface, m.subkind) for m in places if m.kind == "site"]
    unnamed_sites = [
        (match.start(), match.end(), match.group(0), lexicon.site_types.get(match["noun"].lower()))
        for match in site_pattern.finditer(text)
        if not any(site[0] <= match.start("noun") < site[1] for site in named_sites)
    ]
    story: int | None = None
    recalled: dict[int, int] = {}
    """Start of a date -> position in ``cues`` of the earlier event it dates."""
    cues: list[EventCue] = []
    countries_of: list[_Candidate | None] = []
    for index, trigger in enumerate(triggers):
        found_date = _date_for(trigger, dates, triggers, sentence.text)
        background = trigger.background or bool(
            found_date and (found_date.refers_back or is_before_story(found_date.date, article.published))
        )
        place = _closest(index, cities, triggers, text)
        site = _closest(index, named_sites, triggers, text) or _closest(index, unnamed_sites, triggers, text)
        if trigger.attack_type == ACTION_TYPE and place is None and site is None:
            continue
        country = _closest(index, countries, triggers, text) if place is None and background else None
        cue = EventCue(
            span=Span(article.id, sentence.index, trigger.start, trigger.end, sentence.text),
            trigger=trigger.text,
            attack_type=trigger.attack_type,
            place=place[2] if place else None,
            site=site[2] if site else None,
            site_type=site[3] if site else None,
            date=found_date.date if found_date else None,
            is_background=background,
        )
        same = story if not background else recalled.get(found_date.start) if found_date else None
        if same is not None:
            cues[same] = _merge(cues[same], cue)
            countries_of[same] = countries_of[same] or country
            continue
        if background and found_date:
            recalled[found_date.start] = len(cues)
        elif not background:
            story = len(cues)
        cues.append(cue)
        countries_of.append(country)
    # A country stands for the place of an earlier event only when no word of it names a town.
    return [
        replace(cue, place=country[2]) if cue.place is None and country else cue
        for cue, country in zip(cues, countries_of, strict=True)
    ]


def find_event_cues(
    article: Article, mentions: tuple[Mention, ...], lexicon: Lexicon
) -> tuple[tuple[EventCue, ...], int | None]:
    """Every cue in sentence order, and the index of the first one about the article's own story."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.span.sentence, []).append(mention)
    site_pattern = _unnamed_site_pattern(tuple(sorted(lexicon.site_types)))
    cues: list[EventCue] = []
    for sentence in article.sentences:
        mentioned = by_sentence.get(sentence.index, [])
        cues.extend(_sentence_cues(sentence, article, mentioned, site_pattern, lexicon))
    main_cue = next((index for index, cue in enumerate(cues) if not cue.is_background), None)
    if main_cue is not None:
        story = cues[main_cue]
        cues = [
            replace(cue, is_background=True) if index > main_cue and _earlier_elsewhere(cue, story) else cue
            for index, cue in enumerate(cues)
        ]
    if main_cue is not None and cues[main_cue].site_type:
        story = cues[main_cue]
        cues = [
            replace(cue, place=story.place, site=story.site, site_type=story.site_type)
            if _recalls_story_site(cue, story, lexicon)
            else cue
            for cue in cues
        ]
    return tuple(cues), main_cue


def _earlier_elsewhere(cue: EventCue, story: EventCue) -> bool:
    """An attack in another town, dated only by a period ("in September") while the story has its
    day, is an earlier event even when that period has not ended: "... on Friday, killing 31 people"
    then "eight people were killed in September in an attack on a university in Nehel"."""
    if cue.is_background or cue.date is None or story.date is None or not cue.place or not story.place:
        return False
    vaguer = _span_days(cue.date) >= PERIOD_SPAN_DAYS > _span_days(story.date)
    return vaguer and cached_fold(cue.place) != cached_fold(story.place)


def _span_days(date: DateRef) -> int:
    return (date.end - date.start).days + 1


def _recalls_story_site(cue: EventCue, story: EventCue, lexicon: Lexicon) -> bool:
    """An earlier attack on "the hotel" with no place of its own happened at the story's hotel."""
    if not cue.is_background or cue.place or cue.site:
        return False
    nouns = DEFINITE_NOUN.findall(cue.span.text)
    return any(lexicon.site_types.get(noun.lower()) == story.site_type for noun in nouns)
