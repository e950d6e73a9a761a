"""Incident grouping: cues of several articles -> incidents, claims placed in them, conflicts.

Extractions are built by hand (invented wire copy about other attacks), so these tests depend on
neither the extractors nor entity resolution; a small fake stands in for ``ResolvedEntities``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pytest

from build_dossier.lexicon import load_lexicon
from build_dossier.model import Article, Claim, DateRef, Entity, EventCue, Extraction, Mention, Span
from build_dossier.resolve.incidents import group_incidents, normalise_subject
from build_dossier.slugs import fold
from tests.helpers_articles import make_test_article


@dataclass
class FakeEntities:
    """Names -> ids as ``ResolvedEntities`` would give them, without resolving anything."""

    actors: tuple[Entity, ...]
    places: tuple[Entity, ...]
    positions: dict[tuple[str, int, int], str] = field(default_factory=dict)

    def find(self, article_id: str, surface: str, category: str) -> str | None:
        key = fold(surface).removeprefix("the ")
        for entity in self.actors if category == "actor" else self.places:
            if key in {fold(name) for name in (entity.name, *entity.aliases)}:
                return entity.id
        return None

    def entity_at(self, article_id: str, sentence: int, start: int) -> str | None:
        return self.positions.get((article_id, sentence, start))


def entity(entity_id: str, name: str, category: str, kind: str, parent: str | None = None) -> Entity:
    return Entity(entity_id, name, category, kind, (), (), parent=parent)


PLACES = (
    entity("tunisia", "Tunisia", "place", "country"),
    entity("sousse", "Sousse", "place", "city", parent="tunisia"),
    entity("tunis", "Tunis", "place", "city", parent="tunisia"),
    entity("imperial-marhaba-hotel", "Imperial Marhaba hotel", "place", "site", parent="sousse"),
    entity("bardo-museum", "Bardo museum", "place", "site", parent="tunis"),
    entity("nairobi", "Nairobi", "place", "city"),
)
ACTORS = (
    entity("islamic-state", "Islamic State", "actor", "armed_group"),
    entity("interior-ministry", "Interior Ministry", "actor", "government"),
)


def dated(article: Article, published: str) -> Article:
    return replace(article, published=dt.date.fromisoformat(published))


def span(article: Article, sentence: int, words: str) -> Span:
    text = article.sentences[sentence].text
    start = text.index(words)
    return Span(article.id, sentence, start, start + len(words), text)


def cue(article: Article, sentence: int, trigger: str, **fields: object) -> EventCue:
    defaults: dict[str, object] = {"attack_type": "armed_assault"}
    defaults.update(fields)
    return EventCue(span=span(article, sentence, trigger), trigger=trigger, **defaults)  # type: ignore[arg-type]


def claim(
    article: Article,
    sentence: int,
    figure: str,
    kind: str,
    low: int | None,
    high: int | None,
    subject: str = "people",
    cue_index: int | None = None,
) -> Claim:
    return Claim(kind, low, high, False, figure, subject, None, span(article, sentence, figure), cue_index)


def day(iso: str, expression: str = "Friday") -> DateRef:
    date = dt.date.fromisoformat(iso)
    return DateRef(date, date, expression)


def month(first: str, last: str, expression: str) -> DateRef:
    return DateRef(dt.date.fromisoformat(first), dt.date.fromisoformat(last), expression)


def actor_mention(
    article: Article, sentence: int, words: str, kind: str, entities: FakeEntities, entity_id: str
) -> Mention:
    where = span(article, sentence, words)
    entities.positions[(article.id, sentence, where.start)] = entity_id
    return Mention(words, "actor", kind, where)


@pytest.fixture
def corpus() -> tuple[list[Extraction], FakeEntities]:
    entities = FakeEntities(ACTORS, PLACES)
    first = dated(
        make_test_article(
            "sousse-wire",
            "Gunmen killed at least 38 people at the Imperial Marhaba hotel in Sousse on Friday.",
            "The attack was claimed by Islamic State, the Interior Ministry said.",
            "Thirty of the dead were British tourists.",
            "One gunman was shot dead by police.",
        ),
        "2015-06-26",
    )
    first_cues = (
        cue(
            first,
            0,
            "killed",
            site="Imperial Marhaba hotel",
            site_type="hotel",
            place="Sousse",
            date=day("2015-06-26"),
        ),
        cue(first, 1, "attack"),
    )
    first_extraction = Extraction(
        first,
        (
            actor_mention(first, 1, "Islamic State", "armed_group", entities, "islamic-state"),
            actor_mention(first, 1, "Interior Ministry", "government", entities, "interior-ministry"),
        ),
        (
            claim(first, 0, "at least 38", "killed", 38, None),
            claim(first, 2, "Thirty", "killed", 30, 30, "British tourists"),
            claim(first, 3, "One", "attackers", 1, 1, "gunman"),
        ),
        first_cues,
        main_cue=0,
    )
    second = dated(
        make_test_article(
            "sousse-followup",
            "The death toll from the hotel attack in Sousse rose to 39, officials said.",
            "Two attackers took part, according to a witness.",
            "No one has claimed responsibility for the shooting, Islamic State said.",
            "It was the second attack since 17 people were killed at the Bardo museum in Tunis in March.",
        ),
        "2015-06-27",
    )
    second_extraction = Extraction(
        second,
        (actor_mention(second, 2, "Islamic State", "armed_group", entities, "islamic-state"),),
        (
            claim(second, 0, "39", "killed", 39, 39, "people"),
            claim(second, 1, "Two", "attackers", 2, 2, "attackers"),
            claim(second, 3, "17", "killed", 17, 17, "people", cue_index=2),
        ),
        (
            cue(second, 0, "attack", site="the hotel", site_type="hotel", place="Sousse"),
            cue(second, 2, "shooting"),
            cue(
                second,
                3,
                "attack",
                site="Bardo museum",
                site_type="museum",
                place="Tunis",
                date=month("2015-03-01", "2015-03-31", "in March"),
                is_background=True,
            ),
        ),
        main_cue=0,
    )
    older = dated(
        make_test_article(
            "nairobi-1998",
            "A truck bomb killed 213 people at the US embassy in Nairobi on Friday.",
        ),
        "1998-08-08",
    )
    older_extraction = Extraction(
        older,
        (),
        (claim(older, 0, "213", "killed", 213, 213),),
        (cue(older, 0, "bomb", attack_type="bombing", place="Nairobi", date=day("1998-08-07")),),
        main_cue=0,
    )
    newer = dated(
        make_test_article(
            "nairobi-2013",
            "Gunmen stormed a shopping mall in Nairobi on Saturday, killing at least 39 people.",
        ),
        "2013-09-22",
    )
    newer_extraction = Extraction(
        newer,
        (),
        (claim(newer, 0, "at least 39", "killed", 39, None),),
        (
            cue(
                newer,
                0,
                "stormed",
                site="a shopping mall",
                site_type="mall",
                place="Nairobi",
                date=day("2013-09-21", "Saturday"),
            ),
        ),
        main_cue=0,
    )
    return [first_extraction, second_extraction, older_extraction, newer_extraction], entities


def by_place(incidents, place):  # type: ignore[no-untyped-def]
    return [incident for incident in incidents if incident.place == place]


def test_unnamed_hotel_joins_the_named_hotel_in_the_same_city_and_days(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    incidents, _, _ = group_incidents(extractions, entities, load_lexicon())
    (sousse,) = by_place(incidents, "sousse")
    assert sousse.sources == ("sousse-followup", "sousse-wire")
    assert sousse.site == "imperial-marhaba-hotel"
    assert sousse.date == day("2015-06-26")
    assert sousse.name == "Imperial Marhaba hotel attack, Sousse"
    assert sousse.id == "imperial-marhaba-hotel-attack-sousse"


def test_recalled_attack_is_its_own_incident_and_takes_its_figure(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    incidents, records, _ = group_incidents(extractions, entities, load_lexicon())
    (bardo,) = by_place(incidents, "tunis")
    assert bardo.sources == ("sousse-followup",)
    assert (bardo.date.start, bardo.date.end) == (dt.date(2015, 3, 1), dt.date(2015, 3, 31))
    assert bardo.name == "Bardo museum attack, Tunis"
    owners = {record.id: record.incident for record in records}
    assert owners["sousse-followup-c3"] == bardo.id
    assert owners["sousse-followup-c1"] == "imperial-marhaba-hotel-attack-sousse"


def test_same_city_different_dates_are_different_incidents(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    incidents, _, _ = group_incidents(extractions, entities, load_lexicon())
    nairobi = by_place(incidents, "nairobi")
    assert [(i.date.start.year, i.attack_type) for i in nairobi] == [
        (1998, "bombing"),
        (2013, "armed_assault"),
    ]
    assert nairobi[1].name == "Mall attack, Nairobi"
    assert [i.date.start.year for i in incidents] == sorted(i.date.start.year for i in incidents)


def test_claim_ids_follow_article_order(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    _, records, _ = group_incidents(extractions, entities, load_lexicon())
    assert [r.id for r in records[:3]] == ["sousse-wire-c1", "sousse-wire-c2", "sousse-wire-c3"]
    assert records[0].claim.figure == "at least 38"


def test_conflicts_compare_one_subject_and_ignore_partial_counts(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    _, _, conflicts = group_incidents(extractions, entities, load_lexicon())
    found = {(c.kind, c.subject): c.claims for c in conflicts}
    assert found == {
        ("attackers", "attackers"): ("sousse-followup-c2", "sousse-wire-c3"),
        ("killed", "people"): ("sousse-followup-c1", "sousse-wire-c1"),
    }
    assert all(c.incident == "imperial-marhaba-hotel-attack-sousse" for c in conflicts)


def test_same_figure_with_and_without_qualifier_is_no_conflict(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    second = extractions[1]
    agreeing = replace(second, claims=(replace(second.claims[0], low=38, high=38, figure="39"),))
    _, _, conflicts = group_incidents([extractions[0], agreeing], entities, load_lexicon())
    assert [(c.kind, c.subject) for c in conflicts] == []


def test_part_of_a_count_is_no_conflict_with_the_whole() -> None:
    story = dated(
        make_test_article(
            "bassam",
            "Gunmen opened fire at a beach resort, killing nine civilians, five of whom were foreigners.",
        ),
        "2016-03-13",
    )
    whole = claim(story, 0, "nine", "killed", 9, 9, "civilians")
    text = story.sentences[0].text
    start = text.index("five of whom")
    part = replace(whole, low=5, high=5, figure="five", span=replace(whole.span, start=start, end=start + 4))
    extraction = Extraction(
        story, (), (whole, part), (cue(story, 0, "opened fire", place="Sousse"),), main_cue=0
    )
    incidents, records, conflicts = group_incidents(
        [extraction], FakeEntities(ACTORS, PLACES), load_lexicon()
    )
    assert [r.incident for r in records] == [incidents[0].id] * 2
    assert conflicts == ()


def test_perpetrator_needs_a_claim_of_responsibility_that_is_not_denied(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    incidents, _, _ = group_incidents(extractions, entities, load_lexicon())
    (sousse,) = by_place(incidents, "sousse")
    assert sousse.perpetrators == ("islamic-state",)
    assert sousse.actors == ("interior-ministry", "islamic-state")
    denied = replace(extractions[0], mentions=())
    incidents, _, _ = group_incidents([denied, extractions[1]], entities, load_lexicon())
    assert by_place(incidents, "sousse")[0].perpetrators == ()


def test_output_does_not_depend_on_article_order(corpus) -> None:  # type: ignore[no-untyped-def]
    extractions, entities = corpus
    forward = group_incidents(extractions, entities, load_lexicon())
    backward = group_incidents(list(reversed(extractions)), entities, load_lexicon())
    assert forward[0] == backward[0]
    assert sorted(forward[2], key=str) == sorted(backward[2], key=str)


def test_article_without_attack_gives_no_incident_and_unplaced_claims() -> None:
    article = dated(
        make_test_article("notice", "France has more than 1,000 soldiers in the region."), "2015-01-01"
    )
    stray = claim(article, 0, "more than 1,000", "killed", 1000, None)
    incidents, records, conflicts = group_incidents(
        [Extraction(article, (), (stray,), (), None)], FakeEntities(ACTORS, PLACES), load_lexicon()
    )
    assert incidents == () and conflicts == ()
    assert [(r.id, r.incident) for r in records] == [("notice-c1", None)]


@pytest.mark.parametrize(
    ("kind", "subject", "expected"),
    [
        ("attackers", "armed assailants", "attackers"),
        ("attackers", "jihadist attackers", "attackers"),
        ("killed", "gunmen", "attackers"),
        ("killed", "insurgents", "attackers"),
        ("killed", "people", "people"),
        ("killed", "hostages", "people"),
        ("killed", "", "people"),
        ("killed", "Malian soldiers", "malian forces"),
        ("killed", "Malian army", "malian forces"),
        ("injured", "the Kenyan security forces", "kenyan security forces"),
        ("killed", "civilians", "civilians"),
        ("killed", "British tourists", "british tourists"),
        ("hostages", "guests and staff", "people"),
        ("injured", "private security guards", "private security guards"),
    ],
)
def test_subject_normalisation(kind: str, subject: str, expected: str) -> None:
    assert normalise_subject(kind, subject) == expected


def test_a_denial_does_not_reach_a_group_blamed_in_another_clause() -> None:
    entities = FakeEntities(
        (entity("romimon-battalion", "Romimon Battalion", "actor", "armed_group"),), PLACES
    )
    story = dated(
        make_test_article(
            "blamed",
            "Gunmen opened fire at a hotel in Sousse on Friday, killing 31 people.",
            "No group immediately claimed the attack, but the minister blamed the Romimon Battalion.",
        ),
        "2015-06-27",
    )
    blamed = actor_mention(story, 1, "Romimon Battalion", "armed_group", entities, "romimon-battalion")
    cues = (cue(story, 0, "opened fire", place="Sousse", date=day("2015-06-26")), cue(story, 1, "attack"))
    incidents, _, _ = group_incidents([Extraction(story, (blamed,), (), cues, 0)], entities, load_lexicon())
    assert incidents[0].perpetrators == ("romimon-battalion",)
    denied = dated(
        make_test_article(
            "denied",
            "Gunmen opened fire at a hotel in Sousse on Friday, killing 31 people.",
            "No group claimed the attack, and the Romimon Battalion was not blamed by anyone.",
        ),
        "2015-06-27",
    )
    named = actor_mention(denied, 1, "Romimon Battalion", "armed_group", entities, "romimon-battalion")
    cues = (cue(denied, 0, "opened fire", place="Sousse", date=day("2015-06-26")), cue(denied, 1, "attack"))
    incidents, _, _ = group_incidents([Extraction(denied, (named,), (), cues, 0)], entities, load_lexicon())
    assert incidents[0].perpetrators == ()


def _attack_at_the_bardo(article_id: str, published: str, weekday: str, date: DateRef) -> Extraction:
    story = dated(
        make_test_article(article_id, f"Gunmen attacked the Bardo museum in Tunis on {weekday}."), published
    )
    found = cue(story, 0, "attacked", place="Tunis", site="Bardo museum", site_type="museum", date=date)
    return Extraction(story, (), (), (found,), 0)


def test_a_recalled_month_joins_the_attack_it_overlaps_not_one_days_before_it() -> None:
    february = _attack_at_the_bardo("february", "2016-02-27", "Saturday", day("2016-02-27", "Saturday"))
    march = _attack_at_the_bardo("march", "2016-03-28", "Monday", day("2016-03-28", "Monday"))
    later = dated(
        make_test_article(
            "later", "Police patrolled Tunis.", "In March, gunmen attacked the Bardo museum in Tunis."
        ),
        "2016-08-01",
    )
    recalled = cue(
        later,
        1,
        "attacked",
        place="Tunis",
        site="Bardo museum",
        site_type="museum",
        date=month("2016-03-01", "2016-03-31", "In March"),
        is_background=True,
    )
    extractions = [february, march, Extraction(later, (), (), (recalled,), None)]
    incidents, _, _ = group_incidents(extractions, FakeEntities(ACTORS, PLACES), load_lexicon())
    assert sorted(incident.sources for incident in incidents) == [("february",), ("later", "march")]


def test_the_story_date_wins_over_a_date_recalled_later() -> None:
    story = dated(
        make_test_article("story", "Gunmen attacked the Bardo museum in Tunis on Thursday."), "2017-04-13"
    )
    reported = cue(
        story,
        0,
        "attacked",
        place="Tunis",
        site="Bardo museum",
        site_type="museum",
        date=day("2017-04-13", "on Thursday"),
    )
    later = dated(
        make_test_article(
            "later", "Police patrolled Tunis.", "Saturday's attack on the Bardo museum in Tunis shocked many."
        ),
        "2017-04-18",
    )
    recalled = cue(
        later,
        1,
        "attack",
        place="Tunis",
        site="Bardo museum",
        site_type="museum",
        date=day("2017-04-15", "Saturday's"),
        is_background=True,
    )
    extractions = [Extraction(story, (), (), (reported,), 0), Extraction(later, (), (), (recalled,), None)]
    incidents, _, _ = group_incidents(extractions, FakeEntities(ACTORS, PLACES), load_lexicon())
    (incident,) = incidents
    assert incident.sources == ("later", "story")
    assert incident.date == day("2017-04-13", "on Thursday")
