"""One « vouliez-vous dire » for every message (cspdocs/suggestions.py)."""

from cspdocs.suggestions import close_matches, did_you_mean


def test_closest_names_within_a_tenth_of_the_best():
    assert close_matches("date_remis", ["date_remise", "date_envoi_lettre", "nom"]) == ["date_remise"]
    assert close_matches("euro", ["euros", "nombre"]) == ["euros"]
    assert close_matches("zzz", ["euros", "nombre"]) == []


def test_a_folded_exact_match_comes_alone():
    assert close_matches("Nom", ["nom", "noms"], fold=str.lower) == ["nom"]


def test_wording():
    assert did_you_mean(["a"]) == "vouliez-vous dire « a » ?"
    assert did_you_mean(["a", "b"]) == "vouliez-vous dire « a » ou « b » ?"
    assert did_you_mean([]) == ""
