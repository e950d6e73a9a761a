"""The evaluation: gold files load and are checked, and scoring counts hits as the issue defines them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from number_parser import parse as parse_numbers

from build_dossier.errors import ConfigError
from build_dossier.evaluate import (
    Counts,
    Gold,
    GoldClaim,
    GoldEntity,
    GoldIncident,
    check_merges,
    evaluate,
    format_report,
    load_gold,
    load_gold_dir,
    score_article,
)

EVAL_DIR = Path(__file__).resolve().parent / "eval"


def entity(name: str, *aliases: str, category: str = "actor", kind: str = "person", required: bool = True):
    return GoldEntity(name, aliases, category, kind, required)


def claim(kind: str, low: int | None, high: int | None, required: bool = True) -> GoldClaim:
    return GoldClaim(kind, low, high, "siege", required)


def gold(entities=(), claims=(), incidents=(), article: str = "a.txt") -> Gold:
    return Gold(Path("gold/a.yml"), Path(article), tuple(entities), tuple(claims), tuple(incidents))


def record(name: str, *aliases: str, article: str = "a", rid: str | None = None) -> dict:
    return {
        "id": rid or name.lower(),
        "name": name,
        "kind": "person",
        "aliases": list(aliases),
        "mentions": [{"article": article, "sentence": f"{name} said."}],
    }


def extracted_claim(kind: str, low: int | None, high: int | None, sentence: str = "x") -> dict:
    return {"kind": kind, "low": low, "high": high, "sentence": sentence, "approximate": False}


# --- Counts ----------------------------------------------------------------------------------


def test_counts_ratios() -> None:
    counts = Counts(hits=8, false_hits=2, misses=4)
    assert counts.precision == pytest.approx(0.8)
    assert counts.recall == pytest.approx(8 / 12)
    assert counts.f1 == pytest.approx(2 * 0.8 * (8 / 12) / (0.8 + 8 / 12))
    assert Counts(1, 2, 3) + Counts(10, 20, 30) == Counts(11, 22, 33)


def test_counts_with_nothing_extracted_or_nothing_wanted() -> None:
    assert (Counts(0, 0, 5).precision, Counts(0, 0, 5).recall, Counts(0, 0, 5).f1) == (1.0, 0.0, 0.0)
    assert (Counts(0, 3, 0).precision, Counts(0, 3, 0).recall) == (0.0, 1.0)
    assert Counts().f1 == 1.0


# --- Entities --------------------------------------------------------------------------------


def test_entity_hits_misses_and_false_hits() -> None:
    answer = gold(
        [
            entity("Seydou Dembele"),
            entity("Rezidor Group", "Rezidor", kind="company"),
            entity("Bamako", category="place", kind="city"),
        ]
    )
    extracted = {
        "actors": [record("Seydou Dembele"), record("Friday")],
        "places": [record("Bamako")],
    }
    score = score_article(extracted, answer)
    assert score.entities == Counts(hits=2, false_hits=1, misses=1)
    assert score.entity_misses == ("actor Rezidor Group",)
    assert score.entity_false_hits == ("actor Friday",)
    assert score.entities.f1 == pytest.approx(2 / 3)


def test_entity_matching_ignores_case_accents_and_punctuation_and_uses_aliases() -> None:
    answer = gold(
        [
            entity("Sévaré", "Sevare", category="place", kind="city"),
            entity("Al-Qaeda in the Islamic Maghreb", "AQIM", kind="armed_group"),
            entity("Côte d'Ivoire", "Ivory Coast", category="place", kind="country"),
        ]
    )
    extracted = {
        "actors": [record("al qaeda in the islamic maghreb"), record("A.Q.I.M.")],
        "places": [record("SEVARE"), record("Republic of Ivory Coast", "Cote d’Ivoire")],
    }
    score = score_article(extracted, answer)
    # "A.Q.I.M." folds to "a q i m", not "aqim": punctuation becomes a word break.
    assert score.entities == Counts(hits=3, false_hits=1, misses=0)
    assert score.entity_false_hits == ("actor A.Q.I.M.",)


def test_one_over_merged_record_stands_for_one_gold_entity_only() -> None:
    answer = gold(
        [entity("Mali", category="place", kind="country"), entity("Malian forces", kind="armed_force")]
    )
    extracted = {"actors": [record("Malian forces", "Mali")]}
    score = score_article(extracted, answer)
    assert score.entities == Counts(hits=1, false_hits=0, misses=1)


def test_matching_pairs_records_to_make_the_most_hits() -> None:
    # The first record could stand for either gold entity; pairing it with "Traore" would leave
    # the second record unpaired. The maximum matching finds both.
    answer = gold([entity("Salif Traore", "Traore"), entity("Security Minister")])
    extracted = {"actors": [record("Traore", "Security Minister"), record("Salif Traore")]}
    assert score_article(extracted, answer).entities == Counts(hits=2, false_hits=0, misses=0)


def test_unmerged_duplicate_is_a_repeat_not_a_false_hit() -> None:
    answer = gold([entity("Kenya Defence Forces", "KDF", kind="armed_force")])
    extracted = {"actors": [record("Kenya Defence Forces"), record("KDF")]}
    score = score_article(extracted, answer)
    assert score.entities == Counts(hits=1, false_hits=0, misses=0)
    assert score.entity_repeats == ("actor KDF",)


def test_optional_gold_is_neither_hit_nor_miss() -> None:
    answer = gold([entity("Ruto"), entity("France 24", kind="media", required=False)])
    found = score_article({"actors": [record("France 24")]}, answer)
    assert found.entities == Counts(hits=0, false_hits=0, misses=1)
    absent = score_article({"actors": [record("Ruto")]}, answer)
    assert absent.entities == Counts(hits=1, false_hits=0, misses=0)


# --- Claims ----------------------------------------------------------------------------------


def test_claim_hit_needs_kind_and_one_equal_end() -> None:
    answer = gold(claims=[claim("killed", 22, None), claim("attackers", 2, 3), claim("hostages", 170, None)])
    extracted = {
        "claims": [
            extracted_claim("killed", 22, None),
            extracted_claim("attackers", None, 3),  # high equals the gold high
            extracted_claim("injured", 170, None),  # right figure, wrong kind
        ]
    }
    score = score_article(extracted, answer)
    assert score.claims == Counts(hits=2, false_hits=1, misses=1)
    assert score.claim_misses == ("hostages 170.. (siege)",)
    assert score.claim_false_hits == ('injured 170..: "x"',)


def test_claim_range_matches_on_either_end() -> None:
    answer = gold(claims=[claim("attackers", 2, 3)])
    assert score_article({"claims": [extracted_claim("attackers", 3, 3)]}, answer).claims.hits == 1
    assert score_article({"claims": [extracted_claim("attackers", 2, None)]}, answer).claims.hits == 1
    wrong = score_article({"claims": [extracted_claim("attackers", 4, 10)]}, answer)
    assert wrong.claims == Counts(hits=0, false_hits=1, misses=1)


def test_same_figure_quoted_twice_is_a_repeat() -> None:
    answer = gold(claims=[claim("killed", 22, None)])
    extracted = {
        "claims": [extracted_claim("killed", 22, None, "a"), extracted_claim("killed", 22, None, "b")]
    }
    score = score_article(extracted, answer)
    assert score.claims == Counts(hits=1, false_hits=0, misses=0)
    assert score.claim_repeats == ('killed 22..: "b"',)


def test_two_gold_claims_with_the_same_figure_need_two_extracted_claims() -> None:
    answer = gold(claims=[claim("killed", 5, 5), claim("killed", 5, 5)])
    one = score_article({"claims": [extracted_claim("killed", 5, 5)]}, answer)
    assert one.claims == Counts(hits=1, false_hits=0, misses=1)
    two = score_article(
        {"claims": [extracted_claim("killed", 5, 5), extracted_claim("killed", 5, 5)]}, answer
    )
    assert two.claims == Counts(hits=2, false_hits=0, misses=0)


def test_required_gold_is_paired_before_optional() -> None:
    answer = gold(claims=[claim("hostages", 1, 1, required=False), claim("hostages", 1, 1)])
    score = score_article({"claims": [extracted_claim("hostages", 1, 1)]}, answer)
    assert score.claims == Counts(hits=1, false_hits=0, misses=0)


# --- Merging ---------------------------------------------------------------------------------


def _two_article_golds() -> list[Gold]:
    westgate = GoldIncident("Westgate siege", "Nairobi", dt.date(2013, 9, 21))
    shabaab = entity("Al-Shabaab", "al Shabaab", kind="armed_group")
    nairobi = entity("Nairobi", category="place", kind="city")
    return [
        gold([shabaab, nairobi], incidents=[westgate], article="eval/articles/one.txt"),
        gold([shabaab, nairobi], incidents=[westgate], article="eval/articles/two.txt"),
    ]


def _combined(actor_spans: list[list[str]], incident_sources: list[str], date: object) -> dict:
    return {
        "articles": [{"id": "one", "path": "one.txt"}, {"id": "two", "path": "two.txt"}],
        "actors": [
            {"id": f"a{n}", "name": "al-Shabaab", "aliases": [], "mentions": [{"article": a} for a in span]}
            for n, span in enumerate(actor_spans)
        ],
        "places": [
            {
                "id": "nairobi",
                "name": "Nairobi",
                "aliases": [],
                "mentions": [{"article": "one"}, {"article": "two"}],
            }
        ],
        "incidents": [
            {"id": "i", "name": "Westgate", "place": "nairobi", "date": date, "sources": incident_sources}
        ],
    }


def test_merge_counts_one_record_spanning_every_article() -> None:
    merge = check_merges(_two_article_golds(), _combined([["one", "two"]], ["one", "two"], "2013-09-21"))
    assert merge.merged == ("actor Al-Shabaab", "place Nairobi", "incident Westgate siege")
    assert merge.split == () and merge.rate == 1.0


def test_merge_reports_a_split_entity_and_incident() -> None:
    range_date = {"start": "2013-09-21", "end": "2013-09-24"}
    merge = check_merges(_two_article_golds(), _combined([["one"], ["two"]], ["one"], range_date))
    assert merge.merged == ("place Nairobi",)
    assert merge.split == (
        "actor Al-Shabaab: no one record reaches two",
        "incident Westgate siege: no one record reaches two",
    )
    assert merge.rate == pytest.approx(1 / 3)


def test_incident_on_another_date_is_not_the_gold_incident() -> None:
    merge = check_merges(_two_article_golds(), _combined([["one", "two"]], ["one", "two"], "2015-04-02"))
    assert merge.split == ("incident Westgate siege: no one record reaches one, two",)


# --- Gold files ------------------------------------------------------------------------------


def test_bad_gold_file_names_every_problem(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    path = tmp_path / "gold" / "bad.yml"
    path.write_text(
        "article: articles/none.txt\n"
        "entities:\n  - {name: X, category: person, kind: person}\n"
        "claims:\n  - {kind: dead, low: 3, incident: A}\n  - {kind: killed, low: '3', incident: B}\n"
        "incidents:\n  - {name: A, place: P, date: 2015-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as error:
        load_gold(path)
    message = str(error.value)
    assert "bad.yml" in message
    assert "category must be actor or place" in message
    assert "'dead' is not one of" in message
    assert "whole-number" in message
    assert "incident 'B' is not listed" in message
    assert "articles/none.txt does not exist" in message


def test_shipped_gold_files_load_and_cover_every_article() -> None:
    golds = load_gold_dir(EVAL_DIR)
    articles = sorted((EVAL_DIR / "articles").glob("*.txt"))
    seeds = sorted((EVAL_DIR.parent.parent / "seeds").glob("*.txt"))
    assert sorted(g.article for g in golds) == sorted(p.resolve() for p in articles + seeds)
    assert len(articles) >= 10
    for item in golds:
        assert sum(e.required for e in item.entities) >= 5, item.source
        names = [e.name for e in item.entities]
        assert len(names) == len(set(names)), item.source


def test_shipped_gold_figures_appear_in_their_article() -> None:
    """Guards the gold against typos: each figure is in its article as digits or number words.

    "a dozen" is 12, and "a"/"an" can be 1 ("a Tunisian policeman"); those are accepted as written.
    """
    for item in load_gold_dir(EVAL_DIR):
        text = item.article.read_text(encoding="utf-8")
        numbers = set(re.findall(r"\d+", parse_numbers(text).replace(",", "")))
        for gold_claim in item.claims:
            for value in gold_claim.figures:
                spelled = {12: "dozen", 1: " a "}.get(value)
                assert str(value) in numbers or (spelled and spelled in text), (item.source.name, gold_claim)


def test_evaluate_runs_extract_per_article_and_once_together() -> None:
    calls: list[list[Path]] = []

    def fake_extract(paths: list[Path]) -> dict:
        calls.append(paths)
        return {"articles": [], "actors": [], "places": [], "incidents": [], "claims": []}

    report = evaluate(EVAL_DIR, fake_extract)
    golds = load_gold_dir(EVAL_DIR)
    assert calls[:-1] == [[g.article] for g in golds]
    assert calls[-1] == [g.article for g in golds]
    assert report.entities.hits == 0 and report.entities.misses == sum(
        e.required for g in golds for e in g.entities
    )
    text = format_report(report)
    assert "Overall" in text and "entity misses:" in text and "F1 0.000" in text


def _gold_as_extract(golds: list[Gold]) -> dict:
    """The public JSON an extractor would print if it found exactly what the gold holds."""
    articles = [{"id": g.article.stem, "path": g.article.name} for g in golds]
    records: dict[tuple[str, str], dict] = {}
    incidents: dict[str, dict] = {}
    claims = []
    for g in golds:
        for item in g.entities:
            record = records.setdefault(
                (item.category, item.name),
                {"id": item.name, "name": item.name, "aliases": [], "mentions": []},
            )
            record["aliases"] = sorted(set(record["aliases"]) | set(item.aliases))
            record["mentions"].append({"article": g.article.stem, "sentence": ""})
        for incident in g.incidents:
            records.setdefault(
                ("place", incident.place),
                {"id": incident.place, "name": incident.place, "aliases": [], "mentions": []},
            )
            date = incident.date.isoformat() if incident.date else None
            record = incidents.setdefault(
                incident.name, {"place": incident.place, "date": date, "sources": []}
            )
            record["sources"].append(g.article.stem)
        claims += [{"kind": c.kind, "low": c.low, "high": c.high, "sentence": ""} for c in g.claims]
    return {
        "articles": articles,
        "actors": [r for (category, _), r in records.items() if category == "actor"],
        "places": [r for (category, _), r in records.items() if category == "place"],
        "incidents": list(incidents.values()),
        "claims": claims,
    }


def test_extracting_exactly_the_gold_scores_one_everywhere() -> None:
    golds = {g.article: g for g in load_gold_dir(EVAL_DIR)}
    report = evaluate(EVAL_DIR, lambda paths: _gold_as_extract([golds[path] for path in paths]))
    assert (report.entities.f1, report.claims.f1) == (1.0, 1.0)
    assert report.entities.hits == sum(e.required for g in golds.values() for e in g.entities)
    assert report.claims.hits == sum(c.required for g in golds.values() for c in g.claims)
    assert report.merge.split == ()
    assert "incident Radisson Blu hotel siege" in report.merge.merged
    assert "actor Al-Shabaab" in report.merge.merged


def test_incident_date_interval_contains_the_gold_day() -> None:
    from build_dossier.evaluate import _date_holds

    day = dt.date(2015, 11, 13)
    assert _date_holds("2015-11-12/2015-11-14", day)
    assert not _date_holds("2015-11-14/2015-11-20", day)
    assert _date_holds("2015-11-13", day) and not _date_holds("2015-11-12", day)
