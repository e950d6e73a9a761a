"""Date expressions against the publication date (extract/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from build_dossier.extract.dates import find_dates, is_before_story, resolve_date

SATURDAY = dt.date(2015, 8, 8)
FRIDAY = dt.date(2015, 11, 20)


@pytest.mark.parametrize(
    ("expression", "published", "start", "end"),
    [
        ("early Saturday", SATURDAY, dt.date(2015, 8, 8), dt.date(2015, 8, 8)),
        ("Friday", SATURDAY, dt.date(2015, 8, 7), dt.date(2015, 8, 7)),
        ("on Tuesday", dt.date(2016, 3, 23), dt.date(2016, 3, 22), dt.date(2016, 3, 22)),
        ("last March", FRIDAY, dt.date(2015, 3, 1), dt.date(2015, 3, 31)),
        ("last March", dt.date(2016, 3, 15), dt.date(2015, 3, 1), dt.date(2015, 3, 31)),
        ("in August", FRIDAY, dt.date(2015, 8, 1), dt.date(2015, 8, 31)),
        ("in November", dt.date(2016, 1, 16), dt.date(2015, 11, 1), dt.date(2015, 11, 30)),
        ("last week", FRIDAY, dt.date(2015, 11, 9), dt.date(2015, 11, 15)),
        ("on Nov. 20", dt.date(2015, 11, 25), dt.date(2015, 11, 20), dt.date(2015, 11, 20)),
        ("in January 2013", None, dt.date(2013, 1, 1), dt.date(2013, 1, 31)),
        ("on 21 September 2013", None, dt.date(2013, 9, 21), dt.date(2013, 9, 21)),
        ("yesterday", FRIDAY, dt.date(2015, 11, 19), dt.date(2015, 11, 19)),
    ],
)
def test_resolve_date(expression: str, published: dt.date | None, start: dt.date, end: dt.date) -> None:
    date = resolve_date(expression, published)
    assert date is not None
    assert (date.start, date.end) == (start, end)
    assert date.expression == expression


def test_a_week_earlier_is_about_seven_days_before() -> None:
    date = resolve_date("a week earlier", FRIDAY)
    assert date is not None and date.start <= dt.date(2015, 11, 13) <= date.end


def test_a_week_after_dates_the_event_named_after_it() -> None:
    (found,) = find_dates("a week after the Paris massacre", FRIDAY)
    assert found.refers_back
    assert found.date.start <= dt.date(2015, 11, 13) <= found.date.end


@pytest.mark.parametrize(
    "text", ["at around 7:00 am (0700 GMT)", "620 kilometres", "more than 1,000 soldiers"]
)
def test_clock_times_and_counts_are_no_dates(text: str) -> None:
    assert find_dates(text, FRIDAY) == ()


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve_date("Friday", None) is None
    assert resolve_date("last March", None) is None


def test_is_before_story_separates_recalled_events() -> None:
    assert is_before_story(resolve_date("last March", FRIDAY), FRIDAY)
    assert not is_before_story(resolve_date("Friday", SATURDAY), SATURDAY)


def test_a_month_over_by_publication_dates_an_earlier_event() -> None:
    published = dt.date(2012, 4, 4)
    assert is_before_story(resolve_date("in March", published), published)
    assert is_before_story(resolve_date("in 2011", dt.date(2012, 1, 2)), dt.date(2012, 1, 2))
    assert not is_before_story(resolve_date("in April", published), published)
    assert not is_before_story(resolve_date("last week", published), published)
