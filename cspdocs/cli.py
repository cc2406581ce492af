"""Command-line entry point: parses options and delegates; no legal logic here.

Commands are imported only when run (``cspdocs --version`` loads neither the engine nor lxml nor
pypdf). Exit codes: 0 success, 1 invalid case or failed check, 2 usage error (click's default);
130, 143, 129 when interrupted by Ctrl-C, SIGTERM, SIGHUP (interrupt.py).
"""

from __future__ import annotations

import click

from . import cli_fr
from .commands import LazyGroup
from .commands.sortie import DETAILLE, NORMAL, SILENCIEUX, set_verbosite
from .interrupt import InterruptibleGroup

cli_fr.install()


class CliGroup(LazyGroup, InterruptibleGroup):
    """Commands imported on first use; signals handled around the command (interrupt.py)."""


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .version import version_text

    click.echo(version_text())
    ctx.exit(0)


@click.group(cls=CliGroup, context_settings={"help_option_names": ["-h", "--help"]},
             subcommand_metavar="COMMANDE [ARGUMENTS]...")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Affiche la version et la période couverte par les règles, puis quitte.")
@click.option("-q", "--quiet", "quiet", is_flag=True, help="N'affiche que les résultats et les erreurs.")
@click.option("-v", "--verbose", "verbose", is_flag=True,
              help="Affiche aussi le détail (chaque avertissement de chaque salarié, modèles utilisés).")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """cspdocs : dates, montants et documents du contrat de sécurisation professionnelle (CSP)."""
    if quiet and verbose:
        raise click.UsageError("--quiet et --verbose s'excluent.")
    set_verbosite(ctx, SILENCIEUX if quiet else DETAILLE if verbose else NORMAL)
    if verbose:  # every warning of every employee
        ctx.default_map = {**(ctx.default_map or {}), "generate": {"detailed": True}}
