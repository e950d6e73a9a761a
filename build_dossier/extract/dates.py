"""Date expressions -> :class:`DateRef` ranges, resolved against the article's publication date.

Wire copy dates events relative to the day it was filed: "early Saturday", "Friday's hostage
taking", "last March", "in August", "last week's attacks", "a week after the Paris massacre".
Plain patterns read them: past tense is assumed, so a weekday is the most recent such day on or
before publication, a month without a year the most recent such month, and a month or year stands
for the whole range. Without a publication date only expressions with a year resolve.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from build_dossier.extract.names import SENTENCE_CACHE_SIZE
from build_dossier.extract.numbers import number_value
from build_dossier.model import DateRef

MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
RECENT_DAYS = 4
"""A date ending more than this many days before publication is an earlier event, not the story."""
PERIOD_DAYS = 28
"""A range at least this long ("in March", "last month", "in 2016") names a period: once it is over
by publication it dates an earlier event, since wire copy dates its own news by the day."""

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_COUNT = r"(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_UNIT = r"(?P<unit>day|week|month|year)s?"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.I))
    for name, pattern in (
        ("day_month", rf"(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"),
        ("month_day", rf"(?:on\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),
        (
            "month",
            rf"(?:(?P<modifier>last|this|in|early|late|mid|since|until)[\s-]+)?{_MONTH}(?:\s+(?:of\s+)?{_YEAR})?",
        ),
        (
            "weekday",
            rf"(?:(?P<modifier>last|early|late|on|this|since)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?",
        ),
        (
            "relative_unit",
            r"(?P<modifier>last|this|earlier\s+this|late\s+last|early\s+last)\s+(?P<unit>week|month|year)",
        ),
        (
            "ago",
            rf"(?P<qualifier>less\s+than|more\s+than|nearly|almost|about|some)?\s*{_COUNT}\s+{_UNIT}\s+(?P<direction>ago|earlier|before|previously|after|since)",
        ),
        ("day_word", r"(?P<word>yesterday|today|overnight)"),
        (
            "year",
            rf"(?:(?P<modifier>in|since|of|the|until|during)\s+)?{_YEAR}(?:'s)?(?!\s*(?:GMT|km|kilomet|mile|people|hours|%))",
        ),
    )
)


_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_HINTS = ("day", "week", "month", "year")
HINTS: dict[str, tuple[str, ...]] = {
    "day_month": _MONTH_HINTS,
    "month_day": _MONTH_HINTS,
    "month": _MONTH_HINTS,
    "weekday": ("day",),
    "relative_unit": ("week", "month", "year"),
    "ago": _UNIT_HINTS,
    "day_word": ("day", "overnight"),
    "year": ("19", "20"),
}
"""Strings a lower-case ASCII text must hold for each pattern to match there: a sentence with none
of them skips that pattern (searching every pattern in every sentence was most of the time)."""
ALL_HINTS = frozenset(hint for hints in HINTS.values() for hint in hints)


@dataclass(frozen=True)
class FoundDate:
    """A date expression in a sentence."""

    date: DateRef
    start: int
    end: int
    refers_back: bool = False
    """True for "a week after the ..." : it dates the event named after it, not the sentence."""


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_number(text: str) -> int:
    key = text.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _day(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    month, day = _month_number(match["month"]), int(match["day"])
    if match["year"]:
        year = int(match["year"])
    elif published is None:
        return None
    else:
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date


def _month(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    month = _month_number(match["month"])
    modifier = (match["modifier"] or "").lower()
    if match["year"]:
        return _month_range(int(match["year"]), month)
    if published is None or (not modifier and match["month"].lower().rstrip(".") == "may"):
        return None
    if modifier == "last":
        year = published.year if month < published.month else published.year - 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return _month_range(year, month)


def _weekday(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if published is None:
        return None
    back = (published.weekday() - WEEKDAYS[match["weekday"].lower()]) % 7
    if (match["modifier"] or "").lower() == "last" and back == 0:
        back = 7
    date = published - dt.timedelta(days=back)
    return date, date


def _relative_unit(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if published is None:
        return None
    unit, modifier = match["unit"].lower(), " ".join(match["modifier"].lower().split())
    earlier = modifier in ("last", "late last", "early last")
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday() + (7 if earlier else 0))
        return monday, published if not earlier else monday + dt.timedelta(days=6)
    if unit == "month":
        year, month = _shift_months(published, 1 if earlier else 0)
        start, end = _month_range(year, month)
        return start, min(end, published)
    year = published.year - (1 if earlier else 0)
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), published)


def _ago(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if published is None:
        return None
    count_text = match["count"].lower()
    count = 1 if count_text in ("a", "an") else number_value(count_text)
    if count is None:
        return None
    unit = match["unit"].lower()
    qualifier = " ".join((match["qualifier"] or "").lower().split())
    if unit in ("month", "year"):
        months = count * (12 if unit == "year" else 1)
        year, month = _shift_months(published, months)
        start, end = _month_range(year, month)
        if unit == "year":
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        centre = published - dt.timedelta(days=count * UNIT_DAYS[unit])
        slack = dt.timedelta(days=0 if unit == "day" else 1)
        start, end = centre - slack, centre + slack
    if qualifier == "less than":
        end = published
    elif qualifier == "more than":
        start = start - dt.timedelta(days=count * UNIT_DAYS[unit])
    return start, min(end, published)


def _day_word(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if published is None:
        return None
    word = match["word"].lower()
    date = published - dt.timedelta(days=1 if word == "yesterday" else 0)
    start = date - dt.timedelta(days=1) if word == "overnight" else date
    return start, date


def _year(match: re.Match[str], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    year = int(match["year"])
    if published is not None and year > published.year:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


RESOLVERS = {
    "day_month": _day,
    "month_day": _day,
    "month": _month,
    "weekday": _weekday,
    "relative_unit": _relative_unit,
    "ago": _ago,
    "day_word": _day_word,
    "year": _year,
}


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _matches(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every match of every pattern in a text, pattern by pattern, before any is resolved: the
    slow part, remembered, as articles published on different days repeat the same sentences."""
    # Case-insensitive patterns also match some non-ASCII letters ("ſ" for "s"): only ASCII skips.
    if text.isascii():
        lower = text.lower()
        present = {hint for hint in ALL_HINTS if hint in lower}
        patterns = [(name, pattern) for name, pattern in PATTERNS if not present.isdisjoint(HINTS[name])]
    else:
        patterns = list(PATTERNS)
    return tuple((name, match) for name, pattern in patterns for match in pattern.finditer(text))


def find_dates(text: str, published: dt.date | None) -> tuple[FoundDate, ...]:
    """Every date expression of a text that resolves, left to right, none overlapping another."""
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for name, match in _matches(text):
        start, end = match.span()
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        if name == "year" and not match["modifier"] and not match.group(0).endswith("'s"):
            continue
        resolved = RESOLVERS[name](match, published)
        if resolved is None:
            continue
        expression = match.group(0).strip()
        refers_back = name == "ago" and match["direction"].lower() in ("after", "since")
        taken.append((start, end))
        found.append(FoundDate(DateRef(resolved[0], resolved[1], expression), start, end, refers_back))
    return tuple(sorted(found, key=lambda item: item.start))


def resolve_date(expression: str, published: dt.date | None) -> DateRef | None:
    """The range one expression stands for ("last March" -> that whole month), if it resolves."""
    found = find_dates(expression, published)
    return found[0].date if found else None


def is_before_story(date: DateRef, published: dt.date | None) -> bool:
    """True when a date ends clearly before the article's own news (an earlier event)."""
    if published is None:
        return False
    if (date.end - date.start).days + 1 >= PERIOD_DAYS:
        return date.end < published
    return (published - date.end).days > RECENT_DAYS
