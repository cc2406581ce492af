"""`generate` summarises warnings per rule so a batch of thousands stays readable."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cspdocs.cli import main
from tests.support.paths import ROOT

CASE = ROOT / "cases" / "collectif-alsace.yaml"


def test_warnings_are_grouped_by_rule(tmp_path):
    result = CliRunner().invoke(main, ["generate", str(CASE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    # A8 only where Good Friday moves a délai: not for E103 (own interview 16/03: Easter Monday
    # alone moves day 21) nor E110 (handed over by LRAR on 17/03)
    assert "Avertissement A8 pour 8 salarié(s)" in result.stderr
    assert result.stderr.count("A8 : le Vendredi saint") == 1


def test_detailed_warnings_list_every_employee(tmp_path):
    result = CliRunner().invoke(main, ["generate", str(CASE), "-o", str(tmp_path), "--avertissements-detailles"])
    assert result.exit_code == 0
    assert result.stderr.count("A8 : le Vendredi saint") == 8
    assert "Avertissement (E102) : A8" in result.stderr


def test_generate_cannot_publish_a_document_missing_a_mandatory_mention(tmp_path):
    """Issue 4: a customised letter without the priorité de réembauche publishes nothing."""
    from tests.support.mentions import TEMPLATES, blank_template_paragraphs, copy_templates, edit_template

    modeles = copy_templates(tmp_path / "modeles")
    edit_template(TEMPLATES / "lettre.docx", modeles / "lettre.docx", blank_template_paragraphs("priorité de réembauche"))
    out = tmp_path / "out"
    good = CliRunner().invoke(main, ["generate", str(CASE), "-o", str(out)])
    assert good.exit_code == 0
    before = (out / "collectif-alsace" / "manifest.json").read_bytes()
    result = CliRunner().invoke(main, ["generate", str(CASE), "-o", str(out), "--templates", str(modeles)])
    assert result.exit_code == 1
    assert "3A.7" in result.stderr and "Aucun document publié" in result.stderr
    assert (out / "collectif-alsace" / "manifest.json").read_bytes() == before


def test_manifest_records_the_mention_check(tmp_path):
    import json

    CliRunner().invoke(main, ["generate", str(CASE), "-o", str(tmp_path)])
    manifest = json.loads((tmp_path / "collectif-alsace" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["mentions"]["statut"]


def test_check_skips_merged_dossiers_when_walking_a_folder(tmp_path):
    from cspdocs.document_check import collect

    folder = tmp_path / "E1"
    folder.mkdir()
    for name in ("1-document-information-csp.pdf", "dossier.pdf", "dossier-global.pdf", "2-recepisse.docx"):
        (folder / name).write_bytes(b"")
    assert [p.name for p in collect((str(tmp_path),))] == ["1-document-information-csp.pdf", "2-recepisse.docx"]
    assert collect((str(folder / "dossier.pdf"),)) == [folder / "dossier.pdf"]
