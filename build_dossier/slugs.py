"""URL-safe, stable slugs: the same name always gives the same page path, and no path escapes docs/."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NOT_WORD = re.compile(r"[^a-z0-9]+")
MAX_SLUG_LENGTH = 80


def fold(text: str) -> str:
    """Lower case without accents or punctuation: the key under which two spellings are the same name."""
    if text.isascii():
        # No accents to strip: the same result without the Unicode decomposition.
        return " ".join(_NOT_WORD.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", ascii_only.casefold()).split())


def slugify(text: str, fallback: str = "item") -> str:
    """``"Hôtel Byblos (Sévaré)"`` -> ``"hotel-byblos-sevare"``; never empty, never ``..``."""
    slug = fold(text).replace(" ", "-")[:MAX_SLUG_LENGTH].strip("-")
    return slug or fallback


def unique_slugs(names: Iterable[str], fallback: str = "item") -> list[str]:
    """Slugs for names in order, suffixing ``-2``, ``-3`` ... where two names fold to the same slug."""
    taken: set[str] = set()
    slugs = []
    for name in names:
        base = slugify(name, fallback)
        slug, counter = base, 1
        while slug in taken:
            counter += 1
            slug = f"{base}-{counter}"
        taken.add(slug)
        slugs.append(slug)
    return slugs
