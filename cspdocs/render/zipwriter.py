"""A minimal, deterministic ZIP writer for DOCX packages.

Every member gets the same timestamp (1980-01-01 00:00, the ZIP epoch), no extra fields and no
platform attributes, so the same input gives the same bytes. Members that never change between
documents (styles, theme, fonts...) are compressed once per batch and copied as bytes.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import Iterable

_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DEFLATED = 8
_STORED = 0
_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class ZipMember:
    name: str
    crc: int
    size: int
    method: int
    payload: bytes  # the compressed (or stored) data


def prepare(name: str, data: bytes, level: int = 6) -> ZipMember:
    """Compress one member (raw deflate, as in ZIP)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    payload = compressor.compress(data) + compressor.flush()
    method = _DEFLATED
    if len(payload) >= len(data):
        payload, method = data, _STORED
    return ZipMember(name, zlib.crc32(data) & 0xFFFFFFFF, len(data), method, payload)


def build(members: Iterable[ZipMember]) -> bytes:
    """The bytes of a ZIP archive holding ``members`` in the given order."""
    out = bytearray()
    central = bytearray()
    count = 0
    for m in members:
        name = m.name.encode("utf-8")
        flags = _UTF8_FLAG if not m.name.isascii() else 0
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50, 20, flags, m.method, _DOS_TIME, _DOS_DATE,
            m.crc, len(m.payload), m.size, len(name), 0,
        )
        out += name
        out += m.payload
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, flags, m.method, _DOS_TIME, _DOS_DATE,
            m.crc, len(m.payload), m.size, len(name), 0, 0, 0, 0, 0, offset,
        )
        central += name
        count += 1
    if count > 0xFFFF or len(out) > 0xFFFFFFFF:
        raise ValueError("archive trop volumineuse pour le format ZIP simple")
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), cd_offset, 0)
    return bytes(out)
