"""``cspdocs lint TEMPLATES_DIR``: static checks of DOCX templates (lint_static.py), then every
template rendered over the scenario matrix (scenarios.py) with its mentions checked.

Per template: the package (render/package_check.py), its file name (which document it serves,
render/modeles.py), braces and Word runs, Jinja syntax, unknown filters and variables, each found
once. Then each template is compiled once and rendered for every scenario where its artefact is
produced (the generator's own rule, cspdocs/render/artefacts.py), the text is extracted and checked
against the mention files, and the cross-artefact checks run on each scenario's documents.
``lint_report.py`` gives the text and JSON views, each problem once with the scenarios it affects.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from jinja2 import TemplateSyntaxError

from ..render.artefacts import ARTEFACTS as RENDER_ARTEFACTS
from ..render.artefacts import document_date
from ..render.context import build_context
from ..render.docxparts import ModeleInvalide, read_package
from ..render.environment import make_environment
from ..render.errors import ErreurModele
from ..render.messages import french_message
from ..render.modeles import MAPPING_FILE, Inventory, expected_names, inventory
from ..render.patch import to_jinja_source
from ..render.renderer import CompiledTemplate
from .checker import artefact_applicable, check_artefact
from .crosscheck import cross_check
from .folded_text import TexteCompare
from .extract import docx_text, texte_parts
from .lint_static import AVERTISSEMENT, ERREUR, TEXT_KINDS, Constat, check_filters, check_runs, syntax_problem
from .lint_variables import check_variables, context_shape
from .loading import default_catalogue
from .model import Catalogue
from .recognition import recognise_artefact
from .result import Resultat
from .scenario_coverage import coverage
from .scenarios import ComputedScenario, computed_scenarios

__all__ = ["AVERTISSEMENT", "CROISE", "ERREUR", "CasLint", "Constat", "LintReport", "lint"]

SANS_OBJET = "sans_objet"
CROISE = "controles"


@dataclass
class CasLint:
    """One template rendered for one scenario (or the cross-checks of one scenario)."""

    modele: str
    artefact: str
    scenario: str
    libelle: str
    resultats: list[Resultat] = field(default_factory=list)
    erreur: str = ""  # rendering error (French, with the paragraph)
    sans_objet: str = ""  # reason why the artefact is not produced in this scenario
    duree: float = 0.0

    @property
    def echecs(self) -> list[Resultat]:
        return [r for r in self.resultats if r.bloquant]

    @property
    def avertissements(self) -> list[Resultat]:
        return [r for r in self.resultats if r.echec and not r.bloquant]

    @property
    def ok(self) -> bool:
        return not self.erreur and not self.echecs


@dataclass
class LintReport:
    dossier: str
    modeles: list[str] = field(default_factory=list)
    scenarios: list[ComputedScenario] = field(default_factory=list)
    constats: list[Constat] = field(default_factory=list)
    cas: list[CasLint] = field(default_factory=list)  # template x scenario
    controles: list[CasLint] = field(default_factory=list)  # cross-checks per scenario
    couverture: list[str] = field(default_factory=list)  # conditions no scenario exercises
    inventaire: Optional[Inventory] = None  # which file serves which document
    inutilisables: dict[str, str] = field(default_factory=dict)  # template -> why it was not rendered
    duree: float = 0.0

    @property
    def erreurs(self) -> list[Constat]:
        return [c for c in self.constats if c.niveau == ERREUR]

    @property
    def ok(self) -> bool:
        """Exit 0 only when every obligatoire mention holds in every scenario and nothing broke."""
        return (not self.erreurs and all(c.ok for c in self.cas) and all(c.ok for c in self.controles)
                and bool(self.cas))

    def texte(self) -> str:
        from .lint_report import text_report

        return text_report(self)

    def as_json(self) -> dict[str, Any]:
        from .lint_report import json_report

        return json_report(self)


# --- one template ---------------------------------------------------------------------------------

_RENDER_BY_CLE = {a.cle: a for a in RENDER_ARTEFACTS}


def template_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.docx") if not p.name.startswith(("~$", ".")))


def _read(path: Path) -> bytes | str:
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
        found.extend(check_filters(nom, partie, source, ast, env))
        found.extend(check_variables(nom, partie, source, ast, shape, env))
    if any(c.niveau == ERREUR and c.categorie in ("syntaxe", "filtre", "balise", "modele") for c in found):
        return found, None
    try:
        return found, CompiledTemplate(data, nom, env)
    except ErreurModele as exc:
        return found + [Constat(nom, "syntaxe", ERREUR, exc.cause, exc.partie, exc.paragraphe)], None
    except ModeleInvalide as exc:
        return found + [Constat(nom, "modele", ERREUR, p) for p in exc.problemes], None


def _unknown_name(nom: str, modele: Optional[CompiledTemplate], computed: list[ComputedScenario],
                  contexts: list[Mapping[str, Any]], catalogue: Catalogue) -> Constat:
    looks_like = _recognise(modele, computed, contexts, catalogue) if modele else None
    hint = ""
    if looks_like in _RENDER_BY_CLE:
        expected = _RENDER_BY_CLE[looks_like].modele
        hint = (f" Ce modèle ressemble à « {_RENDER_BY_CLE[looks_like].libelle} » : renommez-le {expected}, ou "
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


# --- the matrix ----------------------------------------------------------------------------------


def lint(directory: Path | str, catalogue: Optional[Catalogue] = None,
         scenarios: Optional[Iterable[ComputedScenario]] = None) -> LintReport:
    """Lint every template of ``directory`` (see module docstring)."""
    start = time.perf_counter()
    catalogue = catalogue or default_catalogue()
    directory = Path(directory)
    computed = list(scenarios if scenarios is not None else computed_scenarios())
    rapport = LintReport(str(directory), scenarios=computed)
    inv = inventory(directory)
    rapport.inventaire = inv
    rapport.constats.extend(Constat(MAPPING_FILE, "modele", ERREUR, p) for p in inv.problemes)
    files = template_files(directory)
    if not files:
        rapport.constats.append(Constat(str(directory), "modele", ERREUR, "aucun modèle DOCX dans ce dossier"))
        rapport.duree = time.perf_counter() - start
        return rapport
    env = make_environment()
    contexts = [build_context(c.resultat, c.salarie) for c in computed]
    shape = context_shape(contexts)
    served = {path.name: cle for cle, path in inv.chemins.items() if inv.origines[cle] == "personnalise"}

    compiled: dict[str, tuple[CompiledTemplate, str]] = {}  # file name -> (template, artefact)
    for path in files:
        nom = path.name
        rapport.modeles.append(nom)
        data = _read(path)
        if isinstance(data, str):
            rapport.constats.append(Constat(nom, "modele", ERREUR, data))
            continue
        found, modele = static_checks(nom, data, shape, env)
        rapport.constats.extend(found)
        artefact = served.get(nom)
        if artefact is None:
            rapport.constats.append(_unknown_name(nom, modele, computed, contexts, catalogue))
        elif modele is not None:
            compiled[nom] = (modele, artefact)

    for nom in rapport.modeles:
        if nom not in compiled:
            # unusable template: every scenario fails for it (one JUnit error each; the text says it once)
            reason = next((c.message for c in rapport.constats if c.modele == nom and c.niveau == ERREUR),
                          "modèle inutilisable")
            rapport.inutilisables[nom] = reason
            artefact = served.get(nom, Path(nom).stem)
            for c in computed:
                rapport.cas.append(CasLint(nom, artefact, c.id, c.libelle, erreur=f"modèle inutilisable : {reason}"))

    for c, ctx in zip(computed, contexts):
        texts: list[tuple[str, TexteCompare, str]] = []
        for nom, (modele, artefact) in compiled.items():
            case = CasLint(nom, artefact, c.id, c.libelle)
            t0 = time.perf_counter()
            render_def = _RENDER_BY_CLE[artefact]
            reason = render_def.omission(ctx)
            if reason is None and not artefact_applicable(artefact, c.resultat, c.salarie, catalogue):
                reason = "document sans objet pour ce salarié"
            if reason:
                case.sans_objet = reason
                rapport.cas.append(case)
                continue
            try:
                rendu = modele.rendre_detail(ctx, document_date(render_def, ctx))
            except ErreurModele as exc:
                case.erreur = f"rendu impossible : {exc}"
            except Exception as exc:  # anything else is reported too, in French
                case.erreur = f"rendu impossible : {french_message(exc, env.filters)}"
            if case.erreur:
                case.duree = time.perf_counter() - t0
                rapport.cas.append(case)
                continue
            # the text of the XML the renderer holds: the same as reading the DOCX back (perf, issue 12)
            folded = TexteCompare.de(texte_parts(rendu.parties, core=rendu.core))
            case.resultats = check_artefact(artefact, folded, c.resultat, c.salarie, catalogue)
            case.duree = time.perf_counter() - t0
            rapport.cas.append(case)
            texts.append((artefact, folded, nom))
        if texts:
            cross = CasLint(CROISE, CROISE, c.id, c.libelle)
            cross.resultats = cross_check(texts, c.resultat, c.salarie, catalogue)
            rapport.controles.append(cross)
    rapport.couverture = coverage(catalogue, computed)
    rapport.duree = time.perf_counter() - start
    return rapport
