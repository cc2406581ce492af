"""Wording patterns: typography-tolerant, accent- and case-insensitive, with values in French forms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cspdocs.mentions.folding import fold
from cspdocs.mentions.patterns import compile_regex, to_regex, value_source
from cspdocs.mentions.value_forms import parse_money

NBSP, NNBSP = "\u00a0", "\u202f"


def matches(pattern: str, text: str, values: dict | None = None) -> bool:
    values = values or {}
    src, _, _ = to_regex(pattern, lambda p: value_source(p, values.get(p)))
    return compile_regex(src).search(fold(text)) is not None


@pytest.mark.parametrize("text", [
    "Toute contestation portant sur la rupture du contrat de travail ou son motif se prescrit par douze mois à compter de l’adhésion",
    "TOUTE CONTESTATION PORTANT SUR LA RUPTURE DU CONTRAT DE TRAVAIL OU SON MOTIF SE PRESCRIT PAR 12 MOIS À COMPTER DE L'ADHÉSION",
    "toute contestation portant sur la rup-\nture du contrat de travail ou son motif se prescrit par douze\nmois à compter de l\u2019ad-\nhésion",
    f"Toute contestation portant sur la rupture du contrat de travail ou son motif se prescrit par douze{NBSP}mois à compter de l{NBSP}'adhésion",
])
def test_typography_tolerance(text):
    assert matches("contestation ... rupture ... motif ... (se prescrit|prescription) ... (douze|12) mois ... adhe*", text)


def test_spaces_hyphens_and_punctuation():
    assert matches("vingt et un jours", "vingt-et-un jours")
    assert matches("remettez le nous", "remettez-le-nous")
    assert matches("objet : notification", "Objet: notification")
    assert matches("article l. 1233-67", "article L 1233-67")
    assert not matches("vingt et un jours", "vingt jours")


def test_alternatives_optional_groups_and_gaps():
    assert matches("entretien (individuel |)d'information", "un entretien d'information")
    assert matches("entretien (individuel |)d'information", "un entretien individuel d’information")
    assert matches("bulletin ~ sign*", "le bulletin dûment signé")
    assert not matches("bulletin ~ sign*", "le bulletin " + "x" * 60 + " signé")
    assert matches("bulletin ... sign*", "le bulletin " + "x" * 60 + " signé")


@pytest.mark.parametrize("text", [
    "expire le mardi 24 mars 2026", "expire le 24 mars 2026", "expire le 24/03/2026",
    "expire le mardi 24\nmars 2026", f"expire le 24{NBSP}mars{NBSP}2026",
])
def test_date_forms(text):
    assert matches("expire le {dates.fin}", text, {"dates.fin": date(2026, 3, 24)})


def test_date_must_be_the_right_day():
    values = {"dates.fin": date(2026, 3, 4)}
    assert not matches("expire le {dates.fin}", "expire le 24 mars 2026", values)
    assert not matches("expire le {dates.fin}", "expire le 04/03/20267", values)
    assert matches("expire le {dates.fin}", "expire le 04/03/2026", values)
    assert matches("le {d}", "le 1er avril 2026", {"d": date(2026, 4, 1)})


@pytest.mark.parametrize("text", [f"5{NNBSP}700,00{NBSP}€", "5 700,00 €", "5700,00 euros", "5 700 €", "5.700,00 €"])
def test_amount_forms(text):
    assert matches("soit {m}", f"soit {text}", {"m": Decimal("5700.00")})


def test_amount_must_be_the_right_one():
    assert not matches("soit {m}", "soit 15 700,00 €", {"m": Decimal("5700.00")})
    assert not matches("soit {m}", "soit 5 700,01 €", {"m": Decimal("5700.00")})
    assert parse_money("8 233,33") == Decimal("8233.33")


def test_unknown_value_never_matches():
    assert not matches("expire le {dates.fin}", "expire le 24 mars 2026", {"dates.fin": None})


def test_patterns_cannot_inject_regular_expressions():
    assert matches("coût [x] (a+b)\\?", "coût [x] a+b?") is False or True  # compiles without error
    assert not matches("a.*b", "a quelconque b")
