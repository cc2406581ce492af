"""Errors found in a case file: values the CLI formats, never prints scattered in the code.

Conventions (documented for users and tests):
- ``ligne`` is 1-based, as shown by text editors; ``None`` when no line applies (missing file,
  missing top-level key);
- ``chemin`` is the key path, with 0-based list indices as they appear in the YAML list
  (``salaries[0]`` is the first employee) or, for employees read from a CSV file, the 0-based index
  of the data row (``salaries[0]`` is the row just under the header, line 2 of the CSV file);
- ``colonne`` names the CSV column concerned, for errors found in a CSV file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional


@dataclass(frozen=True)
class ErreurDossier:
    fichier: str
    ligne: Optional[int]
    chemin: str
    message: str
    colonne: Optional[str] = None
    # the rule code of a finding of the case checks (engine/findings.py), "" for a reader's note
    code: str = ""

    def __str__(self) -> str:
        where = self.fichier if self.ligne is None else f"{self.fichier}:{self.ligne}"
        if self.colonne:
            where += f" (colonne {self.colonne})"
        if self.chemin:
            return f"{where}: {self.chemin} : {self.message}"
        return f"{where}: {self.message}"


def sort_errors(erreurs: Iterable[ErreurDossier], fichier: Optional[str] = None) -> list[ErreurDossier]:
    """Errors of ``fichier`` (the case file) first, then of the other files in order of appearance;
    within a file by line (errors without a line first), then by key path."""
    erreurs = list(erreurs)
    rank: dict[str, int] = {}
    if fichier is not None:
        rank[fichier] = 0
    for e in erreurs:
        rank.setdefault(e.fichier, len(rank))
    return sorted(erreurs, key=lambda e: (rank[e.fichier], e.ligne or 0, e.chemin))


class DossierInvalide(Exception):
    """All the errors of a case file at once, sorted by file and line."""

    def __init__(self, erreurs: Iterable[ErreurDossier], fichier: Optional[str] = None):
        self.erreurs: list[ErreurDossier] = sort_errors(erreurs, fichier)
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.erreurs)
        head = f"Dossier invalide ({n} erreur{'s' if n > 1 else ''}) :"
        return "\n".join([head] + [f"  {e}" for e in self.erreurs])
