"""What a PDF lacks to be the tagged PDF/A-2b that normalize.py claims (French, for tests and
``cspdocs check``): checked with pypdf, since veraPDF is not available here."""

from __future__ import annotations

import io

from .xmp import XMP_INFO, escape, pdfa_identification


def archival_problems(data: bytes) -> list[str]:
    """What ``data`` lacks to be the tagged PDF/A-2b this module claims (French; empty when none).

    Checked with pypdf: PDF/A identification in the XMP, XMP consistent with the document
    information, output intent with an ICC profile, tagged structure and language, every font
    embedded, no encryption. This is not a full ISO 19005 validation (veraPDF is not available).
    """
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    problems = []
    if reader.is_encrypted:
        problems.append("fichier chiffré")
    xmp = root.get("/Metadata")
    packet = xmp.get_object().get_data() if xmp is not None else b""
    if pdfa_identification(packet) != (b"2", b"B"):
        problems.append("identification PDF/A-2b absente des métadonnées XMP")
    for key, prop, _kind in XMP_INFO + (("/CreationDate", "xmp:CreateDate", ""), ("/ModDate", "xmp:ModifyDate", "")):
        value = (reader.metadata or {}).get(key)
        if value and f"<{prop}>".encode() not in packet:
            problems.append(f"{key} présent dans les informations du document mais pas dans le XMP ({prop})")
    title = (reader.metadata or {}).get("/Title")
    if title and escape(str(title)).encode("utf-8") not in packet:
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


__all__ = ["archival_problems"]
