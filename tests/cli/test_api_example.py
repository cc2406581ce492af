"""The README's « Utiliser cspdocs comme bibliothèque » example runs as written (offline, in a
temporary folder), and the library gives what the CLI prints."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from cspdocs import api
from cspdocs.cli import main
from tests.support.paths import ROOT


def _example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Utiliser cspdocs comme bibliothèque"):]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_the_readme_example_runs(tmp_path, monkeypatch, capsys):
    (tmp_path / "cases").mkdir()
    shutil.copy(ROOT / "cases" / "individuel.yaml", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    exec(compile(_example(), "README.md", "exec"), {})
    out = capsys.readouterr().out
    # the spec's example: handover on 11/05/2026, reflection period to 01/06/2026
    assert out.startswith("V-0112 2026-06-01 ")
    assert "4 document(s) publiés dans sortie/individuel" in out
    assert "toutes les mentions obligatoires sont présentes" in out
    assert "Suivi du dossier individuel au lundi 11/05/2026" in out
    assert (tmp_path / "sortie" / "individuel" / "manifest.json").is_file()


def test_the_library_says_what_the_cli_prints():
    au = date(2026, 5, 11)
    _, resultat = api.load_case(ROOT / "cases" / "individuel.yaml", au=au)
    printed = CliRunner().invoke(main, ["suivi", str(ROOT / "cases" / "individuel.yaml"), "--au", "2026-05-11"])
    assert printed.exit_code == 0
    assert printed.output == api.follow_up(resultat).text()


def test_library_errors_are_the_french_messages(tmp_path):
    _, resultat = api.load_case(ROOT / "cases" / "individuel.yaml", au=date(2026, 5, 11))
    with pytest.raises(api.CheckError, match="fichier ou dossier introuvable"):
        api.check_documents(resultat, [tmp_path / "absent"])
    with pytest.raises(api.CheckError, match="aucun fichier DOCX ou PDF à vérifier"):
        api.check_documents(resultat, [tmp_path])
    with pytest.raises(api.MatriculeInconnu, match=r"matricule\(s\) absent\(s\) du dossier : X9"):
        api.follow_up(resultat, matricules=["X9"])
    bad = tmp_path / "faux.yaml"
    bad.write_text("employeur: {}\n", encoding="utf-8")
    with pytest.raises(api.DossierInvalide) as invalid:
        api.load_case(bad)
    assert invalid.value.erreurs and all(str(bad) in str(e) for e in invalid.value.erreurs)


@pytest.mark.parametrize("case, au", [("individuel.yaml", "2026-05-11"), ("pse.yaml", "2026-06-12"),
                                      ("suivi/3-apres-rupture.yaml", "2026-11-20"), ("collectif-alsace.yaml", None)])
def test_contract_json_is_what_compute_prints(case, au):
    import json

    path = ROOT / "cases" / case
    args = ["compute", str(path), "--format", "json"] + (["--au", au] if au else [])
    printed = CliRunner().invoke(main, args)
    assert printed.exit_code == 0, printed.output
    _, resultat = api.load_case(path, au=date.fromisoformat(au) if au else None)
    assert printed.stdout == json.dumps(api.contract_json(resultat), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", ["texte", "tableau"])
def test_the_text_and_table_views_are_what_compute_prints(fmt):
    path, au = ROOT / "cases" / "collectif-alsace.yaml", date(2026, 6, 12)
    printed = CliRunner().invoke(main, ["compute", str(path), "--format", fmt, "--au", au.isoformat(),
                                        "--largeur", "120", "--employe", "E102", "--employe", "E101"])
    assert printed.exit_code == 0, printed.output
    _, resultat = api.load_case(path, au=au)
    view = (api.case_text(resultat, ["E102", "E101"]) if fmt == "texte"
            else api.case_table(resultat, ["E102", "E101"], width=120, au=au))
    assert printed.stdout == view and "E101" in view


def test_the_generation_summary_is_what_generate_prints(tmp_path):
    path = ROOT / "cases" / "individuel.yaml"
    printed = CliRunner().invoke(main, ["generate", str(path), "-o", str(tmp_path / "cli"), "--au", "2026-05-11"])
    assert printed.exit_code == 0, printed.output
    generation = api.generate(api.load_case(path, au=date(2026, 5, 11)), tmp_path / "api")
    summary = api.generation_summary(generation)
    assert printed.stdout.replace(str(tmp_path / "cli"), str(tmp_path / "api")) == "".join(
        line + "\n" for line in summary.results)
    assert summary.results[0] == f"4 document(s) pour 1 salarié(s) publiés dans {tmp_path / 'api' / 'individuel'}/ ; " \
                                 "mentions obligatoires vérifiées."
    assert all(line in printed.stderr for line in summary.notes)


def test_a_generation_error_is_the_french_message_the_cli_prints(tmp_path):
    with pytest.raises(api.MatriculeInconnu, match="X9"):
        api.generate(ROOT / "cases" / "individuel.yaml", tmp_path, matricules=["X9"])
    from cspdocs.output_folder import SortieRefusee

    refused = SortieRefusee("la sortie est refusée")
    assert isinstance(refused, api.GENERATION_ERRORS)
    assert api.generation_error(refused) == "la sortie est refusée\nAucun document écrit."
    assert api.generation_error(PermissionError(13, "Permission denied", "sortie")) == (
        "Erreur d'écriture : sortie : permission refusée\nAucun document publié ; la sortie précédente est inchangée.")
