"""The scenario matrix of ``cspdocs lint``: case models covering every condition of the mention files.

Each scenario is a small, valid case file (one employee) built as data, validated by the case
model and its cross-field checks, and computed by the real engine: the linter renders every
template for every scenario and checks its mentions. The matrix covers each procedure type
(individuel, collectif de moins de 10, collectif de 10 et plus avec et sans CSE, PSE), each
letter variant, each handover circumstance and mode, protected employees (authorisation known,
pending, refused), maternity, seniority under one year, cadre, each zone family (métropole,
Alsace-Moselle, La Réunion, Mayotte), redressement and liquidation judiciaires, each economic
cause and consequence, the operator's former name (before 2024), a group, and minimal / complete
optional data. ``coverage`` lists the mention conditions no scenario exercises.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Optional

from ..engine.case_checks import check_dossier
from ..case.model import Dossier
from ..engine.compute import compute_dossier
from ..engine.facts import CaseResult, EmployeeResult
from .facts import Faits
from .model import Catalogue, default_catalogue

EMPLOYEUR_LYON = {
    "raison_sociale": "Imprimerie Vaudrey",
    "forme_juridique": "SAS",
    "siret": "33016613300042",
    "adresse": {"rue": "48 rue de Gerland", "code_postal": "69007", "ville": "Lyon"},
    "effectif": 38,
    "signataire": {"nom": "Nathalie Girard", "qualite": "Présidente"},
}
EMPLOYEUR_STRASBOURG = {
    "raison_sociale": "Cartonnerie de l'Ill",
    "forme_juridique": "SAS",
    "siret": "72601815300015",
    "adresse": {"rue": "12 rue du Port-du-Rhin", "complement": "Zone portuaire sud",
                "code_postal": "67100", "ville": "Strasbourg"},
    "effectif": 42,
    "signataire": {"nom": "Claire Martin", "qualite": "Directrice des ressources humaines"},
}
EMPLOYEUR_PSE = {
    "raison_sociale": "Fonderies du Rhône",
    "forme_juridique": "SA",
    "adresse": {"rue": "3 quai Fillon", "code_postal": "69600", "ville": "Oullins-Pierre-Bénite"},
    "effectif": 180,
    "effectif_groupe": 640,
    "signataire": {"nom": "Hélène Roux", "qualite": "Directrice générale"},
}
EMPLOYEUR_REUNION = {
    "raison_sociale": "Transports du Port",
    "forme_juridique": "SARL",
    "adresse": {"rue": "22 rue de la Croix-Rouge", "code_postal": "97420", "ville": "Le Port"},
    "effectif": 17,
    "signataire": {"nom": "Jean-Marc Payet", "qualite": "Gérant"},
}
EMPLOYEUR_MAYOTTE = {
    "raison_sociale": "Comptoir Mahorais de Distribution",
    "forme_juridique": "SARL",
    "siret": "30824628900034",
    "adresse": {"rue": "17 rue du Commerce", "complement": "Zone industrielle de Kawéni",
                "code_postal": "97600", "ville": "Mamoudzou"},
    "effectif": 23,
    "signataire": {"nom": "Anfane Madi", "qualite": "Gérant"},
}

MOTIFS = {
    "difficultes_economiques": (
        "Baisse du chiffre d'affaires de 27 % sur les quatre derniers trimestres consécutifs par rapport à la "
        "même période de l'année précédente et résultat d'exploitation déficitaire de 310 000 € au "
        "31 décembre 2025."
    ),
    "mutations_technologiques": (
        "Remplacement des deux presses offset par une ligne d'impression numérique entièrement automatisée, "
        "mise en service le 2 mars 2026, qui ne requiert plus de conducteur."
    ),
    "sauvegarde_competitivite": (
        "Regroupement des ateliers de façonnage sur le site de Vénissieux, nécessaire pour ramener le coût "
        "de revient au niveau de celui des concurrents, dont les prix sont inférieurs de 18 % aux nôtres."
    ),
    "cessation_activite": (
        "Cessation totale et définitive de l'activité de l'entreprise prononcée par le jugement de "
        "liquidation judiciaire, sans poursuite d'activité."
    ),
}
RECLASSEMENT = (
    "Aucun poste disponible de même catégorie, de catégorie équivalente ou, avec votre accord, de catégorie "
    "inférieure n'existe dans l'entreprise."
)


def _procedure(type_: str, cause: str = "difficultes_economiques", consequence: str = "suppression",
               **extra: Any) -> dict[str, Any]:
    data = {
        "type": type_,
        "motif_economique": {"cause": cause, "faits": MOTIFS[cause], "consequence": consequence},
        "reclassement": RECLASSEMENT,
    }
    data.update(extra)
    return data


def _salarie(matricule: str = "S01", **extra: Any) -> dict[str, Any]:
    data = {
        "matricule": matricule,
        "civilite": "Madame",
        "prenom": "Lucie",
        "nom": "Perrin",
        "adresse": {"rue": "7 rue Pasteur", "code_postal": "69100", "ville": "Villeurbanne"},
        "date_entree": "2014-09-01",
        "emploi": "conductrice offset",
        "salaire_brut_mensuel": "2900.00",
    }
    data.update(extra)
    return data


@dataclass(frozen=True)
class Scenario:
    id: str
    libelle: str  # French description
    dossier: dict[str, Any]  # the case file, as data

    def model(self) -> Dossier:
        return Dossier.model_validate(self.dossier)


@dataclass(frozen=True)
class ComputedScenario:
    scenario: Scenario
    resultat: CaseResult
    salarie: EmployeeResult

    @property
    def id(self) -> str:
        return self.scenario.id

    @property
    def libelle(self) -> str:
        return self.scenario.libelle


class ScenarioInvalide(ValueError):
    pass


def _case(employeur: dict, procedure: dict, salarie: dict) -> dict[str, Any]:
    return {"employeur": copy.deepcopy(employeur), "procedure": procedure, "salaries": [salarie]}


INDIV = dict(date_entretien_prealable="2026-05-11")
CONVOC = dict(date_convocation="2026-04-30")
CSE_ALSACE = dict(cse=True, date_convocation_premiere_reunion_cse="2026-02-24", date_derniere_reunion_cse="2026-03-13",
                  date_premiere_reunion_cse="2026-03-02", date_notification_projet_administration="2026-03-03")
# L1225-4 al. 1: the reason the contract cannot be maintained, stated in the letter and the motive
IMPOSSIBILITE = dict(impossibilite_maintien_contrat=(
    "l'atelier de façonnage où vous travaillez ferme définitivement et tous ses postes sont supprimés"))
ORDONNANCE = {"date": "2026-05-06", "objet": "le licenciement de 4 salariés de l'atelier de façonnage"}
PSE = dict(cse=True, date_derniere_reunion_cse="2026-03-02", date_notification_projet_administration="2026-02-02",
           date_decision_administration="2026-03-18")


def scenarios() -> list[Scenario]:
    """Every scenario of the matrix (see the module docstring)."""
    s: list[Scenario] = []

    def add(id_: str, libelle: str, employeur: dict, procedure: dict, salarie: dict) -> None:
        s.append(Scenario(id_, libelle, _case(employeur, procedure, salarie)))

    lyon = EMPLOYEUR_LYON
    # -- individual dismissal, metropole -------------------------------------------------------
    add("individuel", "licenciement individuel, lettre pendant le délai de réflexion",
        lyon, _procedure("individuel", **INDIV), _salarie(**CONVOC))
    add("individuel-cadre", "licenciement individuel d'un cadre (15 jours ouvrables)",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Karim", nom="Benali", emploi="responsable de production",
                 cadre=True, salaire_brut_mensuel="4200.00"))
    add("individuel-refus", "refus exprès, lettre après le délai : lettre de licenciement (mutations technologiques, transformation)",
        lyon, _procedure("individuel", cause="mutations_technologiques", consequence="transformation", **INDIV),
        _salarie(**CONVOC, reponse={"decision": "refus", "date": "2026-05-15"}, date_envoi_lettre="2026-06-03"))
    add("individuel-refus-pendant-delai", "refus exprès, lettre pendant le délai : le rappel du délai est maintenu",
        lyon, _procedure("individuel", **INDIV), _salarie(**CONVOC, reponse={"decision": "refus", "date": "2026-05-15"}))
    add("individuel-hors-delai", "lettre après l'expiration du délai, sans réponse (compétitivité, modification refusée)",
        lyon, _procedure("individuel", cause="sauvegarde_competitivite", consequence="modification_refusee",
                         date_proposition_modification="2026-03-02", **INDIV),
        _salarie(**CONVOC, date_envoi_lettre="2026-06-10"))
    add("individuel-acceptation", "acceptation du CSP avant tout envoi : lettre après adhésion",
        lyon, _procedure("individuel", **INDIV), _salarie(**CONVOC, reponse={"decision": "acceptation", "date": "2026-05-14"}))
    add("individuel-acceptation-tardive", "acceptation après l'envoi de la lettre pendant le délai",
        lyon, _procedure("individuel", **INDIV), _salarie(**CONVOC, reponse={"decision": "acceptation", "date": "2026-05-29"},
                                                          suivi={"remise": "2026-05-11", "lettre_envoyee": "2026-05-21"}))
    add("individuel-anciennete-moins-un-an", "ancienneté inférieure à un an",
        lyon, _procedure("individuel", **INDIV), _salarie(**CONVOC, date_entree="2025-09-01", salaire_brut_mensuel="2100.00"))
    add("individuel-anciennete-moins-un-an-acceptation", "ancienneté inférieure à un an, CSP accepté",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, date_entree="2025-09-01", reponse={"decision": "acceptation", "date": "2026-05-12"}))
    add("individuel-anciennete-incertaine",
        "ancienneté d'un an atteinte entre la lettre au plus tôt et la fin du délai, date d'envoi non choisie",
        lyon, _procedure("individuel", **INDIV), _salarie(**CONVOC, date_entree="2025-05-25"))
    add("individuel-maternite", "salariée de retour de congé de maternité (protection terminée)",
        lyon, _procedure("individuel", **INDIV), _salarie(**CONVOC, fin_protection_maternite="2026-03-20", **IMPOSSIBILITE))
    add("individuel-lrar", "documents adressés par lettre recommandée, postés la veille de leur présentation",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, mode_remise="lrar", date_envoi_documents="2026-05-12", date_remise="2026-05-13"))
    add("individuel-lrar-maternite", "salariée de retour de congé de maternité, documents adressés par lettre recommandée",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, mode_remise="lrar", date_envoi_documents="2026-05-12", date_remise="2026-05-13",
                 fin_protection_maternite="2026-03-20", **IMPOSSIBILITE))
    add("individuel-electronique", "documents transmis par voie électronique (reçus le jour de l'envoi)",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, mode_remise="electronique", date_envoi_documents="2026-05-12", date_remise="2026-05-12"))
    add("individuel-lrar-protege", "salarié protégé, documents adressés par lettre recommandée, autorisation notifiée ensuite",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Marc", nom="Vidal", emploi="technicien", mode_remise="lrar",
                 date_envoi_documents="2026-05-12", date_remise="2026-05-13",
                 salarie_protege={"date_notification_autorisation": "2026-05-27"}))
    # issue 10: the follow-up documents (confirmation of a remote handover, protected employee's notice)
    add("individuel-lrar-presentee", "documents adressés par lettre recommandée, première présentation enregistrée",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, mode_remise="lrar", date_envoi_documents="2026-05-12", date_remise="2026-05-13",
                 suivi={"remise": "2026-05-12", "presentation_documents": "2026-05-14"}))
    add("individuel-electronique-recue", "documents transmis par voie électronique, réception enregistrée",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, mode_remise="electronique", date_envoi_documents="2026-05-12", date_remise="2026-05-12",
                 suivi={"remise": "2026-05-12", "presentation_documents": "2026-05-12"}))
    add("individuel-lrar-protege-presentee",
        "salarié protégé en attente de l'autorisation, documents adressés par lettre recommandée et présentés",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Marc", nom="Vidal", emploi="technicien", mode_remise="lrar",
                 date_envoi_documents="2026-05-12", date_remise="2026-05-13", salarie_protege={},
                 suivi={"remise": "2026-05-12", "presentation_documents": "2026-05-13"}))
    add("individuel-protege", "salarié protégé, autorisation notifiée",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Marc", nom="Vidal", emploi="technicien",
                 salarie_protege={"date_notification_autorisation": "2026-05-27"}))
    add("individuel-protege-remise-apres-autorisation",
        "salarié protégé, documents remis après la notification de l'autorisation (date convenue)",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Marc", nom="Vidal", emploi="technicien", date_remise="2026-05-28",
                 salarie_protege={"date_notification_autorisation": "2026-05-27"}))
    add("individuel-protege-en-attente", "salarié protégé, autorisation pas encore notifiée",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Marc", nom="Vidal", emploi="technicien", salarie_protege={}))
    add("individuel-protege-refus-autorisation", "salarié protégé, autorisation refusée",
        lyon, _procedure("individuel", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Marc", nom="Vidal", emploi="technicien",
                 salarie_protege={"autorisation_refusee": True}))
    add("individuel-donnees-minimales", "données facultatives absentes (ni forme, ni SIRET, ni complément ; 12 salaires)",
        {"raison_sociale": "Atelier Morel", "adresse": {"rue": "5 place Bellecour", "code_postal": "69002", "ville": "Lyon"},
         "effectif": 6, "signataire": {"nom": "Paul Morel", "qualite": "Gérant"}},
        _procedure("individuel", **INDIV),
        {"matricule": "7", "civilite": "Monsieur", "prenom": "Li", "nom": "Wu",
         "adresse": {"rue": "2 rue Neuve", "code_postal": "69001", "ville": "Lyon"}, "date_entree": "2020-01-06",
         "emploi": "ébéniste", "salaires_12_derniers_mois": ["2100.00"] * 11 + ["2300.00"]})
    add("individuel-donnees-completes", "toutes les données facultatives (groupe, ASP estimée, charges, travailleur handicapé)",
        {**lyon, "adresse": {**lyon["adresse"], "complement": "Bâtiment B"}, "effectif_groupe": 210},
        _procedure("individuel", date_engagement="2026-04-28", lieu_remise="Lyon 7e", **INDIV),
        _salarie(**CONVOC, adresse={"rue": "7 rue Pasteur", "complement": "Appartement 12", "code_postal": "69100",
                                    "ville": "Villeurbanne"},
                 lieu_travail={"code_postal": "69007", "ville": "Lyon"}, salaire_journalier_reference="95.40",
                 taux_charges_patronales="0.42", indemnite_conventionnelle="15000.00", travailleur_handicape=True,
                 salaire_brut_mensuel="3100.00", primes_annuelles_3_derniers_mois="900.00"))
    add("individuel-pole-emploi", "procédure de 2023 : l'opérateur s'appelle encore Pôle emploi",
        lyon, _procedure("individuel", date_entretien_prealable="2023-06-12"),
        _salarie(date_convocation="2023-06-01", date_entree="2012-03-05"))
    add("individuel-changement-operateur",
        "remise en décembre 2023 (Pôle emploi), lettre envoyée en janvier 2024 (France Travail)",
        lyon, _procedure("individuel", date_entretien_prealable="2023-12-28"),
        _salarie(date_convocation="2023-12-18", date_entree="2012-03-05"))
    add("procedure-2027", "procédure engagée en 2027 : aucune convention connue (montant de l'allocation non chiffré)",
        lyon, _procedure("individuel", date_entretien_prealable="2027-03-15"),
        _salarie(date_convocation="2027-03-04"))
    # -- collective dismissals ---------------------------------------------------------------------
    add("collectif-moins-de-10", "licenciement collectif de 2 à 9 salariés (cadre : 7 jours ouvrables)",
        lyon, _procedure("collectif_moins_de_10", **INDIV),
        _salarie(**CONVOC, civilite="Monsieur", prenom="Karim", nom="Benali", cadre=True))
    alsace = EMPLOYEUR_STRASBOURG
    strasbourg = {"adresse": {"rue": "5 rue des Orfèvres", "code_postal": "67000", "ville": "Strasbourg"}}
    add("collectif-10-cse-alsace", "10 salariés et plus avec CSE, Alsace-Moselle (Vendredi saint)",
        alsace, _procedure("collectif_10_et_plus", **CSE_ALSACE), _salarie(**strasbourg))
    add("collectif-10-cse-acceptation", "10 salariés et plus avec CSE, CSP accepté",
        alsace, _procedure("collectif_10_et_plus", **CSE_ALSACE),
        _salarie(**strasbourg, reponse={"decision": "acceptation", "date": "2026-03-20"}))
    add("collectif-10-cse-protege", "10 salariés et plus avec CSE, salarié protégé (entretien propre, autorisation notifiée)",
        alsace, _procedure("collectif_10_et_plus", **CSE_ALSACE),
        _salarie(**strasbourg, civilite="Monsieur", prenom="Lucas", nom="Meyer", date_convocation="2026-03-05",
                 date_entretien_prealable="2026-03-16", salarie_protege={"date_notification_autorisation": "2026-04-20"}))
    add("collectif-10-cse-lrar", "10 salariés et plus avec CSE, salarié absent : remise par lettre recommandée",
        alsace, _procedure("collectif_10_et_plus", **CSE_ALSACE),
        _salarie(**strasbourg, mode_remise="lrar", date_remise="2026-03-17",
                 lieu_travail={"code_postal": "68000", "ville": "Colmar"}))
    add("collectif-10-sans-cse", "10 salariés et plus sans CSE : remise à l'entretien préalable",
        alsace, _procedure("collectif_10_et_plus", cse=False, date_entretien_prealable="2026-03-16",
                           date_notification_projet_administration="2026-03-03"),
        _salarie(**strasbourg, date_convocation="2026-03-05"))
    add("pse", "plan de sauvegarde de l'emploi : remise au lendemain de la décision d'homologation nommée",
        EMPLOYEUR_PSE, _procedure("pse", decision_administration={"nature": "homologation", "autorite": "DREETS Auvergne-Rhône-Alpes"},
                                  **PSE), _salarie())
    add("pse-licenciement", "PSE, lettre envoyée après l'expiration du délai",
        EMPLOYEUR_PSE, _procedure("pse", **PSE), _salarie(date_envoi_lettre="2026-04-15"))
    add("pse-protege", "PSE, salarié protégé (entretien propre, autorisation notifiée)",
        EMPLOYEUR_PSE, _procedure("pse", **PSE),
        _salarie(civilite="Monsieur", prenom="Hugo", nom="Blanc", date_convocation="2026-03-12",
                 date_entretien_prealable="2026-03-25", salarie_protege={"date_notification_autorisation": "2026-04-22"}))
    add("redressement-judiciaire", "redressement judiciaire : lettre dès le lendemain de la remise, signée par l'administratrice judiciaire (mission de représentation)",
        {**lyon, "effectif": 64, "procedure_collective": "redressement", "date_jugement": "2026-05-04",
         "ordonnance_juge_commissaire": ORDONNANCE,
         "mandataire": {"nom": "Maître Anne Clément", "qualite": "administratrice judiciaire", "mission": "representation"}},
        _procedure("collectif_moins_de_10", **INDIV), _salarie(**CONVOC))
    add("redressement-assistance", "redressement judiciaire, administratrice chargée d'assister le dirigeant : signature conjointe",
        {**lyon, "effectif": 64, "procedure_collective": "redressement", "date_jugement": "2026-05-04",
         "ordonnance_juge_commissaire": ORDONNANCE,
         "mandataire": {"nom": "Maître Anne Clément", "qualite": "administratrice judiciaire", "mission": "assistance"}},
        _procedure("individuel", **INDIV), _salarie(**CONVOC))
    add("redressement-sans-administrateur", "redressement judiciaire sans administrateur désigné : signature du dirigeant",
        {**lyon, "effectif": 64, "procedure_collective": "redressement", "date_jugement": "2026-05-04",
         "ordonnance_juge_commissaire": ORDONNANCE},
        _procedure("individuel", **INDIV), _salarie(**CONVOC, reponse={"decision": "refus", "date": "2026-05-15"}))
    add("liquidation-judiciaire", "liquidation judiciaire, 10 salariés et plus avec CSE (cessation d'activité), signée par le liquidateur",
        {**alsace, "effectif": 30, "procedure_collective": "liquidation", "date_jugement": "2026-03-02",
         "mandataire": {"nom": "Maître Paul Roth", "qualite": "mandataire judiciaire"}},
        _procedure("collectif_10_et_plus", cause="cessation_activite", cse=True, date_derniere_reunion_cse="2026-03-10"),
        _salarie(**strasbourg))
    # -- overseas ---------------------------------------------------------------------------------
    add("outre-mer-reunion", "La Réunion (jours fériés propres : 20 décembre, abolition de l'esclavage)",
        EMPLOYEUR_REUNION, _procedure("individuel", date_entretien_prealable="2026-12-07"),
        _salarie(adresse={"rue": "4 rue Evenor-Lucas", "code_postal": "97420", "ville": "Le Port"},
                 date_convocation="2026-11-26"))
    add("outre-mer-mayotte", "Mayotte (convention propre, 27 avril férié)",
        EMPLOYEUR_MAYOTTE, _procedure("collectif_moins_de_10", cause="cessation_activite", date_entretien_prealable="2026-04-20"),
        _salarie(adresse={"rue": "5 rue Mbaraka", "code_postal": "97600", "ville": "Mamoudzou"},
                 date_convocation="2026-04-10", salaire_brut_mensuel="2250.00"))
    return s


def compute(scenario: Scenario) -> ComputedScenario:
    """Validate the scenario's case (model and cross-field checks) and compute it with the engine."""
    try:
        dossier = scenario.model()
    except Exception as exc:
        raise ScenarioInvalide(f"scénario « {scenario.id} » : dossier invalide ({exc})") from exc
    blocking = [f.message for f in check_dossier(dossier) if f.bloquant]
    if blocking:
        raise ScenarioInvalide(f"scénario « {scenario.id} » : " + " ; ".join(blocking))
    resultat = compute_dossier(dossier, f"{scenario.id}.yaml")
    return ComputedScenario(scenario, resultat, resultat.salaries[0])


@lru_cache(maxsize=1)
def computed_scenarios() -> tuple[ComputedScenario, ...]:
    return tuple(compute(s) for s in scenarios())


def coverage(catalogue: Optional[Catalogue] = None,
             computed: Optional[Iterable[ComputedScenario]] = None) -> list[str]:
    """Conditions of the mention files that no scenario makes true (French, one per gap)."""
    catalogue = catalogue or default_catalogue()
    computed = list(computed if computed is not None else computed_scenarios())
    gaps = []
    for art in catalogue.artefacts.values():
        facts = [Faits(c.resultat, c.salarie) for c in computed]
        applicable = [f for f in facts if f.holds(art.applicable)]
        if not applicable:
            gaps.append(f"{art.id} : aucun scénario où le document existe")
            continue
        for m in art.mentions:
            if m.positive and m.condition and not any(f.holds(m.condition) for f in applicable):
                gaps.append(f"{art.id}, mention {m.id} : condition jamais remplie {dict(m.condition)}")
            if m.positive and m.condition and all(f.holds(m.condition) for f in applicable):
                pass
            for c in m.cas:
                if not any(f.holds(m.condition) and f.holds(c.condition) for f in applicable):
                    gaps.append(f"{art.id}, mention {m.id} : cas jamais rencontré {dict(c.condition)}")
            if m.interdite and m.interdite.condition and not any(f.holds(m.interdite.condition) for f in applicable):
                gaps.append(f"{art.id}, mention {m.id} : interdiction jamais vérifiée {dict(m.interdite.condition)}")
    return gaps
