"""Tokens and word tests shared by the actor and place finders.

A sentence is cut into word tokens with their offsets; capitalised tokens are the raw material of
names. Whether a capitalised word could be a name on its own is decided by how common the word is
in English (``wordfreq``): "Special" and "Witnesses" are common words, "Dembele" is not.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from wordfreq import zipf_frequency

from build_dossier.slugs import fold

TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|(?:Gen|Col|Lt|Maj|Capt|Sgt|Dr|Mr|Mrs|Ms|Sen|Rep|Prof|Gov|Brig|St|Mt|Corp|Inc|Ltd|Jr)\.(?=\s)"
    r"|\w+(?:[-'’]\w+)*"
    r"|\S",
)
POSSESSIVE = re.compile(r"['’]s$")
PARTICLE_JOIN = re.compile(r"[-'’]")
NAME_PARTICLE = re.compile(
    r"^(?:al|el|ad|ash|as|at|an|ar|az|ed|bin|ibn|abu|ben|d|de|du|da|di|le|la)[-'’]\w", re.I
)
ADJECTIVE_SUFFIX = re.compile(
    r"-(?:linked|led|based|backed|affiliated|allied|inspired|run|owned|born|style|funded|aligned|bound)$",
    re.I,
)

SENTENCE_CACHE_SIZE = 8192
"""How many sentence texts each extractor remembers its reading of: articles that relay the same
wire copy repeat whole sentences, and a reading depends on the text alone."""

COMMON_WORD_ZIPF = 4.0
"""A lower-case word at least this frequent in English (about 1 in 100,000 words) is a common word."""


class Token(NamedTuple):
    """A word or punctuation mark, with the word tests the finders ask of it again and again
    (a named tuple: sentences make many tokens, and tuples are the cheapest to build)."""

    text: str
    start: int
    end: int
    folded: str
    is_capitalised: bool
    """Starts a name: "Mali", "AQIM", "al-Qaida", "d'Ivoire"."""
    is_acronym: bool
    is_word: bool


@functools.lru_cache(maxsize=1 << 16)
def _word_tests(text: str) -> tuple[str, bool, bool, bool]:
    """Folded form, capitalised, acronym, word: worked out once per distinct token text."""
    first = text[0]
    particle_cap = bool(NAME_PARTICLE.match(text)) and PARTICLE_JOIN.split(text, maxsplit=1)[1][:1].isupper()
    capitalised = (first.isupper() and first.isalpha()) or particle_cap
    letters = text.replace(".", "")
    acronym = len(letters) >= 2 and letters.isupper() and letters.isalpha()
    return cached_fold(text), capitalised, acronym, first.isalnum()


@functools.lru_cache(maxsize=1 << 16)
def _pieces(word: str) -> tuple[tuple[int, int, str, str, bool, bool, bool], ...]:
    """The tokens a matched word makes, as (offset, length, text, word tests): "Mali's" -> "Mali", "'s"."""
    cut = 0
    possessive = POSSESSIVE.search(word)
    suffix = ADJECTIVE_SUFFIX.search(word)
    if possessive and len(word) > 2:
        cut = possessive.start()
    elif suffix and suffix.start() > 0:
        cut = suffix.start()
    texts = ((0, word[:cut]), (cut, word[cut:])) if cut else ((0, word),)
    return tuple((offset, len(text), text, *_word_tests(text)) for offset, text in texts)


_new_tuple = tuple.__new__
"""Builds a :class:`Token` from a ready tuple, skipping the named tuple's Python-level ``__new__``."""


def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens; a possessive "'s" becomes its own token ("Mali", "'s")."""
    tokens: list[Token] = []
    append = tokens.append
    pieces = _pieces
    find = text.find
    position = 0
    # Only whitespace lies between two matches (``\S`` takes any other character), so each
    # matched word's offset is where it is next found.
    for matched in TOKEN.findall(text):
        start = find(matched, position)
        position = start + len(matched)
        for offset, length, piece, folded, capitalised, acronym, word in pieces(matched):
            begin = start + offset
            append(_new_tuple(Token, (piece, begin, begin + length, folded, capitalised, acronym, word)))
    return tokens


@functools.lru_cache(maxsize=1 << 18)
def cached_fold(text: str) -> str:
    """``slugs.fold`` remembered: extraction folds the same words and phrases many times over."""
    return fold(text)


@functools.lru_cache(maxsize=65536)
def word_frequency(word: str) -> float:
    """Zipf frequency of a word in English (0 for unknown words, 7+ for "the")."""
    return zipf_frequency(word, "en")


def is_common_word(word: str) -> bool:
    """True for ordinary English words, which alone are not names ("Friday" is caught by a list)."""
    return word_frequency(word.casefold()) >= COMMON_WORD_ZIPF


def may_end_with(before: str, *endings: str) -> bool:
    """False only when a pattern anchored at the end of ``before``, whose match ends in one of the
    lower-case ``endings`` (three letters at most), cannot match there: a cheap test before a
    search that tries every position. Only ASCII text is tested, as case-insensitive patterns
    also match some other letters ("ſ" for "s")."""
    return not before.isascii() or before.rstrip()[-3:].lower().endswith(endings)
