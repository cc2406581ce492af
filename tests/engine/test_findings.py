"""Issue 9: findings are data. One type (engine/findings.py) for the case checks and the engine; the
warning lines of the contract JSON are views of them; every code a user sees is in the registry."""

from __future__ import annotations

import pytest

from cspdocs.casework import load_case
from cspdocs.engine.compute import compute_dossier
from cspdocs.engine.findings import Finding
from cspdocs.report import dossier_json
from cspdocs.rules.registre import regles
from tests.support.engine import dossier_for, load_vectors
from tests.support.contract import case_files

RESULTS = [load_case(p)[1] for p in case_files()] + [
    compute_dossier(dossier_for(v["input"]), v["id"]) for v in load_vectors("dates.yaml")]


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: r.name)
def test_warnings_are_views_of_the_findings(result):
    assert list(result.warnings) == [f.text for f in result.constats]
    for r in result.employees:
        assert all(isinstance(f, Finding) for f in r.constats)
        assert list(r.warnings) == [f.text for f in r.constats if not f.blocking]
        assert list(r.blockers) == [(f.loc, f.message) for f in r.constats if f.blocking]


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: r.name)
def test_every_finding_has_a_registered_code(result):
    known = regles()
    findings = list(result.constats) + [f for r in result.employees for f in r.constats]
    assert all(f.code in known for f in findings), [f.text for f in findings if f.code not in known]


def test_the_json_carries_the_findings_as_data():
    result = next(r for r in RESULTS if any(s.constats for s in r.employees))
    data = dossier_json(result)
    s = next(s for s in data["salaries"] if s["constats"])
    first = s["constats"][0]
    assert set(first) == {"code", "niveau", "chemin", "message", "sources"}
    assert first["niveau"] in ("erreur", "avertissement")
    assert s["avertissements"][0] == f"{first['code']} : {first['message']}"


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: r.name)
def test_every_fact_has_a_registered_rule_and_known_source_ids(result):
    from cspdocs.engine.citations import fact_rule, source_ids
    from cspdocs.rules.registre import sources

    known_rules, known_sources = regles(), sources()
    for r in result.employees:
        for e in r.explanations:
            assert fact_rule(e.path) in known_rules, e.path
            for citation in e.sources:
                ids = source_ids(citation)
                assert ids or citation == "Dossier", (e.path, citation)
                assert all(i in known_sources for i in ids), (e.path, citation, ids)


def test_the_json_explanations_carry_rule_and_source_ids():
    data = dossier_json(RESULTS[0])
    e = data["salaries"][0]["faits"]["dates.fin_delai_reflexion"]
    assert e["regle"] == "R-15" and "convention-2015" in e["source_ids"]
    assert set(data["salaries"][0]["faits"]) == {e["fait"] for e in data["salaries"][0]["explications"]}
    # the formula's named terms: the dated duration the engine applied, and the handover it counts from
    rs = RESULTS[0].employees[0]
    assert e["termes"]["duree_jours"] == rs.parameters["duree_delai_reflexion_jours"]
    assert e["termes"]["remise"] == rs.dates["remise"].isoformat()
