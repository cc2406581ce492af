"""Facts as data: the rule code each computed fact applies (``FACT_RULES``, derived from the formula
table of engine/prose.py) and the source ids (sources.yaml) its citations name. The explanations keep their French citations; the JSON and the template context
add ``regle`` and ``source_ids`` so that every fact is explained by the installed package
(``cspdocs regles CODE``, docs/regles.md)."""

from __future__ import annotations

import re
from functools import lru_cache

from .facts import PATH_RULES


_PATTERNS = (
    (re.compile(r"C\. trav\. art\. ([LRD]\d{4}-\d+(?:-\d+)?)"), lambda m: f"ct-{m.group(1)}"),
    (re.compile(r"C\. com\. art\. (L\d{3}-\d+)"), lambda m: f"ccom-{m.group(1)}"),
    (re.compile(r"Cass\. soc\..*n° (\d{2}-\d{2}\.\d{3})"), lambda m: f"cass-soc-{m.group(1)}"),
    (re.compile(r"Convention du 26 janvier 2015"), lambda m: "convention-2015"),
    (re.compile(r"Convention du 19 juillet 2011|convention du 19 juillet 2011"), lambda m: "convention-2011"),
    (re.compile(r"Convention du 17 juillet 2018"), lambda m: "convention-mayotte-2018"),
    (re.compile(r"ANI du 31 mai 2011"), lambda m: "ani-2011"),
    (re.compile(r"[Dd]écret n° (\d{4}-\d+)"), lambda m: f"decret-{m.group(1)}"),
    (re.compile(r"[Ll]oi n° (\d{4}-\d+)"), lambda m: f"loi-{m.group(1)}"),
    (re.compile(r"[Oo]rdonnance n° (\d{4}-\d+)"), lambda m: f"ordonnance-{m.group(1)}"),
    (re.compile(r"Guide (?:de l')?employeur|Guide de l'employeur"), lambda m: "guide-employeur"),
    (re.compile(r"Code de procédure civile, art\. 641"), lambda m: "cpc-641"),
    (re.compile(r"^Avenant"), lambda m: "avenants-2015"),
    (re.compile(r"^Arrêté du 16 avril 2015"), lambda m: "convention-2015"),
    (re.compile(r"^Convention collective applicable$"), lambda m: "convention-collective"),
)


@lru_cache(maxsize=1024)
def source_ids(citation: str) -> tuple[str, ...]:
    """The ids of sources.yaml a French citation names, in order, once each; empty for « Dossier » (a value
    declared in the case, not a legal source)."""
    found: list[str] = []
    for pattern, make in _PATTERNS:
        for m in pattern.finditer(citation):
            found.append(make(m))
    return tuple(dict.fromkeys(found))


def fact_source_ids(citations: tuple[str, ...]) -> list[str]:
    return list(_fact_source_ids(tuple(citations)))


@lru_cache(maxsize=4096)
def _fact_source_ids(citations: tuple[str, ...]) -> tuple[str, ...]:
    # a batch's facts share a few hundred citation tuples
    return tuple(dict.fromkeys(i for c in citations for i in source_ids(c)))


# The rule of each fact the engine explains (regles.yaml): declared with its formula
# (engine/texts_dates.py, engine/texts_amounts.py), one rule per fact path.
FACT_RULES = PATH_RULES


def fact_rule(fait: str) -> str:
    return FACT_RULES[fait]
