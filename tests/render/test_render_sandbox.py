"""Hostile templates (issue 14, item 5): no escape hatch from the XML escaping, bounded work."""

from __future__ import annotations

import time

import pytest
from jinja2 import TemplateSyntaxError
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from markupsafe import Markup

from cspdocs.render import sandbox
from cspdocs.render.environment import make_environment

INJECTION = '</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>caché'


def render(source: str, **ctx) -> str:
    return make_environment().from_string(source).render(**ctx)


@pytest.mark.parametrize("source", ["{{ v|safe }}", "{{ v|e }}", "{{ v|forceescape }}", "{{ v|tojson }}",
                                    "{{ {'a': v}|xmlattr }}", "{{ v|urlize }}", "{{ v|random }}"])
def test_escape_hatch_filters_are_gone(source):
    with pytest.raises(TemplateSyntaxError, match="No filter named"):
        make_environment().from_string(source)


def test_autoescape_block_is_refused():
    with pytest.raises(TemplateSyntaxError, match="autoescape"):
        make_environment().from_string("{% autoescape false %}{{ v }}{% endautoescape %}")


@pytest.mark.parametrize("tag", ["{% include 'x' %}", "{% import 'x' as y %}", "{% from 'x' import y %}",
                                 "{% extends 'x' %}"])
def test_other_files_cannot_be_reached(tag):
    with pytest.raises(TemplateSyntaxError, match="interdite"):
        make_environment().from_string(tag)


def test_markup_values_are_escaped_like_text():
    out = render("<w:t>{{ v }}</w:t>", v=Markup(INJECTION))
    assert "<w:vanish/>" not in out and "&lt;w:vanish/&gt;" in out


def test_concatenation_and_filters_stay_escaped():
    out = render("<w:t>{{ v ~ '!' }}{{ v|upper }}{{ [v, v]|join(' ') }}{{ v|replace('x', 'y') }}</w:t>", v=INJECTION)
    assert "<w:vanish/>" not in out and "<w:r>" not in out


def test_lipsum_is_gone():
    with pytest.raises(Exception):
        render("{{ lipsum() }}")


@pytest.mark.parametrize("source", [
    "{{ 'x' * 1000000000 }}",
    "{{ ('x' * 50000) + ('x' * 60000) }}",
    "{{ ('x' * 60000) ~ ('x' * 60000) }}",
    "{{ range(100000)|join('xxxxxxxxxx') }}",
    "{{ ('x' * 20000)|replace('', 'yyyyyyyy') }}",
    "{{ ('x' * 1000).replace('x', 'y' * 1000) }}",
    "{% set ns = namespace(s='x' * 90000) %}{% set ns.s = ns.s ~ ns.s %}",
])
def test_big_strings_are_refused(source):
    with pytest.raises(sandbox.RefusModele, match="plus de 100000"):
        render(source)


@pytest.mark.parametrize("source", ["{{ 9 ** 9 ** 9 }}", "{{ 10 ** 1000 }}"])
def test_big_powers_are_refused(source):
    with pytest.raises(sandbox.RefusModele, match="puissance"):
        render(source)


def test_percent_formatting_is_refused():
    with pytest.raises(sandbox.RefusModele, match="mise en forme par %"):
        render("{{ '%999999999d' % 1 }}")


@pytest.mark.parametrize("method", ["center", "ljust", "zfill", "format", "expandtabs"])
def test_unbounded_string_methods_are_refused(method):
    with pytest.raises(SecurityError):
        render("{{ 'x'.%s(1000000000) }}" % method)


def test_allowed_string_methods_still_work():
    assert render("{{ ' Dupont '.strip().upper() }} {{ 'a-b'.split('-')|join('/') }}") == "DUPONT a/b"


def test_nested_loops_are_stopped_in_time(monkeypatch):
    monkeypatch.setattr(sandbox, "LIMITE_DUREE", 0.3)
    start = time.monotonic()
    with pytest.raises(sandbox.RefusModele, match="rendu trop long"):
        render("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    assert time.monotonic() - start < 5


def test_recursive_macros_are_stopped(monkeypatch):
    monkeypatch.setattr(sandbox, "LIMITE_DUREE", 0.3)
    source = "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}"
    with pytest.raises((sandbox.RefusModele, TemplateRuntimeError, RecursionError)):
        render(source)


def test_output_size_is_bounded(monkeypatch):
    monkeypatch.setattr(sandbox, "LIMITE_SORTIE", 1_000_000)
    with pytest.raises(sandbox.RefusModele, match="le rendu dépasse"):
        render("{% for i in range(100000) %}{{ 'x' * 99 }}{% endfor %}")


def test_budget_is_per_render(monkeypatch):
    monkeypatch.setattr(sandbox, "LIMITE_DUREE", 0.5)
    template = make_environment().from_string("{% for i in range(3) %}{{ i }}{% endfor %}")
    for _ in range(3):
        assert template.render() == "012"
        time.sleep(0.2)


def test_memory_growth_is_stopped(monkeypatch):
    grow = iter(range(0, 10**12, 50 * 2**20))  # the process "grows" 50 MB between two checks
    monkeypatch.setattr(sandbox, "_peak_memory", lambda: next(grow))
    with pytest.raises(sandbox.RefusModele, match="trop de mémoire"):
        render("{% for i in range(100000) %}{{ i }}{% endfor %}")
