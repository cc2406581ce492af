"""`cspdocs compute CASE.yaml`: every date and amount, with reasons, per employee.

Formats: ``texte`` (the detail of each employee), ``tableau`` (one line per employee, counts and
totals, fitted to the terminal: cspdocs/rh/tableau.py), ``json`` (the public contract). Without
``--format``: ``tableau`` beyond ``SEUIL_TABLEAU`` employees, ``texte`` otherwise. Notes of the loader
(encoding of the employees' file, example row skipped, non-blocking findings) go to stderr.
"""

from __future__ import annotations

import json
import shutil
from typing import Optional

import click

from ..report import dossier_json, dossier_text
from ..rh.tableau import tableau
from .common import load_and_compute, selected_employees

SEUIL_TABLEAU = 10


@click.command("compute")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["texte", "tableau", "json"]), default=None,
              help="texte : calendrier et montants de chaque salarié ; tableau : une ligne par salarié, "
                   f"comptes et totaux (par défaut au-delà de {SEUIL_TABLEAU} salariés) ; json : le contrat public.")
@click.option("--employe", "matricules", multiple=True, metavar="MATRICULE",
              help="Ne traiter que ce(s) salarié(s) (option répétable).")
@click.option("--sans-explications", is_flag=True, help="Texte : n'affiche pas le détail des explications.")
@click.option("--largeur", type=click.IntRange(40, 400), default=None, metavar="COLONNES",
              help="Tableau : largeur en caractères (par défaut celle du terminal).")
def command(dossier: str, fmt: Optional[str], matricules: tuple[str, ...], sans_explications: bool,
            largeur: Optional[int]) -> None:
    """Calcule les dates et montants du CSP pour chaque salarié du DOSSIER."""
    charge, result = load_and_compute(dossier)
    for note in charge.avertissements:
        click.echo(f"Avertissement : {note}", err=True)
    selected = selected_employees(result, matricules)
    if fmt is None:
        fmt = "tableau" if len(selected) > SEUIL_TABLEAU else "texte"
    if fmt == "json":
        click.echo(json.dumps(dossier_json(result, selected), ensure_ascii=False, indent=2))
    elif fmt == "tableau":
        width = largeur or shutil.get_terminal_size((100, 24)).columns
        click.echo(tableau(result, selected, width=width), nl=False)
    else:
        click.echo(dossier_text(result, selected, detail=not sans_explications), nl=False)
