"""`cspdocs mentions [ARTEFACT]`: the mandatory and recommended mentions of each document."""

from __future__ import annotations

import sys

import click


def _value(value) -> str:
    if isinstance(value, (list, tuple)):
        return " ou ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} = {_value(v)}" for k, v in value.items())
    return {True: "oui", False: "non"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def format_artefact(artefact) -> str:
    from ..mentions.model import NIVEAU_LABELS

    lines = [f"{artefact.id} — {artefact.libelle}"]
    for m in artefact.mentions:
        lines.append(f"  {m.id} [{NIVEAU_LABELS[m.niveau]}] {m.libelle}")
        if m.condition:
            lines.append("      quand : " + ", ".join(f"{k} = {_value(v)}" for k, v in m.condition.items()))
        lines.append(f"      attendu : {m.attendu}")
        lines.append(f"      source : {m.source}")
    return "\n".join(lines)


@click.command("mentions")
@click.argument("artefact", required=False)
def command(artefact: str | None) -> None:
    """Liste les mentions obligatoires et recommandées d'un document (information, recepisse,
    lettre, motif, controles) ; sans ARTEFACT, celles de tous les documents."""
    from ..mentions.loading import default_catalogue
    from ..render.messages import suggest

    catalogue = default_catalogue()
    names = list(catalogue.artefacts) + ["controles"]
    if artefact is not None and artefact not in names:
        click.echo(f"Erreur : document « {artefact} » inconnu{suggest(artefact, names)} ; documents : "
                   + ", ".join(names), err=True)
        sys.exit(1)
    blocks = []
    for name in catalogue.artefacts:
        if artefact in (None, name):
            blocks.append(format_artefact(catalogue.artefacts[name]))
    if artefact in (None, "controles"):
        lines = ["controles — contrôles croisés entre les documents d'un salarié"]
        for c in catalogue.controles.values():
            lines.append(f"  {c.id} [{c.niveau}] {c.libelle}")
            lines.append(f"      source : {c.source}")
        blocks.append("\n".join(lines))
    click.echo("\n\n".join(blocks))
