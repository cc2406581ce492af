"""The document information dictionary of a reproducible PDF: its dates in PDF syntax, fixed
to the caller's moment, extra entries, and its bytes (normalize.py, merge.py)."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from .lazy_pypdf import is_pypdf
from .objects import Name, Ref


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


def document_info(current: Mapping[str, Any] | None, moment: datetime,
                  metadata: Mapping[str, str] | None = None) -> dict[str, Any]:
    """``current``'s entries, /CreationDate and /ModDate set to ``moment``, then ``metadata``
    (keys with or without their slash: {"Title": ...})."""
    info: dict[str, Any] = dict(current or {})
    stamp = pdf_date(moment)
    info["/CreationDate"] = stamp
    info["/ModDate"] = stamp
    for key, value in (metadata or {}).items():
        info["/" + key.lstrip("/")] = value
    return info


def text_string(value: str) -> bytes:
    """A PDF text string: literal when printable ASCII, else UTF-16BE with its BOM, in hex."""
    if value.isascii() and value.isprintable():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def serialize(value: Any) -> bytes:
    """A value of a dictionary: a text string (``str``), or an object as objects.py or pypdf read it."""
    if isinstance(value, Name):
        return value.encode("latin-1")
    if isinstance(value, str) and not is_pypdf(value, "NameObject"):
        return text_string(value)
    if hasattr(value, "write_to_stream"):  # pypdf's
        buffer = io.BytesIO()
        value.write_to_stream(buffer)
        return buffer.getvalue()
    if isinstance(value, bool) or value is None:
        return {True: b"true", False: b"false", None: b"null"}[value]
    if isinstance(value, (int, float)):
        return b"%d" % value if isinstance(value, int) else repr(value).encode()
    if isinstance(value, bytes):
        return b"<" + value.hex().upper().encode() + b">"
    if isinstance(value, Ref):
        return b"%d 0 R" % value.number
    if isinstance(value, list):
        return b"[" + b" ".join(map(serialize, value)) + b"]"
    if isinstance(value, dict):
        return b"<<" + b"".join(k.encode("latin-1") + b" " + serialize(v) for k, v in value.items()) + b">>"
    raise TypeError(f"cannot write {type(value).__name__}")


def info_dictionary(info: Mapping[str, Any]) -> bytes:
    """The bytes of the dictionary ``info`` (keys with their slash)."""
    return b"<<" + b"".join(key.encode("latin-1") + serialize(value) + b"\n" for key, value in info.items()) + b">>"


def read_producer(pdf: Path) -> str | None:
    """The /Producer of ``pdf`` ("LibreOffice 7.4"), or None (informative only: never fails)."""
    from . import rawfile
    from .objects import Objects, text_of

    try:  # the file as LibreOffice or normalize.py lays it out: read without pypdf
        objects = Objects(rawfile.parse(Path(pdf).read_bytes()))
        info = objects.get(objects.raw.info) if objects.raw.info is not None else {}
        producer = objects.resolve(info.get("/Producer")) if isinstance(info, dict) else None
        if producer is None:
            return None
        return text_of(producer) or None
    except Exception:  # noqa: BLE001  (any other layout: pypdf below)
        pass
    from pypdf import PdfReader

    try:
        metadata = PdfReader(pdf).metadata
    except Exception:  # noqa: BLE001  (informative only)
        return None
    return str(metadata.producer) if metadata is not None and metadata.producer else None


__all__ = ["document_info", "info_dictionary", "pdf_date", "read_producer", "serialize", "text_string"]
