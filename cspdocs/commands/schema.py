"""`cspdocs schema`: the JSON Schema of a case file, for editors and outside tools."""

from __future__ import annotations

import json

import click

from .. import api


@click.command("schema")
@click.option("--sortie", "-o", "output", type=click.Path(dir_okay=False, writable=True),
              help="Écrire le schéma dans ce fichier plutôt que sur la sortie standard.")
def command(output: str | None) -> None:
    """Affiche le schéma JSON (draft 2020-12) d'un dossier CSP."""
    text = json.dumps(api.case_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)
