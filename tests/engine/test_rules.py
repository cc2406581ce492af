"""Dated parameters: no gap and no overlap in any parameter, lookups by date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cspdocs.rules.lookup import lookup, parameters


@pytest.mark.parametrize("name", sorted(parameters()))
def test_no_gap_no_overlap(name):
    periods = parameters()[name].periodes
    assert periods, name
    for p in periods:
        assert p.reference and p.au is None or p.du <= p.au
    for before, after in zip(periods, periods[1:]):
        assert before.au is not None, f"{name}: open period before another"
        assert after.du == before.au + timedelta(days=1), f"{name}: gap or overlap at {before.au}"


def test_lookup_values_by_date():
    assert lookup("operateur", date(2023, 12, 31)).valeur == "Pôle emploi"
    assert lookup("operateur", date(2024, 1, 1)).valeur == "France Travail"
    assert lookup("taux_asp", date(2015, 1, 31)).valeur == "0.80"
    assert lookup("taux_asp", date(2015, 2, 1)).valeur == "0.75"
    assert lookup("regime_csp", date(2026, 12, 31)).au == date(2026, 12, 31)
    assert lookup("regime_csp", date(2027, 1, 1)) is None  # A11: no known text
    assert lookup("fractions_indemnite_legale", date(2017, 9, 26)).valeur["jusqu_a_10_ans"] == "1/5"
    assert lookup("fractions_indemnite_legale", date(2017, 9, 27)).valeur["jusqu_a_10_ans"] == "1/4"
    assert lookup("anciennete_minimale_indemnite_mois", date(2017, 9, 24)).valeur == 8


# --- issue 9: parameters as validated, typed data -------------------------------------------------

from pathlib import Path  # noqa: E402

import yaml  # noqa: E402

from cspdocs.rules import lookup as L  # noqa: E402
from cspdocs.rules.registre import regles, sources  # noqa: E402

PACKAGE = Path(L.__file__).resolve().parents[1]


def test_every_parameter_has_a_unit_an_event_a_rule_and_sources():
    for p in parameters().values():
        assert isinstance(p.date_de_reference, L.Evenement), p.name
        assert p.regle in regles(), p.name
        assert all(s in sources() for period in p.periodes for s in period.sources), p.name
        assert all(period.sources for period in p.periodes), p.name


def test_every_parameter_is_read_by_the_code():
    code = "\n".join(f.read_text(encoding="utf-8") for f in PACKAGE.rglob("*.py") if "rules" not in f.parts)
    unused = [name for name in parameters() if f'"{name}"' not in code]
    assert not unused, f"paramètres jamais lus : {unused}"


def _raw():
    return yaml.safe_load(L.PARAMETERS_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutation, expected", [
    (lambda raw: raw["taux_asp"].update(date_de_reference="date d'engagement"), "n'est pas un événement"),
    (lambda raw: raw["taux_asp"].update(regle="R-999"), "absent de regles.yaml"),
    (lambda raw: raw["taux_asp"]["periodes"][0].update(sources=["inconnue"]), "absents de sources.yaml"),
    (lambda raw: raw["duree_delai_reflexion_jours"]["periodes"][0].update(valeur="21"), "int attendu"),
    (lambda raw: raw["duree_delai_reflexion_jours"].update(unite="heures"), "unité inconnue"),
    (lambda raw: raw["bareme_preavis_legal"]["periodes"][0]["valeur"].pop("un_mois_des"), "membres attendus"),
    (lambda raw: raw["taux_asp"].pop("unite"), "clés attendues"),
])
def test_schema_is_validated_at_load(mutation, expected):
    raw = _raw()
    mutation(raw)
    with pytest.raises(L.ParametresInvalides, match=expected):
        L._parse(raw, set(sources()), set(regles()))


def test_the_shipped_file_is_valid():
    assert L._parse(_raw(), set(sources()), set(regles())).keys() == parameters().keys()


def test_resolve_requires_the_selecting_event():
    assert L.resolve("duree_delai_reflexion_jours", remise=date(2026, 3, 3)).valeur == 21
    with pytest.raises(L.EvenementManquant):
        L.resolve("duree_delai_reflexion_jours", rupture=date(2026, 3, 3))
    with pytest.raises(L.ParametreInconnu):
        L.resolve("duree_inconnue", remise=date(2026, 3, 3))


def test_contribution_cap_is_selected_by_the_start_of_the_csp():
    assert parameters()["plafond_contribution_employeur_mois"].date_de_reference is L.Evenement.DEBUT_CSP
    with pytest.raises(L.EvenementManquant):
        L.resolve("plafond_contribution_employeur_mois", rupture=date(2026, 3, 24))


def test_outside_every_period_the_nearest_period_and_an_a11_warning():
    from cspdocs.engine import parameters as PR

    warnings: list[str] = []
    assert PR.value("duree_delai_reflexion_jours", lambda code, message: warnings.append(f"{code} : {message}"),
                    remise=date(2011, 3, 1)) == 21
    assert warnings and warnings[0].startswith("A11 : aucun texte connu ne fixe « Durée du délai de réflexion")
    assert PR.in_force("taux_asp", engagement=date(2027, 1, 1)) is None
    assert PR.in_force("taux_asp", engagement=date(2026, 1, 1)).valeur == "0.75"


def test_no_silent_fallback_left_in_the_engine():
    engine = PACKAGE / "engine"
    text = "\n".join(f.read_text(encoding="utf-8") for f in engine.glob("*.py"))
    assert "_param(" not in text and "lookup(" not in text
