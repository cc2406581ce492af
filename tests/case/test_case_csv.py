"""Employees read from a CSV file: separators, cells, and errors naming the CSV row and column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from cspdocs.case.loader import load_dossier

from tests.case.test_case_loading import BASE, FIXTURES, errors_of, write

CASE = BASE.split("salaries:")[0] + "salaries_csv: salaries.csv\n"
HEADER = "matricule;civilite;prenom;nom;adresse.rue;adresse.code_postal;adresse.ville;date_entree;emploi"
ROW = "E001;Madame;Hélène;Bénard;3 allée des Tilleuls;57070;Metz;2015-03-01;Technicienne"


def case_with_csv(tmp_path: Path, csv_text: str, encoding: str = "utf-8") -> Path:
    (tmp_path / "salaries.csv").write_text(csv_text, encoding=encoding)
    return write(tmp_path, CASE)


def test_semicolon_csv_with_accents_and_french_numbers(tmp_path):
    csv_text = (HEADER + ";cadre;salaire_brut_mensuel;travailleur_handicape;lieu_travail.code_postal\n"
                + ROW + ";oui;2 850,50;non;\n")
    path = case_with_csv(tmp_path, csv_text)
    charged = load_dossier(path)
    assert charged.sources == (path, tmp_path / "salaries.csv")
    s = charged.dossier.salaries[0]
    assert (s.prenom, s.nom, s.cadre, s.travailleur_handicape) == ("Hélène", "Bénard", True, False)
    assert s.salaire_brut_mensuel == Decimal("2850.50")
    assert s.date_entree == date(2015, 3, 1)
    assert s.lieu_travail is None  # empty cells = not given
    assert s.adresse.code_postal == "57070"


def test_comma_csv_with_bom_and_quoted_cells(tmp_path):
    header = HEADER.replace(";", ",") + ",salaires_12_derniers_mois,primes_annuelles_3_derniers_mois"
    row = ROW.replace(";", ",").replace("3 allée des Tilleuls", '"3, allée des Tilleuls"')
    path = case_with_csv(tmp_path, "\ufeff" + header + "\n" + row + ',"2000,00|2100|2 200,5",300\n')
    s = load_dossier(path).dossier.salaries[0]
    assert s.adresse.rue == "3, allée des Tilleuls"
    assert s.salaires_12_derniers_mois == [Decimal("2000.00"), Decimal("2100"), Decimal("2200.5")]
    assert s.primes_annuelles_3_derniers_mois == Decimal("300")


def test_protected_employee_column(tmp_path):
    csv_text = (HEADER + ";salaire_brut_mensuel;salarie_protege;salarie_protege.date_notification_autorisation\n"
                + ROW + ";2850;oui;\n"
                + ROW.replace("E001", "E002") + ";2850;;2026-04-20\n"
                + ROW.replace("E001", "E003") + ";2850;non;\n")
    salaries = load_dossier(case_with_csv(tmp_path, csv_text)).dossier.salaries
    assert salaries[0].salarie_protege is not None
    assert salaries[0].salarie_protege.date_notification_autorisation is None
    assert salaries[1].salarie_protege.date_notification_autorisation == date(2026, 4, 20)
    assert salaries[2].salarie_protege is None


def test_fixture_errors_name_row_and_column():
    case = FIXTURES / "invalide-csv" / "dossier.yaml"
    csv = str(FIXTURES / "invalide-csv" / "salaries.csv")
    found = [(e.fichier, e.ligne, e.colonne, e.chemin, e.message) for e in errors_of(case)]
    assert found == [
        (csv, 2, "« adresse.code_postal »", "salaries[0].adresse.code_postal",
         "« 3360 » ne convient pas (attendu : 5 chiffres)"),
        # 17/01/2016 is a date (JJ/MM/AAAA): only "peut-être" is wrong on line 3
        (csv, 3, "« cadre »", "salaries[1].cadre", "« peut-être » ne convient pas (attendu : Oui ou Non)"),
        # line 4 is empty and ignored: the next row is still salaries[2], on line 5
        (csv, 5, "« prenom »", "salaries[2].prenom", "valeur obligatoire manquante (cellule vide ou colonne absente)"),
        # reported with the rows' errors, not after they are fixed (review finding 5)
        (csv, 6, "« matricule »", "salaries[3].matricule",
         "le matricule « L-014 » est déjà celui de salaries[0] : chaque matricule doit être unique dans le dossier"),
    ]
    assert str(errors_of(case)[0]) == (
        f"{csv}:2 (colonne « adresse.code_postal »): salaries[0].adresse.code_postal : "
        "« 3360 » ne convient pas (attendu : 5 chiffres)")


def test_yaml_and_csv_errors_together(tmp_path):
    (tmp_path / "salaries.csv").write_text(HEADER + "\n" + ROW.replace("Madame", "Mlle") + "\n", encoding="utf-8")
    path = write(tmp_path, CASE.replace("effectif: 24", "effectif: -3"))
    found = [(Path(e.fichier).name, e.ligne, e.chemin) for e in errors_of(path)]
    assert found == [
        ("dossier.yaml", 5, "employeur.effectif"),
        ("salaries.csv", 2, "salaries[0].civilite"),
    ]


def test_cross_checks_point_at_csv_rows(tmp_path):
    csv_text = HEADER + ";salaire_brut_mensuel\n" + ROW + ";2850\n" + ROW + ";2900\n"
    [e] = errors_of(case_with_csv(tmp_path, csv_text))
    assert (Path(e.fichier).name, e.ligne, e.colonne, e.chemin) == ("salaries.csv", 3, "« matricule »", "salaries[1].matricule")
    assert e.message == ("le matricule « E001 » est déjà celui de salaries[0] : chaque matricule doit être "
                         "unique dans le dossier")


def test_unknown_column_suggests_the_french_header(tmp_path):
    [e] = errors_of(case_with_csv(tmp_path, HEADER + ";Salaire brut mensul\n" + ROW + ";2850\n"))
    assert (Path(e.fichier).name, e.ligne, e.colonne, e.chemin) == ("salaries.csv", 1, "« Salaire brut mensul »", "")
    assert e.message == ("colonne inconnue ; vouliez-vous dire « Salaire brut mensuel » ? (colonnes acceptées : "
                         "« cspdocs modele-tableur --colonnes »)")


def test_duplicate_column(tmp_path):
    [e] = errors_of(case_with_csv(tmp_path, HEADER + ";Nom de famille\n" + ROW + ";X\n"))
    assert (e.ligne, e.colonne, e.message) == (1, "« Nom de famille »", "colonne en double : « nom » désigne déjà « Nom »")


def test_too_many_cells(tmp_path):
    csv_text = HEADER + ";salaire_brut_mensuel\n" + ROW + ";2850;en trop\n"
    [e] = errors_of(case_with_csv(tmp_path, csv_text))
    assert (e.ligne, e.colonne, e.message) == (2, None, "la ligne a 11 cellules pour 10 colonnes d'en-tête")


def test_missing_required_column_reported_once_on_the_header(tmp_path):
    header = HEADER.replace(";emploi", "")
    row = ROW.replace(";Technicienne", "")
    [e] = errors_of(case_with_csv(tmp_path, header + ";salaire_brut_mensuel\n" + row + ";2850\n" + row + ";2850\n"))
    assert (e.ligne, e.colonne, e.chemin) == (1, None, "")
    assert e.message.startswith("colonne obligatoire absente : « Emploi » (Emploi occupé")


def test_header_only(tmp_path):
    [e] = errors_of(case_with_csv(tmp_path, HEADER + "\n"))
    assert (Path(e.fichier).name, e.ligne, e.message) == (
        "salaries.csv", 1, "aucun salarié : le fichier ne contient que l'en-tête")


def test_empty_csv(tmp_path):
    [e] = errors_of(case_with_csv(tmp_path, ""))
    assert (e.ligne, e.message) == (None, "le fichier est vide (une ligne d'en-tête est attendue)")


def test_csv_in_windows_1252_is_read_and_the_encoding_said(tmp_path):
    charged = load_dossier(case_with_csv(tmp_path, HEADER + ";salaire_brut_mensuel\n" + ROW + ";3 781,48 €\n",
                                         encoding="cp1252"))
    s = charged.dossier.salaries[0]
    assert (s.prenom, s.nom, s.salaire_brut_mensuel) == ("Hélène", "Bénard", Decimal("3781.48"))
    [note] = charged.warnings
    assert note.message.startswith("encodage détecté : Windows-1252")


def test_csv_neither_utf8_nor_windows_1252(tmp_path):
    (tmp_path / "salaries.csv").write_bytes((HEADER + "\n").encode() + b"E1;\x81\x8d;x\n")
    [e] = errors_of(write(tmp_path, CASE))
    assert (Path(e.fichier).name, e.ligne) == ("salaries.csv", 2)
    assert e.message == ("encodage non reconnu (ni UTF-8 ni Windows-1252) : ce fichier n'est pas un CSV lisible ; "
                         "enregistrez-le au format « CSV UTF-8 »")


def test_bad_yes_no_group_cell(tmp_path):
    [e] = errors_of(case_with_csv(tmp_path, HEADER + ";salaire_brut_mensuel;salarie_protege\n" + ROW + ";2850;peut-être\n"))
    assert (e.ligne, e.colonne, e.chemin) == (2, "« salarie_protege »", "salaries[0].salarie_protege")
    assert e.message == "« peut-être » ne convient pas (attendu : Oui ou Non)"


def test_multiline_cell_keeps_row_lines(tmp_path):
    row2 = ROW.replace("E001", "E002").replace("Technicienne", '"Technicienne\nde maintenance"')
    row3 = ROW.replace("E001", "E003").replace("57070", "5707")
    csv_text = HEADER + "\n" + row2 + "\n" + row3 + "\n"
    errors = [(e.ligne, e.chemin) for e in errors_of(case_with_csv(tmp_path, csv_text))]
    assert (4, "salaries[1].adresse.code_postal") in errors
