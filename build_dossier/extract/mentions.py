"""Find the actors and places an article names: people, organisations, forces, countries, towns, sites.

Rule-based, because no pretrained NER model installs from the registries here. Each sentence is
cut into tokens; curated names (armed groups, UN missions, outlets, countries, towns) are matched
first, longest first; the remaining capitalised phrases are typed by their shape and context:
a title before a name makes a person, a head noun an organisation or a site ("Rezidor Group",
"Hotel Yibi", "Bardo museum"), a demonym before "forces" a country's armed forces, a locative
preposition an unknown town. A second pass over the whole article ties short forms to full ones
("Dembele" -> "Seydou Dembele", "AQIM" -> its long name, "the UN mission" -> the mission named).
Extractors find and never merge: every mention keeps its own span; ``resolve`` merges.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import NamedTuple

from build_dossier.extract.names import (
    SENTENCE_CACHE_SIZE,
    cached_fold,
    is_common_word,
    may_end_with,
    tokenize,
    word_frequency,
)
from build_dossier.lexicon import Country, Lexicon
from build_dossier.model import Article, Mention, Sentence, Span

CONNECTORS = frozenset(
    {
        "of",
        "de",
        "du",
        "des",
        "da",
        "di",
        "del",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "van",
        "von",
        "der",
        "den",
        "y",
        "dela",
        "delos",
        "dos",
        "das",
        "for",
    }
)
"""Lower-case words that may sit inside a name between capitalised words ("Ministry of Defence")."""
LEADING_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "as",
        "after",
        "before",
        "when",
        "while",
        "if",
        "of",
        "for",
        "to",
        "from",
        "with",
        "by",
        "among",
        "during",
        "since",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "we",
        "he",
        "she",
        "it",
        "they",
        "i",
        "you",
        "there",
        "here",
        "then",
        "so",
        "yet",
        "still",
        "also",
        "both",
        "some",
        "many",
        "most",
        "all",
        "no",
        "not",
        "one",
        "two",
        "three",
        "four",
        "five",
        "several",
        "other",
        "another",
        "every",
        "each",
        "despite",
        "although",
        "though",
        "because",
        "until",
        "unlike",
        "like",
        "near",
        "inside",
        "outside",
        "under",
        "over",
        "about",
        "according",
        "meanwhile",
        "however",
        "later",
        "earlier",
        "last",
        "next",
    ]
)
OPENING_WORD_ZIPF = 3.0
"""An opening word this common before a known name ("Neighbouring Afghanistan"), or an "-ing" word
this common ("Neighbouring Ostrelia"), is no part of the name."""
BIG_CITY_POPULATION = 500_000
"""A town this big is taken even when its name is also an English word ("Paris", "Nice" is not)."""
NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
    ]
)
LOCATIVES = frozenset({"in", "at", "near", "outside", "around", "from", "across", "into", "to", "towards"})
COMPASS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    }
)
BODY_WORDS = ("ministry", "television", "radio")
"""A bare national body ("the interior ministry", "state television") has one of these words."""
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
SPEECH_VERBS = re.compile(
    r"^\s*,?\s*(?:said|says|told|added|confirmed|announced|stated|explained|wrote|tweeted)\b", re.I
)
TOLD = re.compile(r"\b(?:told|according to|quoted by|in an interview with|speaking to)\s+(?:the\s+)?$", re.I)
APPOSITION_BEFORE = re.compile(r"((?:the|a|an|its|his|her|their)\s[\w'’ -]{2,70}?),\s*$", re.I)
APPOSITION_AFTER = re.compile(r"^,\s*((?:the|a|an|its|his|her|their)\s[\w'’ -]{2,70}?),", re.I)
COMPANY_NOUN_WORDS = (
    "firm",
    "company",
    "contractor",
    "operator",
    "airline",
    "carrier",
    "subsidiary",
    "manufacturer",
    "chain",
    "insurer",
    "provider",
    "conglomerate",
    "developer",
    "owner",
)
COMPANY_NOUNS = rf"(?:{'|'.join(COMPANY_NOUN_WORDS)})"
COMPANY_BEFORE = re.compile(
    rf"\b(?:the|a|an|its|their)\s(?:[\w'’-]+\s){{0,3}}{COMPANY_NOUNS}(?:\s[\w'’-]+){{0,5}},\s*$", re.I
)
COMPANY_RIGHT_BEFORE = re.compile(rf"\b(?:the|a|an)\s(?:[\w'’-]+\s){{0,3}}{COMPANY_NOUNS}\s$", re.I)
"""A lower-case company noun right before the name: "the private airline Kam Air"."""
COMPANY_AFTER = re.compile(rf"^,\s*(?:a|an|the)\s(?:[\w'’-]+\s){{0,3}}{COMPANY_NOUNS}\b", re.I)
GROUP_AFTER = re.compile(
    r"^,\s*(?:a|an|the)\s(?:[\w'’-]+\s){0,3}(?:group|movement|faction|militia|outfit|network)\b(?!\s+of\b)",
    re.I,
)
ACRONYM_AFTER = re.compile(r"^\s*\(([A-Z][A-Za-z.-]*[A-Z][A-Za-z.-]*)\)")
MEDIA_BEFORE = re.compile(
    r"\b(?:broadcaster|television|channel|newspaper|daily|news agency|press agency|radio|website|outlet"
    r"|weekly|tabloid|magazine)\s+$",
    re.I,
)
CITY_NOUNS = r"(?:town|city|village|capital|suburb|municipality|commune|settlement|port city|oasis town)"
REGION_NOUNS = (
    r"(?:province|region|district|state|county|governorate|prefecture|department|oblast|area|island"
    r"|islands|peninsula|valley|neighbou?rhood|enclave|territory)"
)
CITY_BEFORE = re.compile(rf"\b{CITY_NOUNS}\s+of\s+$|\b{CITY_NOUNS},\s*$", re.I)
REGION_BEFORE = re.compile(rf"\b{REGION_NOUNS}\s+of\s+(?:the\s+)?$|\b{REGION_NOUNS},\s*$", re.I)
REGION_AFTER = re.compile(rf"^\s+{REGION_NOUNS}\b")
OFFICE_BEFORE = re.compile(r"((?:[\w-]+\s+)?[\w-]+)\s+of\s+$")
"""The office before a name ("the mayor of Belgu"); ``Lexicon.place_offices`` says which place kind."""
NEIGHBOUR_BEFORE = re.compile(r"\bneighbou?ring\s+$", re.I)
SITE_APPOSITION = re.compile(r"^,\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?([\w-]+(?:\s[\w-]+)?)\b", re.I)


class _Found(NamedTuple):
    """A mention before the article-wide pass: offsets, typing and what the second pass needs
    (a named tuple: cheap to rebind to each sentence that repeats a remembered text)."""

    sentence: Sentence
    start: int
    end: int
    category: str
    kind: str
    canonical: str | None = None
    role: str | None = None
    country: str | None = None
    subkind: str | None = None
    single_unknown: bool = False
    """A lone capitalised word typed only by the article-wide pass (surname, short form)."""
    initial: bool = False
    """The word opens its sentence, so its capital proves nothing."""
    descriptor: bool = False
    """A generic UN mission description waiting for the mission the article names."""
    national_body: str | None = None
    """Canonical noun of a bare "the interior ministry" waiting for the article's country."""

    @property
    def surface(self) -> str:
        return self.sentence.text[self.start : self.end]


class _SentenceReader:
    """Finds the mentions of one sentence, left to right."""

    def __init__(self, sentence: Sentence, lexicon: Lexicon) -> None:
        self.sentence = sentence
        self.text = sentence.text
        self.lexicon = lexicon
        self.tokens = tokenize(sentence.text)
        self.found: list[_Found] = []
        self.folded_spans: dict[tuple[int, int], str] = {}
        self.consumed = 0
        """Token index past the last mention emitted, so a phrase that reached further is not re-read."""
        first_word = next((i for i, t in enumerate(self.tokens) if t.is_word), 0)
        self.first_word = first_word
        lower = self.text.lower() if self.text.isascii() else None
        self.body_words = (
            any(word in lower for word in BODY_WORDS)
            if lower is not None
            else any(word in t.folded for t in self.tokens for word in BODY_WORDS)
        )
        """Whether a bare national body ("the interior ministry") can stand here (``_bare_body_width``)."""

    # --- helpers ---------------------------------------------------------------------------

    def _span_text(self, i: int, j: int) -> str:
        """Text of tokens i..j-1."""
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]

    def _folded(self, i: int, j: int) -> str:
        """Folded text of tokens i..j-1; the rules ask for the same spans again and again."""
        if j == i + 1:
            return self.tokens[i].folded
        key = self.folded_spans.get((i, j))
        if key is None:
            key = self.folded_spans[(i, j)] = cached_fold(self._span_text(i, j))
        return key

    def _emit(self, i: int, j: int, category: str, kind: str, **fields: object) -> None:
        self.consumed = max(self.consumed, j)
        self.found.append(
            _Found(self.sentence, self.tokens[i].start, self.tokens[j - 1].end, category, kind, **fields)
        )

    def _lower_word(self, i: int) -> bool:
        return i < len(self.tokens) and self.tokens[i].is_word and self.tokens[i].text[0].islower()

    # --- curated names ---------------------------------------------------------------------

    def _curated_at(self, i: int) -> int | None:
        """Longest curated actor, country or town starting at token i; returns the end token."""
        limit = self._name_reach(i, min(len(self.tokens), i + self.lexicon.max_actor_words + 1))
        for j in range(limit, i, -1):
            if not self.tokens[j - 1].is_word:
                continue
            key = self._folded(i, j)
            if not key:
                continue
            last = self.tokens[j - 1]
            if key in self.lexicon.mission_descriptors:
                self._emit(i, j, "actor", "international_org", descriptor=True)
                return j
            curated = self.lexicon.actors.get(key)
            if curated and (last.is_capitalised or j - i > 1):
                if (
                    last.is_acronym is False
                    and j - i == 1
                    and self._lower_word(i)
                    and not last.is_capitalised
                ):
                    continue
                self._emit(i, j, "actor", curated.kind, canonical=curated.name, country=curated.country)
                return j
            if not all(t.is_capitalised or t.folded in CONNECTORS or not t.is_word for t in self.tokens[i:j]):
                continue
            if self._place_at(i, j, key):
                return j
        return None

    def _name_reach(self, i: int, limit: int) -> int:
        """Last end token (at most ``limit``) at which tokens i.. could still spell a lexicon name.

        Past a space, a longer phrase's key is this key plus whole words, so once the key begins
        no lexicon name, no longer phrase is one either; ``_curated_at`` then has fewer tries."""
        for j in range(i + 1, limit + 1):
            key = self._folded(i, j)
            spaced = j == len(self.tokens) or self.tokens[j].start > self.tokens[j - 1].end
            if key and spaced and key not in self.lexicon.name_starts:
                return j - 1
        return limit

    def _place_at(self, i: int, j: int, key: str) -> bool:
        """A country or gazetteer town spelled by tokens i..j-1 (a common word needs a locative)."""
        country = self.lexicon.countries.get(key)
        if country and not (j - i == 1 and self.tokens[i].text.isupper() and len(key) > 3):
            self._emit(i, j, "place", "country", canonical=country.name, country=country.code)
            return True
        region = self.lexicon.regions.get(key)
        if region:
            self._emit(i, j, "place", "region", canonical=region.name, country=region.country)
            return True
        town = self.lexicon.towns.get(key)
        if town is None or (j - i == 1 and self.tokens[i].is_acronym and len(key) <= 4):
            return False
        if j - i == 1 and key in self.lexicon.non_names:
            # "in March" is a month, not the English town of that name, even after a locative.
            return False
        common = j - i == 1 and is_common_word(key) and town.population < BIG_CITY_POPULATION
        if common and not (i > 0 and self.tokens[i - 1].folded in LOCATIVES):
            return False
        if i == self.first_word and common:
            return False
        self._emit(i, j, "place", "city", canonical=town.name, country=town.country)
        return True

    # --- capitalised phrases ---------------------------------------------------------------

    def _chunk_end(self, i: int) -> int:
        """End of the capitalised phrase starting at token i (connectors allowed inside)."""
        j = i + 1
        while j < len(self.tokens):
            token = self.tokens[j]
            if token.is_capitalised and not self.tokens[j - 1].text.startswith("-"):
                j += 1
                continue
            if token.folded in CONNECTORS and j + 1 < len(self.tokens) and self.tokens[j + 1].is_capitalised:
                j += 2
                continue
            if (
                (token.folded in ("of", "for") or self._mission_in(j))
                and j + 2 < len(self.tokens)
                and self.tokens[j + 1].text == "the"
                and self.tokens[j + 2].is_capitalised
            ):
                j += 3
                continue
            if self._joins_across(i, j):
                j += 2
                continue
            break
        return j

    def _mission_in(self, j: int) -> bool:
        """ "Mission in": "African Union Transition Mission in Somalia" is one name."""
        return self.tokens[j].folded == "in" and self.tokens[j - 1].folded in ("mission", "missions")

    def _joins_across(self, i: int, j: int) -> bool:
        """Token j (an apostrophe or "in") sits inside a name: "St Sebastian's Church",
        "Kurdistan Workers' Party", "UN Mission in Mali"."""
        if j + 1 >= len(self.tokens) or not self.tokens[j + 1].is_capitalised:
            return False
        token, following = self.tokens[j], self.tokens[j + 1]
        if self._mission_in(j):
            return True
        if token.text in ("'", "’"):
            return self.tokens[j - 1].text.endswith("s") and token.start == self.tokens[j - 1].end
        if token.text not in ("'s", "’s"):
            return False
        head = following.folded in self.lexicon.site_types or following.folded in self.lexicon.org_heads
        owner = self._folded(i, j)
        known = (
            owner in self.lexicon.countries
            or owner in self.lexicon.towns
            or owner in self.lexicon.demonyms
            or owner in self.lexicon.actors
        )
        return head and not known

    def read(self) -> list[_Found]:
        i = 0
        while i < len(self.tokens):
            token = self.tokens[i]
            if not token.is_word:
                i += 1
                continue
            if not token.is_capitalised or (
                self.body_words and self._opens_sentence(i) and self._bare_body_width(i)
            ):
                i = self._lowercase_body(i) if self.body_words else i + 1
                continue
            end = self._chunk_end(i)
            i = self._strip_opening(i, end)
            if i >= end:
                continue
            site = self._site_named_like_town(i, end)
            if site is not None:
                self._emit(i, site[0], "place", "site", subkind=site[1])
                i = site[0]
                continue
            named = self._named_by_context(i, end)
            if named == "person":
                self._person(i, end)
                i = end
                continue
            if named:
                self._emit(i, end, "actor", named)
                i = end
                continue
            headed = self._headed(i, end)
            if not headed:
                curated_end = self._curated_at(i)
                if curated_end is not None:
                    self._after_curated(i, curated_end)
                    i = max(curated_end, self.consumed)
                    continue
            self._phrase(i, end, headed=headed, curated_tried=not headed)
            i = max(end, self.consumed)
        return self.found

    def _site_named_like_town(self, i: int, end: int) -> tuple[int, str] | None:
        """ "the Mongu restaurant in Loranni": a town's name before a site noun, when the site is
        then placed in another town, is the site's own name; returns the end token and subkind."""
        if i == 0 or self.tokens[i - 1].folded != "the":
            return None
        key = self._folded(i, end)
        if key not in self.lexicon.towns:
            return None
        site = self._site_head_after(end)
        if site is None or site[0] + 1 >= len(self.tokens):
            return None
        preposition, place = self.tokens[site[0]], self.tokens[site[0] + 1]
        if preposition.folded not in ("in", "near", "outside") or not place.is_capitalised:
            return None
        lexicon = self.lexicon
        if place.folded == key or any(
            place.folded in names for names in (lexicon.countries, lexicon.regions, lexicon.demonyms)
        ):
            return None
        return site

    def _named_by_context(self, i: int, end: int) -> str | None:
        """Kind of a whole capitalised phrase that its context shows to be one name, even when it
        opens with a place: a company in apposition ("a Norwegian firm, Kabul Hotel Security,")
        or a name followed by its acronym ("Kurdistan Freedom Falcons (TAK)")."""
        key = self._folded(i, end)
        if key in self.lexicon.actors or key in self.lexicon.countries:
            return None
        before, after = self.text[: self.tokens[i].start], self.text[self.tokens[end - 1].end :]
        if (
            (_ends_with(before, ",") and COMPANY_BEFORE.search(before))
            or (may_end_with(before, *COMPANY_TAILS) and COMPANY_RIGHT_BEFORE.search(before[-80:]))
            or COMPANY_AFTER.match(after)
        ):
            return "company"
        if GROUP_AFTER.match(after) and not self._known_whole(i, end):
            return "armed_group"
        if self._after_lowercase_title(i, end) or self._person_by_shape(i, end, before, after):
            return "person"
        acronym = ACRONYM_AFTER.match(after)
        if end - i < 2 or not acronym or self._curated_reach(i) >= end:
            return None
        curated = self.lexicon.actors.get(cached_fold(acronym.group(1)).removeprefix("the "))
        if curated:
            return curated.kind
        words = self._folded(i, end).split()
        head = self.lexicon.org_heads.get(" ".join(words[-2:])) or self.lexicon.org_heads.get(words[-1])
        if head or self._curated_reach(i) > i:
            return head or self.lexicon.actors[self._folded(i, self._curated_reach(i))].kind
        return "organisation"

    def _after_lowercase_title(self, i: int, end: int) -> bool:
        """ "spokesman Salvador Panelo": two to four name words right after a lower-case title are a
        person, even when the first is also a town ("Salvador")."""
        if not 2 <= end - i <= 4 or i == 0 or not self._lower_word(i - 1) or self._title_run(i, end):
            return False
        if self.tokens[i - 1].folded not in self.lexicon.titles:
            return False
        return not any(
            token.is_acronym
            or token.folded in self.lexicon.org_heads
            or token.folded in self.lexicon.site_types
            or token.folded in self.lexicon.countries
            for token in self.tokens[i:end]
        )

    def _person_by_shape(self, i: int, end: int, before: str, after: str) -> bool:
        """Two or three name words that are a person although the first is also a town or a site
        noun: a town's name before a word no list or dictionary knows ("Kota Arihelture said"), or
        name words in apposition to a role ("the mayor of Tazodje, Danta Pesollo, said")."""
        if not 2 <= end - i <= 3:
            return False
        lexicon = self.lexicon
        apposition = _ends_with(before, ",") and after.startswith(",")
        if not apposition and self.tokens[i].folded not in lexicon.towns:
            return False
        tokens = self.tokens[i:end]
        for token in tokens:
            key = token.folded
            if (
                not token.is_word
                or token.is_acronym
                or not token.text[0].isupper()
                or key in lexicon.titles
                or key in lexicon.org_heads
                or key in lexicon.media_heads
                or key in lexicon.countries
                or key in lexicon.demonyms
                or key in lexicon.regions
                or key in lexicon.actors
                or key in lexicon.non_names
                or key in lexicon.not_person
            ):
                return False
        if self._known_whole(i, end):
            return False
        if apposition and self._role_before(before):
            return True
        return (
            tokens[0].folded in lexicon.towns
            and tokens[0].folded not in lexicon.site_types
            and not (i > 0 and self.tokens[i - 1].folded in LOCATIVES)
            and not any(
                t.folded in lexicon.towns or t.folded in lexicon.site_types or is_common_word(t.folded)
                for t in tokens[1:]
            )
        )

    def _role_before(self, before: str) -> bool:
        """ "the governor of the Save region, ": a role with a title word, then a comma."""
        match = APPOSITION_BEFORE.search(before) if may_end_with(before, ",") else None
        return bool(match) and any(
            word in self.lexicon.titles for word in cached_fold(match.group(1)).split()
        )

    def _curated_reach(self, i: int) -> int:
        """End token of the longest curated actor name starting at token i, or i when none."""
        limit = self._name_reach(i, min(len(self.tokens), i + self.lexicon.max_actor_words))
        for j in range(limit, i, -1):
            if self._folded(i, j) in self.lexicon.actors:
                return j
        return i

    def _strip_opening(self, i: int, end: int) -> int:
        """Skip words capitalised only because they open the sentence ("The", "Thousands of")."""
        if not self._opens_sentence(i):
            return i
        while i < end:
            key = self.tokens[i].folded
            head = (
                key in self.lexicon.org_heads or key in self.lexicon.site_types or key in self.lexicon.titles
            )
            known = (
                key in self.lexicon.countries or key in self.lexicon.demonyms or key in self.lexicon.actors
            )
            plain = not head and not known and i + 1 < end
            if key in LEADING_FUNCTION_WORDS or (
                plain
                and is_common_word(key)
                and self.tokens[i + 1].folded in CONNECTORS
                or plain
                and word_frequency(key) >= OPENING_WORD_ZIPF
                and (self._known_whole(i + 1, end) or key.endswith("ing"))
            ):
                i += 1
                while i < end and self.tokens[i].folded in CONNECTORS:
                    i += 1
                continue
            break
        return i

    def _known_whole(self, i: int, end: int) -> bool:
        """Tokens i..end-1 are one curated actor, country, demonym or town ("Neighbouring Afghanistan")."""
        key = self._folded(i, end)
        known_place = (
            key in self.lexicon.countries or key in self.lexicon.demonyms or key in self.lexicon.towns
        )
        return known_place or key in self.lexicon.actors

    def _opens_sentence(self, i: int) -> bool:
        return i == self.first_word or (i > 0 and self.tokens[i - 1].text in "\"“‘'(")

    def _headed(self, i: int, end: int) -> bool:
        """A phrase of two or more words ending in an organisation or site noun ("Kenya Red Cross",
        "Garissa University College", "Riverside Drive") is one name, whatever its first word is."""
        if end - i < 2:
            return False
        words = self._folded(i, end).split()
        if self.lexicon.actors.get(" ".join(words)) or self.lexicon.countries.get(" ".join(words)):
            return False
        tail = (" ".join(words[-2:]), words[-1])
        return any(w in self.lexicon.org_heads or w in self.lexicon.site_types for w in tail)

    def _after_curated(self, i: int, end: int) -> None:
        """A country followed by an institution is that country's institution ("Mali's army")."""
        last = self.found[-1]
        if last.category == "place" and last.kind == "country":
            self._national_body_after(end, i, last.country)

    def _bare_body_width(self, i: int) -> int:
        """Width of a bare ministry or state broadcaster at token i ("interior ministry"), or 0."""
        for width in (3, 2):
            if i + width <= len(self.tokens) and all(t.is_word for t in self.tokens[i : i + width]):
                key = self._folded(i, i + width)
                if (
                    key in self.lexicon.national_bodies
                    and ("ministry" in key or "television" in key or "radio" in key)
                    and all(not t.text[0].isupper() for t in self.tokens[i + 1 : i + width])
                ):
                    return width
        return 0

    def _lowercase_body(self, i: int) -> int:
        """Bare national bodies: "the interior ministry", "Interior ministry spokesman ..."; they
        stand for the article's country, filled in by the article-wide pass."""
        if (i > 0 and self.tokens[i - 1].folded == "the") or self._opens_sentence(i):
            width = self._bare_body_width(i)
            if width:
                body = self.lexicon.national_bodies[self._folded(i, i + width)]
                self._emit(i, i + width, "actor", body[0], national_body=body[1])
                return i + width
        return i + 1

    def _national_body_after(self, end: int, start: int, country: str | None) -> bool:
        """``Malian forces`` / ``Mali's interior ministry``: an institution of a country."""
        j = end
        possessive = j < len(self.tokens) and self.tokens[j].text in ("'s", "’s")
        if possessive:
            j += 1
        for width in (3, 2, 1):
            if j + width > len(self.tokens):
                continue
            words = self.tokens[j : j + width]
            if not all(t.is_word for t in words):
                continue
            key = self._folded(j, j + width)
            body = self.lexicon.national_bodies.get(key)
            if body is None:
                continue
            if all(t.is_capitalised for t in words) and key not in (
                "special forces",
                "armed forces",
                "red cross",
                "army",
                "police",
            ):
                continue
            following = self.tokens[j + width] if j + width < len(self.tokens) else None
            if following is not None and following.folded in self.lexicon.modified_nouns:
                return False
            country_record = self.lexicon.countries_by_code.get(country or "")
            demonym = country_record.demonym if country_record else ""
            canonical = f"{demonym} {body[1]}".strip()
            if possessive:
                # "Ghana's government": the country stays a place; the institution starts after "'s".
                self._emit(j, j + width, "actor", body[0], canonical=canonical, country=country)
                return True
            self.found.pop()
            self._emit(start, j + width, "actor", body[0], canonical=canonical, country=country)
            return True
        return False

    def _phrase(self, i: int, end: int, headed: bool | None = None, curated_tried: bool = False) -> None:
        """Type the capitalised phrase i..end-1; ``headed`` and ``curated_tried`` pass on what the
        caller has already found out (whether it is headed; that no curated name starts it)."""
        tokens = self.tokens
        if self._headed(i, end) if headed is None else headed:
            self._headed_phrase(i, end)
            return
        curated_end = None if curated_tried else self._curated_at(i)
        if curated_end is not None:
            if curated_end < end:
                self._phrase(curated_end, end)
            return
        # Compass word + country: "Northern Mali" is Mali.
        if tokens[i].folded in COMPASS and end - i >= 2:
            country = self.lexicon.countries.get(self._folded(i + 1, end))
            if country:
                self._emit(i, end, "place", "country", canonical=country.name, country=country.code)
                return
        demonym_end = self._demonym_at(i, end)
        if demonym_end is not None:
            return
        title = self._title_run(i, end)
        if title is not None and title[1] < end:
            title_start, title_end = title
            # "Inspector General of Police Joseph Boinnet": the "of ..." belongs to the title.
            if end - title_end > 3 and self.tokens[title_end].folded in ("of", "for"):
                title_end += 2
            if title_start - i >= 2 and self._headed(i, title_start) and not self._plain(i, title_start):
                # "Greater Manchester Police Chief Constable Ian Hopkins": the body is named too.
                self._headed_phrase(i, title_start)
            self._person(title_end, end, role=self._span_text(i, title_end))
            return
        self._typed_phrase(i, end)

    def _headed_phrase(self, i: int, end: int) -> None:
        """A headed name that may open with a country, town or demonym: "Kenya Defence Forces"."""
        for width in (2, 1):
            code = self.lexicon.demonyms.get(self._folded(i, i + width)) if i + width < end else None
            if code and self._folded(i + width, end) in self.lexicon.national_bodies:
                self._demonym_phrase(i, i + width, end, self.lexicon.countries_by_code[code])
                return
        country = None
        national = False
        """Whether the name opens with a country or demonym, not only a town."""
        for width in (2, 1):
            if i + width < end:
                key = self._folded(i, i + width)
                place = self.lexicon.countries.get(key)
                town = self.lexicon.towns.get(key)
                code = self.lexicon.demonyms.get(key)
                national = bool(place or code)
                country = (place.code if place else None) or code or (town.country if town else None)
                if country:
                    break
        before = len(self.found)
        self._typed_phrase(i, end, headed=True)
        if len(self.found) > before:
            found = self.found[-1]
            if (
                not national
                and found.kind == "armed_force"
                and self.tokens[end - 1].folded in self.lexicon.non_state_heads
            ):
                # "Free Syrian Army", "Gusabel Legion": a force of no named country is an armed group.
                found = self.found[-1] = found._replace(kind="armed_group")
            if country and found.country is None:
                self.found[-1] = found._replace(country=country)

    def _demonym_at(self, i: int, end: int) -> int | None:
        """A demonym opening the phrase: forces, institutions, titled people or a nationality."""
        for width in (2, 1):
            if i + width > end:
                continue
            key = self._folded(i, i + width)
            code = self.lexicon.demonyms.get(key)
            if code is None or key in self.lexicon.countries:
                continue
            if (
                width == 1
                and key in ("us", "uk")
                and i + 1 < len(self.tokens)
                and not self.tokens[i + 1].is_word
            ):
                continue
            country = self.lexicon.countries_by_code[code]
            rest = i + width
            if rest < end:
                self._demonym_phrase(i, rest, end, country)
                return end
            self._emit(
                i, rest, "place", "country", canonical=country.name, country=code, subkind="nationality"
            )
            self._national_body_after(rest, i, code)
            return rest
        return None

    def _demonym_phrase(self, i: int, rest: int, end: int, country: Country) -> None:
        """``Malian Special Forces``, ``Kenyan Red Cross``, ``French President Francois Hollande``."""
        key = self._folded(rest, end)
        body = self.lexicon.national_bodies.get(key)
        if body:
            self._emit(
                i, end, "actor", body[0], canonical=f"{country.demonym} {body[1]}", country=country.code
            )
            return
        title_end = self._title_end(rest, end)
        if title_end is not None and title_end < end:
            self._person(title_end, end, role=self._span_text(i, title_end), country=country.code)
            return
        before = len(self.found)
        curated_end = self._curated_at(rest)  # "the Chinese Xinhua news agency" is the agency, not a town
        if curated_end is not None:
            if curated_end < end:
                self._phrase(curated_end, end)
            return
        self._typed_phrase(rest, end)
        if len(self.found) > before:
            found = self.found[-1]
            if found.category == "actor" and found.kind != "person":
                self.found[-1] = found._replace(start=self.tokens[i].start, country=country.code)
            elif found.category == "actor" and found.kind == "person":
                self.found[-1] = found._replace(role=self._span_text(i, rest), country=country.code)

    def _plain(self, i: int, end: int) -> bool:
        """Only qualifiers, head nouns and common words ("Interior Cabinet"): no name of its own, unlike
        "Greater Manchester Police"."""
        lexicon = self.lexicon
        return all(
            key in lexicon.title_qualifiers
            or key in lexicon.org_heads
            or (is_common_word(key) and key not in lexicon.towns and key not in lexicon.countries)
            for key in (t.folded for t in self.tokens[i:end])
        )

    def _title_end(self, i: int, end: int) -> int | None:
        """End token of the title run in the phrase ("Security Minister", "Chief Cabinet Secretary")."""
        run = self._title_run(i, end)
        return run[1] if run else None

    def _title_run(self, i: int, end: int) -> tuple[int, int] | None:
        """First and end token of the title run in the phrase.

        The run starts at the first title word and goes on over title words, qualifiers and
        common words ("Chief Cabinet Secretary") while another title word follows; a title-like
        word inside the name itself ("President Hassan Sheikh Mohamud") stays in the name."""
        first = next((j for j in range(i, end) if self._title_width(j, end)), None)
        if first is None:
            return None
        last = j = first + self._title_width(first, end)
        while j < end:
            width = self._title_width(j, end)
            if width:
                j = last = j + width
                continue
            key = self.tokens[j].folded
            if key in self.lexicon.title_qualifiers or (is_common_word(key) and j - last < 2):
                j += 1
                continue
            break
        return first, last

    def _title_width(self, j: int, end: int) -> int:
        for width in (2, 1):
            if j + width <= end and self._folded(j, j + width) in self.lexicon.titles:
                return width
        return 0

    def _person(self, i: int, end: int, role: str | None = None, country: str | None = None) -> None:
        if role is None:
            role = self._role_around(i, end)
        self._emit(i, end, "actor", "person", role=role, country=country)

    def _role_around(self, i: int, end: int) -> str | None:
        """A role in apposition ("the hotel's head of security, Seydou Dembele") or lower-case title."""
        before = self.text[: self.tokens[i].start]
        after = self.text[self.tokens[end - 1].end :]
        apposition = APPOSITION_BEFORE.search(before) if may_end_with(before, ",") else None
        for match, text in ((apposition, None), (APPOSITION_AFTER.match(after), None)):
            del text
            if match and any(word in self.lexicon.titles for word in cached_fold(match.group(1)).split()):
                return match.group(1)
        words = []
        k = i - 1
        while k >= 0 and self.tokens[k].is_word and len(words) < 3:
            if self.tokens[k].folded in DETERMINERS or self.tokens[k].folded in LEADING_FUNCTION_WORDS:
                break
            words.insert(0, self.tokens[k])
            k -= 1
        while words and words[-1].folded not in self.lexicon.titles:
            return None
        if words:
            return self.text[words[0].start : words[-1].end]
        return None

    def _site_head_after(self, end: int) -> tuple[int, str] | None:
        """Lower-case site noun right after a name: "Radisson Blu hotel", "In Amenas gas plant"."""
        for width in (2, 1):
            if end + width > len(self.tokens):
                continue
            words = self.tokens[end : end + width]
            if not all(t.is_word and t.text[0].islower() for t in words):
                continue
            subkind = self.lexicon.site_types.get(self._folded(end, end + width))
            if subkind:
                return end + width, subkind
        return None

    def _head_after(self, end: int, heads: frozenset[str] | dict[str, str]) -> int | None:
        for width in (2, 1):
            if end + width > len(self.tokens):
                continue
            words = self.tokens[end : end + width]
            if (
                all(t.is_word and t.text[0].islower() for t in words)
                and self._folded(end, end + width) in heads
            ):
                return end + width
        return None

    def _typed_phrase(self, i: int, end: int, headed: bool = False) -> None:
        """Type a capitalised phrase that no list knows, from its head nouns and its context."""
        key = self._folded(i, end)
        words = key.split()
        if not words or key in self.lexicon.non_names or all(_is_number_word(w) for w in words):
            return
        if len(words) > 1 and words[-1] in self.lexicon.non_name_tails:
            return
        if not headed and self._place_at(i, end, key):
            return
        place_kind = None if headed else self._place_noun_kind(i, end)
        if place_kind:
            self._emit(i, end, "place", place_kind)
            return
        site = self._site_head_after(end)
        media_end = self._head_after(end, self.lexicon.media_heads)
        initial = self._opens_sentence(i)
        plain = all(
            w in self.lexicon.non_names or w in self.lexicon.demonyms or is_common_word(w) for w in words
        )
        if site and not plain and (not initial or end - i > 1):
            self._emit(i, site[0], "place", "site", subkind=site[1])
            return
        if media_end and not (initial and plain):
            self._emit(i, media_end, "actor", "media")
            return
        before = self.text[: self.tokens[i].start]
        if may_end_with(before, *MEDIA_TAILS) and MEDIA_BEFORE.search(before) and not plain:
            self._emit(i, end, "actor", "media")
            return
        # Head noun first ("Hotel Yibi", "Ministry of Defence") or last ("Rezidor Group", "Bardo Museum").
        first_site = self.lexicon.site_types.get(words[0])
        last_site = self.lexicon.site_types.get(words[-1]) or (
            len(words) > 1 and self.lexicon.site_types.get(" ".join(words[-2:]))
        )
        last_org = self.lexicon.org_heads.get(" ".join(words[-2:])) if len(words) > 1 else None
        last_org = last_org or self.lexicon.org_heads.get(words[-1])
        first_org = (
            self.lexicon.org_heads.get(words[0]) if len(words) > 2 and words[1] in ("of", "for") else None
        )
        if len(words) > 1 and last_site and not last_org:
            self._emit(i, end, "place", "site", subkind=last_site)
            return
        if len(words) > 1 and first_site and not (words[1] == "of" and first_site in ("port", "station")):
            self._emit(i, end, "place", "site", subkind=first_site)
            return
        if len(words) > 1 and (last_org or first_org):
            kind = last_org or first_org
            if kind == "international_org" and words[0] not in (
                "un",
                "united",
                "u n",
                "african",
                "au",
                "eu",
                "european",
            ):
                kind = "organisation"
            self._emit(i, end, "actor", kind)
            return
        if self._told_before(i):
            self._emit(i, end, "actor", "media")
            return
        if len(words) == 1:
            self._single_word(i, initial)
            return
        self._multiword(i, end, initial)

    def _place_noun_kind(self, i: int, end: int) -> str | None:
        """ "the town of Marsolo", "Sulu province", "a region, Bangsamoro,", "neighbouring Ostrelia":
        a name that a place noun around it shows to be a town or region."""
        before, after = self.text[: self.tokens[i].start], self.text[self.tokens[end - 1].end :]
        if REGION_AFTER.match(after):
            return "region"
        if _ends_with(before, ",", "of"):
            city = CITY_BEFORE.search(before)
            if city and not _names_its_noun(before, city):
                return "city"
        if _ends_with(before, ",", "of", "the"):
            region = REGION_BEFORE.search(before)
            if region and not _names_its_noun(before, region):
                return "region"
        if _ends_with(before, "of"):
            office = OFFICE_BEFORE.search(before[-40:])
            if office:
                words = cached_fold(office.group(1))
                offices = self.lexicon.place_offices
                kind = offices.get(words) or offices.get(words.rpartition(" ")[2])
                if kind:
                    return kind
        if may_end_with(before, "ing") and NEIGHBOUR_BEFORE.search(before):
            return "country"
        return None

    def _told_before(self, i: int) -> bool:
        before = self.text[: self.tokens[i].start]
        return may_end_with(before, *TOLD_TAILS) and bool(TOLD.search(before))

    def _single_word(self, i: int, initial: bool) -> None:
        token = self.tokens[i]
        key = token.folded
        if key in self.lexicon.non_names or key in self.lexicon.titles or key in self.lexicon.org_heads:
            return
        if _is_number_word(key) or (key.endswith("ism") and not token.is_acronym):
            return
        if token.is_acronym:
            if not initial or len(key) > 1:
                self._emit(i, i + 1, "actor", "organisation", single_unknown=True, initial=initial)
            return
        common = is_common_word(key)
        locative = i > 0 and self.tokens[i - 1].folded in ("in", "near", "outside", "at")
        apposition = SITE_APPOSITION.match(self.text[token.end :])
        head = cached_fold(apposition.group(1)) if apposition else None
        if head in self.lexicon.site_types and not common:
            self._emit(i, i + 1, "place", "site", subkind=self.lexicon.site_types[head])
            return
        speaker = bool(SPEECH_VERBS.match(self.text[token.end :])) and not common
        place = locative and not common
        self._emit(
            i,
            i + 1,
            "place" if place else "actor",
            "city" if place else "person" if speaker else "organisation",
            single_unknown=True,
            initial=(initial or common) and not speaker,
        )

    def _multiword(self, i: int, end: int, initial: bool) -> None:
        """Two to five capitalised words that are nothing else: a person's name when they look like one."""
        tokens = self.tokens[i:end]
        words = [t.folded for t in tokens]
        name_like = all(t.text[0].isupper() and not t.is_acronym for t in tokens) and len(tokens) <= 5
        if i > 0 and self.tokens[i - 1].folded == "the":
            # "claimed by the Zoguture Partisans": no person is named with "the" before the name.
            name_like = False
        listed = any(w in self.lexicon.not_person or w in self.lexicon.non_names for w in words)
        person_like = name_like and not listed and not all(is_common_word(w) for w in words)
        locative = i > 0 and self.tokens[i - 1].folded in ("in", "near", "outside") and not initial
        possessive = end < len(self.tokens) and self.tokens[end].text in ("'s", "’s")
        if locative and not (person_like and possessive):
            # "a hotel in Ras Lanuf": a name after a locative is a place even when it looks like a
            # person's ("in Mohamed Ali's home town" aside); a town when it does, a region
            # otherwise ("in Northern Tarvia").
            self._emit(i, end, "place", "city" if person_like else "region")
            return
        if person_like:
            self._person(i, end)
            return
        if not all(is_common_word(w) for w in words if w not in CONNECTORS):
            self._emit(i, end, "actor", "organisation")


def _ends_with(before: str, *endings: str) -> bool:
    """``before``, trailing spaces aside, ends with one of the lower-case ``endings`` in any case.

    The context patterns anchored at the end (``COMPANY_BEFORE`` ...) can only match then; this
    test is cheap, while searching them tries every position of the text before a name."""
    return before.rstrip()[-3:].lower().endswith(endings)


def _tails(*words: str) -> tuple[str, ...]:
    """The last three letters of each word, for ``names.may_end_with``."""
    return tuple(sorted({word[-3:] for word in words}))


COMPANY_TAILS = _tails(*COMPANY_NOUN_WORDS)
MEDIA_TAILS = _tails("broadcaster", "television", "channel", "newspaper", "daily", "agency", "radio")
MEDIA_TAILS += _tails("website", "outlet", "weekly", "tabloid", "magazine")
TOLD_TAILS = _tails("told", "to", "by", "with", "the")


def _names_its_noun(before: str, match: re.Match[str]) -> bool:
    """ "the Loranzi region, Djetaka Tane,": a place noun that a name already precedes is named,
    so the phrase after its comma is an apposition (here the governor's name), not the place."""
    if not match.group(0).rstrip().endswith(","):
        return False
    words = before[: match.start()].split()
    return bool(words) and words[-1][:1].isupper() and not words[-1].endswith(("'s", "’s"))


def _is_number_word(word: str) -> bool:
    """ "seventy-nine", "thirty" ... number words that open sentences, not names."""
    return all(part in NUMBER_WORDS for part in word.replace("-", " ").split())


def _acronym_links(found: list[_Found]) -> dict[str, str]:
    """``Long Name (ABC)`` anywhere in the article: folded ABC -> long name (or its canonical)."""
    links: dict[str, str] = {}
    for index, item in enumerate(found[:-1]):
        following = found[index + 1]
        if following.sentence.index != item.sentence.index:
            continue
        between = item.sentence.text[item.end : following.start]
        closing = item.sentence.text[following.end : following.end + 1]
        if between.strip() == "(" and closing == ")" and following.surface.replace(".", "").isupper():
            links[cached_fold(following.surface)] = item.canonical or item.surface
    return links


def _main_country(found: list[_Found], article: Article, lexicon: Lexicon) -> str | None:
    """The country the article is about: the most named one (the dateline's counts twice)."""
    counts: Counter[str] = Counter(
        item.country for item in found if item.category == "place" and item.country
    )
    if article.dateline:
        town = lexicon.towns.get(cached_fold(article.dateline.split(",")[0]))
        if town:
            counts[town.country] += 2
    if not counts:
        return None
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[0][0]


def _short_forms(found: list[_Found], lexicon: Lexicon) -> dict[str, _Found]:
    """Single words that stand for a longer name in the same article: a person's surname or given
    name, the distinctive word of a site or company ("Splendid" for "Splendid Hotel")."""
    forms: dict[str, _Found] = {}
    for item in found:
        words = item.surface.split()
        if len(words) < 2 or item.category == "place" and item.kind in ("country", "city"):
            continue
        if item.kind == "person":
            candidates = [words[-1], words[0]] if len(words) > 1 else []
            if len(words) > 2:
                candidates.append(" ".join(words[-2:]))
        else:
            candidates = [
                w
                for w in words
                if cached_fold(w) not in lexicon.site_types
                and cached_fold(w) not in lexicon.org_heads
                and cached_fold(w) not in CONNECTORS
            ]
        for candidate in candidates:
            forms.setdefault(cached_fold(candidate), item)
    return forms


def _finish(found: list[_Found], article: Article, lexicon: Lexicon) -> list[Mention]:
    """The article-wide pass: surnames, short forms, acronyms, UN mission descriptions."""
    acronyms = _acronym_links(found)
    short = _short_forms(found, lexicon)
    country = _main_country(found, article, lexicon)
    demonym = lexicon.countries_by_code[country].demonym if country in lexicon.countries_by_code else None
    missions = sorted(
        {
            item.canonical
            for item in found
            if item.canonical and item.canonical in lexicon.missions_by_country.values()
        }
    )
    dateline = cached_fold(article.dateline.split(",")[0]) if article.dateline else None
    mentions = []
    for item in found:
        key = cached_fold(item.surface).removeprefix("the ")
        if item.single_unknown and item.category == "actor" and key == dateline:
            # The town of the dateline ("Belgu (AFP) -") is a place wherever the article names it.
            item = item._replace(category="place", kind="city", single_unknown=False, initial=False)
        full = short.get(key)
        if item.category == "place" and " " not in key and full is not None and full.kind == "person":
            # "Hopkins said ..." after "Ian Hopkins": the surname, not the town of that name.
            item = item._replace(single_unknown=True)
        if item.single_unknown:
            full = short.get(key)
            if full is not None and full is not item:
                item = item._replace(
                    category=full.category,
                    kind=full.kind,
                    canonical=full.canonical or full.surface,
                    country=full.country,
                    subkind=full.subkind,
                    role=None,
                )
            elif key in acronyms:
                item = item._replace(canonical=acronyms[key])
            elif item.initial:
                continue
        elif item.kind != "person" and key in acronyms:
            item = item._replace(canonical=acronyms[key])
        elif (
            item.kind == "person"
            and item.canonical is None
            and full is not None
            and full.kind == "person"
            and len(full.surface.split()) > len(item.surface.split())
        ):
            # "Van Leeuw" after "Frederic Van Leeuw": the same person, named shorter.
            item = item._replace(canonical=full.canonical or full.surface)
        if item.descriptor:
            mission = missions[0] if len(missions) == 1 else lexicon.missions_by_country.get(country or "")
            item = item._replace(canonical=mission)
        if item.national_body:
            canonical = f"{demonym} {item.national_body}" if demonym else None
            item = item._replace(canonical=canonical, country=country)
        mentions.append(
            Mention(
                surface=item.surface,
                category=item.category,
                kind=item.kind,
                span=Span(article.id, item.sentence.index, item.start, item.end, item.sentence.text),
                canonical=item.canonical,
                role=item.role,
                country=item.country,
                subkind=item.subkind,
            )
        )
    # The long names an acronym stands for carry the acronym's canonical too.
    return mentions


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _read_text(text: str, lexicon: Lexicon) -> tuple[_Found, ...]:
    """The mentions of one sentence's text, tied to a stand-in sentence. Remembered: articles that
    relay the same wire copy repeat whole sentences, and the reading depends on the text alone."""
    return tuple(_SentenceReader(Sentence(0, 0, 0, len(text), text), lexicon).read())


_new_found = tuple.__new__
"""Rebinds a remembered :class:`_Found` to a sentence without the named tuple's slower ``_replace``."""


def find_mentions(article: Article, lexicon: Lexicon) -> tuple[Mention, ...]:
    """Every actor and place named in the article's sentences, sorted by (sentence, start)."""
    found: list[_Found] = []
    for sentence in article.sentences:
        found.extend(_new_found(_Found, (sentence, *item[1:])) for item in _read_text(sentence.text, lexicon))
    found.sort(key=lambda item: (item.sentence.index, item.start, item.end))
    mentions = _finish(found, article, lexicon)
    return tuple(sorted(mentions, key=lambda m: (m.span.sentence, m.span.start, m.span.end)))
