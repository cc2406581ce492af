"""Red-team review (2 Dec 2026), law part: the handover rule on the journal's handover (finding 2),
every error of a case at once (finding 5), French explanations (finding 3), R-69 on a recorded
letter (finding 12), R-62 after the end of the protection (finding 4).

Built on tests/test_case_checks.collectif_10 (Metz, 10+ dismissals with a CSE, last CSE meeting
Fri 13/03/2026) and tests/test_case_loading.BASE (individuel, interview Tue 03/03/2026)."""

from __future__ import annotations

from cspdocs.case.loader import load_dossier

from .test_case_checks import EMPLOYEE_END, collectif_10, with_employee_keys
from .test_case_loading import errors_of, line_of, write


def _with(text: str, *lines: str) -> str:
    return text.replace(EMPLOYEE_END, EMPLOYEE_END + "".join(f"    {line}\n" for line in lines))


# --- finding 2: R-11 on the recorded handover ------------------------------------------------------

def test_recorded_handover_before_the_last_cse_meeting_is_refused_like_the_planned_one(tmp_path):
    text = _with(collectif_10(), "suivi:", "  remise: 2026-03-11")
    [e] = errors_of(write(tmp_path, text))
    assert (e.ligne, e.chemin) == (line_of(text, "remise: 2026-03-11"), "salaries[0].suivi.remise")
    assert e.message == ("remise enregistrée le 11/03/2026 (« suivi.remise ») : les documents du CSP sont remis à "
                         "l'issue de la dernière réunion du CSE (13/03/2026), pas avant (C. trav. L1233-38 ; R-11)")
    planned = _with(collectif_10(), "date_remise: 2026-03-11")
    [p] = errors_of(write(tmp_path, planned, "plan.yaml"))
    assert p.chemin == "salaries[0].date_remise"
    assert p.message == ("remise le 11/03/2026 : les documents du CSP sont remis à l'issue de la dernière réunion "
                         "du CSE (13/03/2026), pas avant (C. trav. L1233-38 ; R-11)")


def test_recorded_handover_on_the_meeting_day_is_accepted(tmp_path):
    load_dossier(write(tmp_path, _with(collectif_10(), "suivi: {remise: 2026-03-13}")))


def test_remote_handover_presented_before_the_interview_is_refused_on_its_journal_key(tmp_path):
    # individuel: interview Tue 03/03/2026; at a distance the presentation is the handover
    text = with_employee_keys("mode_remise: lrar", "suivi: {remise: 2026-03-02, presentation_documents: 2026-03-02}")
    [e] = errors_of(write(tmp_path, text))
    assert e.chemin == "salaries[0].suivi.presentation_documents"
    assert e.message.startswith("remise enregistrée le 02/03/2026 (« suivi.presentation_documents ») : les documents du "
                                "CSP sont remis lors de l'entretien préalable (03/03/2026) ou après")


def test_recorded_letter_before_the_planned_handover_is_refused_on_its_journal_key(tmp_path):
    text = with_employee_keys("date_remise: 2026-03-05", "suivi: {lettre_envoyee: 2026-03-04}")
    [e] = errors_of(write(tmp_path, text))
    assert e.chemin == "salaries[0].suivi.lettre_envoyee"
    assert e.message.startswith("la lettre recommandée (« suivi.lettre_envoyee », 04/03/2026) ne peut précéder la "
                                "remise des documents du CSP (date de remise : 05/03/2026)")
