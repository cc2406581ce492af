"""Property tests (hypothesis) on the engine's dates, over every zone and ten years of handovers."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cspdocs.calendar import ZONES, Calendar
from cspdocs.engine.compute import compute_dossier
from tests.support.engine import ZONE_POSTAL, dossier_for

handovers = st.dates(min_value=date(2018, 1, 1), max_value=date(2028, 12, 31))
zones = st.sampled_from(sorted(ZONE_POSTAL))


@settings(max_examples=300, deadline=None)
@given(handovers, zones, st.booleans())
def test_reflection_period_never_ends_on_a_non_working_day_and_never_short(remise, zone, cadre):
    inp = {"zone": zone, "procedure": "individual", "cadre": cadre, "interview_date": remise.isoformat()}
    r = compute_dossier(dossier_for(inp), "p").employees[0]
    fin = r.dates["fin_delai_reflexion"]
    cal = Calendar(r.zone)
    assert fin.weekday() < 5 and not cal.is_holiday(fin)
    assert (fin - remise).days >= 21
    # without a holiday or weekend on day 21, the last day is the handover's weekday three weeks on
    if cal.is_working_day(remise + timedelta(days=21)):
        assert fin == remise + timedelta(days=21)


@settings(max_examples=200, deadline=None)
@given(handovers, zones, st.integers(min_value=-5, max_value=40))
def test_letter_variant_agrees_with_the_dates(remise, zone, offset):
    inp = {"zone": zone, "procedure": "individual", "interview_date": remise.isoformat()}
    envoi = remise + timedelta(days=max(offset, 8))
    r = compute_dossier(dossier_for(inp, envoi.isoformat()), "p").employees[0]
    fin = r.dates["fin_delai_reflexion"]
    assert r.letter["rappel_delai_requis"] is (envoi <= fin)
    assert r.letter["variante"] == ("conservatoire" if envoi <= fin else "licenciement")
    assert r.dates["envoi_lettre_au_plus_tot"] > r.dates["remise"]


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(ZONES))
def test_prorogation_lands_on_a_working_day_within_a_week(day, zone):
    cal = Calendar(zone)
    landing, _ = cal.prorogate(day)
    assert cal.is_working_day(landing)
    assert 0 <= (landing - day).days < 7
