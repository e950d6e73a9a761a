"""The extraction cache: an article whose text, metadata and extractor are unchanged is not re-read.

Extraction is a pure function of the article and of the code and data files of this package, so
its result can be kept between builds. Each result is stored under a key made of the article's
full ``repr`` and a fingerprint of every ``.py`` and ``.yml`` file of ``build_dossier``: an edited
article, an edited sidecar entry or any change to the extractor gives a new key. A build reuses
what it finds and removes the entries it did not use, so the cache holds one entry per article.
The output is identical with or without the cache; ``mkdocs serve`` is where it pays, re-extracting
only the article just saved. The folder is local state (git-ignored), read only by this project.

The entries are rows of one SQLite database (in the standard library): a build adds its new
entries in one transaction, which is atomic, and writing ten thousand files one by one had cost
more than the pickling itself.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import pickle
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from build_dossier.ingest import ARTICLE_MEMO_SIZE
from build_dossier.model import Article, Extraction

PACKAGE = Path(__file__).resolve().parent
DATABASE_NAME = "extractions.sqlite"
LOCK_TIMEOUT_SECONDS = 30
"""How long a build waits for another build that is writing the same cache."""


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
    unpickling a thousand unchanged entries took half a second of that. They are trusted while the
    database has the size and time it had when this process last wrote it; else it is read again."""

    database: Path | None = None
    signature: tuple[int, int] | None = None
    entries: dict[str, Extraction] = field(default_factory=dict)


_remembered = _Remembered()


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


@contextmanager
def _connection(database: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(database, timeout=LOCK_TIMEOUT_SECONDS)) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        yield connection


def load(folder: Path, articles: Sequence[Article]) -> dict[str, Extraction]:
    """Cached extractions by article id; an unreadable or foreign entry counts as missing."""
    database = folder / DATABASE_NAME
    signature = _signature(database)
    if signature is None:
        return {}
    if (_remembered.database, _remembered.signature) != (database, signature):
        _remembered.database, _remembered.signature, _remembered.entries = database, None, {}
    found: dict[str, Extraction] = {}
    try:
        with _connection(database) as connection:
            for article in articles:
                key = article_key(article)
                value = _remembered.entries.get(key)
                if value is None:
                    row = connection.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
                    value = _unpickled(row[0]) if row else None
                if isinstance(value, Extraction) and value.article == article:
                    found[article.id] = value
    except sqlite3.Error:
        return {}
    return found


def _unpickled(data: bytes) -> object:
    try:
        return pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None


def store(folder: Path, fresh: Sequence[Extraction], extractions: Sequence[Extraction]) -> None:
    """Save the ``fresh`` extractions and remove every entry that is not one of ``extractions``
    (this build's). A cache that cannot be written, or is damaged, is started again: it only
    saves time."""
    keep = _save(folder, fresh, extractions)
    if keep is None:
        _remembered.database = None
        return
    database = folder / DATABASE_NAME
    _remembered.database, _remembered.signature, _remembered.entries = database, _signature(database), keep


@contextmanager
def storing(
    folder: Path | None, fresh: Sequence[Extraction], extractions: Sequence[Extraction], *, forked: bool
) -> Iterator[None]:
    """:func:`store` while the body runs, complete when it ends; nothing without a ``folder``.

    With ``forked`` (and ``fork``, which POSIX systems have) a forked process pickles and writes
    the entries while this one goes on, resolving: at 1,000 articles that took 0.15 s during which
    the other core was idle. This process then does not remember them: a build that uses several
    processes is a one-off (the CLI, the benchmark), not ``mkdocs serve``.
    """
    writer = None
    if folder is not None and forked and fresh and "fork" in multiprocessing.get_all_start_methods():
        _remembered.database = None
        writer = multiprocessing.get_context("fork").Process(
            target=_save_or_fail, args=(folder, fresh, extractions)
        )
        try:
            writer.start()
        except OSError:  # no process to be had: store here, it only costs time
            writer = None
    if folder is not None and writer is None:
        store(folder, fresh, extractions)
    try:
        yield
    finally:
        if writer is not None:
            writer.join()


def _save_or_fail(folder: Path, fresh: Sequence[Extraction], extractions: Sequence[Extraction]) -> None:
    """In a forked writer: its exit status says whether the entries were saved."""
    sys.exit(0 if _save(folder, fresh, extractions) is not None else 1)


def _save(
    folder: Path, fresh: Sequence[Extraction], extractions: Sequence[Extraction]
) -> dict[str, Extraction] | None:
    """Write the ``fresh`` entries and drop those not of ``extractions``: the entries by key, or
    None if the cache cannot be written."""
    database = folder / DATABASE_NAME
    keep = {article_key(extraction.article): extraction for extraction in extractions}
    rows = [(article_key(e.article), pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL)) for e in fresh]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            _write(database, rows, keep)
        except sqlite3.DatabaseError:  # not a database (damaged): start again
            database.unlink(missing_ok=True)
            _write(database, rows, keep)
    except (OSError, sqlite3.Error):
        return None
    return keep


def _write(database: Path, rows: list[tuple[str, bytes]], keep: dict[str, Extraction]) -> None:
    with _connection(database) as connection, connection:
        connection.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", rows)
        stale = [key for (key,) in connection.execute("SELECT key FROM entries") if key not in keep]
        connection.executemany("DELETE FROM entries WHERE key = ?", ((key,) for key in stale))
