"""Validated build settings, checked once up front."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from build_dossier.errors import ConfigError

GENERATED_DIRS = ("incidents", "actors", "places", "sources", "tags", "data")
"""Folders of ``docs/`` that the generator owns; everything else in ``docs/`` is the editor's."""

GENERATED_PAGES = ("index.md", "timeline.md", "map.md", "network.md", "conflicts.md")
"""Single pages at the top of ``docs/`` that the generator writes."""

MANIFEST_NAME = ".dossier-manifest.json"
"""Records every generated file and its hash, so edits by hand are noticed, not overwritten."""

METADATA_NAME = "metadata.yml"
"""Sidecar file in the seeds folder with editorial metadata the text cannot give."""

CACHE_NAME = ".dossier-cache"
"""Folder beside ``seeds/`` that keeps extraction results between builds (git-ignored)."""

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Default size limit of an article file; larger files are skipped with a warning."""


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    """Folder of article files (``*.txt``) and the sidecar ``metadata.yml``."""
    docs_dir: Path
    """MkDocs ``docs_dir``; the generator writes only its own folders and pages in it."""
    max_file_bytes: int = MAX_FILE_BYTES
    """Larger article files are skipped with a warning."""
    jobs: int = 1
    """Processes for extraction; the output is identical for any value."""
    cache_dir: Path | None = None
    """Folder of the extraction cache; None extracts every article on every build."""

    @property
    def metadata_path(self) -> Path:
        return self.seeds_dir / METADATA_NAME

    @property
    def manifest_path(self) -> Path:
        return self.docs_dir / MANIFEST_NAME

    @property
    def generated_paths(self) -> tuple[Path, ...]:
        """The generator's folders and pages in ``docs/``, and its manifest."""
        names = (*GENERATED_DIRS, *GENERATED_PAGES, MANIFEST_NAME)
        return tuple(self.docs_dir / name for name in names)


def make_settings(
    seeds_dir: str | os.PathLike[str] = "seeds",
    docs_dir: str | os.PathLike[str] = "docs",
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
    jobs: int = 1,
    cache: bool = True,
) -> Settings:
    """Build :class:`Settings`, reporting every problem in one error.

    With ``cache`` the extraction cache lives in ``.dossier-cache`` beside the seeds folder.
    """
    problems = []
    seeds, docs = Path(seeds_dir), Path(docs_dir)
    if not seeds.is_dir():
        problems.append(f"seeds folder {seeds} does not exist")
    if docs.exists() and not docs.is_dir():
        problems.append(f"docs folder {docs} is not a folder")
    if max_file_bytes <= 0:
        problems.append("max_file_bytes must be positive")
    if jobs < 1:
        problems.append("jobs must be at least 1")
    if problems:
        raise ConfigError("; ".join(problems))
    return Settings(
        seeds_dir=seeds,
        docs_dir=docs,
        max_file_bytes=max_file_bytes,
        jobs=jobs,
        cache_dir=seeds.resolve().parent / CACHE_NAME if cache else None,
    )
