"""``cspdocs lint TEMPLATES_DIR``: static checks of DOCX templates, then every template rendered over
the scenario matrix (scenarios.py) with its mentions checked.

Static checks, per template:

- Jinja syntax (compiled with the renderer's own environment), with the Word paragraph text of the
  error and of its neighbours;
- tags split across Word runs (the renderer joins them, but the inserted value takes the first
  run's formatting: warning) and tags opened in one paragraph and closed in another (error);
- text sharing a paragraph with a ``{%p ... %}`` tag (that text disappears when rendered: warning);
- variables the context does not provide (compared with the context the renderer builds for
  every scenario).

Then each template is compiled once and rendered for every scenario where its artefact is produced
(the generator's own rule, cspdocs/render/artefacts.py), the text is extracted and checked against
the mention files, and the cross-artefact checks run on each scenario's documents.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from ..render.artefacts import ARTEFACTS as RENDER_ARTEFACTS
from ..render.artefacts import document_date
from ..render.context import build_context
from ..render.docxparts import ModeleInvalide, read_package
from ..render.environment import make_environment
from ..render.errors import PART_LABELS, ErreurModele
from ..render.patch import line_text, to_jinja_source
from ..render.renderer import ModeleDocx
from .checker import Resultat, TexteCompare, artefact_applicable, check_artefact, recognise_artefact
from .crosscheck import cross_check
from .extract import docx_text
from .model import NIVEAU_LABELS, Catalogue, default_catalogue
from .scenarios import ScenarioCalcule, computed_scenarios, coverage

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_KINDS = ("document", "header", "footer", "footnotes", "endnotes")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN_OR_CLOSE = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_PARAGRAPH_TAG = re.compile(r"\{%-?\s*(p|tr|tc)\s")
DICT_METHODS = ("items", "keys", "values", "get")
ERREUR, AVERTISSEMENT = "erreur", "avertissement"
SANS_OBJET = "sans_objet"
CROISE = "controles"


@dataclass(frozen=True)
class Constat:
    """A static finding on a template."""

    modele: str
    categorie: str  # "syntaxe" | "balise" | "variable" | "modele"
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
class RapportLint:
    dossier: str
    modeles: list[str] = field(default_factory=list)
    scenarios: list[ScenarioCalcule] = field(default_factory=list)
    constats: list[Constat] = field(default_factory=list)
    cas: list[CasLint] = field(default_factory=list)  # template x scenario
    controles: list[CasLint] = field(default_factory=list)  # cross-checks per scenario
    couverture: list[str] = field(default_factory=list)  # conditions no scenario exercises
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
        rendered = sum(1 for c in self.cas if not c.sans_objet and not c.erreur)
        lines = [
            f"Vérification des modèles de {self.dossier} : {len(self.modeles)} modèle"
            f"{'s' if len(self.modeles) > 1 else ''}, {len(self.scenarios)} scénarios, "
            f"{rendered} rendus en {self.duree:.1f} s".replace(".", ",") + "."
        ]
        for c in self.constats:
            lines.append(c.texte())
        for modele in self.modeles + [CROISE]:
            cases = [c for c in (self.controles if modele == CROISE else self.cas) if c.modele == modele]
            errors = [c for c in cases if c.erreur]
            for c in errors:
                lines.append(f"ERREUR {modele} — scénario « {c.scenario} » ({c.libelle}) : {c.erreur}")
            lines.extend(_grouped(modele, cases))
        if self.couverture:
            lines.append("Conditions des fichiers de mentions qu'aucun scénario n'exerce :")
            lines.extend(f"    {g}" for g in self.couverture)
        blocking = sum(len(c.echecs) for c in self.cas + self.controles)
        warnings = sum(len(c.avertissements) for c in self.cas + self.controles) + sum(
            1 for c in self.constats if c.niveau == AVERTISSEMENT)
        broken = len(self.erreurs) + sum(1 for c in self.cas + self.controles if c.erreur)
        if self.ok:
            lines.append(f"Bilan : toutes les mentions obligatoires sont présentes dans tous les scénarios ; "
                         f"{warnings} avertissement{'s' if warnings > 1 else ''}.")
        else:
            lines.append(f"Bilan : {blocking} mention{'s' if blocking > 1 else ''} obligatoire"
                         f"{'s' if blocking > 1 else ''} en défaut, {broken} erreur{'s' if broken > 1 else ''} "
                         f"de modèle ou de rendu ; {warnings} avertissement{'s' if warnings > 1 else ''}.")
        return "\n".join(lines)


def _grouped(modele: str, cases: list[CasLint]) -> list[str]:
    """Failures of one template, grouped by mention: the scenarios, then the first one's detail."""
    groups: dict[tuple[str, str, str], list[tuple[CasLint, Resultat]]] = {}
    for c in cases:
        for r in c.resultats:
            if r.echec:
                groups.setdefault((r.mention, r.statut, r.niveau), []).append((c, r))
    lines = []
    order = sorted(groups.items(), key=lambda kv: (kv[0][2] != "obligatoire", _id_key(kv[0][0])))
    for (mention, _statut, niveau), items in order:
        first_case, r = items[0]
        marker = "ERREUR" if niveau == "obligatoire" else "AVERTISSEMENT"
        names = ", ".join(c.scenario for c, _ in items)
        lines.append(f"{marker} {modele} — mention {r.mention} {r.libelle} [{NIVEAU_LABELS[niveau]}] : "
                     f"{r.statut.replace('_', ' ')} — scénario{'s' if len(items) > 1 else ''} : {names}")
        lines.append(f"    attendu ({first_case.scenario}) : {r.attendu}")
        if r.detail:
            lines.append(f"    constat : {r.detail}")
        lines.append(f"    source : {r.source}")
    return lines


def _id_key(mention_id: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.]", mention_id))


# --- static checks -------------------------------------------------------------------------------


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


def _nearest_p(el: Optional[etree._Element]) -> Optional[etree._Element]:
    while el is not None and el.tag != W + "p":
        el = el.getparent()
    return el


def check_runs(modele: str, partie: str, kind: str, xml: bytes) -> list[Constat]:
    """Tags split across runs, tags crossing paragraphs, text beside a paragraph tag."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        return [Constat(modele, "modele", ERREUR, f"XML illisible ({exc})", kind)]
    found: list[Constat] = []
    paragraphs = list(root.iter(W + "p"))
    texts = []
    for p in paragraphs:
        runs = _paragraph_runs(p)
        texts.append(("".join(t for _, t in runs), runs))
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
                    "d'un seul tenant", kind, _short(text)))
        rest = _TAG.sub("", text)
        stray = _OPEN_OR_CLOSE.search(rest)
        if stray:
            found.append(Constat(
                modele, "balise", ERREUR,
                f"balise « {stray.group(0)} » ouverte ou fermée dans un autre paragraphe : une balise doit tenir "
                "dans un seul paragraphe", kind, _short(text),
                _short(texts[i - 1][0]) if i else "", _short(texts[i + 1][0]) if i + 1 < len(texts) else ""))
        for m in _TAG.finditer(text):
            if _PARAGRAPH_TAG.match(m.group(0)):
                others = _TAG.sub("", text).strip()
                if others:
                    found.append(Constat(
                        modele, "balise", AVERTISSEMENT,
                        f"la balise de paragraphe « {m.group(0)} » remplace tout son paragraphe : le texte "
                        f"« {_short(others, 80)} » qui l'accompagne disparaîtra du document", kind, _short(text)))
                break
    return [c if c.partie != kind else Constat(c.modele, c.categorie, c.niveau, c.message, partie, c.paragraphe,
                                                c.avant, c.apres) for c in found]


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def syntax_context(data: bytes, nom: str, exc: ErreurModele, env) -> Constat:
    """A syntax error with the paragraph and its neighbours (from the part's Jinja source)."""
    avant = apres = ""
    paragraphe = exc.paragraphe
    try:
        package = read_package(data, nom)
        xml = dict(package.members)[exc.partie].decode("utf-8")
        source = to_jinja_source(xml, exc.type_partie)
        try:
            env.parse(source)
        except TemplateSyntaxError as syntax:
            lineno = syntax.lineno or 0
            paragraphe = line_text(source, lineno) if lineno else paragraphe
            for step in range(1, 4):
                if not avant and lineno - step >= 1:
                    candidate = line_text(source, lineno - step)
                    avant = candidate if candidate not in ("", "?") else ""
            for step in range(1, 4):
                if not apres:
                    candidate = line_text(source, lineno + step)
                    apres = candidate if candidate not in ("", "?") else ""
    except Exception:  # the context is a courtesy; the error itself is reported anyway
        pass
    return Constat(nom, "syntaxe", ERREUR, f"erreur de syntaxe Jinja : {exc.cause}", exc.partie, paragraphe, avant, apres)


# --- variables ---------------------------------------------------------------------------------


class _Leaf:
    __slots__ = ("samples",)

    def __init__(self) -> None:
        self.samples: list[Any] = []


def context_shape(contexts: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The union of the contexts' key trees (dict -> dict, other values -> leaf with samples)."""
    shape: dict[str, Any] = {}

    def merge(target: dict, source: Mapping) -> None:
        for key, value in source.items():
            if isinstance(value, Mapping):
                sub = target.get(key)
                if not isinstance(sub, dict):
                    sub = {}
                    target[key] = sub
                merge(sub, value)
            else:
                current = target.get(key)
                if isinstance(current, dict):
                    continue
                if current is None:
                    current = _Leaf()
                    target[key] = current
                if value is not None and len(current.samples) < 3:
                    current.samples.append(value)

    for ctx in contexts:
        merge(shape, ctx)
    return shape


def _chain(node: nodes.Node) -> Optional[list[str]]:
    parts: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            parts.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            parts.append(node.name)
            return list(reversed(parts))
        else:
            return None


def _declared(ast: nodes.Template) -> set[str]:
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for macro in ast.find_all(nodes.Macro):
        names.add(macro.name)
    return names


def _known(shape: Mapping[str, Any], path: list[str]) -> bool:
    current: Any = shape
    for part in path:
        if isinstance(current, dict):
            if part in current:
                current = current[part]
                continue
            return part in DICT_METHODS
        if isinstance(current, _Leaf):
            return not current.samples or any(hasattr(s, part) for s in current.samples)
        return False
    return True


def check_variables(modele: str, sources: Mapping[str, str], kinds: Mapping[str, str], shape: Mapping[str, Any],
                    env) -> list[Constat]:
    found: list[Constat] = []
    allowed_roots = set(env.globals) | {"loop", "self", "caller", "varargs", "kwargs"}
    for partie, source in sources.items():
        try:
            ast = env.parse(source)
        except TemplateSyntaxError:
            continue
        local = _declared(ast) | allowed_roots
        seen: set[tuple[str, int]] = set()
        for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
            if isinstance(node, nodes.Name) and node.ctx != "load":
                continue
            path = _chain(node)
            if not path or path[0] in local:
                continue
            dotted = ".".join(path)
            key = (dotted, node.lineno)
            if key in seen:
                continue
            seen.add(key)
            if not _known(shape, path):
                found.append(Constat(
                    modele, "variable", ERREUR,
                    f"variable « {dotted} » absente du contexte fourni aux modèles", partie,
                    line_text(source, node.lineno)))
    # keep only the longest unknown path per line (``a.b.c`` implies ``a.b`` may be unknown too)
    longest: dict[tuple[str, str], Constat] = {}
    for c in found:
        k = (c.partie, c.paragraphe)
        if k not in longest or len(c.message) < len(longest[k].message):
            longest[k] = c
    return list(longest.values())


# --- the matrix ----------------------------------------------------------------------------------

_RENDER_BY_CLE = {a.cle: a for a in RENDER_ARTEFACTS}
_RENDER_BY_FILE = {a.modele: a for a in RENDER_ARTEFACTS}


def template_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.docx") if not p.name.startswith(("~$", ".")))


def lint(directory: Path | str, catalogue: Optional[Catalogue] = None,
         scenarios: Optional[Iterable[ScenarioCalcule]] = None) -> RapportLint:
    """Lint every template of ``directory`` (see module docstring)."""
    start = time.perf_counter()
    catalogue = catalogue or default_catalogue()
    directory = Path(directory)
    computed = list(scenarios if scenarios is not None else computed_scenarios())
    rapport = RapportLint(str(directory), scenarios=computed)
    files = template_files(directory)
    if not files:
        rapport.constats.append(Constat(str(directory), "modele", ERREUR, "aucun modèle DOCX dans ce dossier"))
        rapport.duree = time.perf_counter() - start
        return rapport
    env = make_environment()
    contexts = [build_context(c.resultat, c.salarie) for c in computed]
    shape = context_shape(contexts)

    compiled: dict[str, tuple[ModeleDocx, str]] = {}  # file name -> (template, artefact)
    for path in files:
        nom = path.name
        rapport.modeles.append(nom)
        data = path.read_bytes()
        try:
            package = read_package(data, nom)
        except ModeleInvalide as exc:
            rapport.constats.extend(Constat(nom, "modele", ERREUR, p) for p in exc.problemes)
            continue
        members = dict(package.members)
        for partie, kind in package.kinds.items():
            if kind in TEXT_KINDS:
                rapport.constats.extend(check_runs(nom, partie, kind, members[partie]))
        try:
            modele = ModeleDocx(data, nom, env)
        except ErreurModele as exc:
            rapport.constats.append(syntax_context(data, nom, exc, env))
            continue
        except ModeleInvalide as exc:
            rapport.constats.append(Constat(nom, "modele", ERREUR, str(exc)))
            continue
        rapport.constats.extend(check_variables(nom, modele.sources, package.kinds, shape, env))
        artefact = _artefact_of(nom, modele, computed, contexts, catalogue)
        if artefact is None:
            rapport.constats.append(Constat(
                nom, "modele", ERREUR,
                "modèle non reconnu : son nom n'est pas celui d'un document CSP (information.docx, recepisse.docx, "
                "lettre.docx, motif.docx) et son titre ne permet pas de le reconnaître"))
            continue
        compiled[nom] = (modele, artefact)

    for nom in rapport.modeles:
        if nom not in compiled:
            # unusable template: every scenario fails for it
            reason = next((c.message for c in rapport.constats if c.modele == nom and c.niveau == ERREUR),
                          "modèle inutilisable")
            artefact = _RENDER_BY_FILE[nom].cle if nom in _RENDER_BY_FILE else Path(nom).stem
            for c in computed:
                rapport.cas.append(CasLint(nom, artefact, c.id, c.libelle, erreur=f"modèle inutilisable : {reason}"))

    for c, ctx in zip(computed, contexts):
        texts: list[tuple[str, TexteCompare, str]] = []
        for nom, (modele, artefact) in compiled.items():
            case = CasLint(nom, artefact, c.id, c.libelle)
            t0 = time.perf_counter()
            render_def = _RENDER_BY_CLE.get(artefact)
            reason = render_def.omission(ctx) if render_def else None
            if reason is None and not artefact_applicable(artefact, c.resultat, c.salarie, catalogue):
                reason = "document sans objet pour ce salarié"
            if reason:
                case.sans_objet = reason
                rapport.cas.append(case)
                continue
            try:
                when = document_date(render_def, ctx) if render_def else c.salarie.dates["remise"]
                data = modele.rendre(ctx, when)
            except Exception as exc:  # ErreurModele names the paragraph; anything else is reported too
                case.erreur = f"rendu impossible : {exc}"
                case.duree = time.perf_counter() - t0
                rapport.cas.append(case)
                continue
            folded = TexteCompare.de(docx_text(data))
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


def _artefact_of(nom: str, modele: ModeleDocx, computed: list[ScenarioCalcule], contexts: list[Mapping[str, Any]],
                 catalogue: Catalogue) -> Optional[str]:
    if nom in _RENDER_BY_FILE:
        return _RENDER_BY_FILE[nom].cle
    stem = Path(nom).stem
    if stem in catalogue.artefacts:
        return stem
    for c, ctx in zip(computed, contexts):
        try:
            data = modele.rendre(ctx, c.salarie.dates["remise"])
        except Exception:
            continue
        texte = docx_text(data)
        return recognise_artefact(texte, catalogue, texte.titre)
    return None
