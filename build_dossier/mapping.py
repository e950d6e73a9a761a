"""The map page: an inline SVG drawn at build time from Natural Earth outlines, no tiles, no network.

The view fits the incidents and places that have coordinates (equirectangular, with longitude
scaled by the cosine of the middle latitude so shapes look right). Every marker is a link with
an accessible name, and the same links are listed in a table for screen readers.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from build_dossier.lookups import Index
from build_dossier.markup import built_href, html_text, md_link, md_text
from build_dossier.model import Entity, Incident
from build_dossier.wording import country_name, format_date, label

WORLD_FILE = Path(__file__).with_name("data") / "world" / "countries-110m.json"
WIDTH, HEIGHT = 800, 500
MIN_SPAN_DEGREES = 12.0
MARKER_SPREAD = 7.0
"""Pixels between incident markers that share one point, so each stays clickable."""
MAX_INCIDENT_MARKERS = 150
MAX_PLACE_MARKERS = 100
"""The map shows the most-reported incidents and most-named places, so its size does not grow
with the dossier; every incident and place is in the GeoJSON download."""
PAGE = "map.md"


@dataclass(frozen=True)
class Country:
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    """Rings of (longitude, latitude)."""
    bounds: tuple[float, float, float, float]
    """(west, south, east, north)."""


@lru_cache(maxsize=1)
def load_world() -> tuple[Country, ...]:
    data = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    countries = []
    for entry in data["countries"]:
        rings = tuple(tuple((lon, lat) for lon, lat in ring) for ring in entry["rings"])
        points = [point for ring in rings for point in ring]
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        countries.append(Country(entry["name"], rings, (min(lons), min(lats), max(lons), max(lats))))
    return tuple(countries)


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


def _country_paths(view: View) -> list[str]:
    paths = []
    for country in load_world():
        west, south, east, north = country.bounds
        if east < view.west or west > view.east or north < view.south or south > view.north:
            continue
        commands = []
        for ring in country.rings:
            projected = [view.project(lat, lon) for lon, lat in ring]
            commands.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in projected) + "Z")
        paths.append(f'<path d="{"".join(commands)}"><title>{html_text(country.name)}</title></path>')
    return paths


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
    """One marker per incident and per non-country place with coordinates, the best-sourced first."""
    found = []
    incidents = sorted(incidents, key=lambda i: (-len(i.sources), i.id))[:MAX_INCIDENT_MARKERS]
    places = sorted(places, key=lambda p: (-len(p.mentions), p.id))[:MAX_PLACE_MARKERS]
    for incident in incidents:
        coordinates = index.coordinates_of(incident)
        if coordinates:
            detail = f"{label(incident.attack_type)}, {format_date(incident.date)}"
            found.append(
                Marker(f"incidents/{incident.id}.md", incident.name, "incident", *coordinates, detail)
            )
    for place in places:
        if place.coordinates and place.kind != "country":
            found.append(
                Marker(
                    f"places/{place.id}.md",
                    place.name,
                    place.kind,
                    *place.coordinates,
                    country_name(place.country) or "country not known",
                )
            )
    return found


def render_svg(found: list[Marker]) -> str:
    view = fit_view([(m.latitude, m.longitude) for m in found])
    # The wrapping <div> makes Python-Markdown keep the whole drawing as one raw HTML block:
    # <svg> is not block-level to it, so text inside would otherwise be read as Markdown.
    lines = [
        '<div class="dossier-figure">',
        f'<svg class="dossier-map" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="group" '
        f'aria-labelledby="dossier-map-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="dossier-map-title">Map of incidents and places</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#dbe9f4"/>',
        '<g fill="#f3f1ea" stroke="#8a8a80" stroke-width="0.7" aria-hidden="true">',
        *_country_paths(view),
        "</g>",
    ]
    # Places first, so the incident markers are drawn on top of them.
    shared: dict[tuple[float, float], int] = {}
    for marker in sorted(found, key=lambda m: (m.kind == "incident", m.page)):
        x, y = view.project(marker.latitude, marker.longitude)
        name = html_text(f"{marker.name} ({marker.detail})")
        url = built_href(PAGE, marker.page)
        if marker.kind == "incident":
            slot = shared.get((x, y), 0)
            shared[(x, y)] = slot + 1
            x += MARKER_SPREAD * slot
            shape = (
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#b71c1c" stroke="#ffffff" stroke-width="2"/>'
            )
        else:
            shape = (
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#1a237e"/>'
                f'<text x="{x + 7:.1f}" y="{y - 6:.1f}" font-size="13" fill="#1a237e">'
                f"{html_text(marker.name)}</text>"
            )
        lines.append(f'<a href="{url}" aria-label="{name}"><title>{name}</title>{shape}</a>')
    lines.extend(["</svg>", "</div>"])
    return "\n".join(lines)


def render_map_page(index: Index, incidents: list[Incident], places: list[Entity]) -> str:
    """Markdown for ``map.md``: the SVG and a table of the same links."""
    found = markers(index, incidents, places)
    parts = ["# Map", ""]
    if not found:
        parts += ["No incident or place has coordinates yet.", ""]
        return "\n".join(parts)
    parts += [
        "Red markers are incidents, blue markers are places. "
        "Country outlines: Natural Earth (public domain).",
        "",
        f"The map shows at most the {MAX_INCIDENT_MARKERS} most-reported incidents and the "
        f"{MAX_PLACE_MARKERS} most-named places; the [GeoJSON download](data/dossier.geojson) has them all.",
        "",
        render_svg(found),
        "",
        "## Markers",
        "",
        "| Marker | Kind | Latitude | Longitude |",
        "| --- | --- | --- | --- |",
    ]
    for marker in found:
        kind = "Incident" if marker.kind == "incident" else label(marker.kind)
        parts.append(
            f"| {md_link(md_text(marker.name), marker.page)} | {md_text(kind)}: {md_text(marker.detail)} "
            f"| {marker.latitude:.4f} | {marker.longitude:.4f} |"
        )
    parts.append("")
    return "\n".join(parts)
