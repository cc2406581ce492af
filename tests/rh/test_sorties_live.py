"""generate's HR files written as the employees come (rh/sorties_live.py) have the bytes of those
written at the end from the manifest; an employee with a kind of document the first one lacks
sends them back to the end-of-run path."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from cspdocs.case.errors import DossierInvalide
from cspdocs.casework import load_case
from cspdocs.pipeline import run
from cspdocs.rh import sorties
from cspdocs.rh.sorties import ecrire
from cspdocs.rh.sorties_live import LiveHr
from tests.support.render import CASES, EXAMPLE_CASES

AU = date(2026, 12, 2)
SUIVI = sorted((CASES / "suivi").glob("*.yaml"))
OUTCOMES: dict[str, bool] = {}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", EXAMPLE_CASES + SUIVI, ids=lambda p: p.stem)
def test_live_hr_files_are_those_written_at_the_end(tmp_path, monkeypatch, case):
    try:
        charge, resultat = load_case(case, au=AU)
    except DossierInvalide:  # a case refused at this date: nothing to compare
        pytest.skip("dossier refusé à cette date")
    finish = LiveHr.finish
    outcome = []
    monkeypatch.setattr(LiveHr, "finish", lambda self: outcome.append(finish(self)) or outcome[-1])
    generation = run(charge, resultat, tmp_path / "sortie", workers=1)
    assert len(outcome) == 1
    OUTCOMES[case.stem] = outcome[0] is not None
    folder = generation.publication.dossier
    suivi = sorties.suivi_publication(generation.publication.manifest["salaries"])
    (tmp_path / "fin").mkdir()
    ecrire(tmp_path / "fin", resultat, suivi, AU)
    for name in sorties.FICHIERS:
        assert _sha(folder / name) == _sha(tmp_path / "fin" / name), name


def test_both_paths_were_taken():
    if len(OUTCOMES) < 2:
        pytest.skip("run with the cases above")
    assert any(OUTCOMES.values()), OUTCOMES
    assert not all(OUTCOMES.values()), OUTCOMES
