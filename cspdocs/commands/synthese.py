"""`cspdocs synthese DOSSIER`: synthese.xlsx, synthese.csv and echeancier.ics without the documents
(also written by ``cspdocs suivi --synthese DOSSIER_DE_SORTIE``; cspdocs/user_files.py: written
beside their destination, then moved into place, so an interrupted run leaves the previous files).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import click

from .common import AGREGE, as_of_option, load_and_compute, parse_as_of, write_summary


@click.command("synthese")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--sortie", default=".", show_default=True, type=click.Path(file_okay=False),
              help="Dossier où écrire synthese.xlsx, synthese.csv et echeancier.ics.")
@as_of_option
@click.option("--agrege", is_flag=True, help=AGREGE)
@click.option("--force", is_flag=True, help="Remplacer les fichiers déjà présents.")
def command(dossier: str, sortie: str, au: Optional[str], agrege: bool, force: bool) -> None:
    """Écrit la synthèse du DOSSIER (une ligne par salarié) et son échéancier iCalendar, sans générer
    les documents (« cspdocs generate » les écrit aussi, avec les liens vers les documents)."""
    as_of = parse_as_of(au) or date.today()  # the state, next action and delays are observed at this date
    _, resultat = load_and_compute(dossier, au=as_of)
    write_summary(Path(sortie), resultat, as_of, agrege, force)
