"""How the stages spend CPU: the cycle collector paused while they build objects, and a stage's
per-item work spread over worker processes (``--jobs``) with the same result as one process."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a stage builds many small objects and no cycles.

    Its passes over everything alive (the lexicon's 30,000 towns, the results so far) took a tenth
    of the lexicon, extraction and resolution time; garbage is collected as usual afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def map_in_processes(
    function: Callable[[In], Out],
    items: Sequence[In],
    *,
    jobs: int,
    chunksize: int,
    meanwhile: Callable[[], object] | None = None,
) -> list[Out]:
    """``function`` over ``items``, in order: in ``jobs`` worker processes when there is more than
    one job and item, else here. Either way without the cycle collector (see collector_paused).

    ``meanwhile`` is work of this process's own that does not depend on the items: it runs while
    the workers do theirs (after they are forked, so they do not inherit what it makes), instead
    of before or after them."""
    if jobs <= 1 or len(items) < 2:
        if meanwhile is not None:
            meanwhile()
        with collector_paused():
            return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=jobs, initializer=gc.disable) as pool:
        results = pool.map(function, items, chunksize=chunksize)  # every chunk is submitted now
        if meanwhile is not None:
            meanwhile()
        return list(results)
