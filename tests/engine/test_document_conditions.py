"""Issue 9: whether a document exists is one engine rule (engine/documents.omission), read by what
generate writes (render/artefacts.py) and by the mention files' ``applicable`` (mentions/facts.py)."""

from __future__ import annotations

import pytest

from cspdocs.casework import load_case
from cspdocs.engine.compute import compute_dossier
from cspdocs.mentions.facts import Faits
from cspdocs.mentions.loading import default_catalogue
from cspdocs.render.artefacts import ARTEFACTS
from cspdocs.render.context import build_context
from tests.support.engine import dossier_for, load_vectors
from tests.support.contract import case_files

RESULTS = [load_case(p)[1] for p in case_files()] + [
    compute_dossier(dossier_for(v["input"]), v["id"]) for v in load_vectors("dates.yaml")]


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: r.name)
def test_generate_and_the_mention_files_agree_on_which_documents_exist(result):
    catalogue = default_catalogue()
    for rs in result.employees:
        ctx = build_context(result, rs)
        faits = Faits(result, rs)
        for a in ARTEFACTS:
            produced = a.omission(ctx) is None
            expected = catalogue.artefacts[a.cle].applicable if a.cle in catalogue.artefacts else None
            if expected:
                assert faits.holds(expected) is produced, (result.name, rs.employee.matricule, a.cle)


def test_every_omission_reason_names_its_rule():
    # what generate prints for a document it does not produce starts with the rule's code (shown with
    # `cspdocs regles CODE`), like every other finding
    from cspdocs.engine.documents import omission
    from cspdocs.rules.registre import regle

    reasons = [omission("recepisse", "lrar", False, None, None, None),
               omission("recepisse", "electronique", False, None, None, None),
               omission("lettre", "main_propre", True, None, None, None),
               omission("lettre", "main_propre", False, None, None, None)]
    assert [r.split(" : ")[0] for r in reasons] == ["R-14", "R-14", "R-51", "R-25"]
    for r in reasons:
        assert regle(r.split(" : ")[0])


def test_an_omitted_document_is_a_finding_with_its_rule_code():
    from datetime import date

    from cspdocs.engine.documents import omission, omission_finding

    f = omission_finding("recepisse", "lrar", False, date(2026, 3, 13), "conservatoire", date(2026, 3, 24))
    assert (f.code, f.loc, f.blocking) == ("R-14", ("documents", "recepisse"), False)
    assert f.message.startswith("remise par lettre recommandée : la preuve de la remise est l'avis de réception")
    assert omission("recepisse", "lrar", False, date(2026, 3, 13), "conservatoire", date(2026, 3, 24)) == f.text
    assert omission_finding("lettre", "main_propre", True, None, None, None).code == "R-51"
    assert omission_finding("lettre", "main_propre", False, date(2026, 3, 13), "conservatoire", None).code == "R-51"
    assert omission_finding("information", "lrar", False, None, None, None) is None
