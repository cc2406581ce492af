"""Sorting more items than memory should hold: sorted runs in a temporary file, then merged.

synthese.xlsx lists every action of every employee by due date (about ten per employee): they are
added as the employees come, in runs of ``RUN`` items, each run sorted and pickled to a temporary
file in blocks, and read back merged (``heapq.merge``), a block of each run at a time. The order
is that of a stable ``sorted(items, key=key)``: a run is sorted stably, and the merge takes, of
equal keys, the earlier run's item first.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from typing import Any, Callable, Iterator

RUN = 8192  # items sorted in memory at a time
BLOCK = 256  # items per pickle in a run


class DiskSort:
    """``add`` items, then iterate them once, sorted by ``key`` (``len``: how many)."""

    def __init__(self, key: Callable[[Any], Any], run: int = RUN, block: int = BLOCK):
        self.key, self._run, self._block = key, run, block
        self._items: list[Any] = []
        self._runs: list[tuple[int, int]] = []  # (offset, items) of each run in the file
        self._file = None
        self.count = 0

    def add(self, item: Any) -> None:
        self._items.append(item)
        self.count += 1
        if len(self._items) >= self._run:
            self._spill()

    def __len__(self) -> int:
        return self.count

    def _spill(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        items = sorted(self._items, key=self.key)
        self._items = []
        start = self._file.seek(0, 2)
        for i in range(0, len(items), self._block):
            pickle.dump(items[i:i + self._block], self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append((start, len(items)))

    def _read(self, offset: int, count: int) -> Iterator[Any]:
        """One run, a block at a time (the file is shared: each read seeks to where this run is)."""
        assert self._file is not None
        while count > 0:
            self._file.seek(offset)
            block = pickle.load(self._file)
            offset = self._file.tell()
            count -= len(block)
            yield from block

    def __iter__(self) -> Iterator[Any]:
        if not self._runs:  # everything fitted in memory
            items, self._items = sorted(self._items, key=self.key), []
            return iter(items)
        if self._items:
            self._spill()
        return heapq.merge(*(self._read(o, n) for o, n in self._runs), key=self.key)

    def close(self) -> None:
        self._items = []
        if self._file is not None:
            self._file.close()
            self._file = None
