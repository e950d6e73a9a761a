"""Write: put rendered pages into ``docs/`` safely.

Only files whose content changed are written (so ``mkdocs serve`` does not reload for nothing),
pages whose source is gone are removed, and a manifest of what the generator wrote lets it tell
its own files from an editor's: a hand-written page, or a generated page edited by hand, is never
overwritten or deleted. Everything is staged to temporary files before the first one replaces an
existing page, so a failure while writing leaves the previous pages in place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from build_dossier.errors import WriteError
from build_dossier.settings import GENERATED_DIRS, GENERATED_PAGES, MANIFEST_NAME

PAGE_MODE = 0o644


@dataclass(frozen=True)
class WritePlan:
    """What a build would change in ``docs/``, worked out before anything is touched."""

    write: dict[str, bytes]
    """Pages to create or replace, by docs-relative path."""
    remove: tuple[str, ...]
    """Generated pages whose source is gone."""
    unchanged: int
    manifest: dict[str, str]
    """The manifest after the build: path -> SHA-256 of what the generator wrote."""
    warnings: tuple[str, ...]
    kept: frozenset[str] = frozenset()
    """Rendered pages left as they are because the editor wrote or edited them."""


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int
    warnings: tuple[str, ...]


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _check_path(path: str) -> None:
    """Refuse any path outside the generator's own folders and pages (a bug, not a user error)."""
    parts = path.split("/")  # not a PurePosixPath: asked for every page of every build
    allowed = path in GENERATED_PAGES or (len(parts) > 1 and parts[0] in GENERATED_DIRS)
    if not allowed or {"", ".", ".."} & set(parts) or "\\" in path:
        raise WriteError(f"refusing to write {path!r}: not inside the generated part of docs/")


def read_manifest(docs_dir: Path) -> dict[str, str]:
    """The generator's record of its files; an unreadable one is an error rather than a silent reset."""
    manifest_path = docs_dir / MANIFEST_NAME
    if not manifest_path.exists():
        return {}
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise WriteError(f"{manifest_path}: cannot read the manifest of generated pages ({error})") from error
    if not isinstance(manifest, dict) or not all(isinstance(v, str) for v in manifest.values()):
        raise WriteError(f"{manifest_path}: the manifest of generated pages is not a path -> hash map")
    return manifest


def plan_site(pages: dict[str, str], docs_dir: Path, on_disk: Mapping[str, str] | None = None) -> WritePlan:
    """Compare rendered pages with ``docs/`` and the manifest; nothing is written.

    ``on_disk`` holds pages the caller knows to be in ``docs/`` as the generator wrote them (a
    long-lived process that wrote them and saw nobody touch them since): those are not read again.
    """
    old_manifest = read_manifest(docs_dir)
    new_manifest: dict[str, str] = {}
    to_write: dict[str, bytes] = {}
    warnings: list[str] = []
    kept: set[str] = set()
    unchanged = 0
    root = str(docs_dir)
    for path in sorted(pages):
        _check_path(path)
        if on_disk and path in old_manifest and on_disk.get(path) == pages[path]:
            unchanged += 1
            new_manifest[path] = old_manifest[path]
            continue
        content = pages[path].encode("utf-8")
        target = os.path.join(root, path)
        try:
            with open(target, "rb") as stream:
                current = stream.read()
        except FileNotFoundError:
            to_write[path] = content
            new_manifest[path] = _digest(content)
            continue
        if current == content:
            unchanged += 1
            new_manifest[path] = _digest(content)
        elif path not in old_manifest:
            warnings.append(f"{target}: written by hand, not by the generator; left as it is")
            kept.add(path)
        elif _digest(current) != old_manifest[path]:
            warnings.append(
                f"{target}: generated page edited by hand; not overwritten (delete it to regenerate)"
            )
            new_manifest[path] = old_manifest[path]
            kept.add(path)
        else:
            to_write[path] = content
            new_manifest[path] = _digest(content)

    removals = []
    for path in sorted(set(old_manifest) - set(pages)):
        target = docs_dir / path
        if not target.exists():
            continue
        if _digest(target.read_bytes()) == old_manifest[path]:
            removals.append(path)
        else:
            warnings.append(f"{target}: its source is gone but it was edited by hand; left as it is")
    return WritePlan(to_write, tuple(removals), unchanged, new_manifest, tuple(warnings), frozenset(kept))


def _stage(target: str, content: bytes, folders: set[str]) -> str:
    """Write ``content`` to a temporary file beside ``target`` and return its path.

    The name is made of the page's and this process's, so no two builds share one; ``folders``
    remembers the folders already made, saving a system call per page of a large dossier. Paths
    are plain strings and the file a bare descriptor: ``Path`` objects and a buffered stream had
    cost as much as the system calls themselves for a few thousand small pages.
    """
    folder, name = os.path.split(target)
    if folder not in folders:
        os.makedirs(folder, exist_ok=True)
        folders.add(folder)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, PAGE_MODE)
    try:
        try:
            os.fchmod(handle, PAGE_MODE)  # whatever the umask: pages are published
            written = 0
            while written < len(content):
                written += os.write(handle, content[written:])
        finally:
            os.close(handle)
    except OSError:
        os.unlink(temporary)
        raise
    return temporary


def report_plan(plan: WritePlan) -> WriteReport:
    """What :func:`apply_plan` would report, for a check that writes nothing."""
    return WriteReport(tuple(plan.write), plan.remove, plan.unchanged, plan.warnings)


def apply_plan(plan: WritePlan, docs_dir: Path) -> WriteReport:
    """Stage every file, then move them into place; on failure the staged files are removed."""
    manifest_bytes = (json.dumps(plan.manifest, indent=1, sort_keys=True) + "\n").encode("utf-8")
    manifest_changed = read_manifest(docs_dir) != plan.manifest
    staged: list[tuple[str, str]] = []
    folders: set[str] = set()
    root = str(docs_dir)
    try:
        for path, content in plan.write.items():
            target = os.path.join(root, path)
            staged.append((_stage(target, content, folders), target))
        if manifest_changed:
            manifest_target = os.path.join(root, MANIFEST_NAME)
            staged.append((_stage(manifest_target, manifest_bytes, folders), manifest_target))
    except OSError as error:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise WriteError(f"{docs_dir}: could not write the pages ({error}); nothing was changed") from error
    for temporary, target in staged:
        os.replace(temporary, target)
    for path in plan.remove:
        target = docs_dir / path
        target.unlink()
        _remove_empty_parents(target.parent, docs_dir)
    return report_plan(plan)


def _remove_empty_parents(folder: Path, docs_dir: Path) -> None:
    while folder != docs_dir and docs_dir in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
