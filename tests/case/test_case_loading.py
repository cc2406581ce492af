"""Loading case files: one test per class of invalid input, with the exact French message, the
line (1-based) and the key path (0-based list indices)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cspdocs.case.errors import DossierInvalide, ErreurDossier
from cspdocs.case.loader import ChargedDossier, format_path, load_dossier
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "cases"

# A valid individual case (metropole, Metz is in Moselle: alsace-moselle holidays).
BASE = """\
employeur:
  raison_sociale: Ateliers Durand
  siret: "33016613300042"
  adresse: {rue: 12 rue des Forges, code_postal: "57000", ville: Metz}
  effectif: 24
  signataire: {nom: Claire Martin, qualite: Directrice}
procedure:
  type: individuel
  date_entretien_prealable: 2026-03-03
  motif_economique:
    cause: difficultes_economiques
    faits: Baisse du chiffre d'affaires.
    consequence: suppression
  reclassement: Aucun poste disponible.
salaries:
  - matricule: "E001"
    civilite: Madame
    prenom: Julie
    nom: Bernard
    adresse: {rue: 3 allée des Tilleuls, code_postal: "57070", ville: Metz}
    date_entree: 2015-03-01
    emploi: Technicienne
    salaire_brut_mensuel: 2850.00
"""

UNKNOWN = "clé inconnue (les clés sont sensibles à la casse ; vérifiez l'orthographe)"
MISSING = "clé obligatoire manquante"


def variant(*replacements: tuple[str, str], base: str = BASE) -> str:
    text = base
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, fragment: str) -> int:
    """1-based line of the first line containing ``fragment``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def write(tmp_path: Path, text: str, name: str = "dossier.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[ErreurDossier]:
    with pytest.raises(DossierInvalide) as info:
        load_dossier(path)
    return info.value.erreurs


def only_error(tmp_path: Path, text: str) -> ErreurDossier:
    errors = errors_of(write(tmp_path, text))
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


# --- the valid base and the result type ------------------------------------------------------------

def test_base_loads(tmp_path):
    path = write(tmp_path, BASE, "mon-dossier.yaml")
    charged = load_dossier(path)
    assert isinstance(charged, ChargedDossier)
    assert charged.nom == "mon-dossier"
    assert charged.chemin == path
    assert charged.sources == (path,)
    assert charged.warnings == ()
    salarie = charged.dossier.salaries[0]
    assert salarie.date_entree == date(2015, 3, 1)
    assert salarie.salaire_brut_mensuel == Decimal("2850.00")
    assert charged.dossier.employeur.adresse.code_postal == "57000"


def test_error_string_format():
    e = ErreurDossier("cases/x.yaml", 14, "salaries[3].date_entree",
                      "« 2025-02-30 » n'est pas une date valide (attendu AAAA-MM-JJ)")
    assert str(e) == ("cases/x.yaml:14: salaries[3].date_entree : "
                      "« 2025-02-30 » n'est pas une date valide (attendu AAAA-MM-JJ)")
    assert str(ErreurDossier("x.yaml", None, "", "fichier introuvable")) == "x.yaml: fichier introuvable"
    csv = ErreurDossier("s.csv", 4, "salaries[2].adresse.code_postal", "m", "adresse.code_postal")
    assert str(csv) == "s.csv:4 (colonne adresse.code_postal): salaries[2].adresse.code_postal : m"


def test_format_path():
    assert format_path(("salaries", 3, "date_entree")) == "salaries[3].date_entree"
    assert format_path(("salaries", 0, "salaires_12_derniers_mois", 2)) == "salaries[0].salaires_12_derniers_mois[2]"
    assert format_path(("employeur",)) == "employeur"


def test_dossier_invalide_sorts_by_file_then_line():
    errors = [ErreurDossier("b.csv", 2, "x", "m"), ErreurDossier("a.yaml", 9, "y", "m"),
              ErreurDossier("a.yaml", None, "z", "m"), ErreurDossier("a.yaml", 3, "w", "m")]
    exc = DossierInvalide(errors, "a.yaml")
    assert [(e.fichier, e.ligne) for e in exc.erreurs] == [
        ("a.yaml", None), ("a.yaml", 3), ("a.yaml", 9), ("b.csv", 2)]
    assert str(exc).splitlines()[0] == "Dossier invalide (4 erreurs) :"


# --- dates -----------------------------------------------------------------------------------------

def test_impossible_date(tmp_path):
    text = variant(("date_entree: 2015-03-01", "date_entree: 2025-02-30"))
    path = write(tmp_path, text)
    [e] = errors_of(path)
    assert (e.fichier, e.ligne, e.chemin) == (str(path), line_of(text, "2025-02-30"), "salaries[0].date_entree")
    assert e.message == "« 2025-02-30 » n'est pas une date valide (attendu AAAA-MM-JJ)"
    assert str(e) == (f"{path}:21: salaries[0].date_entree : "
                      "« 2025-02-30 » n'est pas une date valide (attendu AAAA-MM-JJ)")


@pytest.mark.parametrize("written", ["03/03/2026", "2026-3-3", "2026-03-03T10:00:00", "20260303", "'2026-02-29'"])
def test_dates_must_be_iso(tmp_path, written):
    text = variant(("date_entretien_prealable: 2026-03-03", f"date_entretien_prealable: {written}"))
    e = only_error(tmp_path, text)
    assert e.chemin == "procedure.date_entretien_prealable"
    assert e.ligne == 9
    shown = written.strip("'")
    assert e.message == f"« {shown} » n'est pas une date valide (attendu AAAA-MM-JJ)"


def test_quoted_iso_date_is_accepted(tmp_path):
    text = variant(("date_entree: 2015-03-01", 'date_entree: "2015-03-01"'))
    assert load_dossier(write(tmp_path, text)).dossier.salaries[0].date_entree == date(2015, 3, 1)


# --- keys ------------------------------------------------------------------------------------------

def test_missing_key(tmp_path):
    text = variant(("    emploi: Technicienne\n", ""))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin, e.message) == (16, "salaries[0].emploi", MISSING)


def test_missing_top_level_key(tmp_path):
    text = BASE.split("procedure:")[0] + "salaries:" + BASE.split("salaries:")[1]
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin, e.message) == (None, "procedure", MISSING)


def test_missing_nested_group_points_at_parent(tmp_path):
    text = variant(("  signataire: {nom: Claire Martin, qualite: Directrice}\n", ""))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin, e.message) == (1, "employeur.signataire", MISSING)


def test_unknown_key(tmp_path):
    text = variant(("    emploi: Technicienne\n", "    emploi: Technicienne\n    anciennete: 11\n"))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin, e.message) == (23, "salaries[0].anciennete", UNKNOWN)


def test_unknown_key_with_suggestion(tmp_path):
    text = variant(("    date_entree: 2015-03-01", "    date_entre: 2015-03-01"))
    errors = errors_of(write(tmp_path, text))
    assert [(e.ligne, e.chemin, e.message) for e in errors] == [
        (16, "salaries[0].date_entree", MISSING),
        (21, "salaries[0].date_entre", UNKNOWN + " ; vouliez-vous dire « date_entree » ?"),
    ]


def test_keys_are_case_sensitive(tmp_path):
    text = variant(("  effectif: 24", "  Effectif: 24"))
    errors = errors_of(write(tmp_path, text))
    assert [(e.ligne, e.chemin, e.message) for e in errors] == [
        (1, "employeur.effectif", MISSING),
        (5, "employeur.Effectif", UNKNOWN + " ; vouliez-vous dire « effectif » ?"),
    ]


def test_duplicate_key(tmp_path):
    text = variant(("  effectif: 24\n", "  effectif: 24\n  effectif: 25\n"))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin, e.message) == (6, "employeur.effectif", "clé en double (déjà donnée ligne 5)")


# --- values ----------------------------------------------------------------------------------------

def test_literal_lists_allowed_values(tmp_path):
    e = only_error(tmp_path, variant(("civilite: Madame", "civilite: Mme")))
    assert (e.ligne, e.chemin) == (17, "salaries[0].civilite")
    assert e.message == "« Mme » n'est pas une valeur admise (valeurs possibles : Madame, Monsieur)"


def test_integer_expected(tmp_path):
    e = only_error(tmp_path, variant(("effectif: 24", "effectif: vingt-quatre")))
    assert (e.ligne, e.chemin, e.message) == (5, "employeur.effectif", "« vingt-quatre » n'est pas un nombre entier")


def test_integer_with_decimals(tmp_path):
    e = only_error(tmp_path, variant(("effectif: 24", "effectif: 24.5")))
    assert e.message == "« 24.5 » n'est pas un nombre entier"


def test_decimal_expected(tmp_path):
    e = only_error(tmp_path, variant(("salaire_brut_mensuel: 2850.00", "salaire_brut_mensuel: 2850,00")))
    assert (e.ligne, e.chemin) == (23, "salaries[0].salaire_brut_mensuel")
    assert e.message == "« 2850,00 » n'est pas un nombre (exemple : 2850.00)"


def test_amounts_stay_exact(tmp_path):
    text = variant(("salaire_brut_mensuel: 2850.00", "salaire_brut_mensuel: 2850.10"))
    assert load_dossier(write(tmp_path, text)).dossier.salaries[0].salaire_brut_mensuel == Decimal("2850.10")


def test_negative_amount(tmp_path):
    e = only_error(tmp_path, variant(("salaire_brut_mensuel: 2850.00", "salaire_brut_mensuel: -1")))
    assert e.message == ("« -1 » doit être strictement supérieur à 0 : un salaire nul donnerait un préavis, une "
                         "indemnité et une contribution nuls (R-59)")


def test_upper_bound(tmp_path):
    text = variant(("    salaire_brut_mensuel: 2850.00\n",
                    "    salaire_brut_mensuel: 2850.00\n    taux_charges_patronales: 42\n"))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (24, "salaries[0].taux_charges_patronales")
    assert e.message == "« 42 » doit être inférieur ou égal à 2"


def test_pattern_postal_code(tmp_path):
    e = only_error(tmp_path, variant(('code_postal: "57070"', 'code_postal: "5707"')))
    assert (e.ligne, e.chemin) == (20, "salaries[0].adresse.code_postal")
    assert e.message == "« 5707 » ne convient pas (attendu : 5 chiffres)"


def test_unquoted_codes_keep_their_leading_zeros(tmp_path):
    # YAML 1.1 would read 01000 as the octal number 512 and 007 as 7.
    text = variant(('code_postal: "57070", ville: Metz', "code_postal: 01000, ville: Bourg-en-Bresse"),
                   ('matricule: "E001"', "matricule: 007"))
    salarie = load_dossier(write(tmp_path, text)).dossier.salaries[0]
    assert salarie.adresse.code_postal == "01000"
    assert salarie.matricule == "007"


def test_unquoted_siret_is_text(tmp_path):
    text = variant(('siret: "33016613300042"', "siret: 33016613300042"))
    assert load_dossier(write(tmp_path, text)).dossier.employeur.siret == "33016613300042"


def test_siret_luhn(tmp_path):
    e = only_error(tmp_path, variant(('siret: "33016613300042"', 'siret: "33016613300043"')))
    assert (e.ligne, e.chemin, e.message) == (3, "employeur.siret", "le SIRET n'est pas valide (clé de Luhn incorrecte)")


def test_siret_length(tmp_path):
    e = only_error(tmp_path, variant(('siret: "33016613300042"', 'siret: "330166133"')))
    assert e.message == "le SIRET doit compter 14 chiffres"


def test_booleans_accept_oui_non(tmp_path):
    text = variant(("    emploi: Technicienne\n", "    emploi: Technicienne\n    cadre: oui\n"))
    assert load_dossier(write(tmp_path, text)).dossier.salaries[0].cadre is True


def test_boolean_expected(tmp_path):
    text = variant(("    emploi: Technicienne\n", "    emploi: Technicienne\n    cadre: peut-être\n"))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (23, "salaries[0].cadre")
    assert e.message == "« peut-être » ne convient pas (attendu : oui ou non, true ou false)"


def test_empty_required_text(tmp_path):
    e = only_error(tmp_path, variant(("prenom: Julie", 'prenom: ""')))
    assert (e.ligne, e.chemin, e.message) == (18, "salaries[0].prenom", "ne doit pas être vide")


def test_null_required_value(tmp_path):
    e = only_error(tmp_path, variant(("prenom: Julie", "prenom:")))
    assert (e.ligne, e.chemin, e.message) == (
        18, "salaries[0].prenom", "valeur vide alors qu'une valeur est obligatoire")


def test_group_expected(tmp_path):
    e = only_error(tmp_path, variant(("adresse: {rue: 3 allée des Tilleuls, code_postal: \"57070\", ville: Metz}",
                                      "adresse: 3 allée des Tilleuls")))
    assert (e.ligne, e.chemin) == (20, "salaries[0].adresse")
    assert e.message == ("« 3 allée des Tilleuls » ne convient pas : attendu un groupe de clés "
                         "(rue, complement, code_postal, ville)")


def test_list_expected_and_lengths(tmp_path):
    salaries = "[" + ", ".join(["2000"] * 13) + "]"
    text = variant(("salaire_brut_mensuel: 2850.00", f"salaires_12_derniers_mois: {salaries}"))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (23, "salaries[0].salaires_12_derniers_mois")
    assert e.message == "la liste doit contenir au plus 12 éléments (elle en a 13)"


def test_list_item_error_has_index(tmp_path):
    text = variant(("salaire_brut_mensuel: 2850.00", "salaires_12_derniers_mois: [2000, deux mille]"))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (23, "salaries[0].salaires_12_derniers_mois[1]")
    assert e.message == "« deux mille » n'est pas un nombre (exemple : 2850.00)"


def test_empty_employee_list(tmp_path):
    e = only_error(tmp_path, BASE.split("salaries:")[0] + "salaries: []\n")
    assert (e.ligne, e.chemin, e.message) == (15, "salaries", "la liste doit contenir au moins 1 élément")


def test_second_employee_index_and_line(tmp_path):
    second = BASE.split("salaries:\n")[1].replace('"E001"', '"E002"').replace("civilite: Madame", "civilite: Mr")
    e = only_error(tmp_path, BASE + second)
    assert (e.ligne, e.chemin) == (25, "salaries[1].civilite")


# --- anchors and merge keys --------------------------------------------------------------------------

def test_anchors_and_merge_keys(tmp_path):
    text = variant(
        ("  adresse: {rue: 12 rue des Forges, code_postal: \"57000\", ville: Metz}",
         "  adresse: &siege {rue: 12 rue des Forges, code_postal: \"57000\", ville: Metz}"),
        ("    adresse: {rue: 3 allée des Tilleuls, code_postal: \"57070\", ville: Metz}",
         "    adresse: {<<: *siege, rue: 3 allée des Tilleuls}"))
    adresse = load_dossier(write(tmp_path, text)).dossier.salaries[0].adresse
    assert (adresse.rue, adresse.code_postal) == ("3 allée des Tilleuls", "57000")


def test_python_tags_are_refused(tmp_path):
    text = variant(("prenom: Julie", "prenom: !!python/object:os.system Julie"))
    errors = errors_of(write(tmp_path, text))
    assert (errors[0].ligne, errors[0].chemin, errors[0].message) == (
        18, "salaries[0].prenom", "étiquette YAML non autorisée : tag:yaml.org,2002:python/object:os.system")


# --- the file itself ---------------------------------------------------------------------------------

def test_yaml_syntax_error(tmp_path):
    text = variant(("  effectif: 24", "  effectif: 24\n   faux: [1, 2"))
    e = only_error(tmp_path, text)
    assert e.chemin == ""
    assert e.ligne == 6
    assert e.message.startswith("« : » inattendu")


def test_unclosed_bracket(tmp_path):
    e = only_error(tmp_path, variant(("faits: Baisse du chiffre d'affaires.", "faits: [Baisse")))
    assert e.ligne == 13  # where PyYAML notices it: the next key
    assert e.message == "liste entre crochets mal fermée (« , » ou « ] » attendu) (colonne 16)"


def test_tab_indentation(tmp_path):
    e = only_error(tmp_path, variant(("  effectif: 24", "\teffectif: 24")))
    assert e.ligne == 5
    assert e.message == "tabulation interdite : indentez avec des espaces (colonne 1)"


def test_empty_file(tmp_path):
    e = only_error(tmp_path, "# rien\n")
    assert (e.ligne, e.chemin, e.message) == (None, "", "le fichier est vide")


def test_not_a_mapping(tmp_path):
    e = only_error(tmp_path, "- employeur\n- procedure\n")
    assert (e.ligne, e.message) == (
        1, "le dossier doit être un groupe de clés (employeur, procedure, salaries), pas une liste ni un texte")


def test_several_documents(tmp_path):
    e = only_error(tmp_path, BASE + "---\n" + BASE)
    assert e.ligne == 24
    assert e.message == "le fichier contient plusieurs documents YAML (« --- ») ; un seul est attendu (colonne 1)"


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(BASE.replace("allée", "all\xe9e").encode("latin-1"))
    [e] = errors_of(path)
    assert (e.ligne, e.message) == (20, "le fichier n'est pas encodé en UTF-8 : enregistrez-le en UTF-8")


def test_missing_file(tmp_path):
    [e] = errors_of(tmp_path / "absent.yaml")
    assert str(e) == f"{tmp_path / 'absent.yaml'}: fichier introuvable"


# --- salaries / salaries_csv ------------------------------------------------------------------------

def test_neither_salaries_nor_csv(tmp_path):
    e = only_error(tmp_path, BASE.split("salaries:")[0])
    assert (e.ligne, e.chemin) == (None, "salaries")
    assert e.message == ("clé obligatoire manquante : donnez la liste « salaries » "
                         "ou un fichier « salaries_csv: salaries.csv »")


def test_both_salaries_and_csv(tmp_path):
    (tmp_path / "salaries.csv").write_text("matricule\nE1\n", encoding="utf-8")
    e = only_error(tmp_path, BASE + "salaries_csv: salaries.csv\n")
    assert (e.ligne, e.chemin) == (24, "salaries_csv")
    assert e.message == ("donnez soit « salaries » (la liste des salariés), soit « salaries_csv » "
                         "(un fichier CSV), pas les deux")


def test_csv_file_not_found(tmp_path):
    e = only_error(tmp_path, BASE.split("salaries:")[0] + "salaries_csv: absent.csv\n")
    assert (e.ligne, e.chemin) == (15, "salaries_csv")
    assert e.message == f"fichier CSV introuvable : {tmp_path / 'absent.csv'}"


# --- every error at once -----------------------------------------------------------------------------

def test_fixture_reports_every_error_at_once():
    path = FIXTURES / "invalide.yaml"
    found = [(e.ligne, e.chemin, e.message) for e in errors_of(path)]
    assert found == [
        (5, "employeur.siret", "le SIRET n'est pas valide (clé de Luhn incorrecte)"),
        (6, "employeur.adresse.code_postal", "« 5700 » ne convient pas (attendu : 5 chiffres)"),
        (7, "employeur.effectif", "« douze » n'est pas un nombre entier"),
        (9, "employeur.Zone", UNKNOWN + " ; vouliez-vous dire « zone » ?"),
        (11, "procedure.type", "« individuelle » n'est pas une valeur admise (valeurs possibles : "
                               "individuel, collectif_moins_de_10, collectif_10_et_plus, pse)"),
        (18, "procedure.reclassement", "clé en double (déjà donnée ligne 17)"),
        (21, "salaries[0].civilite", "« Mme » n'est pas une valeur admise (valeurs possibles : Madame, Monsieur)"),
        (25, "salaries[0].date_entree", "« 2025-02-30 » n'est pas une date valide (attendu AAAA-MM-JJ)"),
        (27, "salaries[0].cadre", "« peut-être » ne convient pas (attendu : oui ou non, true ou false)"),
        (28, "salaries[0].salaire_brut_mensuel", "« 2 850,00 » n'est pas un nombre (exemple : 2850.00)"),
        (29, "salaries[1].prenom", MISSING),
        (35, "salaries[1].salaire_brut_mensuel", "« -10 » doit être strictement supérieur à 0 : un salaire nul "
                                                 "donnerait un préavis, une indemnité et une contribution nuls (R-59)"),
    ]
    assert {e.fichier for e in errors_of(path)} == {str(path)}


def test_messages_never_leak_english():
    for e in errors_of(FIXTURES / "invalide.yaml"):
        for word in ("Input", "should", "Field required", "Value error", "Extra inputs", "valid date"):
            assert word not in e.message, e.message


def test_recursive_anchor(tmp_path):
    errors = errors_of(write(tmp_path, "employeur: &x\n  <<: *x\n"))
    assert (1, "employeur", "référence YAML circulaire (une ancre se contient elle-même)") in [
        (e.ligne, e.chemin, e.message) for e in errors]


def test_alias_bomb_is_stopped(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    e = only_error(tmp_path, "\n".join(lines) + "\n")
    assert e.message == "fichier trop volumineux (trop de références YAML)"


def test_unknown_pydantic_error_type_stays_french():
    from cspdocs.case.messages import french_message

    error = {"type": "some_new_type", "loc": ("x",), "input": "abc", "msg": "Input should be something"}
    assert french_message(error) == "valeur invalide : « abc »"
    assert french_message({"type": "decimal_parsing", "loc": ("x",), "input": [1]}) == "une liste n'est pas un nombre (exemple : 2850.00)"
