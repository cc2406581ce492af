"""`echeancier.ics`: the case's deadlines as an iCalendar file (Outlook, Google Agenda, Thunderbird).

- One all-day event per employee and deadline (echeances.py: the engine's actions with a due date,
  and the plan's other dates), its description giving the engine's reasoning, the action's status as
  of the date and its legal sources; with ``agrege=True``, one event per deadline and day for the
  whole case, listing the employees concerned (employer-level calendar).
- UIDs depend only on the case name, the employee's matricule and the deadline (or the deadline and
  its day, aggregated): re-importing an updated file updates the events instead of duplicating them.
- A re-import never deletes an event, so a deadline withdrawn since an earlier file (the « en cas
  d'acceptation » dates after a refusal or the expiry of the period, the letter's planned dates once
  it is posted) is kept under its UID with ``STATUS:CANCELLED``: the calendar application removes it.
- ``SEQUENCE`` and ``DTSTAMP`` derive from the as-of date only (days since 1 January 2000; midnight
  UTC of the as-of date): a file for a later as-of date has a higher sequence, so every event whose
  content changed is updated, and the same case at the same as-of date gives the same bytes. Limit:
  a file corrected and re-published for the same as-of date keeps the same sequence (some
  applications then keep the old version: publish it with the next day's date, or re-import it
  into an emptied calendar).
- Aggregated (``agrege``): the employees counted in an event are those it concerns as of the date;
  the « en cas d'acceptation » dates of employees who have not answered are a separate event that
  keeps its qualifier, never counted with the amounts actually due after an acceptance.
- All-day dates carry no time zone (RFC 5545 ``VALUE=DATE``); the calendar is marked Europe/Paris.

The text is written here, event by event, straight to the file (the icalendar library built the
whole calendar in memory and its line folding took most of the time at 5,000 employees): RFC 5545
escaping of TEXT values (§ 3.3.11), lines folded at 75 octets without splitting a UTF-8 character
(§ 3.1), CRLF line ends. The tests parse the output with icalendar.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from typing import BinaryIO

from .. import __version__
from ..engine.dates import fr
from ..engine.facts import CaseResult
from .echeances import STATUTS, Echeance, Fiche

EPOCH = date(2000, 1, 1)  # SEQUENCE: days from this day to the as-of date
NOMS_AGREGES = 50  # employees named in an aggregated event's description; the others are counted


def _uid(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32] + "@cspdocs"


_SPECIAL = re.compile("[\\\\;,\r\n]")  # what ``texte`` escapes


def texte(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped."""
    if not _SPECIAL.search(value):
        return value
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ligne(content: str) -> bytes:
    """One content line, folded at 75 octets (continuation lines start with a space), with CRLF."""
    raw = content.encode("utf-8")
    size = len(raw)
    if size <= 75:
        return raw + b"\r\n"
    if size == len(content):  # ASCII: every octet is a character, cut anywhere
        return b"\r\n ".join([raw[:75]] + [raw[i:i + 74] for i in range(75, size, 74)]) + b"\r\n"
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
    return f"{when.year:04d}{when.month:02d}{when.day:02d}"  # strftime("%Y%m%d"), three times cheaper


def sequence(au: date) -> int:
    """The events' SEQUENCE for a file as of ``au`` (grows with the as-of date, reproducible)."""
    return max(0, (au - EPOCH).days)


@lru_cache(maxsize=16)
def _stamp(au: date) -> bytes:
    """The DTSTAMP and SEQUENCE lines, the same in every event of a file."""
    return ligne(f"DTSTAMP:{_jour(au)}T000000Z") + ligne(f"SEQUENCE:{sequence(au)}")


@lru_cache(maxsize=4096)
def _span(when: date) -> bytes:
    """The DTSTART and DTEND lines of an all-day event (a case's deadlines share few days)."""
    return (ligne(f"DTSTART;VALUE=DATE:{_jour(when)}")
            + ligne(f"DTEND;VALUE=DATE:{_jour(when + timedelta(days=1))}"))


def evenement(uid: str, summary: str, description: str, when: date, au: date = EPOCH, annule: bool = False) -> bytes:
    return b"".join((
        b"BEGIN:VEVENT\r\n",
        ligne(f"UID:{uid}"),
        _stamp(au),
        b"STATUS:CANCELLED\r\n" if annule else b"STATUS:CONFIRMED\r\n",
        _span(when),
        ligne(f"SUMMARY:{texte(summary)}"),
        ligne(f"DESCRIPTION:{texte(description)}"),
        b"TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
    ))


def _statut(e: Echeance, au: date) -> str:
    if e.statut is None:
        return ""
    done = f" le {fr(e.fait_le)}" if e.fait_le else ""
    return f"Au {fr(au)} : {STATUTS[e.statut]}{done}" + (f" ({e.note})" if e.note else "")


_INTERNAL_KEY = re.compile(r"\s*\(voir [a-z_]+\.[a-z_.]+\)")  # an engine key, never shown to a user


def _describe(e: Echeance, au: date) -> str:
    reasoning = _INTERNAL_KEY.sub("", e.raisonnement) if "(voir " in e.raisonnement else e.raisonnement
    lines = [text for text in (reasoning, _statut(e, au)) if text]
    if e.sources:
        lines.append("Sources : " + " ; ".join(e.sources))
    return "\n".join(lines)


def _retire(e: Echeance, au: date) -> str:
    text = f"Retiré au {fr(au)} : ne s'applique plus à ce salarié (réponse, expiration du délai ou lettre postée)."
    return text + ("\nSources : " + " ; ".join(e.sources) if e.sources else "")


def evenements(fiche: Fiche, nom: str, au: date) -> bytes:
    """One employee's events (not aggregated): its deadlines, then those withdrawn, cancelled."""
    return b"".join(
        evenement(_uid(nom, e.matricule, e.cle), f"CSP {e.nom} ({e.matricule}) : {e.libelle}",
                  _describe(e, au), e.date, au)
        for e in fiche.echeances) + b"".join(
        evenement(_uid(nom, e.matricule, e.cle), f"CSP {e.nom} ({e.matricule}) : {e.libelle} (retiré)",
                  _retire(e, au), e.date, au, annule=True)
        for e in fiche.retirees)


class IcsCalendar:
    """Writes the calendar to ``out`` (a binary file) as the employees come: ``ajouter`` then ``fermer``."""

    def __init__(self, out: BinaryIO, resultat: CaseResult, au: date, agrege: bool = False):
        self.out, self.nom, self.au, self.agrege = out, resultat.name, au, agrege
        # aggregated: (day, key, only if accepted) -> deadlines
        self.groupes: dict[tuple[date, str, bool], list] = defaultdict(list)
        self.retires: dict[tuple[date, str, bool], int] = defaultdict(int)  # aggregated: withdrawn, counted
        employer = resultat.case.employeur.raison_sociale
        name = f"CSP — {employer} ({resultat.name})" + (" — employeur" if agrege else "")
        out.write(b"BEGIN:VCALENDAR\r\n" + ligne("VERSION:2.0") + ligne(f"PRODID:-//cspdocs {__version__}//CSP//FR")
                  + ligne("CALSCALE:GREGORIAN") + ligne("METHOD:PUBLISH") + ligne(f"X-WR-CALNAME:{texte(name)}")
                  + ligne("X-WR-TIMEZONE:Europe/Paris"))

    def ajouter(self, fiche: Fiche) -> None:
        if self.agrege:
            for e in fiche.echeances:
                self.groupes[(e.date, e.cle, e.si_acceptation)].append(e)
            for e in fiche.retirees:
                self.retires[(e.date, e.cle, e.si_acceptation)] += 1
            return
        self.out.write(evenements(fiche, self.nom, self.au))

    def ajouter_octets(self, events: bytes) -> None:
        """One employee's events already made (``evenements``, by a worker of generate)."""
        self.out.write(events)

    def fermer(self) -> None:
        for (when, key, if_accepted), items in sorted(self.groupes.items()):
            first = items[0]
            names = ", ".join(f"{e.nom} ({e.matricule})" for e in items[:NOMS_AGREGES])
            if len(items) > NOMS_AGREGES:
                names += f" et {len(items) - NOMS_AGREGES} autres (feuille « Actions » de synthese.xlsx)"
            sources = sorted({s for e in items for s in e.sources})
            description = f"Salariés concernés ({len(items)}) : {names}"
            if sources:
                description += "\nSources : " + " ; ".join(sources)
            label = first.libelle.split(" (")[0] if len({e.libelle for e in items}) > 1 else first.libelle
            parts = ("employeur", key, when.isoformat()) + (("si_acceptation",) if if_accepted else ())
            self.out.write(evenement(_uid(self.nom, *parts),
                                     f"CSP : {label} ({len(items)} salarié{'s' if len(items) > 1 else ''})",
                                     description, when, self.au))
        # an aggregated event none of whose employees it still concerns (all refused, say): cancelled
        for (when, key, if_accepted), count in sorted(self.retires.items()):
            if (when, key, if_accepted) in self.groupes:
                continue
            parts = ("employeur", key, when.isoformat()) + (("si_acceptation",) if if_accepted else ())
            self.out.write(evenement(_uid(self.nom, *parts), f"CSP : échéance retirée ({count} salarié"
                                     f"{'s' if count > 1 else ''})",
                                     f"Retiré au {fr(self.au)} : ne s'applique plus à aucun salarié du dossier.",
                                     when, self.au, annule=True))
        self.out.write(b"END:VCALENDAR\r\n")


def calendrier(resultat: CaseResult, au: date, agrege: bool = False) -> bytes:
    """The whole calendar as bytes (small cases and tests; the commands stream it to a file)."""
    import io

    from .echeances import fiches

    out = io.BytesIO()
    writer = IcsCalendar(out, resultat, au, agrege)
    for f in fiches(resultat, au):
        writer.ajouter(f)
    writer.fermer()
    return out.getvalue()
