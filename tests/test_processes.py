"""The worker pool: results in input order, and this process's own work done while the workers run."""

from __future__ import annotations

import os

import pytest

from build_dossier.processes import map_in_processes

_made_meanwhile: list[int] = []
"""Filled by ``meanwhile`` in the test's process; a worker forked before it sees it empty."""


def _square_and_what_was_made(number: int) -> tuple[int, int]:
    return number * number, len(_made_meanwhile)


@pytest.mark.parametrize("jobs", [1, 2])
def test_meanwhile_runs_once_here_and_results_keep_their_order(jobs: int) -> None:
    _made_meanwhile.clear()

    def meanwhile() -> None:
        _made_meanwhile.append(os.getpid())

    results = map_in_processes(
        _square_and_what_was_made, range(10), jobs=jobs, chunksize=2, meanwhile=meanwhile
    )

    assert _made_meanwhile == [os.getpid()]
    assert [square for square, _ in results] == [n * n for n in range(10)]
    if jobs == 2:
        # The workers were forked before ``meanwhile`` ran: they inherited none of its work.
        assert {made for _, made in results} == {0}


def test_without_meanwhile_the_pool_gives_the_same_results() -> None:
    _made_meanwhile.clear()
    one = map_in_processes(_square_and_what_was_made, range(7), jobs=1, chunksize=3)
    two = map_in_processes(_square_and_what_was_made, range(7), jobs=2, chunksize=3)
    assert one == two == [(n * n, 0) for n in range(7)]
