"""What the CLI prints, by verbosity, with colours only on a terminal and never with NO_COLOR.

``cspdocs -q`` (``--quiet``) prints only results and errors; ``-v`` (``--verbose``) adds details
(every warning of every employee, which template serves which document). Commands print
warnings with ``avertir``, information with ``informer`` and errors with ``erreur``.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Optional

import click

NORMAL, SILENCIEUX, DETAILLE = 1, 0, 2
_KEY = "cspdocs.verbosite"


def verbosite() -> int:
    ctx = click.get_current_context(silent=True)
    return ctx.find_root().meta.get(_KEY, NORMAL) if ctx is not None else NORMAL


def set_verbosite(ctx: click.Context, value: int) -> None:
    ctx.find_root().meta[_KEY] = value


def couleurs(stream: Optional[IO] = None) -> bool:
    """Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def colorer(text: str, fg: str, err: bool = False) -> str:
    return click.style(text, fg=fg, bold=True) if couleurs(sys.stderr if err else sys.stdout) else text


def colorer_lignes(text: str, err: bool = False) -> str:
    """ERREUR / AVERTISSEMENT markers at the start of lines, coloured when allowed."""
    if not couleurs(sys.stderr if err else sys.stdout):
        return text
    out = []
    for line in text.split("\n"):
        for marker, fg in (("ERREUR", "red"), ("Erreur", "red"), ("AVERTISSEMENT", "yellow"),
                           ("Avertissement", "yellow")):
            if line.startswith(marker):
                line = click.style(marker, fg=fg, bold=True) + line[len(marker):]
                break
        out.append(line)
    return "\n".join(out)


def informer(message: str, err: bool = True) -> None:
    """Information: hidden by --quiet."""
    if verbosite() >= NORMAL:
        click.echo(message, err=err)


def detail(message: str, err: bool = True) -> None:
    """Details: shown only with --verbose."""
    if verbosite() >= DETAILLE:
        click.echo(message, err=err)


def avertir(message: str) -> None:
    """A warning (stderr): hidden by --quiet."""
    if verbosite() >= NORMAL:
        click.echo(colorer_lignes(message, err=True), err=True)


def erreur(message: str) -> None:
    """An error (stderr): always shown."""
    click.echo(colorer_lignes(message, err=True), err=True)
