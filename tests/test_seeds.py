"""What the three seed articles must give (issue 2), in the public JSON and in the generated pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from build_dossier.cli import main
from build_dossier.pipeline import build
from build_dossier.settings import make_settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def dossier() -> dict:
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    build(make_settings(SEEDS, folder))
    return folder


def incident(dossier: dict, word: str) -> dict:
    (found,) = [i for i in dossier["incidents"] if word.lower() in i["name"].lower()]
    return found


def claims_of(dossier: dict, incident_id: str, kind: str) -> list[dict]:
    return [c for c in dossier["claims"] if c["incident"] == incident_id and c["kind"] == kind]


def entity(records: list[dict], name: str) -> dict:
    (found,) = [r for r in records if r["name"] == name or name in r["aliases"]]
    return found


def test_articles_carry_editorial_metadata(dossier: dict) -> None:
    outlets = {a["id"][:3]: (a["outlet"], a["published"]) for a in dossier["articles"]}
    assert outlets == {
        "000": ("AFP", "2015-08-08"),
        "001": ("Arutz Sheva (Israel National News)", "2015-11-20"),
        "002": ("Reuters", "2015-11-20"),
    }


def test_radisson_siege_is_one_incident_reported_by_two_articles(dossier: dict) -> None:
    radisson = incident(dossier, "Radisson")
    assert radisson["date"] == "2015-11-20"
    assert radisson["place"] == entity(dossier["places"], "Bamako")["id"]
    assert [s[:3] for s in radisson["sources"]] == ["001", "002"]
    attackers = {
        (c["low"], c["high"], c["approximate"]) for c in claims_of(dossier, radisson["id"], "attackers")
    }
    assert {(2, 2, False), (2, 3, False), (None, 10, False), (12, 12, True)} <= attackers
    killed = {(c["low"], c["high"]) for c in claims_of(dossier, radisson["id"], "killed")}
    assert (22, None) in killed


def test_sevare_siege_joins_the_august_report_and_keeps_both_tolls(dossier: dict) -> None:
    sevare = incident(dossier, "Byblos")
    assert sevare["date"] == "2015-08-07"  # "Friday" before the 8 August publication
    assert sevare["place"] == entity(dossier["places"], "Sevare")["id"]
    assert [s[:3] for s in sevare["sources"]] == ["000", "002"]
    tolls = {(c["article"][:3], c["low"]) for c in claims_of(dossier, sevare["id"], "killed")}
    assert ("000", 7) in tolls and ("002", 17) in tolls


def test_recalled_incidents_get_their_own_records(dossier: dict) -> None:
    restaurant = incident(dossier, "restaurant")
    assert restaurant["date"] == "2015-03-01/2015-03-31"  # "last March"
    assert [(c["low"], c["high"]) for c in claims_of(dossier, restaurant["id"], "killed")] == [(5, 5)]
    paris = incident(dossier, "Paris")
    assert [s[:3] for s in paris["sources"]] == ["001", "002"]
    assert (130, 130) in {(c["low"], c["high"]) for c in claims_of(dossier, paris["id"], "killed")}


def test_non_casualty_numbers_are_not_claims(dossier: dict) -> None:
    figures = {c["low"] for c in dossier["claims"]} | {c["high"] for c in dossier["claims"]}
    assert not figures & {620, 385, 600, 375, 1000, 50, 2012, 2013, 700}


def test_claims_quote_their_sentence_and_speaker(dossier: dict) -> None:
    rezidor = [c for c in dossier["claims"] if c["attributed_to"] and "Rezidor Group" in c["attributed_to"]]
    assert [(c["kind"], c["low"], c["high"]) for c in rezidor] == [("attackers", 2, 2)]
    assert "the company that runs the hotel, Rezidor Group" in rezidor[0]["sentence"]
    for claim in dossier["claims"]:
        article = next(a for a in dossier["articles"] if a["id"] == claim["article"])
        text = (SEEDS / article["path"]).read_text(encoding="utf-8")
        assert claim["sentence"] in text


def test_actors_merge_aliases_and_keep_roles(dossier: dict) -> None:
    minusma = entity(dossier["actors"], "MINUSMA")
    assert {"UN peacekeeping mission", "UN mission"} <= set(minusma["aliases"])
    assert {m["article"][:3] for m in minusma["mentions"]} == {"000", "002"}
    malian = entity(dossier["actors"], "Malian forces")
    assert "Malian Special Forces" in malian["aliases"] and malian["kind"] == "armed_force"
    assert entity(dossier["actors"], "Salif Traore")["role"] == "Security Minister"
    dembele = entity(dossier["actors"], "Seydou Dembele")
    assert "head of security" in dembele["role"] and len(dembele["mentions"]) == 2
    assert entity(dossier["actors"], "Rezidor Group")["kind"] == "company"
    assert entity(dossier["actors"], "Xinhua")["kind"] == "media"
    assert entity(dossier["places"], "Sévaré")["coordinates"]


def test_incident_page_shows_infobox_sources_and_conflicts(dossier: dict, docs: Path) -> None:
    page = (docs / "incidents" / f"{incident(dossier, 'Radisson')['id']}.md").read_text(encoding="utf-8")
    assert "dossier-infobox" in page and "## What the sources say" in page
    assert '!!! warning "Conflicting reports"' in page
    assert "as many as 10" in page and "around a dozen" in page
    assert "../actors/rezidor-group.md" in page and "../places/bamako.md" in page
    sevare = (docs / "incidents" / f"{incident(dossier, 'Byblos')['id']}.md").read_text(encoding="utf-8")
    assert (
        "Conflicting reports" in sevare
        and "seven people dead" in sevare
        and "17 people were killed" in sevare
    )


def test_actor_and_source_pages_link_back_with_context(dossier: dict, docs: Path) -> None:
    minusma = (docs / "actors" / "minusma.md").read_text(encoding="utf-8")
    assert "UN peacekeeping mission" in minusma and "../sources/" in minusma and "../incidents/" in minusma
    source = (docs / "sources" / f"{dossier['articles'][0]['id']}.md").read_text(encoding="utf-8")
    assert "??? " in source and "Our goal is to create a safe and engaging place" in source
    assert '<span id="s-0"' in source or "{#s-0" in source or 'id="s-0"' in source
    assert "../actors/minusma.md" in source and "../places/sevare.md" in source


def test_two_attacks_on_one_hotel_years_apart_are_named_apart(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(
        "VELSA (Reuters) - Gunmen stormed the Korvani Hotel in Velsa on Saturday, killing at least 12 "
        "people, police said.\n\n"
        "The hotel had been attacked before, in May 2014, when gunmen killed 9 people.\n",
        encoding="utf-8",
    )
    (tmp_path / "metadata.yml").write_text("story.txt:\n  published: 2019-03-03\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    incidents = {i["name"]: i for i in json.loads(result.stdout)["incidents"]}
    assert sorted(incidents) == ["Korvani Hotel attack, Velsa (2014)", "Korvani Hotel attack, Velsa (2019)"]
    older = incidents["Korvani Hotel attack, Velsa (2014)"]
    assert older["date"] == "2014-05-01/2014-05-31"
    claims = {c["incident"]: c["low"] for c in json.loads(result.stdout)["claims"] if c["kind"] == "killed"}
    assert claims[older["id"]] == 9
