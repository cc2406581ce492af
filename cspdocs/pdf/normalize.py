"""Reproducible, archival PDF bytes: PDF/A-2b, tagged, fixed dates, content-derived /ID.

LibreOffice converts with ``EXPORT_FILTER``: PDF/A-2b (ISO 19005-2, level B: fonts embedded,
ICC output intent, XMP metadata) and tagged (structure tree, document language). It stamps the
conversion time (it ignores SOURCE_DATE_EPOCH), a random /ID and a /DocChecksum. Rewriting the
file with pypdf drops the checksum; the dates are set to the caller's (e.g. derived from the
case); the XMP packet is rebuilt from the document information (title, author, subject, dates),
so that both say the same thing as PDF/A requires, keeping the PDF/A identification only when the
file carries the output intent it needs (a merged dossier does not); /ID is a hash of the written
bytes. ``archival_problems`` lists, in French, what a file lacks for these claims (checked with
pypdf: veraPDF is not available here).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, NumberObject, StreamObject

#: LibreOffice's PDF export options: PDF/A-2b and tagged PDF (JSON filter options, LibreOffice >= 7.4).
EXPORT_FILTER = ('pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
                 '"UseTaggedPDF":{"type":"boolean","value":"true"}}')

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


_XMP_INFO = (  # document information key -> XMP property (PDF/A: both must agree)
    ("/Title", "dc:title", "alt"), ("/Author", "dc:creator", "seq"), ("/Subject", "dc:description", "alt"),
    ("/Keywords", "pdf:Keywords", "text"), ("/Producer", "pdf:Producer", "text"),
    ("/Creator", "xmp:CreatorTool", "text"),
)
_PDFAID = re.compile(rb"<pdfaid:part>(\d)</pdfaid:part>\s*<pdfaid:conformance>([ABU])</pdfaid:conformance>")


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xmp_packet(info: dict[str, str], moment: datetime, pdfa: tuple[bytes, bytes] | None) -> bytes:
    """An XMP packet stating the same as the information dictionary (and the PDF/A part)."""
    stamp = _xmp_date(moment).decode()
    props = []
    for key, prop, kind in _XMP_INFO:
        value = info.get(key)
        if not value:
            continue
        value = _x(str(value))
        if kind == "alt":
            props.append(f'<{prop}><rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt></{prop}>')
        elif kind == "seq":
            props.append(f"<{prop}><rdf:Seq><rdf:li>{value}</rdf:li></rdf:Seq></{prop}>")
        else:
            props.append(f"<{prop}>{value}</{prop}>")
    props += [f"<xmp:CreateDate>{stamp}</xmp:CreateDate>", f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
              f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>"]
    if pdfa:
        props += [f"<pdfaid:part>{pdfa[0].decode()}</pdfaid:part>",
                  f"<pdfaid:conformance>{pdfa[1].decode()}</pdfaid:conformance>"]
    body = "".join(props)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()  # stable document and instance ids
    uuid = f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
        f"{body}<xmpMM:DocumentID>{uuid}</xmpMM:DocumentID><xmpMM:InstanceID>{uuid}</xmpMM:InstanceID>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>" + " " * 200 + '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _fix_xmp(writer: PdfWriter, moment: datetime) -> None:
    """Rebuild the XMP packet from the information dictionary (PDF/A part kept when still true)."""
    root = writer.root_object
    metadata = root.get("/Metadata")
    if metadata is None or not isinstance(metadata.get_object(), StreamObject):
        return  # no XMP to keep consistent (LibreOffice's PDF/A output always has one)
    old = metadata.get_object().get_data()
    found = _PDFAID.search(old)
    pdfa = (found.group(1), found.group(2)) if found and "/OutputIntents" in root else None
    info = {k: str(v) for k, v in (writer.metadata or {}).items()}
    packet = _xmp_packet(info, moment, pdfa)
    stream = metadata.get_object()  # rewritten in place: no orphan object left in the file
    for key in ("/Filter", "/DecodeParms"):
        stream.pop(key, None)
    stream._data = packet  # uncompressed, as PDF/A readers expect of the metadata stream
    stream[NameObject("/Length")] = NumberObject(len(packet))


def _fix_icc(writer: PdfWriter, moment: datetime) -> None:
    """LibreOffice builds the PDF/A output intent's ICC profile at conversion time: its header
    (bytes 24-35, ICC.1 7.2.1) carries that time. Set it to ``moment``; the v2 profile has no
    profile ID (bytes 84-99 are zero), so nothing else depends on it."""
    when = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    stamp = struct.pack(">6H", when.year, when.month, when.day, when.hour, when.minute, when.second)
    for intent in writer.root_object.get("/OutputIntents") or []:
        profile = intent.get_object().get("/DestOutputProfile")
        if profile is None:
            continue
        stream = profile.get_object()
        data = stream.get_data()
        if len(data) >= 128 and data[36:40] == b"acsp" and data[24:36] != stamp and not any(data[84:100]):
            stream.set_data(data[:24] + stamp + data[36:])


def finalize(writer: PdfWriter, moment: datetime, metadata: dict[str, str] | None = None) -> bytes:
    """Write ``writer`` reproducibly: fixed dates, extra metadata, content-hash /ID."""
    stamp = pdf_date(moment)
    info = {"/CreationDate": stamp, "/ModDate": stamp}
    for key, value in (metadata or {}).items():
        info["/" + key.lstrip("/")] = value
    writer.add_metadata(info)
    _fix_xmp(writer, moment)
    _fix_icc(writer, moment)
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


def archival_problems(data: bytes) -> list[str]:
    """What ``data`` lacks to be the tagged PDF/A-2b this module claims (French; empty when none).

    Checked with pypdf: PDF/A identification in the XMP, XMP consistent with the document
    information, output intent with an ICC profile, tagged structure and language, every font
    embedded, no encryption. This is not a full ISO 19005 validation (veraPDF is not available).
    """
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    problems = []
    if reader.is_encrypted:
        problems.append("fichier chiffré")
    xmp = root.get("/Metadata")
    packet = xmp.get_object().get_data() if xmp is not None else b""
    found = _PDFAID.search(packet)
    if not found or found.group(1) != b"2" or found.group(2) != b"B":
        problems.append("identification PDF/A-2b absente des métadonnées XMP")
    for key, prop, _kind in _XMP_INFO + (("/CreationDate", "xmp:CreateDate", ""), ("/ModDate", "xmp:ModifyDate", "")):
        value = (reader.metadata or {}).get(key)
        if value and f"<{prop}>".encode() not in packet:
            problems.append(f"{key} présent dans les informations du document mais pas dans le XMP ({prop})")
    title = (reader.metadata or {}).get("/Title")
    if title and _x(str(title)).encode("utf-8") not in packet:
        problems.append("titre différent entre les informations du document et le XMP")
    intents = root.get("/OutputIntents")
    if not intents or not any(i.get_object().get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i.get_object()
                              for i in intents):
        problems.append("pas d'intention de sortie PDF/A avec profil ICC")
    if "/StructTreeRoot" not in root or not (root.get("/MarkInfo") or {}).get("/Marked"):
        problems.append("PDF non balisé (pas d'arbre de structure)")
    if "/Lang" not in root:
        problems.append("langue du document absente")
    for number, page in enumerate(reader.pages, 1):
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for name, font in fonts.items():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")] + [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            embedded = any(d is not None and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                           for d in descriptors)
            if not embedded:
                problems.append(f"police {font.get('/BaseFont')} non incorporée (page {number})")
    return sorted(set(problems), key=problems.index)


__all__ = ["EXPORT_FILTER", "archival_problems", "finalize", "normalize_pdf", "pdf_date", "sha256", "write_atomic"]
