"""Every rule code a user can see is explained by the installed package (`cspdocs regles`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.rules.registre import CODE, CodeInconnu, normalise, regle, regles, sources
from tests.support.paths import ROOT

PACKAGE = ROOT / "cspdocs"


def _strings(path: Path) -> list[str]:
    """String constants of a module that can reach a user (docstrings and comments excluded)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def emitted_codes() -> dict[str, str]:
    """code -> first file emitting it: engine, case checks, rules, render context, mention files."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "rules/registre" in str(path):
            continue
        for text in _strings(path):
            for code in CODE.findall(text):
                found.setdefault(code, str(path.relative_to(PACKAGE)))
    for path in sorted(PACKAGE.rglob("*.yaml")):
        if path.name in ("regles.yaml", "sources.yaml"):
            continue
        for code in CODE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, str(path.relative_to(PACKAGE)))
    return found


def test_every_emitted_code_is_in_the_registry():
    emitted = emitted_codes()
    assert len(emitted) >= 30  # the scan finds the engine's codes
    missing = {code: where for code, where in emitted.items() if code not in regles()}
    assert not missing, f"codes absents de cspdocs/rules/regles.yaml : {missing}"


def test_engine_warning_codes_are_found_by_the_scan():
    emitted = emitted_codes()
    for code in ("R-45", "R-51", "A1", "A10", "A11"):
        assert code in emitted, code


def test_every_rule_has_a_title_a_summary_and_known_sources():
    for r in regles().values():
        assert r.titre and len(r.resume) > 20 and r.sources, r.code
    cited = {s.id for r in regles().values() for s in r.sources}
    assert cited == set(sources()), f"sources jamais citées : {set(sources()) - cited}"


def test_codes_are_normalised():
    assert normalise("r45") == normalise("R45") == normalise(" R-45 ") == "R-45"
    assert normalise("a08") == "A8"
    assert regle("r-4").code == "R-04"


def test_unknown_code_is_a_french_error():
    with pytest.raises(CodeInconnu, match="code de règle inconnu : « Z9 »"):
        regle("Z9")


def test_cli_regles_explains_a_code():
    result = CliRunner().invoke(main, ["regles", "A8"])
    assert result.exit_code == 0
    assert result.output.startswith("A8 — Vendredi saint en Alsace-Moselle")
    assert "Code du travail, art. L3134-13 — https://www.legifrance.gouv.fr/" in result.output


def test_cli_regles_lists_every_code():
    result = CliRunner().invoke(main, ["regles"])
    assert result.exit_code == 0
    assert result.output.count("\n") == len(regles()) + 1


def test_cli_regles_unknown_code():
    result = CliRunner().invoke(main, ["regles", "R-99"])
    assert result.exit_code == 1 and "code de règle inconnu" in result.output


def test_cli_mentions():
    result = CliRunner().invoke(main, ["mentions", "lettre"])
    assert result.exit_code == 0
    assert "3A.3 [obligatoire] Rappel de la date d'expiration du délai de réflexion" in result.output
    assert "quand : variante = conservatoire" in result.output
    everything = CliRunner().invoke(main, ["mentions"])
    for name in ("information", "recepisse", "lettre", "motif", "controles"):
        assert f"\n{name} — " in "\n" + everything.output
    wrong = CliRunner().invoke(main, ["mentions", "letre"])
    assert wrong.exit_code == 1 and "vouliez-vous dire « lettre »" in wrong.output
