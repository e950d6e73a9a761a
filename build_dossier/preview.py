"""``mkdocs serve`` on a large dossier: after an edit, build only the pages that changed.

MkDocs 1.6 builds the whole site on every reload, ``--dirty`` or not: it loads the configuration
again, lists every file, builds the navigation and every page's place in it, then renders the
changed pages; at 6,300 pages that is 1.1 s before the first one. When the last build's files,
navigation and theme are at hand and an edit changed files only (none added or removed, the
configuration untouched), :func:`build_changed` renders just those with MkDocs's own steps for a
page. They are private functions of ``mkdocs.commands.build``, one reason MkDocs is pinned.

Used only while Material's built-in search is off (Pagefind searches the dossier): that index is
rewritten from every page of a build, so it needs the whole build.

MkDocs notices a save by taking a snapshot of every watched file twice a second; at 7,300 files one
snapshot costs 75 ms of the server's time, and a save waits 0.25 s on average before it is seen.
:func:`watch_natively` has the operating system tell the server of a save instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import jinja2
import watchdog.events
import watchdog.observers
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from watchdog.observers.api import ObservedWatch

from build_dossier.pipeline import FileStates, file_states


@dataclass
class LastBuild:
    """What MkDocs's last whole build made, and the state of its inputs when it read them."""

    config: MkDocsConfig
    files: Files
    docs: FileStates
    """States of every file in ``docs_dir`` when the build listed them."""
    config_file: FileStates
    nav: Navigation | None = None
    env: jinja2.Environment | None = None


def can_build_changed(last: LastBuild) -> bool:
    """True when a reload can build only the changed files: the last whole build went through and
    Material's search, whose index needs every page, is off."""
    if last.nav is None or last.env is None:
        return False
    search = last.config.plugins.get("material/search") or last.config.plugins.get("search")
    return search is None or not getattr(search.config, "enabled", True)


@dataclass(frozen=True)
class Changes:
    """Files of ``docs_dir`` (absolute paths) that differ between two states."""

    changed: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)


def changes_between(before: FileStates, after: FileStates) -> Changes:
    """Files whose size or modification time changed, that came, that went."""
    then = {path: (size, mtime) for path, size, mtime in before}
    now = {path: (size, mtime) for path, size, mtime in after}
    return Changes(
        changed=tuple(path for path in now if path in then and now[path] != then[path]),
        added=tuple(path for path in now if path not in then),
        removed=tuple(path for path in then if path not in now),
    )


def docs_states(config: MkDocsConfig) -> tuple[FileStates, FileStates]:
    """States of ``docs_dir`` and of the configuration file."""
    return file_states(Path(config.docs_dir)), file_states(Path(config.config_file_path))


def build_changed(last: LastBuild, changes: Changes) -> bool:
    """Put the files of ``changes`` into the site: render pages, copy other files, add and remove.

    False, with nothing built, if a change touches the navigation (a page in it came or went, or a
    new page would join it) or concerns a file the last build left out; False after building if a
    page in the navigation changed its title. The caller then builds everything.
    """
    config, files, nav, env = last.config, last.files, last.nav, last.env
    assert nav is not None and env is not None
    in_nav = {id(page) for page in nav.pages}

    def known(path: str) -> File | None:
        return files.get_file_from_path(os.path.relpath(path, config.docs_dir))

    def left_out(path: str) -> bool:  # MkDocs leaves dot-files out of every build
        return os.path.basename(path).startswith(".")

    gone = [known(path) for path in changes.removed if not left_out(path)]
    kept = [known(path) for path in changes.changed if not left_out(path)]
    new = [
        File(
            os.path.relpath(path, config.docs_dir),
            config.docs_dir,
            config.site_dir,
            config.use_directory_urls,
        )
        for path in changes.added
        if not left_out(path)
    ]
    set_exclusions(new, config)
    if (
        any(file is None or id(file.page) in in_nav for file in gone)
        or any(file is None for file in kept)
        or any(file.is_documentation_page() and not file.inclusion.is_not_in_nav() for file in new)
    ):
        return False
    for file in gone:
        assert file is not None
        files.remove(file)
        if os.path.exists(file.abs_dest_path):
            os.remove(file.abs_dest_path)
    for file in new:
        files.append(file)
        if file.is_documentation_page():
            Page(None, file, config)
    documentation = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    titles_kept = True
    for file in [*kept, *new]:
        assert file is not None
        if file.page is None:
            file.copy_file()
            continue
        title = file.page.title
        _populate_page(file.page, config, files)
        _build_page(file.page, config, documentation, nav, env, excluded=file.inclusion.is_excluded())
        titles_kept = titles_kept and (id(file.page) not in in_nav or file.page.title == title)
    return titles_kept


_CHANGE_EVENTS = [
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileClosedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.DirCreatedEvent,
    watchdog.events.DirDeletedEvent,
    watchdog.events.DirMovedEvent,
]
"""Events that change a file. Notifications also report a file opened or closed unwritten, and
MkDocs counts any event as a reason to rebuild: its own reading of the pages would reload forever."""


class _ChangeObserver(watchdog.observers.Observer):  # type: ignore[misc, valid-type]
    """The platform's native observer, told of changes only."""

    def schedule(
        self,
        event_handler: watchdog.events.FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[watchdog.events.FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        return super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or _CHANGE_EVENTS,
            follow_symlink=follow_symlink,
        )


def watch_natively(server: LiveReloadServer) -> bool:
    """Move the server's watched paths to the platform's file-change notifications (inotify on
    Linux) and return True; keep MkDocs's polling and return False where they do not work.

    MkDocs polls because notifications miss changes made from outside some virtual file systems
    (a folder shared into Docker, a network mount); the ``dossier_watcher: polling`` setting keeps
    polling there. Call it before the server starts: it re-adds the paths watched so far
    (``_watched_paths`` is private, another reason MkDocs is pinned).
    """
    watched = dict(server._watched_paths)
    probe = _ChangeObserver()
    try:
        for path in watched:
            probe.schedule(watchdog.events.FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except OSError:  # no inotify, or too few inotify watches left for the folders
        return False
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _ChangeObserver()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return True
