"""The example cases of cases/ load cleanly; the JSON Schema of a case file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs.case.loader import load_dossier
from cspdocs.case.model import luhn_ok
from cspdocs.case.places import zone_for
from cspdocs.case.schema import case_json_schema
from cspdocs.commands.schema import command as schema_command
from tests.support.paths import ROOT

CASES = ROOT / "cases"
EXAMPLES = sorted(p for p in CASES.rglob("*.yaml"))


def test_examples_exist():
    names = {p.relative_to(CASES).as_posix() for p in EXAMPLES}
    assert {"individuel.yaml", "collectif-alsace.yaml", "pse.yaml", "mayotte.yaml",
            "csv/collectif-csv.yaml"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(CASES).as_posix())
def test_example_loads_without_warning(path):
    charged = load_dossier(path)
    assert charged.warnings == ()
    assert charged.nom == path.stem
    dossier = charged.dossier
    assert dossier.employeur.siret is None or luhn_ok(dossier.employeur.siret)
    # 2026 procedures: the convention in force runs to 31/12/2026 (R-03)
    for s in dossier.salaries:
        for day in (s.date_entretien_prealable, dossier.procedure.date_entretien_prealable,
                    dossier.procedure.date_derniere_reunion_cse, dossier.procedure.date_decision_administration):
            assert day is None or day.year == 2026
    assert path.read_text(encoding="utf-8").startswith("#"), "each example explains its scenario"


def test_collectif_alsace():
    d = load_dossier(CASES / "collectif-alsace.yaml").dossier
    assert (d.procedure.type, d.procedure.cse, d.employeur.effectif) == ("collectif_10_et_plus", True, 42)
    assert d.employeur.adresse.code_postal.startswith("67")
    assert {zone_for(d.employeur, s) for s in d.salaries} == {"alsace-moselle"}
    by_id = {s.matricule: s for s in d.salaries}
    protected = [s for s in d.salaries if s.salarie_protege]
    assert len(protected) == 1 and protected[0].date_entretien_prealable is not None
    assert protected[0].salarie_protege.date_notification_autorisation == date(2026, 4, 20)
    assert any(s.cadre for s in d.salaries)
    assert any(s.salaires_12_derniers_mois for s in d.salaries)
    assert any(s.taux_charges_patronales for s in d.salaries)
    assert any((date(2026, 3, 13) - s.date_entree).days < 365 for s in d.salaries)
    assert by_id["E106"].lieu_travail.ville == "Colmar"


def test_pse_and_mayotte():
    pse = load_dossier(CASES / "pse.yaml").dossier
    assert (pse.procedure.type, pse.employeur.effectif) == ("pse", 180)
    mayotte = load_dossier(CASES / "mayotte.yaml").dossier
    assert mayotte.employeur.adresse.code_postal.startswith("976")
    assert zone_for(mayotte.employeur, mayotte.salaries[0]) == "mayotte"


def test_csv_example():
    charged = load_dossier(CASES / "csv" / "collectif-csv.yaml")
    assert charged.sources == (CASES / "csv" / "collectif-csv.yaml", CASES / "csv" / "salaries.csv")
    assert ";" in (CASES / "csv" / "salaries.csv").read_text(encoding="utf-8").splitlines()[0]
    assert [s.prenom for s in charged.dossier.salaries] == ["Hélène", "Loïc", "Françoise", "Noé"]


# --- JSON Schema -------------------------------------------------------------------------------------

def test_schema_shape():
    schema = case_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Dossier"
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["employeur", "procedure"]
    assert schema["oneOf"] == [{"required": ["salaries"]}, {"required": ["salaries_csv"]}]
    salarie = schema["$defs"]["Salarie"]
    assert salarie["additionalProperties"] is False
    assert salarie["properties"]["date_entree"]["format"] == "date"
    assert salarie["properties"]["date_entree"]["description"] == "Date d'entrée dans l'entreprise"
    assert schema["$defs"]["Adresse"]["properties"]["code_postal"]["pattern"] == r"^\d{5}$"
    case_json_schema()["title"] = "modifié"
    assert case_json_schema()["title"] == "Dossier"


def test_schema_command_prints_indented_json():
    result = CliRunner().invoke(schema_command, [])
    assert result.exit_code == 0, result.output
    assert result.output.startswith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema"')
    assert json.loads(result.output) == case_json_schema()


def test_schema_command_output_file(tmp_path):
    target = tmp_path / "dossier.schema.json"
    result = CliRunner().invoke(schema_command, ["--sortie", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8")) == case_json_schema()
