"""Casualty claims (extract/claims.py): kind, range, subject, attribution, cue; no non-casualty figures.

The sentences are invented wire copy about other attacks, so nothing here repeats the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from build_dossier.extract.claims import find_claims
from build_dossier.lexicon import load_lexicon
from build_dossier.model import Claim, EventCue, Span
from tests.helpers_claims import make_article

PUBLISHED = dt.date(2015, 6, 27)


def claims_of(
    *sentences: str, cues: tuple[EventCue, ...] = (), main_cue: int | None = None
) -> tuple[Claim, ...]:
    article = make_article(*sentences, published=PUBLISHED)
    return find_claims(article, (), cues, main_cue, load_lexicon())


def summary(claims: tuple[Claim, ...]) -> list[tuple[str, int | None, int | None, str]]:
    return [(c.kind, c.low, c.high, c.subject) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Gunmen killed at least 38 people at a beach resort near Sousse, the health ministry said.",
            [("killed", 38, None, "people")],
        ),
        ("Twenty-nine people were wounded in the blast.", [("injured", 29, 29, "people")]),
        ("As many as 10 gunmen stormed the shopping centre.", [("attackers", None, 10, "gunmen")]),
        ("Witnesses saw two or three attackers enter the lobby.", [("attackers", 2, 3, "attackers")]),
        ("Police described around a dozen armed assailants.", [("attackers", 12, 12, "armed assailants")]),
        ("The gunmen were holding more than 100 hostages.", [("hostages", 100, None, "hostages")]),
        (
            "Troops freed 85 workers and 12 foreigners on Thursday.",
            [("freed", 85, 85, "workers"), ("freed", 12, 12, "foreigners")],
        ),
        (
            "Twelve hostages and 20 militants were killed in the final assault.",
            [("killed", 12, 12, "hostages"), ("killed", 20, 20, "militants")],
        ),
        ("Police arrested seven suspects overnight.", [("detained", 7, 7, "suspects")]),
        ("Six tourists were still missing on Saturday.", [("missing", 6, 6, "tourists")]),
        (
            'The ministry gave a toll of "three dead, four injured".',
            [("killed", 3, 3, "people"), ("injured", 4, 4, "people")],
        ),
        ("Two of the attackers were shot dead by police.", [("killed", 2, 2, "attackers")]),
        ("The three gunmen who seized the college had all been killed.", [("killed", 3, 3, "gunmen")]),
        (
            "Six members of the security forces were killed.",
            [("killed", 6, 6, "members of the security forces")],
        ),
        (
            "The dead included 15 Britons, three Germans and a Belgian.",
            [("killed", 15, 15, "Britons"), ("killed", 3, 3, "Germans")],
        ),
    ],
)
def test_casualty_figures_become_claims(sentence: str, expected: list[tuple]) -> None:
    assert summary(claims_of(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "France has more than 1,000 soldiers in the region.",
        "The government sent 50 elite counter-terrorism officers to the capital.",
        "The town lies 620 kilometres (385 miles) north of the capital.",
        "The attackers entered at around 7:00 am (0700 GMT).",
        "The siege ended about nine hours after it had begun.",
        "The region fell to rebels in 2012.",
        "A 25-year-old student was among the first to flee.",
        "The complex at 14 Riverside Drive houses a 101-room hotel.",
        "Citizens of 18 countries were staying at the hotel.",
        "The president ordered 10,000 police recruits whose training had been held up to report for duty.",
    ],
)
def test_numbers_that_count_no_casualties_are_no_claims(sentence: str) -> None:
    assert claims_of(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Gunmen killed at least 38 people at a beach resort near Sousse, the health ministry said.",
            "the health ministry",
        ),
        ("Five people were killed, a police source told Reuters.", "a police source"),
        ("Interior Minister Ali Hassan said 12 people had been killed.", "Interior Minister Ali Hassan"),
        ("Twenty people died, according to the regional governor.", "the regional governor"),
        ("At least four people were wounded, said a hospital official.", "a hospital official"),
        (
            "One witness said five gunmen took part, although the company that owns the mall, "
            "Acme Holdings, said there were only three attackers.",
            "the company that owns the mall, Acme Holdings",
        ),
        ("Nine people were killed, a military source quoted by the agency said Friday.", "a military source"),
    ],
)
def test_attribution(sentence: str, source: str) -> None:
    assert claims_of(sentence)[-1].attributed_to == source


def test_pronoun_source_is_the_previous_source() -> None:
    claims = claims_of(
        "The interior ministry said the siege was over.",
        "Eight suspects had been arrested, it added.",
    )
    assert [(c.kind, c.low, c.attributed_to) for c in claims] == [("detained", 8, "The interior ministry")]


def test_pronoun_source_reaches_back_over_sentences_without_figures() -> None:
    claims = claims_of(
        "The interior ministry said the siege was over.",
        "It said the hostages were safe.",
        "Police gave no details.",
        "Eight suspects had been arrested, it added.",
        "Two people died, a doctor said.",
        "Five were wounded, he added.",
    )
    assert [(c.low, c.attributed_to) for c in claims] == [
        (8, "The interior ministry"),
        (2, "a doctor"),
        (5, "a doctor"),
    ]


def test_span_points_at_the_figure_within_its_sentence() -> None:
    (claim,) = claims_of("Officials said at least 59 people had died.")
    assert claim.figure == "at least 59"
    assert claim.span.text[claim.span.start : claim.span.end] == "at least 59"
    assert claim.span.sentence == 0


def _cue(sentence: str, index: int, trigger: str, background: bool) -> EventCue:
    start = sentence.index(trigger)
    return EventCue(
        Span("a", index, start, start + len(trigger), sentence),
        trigger,
        "armed_assault",
        is_background=background,
    )


def test_figures_of_a_recalled_event_belong_to_its_cue() -> None:
    first = "Gunmen attacked a hotel in the capital on Friday, killing 12 people."
    second = "The attack came a year after a museum attack in which 21 tourists were killed."
    third = "The dead in that attack included 17 foreigners."
    cues = (
        _cue(first, 0, "attacked", False),
        _cue(second, 1, "attack came", False),
        _cue(second, 1, "museum attack", True),
    )
    claims = claims_of(first, second, third, cues=cues, main_cue=0)
    assert [(c.low, c.cue) for c in claims] == [(12, 0), (21, 2), (17, 2)]


def test_toll_by_side_names_the_side_as_subject() -> None:
    claims = claims_of(
        'The army gave a toll of "three dead" on the police side and "six killed" on the militant side.'
    )
    assert [(c.kind, c.low, c.subject) for c in claims] == [
        ("killed", 3, "police"),
        ("killed", 6, "militants"),
    ]
