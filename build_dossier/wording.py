"""Plain-language labels shared by the pages and the exports: kinds, countries and dates."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pycountry

from build_dossier.model import DateRef


def label(code: str) -> str:
    """``"armed_group"`` -> ``"Armed group"``."""
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else "Unknown"


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=4096)
def format_day(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "undated"


def format_date(date: DateRef | None) -> str:
    """A single day, a whole month, or a range."""
    if date is None:
        return "unknown date"
    if date.start == date.end:
        return format_day(date.start)
    month_end = (date.start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if date.start.day == 1 and date.end == month_end:
        return f"{date.start:%B %Y}"
    return f"{format_day(date.start)} – {format_day(date.end)}"
