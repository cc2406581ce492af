"""What the dossiers of a case contain and in which order, how they are named and dated.

Reproducible bytes: every date stamped in a PDF is ``case_moment(resultat)``, the earliest
handover date of the whole case at 00:00 UTC (never the clock, and the same whatever
``--employe`` selects).

Handover order of a dossier: the artefacts sorted by their document date, then, on the same
day, information document (with the acceptance slip), statement of the economic motive,
receipt, registered letter. The receipt acknowledges both the information document and the
statement of the motive (template ``recepisse.docx``, "Documents remis"), so it follows them;
the statement must be given at the latest at the handover (cross-check in
mentions/controles.yaml); the letter is sent last, never before the legal date (L1233-15,
L1233-39). With the engine's dates (statement dated the handover day) this is always
information, motif, récépissé, lettre.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional, Sequence

from ..engine.facts import CaseResult
from ..render.artefacts import ARTEFACTS, Artefact

DOSSIER_PDF = "dossier.pdf"
DOSSIER_GLOBAL_PDF = "dossier-global.pdf"

#: Same-day order of the artefacts in a dossier (see the module docstring).
HANDOVER_RANK = {"information": 0, "motif": 1, "recepisse": 2, "lettre": 3}

BY_KEY = {a.cle: a for a in ARTEFACTS}


def case_moment(resultat: CaseResult) -> datetime:
    """The date stamped in every PDF of the case: its earliest handover date, 00:00 UTC.

    Falls back on the earliest date the engine knows, then on the earliest hiring date
    (always present), so that a case is always datable without the clock.
    """
    found = [d for rs in resultat.employees if isinstance(d := rs.dates.get("remise"), date)]
    if not found:
        found = [d for rs in resultat.employees for d in rs.dates.values() if isinstance(d, date)]
    if not found:
        found = [rs.employee.date_entree for rs in resultat.employees]
    day = min(found)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def employer_name(resultat: CaseResult) -> str:
    """The employer as the documents name it (and LibreOffice's PDFs carry as Author):
    raison sociale and legal form, « Cartonnerie de l'Ill SAS » (as render/context.py)."""
    e = resultat.case.employeur
    return f"{e.raison_sociale} {e.forme_juridique}" if e.forme_juridique else e.raison_sociale


def bookmark_title(artefact: Artefact) -> str:
    """The artefact's French label, capitalised: « Énoncé du motif économique »."""
    return artefact.libelle[:1].upper() + artefact.libelle[1:]


def handover_order(keys: Sequence[str], dates: dict[str, Optional[date]]) -> list[str]:
    """Artefact keys in handover order (see the module docstring)."""

    def sort_key(key: str) -> tuple[date, int]:
        artefact = BY_KEY.get(key)
        when = dates.get(artefact.date_document) if artefact else None
        return (when if isinstance(when, date) else date.max, HANDOVER_RANK.get(key, len(HANDOVER_RANK)))

    return sorted(keys, key=sort_key)


def section_title(matricule: str, name: str) -> str:
    """An employee's bookmark in the case-wide dossier: « Yannick Le Bihan (B-00000) »."""
    return f"{name} ({matricule})" if name.strip() else matricule


__all__ = ["BY_KEY", "DOSSIER_GLOBAL_PDF", "DOSSIER_PDF", "HANDOVER_RANK", "bookmark_title", "case_moment",
           "employer_name", "handover_order", "section_title"]
