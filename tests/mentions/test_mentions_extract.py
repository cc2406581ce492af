"""DOCX and PDF text for the mention checks: body, tables, headers, footers, text boxes; one normalisation."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from cspdocs.mentions.extract import DocumentIllisible, document_text, docx_text, paragraph_texts, pdf_text
from cspdocs.mentions.folding import fold
from tests.support.paths import TESTS

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'
PDF_FIXTURES = TESTS / "fixtures" / "pdf"


def _docx_with_parts(tmp_path: Path) -> bytes:
    doc = Document()
    doc.add_paragraph("Corps : délai de réflexion de vingt et un jours.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cellule : bulletin d’acceptation"
    table.cell(0, 1).text = "Date de remise : 03/03/2026"
    doc.sections[0].header.paragraphs[0].text = "En-tête : Ateliers Durand"
    doc.sections[0].footer.paragraphs[0].text = "Pied de page : récépissé"
    path = tmp_path / "parts.docx"
    doc.save(path)
    return path.read_bytes()


def test_body_tables_headers_footers(tmp_path):
    texte = docx_text(_docx_with_parts(tmp_path))
    text = texte.normalise
    for piece in ("Corps : délai de réflexion", "Cellule : bulletin d'acceptation", "Date de remise : 03/03/2026",
                  "En-tête : Ateliers Durand", "Pied de page : récépissé"):
        assert piece in text
    assert text.index("Corps") < text.index("En-tête"), "le corps vient avant les en-têtes"


def test_text_boxes_tracked_changes_fields_and_hyphens():
    xml = f"""<w:document {W} {MC} {WPS} {V}><w:body>
      <w:p><w:r><w:t xml:space="preserve">Avant la zone </w:t></w:r>
        <w:r><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx><w:txbxContent>
          <w:p><w:r><w:t>Texte dans la zone</w:t></w:r></w:p></w:txbxContent></wps:txbx></mc:Choice>
          <mc:Fallback><v:textbox><w:txbxContent><w:p><w:r><w:t>Copie VML</w:t></w:r></w:p></w:txbxContent></v:textbox></mc:Fallback>
        </mc:AlternateContent></w:r></w:p>
      <w:p><w:del><w:r><w:delText>supprimé </w:delText></w:r></w:del><w:r><w:t>conservé</w:t></w:r>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
      <w:p><w:r><w:t>remettez</w:t><w:noBreakHyphen/><w:t>le</w:t><w:softHyphen/><w:t>nous</w:t><w:tab/><w:t>fin</w:t></w:r></w:p>
    </w:body></w:document>""".encode()
    paragraphs = paragraph_texts(xml)
    assert paragraphs[0].strip() == "Avant la zone"
    assert "Texte dans la zone" in paragraphs
    assert not any("Copie VML" in p for p in paragraphs)
    assert any(p.startswith("conservé") for p in paragraphs)
    assert not any("supprimé" in p or "PAGE" in p for p in paragraphs)
    assert "remettez-lenous fin" in paragraphs


def test_docx_and_pdf_are_normalised_alike():
    pdf = pdf_text(PDF_FIXTURES / "lettre_proposition.pdf")
    assert "contrat de sécurisation professionnelle" in pdf.normalise
    assert "\n" not in pdf.normalise and "\u00a0" not in pdf.normalise and "\u2019" not in pdf.normalise
    assert fold("l\u2019allocation  de\u00a0sécurisation") == fold("L'allocation de sécurisation")


def test_unreadable_files(tmp_path):
    with pytest.raises(DocumentIllisible, match="format non reconnu"):
        document_text(b"bonjour")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("x.txt", "x")
    with pytest.raises(DocumentIllisible, match="DOCX"):
        document_text(broken.getvalue())
    with pytest.raises(DocumentIllisible, match="PDF"):
        document_text(b"%PDF-1.4 tronque")
