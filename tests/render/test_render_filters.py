"""French filters: dates, euros, numbers and amounts in words (Babel and num2words)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from cspdocs.render.filters import (
    ValeurAbsente, date_courte, date_longue, date_simple, euros, montant_lettres, nombre,
)
from tests.support.render import fr_euros, fr_long, fr_short


def test_date_longue_example():
    assert date_longue(date(2026, 4, 27)) == "lundi 27 avril 2026"


def test_first_of_month_is_an_ordinal():
    assert date_longue(date(2026, 6, 1)) == "lundi 1er juin 2026"
    assert date_simple(date(2026, 3, 1)) == "1er mars 2026"
    assert date_simple(date(2026, 3, 11)) == "11 mars 2026"


def test_date_courte():
    assert date_courte(date(2026, 4, 7)) == "07/04/2026"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_match_hand_formatting(d):
    assert date_longue(d) == fr_long(d)
    assert date_courte(d) == fr_short(d)


def test_euros_example():
    assert euros(Decimal("8233.33")) == "8\u202f233,33\u00a0€"


@given(st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False))
def test_euros_matches_hand_formatting(x):
    assert euros(x) == fr_euros(x)


def test_euros_rounds_half_up_to_the_cent():
    assert euros(Decimal("10.005")) == "10,01\u00a0€"


def test_nombre():
    assert nombre(Decimal("11.17")) == "11,17"
    assert nombre(Decimal("2")) == "2"
    assert nombre(Decimal("2.00")) == "2"
    assert nombre(Decimal("2.5"), 2) == "2,50"
    assert nombre(1250) == "1\u202f250"


@pytest.mark.parametrize("value, words", [
    ("8233.33", "huit mille deux cent trente-trois euros et trente-trois centimes"),
    ("1", "un euro"),
    ("0", "zéro euro"),
    ("0.50", "cinquante centimes"),
    ("80.01", "quatre-vingts euros et un centime"),
    ("1000000", "un million d'euros"),
    ("2000000.10", "deux millions d'euros et dix centimes"),
    ("5700.00", "cinq mille sept cents euros"),
])
def test_montant_lettres(value, words):
    assert montant_lettres(Decimal(value)) == words


@pytest.mark.parametrize("f", [date_longue, date_courte, date_simple, euros, nombre, montant_lettres])
def test_none_is_refused_with_a_french_message(f):
    with pytest.raises(ValeurAbsente, match="valeur absente"):
        f(None)
