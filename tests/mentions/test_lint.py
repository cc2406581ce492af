"""`cspdocs lint`: the default templates lint clean; broken copies fail, precisely."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from cspdocs.cli import main
from cspdocs.mentions.junit import STATIC_CASE, junit_xml
from cspdocs.mentions.lint import CROISE, lint
from cspdocs.mentions.scenario_coverage import coverage
from cspdocs.mentions.scenarios import computed_scenarios
from tests.support.mentions import (
    TEMPLATES,
    PARAGRAPH,
    TEXT_RUN,
    blank_template_paragraphs,
    copy_templates,
    edit_template,
    paragraph_text,
    replace_template_text,
    scenario_for,
)


@pytest.fixture(scope="module")
def default_report():
    return lint(TEMPLATES)


def test_default_templates_lint_clean(default_report):
    assert default_report.ok, default_report.texte()
    assert not default_report.constats, [c.texte() for c in default_report.constats]
    assert not default_report.couverture
    assert "toutes les mentions obligatoires sont présentes" in default_report.texte()


def test_matrix_covers_every_condition():
    computed = computed_scenarios()
    assert not coverage(computed=computed)
    types = {sc.resultat.case.procedure.type for sc in computed}
    assert types == {"individuel", "collectif_moins_de_10", "collectif_10_et_plus", "pse"}
    assert {sc.salarie.letter["variante"] for sc in computed} >= {"conservatoire", "licenciement", "apres_acceptation"}
    assert {"metropole", "alsace-moselle", "reunion", "mayotte"} <= {sc.salarie.zone for sc in computed}
    flags = ("salarie_protege", "maternite", "anciennete_moins_un_an", "cadre", "pse", "procedure_collective_judiciaire")
    for flag in flags:
        assert any(sc.salarie.conditions[flag] for sc in computed), flag
    assert any(sc.resultat.case.procedure.cse is True for sc in computed)
    assert any(sc.resultat.case.procedure.cse is False for sc in computed)
    assert any(sc.resultat.case.employeur.siret is None for sc in computed)


def test_lint_time(default_report):
    assert len(default_report.scenarios) >= 25
    assert default_report.duree < 15, f"lint trop lent : {default_report.duree:.1f} s"


def test_junit_is_valid_with_one_testcase_per_template_and_scenario(default_report, tmp_path):
    root = ET.fromstring(junit_xml(default_report))
    assert root.tag == "testsuites"
    cases = [c for c in root.iter("testcase") if c.get("name") != STATIC_CASE and c.get("classname") != CROISE]
    pairs = {(c.get("classname"), c.get("name")) for c in cases}
    scenarios = [sc.id for sc in default_report.scenarios]
    assert len(cases) == len(pairs) == 6 * len(scenarios)  # with the two follow-up documents (issue 10)
    assert pairs == {(t, s) for t in ("information.docx", "recepisse.docx", "lettre.docx", "motif.docx", "confirmation.docx",
                                      "nouvelle_echeance.docx") for s in scenarios}
    assert int(root.get("tests")) == len(list(root.iter("testcase")))
    assert root.get("failures") == "0" and root.get("errors") == "0"
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert {c.get("classname") for c in skipped} <= {"recepisse.docx", "lettre.docx", "confirmation.docx",
                                                     "nouvelle_echeance.docx"}
    # the follow-up documents are rendered where the journal makes them due (issue 10)
    assert {c.get("name") for c in cases if c.get("classname") == "confirmation.docx" and c.find("skipped") is None} == {
        "individuel-lrar-presentee", "individuel-electronique-recue", "individuel-lrar-protege-presentee"}
    assert any(c.get("classname") == "nouvelle_echeance.docx" and c.find("skipped") is None for c in cases)


def test_cli_lint_writes_junit(tmp_path):
    junit = tmp_path / "rapport" / "lint.xml"
    result = CliRunner().invoke(main, ["lint", str(TEMPLATES), "--junit", str(junit)])
    assert result.exit_code == 0, result.output
    assert "Bilan : toutes les mentions obligatoires" in result.output
    ET.parse(junit)


# Removing a mention from a copy of a template: (template, text of the paragraphs to empty, mention).
REMOVALS = [
    ("information.docx", "se prescrit par douze mois", "1.10"),
    ("information.docx", "entretien d'information réalisé par", "1.8"),
    ("information.docx", ("duree_delai_reflexion_lettres }} jours", "délai de réflexion de {{ parametres.duree_delai_reflexion_jours"), "1.3"),
    ("recepisse.docx", "énoncé écrit du motif économique", "2.6"),
    ("recepisse.docx", "Signature, précédée", "2.4"),
    ("lettre.docx", "constituera la notification de votre licenciement", "3A.4"),
    ("lettre.docx", "Nous vous rappelons que le délai de réflexion", "3A.3"),
    ("lettre.docx", "priorité de réembauche durant un délai de {{ parametres.duree_priorite_reembauche_lettres }} mois", "3A.7"),
    ("motif.docx", "Conséquence sur votre emploi", "4.3"),
]


@pytest.mark.parametrize("name, phrase, mention_id", REMOVALS, ids=lambda x: str(x))
def test_template_copy_without_a_mention_fails_naming_it(tmp_path, name, phrase, mention_id):
    directory = copy_templates(tmp_path / "modeles")
    for one in (phrase,) if isinstance(phrase, str) else phrase:
        edit_template(directory / name, directory / name, blank_template_paragraphs(one))
    artefact = name.removesuffix(".docx")
    sc = scenario_for(artefact, mention_id)
    report = lint(directory, scenarios=[sc])
    assert not report.ok
    text = report.texte()
    assert f"ERREUR {name} — mention {mention_id} " in text, text
    assert f"scénario : {sc.id}" in text or f"scénarios : {sc.id}" in text


def test_template_with_a_wrong_date_fails(tmp_path):
    """The reminder shows the first day of the CSP (the last day + 1) instead of the last day."""
    directory = copy_templates(tmp_path / "modeles")

    def edit(root):
        n = 0
        for p in root.iter(PARAGRAPH):
            if "Nous vous rappelons" in paragraph_text(p):
                for t in p.iter(TEXT_RUN):
                    if t.text and "dates.fin_delai_reflexion" in t.text:
                        t.text = t.text.replace("dates.fin_delai_reflexion", "dates.debut_csp")
                        n += 1
        return n

    edit_template(TEMPLATES / "lettre.docx", directory / "lettre.docx", edit)
    report = lint(directory, scenarios=[scenario_for("lettre", "3A.3")])
    assert not report.ok
    text = report.texte()
    assert "mention 3A.3" in text and "mention X.1" in text


def test_syntax_error_reports_the_paragraph_text(tmp_path):
    directory = copy_templates(tmp_path / "modeles")
    edit_template(TEMPLATES / "motif.docx", directory / "motif.docx", in_closing("{{ salarie.civilite | }}"))
    report = lint(directory, scenarios=computed_scenarios()[:2])
    assert not report.ok
    [error] = [c for c in report.constats if c.categorie == "syntaxe"]
    assert error.modele == "motif.docx"
    assert "Nous vous prions d'agréer" in error.paragraphe
    assert error.avant or error.apres
    text = report.texte()
    assert "erreur de syntaxe" in text and "paragraphe : « Nous vous prions d'agréer" in text
    result = CliRunner().invoke(main, ["lint", str(directory), "--junit", str(tmp_path / "j.xml")])
    assert result.exit_code == 1 and "Nous vous prions d'agréer" in result.output
    root = ET.parse(tmp_path / "j.xml").getroot()
    errors = [c for c in root.iter("testcase") if c.get("classname") == "motif.docx" and c.find("error") is not None]
    assert len(errors) == 1 + len(computed_scenarios())  # static analysis + every scenario


def test_unknown_variable_is_reported_with_its_paragraph(tmp_path):
    directory = copy_templates(tmp_path / "modeles", ["motif.docx"])
    edit_template(TEMPLATES / "motif.docx", directory / "motif.docx", in_closing("{{ salarie.civilte }}"))
    report = lint(directory, scenarios=computed_scenarios()[:1])
    assert not report.ok
    [finding] = [c for c in report.constats if c.categorie == "variable"]
    assert "salarie.civilte" in finding.message and "Nous vous prions" in finding.paragraphe


def _closing_tag(root):
    """The w:t holding ``{{ salarie.civilite }}`` in the closing formula, and its paragraph."""
    for p in root.iter(PARAGRAPH):
        if "Nous vous prions d'agréer" in paragraph_text(p):
            for t in p.iter(TEXT_RUN):
                if t.text == "{{ salarie.civilite }}":
                    return p, t
    raise AssertionError("formule de politesse introuvable")


def in_closing(new_tag: str):
    def edit(root):
        _p, t = _closing_tag(root)
        t.text = new_tag
        return 1
    return edit


def _split_run(at: int):
    def edit(root):
        _p, t = _closing_tag(root)
        run = t.getparent()
        clone = etree.fromstring(etree.tostring(run))
        t.text, clone.find(TEXT_RUN).text = t.text[:at], t.text[at:]
        run.addnext(clone)
        return 1
    return edit


def test_tag_split_across_runs_is_a_warning(tmp_path):
    directory = copy_templates(tmp_path / "modeles", ["motif.docx"])
    edit_template(TEMPLATES / "motif.docx", directory / "motif.docx", _split_run(8))
    report = lint(directory, scenarios=computed_scenarios()[:1])
    [finding] = [c for c in report.constats if c.categorie == "balise"]
    assert finding.niveau == "avertissement" and "2 segments" in finding.message
    assert report.ok, report.texte()


def test_tag_across_paragraphs_is_an_error(tmp_path):
    directory = copy_templates(tmp_path / "modeles", ["motif.docx"])

    def edit(root):
        p, t = _closing_tag(root)
        new_p = etree.fromstring(etree.tostring(p))
        p.addnext(new_p)
        t.text = "{{ salarie."
        for t2 in new_p.iter(TEXT_RUN):
            t2.text = "civilite }}" if t2.text == "{{ salarie.civilite }}" else ""
        return 1

    edit_template(TEMPLATES / "motif.docx", directory / "motif.docx", edit)
    report = lint(directory, scenarios=computed_scenarios()[:1])
    assert not report.ok
    assert any(c.categorie == "balise" and c.niveau == "erreur" and "autre paragraphe" in c.message
               for c in report.constats)


def test_empty_directory_fails(tmp_path):
    result = CliRunner().invoke(main, ["lint", str(tmp_path)])
    assert result.exit_code == 1 and "aucun modèle DOCX" in result.output


def scenario(sc_id: str):
    return next(sc for sc in computed_scenarios() if sc.id == sc_id)


# Mentions whose accepted wording depends on the situation (review P1-2, P1-3, P1-6):
# (template, text of the paragraphs to empty, mention, scenario where that wording is required).
SITUATION_REMOVALS = [
    # protected employee, authorisation notified after the handover: the promised written date
    ("information.docx", "Nous vous informerons par écrit, dès cette notification", "1.4", "individuel-protege"),
    ("information.docx", "Nous vous informerons par écrit, dès cette notification", "1.11", "individuel-protege"),
    ("information.docx", "Date d'expiration du délai de réflexion (communiquée par écrit", "1.6", "individuel-protege"),
    # documents posted by LRAR: the rule instead of the dates, blank dates on the slip
    ("information.docx", "première présentation de ce pli à votre domicile", "1.2", "individuel-lrar"),
    ("information.docx", "première présentation de ce pli à votre domicile", "1.4", "individuel-lrar"),
    ("information.docx", "................ à minuit", "1.6", "collectif-10-cse-lrar"),
    ("information.docx", "réception de ce document, telle qu'elle ressort", "1.2", "individuel-electronique"),
    # liquidation and redressement: the court-appointed officer signs
    ("lettre.docx", "ès qualités de liquidateur judiciaire", "S.1", "liquidation-judiciaire"),
    ("information.docx", "ès qualités de liquidateur judiciaire", "S.1", "liquidation-judiciaire"),
    ("motif.docx", "ès qualités de liquidateur judiciaire", "S.1", "liquidation-judiciaire"),
    ("recepisse.docx", "ès qualités de", "S.1", "liquidation-judiciaire"),
    ("lettre.docx", "{{ employeur.mandataire.qualite }}", "S.1", "redressement-judiciaire"),
]


@pytest.mark.parametrize("name, phrase, mention_id, sc_id", SITUATION_REMOVALS, ids=lambda x: str(x))
def test_situation_wording_removed_fails_naming_it(tmp_path, name, phrase, mention_id, sc_id):
    directory = copy_templates(tmp_path / "modeles")
    edit_template(directory / name, directory / name, blank_template_paragraphs(phrase))
    report = lint(directory, scenarios=[scenario(sc_id)])
    assert not report.ok
    text = report.texte()
    assert f"ERREUR {name} — mention {mention_id} " in text, text


def test_last_day_stated_before_it_is_known_fails(tmp_path):
    """P1-2/P1-3: a template stating the last day in documents dated at the handover fails (1.4, X.1)."""
    directory = copy_templates(tmp_path / "modeles")
    for name in ("information.docx", "recepisse.docx"):
        edit_template(directory / name, directory / name,
                      replace_template_text("and remise.echeance_connue", "and true"))
    for sc_id in ("individuel-protege", "individuel-lrar"):
        report = lint(directory, scenarios=[scenario(sc_id)])
        assert not report.ok
        text = report.texte()
        assert "ERREUR information.docx — mention 1.4 " in text and "interdite" in text, text
        assert "mention X.1" in text and "pas encore connu" in text, text
    # the same templates remain right where the last day is known at the handover
    assert lint(directory, scenarios=[scenario("individuel")]).ok


def test_letter_naming_the_operator_of_the_handover_warns(tmp_path):
    """P2-1: handover in December 2023, letter in January 2024: OP.1 reads the letter's date."""
    sc = scenario("individuel-changement-operateur")
    assert (sc.salarie.operator, sc.salarie.letter_operator) == ("Pôle emploi", "France Travail")
    directory = copy_templates(tmp_path / "modeles", ["lettre.docx"])
    edit_template(directory / "lettre.docx", directory / "lettre.docx",
                  replace_template_text("{{ operateur_lettre }}", "{{ operateur }}"))
    report = lint(directory, scenarios=[sc])
    assert report.ok  # recommended mention: a warning
    assert "AVERTISSEMENT lettre.docx — mention OP.1 " in report.texte()
    assert "AVERTISSEMENT" not in lint(TEMPLATES, scenarios=[sc]).texte()
