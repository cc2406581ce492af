"""The default templates' wording: every artefact, every letter variant, the conditional mentions.

Built on the hand-made result of cspdocs.render.exemple (the contract's example), so each variant
and condition can be forced; tests/pipeline/test_generate.py runs the real engine on the example cases.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from cspdocs.case.model import Reponse
from cspdocs.render import exemple
from cspdocs.render.artefacts import ARTEFACTS, PRINCIPAUX, document_date
from cspdocs.render.context import build_context
from cspdocs.render.modeles import load_templates
from tests.support.render import (
    UNRENDERED, all_text, fr_euros, fr_long, fr_short, normalise_spaces, python_docx_text,
)

D = exemple.DATES


@pytest.fixture(scope="module")
def modeles():
    return load_templates()


def render(modeles, name, *, variante="conservatoire", employeur=None, **overrides):
    r = exemple.resultat(1, variante=variante, **(employeur or {}))
    salarie = r.employees[0].employee
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
@pytest.mark.parametrize("name", [a.modele for a in PRINCIPAUX])
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
    assert "durée d'affiliation à l'assurance chômage exigée par la réglementation en vigueur" in t  # 1.18 (issue 8: no figures)
    assert "difficultés économiques" in t and "suppression de votre poste (technicienne de maintenance)" in t  # 1.14
    assert "✂" in t
    assert "de certains congés (maternité, paternité, adoption, présence parentale, proche aidant)" in t  # P3-12
    # P3-8: the first day of the CSP between commas, after « de cette date »
    assert f"dès le lendemain de cette date ({fr_long(D['debut_csp'])}), du statut de stagiaire" in t
    assert "excédant trois mois" not in t  # no excess over three months in the example


def test_bulletin_is_not_pre_ticked_nor_pre_dated(modeles):
    t = render(modeles, "information.docx")
    bulletin = t[t.index("BULLETIN D'ACCEPTATION"):]
    assert "☐" in bulletin and "☒" not in bulletin and "☑" not in bulletin and "✔" not in bulletin
    assert "le ........ / ........ / ................" in bulletin  # acceptance date left blank


PENDING = {"salarie_protege": True, "decision_autorisation_attendue_a_la_remise": True}
# the engine's dates for a protected employee whose authorisation is notified after the handover
NOTIFIED_LATER = {"notification_autorisation": date(2026, 3, 27), "fin_delai_reflexion": date(2026, 3, 28),
                  "rupture_si_acceptation": date(2026, 3, 28), "debut_csp": date(2026, 3, 29),
                  "fin_csp": date(2027, 3, 28), "fin_priorite_reembauche": date(2027, 3, 28),
                  "envoi_lettre": date(2026, 3, 30)}
REVIEW_PROTECTED = (
    "Votre licenciement étant soumis à l'autorisation de l'inspecteur du travail, ce délai de réflexion est "
    "prolongé jusqu'au lendemain de la date à laquelle la décision de l'autorité administrative nous sera "
    "notifiée. Nous vous informerons par écrit, dès cette notification, de la date d'expiration de votre délai "
    "de réflexion, qui ne pourra être antérieure au {fin21}. Si l'autorisation est refusée, votre contrat de "
    "travail ne sera pas rompu et votre éventuelle acceptation du contrat de sécurisation professionnelle "
    "restera sans effet."
)


def test_protected_employee_without_authorisation_yet(modeles):
    dates = {k: None for k in ("fin_delai_reflexion", "rupture_si_acceptation", "debut_csp", "fin_csp",
                               "fin_10e_mois_csp", "fin_priorite_reembauche", "envoi_lettre",
                               "envoi_lettre_au_plus_tot", "echeance_contribution_employeur")}
    t = render(modeles, "information.docx", dates=dates, conditions=PENDING)
    assert REVIEW_PROTECTED.format(fin21=fr_long(D["fin_delai_reflexion_21_jours"])) in t  # 1.11, P1-2
    assert "ne nous ayant pas encore été notifiée" not in t
    bulletin = t[t.index("BULLETIN D'ACCEPTATION"):]
    assert ("Date d'expiration du délai de réflexion (communiquée par écrit dès la notification de la décision "
            "administrative) : ........ / ........ / ................") in bulletin
    r = render(modeles, "recepisse.docx", dates=dates, conditions=PENDING)
    assert (f"que la date de son expiration, qui ne pourra être antérieure au "
            f"{fr_long(D['fin_delai_reflexion_21_jours'])}, me sera communiquée par écrit") in r


@pytest.mark.parametrize("name", ["information.docx", "recepisse.docx", "motif.docx"])
def test_documents_dated_at_handover_do_not_state_a_later_authorisation(modeles, name):
    """P1-2: dated on 3 March, they cannot state the decision notified on 27 March nor what follows from it."""
    t = render(modeles, name, dates=NOTIFIED_LATER, conditions=PENDING)
    body = t[:t.index("BULLETIN D'ACCEPTATION")] if name == "information.docx" else t
    for key in ("notification_autorisation", "fin_delai_reflexion", "debut_csp", "fin_csp", "fin_priorite_reembauche"):
        day = NOTIFIED_LATER[key]
        assert fr_long(day) not in t and fr_short(day) not in t, (name, key)
    assert "notifiée le" not in body
    if name == "information.docx":
        assert REVIEW_PROTECTED.format(fin21=fr_long(D["fin_delai_reflexion_21_jours"])) in t
        assert "remettez-le-nous avant l'expiration du délai de réflexion" in t
        assert ("réputé rompu d'un commun accord des parties à la date d'expiration du délai de réflexion. "
                "Vous bénéficierez, dès le lendemain de cette date, du statut de stagiaire") in t
    if name == "recepisse.docx":
        assert "sur lequel l'employeur a indiqué la date de remise ;" in t
        assert "expirant le" not in t


def test_protected_employee_notified_before_the_handover(modeles):
    """Authorisation notified before a handover on an agreed date: the documents state it and the last day."""
    notified = {**NOTIFIED_LATER, "notification_autorisation": date(2026, 3, 2), "fin_delai_reflexion": D["fin_delai_reflexion"]}
    t = render(modeles, "information.docx", dates=notified, conditions={"salarie_protege": True})
    assert f"décision de l'autorité administrative compétente, notifiée le {fr_long(date(2026, 3, 2))}" in t
    assert f"expire le {fr_long(D['fin_delai_reflexion'])} à minuit" in t
    assert "nous sera notifiée" not in t
    r = render(modeles, "recepisse.docx", dates=notified, conditions={"salarie_protege": True})
    assert f"notifiée le {fr_long(date(2026, 3, 2))}" in r and f"expirant le {fr_long(D['fin_delai_reflexion'])}" in r


def test_protected_employee_with_authorisation(modeles):
    t = render(modeles, "lettre.docx", dates={"notification_autorisation": date(2026, 3, 20)},
               conditions={"salarie_protege": True})
    # 3A.11, P3-18
    assert f"Par décision notifiée le {fr_long(date(2026, 3, 20))}, l'inspecteur du travail a autorisé votre licenciement." in t
    assert "Nous vous rappelons que le délai de réflexion" in t
    assert "Comme nous nous y étions engagés" not in t


def test_letter_informs_of_the_last_day_promised_at_handover(modeles):
    """P1-2: the letter, dated after the notification, gives the authorisation and the actual last day."""
    t = render(modeles, "lettre.docx", dates=NOTIFIED_LATER, conditions=PENDING)
    assert f"Par décision notifiée le {fr_long(date(2026, 3, 27))}, l'inspecteur du travail a autorisé votre licenciement." in t
    assert ("Comme nous nous y étions engagés, nous vous informons, cette décision nous ayant été notifiée, que le "
            f"délai de réflexion dont vous disposez pour accepter ou refuser ce contrat expire le "
            f"{fr_long(date(2026, 3, 28))} à minuit.") in t
    assert "Nous vous rappelons" not in t
    assert "la présente lettre constituera la notification de votre licenciement" in t
    assert f"Metz, le 30 mars 2026" in t


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
               amounts={"contribution_employeur": None, "indemnite_licenciement_due": Decimal("0")})
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
    assert "suppression de votre poste (technicienne de maintenance)" in t  # 3A.6, P3-7
    assert "priorité de réembauche" in t and "nouvelle qualification" in t  # 3A.7
    assert "Recherche de reclassement" in t  # 3A.8
    assert "préavis, d'une durée de 2 mois" in t  # 3A.9
    assert "L. 1233-67" in t and "L. 1235-7" in t  # 3A.10
    assert f"Metz, le {D['envoi_lettre'].day} mars 2026" in t


def test_letter_licenciement_never_recalls_the_csp_period(modeles):
    t = render(modeles, "lettre.docx", variante="licenciement")
    assert "votre licenciement pour motif économique" in t
    assert "constituera la notification" not in t  # 3B: 3A.4 must not appear
    assert f"expire le {fr_long(D['fin_delai_reflexion'])}" not in t  # 3B: 3A.3 must not appear
    assert "délai de réflexion dont vous disposez" not in t
    # P2-7: without a recorded answer, the letter states what the employer has received, not a refusal
    assert ("À la date de la présente lettre, nous n'avons reçu de votre part aucun bulletin d'acceptation du "
            "contrat de sécurisation professionnelle, dont le délai de réflexion a expiré le "
            f"{fr_long(D['fin_delai_reflexion'])} à minuit ; en l'absence d'acceptation, nous vous notifions, par "
            "la présente, votre licenciement pour motif économique, pour les motifs exposés ci-après.") in t
    assert "Vous n'avez pas accepté" not in t
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
    ("transformation", "transformation de votre poste (technicienne de maintenance)"),
    ("modification_refusee", "modification d'un élément essentiel de votre contrat de travail, relative à votre poste (technicienne de maintenance), que vous avez refusée"),
])
def test_consequence_wordings(modeles, consequence, wording):
    r = exemple.resultat(1)
    motif = r.case.procedure.motif_economique.model_copy(update={"consequence": consequence})
    proc = r.case.procedure.model_copy(update={"motif_economique": motif})
    r = type(r)(name=r.name, case=r.case.model_copy(update={"procedure": proc}), regime=r.regime,
                employees=r.employees)
    data = modeles["motif.docx"].modele.rendre(build_context(r, r.employees[0]), date(2026, 3, 3))
    assert wording in normalise_spaces(all_text(data))


def test_recepisse_mentions(modeles):
    t = render(modeles, "recepisse.docx")
    assert "Ateliers Durand SAS, SIRET 732 829 320 00074" in t  # 2.1
    # 2.2; P3-10: the interview held on the day of the handover is not dated twice
    assert f"le {fr_long(D['remise'])} à Metz, au cours de l'entretien préalable, les documents suivants" in t
    assert "occupant le poste de travail suivant : technicienne de maintenance (matricule E001)" in t  # P3-7
    assert "le document d'information sur le contrat de sécurisation professionnelle, comportant le bulletin d'acceptation détachable" in t  # 2.3
    assert "Signature" in t and "de la main de la salariée" in t  # 2.4 (issue 8: gender agreement)
    assert f"expirant le {fr_long(D['fin_delai_reflexion'])} à minuit" in t  # 2.5
    assert f"l'énoncé écrit du motif économique de la rupture envisagée de mon contrat de travail, daté du {fr_long(D['enonce_motif'])}" in t  # 2.6


def test_recepisse_after_last_cse_meeting(modeles):
    t = render(modeles, "recepisse.docx", circonstance="derniere_reunion_cse",
               dates={"derniere_reunion_cse": date(2026, 3, 3)})
    assert "à l'issue de la dernière réunion de consultation du comité social et économique, les documents suivants" in t
    t = render(modeles, "recepisse.docx", circonstance="derniere_reunion_cse",
               dates={"derniere_reunion_cse": date(2026, 3, 2)})
    assert "à l'issue de la dernière réunion de consultation du comité social et économique du lundi 2 mars 2026" in t


def test_recepisse_interview_on_another_day_is_dated(modeles):
    t = render(modeles, "recepisse.docx", dates={"entretien_prealable": date(2026, 3, 2)})
    assert f"au cours de l'entretien préalable du {fr_long(date(2026, 3, 2))}, les documents suivants" in t


def test_operator_named_by_the_engine(modeles):
    t = render(modeles, "information.docx", operateur="Pôle emploi")
    assert "réalisé par Pôle emploi" in t and "France Travail" not in t


REVIEW_LRAR = (
    "Le présent document vous est adressé par lettre recommandée avec demande d'avis de réception. Vous disposez "
    "d'un délai de réflexion de vingt et un jours pour accepter ou refuser le contrat de sécurisation "
    "professionnelle. Ce délai court à compter du lendemain de la première présentation de ce pli à votre "
    "domicile, telle qu'elle figure sur l'avis de réception. Il expire le vingt et unième jour à minuit ou, si ce "
    "jour est un samedi, un dimanche ou un jour férié, le premier jour ouvrable suivant à minuit."
)
POSTED = date(2026, 3, 2)


@pytest.mark.parametrize("mode", ["lrar", "electronique"])
def test_handover_at_a_distance_states_the_rule(modeles, mode):
    """P1-3: posted on 2 March, the document cannot know the day it reaches the employee (3 March)."""
    t = render(modeles, "information.docx", salarie={"mode_remise": mode}, dates={"envoi_documents": POSTED},
               circonstance="date_convenue")
    assert "Metz, le 2 mars 2026" in t  # dated the day it is posted
    if mode == "lrar":
        assert REVIEW_LRAR in t
    else:
        assert "Ce délai court à compter du lendemain de la réception de ce document" in t
    assert "contre récépissé" not in t
    for key in ("remise", "debut_delai_reflexion", "fin_delai_reflexion", "debut_csp", "fin_csp",
                "fin_priorite_reembauche", "enonce_motif"):
        assert fr_long(D[key]) not in t and fr_short(D[key]) not in t, key
    bulletin = t[t.index("BULLETIN D'ACCEPTATION"):]
    assert "Date de remise du document d'information (" in bulletin
    assert bulletin.count("........ / ........ / ................") == 4  # two dates, acceptance, receipt
    assert "Document d'information CSP adressé le 02/03/2026" in t  # running header
    assert "énoncé du motif économique joint au présent document" in t
    motif = render(modeles, "motif.docx", salarie={"mode_remise": mode}, dates={"envoi_documents": POSTED},
                   circonstance="date_convenue")
    assert "Metz, le 2 mars 2026" in motif and fr_long(D["remise"]) not in motif
    assert "qui vous est " + ("adressé" if mode == "lrar" else "transmis") + " ce jour avec le présent énoncé" in motif


def test_handover_at_a_distance_dates_the_documents_with_the_posting(modeles):
    r = exemple.resultat(1)
    salarie = r.employees[0].employee.model_copy(update={"mode_remise": "lrar"})
    ctx = build_context(r, exemple.resultat_salarie(salarie, dates={"envoi_documents": POSTED}))
    dated = {a.cle: document_date(a, ctx) for a in PRINCIPAUX}
    assert dated == {"information": POSTED, "recepisse": D["remise"], "lettre": D["envoi_lettre"], "motif": POSTED}
    assert ctx["remise"]["a_distance"] and not ctx["remise"]["echeance_connue"]
    # without the posting date (the engine warns), the handover's date as before
    ctx = build_context(r, exemple.resultat_salarie(salarie))
    assert document_date(ARTEFACTS[0], ctx) == D["remise"]
    # in person, the handover's date whatever the case says
    ctx = build_context(r, exemple.resultat_salarie(r.employees[0].employee, dates={"envoi_documents": POSTED}))
    assert {document_date(a, ctx) for a in ARTEFACTS if a.cle in ("information", "motif")} == {D["remise"]}


def test_letter_after_handover_at_a_distance(modeles):
    t = render(modeles, "lettre.docx", salarie={"mode_remise": "lrar"})
    assert ("vous a été adressée par lettre recommandée avec demande d'avis de réception, présentée à votre "
            f"domicile le {fr_long(D['remise'])}") in t
    assert f"expire le {fr_long(D['fin_delai_reflexion'])} à minuit" in t


def test_seniority_under_one_year_has_no_excess_over_three_months(modeles):
    """P1-1: below one year the engine gives the whole notice as the employee's part; said once."""
    t = render(modeles, "information.docx", conditions={"anciennete_moins_un_an": True},
               amounts={"contribution_employeur": None, "excedent_preavis_salarie": Decimal("2100.00"),
                         "indemnite_preavis": Decimal("2100.00")})
    assert f"soit {normalise_spaces(fr_euros(Decimal('2100.00')))} brut, vous sera versée" in t
    assert "excédant trois mois" not in t
    assert t.count(normalise_spaces(fr_euros(Decimal("2100.00")))) == 1


def test_excess_over_three_months_is_stated_from_one_year(modeles):
    t = render(modeles, "information.docx", amounts={"excedent_preavis_salarie": Decimal("2850.00")})
    assert (f"La fraction de l'indemnité compensatrice de préavis excédant trois mois de salaire, soit "
            f"{normalise_spaces(fr_euros(Decimal('2850.00')))} brut") in t


LIQUIDATEUR = {"nom": "Maître Paul Roth", "qualite": "mandataire judiciaire"}


def lines(text: str) -> str:
    """The text's non-empty lines without the dump's style markers (« [CSPColonne] »)."""
    out = (re.sub(r"^(\| )?\[[^\]]*\] ?", "", line).strip() for line in text.splitlines())
    return "\n".join(line for line in out if line)
ADMINISTRATEUR = {"nom": "Maître Anne Clément", "qualite": "administratrice judiciaire"}


@pytest.mark.parametrize("name", [a.modele for a in PRINCIPAUX])
def test_liquidation_documents_are_signed_by_the_liquidator(modeles, name):
    """P1-6: the officer has lost the power to dismiss (C. com. L641-9); the liquidator signs ès qualités."""
    t = render(modeles, name, employeur={"procedure_collective": "liquidation", "date_jugement": "2026-02-02",
                                         "mandataire": LIQUIDATEUR},
               conditions={"liquidation": True, "procedure_collective_judiciaire": True})
    t = lines(t)
    if name == "recepisse.docx":
        assert "représentée par Maître Paul Roth, ès qualités de liquidateur judiciaire." in t
        assert "Pour l'employeur\nMaître Paul Roth, ès qualités de liquidateur judiciaire" in t
    else:
        assert ("Pour Ateliers Durand SAS,\nen liquidation judiciaire,\nMaître Paul Roth\n"
                "ès qualités de liquidateur judiciaire") in t
    assert "Claire Martin" not in t and "Directrice des ressources humaines" not in t


@pytest.mark.parametrize("name", [a.modele for a in PRINCIPAUX])
def test_redressement_documents_signed_by_the_administrator_when_named(modeles, name):
    employeur = {"procedure_collective": "redressement", "date_jugement": "2026-02-02",
                 "ordonnance_juge_commissaire": {"date": "2026-02-20", "objet": "trois licenciements"}}
    # R-64: the administrator signs alone when his mission is to represent (C. com. L631-12)
    conditions = {"redressement": True, "procedure_collective_judiciaire": True, "signature_mandataire_seul": True}
    t = lines(render(modeles, name, employeur={**employeur, "mandataire": ADMINISTRATEUR}, conditions=conditions))
    if name == "recepisse.docx":
        assert "représentée par Maître Anne Clément, administratrice judiciaire." in t
    else:
        assert "Pour Ateliers Durand SAS,\nen redressement judiciaire,\nMaître Anne Clément\nadministratrice judiciaire" in t
    assert "Claire Martin" not in t
    # no administrator named: the company's officer signs
    t = render(modeles, name, employeur=employeur, conditions=conditions)
    assert "Claire Martin" in t and "Maître" not in t


def test_letter_names_the_operator_of_its_own_date(modeles):
    """P2-1: handover in December 2023 (Pôle emploi), letter in January 2024 (France Travail)."""
    lettre = render(modeles, "lettre.docx", variante="licenciement", operateur="Pôle emploi",
                    letter_operator="France Travail")
    assert "l'attestation destinée à France Travail" in lettre and "Pôle emploi" not in lettre
    info = render(modeles, "information.docx", operateur="Pôle emploi", letter_operator="France Travail")
    assert "Nous verserons à Pôle emploi" in info and "France Travail" not in info


def test_unknown_regime_does_not_state_the_rate(modeles):
    """P3-14: no known convention for the procedure's date: no 75 %."""
    t = render(modeles, "information.docx", conditions={"regime_inconnu": True})
    assert "75 %" not in t
    assert ("dont le montant est fixé par la convention relative au contrat de sécurisation professionnelle "
            "applicable.") in t
    assert "75 %" in render(modeles, "information.docx")


def test_motif_statement_cites_the_motive_article(modeles):
    """P3-17: L. 1233-16 is the dismissal letter's article, not the statement's; issue 8 item 11: the
    statement is grounded on the case law that requires it in writing, L. 1233-3 only defines the cause."""
    t = render(modeles, "motif.docx")
    assert ("doit vous être énoncé par écrit au plus tard au moment de votre acceptation du contrat de sécurisation "
            "professionnelle (Cass. soc. 17 mars 2015, n° 13-26.941)") in t
    assert "Cause économique (article L. 1233-3 du code du travail)" in t
    assert "1233-16" not in t
