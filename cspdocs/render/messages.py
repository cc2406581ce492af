"""French wording of every error a template can raise, without Jinja's or Python's internals.

``french_cause(exc)`` turns a Jinja syntax error, an undefined variable, a sandbox refusal or a
Python error raised inside a tag into one French sentence a firm can act on; the renderer and the
lint add the template, the part and the paragraph. ``suggest`` gives the « vouliez-vous dire »
used for unknown variables, filters and tags.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from . import sandbox
from ..suggestions import close_matches, did_you_mean

# The tags a template may use (Jinja's statements, docxtpl's paragraph/row/cell/run prefixes).
BALISES = ("if", "elif", "else", "endif", "for", "endfor", "set", "endset", "macro", "endmacro", "call",
           "endcall", "filter", "endfilter", "with", "endwith", "raw", "endraw", "break", "continue")
TYPES = {"str": "un texte", "int": "un nombre entier", "float": "un nombre", "Decimal": "un montant",
         "dict": "un ensemble de variables", "list": "une liste", "tuple": "une liste", "date": "une date",
         "datetime": "une date", "NoneType": "une valeur absente", "bool": "un booléen",
         "Namespace": "un espace de noms", "Undefined": "une variable inconnue"}
TOKENS = {"end of print statement": "la fin de la balise « }} »",
          "end of statement block": "la fin de la balise « %} »",
          "end of template": "la fin du modèle", "name": "un nom", "integer": "un nombre", "string": "un texte"}


def suggest(name: str, candidates: Iterable[str]) -> str:
    """`` (vouliez-vous dire « x » ?)`` or ``""``."""
    hint = did_you_mean(close_matches(name, candidates))
    return f" ({hint})" if hint else ""


def _token(raw: str) -> str:
    return TOKENS.get(raw, f"« {raw} »")


def unknown_filter(name: str, available: Iterable[str]) -> str:
    if name in sandbox.FILTRES_RETIRES:
        return f"filtre « {name} » interdit dans un modèle : {sandbox.FILTRES_RETIRES[name]}"
    return f"filtre « {name} » inconnu{suggest(name, available)}"


def unknown_test(name: str, available: Iterable[str]) -> str:
    return f"test « {name} » inconnu (dans « is {name} »){suggest(name, available)}"


def unknown_tag(name: str) -> str:
    if name in ("p", "tr", "tc", "r"):
        return (f"balise « {{%{name} ... %}} » hors d'un {'paragraphe' if name == 'p' else 'élément'} Word : "
                "elle ne s'utilise que dans le corps, les en-têtes et les pieds de page")
    return f"balise « {{% {name} %}} » inconnue{suggest(name, BALISES)}"


def _syntax(exc: TemplateSyntaxError, filters: Iterable[str], tests: Iterable[str]) -> str:
    msg = exc.message or ""
    if m := re.match(r"No filter named '([^']+)'", msg):
        return unknown_filter(m.group(1), filters)
    if m := re.match(r"No test named '([^']+)'", msg):
        return unknown_test(m.group(1), tests)
    if m := re.match(r"Encountered unknown tag '([^']+)'\.(?:.*innermost block that needs to be closed is '([^']+)')?",
                     msg, re.DOTALL):
        tag, block = m.groups()
        if block:
            return (f"balise « {{% {tag} %}} » inattendue : le bloc ouvert est « {{% {block} %}} », qui se ferme par "
                    f"« {{% end{block} %}} »")
        if tag.startswith("end") or tag in ("else", "elif"):
            return f"balise « {{% {tag} %}} » sans bloc ouvert correspondant (un « {{% if %}} » ou « {{% for %}} » manque ?)"
        return unknown_tag(tag)
    if m := re.search(r"innermost block that needs to be closed is '([^']+)'", msg):
        block = m.group(1)
        return f"bloc « {{% {block} %}} » jamais fermé : il manque « {{% end{block} %}} » (ou « {{%p end{block} %}} »)"
    if msg.startswith("unexpected end of template, expected 'end of print statement'"):
        return "balise « {{ » jamais fermée : il manque « }} »"
    if msg.startswith("unexpected end of template"):
        return "balise jamais fermée : il manque « %} » ou « }} »"
    if m := re.match(r"unexpected '([^']+)'(?:, expected '([^']+)')?", msg):
        found, expected = m.groups()
        if found == "}" and not expected:
            return "accolade « } » isolée : une balise se ferme par « }} » ou « %} » (accolade manquante ?)"
        text = f"{_token(found)} inattendu"
        return text + (f" : {_token(expected)} attendu (parenthèse ou crochet non fermé ?)" if expected else "")
    if m := re.match(r"expected token '([^']+)', got '([^']+)'", msg):
        expected, found = m.groups()
        return (f"« {found} » inattendu, {_token(expected)} attendue : opérateur, virgule ou filtre « | » manquant ?")
    if m := re.match(r"Expected an expression, got '([^']+)'", msg):
        return f"balise vide ou incomplète : une expression est attendue avant {_token(m.group(1))}"
    if m := re.match(r"unexpected char (.+?) at \d+", msg):
        raw = m.group(1)
        char = raw[1:-1] if len(raw) >= 3 and raw[0] == raw[-1] and raw[0] in "'\"" else raw
        if char in ("'", '"'):
            return "guillemet non fermé dans une balise"
        if char in "‘’“”«»":
            return (f"guillemet typographique « {char} » dans une balise (correction automatique de Word) : "
                    "retaper avec des guillemets droits ' ou \"")
        return f"caractère « {char} » inattendu dans une balise"
    if msg.startswith("expected name or number"):
        return "un nom est attendu après le point (« salarie.nom »)"
    if sandbox.BUDGET_NAME in msg or "interdite" in msg or "autoescape" in msg:
        return msg  # our own refusals (sandbox.py) are already French
    return "syntaxe de balise invalide"


def _undefined(msg: str) -> str:
    if m := re.match(r"'([^']+)' is undefined", msg):
        return f"variable « {m.group(1)} » inconnue"
    if m := re.match(r"'(\w+) object' has no attribute '([^']+)'", msg):
        kind, attr = m.groups()
        return f"« {attr} » n'existe pas dans {TYPES.get(kind, 'cette valeur')}"
    if m := re.match(r"(\w+) object has no element (.+)", msg):
        return f"{TYPES.get(m.group(1), 'cette valeur')} n'a pas d'élément {m.group(2)}"
    return "variable inconnue"


def french_cause(exc: BaseException, filters: Iterable[str] = (), tests: Iterable[str] = ()) -> str:
    """One French sentence for ``exc`` (no class name, no English)."""
    from .environment import ValeurNonAffichable  # cycle-free: environment imports sandbox only
    from .filters import ErreurFiltre, ValeurAbsente

    if isinstance(exc, (sandbox.RefusModele, ValeurAbsente, ValeurNonAffichable, ErreurFiltre)):
        return str(exc)
    if isinstance(exc, TemplateSyntaxError):
        return _syntax(exc, filters, tests)
    if isinstance(exc, SecurityError):
        m = re.search(r"attribute '([^']+)' of '(\w+)'", str(exc))
        if m:
            return (f"« {m.group(1)} » est interdit sur {TYPES.get(m.group(2), 'cette valeur')} dans un modèle "
                    "(bac à sable)")
        return "opération interdite dans un modèle (bac à sable)"
    if isinstance(exc, UndefinedError):
        return _undefined(getattr(exc, "message", None) or str(exc))
    if isinstance(exc, RecursionError):
        return "appels imbriqués trop profonds (macro qui s'appelle elle-même ?)"
    if isinstance(exc, ZeroDivisionError):
        return "division par zéro dans une balise"
    if isinstance(exc, MemoryError):
        return "le rendu consomme trop de mémoire"
    if isinstance(exc, TypeError):
        text = str(exc)
        if "not callable" in text:
            return "cette valeur n'est pas une fonction : retirer les parenthèses"
        if "concatenate" in text or "unsupported operand" in text:
            return ("opération impossible entre ces valeurs : assembler du texte avec « ~ », mettre en forme les "
                    "dates et les montants avec les filtres (date_longue, euros...)")
        return "valeur d'un type inattendu dans une balise"
    return "erreur dans une balise du modèle"


def french_message(exc: BaseException, filters: Optional[Iterable[str]] = None) -> str:
    """``french_cause`` with the default environment's filters and tests for the suggestions."""
    from .environment import make_environment

    env = make_environment()
    return french_cause(exc, filters if filters is not None else env.filters, env.tests)
