"""The map page: an inline SVG drawn at build time from Natural Earth outlines, no tiles, no network.

The view fits the incidents and places that have coordinates (equirectangular, with longitude
scaled by the cosine of the middle latitude so shapes look right). Every marker is a link named by
its ``<title>`` (read by screen readers, shown as a tooltip), and the same links are listed below
the map.

The page stays small whatever the size of the dossier (issue 6: every page under 25 KB, of which
the theme takes about 13–16 KB): the map shows a few of the most-reported incidents and most-named
places; the land and the borders (``outlines.py``, each border drawn once) are clipped to the view
and simplified until they fit what the text and markers leave of :data:`PAGE_BYTES`; markers share
their colours through ``<g>`` groups. Everything else is in the paged incident and place indexes
and in the GeoJSON download. Place labels are placed so they overlap neither each other nor a
marker (Sévaré and Mopti, 10 km apart, are one pixel apart on a map of Mali and France).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from build_dossier.lookups import Index
from build_dossier.markup import built_href, html_text, md_link, md_text
from build_dossier.model import Entity, Incident
from build_dossier.outlines import Box, outline_paths
from build_dossier.wording import country_name, format_date, label

WIDTH, HEIGHT = 800, 500
MIN_SPAN_DEGREES = 12.0
MARKER_SPREAD = 8.0
"""Pixels between incident markers that share one point (on a sunflower spiral around it), so each
stays clickable."""
INCIDENT_RADIUS, PLACE_RADIUS = 7, 4
MAX_INCIDENT_MARKERS = 10
MAX_PLACE_MARKERS = 6
"""The map shows the most-reported incidents and most-named places that have coordinates, so its
size does not grow with the dossier; every incident and place is in the GeoJSON download."""
PAGE_BYTES = 7_200
"""Budget for the page's Markdown (about 8 KB of HTML beside the theme's 13–16 KB): the country
outlines get what the text and the markers leave."""
MIN_OUTLINE_BYTES = 1_000
CLIP_MARGIN = 2.0
"""Outlines are clipped a little outside the canvas, so the cut edges are never seen."""
LABEL_SIZE = 12
LABEL_CHAR_WIDTH = 0.62 * LABEL_SIZE
LABEL_RISE, LABEL_DROP = 0.9 * LABEL_SIZE, 0.25 * LABEL_SIZE
"""A generous glyph width and height above and below the baseline: the boxes that labels must keep
apart are never smaller than the text."""
PAGE = "map.md"


@dataclass(frozen=True)
class View:
    """The visible window in degrees and its projection onto the SVG canvas."""

    west: float
    south: float
    east: float
    north: float

    @property
    def x_scale(self) -> float:
        return WIDTH / (self.east - self.west)

    @property
    def y_scale(self) -> float:
        return HEIGHT / (self.north - self.south)

    def project(self, latitude: float, longitude: float) -> tuple[float, float]:
        return ((longitude - self.west) * self.x_scale, (self.north - latitude) * self.y_scale)


def fit_view(points: list[tuple[float, float]]) -> View:
    """The smallest window around the (lat, lon) points with a margin and the canvas' aspect ratio."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    middle_lat = (min(lats) + max(lats)) / 2
    middle_lon = (min(lons) + max(lons)) / 2
    stretch = max(math.cos(math.radians(middle_lat)), 0.2)
    lat_span = max((max(lats) - min(lats)) * 1.4, MIN_SPAN_DEGREES)
    lon_span = max((max(lons) - min(lons)) * 1.4, MIN_SPAN_DEGREES)
    # Keep the canvas aspect: one degree of longitude is `stretch` times one of latitude on screen.
    if lon_span * stretch / lat_span < WIDTH / HEIGHT:
        lon_span = lat_span * WIDTH / HEIGHT / stretch
    else:
        lat_span = lon_span * stretch * HEIGHT / WIDTH
    return View(
        middle_lon - lon_span / 2,
        middle_lat - lat_span / 2,
        middle_lon + lon_span / 2,
        middle_lat + lat_span / 2,
    )


# Markers and labels -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    page: str
    name: str
    kind: str
    """"incident" or a place kind."""
    latitude: float
    longitude: float
    detail: str


def markers(index: Index, incidents: list[Incident], places: list[Entity]) -> list[Marker]:
    """The best-sourced incidents and most-named non-country places that have coordinates."""
    found = []
    located = [(i, index.coordinates_of(i)) for i in incidents]
    best_incidents = sorted(((i, c) for i, c in located if c), key=lambda ic: (-len(ic[0].sources), ic[0].id))
    for incident, coordinates in best_incidents[:MAX_INCIDENT_MARKERS]:
        detail = f"{label(incident.attack_type)}, {format_date(incident.date)}"
        found.append(Marker(f"incidents/{incident.id}.md", incident.name, "incident", *coordinates, detail))
    mapped_places = [p for p in places if p.coordinates and p.kind != "country"]
    for place in sorted(mapped_places, key=lambda p: (-len(p.mentions), p.id))[:MAX_PLACE_MARKERS]:
        country = country_name(place.country) or "country not known"
        found.append(Marker(f"places/{place.id}.md", place.name, place.kind, *place.coordinates, country))
    return found


def _overlaps(box: Box, other: Box) -> bool:
    return box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]


def _label_candidates(x: float, y: float, width: float) -> list[tuple[float, float, str, Box]]:
    """Where a place's label may go, best first: (text x, baseline y, text-anchor, box).

    Spots right, left, above and below the dot; then the same a little farther out, clear of an
    incident marker drawn on the same point.
    """
    rise, drop = LABEL_RISE, LABEL_DROP  # the label's box above and below its baseline
    candidates = []
    for gap in (PLACE_RADIUS + 3, INCIDENT_RADIUS + 4):
        spots = [
            (x + gap, y + 4, "start"),
            (x - gap, y + 4, "end"),
            (x + gap - 2, y - gap + 1, "start"),
            (x + gap - 2, y + gap + rise - 1, "start"),
            (x - gap + 2, y - gap + 1, "end"),
            (x - gap + 2, y + gap + rise - 1, "end"),
            (x, y - gap - 1, "middle"),
            (x, y + gap + rise + 1, "middle"),
        ]
        for tx, ty, anchor in spots:
            left = {"start": tx, "end": tx - width, "middle": tx - width / 2}[anchor]
            candidates.append((tx, ty, anchor, (left, ty - rise, left + width, ty + drop)))
    return candidates


def place_labels(
    points: list[tuple[int, int, str]], obstacles: list[Box]
) -> list[tuple[int, int, str] | None]:
    """A label position for each (x, y, text) in turn, or None where every spot would overlap.

    A label must stay on the canvas and clear of every marker and of the labels placed before it,
    so earlier (more important) places get the best spots.
    """
    taken = list(obstacles)
    placed: list[tuple[int, int, str] | None] = []
    for x, y, text in points:
        width = len(text) * LABEL_CHAR_WIDTH
        spot = None
        for tx, ty, anchor, box in _label_candidates(x, y, width):
            on_canvas = box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT
            if on_canvas and not any(_overlaps(box, other) for other in taken):
                taken.append(box)
                spot = (round(tx), round(ty), anchor)
                break
        placed.append(spot)
    return placed


def spread(x: int, y: int, slot: int) -> tuple[int, int]:
    """Where the ``slot``-th incident marker on one point goes: a sunflower spiral around it."""
    if slot == 0:
        return x, y
    angle = slot * math.pi * (3 - math.sqrt(5))
    distance = MARKER_SPREAD * math.sqrt(slot)
    return round(x + distance * math.cos(angle)), round(y + distance * math.sin(angle))


def render_svg(found: list[Marker], budget: int) -> str:
    """The map as one raw HTML block of at most about ``budget`` bytes (more only if the markers
    alone and the coarsest outlines need more)."""
    view = fit_view([(m.latitude, m.longitude) for m in found])
    incident_points: list[tuple[Marker, int, int]] = []
    place_points: list[tuple[Marker, int, int]] = []
    shared: dict[tuple[int, int], int] = {}
    for marker in found:
        x, y = (round(v) for v in view.project(marker.latitude, marker.longitude))
        if marker.kind == "incident":
            slot = shared.get((x, y), 0)
            shared[(x, y)] = slot + 1
            incident_points.append((marker, *spread(x, y, slot)))
        else:
            place_points.append((marker, x, y))
    obstacles = [
        (x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1)
        for points, radius in ((incident_points, INCIDENT_RADIUS), (place_points, PLACE_RADIUS))
        for _, x, y in points
    ]
    labels = place_labels([(x, y, m.name) for m, x, y in place_points], obstacles)

    def link(marker: Marker, shape: str) -> str:
        name = html_text(f"{marker.name} ({marker.detail})")
        return f'<a href="{built_href(PAGE, marker.page)}"><title>{name}</title>{shape}</a>'

    # Colours and sizes are set once on each <g> and inherited by the markers inside it.
    # Places first, so the incident markers are drawn on top of them.
    marker_lines = [f'<g fill="#1a237e" font-size="{LABEL_SIZE}">']
    for (marker, x, y), spot in zip(place_points, labels, strict=True):
        shape = f'<circle cx="{x}" cy="{y}" r="{PLACE_RADIUS}"/>'
        if spot:
            tx, ty, anchor = spot
            align = "" if anchor == "start" else f' text-anchor="{anchor}"'
            shape += f'<text x="{tx}" y="{ty}"{align}>{html_text(marker.name)}</text>'
        marker_lines.append(link(marker, shape))
    marker_lines += ["</g>", '<g fill="#b71c1c" stroke="#fff" stroke-width="2">']
    marker_lines += [
        link(m, f'<circle cx="{x}" cy="{y}" r="{INCIDENT_RADIUS}"/>') for m, x, y in incident_points
    ]
    marker_lines.append("</g>")
    # The wrapping <div> makes Python-Markdown keep the whole drawing as one raw HTML block:
    # <svg> is not block-level to it, so text inside would otherwise be read as Markdown.
    head = [
        '<div class="dossier-figure">',
        f'<svg class="dossier-map" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="group" '
        f'aria-labelledby="dossier-map-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="dossier-map-title">Map of incidents and places</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#dbe9f4"/>',
        '<g stroke="#8a8a80" aria-hidden="true">',
    ]
    # The land is filled and edged with its coast; the borders between countries are drawn once.
    land = '<path d="{}" fill="#f3f1ea" stroke-width="0.7"/>'
    borders = '<path d="{}" fill="none" stroke-width="0.5"/>'
    tail = ["</svg>", "</div>"]
    used = sum(len(line.encode()) + 1 for line in [*head, land, borders, "</g>", *marker_lines, *tail])
    box = (-CLIP_MARGIN, -CLIP_MARGIN, WIDTH + CLIP_MARGIN, HEIGHT + CLIP_MARGIN)
    land_data, border_data = outline_paths(
        view.project,
        (view.west, view.south, view.east, view.north),
        box,
        max(MIN_OUTLINE_BYTES, budget - used),
    )
    outlines = [land.format(land_data)] + ([borders.format(border_data)] if border_data else []) + ["</g>"]
    return "\n".join([*head, *outlines, *marker_lines, *tail])


def _coverage(count: int, total: int, noun: str, order: str) -> str:
    """How many of a kind the map shows: "the one incident", "all 4 incidents" or
    "the 12 most-reported of 53 incidents"."""
    if total == 1:
        return f"the one {noun}"
    if count == total:
        return f"all {total} {noun}s"
    return f"the {count} {order} of {total} {noun}s"


def render_map_page(index: Index, incidents: list[Incident], places: list[Entity]) -> str:
    """Markdown for ``map.md``: the SVG, then the same links as two short lists."""
    found = markers(index, incidents, places)
    parts = ["# Map", ""]
    if not found:
        parts += ["No incident or place has coordinates yet.", ""]
        return "\n".join(parts)
    shown_incidents = [m for m in found if m.kind == "incident"]
    shown_places = [m for m in found if m.kind != "incident"]
    located = sum(1 for i in incidents if index.coordinates_of(i))
    mapped = sum(1 for p in places if p.coordinates and p.kind != "country")
    coverage = []
    if located:
        coverage.append(
            _coverage(len(shown_incidents), located, "incident", "most-reported") + " with a known place"
        )
    if mapped:
        coverage.append(_coverage(len(shown_places), mapped, "place", "most-named") + " with coordinates")
    intro = [
        "Red markers are incidents, blue markers are places; each opens its page. "
        "Country outlines: Natural Earth (public domain).",
        "",
        f"The map shows {' and '.join(coverage)}. "
        "Every incident is in the [incident index](incidents/index.md), every place in the "
        "[place index](places/index.md), and the [GeoJSON download](data/dossier.geojson) "
        "has all of them with their coordinates.",
        "",
    ]
    listing = ["", "## On the map", ""]
    for heading, shown in (("Incidents", shown_incidents), ("Places", shown_places)):
        if not shown:
            continue
        listing += [f"{heading}:", ""]
        for marker in shown:
            detail = (
                marker.detail
                if marker.kind == "incident"
                else f"{label(marker.kind).lower()}, {marker.detail}"
            )
            listing.append(f"- {md_link(md_text(marker.name), marker.page)}: {md_text(detail)}")
        listing.append("")
    text_bytes = sum(len(line.encode()) + 1 for line in parts + intro + listing)
    return "\n".join([*parts, *intro, render_svg(found, PAGE_BYTES - text_bytes), *listing])
