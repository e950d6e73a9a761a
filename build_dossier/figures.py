"""Casualty figures as readers and databases need them: ranges, independent origins, reconciliation rules.

The same rules feed the pages (infobox, conflicts table) and the exports (GTD and ACLED CSV), so a
figure on a page and in a download always agree. Each rule is named after the database that uses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from build_dossier.model import Article, Claim, ClaimRecord


def format_range(low: int | None, high: int | None, approximate: bool = False) -> str:
    """``9..None`` -> ``"9+"``, ``None..10`` -> ``"up to 10"``, ``2..3`` -> ``"2–3"``; approximate: ``"~12"``.

    The same wording is used on every page and in the conflicts table.
    """
    prefix = "~" if approximate else ""
    if low is None and high is None:
        return "unknown"
    if low is None:
        return f"up to {prefix}{high}"
    if high is None:
        return f"{prefix}{low}+"
    if low == high:
        return f"{prefix}{low}"
    return f"{prefix}{low}–{high}"


def claim_range(claim: Claim) -> str:
    return format_range(claim.low, claim.high, claim.approximate)


def point_value(claim: Claim) -> int | None:
    """One number for a claim: its lower bound, or its upper bound when only that is given."""
    return claim.low if claim.low is not None else claim.high


def combined_range(claims: Iterable[Claim]) -> str:
    """The span of every figure the claims state: lowest stated number to highest, ``+`` if open."""
    claims = list(claims)
    numbers = [n for c in claims for n in (c.low, c.high) if n is not None]
    if not numbers:
        return "unknown"
    low, high = min(numbers), max(numbers)
    open_ended = any(c.high is None and c.low is not None and c.low >= high for c in claims)
    if open_ended:
        return f"{low}+" if low == high else f"{low}–{high}+"
    return str(low) if low == high else f"{low}–{high}"


def origin_of(article: Article) -> str:
    """Whose reporting an article carries: the wire it relays, else its outlet, else the article itself.

    A relay repeating a wire's figure is the same origin, not independent confirmation.
    """
    return article.relayed_from or article.outlet or f"article {article.id}"


@dataclass(frozen=True)
class Reconciled:
    """One contested figure under each named rule."""

    span: str
    """Every stated number from lowest to highest."""
    conservative: int | None
    """ACLED's rule: the lowest figure any source gives."""
    agreed: int | None
    """GTD's rule: the figure the most independent origins give (ties: the latest report)."""
    agreed_origins: tuple[str, ...]
    """The independent origins behind :attr:`agreed`."""
    over_time: tuple[tuple[dt.date | None, str], ...]
    """(publication date, figure) in publication order, repeated figures dropped."""


def reconcile(records: Sequence[ClaimRecord], articles: Mapping[str, Article]) -> Reconciled:
    """Apply every rule to claims about one figure (same incident, kind and subject)."""
    claims = [record.claim for record in records]
    values = [v for v in (point_value(c) for c in claims) if v is not None]
    conservative = min(values) if values else None

    origins_by_value: dict[int, set[str]] = {}
    latest_by_value: dict[int, tuple[dt.date, str]] = {}
    for claim in claims:
        value = point_value(claim)
        if value is None:
            continue
        article = articles[claim.span.article]
        origins_by_value.setdefault(value, set()).add(origin_of(article))
        stamp = (article.published or dt.date.min, article.id)
        latest_by_value[value] = max(latest_by_value.get(value, stamp), stamp)
    agreed = None
    if origins_by_value:
        agreed = max(origins_by_value, key=lambda v: (len(origins_by_value[v]), latest_by_value[v], -v))

    ordered = sorted(
        records,
        key=lambda r: (
            articles[r.claim.span.article].published or dt.date.min,
            r.claim.span.article,
            r.claim.span.sentence,
        ),
    )
    over_time: list[tuple[dt.date | None, str]] = []
    for record in ordered:
        step = (articles[record.claim.span.article].published, claim_range(record.claim))
        if not over_time or over_time[-1] != step:
            over_time.append(step)
    return Reconciled(
        span=combined_range(claims),
        conservative=conservative,
        agreed=agreed,
        agreed_origins=tuple(sorted(origins_by_value.get(agreed, ()))) if agreed is not None else (),
        over_time=tuple(over_time),
    )


def headline_subject(records: Sequence[ClaimRecord], articles: Mapping[str, Article]) -> list[ClaimRecord]:
    """The claims about the subject most independent origins count ("people" rather than "gunmen").

    A database row has one number per kind; this picks which subject's figures stand for it.
    Ties go to the subject with more claims, then alphabetical order.
    """
    by_subject: dict[str, list[ClaimRecord]] = {}
    for record in records:
        by_subject.setdefault(record.claim.subject.casefold(), []).append(record)
    if not by_subject:
        return []

    def weight(subject: str) -> tuple[int, int, str]:
        group = by_subject[subject]
        origins = {origin_of(articles[r.claim.span.article]) for r in group}
        return (-len(origins), -len(group), subject)

    return by_subject[min(by_subject, key=weight)]
