"""`cspdocs lint TEMPLATES_DIR`: templates checked over the scenario matrix, for CI.

Exit 0 only when every template compiles, renders, uses only variables the context provides, and
every obligatoire mention holds in every scenario; 1 otherwise.
"""

from __future__ import annotations

import sys
from typing import Optional

import click

from ..mentions.junit import write_junit
from ..mentions.lint import lint


@click.command("lint")
@click.argument("modeles", metavar="DOSSIER_MODELES", type=click.Path(exists=True, file_okay=False))
@click.option("--junit", "junit", type=click.Path(dir_okay=False), metavar="FICHIER",
              help="Écrit aussi un rapport JUnit XML (un cas par modèle et par scénario).")
def command(modeles: str, junit: Optional[str]) -> None:
    """Vérifie les modèles DOCX du DOSSIER_MODELES : syntaxe, balises, variables, mentions obligatoires."""
    rapport = lint(modeles)
    click.echo(rapport.texte())
    if junit:
        write_junit(rapport, junit)
        click.echo(f"Rapport JUnit : {junit}")
    sys.exit(0 if rapport.ok else 1)
