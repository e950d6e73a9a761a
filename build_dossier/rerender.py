"""Render again only what an edit changed, in a process that lives across builds (``mkdocs serve``).

A page of one incident, actor, place or article reads its subject and a few lookups of the
:class:`~build_dossier.lookups.Index` (the names it links to, the sentences it quotes). Rendered
through an index whose lookups note every key they are asked for, each such part of the site
records what it read; the next build reuses its pages when its subject and every value it read
compare equal to last time. An edit of one article of 1,000 then renders the few dozen pages that
read something of it, not 6,000. A part that walks a whole lookup, and the pages about the whole
dossier (the indexes, tags, map), are rendered on every build.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from build_dossier.lookups import Index

WHOLE = object()
"""The key noted when a part walks a whole lookup rather than asking for keys."""
ABSENT = object()
"""What a lookup gave for a key it did not hold."""
UNSEEN = object()
"""The last value of a key no part read in the last render."""

Read = tuple[str, object]
"""(lookup, key) of :class:`Index`."""


@dataclass(frozen=True)
class Part:
    """Pages that render together: one subject's page and its overflow pages, or an overview, one
    page about the whole dossier with its sub-pages (``subject`` None: rendered on every build)."""

    name: str
    render: Callable[[], dict[str, str]]
    subject: object = None
    first: bool = False
    """Rendered even when the rest is put off: the page of an input an editor edits."""


class _NotingDict(dict):  # type: ignore[type-arg]
    """A lookup that adds ``(field, key)`` to the reads of the part being rendered."""

    __slots__ = ("field", "reads")

    def __init__(self, field: str, contents: dict[object, object], reads: set[Read]) -> None:
        super().__init__(contents)
        self.field = field
        self.reads = reads

    def __getitem__(self, key: object) -> object:
        self.reads.add((self.field, key))
        return super().__getitem__(key)

    def get(self, key: object, default: object = None) -> object:
        self.reads.add((self.field, key))
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.reads.add((self.field, key))
        return super().__contains__(key)

    def __iter__(self) -> Iterator[object]:
        self.reads.add((self.field, WHOLE))
        return super().__iter__()

    def __len__(self) -> int:
        self.reads.add((self.field, WHOLE))
        return super().__len__()

    def keys(self):  # type: ignore[no-untyped-def]
        self.reads.add((self.field, WHOLE))
        return super().keys()

    def values(self):  # type: ignore[no-untyped-def]
        self.reads.add((self.field, WHOLE))
        return super().values()

    def items(self):  # type: ignore[no-untyped-def]
        self.reads.add((self.field, WHOLE))
        return super().items()


@dataclass(frozen=True)
class _Rendered:
    subject: object
    reads: frozenset[Read]
    pages: dict[str, str]


class RenderMemory:
    """The parts of the last render in this process, each with its subject, reads and pages."""

    def __init__(self) -> None:
        self._parts: dict[str, _Rendered] = {}
        self._seen: dict[Read, object] = {}
        """The value each read key had in the last render."""
        self._reads: set[Read] = set()
        self._overviews: dict[str, dict[str, str]] = {}
        """The last pages of each overview part (``subject`` None)."""
        self._due: set[str] = set()
        """Parts the last render put off: the next one renders them whatever they read."""
        self.rendered = 0
        """Parts rendered by the last :meth:`render`, the others reused (for the log and tests)."""

    @property
    def rest_due(self) -> bool:
        """True when the last :meth:`render` put off the rest: it shows the build before."""
        return bool(self._due)

    def noting(self, index: Index) -> Index:
        """``index`` with every lookup noting the keys asked of it."""
        lookups = {
            field.name: _NotingDict(field.name, value, self._reads)
            for field in dataclasses.fields(index)
            if isinstance(value := getattr(index, field.name), dict)
        }
        return dataclasses.replace(index, **lookups)

    def render(self, parts: Sequence[Part], index: Index, *, defer_rest: bool = False) -> dict[str, str]:
        """The pages of every part, reusing those whose subject and reads are unchanged.

        ``index`` is the one :meth:`noting` returned, that the parts read. With ``defer_rest``,
        parts rendered before keep their last pages, except the ``first`` ones.
        """
        unchanged: dict[Read, bool] = {}

        def current(read: Read) -> object:
            field, key = read
            return dict.get(getattr(index, field), key, ABSENT)

        def is_unchanged(read: Read) -> bool:
            if read not in unchanged:
                before = self._seen.get(read, UNSEEN)
                now = current(read)
                unchanged[read] = (
                    read[1] is not WHOLE and before is not UNSEEN and (before is now or before == now)
                )
            return unchanged[read]

        seen: dict[Read, object] = {}
        kept: dict[str, _Rendered] = {}
        pages: dict[str, str] = {}
        due: set[str] = set()
        self.rendered = 0
        for part in parts:
            if part.subject is None:
                if not (defer_rest and part.name in self._overviews):
                    self._overviews[part.name] = part.render()
                    self.rendered += 1
                else:
                    due.add(part.name)
                pages.update(self._overviews[part.name])
                continue
            last = self._parts.get(part.name)
            if not (
                last is not None
                and part.name not in self._due
                and (last.subject is part.subject or last.subject == part.subject)
                and all(is_unchanged(read) for read in last.reads)
            ):
                if defer_rest and last is not None and not part.first:
                    due.add(part.name)
                else:
                    self._reads.clear()
                    output = part.render()
                    last = _Rendered(part.subject, frozenset(self._reads), output)
                    self.rendered += 1
                    seen.update((read, current(read)) for read in last.reads)
            kept[part.name] = last
            pages.update(last.pages)
        self._seen.update(seen)
        self._parts = kept
        self._due = due
        return pages

    def forget(self) -> None:
        """Render everything next time (after a template changed)."""
        self._parts.clear()
        self._seen.clear()
        self._overviews.clear()
        self._due.clear()
