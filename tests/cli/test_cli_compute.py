"""`cspdocs compute`: vectors through the CLI on generated case files, text output, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cspdocs.cli import main
from tests.support.engine import case_dict_for, load_vectors
from tests.support.paths import ROOT

VECTORS = {v["id"]: v for v in load_vectors("dates.yaml")}
# A representative subset: plain, cadre 15 days, Alsace-Moselle, overseas, collective 10+, PSE,
# protected employee, leap year.
SUBSET = ["D03", "D06", "D10", "D21", "D29", "D45", "D48", "D50", "D39"]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("vid", SUBSET)
def test_vector_through_cli_json(vid, tmp_path):
    vector = VECTORS[vid]
    case = tmp_path / f"{vid}.yaml"
    case.write_text(yaml.safe_dump(case_dict_for(vector["input"]), allow_unicode=True), encoding="utf-8")
    result = run("compute", str(case), "--format", "json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["dossier"] == vid
    dates = out["salaries"][0]["dates"]
    exp = vector["expected"]
    assert dates["remise"] == exp["handover_date"]
    assert dates["fin_delai_reflexion"] == exp["reflection_last_day"]
    assert dates["envoi_lettre_au_plus_tot"] == exp["dismissal_letter_not_before"]
    assert dates["debut_csp"] == exp["csp_start"]
    assert dates["fin_csp"] == exp["csp_end_12m"]
    assert dates["echeance_contribution_employeur"] == exp["employer_payment_due"]
    assert out["salaries"][0]["lettre"]["rappel_delai_requis"] is exp["reminder_wording_required_if_sent_on_not_before"]


def test_json_has_every_contract_key():
    out = json.loads(run("compute", str(ROOT / "cases" / "individuel.yaml"), "--format", "json").stdout)
    assert set(out) >= {"dossier", "regime", "salaries"}
    assert set(out["regime"]) >= {"texte", "valable_jusqu_au"}
    s = out["salaries"][0]
    assert set(s) >= {"matricule", "operateur", "dates", "lettre", "montants", "explications", "avertissements"}
    assert set(s["lettre"]) == {"variante", "rappel_delai_requis"}
    for e in s["explications"]:
        assert set(e) == {"fait", "valeur", "raisonnement", "sources"}


@pytest.mark.parametrize("case", sorted(str(p.relative_to(ROOT)) for p in (ROOT / "cases").rglob("*.yaml")))
def test_every_example_case_computes(case):
    result = run("compute", str(ROOT / case), "--format", "texte")  # the detail, whatever the size
    assert result.exit_code == 0, result.stderr
    assert "Calendrier" in result.stdout and "Explications" in result.stdout and "Sources :" in result.stdout
    assert result.stderr == ""


def test_employee_filter(tmp_path):
    out = json.loads(run("compute", str(ROOT / "cases" / "collectif-alsace.yaml"), "--format", "json", "--employe", "E102").stdout)
    assert [s["matricule"] for s in out["salaries"]] == ["E102"]


def test_unknown_employee_is_a_usage_error():
    result = run("compute", str(ROOT / "cases" / "individuel.yaml"), "--employe", "NOPE")
    assert result.exit_code == 2
    assert "NOPE" in result.stderr


INVALID = [
    # (yaml text, line, key path, expected fragment of the French message)
    ("employeur:\n  raison_sociale: X\n  adresse: {rue: a, code_postal: '7500', ville: P}\n", 3,
     "employeur.adresse.code_postal", "attendu : 5 chiffres"),
    ("procedure:\n  type: individuelle\n", 2, "procedure.type", "n'est pas une valeur admise"),
    ("salaries:\n  - matricule: A\n    date_entree: 2025-02-30\n", 3, "salaries[0].date_entree",
     "« 2025-02-30 » n'est pas une date valide (attendu AAAA-MM-JJ)"),
    ("employeur:\n  raison_socale: X\n", 2, "employeur.raison_socale", "clé inconnue"),
]


@pytest.mark.parametrize("text,line,path,message", INVALID)
def test_invalid_input_reports_file_line_key_and_prints_nothing_on_stdout(text, line, path, message, tmp_path):
    case = tmp_path / "cas.yaml"
    case.write_text(text, encoding="utf-8")
    result = run("compute", str(case), "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{case}:{line}: {path} : " in result.stderr
    assert message in result.stderr


def test_schema_command_prints_json_schema():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "employeur" in schema["properties"] and "salaries" in schema["properties"]


def _with_employee(tmp_path, **changes) -> Path:
    case = yaml.safe_load((ROOT / "cases" / "individuel.yaml").read_text(encoding="utf-8"))
    case["salaries"][0].update(changes)
    path = tmp_path / "cas.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_acceptance_after_the_period_is_an_invalid_case(tmp_path):
    """Art. 5 § 1 al. 3: silence at the end of the period is a refusal; a late bulletin has no effect."""
    path = _with_employee(tmp_path, reponse={"decision": "acceptation", "date": "2026-06-05"})
    result = run("compute", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "2026-06-05" in l)
    assert f"{path}:{line}: salaries[0].reponse.date : l'acceptation du vendredi 05/06/2026 est postérieure" in result.stderr
    assert "le silence valant refus" in result.stderr


def test_planned_letter_before_the_lawful_date_is_an_invalid_case(tmp_path):
    """R-22: a planned dispatch before the earliest lawful date would make the letter irregular."""
    path = _with_employee(tmp_path, date_envoi_lettre="2026-05-20")
    result = run("compute", str(path))
    assert result.exit_code == 1
    assert "salaries[0].date_envoi_lettre : la lettre ne peut être envoyée avant le mardi 02/06/2026" in result.stderr
    gen = run("generate", str(path), "-o", str(tmp_path / "out"))
    assert gen.exit_code == 1 and not (tmp_path / "out").exists()


def test_unknown_employee_is_a_usage_error_in_compute_and_suivi():
    from click.testing import CliRunner

    from cspdocs.cli import main

    for command in ("compute", "suivi"):
        result = CliRunner().invoke(main, [command, str(ROOT / "cases" / "individuel.yaml"), "--employe", "INCONNU"])
        assert result.exit_code == 2, (command, result.output)
        assert "matricule(s) absent(s) du dossier : INCONNU" in result.output
