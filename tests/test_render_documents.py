"""The default templates' wording: every artefact, every letter variant, the conditional mentions.

Built on the hand-made result of cspdocs.render.exemple (the contract's example), so each variant
and condition can be forced; tests/test_generate.py runs the real engine on the example cases.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cspdocs.case.model import Reponse
from cspdocs.render import exemple
from cspdocs.render.artefacts import ARTEFACTS
from cspdocs.render.context import build_context
from cspdocs.render.modeles import load_templates
from tests.test_render_support import (
    UNRENDERED, all_text, fr_euros, fr_long, fr_short, normalise_spaces, python_docx_text,
)

D = exemple.DATES


@pytest.fixture(scope="module")
def modeles():
    return load_templates()


def render(modeles, name, *, variante="conservatoire", employeur=None, **overrides):
    r = exemple.resultat(1, variante=variante, **(employeur or {}))
    salarie = r.salaries[0].salarie
    if "salarie" in overrides:
        salarie = salarie.model_copy(update=overrides.pop("salarie"))
    rs = exemple.resultat_salarie(salarie, variante=variante, **overrides)
    ctx = build_context(r, rs)
    data = modeles[name].modele.rendre(ctx, date(2026, 3, 3))
    python_docx_text(data)  # opens with python-docx
    text = all_text(data)
    assert not UNRENDERED.search(text), f"balise non rendue dans {name}"
    return normalise_spaces(text)


@pytest.mark.parametrize("variante", ["conservatoire", "apres_acceptation", "licenciement"])
@pytest.mark.parametrize("name", [a.modele for a in ARTEFACTS])
def test_every_artefact_and_variant_renders(modeles, name, variante):
    text = render(modeles, name, variante=variante)
    assert "Ateliers Durand SAS" in text
    assert "Madame Julie Bernard" in text


def test_information_document_mentions(modeles):
    t = render(modeles, "information.docx")
    assert f"remis en main propre, contre récépissé, le {fr_long(D['remise'])}" in t  # 1.2
    assert "vingt et un jours" in t  # 1.3
    assert f"expire le {fr_long(D['fin_delai_reflexion'])} à minuit" in t
    assert f"réputé rompu d'un commun accord des parties à la date d'expiration du délai de réflexion, soit le {fr_long(D['rupture_si_acceptation'])}" in t  # 1.4
    assert "bulletin d'acceptation détachable" in t  # 1.5
    assert f"Date de remise du document d'information : {fr_short(D['remise'])}" in t  # 1.6
    assert f"Date d'expiration du délai de réflexion de 21 jours : {fr_short(D['fin_delai_reflexion'])}" in t
    assert "copie de votre pièce d'identité ou du titre en tenant lieu" in t  # 1.7
    assert "entretien d'information réalisé par France Travail" in t  # 1.8
    assert "équivaut à un refus" in t  # 1.9
    assert ("Toute contestation portant sur la rupture du contrat de travail ou son motif se prescrit par "
            "douze mois à compter de l'adhésion au contrat de sécurisation professionnelle") in t  # 1.10
    assert "priorité de réembauche" in t and fr_long(D["fin_priorite_reembauche"]) in t  # 1.15
    assert "ni préavis ni indemnité compensatrice de préavis" in t  # 1.16
    assert normalise_spaces(fr_euros(Decimal("8233.33"))) in t
    assert "huit mille deux cent trente-trois euros et trente-trois centimes" in t
    assert "88 jours travaillés ou 610 heures" in t  # 1.18
    assert "difficultés économiques" in t and "suppression de votre emploi" in t  # 1.14
    assert "✂" in t


def test_bulletin_is_not_pre_ticked_nor_pre_dated(modeles):
    t = render(modeles, "information.docx")
    bulletin = t[t.index("BULLETIN D'ACCEPTATION"):]
    assert "☐" in bulletin and "☒" not in bulletin and "☑" not in bulletin and "✔" not in bulletin
    assert "le ........ / ........ / ................" in bulletin  # acceptance date left blank


def test_protected_employee_without_authorisation_yet(modeles):
    dates = {k: None for k in ("fin_delai_reflexion", "rupture_si_acceptation", "debut_csp", "fin_csp",
                               "fin_10e_mois_csp", "fin_priorite_reembauche", "envoi_lettre",
                               "envoi_lettre_au_plus_tot", "echeance_contribution_employeur")}
    t = render(modeles, "information.docx", dates=dates, conditions={"salarie_protege": True})
    assert "prolongé jusqu'au lendemain de la date de notification à l'employeur de la décision" in t  # 1.11
    assert f"ne pourra être antérieure au {fr_long(D['fin_delai_reflexion_21_jours'])}" in t
    assert "(lendemain de la notification de la décision de l'autorité administrative)" in t
    r = render(modeles, "recepisse.docx", dates=dates, conditions={"salarie_protege": True})
    assert "dont la date me sera communiquée par écrit" in r


def test_protected_employee_with_authorisation(modeles):
    t = render(modeles, "lettre.docx", dates={"notification_autorisation": date(2026, 3, 20)},
               conditions={"salarie_protege": True})
    assert f"autorisée par l'autorité administrative, par décision notifiée le {fr_long(date(2026, 3, 20))}" in t  # 3A.11


def test_maternity_pse_and_judicial_mentions(modeles):
    t = render(modeles, "information.docx", conditions={"maternite": True, "pse": True},
               dates={"decision_administration": date(2026, 3, 2)}, circonstance="lendemain_decision_administration")
    assert "après la fin de la période de protection liée à votre congé de maternité" in t  # 1.12
    assert f"notifiée ou acquise le {fr_long(date(2026, 3, 2))}" in t  # 1.13
    lettre = render(modeles, "lettre.docx", conditions={"pse": True, "procedure_collective_judiciaire": True},
                    dates={"decision_administration": date(2026, 3, 2)},
                    employeur={"procedure_collective": "redressement", "date_jugement": "2026-01-15"})
    assert "plan de sauvegarde de l'emploi" in lettre  # 3A.12
    assert f"procédure de redressement judiciaire ouverte par jugement du {fr_long(date(2026, 1, 15))}" in lettre


def test_seniority_under_one_year(modeles):
    t = render(modeles, "information.docx", conditions={"anciennete_moins_un_an": True},
               montants={"contribution_employeur": None, "indemnite_licenciement_due": Decimal("0")})
    assert "Votre ancienneté dans l'entreprise étant inférieure à un an" in t  # 1.17
    assert "égale à l'allocation d'aide au retour à l'emploi" in t
    assert "75 %" not in t
    assert f"soit {normalise_spaces(fr_euros(Decimal('5700.00')))} brut, vous sera versée" in t
    assert "si vous remplissez les conditions pour en bénéficier" in t


def test_letter_conservatoire(modeles):
    t = render(modeles, "lettre.docx", variante="conservatoire")
    assert "Lettre recommandée avec demande d'avis de réception" in t  # 3A.1
    assert f"expire le {fr_long(D['fin_delai_reflexion'])} à minuit" in t  # 3A.3
    assert "la présente lettre constituera la notification de votre licenciement pour motif économique" in t  # 3A.4
    assert "Cause économique (article L. 1233-3 du code du travail) : difficultés économiques" in t  # 3A.5
    assert "suppression de votre emploi de technicienne de maintenance" in t  # 3A.6
    assert "priorité de réembauche" in t and "nouvelle qualification" in t  # 3A.7
    assert "Recherche de reclassement" in t  # 3A.8
    assert "préavis, d'une durée de 2 mois" in t  # 3A.9
    assert "L. 1233-67" in t and "L. 1235-7" in t  # 3A.10
    assert f"Metz, le {D['envoi_lettre'].day} mars 2026" in t


def test_letter_licenciement_never_recalls_the_csp_period(modeles):
    t = render(modeles, "lettre.docx", variante="licenciement")
    assert "votre licenciement pour motif économique" in t
    assert "constituera la notification" not in t  # 3B: 3A.4 must not appear
    assert fr_long(D["fin_delai_reflexion"]) not in t  # 3B: 3A.3 must not appear
    assert "délai de réflexion dont vous disposez" not in t
    assert "préavis, d'une durée de 2 mois, débutera à la date de première présentation" in t
    assert "Ce délai court à compter de la fin de votre préavis" in t


def test_letter_after_acceptance_has_no_dismissal_wording(modeles):
    t = render(modeles, "lettre.docx", variante="apres_acceptation",
               salarie={"reponse": Reponse(decision="acceptation", date=date(2026, 3, 10))})
    assert "Vous avez accepté cette proposition le mardi 10 mars 2026" in t
    assert "nous vous notifions" not in t.lower()
    assert "constituera la notification" not in t
    assert f"exposé par écrit le {fr_long(D['enonce_motif'])}" in t  # 3C: motive given before acceptance
    assert "priorité de réembauche" in t
    assert f"soit jusqu'au {fr_long(D['fin_priorite_reembauche'])}" in t


def test_motif_statement(modeles):
    t = render(modeles, "motif.docx")
    assert "Cause économique (article L. 1233-3 du code du travail) : difficultés économiques" in t  # 4.1
    assert "Baisse du chiffre d'affaires de 23 %" in t
    assert "Conséquence sur votre emploi : ce motif entraîne la suppression" in t  # 4.3
    assert "Recherche de reclassement" in t  # 4.6
    assert "priorité de réembauche" in t  # 4.5
    assert "Claire Martin" in t and "Directrice des ressources humaines" in t  # 4.7
    assert "Metz, le 3 mars 2026" in t


@pytest.mark.parametrize("consequence, wording", [
    ("transformation", "transformation de votre emploi"),
    ("modification_refusee", "modification d'un élément essentiel de votre contrat de travail"),
])
def test_consequence_wordings(modeles, consequence, wording):
    r = exemple.resultat(1)
    motif = r.dossier.procedure.motif_economique.model_copy(update={"consequence": consequence})
    proc = r.dossier.procedure.model_copy(update={"motif_economique": motif})
    r = type(r)(nom=r.nom, dossier=r.dossier.model_copy(update={"procedure": proc}), regime=r.regime,
                salaries=r.salaries)
    data = modeles["motif.docx"].modele.rendre(build_context(r, r.salaries[0]), date(2026, 3, 3))
    assert wording in normalise_spaces(all_text(data))


def test_recepisse_mentions(modeles):
    t = render(modeles, "recepisse.docx")
    assert "Ateliers Durand SAS, SIRET 732 829 320 00074" in t  # 2.1
    assert f"le {fr_long(D['remise'])} à Metz, au cours de l'entretien préalable du {fr_long(D['entretien_prealable'])}" in t  # 2.2
    assert "le document d'information sur le contrat de sécurisation professionnelle, comportant le bulletin d'acceptation détachable" in t  # 2.3
    assert "Signature" in t and "de la main du salarié" in t  # 2.4
    assert f"expirant le {fr_long(D['fin_delai_reflexion'])} à minuit" in t  # 2.5
    assert f"l'énoncé écrit du motif économique de la rupture envisagée de mon contrat de travail, daté du {fr_long(D['enonce_motif'])}" in t  # 2.6


def test_recepisse_after_last_cse_meeting(modeles):
    t = render(modeles, "recepisse.docx", circonstance="derniere_reunion_cse",
               dates={"derniere_reunion_cse": date(2026, 3, 3)})
    assert "à l'issue de la dernière réunion de consultation du comité social et économique du mardi 3 mars 2026" in t


def test_operator_named_by_the_engine(modeles):
    t = render(modeles, "information.docx", operateur="Pôle emploi")
    assert "réalisé par Pôle emploi" in t and "France Travail" not in t


def test_handover_by_registered_letter(modeles):
    t = render(modeles, "information.docx", salarie={"mode_remise": "lrar"})
    assert "celle de sa première présentation à votre domicile" in t
    assert "contre récépissé" not in t
