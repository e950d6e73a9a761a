"""Figures -> ranges (extract/numbers.py): digits, words, qualifiers, vague quantities."""

from __future__ import annotations

import pytest
from number_parser import parse_number

from build_dossier.extract.numbers import _tables, find_figures, number_value, parse_figure


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate"),
    [
        ("at least 22", 22, None, False),
        ("as many as 10", None, 10, False),
        ("two or three", 2, 3, False),
        ("around a dozen", 12, 12, True),
        ("more than 100", 100, None, False),
        ("Twenty-nine", 29, 29, False),
        ("one hundred and forty-seven", 147, 147, False),
        ("between 10 and 15", 10, 15, False),
        ("some 50", 50, 50, True),
        ("more than 1,000", 1000, None, False),
        ("nearly 40", 40, 40, True),
    ],
)
def test_parse_figure_reads_the_range(
    text: str, low: int | None, high: int | None, approximate: bool
) -> None:
    figure = parse_figure(text)
    assert figure is not None
    assert (figure.low, figure.high, figure.approximate) == (low, high, approximate)
    assert figure.text == text


def test_dozens_is_at_least_two_dozen_when_it_counts_something() -> None:
    figure = find_figures("dozens of people were wounded")[0]
    assert (figure.low, figure.high, figure.approximate, figure.text) == (24, None, True, "dozens")
    assert find_figures("he scores well") == ()


def test_find_figures_gives_offsets_of_each_figure() -> None:
    text = 'a provisional toll of "five dead, two injured"'
    figures = find_figures(text)
    assert [(f.low, text[f.start : f.end]) for f in figures] == [(5, "five"), (2, "two")]


@pytest.mark.parametrize("text", ["a number of hostages", "several people", "a few guests", "in 2012"])
def test_no_figure_in_vague_words_or_years(text: str) -> None:
    assert find_figures(text) == ()


def test_number_value_reads_digits_and_words() -> None:
    assert number_value("1,000") == 1000
    assert number_value("Thirty-seven") == 37
    assert number_value("hotel") is None


def test_number_words_read_as_english_give_what_language_guessing_gives() -> None:
    """``number_value`` skips number-parser's language guess for our English number words; the
    guess must then be English anyway (this fails if a number-parser update changes that)."""
    words = sorted(_tables().english_words - {"and"})
    phrases = [*words, *(f"{a} {b}" for a in words for b in words[::4]), "one hundred and forty seven"]
    for phrase in phrases:
        assert parse_number(phrase, language="en") == parse_number(phrase), phrase
