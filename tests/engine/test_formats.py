"""The French forms of cspdocs/formats.py, one per audience (values written by hand)."""

from datetime import date
from decimal import Decimal

from cspdocs import formats
from cspdocs.render import filters


def test_document_forms_follow_cldr():
    assert formats.long_date(date(2026, 4, 27)) == "lundi 27 avril 2026"
    assert formats.long_date(date(2026, 3, 1)) == "dimanche 1er mars 2026"
    assert formats.plain_date(date(2026, 3, 1)) == "1er mars 2026"
    assert formats.short_date(date(2026, 4, 27)) == "27/04/2026"
    assert formats.euros(Decimal("8233.333")) == "8\u202f233,33\u00a0€"
    assert formats.number(Decimal("1250")) == "1\u202f250"
    assert formats.number(Decimal("11.166"), 2) == "11,17"


def test_amount_in_words_grammar():
    assert formats.amount_in_words(Decimal("8233.33")) == (
        "huit mille deux cent trente-trois euros et trente-trois centimes")
    assert formats.amount_in_words(Decimal("1")) == "un euro"
    assert formats.amount_in_words(Decimal("1000000")) == "un million d'euros"
    assert formats.amount_in_words(Decimal("0.01")) == "un centime"


def test_explanation_forms_are_the_contract_ones():
    assert formats.explanation_date(date(2026, 3, 24)) == "mardi 24/03/2026"
    assert formats.explanation_date(None) == "inconnue"
    assert formats.explanation_amount(Decimal("8233.335")) == "8 233,34 €"


def test_report_and_cli_forms():
    assert formats.report_date(date(2026, 4, 1)) == "mercredi 1er avril 2026"
    assert formats.report_amount(Decimal("-1234.5")) == "-1\u202f234,50\u00a0€"
    assert formats.cli_date(date(2026, 12, 2)) == "02/12/2026"
    assert formats.cli_date(None, "sans limite connue") == "sans limite connue"


def test_template_filters_delegate_to_formats():
    assert filters.date_longue("2026-04-27") == formats.long_date(date(2026, 4, 27))
    assert filters.euros(8233.33) == formats.euros(Decimal("8233.33"))
    assert filters.montant_lettres(2) == "deux euros"
