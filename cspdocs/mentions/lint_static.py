"""Static checks of one template for ``cspdocs lint``, each finding once, in French.

- braces: a tag missing a brace (``{{ x }``), closed by the wrong delimiter (``{{ x %}``), never
  closed, or opened in one paragraph and closed in another, each diagnosed as such;
- tags split across Word runs (warning) and text beside a ``{%p ... %}`` tag (warning);
- Jinja syntax of each part (French message, the paragraph and its neighbours);
- unknown filters and tests, with « vouliez-vous dire » (variables: lint_variables.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from ..render.errors import PART_LABELS
from ..render.messages import french_cause, unknown_filter, unknown_test
from ..render.patch import line_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_KINDS = ("document", "header", "footer", "footnotes", "endnotes")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_DELIMITER = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}|\{|\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_PARAGRAPH_TAG = re.compile(r"\{%-?\s*(p|tr|tc)\s")
ERREUR, AVERTISSEMENT = "erreur", "avertissement"


@dataclass(frozen=True)
class Constat:
    """A static finding on a template."""

    modele: str
    categorie: str  # "syntaxe" | "balise" | "variable" | "filtre" | "modele"
    niveau: str  # ERREUR | AVERTISSEMENT
    message: str  # French
    partie: str = ""
    paragraphe: str = ""
    avant: str = ""
    apres: str = ""

    def texte(self) -> str:
        lieu = f" ({PART_LABELS.get(self.partie, self.partie)})" if self.partie else ""
        lines = [f"{self.niveau.upper()} {self.modele}{lieu} — {self.message}"]
        if self.paragraphe:
            lines.append(f"    paragraphe : « {self.paragraphe} »")
        if self.avant:
            lines.append(f"    paragraphe précédent : « {self.avant} »")
        if self.apres:
            lines.append(f"    paragraphe suivant : « {self.apres} »")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, str]:
        return {"niveau": self.niveau, "categorie": self.categorie, "modele": self.modele,
                "partie": self.partie, "message": self.message, "paragraphe": self.paragraphe,
                "paragraphe_precedent": self.avant, "paragraphe_suivant": self.apres}


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --- paragraphs, runs and braces ----------------------------------------------------------------


def _nearest_p(el: Optional[etree._Element]) -> Optional[etree._Element]:
    while el is not None and el.tag != W + "p":
        el = el.getparent()
    return el


def _paragraph_runs(p: etree._Element) -> list[tuple[int, str]]:
    """(run index, text) of the paragraph's own w:t (text boxes' paragraphs excluded)."""
    out: list[tuple[int, str]] = []
    run_index, current_run = -1, None
    for el in p.iter(W + "t"):
        if _nearest_p(el.getparent()) is not p:
            continue
        run = el.getparent()
        if run is not current_run:
            current_run, run_index = run, run_index + 1
        out.append((run_index, el.text or ""))
    return out


def brace_problems(text: str, later: Iterable[str] = ()) -> list[str]:
    """Exact diagnoses of unbalanced tag delimiters in one paragraph's text (French)."""
    problems: list[str] = []
    opened: Optional[re.Match] = None
    tokens = list(_DELIMITER.finditer(text))
    for i, m in enumerate(tokens):
        token = m.group(0)
        if token in _CLOSER:
            if opened is not None:
                problems.append(f"balise « {_short(text[opened.start():m.start()], 60)} » non fermée avant la "
                                f"balise suivante : il manque « {_CLOSER[opened.group(0)]} »")
            opened = m
        elif token in ("}}", "%}", "#}"):
            if opened is None:
                before = text[max(0, m.start() - 40):m.end()]
                single = text[:m.start()].rfind("{")
                if single >= 0 and text[single:single + 2] not in _CLOSER:
                    problems.append(f"« {_short(before, 60)} » : il manque une accolade ouvrante (« {{ » seule au "
                                    f"lieu de « {_opener_of(token)} »)")
                else:
                    problems.append(f"« {token} » sans ouverture dans ce paragraphe (« {_short(before, 60)} ») : "
                                    f"il manque « {_opener_of(token)} »")
            elif token != _CLOSER[opened.group(0)]:
                tag = text[opened.start():m.end()]
                problems.append(f"balise « {_short(tag, 60)} » ouverte par « {opened.group(0)} » mais fermée par "
                                f"« {token} » : fermer par « {_CLOSER[opened.group(0)]} »")
                opened = None
            else:
                opened = None
        elif token == "}" and opened is not None:
            ahead = next((t.group(0) for t in tokens[i + 1:] if t.group(0) not in ("{", "}")), None)
            if ahead == _CLOSER[opened.group(0)]:
                continue  # a brace inside the tag (in a quoted text)
            tag = text[opened.start():m.end()]
            closer = _CLOSER[opened.group(0)]
            missing = "une accolade fermante" if closer == "}}" else f"« {closer[0]} » avant l'accolade"
            problems.append(f"balise « {_short(tag, 60)} » : il manque {missing} (fermer par « {closer} »)")
            opened = None
    for tag in _TAG.finditer(text):
        quote = _unclosed_quote(tag.group(0)[2:-2])
        if quote:
            name = "apostrophe droite" if quote == "'" else "guillemet droit"
            problems.append(f"balise « {_short(tag.group(0), 60)} » : guillemet non fermé ({name} {quote} "
                            "seule) ; un texte s'écrit entre deux guillemets droits")
    if opened is not None:
        closer = _CLOSER[opened.group(0)]
        tag = _short(text[opened.start():], 60)
        if any(closer in t for t in later):
            problems.append(f"balise « {tag} » ouverte ou fermée dans un autre paragraphe : une balise doit tenir "
                            "dans un seul paragraphe")
        else:
            problems.append(f"balise « {tag} » jamais fermée : il manque « {closer} »")
    return problems


def _unclosed_quote(inner: str) -> Optional[str]:
    quote = None
    for ch in inner:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
    return quote


def _opener_of(closer: str) -> str:
    return {v: k for k, v in _CLOSER.items()}[closer]


def check_runs(modele: str, partie: str, kind: str, xml: bytes) -> list[Constat]:
    """Braces, tags split across runs, text beside a paragraph tag."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        return [Constat(modele, "modele", ERREUR, "XML mal formé (fichier abîmé ou modifié hors de Word)", partie)]
    found: list[Constat] = []
    texts = [("".join(t for _, t in runs), runs) for runs in map(_paragraph_runs, root.iter(W + "p"))]
    for i, (text, runs) in enumerate(texts):
        if "{" not in text and "}" not in text:
            continue
        owners: list[int] = []
        for run_index, t in runs:
            owners.extend([run_index] * len(t))
        for m in _TAG.finditer(text):
            spanned = set(owners[m.start():m.end()])
            if len(spanned) > 1:
                found.append(Constat(
                    modele, "balise", AVERTISSEMENT,
                    f"balise « {m.group(0)} » répartie sur {len(spanned)} segments de texte Word (runs) : le rendu "
                    "la recompose, mais la valeur prendra la mise en forme du premier segment ; retaper la balise "
                    "d'un seul tenant", partie, _short(text)))
        later = [t for t, _ in texts[i + 1:i + 4]]
        for problem in brace_problems(text, later):
            found.append(Constat(modele, "balise", ERREUR, problem, partie, _short(text),
                                 _short(texts[i - 1][0]) if i else "",
                                 _short(texts[i + 1][0]) if i + 1 < len(texts) else ""))
        for m in _TAG.finditer(text):
            if _PARAGRAPH_TAG.match(m.group(0)):
                others = _TAG.sub("", text).strip()
                if others:
                    found.append(Constat(
                        modele, "balise", AVERTISSEMENT,
                        f"la balise de paragraphe « {m.group(0)} » remplace tout son paragraphe : le texte "
                        f"« {_short(others, 80)} » qui l'accompagne disparaîtra du document", partie, _short(text)))
                break
    return found


# --- syntax ---------------------------------------------------------------------------------------


def _neighbour(source: str, lineno: int, step: int) -> str:
    for k in range(1, 4):
        candidate = line_text(source, lineno + step * k)
        if candidate not in ("", "?"):
            return candidate
    return ""


def syntax_problem(modele: str, partie: str, source: str, exc: TemplateSyntaxError, env) -> Constat:
    """A syntax error in French, with the paragraph and its neighbours (from the part's source)."""
    lineno = exc.lineno or 0
    paragraphe = line_text(source, lineno) if lineno else ""
    return Constat(modele, "syntaxe", ERREUR, "erreur de syntaxe : " + french_cause(exc, env.filters, env.tests),
                   partie, paragraphe if paragraphe != "?" else "",
                   _neighbour(source, lineno, -1) if lineno else "", _neighbour(source, lineno, 1) if lineno else "")


def check_filters(modele: str, partie: str, source: str, ast: nodes.Template, env) -> list[Constat]:
    found: dict[tuple[str, int], Constat] = {}
    for node in ast.find_all((nodes.Filter, nodes.Test)):
        if node.name is None:
            continue
        if isinstance(node, nodes.Filter) and node.name not in env.filters:
            message = unknown_filter(node.name, env.filters)
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            message = unknown_test(node.name, env.tests)
        else:
            continue
        found.setdefault((message, node.lineno), Constat(modele, "filtre", ERREUR, message, partie,
                                                         line_text(source, node.lineno)))
    return list(found.values())
