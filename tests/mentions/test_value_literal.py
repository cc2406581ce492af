"""A text fact (a name, the motive's facts) is first looked for as it is written
(patterns.value_literal): wherever that literal is in a folded document, the fact's regex
(patterns.value_source) matches there too, so the substring search never finds a value the regex
would not, whatever the value holds (accents, apostrophes, hyphens, punctuation, runs of spaces)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cspdocs.mentions.folding import fold
from cspdocs.mentions.patterns import compile_regex, value_literal, value_source

_ALPHABET = st.sampled_from(list("abcdefgh ÉéèêàçôœÆ'’-–., ;:!?()&<>\"«»\u00a0\t") + ["Le Bihan", "d'Arc", "Saint-Éloi"])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(_ALPHABET, min_size=1, max_size=12).map("".join), st.sampled_from(["", "M. ", "Madame ", "« "]))
def test_the_literal_is_always_where_the_regex_matches(value, before):
    literal = value_literal("salarie.nom", value)
    source = value_source("salarie.nom", value)
    assert literal is not None and source is not None
    document = fold(f"Attestation remise à {before}{value}, ce jour.")
    at = document.find(literal) if literal else -1
    if at >= 0:
        assert compile_regex(source).match(document, at), (value, literal, source)


def test_the_literal_of_a_name_is_its_folded_text():
    assert value_literal("salarie.nom", "Le  Bihan-Éloi") == "le bihaneloi"
    assert fold("Madame Le Bihan-Éloi") .endswith("le bihaneloi")


def test_no_literal_for_dates_amounts_numbers_or_enumerated_forms():
    forms = {"operateur": {"France Travail": ("france travail", "pole emploi")}}
    assert value_literal("dates.remise", date(2026, 3, 2)) is None
    assert value_literal("montants.indemnite", Decimal("12.50")) is None
    assert value_literal("parametres.duree", 21) is None
    assert value_literal("conditions.cadre", True) is None
    assert value_literal("salarie.nom", None) is None
    assert value_literal("operateur", "France Travail", forms) is None
    assert value_literal("operateur", "Autre", forms) == "autre"
