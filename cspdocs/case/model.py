"""The validated case model: the public contract of case-format.md, key for key.

Keys are French because users and template authors write them. Unknown keys are rejected
(``extra="forbid"``): a typo must never be silently ignored. Keys marked "added" are additions
allowed by the contract (add keys, never rename).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from ..calendar import ZONES

Zone = Literal[ZONES]  # the zones whose holidays cspdocs.calendar knows
TypeProcedure = Literal["individuel", "collectif_moins_de_10", "collectif_10_et_plus", "pse"]
Cause = Literal[
    "difficultes_economiques",
    "mutations_technologiques",
    "sauvegarde_competitivite",
    "cessation_activite",
]
Consequence = Literal["suppression", "transformation", "modification_refusee"]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    """Dates are ISO ``YYYY-MM-DD`` only: no timestamps, no times, no other formats."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if value is None:
        return value  # Optional fields; a required one gets pydantic's own error
    text = value.strip() if isinstance(value, str) else None
    if text is not None and _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    shown = value.isoformat(sep=" ") if isinstance(value, datetime) else value
    raise PydanticCustomError(
        "date_iso",
        "« {value} » n'est pas une date valide (attendu AAAA-MM-JJ)",
        {"value": str(shown)},
    )


# A calendar date written YYYY-MM-DD (a ``date`` for every reader of the model).
IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


class Adresse(_Strict):
    rue: str = Field(min_length=1)
    complement: Optional[str] = None
    code_postal: str = Field(pattern=r"^\d{5}$", description="5 chiffres")
    ville: str = Field(min_length=1)


class LieuTravail(_Strict):
    code_postal: str = Field(pattern=r"^\d{5}$", description="5 chiffres")
    ville: Optional[str] = None


class Signataire(_Strict):
    nom: str = Field(min_length=1)
    qualite: str = Field(min_length=1)


class Mandataire(Signataire):
    # added: the mission the judgment gave the administrateur judiciaire (C. com. L631-12): with
    # "representation" he alone signs, with "assistance" the employer signs assisted by him, with
    # "surveillance" the employer signs alone (the administrator is only informed)
    mission: Optional[Literal["surveillance", "assistance", "representation"]] = None


class OrdonnanceJugeCommissaire(_Strict):
    """C. com. L631-17: during the observation period, dismissals that are urgent, unavoidable and
    indispensable are authorised by an ordonnance of the juge-commissaire."""

    date: IsoDate
    # what it authorises (number of dismissals, activities and professional categories)
    objet: str = Field(min_length=1)


class Employeur(_Strict):
    raison_sociale: str = Field(min_length=1)
    forme_juridique: Optional[str] = None
    siret: Optional[str] = None
    adresse: Adresse
    effectif: int = Field(ge=1)
    effectif_groupe: Optional[int] = Field(default=None, ge=1)
    procedure_collective: Optional[Literal["redressement", "liquidation"]] = None
    date_jugement: Optional[IsoDate] = None
    zone: Optional[Zone] = None
    signataire: Signataire
    # added: the court-appointed officer who signs in liquidation (C. com. L641-9; required then) or
    # signs/assists in redressement (administrateur judiciaire), R-54
    mandataire: Optional[Mandataire] = None
    # added: redressement judiciaire, observation period: the authorising ordonnance (C. com. L631-17),
    # cited by the letter and the motive statement (Cass. soc. 27/05/2020 n° 18-20.153)
    ordonnance_juge_commissaire: Optional[OrdonnanceJugeCommissaire] = None
    # added: opt-in customary days off ("jours chômés locaux", R-48/R-49), counted as holidays
    jours_feries_supplementaires: list[IsoDate] = Field(default_factory=list)
    # added: L3134-13 Good Friday only where the commune has a Protestant temple or mixed church (A8)
    vendredi_saint_ferie: bool = True

    @field_validator("siret")
    @classmethod
    def _siret(cls, v: Optional[str]) -> Optional[str]:
        if v is None:
            return v
        digits = v.replace(" ", "")
        if len(digits) != 14 or not digits.isdigit():
            raise ValueError("le SIRET doit compter 14 chiffres")
        if not luhn_ok(digits):
            raise ValueError("le SIRET n'est pas valide (clé de Luhn incorrecte)")
        return digits


class MotifEconomique(_Strict):
    cause: Cause
    faits: str = Field(min_length=1)
    consequence: Consequence


class DecisionAdministration(_Strict):
    """PSE: the nature of the administrative decision (L1233-57-2, L1233-57-3, L1233-57-4)."""

    nature: Literal["validation", "homologation"]
    implicite: bool = False
    autorite: Optional[str] = None  # e.g. "DREETS Grand Est"


class Procedure(_Strict):
    type: TypeProcedure
    date_engagement: Optional[IsoDate] = None
    date_entretien_prealable: Optional[IsoDate] = None
    cse: Optional[bool] = None
    date_derniere_reunion_cse: Optional[IsoDate] = None
    date_notification_projet_administration: Optional[IsoDate] = None
    date_decision_administration: Optional[IsoDate] = None
    motif_economique: MotifEconomique
    reclassement: str = Field(min_length=1)
    # added: presentation of the convocation to the first CSE meeting (engagement date, R-05, A10)
    date_convocation_premiere_reunion_cse: Optional[IsoDate] = None
    # added: place where the documents are handed over (récépissé 2.2); default: employer's town
    lieu_remise: Optional[str] = None
    # added: L1222-6 proposal of the modification that was refused
    date_proposition_modification: Optional[IsoDate] = None
    # added: date of the first CSE meeting (L1233-30): the DREETS notification comes at the earliest
    # the next day (L1233-46 al. 2, R-58)
    date_premiere_reunion_cse: Optional[IsoDate] = None
    # added: PSE: validation (agreement) or homologation (unilateral document), express or implicit,
    # and the authority, so the documents name the decision
    decision_administration: Optional[DecisionAdministration] = None
    # added: seniority for the severance indemnity of an adherent: to the end of the notice not worked
    # (ANI 2011 art. 9, default) or at the rupture (Cass. soc. 02/12/2009 n° 08-44.656)
    lecture_anciennete_indemnite: Literal["fin_preavis", "rupture"] = "fin_preavis"


class SalarieProtege(_Strict):
    date_notification_autorisation: Optional[IsoDate] = None
    # added: the administrative authority refused the dismissal (R-51: no rupture follows)
    autorisation_refusee: bool = False


class Reponse(_Strict):
    decision: Literal["acceptation", "refus"]
    date: IsoDate


class Suivi(_Strict):
    """The journal of what actually happened (issue 10), distinct from the planned dates. Each value
    is an actual date; all optional. The journal wins over the planned keys: ``remise`` over
    ``date_remise`` (in person) or ``date_envoi_documents`` (at a distance), ``presentation_documents``
    over ``date_remise`` (at a distance), ``lettre_envoyee`` over ``date_envoi_lettre``,
    ``presentation_lettre`` over ``date_presentation_lettre``."""

    remise: Optional[IsoDate] = None  # handed over in person, or posted / sent electronically
    presentation_documents: Optional[IsoDate] = None  # remote handover: first presentation or receipt
    lettre_envoyee: Optional[IsoDate] = None  # the registered letter was posted
    presentation_lettre: Optional[IsoDate] = None  # its first presentation
    bulletin_transmis: Optional[IsoDate] = None  # slip + ID copy sent to France Travail (art. 5 § 2)
    dossier_transmis: Optional[IsoDate] = None  # attestation, ASP application, carte Vitale copy (art. 5 § 2)
    contribution_payee: Optional[IsoDate] = None  # employer contribution paid
    # added: certificat de travail, attestation and solde de tout compte handed (L1234-19, L1234-20)
    documents_fin_contrat: Optional[IsoDate] = None
    # added: the DREETS informed of the dismissals (L1233-19, D1233-3)
    dreets_informee: Optional[IsoDate] = None
    # added: the follow-up documents handed over or posted (art. 4 § 1): the letter confirming a
    # remote handover, the notice of a protected employee's new expiry date
    confirmation_envoyee: Optional[IsoDate] = None
    nouvelle_echeance_remise: Optional[IsoDate] = None


class Salarie(_Strict):
    matricule: str = Field(min_length=1)
    civilite: Literal["Madame", "Monsieur"]
    prenom: str = Field(min_length=1)
    nom: str = Field(min_length=1)
    adresse: Adresse
    lieu_travail: Optional[LieuTravail] = None
    date_entree: IsoDate
    emploi: str = Field(min_length=1)
    cadre: bool = False
    # a salary is strictly positive (a zero salary gives no notice, no indemnity, no contribution)
    salaire_brut_mensuel: Optional[Decimal] = Field(default=None, gt=0)
    salaires_12_derniers_mois: Optional[list[Decimal]] = Field(default=None, min_length=1, max_length=12)
    primes_annuelles_3_derniers_mois: Decimal = Field(default=Decimal("0"), ge=0)
    mois_non_comptes_anciennete: Decimal = Field(default=Decimal("0"), ge=0)
    travailleur_handicape: bool = False
    preavis_mois: Optional[Decimal] = Field(default=None, ge=0)
    indemnite_conventionnelle: Optional[Decimal] = Field(default=None, ge=0)
    taux_charges_patronales: Optional[Decimal] = Field(default=None, ge=0, le=2)
    salarie_protege: Optional[SalarieProtege] = None
    fin_protection_maternite: Optional[IsoDate] = None
    date_entretien_prealable: Optional[IsoDate] = None
    date_convocation: Optional[IsoDate] = None
    date_remise: Optional[IsoDate] = None
    mode_remise: Literal["main_propre", "lrar", "electronique"] = "main_propre"
    date_envoi_lettre: Optional[IsoDate] = None
    # added: posting date of the CSP documents when they are sent by LRAR or electronically
    date_envoi_documents: Optional[IsoDate] = None
    # added: first presentation of the dismissal letter, when known (R-41: seniority threshold)
    date_presentation_lettre: Optional[IsoDate] = None
    salaire_journalier_reference: Optional[Decimal] = Field(default=None, ge=0)
    reponse: Optional[Reponse] = None
    # added: per-employee zone override (default derived from lieu_travail, else the employer)
    zone: Optional[Zone] = None
    # added: L1225-4 al. 1: within the 10 weeks after the maternity protection, the letter must state
    # why the contract cannot be maintained, for a reason unrelated to pregnancy or childbirth
    impossibilite_maintien_contrat: Optional[str] = Field(default=None, min_length=1)
    # added: L1234-5: gross monthly pay the employee would have received during the notice
    salaire_preavis_mensuel: Optional[Decimal] = Field(default=None, gt=0)
    # added: average monthly variable pay not included in salaire_brut_mensuel (commissions...)
    remuneration_variable_mensuelle: Optional[Decimal] = Field(default=None, ge=0)
    # added (issue 10): the journal of what happened
    suivi: Optional[Suivi] = None

    @field_validator("salaires_12_derniers_mois")
    @classmethod
    def _positive(cls, v: Optional[list[Decimal]]) -> Optional[list[Decimal]]:
        if v is not None and any(x <= 0 for x in v):
            raise ValueError("les salaires doivent être strictement positifs (R-59)")
        return v


class Dossier(_Strict):
    """A whole case file. ``salaries`` is filled from ``salaries_csv`` by the loader."""

    employeur: Employeur
    procedure: Procedure
    salaries: list[Salarie] = Field(min_length=1)
    salaries_csv: Optional[str] = None
    # added: also write PDF files (issue 5)
    pdf: bool = False
