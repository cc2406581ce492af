"""`cspdocs regles [CODE]`: what a rule code seen in a warning or an error means, with its sources."""

from __future__ import annotations

import sys

import click


@click.command("regles")
@click.argument("code", required=False)
def command(code: str | None) -> None:
    """Explique un code de règle (R-45, A8…) : titre, résumé et sources avec leurs liens ;
    sans CODE, liste tous les codes."""
    from ..rules.registre import CodeInconnu, format_regle, regle, regles

    if code is None:
        for r in regles().values():
            click.echo(f"{r.code:5} {r.titre}")
        click.echo("Détail d'un code : cspdocs regles CODE")
        return
    try:
        click.echo(format_regle(regle(code)))
    except CodeInconnu as exc:
        click.echo(f"Erreur : {exc}", err=True)
        sys.exit(1)
