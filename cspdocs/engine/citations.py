"""Facts as data: the rule code each computed fact applies and the source ids (sources.yaml) its
citations name. The explanations keep their French citations; the JSON and the template context
add ``regle`` and ``source_ids`` so that every fact is explained by the installed package
(``cspdocs regles CODE``, docs/regles.md)."""

from __future__ import annotations

import re
from functools import lru_cache

# The rule of each fact the engine explains (regles.yaml).
FACT_RULES = {
    "operateur": "R-06",
    "dates.remise": "R-10", "dates.envoi_documents": "R-14", "dates.entretien_prealable": "R-10",
    "dates.derniere_reunion_cse": "R-11", "dates.decision_administration": "R-12",
    "dates.remise_au_plus_tard_maternite": "R-62", "dates.fin_protection_relative_maternite": "R-61",
    "dates.debut_delai_reflexion": "R-15", "dates.fin_delai_reflexion_21_jours": "R-15",
    "dates.fin_delai_reflexion": "R-15", "dates.fin_delai_reflexion_lecture_stricte": "A2",
    "dates.notification_autorisation": "R-51",
    "dates.envoi_lettre_au_plus_tot": "R-22", "dates.fin_delai_envoi_lettre": "R-22", "dates.envoi_lettre": "R-27",
    "lettre.variante": "R-27", "dates.ordonnance_juge_commissaire": "R-63", "dates.limite_garantie_ags": "R-54",
    "dates.rupture_si_acceptation": "R-37", "dates.debut_csp": "R-37", "dates.fin_csp": "R-38",
    "dates.fin_10e_mois_csp": "R-47", "dates.fin_priorite_reembauche": "R-32",
    "dates.echeance_contribution_employeur": "R-43", "dates.enonce_motif": "R-31",
    "dates.anciennete_appreciee_le": "R-65", "dates.fin_preavis": "R-45",
    # issue 10: the follow-up documents (engine/timeline.py)
    "dates.confirmation_remise": "R-79", "dates.notification_nouvelle_echeance": "R-80",
    # review finding 9: the end of the notice after a refusal the case records (engine/refusal_dates.py)
    "dates.fin_preavis_refus": "R-46",
    "montants.anciennete_annees": "R-45", "montants.anciennete_mois_fin_preavis": "R-45",
    "montants.anciennete_mois_rupture": "R-45", "montants.salaire_reference": "R-45",
    "montants.salaire_moyen_12_mois": "R-45", "montants.salaire_moyen_3_mois": "R-45",
    "montants.salaire_mensuel_preavis": "R-66", "montants.preavis_mois": "R-46",
    "montants.indemnite_preavis": "R-42", "montants.contribution_employeur": "R-42",
    "montants.contribution_employeur_charges_comprises": "R-42", "montants.excedent_preavis_salarie": "R-42",
    "montants.indemnite_legale_licenciement": "R-45", "montants.indemnite_legale_a_la_rupture": "R-67",
    "montants.indemnite_legale_fin_preavis": "R-45", "montants.lecture_anciennete_indemnite": "R-67",
    "montants.indemnite_licenciement_due": "R-45", "montants.penalite_defaut_proposition": "R-44",
    "montants.asp_journaliere": "R-41",
}

_PATTERNS = (
    (re.compile(r"C\. trav\. art\. ([LRD]\d{4}-\d+(?:-\d+)?)"), lambda m: f"ct-{m.group(1)}"),
    (re.compile(r"C\. com\. art\. (L\d{3}-\d+)"), lambda m: f"ccom-{m.group(1)}"),
    (re.compile(r"Cass\. soc\..*n° (\d{2}-\d{2}\.\d{3})"), lambda m: f"cass-soc-{m.group(1)}"),
    (re.compile(r"Convention du 26 janvier 2015"), lambda m: "convention-2015"),
    (re.compile(r"Convention du 19 juillet 2011|convention du 19 juillet 2011"), lambda m: "convention-2011"),
    (re.compile(r"Convention du 17 juillet 2018"), lambda m: "convention-mayotte-2018"),
    (re.compile(r"ANI du 31 mai 2011"), lambda m: "ani-2011"),
    (re.compile(r"[Dd]écret n° (\d{4}-\d+)"), lambda m: f"decret-{m.group(1)}"),
    (re.compile(r"[Ll]oi n° (\d{4}-\d+)"), lambda m: f"loi-{m.group(1)}"),
    (re.compile(r"[Oo]rdonnance n° (\d{4}-\d+)"), lambda m: f"ordonnance-{m.group(1)}"),
    (re.compile(r"Guide (?:de l')?employeur|Guide de l'employeur"), lambda m: "guide-employeur"),
    (re.compile(r"Code de procédure civile, art\. 641"), lambda m: "cpc-641"),
    (re.compile(r"^Avenant"), lambda m: "avenants-2015"),
    (re.compile(r"^Arrêté du 16 avril 2015"), lambda m: "convention-2015"),
    (re.compile(r"^Convention collective applicable$"), lambda m: "convention-collective"),
)


@lru_cache(maxsize=1024)
def source_ids(citation: str) -> tuple[str, ...]:
    """The ids of sources.yaml a French citation names, in order, once each; empty for « Dossier » (a value
    declared in the case, not a legal source)."""
    found: list[str] = []
    for pattern, make in _PATTERNS:
        for m in pattern.finditer(citation):
            found.append(make(m))
    return tuple(dict.fromkeys(found))


def fact_source_ids(citations: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(i for c in citations for i in source_ids(c)))


def fact_rule(fait: str) -> str:
    return FACT_RULES[fait]
