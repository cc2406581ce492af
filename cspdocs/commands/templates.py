"""`cspdocs templates export DIR`, `templates show NAME|PATH`, `templates variables [PREFIXE]`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import api
from .common import fail


@click.group("templates")
def command() -> None:
    """Modèles DOCX des documents : copie pour personnalisation, texte pour relecture."""


@command.command("export")
@click.argument("destination", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Remplacer les fichiers déjà présents.")
def export(destination: str, force: bool) -> None:
    """Copie les modèles par défaut dans DESTINATION, pour les personnaliser dans Word."""
    try:
        written = api.export_templates(Path(destination), force)
    except api.FichierRefuse as exc:
        fail(str(exc))
    for path in written:
        click.echo(str(path))


@command.command("show")
@click.argument("modele")
def show(modele: str) -> None:
    """Affiche le texte d'un modèle avec ses balises (un paragraphe par ligne ; en-têtes, pieds de
    page et propriétés compris) : un changement de formulation apparaît dans un diff."""
    try:
        text = api.template_text(modele)
    except api.ModeleIntrouvable as exc:
        raise click.BadParameter(str(exc)) from None
    except api.ModeleInvalide as exc:
        fail(str(exc))
    click.echo(text, nl=False)


@command.command("variables")
@click.argument("prefixe", required=False, default="")
@click.option("--format", "fmt", type=click.Choice(["texte", "json"]), default="texte", show_default=True,
              help="Liste en texte, ou en JSON.")
def variables(prefixe: str, fmt: str) -> None:
    """Liste les variables utilisables dans les modèles (type, exemple, quand elle est vide) ;
    PREFIXE limite la liste (« salarie. », « dates. »)."""
    if fmt == "json":
        click.echo(json.dumps(api.template_variables(prefixe), ensure_ascii=False, indent=2))
    else:
        click.echo(api.template_variables_text(prefixe))
