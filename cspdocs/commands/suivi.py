"""`cspdocs suivi CASE.yaml [--au AAAA-MM-JJ]`: each employee's state and the actions due, as of a date.

The rules live in the engine (cspdocs/engine/actions.py), their wording in
cspdocs/follow_up_report.py; this command parses and prints.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Optional

import click

from .. import api
from .common import AGREGE, SEUIL_TABLEAU, as_of_option, load_and_compute, parse_as_of, selected_employees, \
    write_summary


@click.command("suivi")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@as_of_option
@click.option("--format", "fmt", type=click.Choice(["texte", "tableau", "json"]), default=None,
              help="texte : état et actions lisibles ; tableau : une ligne par salarié (état, prochaine action), "
                   f"comptes et totaux, à la largeur du terminal (par défaut au-delà de {SEUIL_TABLEAU} salariés) ; "
                   "json : le même contenu, pour un outil.")
@click.option("--employe", "matricules", multiple=True, metavar="MATRICULE",
              help="Ne traiter que ce(s) salarié(s) (option répétable).")
@click.option("--synthese", "synthese", type=click.Path(file_okay=False), metavar="DOSSIER_DE_SORTIE",
              help="Écrit aussi synthese.xlsx, synthese.csv et echeancier.ics à cette date dans ce dossier "
                   "(comme « cspdocs synthese --au »).")
@click.option("--agrege", is_flag=True, help="Avec --synthese : " + AGREGE[0].lower() + AGREGE[1:])
@click.option("--force", is_flag=True, help="Avec --synthese : remplacer les fichiers déjà présents.")
def command(dossier: str, au: Optional[str], fmt: Optional[str], matricules: tuple[str, ...],
            synthese: Optional[str], agrege: bool, force: bool) -> None:
    """État de la procédure de chaque salarié du DOSSIER et actions dues, à une date."""
    as_of = parse_as_of(au) or date.today()  # None only under the test suite (tests/conftest.py)
    _, result = load_and_compute(dossier, au=as_of)
    selected_employees(result, matricules)  # a usage error for an unknown matricule
    suivi = api.follow_up(result, as_of, matricules)
    if synthese is not None:  # every employee, not only --employe (issue 11)
        write_summary(Path(synthese), result, as_of, agrege, force)
    if fmt is None:  # the table for many employees, as compute does
        fmt = "tableau" if len(suivi.selected) > SEUIL_TABLEAU else "texte"
    if fmt == "tableau":  # cspdocs/rh/tableau.py (issue 11)
        click.echo(suivi.table(width=shutil.get_terminal_size((100, 24)).columns), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(suivi.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(suivi.text(), nl=False)
