"""What the installed package ships, as French text for a reader: a template's text with its tags,
the variables templates may use, the mentions of each document, the rule codes.

(``cspdocs templates show``/``variables``, ``cspdocs mentions``, ``cspdocs regles``; the Markdown
reference in cspdocs/reference.py reads ``condition_value`` for the same wording.)
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any, Optional


class ModeleIntrouvable(ValueError):
    """Neither a file nor the name of a default template."""


class DocumentInconnu(LookupError):
    """A document id absent from the mention catalogue (French message with a suggestion)."""


# --- templates --------------------------------------------------------------------------------


def resolve_template(name: str) -> Path:
    """A template file: the path given, or the default template of that name (``.docx`` optional)."""
    from .render.artefacts import TEMPLATE_NAMES
    from .render.modeles import default_templates_dir

    path = Path(name)
    if path.is_file():
        return path
    defaults = default_templates_dir()
    for candidate in (defaults / name, defaults / f"{name}.docx"):
        if candidate.is_file():
            return candidate
    known = ", ".join(n.removesuffix(".docx") for n in TEMPLATE_NAMES)
    raise ModeleIntrouvable(f"modèle introuvable : {name} (modèles par défaut : {known}, ou un chemin)")


def template_text(name: str) -> str:
    """The text of a template with its tags (one paragraph a line; headers, footers and properties
    included): a change of wording shows in a diff. ``ModeleIntrouvable``, ``ModeleInvalide``."""
    from .render.textdump import format_dump

    path = resolve_template(name)
    return format_dump(path.read_bytes(), path.name)


def template_variables(prefix: str = "") -> list[dict[str, Any]]:
    """The template variables whose name starts with ``prefix`` (name, type, example, when empty)."""
    from .render.variables import describe

    return [asdict(v) for v in describe() if v.nom.startswith(prefix)]


def template_variables_text(prefix: str = "") -> str:
    from .render.variables import describe, format_variables

    return format_variables(describe(), prefix)


# --- mentions ---------------------------------------------------------------------------------


def condition_value(value) -> str:
    """A mention condition's value in French: « a ou b », « clé = valeur », « oui »/« non »."""
    if isinstance(value, (list, tuple)):
        return " ou ".join(condition_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} = {condition_value(v)}" for k, v in value.items())
    return {True: "oui", False: "non"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def format_artefact(artefact) -> str:
    from .mentions.model import NIVEAU_LABELS

    lines = [f"{artefact.id} — {artefact.libelle}"]
    for m in artefact.mentions:
        lines.append(f"  {m.id} [{NIVEAU_LABELS[m.niveau]}] {m.libelle}")
        if m.condition:
            lines.append("      quand : " + ", ".join(f"{k} = {condition_value(v)}" for k, v in m.condition.items()))
        lines.append(f"      attendu : {m.attendu}")
        lines.append(f"      source : {m.source}")
    return "\n".join(lines)


def _controls(catalogue) -> str:
    lines = ["controles — contrôles croisés entre les documents d'un salarié"]
    for c in catalogue.controles.values():
        lines.append(f"  {c.id} [{c.niveau}] {c.libelle}")
        lines.append(f"      source : {c.source}")
    return "\n".join(lines)


def mentions_text(artefact: Optional[str] = None) -> str:
    """The mentions of ``artefact`` (a document id, or « controles » for the cross-checks), of every
    document when None; ``DocumentInconnu`` for an unknown id."""
    from .mentions.loading import default_catalogue
    from .render.messages import suggest

    catalogue = default_catalogue()
    names = list(catalogue.artefacts) + ["controles"]
    if artefact is not None and artefact not in names:
        raise DocumentInconnu(f"document « {artefact} » inconnu{suggest(artefact, names)} ; documents : "
                              + ", ".join(names))
    blocks = [format_artefact(catalogue.artefacts[name]) for name in catalogue.artefacts if artefact in (None, name)]
    if artefact in (None, "controles"):
        blocks.append(_controls(catalogue))
    return "\n\n".join(blocks)


# --- rules ------------------------------------------------------------------------------------


def rules_text(code: Optional[str] = None) -> str:
    """A rule code's title, summary and sources with their links; every code (one a line) when None.
    ``CodeInconnu`` (with a suggestion) for an unknown code."""
    from .rules.registre import format_regle, regle, regles

    if code is not None:
        return format_regle(regle(code))
    lines = [f"{r.code:5} {r.titre}" for r in regles().values()]
    return "\n".join(lines + ["Détail d'un code : cspdocs regles CODE"])
