"""Rebuild ``countries-110m.json`` from npm's ``world-atlas`` package (run by hand, not at build time).

Usage: ``npm pack world-atlas && tar xzf world-atlas-*.tgz``, then
``python build_dossier/data/world/make_extract.py package/countries-110m.json``.
It decodes the TopoJSON arcs into plain longitude/latitude rings rounded to 0.1 degree, which is
all the build-time map needs and keeps the file small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Undo TopoJSON quantisation and delta encoding: each arc becomes absolute (lon, lat) points."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Join arcs into one ring; a negative index ``~i`` means arc ``i`` reversed."""
    points: list[tuple[float, float]] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    rounded: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, 1), round(lat, 1)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def extract(topology: dict) -> dict:
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        countries.append(
            {
                "id": geometry.get("id", ""),
                "name": geometry.get("properties", {}).get("name", ""),
                "rings": [ring for ring in rings if len(ring) >= 3],
            }
        )
    countries.sort(key=lambda country: (country["name"], country["id"]))
    return {
        "source": "Natural Earth 1:110m admin-0 countries via npm world-atlas 2.0.2 (countries-110m.json)",
        "countries": countries,
    }


if __name__ == "__main__":
    topology = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(__file__).with_name("countries-110m.json")
    out.write_text(
        json.dumps(extract(topology), separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
