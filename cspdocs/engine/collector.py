"""The per-employee accumulator of the law modules: values, explanations, warnings, blocking findings.

Every law module records what it decides here, in the order the thin compute calls it: the order of
the explanations and warnings is part of the public contract.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from .facts import Explanation, Fact
from .findings import Finding


class Collector:
    """Accumulates values, explanations and warnings for one employee."""

    def __init__(self) -> None:
        self.dates: dict[str, Optional[date]] = {}
        self.montants: dict[str, Any] = {}
        self.explications: list[Explanation] = []
        self.constats: list[Finding] = []  # warnings and blocking findings, in the order found
        self._seen: set[str] = set()
        # recomputes the last day of the letter's délai on another calendar (A8)
        self.letter_delay_on: Optional[Any] = None
        self.reflection_days = 0  # dated parameter duree_delai_reflexion_jours, at the handover
        self.one_year_months = 0  # dated parameter anciennete_un_an_mois, at the engagement

    def block(self, code: str, loc: tuple, message: str) -> None:
        self.constats.append(Finding(loc, message, bloquant=True, code=code))

    def date(self, key: str, fact: Fact) -> Optional[date]:
        self.dates[key] = fact.valeur
        self.explications.append(Explanation(f"dates.{key}", fact.valeur, fact.raisonnement, fact.sources, fact.termes))
        return fact.valeur

    def redate(self, key: str, fact: Fact) -> Optional[date]:
        """Replace a date already recorded (one explanation per fact)."""
        self.explications = [e for e in self.explications if e.fait != f"dates.{key}"]
        return self.date(key, fact)

    def unknown_date(self, key: str, why: str, sources: tuple[str, ...]) -> None:
        self.date(key, Fact(None, why, sources))

    def amount(self, key: str, fact: Fact) -> Any:
        self.montants[key] = fact.valeur
        self.explications.append(Explanation(f"montants.{key}", fact.valeur, fact.raisonnement, fact.sources, fact.termes))
        return fact.valeur

    def warn(self, code: str, message: str, sources: tuple[str, ...] = ()) -> None:
        finding = Finding((), message, bloquant=False, code=code, sources=sources)
        if finding.text not in self._seen:
            self._seen.add(finding.text)
            self.constats.append(finding)

    @property
    def avertissements(self) -> tuple[str, ...]:
        return tuple(f.text for f in self.constats if not f.bloquant)

    @property
    def blocages(self) -> tuple[tuple[tuple, str], ...]:
        return tuple((f.loc, f.message) for f in self.constats if f.bloquant)


def amend_explanation(c: Collector, fait: str, value: Any, more: str, sources: tuple[str, ...]) -> None:
    """Complete a fact's explanation with a further bound (one explanation per fact)."""
    for i, e in enumerate(c.explications):
        if e.fait == fait:
            c.explications[i] = Explanation(fait, value, e.raisonnement + more, e.sources + tuple(x for x in sources if x not in e.sources))
            return
    c.explications.append(Explanation(fait, value, more.strip(), sources))


DERIVED = {
    "dates.fin_preavis": ("Fin du préavis qu'aurait effectué le salarié, comptée à partir de la rupture : base de l'ancienneté retenue pour l'indemnité de licenciement.", ("ANI du 31 mai 2011, art. 9", "C. trav. art. L1234-1")),
    "dates.fin_delai_envoi_lettre": ("Dernier jour du délai pendant lequel la lettre ne peut pas encore être expédiée : elle peut l'être au plus tôt le lendemain (date d'envoi au plus tôt).", ("C. trav. art. L1233-15", "C. trav. art. L1233-39", "C. trav. art. R1231-1")),
    "dates.envoi_documents": ("Date d'envoi des documents du CSP par lettre recommandée ou voie électronique, déclarée dans le dossier ; le délai court du lendemain de leur première présentation.", ("Guide employeur du CSP (étape 4)",)),
    "dates.entretien_prealable": ("Date de l'entretien préalable déclarée dans le dossier.", ("C. trav. art. L1233-11",)),
    "dates.derniere_reunion_cse": ("Date de la dernière réunion du CSE déclarée dans le dossier.", ("C. trav. art. L1233-30",)),
    "dates.decision_administration": ("Date de notification ou d'acquisition de la décision administrative déclarée dans le dossier.", ("C. trav. art. L1233-57-4",)),
    "dates.ordonnance_juge_commissaire": ("Date de l'ordonnance du juge-commissaire autorisant les licenciements, déclarée dans le dossier.", ("C. com. art. L631-17",)),
    "dates.notification_autorisation": ("Date de notification à l'employeur de l'autorisation de licenciement déclarée dans le dossier.", ("C. trav. art. L2421-3",)),
    "dates.fin_delai_reflexion_lecture_stricte": ("Fin du délai de réflexion selon la lecture stricte (lendemain de la notification sans prorogation), non retenue (A2).", ("Convention du 26 janvier 2015, art. 4 § 1 al. 3",)),
    "montants.anciennete_mois_fin_preavis": ("Mois complets d'ancienneté à la fin du préavis non exécuté (base de l'ancienneté en années retenue pour l'indemnité).", ("C. trav. art. R1234-1", "ANI du 31 mai 2011, art. 9")),
    "montants.anciennete_mois_rupture": ("Mois complets d'ancienneté à la date de rupture.", ("C. trav. art. R1234-1",)),
    "montants.salaire_moyen_12_mois": ("Moyenne mensuelle des 12 derniers mois (l'une des deux bases comparées pour le salaire de référence).", ("C. trav. art. R1234-4",)),
    "montants.salaire_moyen_3_mois": ("Tiers des 3 derniers mois (l'une des deux bases comparées pour le salaire de référence).", ("C. trav. art. R1234-4",)),
    "montants.indemnite_legale_a_la_rupture": ("Indemnité légale calculée sur l'ancienneté à la date de rupture (comparée à l'indemnité de licenciement retenue selon la lecture de l'ancienneté).", ("C. trav. art. R1234-2", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
    "montants.indemnite_legale_fin_preavis": ("Indemnité légale calculée sur l'ancienneté à la fin du préavis non exécuté (comparée à l'indemnité de licenciement retenue selon la lecture de l'ancienneté).", ("C. trav. art. R1234-2", "ANI du 31 mai 2011, art. 9")),
    "montants.lecture_anciennete_indemnite": ("Lecture retenue pour l'ancienneté de l'indemnité de licenciement (procedure.lecture_anciennete_indemnite) : fin_preavis (ANI 2011, art. 9, par défaut) ou rupture (Cass. soc. 2 décembre 2009).", ("ANI du 31 mai 2011, art. 9", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
}


def explain_remaining(c: Collector) -> None:
    """Every output value carries an explanation: derived and declared values get theirs here."""
    explained = {e.fait for e in c.explications}
    for group, values in (("dates", c.dates), ("montants", c.montants)):
        for key, value in values.items():
            fait = f"{group}.{key}"
            if fait not in explained:
                text, sources = DERIVED[fait]
                c.explications.append(Explanation(fait, value, text, sources))
