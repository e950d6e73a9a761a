"""Render: the resolved Dossier -> every generated page and data file, as strings keyed by docs path.

Rule of the module: templates never see raw article text. The ``*_md`` values handed to a template
are built here with :mod:`build_dossier.markup`, which escapes text for Markdown and HTML exactly
once; templates only lay them out. Lookups are built once per dossier (:class:`Index`), so each page
costs time in proportion to its own content, not to the size of the dossier.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TypeVar

import jinja2
import yaml

from build_dossier import export, mapping, network, paging
from build_dossier.figures import claim_range, combined_range, origin_of, reconcile
from build_dossier.lookups import Index, incident_order, places_of
from build_dossier.markup import (
    TEXT_MEMO_SIZE,
    anchor_id,
    external_link,
    md_fragment,
    md_link,
    md_text,
    plain,
    quoted,
    yaml_string,
)
from build_dossier.model import (
    ACTOR_KINDS,
    CLAIM_KINDS,
    PLACE_KINDS,
    Article,
    ClaimRecord,
    Conflict,
    Dossier,
    Entity,
    Incident,
    Span,
)
from build_dossier.processes import collector_paused
from build_dossier.rerender import Part, RenderMemory
from build_dossier.slugs import fold, slugify
from build_dossier.wording import country_name, format_date, format_day, label

TEMPLATE_DIR = Path(__file__).with_name("templates")
T = TypeVar("T")
TIME_EXPRESSIONS = Path(__file__).with_name("data") / "time_expressions.yml"

INFOBOX_KINDS = (
    ("killed", "Deaths"),
    ("injured", "Injured"),
    ("hostages", "Hostages"),
    ("freed", "Freed"),
    ("attackers", "Attackers"),
    ("detained", "Detained"),
    ("missing", "Missing"),
)
SUMMARY_KINDS = ("killed", "injured", "hostages", "attackers")
MAX_SUMMARY_SENTENCES = 4


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """Templates are compiled once per process; autoescape is off because values arrive escaped."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=False,
        auto_reload=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = md_text
    return environment


def reload_templates() -> None:
    """Compile the templates again on next use: ``mkdocs serve`` calls it after one was edited."""
    _environment.cache_clear()


@lru_cache(maxsize=1)
def _time_expression_pattern() -> re.Pattern[str]:
    patterns = yaml.safe_load(TIME_EXPRESSIONS.read_text(encoding="utf-8"))["patterns"]
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


def _render(template: str, **context: object) -> str:
    return _environment().get_template(template).render(**context)


# --- links and anchors --------------------------------------------------------------------------------------


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative link between two docs pages, as MkDocs validates it (pages are at most one folder deep)."""
    from_folder, _, _ = from_page.rpartition("/")
    to_folder, _, to_name = to_page.rpartition("/")
    relative = to_name if from_folder == to_folder else "../" * from_page.count("/") + to_page
    return f"{relative}#{anchor}" if anchor else relative


def sentence_anchor(index: int) -> str:
    return f"s-{index}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{anchor_id(claim_id)}"


def front_matter(title: str, *, unindexed: str | None = None) -> str:
    """YAML front matter: a plain title for the browser tab, and on a page that large dossiers
    leave out of their search index, ``dossier_unindexed`` with the reason (see
    :mod:`build_dossier.pagefind_search`)."""
    flag = f"dossier_unindexed: {yaml_string(unindexed)}\n" if unindexed else ""
    return f"---\ntitle: {yaml_string(title)}\n{flag}---\n"


def unindexed_reason(entity: Entity) -> str | None:
    """Why a search needs no page of this actor or place, or None: what it would find there is
    indexed on other pages, which name the entity too."""
    if len({mention.span.article for mention in entity.mentions}) <= 1:
        return "named in one article, whose page holds its sentences"
    if entity.kind == "site":
        return "a site: the pages of its incidents and articles name it"
    return None


# --- shared fragments ----------------------------------------------------------------------------


def source_label(article: Article) -> str:
    """``Outlet, 6 March 2021`` as Markdown."""
    outlet = md_text(article.outlet) if article.outlet else "unknown outlet"
    return f"{outlet}, {format_day(article.published)}" if article.published else outlet


def origin_note(article: Article) -> str:
    """Markdown: the outlet, and the wire it relays if any."""
    outlet = md_text(article.outlet) if article.outlet else "unknown outlet"
    if article.relayed_from:
        return f"{outlet}, relaying {md_text(article.relayed_from)}"
    return outlet


def quote_with_source(index: Index, span: Span, page: str) -> str:
    """``“sentence” (Outlet, date)`` linking to the sentence on its source page."""
    article = index.articles[span.article]
    target = href(page, f"sources/{article.id}.md", sentence_anchor(span.sentence))
    return f"{quoted(span.text)} ({md_link(source_label(article), target)})"


def entity_link(index: Index, entity_id: str, page: str) -> str:
    if entity_id in index.actors:
        return md_link(md_text(index.actors[entity_id].name), href(page, f"actors/{entity_id}.md"))
    if entity_id in index.places:
        return md_link(md_text(index.places[entity_id].name), href(page, f"places/{entity_id}.md"))
    return md_text(entity_id)


def incident_link(index: Index, incident_id: str, page: str) -> str:
    incident = index.incidents[incident_id]
    return md_link(md_text(incident.name), href(page, f"incidents/{incident_id}.md"))


def article_link(index: Index, article_id: str, page: str) -> str:
    article = index.articles[article_id]
    return md_link(md_text(article.title or article.id), href(page, f"sources/{article_id}.md"))


def speaker(record: ClaimRecord) -> str:
    return md_text(record.claim.attributed_to) if record.claim.attributed_to else "not attributed"


def mentions_by_source(index: Index, entity: Entity, page: str) -> list[dict[str, object]]:
    """Backlinks with context: each source that names the entity, with the quoting sentences."""
    sentences: dict[str, dict[int, str]] = {}
    for mention in entity.mentions:
        sentences.setdefault(mention.span.article, {})[mention.span.sentence] = mention.span.text
    groups = []
    for article_id in sorted(sentences, key=index.article_order):
        if article_id not in index.articles:
            continue
        article = index.articles[article_id]
        quotes = []
        for sentence_index in sorted(sentences[article_id]):
            target = href(page, f"sources/{article_id}.md", sentence_anchor(sentence_index))
            quotes.append(
                f"{quoted(sentences[article_id][sentence_index])} "
                f"({md_link(f'sentence {sentence_index + 1}', target)})"
            )
        groups.append(
            {
                "source_md": article_link(index, article_id, page),
                "origin_md": source_label(article),
                "quotes_md": quotes,
            }
        )
    return groups


# --- tags --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tag:
    """A label shared by pages (an attack type, a country, a kind, an outlet), with a page listing them."""

    name: str
    category: str


TAG_CATEGORIES = ("Attack type", "Country", "Kind", "Outlet")
TAG_PAGE_ROWS = 40
"""Pages listed on one tag page; a well-used tag (a country, a big outlet) is paged by section."""


def tag_page(name: str) -> str:
    slug = slugify(name, "tag")
    return f"tags/{'index-tag' if slug == 'index' else slug}.md"


def incident_tags(index: Index, incident: Incident) -> list[Tag]:
    tags = [Tag(label(incident.attack_type), "Attack type")]
    country = country_name(index.country_of(incident))
    if country:
        tags.append(Tag(country, "Country"))
    outlets = {index.articles[a].outlet for a in incident.sources if a in index.articles}
    return tags + [Tag(outlet, "Outlet") for outlet in sorted(o for o in outlets if o)]


def entity_tags(entity: Entity) -> list[Tag]:
    tags = [Tag(label(entity.kind), "Kind")]
    country = country_name(entity.country) if entity.country else None
    return tags + ([Tag(country, "Country")] if country else [])


def source_tags(article: Article) -> list[Tag]:
    return [Tag(article.outlet, "Outlet")] if article.outlet else []


def tag_line(tags: Iterable[Tag], page: str) -> str | None:
    """Markdown: a page's tags, each linking to the page that lists everything carrying it."""
    by_page = {tag_page(tag.name): tag for tag in tags if plain(tag.name)}
    if not by_page:
        return None
    links = [
        md_link(md_text(by_page[path].name), href(page, path))
        for path in sorted(by_page, key=lambda path: (by_page[path].name.casefold(), path))
    ]
    return "Tags: " + " · ".join(links) + "\n{: .dossier-tags }"


def render_tags(
    index: Index,
    incidents: list[Incident],
    actors: list[Entity],
    places: list[Entity],
    articles: list[Article],
) -> dict[str, str]:
    """``tags/index.md`` by category, and a page per tag listing its pages; both paged when long."""
    found: dict[str, Tag] = {}
    members: dict[str, dict[str, list[str]]] = {}

    def add(tags: list[Tag], section: str, key: str) -> None:
        for tag in tags:
            path = tag_page(tag.name)
            found.setdefault(path, tag)
            listed = members.setdefault(path, {}).setdefault(section, [])
            if not listed or listed[-1] != key:
                listed.append(key)

    for incident in incidents:
        add(incident_tags(index, incident), "Incidents", incident.id)
    for actor in actors:
        add(entity_tags(actor), "Actors", actor.id)
    for place in places:
        add(entity_tags(place), "Places", place.id)
    for article in articles:
        add(source_tags(article), "Sources", article.id)

    def entry(section: str, key: str, page: str) -> str:
        if section == "Incidents":
            incident = index.incidents[key]
            return f"{incident_link(index, key, page)}: {md_text(format_date(incident.date))}"
        if section == "Sources":
            return f"{article_link(index, key, page)}: {md_text(format_day(index.articles[key].published))}"
        return entity_link(index, key, page)

    def paged_groups(sections: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
        """A listing too long for one page, its actors and places cut by first letter: a new
        name then moves the rows of its letter's pages only, not of every page after it.
        Incidents (by date) and sources mostly grow at their end, and stay cut by count."""
        if paging.fits(sections, TAG_PAGE_ROWS):
            return sections
        groups = []
        for section, keys in sections:
            if section not in ("Actors", "Places"):
                groups.append((section, keys))
                continue
            entities = index.actors if section == "Actors" else index.places
            letters = _by_first_letter(keys, lambda key, found=entities: found[key].name)
            groups.extend((f"{section}: {letter}", members) for letter, members in letters)
        return groups

    def content(part: list[tuple[str, list[str]]], page: str) -> dict[str, object]:
        sections: dict[str, list[str]] = {}
        for group, keys in part:
            section = group.partition(": ")[0]
            sections.setdefault(section, []).extend(entry(section, key, page) for key in keys)
        return {"sections": [(md_text(section), entries) for section, entries in sections.items()]}

    pages: dict[str, str] = {}
    for path in sorted(found):
        sections = [
            (s, members[path][s]) for s in ("Incidents", "Actors", "Places", "Sources") if s in members[path]
        ]

        stem = path.removeprefix("tags/").removesuffix(".md")
        pages.update(
            _paged(
                path,
                f"Tag: {found[path].name}",
                "tag.md.j2",
                paged_groups(sections),
                TAG_PAGE_ROWS,
                "tags",
                stem,
                content,
                up_label=f"Everything tagged {found[path].name}",
            )
        )

    categories = [
        (
            category,
            sorted(
                (p for p in found if found[p].category == category), key=lambda p: found[p].name.casefold()
            ),
        )
        for category in TAG_CATEGORIES
    ]

    def index_content(part: list[tuple[str, list[str]]], page: str) -> dict[str, object]:
        return {
            "categories": [
                (
                    md_text(category),
                    [
                        f"{md_link(md_text(found[p].name), href(page, p))} "
                        f"({sum(len(keys) for keys in members[p].values())})"
                        for p in paths
                    ],
                )
                for category, paths in part
            ]
        }

    pages.update(
        _paged(
            "tags/index.md",
            "Tags",
            "tag_index.md.j2",
            [(category, paths) for category, paths in categories if paths],
            LIST_PAGE_ROWS,
            "tags",
            "index",
            index_content,
        )
    )
    return pages


# --- lists too long for one page ---------------------------------------------------------------------

PAGE_LIST_ROWS = 10
"""Rows of a list shown on an incident, actor or place page; the rest go on pages beside it."""
OVERFLOW_PAGE_ROWS = 40
"""Rows on each of those further pages."""
OVERFLOW_SLACK = 3
"""A list at most this many rows longer than what a page shows stays whole: no page for two rows."""


def overflow_parts(
    page: str,
    what: str,
    total: int,
    shown: int,
    per_page: int = OVERFLOW_PAGE_ROWS,
    slack: int = OVERFLOW_SLACK,
) -> list[tuple[str, int, int]]:
    """``(path, start, end)`` of each part of a list: the first ``shown`` rows on ``page``, the rest on
    ``<page>--<what>[--n].md`` beside it, so rows with relative links read the same on every part.
    A list at most ``slack`` rows longer than ``shown`` stays whole on ``page``."""
    if total <= shown + slack:
        return [(page, 0, total)]
    parts = [(page, 0, shown)]
    stem = page.removesuffix(".md")
    for number, start in enumerate(range(shown, total, per_page), 1):
        suffix = f"--{number}" if number > 1 else ""
        parts.append((f"{stem}--{what}{suffix}.md", start, min(start + per_page, total)))
    return parts


def overflow(
    page: str,
    owner: str,
    what: str,
    rows: list[T],
    body: Callable[[list[T]], str],
    shown: int = PAGE_LIST_ROWS,
    per_page: int = OVERFLOW_PAGE_ROWS,
    slack: int = OVERFLOW_SLACK,
) -> tuple[list[T], str | None, dict[str, str]]:
    """The rows shown on ``page``, a Markdown line linking to the rest, and the pages holding the rest.

    ``owner`` is the page's plain title and ``what`` a plural noun for the rows ("incidents").
    """
    parts = overflow_parts(page, what, len(rows), shown, per_page, slack)
    if len(parts) == 1:
        return rows, None, {}
    pages = {}
    for position, (path, start, end) in enumerate(parts[1:], 1):
        title = f"{owner}: {what} {start + 1}–{end} of {len(rows)}"
        links = [md_link(f"Back to {md_text(owner)}", href(path, page))]
        if position > 1:
            links.append(md_link("previous page", href(path, parts[position - 1][0])))
        if position + 1 < len(parts):
            links.append(md_link("next page", href(path, parts[position + 1][0])))
        pages[path] = front_matter(title) + _render(
            "overflow.md.j2",
            title_md=md_text(title),
            pager_md=" · ".join(links),
            body_md=body(rows[start:end]),
        )
    links = [
        "…" if part is None else md_link(f"{part[1] + 1}–{part[2]}", href(page, part[0]))
        for part in paging.shown_links(parts[1:])
    ]
    more = f"{len(rows) - shown} more {what} on further pages: " + " · ".join(links)
    return rows[:shown], more, pages


def first_few(items: list[T], limit: int, show: Callable[[T], str]) -> list[str]:
    """The first ``limit`` items shown, then "N more" for the rest."""
    shown = [show(item) for item in items[:limit]]
    return shown + ([f"{len(items) - limit} more"] if len(items) > limit else [])


def bullet_list(rows: list[str]) -> str:
    return "".join(f"- {row}\n" for row in rows)


# --- incident pages ------------------------------------------------------------------------------


def _claims_by_kind(records: list[ClaimRecord]) -> dict[str, list[ClaimRecord]]:
    grouped: dict[str, list[ClaimRecord]] = {}
    for record in records:
        grouped.setdefault(record.claim.kind, []).append(record)
    return grouped


MAX_CITATIONS = 2
"""Claims cited per figure in the infobox; the table under "What the sources say" lists them all."""


def _figure_cell(index: Index, records: list[ClaimRecord], page: str, claim_pages: dict[str, str]) -> str:
    """Per subject: the range of every stated figure, and links to the first claims behind it."""
    by_subject: dict[str, list[ClaimRecord]] = {}
    for record in records:
        by_subject.setdefault(record.claim.subject, []).append(record)
    parts = []
    for subject in sorted(by_subject, key=str.casefold):
        group = by_subject[subject]
        cited = first_few(
            group,
            MAX_CITATIONS,
            lambda r: md_link(
                md_text(index.articles[r.claim.span.article].outlet or r.claim.span.article),
                claim_href(page, claim_pages, r.id),
            ),
        )
        figure = combined_range(r.claim for r in group)
        parts.append(f"**{md_text(figure)}** {md_text(subject)} ({', '.join(cited)})")
    return "<br>".join(parts)


def _infobox(
    index: Index, incident: Incident, records: list[ClaimRecord], page: str, claim_pages: dict[str, str]
) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    date_md = md_text(format_date(incident.date))
    if incident.date:
        date_md += f" (“{md_text(incident.date.expression)}”)"
    rows.append(("Date", date_md))
    if incident.place and incident.place in index.places:
        place = index.places[incident.place]
        location = entity_link(index, place.id, page)
        country = country_name(index.country_of(incident))
        if country:
            location += f", {md_text(country)}"
        coordinates = index.coordinates_of(incident)
        if coordinates:
            location += f" ({coordinates[0]:.2f}, {coordinates[1]:.2f})"
        rows.append(("Location", location))
    else:
        rows.append(("Location", "unknown"))
    if incident.site and incident.site in index.places:
        site = index.places[incident.site]
        target = entity_link(index, site.id, page)
        if site.subkind:
            target += f" ({md_text(site.subkind)})"
        rows.append(("Target", target))
    rows.append(("Attack type", md_text(label(incident.attack_type))))
    perpetrators = ", ".join(
        entity_link(index, a, page) for a in sorted(incident.perpetrators, key=_name_key(index))
    )
    rows.append(("Perpetrators (claimed or named)", perpetrators or "not named by any source"))
    grouped = _claims_by_kind(records)
    for kind, heading in INFOBOX_KINDS:
        if kind in grouped:
            rows.append((heading, _figure_cell(index, grouped[kind], page, claim_pages)))
    return rows


def _name_key(index: Index) -> Callable[[str], tuple[str, str]]:
    def key(entity_id: str) -> tuple[str, str]:
        entity = index.actors.get(entity_id) or index.places.get(entity_id)
        return ((entity.name if entity else entity_id).casefold(), entity_id)

    return key


def _incident_spans(index: Index, incident: Incident, records: list[ClaimRecord]) -> list[Span]:
    """Every sentence the incident was built from, in reading order, each once."""
    spans: dict[tuple[str, int], Span] = {}
    for cue in incident.cues:
        spans.setdefault((cue.span.article, cue.span.sentence), cue.span)
    for record in records:
        spans.setdefault((record.claim.span.article, record.claim.span.sentence), record.claim.span)
    return [spans[key] for key in sorted(spans, key=lambda k: (index.article_order(k[0]), k[1]))]


def _reading_order(index: Index, span: Span) -> tuple[dt.date, bool, str, int]:
    """Earliest report first, an outlet's own copy before a relay of it, then position in the text."""
    article = index.articles[span.article]
    published, article_id = index.article_order(span.article)
    return (published, article.relayed_from is not None, article_id, span.sentence)


def _summary(index: Index, incident: Incident, records: list[ClaimRecord], page: str) -> list[str]:
    """A paragraph of quoted, cited sentences: the event itself, then one sentence per figure."""
    chosen: list[Span] = []
    own_cues = sorted(
        (cue for cue in incident.cues if cue.span.article in index.articles),
        key=lambda c: (c.is_background, _reading_order(index, c.span)),
    )
    if own_cues:
        chosen.append(own_cues[0].span)
    grouped = _claims_by_kind(records)
    for kind in SUMMARY_KINDS:
        for record in sorted(grouped.get(kind, []), key=lambda r: _reading_order(index, r.claim.span)):
            if all(s.text != record.claim.span.text for s in chosen):
                chosen.append(record.claim.span)
                break
    return [quote_with_source(index, span, page) for span in chosen[:MAX_SUMMARY_SENTENCES]]


@lru_cache(maxsize=TEXT_MEMO_SIZE)
def time_expressions(sentence: str) -> tuple[str, ...]:
    """Time expressions in a sentence; neighbours joined ("around 7:00 am (0700 GMT) Friday").

    Memoised: an incident's timeline and its sources' pages ask about the same sentences.
    """
    merged: list[list[int]] = []
    for match in _time_expression_pattern().finditer(sentence):
        gap = sentence[merged[-1][1] : match.start()] if merged else None
        if gap is not None and re.fullmatch(r"[\s(),]*", gap):
            merged[-1][1] = match.end()
        else:
            merged.append([match.start(), match.end()])
    return tuple(
        sentence[start:end].strip(" (,")
        + (")" if sentence[start:end].count("(") > sentence[start:end].count(")") else "")
        for start, end in merged
    )


MAX_TIMELINE_ENTRIES = 5


def _timeline(index: Index, spans: list[Span], page: str) -> list[dict[str, str]]:
    """Sentences that say when something happened, a sentence repeated word for word shown once."""
    by_text: dict[str, list[Span]] = {}
    for span in spans:
        if time_expressions(span.text):
            by_text.setdefault(span.text, []).append(span)
    entries = []
    for text, group in list(by_text.items())[:MAX_TIMELINE_ENTRIES]:
        sources = first_few(
            group,
            MAX_REPORTS_PER_VALUE,
            lambda s: md_link(
                source_label(index.articles[s.article]),
                href(page, f"sources/{s.article}.md", sentence_anchor(s.sentence)),
            ),
        )
        entries.append(
            {
                "when_md": "; ".join(md_text(e) for e in time_expressions(text)),
                "quote_md": f"{quoted(text)} ({'; '.join(sources)})",
            }
        )
    return entries


CLAIM_TABLE_ROWS = 5
"""Rows of "What the sources say" on the incident page; the rest on further pages beside it."""
CLAIM_PAGE_ROWS = 30
"""Claim rows on each further page: each row quotes its sentence, about 22 KB of HTML in all."""


def table_order(index: Index, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Claims in the order of "What the sources say": by kind, then earliest report first."""
    kind_rank = {kind: rank for rank, kind in enumerate(CLAIM_KINDS)}
    return sorted(
        records,
        key=lambda r: (
            kind_rank.get(r.claim.kind, len(kind_rank)),
            _reading_order(index, r.claim.span),
            r.id,
        ),
    )


def claim_pages(index: Index, incident_id: str) -> dict[str, str]:
    """The page that holds each claim's table row: the incident page or one of its claim pages."""
    ordered = table_order(index, index.claims_by_incident.get(incident_id, []))
    parts = overflow_parts(
        f"incidents/{incident_id}.md", "claims", len(ordered), CLAIM_TABLE_ROWS, CLAIM_PAGE_ROWS, slack=0
    )
    return {record.id: path for path, start, end in parts for record in ordered[start:end]}


def claim_href(page: str, pages: dict[str, str], claim_id: str) -> str:
    target = pages.get(claim_id, page)
    anchor = claim_anchor(claim_id)
    return f"#{anchor}" if target == page else href(page, target, anchor)


def _claim_rows(index: Index, records: list[ClaimRecord], page: str) -> list[dict[str, str]]:
    """Rows of "What the sources say": figure, speaker, outlet (and the wire it relays), quote."""
    rows = []
    for record in records:
        article = index.articles[record.claim.span.article]
        claim = record.claim
        rows.append(
            {
                "anchor": claim_anchor(record.id),
                "figure_md": f"**{md_text(claim_range(claim))}** {md_text(label(claim.kind).lower())} "
                f"({md_text(claim.subject)}): “{md_text(claim.figure)}”",
                "speaker_md": speaker(record),
                "source_md": md_link(origin_note(article), href(page, f"sources/{article.id}.md"))
                + f", {md_text(format_day(article.published))}",
                "quote_md": md_link(
                    quoted(claim.span.text),
                    href(page, f"sources/{article.id}.md", sentence_anchor(claim.span.sentence)),
                ),
            }
        )
    return rows


def _claims_table(index: Index, page: str) -> Callable[[list[ClaimRecord]], str]:
    return lambda records: _render("claims_table.md.j2", claims=_claim_rows(index, records, page))


MAX_REPORTS_PER_VALUE = 2
MAX_VALUES_PER_CONFLICT = 4
MAX_CONFLICTS_SHOWN = 3
"""Disputed figures detailed on an incident page; every one is in its table and on the conflicts pages."""


def _report(index: Index, record: ClaimRecord, page: str, claim_pages: dict[str, str]) -> str:
    """``speaker (Outlet, date, relaying Wire)`` with the outlet linking to the claim's table row."""
    article = index.articles[record.claim.span.article]
    relay = f", relaying {md_text(article.relayed_from)}" if article.relayed_from else ""
    link = md_link(source_label(article), claim_href(page, claim_pages, record.id))
    return f"{speaker(record)} ({link}{relay})"


def _conflict_blocks(
    index: Index, conflicts: list[Conflict], page: str, claim_pages: dict[str, str]
) -> list[dict[str, object]]:
    """Per conflicting figure, each value once with who gave it and where; the sentences are in the table."""
    blocks = []
    for conflict in conflicts:
        records = [index.claims[c] for c in conflict.claims if c in index.claims]
        by_value: dict[str, list[ClaimRecord]] = {}
        for record in sorted(records, key=lambda r: (_reading_order(index, r.claim.span), r.id)):
            by_value.setdefault(claim_range(record.claim), []).append(record)
        values = []
        for value, group in list(by_value.items())[:MAX_VALUES_PER_CONFLICT]:
            reports = first_few(group, MAX_REPORTS_PER_VALUE, lambda r: _report(index, r, page, claim_pages))
            wordings = [w for w in dict.fromkeys(r.claim.figure for r in group) if w != value]
            wording = f" ({' / '.join(f'“{md_text(w)}”' for w in wordings)})" if wordings else ""
            values.append(f"**{md_text(value)}**{wording}: " + "; ".join(reports))
        if len(by_value) > MAX_VALUES_PER_CONFLICT:
            values.append(f"{len(by_value) - MAX_VALUES_PER_CONFLICT} other values, in the table below")
        blocks.append(
            {"title_md": f"{md_text(label(conflict.kind))}: {md_text(conflict.subject)}", "values_md": values}
        )
    return blocks


def _independence(index: Index, records: list[ClaimRecord]) -> list[str]:
    """Figures repeated by more articles than there are independent origins behind them."""
    groups: dict[tuple[str, str, str], list[ClaimRecord]] = {}
    for record in records:
        key = (record.claim.kind, record.claim.subject.casefold(), claim_range(record.claim))
        groups.setdefault(key, []).append(record)
    notes = []
    for (kind, _, figure), group in sorted(groups.items()):
        article_ids = sorted({r.claim.span.article for r in group})
        origins = sorted({origin_of(index.articles[a]) for a in article_ids})
        if len(article_ids) > len(origins):
            notes.append(
                f"**{md_text(figure)}** {md_text(label(kind).lower())} "
                f"({md_text(group[0].claim.subject)}) appears in "
                f"{len(article_ids)} articles but comes from {len(origins)} independent "
                f"{'origin' if len(origins) == 1 else 'origins'} ({', '.join(md_text(o) for o in origins)}): "
                "a relay repeating a wire is not independent confirmation."
            )
    return notes


GAP_FIELDS = (
    ("Date", "GTD iyear/imonth/iday · ACLED event_date", "date"),
    ("Country", "GTD country_txt · ACLED country", "country"),
    ("City", "GTD city · ACLED location", "city"),
    ("Coordinates", "GTD latitude/longitude · ACLED latitude/longitude", "coordinates"),
    ("Attack type", "GTD attacktype1_txt · ACLED sub_event_type", "attack_type"),
    ("Target type", "GTD targtype1_txt", "target"),
    ("Perpetrator group", "GTD gname · ACLED actor1", "perpetrators"),
    ("Other actors", "ACLED actor2", "actors"),
    ("Number of perpetrators", "GTD nperps", "attackers"),
    ("Deaths", "GTD nkill · ACLED fatalities", "killed"),
    ("Injured", "GTD nwound", "injured"),
    ("Hostages", "GTD nhostkid", "hostages"),
)


def _gaps(index: Index, incident: Incident, records: list[ClaimRecord]) -> list[tuple[str, str]]:
    """GTD/ACLED fields that no source supports for this incident."""
    kinds = {record.claim.kind for record in records}
    site = index.places.get(incident.site) if incident.site else None
    supported = {
        "date": incident.date is not None,
        "country": index.country_of(incident) is not None,
        "city": incident.place is not None,
        "coordinates": index.coordinates_of(incident) is not None,
        "attack_type": bool(incident.attack_type) and incident.attack_type != "unknown",
        "target": bool(site and site.subkind),
        "perpetrators": bool(incident.perpetrators),
        "actors": bool(set(incident.actors) - set(incident.perpetrators)),
        "attackers": "attackers" in kinds,
        "killed": "killed" in kinds,
        "injured": "injured" in kinds,
        "hostages": "hostages" in kinds,
    }
    return [(md_text(name), md_text(fields)) for name, fields, key in GAP_FIELDS if not supported[key]]


def render_incident(index: Index, incident: Incident) -> dict[str, str]:
    """The incident's page, and further pages when its claims, actors, places or sources are many."""
    page = f"incidents/{incident.id}.md"
    records = index.claims_by_incident.get(incident.id, [])
    spans = _incident_spans(index, incident, records)
    places = places_of(incident, index.places)
    place_ids = sorted(set(places) | {incident.place or "", incident.site or ""} - {""}, key=_name_key(index))
    actor_ids = sorted(set(incident.actors) | set(incident.perpetrators), key=_name_key(index))
    where = claim_pages(index, incident.id)
    claims, more_claims, claim_overflow = overflow(
        page,
        incident.name,
        "claims",
        table_order(index, records),
        _claims_table(index, page),
        CLAIM_TABLE_ROWS,
        CLAIM_PAGE_ROWS,
        slack=0,
    )
    actors_md, more_actors, actor_pages = overflow(
        page,
        incident.name,
        "actors",
        [
            entity_link(index, a, page) + (" (perpetrator)" if a in incident.perpetrators else "")
            for a in actor_ids
            if a in index.actors
        ],
        bullet_list,
    )
    places_md, more_places, place_pages = overflow(
        page,
        incident.name,
        "places",
        [entity_link(index, p, page) for p in place_ids if p in index.places],
        bullet_list,
    )
    sources_md, more_sources, source_pages = overflow(
        page,
        incident.name,
        "sources",
        [
            f"{article_link(index, a, page)} ({source_label(index.articles[a])})"
            for a in sorted(incident.sources, key=index.article_order)
            if a in index.articles
        ],
        bullet_list,
    )
    return {
        page: front_matter(incident.name)
        + _render(
            "incident.md.j2",
            name_md=md_text(incident.name),
            tags_md=tag_line(incident_tags(index, incident), page),
            infobox=_infobox(index, incident, records, page, where),
            summary_md=_summary(index, incident, records, page),
            timeline=_timeline(index, spans, page),
            claims_md=_claims_table(index, page)(claims) if claims else None,
            more_claims_md=more_claims,
            conflicts=_conflict_blocks(
                index, index.conflicts_by_incident.get(incident.id, [])[:MAX_CONFLICTS_SHOWN], page, where
            ),
            conflict_count=len(index.conflicts_by_incident.get(incident.id, [])),
            independence_md=_independence(index, records),
            actors_md=actors_md,
            more_actors_md=more_actors,
            places_md=places_md,
            more_places_md=more_places,
            sources_md=sources_md,
            more_sources_md=more_sources,
            gaps=_gaps(index, incident, records),
        ),
        **claim_overflow,
        **actor_pages,
        **place_pages,
        **source_pages,
    }


# --- actor and place pages -----------------------------------------------------------------------


MAX_RELATED_ACTORS = 10
MAX_NAMES_LISTED = 10
"""Aliases or contained places named in an actor's or place's fact table before "and N more"."""


def _related_actors(index: Index, actor_id: str, page: str) -> tuple[list[str], int]:
    """The actors sharing most incidents with this one, and how many more share at least one."""
    shared: dict[str, int] = {}
    for incident_id in index.incidents_by_actor.get(actor_id, []):
        incident = index.incidents[incident_id]
        for other in set(incident.actors) | set(incident.perpetrators):
            if other != actor_id and other in index.actors:
                shared[other] = shared.get(other, 0) + 1
    ordered = sorted(shared, key=lambda a: (-shared[a], index.actors[a].name.casefold(), a))
    related = [
        f"{entity_link(index, other, page)} "
        f"({shared[other]} shared {'incident' if shared[other] == 1 else 'incidents'})"
        for other in ordered[:MAX_RELATED_ACTORS]
    ]
    return related, len(ordered) - len(related)


def _names(names: list[str]) -> str:
    """At most :data:`MAX_NAMES_LISTED` names, comma-separated, then how many are left out."""
    listed = ", ".join(names[:MAX_NAMES_LISTED])
    return listed + (f" and {len(names) - MAX_NAMES_LISTED} more" if len(names) > MAX_NAMES_LISTED else "")


def _mentions_body(mentions: list[dict[str, object]]) -> str:
    return _render("mentions.md.j2", mentions=mentions)


def _paged_mentions(
    index: Index, entity: Entity, page: str
) -> tuple[list[dict[str, object]], str | None, dict[str, str]]:
    """The first sources that name an actor or place, and further pages with the rest."""
    return overflow(
        page,
        entity.name,
        "mentions",
        mentions_by_source(index, entity, page),
        _mentions_body,
        MENTION_SOURCES_SHOWN,
        MENTION_SOURCES_PER_PAGE,
    )


MENTION_SOURCES_SHOWN = 3
"""Sources quoted under "Mentioned in" on an actor or place page; the rest on further pages."""
MENTION_SOURCES_PER_PAGE = 6
"""Sources quoted on each further page: with their sentences, about 10 KB of HTML."""


def render_actor(index: Index, actor: Entity) -> dict[str, str]:
    """The actor's page, and further pages for long lists of incidents and mentions."""
    page = f"actors/{actor.id}.md"
    facts = [("Kind", md_text(label(actor.kind)))]
    if actor.role:
        facts.append(("Role or title", md_text(actor.role)))
    if actor.country:
        facts.append(("Country", md_text(country_name(actor.country) or actor.country)))
    if actor.aliases:
        facts.append(("Also called", _names([md_text(a) for a in actor.aliases])))
    incidents = []
    for incident_id in index.incidents_by_actor.get(actor.id, []):
        incident = index.incidents[incident_id]
        part = "perpetrator" if actor.id in incident.perpetrators else "named"
        incidents.append(
            f"{incident_link(index, incident_id, page)}: {md_text(format_date(incident.date))} ({part})"
        )
    related, more_related = _related_actors(index, actor.id, page)
    return _entity_pages(
        index, actor, page, "actor.md.j2", facts, incidents, related_md=related, more_related=more_related
    )


def _entity_pages(
    index: Index,
    entity: Entity,
    page: str,
    template: str,
    facts: list[tuple[str, str]],
    incidents: list[str],
    **context: object,
) -> dict[str, str]:
    """An actor's or a place's page from its template, with the parts both have (title, tags,
    facts, incidents, mentions) and further pages for long lists of incidents and mentions."""
    incidents_md, more_incidents, incident_pages = overflow(
        page, entity.name, "incidents", incidents, bullet_list
    )
    mentions, more_mentions, mention_pages = _paged_mentions(index, entity, page)
    return {
        page: front_matter(entity.name, unindexed=unindexed_reason(entity))
        + _render(
            template,
            name_md=md_text(entity.name),
            tags_md=tag_line(entity_tags(entity), page),
            facts=facts,
            incidents_md=incidents_md,
            more_incidents_md=more_incidents,
            mentions=mentions,
            more_mentions_md=more_mentions,
            **context,
        ),
        **incident_pages,
        **mention_pages,
    }


def render_place(index: Index, place: Entity) -> dict[str, str]:
    """The place's page, and further pages for long lists of incidents and mentions."""
    page = f"places/{place.id}.md"
    facts = [("Kind", md_text(label(place.subkind or place.kind)))]
    if place.country:
        facts.append(("Country", md_text(country_name(place.country) or place.country)))
    if place.coordinates:
        facts.append(("Coordinates", f"{place.coordinates[0]:.4f}, {place.coordinates[1]:.4f}"))
    if place.parent and place.parent in index.places and place.parent != place.id:
        facts.append(("Part of", entity_link(index, place.parent, page)))
    if place.aliases:
        facts.append(("Also called", _names([md_text(a) for a in place.aliases])))
    children = index.children_of_place.get(place.id, [])
    if children:
        facts.append(("Contains", _names([entity_link(index, c, page) for c in children])))
    happened = [
        f"{incident_link(index, i, page)}: {md_text(format_date(index.incidents[i].date))}"
        for i in index.incidents_at_place.get(place.id, [])
    ]
    return _entity_pages(index, place, page, "place.md.j2", facts, happened)


# --- source pages --------------------------------------------------------------------------------


def linked_sentence(index: Index, article_id: str, sentence_index: int, text: str, page: str) -> str:
    """One sentence as Markdown with each recognised actor and place linked to its page."""
    pieces = []
    position = 0
    for start, end, target in index.links_in_sentence.get((article_id, sentence_index), []):
        if start < position or end > len(text) or start >= end:
            continue
        pieces.append(md_fragment(text[position:start]))
        pieces.append(md_link(md_text(text[start:end]), href(page, target)))
        position = end
    pieces.append(md_fragment(text[position:]))
    return "".join(pieces).strip()


def _article_body(index: Index, article: Article, page: str) -> list[str]:
    """Paragraphs of Markdown: headings as headings, each sentence in a span with its anchor."""
    by_paragraph: dict[int, list[str]] = {}
    for sentence in article.sentences:
        text = linked_sentence(index, article.id, sentence.index, sentence.text, page)
        by_paragraph.setdefault(sentence.paragraph, []).append(
            f'<span class="dossier-sentence" id="{sentence_anchor(sentence.index)}">{text}</span>'
        )
    blocks = []
    for paragraph in article.paragraphs:
        if paragraph.heading:
            heading = md_text(paragraph.text.strip(" -–—"))
            if heading:
                blocks.append(f"### {heading}")
        elif paragraph.index in by_paragraph:
            blocks.append(" ".join(by_paragraph.pop(paragraph.index)))
    blocks.extend(" ".join(by_paragraph[key]) for key in sorted(by_paragraph))
    return blocks


def render_source(index: Index, article: Article) -> str:
    page = f"sources/{article.id}.md"
    facts = [("Outlet", md_text(article.outlet) if article.outlet else "unknown")]
    if article.relayed_from:
        facts.append(("Relaying", md_text(article.relayed_from)))
    facts.append(("Published", md_text(format_day(article.published))))
    if article.dateline:
        facts.append(("Dateline", md_text(article.dateline)))
    if article.url:
        facts.append(("Address", external_link(article.url, article.url)))
    facts.append(("File", md_text(article.path)))
    facts.append(("Encoding", md_text(article.encoding)))
    if article.id in index.duplicate_of and index.duplicate_of[article.id] in index.articles:
        facts.append(("Duplicate of", article_link(index, index.duplicate_of[article.id], page)))
    claims = []
    for record in index.claims_by_article.get(article.id, []):
        incident = (
            incident_link(index, record.incident, page)
            if record.incident in index.incidents
            else "no incident"
        )
        claims.append(
            {
                "figure_md": md_text(claim_range(record.claim)),
                "kind_md": md_text(label(record.claim.kind)),
                "subject_md": md_text(record.claim.subject),
                "speaker_md": speaker(record),
                "incident_md": incident,
                "sentence_md": md_link(
                    f"sentence {record.claim.span.sentence + 1}",
                    f"#{sentence_anchor(record.claim.span.sentence)}",
                ),
            }
        )
    return front_matter(article.title or article.id) + _render(
        "source.md.j2",
        title_md=md_text(article.title or article.id),
        tags_md=tag_line(source_tags(article), page),
        facts=facts,
        incidents_md=[incident_link(index, i, page) for i in index.incidents_by_article.get(article.id, [])],
        body_md=_article_body(index, article, page),
        stripped_md=[md_text(line) for line in article.stripped if line.strip()],
        claims=claims,
    )


# --- index and overview pages --------------------------------------------------------------------


def _incident_row(index: Index, incident: Incident, page: str) -> dict[str, str]:
    place = entity_link(index, incident.place, page) if incident.place in index.places else "unknown"
    return {
        "date_md": md_text(format_date(incident.date)),
        "link_md": incident_link(index, incident.id, page),
        "place_md": place,
        "type_md": md_text(label(incident.attack_type)),
        "sources": str(len(incident.sources)),
    }


LIST_PAGE_ROWS = 60
"""Entries on one actor, place or source listing page: about 8 KB of HTML next to the theme's 17 KB."""
TABLE_PAGE_ROWS = 30
"""Rows of the incident table on one page."""
TIMELINE_PAGE_ENTRIES = 8
CONFLICT_PAGE_ROWS = 8
CONFLICT_OVERVIEW_ROWS = 5
"""The most-reported conflicting figures shown on ``conflicts.md`` once the rest is paged."""
MAX_REPORTS_SHOWN = 3
"""Reports listed per incident on the timeline and per conflict on the conflicts pages; the incident
page lists them all."""


def _overview(chunks: list[paging.Chunk[object]], page: str) -> list[dict[str, object]]:
    """One line per group on an overview page, linking to that group's sub-pages."""
    groups = []
    grouped = paging.by_group(chunks)
    limit = paging.links_per_group(len(grouped))
    for label_text, group in grouped:
        links = [
            "…"
            if chunk is None
            else md_link(f"{chunk.first}–{chunk.last}" if len(group) > 1 else "all", href(page, chunk.path))
            for chunk in paging.shown_links(group, limit)
        ]
        groups.append(
            {"label_md": md_text(label_text), "count": group[0].total, "links_md": " · ".join(links)}
        )
    return groups


def _pager(chunk: paging.Chunk[object], up_page: str, up_label: str) -> str:
    """Markdown: back to the overview, and to the neighbouring pages of the same group."""
    parts = [md_link(md_text(up_label), href(chunk.path, up_page))]
    if chunk.previous:
        parts.append(md_link("previous page", href(chunk.path, chunk.previous)))
    if chunk.next:
        parts.append(md_link("next page", href(chunk.path, chunk.next)))
    return f"{chunk.range_text.capitalize()} in {md_text(chunk.group)}. " + " · ".join(parts)


def _paged(
    page: str,
    title: str,
    template: str,
    groups: list[tuple[str, list[T]]],
    per_page: int,
    folder: str,
    stem: str,
    content: Callable[[list[tuple[str, list[T]]], str], dict[str, object]],
    up_label: str | None = None,
    **overview_context: object,
) -> dict[str, str]:
    """The listing on one page if it fits; else an overview on ``page`` and sub-pages of ``per_page`` rows.

    ``content(groups, page)`` gives the template's context for a part of the listing as seen from
    ``page`` (links are relative to the page they are on).
    """
    empty = {"pager_md": None, "overview": None}
    if paging.fits(groups, per_page):
        return {
            page: front_matter(title)
            + _render(template, title_md=md_text(title), **empty, **content(groups, page))
        }
    chunks = paging.chunk_groups(folder, stem, groups, per_page)
    pages = {}
    for chunk in chunks:
        sub_title = f"{title}: {chunk.group}" + (
            f" ({chunk.first}–{chunk.last})" if chunk.total > len(chunk.rows) else ""
        )
        pages[chunk.path] = front_matter(sub_title) + _render(
            template,
            title_md=md_text(sub_title),
            pager_md=_pager(chunk, page, up_label or f"All {title.lower()}"),
            overview=None,
            **content([(chunk.group, list(chunk.rows))], chunk.path),
        )
    empty_content = content([], page)
    pages[page] = front_matter(title) + _render(
        template,
        title_md=md_text(title),
        pager_md=None,
        overview=_overview(chunks, page),
        overview_total=sum(len(rows) for _, rows in groups),
        per_page=per_page,
        **{**empty_content, **overview_context},
    )
    return pages


def _year_of(incident: Incident | None) -> str:
    return str(incident.date.start.year) if incident and incident.date else "Undated"


def _by_year(incidents: list[Incident]) -> list[tuple[str, list[Incident]]]:
    years: dict[str, list[Incident]] = {}
    for incident in incidents:
        years.setdefault(_year_of(incident), []).append(incident)
    return list(years.items())


def render_incident_index(index: Index, incidents: list[Incident]) -> dict[str, str]:
    """``incidents/index.md`` by year; paged by year past :data:`TABLE_PAGE_ROWS` incidents."""

    def content(groups: list[tuple[str, list[Incident]]], page: str) -> dict[str, object]:
        return {"years": [(year, [_incident_row(index, i, page) for i in rows]) for year, rows in groups]}

    return _paged(
        "incidents/index.md",
        "Incidents",
        "incident_index.md.j2",
        _by_year(incidents),
        TABLE_PAGE_ROWS,
        "incidents",
        "index",
        content,
    )


def _first_letter(name: str) -> str:
    folded = fold(name)
    return folded[:1].upper() if folded[:1].isalpha() else "#"


def _by_first_letter(items: Iterable[T], name: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """``items`` gathered under the first letter of their name ("#" for a digit or sign), letters
    in order and each letter's items in their given order."""
    letters: dict[str, list[T]] = {}
    for item in items:
        letters.setdefault(_first_letter(name(item)), []).append(item)
    return sorted(letters.items())


def render_actor_index(index: Index, actors: list[Entity]) -> dict[str, str]:
    """``actors/index.md`` by kind and first letter; paged per kind and letter when long."""
    groups: list[tuple[str, list[Entity]]] = []
    for kind in sorted(
        {a.kind for a in actors}, key=lambda k: (ACTOR_KINDS.index(k) if k in ACTOR_KINDS else 99, k)
    ):
        letters = _by_first_letter((a for a in actors if a.kind == kind), lambda actor: actor.name)
        groups.extend((f"{label(kind)}: {letter}", members) for letter, members in letters)

    def content(part: list[tuple[str, list[Entity]]], page: str) -> dict[str, object]:
        kinds: dict[str, list[tuple[str, list[str]]]] = {}
        for group, members in part:
            kind_label, _, letter = group.rpartition(": ")
            entries = []
            for actor in members:
                details = ", ".join(md_text(x) for x in (actor.role, country_name(actor.country)) if x)
                entries.append(entity_link(index, actor.id, page) + (f": {details}" if details else ""))
            kinds.setdefault(md_text(kind_label), []).append((letter, entries))
        return {"kinds": list(kinds.items())}

    return _paged(
        "actors/index.md", "Actors", "actor_index.md.j2", groups, LIST_PAGE_ROWS, "actors", "index", content
    )


def render_place_index(index: Index, places: list[Entity]) -> dict[str, str]:
    """``places/index.md`` by country; paged per country when long."""
    countries: dict[str, list[Entity]] = {}
    for place in sorted(
        places,
        key=lambda p: (PLACE_KINDS.index(p.kind) if p.kind in PLACE_KINDS else 99, p.name.casefold(), p.id),
    ):
        countries.setdefault(country_name(place.country) or "Country not known", []).append(place)
    ordered = sorted(countries.items(), key=lambda item: (item[0] == "Country not known", item[0].casefold()))

    def content(part: list[tuple[str, list[Entity]]], page: str) -> dict[str, object]:
        return {
            "countries": [
                (
                    md_text(name),
                    [
                        f"{entity_link(index, p.id, page)}: {md_text(label(p.subkind or p.kind).lower())}"
                        for p in members
                    ],
                )
                for name, members in part
            ]
        }

    return _paged(
        "places/index.md", "Places", "place_index.md.j2", ordered, LIST_PAGE_ROWS, "places", "index", content
    )


def render_source_index(index: Index, articles: list[Article]) -> dict[str, str]:
    """``sources/index.md`` by outlet; paged per outlet when long."""
    outlets: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: index.article_order(a.id)):
        outlets.setdefault(article.outlet or "Outlet not known", []).append(article)
    ordered = sorted(outlets.items(), key=lambda item: (item[0] == "Outlet not known", item[0].casefold()))

    def entry(article: Article, page: str) -> str:
        text = f"{article_link(index, article.id, page)}: {md_text(format_day(article.published))}"
        return text + (f", relaying {md_text(article.relayed_from)}" if article.relayed_from else "")

    def content(part: list[tuple[str, list[Article]]], page: str) -> dict[str, object]:
        return {"outlets": [(md_text(name), [entry(a, page) for a in members]) for name, members in part]}

    return _paged(
        "sources/index.md",
        "Sources",
        "source_index.md.j2",
        ordered,
        LIST_PAGE_ROWS,
        "sources",
        "index",
        content,
    )


def _reports(index: Index, incident: Incident, page: str) -> list[str]:
    """The first reports of an incident, then a pointer to the incident page for the rest."""
    article_ids = [a for a in sorted(incident.sources, key=index.article_order) if a in index.articles]
    reports = [
        f"{article_link(index, a, page)} ({source_label(index.articles[a])})"
        for a in article_ids[:MAX_REPORTS_SHOWN]
    ]
    if len(article_ids) > MAX_REPORTS_SHOWN:
        more = len(article_ids) - MAX_REPORTS_SHOWN
        reports.append(f"and {more} more on the {incident_link(index, incident.id, page)} page")
    return reports


def render_timeline(index: Index, incidents: list[Incident]) -> dict[str, str]:
    """``timeline.md``; past :data:`TIMELINE_PAGE_ENTRIES` incidents, paged by year under ``incidents/``."""

    def content(groups: list[tuple[str, list[Incident]]], page: str) -> dict[str, object]:
        entries = []
        for _, members in groups:
            for incident in members:
                row = _incident_row(index, incident, page)
                row["reports_md"] = _reports(index, incident, page)
                entries.append(row)
        return {"entries": entries}

    return _paged(
        "timeline.md",
        "Timeline",
        "timeline.md.j2",
        _by_year(incidents),
        TIMELINE_PAGE_ENTRIES,
        "incidents",
        "timeline",
        content,
    )


def _conflict_row(index: Index, conflict: Conflict, records: list[ClaimRecord], page: str) -> dict[str, str]:
    rules = reconcile(records, index.articles)
    incident_page = f"incidents/{conflict.incident}.md"
    where = claim_pages(index, conflict.incident)
    values = [
        md_link(md_text(claim_range(r.claim)), href(page, where.get(r.id, incident_page), claim_anchor(r.id)))
        + " "
        f"({speaker(r)}; {source_label(index.articles[r.claim.span.article])})"
        for r in records[:MAX_REPORTS_SHOWN]
    ]
    if len(records) > MAX_REPORTS_SHOWN:
        values.append(
            md_link(
                f"and {len(records) - MAX_REPORTS_SHOWN} more",
                href(page, incident_page, "what-the-sources-say"),
            )
        )
    over_time = " → ".join(
        f"{md_text(format_day(day))}: {md_text(figure)}" for day, figure in rules.over_time
    )
    agreed = "none"
    if rules.agreed is not None:
        count = len(rules.agreed_origins)
        origins = ", ".join(md_text(o) for o in rules.agreed_origins)
        agreed = f"{rules.agreed} ({count} independent {'origin' if count == 1 else 'origins'}: {origins})"
    return {
        "incident_md": incident_link(index, conflict.incident, page),
        "figure_md": f"{md_text(label(conflict.kind))}: {md_text(conflict.subject)}",
        "values_md": "<br>".join(values),
        "range_md": md_text(rules.span),
        "conservative_md": str(rules.conservative) if rules.conservative is not None else "none",
        "agreed_md": agreed,
        "over_time_md": over_time,
    }


def render_conflicts(index: Index, conflicts: list[Conflict]) -> dict[str, str]:
    """``conflicts.md``; past :data:`CONFLICT_PAGE_ROWS` conflicts, an overview with the most-reported
    ones, and the full listing paged by year under ``incidents/``."""
    shown: list[tuple[Conflict, list[ClaimRecord]]] = []
    for conflict in conflicts:
        records = [index.claims[c] for c in conflict.claims if c in index.claims]
        if conflict.incident in index.incidents and records:
            shown.append((conflict, records))
    years: dict[str, list[tuple[Conflict, list[ClaimRecord]]]] = {}
    for conflict, records in shown:
        years.setdefault(_year_of(index.incidents[conflict.incident]), []).append((conflict, records))

    def content(
        groups: list[tuple[str, list[tuple[Conflict, list[ClaimRecord]]]]], page: str
    ) -> dict[str, object]:
        return {"rows": [_conflict_row(index, c, r, page) for _, members in groups for c, r in members]}

    kinds: dict[str, int] = {}
    for conflict, _ in shown:
        kinds[conflict.kind] = kinds.get(conflict.kind, 0) + 1
    most_reported = sorted(shown, key=lambda item: -len(item[1]))[:CONFLICT_OVERVIEW_ROWS]
    return _paged(
        "conflicts.md",
        "Conflicting reports",
        "conflicts.md.j2",
        list(years.items()),
        CONFLICT_PAGE_ROWS,
        "incidents",
        "conflicts",
        content,
        rows=[_conflict_row(index, c, r, "conflicts.md") for c, r in most_reported],
        kinds_md=", ".join(
            f"{md_text(label(kind).lower())}: {kinds[kind]}"
            for kind in sorted(kinds, key=lambda k: (-kinds[k], k))
        ),
    )


def render_home(dossier: Dossier, index: Index, incidents: list[Incident]) -> str:
    dated = [i.date for i in incidents if i.date]
    span = None
    if dated:
        span = f"{format_day(min(d.start for d in dated))} to {format_day(max(d.end for d in dated))}"
    countries = sorted(
        {c for c in (country_name(index.country_of(i)) for i in incidents) if c}, key=str.casefold
    )
    outlets = sorted({a.outlet for a in dossier.articles if a.outlet}, key=str.casefold)
    counts = [
        ("Incidents", len(dossier.incidents), "incidents/index.md"),
        ("Actors", len(dossier.actors), "actors/index.md"),
        ("Places", len(dossier.places), "places/index.md"),
        ("Source articles", len(dossier.articles), "sources/index.md"),
        ("Casualty claims", len(dossier.claims), "conflicts.md"),
        ("Conflicting figures", len(dossier.conflicts), "conflicts.md"),
    ]
    return front_matter("Incident dossier") + _render(
        "home.md.j2",
        span_md=md_text(span) if span else None,
        countries_md=[md_text(c) for c in countries],
        outlets_md=[md_text(o) for o in outlets],
        counts=counts,
        duplicates=len(dossier.duplicates),
    )


# --- the whole site ------------------------------------------------------------------------------


def _site_parts(dossier: Dossier, index: Index) -> list[Part]:
    """The site as parts that render independently of each other, in a fixed order: the pages
    about the whole dossier first, then each incident's, actor's, place's and article's own."""
    incidents = sorted(dossier.incidents, key=incident_order)
    actors = sorted(dossier.actors, key=lambda e: (e.name.casefold(), e.id))
    places = sorted(dossier.places, key=lambda e: (e.name.casefold(), e.id))
    articles = sorted(dossier.articles, key=lambda a: a.id)
    conflicts = sorted(
        dossier.conflicts,
        key=lambda c: (
            incident_order(index.incidents[c.incident])
            if c.incident in index.incidents
            else (2, dt.date.max, c.incident, ""),
            c.kind,
            c.subject,
            c.claims,
        ),
    )
    return [
        Part("home", lambda: {"index.md": render_home(dossier, index, incidents)}),
        Part(
            "map", lambda: {"map.md": front_matter("Map") + mapping.render_map_page(index, incidents, places)}
        ),
        Part(
            "network",
            lambda: {"network.md": front_matter("Network") + network.render_network_page(index, incidents)},
        ),
        Part("incident index", partial(render_incident_index, index, incidents)),
        Part("actor index", partial(render_actor_index, index, actors)),
        Part("place index", partial(render_place_index, index, places)),
        Part("source index", partial(render_source_index, index, articles)),
        Part("timeline", partial(render_timeline, index, incidents)),
        Part("conflicts", partial(render_conflicts, index, conflicts)),
        Part("tags", partial(render_tags, index, incidents, actors, places, articles)),
        Part("data files", partial(export.data_files, dossier, index)),
        *(Part(f"incident {i.id}", partial(render_incident, index, i), i) for i in incidents),
        *(Part(f"actor {a.id}", partial(render_actor, index, a), a) for a in actors),
        *(Part(f"place {p.id}", partial(render_place, index, p), p) for p in places),
        *(Part(f"source {a.id}", partial(_source_page, index, a), a, first=True) for a in articles),
    ]


def _source_page(index: Index, article: Article) -> dict[str, str]:
    return {f"sources/{article.id}.md": render_source(index, article)}


def _render_share(parts: Sequence[Part], share: int, shares: int) -> dict[str, str]:
    """The pages of every ``shares``-th part from ``share`` on, so each share mixes large and small parts."""
    pages: dict[str, str] = {}
    for part in parts[share::shares]:
        pages.update(part.render())
    return pages


_forked_parts: list[Part] = []
"""In a render worker: the parent's parts, which came with the fork instead of being pickled."""


def _adopt_parts(parts: list[Part]) -> None:
    gc.disable()  # as in the parent (collector_paused): no cycles are made, the passes cost time
    _forked_parts[:] = parts


def _render_forked_share(share: int, shares: int) -> dict[str, str]:
    return _render_share(_forked_parts, share, shares)


def render_site(
    dossier: Dossier, jobs: int = 1, memory: RenderMemory | None = None, *, defer_rest: bool = False
) -> dict[str, str]:
    """Every generated page and data file, keyed by docs-relative POSIX path; nothing is written.

    With ``jobs > 1`` (and ``fork``, which POSIX systems have) ``jobs - 1`` forked processes render
    shares of the pages while this one renders its own; a fork shares the dossier instead of
    pickling it. With ``memory`` (one process only) parts whose inputs did not change since the
    last render with it are reused; the pages are the same either way. With ``defer_rest`` too,
    only the article pages and pages that are new are rendered, the others stay as they were
    until the next render (see :mod:`build_dossier.rerender`).
    """
    if memory is not None:
        index = memory.noting(Index.build(dossier))
        with collector_paused():
            pages = memory.render(_site_parts(dossier, index), index, defer_rest=defer_rest)
        return dict(sorted(pages.items()))
    parts = _site_parts(dossier, Index.build(dossier))
    shares = jobs if "fork" in multiprocessing.get_all_start_methods() else 1
    with collector_paused():
        if shares <= 1:
            pages = _render_share(parts, 0, 1)
        else:
            with ProcessPoolExecutor(
                max_workers=shares - 1,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_adopt_parts,
                initargs=(parts,),
            ) as pool:
                forked = [pool.submit(_render_forked_share, share, shares) for share in range(1, shares)]
                pages = _render_share(parts, 0, shares)
                for future in forked:
                    pages.update(future.result())
    return dict(sorted(pages.items()))
