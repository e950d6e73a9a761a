"""Figures in wire copy as ranges: "at least 22" -> 22..open, "two or three" -> 2..3.

number-parser turns number words ("Twenty-nine", "one hundred and forty-seven") into integers;
the qualifiers, "a dozen" and vague plurals it does not know come from ``data/numbers.yml``.
This module finds figures and reads their range; whether a figure counts casualties is decided
by ``extract/claims.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from number_parser import parse_number

from build_dossier.extract.names import SENTENCE_CACHE_SIZE

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "numbers.yml"

_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d:.,]\d)"
DIGIT = re.compile(r"\d")
NO_BEFORE = re.compile(r"\bno\s+$", re.I)
"""A figure right after "no" ("no one") counts nobody."""
YEAR_RANGE = range(1800, 2101)
"""Four digits written without a comma in this range are a year, never a count."""


@dataclass(frozen=True)
class Figure:
    """A figure found in a sentence, as a range."""

    low: int | None
    high: int | None
    approximate: bool
    start: int
    """Offset of the figure's first word (qualifier included) in the text searched."""
    end: int
    text: str
    """The words it was read from, qualifier included ("at least 22")."""
    number_start: int
    """Offset of the number itself, after any qualifier."""


@dataclass(frozen=True)
class _Tables:
    qualifiers: dict[str, str]
    units: dict[str, int]
    vague: dict[str, int]
    pattern: re.Pattern[str]
    english_words: frozenset[str]
    """The number words and "and": a figure made only of them is read as English."""
    hints: tuple[str, ...]
    """Lower-case words one of which any figure not in digits holds ("two", "dozen"): ASCII text
    with no digit and none of them has no figure, and skips the (slow) pattern."""


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


@functools.cache
def _tables() -> _Tables:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    qualifiers = {key.lower(): value for key, value in data["qualifiers"].items()}
    units = {key.lower(): int(value) for key, value in data["units"].items()}
    vague = {key.lower(): int(value) for key, value in data["vague"].items()}
    word = rf"(?:{_alternation(data['number_words'])})"
    number = rf"(?:{_DIGITS}|{word}(?:(?:[ -]+|\s+and\s+){word})*)"
    pattern = re.compile(
        rf"(?<![\w:.,-])(?:(?P<qualifier>{_alternation(list(qualifiers))})\s+)?"
        rf"(?:between\s+(?P<between_low>{number})\s+and\s+(?P<between_high>{number})"
        rf"|(?P<range_low>{number})\s+(?:or|to)\s+(?P<range_high>{number})"
        rf"|(?P<dash_low>\d+)\s*[-–]\s*(?P<dash_high>\d+)"
        rf"|(?P<unit>{_alternation(list(units))})"
        rf"|(?P<vague>{_alternation(list(vague))})(?=\s+of\b)"
        rf"|(?P<single>{number}))(?![\w-]|:\d)",
        re.IGNORECASE,
    )
    longest = [max(phrase.split(), key=len) for phrase in (*units, *vague)]
    hints = tuple(sorted({word.lower() for word in data["number_words"]} | set(longest)))
    english = frozenset({word.lower() for word in data["number_words"]} | {"and"})
    return _Tables(qualifiers, units, vague, pattern, english, hints)


@functools.lru_cache(maxsize=4096)
def number_value(words: str) -> int | None:
    """Integer of digits or number words: "1,000" -> 1000, "Twenty-nine" -> 29.

    Remembered: number-parser rebuilds its word tables on every call, and wire copy repeats the
    same few number words."""
    cleaned = words.replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    spoken = " ".join(cleaned.replace("-", " ").split()).lower()
    # number-parser first guesses the language by trying each one it knows (most of its time);
    # our English number words are English in every guess, so they skip it.
    english = all(word in _tables().english_words for word in spoken.split())
    value = parse_number(spoken, language="en" if english else None)
    return value if isinstance(value, int) else None


def _range(match: re.Match[str], tables: _Tables) -> tuple[int | None, int | None, bool] | None:
    """(low, high, approximate) of a match, before its qualifier is applied."""
    if match["between_low"] or match["range_low"] or match["dash_low"]:
        low = number_value(match["between_low"] or match["range_low"] or match["dash_low"])
        high = number_value(match["between_high"] or match["range_high"] or match["dash_high"])
        if low is None or high is None or low >= high:
            return None
        return low, high, False
    if match["unit"]:
        value = tables.units[" ".join(match["unit"].lower().split())]
        return value, value, True
    if match["vague"]:
        return tables.vague[match["vague"].lower()], None, True
    value = number_value(match["single"])
    return (value, value, False) if value is not None else None


def _qualified(
    bounds: tuple[int | None, int | None, bool], qualifier: str | None, tables: _Tables
) -> tuple[int | None, int | None, bool]:
    low, high, approximate = bounds
    if qualifier is None or low is None or low != high:
        return low, high, approximate
    effect = tables.qualifiers[" ".join(qualifier.lower().split())]
    if effect == "low":
        return low, None, approximate
    if effect == "high":
        return None, high, approximate
    return low, high, approximate or effect == "approximate"


def _is_year(match: re.Match[str]) -> bool:
    single = match["single"]
    return bool(single and single.isdigit() and len(single) == 4 and int(single) in YEAR_RANGE)


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def find_figures(text: str) -> tuple[Figure, ...]:
    """Every figure in ``text`` with its range, in order; years and "no one" are left out."""
    tables = _tables()
    if text.isascii() and not DIGIT.search(text):
        lower = text.lower()
        if not any(hint in lower for hint in tables.hints):
            return ()
    figures = []
    for match in tables.pattern.finditer(text):
        if _is_year(match) or NO_BEFORE.search(text[: match.start()]):
            continue
        bounds = _range(match, tables)
        if bounds is None:
            continue
        low, high, approximate = _qualified(bounds, match["qualifier"], tables)
        number_start = match.start()
        if match["qualifier"]:
            number_start = match.end("qualifier") + 1
            while text[number_start].isspace():
                number_start += 1
        figures.append(
            Figure(low, high, approximate, match.start(), match.end(), match.group(), number_start)
        )
    return tuple(figures)


def parse_figure(text: str) -> Figure | None:
    """The range of a figure written alone ("around a dozen"); None if ``text`` is not one figure."""
    figures = find_figures(text.strip())
    if len(figures) == 1 and figures[0].text == text.strip():
        return figures[0]
    return None
