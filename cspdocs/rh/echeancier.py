"""`echeancier.ics`: the case's deadlines as an iCalendar file (Outlook, Google Agenda, Thunderbird).

- One all-day event per employee and deadline (echeances.py: the engine's actions with a due date,
  and the plan's other dates), its description giving the engine's reasoning, the action's status as
  of the date and its legal sources; with ``agrege=True``, one event per deadline and day for the
  whole case, listing the employees concerned (employer-level calendar).
- UIDs depend only on the case name, the employee's matricule and the deadline (or the deadline and
  its day, aggregated): re-importing an updated file updates the events instead of duplicating them.
  DTSTAMP is fixed, so the same case at the same date gives the same bytes.
- All-day dates carry no time zone (RFC 5545 ``VALUE=DATE``); the calendar is marked Europe/Paris.

The text is written here, event by event, straight to the file (the icalendar library built the
whole calendar in memory and its line folding took most of the time at 5,000 employees): RFC 5545
escaping of TEXT values (§ 3.3.11), lines folded at 75 octets without splitting a UTF-8 character
(§ 3.1), CRLF line ends. The tests parse the output with icalendar.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date, timedelta
from typing import BinaryIO

from .. import __version__
from ..engine.dates import fr
from ..engine.facts import ResultatDossier
from .echeances import STATUTS, Echeance, Fiche

DTSTAMP = "20000101T000000Z"
NOMS_AGREGES = 50  # employees named in an aggregated event's description; the others are counted


def _uid(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32] + "@cspdocs"


def texte(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ligne(content: str) -> bytes:
    """One content line, folded at 75 octets (continuation lines start with a space), with CRLF."""
    raw = content.encode("utf-8")
    if len(raw) <= 75:
        return raw + b"\r\n"
    parts, start, limit = [], 0, 75
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:  # never cut inside a UTF-8 sequence
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, 74  # the leading space counts
    parts.append(raw[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def _jour(when: date) -> str:
    return when.strftime("%Y%m%d")


def evenement(uid: str, summary: str, description: str, when: date) -> bytes:
    return b"".join((
        b"BEGIN:VEVENT\r\n",
        ligne(f"UID:{uid}"),
        ligne(f"DTSTAMP:{DTSTAMP}"),
        ligne(f"DTSTART;VALUE=DATE:{_jour(when)}"),
        ligne(f"DTEND;VALUE=DATE:{_jour(when + timedelta(days=1))}"),
        ligne(f"SUMMARY:{texte(summary)}"),
        ligne(f"DESCRIPTION:{texte(description)}"),
        b"TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
    ))


def _statut(e: Echeance, au: date) -> str:
    if e.statut is None:
        return ""
    done = f" le {fr(e.fait_le)}" if e.fait_le else ""
    return f"Au {fr(au)} : {STATUTS[e.statut]}{done}" + (f" ({e.note})" if e.note else "")


def _describe(e: Echeance, au: date) -> str:
    lines = [text for text in (e.raisonnement, _statut(e, au)) if text]
    if e.sources:
        lines.append("Sources : " + " ; ".join(e.sources))
    return "\n".join(lines)


class Echeancier:
    """Writes the calendar to ``out`` (a binary file) as the employees come: ``ajouter`` then ``fermer``."""

    def __init__(self, out: BinaryIO, resultat: ResultatDossier, au: date, agrege: bool = False):
        self.out, self.nom, self.au, self.agrege = out, resultat.nom, au, agrege
        self.groupes: dict[tuple[date, str], list] = defaultdict(list)  # aggregated: (day, key) -> deadlines
        employer = resultat.dossier.employeur.raison_sociale
        name = f"CSP — {employer} ({resultat.nom})" + (" — employeur" if agrege else "")
        out.write(b"BEGIN:VCALENDAR\r\n" + ligne("VERSION:2.0") + ligne(f"PRODID:-//cspdocs {__version__}//CSP//FR")
                  + ligne("CALSCALE:GREGORIAN") + ligne("METHOD:PUBLISH") + ligne(f"X-WR-CALNAME:{texte(name)}")
                  + ligne("X-WR-TIMEZONE:Europe/Paris"))

    def ajouter(self, fiche: Fiche) -> None:
        if self.agrege:
            for e in fiche.echeances:
                self.groupes[(e.date, e.cle)].append(e)
            return
        self.out.write(b"".join(
            evenement(_uid(self.nom, e.matricule, e.cle), f"CSP {e.nom} ({e.matricule}) : {e.libelle}",
                      _describe(e, self.au), e.date)
            for e in fiche.echeances))

    def fermer(self) -> None:
        for (when, key), items in sorted(self.groupes.items()):
            first = items[0]
            names = ", ".join(f"{e.nom} ({e.matricule})" for e in items[:NOMS_AGREGES])
            if len(items) > NOMS_AGREGES:
                names += f" et {len(items) - NOMS_AGREGES} autres (feuille « Actions » de synthese.xlsx)"
            sources = sorted({s for e in items for s in e.sources})
            description = f"Salariés concernés ({len(items)}) : {names}"
            if sources:
                description += "\nSources : " + " ; ".join(sources)
            label = first.libelle.split(" (")[0] if len({e.libelle for e in items}) > 1 else first.libelle
            self.out.write(evenement(_uid(self.nom, "employeur", key, when.isoformat()),
                                     f"CSP : {label} ({len(items)} salarié{'s' if len(items) > 1 else ''})",
                                     description, when))
        self.out.write(b"END:VCALENDAR\r\n")


def calendrier(resultat: ResultatDossier, au: date, agrege: bool = False) -> bytes:
    """The whole calendar as bytes (small cases and tests; the commands stream it to a file)."""
    import io

    from .echeances import fiches

    out = io.BytesIO()
    writer = Echeancier(out, resultat, au, agrege)
    for f in fiches(resultat, au):
        writer.ajouter(f)
    writer.fermer()
    return out.getvalue()
