"""The employees a run is limited to (``--employe``, ``matricules=``): every one when none is
named, else those named, in the case's order; a matricule absent from the case is an error
naming it. Light on imports (``compute`` and ``suivi`` use it without the renderer)."""

from __future__ import annotations

from typing import Iterable, Optional


class MatriculeInconnu(ValueError):
    def __init__(self, inconnus: Iterable[str]):
        self.inconnus = tuple(inconnus)
        super().__init__("matricule(s) absent(s) du dossier : " + ", ".join(self.inconnus))


def select(resultat, matricules: Optional[Iterable[str]]) -> tuple:
    """The computed employees (``resultat.employees``) with these matricules; all when none."""
    if not matricules:
        return resultat.employees
    wanted = list(dict.fromkeys(matricules))
    known = {r.employee.matricule for r in resultat.employees}
    unknown = [m for m in wanted if m not in known]
    if unknown:
        raise MatriculeInconnu(unknown)
    return tuple(r for r in resultat.employees if r.employee.matricule in wanted)
