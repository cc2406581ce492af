"""`cspdocs synthese DOSSIER`: synthese.xlsx, synthese.csv and echeancier.ics without the documents."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..rh.sorties import ECHEANCIER, FICHIERS, contenus
from ..rh.synthese import Suivi
from .common import load_and_compute


@click.command("synthese")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--sortie", default=".", show_default=True, type=click.Path(file_okay=False),
              help="Dossier où écrire synthese.xlsx, synthese.csv et echeancier.ics.")
@click.option("--agrege", is_flag=True,
              help="Échéancier de l'employeur : un événement par échéance et par jour pour tout le dossier, "
                   "avec les salariés concernés, au lieu d'un événement par salarié.")
@click.option("--force", is_flag=True, help="Remplacer les fichiers déjà présents.")
def command(dossier: str, sortie: str, agrege: bool, force: bool) -> None:
    """Écrit la synthèse du DOSSIER (une ligne par salarié) et son échéancier iCalendar, sans générer
    les documents (« cspdocs generate » les écrit aussi, avec les liens vers les documents)."""
    charge, resultat = load_and_compute(dossier)
    folder = Path(sortie)
    existing = [name for name in FICHIERS if (folder / name).exists()]
    if existing and not force:
        click.echo(f"Fichier(s) déjà présent(s) dans {folder} : {', '.join(existing)} (utilisez --force pour "
                   "les remplacer). Rien n'a été écrit.", err=True)
        sys.exit(1)
    files = contenus(resultat, Suivi(), agrege=agrege)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
    except OSError as exc:
        click.echo(f"Erreur d'écriture : {exc.strerror or exc}", err=True)
        sys.exit(1)
    n = len(resultat.salaries)
    kind = "de l'employeur" if agrege else "par salarié"
    click.echo(f"Synthèse de {n} salarié(s) : {folder / FICHIERS[0]}, {folder / FICHIERS[1]} ; "
               f"échéancier {kind} : {folder / ECHEANCIER}")
