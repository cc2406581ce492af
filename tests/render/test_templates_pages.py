"""Page layout of the default templates, with the real LibreOffice (skipped without it, failed on CI).

The receipt is signed by both parties in two originals: it must fit on one page (review P3-9),
in every scenario of the lint matrix and for every employee of the example cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from cspdocs.case.loader import load_dossier
from cspdocs.engine.compute import compute_dossier
from cspdocs.mentions.scenarios import computed_scenarios
from cspdocs.pdf.convert import convert_to_pdf
from cspdocs.render.artefacts import document_date
from cspdocs.render.context import build_context
from tests.support.pdf import require_libreoffice
from tests.support.mentions import BY_CLE, EXAMPLE_CASES, TEMPLATES, produced, render, template

pytestmark = pytest.mark.libreoffice


def _receipts(directory: Path) -> list[Path]:
    paths = []
    for sc in computed_scenarios():
        if produced("recepisse", sc):
            path = directory / f"scenario-{sc.id}.docx"
            path.write_bytes(render("recepisse", sc))
            paths.append(path)
    definition = BY_CLE["recepisse"]
    for case in EXAMPLE_CASES:
        charge = load_dossier(case)
        resultat = compute_dossier(charge.dossier, charge.nom)
        for rs in resultat.employees:
            ctx = build_context(resultat, rs)
            if definition.omission(ctx) is None:
                path = directory / f"{case.stem}-{rs.employee.matricule}.docx"
                data = template(str(TEMPLATES / definition.modele)).rendre(ctx, document_date(definition, ctx))
                path.write_bytes(data)
                paths.append(path)
    return paths


def test_receipt_fits_on_one_page(tmp_path):
    require_libreoffice()
    docs = _receipts(tmp_path)
    assert len(docs) > 30
    pdfs = convert_to_pdf(docs, tmp_path / "pdf")
    pages = {docx.stem: len(PdfReader(pdf).pages) for docx, pdf in pdfs.items()}
    assert {stem: n for stem, n in pages.items() if n != 1} == {}
