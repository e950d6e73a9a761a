"""The extraction cache: an article whose text, metadata and extractor are unchanged is not re-read.

Extraction is a pure function of the article and of the code and data files of this package, so
its result can be kept between builds. Each result is stored under a key made of the article's
full ``repr`` and a fingerprint of every ``.py`` and ``.yml`` file of ``build_dossier``: an edited
article, an edited sidecar entry or any change to the extractor gives a new key. A build reuses
what it finds and removes the entries it did not use, so the folder holds one entry per article.
The output is identical with or without the cache; ``mkdocs serve`` is where it pays, re-extracting
only the article just saved. The folder is local state (git-ignored), read only by this project.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from build_dossier.ingest import ARTICLE_MEMO_SIZE
from build_dossier.model import Article, Extraction

PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the package's Python and YAML files, by relative path."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in {".py", ".yml"}):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.lru_cache(maxsize=ARTICLE_MEMO_SIZE)
def article_key(article: Article) -> str:
    """Memoised: each build asks twice (load, store), and ``mkdocs serve`` asks on every save."""
    return hashlib.sha256(f"{code_fingerprint()}\0{article!r}".encode()).hexdigest()


@dataclass
class _Remembered:
    """The entries of this process's last build: ``mkdocs serve`` builds again on every save, and
    unpickling a thousand unchanged entries took half a second of that. An entry is trusted while
    its file has the size and time it had when read or written here; otherwise it is read again."""

    folder: Path | None = None
    entries: dict[str, tuple[tuple[int, int], Extraction]] = field(default_factory=dict)


_remembered = _Remembered()


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _entry(folder: Path, article: Article) -> Path:
    return folder / f"{article_key(article)}.pickle"


def load(folder: Path, articles: Sequence[Article]) -> dict[str, Extraction]:
    """Cached extractions by article id; an unreadable or foreign entry counts as missing."""
    if _remembered.folder != folder:
        _remembered.folder, _remembered.entries = folder, {}
    found: dict[str, Extraction] = {}
    for article in articles:
        path = _entry(folder, article)
        signature = _signature(path)
        if signature is None:
            continue
        remembered = _remembered.entries.get(path.stem)
        if remembered and remembered[0] == signature and remembered[1].article == article:
            found[article.id] = remembered[1]
            continue
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            continue
        if isinstance(value, Extraction) and value.article == article:
            found[article.id] = value
            _remembered.entries[path.stem] = (signature, value)
    return found


def store(folder: Path, extractions: Sequence[Extraction], keep: Sequence[Article]) -> None:
    """Save new extractions and remove entries of articles no longer in ``keep``.

    Each entry is written to a temporary file and renamed, so an interrupted build leaves no
    half-written entry. A cache that cannot be written is skipped: it only saves time.
    """
    wanted = {article_key(article) for article in keep}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for extraction in extractions:
            target = _entry(folder, extraction.article)
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(extraction, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
            signature = _signature(target)
            if _remembered.folder == folder and signature:
                _remembered.entries[target.stem] = (signature, extraction)
        for entry in folder.iterdir():
            if entry.name.removesuffix(".pickle") not in wanted:
                entry.unlink()
    except OSError:
        return
    finally:
        for key in set(_remembered.entries) - wanted:
            del _remembered.entries[key]
