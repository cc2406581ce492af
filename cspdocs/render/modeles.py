"""Finding and compiling the set of templates used for a batch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .artefacts import TEMPLATE_NAMES
from .environment import make_environment
from .renderer import ModeleDocx

_PACKAGE = Path(__file__).resolve().parent.parent


def default_templates_dir() -> Path:
    """The default templates: packaged copy if installed with it, else the repository's templates/."""
    for candidate in (_PACKAGE / "default_templates", _PACKAGE.parent / "templates"):
        if all((candidate / name).is_file() for name in TEMPLATE_NAMES):
            return candidate
    raise FileNotFoundError("modèles par défaut introuvables (dossier templates/ du projet)")


@dataclass(frozen=True)
class ModeleCharge:
    modele: ModeleDocx
    chemin: Path
    origine: str  # "defaut" | "personnalise"


def load_templates(dossier_modeles: Optional[Path] = None) -> dict[str, ModeleCharge]:
    """Compile the four templates once; a custom directory may override any of them.

    A file missing from ``dossier_modeles`` falls back to the default template (a firm may
    customise only the letter); the manifest records which one was used.
    """
    env = make_environment()
    defaults = default_templates_dir()
    if dossier_modeles is not None and not Path(dossier_modeles).is_dir():
        raise FileNotFoundError(f"dossier de modèles introuvable : {dossier_modeles}")
    loaded: dict[str, ModeleCharge] = {}
    for name in TEMPLATE_NAMES:
        custom = Path(dossier_modeles) / name if dossier_modeles is not None else None
        if custom is not None and custom.is_file():
            path, origin = custom, "personnalise"
        else:
            path, origin = defaults / name, "defaut"
        loaded[name] = ModeleCharge(ModeleDocx.charger(path, env), path, origin)
    return loaded
