"""docxtpl's literal-delimiter escapes ({_{ ...) concern the template's text, never user data."""

from __future__ import annotations

from cspdocs.render.environment import make_environment
from cspdocs.render.patch import from_rendered, to_jinja_source


def _render(xml: str, **context) -> str:
    template = make_environment().from_string(to_jinja_source(xml, "document"))
    return from_rendered(template.render(**context), "document")


def test_template_escapes_print_literal_delimiters():
    out = _render("<w:p><w:r><w:t>Écrire {_{ x }_} et {_% y %_}</w:t></w:r></w:p>")
    assert "Écrire {{ x }} et {% y %}" in out


def test_user_data_with_escape_sequences_is_left_intact():
    out = _render("<w:p><w:r><w:t>{{ nom }}</w:t></w:r></w:p>", nom="A {_{ B }_} C {_% D %_}")
    assert "A {_{ B }_} C {_% D %_}" in out
