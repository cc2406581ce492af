"""The XMP metadata packet of a reproducible PDF: it states what the document information
dictionary says (title, author, subject, keywords, producer, creator tool, dates), as PDF/A
requires, and the PDF/A identification when the file still deserves it (normalize.py)."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from typing import Mapping

#: Document information key -> XMP property and its kind (PDF/A: both must agree).
XMP_INFO = (
    ("/Title", "dc:title", "alt"), ("/Author", "dc:creator", "seq"), ("/Subject", "dc:description", "alt"),
    ("/Keywords", "pdf:Keywords", "text"), ("/Producer", "pdf:Producer", "text"),
    ("/Creator", "xmp:CreatorTool", "text"),
)
PDFAID = re.compile(rb"<pdfaid:part>(\d)</pdfaid:part>\s*<pdfaid:conformance>([ABU])</pdfaid:conformance>")


def escape(text: str) -> str:
    """``text`` as XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xmp_date(moment: datetime) -> str:
    """``moment`` in XMP date syntax (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat(timespec="seconds")


def pdfa_identification(packet: bytes) -> tuple[bytes, bytes] | None:
    """(part, conformance) claimed by an XMP packet, e.g. (b"2", b"B"), or None."""
    found = PDFAID.search(packet)
    return (found.group(1), found.group(2)) if found else None


def xmp_packet(info: Mapping[str, str], moment: datetime, pdfa: tuple[bytes, bytes] | None) -> bytes:
    """An XMP packet stating the same as the information dictionary (and the PDF/A part)."""
    stamp = xmp_date(moment)
    props = []
    for key, prop, kind in XMP_INFO:
        value = info.get(key)
        if not value:
            continue
        value = escape(str(value))
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


__all__ = ["PDFAID", "XMP_INFO", "escape", "pdfa_identification", "xmp_date", "xmp_packet"]
