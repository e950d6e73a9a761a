"""Exports: the public JSON format and its schema, GTD and ACLED CSV with their rules, GeoJSON."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from fixtures.dossier_fixture import build_fixture

from build_dossier.export import csv_cell, dossier_json, dumps_json, json_schema
from build_dossier.render import render_site


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return {path: text for path, text in render_site(build_fixture()).items() if path.startswith("data/")}


def rows(text: str) -> dict[str, dict[str, str]]:
    return {row[next(iter(row))]: row for row in csv.DictReader(io.StringIO(text))}


def test_json_has_the_documented_fields() -> None:
    data = dossier_json(build_fixture())
    assert sorted(data) == ["actors", "articles", "claims", "incidents", "places"]
    relay = next(a for a in data["articles"] if a["id"] == "fix-relay")
    assert {k: relay[k] for k in ("id", "path", "title", "outlet", "published")} == {
        "id": "fix-relay",
        "path": "fix-relay.txt",
        "title": "Lodge siege toll rises",
        "outlet": "Daily Lantern",
        "published": "2021-03-06",
    }
    assert relay["relayed_from"] == "Northwire"
    brigade = next(a for a in data["actors"] if a["id"] == "sable-brigade")
    assert brigade["aliases"] == ["the Brigade"]
    assert {
        "article": "fix-relay",
        "sentence": "Witnesses described around a dozen gunmen from the Brigade.",
        "sentence_index": 1,
    } in brigade["mentions"]
    claim = next(c for c in data["claims"] if c["id"] == "fix-wire-c1")
    assert {
        k: claim[k]
        for k in ("incident", "kind", "low", "high", "approximate", "subject", "attributed_to", "article")
    } == {
        "incident": "kestrel-lodge-siege",
        "kind": "killed",
        "low": 9,
        "high": None,
        "approximate": False,
        "subject": "people",
        "attributed_to": "a police source",
        "article": "fix-wire",
    }
    assert claim["sentence"] == "At least 9 people were killed, the police source said."
    market = next(i for i in data["incidents"] if i["id"] == "port-ember-market-bombing")
    assert market["date"] == "2020-06-01/2020-06-30" and market["place"] == "port-ember"
    siege = next(i for i in data["incidents"] if i["id"] == "kestrel-lodge-siege")
    assert siege["date"] == "2021-03-05"
    assert siege["sources"] == ["fix-later", "fix-relay", "fix-wire"]
    assert {
        "kind": "killed",
        "subject": "people",
        "claims": ["fix-later-c1", "fix-relay-c1", "fix-wire-c1"],
    } in siege["conflicts"]
    lorvana = next(p for p in data["places"] if p["id"] == "lorvana")
    assert lorvana["coordinates"] == {"latitude": -0.4, "longitude": 36.9}


def test_json_validates_against_its_schema(files: dict[str, str]) -> None:
    schema = json.loads(files["data/dossier.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(files["data/dossier.json"]), schema)
    broken = dossier_json(build_fixture())
    del broken["claims"][0]["attributed_to"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json_schema())


def test_dumps_json_is_stable_and_keeps_unicode() -> None:
    text = dumps_json({"b": "Lorvána", "a": [1]})
    assert text == '{\n  "a": [\n    1\n  ],\n  "b": "Lorvána"\n}\n'


def test_gtd_csv_uses_the_most_agreed_figure(files: dict[str, str]) -> None:
    table = rows(files["data/incidents-gtd.csv"])
    siege = table["kestrel-lodge-siege"]
    assert (siege["iyear"], siege["imonth"], siege["iday"]) == ("2021", "3", "5")
    assert siege["country_txt"] == "Kenya" and siege["city"] == "Lorvana"
    assert (siege["latitude"], siege["longitude"]) == ("-0.4", "36.9")
    assert siege["attacktype1_txt"] == "Hostage Taking (Barricade Incident)"
    assert siege["targtype1_txt"] == "Business" and siege["target1"] == "Kestrel Lodge"
    assert siege["gname"] == "Sable Brigade"
    # 9+ comes from one origin (Northwire and its relay), 14 from another: a tie, so the later report wins.
    assert siege["nkill"] == "14"
    assert siege["nhostkid"] == "30" and siege["nwound"] == ""
    assert siege["scite1"].startswith("Northwire") or siege["scite1"].startswith("Daily Lantern")
    market = table["port-ember-market-bombing"]
    assert (market["imonth"], market["iday"], market["approxdate"]) == ("6", "0", "June 2020")
    assert market["gname"] == "Unknown" and market["nkill"] == "5"


def test_acled_csv_uses_the_most_conservative_figure(files: dict[str, str]) -> None:
    table = rows(files["data/events-acled.csv"])
    siege = table["kestrel-lodge-siege"]
    assert siege["fatalities"] == "9"
    assert siege["actor1"] == "Sable Brigade"
    assert siege["actor2"] == "Adaeze Okonkwo; Lorvana Police"
    assert siege["source"] == "Coastal Post; Northwire"
    assert siege["event_type"] == "Violence against civilians"
    assert table["hostile-attack"]["actor1"] == "The `Pipe|Front` <b>bold</b>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("-2", "'-2"),
        (-0.4, "-0.4"),
        (None, ""),
        ("a\nb", "a b"),
        (7, "7"),
    ],
)
def test_csv_cells_cannot_run_as_formulas(value: object, expected: str) -> None:
    assert csv_cell(value) == expected


def test_geojson_points_are_longitude_first(files: dict[str, str]) -> None:
    collection = json.loads(files["data/dossier.geojson"])
    features = {f["id"]: f for f in collection["features"]}
    assert features["incident:kestrel-lodge-siege"]["geometry"]["coordinates"] == [36.9, -0.4]
    assert features["place:port-ember"]["geometry"]["coordinates"] == [39.7, -3.9]
    assert "incident:hostile-attack" not in features
    assert "place:kestrel-lodge" not in features
