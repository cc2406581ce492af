"""What every command that reads a case does: parse the as-of date, load and compute the case or
report it invalid; what a command that writes checks first (cspdocs/output_check.py). The library
calls go through cspdocs.api; this module turns their French errors into messages and exit codes."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import NoReturn, Optional, Sequence

import click

from .. import api

SEUIL_TABLEAU = 10  # beyond this many employees, compute and suivi print the table by default
AGREGE = ("Échéancier de l'employeur : un événement par échéance et par jour pour tout le dossier, "
          "avec les salariés concernés, au lieu d'un événement par salarié.")


def today() -> date:
    """The default as-of date: today, or the day of ``SOURCE_DATE_EPOCH`` (cspdocs/as_of.py). The
    test suite replaces this function (tests/conftest.py)."""
    try:
        return api.today()
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def parse_as_of(value: Optional[str]) -> Optional[date]:
    """``--au AAAA-MM-JJ``, or today when absent (usage error on a bad date). None only where the
    test suite checks the plan itself (tests/conftest.py)."""
    if value is None:
        return today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"« {value} » n'est pas une date valide (attendu AAAA-MM-JJ)",
                                 param_hint="'--au'") from None


def as_of_option(f):
    """The ``--au`` option every command reading a case takes (issue 10)."""
    return click.option("--au", "au", metavar="AAAA-MM-JJ",
                        help="Date d'observation : les documents non remis ne sont jamais datés avant elle, "
                             "le journal « suivi » ne peut rien contenir après elle (par défaut : aujourd'hui).")(f)


def load_and_compute(path: str, nothing_written: bool = False, au=None):
    """Load and compute the case at ``path``, or print every error in French and exit 1."""
    try:
        return api.load_case(path, au)  # every error at once: the loader's and the engine's
    except api.DossierInvalide as exc:
        suffix = " Aucun document écrit." if nothing_written else ""
        click.echo(f"Dossier invalide : {len(exc.erreurs)} erreur(s).{suffix}", err=True)
        for erreur in exc.erreurs:
            click.echo(str(erreur), err=True)
        sys.exit(1)


def selected_employees(result, matricules: Sequence[str]) -> tuple:
    """The employees ``--employe`` asks for (all when none), or a usage error naming the unknown."""
    try:
        return api.select_employees(result, matricules)
    except api.MatriculeInconnu as exc:
        raise click.UsageError(str(exc)) from None


def fail(message: str) -> NoReturn:
    """Print ``message`` on stderr and exit 1 (a library error the user can fix)."""
    click.echo(message, err=True)
    sys.exit(1)


def check_writable(sortie: Path, nom: Optional[str], pdf: bool, sources: Sequence[Path] = ()) -> None:
    """Before anything is rendered: the output folder (``nom``: the case's name, ``sources``: its
    files), and the work area when PDFs are asked; else print the French reason and exit 1
    (nothing is written anywhere)."""
    problem = api.output_problem(sortie, nom, pdf, sources)
    if problem is not None:
        fail(f"Erreur : {problem}\nAucun document écrit.")


def write_summary(folder: Path, result, as_of: date, agrege: bool, force: bool) -> None:
    """The HR summary files in ``folder`` (``synthese``, ``suivi --synthese``), or exit 1 in French."""
    try:
        written = api.write_summary(folder, result, as_of, agrege, force)
    except api.FichierRefuse as exc:
        fail(str(exc))
    click.echo(written.text(), err=True)
