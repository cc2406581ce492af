"""`cspdocs generate` on the example cases with the real engine: files, manifest, atomicity."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.engine.compute import compute_dossier
from cspdocs.publish import employee_folder, safe_name
from cspdocs.render.modeles import default_templates_dir
from tests.support.render import (
    CASES, EXAMPLE_CASES, ROOT, UNRENDERED, all_text, fr_long, fr_short, normalise_spaces,
)

INVALID = ROOT / "tests" / "fixtures" / "cases" / "invalide.yaml"
ALSACE = CASES / "collectif-alsace.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def tree(path: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``path`` (hidden temp dirs included)."""
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("sortie")
    for case in EXAMPLE_CASES:
        result = run("generate", str(case), "-o", str(out))
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("case", EXAMPLE_CASES, ids=lambda p: p.stem)
def test_example_case_documents(generated, case):
    charge = load_dossier(case)
    resultat = compute_dossier(charge.dossier, charge.nom)
    folder = generated / charge.nom
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["dossier"]["fichier"] == case.name
    assert manifest["dossier"]["sha256"] == hashlib.sha256(case.read_bytes()).hexdigest()
    assert {m["fichier"] for m in manifest["modeles"]} == {"information.docx", "recepisse.docx", "lettre.docx", "motif.docx",
                                                        "confirmation.docx", "nouvelle_echeance.docx"}
    assert manifest["regles"] and all(len(r["sha256"]) == 64 for r in manifest["regles"])
    by_matricule = {e["matricule"]: e for e in manifest["salaries"]}
    assert set(by_matricule) == {r.employee.matricule for r in resultat.employees}
    for rs in resultat.employees:
        entry = by_matricule[rs.employee.matricule]
        produced = {a["cle"]: a for a in entry["artefacts"]}
        # the follow-up documents (issue 10) only once the journal makes them due
        assert set(produced) | {o["cle"] for o in entry["omis"]} >= {"information", "recepisse", "lettre", "motif"}
        assert set(produced) - {"information", "recepisse", "lettre", "motif"} <= {"confirmation", "nouvelle_echeance"}
        for artefact in entry["artefacts"]:
            data = (folder / artefact["chemin"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == artefact["sha256"]
            docx.Document(io.BytesIO(data))
            text = normalise_spaces(all_text(data))
            assert not UNRENDERED.search(text), artefact["chemin"]
            assert rs.employee.nom in text
        d = rs.dates
        info = normalise_spaces(all_text((folder / produced["information"]["chemin"]).read_bytes()))
        # sent at a distance, the document states the rule, not the day it reaches the employee (R-14);
        # handed over before a protected employee's authorisation, not the last day (R-51)
        remote = rs.employee.mode_remise in ("lrar", "electronique")
        if not remote:
            assert fr_long(d["remise"]) in info
            assert fr_short(d["remise"]) in info
        if d["fin_delai_reflexion"] and not remote and not rs.conditions["decision_autorisation_attendue_a_la_remise"]:
            assert fr_long(d["fin_delai_reflexion"]) in info and fr_short(d["fin_delai_reflexion"]) in info
        elif d["fin_delai_reflexion"]:
            assert fr_long(d["fin_delai_reflexion"]) not in info and fr_short(d["fin_delai_reflexion"]) not in info
        due = rs.amounts["indemnite_licenciement_due"]
        if due:
            whole, cents = f"{due:.2f}".split(".")
            grouped = f"{int(whole):,}".replace(",", " ")
            assert f"{grouped},{cents} €" in info
        if "lettre" in produced:
            assert produced["lettre"]["variante"] == rs.letter["variante"]
            lettre = normalise_spaces(all_text((folder / produced["lettre"]["chemin"]).read_bytes()))
            day = d["envoi_lettre"]
            assert f", le {day.day if day.day > 1 else '1er'} " in lettre
            recall = f"expire le {fr_long(d['fin_delai_reflexion'])} à minuit" if d["fin_delai_reflexion"] else None
            if rs.letter["variante"] == "conservatoire":
                assert recall in lettre and "constituera la notification de votre licenciement" in lettre
            else:
                assert "constituera la notification" not in lettre
                if recall:
                    assert recall not in lettre


def test_every_letter_variant_is_covered_by_the_examples(generated):
    variants = set()
    for manifest in generated.glob("*/manifest.json"):
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["salaries"]:
            variants |= {a["variante"] for a in entry["artefacts"] if a["cle"] == "lettre"}
    assert variants == {"conservatoire", "apres_acceptation", "licenciement"}


def test_registered_letter_handover_has_no_recepisse(generated):
    manifest = json.loads((generated / "collectif-alsace" / "manifest.json").read_text(encoding="utf-8"))
    e110 = next(e for e in manifest["salaries"] if e["matricule"] == "E110")
    assert [o["cle"] for o in e110["omis"]] == ["recepisse"]
    assert not (generated / "collectif-alsace" / e110["repertoire"] / "2-recepisse.docx").exists()


def test_output_layout_and_file_names(generated):
    folder = generated / "individuel" / "V-0112-Benali"
    assert sorted(p.name for p in folder.iterdir()) == [
        "1-document-information-csp.docx", "2-recepisse.docx", "3-lettre-recommandee.docx",
        "4-enonce-motif-economique.docx",
    ]
    assert not [p for p in generated.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_two_runs_give_identical_bytes(tmp_path):
    for out in ("a", "b"):
        assert run("generate", str(ALSACE), "-o", str(tmp_path / out)).exit_code == 0
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first == second and len(first) > 30


def test_invalid_case_writes_nothing(tmp_path):
    out = tmp_path / "sortie"
    assert run("generate", str(ALSACE), "-o", str(out)).exit_code == 0
    before = tree(out)
    result = CliRunner().invoke(main, ["generate", str(INVALID), "-o", str(out)])
    assert result.exit_code == 1
    assert "Dossier invalide" in result.output and "Aucun document écrit" in result.output
    assert tree(out) == before
    empty = tmp_path / "vide"
    assert CliRunner().invoke(main, ["generate", str(INVALID), "-o", str(empty)]).exit_code == 1
    assert not empty.exists()


def _failing_templates(tmp_path: Path) -> Path:
    """A letter template that fails only for the post-acceptance wording (7th employee of Alsace)."""
    import zipfile
    custom = tmp_path / "modeles"
    custom.mkdir()
    source = default_templates_dir() / "lettre.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(custom / "lettre.docx", "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                marker = "Le motif économique à l'origine de la proposition"
                assert marker.encode() in data
                data = data.replace(marker.encode(), (marker + " {{ salarie.champ_absent }}").encode())
            zout.writestr(info, data)
    return custom


def test_partial_failure_leaves_the_previous_output_untouched(tmp_path):
    out = tmp_path / "sortie"
    assert run("generate", str(ALSACE), "-o", str(out)).exit_code == 0
    before = tree(out)
    result = CliRunner().invoke(main, ["generate", str(ALSACE), "-o", str(out), "--templates",
                                       str(_failing_templates(tmp_path))])
    assert result.exit_code == 1
    assert "E107" in result.output and "lettre.docx" in result.output and "champ_absent" in result.output
    assert "Le motif économique à l'origine de la proposition" in result.output  # the paragraph
    assert tree(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["collectif-alsace"]


def test_custom_template_directory_overrides_only_what_it_holds(tmp_path):
    custom = tmp_path / "modeles"
    custom.mkdir()
    shutil.copy(default_templates_dir() / "motif.docx", custom / "motif.docx")
    result = run("generate", str(CASES / "individuel.yaml"), "-o", str(tmp_path / "s"), "--templates", str(custom))
    assert result.exit_code == 0
    manifest = json.loads((tmp_path / "s" / "individuel" / "manifest.json").read_text(encoding="utf-8"))
    origins = {m["fichier"]: m["origine"] for m in manifest["modeles"]}
    assert origins == {"information.docx": "defaut", "lettre.docx": "defaut", "motif.docx": "personnalise",
                       "recepisse.docx": "defaut", "confirmation.docx": "defaut", "nouvelle_echeance.docx": "defaut"}


def test_one_employee_keeps_the_others(tmp_path):
    out = tmp_path / "sortie"
    assert run("generate", str(ALSACE), "-o", str(out)).exit_code == 0
    before = tree(out / "collectif-alsace")
    result = run("generate", str(ALSACE), "-o", str(out), "--employe", "E103")
    assert result.exit_code == 0, result.output
    assert "5 document(s) pour 1 salarié(s)" in result.output  # E103 with his notice of the new expiry date (issue 10)
    after = tree(out / "collectif-alsace")
    own = ("manifest.json", "mentions.json")  # this run's manifest and mention report
    assert {k: v for k, v in after.items() if k not in own} == {k: v for k, v in before.items() if k not in own}
    manifest = json.loads((out / "collectif-alsace" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["selection"] == ["E103"]
    assert len(manifest["salaries"]) == 10


def test_unknown_employee_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["generate", str(ALSACE), "-o", str(tmp_path / "s"), "--employe", "X999"])
    assert result.exit_code == 2 and "X999" in result.output
    assert not (tmp_path / "s" / "collectif-alsace").exists()


@pytest.mark.parametrize("raw, expected", [
    ("E001-Bernard", "E001-Bernard"),
    ("E001-Éloïse Müller", "E001-Eloise-Muller"),
    ("../../etc/passwd", "etc-passwd"),
    ("..", "_"),
    ("a/b\\c", "a-b-c"),
    ("nom\x00\x01\x1f", "nom"),
    ("O'Brien & <Fils> \"SA\"", "O-Brien-Fils-SA"),
    (".cache", "cache"),
    ("x" * 200, "x" * 80),
])
def test_names_in_paths_are_sanitised(raw, expected):
    assert safe_name(raw) == expected


def test_employee_folder():
    assert employee_folder("V-0112", "Benali") == "V-0112-Benali"
    assert employee_folder("E/1", "Lefèvre-D'Arc") == "E-1-Lefevre-D-Arc"
