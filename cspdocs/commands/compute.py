"""`cspdocs compute CASE.yaml`: every date and amount, with reasons, per employee."""

from __future__ import annotations

import json

import click

from ..report import dossier_json, dossier_text
from .common import load_and_compute


@click.command("compute")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["texte", "json"]), default="texte", show_default=True,
              help="texte : calendrier et montants lisibles ; json : le contrat public.")
@click.option("--employe", "matricules", multiple=True, metavar="MATRICULE",
              help="Ne traiter que ce(s) salarié(s) (option répétable).")
@click.option("--sans-explications", is_flag=True, help="Texte : n'affiche pas le détail des explications.")
def command(dossier: str, fmt: str, matricules: tuple[str, ...], sans_explications: bool) -> None:
    """Calcule les dates et montants du CSP pour chaque salarié du DOSSIER."""
    charge, result = load_and_compute(dossier)
    selected = result.salaries
    if matricules:
        known = {r.salarie.matricule for r in result.salaries}
        unknown = [m for m in matricules if m not in known]
        if unknown:
            raise click.UsageError(f"matricule(s) absent(s) du dossier : {', '.join(unknown)}")
        selected = tuple(r for r in result.salaries if r.salarie.matricule in matricules)
    if fmt == "json":
        click.echo(json.dumps(dossier_json(result, selected), ensure_ascii=False, indent=2))
    else:
        click.echo(dossier_text(result, selected, detail=not sans_explications), nl=False)
