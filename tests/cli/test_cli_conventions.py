"""CLI conventions (issue 13 item 6): French help everywhere, python -m, lazy imports, --version
with the rules' validity, --quiet / --verbose, colours only on a terminal and never with NO_COLOR."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from cspdocs import __version__
from cspdocs.cli import main
from cspdocs.commands import COMMAND_MODULES
from cspdocs.commands import sortie
from tests.support.paths import ROOT



def test_version_prints_the_rules_validity():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith(f"cspdocs {__version__}\nRègles : procédures engagées du 01/09/2011 au ")


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "cspdocs", "--version"], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0 and result.stdout.startswith(f"cspdocs {__version__}")


def test_version_loads_no_heavy_module():
    code = ("import sys; from cspdocs.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('lxml', 'pypdf', 'jinja2', 'docx', 'docxtpl', 'babel', 'pydantic', "
            "'holidays', 'cspdocs.engine', 'cspdocs.render') if m in sys.modules]\n"
            "print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip().endswith("[]"), result.stdout


def _all_commands():
    ctx = click.Context(main)
    for name in COMMAND_MODULES:
        command = main.get_command(ctx, name)
        yield [name], command
        if isinstance(command, click.Group):
            for sub in command.commands:
                yield [name, sub], command.commands[sub]


def test_every_help_is_french():
    for path, _command in _all_commands():
        out = CliRunner().invoke(main, path + ["--help"], prog_name="cspdocs").output
        assert out.startswith("Utilisation : cspdocs " + " ".join(path)), (path, out[:80])
        assert "Options :" in out and "Options:" not in out, path
        for english in ("COMMAND [ARGS]", "Show this message", "Usage:", "[default:", "Commands:"):
            assert english not in out, (path, english)


def test_group_usage_is_french():
    out = CliRunner().invoke(main, ["templates", "--help"], prog_name="cspdocs").output
    assert "Utilisation : cspdocs templates [OPTIONS] COMMANDE [ARGUMENTS]..." in out
    assert "Commandes :" in out


def test_quiet_hides_warnings_and_verbose_details_them(tmp_path):
    normal = CliRunner().invoke(main, ["generate", "cases/collectif-alsace.yaml", "-o", str(tmp_path / "a")])
    verbose = CliRunner().invoke(main, ["-v", "generate", "cases/collectif-alsace.yaml", "-o", str(tmp_path / "b")])
    assert normal.exit_code == verbose.exit_code == 0
    assert "pour 10 salarié(s)" in normal.stderr  # grouped by rule
    assert "Avertissement (E101) : A1" in verbose.stderr  # every employee's line
    quiet = CliRunner().invoke(main, ["-q", "generate", "cases/collectif-alsace.yaml", "-o", str(tmp_path / "c")])
    assert quiet.exit_code == 0 and "Avertissement" not in quiet.stderr
    assert "publiés dans" in quiet.stdout
    both = CliRunner().invoke(main, ["-q", "-v", "regles"])
    assert both.exit_code == 2 and "s'excluent" in both.stderr


def test_quiet_lint_prints_only_the_summary():
    result = CliRunner().invoke(main, ["-q", "lint", str(ROOT / "templates")])
    assert result.exit_code == 0
    assert result.output.strip().startswith("Bilan :")


def test_colours_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    assert not sortie.couleurs(None)  # pytest's captured stdout is not a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert sortie.couleurs(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not sortie.couleurs(Tty())
    assert sortie.colorer_lignes("ERREUR x") == "ERREUR x"


def test_unknown_command_has_a_suggestion():
    result = CliRunner().invoke(main, ["regle"])
    assert result.exit_code == 2
    assert "commande inconnue : « regle » (vouliez-vous dire « regles » ?)" in result.stderr
