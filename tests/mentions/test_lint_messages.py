"""Every firm mistake of issue 13 item 3 gets one clear French message, once."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.mentions.lint import lint
from cspdocs.mentions.scenarios import computed_scenarios
from cspdocs.render.modeles import inventory, load_templates
from tests.mentions.test_lint import in_closing
from tests.support.mentions import TEMPLATES, copy_templates, edit_template

INTERNALS = re.compile(r"Jinja|jinja|undefined|Undefined|No filter|object|Traceback|expected token|"
                       r"unexpected|Encountered|TemplateSyntax|Error\b")


@pytest.fixture(scope="module")
def few():
    return computed_scenarios()[:3]


def _lint_with(tmp_path, tag, few):
    directory = copy_templates(tmp_path / "modeles", ["motif.docx"])
    edit_template(TEMPLATES / "motif.docx", directory / "motif.docx", in_closing(tag))
    report = lint(directory, scenarios=few)
    assert not report.ok
    text = report.texte()
    assert not INTERNALS.search(text), text
    return report, text


def test_missing_closing_brace_is_diagnosed_exactly_once(tmp_path, few):
    report, text = _lint_with(tmp_path, "{{ salarie.civilite }", few)
    errors = [c for c in report.constats if c.niveau == "erreur"]
    assert len(errors) == 1, text
    assert "il manque une accolade fermante" in errors[0].message
    assert "autre paragraphe" not in text
    assert "Nous vous prions d'agréer" in errors[0].paragraphe


def test_wrong_closing_delimiter(tmp_path, few):
    _report, text = _lint_with(tmp_path, "{{ salarie.civilite %}", few)
    assert "ouverte par « {{ » mais fermée par « %} »" in text


def test_missing_opening_brace(tmp_path, few):
    _report, text = _lint_with(tmp_path, "{ salarie.civilite }}", few)
    assert "il manque une accolade ouvrante" in text


def test_unknown_filter_has_a_suggestion_and_is_reported_once(tmp_path, few):
    report, text = _lint_with(tmp_path, "{{ dates.remise|date_long }}", few)
    assert "filtre « date_long » inconnu (vouliez-vous dire « date_longue » ?)" in text
    assert text.count("date_long »") == 1, text


def test_forbidden_filter_says_why(tmp_path, few):
    _report, text = _lint_with(tmp_path, "{{ salarie.nom|safe }}", few)
    assert "filtre « safe » interdit dans un modèle : insérerait du XML brut" in text


def test_misspelt_variable_has_a_suggestion(tmp_path, few):
    report, text = _lint_with(tmp_path, "{{ salarie.civilte }}", few)
    assert "variable « salarie.civilte » inconnue (vouliez-vous dire « salarie.civilite » ?)" in text
    assert "StrictUndefined" not in text


def test_misspelt_root_variable(tmp_path, few):
    _report, text = _lint_with(tmp_path, "{{ salarei.nom }}", few)
    assert "variable « salarei » inconnue (vouliez-vous dire « salarie » ?)" in text


def test_unknown_tag_has_a_suggestion(tmp_path, few):
    _report, text = _lint_with(tmp_path, "{% iff salarie.nom %}x{% endif %}", few)
    assert "balise « {% iff %} » inconnue (vouliez-vous dire « if » ?)" in text


def test_unclosed_block(tmp_path, few):
    _report, text = _lint_with(tmp_path, "{% if salarie.nom %}", few)
    assert "jamais fermé : il manque « {% endif %} »" in text


def test_rendering_error_is_reported_once_with_its_scenarios(tmp_path, few):
    report, text = _lint_with(tmp_path, "{{ dates.remise|euros }}", few)
    lines = [line for line in text.splitlines() if "rendu impossible" in line]
    assert len(lines) == 1, text
    assert "le filtre « euros » attend un nombre" in lines[0]
    assert "scénarios (3)" in lines[0] or "tous les scénarios" in lines[0]


def test_renamed_template_is_an_error_naming_the_expected_names(tmp_path, few):
    directory = tmp_path / "modeles"
    directory.mkdir()
    shutil.copy(TEMPLATES / "lettre.docx", directory / "lettre-cabinet.docx")
    report = lint(directory, scenarios=few)
    assert not report.ok
    text = report.texte()
    assert "lettre-cabinet.docx — nom de fichier inconnu : generate n'utilisera pas ce modèle" in text
    assert "lettre.docx (lettre recommandée" in text and "information.docx" in text
    assert "renommez-le lettre.docx, ou déclarez-le dans modeles.yaml (« lettre: lettre-cabinet.docx »)" in text
    assert "lettre recommandée avec demande d'avis de réception ← modèle par défaut (lettre.docx)" in text


def test_mapping_file_lets_a_firm_keep_its_names(tmp_path, few):
    directory = tmp_path / "modeles"
    directory.mkdir()
    shutil.copy(TEMPLATES / "lettre.docx", directory / "lettre-cabinet.docx")
    (directory / "modeles.yaml").write_text("lettre: lettre-cabinet.docx\n", encoding="utf-8")
    report = lint(directory, scenarios=few)
    assert report.ok, report.texte()
    assert "lettre recommandée avec demande d'avis de réception ← lettre-cabinet.docx" in report.texte()
    loaded = load_templates(directory)
    assert loaded["lettre.docx"].chemin == directory / "lettre-cabinet.docx"
    assert loaded["motif.docx"].origine == "defaut"


def test_mapping_file_errors(tmp_path, few):
    directory = tmp_path / "modeles"
    directory.mkdir()
    shutil.copy(TEMPLATES / "lettre.docx", directory / "lettre.docx")
    (directory / "modeles.yaml").write_text("letre: lettre.docx\nmotif: absent.docx\n", encoding="utf-8")
    problems = inventory(directory).problemes
    assert any("document « letre » inconnu (vouliez-vous dire « lettre » ?)" in p for p in problems)
    assert any("fichier absent.docx introuvable" in p for p in problems)
    assert not lint(directory, scenarios=few).ok


def test_json_format(tmp_path, few):
    directory = copy_templates(tmp_path / "modeles", ["motif.docx"])
    edit_template(TEMPLATES / "motif.docx", directory / "motif.docx", in_closing("{{ salarie.civilte }}"))
    result = CliRunner().invoke(main, ["lint", str(directory), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False
    assert [p["categorie"] for p in data["problemes"]] == ["variable"]
    assert "vouliez-vous dire" in data["problemes"][0]["message"]
    assert {d["document"] for d in data["documents"]} == {"information", "recepisse", "lettre", "motif", "confirmation",
                                                          "nouvelle_echeance"}
    assert data["bilan"]["erreurs"] >= 1


def test_json_format_default_templates():
    result = CliRunner().invoke(main, ["lint", str(TEMPLATES), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ok"] and not data["problemes"] and not data["mentions"]
    assert len(data["scenarios"]) >= 25


def test_generate_says_which_file_serves_which_document(tmp_path):
    directory = tmp_path / "modeles"
    directory.mkdir()
    shutil.copy(TEMPLATES / "lettre.docx", directory / "lettre-cabinet.docx")
    result = CliRunner().invoke(
        main, ["generate", "cases/individuel.yaml", "-o", str(tmp_path / "out"), "--templates", str(directory)])
    assert result.exit_code == 0, result.output + result.stderr
    assert "lettre recommandée avec demande d'avis de réception ← modèle par défaut (lettre.docx)" in result.stderr
    assert "non utilisé(s)" in result.stderr and "lettre-cabinet.docx" in result.stderr


def test_a_directory_named_like_a_template_is_an_error_not_a_fallback(tmp_path, few):
    directory = tmp_path / "modeles"
    (directory / "lettre.docx").mkdir(parents=True)
    text = lint(directory, scenarios=few).texte()
    assert "ERREUR lettre.docx — ce n'est pas un fichier" in text
    assert "Traceback" not in text
    with pytest.raises(Exception, match="ce n'est pas un fichier"):
        load_templates(directory)


def test_unclosed_quote(tmp_path, few):
    _report, text = _lint_with(tmp_path, "{{ 'Madame }}", few)
    assert "balise « {{ 'Madame }} » : guillemet non fermé (apostrophe droite ' seule)" in text
    assert text.count("ERREUR") == 1

