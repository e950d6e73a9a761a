"""Event cues (extract/events.py): attack words, place, site, date, background events."""

from __future__ import annotations

import datetime as dt

import pytest

from build_dossier.extract.events import find_event_cues
from build_dossier.lexicon import load_lexicon
from tests.helpers_claims import make_article, place

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
