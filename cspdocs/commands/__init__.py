"""Each CLI command lives in its own module, imported only when the command runs."""

from __future__ import annotations

import importlib
from typing import Optional

import click

# One line per command module (each defines a click command or group named ``command``).
COMMAND_MODULES = {
    "compute": "compute",
    "schema": "schema",
    "generate": "generate",
    "templates": "templates",
    "check": "check",
    "lint": "lint",
    "regles": "regles",
    "mentions": "mentions",
    "reference": "reference",
    "modele-tableur": "modele_tableur",
    "synthese": "synthese",
    "suivi": "suivi",
}


def _french_metavars(command: click.Command) -> click.Command:
    """``[OPTIONS]`` and ``COMMANDE [ARGUMENTS]...`` in every usage line, subcommands included."""
    command.options_metavar = "[OPTIONS]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "COMMANDE [ARGUMENTS]..."
        for sub in command.commands.values():
            _french_metavars(sub)
    return command


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMAND_MODULES) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> Optional[click.Command]:
        if name not in self.commands and name in COMMAND_MODULES:
            module = importlib.import_module(f"{__name__}.{COMMAND_MODULES[name]}")
            self.add_command(_french_metavars(module.command), name)
        return self.commands.get(name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from ..render.messages import suggest

            ctx.fail(f"commande inconnue : « {name} »{suggest(name, self.list_commands(ctx))} ; "
                     "liste des commandes : cspdocs --help")
        return super().resolve_command(ctx, args)


def register(group: click.Group) -> None:
    """Add every command to ``group`` now (for tools that need them all)."""
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{COMMAND_MODULES[name]}")
        group.add_command(_french_metavars(module.command), name)
