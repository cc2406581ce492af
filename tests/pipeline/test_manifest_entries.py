"""Manifest entries kept on disk (manifest_entries.py) give the manifest of the entries in memory."""

from __future__ import annotations

from cspdocs.manifest_entries import EntrySpool, ManifestEntries, manifest_text

ENTRIES = [{"matricule": f"M{i}", "repertoire": f"M{i}-Nom", "artefacts": [{"cle": "lettre", "chemin": "é\n\u2028"}],
            "avertissements": ["« texte »"] * i} for i in range(5)]
CARRIED = [{"matricule": "C1", "repertoire": "C1-x", "artefacts": []}]


def _spool(entries) -> EntrySpool:
    spool = EntrySpool()
    for entry in entries:
        spool.add(entry)
    return spool


def test_spooled_entries_write_the_same_manifest():
    for carried, entries in ((CARRIED, ENTRIES), ((), ENTRIES), (CARRIED, []), ((), [])):
        spooled = {"a": 1, "salaries": ManifestEntries(carried, _spool(entries)), "z": [1]}
        kept = {"a": 1, "salaries": list(carried) + list(entries), "z": [1]}
        assert manifest_text(spooled) == manifest_text(kept)
        assert list(spooled["salaries"]) == kept["salaries"]
        assert [spooled["salaries"][i] for i in range(-len(kept["salaries"]), len(kept["salaries"]))] == \
            kept["salaries"] * 2


def test_the_spool_is_a_mapping_by_matricule():
    spool = _spool(ENTRIES)
    assert len(spool) == 5 and list(spool) == [f"M{i}" for i in range(5)]
    assert spool["M3"] == ENTRIES[3] and "M9" not in spool
    assert dict(spool.items()) == {e["matricule"]: e for e in ENTRIES}
    spool.close()
