"""The four artefacts: which template, which output file name, when one is not produced.

Whether an artefact applies is read from the engine's facts (a date it needs is unknown, the
handover was not made in person); the wording inside it is the template's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping, Optional

from ..engine.documents import omission_finding
from ..engine.findings import Finding


@dataclass(frozen=True)
class Artefact:
    cle: str
    modele: str  # template file name
    fichier: str  # output file name
    libelle: str
    date_document: str  # key of ``dates`` giving the document's date (also its DOCX creation date)
    variante: Callable[[Mapping[str, Any]], Optional[str]]
    # why the document is not produced (a finding about ``documents.<cle>``, its rule code as data),
    # NOT_DUE for a follow-up document not yet due, or None when it is produced
    omission: Callable[[Mapping[str, Any]], Optional[Finding]]


def _no_variant(ctx: Mapping[str, Any]) -> Optional[str]:
    return None


def _always(ctx: Mapping[str, Any]) -> Optional[Finding]:
    return None


def _omission(artefact: str, ctx: Mapping[str, Any]) -> Optional[Finding]:
    """The engine's one rule of whether a document exists (engine/documents.py, issue 9)."""
    dates = ctx["dates"]
    return omission_finding(artefact, ctx["salarie"]["mode_remise"], bool(ctx["conditions"].get("autorisation_refusee")),
                    dates["envoi_lettre"], ctx["lettre"].get("variante"), dates["fin_delai_reflexion"])


def _recepisse_omission(ctx: Mapping[str, Any]) -> Optional[Finding]:
    return _omission("recepisse", ctx)


def _lettre_omission(ctx: Mapping[str, Any]) -> Optional[Finding]:
    return _omission("lettre", ctx)


# A follow-up document that is not due: nothing to report (not listed as omitted).
NOT_DUE = Finding(("documents",), "courrier de suivi sans objet à cette date", blocking=False)


def _confirmation_omission(ctx: Mapping[str, Any]) -> Optional[Finding]:
    return None if ctx["dates"].get("confirmation_remise") else NOT_DUE


def _echeance_omission(ctx: Mapping[str, Any]) -> Optional[Finding]:
    return None if ctx["dates"].get("notification_nouvelle_echeance") else NOT_DUE


def _lettre_variante(ctx: Mapping[str, Any]) -> Optional[str]:
    return ctx["lettre"].get("variante")


ARTEFACTS: tuple[Artefact, ...] = (
    Artefact("information", "information.docx", "1-document-information-csp.docx",
             "document d'information CSP et bulletin d'acceptation", "remise", _no_variant, _always),
    Artefact("recepisse", "recepisse.docx", "2-recepisse.docx",
             "récépissé de remise", "remise", _no_variant, _recepisse_omission),
    Artefact("lettre", "lettre.docx", "3-lettre-recommandee.docx",
             "lettre recommandée avec demande d'avis de réception", "envoi_lettre",
             _lettre_variante, _lettre_omission),
    Artefact("motif", "motif.docx", "4-enonce-motif-economique.docx",
             "énoncé du motif économique", "enonce_motif", _no_variant, _always),
    # follow-up documents (issue 10, engine/timeline.py): produced once the journal makes them due
    Artefact("confirmation", "confirmation.docx", "5-confirmation-remise.docx",
             "confirmation de la remise à distance et des dates du délai", "confirmation_remise",
             _no_variant, _confirmation_omission),
    Artefact("nouvelle_echeance", "nouvelle_echeance.docx", "6-nouvelle-date-expiration.docx",
             "avis de la nouvelle date d'expiration du délai de réflexion (salarié protégé)",
             "notification_nouvelle_echeance", _no_variant, _echeance_omission),
)

TEMPLATE_NAMES = tuple(a.modele for a in ARTEFACTS)
# The follow-up documents (issue 10), and the four documents of the handover and the letter.
SUIVIS = ("confirmation", "nouvelle_echeance")
PRINCIPAUX = tuple(a for a in ARTEFACTS if a.cle not in SUIVIS)


# Documents dated with the handover's documents: posted on ``dates.envoi_documents`` at a distance.
DATES_DE_REMISE = ("information", "motif")


def document_date(artefact: Artefact, ctx: Mapping[str, Any]) -> date:
    """The date a document bears (also its DOCX creation date and its place in the dossier PDF).

    The information document and the motive statement sent by LRAR or electronically bear their
    posting date when the case gives it (``remise.date_document``, R-14): they are written before
    the day they reach the employee, which starts the reflection period.
    """
    if artefact.cle in DATES_DE_REMISE:
        when = ctx.get("remise", {}).get("date_document")
        if when is not None:
            return when
    return ctx["dates"][artefact.date_document]
