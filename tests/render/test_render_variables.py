"""The variable catalogue (render/variables.yaml) lists exactly what templates receive."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.mentions.scenarios import computed_scenarios
from cspdocs.render.context import build_context
from cspdocs.render.variables import catalogue, describe, paths


@pytest.fixture(scope="module")
def contexts():
    return [build_context(c.resultat, c.salarie) for c in computed_scenarios()]


def test_every_context_variable_is_documented(contexts):
    seen = {name for ctx in contexts for name, _ in paths(ctx)}
    undocumented = sorted(seen - set(catalogue()))
    assert not undocumented, f"variables absentes de render/variables.yaml : {undocumented}"


def test_every_documented_variable_exists(contexts):
    seen = {name for ctx in contexts for name, _ in paths(ctx)}
    stale = sorted(set(catalogue()) - seen)
    assert not stale, f"variables documentées que le contexte ne fournit plus : {stale}"


def test_variables_that_can_be_empty_say_when(contexts):
    for v in describe(contexts):
        if v.vide_dans or v.absente_dans:
            assert v.vide, f"{v.nom} est vide ou absente dans certains scénarios : renseigner « vide »"
        assert v.type, f"{v.nom} n'a de valeur dans aucun scénario"


def test_cli_lists_variables_with_type_and_example():
    result = CliRunner().invoke(main, ["templates", "variables"])
    assert result.exit_code == 0, result.output
    assert "dates.fin_delai_reflexion — date — Dernier jour du délai de réflexion" in result.output
    assert "(avec |date_longue)" in result.output
    assert "vide : salarié protégé dont l'autorisation n'est pas notifiée" in result.output


def test_cli_filters_by_prefix():
    result = CliRunner().invoke(main, ["templates", "variables", "salarie."])
    assert result.exit_code == 0
    assert "salarie.nom —" in result.output and "dates." not in result.output
