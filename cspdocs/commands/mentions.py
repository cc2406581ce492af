"""`cspdocs mentions [ARTEFACT]`: the mandatory and recommended mentions of each document."""

from __future__ import annotations

import click

from .. import api
from .common import fail


@click.command("mentions")
@click.argument("artefact", required=False)
def command(artefact: str | None) -> None:
    """Liste les mentions obligatoires et recommandées d'un document (information, recepisse,
    lettre, motif, controles) ; sans ARTEFACT, celles de tous les documents."""
    try:
        click.echo(api.mentions_text(artefact))
    except api.DocumentInconnu as exc:
        fail(f"Erreur : {exc}")

