"""The column table is complete by construction: every key of the employee model is a column with a
French header, every choice has a French label, and no two columns answer to the same header."""

from __future__ import annotations

from cspdocs.case.colonnes import ENTETES, LIBELLES, colonne_nommee, colonnes, normalise
from cspdocs.case.fields import MODEL, salarie_columns


def test_every_model_key_is_a_column_with_a_french_header():
    keys = {c.cle for c in colonnes()}
    for key, kind in salarie_columns().items():
        if kind == MODEL:
            # a group is a column only as a yes/no cell (salarie_protege); its keys are columns anyway
            continue
        assert key in keys, f"clé du modèle sans colonne : {key}"
        assert key in ENTETES, f"clé du modèle sans en-tête français dans colonnes.ENTETES : {key}"


def test_every_choice_has_a_french_label():
    for colonne in colonnes():
        for value, label in colonne.choix:
            assert value in LIBELLES.get(colonne.cle, {}), f"{colonne.cle} = {value} : libellé manquant"
            assert colonne_nommee(colonne.entete) is colonne


def test_no_two_columns_share_a_name():
    owners: dict[str, str] = {}
    for colonne in colonnes():
        for name in {normalise(n) for n in (colonne.cle, colonne.entete, *colonne.alias)}:
            assert owners.setdefault(name, colonne.cle) == colonne.cle, (name, owners[name], colonne.cle)


def test_headers_a_person_writes():
    expected = {
        "Matricule": "matricule", "Prénom": "prenom", "Date d'entrée": "date_entree",
        "DATE D’ENTRÉE": "date_entree", "date_entree": "date_entree", "Code postal": "adresse.code_postal",
        "Salaire brut mensuel": "salaire_brut_mensuel", "Mode de remise": "mode_remise",
        "Réponse": "reponse.decision", "Date de la réponse": "reponse.date", "Salarié protégé": "salarie_protege",
    }
    assert {h: colonne_nommee(h).cle for h in expected} == expected
