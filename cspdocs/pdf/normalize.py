"""Reproducible PDF bytes: fixed dates, content-derived /ID, no other varying bytes.

LibreOffice stamps the conversion time (it ignores SOURCE_DATE_EPOCH), a random
/ID and a /DocChecksum. Rewriting the file with pypdf drops the checksum; the dates
are set to the caller's (e.g. derived from the case), XMP dates and UUIDs, if any,
are rewritten the same way, and /ID is a hash of the written bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, StreamObject

#: /ID placeholder written first, then replaced (same length) by the content hash.
_ID_PLACEHOLDER = b"\x00" * 16
_ID_PLACEHOLDER_HEX = b"<" + b"00" * 16 + b">"

_XMP_DATE = re.compile(rb"(<(xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>)[^<]*(</\2>)")
_XMP_DATE_ATTR = re.compile(rb'((?:xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)=")[^"]*(")')
_XMP_UUID = re.compile(rb"uuid:[0-9a-fA-F-]{36}")


def pdf_date(moment: datetime) -> str:
    """``moment`` in PDF date syntax (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    offset = moment.utcoffset()
    stamp = moment.strftime("D:%Y%m%d%H%M%S")
    if not offset:
        return stamp + "Z"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}'{minutes:02d}'"


def _xmp_date(moment: datetime) -> bytes:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat(timespec="seconds").encode()


def _fix_xmp(writer: PdfWriter, moment: datetime) -> None:
    metadata = writer.root_object.get("/Metadata")
    if metadata is None:
        return
    stream = metadata.get_object()
    if not isinstance(stream, StreamObject):
        return
    data = stream.get_data()
    stamp = _xmp_date(moment)
    data = _XMP_DATE.sub(lambda m: m[1] + stamp + m[3], data)
    data = _XMP_DATE_ATTR.sub(lambda m: m[1] + stamp + m[2], data)
    # Document and instance UUIDs: derived from the XMP packet itself, stable.
    digest = hashlib.sha256(_XMP_UUID.sub(b"", data)).hexdigest()
    uuid = f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    data = _XMP_UUID.sub(uuid.encode(), data)
    stream.set_data(data)


def finalize(writer: PdfWriter, moment: datetime, metadata: dict[str, str] | None = None) -> bytes:
    """Write ``writer`` reproducibly: fixed dates, extra metadata, content-hash /ID."""
    stamp = pdf_date(moment)
    info = {"/CreationDate": stamp, "/ModDate": stamp}
    for key, value in (metadata or {}).items():
        info["/" + key.lstrip("/")] = value
    writer.add_metadata(info)
    _fix_xmp(writer, moment)
    # pypdf has no public setter for the trailer /ID: write a placeholder, then
    # replace it in place (same length, so offsets stay valid) with a content hash.
    writer._ID = ArrayObject([ByteStringObject(_ID_PLACEHOLDER), ByteStringObject(_ID_PLACEHOLDER)])
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    where = data.rfind(b"/ID")
    if where < 0 or data.find(_ID_PLACEHOLDER_HEX, where) < 0:
        raise RuntimeError("pypdf did not write the /ID placeholder")  # pragma: no cover
    digest = b"<" + hashlib.md5(data, usedforsecurity=False).hexdigest().upper().encode() + b">"
    head, tail = data[:where], data[where:]
    return head + tail.replace(_ID_PLACEHOLDER_HEX, digest, 2)


def normalize_pdf(
    source: Path | bytes | PdfReader,
    moment: datetime,
    metadata: dict[str, str] | None = None,
) -> bytes:
    """The bytes of ``source`` made reproducible (see module docstring).

    ``metadata`` adds or replaces document-information entries (e.g. {"Title": ...}).
    """
    if isinstance(source, PdfReader):
        reader = source
    elif isinstance(source, bytes):
        reader = PdfReader(io.BytesIO(source))
    else:
        reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    # The trailer's /DocChecksum and /Info are rebuilt by pypdf; keep only stable keys.
    return finalize(writer, moment, metadata)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600 files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


__all__ = ["finalize", "normalize_pdf", "pdf_date", "sha256", "write_atomic"]
