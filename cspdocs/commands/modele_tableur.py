"""`cspdocs modele-tableur FICHIER.xlsx`: the blank employees' workbook; `--colonnes`: the columns."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from ..os_errors import message_os
from ..rh.modele import octets, texte_colonnes


@click.command("modele-tableur")
@click.argument("fichier", required=False, type=click.Path(dir_okay=False), metavar="FICHIER.xlsx")
@click.option("--colonnes", is_flag=True, help="Affiche les colonnes acceptées (en-têtes, clés, valeurs) et quitte.")
@click.option("--force", is_flag=True, help="Remplacer FICHIER s'il existe déjà.")
def command(fichier: Optional[str], colonnes: bool, force: bool) -> None:
    """Écrit le classeur vierge des salariés à remplir (une colonne par donnée, listes de choix,
    formats de date, une ligne d'exemple), à citer dans le dossier par « salaries_csv: FICHIER.xlsx »."""
    if colonnes:
        click.echo(texte_colonnes(), nl=False)
        return
    if not fichier:
        raise click.UsageError("indiquez le FICHIER.xlsx à écrire (ou --colonnes).")
    path = Path(fichier)
    if path.suffix.lower() != ".xlsx":
        raise click.BadParameter("le fichier doit avoir l'extension .xlsx", param_hint="FICHIER.xlsx")
    if path.exists() and not force:
        click.echo(f"{path} existe déjà (utilisez --force pour le remplacer). Rien n'a été écrit.", err=True)
        sys.exit(1)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # « campagne/salaries.xlsx » in an empty folder
        path.write_bytes(octets())
    except OSError as exc:
        click.echo(message_os(exc, path), err=True)
        sys.exit(1)
    click.echo(f"Classeur vierge écrit : {path}\n"
               f"Remplissez la feuille « Salariés » (une ligne par salarié), puis indiquez dans le dossier : "
               f"« salaries_csv: {path.name} ».")
