"""normalize_text (cspdocs/text.py) against its plain statement: each step written the obvious way
(one regular expression per step, str.translate), which the module computes faster."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cspdocs import text

_QUOTE_SPACES = re.compile(r"([«‹])[^\S\n]*|[^\S\n]*([»›])")
_HYPHEN_BREAK = re.compile(r"(\w)-[^\S\n]*\n\s*(?=\w)")


def reference(value: str) -> str:
    value = unicodedata.normalize("NFKC", value)
    value = _QUOTE_SPACES.sub(lambda m: m[1] or m[2], value)
    value = value.translate(text._TABLE)
    value = text._PAGE_NUMBER_LINE.sub("", value)
    value = _HYPHEN_BREAK.sub(r"\1-", value)
    return re.sub(r"\s+", " ", value).strip()


_ALPHABET = ("ab1é ", "\n", "\t", "-", "«", "»", "‹", "›", "\u00a0", "\u202f", "\u2028", "\x1c", "\u0085",
             "’", "\u00b4", "\u00ad", "ﬁ", "Page 2 / 3", "- 4 -", *map(chr, text._TABLE))


def test_inline_spaces_are_every_whitespace_but_the_line_break() -> None:
    everything = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(text._INLINE_SPACES) == everything - {"\n"}
    assert all(re.fullmatch(r"\s", c) for c in everything)  # what \s and str.split count


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=16).map("".join))
def test_normalize_text_is_its_plain_statement(value: str) -> None:
    assert text.normalize_text(value) == reference(value)


def test_normalize_text_examples() -> None:
    assert text.normalize_text("«\u00a0oui\u202f» et ‹ non ›") == '"oui" et "non"'
    assert text.normalize_text("contrat de sécu-\n  risation") == "contrat de sécu-risation"
    assert text.normalize_text("l’employeur\u00ad") == "l'employeur"
