"""The frozen data classes every stage shares.

Facts flow one way: ``ingest`` makes :class:`Article` objects, the extractors make
:class:`Mention`, :class:`Claim` and :class:`EventCue` objects that point back into an
article's sentences, and ``resolve`` turns them into the :class:`Dossier` that ``render``
writes out.  Every fact keeps its provenance: article id, sentence index and sentence text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ACTOR_KINDS = (
    "person",
    "armed_group",
    "government",
    "armed_force",
    "security_service",
    "international_org",
    "organisation",
    "company",
    "media",
    "group",
)
"""Kinds an actor can have; ``group`` is an unnamed collective such as "Malian soldiers"."""

PLACE_KINDS = ("country", "region", "city", "site")
"""Kinds a place can have; a ``site`` is a building or facility (hotel, airport, camp)."""

CLAIM_KINDS = ("killed", "injured", "hostages", "freed", "attackers", "detained", "missing")
"""Kinds of casualty figure a claim can state."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article's cleaned text."""

    index: int
    """Position among the article's sentences, from 0."""
    paragraph: int
    """Index of the paragraph that holds it."""
    start: int
    """Character offset of the sentence in :attr:`Article.text`."""
    end: int
    """Offset one past its last character."""
    text: str
    """The sentence exactly as it stands in the text."""


@dataclass(frozen=True)
class Paragraph:
    """A block of the cleaned text: a body paragraph or a sub-heading such as ``- Confusion -``."""

    index: int
    start: int
    end: int
    heading: bool
    """True for a sub-heading line, whose text is shown as a heading and never as a sentence."""
    text: str


@dataclass(frozen=True)
class Article:
    """A source article after ingest: clean text, structure and editorial metadata."""

    id: str
    """URL-safe slug derived from the file name; unique in a dossier."""
    path: str
    """The file it was read from, relative to the seeds folder."""
    title: str
    """Headline from the sidecar, the text, or the first sentence."""
    text: str
    """Cleaned body text (no headline, no boilerplate); offsets point into it."""
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    outlet: str | None = None
    """The outlet that published the article (sidecar, dateline or a credit in the text)."""
    relayed_from: str | None = None
    """The wire service whose copy the outlet relays ("AFP reports"), if any."""
    published: dt.date | None = None
    """Publication date from the sidecar; relative dates resolve against it."""
    url: str | None = None
    dateline: str | None = None
    """Place named in the dateline (``Bamako (AFP) -``), if there is one."""
    stripped: tuple[str, ...] = ()
    """Boilerplate removed from the text, kept so the source page can show it."""
    digest: str = ""
    """SHA-256 of the normalised text; equal digests are duplicate articles."""
    encoding: str = "utf-8"
    """Encoding the file was decoded from."""


@dataclass(frozen=True)
class Span:
    """Where a fact was read: the article, the sentence and the characters within it."""

    article: str
    """Article id."""
    sentence: int
    """Sentence index in the article."""
    start: int
    """Offset of the matched text within the sentence."""
    end: int
    text: str
    """The whole sentence, quoted as provenance."""


@dataclass(frozen=True)
class Mention:
    """An actor or place named in a sentence; extractors find these and never merge them."""

    surface: str
    """The words as written ("the UN mission", "Traore")."""
    category: str
    """``actor`` or ``place``."""
    kind: str
    """One of :data:`ACTOR_KINDS` or :data:`PLACE_KINDS`."""
    span: Span
    canonical: str | None = None
    """Canonical name when a curated list or the same article ties the surface to one."""
    role: str | None = None
    """Title or role given with a person ("Security Minister", "the hotel's head of security")."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the country it belongs to, when known."""
    subkind: str | None = None
    """Finer type for sites and groups: "hotel", "airport", "restaurant", "nationality" ..."""


@dataclass(frozen=True)
class DateRef:
    """A date or date range resolved from an expression such as "early Saturday" or "last March"."""

    start: dt.date
    end: dt.date
    """Inclusive; equal to ``start`` for a single day."""
    expression: str
    """The words it was read from."""

    def overlaps(self, other: DateRef) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class EventCue:
    """A sentence that refers to an attack: the raw material ``resolve`` groups into incidents."""

    span: Span
    trigger: str
    """The attack word ("siege", "attack", "hostage taking", "massacre")."""
    attack_type: str
    """GTD-style type: "hostage_taking", "armed_assault", "bombing", "assassination", ..."""
    place: str | None = None
    """Surface of the most specific place named with it (city or town)."""
    site: str | None = None
    """Surface of the site ("Radisson Blu hotel", "a restaurant")."""
    site_type: str | None = None
    """Kind of site ("hotel", "restaurant"), so an unnamed "hotel" can match a named one."""
    date: DateRef | None = None
    is_background: bool = False
    """True when the sentence recalls an earlier event rather than the article's own story."""


@dataclass(frozen=True)
class Claim:
    """A casualty figure as one source states it."""

    kind: str
    """One of :data:`CLAIM_KINDS`."""
    low: int | None
    high: int | None
    """The figure as a range; ``None`` is an open end ("at least 22" is 22..None)."""
    approximate: bool
    """True for "around", "about", "some", "a dozen"."""
    figure: str
    """The words the figure was read from ("at least 22", "two or three")."""
    subject: str
    """Who the figure counts ("hostages", "Malian soldiers", "people")."""
    attributed_to: str | None
    """Who said it ("a military source", "Security Minister Salif Traore")."""
    span: Span
    cue: int | None = None
    """Index into the article's event cues of the event the figure belongs to, if known."""


@dataclass(frozen=True)
class Extraction:
    """Everything the extractors found in one article."""

    article: Article
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    cues: tuple[EventCue, ...]
    main_cue: int | None = None
    """Index of the cue for the article's own story; None when it reports no attack."""


@dataclass(frozen=True)
class Entity:
    """A resolved actor or place: one record for one real-world thing across all articles."""

    id: str
    """Stable slug, unique among entities of its category."""
    name: str
    category: str
    """``actor`` or ``place``."""
    kind: str
    aliases: tuple[str, ...]
    """Other names it appears under, sorted."""
    mentions: tuple[Mention, ...]
    role: str | None = None
    country: str | None = None
    subkind: str | None = None
    coordinates: tuple[float, float] | None = None
    """(latitude, longitude) from the gazetteer, for places."""
    parent: str | None = None
    """Id of the place that contains it (site -> city -> country)."""


@dataclass(frozen=True)
class ClaimRecord:
    """A claim placed in the dossier: the claim, its id and the incident it belongs to."""

    id: str
    incident: str | None
    claim: Claim


@dataclass(frozen=True)
class Conflict:
    """Two or more sources (or one source twice) giving different figures for the same thing."""

    incident: str
    kind: str
    subject: str
    claims: tuple[str, ...]
    """Ids of the disagreeing claim records."""


@dataclass(frozen=True)
class Incident:
    """One attack, built from the cues and claims of every article that reports or recalls it."""

    id: str
    name: str
    date: DateRef | None
    place: str | None
    """Place entity id (city or town)."""
    site: str | None
    """Place entity id of the site, if known."""
    attack_type: str
    sources: tuple[str, ...]
    """Ids of the articles that report or recall it."""
    actors: tuple[str, ...]
    """Actor entity ids named in its sentences."""
    perpetrators: tuple[str, ...]
    """Actor ids that claimed it or are named as attackers."""
    cues: tuple[EventCue, ...] = field(default=())


@dataclass(frozen=True)
class Dossier:
    """The whole resolved dossier: what ``render`` and the exports read."""

    articles: tuple[Article, ...]
    actors: tuple[Entity, ...]
    places: tuple[Entity, ...]
    incidents: tuple[Incident, ...]
    claims: tuple[ClaimRecord, ...]
    conflicts: tuple[Conflict, ...]
    extractions: tuple[Extraction, ...]
    duplicates: tuple[tuple[str, str], ...] = ()
    """(duplicate article id, id of the article it repeats)."""
