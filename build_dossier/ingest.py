"""Ingest: article files -> :class:`Article` (clean text, structure with offsets, what was stripped).

Input is whatever a user dropped into ``seeds/``: a file that cannot be an article is skipped with
a one-line note naming it and the reason, and the build goes on.

Decisions a reader of the pages should know about:

* Quotes and accents stay as the article has them (curly or straight); only broken text is
  repaired: mojibake ("SÃ©varÃ©" -> "Sévaré"), odd spaces, invisible and control characters.
* The headline and the dateline prefix ("Bamako (AFP) - ") are not part of :attr:`Article.text`;
  they become :attr:`Article.title` and :attr:`Article.dateline`, so the first sentence starts
  with its first word and every offset points into the text the source page shows.
* Paragraphs are joined by one blank line in :attr:`Article.text`; a sub-heading keeps only its
  words ("- Confusion -" -> "Confusion") and is never a sentence.
* Of two copies of one text the lexicographically first id is kept; of an article whose whole
  text stands inside another, the longer one is kept. Each pair is reported.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy
import yaml
from charset_normalizer import from_bytes

from build_dossier.metadata import ArticleMetadata, read_metadata
from build_dossier.model import Article, Paragraph, Sentence
from build_dossier.processes import map_in_processes
from build_dossier.settings import METADATA_NAME
from build_dossier.slugs import fold, unique_slugs

DATA_DIR = Path(__file__).parent / "data"

BINARY_SIGNATURES = (
    b"%PDF",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"RIFF",
    b"II*\x00",
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",
    b"Rar!",
    b"7z\xbc\xaf",
    b"OggS",
    b"ID3",
    b"wOFF",
)
"""Magic numbers of images, documents, archives and media that users rename to ``.txt``."""
BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
WESTERN_CODE_PAGE = "cp1252"
"""Preferred when detection cannot tell similar code pages apart: the usual encoding of Western copy."""
HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 12
TITLE_WORDS = 14
TITLE_CHARS = 120

CLOSERS = "\"'”’»)]"
# A sentence may end at . ! ? (with closing quotes or brackets) before white space and a word.
SENTENCE_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]*\w)""")
QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»')
LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Invisible characters (soft hyphen, zero-width, byte-order mark), controls and lone surrogates.
UNWANTED = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\ufffe\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# What ftfy can improve: UTF-8 read as Latin-1/cp1252 (a lead byte Â..ï then a continuation byte),
# C1 controls, HTML entities. Other text skips ftfy, which would be the slowest step of ingest.
MOJIBAKE_HINT = re.compile(
    r"[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\x80-\x9f]"
)
HTML_ENTITY = re.compile(r"&#?\w+;")
LINE_EDGES = re.compile(r" ?\n ?")
NON_WORD = re.compile(r"[\W_]+")
NOTHING_DIGEST = hashlib.sha256(b"").hexdigest()
"""Digest of a text with no words (only punctuation, or all boilerplate): never a duplicate."""
DASHED_HEADING = re.compile(r"[-–—]+\s*(.*\w.*?)\s*[-–—]+")
PLACE = r"[^\W\d_][\w'’.]*(?:[ /-][^\W\d_][\w'’.]*){0,3}"
"""One to four capitalised words; "NAIROBI/GARISSA" names two places, the first is the dateline's."""
# "Bamako (AFP) - ", "PARIS, Nov 14 (Reuters) - ", "TUNIS, Tunisia (AP) — "
DATELINE_WITH_AGENCY = re.compile(
    rf"(?P<place>{PLACE})(?:,[^()\n]{{1,40}}?)?\s*\((?P<agency>[^\W\d_][\w&.'’ -]{{0,38}})\)\s*[-–—]+\s*"
)
# "BAMAKO, Mali — " (newspaper style, no agency): only an all-capitals place counts.
DATELINE_PLAIN = re.compile(rf"(?P<place>{PLACE})(?:,[^()\n\-–—]{{1,40}}?)?\s+[-–—]+\s+")
EDITORS_NOTE_OWNER = re.compile(r"\((?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4})[’']s\s")


class SkippedFile(Exception):
    """A file that is not an article; the message is the reason, shown after the file's name."""


@dataclass(frozen=True)
class Ingested:
    articles: tuple[Article, ...]
    """Sorted by id; duplicates removed."""
    warnings: tuple[str, ...]
    """One line each, naming the file and why it was skipped or set aside."""
    duplicates: tuple[tuple[str, str], ...]
    """(duplicate article id, id of the article it repeats)."""


@dataclass(frozen=True)
class _Patterns:
    boilerplate: re.Pattern[str]
    wire_names: dict[str, str]
    """Folded spelling -> the agency's name."""
    abbreviations: frozenset[str]
    """Words whose full stop does not end a sentence (lower case, without the final stop)."""
    final_abbreviations: frozenset[str]
    """Abbreviations that do end a sentence when an opening word follows ("at 9 p.m. The ...")."""
    sentence_openers: frozenset[str]
    relay_credit: re.Pattern[str]
    """"according to AFP." -- a literal start keeps the search over a whole article fast."""
    reports: re.Pattern[str]
    agency_before: re.Pattern[str]
    """An agency's name just before "reports" ("..., AFP reports.")."""


@functools.cache
def _patterns() -> _Patterns:
    ingest_data = yaml.safe_load((DATA_DIR / "ingest.yml").read_text(encoding="utf-8"))
    services = ingest_data["wire_services"]
    boilerplate = yaml.safe_load((DATA_DIR / "boilerplate.yml").read_text(encoding="utf-8"))["patterns"]
    spellings = {spelling: name for name, names in services.items() for spelling in names}
    agency = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return _Patterns(
        boilerplate=re.compile("|".join(f"(?:{p})" for p in boilerplate), re.IGNORECASE),  # used with match()
        wire_names={fold(spelling): name for spelling, name in spellings.items()},
        abbreviations=frozenset(ingest_data["abbreviations"]),
        final_abbreviations=frozenset(ingest_data["sentence_final_abbreviations"]),
        sentence_openers=frozenset(ingest_data["sentence_openers"]),
        # "..., AFP reports." / "according to AFP." -- not "told AFP", which any story may say.
        relay_credit=re.compile(rf"according to (?P<agency>{agency})(?=[.,;])"),
        reports=re.compile(r" (?:reports|reported)\b"),
        agency_before=re.compile(rf"(?<![\w-])(?P<agency>{agency})$"),
    )


# ---------------------------------------------------------------- bytes -> text


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was read as; raises :class:`SkippedFile` for bytes that are not text."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            return raw.decode(encoding, errors="replace"), encoding
    if b"\x00" in raw:
        # UTF-16 without a byte-order mark has a NUL in every other byte; anything else is binary.
        zeros_odd, zeros_even = raw[1::2].count(0), raw[0::2].count(0)
        if zeros_odd > len(raw) // 4 and zeros_even == 0:
            return raw.decode("utf-16-le", errors="replace"), "utf-16-le"
        if zeros_even > len(raw) // 4 and zeros_odd == 0:
            return raw.decode("utf-16-be", errors="replace"), "utf-16-be"
        raise SkippedFile("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Only here, when UTF-8 fails, is detection worth its cost.
    detected = from_bytes(raw)
    matches = list(detected)
    if not matches:
        raise SkippedFile("binary file (no text encoding fits), not text")
    least_chaos = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos == least_chaos and WESTERN_CODE_PAGE in (match.encoding, *match.could_be_from_charset):
            return raw.decode(WESTERN_CODE_PAGE, errors="replace"), WESTERN_CODE_PAGE
    best = detected.best() or matches[0]
    return str(best), best.encoding


def clean_text(text: str) -> str:
    """Repair mojibake and odd characters, keep accents and the article's own quotes; one line per line."""
    text = LINE_BREAKS.sub("\n", text)
    if (not text.isascii() and MOJIBAKE_HINT.search(text)) or ("&" in text and HTML_ENTITY.search(text)):
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return LINE_EDGES.sub("\n", SPACES.sub(" ", UNWANTED.sub("", text))).strip()


def normalised(text: str) -> str:
    """Case, punctuation and spacing folded away: two copies of one article normalise alike."""
    return " ".join(NON_WORD.sub(" ", text.casefold()).split())


# ---------------------------------------------------------------- text -> structure


def _blocks(text: str) -> list[str]:
    """Paragraphs: one per line, or per blank-line block when the copy is hard-wrapped."""
    chunks = [chunk for chunk in text.split("\n\n") if chunk.strip()]
    wrapped = sum(1 for chunk in chunks if "\n" in chunk.strip())
    if len(chunks) > 1 and wrapped * 2 > len(chunks):
        return [" ".join(chunk.split()) for chunk in chunks]
    return [line for line in text.split("\n") if line.strip()]


def _heading_text(block: str) -> str | None:
    """``- Confusion -`` -> ``Confusion``; a short all-capitals line -> the line; else None."""
    dashed = DASHED_HEADING.fullmatch(block)
    if dashed:
        return dashed.group(1)
    if (
        not block.endswith(".")
        and len(block) > 1
        and block.isupper()
        and len(block.split()) <= HEADING_MAX_WORDS
    ):
        return block
    return None


@dataclass(frozen=True)
class _Dateline:
    place: str
    agency: str | None
    length: int
    """Characters of the paragraph the dateline takes, separator included."""


def _dateline(block: str, patterns: _Patterns) -> _Dateline | None:
    match = DATELINE_WITH_AGENCY.match(block)
    if match and len(match.group("agency").split()) <= 4:
        agency = match.group("agency").strip()
        agency = patterns.wire_names.get(fold(agency), agency)
    else:
        match = DATELINE_PLAIN.match(block)
        letters = [c for c in match.group("place") if c.isalpha()] if match else []
        if not (letters and all(c.isupper() for c in letters)):
            return None
        agency = None
    place = match.group("place").split("/")[0]
    if not all(word[0].isupper() for word in place.split()):
        return None
    if place.isupper():
        place = " ".join(word.capitalize() for word in place.split())
    return _Dateline(place, agency, match.end())


def _is_headline(first: str, following: list[str], patterns: _Patterns) -> bool:
    """A short first line without a final stop that is neither a sub-heading nor the dateline paragraph."""
    if not following or _heading_text(first) is not None or _dateline(first, patterns):
        return False
    if not 0 < len(first.split()) <= HEADLINE_MAX_WORDS:
        return False
    last = first.rstrip(CLOSERS)[-1:]
    if last in (".", ",", ";", ":", "…"):
        return False
    if last in ("?", "!"):
        return _dateline(following[0], patterns) is not None  # a question headline over a dateline
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; abbreviations, initials and quoted full stops do not end one.

    Linear in the paragraph's length, so a 10,000-word paragraph costs no more than many short ones.
    """
    patterns = _patterns()
    spans, start = [], 0
    quotes = [(m.start(), m.end()) for m in QUOTATION.finditer(text)]
    quote = 0
    for match in SENTENCE_END.finditer(text):
        stop, end = match.start(), match.end()
        while quote < len(quotes) and quotes[quote][1] <= stop:
            quote += 1
        if quote < len(quotes) and quotes[quote][0] < stop and end < quotes[quote][1]:
            continue  # a full stop inside a quotation that the paragraph closes later
        following = text[end:].lstrip().lstrip("\"'“‘«([")
        if following[:1].islower():
            continue
        if text[stop] == "." and _is_abbreviation(text, stop, following, patterns):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _is_abbreviation(text: str, stop: int, following: str, patterns: _Patterns) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation ("Gen.", "U.S.") or an initial ("F.")."""
    begin = stop
    while begin > 0 and stop - begin < 12 and (text[begin - 1].isalnum() or text[begin - 1] == "."):
        begin -= 1
    token = text[begin:stop].casefold()
    if token in patterns.final_abbreviations:
        next_word = following[:16].split(maxsplit=1)[0] if following.strip() else ""
        return next_word.rstrip(",;:") not in patterns.sentence_openers
    return token in patterns.abbreviations or (len(token) == 1 and token.isalpha())


@dataclass(frozen=True)
class _Parsed:
    headline: str | None
    dateline: _Dateline | None
    note_owner: str | None
    """Outlet named as the owner of an editor's note ("(Arutz Sheva's North American desk ...)")."""
    relay_credit: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    stripped: tuple[str, ...]


def parse_text(text: str) -> _Parsed:
    """Split cleaned text into headline, dateline, paragraphs, sub-headings and sentences."""
    patterns = _patterns()
    blocks, stripped = [], []
    for block in _blocks(text):
        (stripped if patterns.boilerplate.match(block) else blocks).append(block)

    headline = None
    if blocks and _is_headline(blocks[0], blocks[1:], patterns):
        headline, blocks = blocks[0], blocks[1:]

    dateline = None
    first_body = next((n for n, block in enumerate(blocks) if _heading_text(block) is None), None)
    if first_body is not None:
        dateline = _dateline(blocks[first_body], patterns)
        if dateline and blocks[first_body][dateline.length :].strip():
            blocks[first_body] = blocks[first_body][dateline.length :].strip()
        else:
            dateline = None

    owners = (EDITORS_NOTE_OWNER.match(note) for note in stripped)
    note_owner = next((owner.group("name") for owner in owners if owner), None)

    body, paragraphs, sentences = "", [], []
    for block in blocks:
        heading = _heading_text(block)
        content = heading if heading is not None else block
        start = len(body) + (2 if body else 0)
        body = f"{body}\n\n{content}" if body else content
        paragraphs.append(
            Paragraph(len(paragraphs), start, start + len(content), heading is not None, content)
        )
        if heading is None:
            for s_start, s_end in split_sentences(content):
                sentences.append(
                    Sentence(
                        len(sentences),
                        len(paragraphs) - 1,
                        start + s_start,
                        start + s_end,
                        content[s_start:s_end],
                    )
                )
    return _Parsed(
        headline,
        dateline,
        note_owner,
        _relay_credit(body, patterns),
        body,
        tuple(paragraphs),
        tuple(sentences),
        tuple(stripped),
    )


def _relay_credit(body: str, patterns: _Patterns) -> str | None:
    """The agency an article credits as its source ("..., AFP reports.", "according to AFP."), if any."""
    credits = []
    for report in patterns.reports.finditer(body):
        before = patterns.agency_before.search(body, max(0, report.start() - 40), report.start())
        if before:
            credits.append((report.start(), before.group("agency")))
            break
    according = patterns.relay_credit.search(body)
    if according:
        credits.append((according.start(), according.group("agency")))
    return patterns.wire_names[fold(min(credits)[1])] if credits else None


def _title(parsed: _Parsed, metadata: ArticleMetadata, fallback: str) -> str:
    if metadata.title:
        return metadata.title
    if parsed.headline:
        return parsed.headline
    first = (
        parsed.sentences[0].text
        if parsed.sentences
        else (parsed.paragraphs[0].text if parsed.paragraphs else "")
    )
    words = first.split()
    if not words:
        return fallback
    title = " ".join(words[:TITLE_WORDS])
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rstrip()
    if title != " ".join(words):
        return f"{title} …"
    return title.rstrip(".") or title


@functools.lru_cache(maxsize=4096)
def _outlet_key(name: str) -> str:
    """The same key for every spelling of one outlet ("AFP", "Agence France-Presse")."""
    folded = fold(name)
    return fold(_patterns().wire_names.get(folded, folded))


def _same_outlet(one: str | None, other: str | None) -> bool:
    return one is not None and other is not None and _outlet_key(one) == _outlet_key(other)


def _outlets(parsed: _Parsed, metadata: ArticleMetadata) -> tuple[str | None, str | None]:
    """(outlet, relayed_from): the sidecar first, then the dateline's agency, then an editor's note.

    A relay credit in the text ("AFP reports") names the relayed agency only in an article that
    is not that agency's own dateline copy, and "told Reuters" never names an outlet.
    """
    agency = parsed.dateline.agency if parsed.dateline else None
    outlet = metadata.outlet or agency or parsed.note_owner
    if metadata.relayed_from:
        return outlet, metadata.relayed_from
    relayed = agency if agency and not _same_outlet(agency, outlet) else None
    if relayed is None and agency is None and parsed.relay_credit:
        relayed = parsed.relay_credit if not _same_outlet(parsed.relay_credit, outlet) else None
    return outlet, relayed


def make_article(
    article_id: str, path: str, text: str, metadata: ArticleMetadata | None = None, encoding: str = "utf-8"
) -> Article:
    """Build an :class:`Article` from decoded text; editorial metadata wins over what the text suggests."""
    return _article(article_id, path, clean_text(text), metadata or ArticleMetadata(), encoding)


ARTICLE_MEMO_SIZE = 1 << 14
"""Articles remembered by :func:`_article` within one process: ``mkdocs serve`` builds again on
every save, and re-parsing a thousand unchanged articles took half a second of that."""


@functools.lru_cache(maxsize=ARTICLE_MEMO_SIZE)
def _article(article_id: str, path: str, text: str, metadata: ArticleMetadata, encoding: str) -> Article:
    """A pure function of its arguments (all immutable), hence memoised."""
    parsed = parse_text(text)
    outlet, relayed_from = _outlets(parsed, metadata)
    return Article(
        id=article_id,
        path=path,
        title=_title(parsed, metadata, fallback=Path(path).stem or article_id),
        text=parsed.text,
        paragraphs=parsed.paragraphs,
        sentences=parsed.sentences,
        outlet=outlet,
        relayed_from=relayed_from,
        published=metadata.published,
        url=metadata.url,
        dateline=parsed.dateline.place if parsed.dateline else None,
        stripped=parsed.stripped,
        digest=hashlib.sha256(normalised(parsed.text).encode("utf-8")).hexdigest(),
        encoding=encoding,
    )


# ---------------------------------------------------------------- files and folders


def _unusable_name(name: str) -> str | None:
    if name.startswith((".", "#", "~$")) or name.endswith(("~", "#", ".swp", ".swo", ".bak", ".tmp")):
        return "hidden or editor backup file"
    if not name.lower().endswith(".txt"):
        return "not a .txt file"
    return None


@functools.lru_cache(maxsize=ARTICLE_MEMO_SIZE)
def _decoded(raw: bytes) -> tuple[str, str]:
    """The cleaned text of a file and its encoding; memoised, as :func:`_article` is, for the
    builds of ``mkdocs serve``, which read every article again after an edit of one."""
    text, encoding = decode(raw)
    return clean_text(text), encoding


def read_article(
    path: Path, *, max_file_bytes: int, article_id: str | None = None, metadata: ArticleMetadata | None = None
) -> Article:
    """Read one article file; raises :class:`SkippedFile` with the reason when it is not an article."""
    reason = _unusable_name(path.name)
    if reason:
        raise SkippedFile(reason)
    try:
        size = path.stat().st_size
        if size > max_file_bytes:
            raise SkippedFile(f"larger than {max_file_bytes:,} bytes")
        raw = path.read_bytes()
    except OSError as error:
        raise SkippedFile(f"cannot be read ({error.strerror or error})") from error
    if not raw.strip():
        raise SkippedFile("empty file")
    if raw.startswith(BINARY_SIGNATURES):
        raise SkippedFile("binary file (an image, PDF, archive or media file renamed .txt), not text")
    cleaned, encoding = _decoded(raw)
    if not cleaned:
        raise SkippedFile("empty file (only white space or invisible characters)")
    return _article(article_id or path.stem, path.name, cleaned, metadata or ArticleMetadata(), encoding)


def _candidates(paths: Sequence[Path]) -> tuple[list[Path], dict[Path, set[str]], list[str]]:
    """Files to read (stable order), each folder's file names, notes on entries that are no articles."""
    files, notes = [], []
    listings: dict[Path, set[str]] = {}
    seen: set[tuple[Path, str]] = set()
    for path in paths:
        if path.is_dir():
            folder = path
            with os.scandir(path) as scan:
                names = sorted(entry.name for entry in scan if not entry.is_dir())
        elif path.exists():
            folder, names = path.parent, [path.name]
        else:
            notes.append(f"{path}: skipped: no such file or folder")
            continue
        if folder not in listings:
            listings[folder] = set(os.listdir(folder))
        real_folder = folder.resolve()
        for name in names:
            if name == METADATA_NAME or (real_folder, name) in seen:
                continue
            seen.add((real_folder, name))
            reason = _unusable_name(name)
            if reason:
                notes.append(f"{folder / name}: skipped: {reason}")
            else:
                files.append(folder / name)
    return files, listings, notes


def _metadata_for(files: Sequence[Path], listings: dict[Path, set[str]]) -> dict[Path, ArticleMetadata]:
    """Each file's entry in the sidecar of its folder (validated whole, so every error shows at once)."""
    found: dict[Path, ArticleMetadata] = {}
    for folder in sorted({file.parent for file in files}):
        for name, entry in read_metadata(folder / METADATA_NAME, listings[folder]).items():
            found[folder / name] = entry
    return found


def _duplicates(articles: list[Article]) -> list[tuple[str, str]]:
    """(duplicate, kept) pairs: equal digests, then articles whose whole text stands inside a longer one.

    Linear-ish: a candidate container must hold the article's rarest sentence (the blocking key,
    a hashed sentence), and only those few candidates get the full-text containment test.
    """
    pairs: list[tuple[str, str]] = []
    first_with_digest: dict[str, str] = {}
    unique: list[Article] = []
    for article in articles:  # sorted by id, so the first id is the one kept
        if article.digest in first_with_digest:
            pairs.append((article.id, first_with_digest[article.digest]))
        elif article.digest != NOTHING_DIGEST:
            first_with_digest[article.digest] = article.id
            unique.append(article)
    holders: dict[str, list[Article]] = {}
    for article in unique:
        for key in {s.text for s in article.sentences}:
            holders.setdefault(key, []).append(article)

    padded_texts: dict[str, str] = {}

    def padded(article: Article) -> str:
        if article.id not in padded_texts:
            padded_texts[article.id] = f" {normalised(article.text)} "
        return padded_texts[article.id]

    contained: dict[str, str] = {}
    for article in unique:
        keys = {s.text for s in article.sentences}
        if not keys:
            continue
        rarest = min(keys, key=lambda key: (len(holders[key]), key))
        for other in holders[rarest]:
            if len(other.text) > len(article.text) and padded(article) in padded(other):
                contained[article.id] = other.id
                break
    for article_id, container in contained.items():
        while container in contained:
            container = contained[container]
        pairs.append((article_id, container))
    return sorted(pairs)


def _read_or_skip(read: tuple[Path, int, str, ArticleMetadata | None]) -> Article | SkippedFile:
    """One file of :func:`ingest_paths`, here or in a worker process: its article, or why not."""
    path, max_file_bytes, article_id, metadata = read
    try:
        return read_article(path, max_file_bytes=max_file_bytes, article_id=article_id, metadata=metadata)
    except SkippedFile as skip:
        return skip


def ingest_paths(
    paths: Sequence[Path],
    *,
    max_file_bytes: int,
    jobs: int = 1,
    meanwhile: Callable[[], object] | None = None,
) -> Ingested:
    """Read article files and folders (their ``*.txt``, not recursive) with their sidecar metadata;
    ``jobs > 1`` reads and parses the files in that many processes.

    Raises :class:`~build_dossier.errors.ConfigError` for a broken sidecar; every other problem
    with an input file is a warning and the file is left out.
    """
    files, listings, notes = _candidates([Path(p) for p in paths])
    metadata = _metadata_for(files, listings)
    ids = unique_slugs([file.stem for file in files], fallback="article")
    reads = [(file, max_file_bytes, id_, metadata.get(file)) for file, id_ in zip(files, ids, strict=True)]
    results = map_in_processes(_read_or_skip, reads, jobs=jobs, chunksize=32, meanwhile=meanwhile)
    articles, shown = [], {}
    for file, article_id, result in zip(files, ids, results, strict=True):
        if isinstance(result, SkippedFile):
            notes.append(f"{file}: skipped: {result}")
            continue
        articles.append(result)
        shown[article_id] = file
    articles.sort(key=lambda a: a.id)
    duplicates = _duplicates(articles)
    dropped = {duplicate for duplicate, _ in duplicates}
    notes.extend(
        f"{shown[dup]}: skipped: duplicate of {shown[kept]}; counted once" for dup, kept in duplicates
    )
    return Ingested(tuple(a for a in articles if a.id not in dropped), tuple(notes), tuple(duplicates))
