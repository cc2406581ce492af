"""``cspdocs lint TEMPLATES_DIR``: static checks of DOCX templates (lint_template.py), then every
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

from ..render.artefacts import document_date
from ..render.context import build_context
from ..render.environment import make_environment
from ..render.errors import ErreurModele
from ..render.messages import french_message
from ..render.modeles import MAPPING_FILE, Inventory, inventory
from ..render.renderer import CompiledTemplate
from .checker import artefact_applicable, check_artefact
from .crosscheck import cross_check
from .extract import texte_parts
from .folded_text import TexteCompare
from .lint_static import AVERTISSEMENT, ERREUR, Constat
from .lint_template import RENDER_BY_CLE, read_template, static_checks, template_files, unknown_name
from .lint_variables import context_shape
from .loading import default_catalogue
from .model import Catalogue
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
        return [r for r in self.resultats if r.blocking]

    @property
    def warnings(self) -> list[Resultat]:
        return [r for r in self.resultats if r.echec and not r.blocking]

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
    served = {path.name: cle for cle, path in inv.chemins.items() if inv.origines[cle] == "personnalise"}
    compiled = _compile_templates(rapport, files, served, computed, contexts, catalogue, env)
    _report_unusable(rapport, compiled, served, computed)
    for c, ctx in zip(computed, contexts):
        _lint_scenario(rapport, compiled, c, ctx, catalogue, env)
    rapport.couverture = coverage(catalogue, computed)
    rapport.duree = time.perf_counter() - start
    return rapport


Compiled = dict[str, tuple[CompiledTemplate, str]]  # file name -> (template, artefact)


def _compile_templates(rapport: LintReport, files: list[Path], served: dict[str, str],
                       computed: list[ComputedScenario], contexts: list[Mapping[str, Any]],
                       catalogue: Catalogue, env) -> Compiled:
    """The static checks of every template file; the templates that compiled and serve an artefact."""
    shape = context_shape(contexts)
    compiled: Compiled = {}
    for path in files:
        nom = path.name
        rapport.modeles.append(nom)
        data = read_template(path)
        if isinstance(data, str):
            rapport.constats.append(Constat(nom, "modele", ERREUR, data))
            continue
        found, modele = static_checks(nom, data, shape, env)
        rapport.constats.extend(found)
        artefact = served.get(nom)
        if artefact is None:
            rapport.constats.append(unknown_name(nom, modele, computed, contexts, catalogue))
        elif modele is not None:
            compiled[nom] = (modele, artefact)
    return compiled


def _report_unusable(rapport: LintReport, compiled: Compiled, served: dict[str, str],
                     computed: list[ComputedScenario]) -> None:
    """An unusable template fails every scenario (one JUnit error each; the text says it once)."""
    for nom in rapport.modeles:
        if nom not in compiled:
            reason = next((c.message for c in rapport.constats if c.modele == nom and c.niveau == ERREUR),
                          "modèle inutilisable")
            rapport.inutilisables[nom] = reason
            artefact = served.get(nom, Path(nom).stem)
            for c in computed:
                rapport.cas.append(CasLint(nom, artefact, c.id, c.libelle, erreur=f"modèle inutilisable : {reason}"))


def _lint_scenario(rapport: LintReport, compiled: Compiled, c: ComputedScenario, ctx: Mapping[str, Any],
                   catalogue: Catalogue, env) -> None:
    """Every compiled template rendered for one scenario, its mentions checked, then the cross-checks."""
    texts: list[tuple[str, TexteCompare, str]] = []
    for nom, (modele, artefact) in compiled.items():
        case, folded = _lint_case(nom, modele, artefact, c, ctx, catalogue, env)
        rapport.cas.append(case)
        if folded is not None:
            texts.append((artefact, folded, nom))
    if texts:
        cross = CasLint(CROISE, CROISE, c.id, c.libelle)
        cross.resultats = cross_check(texts, c.resultat, c.salarie, catalogue)
        rapport.controles.append(cross)


def _lint_case(nom: str, modele: CompiledTemplate, artefact: str, c: ComputedScenario, ctx: Mapping[str, Any],
               catalogue: Catalogue, env) -> tuple[CasLint, Optional[TexteCompare]]:
    """One template for one scenario: omitted, not rendered (French reason), or rendered and checked."""
    case = CasLint(nom, artefact, c.id, c.libelle)
    t0 = time.perf_counter()
    render_def = RENDER_BY_CLE[artefact]
    found = render_def.omission(ctx)
    reason = found.text if found is not None else None
    if reason is None and not artefact_applicable(artefact, c.resultat, c.salarie, catalogue):
        reason = "document sans objet pour ce salarié"
    if reason:
        case.sans_objet = reason
        return case, None
    try:
        rendu = modele.rendre_detail(ctx, document_date(render_def, ctx))
    except ErreurModele as exc:
        case.erreur = f"rendu impossible : {exc}"
    except Exception as exc:  # anything else is reported too, in French
        case.erreur = f"rendu impossible : {french_message(exc, env.filters)}"
    if case.erreur:
        case.duree = time.perf_counter() - t0
        return case, None
    # the text of the XML the renderer holds: the same as reading the DOCX back (perf, issue 12)
    folded = TexteCompare.de(texte_parts(rendu.parties, core=rendu.core))
    case.resultats = check_artefact(artefact, folded, c.resultat, c.salarie, catalogue)
    case.duree = time.perf_counter() - t0
    return case, folded
