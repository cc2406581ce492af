"""The French messages of the case file's YAML reader (cspdocs/case/yaml_source.py): PyYAML's
syntax errors said in French with their line and column, and the bounds of cspdocs/limits.py."""

from __future__ import annotations

from typing import Optional

import yaml

from ..limits import MAX_EMPLOYEES, MAX_NESTING
from .bounds import french_number


class YamlSyntaxError(Exception):
    def __init__(self, line: Optional[int], message: str):
        super().__init__(message)
        self.line = line
        self.message = message


# PyYAML's scanner/parser messages, said in French (matched on a fragment of the English text).
_SYNTAX = (
    ("mapping values are not allowed", "« : » inattendu (mettez entre guillemets une valeur qui contient « : », ou vérifiez l'indentation)"),
    ("could not find expected ':'", "« : » attendu après la clé"),
    ("'\\t'", "tabulation interdite : indentez avec des espaces"),
    ("expected <block end>", "indentation incohérente"),
    ("did not find expected key", "indentation incohérente ou clé attendue"),
    ("did not find expected '-'", "élément de liste attendu (« - ») : vérifiez l'indentation"),
    ("expected ',' or ']'", "liste entre crochets mal fermée (« , » ou « ] » attendu)"),
    ("expected ',' or '}'", "groupe entre accolades mal fermé (« , » ou « } » attendu)"),
    ("unexpected end of stream", "fin de fichier inattendue (guillemet ou crochet non fermé ?)"),
    ("undefined alias", "référence (*ancre) à une ancre non définie"),
    ("duplicate anchor", "ancre (&ancre) définie deux fois"),
    ("unknown escape character", "séquence d'échappement inconnue entre guillemets doubles"),
    ("found another document", "le fichier contient plusieurs documents YAML (« --- ») ; un seul est attendu"),
)


def syntax_message(error: yaml.YAMLError) -> tuple[Optional[int], str]:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    english = " ".join(str(x) for x in (getattr(error, "context", None), getattr(error, "problem", None)) if x)
    french = next((fr for en, fr in _SYNTAX if en in english), "syntaxe YAML invalide")
    if mark is None:
        return None, french
    return mark.line + 1, f"{french} (colonne {mark.column + 1})"


def character_code(character) -> str:
    """U+XXXX of the character PyYAML's reader refused (it gives its code point, or the character)."""
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    return f"U+{code:04X}"


def too_many_employees(count: Optional[int]) -> str:
    said = f"{french_number(count)} salariés : un" if count is not None else "un"
    return (f"{said} dossier en compte au plus {french_number(MAX_EMPLOYEES)} ; "
            "répartissez la procédure en plusieurs dossiers")


def too_deep() -> str:
    return f"imbrication trop profonde : au plus {MAX_NESTING} niveaux de groupes et de listes emboîtés"
