"""The network page: which actors appear in which incidents, as an inline SVG with links, and a list.

The layout is two columns and fully deterministic: incidents in date order on the left, actors on
the right, each actor placed at the mean row of its incidents (ties by name) so lines cross little.

The page stays small whatever the size of the dossier (issue 6: every page under 25 KB, of which
the theme takes about 13–16 KB): it shows the incidents with the most sources, as many as fit
:data:`PAGE_BYTES`, and the actors named in most of them; the lines are one path per colour and the
markers share their colours through ``<g>`` groups.
"""

from __future__ import annotations

from build_dossier.lookups import Index
from build_dossier.markup import built_href, html_text, md_link, md_text
from build_dossier.model import Incident
from build_dossier.wording import format_date, label

PAGE = "network.md"
ROW_HEIGHT = 28
WIDTH = 800
LEFT_X, RIGHT_X = 230, 570
MAX_LABEL = 34
MAX_GRAPH_INCIDENTS = 10
MAX_GRAPH_ACTORS = 12
"""The page shows the incidents with the most sources and the actors named in most of them, so its
size stays the same whatever the size of the dossier (each incident page lists all its actors)."""
PAGE_BYTES = 7_200
"""Budget for the page's Markdown (about 8 KB of HTML beside the theme): fewer incidents are shown
when their names and actors are long."""
INCIDENT_COLOUR, ACTOR_COLOUR, LINE_COLOUR = "#b71c1c", "#1a237e", "#9e9e9e"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _named(index: Index, incident: Incident) -> set[str]:
    """The incident's actors and perpetrators that have a page."""
    return {a for a in set(incident.actors) | set(incident.perpetrators) if a in index.actors}


def actor_order(index: Index, incidents: list[Incident]) -> list[str]:
    """The :data:`MAX_GRAPH_ACTORS` actors in most incidents, by the mean row of those, then name."""
    rows: dict[str, list[int]] = {}
    for row, incident in enumerate(incidents):
        for actor_id in _named(index, incident):
            rows.setdefault(actor_id, []).append(row)
    kept = sorted(rows, key=lambda a: (-len(rows[a]), a))[:MAX_GRAPH_ACTORS]
    return sorted(kept, key=lambda a: (sum(rows[a]) / len(rows[a]), index.actors[a].name.casefold(), a))


def render_svg(index: Index, incidents: list[Incident], actors: list[str]) -> str:
    height = max(len(incidents), len(actors)) * ROW_HEIGHT + ROW_HEIGHT

    def y_of(row: int, count: int) -> int:
        offset = (max(len(incidents), len(actors)) - count) * ROW_HEIGHT // 2
        return offset + ROW_HEIGHT * (row + 1)

    actor_row = {actor_id: row for row, actor_id in enumerate(actors)}
    lines = {LINE_COLOUR: "", INCIDENT_COLOUR: ""}
    for row, incident in enumerate(incidents):
        y1 = y_of(row, len(incidents))
        for actor_id in sorted(_named(index, incident) & set(actor_row)):
            colour = INCIDENT_COLOUR if actor_id in incident.perpetrators else LINE_COLOUR
            lines[colour] += f"M{LEFT_X} {y1}L{RIGHT_X} {y_of(actor_row[actor_id], len(actors))}"
    # Wrapped in a <div> so Python-Markdown keeps it as one raw HTML block (see mapping.render_svg).
    # The lines are one path per colour; each column's colour and size are set once on its <g>.
    out = [
        '<div class="dossier-figure">',
        f'<svg class="dossier-network" viewBox="0 0 {WIDTH} {height}" width="100%" role="group" '
        f'aria-labelledby="dossier-network-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="dossier-network-title">Actors linked to the incidents they appear in</title>',
        '<g fill="none" stroke-width="1.5" aria-hidden="true">',
        *(f'<path stroke="{colour}" d="{data}"/>' for colour, data in lines.items() if data),
        "</g>",
        f'<g fill="{INCIDENT_COLOUR}" font-size="13" text-anchor="end">',
    ]
    for row, incident in enumerate(incidents):
        y = y_of(row, len(incidents))
        name = html_text(f"Incident: {incident.name}, {format_date(incident.date)}")
        out.append(
            f'<a href="{built_href(PAGE, f"incidents/{incident.id}.md")}"><title>{name}</title>'
            f'<circle cx="{LEFT_X}" cy="{y}" r="6"/>'
            f'<text x="{LEFT_X - 12}" y="{y + 4}">{html_text(_short(incident.name))}</text></a>'
        )
    out += ["</g>", f'<g fill="{ACTOR_COLOUR}" font-size="13">']
    for row, actor_id in enumerate(actors):
        actor = index.actors[actor_id]
        y = y_of(row, len(actors))
        name = html_text(f"Actor: {actor.name} ({label(actor.kind)})")
        out.append(
            f'<a href="{built_href(PAGE, f"actors/{actor_id}.md")}"><title>{name}</title>'
            f'<circle cx="{RIGHT_X}" cy="{y}" r="6"/>'
            f'<text x="{RIGHT_X + 12}" y="{y + 4}">{html_text(_short(actor.name))}</text></a>'
        )
    out += ["</g>", "</svg>", "</div>"]
    return "\n".join(out)


def _page(index: Index, linked: list[Incident], shown: list[Incident], *, every_actor: bool) -> list[str]:
    """The page's lines for the ``shown`` incidents out of all the ``linked`` ones.

    The list names every actor of each incident, or only those in the graph and a count of the rest.
    """
    actors = actor_order(index, shown)
    parts = ["# Network", ""]
    if len(shown) < len(linked) or len(actors) < len(set().union(*(_named(index, i) for i in shown))):
        parts += [
            f"The page shows the {len(shown)} incidents with the most sources and the {len(actors)} actors "
            "named in most of them; every [incident](incidents/index.md) and [actor](actors/index.md) page "
            "lists its own links.",
            "",
        ]
    parts += [
        "Incidents (left, in date order) and the actors named in them (right). Red lines lead to the "
        "actors named as perpetrators. Each actor's page lists its related actors.",
        "",
        render_svg(index, shown, actors),
        "",
        "## Actors by incident",
        "",
    ]
    # Each actor is linked where the list first names it, as the graph links it once.
    first_named: set[str] = set()
    for incident in shown:
        named = _named(index, incident)
        listed = named if every_actor else named & set(actors)
        entries = []
        for actor_id in sorted(listed, key=lambda a: (index.actors[a].name.casefold(), a)):
            name = md_text(index.actors[actor_id].name)
            entry = name if actor_id in first_named else md_link(name, f"actors/{actor_id}.md")
            entries.append(entry + (" (perpetrator)" if actor_id in incident.perpetrators else ""))
            first_named.add(actor_id)
        if len(named) > len(listed):
            others = len(named) - len(listed)
            entries.append(f"{others} other actor{'s' if others > 1 else ''} on its page")
        incident_link = md_link(md_text(incident.name), f"incidents/{incident.id}.md")
        parts.append(f"- {incident_link}: " + ", ".join(entries))
    parts.append("")
    return parts


def render_network_page(index: Index, incidents: list[Incident]) -> str:
    """Markdown for ``network.md``: the graph and the same links as a list.

    The incidents with the most sources, at most :data:`MAX_GRAPH_INCIDENTS` and as many as fit
    :data:`PAGE_BYTES` (always at least one), in date order; their actors all listed if that fits.
    """
    linked = [i for i in incidents if _named(index, i)]
    if not linked:
        return "\n".join(["# Network", "", "No actor is linked to an incident yet.", ""])
    best = sorted(linked, key=lambda i: (-len(i.sources), i.id))[:MAX_GRAPH_INCIDENTS]
    for count in range(len(best), 0, -1):
        chosen = {i.id for i in best[:count]}
        shown = [i for i in linked if i.id in chosen]
        for every_actor in (True, False):
            parts = _page(index, linked, shown, every_actor=every_actor)
            if sum(len(line.encode()) + 1 for line in parts) <= PAGE_BYTES:
                return "\n".join(parts)
    return "\n".join(parts)
