"""manifest.json's text, and this run's employee entries kept on disk until it is written.

The manifest has one line per top-level key and one per employee (``manifest_chunks``). A large
run's employee entries (about 4 KB each) are not kept in memory meanwhile: ``EntrySpool`` writes
each entry's line to a temporary file as it is recorded (its bytes are final: nothing changes an
entry afterwards, see publish.Publisher's ``spool``), reads them back for whoever needs them (the
HR files' links, the comparison with the published output) and copies the lines into the
manifest. ``ManifestEntries`` is the manifest's ``salaries``: the carried-over entries, then the
spooled ones, a read-only sequence read from the temporary file (open while it is referenced).
"""

from __future__ import annotations

import json
import tempfile
from array import array
from collections.abc import Mapping, Sequence
from typing import Any, Iterator


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


class EntrySpool(Mapping):
    """matricule -> manifest entry, in the order recorded, on disk. Iterating (``values``,
    ``items``) reads the file once; a lookup by matricule reads it up to the entry (not for loops)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._offsets = array("q")  # where each entry's line starts

    def add(self, entry: dict[str, Any]) -> None:
        self._offsets.append(self._file.seek(0, 2))
        self._file.write(compact(entry).encode("utf-8") + b"\n")

    def __len__(self) -> int:
        return len(self._offsets)

    def lines(self) -> Iterator[str]:
        """Each entry as the manifest writes it (``compact``), in order."""
        end = self._file.seek(0, 2)
        position = 0
        while position < end:
            self._file.seek(position)
            block = self._file.readlines(1 << 20)
            position = self._file.tell()
            for raw in block:
                yield raw[:-1].decode("utf-8")

    def line(self, index: int) -> str:
        self._file.seek(self._offsets[index])
        return self._file.readline()[:-1].decode("utf-8")

    def values(self) -> Iterator[dict[str, Any]]:  # type: ignore[override]
        return (json.loads(line) for line in self.lines())

    def items(self) -> Iterator[tuple[str, dict[str, Any]]]:  # type: ignore[override]
        return ((entry["matricule"], entry) for entry in self.values())

    def __iter__(self) -> Iterator[str]:
        return (matricule for matricule, _ in self.items())

    def __getitem__(self, matricule: str) -> dict[str, Any]:
        for key, entry in self.items():
            if key == matricule:
                return entry
        raise KeyError(matricule)

    def close(self) -> None:
        self._file.close()


class ManifestEntries(Sequence):
    """The manifest's employees: ``carried`` (dicts) then ``spool``'s, read back on demand."""

    def __init__(self, carried: Sequence[dict[str, Any]], spool: EntrySpool):
        self.carried, self.spool = tuple(carried), spool

    def __len__(self) -> int:
        return len(self.carried) + len(self.spool)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index < len(self.carried):
            return self.carried[index]
        return json.loads(self.spool.line(index - len(self.carried)))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        yield from self.carried
        yield from self.spool.values()

    def lines(self) -> Iterator[str]:
        for entry in self.carried:
            yield compact(entry)
        yield from self.spool.lines()


def manifest_text(manifest: dict[str, Any]) -> str:
    """The manifest as written: one line per top-level key, and per item of a list of records
    (employees), so that it stays readable and small (no deep indentation)."""
    return "".join(manifest_chunks(manifest))


def manifest_chunks(manifest: dict[str, Any]):
    """``manifest_text`` piece by piece (a line per employee), to write it without building it whole."""
    yield "{\n"
    for index, (key, value) in enumerate(manifest.items()):
        name = json.dumps(key, ensure_ascii=False)
        comma = ",\n" if index else ""
        records = None
        if isinstance(value, ManifestEntries):
            records = value.lines() if len(value) else None
            value = value if len(value) else []
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            records = (compact(item) for item in value)
        if records is not None:
            yield f"{comma}  {name}: [\n"
            for i, line in enumerate(records):
                yield (",\n    " if i else "    ") + line
            yield "\n  ]"
        else:
            yield f"{comma}  {name}: {compact(value)}"
    yield "\n}\n"
