"""Casualty claims: a figure, what happened to those it counts, who they are and who said so.

A figure from :mod:`numbers` becomes a claim when the words around it say a kind (``data/claims.yml``):
a casualty word after its subject ("17 people were killed", "five dead"), a verb before it
("killing at least 38", "seizing more than 100 guests", "the death of five people"), a toll list
("The dead included ..."), or an attacker noun with no casualty word ("as many as 10 gunmen").
Everything else (distances, clock times, years, troop numbers) is no claim. Each claim points to the
event cue it belongs to: an earlier event the sentence recalls, else the article's story.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from build_dossier.extract.names import SENTENCE_CACHE_SIZE, cached_fold, may_end_with
from build_dossier.extract.numbers import Figure, find_figures
from build_dossier.lexicon import Lexicon
from build_dossier.model import Article, Claim, EventCue, Mention, Sentence, Span

CLAIMS_FILE = Path(__file__).resolve().parent.parent / "data" / "claims.yml"
SUBJECT_WORDS = 4
"""Longest subject read after a figure ("private security guards", "Malian soldiers")."""
LINK_WORDS = 6
"""Most linking words between a subject and its casualty word ("had been", "were later")."""
WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
QUOTES = "\"“”‘’'"
CLAUSE_END = re.compile(r"[;:()]|,\s|\s(?:while|although|but|whereas)\s")
PARTITIVE = re.compile(r"^\s*of\s+(?:the|them|whom|those|its|their|his|her|these)\b\s*", re.I)
SIDE = re.compile(r"^[^.;()]{0,30}?\bon\s+the\s+(?P<side>[\w\s-]+?)\s+side\b", re.I)
"""A toll by side: '"five dead, two injured" on the Malian army side'."""
TIME_TAIL = re.compile(
    r"(?:\s+(?:on\s+)?(?:early\s+|late\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|earlier|later|morning|afternoon|evening|night|also|had|has|have|was|were|is))+$",
    re.I,
)
DEFAULT_SUBJECT = "people"
QUOTE_MARK = r"(?:[\"“”]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z]))"
"""A quotation mark, not the apostrophe of "hotel's"."""
OF_PHRASE = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:forces|army|police|staff|crew|team|military|security\s+forces)\b"
)
"""A subject's complement naming a body: "six members of the security forces"."""
RELATIVE = re.compile(r"^\s+(?:who|which|that)\s+(?:[^,;:()]*?\s)??(?=(?:had|have|has|were|was|are)\b)", re.I)
"""A relative clause between subject and verb: "the four gunmen who stormed ... had all been killed"."""
QUOTED_APPOSITION = re.compile(
    r"^,\s*(?:[\"“][^\"”]*[\"”]|[^,;:()]{1,50})\s*,(?=\s+(?:had|have|has|were|was|are|is)\b)"
)
"""An apposition between subject and verb: 'Three jihadists, "an Arab and ...", were killed'."""
HEAD_NOUNS = frozenset({"people", "persons"})
"""Nouns that always end a subject: "two people" is never followed by more of the subject."""
ANAPHORA = re.compile(
    r"\b(?:that|the\s+earlier|the\s+previous|the\s+same)\s+(?:attack|siege|assault|bombing|raid|massacre|shooting)\b",
    re.I,
)
"""A sentence that refers back to an earlier event named before it ("The dead in that attack ...")."""
COORDINATION = re.compile(r"^\s*(?:,|and|or|,\s*and|as\s+well\s+as|and\s+of\s+[a-z]+\s+at)\s*$", re.I)
SOURCE_BREAK = re.compile(rf"[,;:(]|{QUOTE_MARK}")
DETERMINER_OPENS = re.compile(r"(?:the|a|an)\s", re.I)
COMMA_END = re.compile(r",\s*$")
SOURCE_AFTER_OPENS = re.compile(r"\s+(?:(?:a|an|the|one|another)\b|[A-Z])")
SOURCE_AFTER = re.compile(r"\s+(?P<source>[^,.;:()]+)")
OBJECT_AFTER = re.compile(r"\s+(?:\d|the\b|a\b|an\b|at least|more than|some\b|about\b)", re.I)
"""A casualty word followed by its object ("killed 20", "killed the ...") is a verb, not a kind."""
UNIT_BEFORE = re.compile(r"(?:\d[:.]|[/$£€])$")
UNIT_BEFORE_ENDINGS = frozenset(":./$£€")
"""The characters ``UNIT_BEFORE`` can end with: a cheap test before searching the whole text."""
FOUR_DIGITS = re.compile(r"\b\d{4}\b")
CLOCK_DIGITS = re.compile(r"\b0\d{3}\b")
ATTACKER_PARTITIVE = re.compile(r"\b(?:one|two|three|each|both|some|none|all|many)\s+of\s+(?:the\s+)?$", re.I)


def _phrases(words: list[str]) -> str:
    ordered = sorted({" ".join(w.lower().split()) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


@dataclass(frozen=True)
class _Rules:
    kind_after: dict[str, str]
    """Folded casualty phrase -> kind."""
    after_pattern: re.Pattern[str]
    before_pattern: re.Pattern[str]
    before_kinds: dict[str, str]
    linking: frozenset[str]
    strong_attackers: frozenset[str]
    weak_attackers: frozenset[str]
    toll_list: re.Pattern[str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    not_before_tails: tuple[str, ...]
    """Last letters of the phrases of ``not_before``, for a cheap test before searching it."""
    saying: re.Pattern[str]
    according: re.Pattern[str]
    source_end: re.Pattern[str]
    pronouns: frozenset[str]
    openers: re.Pattern[str]
    subject_stops: frozenset[str]
    """Words that end the subject read after a figure."""
    victim_nouns: frozenset[str]
    """Casualty words that are also nouns for those counted ("hostages"): a subject, not a kind."""


@functools.cache
def _rules() -> _Rules:
    data = yaml.safe_load(CLAIMS_FILE.read_text(encoding="utf-8"))
    after = {" ".join(w.lower().split()): kind for kind, words in data["kind_after"].items() for w in words}
    before = {" ".join(w.lower().split()): kind for kind, words in data["kind_before"].items() for w in words}
    said = data["attribution"]
    return _Rules(
        kind_after=after,
        after_pattern=re.compile(rf"(?:{_phrases(list(after))})(?![\w-])(?!\s+up\b)", re.I),
        before_pattern=re.compile(rf"(?<![\w-])(?P<phrase>{_phrases(list(before))})\s+[{QUOTES}]?$", re.I),
        before_kinds=before,
        linking=frozenset(data["linking_words"]),
        strong_attackers=frozenset(cached_fold(w) for w in data["attacker_nouns"]["strong"]),
        weak_attackers=frozenset(cached_fold(w) for w in data["attacker_nouns"]["weak"]),
        toll_list=re.compile(rf"(?<![\w-])(?:{_phrases(data['toll_lists'])})(?![\w-])", re.I),
        not_after=re.compile(
            rf"^(?:-[A-Za-z]|:\d|\.\d|\s*(?:{_phrases(data['not_counts_after'])})(?![\w-]))", re.I
        ),
        not_before=re.compile(rf"(?<![\w-])(?:{_phrases(data['not_counts_before'])})\s*$", re.I),
        not_before_tails=tuple(sorted({phrase.lower()[-3:] for phrase in data["not_counts_before"]})),
        saying=re.compile(rf"(?<![\w-])(?P<verb>{_phrases(said['verbs'])})(?![\w-])(?!\s+to\b)", re.I),
        according=re.compile(rf"(?<![\w-])(?:{_phrases(said['according'])})\s+(?P<source>[^,.;:()]+)", re.I),
        source_end=re.compile(rf"\s+(?:{_phrases(said['source_ends'])})\b.*$", re.I),
        pronouns=frozenset(said["pronouns"]),
        openers=re.compile(rf"(?:^|{QUOTE_MARK}|\b(?:{_phrases(said['clause_openers'])})\b)\s*", re.I),
        victim_nouns=frozenset(data["victim_nouns"]),
        subject_stops=frozenset(data["subject_stops"]),
    )


@dataclass(frozen=True)
class _Attribution:
    source: str
    start: int
    """Where the saying verb starts (the source of "according to" starts here too)."""
    end: int
    forward: bool
    """True when what was said follows ("X said 20 people ..."), False when it comes first."""


def _clean_source(text: str, rules: _Rules) -> str:
    text = rules.source_end.sub("", text.strip(" ,\t" + QUOTES))
    text = TIME_TAIL.sub("", text)
    return text.strip(" ,\t" + QUOTES)


def _source_before(text: str, verb_start: int, forward: bool, rules: _Rules) -> str:
    """The phrase before a saying verb: back to a comma for "..., a source said", back to a
    clause opener for "although the company that runs the hotel, Rezidor Group, said"."""
    left = text[:verb_start]
    if not forward:
        left = SOURCE_BREAK.split(left)[-1]
        return left
    openers = list(rules.openers.finditer(left))
    chunk = left[openers[-1].end() :] if openers else left
    parts = [part.strip() for part in chunk.split(",") if part.strip()]
    if not parts:
        return ""
    if len(parts) >= 2 and parts[-1][:1].isupper() and DETERMINER_OPENS.match(parts[-2]):
        return f"{parts[-2]}, {parts[-1]}"
    return parts[-1]


LISTENER = re.compile(
    r"^\s+(?:[A-Z][\w.-]*(?:\s+(?:[A-Z0-9][\w.-]*|news|state|television|radio|agency))*"
    r"|a\s+news\s+conference|a\s+press\s+conference|reporters|journalists)"
)
CLOSING = re.compile(
    r"^\s*(?:(?:on\s+)?(?:early\s+|late\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|later|earlier|morning|afternoon|evening|night|in\s+a\s+statement|"
    r"on\s+condition\s+of\s+anonymity)\s*)*"
    rf"(?:[,.;:!?{QUOTES})]|$)"
)


def _is_closing(rest: str, told: bool) -> bool:
    """True when nothing said follows a verb: "..., a source said Friday." or "told AFP, speaking"."""
    if told:
        listener = LISTENER.match(rest)
        rest = rest[listener.end() :] if listener else rest
    return bool(CLOSING.match(rest))


def _attributions(text: str, rules: _Rules, previous: str | None) -> list[_Attribution]:
    """Who says what in a sentence; a pronoun ("he said") stands for ``previous``, the source of
    the sentence before."""
    found = []
    for attribution, according in _attribution_candidates(text):
        source = attribution.source
        if according:
            if source:
                found.append(attribution)
            continue
        if source.lower() in rules.pronouns:
            source = previous or ""
        if source and len(source.split()) <= 12:
            found.append(attribution if source == attribution.source else replace(attribution, source=source))
    return sorted(found, key=lambda item: item.start)


def _names_by_pronoun(text: str, rules: _Rules) -> bool:
    """Whether a source of the text is a pronoun ("he said"), which needs the source before it."""
    return any(
        not according and attribution.source.lower() in rules.pronouns
        for attribution, according in _attribution_candidates(text)
    )


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _attribution_candidates(text: str) -> tuple[tuple[_Attribution, bool], ...]:
    """Every "X said" (False) and "according to X" (True) of a text, before pronouns are resolved
    and empty or overlong sources dropped: remembered, as relayed wire copy repeats sentences."""
    rules = _rules()
    found = []
    for match in rules.saying.finditer(text):
        rest = text[match.end() :]
        forward = not _is_closing(rest, match["verb"].lower().startswith(("told", "tells")))
        before = text[: match.start()]
        said_after = (
            may_end_with(before, ",")
            and bool(COMMA_END.search(before))
            and bool(SOURCE_AFTER_OPENS.match(rest))
        )
        source = (
            "" if said_after else _clean_source(_source_before(text, match.start(), forward, rules), rules)
        )
        if not source:
            after = SOURCE_AFTER.match(rest)
            source = _clean_source(after["source"], rules) if after else ""
            forward = False
        found.append((_Attribution(source, match.start(), match.end(), forward), False))
    for match in rules.according.finditer(text):
        source = _clean_source(match["source"], rules)
        found.append((_Attribution(source, match.start(), match.end(), False), True))
    return tuple(found)


def _attribution_for(position: int, attributions: list[_Attribution]) -> str | None:
    """A figure's source: the nearest "X said" before it, else the first "..., X said" after it."""
    forward = [a for a in attributions if a.forward and a.end <= position]
    if forward:
        return forward[-1].source
    closing = [a for a in attributions if not a.forward and a.start >= position]
    if closing:
        return closing[0].source
    others = [a for a in attributions if not a.forward]
    return others[0].source if others else None


@dataclass(frozen=True)
class _Reading:
    """What the words around one figure say, before coordinated figures share their kind."""

    figure: Figure
    subject: str
    subject_end: int
    partitive: bool
    kind: str | None
    """Kind said by a casualty word or verb next to this figure itself."""


def _subject(text: str, figure: Figure, lexicon: Lexicon) -> tuple[str, int, bool] | None:
    """The words a figure counts ("Malian soldiers", "members of the security forces"), where they
    end, and whether the figure is partitive ("two of the gunmen"). None when the words after it
    are a proper name ("14 Riverside Drive"), so the figure counts no people."""
    rules = _rules()
    position = figure.end
    partitive = PARTITIVE.match(text[position:])
    if partitive:
        if partitive.group(0).split()[-1].lower() in ("whom", "them"):
            return "", position + partitive.end(), True
        position += partitive.end()
    words: list[str] = []
    end = position
    for match in WORD.finditer(text, position):
        gap = text[end : match.start()]
        if gap.strip(" " + QUOTES) or len(words) >= SUBJECT_WORDS:
            break
        word = match.group(0)
        folded = word.lower().strip(".")
        if word[0].isupper() and folded in _rules().subject_stops:
            break
        if (
            folded in _rules().subject_stops
            or (folded in rules.kind_after and folded not in rules.victim_nouns)
            or folded in rules.linking
        ):
            if folded == "and" and words and _next_is_noun(text, match.end()):
                words.append(word)
                end = match.end()
                continue
            break
        if words and folded.endswith("ed"):
            break
        words.append(word)
        end = match.end()
        if folded in HEAD_NOUNS or folded in rules.strong_attackers or folded in rules.victim_nouns:
            break
    if (
        words
        and all(w[0].isupper() for w in words)
        and not any(cached_fold(" ".join(words[i:])) in lexicon.demonyms for i in range(len(words)))
    ):
        return None
    extension = OF_PHRASE.match(text, end)
    if words and extension:
        words.append(extension.group(0).strip())
        end = extension.end()
    return " ".join(words), end, bool(partitive)


def _next_is_noun(text: str, position: int) -> bool:
    following = WORD.match(text, position + 1) if position < len(text) else None
    if following is None:
        return False
    word = following.group(0).lower()
    return (
        word not in _rules().subject_stops
        and word not in _rules().kind_after
        and not find_figures(following.group(0))
    )


def _kind_after(text: str, position: int, rules: _Rules) -> str | None:
    """A casualty word after a figure's subject, across linking words only ("had been shot")."""
    rest = text[position:]
    apposition = QUOTED_APPOSITION.match(rest)
    if apposition:
        rest = rest[apposition.end() :]
    relative = RELATIVE.match(rest)
    if relative:
        rest = rest[relative.end() :]
    clause = CLAUSE_END.search(rest)
    rest = rest[: clause.start()] if clause else rest
    cursor = 0
    for _ in range(LINK_WORDS + 1):
        stripped = rest[cursor:]
        lead = len(stripped) - len(stripped.lstrip(" " + QUOTES))
        match = rules.after_pattern.match(stripped, lead)
        if match:
            after = stripped[match.end() :]
            if OBJECT_AFTER.match(after):
                return None
            return rules.kind_after[" ".join(match.group(0).lower().split())]
        word = WORD.match(stripped, lead)
        if word is None or word.group(0).lower() not in rules.linking:
            return None
        cursor += word.end()
    return None


def _kind_before(text: str, start: int, rules: _Rules) -> str | None:
    match = rules.before_pattern.search(text[max(0, start - 40) : start])
    return rules.before_kinds[" ".join(match["phrase"].lower().split())] if match else None


def _is_count(text: str, figure: Figure, rules: _Rules) -> bool:
    """False for figures that count no people: units, clock times, years, ages, dates."""
    before = text[: figure.start]
    if rules.not_after.match(text[figure.end :]) or (
        may_end_with(before, *rules.not_before_tails) and rules.not_before.search(before)
    ):
        return False
    if before[-1:] in UNIT_BEFORE_ENDINGS and UNIT_BEFORE.search(before):
        return False
    value = figure.low if figure.low is not None else figure.high
    digits = figure.text.replace(",", "")
    if value is not None and 1900 <= value <= 2100 and FOUR_DIGITS.search(digits):
        return False
    return not CLOCK_DIGITS.search(digits)


def _reading(
    text: str, figure: Figure, lexicon: Lexicon, rules: _Rules, in_toll_list: bool
) -> _Reading | None:
    found = _subject(text, figure, lexicon)
    if found is None:
        return None
    subject, subject_end, partitive = found
    kind = _kind_after(text, subject_end, rules) or _kind_before(text, figure.start, rules)
    if kind is None and in_toll_list:
        kind = "killed"
    return _Reading(figure, subject, subject_end, partitive, kind)


def _share_kinds(text: str, readings: list[_Reading]) -> list[str | None]:
    """Coordinated figures share a kind: "23 hostages and 32 gunmen were killed" (from the last),
    "freed 685 workers and 107 foreigners" (from the first)."""
    kinds = [reading.kind for reading in readings]

    def open_to(index: int, other: int) -> bool:
        """A figure without a kind of its own and not a sub-count ("one of them") takes one."""
        first, second = sorted((index, other))
        joined = COORDINATION.match(text[readings[first].subject_end : readings[second].figure.start])
        return kinds[index] is None and not readings[index].partitive and joined is not None

    for index in range(len(readings) - 2, -1, -1):
        if open_to(index, index + 1):
            kinds[index] = kinds[index + 1]
    for index in range(1, len(readings)):
        if open_to(index, index - 1):
            kinds[index] = kinds[index - 1]
    return kinds


def _final_kind(text: str, reading: _Reading, kind: str | None, rules: _Rules, has_cue: bool) -> str | None:
    """A figure with no casualty word still counts hostages ("more than 100 hostages") or
    attackers ("as many as 10 gunmen"), unless it picks some of them out ("two of the gunmen")."""
    if kind is not None or reading.partitive:
        return kind
    head = cached_fold(reading.subject.split()[-1]) if reading.subject else ""
    if head in rules.victim_nouns:
        return "hostages"
    if ATTACKER_PARTITIVE.search(text[: reading.figure.start]):
        return None
    if head in rules.strong_attackers or (head in rules.weak_attackers and has_cue):
        return "attackers"
    return None


def _subject_text(text: str, reading: _Reading, last_subject: str | None) -> str:
    subject = reading.subject
    side = SIDE.match(text[reading.subject_end :])
    if side and not subject:
        subject = side["side"]
        rules = _rules()
        if cached_fold(subject) + "s" in rules.strong_attackers | rules.weak_attackers:
            subject += "s"
    if not subject and reading.partitive and last_subject:
        subject = last_subject
    return subject.strip(QUOTES) or DEFAULT_SUBJECT


def _claim_cue(
    figure: Figure,
    cues: tuple[EventCue, ...],
    sentence_cues: list[int],
    main_cue: int | None,
    carried: int | None,
) -> int | None:
    """The cue a figure belongs to: the nearest cue of an earlier event in its sentence (whose
    cues are ``sentence_cues``), else an earlier event the sentence continues, else the story."""
    here = [(abs(cues[index].span.start - figure.start), index) for index in sentence_cues]
    if here:
        nearest = cues[min(here)[1]]
        return min(here)[1] if nearest.is_background else main_cue
    return carried if carried is not None else main_cue


def _carried_cue(
    sentence: Sentence,
    mentions: list[Mention],
    cues: tuple[EventCue, ...],
    main_cue: int | None,
    previous_cues: list[int],
    refers_back: bool,
) -> int | None:
    """For a sentence with no cue: the earlier event whose place it names ("The dead in Sevare ..."),
    or the earlier event of the sentence before it in the same paragraph."""
    story_place = cached_fold(cues[main_cue].place) if main_cue is not None and cues[main_cue].place else None
    named = {cached_fold(m.surface) for m in mentions if m.category == "place"}
    for index in reversed(range(len(cues))):
        cue = cues[index]
        if cue.span.sentence >= sentence.index or not cue.is_background:
            continue
        keys = {cached_fold(cue.place)} if cue.place else set()
        if cue.site:
            keys.add(cached_fold(cue.site))
        if keys & named and (not cue.place or cached_fold(cue.place) != story_place):
            return index
    background = [i for i in previous_cues if cues[i].is_background]
    if background and (refers_back or len(background) == len(previous_cues)):
        return background[-1]
    return None


@functools.lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _sentence_readings(text: str, lexicon: Lexicon) -> tuple[tuple[_Reading, str | None], ...]:
    """Each counting figure of a sentence's text with the kind it has or shares (remembered:
    the reading depends on the text alone, and relayed wire copy repeats sentences)."""
    rules = _rules()
    toll = rules.toll_list.search(text)
    readings = [
        reading
        for figure in find_figures(text)
        if _is_count(text, figure, rules)
        and (
            reading := _reading(text, figure, lexicon, rules, toll is not None and toll.end() <= figure.start)
        )
    ]
    return tuple(zip(readings, _share_kinds(text, readings), strict=True))


def find_claims(
    article: Article,
    mentions: tuple[Mention, ...],
    cues: tuple[EventCue, ...],
    main_cue: int | None,
    lexicon: Lexicon,
) -> tuple[Claim, ...]:
    """Every casualty figure of an article, in reading order."""
    rules = _rules()
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.span.sentence, []).append(mention)
    cues_in: dict[int, list[int]] = {}
    for index, cue in enumerate(cues):
        cues_in.setdefault(cue.span.sentence, []).append(index)
    claims: list[Claim] = []
    previous_source: str | None = None
    unread: list[str] = []
    """Sentences since ``previous_source`` was last brought up to date: their sources are read only
    when a figure's source is a pronoun ("he said"), which stands for the source before it."""
    previous: tuple[int, list[int]] = (-1, [])
    for sentence in article.sentences:
        text = sentence.text
        attributions: list[_Attribution] | None = None
        sentence_cues = cues_in.get(sentence.index, [])
        carried = None
        if not sentence_cues:
            refers_back = bool(ANAPHORA.search(text) or rules.toll_list.search(text))
            earlier = previous[1] if refers_back or previous[0] == sentence.paragraph else []
            carried = _carried_cue(
                sentence, by_sentence.get(sentence.index, []), cues, main_cue, earlier, refers_back
            )
        last_subject = None
        for reading, shared in _sentence_readings(text, lexicon):
            kind = _final_kind(text, reading, shared, rules, sentence.index in cues_in)
            if kind is None:
                continue
            if attributions is None:
                if _names_by_pronoun(text, rules):
                    for earlier in unread:
                        said = _attributions(earlier, rules, previous_source)
                        previous_source = said[-1].source if said else previous_source
                    unread.clear()
                attributions = _attributions(text, rules, previous_source)
            figure = reading.figure
            subject = _subject_text(text, reading, last_subject)
            last_subject = subject
            claims.append(
                Claim(
                    kind=kind,
                    low=figure.low,
                    high=figure.high,
                    approximate=figure.approximate,
                    figure=figure.text,
                    subject=subject,
                    attributed_to=_attribution_for(figure.start, attributions),
                    span=Span(article.id, sentence.index, figure.start, figure.end, text),
                    cue=_claim_cue(figure, cues, sentence_cues, main_cue, carried),
                )
            )
        if attributions is None:
            unread.append(text)
        elif attributions:
            previous_source = attributions[-1].source
            unread.clear()
        previous = (sentence.paragraph, sentence_cues or ([carried] if carried is not None else []))
    return tuple(claims)
