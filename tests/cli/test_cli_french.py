"""Everything the CLI prints is French, click's own usage and error messages included."""

from __future__ import annotations

from click.testing import CliRunner

from cspdocs.cli import main


def test_help_is_french():
    out = CliRunner().invoke(main, ["--help"], prog_name="cspdocs").output
    assert "Utilisation : cspdocs" in out and "Affiche cette aide et quitte." in out and "Commandes" in out
    assert "Show this message" not in out and "Usage:" not in out


def test_usage_errors_are_french_and_exit_2():
    result = CliRunner().invoke(main, ["compute", "cases/pse.yaml", "--format", "xml"])
    assert result.exit_code == 2
    assert "Erreur : Valeur invalide pour '--format'" in result.stderr
    assert "n'est pas l'une des valeurs" in result.stderr
    missing = CliRunner().invoke(main, ["compute", "/nulle/part.yaml"])
    assert missing.exit_code == 2 and "n'existe pas" in missing.stderr


def test_file_system_errors_are_french_everywhere():
    # one table of French reasons (cspdocs/os_errors.py) for the loader, generate, synthese, modele-tableur
    import errno

    from cspdocs.os_errors import message_os, reason

    assert reason(OSError(errno.EACCES, "Permission denied")) == "permission refusée"
    assert message_os(OSError(errno.ENOENT, "No such file or directory", "sortie/x")) == (
        "Erreur d'écriture : sortie/x : dossier inexistant")
