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

from .. import api
from ..formats import explanation_date as fr
from .common import SEUIL_TABLEAU, as_of_option, load_and_compute, parse_as_of, selected_employees
from .sortie import informer


@click.command("compute")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["texte", "tableau", "json"]), default=None,
              help="texte : calendrier et montants de chaque salarié ; tableau : une ligne par salarié, "
                   f"comptes et totaux (par défaut au-delà de {SEUIL_TABLEAU} salariés) ; json : le contrat public.")
@click.option("--employe", "matricules", multiple=True, metavar="MATRICULE",
              help="Ne traiter que ce(s) salarié(s) (option répétable).")
@click.option("--sans-explications", is_flag=True, help="Texte : n'affiche pas le détail des explications.")
@as_of_option
@click.option("--largeur", type=click.IntRange(40, 400), default=None, metavar="COLONNES",
              help="Tableau : largeur en caractères (par défaut celle du terminal).")
def command(dossier: str, fmt: Optional[str], matricules: tuple[str, ...], sans_explications: bool,
            au: Optional[str], largeur: Optional[int]) -> None:
    """Calcule les dates et montants du CSP pour chaque salarié du DOSSIER."""
    as_of = parse_as_of(au)
    charge, result = load_and_compute(dossier, au=as_of)
    for note in charge.warnings:
        click.echo(f"Avertissement : {note}", err=True)
    selected = selected_employees(result, matricules)
    if fmt is None:
        fmt = "tableau" if len(selected) > SEUIL_TABLEAU else "texte"
    if fmt != "json" and as_of is not None:  # the JSON says it in its key "au"
        informer(f"Date d'observation : {fr(as_of)} (--au) ; les dates calculées sont celles du plan, "
                 "l'état à cette date est donné par « cspdocs suivi ».")
    if fmt == "json":
        click.echo(json.dumps(api.contract_json(result, matricules, au=as_of), ensure_ascii=False, indent=2))
    elif fmt == "tableau":
        width = largeur or shutil.get_terminal_size((100, 24)).columns
        click.echo(api.case_table(result, matricules, width=width, au=as_of), nl=False)
    else:
        click.echo(api.case_text(result, matricules, detail=not sans_explications), nl=False)
