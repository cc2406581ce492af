"""The YAML of the files cspdocs ships (rules, parameters, mention files, variables), read with libyaml
when PyYAML has it (``CSafeLoader``: about ten times faster than the pure-Python ``SafeLoader``,
which took about 0.4 s of every ``generate`` and ``lint`` to read them).

Both loaders build the same data from a valid file (same resolver and constructor: only the
parser differs). On an invalid file the pure-Python loader reads it again, so that the error
raised, and its message, are those ``yaml.safe_load`` gives.
"""

from __future__ import annotations

from typing import Any

import yaml

_CLoader = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None


def load_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, with libyaml when available."""
    if _CLoader is not None:
        try:
            return yaml.load(text, Loader=_CLoader)  # noqa: S506 - CSafeLoader is the safe loader
        except yaml.YAMLError:
            pass  # the pure-Python loader raises the error users know
    return yaml.safe_load(text)
