"""Hostile template packages are refused before use, with one French message per problem."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.mentions.lint import lint
from cspdocs.render.docxparts import ModeleInvalide, read_package
from cspdocs.render.modeles import load_templates
from cspdocs.render.package_check import ModeleRefuse, open_package
from tests.support import hostile_templates as hostile


@pytest.mark.parametrize("case", sorted(hostile.HOSTILE))
def test_hostile_package_is_refused_with_its_french_message(case):
    build, expected = hostile.HOSTILE[case]
    with pytest.raises(ModeleRefuse) as info:
        open_package(build(), "lettre.docx")
    assert any(expected in p for p in info.value.problemes), info.value.problemes
    assert "lettre.docx" in str(info.value)


def test_default_templates_pass():
    for name in ("information.docx", "recepisse.docx", "lettre.docx", "motif.docx"):
        open_package((hostile.TEMPLATES / name).read_bytes(), name)


def test_hyperlinks_to_web_addresses_are_allowed():
    open_package(hostile.hyperlink(), "lettre.docx")


def test_each_problem_is_reported():
    parts = hostile.members()
    parts["../x.xml"] = b"<a/>"
    parts["/abs.xml"] = b"<a/>"
    with pytest.raises(ModeleRefuse) as info:
        open_package(hostile.pack(parts), "lettre.docx")
    assert len(info.value.problemes) == 2


def test_not_a_zip():
    with pytest.raises(ModeleRefuse, match="pas un fichier DOCX lisible"):
        open_package(b"PK\x03\x04 pas vraiment", "lettre.docx")


def test_read_package_raises_modele_invalide_with_problems():
    with pytest.raises(ModeleInvalide) as info:
        read_package(hostile.vba_project(), "lettre.docx")
    assert len(info.value.problemes) >= 2  # the content type and the member and the relationship


@pytest.fixture()
def hostile_dir(tmp_path):
    (tmp_path / "lettre.docx").write_bytes(hostile.external_image())
    return tmp_path


def test_generate_refuses_the_template(hostile_dir):
    with pytest.raises(ModeleInvalide, match="relation externe"):
        load_templates(hostile_dir)


def test_lint_reports_each_problem_in_french(hostile_dir):
    (hostile_dir / "motif.docx").write_bytes(hostile.billion_laughs())
    rapport = lint(hostile_dir)
    assert not rapport.ok
    messages = [c.message for c in rapport.constats]
    assert any("relation externe « image »" in m for m in messages), messages
    assert any("DOCTYPE" in m for m in messages), messages


def test_lint_cli_exit_code(hostile_dir):
    result = CliRunner().invoke(main, ["lint", str(hostile_dir)])
    assert result.exit_code == 1
    assert "relation externe" in result.output
    assert "Traceback" not in result.output


def test_generate_cli_refuses_a_hostile_template_and_writes_nothing(hostile_dir, tmp_path):
    out = tmp_path / "sortie"
    result = CliRunner().invoke(main, ["generate", "cases/individuel.yaml", "-o", str(out),
                                       "--templates", str(hostile_dir)])
    assert result.exit_code == 1
    assert "modèle « lettre.docx » refusé" in result.stderr and "relation externe « image »" in result.stderr
    assert "Traceback" not in result.output
    assert not any(out.rglob("*.docx"))
