"""`cspdocs reference SUJET`: the French reference (case format, rule codes, mentions, template
variables) generated from the installed package's data; the same text as docs/ in the repository."""

from __future__ import annotations

import click

from .. import api


@click.command("reference")
@click.argument("sujet", type=click.Choice(api.SUJETS))
def command(sujet: str) -> None:
    """Affiche la référence (Markdown) : format du dossier, codes des règles, mentions des documents
    ou variables des modèles."""
    click.echo(api.reference(sujet), nl=False)
