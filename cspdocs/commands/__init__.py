"""Each CLI command lives in its own module; this list registers them on the group."""

from __future__ import annotations

import importlib

import click

# One line per command module (each defines a click command or group named ``command``).
COMMAND_MODULES = (
    "compute",
    "schema",
    "generate",
    "templates",
    "check",
    "lint",
    "regles",
    "mentions",
    "reference",
)


def register(group: click.Group) -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        group.add_command(module.command)
