"""`cspdocs reference SUJET`: the French reference (case format, rule codes, mentions, template
variables) generated from the installed package's data; the same text as docs/ in the repository."""

from __future__ import annotations

import click

from ..reference import SUJETS


@click.command("reference")
@click.argument("sujet", type=click.Choice(SUJETS))
def command(sujet: str) -> None:
    """Affiche la référence (Markdown) : format du dossier, codes des règles, mentions des documents
    ou variables des modèles."""
    from ..reference import GENERATORS

    click.echo(GENERATORS[sujet](), nl=False)
