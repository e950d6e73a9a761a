"""Country outlines for the map: land and borders drawn once each, as finely as a byte budget allows.

The Natural Earth extract (``data/world/countries-110m.json``) holds each country as closed rings,
so a border between two countries is in both. Drawn that way each border costs twice, and once the
lines are simplified the two copies drift apart. Here the rings are taken apart once into a
topology, as TopoJSON does: the *coast* (edges in one ring only) is chained into land rings that
are filled, and the *borders* (edges in two rings) into lines drawn once each. The points where
borders meet the coast or each other are *junctions*, which simplification keeps, so borders still
end on the coast.

Everything is deterministic: the file is read in order and every choice goes by sort order.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORLD_FILE = Path(__file__).with_name("data") / "world" / "countries-110m.json"
TOLERANCES = (1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0)
"""Douglas–Peucker tolerances in pixels, tried finest first until the lines fit their budget."""
MAX_BORDER_TOLERANCE = 4.0
"""Coarser than this, borders mislead more than they help (a wide view): the land alone is drawn."""

LonLat = tuple[float, float]
Point = tuple[float, float]
"""Canvas pixels (x right, y down)."""
Box = tuple[float, float, float, float]
"""(left, top, right, bottom) in canvas pixels."""
Projection = Callable[[float, float], Point]
"""(latitude, longitude) -> canvas point."""


@dataclass(frozen=True)
class Line:
    """A chain of points: a land ring, or a border (closed when it encloses one country in another)."""

    points: tuple[LonLat, ...]
    """(longitude, latitude); a closed line does not repeat its first point at the end."""
    closed: bool
    anchors: tuple[int, ...]
    """Indexes of the junctions on the line: simplification keeps them."""
    bounds: tuple[float, float, float, float]
    """(west, south, east, north)."""


@dataclass(frozen=True)
class Topology:
    land: tuple[Line, ...]
    borders: tuple[Line, ...]


def _edge(a: LonLat, b: LonLat) -> tuple[LonLat, LonLat]:
    return (a, b) if a <= b else (b, a)


def _line(points: list[LonLat], closed: bool, junctions: set[LonLat]) -> Line:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    anchors = tuple(i for i, point in enumerate(points) if point in junctions)
    return Line(tuple(points), closed, anchors, (min(lons), min(lats), max(lons), max(lats)))


def _country_rings() -> list[list[LonLat]]:
    data = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    rings = []
    for country in data["countries"]:
        for ring in country["rings"]:
            points = _unwrap([(lon, lat) for lon, lat in ring])
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(points) >= 3:
                rings.append(points)
    return rings


def _unwrap(ring: list[LonLat]) -> list[LonLat]:
    """A ring that crosses the antimeridian (Russia, Fiji) without the jump from 180° to -180°.

    The extract keeps such rings in -180..180, so they have edges across the whole map; here the
    points after a jump are shifted by 360°, so the ring goes on past 180° instead. A ring around
    the pole (Antarctica) does not come back to its start once unwrapped, and is kept as it is.
    """
    unwrapped, shift = [ring[0]], 0.0
    for (lon_a, _), (lon_b, lat_b) in itertools.pairwise(ring):
        if lon_b - lon_a > 180:
            shift -= 360
        elif lon_b - lon_a < -180:
            shift += 360
        unwrapped.append((lon_b + shift, lat_b))
    return unwrapped if shift == 0 else ring


@lru_cache(maxsize=1)
def load_topology() -> Topology:
    """The world's land rings and borders, each border once."""
    rings = _country_rings()
    edges = [(a, b) for ring in rings for a, b in zip(ring, ring[1:] + ring[:1], strict=True)]
    uses = Counter(_edge(a, b) for a, b in edges)
    neighbours: dict[LonLat, set[LonLat]] = defaultdict(set)
    for a, b in edges:
        neighbours[a].add(b)
        neighbours[b].add(a)
    junctions = {point for point, near in neighbours.items() if len(near) > 2}

    # Land: the coast edges keep the direction of their country's ring, so they chain into rings
    # with the land on the same side (a lake between countries comes out as a hole).
    coast_next: dict[LonLat, list[LonLat]] = defaultdict(list)
    for a, b in edges:
        if uses[_edge(a, b)] == 1:
            coast_next[a].append(b)
    land = []
    for start in sorted(coast_next):
        while coast_next[start]:
            chain = [start]
            point = coast_next[start].pop(0)
            while point != start and coast_next[point]:
                chain.append(point)
                point = coast_next[point].pop(0)
            land.append(_line(chain, True, junctions))

    # Borders: walked edge by edge, on through junctions while an unwalked edge goes on, so they
    # come out as a few long lines (a new line costs a move in the path data). Walks start where
    # a line must end (an odd number of border edges), then anywhere for the loops left over.
    links: dict[LonLat, list[LonLat]] = defaultdict(list)
    for a, b in sorted(edge for edge, count in uses.items() if count > 1):
        links[a].append(b)
        links[b].append(a)
    walked: set[tuple[LonLat, LonLat]] = set()
    borders = []
    ends = sorted(point for point, near in links.items() if len(near) % 2)
    for start in ends + sorted(links):
        for first in links[start]:
            if _edge(start, first) in walked:
                continue
            walked.add(_edge(start, first))
            chain = [start, first]
            while step := next((p for p in links[chain[-1]] if _edge(chain[-1], p) not in walked), None):
                walked.add(_edge(chain[-1], step))
                chain.append(step)
            if chain[-1] == start and len(chain) > 3:
                borders.append(_line(chain[:-1], True, junctions))
            else:
                borders.append(_line(chain, False, junctions))
    return Topology(tuple(land), tuple(borders))


# Simplifying, clipping and writing lines in canvas pixels ------------------------------------------


def _distance_to_segment(point: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length_squared = dx * dx + dy * dy
    if length_squared == 0:
        return math.hypot(point[0] - a[0], point[1] - a[1])
    t = max(0.0, min(1.0, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length_squared))
    return math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy)


def simplify(points: Sequence[Point], closed: bool, anchors: Sequence[int], tolerance: float) -> list[Point]:
    """Douglas–Peucker between fixed points: only points more than ``tolerance`` pixels off stay.

    The anchors and the ends of an open line always stay. A closed line with fewer than two anchors
    is also split at the point farthest from its first anchor. Ties go to the earlier point.
    """
    count = len(points)
    fixed = set(anchors) | (set() if closed else {0, count - 1})
    if closed and len(fixed) < 2:
        first = min(fixed, default=0)
        x, y = points[first]
        far = max(range(count), key=lambda i: (points[i][0] - x) ** 2 + (points[i][1] - y) ** 2)
        fixed |= {first, far}
    order = sorted(fixed)
    spans = list(itertools.pairwise(order))
    if closed:
        spans.append((order[-1], order[0] + count))
    keep = set(fixed)
    while spans:
        first, last = spans.pop()
        start, end = points[first % count], points[last % count]
        best, best_distance = -1, tolerance
        for i in range(first + 1, last):
            distance = _distance_to_segment(points[i % count], start, end)
            if distance > best_distance:
                best, best_distance = i, distance
        if best >= 0:
            keep.add(best % count)
            spans += [(first, best), (best, last)]
    return [points[i] for i in sorted(keep)]


def clip_ring(ring: list[Point], box: Box) -> list[Point]:
    """The part of a closed ring inside ``box`` (Sutherland–Hodgman, one box edge at a time)."""
    left, top, right, bottom = box
    for axis, limit, keep_above in ((0, left, True), (0, right, False), (1, top, True), (1, bottom, False)):
        if not ring:
            break

        def inside(point: Point, axis: int = axis, limit: float = limit, above: bool = keep_above) -> bool:
            return point[axis] >= limit if above else point[axis] <= limit

        def cut(a: Point, b: Point, axis: int = axis, limit: float = limit) -> Point:
            other = a[1 - axis] + (limit - a[axis]) / (b[axis] - a[axis]) * (b[1 - axis] - a[1 - axis])
            return (limit, other) if axis == 0 else (other, limit)

        clipped: list[Point] = []
        previous = ring[-1]
        for point in ring:
            if inside(point):
                if not inside(previous):
                    clipped.append(cut(previous, point))
                clipped.append(point)
            elif inside(previous):
                clipped.append(cut(previous, point))
            previous = point
        ring = clipped
    return ring


def _clip_segment(a: Point, b: Point, box: Box) -> tuple[Point, Point] | None:
    """The part of segment ab inside ``box`` (Liang–Barsky), or None."""
    left, top, right, bottom = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    enter, leave = 0.0, 1.0
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
            if q < 0:
                return None
        elif p < 0:
            enter = max(enter, q / p)
        else:
            leave = min(leave, q / p)
    if enter > leave:
        return None
    return (a[0] + enter * dx, a[1] + enter * dy), (a[0] + leave * dx, a[1] + leave * dy)


def clip_line(points: list[Point], box: Box) -> list[list[Point]]:
    """The runs of an open line inside ``box``."""
    runs: list[list[Point]] = []
    run: list[Point] = []
    for a, b in itertools.pairwise(points):
        segment = _clip_segment(a, b, box)
        if segment and run and run[-1] == segment[0]:
            run.append(segment[1])
            continue
        if run:
            runs.append(run)
        run = list(segment) if segment else []
    if run:
        runs.append(run)
    return runs


def _numbers(values: list[int]) -> str:
    """Integers as SVG path data: a space between them, none before a minus sign."""
    return "".join(str(v) if (v < 0 or i == 0) else f" {v}" for i, v in enumerate(values))


def path_data(points: list[Point], closed: bool) -> str:
    """Path data in whole pixels with relative steps ("M3 4l2-1 0 5z"); empty if it comes to nothing."""
    whole: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x), round(y))
        if not whole or point != whole[-1]:
            whole.append(point)
    while closed and len(whole) > 1 and whole[-1] == whole[0]:
        whole.pop()
    if len(whole) < (3 if closed else 2):
        return ""
    steps = [v for a, b in itertools.pairwise(whole) for v in (b[0] - a[0], b[1] - a[1])]
    return f"M{_numbers(list(whole[0]))}l{_numbers(steps)}" + ("z" if closed else "")


# The outlines for one view ---------------------------------------------------------------------------


def _extent(points: Sequence[Point]) -> float:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(max(xs) - min(xs), max(ys) - min(ys))


Visible = list[tuple[Line, list[Point]]]
"""Lines in the view with their points projected."""


def _draw(lines: Visible, tolerance: float, box: Box, *, filled: bool) -> str:
    """Path data for the lines: filled rings are clipped as areas, the others as lines."""
    parts = []
    for line, points in lines:
        if line.closed and _extent(points) < 2 * tolerance:
            continue  # an island (or an enclave) too small to see at this tolerance
        simple = simplify(points, line.closed, line.anchors, tolerance)
        if filled:
            parts.append(path_data(clip_ring(simple, box), True))
        else:
            ends = simple + simple[:1] if line.closed else simple
            parts += [path_data(run, False) for run in clip_line(ends, box)]
    return "".join(parts)


def outline_paths(
    project: Projection, view: tuple[float, float, float, float], box: Box, budget: int
) -> tuple[str, str]:
    """(land, borders) path data for the ``view`` (west, south, east, north), clipped to ``box``.

    Both at the finest tolerance where together they fit ``budget`` bytes; if they fit at no
    tolerance up to :data:`MAX_BORDER_TOLERANCE` (a wide view), the land alone at the finest
    tolerance that fits, or the coarsest.
    """
    topology = load_topology()
    west, south, east, north = view

    def visible(lines: tuple[Line, ...]) -> Visible:
        return [
            (line, [project(lat, lon) for lon, lat in line.points])
            for line in lines
            if not (
                line.bounds[2] < west
                or line.bounds[0] > east
                or line.bounds[3] < south
                or line.bounds[1] > north
            )
        ]

    land_lines, border_lines = visible(topology.land), visible(topology.borders)
    for tolerance in (t for t in TOLERANCES if t <= MAX_BORDER_TOLERANCE):
        land = _draw(land_lines, tolerance, box, filled=True)
        borders = _draw(border_lines, tolerance, box, filled=False)
        if len(land) + len(borders) <= budget:
            return land, borders
    for tolerance in TOLERANCES:
        land = _draw(land_lines, tolerance, box, filled=True)
        if len(land) <= budget:
            break
    return land, ""
