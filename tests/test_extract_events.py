"""Event cues: which sentences refer to an attack, where, when, and whether it is an earlier one.

Invented wire sentences about other attacks, with place mentions built by hand so the tests do
not depend on the mention extractor; the seed tests at the end run the real stages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from build_dossier.extract.events import find_event_cues
from build_dossier.extract.mentions import find_mentions
from build_dossier.ingest import ingest_paths
from build_dossier.lexicon import load_lexicon
from build_dossier.model import Article, EventCue, Mention
from tests.helpers_claims import make_article, place

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(published: str, *sentences: str) -> Article:
    return make_article(*sentences, published=dt.date.fromisoformat(published))


def cues_of(story: Article, *mentions: Mention) -> tuple[tuple[EventCue, ...], int | None]:
    return find_event_cues(story, tuple(mentions), load_lexicon())


def day(iso: str) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(iso), dt.date.fromisoformat(iso)


def test_lead_gives_the_main_cue_with_place_site_and_weekday() -> None:
    story = article(
        "2015-06-27",
        "Gunmen attacked a beach hotel near Sousse on Friday, killing at least 38 people, officials said.",
    )
    cues, main = cues_of(story, place(story, 0, "Sousse", "city"))
    assert main == 0 and len(cues) == 1
    cue = cues[0]
    assert (cue.trigger, cue.attack_type, cue.place, cue.site, cue.site_type) == (
        "attacked",
        "armed_assault",
        "Sousse",
        "a beach hotel",
        "hotel",
    )
    assert (cue.date.start, cue.date.end) == day("2015-06-26")
    assert not cue.is_background


def test_recalled_attack_last_month_is_background_with_its_own_place() -> None:
    story = article(
        "2015-06-27",
        "Gunmen opened fire on tourists at a beach hotel in Sousse on Friday.",
        "Militants killed 21 tourists last March in an attack on the Bardo museum in Tunis.",
    )
    cues, main = cues_of(
        story,
        place(story, 0, "Sousse", "city"),
        place(story, 1, "Bardo museum", "site", "museum"),
        place(story, 1, "Tunis", "city"),
    )
    assert main == 0
    recalled = [cue for cue in cues if cue.is_background]
    assert [(c.place, c.site, c.site_type) for c in recalled] == [("Tunis", "Bardo museum", "museum")]
    assert (recalled[0].date.start, recalled[0].date.end) == (dt.date(2015, 3, 1), dt.date(2015, 3, 31))


def test_a_week_after_dates_the_earlier_event_not_the_story() -> None:
    story = article(
        "2015-11-20",
        "The assault came a week after the Paris massacre that left 130 people dead.",
    )
    cues, main = cues_of(story, place(story, 0, "Paris", "city"))
    assert [(c.trigger, c.is_background, c.place) for c in cues] == [
        ("assault", False, None),
        ("massacre", True, "Paris"),
    ]
    assert main == 0
    assert cues[1].date.start <= dt.date(2015, 11, 13) <= cues[1].date.end


def test_date_told_by_a_source_is_not_the_date_of_the_attack() -> None:
    story = article(
        "2015-08-08",
        "Gunmen stormed a hotel in Sevare, leaving seven people dead, military sources said early Saturday.",
    )
    cues, _ = cues_of(story, place(story, 0, "Sevare", "city"))
    assert cues[0].date is None
    assert cues[0].place == "Sevare"


def test_last_weeks_attacks_with_a_place_is_one_earlier_event() -> None:
    story = article("2015-11-20", "In the wake of last week's Paris attacks, France raised its alert level.")
    cues, main = cues_of(story, place(story, 0, "Paris", "city"))
    assert main is None
    assert [(c.trigger, c.place, c.is_background) for c in cues] == [("attacks", "Paris", True)]
    assert (cues[0].date.start, cues[0].date.end) == (dt.date(2015, 11, 9), dt.date(2015, 11, 15))


@pytest.mark.parametrize(
    "sentence",
    [
        "The insurgents have continued to mount sporadic attacks from their bases in the desert.",
        "The militant said France's intervention was another reason to attack France.",
        "Police carried assault rifles and wore body armour.",
        "But the attacks have spread since the beginning of the year to the south of the country.",
        "Seven people were killed, officials said.",
        "France has more than 1,000 soldiers in the region.",
    ],
)
def test_no_cue_for_generic_or_non_attack_sentences(sentence: str) -> None:
    cues, main = cues_of(article("2015-08-08", sentence))
    assert cues == () and main is None


def test_killing_verb_makes_a_cue_only_with_a_place_of_its_own() -> None:
    story = article(
        "2016-03-13",
        "In January, al-Qaida gunmen killed 30 people at a hotel and cafe in Ouagadougou.",
    )
    cues, _ = cues_of(story, place(story, 0, "Ouagadougou", "city"))
    assert [(c.trigger, c.place, c.site_type, c.is_background) for c in cues] == [
        ("killed", "Ouagadougou", "hotel", True)
    ]
    assert (cues[0].date.start, cues[0].date.end) == (dt.date(2016, 1, 1), dt.date(2016, 1, 31))


def test_several_words_for_one_recalled_attack_make_one_cue_with_the_town() -> None:
    story = article(
        "2015-04-03",
        "The raid was the deadliest attack in Kenya since the 1998 bombing of the U.S. embassy in Nairobi.",
    )
    cues, main = cues_of(story, place(story, 0, "Kenya", "country"), place(story, 0, "Nairobi", "city"))
    recalled = [c for c in cues if c.is_background]
    assert [(c.place, c.date.start.year, c.attack_type) for c in recalled] == [("Nairobi", 1998, "bombing")]
    assert cues[main].trigger == "raid"


def test_main_cue_skips_a_recalled_attack_in_the_lead() -> None:
    story = article(
        "2016-01-16",
        "Less than two months after the siege of a hotel in Bamako, gunmen stormed a hotel in Ouagadougou.",
    )
    cues, main = cues_of(story, place(story, 0, "Bamako", "city"), place(story, 0, "Ouagadougou", "city"))
    assert [(c.trigger, c.place, c.is_background) for c in cues] == [
        ("siege", "Bamako", True),
        ("stormed", "Ouagadougou", False),
    ]
    assert main == 1


def test_without_publication_date_weekdays_do_not_resolve() -> None:
    story = replace(article("2015-06-27", "Gunmen attacked a hotel in Sousse on Friday."), published=None)
    cues, _ = cues_of(story, place(story, 0, "Sousse", "city"))
    assert cues[0].date is None and cues[0].place == "Sousse"


TUESDAY = dt.date(2016, 3, 22)


def test_story_cue_has_place_site_date_and_type() -> None:
    article = make_article(
        "Gunmen stormed a beach hotel near the town of Port Kantaoui on Friday, killing at least 38 people.",
        published=dt.date(2015, 6, 27),
    )
    mentions = (place(article, 0, "Port Kantaoui"),)
    cues, main = find_event_cues(article, mentions, load_lexicon())
    assert main == 0
    cue = cues[0]
    assert (cue.trigger, cue.attack_type, cue.place, cue.site_type) == (
        "stormed",
        "armed_assault",
        "Port Kantaoui",
        "hotel",
    )
    assert cue.date is not None and cue.date.start == dt.date(2015, 6, 26)
    assert not cue.is_background


def test_recalled_event_is_a_background_cue_with_its_own_place() -> None:
    article = make_article(
        "A bombing tore through the departure hall at Zaventem airport.",
        "The bombing drew comparisons with last November's Paris attacks, in which 130 people died.",
        published=TUESDAY,
    )
    mentions = (
        place(article, 0, "Zaventem airport", kind="site", subkind="airport"),
        place(article, 1, "Paris"),
    )
    cues, main = find_event_cues(article, mentions, load_lexicon())
    assert cues[main].attack_type == "bombing"
    background = [cue for cue in cues if cue.is_background]
    assert [cue.place for cue in background] == ["Paris"]
    assert background[0].span.sentence == 1
    assert background[0].date is not None and background[0].date.start == dt.date(2015, 11, 1)


def test_month_long_ago_makes_background() -> None:
    article = make_article(
        "In January, militants killed 30 people in an attack on a cafe in Ouagadougou.",
        published=dt.date(2016, 3, 14),
    )
    cues, main = find_event_cues(article, (place(article, 0, "Ouagadougou"),), load_lexicon())
    assert main is None
    assert cues[0].is_background and cues[0].site_type == "restaurant" and cues[0].place == "Ouagadougou"


@pytest.mark.parametrize(
    "sentence",
    [
        "France has more than 1,000 soldiers in the region.",
        "The group has vowed to attack Western interests.",
        "Militants have mounted sporadic attacks in the north.",
    ],
)
def test_no_cue_without_a_single_attack(sentence: str) -> None:
    cues, main = find_event_cues(make_article(sentence, published=TUESDAY), (), load_lexicon())
    assert cues == () and main is None


@pytest.fixture(scope="module")
def seed_cues() -> dict[str, tuple[tuple[EventCue, ...], int | None]]:
    lexicon = load_lexicon()
    articles = ingest_paths([SEEDS], max_file_bytes=5_000_000).articles
    return {a.id[:3]: find_event_cues(a, find_mentions(a, lexicon), lexicon) for a in articles}


def test_seed_sevare_story_is_dated_friday_and_placed_in_sevare(seed_cues) -> None:  # type: ignore[no-untyped-def]
    cues, main = seed_cues["000"]
    story = [c for c in cues if not c.is_background]
    assert cues[main] == story[0] and story[0].site_type == "hotel"
    assert {c.date.start for c in story if c.date} == {dt.date(2015, 8, 7)}
    assert "Sevare" in {c.place for c in story}


def test_seed_reuters_recalls_three_earlier_attacks(seed_cues) -> None:  # type: ignore[no-untyped-def]
    cues, main = seed_cues["002"]
    recalled = [(c.place, c.site_type, c.date.start, c.date.end) for c in cues if c.is_background]
    assert recalled == [
        ("Bamako", "restaurant", dt.date(2015, 3, 1), dt.date(2015, 3, 31)),
        ("Sevare", "hotel", dt.date(2015, 8, 1), dt.date(2015, 8, 31)),
        ("Paris", None, dt.date(2015, 11, 9), dt.date(2015, 11, 15)),
    ]
    assert main is not None and not cues[main].is_background


def test_seed_radisson_siege_is_named_with_its_hotel_and_city(seed_cues) -> None:  # type: ignore[no-untyped-def]
    cues, main = seed_cues["001"]
    assert cues[main].date is not None and cues[main].date.start == dt.date(2015, 11, 20)
    assert any(c.site == "Radisson Blu hotel" and c.place == "Bamako" for c in cues if not c.is_background)
    paris = [c for c in cues if c.is_background]
    assert [c.place for c in paris] == ["Paris"]


def test_earlier_attack_on_the_hotel_happened_at_the_story_hotel() -> None:
    story = article(
        "2019-03-03",
        "Gunmen stormed the Korvani Hotel in Velsa on Saturday, killing at least 12 people, police said.",
        "The hotel, which is popular with diplomats, had been attacked before, in May 2014.",
        "The museum was attacked in 2012.",
    )
    cues, main = cues_of(
        story, place(story, 0, "Korvani Hotel", "site", "hotel"), place(story, 0, "Velsa", "city")
    )
    assert main == 0
    recalled = [cue for cue in cues if cue.is_background]
    hotel = next(cue for cue in recalled if cue.span.sentence == 1)
    assert (hotel.place, hotel.site, hotel.site_type) == ("Velsa", "Korvani Hotel", "hotel")
    assert hotel.date.start == dt.date(2014, 5, 1)
    # "The museum" is not the story's hotel: that recalled attack keeps no place.
    assert all(cue.place is None for cue in recalled if cue.span.sentence == 2)


def test_suicide_bomber_blowing_himself_up_is_the_dated_lead() -> None:
    story = article(
        "2017-04-13",
        "A suicide bomber blew himself up at the Ariou police station in Belgu on Thursday, killing at "
        "least two people, the minister said.",
        "The Gusabel Legion claimed responsibility for the attack in a statement.",
    )
    cues, main = cues_of(
        story,
        place(story, 0, "Ariou police station", "site", "police station"),
        place(story, 0, "Belgu", "city"),
    )
    assert main == 0
    lead = cues[main]
    assert (lead.trigger, lead.attack_type, lead.place, lead.site) == (
        "blew himself up",
        "bombing",
        "Belgu",
        "Ariou police station",
    )
    assert lead.date is not None and (lead.date.start, lead.date.end) == day("2017-04-13")


def test_month_just_over_dates_an_earlier_attack() -> None:
    story = article(
        "2012-04-04",
        "Gunmen opened fire at the Susa restaurant in Helsu on Wednesday, killing 12 people.",
        "It was not the first attack: 53 people were killed in March in an attack on a mosque in Rofamer.",
    )
    cues, main = cues_of(story, place(story, 0, "Helsu", "city"), place(story, 1, "Rofamer", "city"))
    assert main == 0
    assert [(cue.place, cue.is_background) for cue in cues] == [("Helsu", False), ("Rofamer", True)]


def test_attack_elsewhere_this_month_is_earlier_than_the_story_of_its_day() -> None:
    story = article(
        "2012-09-29",
        "Gunmen opened fire at a police station in Vimon on Friday, killing 31 people.",
        "It was not the first attack: eight people were killed in September in an attack on a "
        "university in Nehel.",
    )
    cues, main = cues_of(story, place(story, 0, "Vimon", "city"), place(story, 1, "Nehel", "city"))
    assert main == 0
    assert [(cue.place, cue.is_background) for cue in cues] == [("Vimon", False), ("Nehel", True)]
