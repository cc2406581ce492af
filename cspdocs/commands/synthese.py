"""`cspdocs synthese DOSSIER`: synthese.xlsx, synthese.csv and echeancier.ics without the documents
(also written by ``cspdocs suivi --synthese DOSSIER_DE_SORTIE``).

The files are written in a temporary folder beside their destination, then moved into place: an
interrupted run leaves the previous files as they were.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Optional

import click

from ..engine.dates import fr
from ..os_errors import message_os
from ..rh.sorties import ECHEANCIER, FICHIERS, ecrire
from ..rh.synthese import Suivi
from .common import as_of_option, load_and_compute, parse_as_of

AGREGE = ("Échéancier de l'employeur : un événement par échéance et par jour pour tout le dossier, "
          "avec les salariés concernés, au lieu d'un événement par salarié.")


def write_summary(folder: Path, resultat, as_of: date, agrege: bool, force: bool) -> None:
    """Write the three files into ``folder`` (also ``cspdocs suivi --synthese``), or exit 1 in French."""
    existing = [name for name in FICHIERS if (folder / name).exists()]
    if existing and not force:
        click.echo(f"Fichier(s) déjà présent(s) dans {folder} : {', '.join(existing)} (utilisez --force pour "
                   "les remplacer). Rien n'a été écrit.", err=True)
        sys.exit(1)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".synthese-", dir=folder))
        try:
            ecrire(work, resultat, Suivi(), as_of, agrege=agrege)
            for name in FICHIERS:
                os.replace(work / name, folder / name)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except OSError as exc:
        click.echo(message_os(exc, folder), err=True)
        sys.exit(1)
    kind = "de l'employeur" if agrege else "par salarié"
    click.echo(f"Synthèse de {len(resultat.employees)} salarié(s) au {fr(as_of)} : {folder / FICHIERS[0]}, "
               f"{folder / FICHIERS[1]} ; échéancier {kind} : {folder / ECHEANCIER}", err=True)


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
