"""One template of ``cspdocs lint``: its static checks (package, braces and Word runs, Jinja syntax,
filters, variables; lint_static.py, lint_variables.py), compiled once when usable, and what to say
when its file name serves no document (which document it looks like)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Optional

from jinja2 import TemplateSyntaxError

from ..render.artefacts import ARTEFACTS as RENDER_ARTEFACTS
from ..render.docxparts import ModeleInvalide, read_package
from ..render.errors import ErreurModele
from ..render.modeles import MAPPING_FILE, expected_names
from ..render.patch import to_jinja_source
from ..render.renderer import CompiledTemplate
from .extract import docx_text
from .lint_static import ERREUR, TEXT_KINDS, Constat, check_filters, check_runs, syntax_problem
from .lint_variables import check_variables
from .model import Catalogue
from .recognition import recognise_artefact
from .scenarios import ComputedScenario

RENDER_BY_CLE = {a.cle: a for a in RENDER_ARTEFACTS}


def template_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.docx") if not p.name.startswith(("~$", ".")))


def read_template(path: Path) -> bytes | str:
    """The file's bytes, or why it cannot be read (French)."""
    if not path.is_file():
        return "ce n'est pas un fichier (un dossier porte ce nom)"
    try:
        return path.read_bytes()
    except OSError as exc:
        import errno

        why = {errno.EACCES: "accès refusé", errno.EPERM: "accès refusé", errno.EIO: "erreur d'entrée-sortie"}
        return f"fichier illisible ({why.get(exc.errno, 'erreur de lecture')})"


def static_checks(nom: str, data: bytes, shape: Mapping[str, Any], env) -> tuple[list[Constat], Optional[CompiledTemplate]]:
    """Every static finding of one template, and the compiled template when it is usable."""
    try:
        package = read_package(data, nom)
    except ModeleInvalide as exc:
        return [Constat(nom, "modele", ERREUR, p) for p in exc.problemes], None
    found: list[Constat] = []
    parsed: dict[str, tuple[str, Any]] = {}  # compiled from these ASTs below, not parsed again
    members = dict(package.members)
    for partie, kind in package.kinds.items():
        runs = check_runs(nom, partie, kind, members[partie]) if kind in TEXT_KINDS else []
        found.extend(runs)
        braces = any(c.niveau == ERREUR for c in runs)
        try:
            source = to_jinja_source(members[partie].decode("utf-8"), kind)
        except UnicodeDecodeError:
            found.append(Constat(nom, "modele", ERREUR, f"{partie} n'est pas encodé en UTF-8", partie))
            continue
        try:
            ast = env.parse(source)
        except TemplateSyntaxError as exc:
            if not braces:  # the brace diagnosis already says it, more precisely
                found.append(syntax_problem(nom, partie, source, exc, env))
            continue
        parsed[partie] = source, ast
        found.extend(check_filters(nom, partie, source, ast, env))
        found.extend(check_variables(nom, partie, source, ast, shape, env))
    if any(c.niveau == ERREUR and c.categorie in ("syntaxe", "filtre", "balise", "modele") for c in found):
        return found, None
    try:
        return found, CompiledTemplate(data, nom, env, parsed)
    except ErreurModele as exc:
        return found + [Constat(nom, "syntaxe", ERREUR, exc.cause, exc.partie, exc.paragraphe)], None
    except ModeleInvalide as exc:
        return found + [Constat(nom, "modele", ERREUR, p) for p in exc.problemes], None


def unknown_name(nom: str, modele: Optional[CompiledTemplate], computed: list[ComputedScenario],
                 contexts: list[Mapping[str, Any]], catalogue: Catalogue) -> Constat:
    looks_like = _recognise(modele, computed, contexts, catalogue) if modele else None
    hint = ""
    if looks_like in RENDER_BY_CLE:
        expected = RENDER_BY_CLE[looks_like].modele
        hint = (f" Ce modèle ressemble à « {RENDER_BY_CLE[looks_like].libelle} » : renommez-le {expected}, ou "
                f"déclarez-le dans {MAPPING_FILE} (« {looks_like}: {nom} »).")
    return Constat(nom, "modele", ERREUR,
                   f"nom de fichier inconnu : generate n'utilisera pas ce modèle. Noms attendus : {expected_names()}."
                   + hint)


def _recognise(modele: CompiledTemplate, computed: list[ComputedScenario], contexts: list[Mapping[str, Any]],
               catalogue: Catalogue) -> Optional[str]:
    for c, ctx in zip(computed, contexts):
        try:
            data = modele.rendre(ctx, c.salarie.dates["remise"])
        except Exception:
            continue
        texte = docx_text(data)
        return recognise_artefact(texte, catalogue, texte.titre)
    return None
