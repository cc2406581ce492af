"""Build the default DOCX templates in templates/ from the text below.

    .venv/bin/python tools/build_templates.py [OUTPUT_DIR]

The wording of the artefacts lives here, as reviewable text (markup described in
tools/docxbuild.py; tags are docxtpl/Jinja: ``{{ variable }}``, ``{%p if ... %}`` for whole
paragraphs). Templates choose wording only: every date and amount comes computed from the engine
through the context (cspdocs/render/context.py). The output is deterministic: running the script
twice gives identical files.

Legal references for each passage: docs ../shared/spec/mentions.md (numbers in comments).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docxbuild import Template, build  # noqa: E402

# --- shared fragments ---------------------------------------------------------------------

# Sender block on the left; recipient on the right, placed for a window envelope (DL, window on
# the right): La Poste's address zone starts 110 mm from the left edge and 55 mm from the top
# (top margin 18 mm + 37 mm), 85 mm wide and 33 mm high (six lines at most).
SENDER_LINES = """**{{ employeur.denomination }}**
{%p if employeur.procedure_collective_libelle %}
En {{ employeur.procedure_collective_libelle }}
{%p endif %}
{{ employeur.adresse.rue }}
{%p if employeur.adresse.complement %}
{{ employeur.adresse.complement }}
{%p endif %}
{{ employeur.adresse.code_postal }} {{ employeur.adresse.ville }}
{%p if employeur.siret_formate %}
SIRET {{ employeur.siret_formate }}
{%p endif %}"""

LETTERHEAD = f"""
@table 85,75 height=60
@cell
{SENDER_LINES}
@cell
@space 37
{{{{ salarie.nom_complet }}}}
{{{{ salarie.adresse.rue }}}}
{{%p if salarie.adresse.complement %}}
{{{{ salarie.adresse.complement }}}}
{{%p endif %}}
{{{{ salarie.adresse.ligne_acheminement }}}}
@endtable
"""

SENDER_ONLY = f"""
@table 160
@cell
{SENDER_LINES}
@endtable
"""

HANDOVER_MODE = """
{%p if salarie.mode_remise == "main_propre" %}
**Remis en main propre contre récépissé**
{%p elif salarie.mode_remise == "lrar" %}
**Lettre recommandée avec demande d'avis de réception**
{%p else %}
**Transmis par voie électronique, avec votre accord préalable**
{%p endif %}
"""

# 3A.5, 3A.6, 4.1, 4.3, 1.14: the same motive text in every artefact
MOTIVE = """
**Cause économique (article L. 1233-3 du code du travail) : {{ procedure.motif_economique.cause_libelle }}.**
{{ procedure.motif_economique.faits }}
{%p if procedure.motif_economique.consequence == "suppression" %}
**Conséquence sur votre emploi :** ce motif entraîne la suppression de votre poste ({{ salarie.emploi }}).
{%p elif procedure.motif_economique.consequence == "transformation" %}
**Conséquence sur votre emploi :** ce motif entraîne la transformation de votre poste ({{ salarie.emploi }}).
{%p else %}
**Conséquence sur votre emploi :** ce motif nous a conduits à vous proposer une modification d'un élément essentiel de votre contrat de travail, relative à votre poste ({{ salarie.emploi }}), que vous avez refusée.
{%p endif %}
{%p if conditions.protection_relative_maternite and salarie.impossibilite_maintien_contrat %}
**Impossibilité de maintenir votre contrat de travail :** la rupture intervenant dans les semaines qui suivent votre congé de maternité, nous vous précisons que nous sommes dans l'impossibilité de maintenir votre contrat de travail pour un motif étranger à la grossesse et à l'accouchement : {{ salarie.impossibilite_maintien_contrat }} (article L. 1225-4 du code du travail).
{%p endif %}
"""

# 3A.8, 4.6
RECLASSEMENT = """
Nous avons recherché les possibilités de vous reclasser dans un emploi disponible au sein de l'entreprise{% if employeur.effectif_groupe %} et des entreprises du groupe auquel elle appartient situées sur le territoire national{% endif %}. Ces recherches n'ont pas permis votre reclassement :
{{ procedure.reclassement }}
"""

# 3A.7, 4.5, 1.15 (L1233-45)
PRIORITY = """
Vous bénéficiez d'une priorité de réembauche durant un délai de {{ parametres.duree_priorite_reembauche_lettres }} mois à compter de la date de rupture de votre contrat de travail, si vous nous faites part de votre souhait d'en user au cours de ce même délai. Dans ce cas, nous vous informerons de tout emploi devenu disponible et compatible avec votre qualification. Si vous acquérez une nouvelle qualification, vous bénéficierez également de la priorité de réembauche au titre de celle-ci, à condition de nous en informer (article L. 1233-45 du code du travail).
"""

# 1.10 (L1233-67, in the terms of the article: opposability of the 12-month limitation)
LIMITATION_CSP = """
Conformément à l'article L. 1233-67 du code du travail, l'adhésion au contrat de sécurisation professionnelle emporte rupture du contrat de travail. **Toute contestation portant sur la rupture du contrat de travail ou son motif se prescrit par douze mois à compter de l'adhésion au contrat de sécurisation professionnelle.**
"""

CONTEXT_REFERENCES = """
{%p if conditions.procedure_collective_judiciaire %}
L'entreprise fait l'objet d'une procédure de {{ employeur.procedure_collective_libelle }}{% if employeur.date_jugement %} ouverte par jugement du {{ employeur.date_jugement|date_longue }}{% endif %}.
{%p endif %}
{%p if conditions.redressement and employeur.ordonnance_juge_commissaire %}
Les licenciements pour motif économique ont été autorisés, en raison de leur caractère urgent, inévitable et indispensable pendant la période d'observation, par ordonnance du juge-commissaire du {{ employeur.ordonnance_juge_commissaire.date|date_longue }} (article L. 631-17 du code de commerce), qui autorise : {{ employeur.ordonnance_juge_commissaire.objet }}.
{%p endif %}
{%p if conditions.pse and dates.decision_administration and procedure.decision_administration_libelle %}
Cette mesure s'inscrit dans le cadre du plan de sauvegarde de l'emploi de l'entreprise, qui a fait l'objet de {{ procedure.decision_administration_libelle }} {% if procedure.decision_administration_implicite %}acquise{% else %}notifiée{% endif %} le {{ dates.decision_administration|date_longue }} (article L. 1233-57-4 du code du travail).
{%p elif conditions.pse and dates.decision_administration %}
Cette mesure s'inscrit dans le cadre du plan de sauvegarde de l'emploi de l'entreprise, qui a fait l'objet d'une décision administrative de validation ou d'homologation notifiée ou acquise le {{ dates.decision_administration|date_longue }} (article L. 1233-57-4 du code du travail).
{%p elif dates.derniere_reunion_cse %}
Le comité social et économique a été consulté sur le projet de licenciement collectif pour motif économique ; sa dernière réunion de consultation s'est tenue le {{ dates.derniere_reunion_cse|date_longue }}.
{%p endif %}
"""

# in liquidation the liquidator alone has the power to dismiss (C. com. L641-9, L641-4;
# C. trav. L1233-58) and signs ès qualités; in redressement, the administrateur judiciaire when named.
CLOSING = """
@keep
Nous vous prions d'agréer, {{ salarie.civilite }}, l'expression de nos salutations distinguées.
@space 3
> Pour {{ employeur.denomination }},
{%p if conditions.liquidation and employeur.mandataire %}
> en liquidation judiciaire,
@space 16
> **{{ employeur.mandataire.nom }}**
@endkeep
> ès qualités de liquidateur judiciaire
@keep
{%p elif conditions.signature_mandataire_seul and employeur.mandataire %}
> en redressement judiciaire,
@space 16
> **{{ employeur.mandataire.nom }}**
@endkeep
> {{ employeur.mandataire.qualite }}
@keep
{%p elif conditions.signature_conjointe and employeur.mandataire %}
> en redressement judiciaire,
@space 16
> **{{ employeur.signataire.nom }}**, {{ employeur.signataire.qualite }}
@endkeep
> avec l'assistance de **{{ employeur.mandataire.nom }}**, {{ employeur.mandataire.qualite }}
@keep
{%p else %}
@space 16
> **{{ employeur.signataire.nom }}**
@endkeep
> {{ employeur.signataire.qualite }}
{%p endif %}
"""

# The signatory named in the receipt (same rule as CLOSING).
REPRESENTANT = (
    "{% if conditions.liquidation and employeur.mandataire %}{{ employeur.mandataire.nom }}, ès qualités de "
    "liquidateur judiciaire{% elif conditions.signature_mandataire_seul and employeur.mandataire %}{{ employeur.mandataire.nom }}, "
    "{{ employeur.mandataire.qualite }}{% elif conditions.signature_conjointe and employeur.mandataire %}{{ employeur.signataire.nom }}, "
    "{{ employeur.signataire.qualite }}, avec l'assistance de {{ employeur.mandataire.nom }}, {{ employeur.mandataire.qualite }}{% else %}{{ employeur.signataire.nom }}, {{ employeur.signataire.qualite }}"
    "{% endif %}"
)

# --- 1. Document d'information + bulletin d'acceptation -----------------------------------

INFORMATION = Template(
    filename="information.docx",
    title="Document d'information sur le contrat de sécurisation professionnelle – {{ salarie.nom_complet }}",
    subject="Proposition du contrat de sécurisation professionnelle et bulletin d'acceptation",
    header="{{ employeur.denomination }} – Document d'information CSP {% if remise.a_distance %}adressé le {{ remise.date_document|date_courte }}{% else %}remis le {{ dates.remise|date_courte }}{% endif %} à {{ salarie.nom_complet }}",
    footer="{{ employeur.raison_sociale }} – Document d'information sur le CSP – {{ salarie.prenom_nom }}\tPage [[PAGE]] / [[NUMPAGES]]",
    body=LETTERHEAD + """
@space 2
> {{ remise.lieu }}, le {{ remise.date_document|date_simple }}
@space 6
""" + HANDOVER_MODE + """
**Objet : proposition d'un contrat de sécurisation professionnelle (CSP)**
@space 3
# DOCUMENT D'INFORMATION SUR LE CONTRAT DE SÉCURISATION PROFESSIONNELLE
~ Article L. 1233-66 du code du travail{% if regime.texte %} – {{ regime.texte }}{% endif %}
{{ salarie.civilite }},
{%p if conditions.pse and dates.decision_administration and procedure.decision_administration_libelle %}
À la suite de {{ procedure.decision_administration_libelle }} portant plan de sauvegarde de l'emploi, {% if procedure.decision_administration_implicite %}acquise{% else %}notifiée{% endif %} le {{ dates.decision_administration|date_longue }}, nous envisageons de procéder à votre licenciement pour motif économique.
{%p elif conditions.pse and dates.decision_administration %}
À la suite de la décision administrative de validation ou d'homologation du plan de sauvegarde de l'emploi, notifiée ou acquise le {{ dates.decision_administration|date_longue }}, nous envisageons de procéder à votre licenciement pour motif économique.
{%p elif circonstance_remise == "derniere_reunion_cse" and dates.derniere_reunion_cse %}
À l'issue de la dernière réunion de consultation du comité social et économique, tenue le {{ dates.derniere_reunion_cse|date_longue }}, nous envisageons de procéder à votre licenciement pour motif économique.
{%p elif circonstance_remise == "entretien_prealable" and dates.entretien_prealable %}
Ainsi que nous vous l'avons exposé au cours de l'entretien préalable du {{ dates.entretien_prealable|date_longue }}, nous envisageons de procéder à votre licenciement pour motif économique.
{%p else %}
Nous envisageons de procéder à votre licenciement pour motif économique.
{%p endif %}
{%p if conditions.maternite %}
Conformément à l'article L. 1225-4 du code du travail et à la convention relative au contrat de sécurisation professionnelle, le présent document vous est remis après la fin de la période de protection liée à votre congé de maternité.
{%p endif %}
En application de l'article L. 1233-66 du code du travail, nous vous proposons de bénéficier d'un **contrat de sécurisation professionnelle (CSP)**. Le présent document vous informe, individuellement et par écrit, du contenu de ce contrat et de la possibilité que vous avez d'en bénéficier.
## 1. Le contrat de sécurisation professionnelle
Le contrat de sécurisation professionnelle a pour objet l'organisation et le déroulement d'un parcours de retour à l'emploi, le cas échéant au moyen d'une reconversion ou d'une création ou reprise d'entreprise. Il est conclu pour une durée de {{ parametres.duree_csp_lettres }} mois et prend effet dès le lendemain de la rupture de votre contrat de travail. Sa durée est prolongée, dans les limites fixées par la convention, en cas de reprise d'une activité professionnelle après la fin du sixième mois, d'arrêt de travail pour maladie et de certains congés (maternité, paternité, adoption, présence parentale, proche aidant).
Pendant toute sa durée, vous avez le statut de stagiaire de la formation professionnelle et bénéficiez d'un accompagnement personnalisé assuré par {{ operateur }} : entretien de pré-bilan, bilan de compétences, actions de formation et de validation des acquis de l'expérience, accompagnement dans la recherche d'emploi, aide à la création ou à la reprise d'entreprise.
{%p if conditions.anciennete_un_an_incertaine %}
Si votre ancienneté dans l'entreprise est inférieure à un an à la date de première présentation de la lettre de licenciement (ou, si elle vous parvient après l'expiration du délai de réflexion, au terme de ce délai), l'allocation de sécurisation professionnelle (ASP) qui vous serait versée, si vous remplissez les conditions d'ouverture de droits, est égale à l'allocation d'aide au retour à l'emploi (ARE) à laquelle vous pourriez prétendre ; si elle est d'au moins un an, l'ASP est {% if parametres.taux_asp_pourcent %}égale à {{ parametres.taux_asp_pourcent }} % de votre salaire journalier de référence, sans pouvoir être inférieure à l'ARE{% else %}fixée par la convention relative au contrat de sécurisation professionnelle applicable{% endif %}.
{%p elif conditions.anciennete_moins_un_an %}
Votre ancienneté dans l'entreprise étant inférieure à un an, l'allocation de sécurisation professionnelle (ASP) qui vous serait versée, si vous remplissez les conditions d'ouverture de droits, est égale à l'allocation d'aide au retour à l'emploi (ARE) à laquelle vous pourriez prétendre.
{%p elif zone == "mayotte" %}
Si vous remplissez les conditions d'ouverture de droits, vous percevrez l'allocation de sécurisation professionnelle (ASP), dont le montant est fixé par la convention relative au contrat de sécurisation professionnelle applicable à Mayotte.
{%p elif conditions.regime_inconnu or not parametres.taux_asp_pourcent %}
Si vous remplissez les conditions d'ouverture de droits, vous percevrez l'allocation de sécurisation professionnelle (ASP), dont le montant est fixé par la convention relative au contrat de sécurisation professionnelle applicable.
{%p else %}
Si vous remplissez les conditions d'ouverture de droits, vous percevrez l'allocation de sécurisation professionnelle (ASP), égale à {{ parametres.taux_asp_pourcent }} % de votre salaire journalier de référence, sans pouvoir être inférieure à l'allocation d'aide au retour à l'emploi (ARE) à laquelle vous pourriez prétendre.
{%p endif %}
{%p if montants.asp_journaliere %}
À titre indicatif, sur la base du salaire journalier de référence dont nous avons connaissance, l'allocation serait de {{ montants.asp_journaliere|euros }} brut par jour ; seul {{ operateur }} est compétent pour en fixer le montant.
{%p endif %}
Si vous reprenez un emploi pendant le contrat de sécurisation professionnelle, vous pouvez bénéficier, sous conditions, d'une prime au reclassement en cas de reprise d'un emploi durable avant la fin du dixième mois du contrat, ou d'une indemnité différentielle de reclassement en cas de reprise d'un emploi moins rémunéré.
{%p if zone == "mayotte" %}
Le bénéfice de l'allocation est subordonné aux conditions d'ouverture de droits fixées par la convention applicable à Mayotte. Il appartient à {{ operateur }}, et non à votre employeur, de vérifier que ces conditions sont remplies.
{%p else %}
Pour bénéficier de l'allocation, vous devez notamment justifier de la durée d'affiliation à l'assurance chômage exigée par la réglementation en vigueur à la date de la rupture, ne pas pouvoir bénéficier d'une pension de retraite à taux plein, être physiquement apte à l'exercice d'un emploi et résider sur le territoire relevant du régime d'assurance chômage. Il appartient à {{ operateur }}, et non à votre employeur, de vérifier que ces conditions sont remplies.
{%p endif %}
## 2. Votre délai de réflexion
{%p if salarie.mode_remise == "lrar" %}
Le présent document vous est adressé par lettre recommandée avec demande d'avis de réception. Vous disposez d'un délai de réflexion de **{{ parametres.duree_delai_reflexion_lettres }} jours** pour accepter ou refuser le contrat de sécurisation professionnelle. Ce délai court à compter du lendemain de la première présentation de ce pli à votre domicile, telle qu'elle figure sur l'avis de réception. Il expire le {{ parametres.duree_delai_reflexion_ordinal }} jour à minuit ou, si ce jour est un samedi, un dimanche ou un jour férié, le premier jour ouvrable suivant à minuit.
{%p elif salarie.mode_remise == "electronique" %}
Le présent document vous est transmis par voie électronique, avec votre accord préalable. Vous disposez d'un délai de réflexion de **{{ parametres.duree_delai_reflexion_lettres }} jours** pour accepter ou refuser le contrat de sécurisation professionnelle. Ce délai court à compter du lendemain de la réception de ce document, telle qu'elle ressort de l'accusé de réception électronique. Il expire le {{ parametres.duree_delai_reflexion_ordinal }} jour à minuit ou, si ce jour est un samedi, un dimanche ou un jour férié, le premier jour ouvrable suivant à minuit.
{%p else %}
Le présent document vous est remis en main propre, contre récépissé, le **{{ dates.remise|date_longue }}**, {{ remise.circonstance_libelle }}. Cette date de remise fait courir votre délai de réflexion.
Vous disposez d'un délai de **{{ parametres.duree_delai_reflexion_lettres }} jours** pour accepter ou refuser le contrat de sécurisation professionnelle. Ce délai court à compter du lendemain de la remise, soit du {{ dates.debut_delai_reflexion|date_longue }}{% if dates.fin_delai_reflexion and remise.echeance_connue %}, et expire le **{{ dates.fin_delai_reflexion|date_longue }} à minuit**{% endif %}.
{%p endif %}
{%p if conditions.salarie_protege and conditions.decision_autorisation_attendue_a_la_remise %}
Votre licenciement étant soumis à l'autorisation de l'inspecteur du travail, ce délai de réflexion est prolongé jusqu'au lendemain de la date à laquelle la décision de l'autorité administrative nous sera notifiée. Nous vous informerons par écrit, dès cette notification, de la date d'expiration de votre délai de réflexion, qui ne pourra être antérieure {% if remise.a_distance %}à l'expiration du délai de {{ parametres.duree_delai_reflexion_lettres }} jours{% else %}au {{ dates.fin_delai_reflexion_21_jours|date_longue }}{% endif %}. Si l'autorisation est refusée, votre contrat de travail ne sera pas rompu et votre éventuelle acceptation du contrat de sécurisation professionnelle restera sans effet.
{%p elif conditions.salarie_protege %}
Votre licenciement étant soumis à l'autorisation de l'autorité administrative, ce délai de réflexion est prolongé jusqu'au lendemain de la date de notification à l'employeur de la décision de l'autorité administrative compétente{% if dates.notification_autorisation %}, notifiée le {{ dates.notification_autorisation|date_longue }}{% endif %}.
{%p endif %}
Au cours de ce délai de réflexion, vous bénéficierez d'un entretien d'information réalisé par {{ operateur }}, destiné à vous éclairer dans votre choix.
## 3. Comment répondre
Si vous souhaitez bénéficier du contrat de sécurisation professionnelle, complétez et signez le **bulletin d'acceptation détachable** figurant à la fin du présent document, et remettez-le-nous {% if dates.fin_delai_reflexion and remise.echeance_connue %}au plus tard le {{ dates.fin_delai_reflexion|date_longue }} à minuit{% else %}avant l'expiration du délai de réflexion{% endif %}, **accompagné d'une copie de votre pièce d'identité ou du titre en tenant lieu**. Vous pouvez nous le remettre en main propre ou nous l'adresser par lettre recommandée avec demande d'avis de réception ; la date de votre acceptation est celle à laquelle vous signez le bulletin et nous le remettez ou nous l'adressez. Dès votre acceptation, nous transmettrons le bulletin et la copie de votre pièce d'identité à {{ operateur }}.
**L'absence de réponse de votre part au terme du délai de réflexion équivaut à un refus du contrat de sécurisation professionnelle.**
## 4. Si vous acceptez
Votre contrat de travail sera réputé rompu d'un commun accord des parties à la date d'expiration du délai de réflexion{% if dates.rupture_si_acceptation and remise.echeance_connue %}, soit le **{{ dates.rupture_si_acceptation|date_longue }}**{% endif %}. Vous bénéficierez, dès le lendemain de cette date{% if dates.debut_csp and remise.echeance_connue %} ({{ dates.debut_csp|date_longue }}){% endif %}, du statut de stagiaire de la formation professionnelle{% if dates.fin_csp and remise.echeance_connue %} ; le contrat de sécurisation professionnelle prendra fin le {{ dates.fin_csp|date_longue }}, sauf prolongation dans les cas prévus par la convention{% endif %}.
{%p if conditions.anciennete_un_an_incertaine %}
La rupture ne comporte ni préavis ni indemnité compensatrice de préavis. Si votre ancienneté est d'au moins un an à la date qui vient d'être indiquée, nous verserons à {{ operateur }}, au titre de notre participation au financement du contrat de sécurisation professionnelle, une somme correspondant à l'indemnité compensatrice de préavis que vous auriez perçue, dans la limite de {{ parametres.plafond_contribution_lettres }} mois de salaire ; si elle est inférieure à un an, cette indemnité compensatrice de préavis{% if montants.indemnite_preavis %}, soit {{ montants.indemnite_preavis|euros }} brut,{% endif %} vous sera versée lors de la rupture de votre contrat de travail.
{%p elif conditions.anciennete_moins_un_an %}
La rupture ne comporte pas de préavis. Votre ancienneté étant inférieure à un an, l'indemnité compensatrice de préavis que vous auriez perçue{% if montants.indemnite_preavis %}, soit {{ montants.indemnite_preavis|euros }} brut,{% endif %} vous sera versée lors de la rupture de votre contrat de travail.
{%p else %}
La rupture ne comporte ni préavis ni indemnité compensatrice de préavis. Nous verserons à {{ operateur }}, au titre de notre participation au financement du contrat de sécurisation professionnelle, une somme correspondant à l'indemnité compensatrice de préavis que vous auriez perçue, dans la limite de {{ parametres.plafond_contribution_lettres }} mois de salaire{% if montants.contribution_employeur and conditions.decision_autorisation_attendue_a_la_remise %}, soit, à titre indicatif, {{ montants.contribution_employeur|euros }} brut (estimation, son montant définitif dépendant de la date de la rupture){% elif montants.contribution_employeur %}, soit {{ montants.contribution_employeur|euros }} brut{% endif %}.
{%p endif %}
{%p if montants.excedent_preavis_salarie and not conditions.anciennete_moins_un_an %}
La fraction de l'indemnité compensatrice de préavis excédant {{ parametres.plafond_contribution_lettres }} mois de salaire, soit {{ montants.excedent_preavis_salarie|euros }} brut, vous sera versée lors de la rupture de votre contrat de travail.
{%p endif %}
{%p if montants.indemnite_licenciement_due and conditions.decision_autorisation_attendue_a_la_remise %}
Vous percevrez lors de la rupture l'indemnité de licenciement, légale ou conventionnelle, calculée sur votre ancienneté et votre salaire de référence à la date de la rupture, qui suivra la notification de la décision administrative ; à titre indicatif, pour une rupture au {{ dates.fin_delai_reflexion_21_jours|date_longue }}, elle serait de {{ montants.indemnite_licenciement_due|euros }} brut (estimation, non définitive). Vous percevrez également les sommes qui vous resteront dues au titre de l'exécution de votre contrat de travail (salaire, indemnité compensatrice de congés payés).
{%p elif montants.indemnite_licenciement_due %}
Vous percevrez lors de la rupture l'indemnité de licenciement, d'un montant brut de **{{ montants.indemnite_licenciement_due|euros }}** ({{ montants.indemnite_licenciement_due|montant_lettres }}), ainsi que les sommes qui vous resteront dues au titre de l'exécution de votre contrat de travail (salaire, indemnité compensatrice de congés payés).
{%p else %}
Vous percevrez lors de la rupture l'indemnité de licenciement, légale ou conventionnelle, si vous remplissez les conditions pour en bénéficier, ainsi que les sommes qui vous resteront dues au titre de l'exécution de votre contrat de travail (salaire, indemnité compensatrice de congés payés).
{%p endif %}
""" + LIMITATION_CSP + """
## 5. Priorité de réembauche
""" + PRIORITY + """
{%p if dates.fin_priorite_reembauche and remise.echeance_connue %}
En cas d'adhésion au contrat de sécurisation professionnelle, ce délai court à compter de la rupture de votre contrat de travail, soit jusqu'au {{ dates.fin_priorite_reembauche|date_longue }}.
{%p endif %}
## 6. Si vous refusez
Si vous refusez le contrat de sécurisation professionnelle, ou en l'absence de réponse de votre part dans le délai de réflexion, la procédure de licenciement pour motif économique se poursuivra. Vous bénéficierez alors du préavis et des indemnités prévus par la loi ou la convention collective applicable et, si vous en remplissez les conditions, de l'allocation d'aide au retour à l'emploi versée par {{ operateur }}.
## 7. Motif économique de la rupture envisagée
Le motif économique de la rupture envisagée, détaillé dans l'énoncé du motif économique {% if remise.a_distance %}joint au présent document{% else %}qui vous est remis le {{ dates.enonce_motif|date_longue }}{% endif %}, est le suivant :
""" + MOTIVE + CONTEXT_REFERENCES + """
@space 3
""" + CLOSING + """
@space 4
~ {% if remise.a_distance %}Pièces jointes{% else %}Pièces remises{% endif %} : bulletin d'acceptation détachable ; énoncé du motif économique de la rupture envisagée.
@pagebreak
@cut
# BULLETIN D'ACCEPTATION DU CONTRAT DE SÉCURISATION PROFESSIONNELLE
~ À compléter et signer par {{ salarie.le_salarie }} {% if salarie.feminin %}si elle{% else %}s'il{% endif %} accepte le contrat de sécurisation professionnelle, puis à remettre à l'employeur avant l'expiration du délai de réflexion, accompagné d'une copie de sa pièce d'identité ou du titre en tenant lieu.
@table 160 box
@cell
**Partie renseignée par l'employeur**
Employeur : {{ employeur.denomination }}{% if employeur.siret_formate %} – SIRET {{ employeur.siret_formate }}{% endif %}
Adresse : {{ employeur.adresse.rue }}{% if employeur.adresse.complement %}, {{ employeur.adresse.complement }}{% endif %}, {{ employeur.adresse.code_postal }} {{ employeur.adresse.ville }}
Salarié{{ salarie.e }} : {{ salarie.nom_complet }} – matricule {{ salarie.matricule }} – {{ salarie.emploi }}
{%p if remise.a_distance %}
Dates à compléter par l'employeur {% if salarie.mode_remise == "lrar" %}au retour de l'avis de réception{% else %}à réception de l'accusé de réception électronique{% endif %} :
Date de remise du document d'information ({% if salarie.mode_remise == "lrar" %}première présentation du pli{% else %}réception du document{% endif %}) : ........ / ........ / ................
Date d'expiration du délai de réflexion : ........ / ........ / ................ à minuit
{%p else %}
Date de remise du document d'information : **{{ dates.remise|date_courte }}**
{%p if dates.fin_delai_reflexion and remise.echeance_connue %}
Date d'expiration du délai de réflexion de {{ parametres.duree_delai_reflexion_jours }} jours : **{{ dates.fin_delai_reflexion|date_courte }}** à minuit
{%p else %}
Date d'expiration du délai de réflexion (communiquée par écrit dès la notification de la décision administrative) : ........ / ........ / ................
{%p endif %}
{%p endif %}
@endtable
@space 4
@table 160 box
@cell
**Partie à compléter par {{ salarie.le_salarie }}**
Je soussigné{{ salarie.e }}, {{ salarie.prenom_nom }},
☐  **J'accepte le contrat de sécurisation professionnelle** qui m'a été proposé.
J'ai pris connaissance de ce que mon contrat de travail sera réputé rompu d'un commun accord à la date d'expiration du délai de réflexion indiquée ci-dessus, et de ce que toute contestation portant sur la rupture de mon contrat de travail ou son motif se prescrit par douze mois à compter de mon adhésion au contrat de sécurisation professionnelle.
☐  Je joins une copie de ma pièce d'identité ou du titre en tenant lieu.
@space 4
Fait à ..............................................................., le ........ / ........ / ................
@space 4
Signature {{ salarie.du_salarie }} :
@space 24
@endtable
@space 4
@table 160 box
@cell
**Cadre réservé à l'employeur**
Bulletin reçu le ........ / ........ / ................  Nom et signature du représentant de l'employeur :
@space 14
@endtable
""",
)

# --- 2. Récépissé -------------------------------------------------------------------------

# Signed by both parties in two originals: it must fit on one page (P3-9), which
# tests/render/test_templates_pages.py checks with LibreOffice on every scenario of the lint matrix.
RECEPISSE = Template(
    filename="recepisse.docx",
    title="Récépissé de remise de la proposition de CSP – {{ salarie.nom_complet }}",
    subject="Récépissé de remise du document d'information sur le contrat de sécurisation professionnelle",
    header="{{ employeur.denomination }} – Récépissé de remise CSP – {{ salarie.nom_complet }}",
    footer="{{ employeur.raison_sociale }} – Récépissé de remise de la proposition de CSP – {{ salarie.prenom_nom }}\tPage [[PAGE]] / [[NUMPAGES]]",
    body=SENDER_ONLY + """
@space 4
# RÉCÉPISSÉ DE REMISE DE LA PROPOSITION DE CONTRAT DE SÉCURISATION PROFESSIONNELLE
~ {% if regime.texte %}{{ regime.texte }}{% else %}Convention relative au contrat de sécurisation professionnelle{% endif %} – document établi en deux exemplaires originaux
## Employeur
**{{ employeur.denomination }}**{% if employeur.procedure_collective_libelle %}, en {{ employeur.procedure_collective_libelle }}{% endif %}{% if employeur.siret_formate %}, SIRET {{ employeur.siret_formate }}{% endif %}, {{ employeur.adresse.rue }}{% if employeur.adresse.complement %}, {{ employeur.adresse.complement }}{% endif %}, {{ employeur.adresse.code_postal }} {{ employeur.adresse.ville }}, représentée par """ + REPRESENTANT + """.
## Salarié{{ salarie.e }}
**{{ salarie.nom_complet }}**, demeurant {{ salarie.adresse.rue }}{% if salarie.adresse.complement %}, {{ salarie.adresse.complement }}{% endif %}, {{ salarie.adresse.code_postal }} {{ salarie.adresse.ville }}, occupant le poste de travail suivant : {{ salarie.emploi }} (matricule {{ salarie.matricule }}).
## Documents remis
{%p if circonstance_remise == "entretien_prealable" and dates.entretien_prealable %}
Je soussigné{{ salarie.e }}, {{ salarie.prenom_nom }}, reconnais avoir reçu en main propre, le **{{ dates.remise|date_longue }}** à {{ remise.lieu }}, au cours de l'entretien préalable{% if dates.entretien_prealable != dates.remise %} du {{ dates.entretien_prealable|date_longue }}{% endif %}, les documents suivants :
{%p elif circonstance_remise == "derniere_reunion_cse" and dates.derniere_reunion_cse %}
Je soussigné{{ salarie.e }}, {{ salarie.prenom_nom }}, reconnais avoir reçu en main propre, le **{{ dates.remise|date_longue }}** à {{ remise.lieu }}, à l'issue de la dernière réunion de consultation du comité social et économique{% if dates.derniere_reunion_cse != dates.remise %} du {{ dates.derniere_reunion_cse|date_longue }}{% endif %}, les documents suivants :
{%p elif circonstance_remise == "lendemain_decision_administration" and dates.decision_administration %}
Je soussigné{{ salarie.e }}, {{ salarie.prenom_nom }}, reconnais avoir reçu en main propre, le **{{ dates.remise|date_longue }}** à {{ remise.lieu }}, {{ remise.circonstance_libelle }} du {{ dates.decision_administration|date_longue }}, les documents suivants :
{%p else %}
Je soussigné{{ salarie.e }}, {{ salarie.prenom_nom }}, reconnais avoir reçu en main propre, le **{{ dates.remise|date_longue }}** à {{ remise.lieu }}, les documents suivants :
{%p endif %}
- le document d'information sur le contrat de sécurisation professionnelle, comportant le bulletin d'acceptation détachable sur lequel l'employeur a indiqué la date de remise{% if remise.echeance_connue %} et la date d'expiration du délai de réflexion{% endif %} ;
- l'énoncé écrit du motif économique de la rupture envisagée de mon contrat de travail, daté du {{ dates.enonce_motif|date_longue }} ;
- ☐  le formulaire de demande d'allocation de sécurisation professionnelle (case cochée s'il a été remis).
## Délai de réflexion
{%p if dates.fin_delai_reflexion and remise.echeance_connue %}
J'ai été informé{{ salarie.e }} que je dispose d'un délai de réflexion de {{ parametres.duree_delai_reflexion_lettres }} jours pour accepter ou refuser le contrat de sécurisation professionnelle, courant à compter du {{ dates.debut_delai_reflexion|date_longue }} et expirant le **{{ dates.fin_delai_reflexion|date_longue }} à minuit**, et que l'absence de réponse de ma part au terme de ce délai équivaut à un refus.
{%p if conditions.salarie_protege %}
Mon licenciement étant soumis à autorisation, ce délai est prolongé jusqu'au lendemain de la date de notification à l'employeur de la décision de l'autorité administrative{% if dates.notification_autorisation %}, notifiée le {{ dates.notification_autorisation|date_longue }}{% endif %}.
{%p endif %}
{%p else %}
J'ai été informé{{ salarie.e }} que je dispose d'un délai de réflexion de {{ parametres.duree_delai_reflexion_lettres }} jours, courant à compter du {{ dates.debut_delai_reflexion|date_longue }}, pour accepter ou refuser le contrat de sécurisation professionnelle, que ce délai est prolongé jusqu'au lendemain de la date de notification à l'employeur de la décision de l'autorité administrative sur mon licenciement, que la date de son expiration, qui ne pourra être antérieure au {{ dates.fin_delai_reflexion_21_jours|date_longue }}, me sera communiquée par écrit, et que l'absence de réponse de ma part au terme de ce délai équivaut à un refus.
{%p endif %}
J'ai également été informé{{ salarie.e }} que je bénéficierai, au cours de ce délai, d'un entretien d'information réalisé par {{ operateur }}. Le présent récépissé ne vaut ni acceptation ni refus du contrat de sécurisation professionnelle.
@space 2
Fait à {{ remise.lieu }}, le {{ dates.remise|date_longue }}, en deux exemplaires originaux, dont l'un est remis à {{ salarie.nom_complet }}.
@space 3
@table 80,80
@cell
**Pour l'employeur**
""" + REPRESENTANT + """
Signature :
@space 20
@cell
**{% if salarie.feminin %}La salariée{% else %}Le salarié{% endif %}**
{{ salarie.prenom_nom }}
Date, écrite de la main {{ salarie.du_salarie }} : ........ / ........ / ................
Signature, précédée de la mention manuscrite « Reçu en main propre le … » :
@space 20
@endtable
@space 1
""",
)

# --- 3. Lettre recommandée avec AR (three wordings) ---------------------------------------

LETTRE = Template(
    filename="lettre.docx",
    title="Lettre recommandée avec demande d'avis de réception – {{ salarie.nom_complet }}",
    subject="{{ lettre.variante_libelle }}",
    header="{{ employeur.denomination }} – Lettre recommandée du {{ dates.envoi_lettre|date_courte }} à {{ salarie.nom_complet }}",
    footer="{{ employeur.raison_sociale }} – Lettre recommandée avec demande d'avis de réception – {{ salarie.prenom_nom }}\tPage [[PAGE]] / [[NUMPAGES]]",
    body=LETTERHEAD + """
@space 2
> {{ employeur.adresse.ville }}, le {{ dates.envoi_lettre|date_simple }}
@space 6
**Lettre recommandée avec demande d'avis de réception**
{%p if lettre.variante == "conservatoire" %}
**Objet : notification de votre licenciement pour motif économique, sous réserve de votre réponse à la proposition de contrat de sécurisation professionnelle**
{%p elif lettre.variante == "apres_acceptation" %}
**Objet : rupture de votre contrat de travail à la suite de votre adhésion au contrat de sécurisation professionnelle**
{%p else %}
**Objet : notification de votre licenciement pour motif économique**
{%p endif %}
@space 3
{{ salarie.civilite }},
{%p if salarie.mode_remise == "lrar" %}
La proposition d'un contrat de sécurisation professionnelle, accompagnée de l'énoncé écrit du motif économique de la rupture envisagée de votre contrat de travail, vous a été adressée par lettre recommandée avec demande d'avis de réception, présentée à votre domicile le {{ dates.remise|date_longue }}.
{%p elif salarie.mode_remise == "electronique" %}
La proposition d'un contrat de sécurisation professionnelle, accompagnée de l'énoncé écrit du motif économique de la rupture envisagée de votre contrat de travail, vous a été transmise par voie électronique et vous est parvenue le {{ dates.remise|date_longue }}.
{%p elif circonstance_remise == "entretien_prealable" and dates.entretien_prealable %}
Au cours de l'entretien préalable du {{ dates.entretien_prealable|date_longue }}, nous vous avons remis la proposition d'un contrat de sécurisation professionnelle ainsi que l'énoncé écrit du motif économique de la rupture envisagée de votre contrat de travail.
{%p elif circonstance_remise == "derniere_reunion_cse" and dates.derniere_reunion_cse %}
Le {{ dates.remise|date_longue }}, à l'issue de la dernière réunion de consultation du comité social et économique, nous vous avons remis la proposition d'un contrat de sécurisation professionnelle ainsi que l'énoncé écrit du motif économique de la rupture envisagée de votre contrat de travail.
{%p else %}
La proposition d'un contrat de sécurisation professionnelle, accompagnée de l'énoncé écrit du motif économique de la rupture envisagée de votre contrat de travail, vous a été remise le {{ dates.remise|date_longue }}.
{%p endif %}
{%p if conditions.salarie_protege and dates.notification_autorisation %}
Par décision notifiée le {{ dates.notification_autorisation|date_longue }}, l'inspecteur du travail a autorisé votre licenciement.
{%p endif %}
{%p if lettre.variante == "conservatoire" %}
{%p if conditions.decision_autorisation_attendue_a_la_remise %}
**Comme nous nous y étions engagés, nous vous informons, cette décision nous ayant été notifiée, que le délai de réflexion dont vous disposez pour accepter ou refuser ce contrat expire le {{ dates.fin_delai_reflexion|date_longue }} à minuit.**
{%p else %}
**Nous vous rappelons que le délai de réflexion dont vous disposez pour accepter ou refuser ce contrat expire le {{ dates.fin_delai_reflexion|date_longue }} à minuit.**
{%p endif %}
**En cas de refus du contrat de sécurisation professionnelle, y compris en l'absence de réponse de votre part dans ce délai, la présente lettre constituera la notification de votre licenciement pour motif économique**, pour les motifs exposés ci-après.
Si vous acceptez le contrat de sécurisation professionnelle, votre contrat de travail sera réputé rompu d'un commun accord des parties à la date d'expiration du délai de réflexion, soit le {{ dates.rupture_si_acceptation|date_longue }}, sans préavis ; la présente lettre vaudra alors énoncé du motif économique de la rupture et information sur votre priorité de réembauche.
{%p elif lettre.variante == "apres_acceptation" %}
Vous avez accepté cette proposition{% if salarie.reponse and salarie.reponse.decision == "acceptation" %} le {{ salarie.reponse.date|date_longue }}{% endif %}. En conséquence, votre contrat de travail est réputé rompu d'un commun accord des parties à la date d'expiration du délai de réflexion, soit le **{{ dates.rupture_si_acceptation|date_longue }}**, sans préavis. Vous bénéficiez du contrat de sécurisation professionnelle à compter du {{ dates.debut_csp|date_longue }}.
Nous vous confirmons par la présente le motif économique à l'origine de la proposition du contrat de sécurisation professionnelle, qui vous a été exposé par écrit le {{ dates.enonce_motif|date_longue }}, les raisons pour lesquelles votre reclassement n'a pas été possible, ainsi que la priorité de réembauche dont vous bénéficiez.
{%p else %}
{%p if salarie.reponse and salarie.reponse.decision == "refus" %}
Vous avez refusé cette proposition le {{ salarie.reponse.date|date_longue }}.
Nous vous notifions, par la présente, **votre licenciement pour motif économique**, pour les motifs exposés ci-après.
{%p else %}
À la date de la présente lettre, nous n'avons reçu de votre part aucun bulletin d'acceptation du contrat de sécurisation professionnelle{% if dates.fin_delai_reflexion %}, dont le délai de réflexion a expiré le {{ dates.fin_delai_reflexion|date_longue }} à minuit{% endif %} ; en l'absence d'acceptation, nous vous notifions, par la présente, **votre licenciement pour motif économique**, pour les motifs exposés ci-après.
{%p endif %}
{%p endif %}
""" + CONTEXT_REFERENCES + """
## Motif économique
{%p if lettre.variante == "apres_acceptation" %}
Le motif économique à l'origine de la proposition du contrat de sécurisation professionnelle est le suivant :
{%p else %}
Le motif économique de votre licenciement est le suivant :
{%p endif %}
""" + MOTIVE + """
## Recherche de reclassement
""" + RECLASSEMENT + """
{%p if lettre.variante == "licenciement" %}
## Préavis et fin du contrat
{%p if montants.preavis_mois %}
Votre préavis, d'une durée de {{ montants.preavis_mois|nombre }} mois, débutera à la date de première présentation de la présente lettre.
{%p endif %}
À l'expiration de votre contrat de travail, nous tiendrons à votre disposition votre certificat de travail, l'attestation destinée à {{ operateur_lettre }} et votre reçu pour solde de tout compte.
{%p elif lettre.variante == "conservatoire" %}
## Préavis et fin du contrat
{%p if montants.preavis_mois %}
En cas de refus du contrat de sécurisation professionnelle, votre préavis, d'une durée de {{ montants.preavis_mois|nombre }} mois, débutera à la date de première présentation de la présente lettre.
{%p endif %}
À l'expiration de votre contrat de travail, nous tiendrons à votre disposition votre certificat de travail, l'attestation destinée à {{ operateur_lettre }} et votre reçu pour solde de tout compte.
{%p else %}
## Sommes dues et documents de fin de contrat
{%p if conditions.anciennete_moins_un_an and montants.indemnite_preavis %}
Votre ancienneté étant inférieure à un an, l'indemnité compensatrice de préavis que vous auriez perçue, soit {{ montants.indemnite_preavis|euros }} brut, vous sera versée lors de la rupture.
{%p elif montants.excedent_preavis_salarie %}
La fraction de l'indemnité compensatrice de préavis excédant {{ parametres.plafond_contribution_lettres }} mois de salaire, soit {{ montants.excedent_preavis_salarie|euros }} brut, vous sera versée lors de la rupture.
{%p endif %}
{%p if montants.indemnite_licenciement_due %}
Vous percevrez lors de la rupture l'indemnité de licenciement, d'un montant brut de {{ montants.indemnite_licenciement_due|euros }}, ainsi que les sommes qui vous restent dues au titre de l'exécution de votre contrat de travail.
{%p endif %}
Nous tiendrons à votre disposition votre certificat de travail, l'attestation destinée à {{ operateur_lettre }} et votre reçu pour solde de tout compte.
{%p endif %}
## Priorité de réembauche
""" + PRIORITY + """
{%p if lettre.variante == "apres_acceptation" and dates.fin_priorite_reembauche %}
Ce délai court à compter de la rupture de votre contrat de travail, soit jusqu'au {{ dates.fin_priorite_reembauche|date_longue }}.
{%p elif lettre.variante == "conservatoire" %}
Ce délai court, en cas d'adhésion au contrat de sécurisation professionnelle, à compter de la rupture de votre contrat de travail et, en cas de refus, à compter de la fin de votre préavis, que celui-ci soit exécuté ou non.
{%p elif lettre.variante == "licenciement" %}
Ce délai court à compter de la fin de votre préavis, que celui-ci soit exécuté ou non.
{%p endif %}
## Délai de contestation
{%p if lettre.variante == "apres_acceptation" %}
Conformément à l'article L. 1233-67 du code du travail, toute contestation portant sur la rupture du contrat de travail ou son motif se prescrit par douze mois à compter de l'adhésion au contrat de sécurisation professionnelle.
{%p elif lettre.variante == "conservatoire" %}
En cas d'adhésion au contrat de sécurisation professionnelle, toute contestation portant sur la rupture du contrat de travail ou son motif se prescrit par douze mois à compter de l'adhésion (article L. 1233-67 du code du travail). En cas de refus, toute action portant sur la rupture de votre contrat de travail se prescrit par douze mois à compter de la notification de votre licenciement (article L. 1471-1 du code du travail), à l'exception des actions en réparation d'un dommage corporel causé à l'occasion de l'exécution du contrat de travail, des actions en paiement ou en répétition du salaire et des actions fondées sur une discrimination ou un harcèlement moral ou sexuel, qui obéissent à leurs propres délais ; toute contestation portant sur la régularité ou la validité du licenciement se prescrit par douze mois à compter de la dernière réunion du comité social et économique ou, si vous contestez individuellement la régularité ou la validité de votre licenciement, à compter de sa notification (article L. 1235-7 du code du travail).
{%p else %}
Toute action portant sur la rupture de votre contrat de travail se prescrit par douze mois à compter de la notification de votre licenciement (article L. 1471-1 du code du travail), à l'exception des actions en réparation d'un dommage corporel causé à l'occasion de l'exécution du contrat de travail, des actions en paiement ou en répétition du salaire et des actions fondées sur une discrimination ou un harcèlement moral ou sexuel, qui obéissent à leurs propres délais ; toute contestation portant sur la régularité ou la validité du licenciement se prescrit par douze mois à compter de la dernière réunion du comité social et économique ou, si vous contestez individuellement la régularité ou la validité de votre licenciement, à compter de sa notification (article L. 1235-7 du code du travail).
{%p endif %}
@space 3
""" + CLOSING,
)

# --- 4. Énoncé du motif économique --------------------------------------------------------

MOTIF = Template(
    filename="motif.docx",
    title="Énoncé du motif économique – {{ salarie.nom_complet }}",
    subject="Énoncé écrit du motif économique de la rupture envisagée",
    header="{{ employeur.denomination }} – Énoncé du motif économique du {{ (remise.date_document if remise.a_distance else dates.enonce_motif)|date_courte }} – {{ salarie.nom_complet }}",
    footer="{{ employeur.raison_sociale }} – Énoncé du motif économique – {{ salarie.prenom_nom }}\tPage [[PAGE]] / [[NUMPAGES]]",
    body=LETTERHEAD + """
@space 2
> {{ employeur.adresse.ville }}, le {{ (remise.date_document if remise.a_distance else dates.enonce_motif)|date_simple }}
@space 6
""" + HANDOVER_MODE + """
**Objet : énoncé du motif économique de la rupture envisagée de votre contrat de travail**
@space 3
{{ salarie.civilite }},
Dans le cadre de la procédure de {{ procedure.type_libelle }} engagée à votre égard, nous vous proposons, par un document d'information {% if salarie.mode_remise == "lrar" %}qui vous est adressé ce jour avec le présent énoncé, par lettre recommandée avec demande d'avis de réception{% elif salarie.mode_remise == "electronique" %}qui vous est transmis ce jour avec le présent énoncé, par voie électronique{% else %}remis le {{ dates.remise|date_longue }}{% endif %}, le bénéfice d'un contrat de sécurisation professionnelle.
Le motif économique de la rupture doit vous être énoncé par écrit au plus tard au moment de votre acceptation du contrat de sécurisation professionnelle (Cass. soc. 17 mars 2015, n° 13-26.941) : nous vous exposons donc par écrit, avant toute acceptation de votre part, le motif économique de la rupture envisagée de votre contrat de travail. Ce motif est celui de la rupture de votre contrat, que vous adhériez ou non au contrat de sécurisation professionnelle.
""" + CONTEXT_REFERENCES + """
## 1. Motif économique
""" + MOTIVE + """
## 2. Recherche de reclassement
""" + RECLASSEMENT + """
## 3. Priorité de réembauche
""" + PRIORITY + """
@space 3
""" + CLOSING,
)

# --- 5. Follow-up documents (issue 10; engine: cspdocs/engine/timeline.py) ------------------

# Letter confirming a handover at a distance, once its first presentation (or electronic receipt)
# is known (R-79, art. 4 § 1): the posted documents could not state the handover, expiry and
# rupture dates.
CONFIRMATION = Template(
    filename="confirmation.docx",
    title="Confirmation de la remise de la proposition de CSP – {{ salarie.nom_complet }}",
    subject="Confirmation de la date de remise et des dates du délai de réflexion",
    header="{{ employeur.denomination }} – Confirmation de remise du {{ dates.confirmation_remise|date_courte }} – {{ salarie.nom_complet }}",
    footer="{{ employeur.raison_sociale }} – Confirmation de la remise de la proposition de CSP – {{ salarie.prenom_nom }}\tPage [[PAGE]] / [[NUMPAGES]]",
    body=LETTERHEAD + """
@space 2
> {{ employeur.adresse.ville }}, le {{ dates.confirmation_remise|date_simple }}
@space 6
{%p if salarie.mode_remise == "electronique" %}
**Transmis par voie électronique, avec votre accord préalable**
{%p else %}
**Lettre recommandée avec demande d'avis de réception**
{%p endif %}
**Objet : confirmation de la remise de la proposition de contrat de sécurisation professionnelle et des dates de votre délai de réflexion**
@space 3
{{ salarie.civilite }},
{%p if salarie.mode_remise == "electronique" %}
Nous vous avons transmis par voie électronique{% if dates.envoi_documents %}, le {{ dates.envoi_documents|date_longue }},{% endif %} la proposition d'un contrat de sécurisation professionnelle, avec le bulletin d'acceptation et l'énoncé écrit du motif économique de la rupture envisagée de votre contrat de travail. Ces documents vous sont parvenus le **{{ dates.remise|date_longue }}** : cette date est celle de leur remise, qui fait courir votre délai de réflexion.
{%p else %}
Nous vous avons adressé par lettre recommandée avec demande d'avis de réception{% if dates.envoi_documents %}, postée le {{ dates.envoi_documents|date_longue }},{% endif %} la proposition d'un contrat de sécurisation professionnelle, avec le bulletin d'acceptation et l'énoncé écrit du motif économique de la rupture envisagée de votre contrat de travail. Cette lettre a été présentée à votre domicile le **{{ dates.remise|date_longue }}** : cette date est celle de la remise, qui fait courir votre délai de réflexion.
{%p endif %}
Vous disposez d'un délai de {{ parametres.duree_delai_reflexion_lettres }} jours pour accepter ou refuser ce contrat, à compter du lendemain de la remise, soit du {{ dates.debut_delai_reflexion|date_longue }}.
{%p if dates.fin_delai_reflexion %}
**Ce délai expire le {{ dates.fin_delai_reflexion|date_longue }} à minuit.** En cas d'acceptation, votre contrat de travail sera rompu d'un commun accord des parties à la date d'expiration du délai de réflexion, soit le **{{ dates.rupture_si_acceptation|date_longue }}**, sans préavis, et vous bénéficierez du contrat de sécurisation professionnelle à compter du {{ dates.debut_csp|date_longue }}.
{%p else %}
Votre licenciement étant soumis à autorisation, ce délai est prolongé jusqu'au lendemain de la notification de la décision de l'autorité administrative ; nous vous communiquerons par écrit, dès cette notification, la date d'expiration du délai et la date de rupture de votre contrat en cas d'acceptation.
{%p endif %}
Pour accepter, remettez-nous ou adressez-nous le bulletin d'acceptation, complété et signé, accompagné d'une copie de votre pièce d'identité. L'absence de réponse de votre part au terme de ce délai équivaut à un refus. Au cours de ce délai, vous bénéficiez d'un entretien d'information réalisé par {{ operateur }}.
@space 3
""" + CLOSING,
)

# Notice of a protected employee's new expiry date, handed over as soon as the authorisation is
# notified (R-80, art. 4 § 1 al. 3): the registered letter may reach the employee after that day.
NOUVELLE_ECHEANCE = Template(
    filename="nouvelle_echeance.docx",
    title="Avis de la nouvelle date d'expiration du délai de réflexion – {{ salarie.nom_complet }}",
    subject="Nouvelle date d'expiration du délai de réflexion après la notification de l'autorisation",
    header="{{ employeur.denomination }} – Nouvelle date d'expiration du délai de réflexion – {{ salarie.nom_complet }}",
    footer="{{ employeur.raison_sociale }} – Avis de la nouvelle date d'expiration du délai de réflexion – {{ salarie.prenom_nom }}\tPage [[PAGE]] / [[NUMPAGES]]",
    body=LETTERHEAD + """
@space 2
> {{ employeur.adresse.ville }}, le {{ dates.notification_nouvelle_echeance|date_simple }}
@space 6
**Remis en main propre contre signature**
**Objet : nouvelle date d'expiration de votre délai de réflexion sur le contrat de sécurisation professionnelle**
@space 3
{{ salarie.civilite }},
La proposition d'un contrat de sécurisation professionnelle vous a été remise le {{ dates.remise|date_longue }}. Votre licenciement étant soumis à autorisation, votre délai de réflexion est prolongé jusqu'au lendemain de la date de notification à l'employeur de la décision de l'autorité administrative.
Cette décision, qui autorise votre licenciement, nous a été notifiée le **{{ dates.notification_autorisation|date_longue }}**.
**En conséquence, votre délai de réflexion expire le {{ dates.fin_delai_reflexion|date_longue }} à minuit.** En cas d'acceptation, votre contrat de travail sera rompu d'un commun accord des parties à cette date, soit le **{{ dates.rupture_si_acceptation|date_longue }}**, sans préavis, et vous bénéficierez du contrat de sécurisation professionnelle à compter du {{ dates.debut_csp|date_longue }}. L'absence de réponse de votre part au terme de ce délai équivaut à un refus.
Pour accepter, remettez-nous le bulletin d'acceptation, complété et signé, accompagné d'une copie de votre pièce d'identité.
@space 3
""" + CLOSING + """
@space 3
@keep
**{% if salarie.feminin %}La salariée{% else %}Le salarié{% endif %}** : {{ salarie.prenom_nom }}
Remis en main propre le : ........ / ........ / ................
Signature du salarié{% if salarie.feminin %}e{% endif %} :
@space 20
@endkeep
""",
)

TEMPLATES = (INFORMATION, RECEPISSE, LETTRE, MOTIF, CONFIRMATION, NOUVELLE_ECHEANCE)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "templates"
    out.mkdir(parents=True, exist_ok=True)
    for template in TEMPLATES:
        (out / template.filename).write_bytes(build(template))
        print(f"{out / template.filename}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
