"""Archival PDF (issue 13 item 5): every document PDF is tagged PDF/A-2b with consistent XMP,
reproducible byte for byte; a firm's logo in a header survives rendering and conversion.

What is checked, with pypdf (veraPDF is not available): the PDF/A-2b identification in the XMP,
XMP consistent with the document information, output intent with an ICC profile, structure tree
and language, every font embedded, no encryption (cspdocs/pdf/normalize.py, archival_problems).
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

from cspdocs.cli import main
from cspdocs.pdf.archival import archival_problems
from cspdocs.pdf.normalize import EXPORT_FILTER, normalize_pdf
from tests.support.pdf import require_libreoffice
from tests.support.paths import ROOT

CASE = ROOT / "cases" / "individuel.yaml"


def png(width: int = 40, height: int = 20) -> bytes:
    """A small opaque red PNG (no alpha: PDF/A-friendly)."""
    raw = b"".join(b"\x00" + b"\xcc\x10\x10" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def with_logo(source: Path, target: Path) -> None:
    """The template with a logo added to every header, as a firm does in Word."""
    doc = Document(str(source))
    logo = io.BytesIO(png())
    for section in doc.sections:
        for header in (section.header, section.first_page_header):
            if header.is_linked_to_previous:
                continue
            logo.seek(0)
            header.paragraphs[0].add_run().add_picture(logo, width=Mm(30))
    doc.save(str(target))


def test_export_filter_asks_for_pdfa2_and_tags():
    assert '"SelectPdfVersion":{"type":"long","value":"2"}' in EXPORT_FILTER
    assert '"UseTaggedPDF":{"type":"boolean","value":"true"}' in EXPORT_FILTER


def test_a_pdf_without_the_claims_is_reported():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    buffer = io.BytesIO()
    writer.write(buffer)
    problems = archival_problems(normalize_pdf(buffer.getvalue(), datetime(2026, 5, 11)))
    assert "identification PDF/A-2b absente des métadonnées XMP" in problems
    assert "PDF non balisé (pas d'arbre de structure)" in problems


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    require_libreoffice()
    root = tmp_path_factory.mktemp("archive")
    modeles = root / "modeles"
    modeles.mkdir()
    with_logo(ROOT / "templates" / "lettre.docx", modeles / "lettre.docx")
    lint = CliRunner().invoke(main, ["lint", str(modeles)])
    assert lint.exit_code == 0, lint.output
    result = CliRunner().invoke(main, ["generate", str(CASE), "-o", str(root / "out"), "--pdf",
                                       "--templates", str(modeles)])
    assert result.exit_code == 0, result.output
    return root / "out" / CASE.stem


@pytest.mark.libreoffice
def test_every_document_pdf_is_tagged_pdfa2b(generated):
    pdfs = sorted(p for p in generated.rglob("*.pdf") if p.name != "dossier.pdf")
    assert len(pdfs) >= 3
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert archival_problems(data) == [], pdf.name
        reader = PdfReader(io.BytesIO(data))
        xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
        assert str(reader.metadata["/Title"]).replace("&", "&amp;") in xmp
        assert "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>" in xmp


@pytest.mark.libreoffice
def test_logo_in_the_header_survives_rendering_and_pdf(generated):
    letter = next(generated.rglob("3-lettre-recommandee.docx"))
    with zipfile.ZipFile(letter) as zf:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in zf.namelist())
    reader = PdfReader(letter.with_suffix(".pdf"))
    xobjects = reader.pages[0]["/Resources"].get("/XObject") or {}
    assert any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


@pytest.mark.libreoffice
def test_manifest_records_the_fingerprints(generated):
    manifest = json.loads((generated / "manifest.json").read_text(encoding="utf-8"))
    text = json.dumps(manifest)
    assert "regles_mentions" in text and "moteur" in text and "regles_valables_jusqu_au" in text
