"""Fuzz test of the loader (issue 14): random bytes, random YAML structures and hostile values
spliced into a valid case give a French error or a valid result, never a traceback; a valid result
computes without crashing."""

from __future__ import annotations

import copy
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cspdocs.case.errors import DossierInvalide
from cspdocs.case.loader import load_dossier
from cspdocs.casework import compute_charged
from tests.support.fuzz import _no_local_constants, simple_case, to_yaml

pytestmark = pytest.mark.usefixtures(_no_local_constants.__name__)

FUZZ = settings(derandomize=True, deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_FRENCH_HINTS = ("attendu", "invalide", "interdit", "manquant", "inconnue", "doit", "plage", "fichier",
                 "valeur", "trop", "vide", "date", "caractère", "clé", "liste", "nombre", "texte", "groupe",
                 "incohérent", "référence", "ancre", "indentation", "guillemet", "tabulation", "YAML")


def _outcome(path: Path) -> None:
    """Load (and compute) the case at ``path``: a DossierInvalide in French, or a computed result."""
    try:
        charged = load_dossier(path)
    except DossierInvalide as exc:
        assert exc.erreurs, "an invalid case names at least one error"
        for error in exc.erreurs:
            assert error.fichier and error.message
            assert any(hint.lower() in error.message.lower() for hint in _FRENCH_HINTS), error.message
            assert not any(ord(c) < 32 and c not in "\n\t" for c in str(error)), repr(str(error))
        return
    try:
        compute_charged(charged)
    except DossierInvalide:
        pass  # the engine's blocking findings, reported like the loader's


def _check_bytes(data: bytes) -> None:
    """Write ``data`` as a case file in a folder removed afterwards, and check the outcome."""
    with tempfile.TemporaryDirectory(prefix="cspdocs-fuzz-loader-") as folder:
        path = Path(folder) / "dossier.yaml"
        path.write_bytes(data)
        _outcome(path)


VALID = to_yaml(simple_case()).encode("utf-8")

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["1e26", "1e9", "-0", "9999-12-31", "0001-01-01", "2007-06-12", "\u202eabc", "\u200b",
                     "\x00", "oui", "~", "NaN", ".inf", "0x1F", "1_000", "2026-02-30", "*", "&a", "!!python/none"]),
)
structures = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=25)

KEY_PATHS = (
    ("employeur", "effectif"), ("employeur", "adresse"), ("employeur", "signataire", "nom"),
    ("procedure", "date_entretien_prealable"), ("procedure", "type"), ("procedure", "motif_economique"),
    ("salaries",), ("salaries", 0, "date_entree"), ("salaries", 0, "salaire_brut_mensuel"),
    ("salaries", 0, "nom"), ("salaries", 0, "preavis_mois"), ("salaries", 0, "salaires_12_derniers_mois"),
    ("salaries", 0, "reponse"), ("salaries", 0, "adresse", "code_postal"), ("employeur", "jours_feries_supplementaires"),
)


def _set(data, path, value):
    """Put ``value`` at ``path``; a path that an earlier change replaced by a scalar is skipped."""
    node = data
    for key in path[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(node, dict) or (isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node)):
        node[path[-1]] = value


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _check_bytes(data)


@FUZZ
@given(st.binary(min_size=1, max_size=40), st.integers(min_value=0, max_value=len(VALID)))
def test_random_bytes_spliced_into_a_valid_case(noise, at):
    _check_bytes(VALID[:at] + noise + VALID[at:])


@FUZZ
@given(structures)
def test_random_yaml_structures(value):
    _check_bytes(yaml.dump(value, Dumper=_Dumper, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(KEY_PATHS), structures), min_size=1, max_size=3))
def test_random_values_in_a_valid_case(changes):
    data = copy.deepcopy(simple_case())
    for path, value in changes:
        _set(data, path, value)
    _check_bytes(yaml.dump(data, Dumper=_Dumper, allow_unicode=True).encode("utf-8"))
