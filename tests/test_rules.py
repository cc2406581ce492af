"""Dated parameters: no gap and no overlap in any parameter, lookups by date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cspdocs.rules.lookup import lookup, parameters


@pytest.mark.parametrize("name", sorted(parameters()))
def test_no_gap_no_overlap(name):
    periods = parameters()[name].periodes
    assert periods, name
    for p in periods:
        assert p.reference and p.au is None or p.du <= p.au
    for before, after in zip(periods, periods[1:]):
        assert before.au is not None, f"{name}: open period before another"
        assert after.du == before.au + timedelta(days=1), f"{name}: gap or overlap at {before.au}"


def test_lookup_values_by_date():
    assert lookup("operateur", date(2023, 12, 31)).valeur == "Pôle emploi"
    assert lookup("operateur", date(2024, 1, 1)).valeur == "France Travail"
    assert lookup("taux_asp", date(2015, 1, 31)).valeur == "0.80"
    assert lookup("taux_asp", date(2015, 2, 1)).valeur == "0.75"
    assert lookup("regime_csp", date(2026, 12, 31)).au == date(2026, 12, 31)
    assert lookup("regime_csp", date(2027, 1, 1)) is None  # A11: no known text
    assert lookup("fractions_indemnite_legale", date(2017, 9, 26)).valeur["jusqu_a_10_ans"] == "1/5"
    assert lookup("fractions_indemnite_legale", date(2017, 9, 27)).valeur["jusqu_a_10_ans"] == "1/4"
    assert lookup("anciennete_minimale_indemnite_mois", date(2017, 9, 24)).valeur == 8
