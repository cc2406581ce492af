"""`synthese.xlsx` and `synthese.csv`: one row per employee, for the HR team's spreadsheet.

Columns: identity, handover mode, recorded answer, the state and the next action as of the date
(the engine's follow-up), every date the engine computed, letter variant, amounts, warnings by rule
code, mention check status, links to the documents. The workbook (synthese_xlsx.py) adds a frozen
header with filters, French date and euro formats, a totals row, a sheet of the actions and
deadlines by due date and a sheet of the warnings. The CSV (UTF-8 with BOM, ``;``, decimal comma)
has the same columns, without totals. Every text cell goes through ``cellule_sure`` (formula
injection). Values are the engine's: nothing is computed here but counts and sums.

Rows are produced one employee at a time (``Table.ligne``) and written at once: neither file is
ever held whole in memory.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any, BinaryIO, Optional

from ..case.colonnes import par_cle
from ..engine.compute import CONTRACT_AMOUNT_KEYS, CONTRACT_DATE_KEYS
from ..engine.facts import CaseResult, EmployeeResult
from ..engine.findings import Finding
from ..formats import cli_date, plain_decimal
from ..report import _AMOUNT_LABELS, _DATE_LABELS
from .classeur import cellule_sure
from .echeances import Fiche, fiches

DATE_LABELS = dict(_DATE_LABELS) | {
    "derniere_reunion_cse": "Dernière réunion du CSE",
    "enonce_motif": "Énoncé du motif",
    "fin_delai_reflexion_21_jours": "Fin des 21 jours",
    "fin_preavis": "Fin du préavis (théorique)",
    "decision_administration": "Décision administrative (PSE)",
    "entretien_prealable": "Entretien préalable",
    "envoi_documents": "Envoi des documents",
    "fin_delai_reflexion_lecture_stricte": "Fin du délai (lecture stricte)",
    "notification_autorisation": "Notification de l'autorisation",
    "anciennete_appreciee_le": "Ancienneté appréciée le",
}
AMOUNT_LABELS = dict(_AMOUNT_LABELS) | {
    "anciennete_annees": "Ancienneté (années)",
    "preavis_mois": "Préavis (mois)",
}
NOT_MONEY = {"anciennete_annees", "preavis_mois"}
NOT_SUMMED = NOT_MONEY | {"salaire_reference", "asp_journaliere"}  # a total of these means nothing
VARIANTES = {
    "conservatoire": "Conservatoire (pendant le délai)",
    "apres_acceptation": "Après acceptation",
    "licenciement": "Licenciement",
}
REPONSES = {"acceptation": "Acceptation", "refus": "Refus"}
SANS_REPONSE = "sans réponse enregistrée"
# answers counted as engine/actions.case_follow_up counts them (a test keeps the two equal)
REPONSES_TOTAUX = {"acceptation": "acceptation(s)", "refus": "refus", "sans_reponse": "sans réponse (refus)",
                   "en_attente": "en attente"}
FORMAT_DATE = "DD/MM/YYYY"
FORMAT_EURO = '#,##0.00\\ "€"'


@dataclass
class Colonne:
    titre: str
    genre: str  # "texte" | "date" | "euro" | "nombre" | "lien"
    total: bool = False
    largeur: int = 0  # in the workbook; 0: by kind


@dataclass
class Suivi:
    """What generate knows beyond the engine: documents written and their mention check."""

    documents: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # matricule -> (label, path)
    mentions: dict[str, str] = field(default_factory=dict)  # matricule -> status
    mentions_defaut: str = "non vérifiées (documents non générés par cette commande)"
    notes: dict[str, tuple[Finding, ...]] = field(default_factory=dict)  # matricule -> extra findings


def answer_kind(f: Fiche) -> str:
    """The employee's answer as ``case_follow_up`` counts it, as of the fiche's date."""
    rep = f.rs.employee.reponse
    if rep is not None and rep.date <= f.au:
        return rep.decision
    return "sans_reponse" if f.suivi["etat"] in ("expire_sans_reponse", "lettre_envoyee") else "en_attente"


def answers_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(k, 0)} {label}" for k, label in REPONSES_TOTAUX.items())


# Not shown: « fin_delai_envoi_lettre » is the last day BEFORE which the letter may not be posted; any
# HR reader would take a « date limite d'envoi » for a deadline. « Envoi de la lettre au plus tôt »
# (the first lawful day) says the same thing the right way round.
HIDDEN_DATES = {"fin_delai_envoi_lettre"}


def _date_keys(resultat: CaseResult) -> list[str]:
    extra = sorted({k for rs in resultat.employees for k in rs.dates} - set(CONTRACT_DATE_KEYS))
    return [k for k in list(CONTRACT_DATE_KEYS) + extra if k not in HIDDEN_DATES]


def _amount_columns() -> list[tuple[str, str, Optional[str]]]:
    out = []
    for key in CONTRACT_AMOUNT_KEYS:
        if key == "penalite_defaut_proposition":
            out.append((key, "Pénalité si CSP non proposé (refus)", "refus"))
            out.append((key, "Pénalité si CSP non proposé (adhésion)", "adhesion"))
        else:
            out.append((key, AMOUNT_LABELS.get(key, key), None))
    return out


def _amount(rs: EmployeeResult, key: str, part: Optional[str]) -> Optional[Decimal]:
    value = rs.amounts.get(key)
    if part is not None:
        value = value.get(part) if isinstance(value, dict) else None
    return value if isinstance(value, (Decimal, int)) and not isinstance(value, bool) else None


def next_action(f: Fiche) -> tuple[str, Optional[date]]:
    a = f.prochaine()
    if a is None:
        return "", None
    return ("EN RETARD : " if a["statut"] == "en_retard" else "") + a["libelle"], a["echeance"]


class Table:
    """The summary's columns, and its rows one employee at a time."""

    def __init__(self, resultat: CaseResult, suivi: Suivi, au: date):
        self.resultat, self.suivi, self.au = resultat, suivi, au
        self.date_keys = _date_keys(resultat)
        self.amounts = _amount_columns()
        # one column per kind of document, in the order they are produced (a document not produced
        # for an employee, e.g. no receipt after a remote handover, leaves its cell empty)
        self.kinds = list(dict.fromkeys(label for docs in suivi.documents.values() for label, _ in docs))
        self.mode = par_cle("mode_remise")
        texts = (("Matricule", 12), ("Civilité", 10), ("Prénom", 14), ("Nom", 18), ("Emploi", 26),
                 ("Mode de remise", 24), ("Réponse", 22))
        columns = [Colonne(t, "texte", largeur=w) for t, w in texts]
        columns.append(Colonne("Date de la réponse", "date"))
        columns += [Colonne(f"État au {cli_date(au)}", "texte", largeur=30), Colonne("Prochaine action", "texte", largeur=72),
                    Colonne("Échéance de la prochaine action", "date"),
                    Colonne("Actions en retard", "nombre", total=True, largeur=10)]
        columns += [Colonne(DATE_LABELS.get(k, k), "date") for k in self.date_keys]
        columns.append(Colonne("Lettre recommandée", "texte", largeur=24))
        columns += [Colonne(label, "nombre" if key in NOT_MONEY else "euro", key not in NOT_SUMMED)
                    for key, label, _ in self.amounts]
        columns += [Colonne("Avertissements (règles)", "texte", largeur=20),
                    Colonne("Mentions obligatoires", "texte", largeur=24)]
        columns += [Colonne(label[:1].upper() + label[1:], "lien", largeur=30) for label in self.kinds]
        self.colonnes = columns
        self.index_reponse = [c.titre for c in columns].index("Réponse")  # where the totals row counts answers

    def fiches(self):
        return fiches(self.resultat, self.au, notes=self.suivi.notes)

    def ligne(self, f: Fiche) -> list[Any]:
        """One employee's values (dates as ``date``, amounts as ``Decimal``, links as (label, path))."""
        return self.ligne_faits(f) + self.ligne_suivi(f.rs.employee.matricule)

    def ligne_faits(self, f: Fiche) -> list[Any]:
        """The values that come from the engine's facts, up to the warnings: the same whatever the
        documents written (a worker of generate makes them with the documents, rh/lignes.py)."""
        rs = f.rs
        s = rs.employee
        action, due = next_action(f)
        row: list[Any] = [s.matricule, s.civilite, s.prenom, s.nom, s.emploi,
                          self.mode.libelle(s.mode_remise) if self.mode else s.mode_remise,
                          REPONSES[s.reponse.decision] if s.reponse else SANS_REPONSE,
                          s.reponse.date if s.reponse else None,
                          f.etat, action, due, len(f.en_retard())]
        row += [rs.dates.get(k) for k in self.date_keys]
        row.append(VARIANTES.get(rs.letter.get("variante"), "inconnue"))
        row += [_amount(rs, key, part) for key, _, part in self.amounts]
        row.append(", ".join(f.rule_codes()))
        return row

    def ligne_suivi(self, matricule: str) -> list[Any]:
        """The values that come from generate: the mention check's status, the links to the documents."""
        docs = dict(self.suivi.documents.get(matricule, []))
        return [self.suivi.mentions.get(matricule, self.suivi.mentions_defaut)] + [
            (PurePosixPath(docs[k]).name, docs[k]) if k in docs else None for k in self.kinds]


def _csv_value(c: Colonne, value: Any) -> str:
    if value is None:
        return ""
    if c.genre == "lien":
        return cellule_sure(value[1])
    if isinstance(value, date):
        return cli_date(value)
    if isinstance(value, Decimal):
        return plain_decimal(format(value, "f"))
    if isinstance(value, (int, float)):
        return plain_decimal(value)
    return cellule_sure(str(value))


class SyntheseCsv:
    """Writes synthese.csv to ``out`` (a binary file) as the employees come."""

    def __init__(self, out: BinaryIO, table: Table):
        self.colonnes = table.colonnes
        self.text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
        self.text.write("\ufeff")
        self.writer = csv.writer(self.text, delimiter=";", lineterminator="\r\n")
        self.writer.writerow([c.titre for c in self.colonnes])

    def ajouter(self, values: list[Any]) -> None:
        self.writer.writerow([_csv_value(c, v) for c, v in zip(self.colonnes, values)])

    def fermer(self) -> None:
        self.text.flush()
        self.text.detach()


def csv_bytes(resultat: CaseResult, suivi: Suivi, au: date) -> bytes:
    t = Table(resultat, suivi, au)
    out = io.BytesIO()
    writer = SyntheseCsv(out, t)
    for f in t.fiches():
        writer.ajouter(t.ligne(f))
    writer.fermer()
    return out.getvalue()
