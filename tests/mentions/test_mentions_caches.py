"""The mention check's batch-wide caches never change a result: what the presence tests remember
from a document (where a wording matched) only tells them where to look first, and a word every
match must contain only skips texts that cannot match."""

from __future__ import annotations

from cspdocs.mentions import matcher as matching
from cspdocs.mentions.matcher import Matcher, required_word
from cspdocs.mentions.facts import Faits
from cspdocs.mentions.loading import default_catalogue
from cspdocs.mentions.pipeline import check_employee
from cspdocs.generate import render_employee
from cspdocs.pipeline import load_case
from cspdocs.render.modeles import load_templates
from tests.support.render import CASES


def test_required_word_is_a_word_every_match_contains():
    assert required_word("(ne comporte|sans|ni|aucun|pas de) ~ preavis") == "preavis"
    assert required_word("lettre recommandee avec (demande d'|)(avis|accuse) de reception") == "recommandee"
    assert required_word("accept* ~ contrat") == "contrat"
    assert required_word("(un|1) an") == ""  # nothing outside the alternatives: no shortcut
    assert required_word("{dates.remise}") == ""


def _matcher() -> Matcher:
    _, resultat = load_case(CASES / "individuel.yaml")
    return Matcher(default_catalogue(), Faits(resultat, resultat.employees[0]))


def test_a_remembered_place_is_only_tried_first():
    matcher = _matcher()
    pattern = "delai de reflexion de ~ jours"
    matching._HINTS.pop(pattern, None)
    first = matcher.find(pattern, "vous disposez d un delai de reflexion de 21 jours pour repondre")
    assert first is not None and matching._HINTS[pattern][0] == ("delai de reflexion de ", 0)  # up to the figure
    # the remembered wording is there first where the pattern does not match: looked for further on
    text = "delai de reflexion de la procedure collective, comme indique plus haut ; delai de reflexion de 15 jours"
    found = matcher.find(pattern, text)
    assert found is not None and found.group(0) == "delai de reflexion de 15 jours"
    assert matcher.find(pattern, "aucune mention du delai ici") is None
    assert matcher.search("(ne comporte|sans) ~ preavis", "la rupture ne comporte pas de indemnite") is None


def test_results_do_not_depend_on_what_was_checked_before():
    charge, resultat = load_case(CASES / "collectif-alsace.yaml")
    modeles, catalogue = load_templates(), default_catalogue()

    def report(rs):
        textes: list = []
        render_employee(resultat, rs, modeles, textes)
        return check_employee(resultat, rs, textes, catalogue).to_json()

    last = resultat.employees[-1]
    for cache in (matching._HINTS, matching._NEAR, matching._COMPILED, matching._WITHOUT_VALUES):
        cache.clear()
    alone = report(last)
    for rs in resultat.employees:  # every other employee first: remembered places, shared regexes
        report(rs)
    assert report(last) == alone
    assert alone["statut"] == "conforme" and alone["documents"]


def test_the_json_line_of_mentions_json_is_json_dumps_of_the_report():
    """workers.py writes each employee's line of mentions.json from cached result fragments: the
    same text as json.dumps of the report's documents and cross-checks, failures and details
    included (a missing mention is made by blanking the remittance date in the letter's facts)."""
    import json
    from dataclasses import replace

    charge, resultat = load_case(CASES / "collectif-alsace.yaml")
    modeles, catalogue = load_templates(), default_catalogue()
    seen = set()
    for rs in list(resultat.employees) + [resultat.employees[0]]:  # the first one again: from the cache
        textes: list = []
        render_employee(resultat, rs, modeles, textes)
        for wrong in (False, True):
            facts = replace(rs, dates={**rs.dates, "remise": None}) if wrong else rs
            rapport = check_employee(resultat, facts, textes, catalogue)
            full = rapport.to_json()
            expected = json.dumps({"matricule": rs.employee.matricule, "documents": full["documents"],
                                   "controles": full["controles"]}, ensure_ascii=False, separators=(",", ":"))
            assert rapport.json_line(rs.employee.matricule) == expected
            seen.update(m["statut"] for d in full["documents"] for m in d["mentions"])
    assert {"presente", "absente"} <= seen or {"presente", "non_conforme"} <= seen
