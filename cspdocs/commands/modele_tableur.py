"""`cspdocs modele-tableur FICHIER.xlsx`: the blank employees' workbook; `--colonnes`: the columns."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from .. import api
from .common import fail


@click.command("modele-tableur")
@click.argument("fichier", required=False, type=click.Path(dir_okay=False), metavar="FICHIER.xlsx")
@click.option("--colonnes", is_flag=True, help="Affiche les colonnes acceptées (en-têtes, clés, valeurs) et quitte.")
@click.option("--force", is_flag=True, help="Remplacer FICHIER s'il existe déjà.")
def command(fichier: Optional[str], colonnes: bool, force: bool) -> None:
    """Écrit le classeur vierge des salariés à remplir (une colonne par donnée, listes de choix,
    formats de date, une ligne d'exemple), à citer dans le dossier par « salaries_csv: FICHIER.xlsx »."""
    if colonnes:
        click.echo(api.workbook_columns(), nl=False)
        return
    if not fichier:
        raise click.UsageError("indiquez le FICHIER.xlsx à écrire (ou --colonnes).")
    try:
        path = api.write_blank_workbook(Path(fichier), force)
    except api.FichierRefuse as exc:
        fail(str(exc))
    except api.ExtensionInvalide as exc:
        raise click.BadParameter(str(exc), param_hint="FICHIER.xlsx") from None
    click.echo(f"Classeur vierge écrit : {path}\n"
               f"Remplissez la feuille « Salariés » (une ligne par salarié), puis indiquez dans le dossier : "
               f"« salaries_csv: {path.name} ».")
