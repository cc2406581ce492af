"""Issue 9: facts are data. Each computed fact names its formula (engine/prose.py's table), carries
the formula's named terms and its rule code; its French reasoning is the formula's template filled
from those terms, so the prose cannot disagree with them. Issue 8 / 9: the prose about one employee
agrees with her or his civilité."""

from __future__ import annotations

import string
from datetime import date
from decimal import Decimal

import pytest

from cspdocs.case.loader import load_dossier
from cspdocs.engine import amounts as A
from cspdocs.engine import dates as D
from cspdocs.engine.citations import FACT_RULES, fact_rule
from cspdocs.engine.facts import fact
from cspdocs.engine.prose import FORMS, FORMULAS, render, rules_by_fact
from tests.case.test_case_checks import with_employee_keys
from tests.case.test_case_loading import BASE, write
from tests.support import contract as C



def _placeholders(text: str) -> list[tuple[str, str]]:
    out = []
    for _, name, spec, _ in string.Formatter().parse(text):
        if name is None:
            continue
        if spec.startswith("?"):
            yes, _, no = spec[1:].partition("|")
            out += [(name, "?")] + _placeholders(yes) + _placeholders(no)
        else:
            out.append((name, spec))
    return out


@pytest.mark.parametrize("fid", sorted(FORMULAS))
def test_every_template_uses_known_forms_and_a_rule_unless_a_fragment(fid):
    f = FORMULAS[fid]
    for name, spec in _placeholders(f.template):
        assert spec == "?" or spec in FORMS, (fid, name, spec)
    assert (f.rule is None) == fid.startswith("+"), fid


def test_one_rule_per_fact_path_and_fact_rules_is_derived_from_the_formulas():
    rules = rules_by_fact()
    assert rules["dates.fin_delai_reflexion"] == "R-15" and rules["montants.asp_journaliere"] == "R-41"
    assert all(FACT_RULES[path] == rule for path, rule in rules.items())
    assert set(FACT_RULES) == set(rules)


def _example_results():
    from cspdocs.casework import load_case

    for path in C.case_files():
        yield from load_case(path)[1].employees


def test_every_engine_fact_of_the_examples_is_a_formula_with_its_terms_and_rule():
    seen = 0
    for rs in _example_results():
        for e in rs.explanations:
            seen += 1
            assert e.text is None and e.formula, e.path
            # the fact's own formula, a shared text, or (the 21 days, recorded as the period's end) one of the same rule
            assert FORMULAS[e.formula[0]].rule in (None, e.rule), (e.path, e.formula)
            assert e.rule == fact_rule(e.path), e.path
            terms = dict(e.terms) | {"valeur": e.value}
            for fid in e.formula:
                for name, _ in _placeholders(FORMULAS[fid].template):
                    assert name in terms, (e.path, fid, name)
            assert e.reasoning == render(e.formula, e.terms, e.value)
    assert seen > 500


def test_the_prose_is_a_view_of_the_terms():
    f = D.csp_end(date(2026, 3, 25), 12)
    assert f.terms == {"debut_csp": date(2026, 3, 25), "mois": 12, "anniversaire": date(2027, 3, 25)}
    assert f.rule == "R-38" and f.formula == ("dates.fin_csp",)
    assert f.reasoning.startswith("Le CSP est conclu pour 12 mois de date à date à compter du mercredi 25/03/2026 : "
                                     "veille du jeudi 25/03/2027, soit le mercredi 24/03/2027.")
    # another term, another sentence: the text is rebuilt from the terms, never stored beside them
    other = f._replace(terms={"debut_csp": date(2026, 3, 25), "mois": 10, "anniversaire": date(2027, 1, 25)})
    assert "conclu pour 10 mois" in other.reasoning and "veille du lundi 25/01/2027" in other.reasoning


def test_conditional_text_and_fragments_follow_their_terms():
    # the legal notice doubled for a disabled worker (fragment), then the declared notice (fragment)
    scale = {"un_mois_des": 6, "deux_mois_des": 24, "plafond_travailleur_handicape": 3}
    legal = A.legal_notice_months(30, True, scale)
    assert legal.formula == ("montants.preavis_mois/deux_mois", "+travailleur_handicape") and legal.value == 3
    owed = A.notice_months(legal, Decimal("2"))
    assert owed.reasoning == (
        "Ancienneté de 2 ans et 6 mois : au moins 2 ans d'ancienneté : 2 mois. Travailleur handicapé : durée doublée, "
        "dans la limite de 3 mois, soit 3 mois. Préavis conventionnel ou contractuel déclaré : 2 mois ; préavis légal : "
        "3 mois ; le plus long est retenu : 3 mois.")
    assert owed.terms["preavis_declare_mois"] == Decimal("2") and owed.rule == "R-46"


def test_unknown_formula_or_missing_term_fails_loudly():
    with pytest.raises(KeyError):
        fact("dates.nulle_part", None, ())
    with pytest.raises(KeyError):
        _ = fact("dates.fin_csp", date(2027, 3, 24), (), mois=12).reasoning  # debut_csp missing


# --- the two formulas the examples and the fuzz corpus do not reach --------------------------------


def test_severance_on_the_rupture_reading_states_the_other_reading():
    from cspdocs.engine.prose import years_months

    legal = A.legal_severance(100, Decimal("3000"), {"jusqu_a_10_ans": "1/4", "au_dela_de_10_ans": "1/3"}, 8, 120)
    assert legal.reasoning == "Ancienneté retenue : 8 ans et 4 mois (100 mois complets). 8 ans et 4 mois × 1/4 × 3 000,00 € = 6 250,00 €."
    assert years_months(12) == "1 an" and years_months(0) == "0 mois"


def _computed(tmp_path, text, name="dossier.yaml"):
    from cspdocs.casework import compute_charged

    return compute_charged(load_dossier(write(tmp_path, text, name)), None).employees[0]


def _texts(rs):
    return {e.path: e.reasoning for e in rs.explanations}


def test_declared_notice_pay_and_rupture_reading(tmp_path):
    text = with_employee_keys("salaire_preavis_mensuel: 3100.00").replace(
        "  type: individuel\n", "  type: individuel\n  lecture_anciennete_indemnite: rupture\n")
    rs = _computed(tmp_path, text)
    texts = _texts(rs)
    assert texts["montants.salaire_mensuel_preavis"] == ("Rémunération mensuelle qu'aurait perçue la salariée pendant le "
                                                         "préavis, déclarée : 3 100,00 €.")
    assert " Lecture retenue par le dossier (Cass. soc. 2 décembre 2009, n° 08-44.656) : ancienneté à la date de " \
           "rupture, 11 ans. Jusqu'à la fin du préavis non exécuté (ANI du 31 mai 2011, art. 9) : 11 ans et 2 mois, soit " \
           in texts["montants.indemnite_legale_licenciement"]
    assert rs.explanation("montants.indemnite_legale_licenciement").terms["lecture"] == "rupture"


# --- gender agreement (one helper: engine/wording.py, through the template forms) ----------------


@pytest.mark.parametrize("civilite, words", [
    ("Madame", ("la salariée", "à la salariée", "La salariée")),
    ("Monsieur", ("le salarié", "au salarié", "Le salarié")),
])
def test_amount_and_date_prose_agrees_with_the_civilite(tmp_path, civilite, words):
    le, au, cap = words
    # entered 20/03/2025: under a year at the letter's presentation (14/03/2026), a year at the end of the
    # period (24/03/2026): the R-41 warning speaks of the employee
    text = with_employee_keys("reponse: {decision: refus, date: 2026-03-05}").replace(
        "date_entree: 2015-03-01", "date_entree: 2025-03-20").replace("civilite: Madame", f"civilite: {civilite}")
    rs = _computed(tmp_path, text, f"{civilite}.yaml")
    texts = _texts(rs)
    assert f"si {le} adhère sur proposition" in texts["montants.penalite_defaut_proposition"]
    assert f"l'employeur verse {au}, à la rupture" in texts["montants.excedent_preavis_salarie"] \
        or f"versée {au} à la rupture" in texts["montants.excedent_preavis_salarie"]
    assert f"qu'aurait effectué {le} (" in texts["montants.anciennete_annees"]
    assert f"qu'aurait effectué {le}," in texts["dates.fin_preavis"]
    assert texts["lettre.variante"].startswith(f"{cap} a refusé le CSP le jeudi 05/03/2026")
    assert f"sans objet si {le} maintient son refus" in texts["dates.debut_csp"]
    r41 = [w for w in rs.warnings if w.startswith("R-41 : ")]
    assert r41 and f" : {le} a moins d'un an à cette date" in r41[0]


@pytest.mark.parametrize("civilite, protege", [("Madame", "Salariée protégée"), ("Monsieur", "Salarié protégé")])
def test_protected_employee_prose_agrees_with_the_civilite(civilite, protege):
    from cspdocs.calendar import Calendar

    f, _ = D.protected_last_day(date(2026, 3, 24), date(2026, 4, 30), Calendar("metropole"), 21, civilite)
    assert f.reasoning.startswith(f"{protege} : le délai est prolongé jusqu'au lendemain de la notification")
    assert f.terms["civilite"] == civilite


@pytest.mark.parametrize("civilite, said", [("Madame", "la réponse de la salariée"), ("Monsieur", "la réponse du salarié")])
def test_case_check_messages_agree_with_the_civilite(tmp_path, civilite, said):
    from tests.case.test_case_loading import only_error

    text = with_employee_keys("reponse: {decision: acceptation, date: 2026-03-02}").replace(
        "civilite: Madame", f"civilite: {civilite}")
    assert only_error(tmp_path, text).message.startswith(f"{said} (02/03/2026) précède la remise")
