"""Tokens and word tests shared by the actor and place finders.

A sentence is cut into word tokens with their offsets; capitalised tokens are the raw material of
names. Whether a capitalised word could be a name on its own is decided by how common the word is
in English (``wordfreq``): "Special" and "Witnesses" are common words, "Dembele" is not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

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

COMMON_WORD_ZIPF = 4.0
"""A lower-case word at least this frequent in English (about 1 in 100,000 words) is a common word."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @functools.cached_property
    def folded(self) -> str:
        return cached_fold(self.text)

    @functools.cached_property
    def is_capitalised(self) -> bool:
        """Starts a name: "Mali", "AQIM", "al-Qaida", "d'Ivoire"."""
        first = self.text[0]
        return (first.isupper() and first.isalpha()) or bool(
            NAME_PARTICLE.match(self.text) and self._particle_cap()
        )

    def _particle_cap(self) -> bool:
        rest = PARTICLE_JOIN.split(self.text, maxsplit=1)[1]
        return rest[:1].isupper()

    @functools.cached_property
    def is_acronym(self) -> bool:
        letters = self.text.replace(".", "")
        return len(letters) >= 2 and letters.isupper() and letters.isalpha()

    @functools.cached_property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens; a possessive "'s" becomes its own token ("Mali", "'s")."""
    tokens = []
    for match in TOKEN.finditer(text):
        word, start = match.group(), match.start()
        possessive = POSSESSIVE.search(word)
        if possessive and len(word) > 2:
            cut = possessive.start()
            tokens.append(Token(word[:cut], start, start + cut))
            tokens.append(Token(word[cut:], start + cut, match.end()))
            continue
        suffix = ADJECTIVE_SUFFIX.search(word)
        if suffix and suffix.start() > 0:
            cut = suffix.start()
            tokens.append(Token(word[:cut], start, start + cut))
            tokens.append(Token(word[cut:], start + cut, match.end()))
            continue
        tokens.append(Token(word, start, match.end()))
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
