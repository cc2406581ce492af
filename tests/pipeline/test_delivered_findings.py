"""Issue 9: findings are data with a rule code, shown to the user: the documents through time (R-76,
R-80), the published output (R-77, R-78) and the documents not produced are ``Finding``s carried by
the batch; ``generate`` groups them by ``Finding.code`` (cspdocs/generation_text.warning_lines),
never by reading a code back out of a line.

Built on tests/case/test_case_loading.BASE (Madame Julie Bernard, Metz, interview Tue 03/03/2026).
"""

from __future__ import annotations

from datetime import date

import pytest

from cspdocs.casework import load_case
from cspdocs.delivered import check_delivered, out_of_date
from cspdocs.engine.documents import omission_finding
from cspdocs.engine.findings import Finding
from cspdocs.engine.timeline import view_for
from cspdocs.generate import Batch, BatchEmployee, OmittedArtefact
from cspdocs.generation_text import warning_lines
from cspdocs.render.artefacts import ARTEFACTS
from tests.case.test_case_loading import BASE, write
from tests.engine.test_timeline import REMOTE, with_employee

RECEPISSE = next(a for a in ARTEFACTS if a.cle == "recepisse")


def employee(matricule: str, constats=(), omis=()) -> BatchEmployee:
    return BatchEmployee(matricule, "Julie", "Bernard", (), tuple(omis), tuple(f.text for f in constats),
                         constats=tuple(constats))


def batch(*salaries: BatchEmployee, constats=()) -> Batch:
    return Batch("dossier", (), {}, tuple(salaries), tuple(f.text for f in constats), None, constats=tuple(constats))


def warn(code: str, message: str) -> Finding:
    return Finding((), message, blocking=False, code=code)


def printed(lot: Batch, detailed: bool = False) -> list[str]:
    return warning_lines(lot, detailed)  # the lines « cspdocs generate » prints on stderr


def test_employee_findings_are_grouped_by_their_code():
    # two messages of one rule form one group; an employee with two findings of that rule counts once
    lot = batch(employee("E1", [warn("R-76", "la remise prévue le 03/03/2026 …"), warn("R-76", "la lettre prévue …")]),
                employee("E2", [warn("R-76", "la lettre prévue …"), warn("A8", "le Vendredi saint …")]))
    lines = printed(lot)
    assert lines[0] == ("Avertissement R-76 pour 2 salarié(s) (E1, E2) ; par exemple (E1) : "
                        "R-76 : la remise prévue le 03/03/2026 …")
    assert lines[1] == "Avertissement (E2) : A8 : le Vendredi saint …"
    assert len(printed(lot, detailed=True)) == 4


def test_the_code_is_read_from_the_finding_not_from_its_line():
    # a message that itself contains « X : » does not make a rule of its own
    lot = batch(employee("E1", [warn("R-06", "opérateur : documents remis sous le nom « France Travail »")]),
                employee("E2", [warn("R-06", "opérateur : contribution payée à « Pôle emploi »")]))
    assert printed(lot)[0].startswith("Avertissement R-06 pour 2 salarié(s) (E1, E2) ; par exemple (E1) : R-06 : ")


def test_omitted_documents_are_grouped_by_their_rule_and_document():
    raison = ("R-14 : remise par lettre recommandée : la preuve de la remise est l'avis de réception "
              "(mentions, 2.7), pas de récépissé à faire signer")
    finding = omission_finding("recepisse", "lrar", False, None, None, None)
    assert (finding.code, finding.loc, finding.text) == ("R-14", ("documents", "recepisse"), raison)
    omitted = OmittedArtefact(RECEPISSE, finding)
    assert omitted.raison == raison
    lot = batch(employee("E1", omis=[omitted]), employee("E2", omis=[omitted]),
                employee("E3", [warn("R-14", "renseignez la date d'envoi des documents")]))
    lines = printed(lot)
    assert lines[0] == f"Avertissement Non produit : récépissé de remise (R-14) pour 2 salarié(s) (E1, E2) ; par exemple (E1) : {raison}"
    assert lines[1] == "Avertissement (E3) : R-14 : renseignez la date d'envoi des documents"


def test_case_and_run_findings_are_shown_one_by_one():
    lot = batch(constats=[warn("R-48", "cases/x.yaml:3: employeur.zone : …"), warn("R-78", "documents publiés …")])
    assert printed(lot) == ["Avertissement : R-48 : cases/x.yaml:3: employeur.zone : …",
                                    "Avertissement : R-78 : documents publiés …"]


def test_published_output_findings_are_data():
    [stale] = out_of_date([{"matricule": "E2", "empreinte_faits": "old"}], {"E2": "new"}, "fp")
    assert (stale.code, stale.blocking, stale.level) == ("R-78", False, "avertissement")
    assert stale.text.startswith("R-78 : documents publiés d'autres salariés qui ne correspondent plus au dossier")
    assert "cass-soc-09-41.950" in stale.sources  # the sources of its rule (rules/regles.yaml)
    assert check_delivered(None, None, None, {}, allow=False) == []


def test_slipped_documents_are_findings_about_their_journal_key(tmp_path):
    _, result = load_case(write(tmp_path, BASE))
    [rs] = result.employees
    vue = view_for(result.case, rs, date(2026, 6, 30))
    # the letter is dated after the slipped handover: only the handover is flagged
    assert [(f.code, f.loc) for f in vue.constats] == [("R-76", ("suivi", "remise"))]
    assert vue.lines == tuple(f.text for f in vue.constats)
    assert vue.lines[0].startswith("R-76 : la remise prévue le mardi 03/03/2026 n'est pas enregistrée")
    # the facts as of the date carry them as data and as lines
    assert [f for f in vue.courant.constats if f.code == "R-76"] == list(vue.constats)
    assert set(vue.lines) <= set(vue.courant.warnings)
    _, result = load_case(write(tmp_path, with_employee("suivi: {remise: 2026-03-03}")))
    vue = view_for(result.case, result.employees[0], date(2026, 6, 30))
    assert [(f.code, f.loc) for f in vue.constats] == [("R-76", ("suivi", "lettre_envoyee"))]


@pytest.mark.parametrize("civilite, expected", [("Madame", "un courrier confirme à la salariée la date de remise"),
                                                ("Monsieur", "un courrier confirme au salarié la date de remise")])
def test_follow_up_explanations_agree_with_the_civilite(tmp_path, civilite, expected):
    text = with_employee(*REMOTE, "suivi: {remise: 2026-03-04, presentation_documents: 2026-03-06}")
    _, result = load_case(write(tmp_path, text.replace("civilite: Madame", f"civilite: {civilite}")))
    [rs] = result.employees
    assert expected in rs.explanation("dates.confirmation_remise").reasoning
