"""Command-line entry point: parses options and delegates; no legal logic here.

Exit codes: 0 success, 1 invalid case or failed check, 2 usage error (click's default);
130, 143, 129 when interrupted by Ctrl-C, SIGTERM, SIGHUP (interrupt.py).
"""

from __future__ import annotations

import click

from . import __version__, cli_fr
from .commands import register
from .interrupt import InterruptibleGroup

cli_fr.install()


@click.group(cls=InterruptibleGroup, context_settings={"help_option_names": ["-h", "--help"]}, subcommand_metavar="COMMANDE [ARGUMENTS]...")
@click.version_option(__version__, prog_name="cspdocs", message="%(prog)s %(version)s")
def main() -> None:
    """cspdocs : dates, montants et documents du contrat de sécurisation professionnelle (CSP)."""


register(main)
