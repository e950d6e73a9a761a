"""Resolve mentions into entities: one actor or place record per real-world thing, across articles.

Mentions are merged through blocking keys, never by comparing all pairs, so the work grows with
the number of mentions: the folded canonical name, the folded surface, a site's name without its
head noun ("radisson blu" for "Radisson Blu hotel"), and a person's surname for a mention that is
a surname alone. Mentions sharing a key join one group (union-find); each group becomes an
:class:`~build_dossier.model.Entity` with the best name, its other names as aliases, its kind and
country by majority, and for places coordinates from the gazetteer and a parent place.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from build_dossier.lexicon import Lexicon
from build_dossier.model import Entity, Extraction, Mention
from build_dossier.slugs import fold, unique_slugs

LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
KIND_PREFERENCE = ("organisation", "group")
"""Vague kinds that lose a tie against any specific kind."""
MAX_CONTAINED_WORDS = 8


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Folded name without a leading article: "The UN mission" and "UN mission" share a key.

    Remembered: every mention of a name asks for its key several times."""
    return fold(LEADING_DETERMINER.sub("", text.strip()))


@dataclass(frozen=True)
class ResolvedEntities:
    """The actors and places of a dossier, with look-ups from article text to entity ids."""

    actors: tuple[Entity, ...]
    places: tuple[Entity, ...]
    by_position: dict[tuple[str, int, int], str] = field(default_factory=dict)
    """(article id, sentence index, start offset) -> entity id."""
    by_article_name: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(article id, category, folded name) -> entity id: how the article itself writes it."""
    by_name: dict[tuple[str, str], str] = field(default_factory=dict)
    """(category, folded name or alias) -> entity id, for names the article does not write."""

    def entity_at(self, article_id: str, sentence: int, start: int) -> str | None:
        """Id of the entity mentioned at this position of an article, if any."""
        return self.by_position.get((article_id, sentence, start))

    def find(self, article_id: str, surface: str, category: str) -> str | None:
        """Entity id for a name as written in an article ("Sevare", "Security Minister Salif
        Traore"): the whole surface first, then the longest known name inside it."""
        key = name_key(surface)
        found = self._lookup(article_id, key, category)
        if found or not key:
            return found
        words = key.split()
        for width in range(min(len(words), MAX_CONTAINED_WORDS), 0, -1):
            for start in range(len(words) - width, -1, -1):
                found = self._lookup(article_id, " ".join(words[start : start + width]), category)
                if found:
                    return found
        return None

    def _lookup(self, article_id: str, key: str, category: str) -> str | None:
        return self.by_article_name.get((article_id, category, key)) or self.by_name.get((category, key))


class _Groups:
    """Union-find over mention indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def root(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, first: int, second: int) -> None:
        a, b = self.root(first), self.root(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _mention_name(mention: Mention) -> str:
    return mention.canonical or LEADING_DETERMINER.sub("", mention.surface.strip())


def _site_core(mention: Mention, lexicon: Lexicon) -> str | None:
    """A site's name without its type words: "radisson blu" for "the Radisson Blu hotel"."""
    words = [w for w in name_key(_mention_name(mention)).split() if w not in lexicon.site_types]
    core = " ".join(words)
    return core or None


def _blocking_keys(mention: Mention, lexicon: Lexicon) -> list[tuple[str, ...]]:
    """Keys under which mentions of one thing meet; two mentions sharing any key are one entity."""
    category = mention.category
    keys: list[tuple[str, ...]] = [(category, name_key(_mention_name(mention)))]
    if mention.canonical is None or mention.kind != "person":
        keys.append((category, name_key(mention.surface)))
    if mention.kind == "site":
        core = _site_core(mention, lexicon)
        if core:
            keys.append(("any", core))
    if _is_vague(mention):
        keys.append(("any", name_key(mention.surface)))
    if (
        mention.kind in ("armed_force", "security_service", "government")
        and mention.country
        and mention.canonical
    ):
        keys.append(("national", mention.kind, mention.country, name_key(mention.canonical)))
    return [key for key in keys if key[-1]]


def _is_vague(mention: Mention) -> bool:
    """Typed only by its shape: a capitalised phrase with no list entry, head noun or title."""
    if mention.canonical is not None:
        return False
    return mention.kind == "organisation" or (mention.kind == "person" and mention.role is None)


def _short_keys(mention: Mention, lexicon: Lexicon) -> list[str]:
    """The one-word forms a longer name is later cited by: a person's surname, the distinctive
    words of a company or site ("rezidor" for "Rezidor Group")."""
    words = name_key(_mention_name(mention)).split()
    if len(words) < 2:
        return []
    if mention.kind == "person":
        return [words[-1]]
    if mention.category == "actor" and mention.kind not in ("company", "organisation"):
        return []
    if mention.category == "place" and mention.kind != "site":
        return []
    core = [
        w
        for w in words
        if w not in lexicon.site_types and w not in lexicon.org_heads and w not in ("of", "the")
    ]
    return core[:1]


MentionKeys = tuple[list[tuple[str, ...]], list[str], str | None]
"""A mention's blocking keys, its short forms, and its lone word (see :func:`_mention_keys`)."""


def _mention_keys(mention: Mention, lexicon: Lexicon) -> MentionKeys:
    """A mention's blocking keys, its short forms, and its one word when it could be a short form
    of a fuller name."""
    words = name_key(_mention_name(mention)).split()
    lone = words[0] if len(words) == 1 and (mention.kind == "person" or _is_vague(mention)) else None
    return _blocking_keys(mention, lexicon), _short_keys(mention, lexicon), lone


def _short_form_links(keys: Sequence[MentionKeys], groups: _Groups) -> None:
    """A lone word with no fuller name in its article ("Kolombe said", "Brenvoll will reopen")
    joins the one entity whose fuller name it is the short form of; never when two could fit."""
    bearers: dict[str, set[int]] = defaultdict(set)
    for index, (_, short, _) in enumerate(keys):
        for key in short:
            bearers[key].add(index)
    for index, (_, _, lone) in enumerate(keys):
        if lone is None:
            continue
        roots = {groups.root(member) for member in bearers.get(lone, ())}
        if len(roots) == 1:
            groups.join(index, roots.pop())


def tally(values: Iterable[str | None]) -> dict[str, int]:
    """How often each non-empty value occurs, in the order first seen. A plain dict: a ``Counter``
    costs three times as much on the few values of a mention group or a report, and resolving
    counts ten thousand times."""
    counts: dict[str, int] = {}
    for value in values:
        if value:
            counts[value] = counts.get(value, 0) + 1
    return counts


def _majority(values: Iterable[str | None], avoid: tuple[str, ...] = ()) -> str | None:
    """Most frequent value, those in ``avoid`` only when there is no other, ties to the first in
    sort order."""
    counts = tally(values)
    if not counts:
        return None
    return min(counts.items(), key=lambda pair: (pair[0] in avoid, -pair[1], pair[0]))[0]


def _best_name(members: Sequence[Mention]) -> str:
    """A curated canonical name when there is one, else the fullest form written."""
    canonicals = Counter(m.canonical for m in members if m.canonical)
    if canonicals:
        return sorted(canonicals.items(), key=lambda pair: (-pair[1], -len(pair[0]), pair[0]))[0][0]
    names = Counter(LEADING_DETERMINER.sub("", m.surface.strip()) for m in members)
    return sorted(names.items(), key=lambda pair: (-len(pair[0].split()), -pair[1], pair[0]))[0][0]


@dataclass(frozen=True)
class _Draft:
    """An entity before its id is known."""

    name: str
    category: str
    kind: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    role: str | None
    country: str | None
    subkind: str | None


def _draft(members: list[Mention], lexicon: Lexicon) -> _Draft:
    sure = [m for m in members if not _is_vague(m)] or members
    name = _best_name(sure) if any(m.canonical for m in sure) else _best_name(members)
    category = _majority(m.category for m in sure) or members[0].category
    kind = _majority((m.kind for m in sure if m.category == category), avoid=KIND_PREFERENCE) or sure[0].kind
    surfaces = {LEADING_DETERMINER.sub("", m.surface.strip()) for m in members}
    curated = lexicon.actors.get(name_key(name))
    if curated and curated.name == name:
        surfaces.update(curated.aliases)
    aliases = sorted((alias for alias in surfaces if alias != name), key=lambda alias: (fold(alias), alias))
    ordered = tuple(sorted(members, key=lambda m: (m.span.article, m.span.sentence, m.span.start)))
    return _Draft(
        name=name,
        category=category,
        kind=kind,
        aliases=tuple(dict.fromkeys(aliases)),
        mentions=tuple(replace(m, category=category) if m.category != category else m for m in ordered),
        role=_majority(m.role for m in members),
        country=_majority(m.country for m in members),
        subkind=_majority(m.subkind for m in members if m.subkind != "nationality")
        if kind != "country"
        else None,
    )


def _coordinates(draft: _Draft, lexicon: Lexicon) -> tuple[float, float] | None:
    if draft.kind == "country":
        country = lexicon.countries_by_code.get(draft.country or "")
        return country.coordinates if country else None
    if draft.kind == "city":
        town = lexicon.towns.get(fold(draft.name))
        if town and (draft.country is None or town.country == draft.country):
            return town.coordinates
    return None


def _place_parents(drafts: list[_Draft], ids: list[str]) -> dict[int, str]:
    """Site -> the city named with it (same sentence, else the article's most named city);
    city or region -> its country's entity when the dossier has one."""
    country_ids = {d.country: ids[i] for i, d in enumerate(drafts) if d.kind == "country" and d.country}
    city_at: dict[tuple[str, int], list[int]] = defaultdict(list)
    city_count: dict[str, Counter[int]] = defaultdict(Counter)
    for index, draft in enumerate(drafts):
        if draft.kind != "city":
            continue
        for mention in draft.mentions:
            city_at[(mention.span.article, mention.span.sentence)].append(index)
            city_count[mention.span.article][index] += 1
    parents: dict[int, str] = {}
    for index, draft in enumerate(drafts):
        if draft.kind == "site":
            votes: Counter[int] = Counter()
            for mention in draft.mentions:
                votes.update(city_at.get((mention.span.article, mention.span.sentence), ()))
            if not votes:
                for mention in draft.mentions:
                    votes.update(city_count[mention.span.article])
            if votes:
                parents[index] = ids[sorted(votes.items(), key=lambda pair: (-pair[1], ids[pair[0]]))[0][0]]
            elif draft.country in country_ids:
                parents[index] = country_ids[draft.country]
        elif draft.kind in ("city", "region") and draft.country in country_ids:
            parents[index] = country_ids[draft.country]
    return parents


Result = TypeVar("Result")


class EntityMemory:
    """What the last resolution worked out from each mention and each group of mentions, for a
    process that resolves again and again (``mkdocs serve``): reused when the inputs are the very
    same objects. An edit leaves the extraction of every other article as it was (the cache hands
    back the same objects), so at 1,000 articles resolving takes about a quarter less time."""

    def __init__(self) -> None:
        self._last: dict[tuple[int, ...], tuple[tuple[object, ...], object]] = {}
        self._now: dict[tuple[int, ...], tuple[tuple[object, ...], object]] = {}

    def get(self, inputs: tuple[object, ...], work: Callable[[], Result]) -> Result:
        """``work()``, or what it gave last time for these objects. Keeping the objects keeps
        their ids from being given to others."""
        key = tuple(map(id, inputs))
        kept = self._last.get(key)
        value = work() if kept is None else kept[1]
        self._now[key] = (inputs, value)
        return value  # type: ignore[return-value]

    def forget_unused(self) -> None:
        """Keep only what this resolution used: a removed article's mentions are let go."""
        self._last, self._now = self._now, {}


def _reused(memory: EntityMemory | None, inputs: tuple[object, ...], work: Callable[[], Result]) -> Result:
    return work() if memory is None else memory.get(inputs, work)


def resolve_entities(
    extractions: Sequence[Extraction], lexicon: Lexicon, memory: EntityMemory | None = None
) -> ResolvedEntities:
    """Merge every mention of every article into actors and places (linear in the mentions)."""
    mentions = [mention for extraction in extractions for mention in extraction.mentions]
    keys = [
        _reused(memory, ("keys", lexicon, mention), functools.partial(_mention_keys, mention, lexicon))
        for mention in mentions
    ]
    groups = _Groups(len(mentions))
    first_with_key: dict[tuple[str, ...], int] = {}
    for index, (blocking, _, _) in enumerate(keys):
        for key in blocking:
            if key in first_with_key:
                groups.join(index, first_with_key[key])
            else:
                first_with_key[key] = index
    _short_form_links(keys, groups)

    members: dict[int, list[Mention]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        members[groups.root(index)].append(mention)
    drafts = sorted(
        (
            _reused(memory, ("draft", lexicon, *group), functools.partial(_draft, group, lexicon))
            for group in members.values()
        ),
        key=lambda d: (
            d.category,
            fold(d.name),
            d.name,
            d.kind,
            d.mentions[0].span.article,
            d.mentions[0].span.sentence,
        ),
    )
    actor_drafts = [d for d in drafts if d.category == "actor"]
    place_drafts = [d for d in drafts if d.category == "place"]
    actor_ids = unique_slugs((d.name for d in actor_drafts), fallback="actor")
    place_ids = unique_slugs((d.name for d in place_drafts), fallback="place")
    parents = _place_parents(place_drafts, place_ids)

    actors = tuple(_entity(d, actor_ids[i], None, None) for i, d in enumerate(actor_drafts))
    places = tuple(
        _entity(d, place_ids[i], _coordinates(d, lexicon), parents.get(i)) for i, d in enumerate(place_drafts)
    )
    if memory is not None:
        memory.forget_unused()
    return _with_indexes(actors, places, lexicon)


def _entity(
    draft: _Draft, entity_id: str, coordinates: tuple[float, float] | None, parent: str | None
) -> Entity:
    return Entity(
        id=entity_id,
        name=draft.name,
        category=draft.category,
        kind=draft.kind,
        aliases=draft.aliases,
        mentions=draft.mentions,
        role=draft.role,
        country=draft.country,
        subkind=draft.subkind,
        coordinates=coordinates,
        parent=parent,
    )


def _with_indexes(
    actors: tuple[Entity, ...], places: tuple[Entity, ...], lexicon: Lexicon
) -> ResolvedEntities:
    by_position: dict[tuple[str, int, int], str] = {}
    by_article_name: dict[tuple[str, str, str], str] = {}
    by_name: dict[tuple[str, str], str] = {}
    for entity in (*actors, *places):
        for name in (entity.name, *entity.aliases):
            by_name.setdefault((entity.category, name_key(name)), entity.id)
        for mention in entity.mentions:
            span = mention.span
            by_position.setdefault((span.article, span.sentence, span.start), entity.id)
            for name in (mention.surface, mention.canonical or ""):
                if name:
                    by_article_name.setdefault((span.article, entity.category, name_key(name)), entity.id)
            if entity.name in lexicon.missions_by_country.values():
                # "the UN mission" in an article that names this mission stands for it.
                for descriptor in lexicon.mission_descriptors:
                    by_article_name.setdefault((span.article, "actor", descriptor), entity.id)
    return ResolvedEntities(actors, places, by_position, by_article_name, by_name)
