"""tri_disque.DiskSort gives the order of a stable ``sorted``, whatever the runs."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from cspdocs.rh.tri_disque import DiskSort


@pytest.mark.parametrize("run, block", [(1, 1), (3, 2), (7, 3), (50, 4), (10_000, 256)])
def test_disk_sort_is_a_stable_sort(run, block):
    rng = random.Random(run)
    items = [(date(2026, 1, 1) + timedelta(days=rng.randrange(20)), f"M{rng.randrange(5)}", i) for i in range(600)]
    spool = DiskSort(key=lambda a: a[:2], run=run, block=block)
    for item in items:
        spool.add(item)
    assert len(spool) == len(items)
    assert list(spool) == sorted(items, key=lambda a: a[:2])
    spool.close()


def test_an_empty_sort_gives_nothing():
    spool = DiskSort(key=lambda a: a)
    assert list(spool) == [] and len(spool) == 0
    spool.close()
