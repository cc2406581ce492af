"""`cspdocs regles [CODE]`: what a rule code seen in a warning or an error means, with its sources."""

from __future__ import annotations

import click

from .. import api
from .common import fail


@click.command("regles")
@click.argument("code", required=False)
def command(code: str | None) -> None:
    """Explique un code de règle (R-45, A8…) : titre, résumé et sources avec leurs liens ;
    sans CODE, liste tous les codes."""
    try:
        click.echo(api.rules_text(code))
    except api.CodeInconnu as exc:
        fail(f"Erreur : {exc}")
