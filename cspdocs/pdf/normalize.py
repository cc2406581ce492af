"""Reproducible, archival PDF bytes: PDF/A-2b, tagged, fixed dates, content-derived /ID.

LibreOffice converts with ``EXPORT_FILTER``: PDF/A-2b (ISO 19005-2, level B: fonts embedded,
ICC output intent, XMP metadata) and tagged (structure tree, document language). It stamps the
conversion time (it ignores SOURCE_DATE_EPOCH) in the document information, the XMP packet and
the ICC profile's header, a random /ID and a /DocChecksum. Normalising replaces exactly these:
the dates are set to the caller's (e.g. derived from the case); the XMP packet is rebuilt from
the document information (title, author, subject, dates, xmp.py), so that both say the same
thing as PDF/A requires, keeping the PDF/A identification only when the file carries the output
intent it needs (a merged dossier does not); the checksum is dropped; /ID is a hash of the
written bytes.

LibreOffice's files are patched object by object (rawfile.py): the three objects are written
anew, every other one is copied as bytes, in about a millisecond. Any other file (or a pypdf
``PdfWriter``, see ``finalize``) is rewritten by pypdf, with the same result for these entries.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
import zlib
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from . import rawfile
from .archival import archival_problems  # noqa: F401  (kept importable from here)
from .info import document_info, info_dictionary, pdf_date, serialize
from .lazy_pypdf import is_pypdf
from .objects import Objects, Ref, text_of
from .xmp import pdfa_identification, xmp_packet

if TYPE_CHECKING:
    from pypdf import PdfReader, PdfWriter

#: LibreOffice's PDF export options: PDF/A-2b and tagged PDF (JSON filter options, LibreOffice >= 7.4).
EXPORT_FILTER = ('pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
                 '"UseTaggedPDF":{"type":"boolean","value":"true"}}')

#: /ID placeholder written first by pypdf, then replaced (same length) by the content hash.
_ID_PLACEHOLDER = b"\x00" * 16


def _icc_stamp(moment: datetime) -> bytes:
    when = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    return struct.pack(">6H", when.year, when.month, when.day, when.hour, when.minute, when.second)


def _icc_fixed(data: bytes, stamp: bytes) -> bytes | None:
    """LibreOffice builds the PDF/A output intent's ICC profile at conversion time: its header
    (bytes 24-35, ICC.1 7.2.1) carries that time. The profile dated ``stamp`` instead, or None when
    it already is (or is not such a profile); the v2 profile has no profile ID (bytes 84-99 are
    zero), so nothing else depends on it."""
    if len(data) >= 128 and data[36:40] == b"acsp" and data[24:36] != stamp and not any(data[84:100]):
        return data[:24] + stamp + data[36:]
    return None


@lru_cache(maxsize=16)
def _deflate(data: bytes) -> bytes:
    """zlib-compressed ``data`` (the same ICC profile recurs in every PDF of a run)."""
    return zlib.compress(data, 9)


# --- LibreOffice's files: object by object -----------------------------------------------------

def _reference(dictionary: dict, key: str) -> int | None:
    """The object number ``dictionary[key]`` refers to; NotSimple when it is a direct value."""
    value = dictionary.get(key)
    if value is None:
        return None
    if not isinstance(value, Ref):
        raise rawfile.NotSimple(f"{key} is a direct object")
    return value.number


def _info_value(objects: Objects, value: Any) -> Any:
    value = objects.resolve(value)
    return text_of(value) if isinstance(value, bytes) else value


def _patch(objects: Objects, moment: datetime, metadata: Mapping[str, str] | None) -> bytes:
    raw = objects.raw
    current = objects.get(raw.info) if raw.info is not None else {}
    if not isinstance(current, dict):
        raise rawfile.NotSimple("information dictionary")
    info = document_info({k: _info_value(objects, v) for k, v in current.items()}, moment, metadata)
    info_number = raw.info if raw.info is not None else raw.size
    replaced = {info_number: rawfile.indirect(info_number, info_dictionary(info))}
    root = objects.get(raw.root)
    metadata_number = _reference(root, "/Metadata")
    if metadata_number is not None:
        found = pdfa_identification(objects.stream(root["/Metadata"]))
        packet = xmp_packet({k: str(v) for k, v in info.items()}, moment,
                            found if "/OutputIntents" in root else None)
        replaced[metadata_number] = rawfile.indirect(
            metadata_number, rawfile.stream_body(b"<</Type/Metadata/Subtype/XML/Length", packet))
    stamp = _icc_stamp(moment)
    for intent in objects.resolve(root.get("/OutputIntents")) or []:
        intent = objects.resolve(intent)
        number = _reference(intent, "/DestOutputProfile")
        if number is None or number in replaced:
            continue
        fixed = _icc_fixed(objects.stream(intent["/DestOutputProfile"]), stamp)
        if fixed is None:
            continue
        stream = objects.get(number)
        head = b"".join(k.encode("latin-1") + b" " + serialize(v) for k, v in stream.items()
                        if k not in ("/Length", "/Filter", "/DecodeParms"))
        packed = _deflate(fixed)
        # LibreOffice gives the length as an object of its own: it changes with the data
        length = _reference(stream, "/Length") if isinstance(stream.get("/Length"), Ref) else None
        if length is not None:
            replaced[length] = rawfile.indirect(length, b"%d" % len(packed))
        replaced[number] = rawfile.indirect(number, rawfile.stream_body(
            b"<<" + head + b"/Filter/FlateDecode/Length", packed, length))
    if raw.info is None:
        added = [(info_number, replaced.pop(info_number))]
        return rawfile.rewrite(raw, replaced, added, info=info_number)
    return rawfile.rewrite(raw, replaced)


# --- any file: with pypdf ----------------------------------------------------------------------

def _fix_xmp(writer: PdfWriter, moment: datetime) -> None:
    """Rebuild the XMP packet from the information dictionary (PDF/A part kept when still true)."""
    from pypdf.generic import NameObject, NumberObject, StreamObject

    root = writer.root_object
    metadata = root.get("/Metadata")
    if metadata is None or not isinstance(metadata.get_object(), StreamObject):
        return  # no XMP to keep consistent (LibreOffice's PDF/A output always has one)
    found = pdfa_identification(metadata.get_object().get_data())
    info = {k: str(v) for k, v in (writer.metadata or {}).items()}
    packet = xmp_packet(info, moment, found if "/OutputIntents" in root else None)
    stream = metadata.get_object()  # rewritten in place: no orphan object left in the file
    for key in ("/Filter", "/DecodeParms"):
        stream.pop(key, None)
    stream._data = packet  # uncompressed, as PDF/A readers expect of the metadata stream
    stream[NameObject("/Length")] = NumberObject(len(packet))


def _fix_icc(writer: PdfWriter, moment: datetime) -> None:
    stamp = _icc_stamp(moment)
    for intent in writer.root_object.get("/OutputIntents") or []:
        profile = intent.get_object().get("/DestOutputProfile")
        if profile is None:
            continue
        stream = profile.get_object()
        fixed = _icc_fixed(stream.get_data(), stamp)
        if fixed is not None:
            stream.set_data(fixed)


def finalize(writer: PdfWriter, moment: datetime, metadata: dict[str, str] | None = None) -> bytes:
    """Write ``writer`` reproducibly: fixed dates, extra metadata, content-hash /ID."""
    from pypdf.generic import ArrayObject, ByteStringObject

    writer.add_metadata(document_info(None, moment, metadata))
    _fix_xmp(writer, moment)
    _fix_icc(writer, moment)
    # pypdf has no public setter for the trailer /ID: write a placeholder, then
    # replace it in place (same length, so offsets stay valid) with a content hash.
    writer._ID = ArrayObject([ByteStringObject(_ID_PLACEHOLDER), ByteStringObject(_ID_PLACEHOLDER)])
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    where = data.rfind(b"/ID")
    if where < 0 or data.find(rawfile.ID_PLACEHOLDER_HEX, where) < 0:
        raise RuntimeError("pypdf did not write the /ID placeholder")  # pragma: no cover
    return rawfile.stamp_id(data, where)


def _bytes_of(reader: PdfReader) -> bytes:
    stream = reader.stream
    if isinstance(stream, io.BytesIO):
        return stream.getvalue()
    stream.seek(0)
    return stream.read()


def normalize_pdf(
    source: Path | bytes | PdfReader | Objects,
    moment: datetime,
    metadata: dict[str, str] | None = None,
    *,
    reader: PdfReader | None = None,
) -> bytes:
    """The bytes of ``source`` made reproducible (see module docstring).

    ``metadata`` adds or replaces document-information entries (e.g. {"Title": ...}); ``source``
    may be objects.Objects already read, ``reader`` a PdfReader already open on the same bytes.
    """
    if isinstance(source, Objects):
        objects, data = source, source.raw.data
    else:
        if is_pypdf(source, "PdfReader"):
            reader, data = source, _bytes_of(source)
        else:
            data = bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
        try:
            objects = Objects(rawfile.parse(data))
        except rawfile.NotSimple:
            objects = None
    if objects is not None:
        try:
            return _patch(objects, moment, metadata)
        except (rawfile.NotSimple, LookupError, TypeError, ValueError):
            pass  # pypdf reads what the fast path does not
    from pypdf import PdfReader, PdfWriter

    return finalize(PdfWriter(clone_from=reader or PdfReader(io.BytesIO(data))), moment, metadata)


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


__all__ = ["EXPORT_FILTER", "archival_problems", "finalize", "normalize_pdf", "pdf_date", "sha256", "write_atomic"]
