"""The one Jinja environment: sandbox, strict undefined, XML escaping, refusal of raw values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError

from cspdocs.render.environment import ValeurNonAffichable, make_environment
from cspdocs.render.filters import ValeurAbsente
from cspdocs.render.xmltext import clean_text


def render(source: str, **ctx) -> str:
    return make_environment().from_string(source).render(**ctx)


def test_values_are_xml_escaped():
    out = render("<w:t>{{ n }}</w:t>", n="O'Brien & <Fils> \"SA\"")
    assert out == "<w:t>O&#39;Brien &amp; &lt;Fils&gt; &#34;SA&#34;</w:t>"


def test_filter_output_is_escaped_too():
    assert render("{{ n|upper }}", n="a&b") == "A&amp;B"


def test_control_characters_are_removed():
    assert render("{{ n }}", n="O'Brien\x01 &\x0b <Fils>\x1f") == "O&#39;Brien &amp; &lt;Fils&gt;"
    assert clean_text("a\r\nb\rc\td") == "a\nb\nc\td"


def test_missing_variable_is_an_error():
    with pytest.raises(UndefinedError, match="inconnu"):
        render("{{ inconnu }}")
    with pytest.raises(UndefinedError):
        render("{% if salarie.inconnu %}x{% endif %}", salarie={})


def test_sandbox_blocks_internals():
    with pytest.raises(SecurityError):
        render("{{ x.__class__.__mro__ }}", x="a")


def test_context_cannot_be_modified():
    with pytest.raises(SecurityError):
        render("{{ d.update({'a': 1}) }}", d={})


@pytest.mark.parametrize("value", [date(2026, 3, 3), Decimal("1.5"), 1.5, True])
def test_raw_dates_amounts_and_booleans_cannot_be_printed(value):
    with pytest.raises(ValeurNonAffichable):
        render("{{ v }}", v=value)


def test_none_cannot_be_printed():
    with pytest.raises(ValeurAbsente):
        render("{{ v }}", v=None)


def test_filters_are_registered():
    assert render("{{ d|date_longue }} {{ m|euros }}", d=date(2026, 4, 27), m=Decimal("8233.33")) == \
        "lundi 27 avril 2026 8\u202f233,33\u00a0€"
