"""Actor and place mentions: names in no list, curated names, titles, demonyms, sites, short forms."""

from __future__ import annotations

import pytest

from build_dossier.extract.mentions import find_mentions
from build_dossier.lexicon import load_lexicon
from build_dossier.model import ACTOR_KINDS, PLACE_KINDS, Mention
from tests.helpers_articles import make_test_article


def _mentions(*sentences: str) -> tuple[Mention, ...]:
    return find_mentions(make_test_article("test", *sentences), load_lexicon())


def _by_surface(mentions: tuple[Mention, ...]) -> dict[str, Mention]:
    return {mention.surface: mention for mention in mentions}


# Every name below except the curated ones (Al-Qaeda ..., Reuters, countries, towns) is invented.
@pytest.mark.parametrize(
    ("sentence", "surface", "category", "kind"),
    [
        ("Interior Minister Kovalo Brendt said the siege was over.", "Kovalo Brendt", "actor", "person"),
        (
            "The attack was claimed by the Front for the Liberation of Zarmavia.",
            "Front for the Liberation of Zarmavia",
            "actor",
            "armed_group",
        ),
        (
            "Gunmen stormed the Velmora Palace Hotel in Bamako on Friday.",
            "Velmora Palace Hotel",
            "place",
            "site",
        ),
        ("Gunmen stormed the Hotel Quarvant in Bamako on Friday.", "Hotel Quarvant", "place", "site"),
        ("Witnesses said the Trelmont shopping mall was on fire.", "Trelmont shopping mall", "place", "site"),
        (
            "The company that runs the hotel, Drevikor Group, said two guards died.",
            "Drevikor Group",
            "actor",
            "company",
        ),
        ("The militants were linked to al-Qaida, officials said.", "al-Qaida", "actor", "armed_group"),
        ('"We saw them," the guard told Reuters.', "Reuters", "actor", "media"),
        ("Malian troops surrounded the building.", "Malian troops", "actor", "armed_force"),
        ("Three South Africans were among the dead.", "South Africans", "place", "country"),
        ("Gunmen also attacked a bar in Sevare in central Mali.", "Sevare", "place", "city"),
        ("Fighters retreated into the Sahel after the raid.", "Sahel", "place", "region"),
        (
            "Nairobi police said Kenya's interior ministry was informed.",
            "interior ministry",
            "actor",
            "government",
        ),
    ],
)
def test_finds_and_types_names(sentence: str, surface: str, category: str, kind: str) -> None:
    found = _by_surface(_mentions(sentence))
    assert surface in found, sorted(found)
    assert (found[surface].category, found[surface].kind) == (category, kind)
    assert found[surface].kind in (ACTOR_KINDS if category == "actor" else PLACE_KINDS)


@pytest.mark.parametrize(
    "sentence",
    [
        "Special forces moved in on Friday before Shabbat began.",
        "The attackers fled. Witnesses said they heard shots.",
        "Seventy-nine people were wounded.",
        "Gunmen armed with Kalashnikov rifles opened fire.",
        "France's military intervention began in January.",
    ],
)
def test_no_junk_from_ordinary_capitalised_words(sentence: str) -> None:
    surfaces = {m.surface for m in _mentions(sentence) if m.category == "actor"}
    junk = {
        "Special",
        "Friday",
        "Shabbat",
        "The",
        "Witnesses",
        "Seventy-nine",
        "Kalashnikov",
        "France's military",
    }
    assert not surfaces & junk


def test_title_becomes_role_and_surname_resolves_to_full_name() -> None:
    mentions = _mentions(
        "The hotel's head of security, Idrissa Kolombe, said the guards were shot.",
        '"They forced the first barrier," Kolombe told Reuters.',
    )
    full, short = (m for m in mentions if m.kind == "person")
    assert full.surface == "Idrissa Kolombe"
    assert full.role == "The hotel's head of security"
    assert (short.surface, short.canonical) == ("Kolombe", "Idrissa Kolombe")
    assert short.span.sentence == 1 and short.span.text[short.span.start : short.span.end] == "Kolombe"


def test_acronym_in_parentheses_ties_long_and_short_names() -> None:
    mentions = _mentions(
        "The Vanguard of the Dunes Movement (VDM) claimed the attack.",
        "VDM fighters were seen in the area.",
    )
    found = {m.surface: m for m in mentions}
    assert found["VDM"].canonical == "Vanguard of the Dunes Movement"
    assert [m.canonical for m in mentions if m.surface == "VDM"] == ["Vanguard of the Dunes Movement"] * 2


def test_generic_un_mission_takes_the_mission_of_the_article_country() -> None:
    mentions = _mentions(
        "Gunmen attacked a hotel in Sevare, Mali.", "Five of the dead worked for the UN peacekeeping mission."
    )
    mission = next(m for m in mentions if m.surface == "UN peacekeeping mission")
    assert mission.canonical == "MINUSMA"
    assert mission.kind == "international_org"


def test_demonyms_tie_to_their_country() -> None:
    found = _by_surface(_mentions("Burkinabe troops backed by French special forces freed the hostages."))
    assert found["Burkinabe troops"].country == "BF"
    assert found["French special forces"].country == "FR"
    assert found["Burkinabe troops"].canonical == "Burkinabe armed forces"


def test_short_form_of_a_site_after_its_full_name() -> None:
    mentions = _mentions(
        "Gunmen stormed the Orvalis Hotel at night.", "Three bodies were found at the Orvalis."
    )
    short = next(m for m in mentions if m.surface == "Orvalis")
    assert (short.kind, short.canonical) == ("site", "Orvalis Hotel")


def test_mentions_are_sorted_and_point_into_their_sentence() -> None:
    article = make_test_article(
        "sorted", "Kenyan police said al-Shabaab attacked Garissa.", "Garissa is near Somalia."
    )
    mentions = find_mentions(article, load_lexicon())
    keys = [(m.span.sentence, m.span.start) for m in mentions]
    assert keys == sorted(keys)
    for mention in mentions:
        assert (
            article.sentences[mention.span.sentence].text[mention.span.start : mention.span.end]
            == mention.surface
        )
    assert find_mentions(article, load_lexicon()) == mentions
