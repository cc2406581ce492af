"""`cspdocs check CASE.yaml FILE_OR_DIR...` on generated documents, edited ones, and PDFs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.engine.compute import compute_dossier
from tests.support.pdf import require_libreoffice
from tests.support.mentions import CASES, remove_mention

INDIVIDUEL = CASES / "individuel.yaml"
ALSACE = CASES / "collectif-alsace.yaml"


def generate(case: Path, out: Path) -> Path:
    result = CliRunner().invoke(main, ["generate", str(case), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out / case.stem


class _Employee:
    def __init__(self, case: Path, matricule: str):
        charge = load_dossier(case)
        self.resultat = compute_dossier(charge.dossier, charge.nom)
        self.salarie = next(rs for rs in self.resultat.employees if rs.employee.matricule == matricule)


def run(*args: str):
    return CliRunner().invoke(main, ["check", *map(str, args)])


@pytest.fixture(scope="module")
def alsace(tmp_path_factory) -> Path:
    return generate(ALSACE, tmp_path_factory.mktemp("sortie"))


def test_generated_documents_pass(alsace):
    result = run(ALSACE, alsace)
    assert result.exit_code == 0, result.output
    assert "41 documents vérifiés" in result.output  # with E103's notice of his new expiry date and E110's confirmation (issue 10)
    assert "Bilan : toutes les mentions obligatoires sont présentes" in result.output


def test_edited_letter_fails_with_a_french_report(alsace, tmp_path):
    folder = tmp_path / "E103-Meyer"
    shutil.copytree(alsace / "E103-Meyer", folder)
    letter = folder / "3-lettre-recommandee.docx"
    letter.write_bytes(remove_mention(letter.read_bytes(), "lettre", "3A.4", _Employee(ALSACE, "E103")))
    result = run(ALSACE, folder)
    assert result.exit_code == 1
    out = result.output
    assert "E103 — Lucas Meyer" in out and "3-lettre-recommandee.docx" in out
    assert "ERREUR 3A.4 En cas de refus du CSP, la lettre vaut notification du licenciement [obligatoire] : absente" in out
    assert "attendu : « en cas de refus du contrat de sécurisation professionnelle" in out
    assert "source : Convention du 26 janvier 2015, art. 4 § 2 dernier al." in out
    data = json.loads(run(ALSACE, folder, "--format", "json").output)
    assert data["statut"] == "bloque"


def test_artefact_and_employee_options(alsace, tmp_path):
    loose = tmp_path / "courrier.docx"
    shutil.copy(alsace / "E102-Schmitt" / "4-enonce-motif-economique.docx", loose)
    # recognised from the content: title and employee's name
    result = run(ALSACE, loose, "--detail")
    assert result.exit_code == 0, result.output
    assert "motif (titre), salarié E102 (contenu)" in result.output
    result = run(ALSACE, loose, "--artefact", "motif", "--employe", "E102")
    assert result.exit_code == 0, result.output
    # checked against the wrong employee: his name and his dates are missing
    result = run(ALSACE, loose, "--employe", "E103")
    assert result.exit_code == 1 and "ERREUR 4.7 " in result.output and "AVERTISSEMENT D.1 " in result.output
    result = run(ALSACE, loose, "--employe", "X1")
    assert result.exit_code == 2 and "matricule absent du dossier" in result.output


def test_unrecognised_document_asks_for_the_artefact(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Compte rendu de réunion sans rapport avec le CSP.")
    doc.save(tmp_path / "note.docx")
    result = run(INDIVIDUEL, tmp_path / "note.docx")
    assert result.exit_code == 1 and "préciser --artefact" in result.output


def test_invalid_case_and_missing_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("employeur: {}\n", encoding="utf-8")
    result = run(bad, tmp_path)
    assert result.exit_code == 1 and "Dossier invalide" in result.output
    result = run(INDIVIDUEL, tmp_path / "absent.docx")
    assert result.exit_code == 2


@pytest.mark.libreoffice
def test_pdf_of_default_artefacts_pass_and_an_edited_one_fails(tmp_path):
    require_libreoffice()
    from cspdocs.pdf.convert import convert_to_pdf

    out = generate(INDIVIDUEL, tmp_path / "sortie")
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    docs = sorted(folder.glob("*.docx"))
    broken = tmp_path / "modifie" / folder.name / "3-lettre-recommandee.docx"
    broken.parent.mkdir(parents=True)
    employee = _Employee(INDIVIDUEL, "V-0112")
    broken.write_bytes(remove_mention((folder / "3-lettre-recommandee.docx").read_bytes(), "lettre", "3A.7", employee))
    pdfs = convert_to_pdf(docs + [broken])
    for docx in docs:
        docx.unlink()  # check the PDFs only
    result = run(INDIVIDUEL, folder, "--detail")
    assert result.exit_code == 0, result.output
    assert len([p for p in pdfs.values() if p.parent == folder]) == 4
    assert "3-lettre-recommandee.pdf : lettre (titre)" in result.output
    assert "4 documents vérifiés" in result.output
    result = run(INDIVIDUEL, pdfs[broken])
    assert result.exit_code == 1 and "ERREUR 3A.7 " in result.output
