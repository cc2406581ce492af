"""A PDF file as byte ranges: its cross-reference table, the span of each object, and a
rewrite that copies every object verbatim except the few replaced or added.

LibreOffice writes single-revision files with a classic cross-reference table (no object or
cross-reference streams), so making its output reproducible (normalize.py) or merging several
of them (merge.py) only needs the offsets of the objects: the unchanged ones, content streams,
fonts and images included, are copied as bytes, never parsed nor re-encoded. Anything else
(incremental updates, cross-reference streams, encryption, an offset that does not point at its
object) raises ``NotSimple``, and callers fall back on pypdf.

The rewritten file gets a new cross-reference table and trailer (``/Size``, ``/Root``, ``/Info``
and an ``/ID`` derived from the written bytes: the MD5 of the file with a zero ``/ID``, so that
the same content always gives the same identifier).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

#: /ID placeholder written first, then replaced (same length) by the content hash.
ID_PLACEHOLDER_HEX = b"<" + b"00" * 16 + b">"

_SUBSECTION = re.compile(rb"(\d+)[ \t]+(\d+)[ \t]*\r?\n")
_ENTRIES = re.compile(rb"(?:\d{10} \d{5} [nf][ \r\n]{2})*")
_REF = rb"(\d+)\s+0\s+R"
_TRAILER_ROOT = re.compile(rb"/Root\s*" + _REF)
_TRAILER_INFO = re.compile(rb"/Info\s*" + _REF)
_TRAILER_SIZE = re.compile(rb"/Size\s+(\d+)")
_UNSUPPORTED_TRAILER = (b"/Prev", b"/Encrypt", b"/XRefStm")


class NotSimple(Exception):
    """The file is not a single-revision PDF with a classic cross-reference table."""


@dataclass(frozen=True)
class RawPdf:
    """Where each object of ``data`` lies (see the module docstring)."""

    data: bytes
    spans: Mapping[int, tuple[int, int]]  # object number -> (start, end): "n 0 obj ... endobj\n"
    order: Sequence[int]  # object numbers in file order
    header_end: int  # offset of the first object (the header and its binary comment before)
    size: int  # the trailer's /Size: one more than the largest object number
    root: int
    info: int | None

    def object_bytes(self, number: int) -> bytes:
        """The bytes of object ``number``, from "n 0 obj" to the next object."""
        start, end = self.spans[number]
        return self.data[start:end]

    def body(self, number: int) -> bytes:
        """What object ``number`` holds: between "n 0 obj" and "endobj" (stream included)."""
        start, end = self.spans[number]
        head = self.data.index(b"obj", start, end) + 3
        tail = self.data.rindex(b"endobj", head, end)
        return self.data[head:tail].strip(b"\r\n\t \x00\x0c")


def parse(data: bytes) -> RawPdf:
    """The layout of ``data``; raises NotSimple when it is not one this module handles."""
    if not data.startswith(b"%PDF-"):
        raise NotSimple("no PDF header")
    where = data.rfind(b"startxref", max(0, len(data) - 1024))
    if where < 0:
        raise NotSimple("no startxref")
    try:
        xref = int(data[where + 9:where + 40].split()[0])
    except (ValueError, IndexError):
        raise NotSimple("bad startxref") from None
    if not data.startswith(b"xref", xref):
        raise NotSimple("cross-reference stream")
    trailer_at = data.find(b"trailer", xref, where)
    if trailer_at < 0:
        raise NotSimple("no trailer")
    trailer = data[trailer_at:where]
    if any(key in trailer for key in _UNSUPPORTED_TRAILER):
        raise NotSimple("incremental update or encryption")
    offsets: dict[int, int] = {}
    position = xref + 4
    while position < trailer_at:
        while data[position:position + 1] in (b" ", b"\r", b"\n"):
            position += 1
        if position >= trailer_at:
            break
        header = _SUBSECTION.match(data, position)
        if header is None:
            raise NotSimple("bad cross-reference subsection")
        first, count = int(header[1]), int(header[2])
        position = header.end()
        table = data[position:position + 20 * count]  # entries are 20 bytes each
        if len(table) != 20 * count or _ENTRIES.fullmatch(table) is None:
            raise NotSimple("bad cross-reference entry")
        position += 20 * count
        for number, at in zip(range(first, first + count), range(0, 20 * count, 20)):
            if table[at + 17] == 110:  # "n": in use
                if table[at + 11:at + 16] != b"00000":
                    raise NotSimple("generation number")
                offsets[number] = int(table[at:at + 10])
    size_match, root_match = _TRAILER_SIZE.search(trailer), _TRAILER_ROOT.search(trailer)
    if size_match is None or root_match is None or not offsets:
        raise NotSimple("incomplete trailer")
    info_match = _TRAILER_INFO.search(trailer)
    order = sorted(offsets, key=offsets.__getitem__)
    spans: dict[int, tuple[int, int]] = {}
    for index, number in enumerate(order):
        start = offsets[number]
        end = offsets[order[index + 1]] if index + 1 < len(order) else xref
        if not data.startswith(b"%d 0 obj" % number, start) or end <= start:
            raise NotSimple(f"object {number} is not where the table says")
        spans[number] = (start, end)
    size = max(int(size_match[1]), max(offsets) + 1)
    root = int(root_match[1])
    info = int(info_match[1]) if info_match else None
    if root not in spans or (info is not None and info not in spans):
        raise NotSimple("trailer names a missing object")
    return RawPdf(data, spans, order, offsets[order[0]], size, root, info)


def indirect(number: int, body: bytes) -> bytes:
    """An indirect object: "n 0 obj", ``body``, "endobj"."""
    return b"%d 0 obj\n%s\nendobj\n\n" % (number, body)


def stream_body(dictionary: bytes, data: bytes, length: int | None = None) -> bytes:
    """The body of a stream object; ``dictionary`` ends with "/Length", its value is added:
    the length of ``data``, or a reference to object ``length`` (which must hold it)."""
    value = b"%d" % len(data) if length is None else b"%d 0 R" % length
    return b"%s %s>>\nstream\n%s\nendstream" % (dictionary, value, data)


def write(
    header: bytes,
    objects: Sequence[tuple[int, bytes]],
    *,
    root: int,
    info: int | None,
) -> bytes:
    """A whole file: ``header``, the (number, "n 0 obj ... endobj" bytes) in that order, a
    cross-reference table, a trailer and a content-derived /ID (see the module docstring)."""
    out = bytearray(header)
    offsets: dict[int, int] = {}
    for number, chunk in objects:
        offsets[number] = len(out)
        out += chunk
    size = max(offsets) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 00000 f \n"
    out += b"trailer\n<</Size %d/Root %d 0 R" % (size, root)
    if info is not None:
        out += b"/Info %d 0 R" % info
    out += b"/ID [ "
    id_at = len(out)
    out += ID_PLACEHOLDER_HEX + b" " + ID_PLACEHOLDER_HEX + b" ]>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return stamp_id(out, id_at)


def stamp_id(data: bytes | bytearray, where: int) -> bytes:
    """Replace the two zero /ID strings at ``where`` by the MD5 of ``data`` (same length)."""
    digest = b"<" + hashlib.md5(data, usedforsecurity=False).hexdigest().upper().encode() + b">"
    out = bytearray(data)
    for _ in range(2):
        at = out.index(ID_PLACEHOLDER_HEX, where)
        out[at:at + len(ID_PLACEHOLDER_HEX)] = digest
        where = at + len(digest)
    return bytes(out)


def rewrite(raw: RawPdf, replaced: Mapping[int, bytes], added: Sequence[tuple[int, bytes]] = (),
            info: int | None = None) -> bytes:
    """``raw`` with the objects of ``replaced`` (number -> new "n 0 obj ... endobj" bytes) in
    place of the old ones, ``added`` objects at the end; ``info`` is the trailer's /Info
    (default: the file's)."""
    objects = [(n, replaced[n] if n in replaced else raw.object_bytes(n)) for n in raw.order]
    return write(raw.data[:raw.header_end], [*objects, *added], root=raw.root,
                 info=info if info is not None else raw.info)


__all__ = ["ID_PLACEHOLDER_HEX", "NotSimple", "RawPdf", "indirect", "parse", "rewrite", "stamp_id",
           "stream_body", "write"]
