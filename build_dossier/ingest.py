"""Ingest: article files -> :class:`Article` (clean text, structure with offsets, what was stripped).

Input is whatever a user dropped into ``seeds/``: files that cannot be articles are skipped with a
one-line note naming the file and the reason, and the build goes on.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy
import yaml
from charset_normalizer import from_bytes

from build_dossier.metadata import ArticleMetadata, read_metadata
from build_dossier.model import Article, Paragraph, Sentence
from build_dossier.settings import METADATA_NAME
from build_dossier.slugs import fold, unique_slugs

DATA = Path(__file__).parent / "data" / "ingest.yml"

BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")
HEADLINE_MAX_WORDS = 25
TITLE_WORDS = 14

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep st mt ft no nos vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m inc ltd co corp
    jr sr dept est approx""".split()
)
# A sentence ends at . ! or ? (with closing quotes or brackets) followed by space and a capital,
# a digit or an opening quote.
SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-Ý])""")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


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
    boilerplate: tuple[re.Pattern[str], ...]
    wire_aliases: dict[str, str]
    """Folded alias -> the agency's name."""
    dateline: re.Pattern[str]
    relay_credit: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    aliases = {alias: name for name, names in data["wire_services"].items() for alias in names}
    agency = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return _Patterns(
        boilerplate=tuple(re.compile(p, re.I) for p in data["boilerplate"]),
        wire_aliases={fold(alias): name for alias, name in aliases.items()},
        # "Bamako (AFP) - ", "NAIROBI, Jan 15 (Reuters) - ", "Tunis, Tunisia (AP) — "
        dateline=re.compile(
            rf"^(?P<place>[A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){{0,3}})(?:,[^()\n]{{1,40}}?)?\s*"
            rf"\((?P<agency>{agency})\)\s*[-–—]+\s*"
        ),
        relay_credit=re.compile(rf"(?:,|\bthe\b)?\s*\b(?P<agency>{agency}) reports?\b|according to (?P<agency2>{agency})\b"),
    )


# ---------------------------------------------------------------- reading bytes


def _skip_reason(path: Path, raw: bytes, max_file_bytes: int) -> str | None:
    if len(raw) > max_file_bytes:
        return f"larger than {max_file_bytes:,} bytes"
    if raw.startswith(BINARY_SIGNATURES):
        return "binary file (an image, PDF or archive), not text"
    if not raw.strip():
        return "empty file"
    return None


def _decode(raw: bytes) -> tuple[str, str] | None:
    """Text and the encoding it was read as; None for bytes that are not text."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace"), encoding
    if b"\x00" in raw:
        # UTF-16 without a byte-order mark has a NUL in every other byte; anything else is binary.
        zeros_odd, zeros_even = raw[1::2].count(0), raw[0::2].count(0)
        if zeros_odd > len(raw) // 4 and zeros_even == 0:
            return raw.decode("utf-16-le", errors="replace"), "utf-16-le"
        if zeros_even > len(raw) // 4 and zeros_odd == 0:
            return raw.decode("utf-16-be", errors="replace"), "utf-16-be"
        return None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        encoding = best.encoding if best else "cp1252"
        return raw.decode(encoding, errors="replace"), encoding


def _clean(text: str) -> str:
    """Repair mojibake and odd characters, keeping accents and the article's own quotes."""
    text = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


# ---------------------------------------------------------------- structure


def _blocks(text: str) -> list[str]:
    """Paragraphs: one per line, or per blank-line block when the copy is hard-wrapped."""
    chunks = [chunk for chunk in text.split("\n\n") if chunk.strip()]
    wrapped = sum(1 for chunk in chunks if "\n" in chunk.strip())
    if len(chunks) > 1 and wrapped * 2 > len(chunks):
        return [" ".join(chunk.split()) for chunk in chunks]
    return [line for line in text.split("\n") if line.strip()]


def _heading_text(block: str) -> str | None:
    """``- Confusion -`` -> ``Confusion``; an all-capitals line -> the line; else None."""
    dashed = re.fullmatch(r"[-–—]+\s*(.+?)\s*[-–—]+", block)
    if dashed:
        return dashed.group(1)
    letters = [c for c in block if c.isalpha()]
    words = block.split()
    if letters and all(c.isupper() for c in letters) and len(words) <= 12 and not block.endswith("."):
        return block
    return None


def _looks_like_headline(block: str) -> bool:
    words = block.split()
    return 0 < len(words) <= HEADLINE_MAX_WORDS and not re.search(r"[.!?:;,\"”’)]$", block)


def _is_boilerplate(block: str, patterns: _Patterns) -> bool:
    if block.startswith("(") and block.rstrip(".").endswith(")"):
        return True  # an outlet's editorial note in parentheses
    return any(p.search(block) for p in patterns.boilerplate)


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans of quotations that open and close within the text (straight or curly quotes)."""
    ranges = []
    for match in re.finditer(r'"[^"]*"|“[^”]*”', text):
        ranges.append((match.start(), match.end()))
    return ranges


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; abbreviations, initials and closed quotations do not end one."""
    spans, start = [], 0
    quotes = _quoted_ranges(text)
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        if any(q_start < match.start() and end < q_end for q_start, q_end in quotes):
            continue  # a full stop inside a quotation that the same paragraph closes
        word = re.search(r"([\w.]+)[.!?]*[\"'”’)\]]*$", text[start:end])
        token = word.group(1).rstrip(".").casefold() if word else ""
        if text[match.start()] == "." and (token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


@dataclass(frozen=True)
class _Parsed:
    headline: str | None
    dateline: str | None
    agency: str | None
    relayed_from: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    stripped: tuple[str, ...]


def parse_text(text: str) -> _Parsed:
    """Split cleaned text into headline, dateline, paragraphs, sub-headings and sentences."""
    patterns = _patterns()
    blocks = _blocks(text)
    stripped = tuple(b for b in blocks if _is_boilerplate(b, patterns))
    blocks = [b for b in blocks if b not in stripped]

    headline = None
    if len(blocks) > 1 and _heading_text(blocks[0]) is None and _looks_like_headline(blocks[0]):
        headline, blocks = blocks[0], blocks[1:]

    dateline = agency = None
    for number, block in enumerate(blocks):
        if _heading_text(block) is not None:
            continue
        match = patterns.dateline.match(block)
        if match:
            place = match.group("place").split("/")[0]  # "NAIROBI/GARISSA": the first place
            dateline = place.title() if place.isupper() else place
            agency = patterns.wire_aliases[fold(match.group("agency"))]
            blocks[number] = block[match.end():]
        break

    relayed_from = None
    credit = patterns.relay_credit.search(" ".join(blocks))
    if credit:
        relayed_from = patterns.wire_aliases[fold(credit.group("agency") or credit.group("agency2"))]

    body, paragraphs, sentences = "", [], []
    for block in blocks:
        heading = _heading_text(block)
        content = heading if heading is not None else block
        start = len(body) + (2 if body else 0)
        body = f"{body}\n\n{content}" if body else content
        paragraphs.append(Paragraph(len(paragraphs), start, start + len(content), heading is not None, content))
        if heading is None:
            for s_start, s_end in split_sentences(content):
                sentences.append(
                    Sentence(len(sentences), len(paragraphs) - 1, start + s_start, start + s_end, content[s_start:s_end])
                )
    return _Parsed(headline, dateline, agency, relayed_from, body, tuple(paragraphs), tuple(sentences), stripped)


def _title(parsed: _Parsed, metadata: ArticleMetadata) -> str:
    if metadata.title:
        return metadata.title
    if parsed.headline:
        return parsed.headline
    if parsed.sentences:
        words = parsed.sentences[0].text.split()
        return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    return "Untitled article"


def make_article(article_id: str, path: str, text: str, metadata: ArticleMetadata, encoding: str) -> Article:
    """Build an :class:`Article` from cleaned text; editorial metadata wins over what the text suggests."""
    parsed = parse_text(text)
    outlet = metadata.outlet or parsed.agency
    relayed = metadata.relayed_from or (parsed.relayed_from if parsed.relayed_from != outlet else None)
    normalised = " ".join(fold(s.text) for s in parsed.sentences)
    return Article(
        id=article_id,
        path=path,
        title=_title(parsed, metadata),
        text=parsed.text,
        paragraphs=parsed.paragraphs,
        sentences=parsed.sentences,
        outlet=outlet,
        relayed_from=relayed,
        published=metadata.published,
        url=metadata.url,
        dateline=parsed.dateline,
        stripped=parsed.stripped,
        digest=hashlib.sha256(normalised.encode("utf-8")).hexdigest(),
        encoding=encoding,
    )


# ---------------------------------------------------------------- files and folders


def _unusable_name(name: str) -> str | None:
    if name.startswith((".", "#")) or name.endswith(("~", ".swp", ".bak", ".tmp")):
        return "hidden or editor backup file"
    if not name.endswith(".txt"):
        return "not a .txt file"
    return None


def _candidates(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    files, notes = [], []
    for path in paths:
        entries = sorted(path.iterdir()) if path.is_dir() else [path]
        for entry in entries:
            if entry.name == METADATA_NAME or entry.is_dir():
                continue
            reason = _unusable_name(entry.name)
            if reason:
                notes.append(f"{entry}: skipped: {reason}")
            else:
                files.append(entry)
    return files, notes


def _metadata_for(files: Iterable[Path]) -> dict[Path, ArticleMetadata]:
    by_folder: dict[Path, set[str]] = {}
    for file in files:
        by_folder.setdefault(file.parent, set()).add(file.name)
    found: dict[Path, ArticleMetadata] = {}
    for folder, names in sorted(by_folder.items()):
        all_names = {p.name for p in folder.iterdir()} if folder.is_dir() else names
        for name, entry in read_metadata(folder / METADATA_NAME, all_names).items():
            found[folder / name] = entry
    return found


def _duplicates(articles: list[Article]) -> tuple[list[Article], list[tuple[str, str]]]:
    """Drop exact repeats and articles whose every sentence stands in a longer one (blocked by sentence)."""
    keep: list[Article] = []
    pairs: list[tuple[str, str]] = []
    by_digest: dict[str, str] = {}
    for article in articles:
        if article.digest in by_digest:
            pairs.append((article.id, by_digest[article.digest]))
        else:
            by_digest[article.digest] = article.id
            keep.append(article)
    sentence_keys = {a.id: {fold(s.text) for s in a.sentences} for a in keep}
    holders: dict[str, list[str]] = {}
    for article in keep:
        for key in sentence_keys[article.id]:
            holders.setdefault(key, []).append(article.id)
    contained: dict[str, str] = {}
    for article in keep:
        keys = sentence_keys[article.id]
        if not keys:
            continue
        rarest = min(keys, key=lambda k: (len(holders[k]), k))
        for other in holders[rarest]:
            if other != article.id and other not in contained and len(sentence_keys[other]) > len(keys):
                if keys <= sentence_keys[other]:
                    contained[article.id] = other
                    break
    pairs.extend(contained.items())
    return [a for a in keep if a.id not in contained], sorted(pairs)


def ingest_paths(paths: Sequence[Path], *, max_file_bytes: int) -> Ingested:
    """Read article files and folders (their ``*.txt``, not recursive) with their sidecar metadata."""
    files, notes = _candidates([Path(p) for p in paths])
    metadata = _metadata_for(files)
    ids = unique_slugs([file.stem for file in files], fallback="article")
    articles = []
    for file, article_id in zip(files, ids, strict=True):
        raw = file.read_bytes()
        reason = _skip_reason(file, raw, max_file_bytes)
        decoded = None if reason else _decode(raw)
        if decoded is None and reason is None:
            reason = "binary file, not text"
        if decoded is not None:
            text = _clean(decoded[0])
            if not text:
                reason = "only white space"
        if reason:
            notes.append(f"{file}: skipped: {reason}")
            continue
        article = make_article(article_id, file.name, text, metadata.get(file, ArticleMetadata()), decoded[1])
        articles.append(article)
    articles.sort(key=lambda a: a.id)
    kept, duplicates = _duplicates(articles)
    by_id = {a.id: a.path for a in articles}
    notes.extend(f"{by_id[dup]}: duplicate of {by_id[original]}; counted once" for dup, original in duplicates)
    return Ingested(tuple(kept), tuple(notes), tuple(duplicates))
