"""`generate` summarises warnings per rule so a batch of thousands stays readable."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cspdocs.cli import main

CASE = Path(__file__).parent.parent / "cases" / "collectif-alsace.yaml"


def test_warnings_are_grouped_by_rule(tmp_path):
    result = CliRunner().invoke(main, ["generate", str(CASE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "Avertissement A8 pour 10 salarié(s)" in result.stderr
    assert result.stderr.count("A8 : Vendredi saint") == 1


def test_detailed_warnings_list_every_employee(tmp_path):
    result = CliRunner().invoke(main, ["generate", str(CASE), "-o", str(tmp_path), "--avertissements-detailles"])
    assert result.exit_code == 0
    assert result.stderr.count("A8 : Vendredi saint") == 10
    assert "Avertissement (E102) : A8" in result.stderr
