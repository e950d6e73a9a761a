"""Entity resolution: one record per real-world actor or place across articles, and look-ups."""

from __future__ import annotations

import pytest

from build_dossier.extract.mentions import find_mentions
from build_dossier.lexicon import Lexicon, load_lexicon
from build_dossier.model import Entity, Extraction, Mention
from build_dossier.resolve import entities as entities_module
from build_dossier.resolve.entities import EntityMemory, ResolvedEntities, resolve_entities
from tests.helpers_articles import make_test_article

# Names of people, companies and hotels are invented; groups, missions and towns are curated.
FIRST = make_test_article(
    "first",
    "Gunmen stormed the Halvorn Crest hotel in Sévaré, Mali, officials said.",
    "The hotel's head of security, Idrissa Kolombe, said Malian forces arrived within minutes.",
    "Nine civilians died, five of whom worked for the UN mission in Mali (MINUSMA).",
    "The company that runs the hotel, Brenvoll Group, said two guards were hurt.",
)
SECOND = make_test_article(
    "second",
    "Malian Special Forces ended the siege in Sevare on Saturday.",
    "Kolombe said the Halvorn Crest was badly damaged.",
    "The UN peacekeeping mission confirmed the toll.",
    "Security Minister Tarek Oumbele said Brenvoll would reopen.",
)


@pytest.fixture(scope="module")
def resolved() -> ResolvedEntities:
    lexicon = load_lexicon()
    extractions = [Extraction(a, find_mentions(a, lexicon), (), ()) for a in (FIRST, SECOND)]
    return resolve_entities(extractions, lexicon)


def _entity(resolved: ResolvedEntities, name: str) -> Entity:
    entities = [e for e in (*resolved.actors, *resolved.places) if e.name == name]
    assert len(entities) == 1, [e.name for e in (*resolved.actors, *resolved.places)]
    return entities[0]


def _articles(entity: Entity) -> set[str]:
    return {mention.span.article for mention in entity.mentions}


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("Sévaré", "Sevare"),
        ("MINUSMA", "UN peacekeeping mission"),
        ("Malian armed forces", "Malian Special Forces"),
        ("Idrissa Kolombe", "Kolombe"),
        ("Halvorn Crest hotel", "Halvorn Crest"),
        ("Brenvoll Group", "Brenvoll"),
    ],
)
def test_one_record_across_articles(resolved: ResolvedEntities, name: str, alias: str) -> None:
    entity = _entity(resolved, name)
    assert _articles(entity) == {"first", "second"}
    assert alias in entity.aliases or alias == entity.name


def test_places_have_country_coordinates_and_parents(resolved: ResolvedEntities) -> None:
    town = _entity(resolved, "Sévaré")
    country = _entity(resolved, "Mali")
    hotel = _entity(resolved, "Halvorn Crest hotel")
    assert (town.kind, town.country, town.parent) == ("city", "ML", country.id)
    assert town.coordinates is not None and 14 < town.coordinates[0] < 15
    assert (hotel.kind, hotel.subkind, hotel.parent) == ("site", "hotel", town.id)


def test_person_keeps_role_and_ids_are_unique_slugs(resolved: ResolvedEntities) -> None:
    assert _entity(resolved, "Idrissa Kolombe").role == "The hotel's head of security"
    assert _entity(resolved, "Tarek Oumbele").role == "Security Minister"
    ids = [e.id for e in resolved.actors]
    assert len(ids) == len(set(ids)) and "idrissa-kolombe" in ids


def test_find_and_entity_at(resolved: ResolvedEntities) -> None:
    minister = resolved.find("second", "Security Minister Tarek Oumbele", "actor")
    assert minister == "tarek-oumbele"
    assert resolved.find("second", "Sevare", "place") == resolved.find("first", "Sévaré", "place") == "sevare"
    assert resolved.find("first", "the UN mission", "actor") == "minusma"
    assert resolved.find("first", "Nobody Known", "actor") is None
    sentence = FIRST.sentences[1].text
    assert resolved.entity_at("first", 1, sentence.index("Idrissa")) == "idrissa-kolombe"
    assert resolved.entity_at("first", 1, 0) is None


def test_resolution_is_deterministic() -> None:
    lexicon = load_lexicon()
    forward = [Extraction(a, find_mentions(a, lexicon), (), ()) for a in (FIRST, SECOND)]
    assert resolve_entities(forward, lexicon) == resolve_entities(list(forward), lexicon)


def test_a_memory_reuses_the_drafts_of_the_same_mentions_and_resolves_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lexicon = load_lexicon()
    first, second = (Extraction(a, find_mentions(a, lexicon), (), ()) for a in (FIRST, SECOND))
    plain = resolve_entities([first, second], lexicon)
    memory = EntityMemory()
    assert resolve_entities([first, second], lexicon, memory) == plain
    drafted: list[list[Mention]] = []
    real_draft = entities_module._draft

    def counting_draft(group: list[Mention], lexicon: Lexicon) -> object:
        drafted.append(group)
        return real_draft(group, lexicon)

    monkeypatch.setattr(entities_module, "_draft", counting_draft)
    assert resolve_entities([first, second], lexicon, memory) == plain
    assert drafted == []  # the very same mention objects: every draft reused
    again = Extraction(SECOND, find_mentions(SECOND, lexicon), (), ())  # equal mentions, new objects
    assert resolve_entities([first, again], lexicon, memory) == plain
    assert drafted
    assert all(any(m is n for m in group for n in again.mentions) for group in drafted)
