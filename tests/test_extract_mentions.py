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
        ("The private airline Velar Sky said two pilots were missing.", "Velar Sky", "actor", "company"),
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


# Wire-style sentences about invented people, groups, companies and places; the rules must find them.
@pytest.mark.parametrize(
    ("sentence", "surface", "category", "kind"),
    [
        (
            "Government spokesman Salvador Quenlan said talks would go on.",
            "Salvador Quenlan",
            "actor",
            "person",
        ),
        ("President Omar Sheikh Dalvane condemned the raid.", "Omar Sheikh Dalvane", "actor", "person"),
        (
            "Greater Tarvish Police Chief Constable Wendel Ossory named the suspect.",
            "Greater Tarvish Police",
            "actor",
            "security_service",
        ),
        (
            "Greater Tarvish Police Chief Constable Wendel Ossory named the suspect.",
            "Wendel Ossory",
            "actor",
            "person",
        ),
        (
            "The Zarvani Liberation Falcons (ZLF) claimed the bombing.",
            "Zarvani Liberation Falcons",
            "actor",
            "organisation",
        ),
        (
            "A Danish firm, Nordvik Hotel Security, ran the gate.",
            "Nordvik Hotel Security",
            "actor",
            "company",
        ),
        (
            "The gunmen belonged to Harakat Zulfi Bangladesh, a banned local group.",
            "Harakat Zulfi Bangladesh",
            "actor",
            "armed_group",
        ),
        ("At St Odran's Church in the town, 12 people died.", "St Odran's Church", "place", "site"),
        ("Gunmen raided a tea factory near the northern town of Marsolo.", "Marsolo", "place", "city"),
        ("The blast hit the capital of Vendu province on Sunday.", "Vendu", "place", "region"),
        ("Lt. Gen. Arnel dela Vestra said five soldiers died.", "Arnel dela Vestra", "actor", "person"),
        ("Fighters crossed the border from neighbouring Ostrelia.", "Ostrelia", "place", "country"),
        (
            "A bomb struck the Cathedral of Our Lady of Mount Tarvel during Mass.",
            "Cathedral of Our Lady of Mount Tarvel",
            "place",
            "site",
        ),
        ("Private broadcaster KVR showed images of the blast.", "KVR", "actor", "media"),
        ("Kremlin spokesman Dmitry Peskov declined to comment.", "Kremlin", "actor", "government"),
        ("The gunman live-streamed the attack on Facebook.", "Facebook", "actor", "company"),
    ],
)
def test_finds_invented_names_by_their_context(sentence: str, surface: str, category: str, kind: str) -> None:
    found = _by_surface(_mentions(sentence))
    assert surface in found, sorted(found)
    assert (found[surface].category, found[surface].kind) == (category, kind)


@pytest.mark.parametrize(
    ("sentence", "junk"),
    [
        ("Crowds had gathered in Nice for Bastille Day.", "Bastille Day"),
        ("She was awarded the Nobel Peace Prize in 2014.", "Nobel Peace Prize"),
        ("Shi'ite militias were blamed for the blast.", "Shi'ite"),
        ('Witnesses heard the men shout "Allahu Akbar" as they fired.', "Allahu Akbar"),
        ("Private broadcaster KVR showed images of the blast.", "Private broadcaster"),
        ("Neighbouring Ostrelia and Mali condemned the attack.", "Neighbouring Ostrelia"),
        ("The mosque is associated with followers of Sufism.", "Sufism"),
        ("Interior Cabinet Secretary Joel Mwarangi said the mall was secure.", "Interior Cabinet"),
    ],
)
def test_no_junk_from_days_prizes_faiths_and_sentence_openers(sentence: str, junk: str) -> None:
    assert junk not in {m.surface for m in _mentions(sentence)}


def test_officials_of_a_country_are_not_a_named_government() -> None:
    mentions = _mentions("Turkish officials said 13 of the dead were foreigners.")
    assert [m.kind for m in mentions if m.category == "actor"] == []
    assert [(m.surface, m.country) for m in mentions] == [("Turkish", "TR")]


def test_surname_that_is_also_a_town_stays_the_person() -> None:
    mentions = _mentions(
        "Police Chief Constable Ian Hopkins named the attacker.", "Hopkins said officers had made an arrest."
    )
    later = next(m for m in mentions if m.span.sentence == 1 and m.surface == "Hopkins")
    assert (later.category, later.kind, later.canonical) == ("actor", "person", "Ian Hopkins")


def test_acronym_of_a_town_name_is_not_the_town() -> None:
    mentions = _mentions("The Zarvani Liberation Falcons (TAK) claimed the bombing.")
    tak = next(m for m in mentions if m.surface == "TAK")
    assert (tak.category, tak.canonical) == ("actor", "Zarvani Liberation Falcons")


# Shapes seen in the synthetic benchmark corpus (invented towns, people and groups).
@pytest.mark.parametrize(
    ("sentence", "surface", "category", "kind"),
    [
        # A name after an office held over a place is that place, not an organisation.
        ("The mayor of Belgu, Wendru Ouwen, gave a toll of two dead.", "Belgu", "place", "city"),
        ("The mayor of Belgu, Wendru Ouwen, gave a toll of two dead.", "Wendru Ouwen", "actor", "person"),
        # A region already named before its noun: the name after the comma is the governor's.
        (
            "The governor of the Loranzi region, Emasalin Turetadan, gave a toll of two dead.",
            "Emasalin Turetadan",
            "actor",
            "person",
        ),
        (
            "The governor of the Loranzi region, Emasalin Turetadan, gave a toll of two dead.",
            "Loranzi",
            "place",
            "region",
        ),
        ("Troops moved into the province, Velmaro, on Monday.", "Velmaro", "place", "region"),
        # A first name that is also a gazetteer town ("Kota", "Danta") or a site noun ("Mine").
        ('"We ran," said Kota Arihelture, a trader who escaped.', "Kota Arihelture", "actor", "person"),
        ("The regional police chief, Mine Quape, gave a toll of 29 dead.", "Mine Quape", "actor", "person"),
        # A town's name before a site noun, the site being in another town, names the site.
        (
            "A bomber blew himself up at the Mongu restaurant in Loranni on Tuesday.",
            "Mongu restaurant",
            "place",
            "site",
        ),
        ("Militants attacked the Lozo military base near Nemondan.", "Lozo military base", "place", "site"),
        # A force named after no country is an armed group; with a country it is the state's.
        (
            "The Gusabel Legion claimed responsibility for the attack.",
            "Gusabel Legion",
            "actor",
            "armed_group",
        ),
        ("The minister blamed the Loni Army.", "Loni Army", "actor", "armed_group"),
        ("The Pakistan Army said five soldiers died.", "Pakistan Army", "actor", "armed_force"),
        # No person is named with "the" before the name.
        (
            "The attack was claimed by the Zoguture Partisans.",
            "Zoguture Partisans",
            "actor",
            "organisation",
        ),
        # A name after a locative is a place even when it looks like a person's name.
        ("Gunmen attacked a hotel in Ras Lanuf on Friday.", "Ras Lanuf", "place", "city"),
    ],
)
def test_benchmark_shapes_are_typed_by_their_context(
    sentence: str, surface: str, category: str, kind: str
) -> None:
    found = _by_surface(_mentions(sentence))
    assert surface in found, sorted(found)
    assert (found[surface].category, found[surface].kind) == (category, kind)


@pytest.mark.parametrize(
    ("sentence", "junk"),
    [
        ("Fifty people were killed in March in an attack on a market.", "March"),
        ("The mayor of Belgu, Wendru Ouwen, gave a toll of two dead.", "Wendru"),
        ("The regional police chief, Danta Pesollo, gave a toll.", "Danta"),
    ],
)
def test_months_and_first_names_are_no_places(sentence: str, junk: str) -> None:
    assert junk not in {m.surface for m in _mentions(sentence) if m.category == "place"}


def test_town_of_the_dateline_is_a_place_wherever_the_article_names_it() -> None:
    article = make_test_article("dated", "Residents said Belgu was calm again.", dateline="Belgu")
    (belgu,) = [m for m in find_mentions(article, load_lexicon()) if m.surface == "Belgu"]
    assert (belgu.category, belgu.kind) == ("place", "city")
    undated = make_test_article("undated", "Residents said Belgu was calm again.")
    assert [m.category for m in find_mentions(undated, load_lexicon()) if m.surface == "Belgu"] == ["actor"]


def test_shorter_form_of_a_full_name_is_the_same_person() -> None:
    mentions = _mentions(
        "Prosecutor Frederic Van Leeuw said two bombers died.", "The toll given by Van Leeuw was lower."
    )
    later = next(m for m in mentions if m.span.sentence == 1)
    assert (later.surface, later.kind, later.canonical) == ("Van Leeuw", "person", "Frederic Van Leeuw")
