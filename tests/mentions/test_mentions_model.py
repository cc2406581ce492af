"""The mention files: complete against mentions.md, well-formed, and strictly validated."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cspdocs.mentions.loading import default_catalogue, load_catalogue
from cspdocs.mentions.model import ARTEFACTS, DATA_DIR, FichierMentionsInvalide
from tests.support.paths import ROOT

SPEC = ROOT.parent / "shared" / "spec" / "mentions.md"


def spec_ids() -> set[str]:
    ids = set()
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| (\d[A-C]?\.\d+) \|", line)
        if m:
            ids.add(m.group(1))
    return ids


@pytest.mark.skipif(not SPEC.exists(), reason="spécification partagée absente")
def test_every_mention_of_the_spec_is_described():
    described = {m.id for m in default_catalogue().all_mentions()}
    missing = spec_ids() - described
    assert not missing, f"mentions de mentions.md absentes des fichiers : {sorted(missing)}"


def test_levels_follow_the_spec():
    cat = default_catalogue()
    obligatoires = {m.id for m in cat.all_mentions() if m.obligatoire}
    for mid in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.10", "1.11", "1.12", "1.13", "1.14",
                "2.1", "2.2", "2.3", "2.4", "2.6", "2.7", "3A.1", "3A.2", "3A.3", "3A.4", "3A.5", "3A.6", "3A.7",
                "3C.1", "4.1", "4.3", "4.4", "4.7"):
        assert mid in obligatoires, mid
    for mid in ("1.9", "1.15", "1.16", "1.17", "1.18", "2.5", "3A.8", "3A.9", "3A.10", "3A.11", "3A.12",
                "4.2", "4.5", "4.6", "4.8"):
        assert mid not in obligatoires, mid


def test_every_mention_has_french_label_source_and_expectation():
    for m in default_catalogue().all_mentions():
        assert m.libelle and m.source and m.attendu, m.id
        assert m.niveau in ("obligatoire", "recommandee")


def test_negative_mentions_of_3b_3c():
    lettre = default_catalogue().artefact("lettre")
    for mid in ("3A.3", "3A.4"):
        forbidden = lettre.mention(mid).interdite
        assert forbidden is not None
        assert set(forbidden.condition["variante"]) == {"licenciement", "apres_acceptation"}


def test_no_mention_is_written_in_python():
    """The checker's modules carry no mention id nor legal wording: everything is in the YAML files."""
    package = Path(DATA_DIR)
    for source in ("checker.py", "crosscheck.py", "lint.py", "pipeline.py", "report.py", "patterns.py", "matcher.py",
                   "recognition.py", "result.py", "folded_text.py", "folding.py", "value_forms.py", "display.py"):
        text = (package / source).read_text(encoding="utf-8")
        assert not re.search(r"\"(1\.\d+|2\.\d|3[ABC]\.\d+|4\.\d)\"", text), source
        assert "priorite de reembauche" not in text and "prescrit" not in text, source


def _copy_data(tmp_path: Path) -> Path:
    for f in Path(DATA_DIR).glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


@pytest.mark.parametrize("replace, message", [
    ("    niveau: obligatoire\n", "    niveau: essentielle\n", ),
])
def test_invalid_level_is_refused(tmp_path, replace, message):
    d = _copy_data(tmp_path)
    path = d / "motif.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(replace, message, 1), encoding="utf-8")
    with pytest.raises(FichierMentionsInvalide, match="niveau « essentielle » inconnu"):
        load_catalogue(d)


@pytest.mark.parametrize("edit, expected", [
    (("    condition: {cause: difficultes_economiques}", "    condition: {salarie_vip: true}"), "clé de condition inconnue « salarie_vip »"),
    (("      - \"groupe\"", "      - \"(groupe\""), "parenthèse non fermée"),
    (("      - \"groupe\"", "      - \"groupe {salaire.brut}\""), "chemin de fait inconnu « salaire.brut »"),
    (("    libelle: Groupe", "    libele: Groupe"), "clé inconnue « libele »"),
    (("  - id: \"4.8\"", "  - id: \"4.7\""), "identifiant en double"),
])
def test_malformed_files_give_french_errors(tmp_path, edit, expected):
    d = _copy_data(tmp_path)
    path = d / "motif.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(FichierMentionsInvalide, match=re.escape(expected)):
        load_catalogue(d)


def test_one_file_per_artefact():
    for name in ARTEFACTS:
        assert (Path(DATA_DIR) / f"{name}.yaml").is_file()
    assert set(default_catalogue().artefacts) == set(ARTEFACTS)
