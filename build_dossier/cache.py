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
from pathlib import Path

from build_dossier.model import Article, Extraction

PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the package's Python and YAML files, by relative path."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in {".py", ".yml"}):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def article_key(article: Article) -> str:
    return hashlib.sha256(f"{code_fingerprint()}\0{article!r}".encode()).hexdigest()


def load(folder: Path, articles: Sequence[Article]) -> dict[str, Extraction]:
    """Cached extractions by article id; an unreadable or foreign entry counts as missing."""
    found: dict[str, Extraction] = {}
    for article in articles:
        try:
            value = pickle.loads((folder / f"{article_key(article)}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            continue
        if isinstance(value, Extraction) and value.article == article:
            found[article.id] = value
    return found


def store(folder: Path, extractions: Sequence[Extraction], keep: Sequence[Article]) -> None:
    """Save new extractions and remove entries of articles no longer in ``keep``.

    Each entry is written to a temporary file and renamed, so an interrupted build leaves no
    half-written entry. A cache that cannot be written is skipped: it only saves time.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for extraction in extractions:
            target = folder / f"{article_key(extraction.article)}.pickle"
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(extraction, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        wanted = {f"{article_key(article)}.pickle" for article in keep}
        for entry in folder.iterdir():
            if entry.name not in wanted:
                entry.unlink()
    except OSError:
        return
