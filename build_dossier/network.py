"""The network page: which actors appear in which incidents, as an inline SVG with links, and a list.

The layout is two columns and fully deterministic: incidents in date order on the left, actors on
the right, each actor placed at the mean row of its incidents (ties by name) so lines cross little.
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


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def actor_order(index: Index, incidents: list[Incident]) -> list[str]:
    """The :data:`MAX_GRAPH_ACTORS` actors in most incidents, by the mean row of those, then name."""
    rows: dict[str, list[int]] = {}
    for row, incident in enumerate(incidents):
        for actor_id in set(incident.actors) | set(incident.perpetrators):
            if actor_id in index.actors:
                rows.setdefault(actor_id, []).append(row)
    kept = sorted(rows, key=lambda a: (-len(rows[a]), a))[:MAX_GRAPH_ACTORS]
    return sorted(kept, key=lambda a: (sum(rows[a]) / len(rows[a]), index.actors[a].name.casefold(), a))


def _actors_of(index: Index, incidents: list[Incident]) -> set[str]:
    return {a for i in incidents for a in set(i.actors) | set(i.perpetrators) if a in index.actors}


def render_svg(index: Index, incidents: list[Incident], actors: list[str]) -> str:
    height = max(len(incidents), len(actors)) * ROW_HEIGHT + ROW_HEIGHT

    def y_of(row: int, count: int) -> float:
        offset = (max(len(incidents), len(actors)) - count) * ROW_HEIGHT / 2
        return offset + ROW_HEIGHT * (row + 1)

    actor_row = {actor_id: row for row, actor_id in enumerate(actors)}
    # Wrapped in a <div> so Python-Markdown keeps it as one raw HTML block (see mapping.render_svg).
    lines = [
        '<div class="dossier-figure">',
        f'<svg class="dossier-network" viewBox="0 0 {WIDTH} {height}" width="100%" role="group" '
        f'aria-labelledby="dossier-network-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="dossier-network-title">Actors linked to the incidents they appear in</title>',
        '<g stroke-width="1.5" aria-hidden="true">',
    ]
    for row, incident in enumerate(incidents):
        y1 = y_of(row, len(incidents))
        for actor_id in sorted(set(incident.actors) | set(incident.perpetrators)):
            if actor_id not in actor_row:
                continue
            y2 = y_of(actor_row[actor_id], len(actors))
            colour = "#b71c1c" if actor_id in incident.perpetrators else "#9e9e9e"
            lines.append(
                f'<line x1="{LEFT_X}" y1="{y1:.1f}" x2="{RIGHT_X}" y2="{y2:.1f}" stroke="{colour}"/>'
            )
    lines.append("</g>")
    for row, incident in enumerate(incidents):
        y = y_of(row, len(incidents))
        name = html_text(f"Incident: {incident.name}, {format_date(incident.date)}")
        lines.append(
            f'<a href="{built_href(PAGE, f"incidents/{incident.id}.md")}" aria-label="{name}">'
            f"<title>{name}</title>"
            f'<circle cx="{LEFT_X}" cy="{y:.1f}" r="6" fill="#b71c1c"/>'
            f'<text x="{LEFT_X - 12}" y="{y + 4:.1f}" text-anchor="end" font-size="13" fill="#212121">'
            f"{html_text(_short(incident.name))}</text></a>"
        )
    for row, actor_id in enumerate(actors):
        actor = index.actors[actor_id]
        y = y_of(row, len(actors))
        name = html_text(f"Actor: {actor.name} ({label(actor.kind)})")
        lines.append(
            f'<a href="{built_href(PAGE, f"actors/{actor_id}.md")}" aria-label="{name}"><title>{name}</title>'
            f'<circle cx="{RIGHT_X}" cy="{y:.1f}" r="6" fill="#1a237e"/>'
            f'<text x="{RIGHT_X + 12}" y="{y + 4:.1f}" font-size="13" fill="#212121">'
            f"{html_text(_short(actor.name))}</text></a>"
        )
    lines.extend(["</svg>", "</div>"])
    return "\n".join(lines)


def render_network_page(index: Index, incidents: list[Incident]) -> str:
    """Markdown for ``network.md``: the graph and the same links as a list."""
    linked = [i for i in incidents if any(a in index.actors for a in set(i.actors) | set(i.perpetrators))]
    parts = ["# Network", ""]
    if not linked:
        parts += ["No actor is linked to an incident yet.", ""]
        return "\n".join(parts)
    shown = linked
    if len(linked) > MAX_GRAPH_INCIDENTS:
        best = sorted(linked, key=lambda i: (-len(i.sources), i.id))[:MAX_GRAPH_INCIDENTS]
        best_ids = {i.id for i in best}
        shown = [i for i in linked if i.id in best_ids]
    actors = actor_order(index, shown)
    if len(shown) < len(linked) or len(actors) < len(_actors_of(index, shown)):
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
    for incident in shown:
        parts.append(
            f"- {md_link(md_text(incident.name), f'incidents/{incident.id}.md')}: "
            + ", ".join(
                md_link(md_text(index.actors[a].name), f"actors/{a}.md")
                + (" (perpetrator)" if a in incident.perpetrators else "")
                for a in sorted(
                    set(incident.actors) | set(incident.perpetrators),
                    key=lambda a: (index.actors[a].name.casefold(), a) if a in index.actors else ("", a),
                )
                if a in index.actors
            )
        )
    parts.append("")
    return "\n".join(parts)
