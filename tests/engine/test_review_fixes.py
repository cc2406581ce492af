"""Defects found by the independent review of issue 8 on main, each with its source.

- R1234-4 averages the whole gross pay: the declared average variable pay is part of the reference
  salary of the severance indemnity, not only of the notice pay (L1234-5).
- R-41 / R-51: a protected employee awaiting the authorisation is dismissed at an unknown later date,
  when one year of seniority may have been reached: the documents must not assert "under one year".
- R-58 / L1233-46 al. 2: the DREETS notification comes at the earliest the day after the first CSE
  meeting, in a PSE too.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cspdocs.case.errors import DossierInvalide
from cspdocs.case.loader import load_dossier
from cspdocs.render.modeles import load_templates
from tests.case.test_case_loading import BASE
from tests.engine.test_legal_review2 import documents, one, with_employee
from tests.support.paths import ROOT



def test_reference_salary_counts_the_declared_variable_pay(tmp_path):
    """2 850 + 300 + 1 200 / 12 = 3 250 €; 10 years at 1/4 and 1 year 2 months at 1/3 (end of notice):
    3 250 × (10/4 + 14/36) = 9 388,89 € (8 233,33 € without the variable pay and the bonus: 2 850 €)."""
    rs = one(tmp_path, with_employee("remuneration_variable_mensuelle: 300.00", "primes_annuelles_3_derniers_mois: 1200.00"))
    assert rs.amounts["salaire_reference"] == Decimal("3250.00")
    assert rs.amounts["indemnite_legale_licenciement"] == Decimal("9388.89")
    assert "rémunération variable moyenne de 300,00 €" in rs.explanation("montants.salaire_reference").reasoning


@pytest.fixture(scope="module")
def modeles():
    return load_templates()


def test_protected_pending_under_one_year_is_not_asserted(tmp_path, modeles):
    """Entry 01/05/2025: 10 months at the provisional rupture (24/03/2026), a year on 01/05/2026,
    possibly before the authorisation: neither side of the threshold is stated."""
    text = with_employee("salarie_protege: {date_notification_autorisation: null}",
                         base=BASE.replace("date_entree: 2015-03-01", "date_entree: 2025-05-01"))
    docs, result = documents(tmp_path, text, modeles)
    assert result.employees[0].conditions["anciennete_un_an_incertaine"] is True
    assert "étant inférieure à un an" not in docs["information"]


def test_dreets_notification_before_the_first_meeting_blocks_a_pse(tmp_path):
    text = (ROOT / "cases" / "pse.yaml").read_text(encoding="utf-8").replace(
        "date_notification_projet_administration: 2026-04-20", "date_notification_projet_administration: 2026-04-17")
    path = tmp_path / "pse.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DossierInvalide) as exc:
        load_dossier(path)
    assert any("R-58" in e.message and "lendemain de la première réunion du CSE" in e.message for e in exc.value.erreurs)


def test_redressement_under_surveillance_the_employer_signs_the_motive_statement(tmp_path):
    """R-64, C. com. L631-12: under a surveillance mission the employer alone signs; the mention
    check of the motive statement no longer expects the administrator's name (it blocked generate)."""
    from click.testing import CliRunner

    from cspdocs.cli import main

    case = ROOT / "tests" / "fixtures" / "cases" / "redressement-surveillance.yaml"
    result = CliRunner().invoke(main, ["generate", str(case), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "mentions obligatoires vérifiées" in result.output


def test_manifest_records_the_indemnity_reading(tmp_path):
    """Issue 8 item 7: the reading chosen for the indemnity's seniority is recorded in the manifest."""
    import json

    from click.testing import CliRunner

    from cspdocs.cli import main

    text = BASE.replace("  reclassement:", "  lecture_anciennete_indemnite: rupture\n  reclassement:")
    case = tmp_path / "lecture.yaml"
    case.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["generate", str(case), "-o", str(tmp_path / "sortie")])
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "sortie" / "lecture" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lectures_retenues"] == {"lecture_anciennete_indemnite": "rupture"}
