"""Issue 14 items 6 and 8: hostile case files get a French file:line:key message, never a traceback,
and nothing is written or lost. Fixtures: tests/fixtures/hostile/ (one change each to base.yaml)."""

from __future__ import annotations

import hashlib
import resource
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs.case.errors import DossierInvalide
from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.limits import MAX_FILE_BYTES, MAX_NESTING
from tests.support.paths import ROOT, TESTS

HOSTILE = TESTS / "fixtures" / "hostile"
BASE = (HOSTILE / "base.yaml").read_text(encoding="utf-8")

PLAUSIBLE_DATES = "hors de la plage plausible (du 01/09/2011 au 31/12/2099) : vérifiez la date"
CASES = {
    # fixture: (line, key path, message)
    "montant-1e26.yaml": (24, "salaries[0].salaire_brut_mensuel",
                          "« 1e26 » hors de la plage plausible (de 0 à 1\u202f000\u202f000 €) : vérifiez la valeur"),
    "preavis-1e9.yaml": (25, "salaries[0].preavis_mois",
                         "« 1e9 » hors de la plage plausible (de 0 à 24 mois) : vérifiez la valeur"),
    "date-9999.yaml": (10, "procedure.date_entretien_prealable", f"« 9999-12-31 » {PLAUSIBLE_DATES}"),
    "entretien-2007.yaml": (10, "procedure.date_entretien_prealable", f"« 2007-06-12 » {PLAUSIBLE_DATES}"),
    "entree-an-1.yaml": (22, "salaries[0].date_entree",
                         "« 0001-03-01 » hors de la plage plausible (du 01/01/1950 au 31/12/2099) : vérifiez la date"),
    "anciennete-71-ans.yaml": (22, "salaries[0].date_entree",
                               "ancienneté de 71 ans à la date de la procédure : au plus 60 ans sont "
                               "plausibles ; vérifiez la date d'entrée"),
    "controle-brut.yaml": (19, "", "caractère de contrôle interdit dans un fichier YAML (U+0001) : supprimez-le"),
    "nom-invisible.yaml": (20, "salaries[0].nom",
                           "ne contient que des caractères invisibles (caractères de largeur nulle ou de "
                           "contrôle) : saisissez la valeur ou supprimez la clé"),
    "prenom-controles.yaml": (19, "salaries[0].prenom",
                              "ne contient que des caractères invisibles (caractères de largeur nulle ou de "
                              "contrôle) : saisissez la valeur ou supprimez la clé"),
    "nom-bidi.yaml": (20, "salaries[0].nom",
                      "caractère de contrôle de la direction du texte (U+202E) interdit : il peut faire "
                      "afficher dans le document un autre texte que celui saisi ; supprimez-le"),
}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def only_error(path: Path):
    with pytest.raises(DossierInvalide) as raised:
        load_dossier(path)
    assert len(raised.value.erreurs) == 1, str(raised.value)
    return raised.value.erreurs[0]


def test_base_fixture_is_valid():
    load_dossier(HOSTILE / "base.yaml")


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_hostile_fixture_gets_its_message(fixture):
    e = only_error(HOSTILE / fixture)
    assert (e.fichier, e.ligne, e.chemin, e.message) == (str(HOSTILE / fixture), *CASES[fixture])


@pytest.mark.parametrize("fixture", ["montant-1e26.yaml", "date-9999.yaml", "nom-bidi.yaml", "controle-brut.yaml"])
def test_generate_refuses_and_keeps_the_previous_output(tmp_path, fixture):
    case = tmp_path / "dossier.yaml"
    case.write_text(BASE, encoding="utf-8")
    out = tmp_path / "sortie"
    assert run("generate", str(case), "-o", str(out)).exit_code == 0
    before = snapshot(tmp_path)
    case.write_bytes((HOSTILE / fixture).read_bytes())
    before["dossier.yaml"] = hashlib.sha256(case.read_bytes()).hexdigest()
    result = run("generate", str(case), "-o", str(out))
    assert result.exit_code == 1
    line, key, message = CASES[fixture]
    assert f"{case}:{line}: {key + ' : ' if key else ''}{message}" in result.stderr
    assert "Traceback" not in result.output and "Aucun document écrit." in result.stderr
    assert snapshot(tmp_path) == before  # nothing lost, nothing left behind


def test_compute_says_it_in_french(tmp_path):
    result = run("compute", str(HOSTILE / "preavis-1e9.yaml"))
    assert result.exit_code == 1 and result.stdout == ""
    assert "salaries[0].preavis_mois : « 1e9 » hors de la plage plausible" in result.stderr


def test_every_error_of_the_case_at_once(tmp_path):
    text = (BASE.replace("salaire_brut_mensuel: 2850.00", "salaire_brut_mensuel: 1e30")
            .replace("date_entree: 2015-03-01", "date_entree: 0001-03-01")
            .replace("nom: Bernard", 'nom: "\\u202eBernard"').replace("effectif: 24", "effectif: deux"))
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DossierInvalide) as raised:
        load_dossier(path)
    assert [e.chemin for e in raised.value.erreurs] == [
        "employeur.effectif", "salaries[0].nom", "salaries[0].date_entree", "salaries[0].salaire_brut_mensuel"]


@pytest.mark.parametrize("opening,closing", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_in_flow_style(tmp_path, opening, closing):
    path = tmp_path / "profond.yaml"
    path.write_text(BASE + "x: " + opening * 5000 + closing * 5000 + "\n", encoding="utf-8")
    e = only_error(path)
    assert e.ligne == 25 and e.message == (f"imbrication trop profonde : au plus {MAX_NESTING} niveaux de "
                                           "groupes et de listes emboîtés")


def test_deep_nesting_in_block_style(tmp_path):
    path = tmp_path / "profond.yaml"
    path.write_text("".join("  " * i + f"k{i}:\n" for i in range(3000)), encoding="utf-8")
    assert only_error(path).message.startswith("imbrication trop profonde")


def test_deep_nesting_through_references(tmp_path):
    """Each anchor refers to the previous one: shallow text, deep data."""
    chain = ["a0: &a0 [1]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, 3000)]
    path = tmp_path / "profond.yaml"
    path.write_text("\n".join(chain) + "\n", encoding="utf-8")
    assert only_error(path).message.startswith("imbrication trop profonde")


def test_a_merge_chain_is_bounded_too(tmp_path):
    chain = ["m0: &m0 {x: 1}"] + [f"m{i}: &m{i} {{<<: *m{i - 1}}}" for i in range(1, 3000)]
    path = tmp_path / "profond.yaml"
    path.write_text("\n".join(chain) + "\n", encoding="utf-8")
    assert only_error(path).message.startswith("imbrication trop profonde")


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_hundred_thousand_employees_are_refused_quickly(tmp_path):
    """10^5 employees written compactly (one anchored employee referred to 10^5 times): refused on
    the count, before any employee is built; the memory used stays small."""
    head, _, employee = BASE.partition("salaries:\n  - ")
    employee = "\n".join(line[4:] if line.startswith("    ") else line for line in employee.splitlines())
    text = head + "modele: &e\n" + "\n".join("  " + line for line in employee.splitlines()) + "\n"
    text += "salaries: [" + ", ".join(["*e"] * 100_000) + "]\n"
    path = tmp_path / "enorme.yaml"
    path.write_text(text, encoding="utf-8")
    before = _peak_rss_mib()
    e = only_error(path)
    assert e.message == ("100\u202f000 salariés : un dossier en compte au plus 10\u202f000 ; répartissez la "
                         "procédure en plusieurs dossiers")
    assert e.ligne == text.splitlines().index(next(l for l in text.splitlines() if l.startswith("salaries:"))) + 1
    assert _peak_rss_mib() - before < 500


def test_a_hundred_thousand_employees_written_out_are_refused_before_parsing(tmp_path, monkeypatch):
    """Under the size limit (short lines), yet 10^5 employees: refused before the (minutes long) parse."""
    head, _, _ = BASE.partition("salaries:\n")
    path = tmp_path / "enorme.yaml"
    path.write_text(head + "salaries:\n" + "".join(f"  - {{matricule: E{i}}}\n" for i in range(100_000)),
                    encoding="utf-8")
    assert path.stat().st_size < MAX_FILE_BYTES
    monkeypatch.setattr("cspdocs.case.yaml_source.yaml.compose", lambda *a, **k: pytest.fail("parsed"))
    e = only_error(path)
    assert (e.ligne, e.message) == (BASE.splitlines().index("salaries:") + 1,
                                    "100\u202f000 clés « matricule » : un dossier en compte au plus 10\u202f000 ; "
                                    "répartissez la procédure en plusieurs dossiers")


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = tmp_path / "gros.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(BASE)
        handle.write("# " + "x" * (MAX_FILE_BYTES + 10) + "\n")
    e = only_error(path)
    assert e.ligne is None and e.message == ("fichier trop volumineux (10,0 Mio ; au plus 10 Mio, soit environ 10\u202f000 "
                                                "salariés) : répartissez la procédure en plusieurs dossiers")


def test_a_directory_is_not_a_case_file(tmp_path):
    folder = tmp_path / "dossier.yaml"
    folder.mkdir()
    e = only_error(folder)
    assert e.message == "ce chemin est un dossier, pas un fichier : donnez le fichier .yaml du dossier"
    result = run("generate", str(folder), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 2 and "est un dossier" in result.stderr
    assert not (tmp_path / "sortie").exists()


def test_a_long_text_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text(BASE.replace("emploi: Technicienne", "emploi: " + "T" * 6000), encoding="utf-8")
    assert only_error(path).message == "texte trop long (6\u202f000 caractères ; au plus 5\u202f000)"


def test_messages_never_carry_control_characters(tmp_path):
    """An escape sequence in a value the model refuses is shown as U+XXXX, not sent to the terminal."""
    path = tmp_path / "echo.yaml"
    path.write_text(BASE.replace("civilite: Madame", 'civilite: "Mad\\x1b[2Jame"'), encoding="utf-8")
    e = only_error(path)
    assert "\x1b" not in e.message and "<U+001B>" in e.message


def test_zero_width_inside_a_name_is_kept(tmp_path):
    """Joiners are legitimate inside a name (Persian, Indic scripts): only invisible-only values fail."""
    path = tmp_path / "zwj.yaml"
    path.write_text(BASE.replace("nom: Bernard", 'nom: "Mi\\u200cBernard"'), encoding="utf-8")
    assert load_dossier(path).dossier.salaries[0].nom == "Mi\u200cBernard"


def test_csv_employees_are_checked_too(tmp_path):
    examples = ROOT / "cases" / "csv"
    shutil.copy(examples / "collectif-csv.yaml", tmp_path / "c.yaml")
    lines = (examples / "salaries.csv").read_text(encoding="utf-8").splitlines()
    column = lines[0].split(";").index("salaire_brut_mensuel")
    cells = lines[1].split(";")
    cells[column] = "1 000 000 000 000 000 000 000 000 000,00"
    lines[1] = ";".join(cells)
    (tmp_path / "salaries.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    e = only_error(tmp_path / "c.yaml")
    assert (e.fichier, e.ligne, e.colonne) == (str(tmp_path / "salaries.csv"), 2, "« salaire_brut_mensuel »")
    assert "hors de la plage plausible (de 0 à 1\u202f000\u202f000 €)" in e.message
