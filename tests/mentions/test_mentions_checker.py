"""The checker on rendered default documents: each obligatoire mention removed fails, wrong values
fail, forbidden wordings fail, cross-artefact checks, the generate adapter and its report."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from cspdocs.case.loader import load_dossier
from cspdocs.engine.compute import compute_dossier
from cspdocs.generate import render_batch
from cspdocs.mentions import check_employee, check_lot, check_rendered, recognise_artefact
from cspdocs.mentions.result import ABSENTE, INTERDITE, NON_CONFORME
from cspdocs.mentions.extract import docx_text
from cspdocs.mentions.scenarios import computed_scenarios
from cspdocs.render.modeles import load_templates
from tests.support.mentions import (
    EXAMPLE_CASES,
    check,
    obligatoire_mentions,
    produced,
    remove_mention,
    render,
    replace_in_docx,
    scenario_for,
)

from cspdocs.mentions.model import ARTEFACTS  # noqa: E402  (with the follow-up documents, issue 10)


def scenario(scenario_id: str):
    return next(sc for sc in computed_scenarios() if sc.id == scenario_id)


def documents(sc):
    return {a: render(a, sc) for a in ARTEFACTS if produced(a, sc)}


def employee_report(sc, docs: dict[str, bytes]):
    return check_employee(sc.resultat, sc.salarie, [(a, docx_text(d), f"{a}.docx") for a, d in docs.items()])


@pytest.mark.parametrize("case", EXAMPLE_CASES, ids=lambda p: p.stem)
def test_default_documents_of_every_example_case_pass(case):
    charge = load_dossier(case)
    resultat = compute_dossier(charge.dossier, charge.nom)
    lot = render_batch(charge, resultat, load_templates())
    rapport = check_lot(resultat, lot)
    assert not rapport.blocking, rapport.texte()
    assert {d.employe for d in rapport.documents} == {s.matricule for s in lot.salaries}
    json.dumps(rapport.to_json(), ensure_ascii=False)


@pytest.mark.parametrize("sc", computed_scenarios(), ids=lambda sc: sc.id)
def test_default_documents_pass_in_every_scenario(sc):
    rapport = employee_report(sc, documents(sc))
    assert not rapport.blocking, rapport.texte()


@pytest.mark.parametrize("artefact, mention_id", obligatoire_mentions(), ids=lambda x: str(x))
def test_removing_an_obligatoire_mention_fails_naming_it(artefact, mention_id):
    sc = scenario_for(artefact, mention_id)
    docs = documents(sc)
    docs[artefact] = remove_mention(docs[artefact], artefact, mention_id, sc)
    failing = [r for r in check(docs[artefact], artefact, sc) if r.mention == mention_id]
    assert failing and failing[0].blocking and failing[0].statut in (ABSENTE, NON_CONFORME)
    rapport = employee_report(sc, docs)
    assert rapport.blocking
    text = rapport.texte()
    assert f"ERREUR {mention_id} " in text
    assert failing[0].source in text and "attendu :" in text and sc.salarie.employee.matricule in text


def test_last_day_shifted_by_one_day_fails_everywhere():
    sc = scenario("individuel")  # reflection period ends on Monday 1 June 2026
    assert str(sc.salarie.dates["fin_delai_reflexion"]) == "2026-06-01"
    docs = documents(sc)
    docs["information"] = replace_in_docx(docs["information"], "lundi 1er juin 2026", "mardi 2 juin 2026")
    docs["information"] = replace_in_docx(docs["information"], "01/06/2026", "02/06/2026")
    results = {r.mention: r for r in check(docs["information"], "information", sc)}
    assert results["1.4"].blocking and results["1.4"].statut == NON_CONFORME
    assert "mardi 2 juin 2026" in results["1.4"].detail and "lundi 1er juin 2026" in results["1.4"].detail
    assert results["1.6"].blocking
    cross = {r.mention: r for r in employee_report(sc, docs).controles}
    assert cross["X.1"].blocking and "mardi 2 juin 2026" in cross["X.1"].detail


def test_one_shifted_occurrence_is_enough_to_fail():
    sc = scenario("individuel")
    docs = documents(sc)
    docs["lettre"] = replace_in_docx(docs["lettre"], "expire le lundi 1er juin 2026", "expire le mardi 2 juin 2026")
    results = {r.mention: r for r in check(docs["lettre"], "lettre", sc)}
    assert results["3A.3"].blocking
    cross = {r.mention: r for r in employee_report(sc, docs).controles}
    assert cross["X.1"].blocking


def test_conditional_wording_is_forbidden_after_the_period_or_after_acceptance():
    conservatoire = render("lettre", scenario("individuel"))
    for other in ("individuel-hors-delai", "individuel-acceptation"):
        sc = scenario(other)
        results = check(conservatoire, "lettre", sc)
        forbidden = {r.mention for r in results if r.statut == INTERDITE}
        assert {"3A.3", "3A.4"} <= forbidden, other
        assert all(r.blocking for r in results if r.statut == INTERDITE)
    # after acceptance, a letter of the reflection period contradicts its own date
    sc = scenario("individuel-acceptation")
    cross = {r.mention: r for r in employee_report(sc, {"lettre": conservatoire}).controles}
    assert cross["X.5"].blocking and "consécutive à l'adhésion" in cross["X.5"].detail
    # after the period, the letter is not the one the engine dates (3A.2: dispatch on 10 June 2026)
    sc = scenario("individuel-hors-delai")
    assert [r for r in check(conservatoire, "lettre", sc) if r.mention == "3A.2" and r.blocking]


def test_default_letters_do_not_contain_forbidden_wording():
    for sc_id in ("individuel-hors-delai", "individuel-refus", "individuel-acceptation", "pse-licenciement"):
        sc = scenario(sc_id)
        assert not [r for r in check(render("lettre", sc), "lettre", sc) if r.statut == INTERDITE], sc_id


def test_pre_ticked_slip_is_forbidden():
    sc = scenario("individuel")
    data = replace_in_docx(render("information", sc), "☐", "☒", count=1)
    forbidden = [r for r in check(data, "information", sc) if r.statut == INTERDITE]
    assert forbidden and forbidden[0].mention == "1.5" and forbidden[0].blocking


def test_letter_dated_before_the_earliest_lawful_date():
    sc = scenario("individuel")  # earliest dispatch: Thursday 21 May 2026
    docs = documents(sc)
    docs["lettre"] = replace_in_docx(docs["lettre"], "Lyon, le 21 mai 2026", "Lyon, le 15 mai 2026")
    cross = {r.mention: r for r in employee_report(sc, docs).controles}
    assert cross["X.4"].blocking and "15 mai 2026" in cross["X.4"].detail
    assert [r for r in check(docs["lettre"], "lettre", sc) if r.mention == "3A.2" and r.blocking]


def test_motive_dated_after_acceptance_blocks():
    sc = scenario("individuel-acceptation")  # accepted on 14 May 2026, handover 11 May
    motif = replace_in_docx(render("motif", sc), "Lyon, le 11 mai 2026", "Lyon, le 20 mai 2026")
    cross = {r.mention: r for r in employee_report(sc, {"motif": motif}).controles}
    assert cross["X.3"].blocking and "R-31" in cross["X.3"].detail
    assert cross["X.2"].echec and not cross["X.2"].blocking
    # the information document stating the motive on the handover day cures it
    docs = {"motif": motif, "information": render("information", sc)}
    cross = {r.mention: r for r in employee_report(sc, docs).controles}
    assert not cross["X.3"].echec


def test_each_default_artefact_is_recognised_from_its_content():
    for sc_id in ("individuel", "individuel-acceptation", "pse", "collectif-10-cse-alsace"):
        sc = scenario(sc_id)
        for artefact, data in documents(sc).items():
            texte = docx_text(data)
            assert recognise_artefact(texte) == artefact, (sc_id, artefact)
            assert recognise_artefact(texte, titre=texte.titre) == artefact


def test_check_lot_blocks_and_reports_json():
    charge = load_dossier(EXAMPLE_CASES[0].parent / "individuel.yaml")
    resultat = compute_dossier(charge.dossier, charge.nom)
    lot = render_batch(charge, resultat, load_templates())
    salarie = lot.salaries[0]
    lettre = next(d for d in salarie.documents if d.artefact.cle == "lettre")
    sc_like = type("S", (), {"resultat": resultat, "salarie": resultat.employees[0]})
    broken = remove_mention(lettre.contenu, "lettre", "3A.7", sc_like)
    docs = tuple(replace(d, contenu=broken) if d is lettre else d for d in salarie.documents)
    lot = replace(lot, salaries=(replace(salarie, documents=docs),))
    rapport = check_lot(resultat, lot)
    assert rapport.blocking
    data = json.loads(json.dumps(rapport.to_json(), ensure_ascii=False))
    assert data["statut"] == "bloque" and data["mentions_obligatoires_en_defaut"] >= 1
    letter = next(d for d in data["documents"] if d["artefact"] == "lettre")
    assert letter["fichier"] == lettre.artefact.fichier and not letter["conforme"]
    failed = [m for m in letter["mentions"] if m["statut"] != "presente"]
    assert failed[0]["id"] == "3A.7" and failed[0]["niveau"] == "obligatoire" and failed[0]["source"]
    assert "3A.7" in rapport.texte() and "Bilan" in rapport.texte()


def test_unknown_matricule_and_unreadable_document_block():
    sc = scenario("individuel")
    rapport = check_rendered(sc.resultat, {"X999": {"lettre": b""}, sc.salarie.employee.matricule: {"lettre": b"abc"}})
    assert rapport.blocking and len(rapport.erreurs) == 2


# Hand-written wordings a lawyer could use instead of the default templates' (recognised as present).
LETTER_HEAD = ("Lyon, le 21 mai 2026. Lettre recommandée avec demande d'avis de réception. "
               "Objet : notification de votre licenciement. ")
ALTERNATIVES = [
    ("3A.3", "Le délai de 21 jours dont vous disposez pour vous prononcer sur le CSP expire le 1er juin 2026."),
    ("3A.3", "Vous disposez jusqu'au lundi 1er juin 2026 inclus pour accepter ou refuser le contrat de sécurisation professionnelle."),
    ("3A.3", "Votre délai de réflexion prendra fin le 01/06/2026 à minuit."),
    ("3A.4", "Si vous refusez le CSP, ce courrier vaudra notification de votre licenciement pour motif économique."),
    ("3A.4", "À défaut de réponse dans ce délai, la présente lettre tiendra lieu de notification de votre licenciement."),
    ("3A.7", "Vous pourrez bénéficier d’une priorité de réembauche pendant 1 an à compter de la rupture, à condition "
             "d’en faire la demande ; elle vaut pour tout poste compatible avec votre qualification."),
]


@pytest.mark.parametrize("mention_id, wording", ALTERNATIVES)
def test_other_lawful_wordings_are_recognised(mention_id, wording):
    sc = scenario("individuel")
    from cspdocs.mentions import check_artefact

    results = {r.mention: r for r in check_artefact("lettre", LETTER_HEAD + wording, sc.resultat, sc.salarie)}
    assert results[mention_id].statut == "presente", results[mention_id]


def test_dismissal_letter_may_say_the_period_has_expired_but_not_recall_it():
    """P2-7: « dont le délai de réflexion a expiré le … » is not a reminder; a running period is."""
    sc = scenario("individuel-hors-delai")
    letter = render("lettre", sc)
    assert "a expiré le lundi 1er juin 2026" in docx_text(letter).normalise
    assert not [r for r in check(letter, "lettre", sc) if r.statut == INTERDITE]
    for reminder in ("Votre délai de réflexion expire le lundi 1er juin 2026.",
                     "Le délai de réflexion dont vous disposez pour répondre expire le 1er juin 2026.",
                     "Votre délai de réflexion prendra fin le 01/06/2026 à minuit."):
        from cspdocs.mentions import check_artefact
        results = check_artefact("lettre", LETTER_HEAD + reminder, sc.resultat, sc.salarie)
        assert [r for r in results if r.mention == "3A.3" and r.statut == INTERDITE], reminder


@pytest.mark.parametrize("sc_id", ["individuel-protege", "individuel-lrar"])
def test_last_day_in_a_document_dated_before_it_is_known_blocks(sc_id):
    """P1-2/P1-3: the information document states the rule; a date there is a guess (1.4, X.1)."""
    sc = scenario(sc_id)
    docs = documents(sc)
    assert not [r for r in check(docs["information"], "information", sc) if r.echec and r.niveau == "obligatoire"]
    cross = {r.mention: r for r in employee_report(sc, docs).controles}
    assert not cross["X.1"].echec
    fin = sc.salarie.dates["fin_delai_reflexion"]
    day = f"{fin.day if fin.day > 1 else '1er'}"
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")
    guessed = f"l'absence de réponse expire le {day} {months[fin.month - 1]} {fin.year}. L'absence de réponse"
    docs["information"] = replace_in_docx(docs["information"], "L'absence de réponse", guessed, count=1)
    results = {r.mention: r for r in check(docs["information"], "information", sc)}
    assert results["1.4"].statut == INTERDITE and results["1.4"].blocking
    cross = {r.mention: r for r in employee_report(sc, docs).controles}
    assert cross["X.1"].blocking and "pas encore connu" in cross["X.1"].detail


def test_liquidation_documents_signed_by_the_liquidator():
    sc = scenario("liquidation-judiciaire")
    for artefact, data in documents(sc).items():
        results = {r.mention: r for r in check(data, artefact, sc)}
        assert results["S.1"].statut == "presente", artefact
        broken = replace_in_docx(data, "Maître Paul Roth", "Claire Martin")
        results = {r.mention: r for r in check(broken, artefact, sc)}
        assert results["S.1"].blocking, artefact
