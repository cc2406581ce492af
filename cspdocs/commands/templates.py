"""`cspdocs templates export DIR`, `templates show NAME|PATH`, `templates variables [PREFIXE]`."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from ..render.artefacts import TEMPLATE_NAMES
from ..render.docxparts import ModeleInvalide
from ..render.modeles import default_templates_dir
from ..render.textdump import format_dump


@click.group("templates")
def command() -> None:
    """Modèles DOCX des documents : copie pour personnalisation, texte pour relecture."""


@command.command("export")
@click.argument("destination", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Remplacer les fichiers déjà présents.")
def export(destination: str, force: bool) -> None:
    """Copie les modèles par défaut dans DESTINATION, pour les personnaliser dans Word."""
    dest = Path(destination)
    source = default_templates_dir()
    existing = [name for name in TEMPLATE_NAMES if (dest / name).exists()]
    if existing and not force:
        click.echo(f"Fichier(s) déjà présent(s) dans {dest} : {', '.join(existing)} "
                   "(utilisez --force pour les remplacer). Rien n'a été copié.", err=True)
        sys.exit(1)
    dest.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATE_NAMES:
        shutil.copyfile(source / name, dest / name)
        click.echo(str(dest / name))


def _resolve(name: str) -> Path:
    path = Path(name)
    if path.is_file():
        return path
    defaults = default_templates_dir()
    for candidate in (defaults / name, defaults / f"{name}.docx"):
        if candidate.is_file():
            return candidate
    known = ", ".join(n.removesuffix(".docx") for n in TEMPLATE_NAMES)
    raise click.BadParameter(f"modèle introuvable : {name} (modèles par défaut : {known}, ou un chemin)")


@command.command("show")
@click.argument("modele")
def show(modele: str) -> None:
    """Affiche le texte d'un modèle avec ses balises (un paragraphe par ligne ; en-têtes, pieds de
    page et propriétés compris) : un changement de formulation apparaît dans un diff."""
    path = _resolve(modele)
    try:
        click.echo(format_dump(path.read_bytes(), path.name), nl=False)
    except ModeleInvalide as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


@command.command("variables")
@click.argument("prefixe", required=False, default="")
@click.option("--format", "fmt", type=click.Choice(["texte", "json"]), default="texte", show_default=True,
              help="Liste en texte, ou en JSON.")
def variables(prefixe: str, fmt: str) -> None:
    """Liste les variables utilisables dans les modèles (type, exemple, quand elle est vide) ;
    PREFIXE limite la liste (« salarie. », « dates. »)."""
    from dataclasses import asdict
    import json

    from ..render.variables import describe, format_variables

    found = describe()
    if fmt == "json":
        click.echo(json.dumps([asdict(v) for v in found if v.nom.startswith(prefixe)], ensure_ascii=False, indent=2))
    else:
        click.echo(format_variables(found, prefixe))
