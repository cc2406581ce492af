"""Issue 9: a refactoring of the law package changes no output.

The contract JSON of every example case and of every date vector, the values of the amount rules
for every amount vector, and the internal facts the templates read are compared with the snapshots
in tests/fixtures/contract/ (written by ``python -m tests.support.contract --ecrire`` before the
refactoring). A deliberate change rewrites them and says why in the commit and in
tests/support/contract.py (DIFFERENCES).
"""

from __future__ import annotations

import json

import pytest

from tests.support import contract as C

SNAPSHOTS = C.all_snapshots()


def test_every_snapshot_has_a_fixture_and_back():
    stored = {p.name for p in C.FIXTURES.glob("*.json")}
    assert stored == {C.fixture_name(k) for k in SNAPSHOTS}


@pytest.mark.parametrize("key", sorted(SNAPSHOTS))
def test_output_identical(key):
    expected = json.loads((C.FIXTURES / C.fixture_name(key)).read_text(encoding="utf-8"))
    got = json.loads(C.dump(SNAPSHOTS[key]))
    if got != expected:
        for part in ("contrat", "interne"):
            if isinstance(got, dict) and part in got:
                assert got[part] == expected.get(part), f"{key}: {part}"
    assert got == expected, key
