"""``view_of_current`` (engine/timeline.py) gives the follow-up what a second view, of the facts
already as of the date, would: the HR parts of generate's workers use it instead of computing that
view again. Checked on every example case, at dates before, during and after the procedures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cspdocs.casework import load_case
from cspdocs.engine.actions import follow_up
from cspdocs.engine.timeline import view_for, view_of_current
from tests.support.render import CASES

_CASES = ["individuel.yaml", "collectif-alsace.yaml", "pse.yaml", "mayotte.yaml", "csv/collectif-csv.yaml",
          "suivi/1-avant-remise.yaml", "suivi/2-pendant-delai.yaml", "suivi/3-apres-rupture.yaml"]


def _dates(start: date) -> list[date]:
    return [start + timedelta(days=d) for d in (-30, 0, 5, 12, 21, 22, 30, 45, 90, 200, 400)]


@pytest.mark.parametrize("name", _CASES)
def test_the_follow_up_is_the_same_as_with_a_second_view(name):
    _, resultat = load_case(CASES / name)
    checked = 0
    for rs in resultat.employees[:6]:
        start = rs.dates.get("remise") or date(2026, 6, 1)
        for au in _dates(start):
            v = view_for(resultat.case, rs, au)
            expected = follow_up(resultat.case, v.courant, au)
            assert follow_up(resultat.case, v.courant, au, view_of_current(v)) == expected, (rs.employee.matricule, au)
            checked += 1
    assert checked >= 11
