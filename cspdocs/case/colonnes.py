"""The columns of the employees' spreadsheet (CSV or XLSX), derived from the employee model.

Every leaf key of ``Salarie`` (nested keys joined with ``.``) is a column, so a key added to the
model is read at once; ``tests/case/test_tableur_colonnes.py`` fails until it also has a French header
here. A column is recognised by its key (``adresse.code_postal``), its French header
(« Code postal ») or one of its aliases, compared without case, accents, punctuation or the small
words (« de », « d' », « la »…): « Date d'entrée », « DATE ENTREE » and ``date_entree`` match.
Choices (``Literal`` keys) accept their value or one of their French labels
(« Remise en main propre » for ``main_propre``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Optional, get_args, get_origin

from . import schema
from .fields import BOOL, DATE, DECIMAL, INT, LIST, MODEL, _strip, model_at, salarie_columns

# key -> (French header, aliases). Keys of the journal (issue 10) are listed ahead of the model.
ENTETES: dict[str, tuple[str, tuple[str, ...]]] = {
    "matricule": ("Matricule", ("N° matricule", "Numéro de matricule", "Identifiant")),
    "civilite": ("Civilité", ("Titre",)),
    "prenom": ("Prénom", ()),
    "nom": ("Nom", ("Nom de famille", "Nom d'usage")),
    "adresse.rue": ("Adresse", ("Rue", "Numéro et voie", "Adresse rue", "Voie")),
    "adresse.complement": ("Complément d'adresse", ("Complément",)),
    "adresse.code_postal": ("Code postal", ("CP",)),
    "adresse.ville": ("Ville", ("Commune", "Localité")),
    "lieu_travail.code_postal": ("Code postal du lieu de travail", ("CP lieu de travail",)),
    "lieu_travail.ville": ("Ville du lieu de travail", ("Commune du lieu de travail",)),
    "date_entree": ("Date d'entrée", ("Date d'embauche", "Entrée", "Date entrée entreprise")),
    "emploi": ("Emploi", ("Poste", "Fonction", "Intitulé du poste", "Emploi occupé")),
    "cadre": ("Cadre", ("Statut cadre",)),
    "salaire_brut_mensuel": ("Salaire brut mensuel", ("Salaire brut", "Salaire mensuel brut", "Salaire")),
    "salaires_12_derniers_mois": ("Salaires des 12 derniers mois", ("12 derniers salaires",)),
    "primes_annuelles_3_derniers_mois": ("Primes annuelles des 3 derniers mois", ("Primes annuelles",)),
    "mois_non_comptes_anciennete": ("Mois non comptés dans l'ancienneté", ()),
    "travailleur_handicape": ("Travailleur handicapé", ("RQTH",)),
    "preavis_mois": ("Préavis en mois", ("Préavis", "Durée du préavis")),
    "indemnite_conventionnelle": ("Indemnité conventionnelle", ("Indemnité conventionnelle de licenciement",)),
    "taux_charges_patronales": ("Taux de charges patronales", ("Charges patronales",)),
    "salarie_protege": ("Salarié protégé", ("Protégé",)),
    "salarie_protege.date_notification_autorisation": (
        "Date de notification de l'autorisation", ("Notification de l'autorisation",)),
    "salarie_protege.autorisation_refusee": ("Autorisation refusée", ()),
    "fin_protection_maternite": ("Fin de la protection maternité", ("Fin de protection maternité",)),
    "date_entretien_prealable": ("Date de l'entretien préalable", ("Entretien préalable",)),
    "date_convocation": ("Date de présentation de la convocation", ("Convocation", "Date de convocation")),
    "date_remise": ("Date de remise des documents", ("Date de remise",)),
    "mode_remise": ("Mode de remise", ("Mode de remise des documents",)),
    "date_envoi_lettre": ("Date d'envoi de la lettre", ("Envoi de la lettre",)),
    "date_envoi_documents": ("Date d'envoi des documents", ("Envoi des documents",)),
    "date_presentation_lettre": ("Date de présentation de la lettre", ("Présentation de la lettre",)),
    "salaire_journalier_reference": ("Salaire journalier de référence", ("SJR",)),
    "reponse.decision": ("Réponse", ("Réponse du salarié", "Décision")),
    "reponse.date": ("Date de la réponse", ("Date réponse",)),
    "zone": ("Zone des jours fériés", ("Zone",)),
    # legal review of 2026 (issue 8)
    "impossibilite_maintien_contrat": ("Motif d'impossibilité de maintenir le contrat", ("Impossibilité de maintien du contrat",)),
    "salaire_preavis_mensuel": ("Salaire mensuel du préavis", ("Rémunération du préavis",)),
    "remuneration_variable_mensuelle": ("Rémunération variable mensuelle", ("Part variable mensuelle",)),
    # journal of what happened (issue 10), read as soon as the model has it
    "suivi.remise": ("Remise effectuée le", ("Documents remis le",)),
    "suivi.presentation_documents": ("Documents présentés le", ("Présentation des documents le",)),
    "suivi.lettre_envoyee": ("Lettre envoyée le", ()),
    "suivi.presentation_lettre": ("Lettre présentée le", ()),
    "suivi.bulletin_transmis": ("Bulletin transmis le", ("Bulletin transmis à France Travail le",)),
    "suivi.dossier_transmis": ("Dossier transmis le", ("Dossier transmis à France Travail le",)),
    "suivi.contribution_payee": ("Contribution payée le", ()),
    "suivi.documents_fin_contrat": ("Documents de fin de contrat remis le",
                                    ("Certificat de travail et solde de tout compte remis le",)),
    "suivi.dreets_informee": ("DREETS informée le", ()),
    "suivi.confirmation_envoyee": ("Confirmation de remise envoyée le", ()),
    "suivi.nouvelle_echeance_remise": ("Avis de nouvelle échéance remis le", ()),
}

# Literal value -> (French label shown in lists, other accepted spellings)
LIBELLES: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "civilite": {"Madame": ("Madame", ("Mme", "Mme.")), "Monsieur": ("Monsieur", ("M.", "M", "Mr", "Mr."))},
    "mode_remise": {
        "main_propre": ("Remise en main propre", ("En main propre", "Main propre", "Remise en mains propres")),
        "lrar": ("Lettre recommandée avec accusé de réception",
                 ("Lettre recommandée", "LRAR", "LRAR", "Recommandé", "Recommandé avec AR", "RAR")),
        "electronique": ("Voie électronique", ("Électronique", "Courriel", "E-mail", "Email")),
    },
    "reponse.decision": {
        "acceptation": ("Acceptation", ("Accepté", "Acceptée", "Accepte", "Adhésion")),
        "refus": ("Refus", ("Refusé", "Refusée", "Refuse")),
    },
    "zone": {
        "metropole": ("Métropole", ("France métropolitaine",)),
        "alsace-moselle": ("Alsace-Moselle", ("Alsace", "Moselle")),
        "mayotte": ("Mayotte", ()),
        "reunion": ("La Réunion", ("Réunion",)),
        "guadeloupe": ("Guadeloupe", ()),
        "martinique": ("Martinique", ()),
        "guyane": ("Guyane", ()),
        "saint-martin": ("Saint-Martin", ()),
        "saint-barthelemy": ("Saint-Barthélemy", ()),
        "saint-pierre-et-miquelon": ("Saint-Pierre-et-Miquelon", ()),
    },
}

_SMALL_WORDS = {"de", "du", "des", "d", "l", "la", "le", "les", "en", "au", "aux", "a", "et", "par", "le"}


def normalise(text: str) -> str:
    """« Date d'entrée » -> "date entree"; ``date_entree`` -> "date entree"."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = re.split(r"[^0-9a-z]+", plain)
    return " ".join(w for w in words if w and w not in _SMALL_WORDS)


@dataclass(frozen=True)
class Colonne:
    cle: str  # key path, e.g. "adresse.code_postal"
    genre: str  # kind from fields.py: str, date, decimal, int, bool, model (yes/no group), list
    entete: str  # French header written in the blank workbook
    alias: tuple[str, ...]
    aide: str  # what the column expects (header comment, --colonnes)
    obligatoire: bool  # required whenever the row is an employee
    choix: tuple[tuple[str, str], ...] = ()  # (value, French label) of a Literal key

    def libelle(self, valeur: str) -> str:
        return dict(self.choix).get(valeur, valeur)


def _literal_values(key: str) -> tuple[str, ...]:
    *parents, last = key.split(".")
    model = model_at(("salaries", 0, *parents))
    info = model.model_fields[last] if model is not None else None
    annotation = _strip(info.annotation) if info is not None else None
    if annotation is not None and get_origin(annotation) is Literal:
        return tuple(str(v) for v in get_args(annotation))
    return ()


def _required(key: str) -> bool:
    """Required in every employee: the key and all its parents are required fields."""
    parts = key.split(".")
    for depth in range(len(parts)):
        model = model_at(("salaries", 0, *parts[:depth]))
        if model is None or not model.model_fields[parts[depth]].is_required():
            return False
    return True


# Decimal columns that are not amounts in euros: their hint and their number format in the blank workbook
NON_MONETAIRES = {
    "mois_non_comptes_anciennete": ("nombre de mois, par ex. 3 ou 1,5", "0.##"),
    "preavis_mois": ("nombre de mois, par ex. 3", "0.##"),
    "taux_charges_patronales": ("taux décimal, par ex. 0,42 (affiché 42 % dans le classeur)", "0.00%"),
}


def _help(key: str, kind: str, choices: tuple[tuple[str, str], ...]) -> str:
    *parents, last = key.split(".")
    model = model_at(("salaries", 0, *parents))
    text = schema._FIELDS.get(model.__name__ if model else "", {}).get(last, "")
    if parents and not text:
        text = schema._FIELDS.get("Salarie", {}).get(parents[0], "")
    what = {
        DATE: "date JJ/MM/AAAA",
        DECIMAL: "nombre, par ex. 3 781,48 €",
        INT: "nombre entier",
        BOOL: "Oui ou Non",
        MODEL: "Oui ou Non",
        LIST: "montants séparés par « | », du plus ancien au plus récent",
    }.get(kind)
    if key in NON_MONETAIRES:
        what = NON_MONETAIRES[key][0]
    if choices:
        what = "une valeur de la liste : " + ", ".join(f"« {label} »" for _, label in choices)
    return "; ".join(t for t in (text, what) if t) if text else (what or "texte")


def _fallback_header(key: str) -> str:
    """Header of a key that has none in ENTETES yet (read all the same; a test asks for one)."""
    return key.replace(".", " ").replace("_", " ").capitalize()


@lru_cache(maxsize=1)
def colonnes() -> tuple[Colonne, ...]:
    """Every column an employee's row may have, in the model's order."""
    out = []
    for key, kind in salarie_columns().items():
        if kind == MODEL:
            # a group is a column of its own only as a yes/no cell named in ENTETES (salarie_protege:
            # "Oui" = a protected employee, even with no other of its columns filled); other groups
            # (adresse, reponse, suivi…) are read through their keys' columns
            model = model_at(("salaries", 0) + tuple(key.split(".")))
            if key not in ENTETES or model is None or any(f.is_required() for f in model.model_fields.values()):
                continue
        values = _literal_values(key) if kind not in (MODEL, LIST) else ()
        labels = LIBELLES.get(key, {})
        choices = tuple((v, labels.get(v, (v, ()))[0]) for v in values)
        header, aliases = ENTETES.get(key, (_fallback_header(key), ()))
        out.append(Colonne(key, kind, header, aliases, _help(key, kind, choices), _required(key), choices))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Colonne]:
    names: dict[str, Colonne] = {}
    for colonne in colonnes():
        for name in (colonne.cle, colonne.entete, *colonne.alias):
            names.setdefault(normalise(name), colonne)
    return names


def colonne_nommee(entete: str) -> Optional[Colonne]:
    """The column a header written by a person designates, or None."""
    return _by_name().get(normalise(entete))


def par_cle(cle: str) -> Optional[Colonne]:
    return next((c for c in colonnes() if c.cle == cle), None)


@lru_cache(maxsize=None)
def _choices_of(cle: str) -> dict[str, str]:
    colonne = par_cle(cle)
    found: dict[str, str] = {}
    if colonne is None:
        return found
    labels = LIBELLES.get(cle, {})
    for value, label in colonne.choix:
        for spelling in (value, label, *labels.get(value, ("", ()))[1]):
            if spelling:
                found.setdefault(normalise(spelling), value)
    return found


def choix_lu(cle: str, texte: str) -> Optional[str]:
    """The value of a choice column written as its value or one of its labels, else None."""
    return _choices_of(cle).get(normalise(texte))
