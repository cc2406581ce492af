"""Finding and compiling the set of templates used for a batch; which file serves which document.

A custom directory holds the firm's templates under the expected names (``information.docx``,
``recepisse.docx``, ``lettre.docx``, ``motif.docx``), or under its own names declared in a
``modeles.yaml`` beside them::

    lettre: lettre-cabinet.docx
    information: information-cabinet.docx

A document without a custom template uses the default one. ``inventory`` says, for ``lint`` and
``generate`` alike, which file serves each document and which ``.docx`` files are not used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .artefacts import ARTEFACTS, TEMPLATE_NAMES
from .docxparts import ModeleInvalide
from .environment import make_environment
from .renderer import CompiledTemplate

_PACKAGE = Path(__file__).resolve().parent.parent
MAPPING_FILE = "modeles.yaml"
_BY_CLE = {a.cle: a for a in ARTEFACTS}


def default_templates_dir() -> Path:
    """The default templates: packaged copy if installed with it, else the repository's templates/."""
    for candidate in (_PACKAGE / "default_templates", _PACKAGE.parent / "templates"):
        if all((candidate / name).is_file() for name in TEMPLATE_NAMES):
            return candidate
    raise FileNotFoundError("modèles par défaut introuvables (dossier templates/ du projet)")


def expected_names() -> str:
    return ", ".join(f"{a.modele} ({a.libelle})" for a in ARTEFACTS)


@dataclass
class Inventory:
    """Which file serves each document (artefact key -> path), and what is not used."""

    dossier: Optional[Path]
    chemins: dict[str, Path] = field(default_factory=dict)  # artefact key -> template file
    origines: dict[str, str] = field(default_factory=dict)  # artefact key -> "defaut" | "personnalise"
    ignores: list[str] = field(default_factory=list)  # .docx files of the directory no document uses
    problemes: list[str] = field(default_factory=list)  # French, about modeles.yaml
    non_fichiers: list[Path] = field(default_factory=list)  # expected names that are not files

    def lignes(self) -> list[str]:
        """« lettre recommandée … ← mes-modeles/lettre-cabinet.docx » for each document."""
        out = []
        for a in ARTEFACTS:
            if self.origines.get(a.cle) == "personnalise":
                out.append(f"  {a.libelle} ← {self.chemins[a.cle]}")
            else:
                out.append(f"  {a.libelle} ← modèle par défaut ({a.modele})")
        return out


def _mapping(directory: Path, problems: list[str]) -> dict[str, str]:
    path = directory / MAPPING_FILE
    if not path.is_file():
        return {}
    import yaml  # only when a firm uses its own names

    from .messages import suggest

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(f"{path} : YAML illisible ({getattr(exc, 'problem', None) or 'encodage'})")
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path} : une table « document: fichier.docx » est attendue")
        return {}
    mapping: dict[str, str] = {}
    for key, value in data.items():
        key = str(key)
        if key not in _BY_CLE:
            problems.append(f"{path} : document « {key} » inconnu{suggest(key, _BY_CLE)} ; documents : "
                            + ", ".join(_BY_CLE))
            continue
        if not isinstance(value, str) or not value.endswith(".docx") or "/" in value or "\\" in value:
            problems.append(f"{path} : {key} : un nom de fichier .docx de ce dossier est attendu, pas {value!r}")
            continue
        if not (directory / value).is_file():
            problems.append(f"{path} : {key} : fichier {value} introuvable dans {directory}")
            continue
        if value in mapping.values():
            problems.append(f"{path} : {value} est déclaré pour deux documents")
            continue
        mapping[key] = value
    return mapping


def inventory(dossier_modeles: Optional[Path | str] = None) -> Inventory:
    """Which template serves each document, for a custom directory (or the defaults only)."""
    defaults = default_templates_dir()
    directory = Path(dossier_modeles) if dossier_modeles is not None else None
    inv = Inventory(directory)
    mapping: dict[str, str] = {}
    if directory is not None:
        mapping = _mapping(directory, inv.problemes)
    for a in ARTEFACTS:
        name = mapping.get(a.cle, a.modele)
        custom = directory / name if directory is not None else None
        if custom is not None and custom.exists() and not custom.is_file():
            inv.non_fichiers.append(custom)
        if custom is not None and custom.is_file():
            inv.chemins[a.cle], inv.origines[a.cle] = custom, "personnalise"
        else:
            inv.chemins[a.cle], inv.origines[a.cle] = defaults / a.modele, "defaut"
    if directory is not None:
        used = {p.name for cle, p in inv.chemins.items() if inv.origines[cle] == "personnalise"}
        inv.ignores = sorted(p.name for p in directory.glob("*.docx")
                             if p.name not in used and not p.name.startswith(("~$", ".")))
    return inv


@dataclass(frozen=True)
class LoadedTemplate:
    modele: CompiledTemplate
    chemin: Path
    origine: str  # "defaut" | "personnalise"


def load_templates(dossier_modeles: Optional[Path] = None) -> dict[str, LoadedTemplate]:
    """Compile the four templates once (keyed by their expected file name); a custom directory may
    override any of them, under its own name when ``modeles.yaml`` declares it.

    A file missing from ``dossier_modeles`` falls back to the default template (a firm may
    customise only the letter); the manifest records which one was used.
    """
    if dossier_modeles is not None and not Path(dossier_modeles).is_dir():
        raise FileNotFoundError(f"dossier de modèles introuvable : {dossier_modeles}")
    inv = inventory(dossier_modeles)
    problems = inv.problemes + [f"{p} : ce n'est pas un fichier (un dossier porte ce nom)" for p in inv.non_fichiers]
    if problems:
        raise ModeleInvalide(" ; ".join(problems), problems)
    env = make_environment()
    return {a.modele: LoadedTemplate(CompiledTemplate.charger(inv.chemins[a.cle], env), inv.chemins[a.cle],
                                   inv.origines[a.cle])
            for a in ARTEFACTS}


def unused_templates_warning(inv: Inventory) -> Optional[str]:
    """The French warning for .docx files of a custom directory that no document uses."""
    if not inv.ignores:
        return None
    return (f"fichier(s) de modèle non utilisé(s) dans {inv.dossier} : {', '.join(inv.ignores)} — les noms "
            f"attendus sont {expected_names()} ; pour garder vos noms, déclarez-les dans {MAPPING_FILE} "
            "(par exemple « lettre: " + inv.ignores[0] + " »)")


def templates_report(dossier_modeles: Path | str) -> list[str]:
    """Lines ``generate`` prints for a custom directory: which file serves each document, unused files."""
    inv = inventory(dossier_modeles)
    lines = ["Modèles utilisés :"] + inv.lignes()
    warning = unused_templates_warning(inv)
    return lines + ([f"Avertissement : {warning}"] if warning else [])
