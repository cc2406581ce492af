"""The rules registry (regles.yaml) and the sources registry (sources.yaml): what a rule code means.

Every code a user sees in a warning or an error (``R-45``, ``A8``) is explained here, with its
sources (citation and Légifrance link). The registry explains; it computes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

RULES_DIR = Path(__file__).parent
REGLES_FILE = RULES_DIR / "regles.yaml"
SOURCES_FILE = RULES_DIR / "sources.yaml"
CODE = re.compile(r"(?<![\w-])(R-\d{2}|A\d{1,2})(?![\w-])")


@dataclass(frozen=True)
class Source:
    id: str
    citation: str
    lien: Optional[str]
    code_travail_numerique: Optional[str] = None


@dataclass(frozen=True)
class Regle:
    code: str
    titre: str
    resume: str
    sources: tuple[Source, ...]


class CodeInconnu(LookupError):
    """A code absent from the registry (French message with a suggestion)."""


@lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    from .yaml_data import load_yaml

    data = load_yaml(SOURCES_FILE.read_text(encoding="utf-8"))
    return {k: Source(k, v["citation"], v.get("lien"), v.get("code_travail_numerique")) for k, v in data.items()}


@lru_cache(maxsize=1)
def regles() -> dict[str, Regle]:
    from .yaml_data import load_yaml

    data = load_yaml(REGLES_FILE.read_text(encoding="utf-8"))
    known = sources()
    return {code: Regle(code, v["titre"], v["resume"], tuple(known[s] for s in v["sources"]))
            for code, v in data.items()}


def normalise(code: str) -> str:
    """« r45 », « R45 », « r-45 » → « R-45 » ; « a8 » → « A8 »."""
    text = code.strip().upper().replace(" ", "")
    if m := re.fullmatch(r"R-?0*(\d{1,2})", text):
        return f"R-{int(m.group(1)):02d}"
    if m := re.fullmatch(r"A0*(\d{1,2})", text):
        return f"A{int(m.group(1))}"
    return text


def regle(code: str) -> Regle:
    from ..render.messages import suggest

    key = normalise(code)
    table = regles()
    if key not in table:
        raise CodeInconnu(f"code de règle inconnu : « {code} »{suggest(key, table)} ; "
                          "« cspdocs regles » les liste tous")
    return table[key]


def codes_in(text: str) -> list[str]:
    """The rule codes a text cites, in order, once each."""
    return list(dict.fromkeys(CODE.findall(text)))


def format_regle(r: Regle) -> str:
    lines = [f"{r.code} — {r.titre}", f"    {r.resume}"]
    for s in r.sources:
        lines.append(f"    source : {s.citation}" + (f" — {s.lien}" if s.lien else ""))
    return "\n".join(lines)
