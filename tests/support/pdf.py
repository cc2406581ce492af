"""Helpers for the PDF tests and benchmark: sample French DOCX letters, LibreOffice gate.

Kept out of conftest.py (owned by the lead): test modules and benchmarks/bench_pdf.py
import it as tests.support.pdf.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

NBSP = "\u00a0"
NNBSP = "\u202f"

#: Sentences that must survive conversion (checked in the extracted PDF text).
MENTIONS = (
    "« contrat de sécurisation professionnelle »",
    f"un délai de réflexion de 21{NBSP}jours",
    f"8{NNBSP}233,33{NBSP}€",
    "l\u2019allocation de sécurisation professionnelle",
)

BODY = (
    f"Nous vous proposons d\u2019adhérer au «{NBSP}contrat de sécurisation professionnelle{NBSP}» "
    f"(CSP). Vous disposez d\u2019un délai de réflexion de 21{NBSP}jours à compter de la remise "
    f"du présent document pour nous faire connaître votre décision{NNBSP}: passé ce délai, "
    "votre silence vaudra refus.",
    "Pendant le contrat, vous percevrez l\u2019allocation de sécurisation professionnelle, "
    f"égale à 75{NNBSP}% de votre salaire journalier de référence, soit environ "
    f"8{NNBSP}233,33{NBSP}€ bruts par mois{NNBSP}; ce montant est indicatif. Vous bénéficierez "
    "d\u2019un accompagnement renforcé par un conseiller de France Travail, d\u2019actions de "
    "formation et d\u2019un bilan de compétences. Garçon, œuvre, naïve, Noël, Ça, À, É.",
    "Si vous acceptez, votre contrat de travail sera rompu d\u2019un commun accord à "
    f"l\u2019expiration du délai de réflexion{NNBSP}; l\u2019indemnité compensatrice de préavis, dans "
    "la limite de trois mois de salaire, sera versée à France Travail. Le surplus vous "
    "sera versé directement. Nous restons à votre disposition pour toute question.",
)


def _field(paragraph, instruction: str) -> None:
    """Append a Word field (PAGE, NUMPAGES) to ``paragraph``."""
    for kind in ("begin", "instr", "separate", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            paragraph.add_run("1")


def make_letter(
    path: Path,
    *,
    name: str = "Élodie Lefèvre",
    employer: str = "Société Alsacienne de Mécanique",
    title: str = "Proposition du contrat de sécurisation professionnelle",
    repeat: int = 3,
) -> Path:
    """A realistic French letter (2 pages with repeat=3) with a paged footer."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for style in ("Heading 1", "Title"):
        # Arial, not the theme's Calibri Light (theme attributes win over w:ascii)
        document.styles[style].font.name = "Arial"
        fonts = document.styles[style].element.rPr.rFonts
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.header.paragraphs[0].text = f"{employer} — 12{NBSP}rue de l\u2019Église, 67000 Strasbourg"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")
    document.core_properties.title = title
    document.core_properties.author = employer
    document.add_paragraph("Lettre remise en main propre contre décharge")
    document.add_paragraph(f"Strasbourg, le 27{NBSP}avril 2026")
    document.add_heading(title, level=1)
    for round_ in range(repeat):
        document.add_paragraph(f"Madame {name},")
        for text in BODY:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if round_ + 1 < repeat:
            document.add_paragraph(f"Rappel des conditions{NNBSP}:")
    document.add_paragraph(f"Pour la société, le directeur des ressources humaines.\n{employer}")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def require_libreoffice() -> None:
    """Skip when LibreOffice is absent, but fail when $CI is set (CI must install it)."""
    import pytest

    from cspdocs.pdf.soffice import soffice_available

    if soffice_available():
        return
    message = (
        "LibreOffice (soffice) est absent : "
        "apt-get install libreoffice-writer-nogui fonts-liberation2"
    )
    if os.environ.get("CI"):
        pytest.fail(message + " (CI est défini : ce test ne doit pas être ignoré)")
    pytest.skip(message)


def write_fake_soffice(path: Path, body: str) -> Path:
    """An executable shell script standing in for soffice."""
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path
