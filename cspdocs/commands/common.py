"""What every command that reads a case does: load, validate, compute, or report the case invalid."""

from __future__ import annotations

import sys

import click

from ..case.errors import DossierInvalide, ErreurDossier
from ..case.loader import ChargedDossier, format_path, load_dossier
from ..engine.compute import blocking_errors, compute_dossier
from ..engine.facts import ResultatDossier


def compute_charged(charge: ChargedDossier) -> ResultatDossier:
    """Compute the case; the engine's blocking findings (e.g. an acceptance after the period) make
    the case invalid, reported like the loader's errors with their file and line."""
    result = compute_dossier(charge.dossier, charge.nom, charge.avertissements)
    found = blocking_errors(result)
    if found:
        loc = charge.localisateur
        raise DossierInvalide([
            loc.erreur(path, message) if loc else ErreurDossier(str(charge.chemin), None, format_path(path), message)
            for path, message in found
        ])
    return result


def load_and_compute(path: str, nothing_written: bool = False) -> tuple[ChargedDossier, ResultatDossier]:
    """Load and compute the case at ``path``, or print every error in French and exit 1."""
    try:
        charge = load_dossier(path)
        return charge, compute_charged(charge)
    except DossierInvalide as exc:
        suffix = " Aucun document écrit." if nothing_written else ""
        click.echo(f"Dossier invalide : {len(exc.erreurs)} erreur(s).{suffix}", err=True)
        for erreur in exc.erreurs:
            click.echo(str(erreur), err=True)
        sys.exit(1)
