"""`echeancier.ics`: the case's deadlines as an iCalendar file (Outlook, Google Agenda, Thunderbird).

- One all-day event per employee and deadline (echeances.py), its description giving the engine's
  reasoning and legal sources; with ``agrege=True``, one event per deadline and day for the whole
  case, listing the employees concerned (employer-level calendar).
- UIDs depend only on the case name, the employee's matricule and the deadline (or the deadline
  and its day, aggregated): re-importing an updated file updates the events instead of duplicating
  them. DTSTAMP is fixed so the same case gives the same bytes.
- All-day dates carry no time zone (RFC 5545 ``VALUE=DATE``); the calendar is marked Europe/Paris.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from .. import __version__
from ..engine.facts import ResultatDossier
from .echeances import Echeance, echeances

_DTSTAMP = datetime(2000, 1, 1, tzinfo=timezone.utc)


def _uid(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32] + "@cspdocs"


def _event(uid: str, summary: str, description: str, when):
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", _DTSTAMP)
    event.add("dtstart", when)
    event.add("dtend", when + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _describe(e: Echeance) -> str:
    lines = [e.raisonnement] if e.raisonnement else []
    if e.sources:
        lines.append("Sources : " + " ; ".join(e.sources))
    return "\n".join(lines)


def calendrier(resultat: ResultatDossier, agrege: bool = False) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", f"-//cspdocs {__version__}//CSP//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    employer = resultat.dossier.employeur.raison_sociale
    cal.add("x-wr-calname", f"CSP — {employer} ({resultat.nom})" + (" — employeur" if agrege else ""))
    cal.add("x-wr-timezone", "Europe/Paris")
    found = echeances(resultat)
    if not agrege:
        for e in found:
            cal.add_component(_event(_uid(resultat.nom, e.matricule, e.cle), f"CSP {e.nom} ({e.matricule}) : {e.libelle}",
                                     _describe(e), e.date))
        return cal.to_ical()
    grouped: dict[tuple, list[Echeance]] = defaultdict(list)
    for e in found:
        grouped[(e.date, e.cle)].append(e)
    for (when, key), items in grouped.items():
        first = items[0]
        names = ", ".join(f"{e.nom} ({e.matricule})" for e in items)
        sources = sorted({s for e in items for s in e.sources})
        description = f"Salariés concernés ({len(items)}) : {names}"
        if sources:
            description += "\nSources : " + " ; ".join(sources)
        cal.add_component(_event(_uid(resultat.nom, "employeur", key, when.isoformat()),
                                 f"CSP : {first.libelle} ({len(items)} salarié{'s' if len(items) > 1 else ''})",
                                 description, when))
    return cal.to_ical()
