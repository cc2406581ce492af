"""Merging PDFs object by object: the pages of several files in one, under bookmarks.

Each source (rawfile.py) contributes its page tree and every object reachable from it (pages,
content streams, fonts, images, annotations), renumbered and copied as bytes: only the
references in the objects' dictionaries are rewritten, stream data never is. What the pages do
not reach (the source's catalog, structure tree, XMP packet, output intent) is left out, as
pypdf's ``append`` does. Each source's page tree becomes a child of the new root (its inherited
resources and media box stay where LibreOffice put them).

The file starts with the catalog (1), the page tree (2), the document information (3) and the
outline (4, then one object per bookmark), then each source's objects in its own order: the same
inputs always give the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from . import rawfile
from .info import info_dictionary, text_string
from .objects import string_end

_LEX = re.compile(
    rb"<<|>>|<[0-9A-Fa-f\s]*>|\(|%[^\r\n]*"
    rb"|(?<![^\s\[\]<>()])(?P<ref>\d+)\s+0\s+R(?![^\s\[\]<>()/%])"
    rb"|(?<![^\s\[\]<>()])(?P<stream>stream)(?=[\r\n])"
)
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_TYPE_PAGES = re.compile(rb"/Type\s*/Pages(?![A-Za-z])")
_REF = re.compile(rb"(\d+)\s+0\s+R")


def scan_body(body: bytes) -> tuple[list[tuple[int, int, int]], int]:
    """The references in ``body`` outside strings and stream data, as (start, end, number), and
    where its stream starts (``len(body)`` when it has none)."""
    refs: list[tuple[int, int, int]] = []
    position, depth = 0, 0
    while True:
        found = _LEX.search(body, position)
        if found is None:
            return refs, len(body)
        token = found[0]
        if token == b"(":
            position = string_end(body, found.end())
            continue
        if token == b"<<":
            depth += 1
        elif token == b">>":
            depth -= 1
        elif found["ref"] is not None:
            refs.append((found.start(), found.end(), int(found["ref"])))
        elif found["stream"] is not None and depth == 0:
            return refs, found.start()
        position = found.end()


@dataclass
class Source:
    """One file to merge: its layout, page tree root and pages (object numbers, in order)."""

    raw: rawfile.RawPdf
    pages_root: int
    pages: list[int]
    scans: dict[int, tuple[list[tuple[int, int, int]], int]]
    _reachable: list[int] | None = None

    @classmethod
    def read(cls, data: bytes) -> "Source":
        """Raises NotSimple for a file the fast path does not handle, ValueError when it has no page."""
        raw = rawfile.parse(data)
        catalog = raw.body(raw.root)
        found = re.search(rb"/Pages\s+(\d+)\s+0\s+R", catalog)
        if found is None:
            raise rawfile.NotSimple("catalog without a page tree")
        source = cls(raw, int(found[1]), [], {})
        source._walk(source.pages_root, 0)
        if not source.pages:
            raise ValueError("aucune page")
        return source

    def _walk(self, number: int, depth: int) -> None:
        if depth > 32 or number not in self.raw.spans:
            raise rawfile.NotSimple("page tree")
        body = self.raw.body(number)
        if _TYPE_PAGES.search(body[:self.scan(number)[1]]) is None:
            self.pages.append(number)
            return
        kids = _KIDS.search(body)
        for kid in _REF.findall(kids[1]) if kids else []:
            self._walk(int(kid), depth + 1)

    def scan(self, number: int) -> tuple[list[tuple[int, int, int]], int]:
        if number not in self.scans:
            self.scans[number] = scan_body(self.raw.body(number))
        return self.scans[number]

    def reachable(self) -> list[int]:
        """The objects the page tree reaches, in file order."""
        if self._reachable is not None:
            return self._reachable
        seen = {self.pages_root}
        todo = [self.pages_root]
        while todo:
            for _, _, target in self.scan(todo.pop())[0]:
                if target not in seen:
                    if target not in self.raw.spans:
                        raise rawfile.NotSimple(f"reference to a missing object {target}")
                    seen.add(target)
                    todo.append(target)
        self._reachable = [n for n in self.raw.order if n in seen]
        return self._reachable

    def copy(self, numbers: Mapping[int, int], parent: int) -> list[tuple[int, bytes]]:
        """Every reachable object, renumbered by ``numbers``; the page tree's root gets ``parent``."""
        out = []
        for old in self.reachable():
            body = self.raw.body(old)
            refs, stream_at = self.scan(old)
            pieces, last = [], 0
            for start, end, target in refs:
                pieces += [body[last:start], b"%d 0 R" % numbers[target]]
                last = end
            pieces.append(body[last:])
            new_body = b"".join(pieces)
            if old == self.pages_root:
                at = new_body.index(b"<<") + 2
                new_body = new_body[:at] + b"/Parent %d 0 R" % parent + new_body[at:]
            out.append((numbers[old], rawfile.indirect(numbers[old], new_body)))
        return out


@dataclass(frozen=True)
class Bookmark:
    """A bookmark to the first page of ``source`` (index in the merge), or to the first of
    ``children``'s pages."""

    title: str
    source: int | None = None
    children: Sequence["Bookmark"] = ()


def merge(sources: Sequence[Source], bookmarks: Sequence[Bookmark], info: Mapping[str, Any]) -> bytes:
    """One file with the pages of ``sources`` in order, ``bookmarks`` as its outline, ``info`` as
    its document information (see the module docstring)."""
    catalog, tree, info_number, outlines = 1, 2, 3, 4
    flat: list[tuple[Bookmark, int]] = []  # (bookmark, its parent's number), in pre-order: numbers 5, 6…

    def number_bookmarks(items: Sequence[Bookmark], parent: int) -> None:
        for item in items:
            flat.append((item, parent))
            if item.children:
                number_bookmarks(item.children, 4 + len(flat))

    number_bookmarks(bookmarks, outlines)
    numbers: list[dict[int, int]] = []
    next_number = 5 + len(flat)
    for source in sources:
        mine = {}
        for old in source.reachable():
            mine[old] = next_number
            next_number += 1
        numbers.append(mine)
    objects = [
        (catalog, rawfile.indirect(catalog, b"<</Type/Catalog/Pages 2 0 R/Outlines 4 0 R/PageMode/UseOutlines>>")),
        (tree, rawfile.indirect(tree, b"<</Type/Pages/Kids[%s]/Count %d>>" % (
            b" ".join(b"%d 0 R" % numbers[i][s.pages_root] for i, s in enumerate(sources)),
            sum(len(s.pages) for s in sources)))),
        (info_number, rawfile.indirect(info_number, info_dictionary(info))),
    ]
    objects += _outline(flat, sources, numbers, outlines)
    for source, mine in zip(sources, numbers):
        objects += source.copy(mine, tree)
    version = max(source.raw.data[5:8] for source in sources)  # "1.6"
    return rawfile.write(b"%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n" % version, objects, root=catalog, info=info_number)


def _visible(items: Sequence[Bookmark]) -> int:
    """How many bookmarks a viewer shows under an open parent of ``items`` (all are open)."""
    return sum(1 + _visible(item.children) for item in items)


def _outline(flat: list[tuple[Bookmark, int]], sources: Sequence[Source], numbers: list[dict[int, int]],
             outlines: int) -> list[tuple[int, bytes]]:
    index = {id(item): 5 + i for i, (item, _) in enumerate(flat)}

    def first_page(item: Bookmark) -> int:
        while item.source is None:
            item = item.children[0]
        return numbers[item.source][sources[item.source].pages[0]]

    def links(items: Sequence[Bookmark]) -> dict[int, bytes]:
        found = {}
        for position, item in enumerate(items):
            entry = b""
            if position > 0:
                entry += b"/Prev %d 0 R" % index[id(items[position - 1])]
            if position + 1 < len(items):
                entry += b"/Next %d 0 R" % index[id(items[position + 1])]
            if item.children:
                entry += b"/First %d 0 R/Last %d 0 R/Count %d" % (
                    index[id(item.children[0])], index[id(item.children[-1])], _visible(item.children))
            found[id(item)] = entry
        return found

    siblings = {id(item): links(item.children) for item, _ in flat if item.children}
    top = [item for item, parent in flat if parent == outlines]
    by_item = links(top)
    for group in siblings.values():
        by_item.update(group)
    objects = [(outlines, rawfile.indirect(outlines, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (
        index[id(top[0])], index[id(top[-1])], _visible(top))))] if top else [
        (outlines, rawfile.indirect(outlines, b"<</Type/Outlines/Count 0>>"))]
    for item, parent in flat:
        number = index[id(item)]
        body = b"<</Title %s/Parent %d 0 R%s/Dest[%d 0 R/Fit]>>" % (
            text_string(item.title), parent, by_item[id(item)], first_page(item))
        objects.append((number, rawfile.indirect(number, body)))
    return objects


__all__ = ["Bookmark", "Source", "merge"]
