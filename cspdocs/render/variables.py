"""The variables templates can use: the catalogue (variables.yaml) checked against the real context.

``catalogue()`` gives each variable's French description and when it is empty; ``describe()``
adds, from the context of every lint scenario, its type, an example value and how many scenarios
leave it empty or absent, so what ``cspdocs templates variables`` prints cannot drift from what
templates receive (tests/render/test_render_variables.py checks both directions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Optional

CATALOGUE_FILE = Path(__file__).with_name("variables.yaml")
OPAQUE = ("explications", "avertissements")  # documented as a whole (their keys are facts, not names)


@dataclass(frozen=True)
class Variable:
    nom: str
    description: str
    vide: Optional[str]  # when it is empty (None), or None when it never is
    type: str = ""
    exemple: str = ""
    vide_dans: int = 0  # scenarios where it is None
    absente_dans: int = 0  # scenarios where it does not exist
    scenarios: int = 0


@lru_cache(maxsize=1)
def catalogue() -> dict[str, tuple[str, Optional[str]]]:
    from ..rules.yaml_data import load_yaml

    data = load_yaml(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return {name: (entry["description"], entry.get("vide")) for name, entry in data.items()}


def paths(ctx: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every (dotted name, value) of a context, dicts included (opaque entries not entered)."""
    for key, value in ctx.items():
        name = prefix + key
        yield name, value
        if isinstance(value, Mapping) and name not in OPAQUE:
            yield from paths(value, name + ".")


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "booléen"
    if isinstance(value, date):
        return "date"
    if isinstance(value, Decimal):
        return "nombre décimal"
    if isinstance(value, int):
        return "entier"
    if isinstance(value, str):
        return "texte"
    if isinstance(value, (list, tuple)):
        return "liste"
    if isinstance(value, Mapping):
        return "table"
    return type(value).__name__


def _example(name: str, value: Any) -> str:
    from .filters import date_longue, euros, nombre

    if isinstance(value, bool):
        return "vrai" if value else "faux"
    if isinstance(value, date):
        return f"{date_longue(value)} (avec |date_longue)"
    if isinstance(value, Decimal):
        if name.startswith("montants.") and not any(w in name for w in ("anciennete", "mois")):
            return f"{euros(value)} (avec |euros)"
        return f"{nombre(value)} (avec |nombre)"
    if isinstance(value, (list, tuple)):
        return f"{len(value)} élément(s)"
    if isinstance(value, Mapping):
        return ", ".join(list(value)[:4]) + ("…" if len(value) > 4 else "")
    text = str(value)
    return text if len(text) <= 70 else text[:67] + "..."


def describe(contexts: Optional[Iterable[Mapping[str, Any]]] = None) -> list[Variable]:
    """The catalogue completed from real contexts (by default those of the lint scenarios)."""
    if contexts is None:
        from ..mentions.scenarios import computed_scenarios
        from .context import build_context

        contexts = [build_context(c.resultat, c.salarie) for c in computed_scenarios()]
    contexts = list(contexts)
    samples: dict[str, Any] = {}
    empty: dict[str, int] = {}
    present: dict[str, int] = {}
    for ctx in contexts:
        for name, value in paths(ctx):
            present[name] = present.get(name, 0) + 1
            if value is None or (isinstance(value, (list, tuple)) and not value and name not in OPAQUE):
                empty[name] = empty.get(name, 0) + 1
            elif name not in samples:
                samples[name] = value
    out = []
    for name, (description, vide) in catalogue().items():
        parent = name.rpartition(".")[0]
        possible = present.get(parent, 0) - empty.get(parent, 0) if parent else len(contexts)
        value = samples.get(name)
        out.append(Variable(name, description, vide, _type(value) if value is not None else "",
                            _example(name, value) if value is not None else "", empty.get(name, 0),
                            max(possible - present.get(name, 0), 0), len(contexts)))
    return out


def format_variables(variables: list[Variable], prefix: str = "") -> str:
    lines = []
    for v in variables:
        if prefix and not v.nom.startswith(prefix):
            continue
        lines.append(f"{v.nom} — {v.type or '?'} — {v.description}")
        if v.exemple:
            lines.append(f"    exemple : {v.exemple}")
        if v.vide or v.vide_dans or v.absente_dans:
            counts = []
            if v.vide_dans:
                counts.append(f"vide dans {v.vide_dans} scénario(s) sur {v.scenarios}")
            if v.absente_dans:
                counts.append(f"absente dans {v.absente_dans} (tester avec « is defined »)")
            lines.append(f"    vide : {v.vide or 'parfois'}" + (f" ({' ; '.join(counts)})" if counts else ""))
    return "\n".join(lines)
