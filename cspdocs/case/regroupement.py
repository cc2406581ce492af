"""Errors of a spreadsheet, as a person reads them: columns by their header, one line per problem.

- The column of an error is shown as the user wrote it: ``F « Code postal »`` (workbook) or
  ``« Code postal »`` (CSV), instead of the key.
- A cell already reported by the spreadsheet reader (``JJ/MM/AAAA`` attendu…) is not reported a
  second time by the model's validation.
- The same problem in the same column on several rows is reported once, with the rows:
  ``date_entree… n'est pas une date (attendu JJ/MM/AAAA) : lignes 3 à 502 (500 lignes ; par exemple
  ligne 3 : « 2026/13/01 »)``. The value quoted first in a message is what differs from row to row.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from .errors import ErreurDossier

_LEADING_VALUE = re.compile(r"^« (?P<value>[^»]*) » (?P<rest>.*)$", re.S)
_MAX_SEGMENTS = 12


def lines_text(lines: list[int]) -> str:
    """[3, 4, 5, 9] -> "3 à 5, 9"."""
    segments: list[str] = []
    run_start = previous = None
    for line in sorted(set(lines)):
        if previous is not None and line == previous + 1:
            previous = line
            continue
        if run_start is not None:
            segments.append(str(run_start) if run_start == previous else f"{run_start} à {previous}")
        run_start = previous = line
    if run_start is not None:
        segments.append(str(run_start) if run_start == previous else f"{run_start} à {previous}")
    if len(segments) > _MAX_SEGMENTS:
        segments = segments[:_MAX_SEGMENTS] + ["…"]
    return ", ".join(segments)


def _generic(message: str) -> tuple[str, Optional[str]]:
    match = _LEADING_VALUE.match(message)
    return (match["rest"], match["value"]) if match else (message, None)


def present(erreurs: Iterable[ErreurDossier], fichier: Optional[str], colonnes_lues: dict[str, str],
            deja: set[tuple[int, str]]) -> list[ErreurDossier]:
    """The errors with those of the spreadsheet ``fichier`` renamed, deduplicated and grouped.

    ``deja``: cells (line, key) the reader reported; its error comes first in ``erreurs`` and the
    model's later echo of the same cell (a missing value, since the cell was left out) is dropped."""
    kept: list[ErreurDossier] = []
    groups: dict[tuple[str, str], list[ErreurDossier]] = {}
    reported: set[tuple[int, str]] = set()
    # the locator already names columns as shown; the reader's own errors use the key
    deja = {(line, colonnes_lues.get(key, key)) for line, key in deja}
    for e in erreurs:
        if fichier is None or e.fichier != fichier or e.ligne is None or not e.colonne:
            kept.append(e)
            continue
        shown_column = colonnes_lues.get(e.colonne, e.colonne)
        cell = (e.ligne, shown_column)
        if cell in deja and cell in reported:
            continue
        reported.add(cell)
        e = ErreurDossier(e.fichier, e.ligne, e.chemin, e.message, shown_column)
        groups.setdefault((shown_column, _generic(e.message)[0]), []).append(e)
    for (column, generic), items in groups.items():
        if len(items) == 1:
            kept.append(items[0])
            continue
        first = items[0]
        value = _generic(first.message)[1]
        example = f" ; par exemple ligne {first.ligne} : « {value} »" if value is not None else ""
        kept.append(ErreurDossier(first.fichier, first.ligne, "", f"{generic} : lignes "
                                  f"{lines_text([e.ligne for e in items])} ({len(items)} lignes{example})",
                                  column))
    return kept
