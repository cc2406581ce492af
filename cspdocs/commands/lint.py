"""`cspdocs lint TEMPLATES_DIR`: templates checked over the scenario matrix, for CI.

Exit 0 only when every template compiles, renders, uses only variables the context provides, and
every obligatoire mention holds in every scenario; 1 otherwise.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from .. import api
from .sortie import SILENCIEUX, colorer_lignes, verbosite


def _quiet(text: str) -> str:
    """Errors (with their detail lines) and the summary only."""
    kept, keep = [], False
    for line in text.splitlines():
        if not line.startswith(" "):
            keep = line.startswith(("ERREUR", "Bilan"))
        if keep:
            kept.append(line)
    return "\n".join(kept)


@click.command("lint")
@click.argument("modeles", metavar="DOSSIER_MODELES", type=click.Path(exists=True, file_okay=False))
@click.option("--junit", "junit", type=click.Path(dir_okay=False), metavar="FICHIER",
              help="Écrit aussi un rapport JUnit XML (un cas par modèle et par scénario).")
@click.option("--format", "fmt", type=click.Choice(["texte", "json"]), default="texte", show_default=True,
              help="Rapport en texte, ou en JSON (chaque problème une fois, avec ses scénarios).")
def command(modeles: str, junit: Optional[str], fmt: str) -> None:
    """Vérifie les modèles DOCX du DOSSIER_MODELES : noms de fichiers, syntaxe, accolades, filtres,
    variables, puis les mentions obligatoires dans chaque scénario."""
    rapport = api.lint_templates(modeles)
    if fmt == "json":
        click.echo(json.dumps(rapport.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(colorer_lignes(_quiet(rapport.texte()) if verbosite() == SILENCIEUX else rapport.texte()))
    if junit:
        api.write_junit(rapport, junit)
        if fmt != "json" and verbosite() != SILENCIEUX:
            click.echo(f"Rapport JUnit : {junit}")
    sys.exit(0 if rapport.ok else 1)
