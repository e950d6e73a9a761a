"""The map and network pages stay small (issue 6: every page under 25 KB) and readable at any size.

A crowded dossier of invented incidents, places and actors with long names, spread over the whole
world, stands in for a large corpus; the pages are rendered through Python-Markdown with the site's
extensions. The theme adds about 13 KB (Pagefind search) to 16 KB (Material's search) to a page.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re

import markdown
import pytest

from build_dossier import mapping, network, outlines
from build_dossier.lookups import Index
from build_dossier.model import DateRef, Dossier, Entity, Incident
from build_dossier.render import render_site

EXTENSIONS = ["admonition", "pymdownx.details", "attr_list", "tables", "md_in_html", "toc"]
PAGE_LIMIT = 25 * 1024
THEME_BYTES = 16_000
"""The largest theme frame measured around a page (Material's search box, no minifying)."""
CLOSE_PLACES = [("Sévaré", 14.53, -4.09), ("Mopti", 14.49, -4.19), ("Socoura", 14.47, -4.14)]


def crowded_dossier(size: int) -> Dossier:
    """``size`` incidents at ``size`` places around the world, each naming 40 of 200 actors."""
    day = dt.date(2020, 1, 1)
    places = [
        Entity(
            f"place-{n}",
            f"Lower Settlement of the Long Valley {n}",
            "place",
            "city",
            (),
            (),
            country="ML",
            coordinates=(-50 + (n * 37) % 110, -170 + (n * 83) % 340),
        )
        for n in range(size)
    ]
    places += [
        Entity(f"close-{n}", name, "place", "town", (), (), country="ML", coordinates=(lat, lon))
        for n, (name, lat, lon) in enumerate(CLOSE_PLACES)
    ]
    actors = [
        Entity(
            f"actor-{n}",
            f"Revolutionary Armed Front of the Northern Districts {n}",
            "actor",
            "armed_group",
            (),
            (),
        )
        for n in range(200)
    ]
    incidents = [
        Incident(
            f"incident-{n}",
            f"Attack on the central market and bus station of settlement {n}",
            DateRef(day + dt.timedelta(days=n), day + dt.timedelta(days=n + 3), "that week"),
            f"place-{n}" if n % 10 else f"close-{n // 10 % len(CLOSE_PLACES)}",
            None,
            "armed_assault",
            tuple(f"article-{n}-{k}" for k in range(1 + n % 9)),
            tuple(f"actor-{(n + k * 7) % 200}" for k in range(40)),
            (f"actor-{n % 200}",),
        )
        for n in range(size)
    ]
    return Dossier((), tuple(actors), tuple(places), tuple(incidents), (), (), ())


def pages_of(dossier: Dossier) -> dict[str, str]:
    index = Index.build(dossier)
    incidents = sorted(dossier.incidents, key=lambda i: i.id)
    places = sorted(dossier.places, key=lambda e: (e.name.casefold(), e.id))
    return {
        "map.md": mapping.render_map_page(index, incidents, places),
        "network.md": network.render_network_page(index, incidents),
    }


def html_bytes(page: str) -> int:
    return len(markdown.markdown(page, extensions=EXTENSIONS).encode())


@pytest.fixture(scope="module")
def crowded() -> dict[int, dict[str, str]]:
    return {size: pages_of(crowded_dossier(size)) for size in (5, 60, 600)}


@pytest.mark.parametrize("size", [5, 60, 600])
@pytest.mark.parametrize("path", ["map.md", "network.md"])
def test_page_fits_beside_the_theme(crowded: dict[int, dict[str, str]], size: int, path: str) -> None:
    assert html_bytes(crowded[size][path]) + THEME_BYTES < PAGE_LIMIT


@pytest.mark.parametrize("path", ["map.md", "network.md"])
def test_page_does_not_grow_with_the_dossier(crowded: dict[int, dict[str, str]], path: str) -> None:
    assert html_bytes(crowded[600][path]) <= html_bytes(crowded[60][path]) * 1.05


def test_map_caps_markers_and_points_to_everything(crowded: dict[int, dict[str, str]]) -> None:
    page = crowded[600]["map.md"]
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert svg.count('href="../incidents/') == mapping.MAX_INCIDENT_MARKERS
    assert svg.count('href="../places/') == mapping.MAX_PLACE_MARKERS
    for target in ("incidents/index.md", "places/index.md", "data/dossier.geojson"):
        assert f"]({target})" in page
    assert "the 10 most-reported of 600 incidents with a known place" in page
    # Every marker is named by its <title> (a tooltip, and its name for screen readers).
    assert svg.count("<title>") == svg.count("<a href=")


def test_network_shows_fewer_incidents_rather_than_growing(crowded: dict[int, dict[str, str]]) -> None:
    page = crowded[600]["network.md"]
    rows = [line for line in page.splitlines() if line.startswith("- [")]
    assert 1 <= len(rows) <= network.MAX_GRAPH_INCIDENTS
    assert all("other actors on its page" in row for row in rows)
    assert len(page.encode()) <= network.PAGE_BYTES
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert svg.count("<path ") <= 2 and "<line" not in svg


def test_pages_are_deterministic() -> None:
    assert pages_of(crowded_dossier(60)) == pages_of(crowded_dossier(60))


def test_close_places_get_labels_that_do_not_overlap() -> None:
    """Sévaré and Mopti are 10 km apart: one pixel at this scale, yet both labels show."""
    dossier = crowded_dossier(5)
    only_close = Dossier(
        (),
        dossier.actors,
        tuple(p for p in dossier.places if p.id.startswith("close-")) + dossier.places[:1],
        (),
        (),
        (),
        (),
    )
    svg = pages_of(only_close)["map.md"]
    labels = re.findall(r'<text x="(\d+)" y="(\d+)"(?: text-anchor="(\w+)")?>([^<]+)</text>', svg)
    assert {name for *_, name in labels} >= {"Sévaré", "Mopti", "Socoura"}
    boxes = []
    for x, y, anchor, name in labels:
        width = len(name) * mapping.LABEL_CHAR_WIDTH
        left = int(x) - {"": 0, "start": 0, "middle": width / 2, "end": width}[anchor]
        boxes.append((left, int(y) - mapping.LABEL_RISE, left + width, int(y) + mapping.LABEL_DROP))
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_label_placement_skips_a_label_with_no_room() -> None:
    crowd = [(400, 250, "Name")] * 20
    placed = mapping.place_labels(crowd, [])
    assert placed[0] is not None and None in placed


def test_svg_links_lead_to_pages_that_exist() -> None:
    """On the site the hand-built fixture renders to, every link in the drawings has its page."""
    from fixtures.dossier_fixture import build_fixture

    pages = render_site(build_fixture())
    for path in ("map.md", "network.md"):
        hrefs = re.findall(r'<a href="\.\./([^"]+)/"', pages[path])
        assert hrefs
        for href in hrefs:
            assert f"{href}.md" in pages, (path, href)


# Outlines ----------------------------------------------------------------------------------------


def test_borders_are_drawn_once_and_the_coast_closes() -> None:
    topology = outlines.load_topology()
    coast = {
        outlines._edge(a, b)
        for ring in topology.land
        for a, b in zip(ring.points, ring.points[1:] + ring.points[:1], strict=True)
    }
    borders = {
        outlines._edge(a, b)
        for line in topology.borders
        for a, b in itertools.pairwise(line.points + (line.points[:1] if line.closed else ()))
    }
    assert coast and borders and not coast & borders
    # No ring jumps across the map at the antimeridian but Antarctica's, which goes round the pole.
    jumps = [
        ring
        for ring in topology.land
        if any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(ring.points))
    ]
    assert len(jumps) <= 1 and all(min(p[1] for p in ring.points) < -60 for ring in jumps)


@pytest.mark.parametrize("budget", [1_500, 3_000, 6_000])
def test_outlines_fit_their_budget(budget: int) -> None:
    view = mapping.fit_view([(-40.0, -120.0), (60.0, 150.0)])  # nearly the whole world
    box = (-2.0, -2.0, mapping.WIDTH + 2.0, mapping.HEIGHT + 2.0)
    land, borders = outlines.outline_paths(
        view.project, (view.west, view.south, view.east, view.north), box, budget
    )
    assert land and len(land) + len(borders) <= budget
    assert re.fullmatch(r"(M-?\d+[ -]\d+l[-\d ]+z)+", land)


def test_simplify_keeps_anchors_and_ends() -> None:
    wiggle = [(float(x), 0.3 * math.sin(x)) for x in range(50)]
    simple = outlines.simplify(wiggle, False, (17, 33), 1.0)
    assert simple == [wiggle[0], wiggle[17], wiggle[33], wiggle[49]]


def test_clip_line_splits_at_the_box() -> None:
    runs = outlines.clip_line(
        [(-10.0, 5.0), (5.0, 5.0), (5.0, 20.0), (5.0, 30.0), (5.0, 5.0)], (0.0, 0.0, 10.0, 10.0)
    )
    assert runs == [[(0.0, 5.0), (5.0, 5.0), (5.0, 10.0)], [(5.0, 10.0), (5.0, 5.0)]]


def test_path_data_is_whole_pixels_with_relative_steps() -> None:
    assert outlines.path_data([(3.2, 4.0), (5.0, 3.4), (5.0, 8.0), (5.1, 8.2)], True) == "M3 4l2-1 0 5z"
    assert outlines.path_data([(0.2, 0.2), (0.4, 0.1)], False) == ""
