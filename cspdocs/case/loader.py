"""Loading a case file: YAML (and its employees' CSV) → validated ``Dossier``, or every error at once.

    >>> charged = load_dossier("cases/individuel.yaml")
    >>> charged.dossier.salaries[0].matricule

Errors (``DossierInvalide``) carry the file, the 1-based line, the key path and a French message;
see ``errors.py`` for the conventions. Order of work: read and parse the YAML (a syntax error stops
there), read the CSV if any, validate against the model (all errors), then, only if the model is
valid, the cross-field checks of the law package (``engine/case_checks.py``, all errors). Non-blocking findings are returned as
``avertissements``. Unsafe texts and implausible values (``bounds.py``) are reported with the
model's errors, and sizes are bounded (cspdocs/limits.py), so that no input crashes the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional, Union

from pydantic import ValidationError

from ..limits import MAX_EMPLOYEES, MAX_FILE_BYTES
from ..os_errors import reason
from .bounds import check_values, french_number
from .errors import DossierInvalide, ErreurDossier
from .messages import french_message, shown
from .model import Dossier
from .tableur import employees_into, present_errors
from .yaml_source import YamlSyntaxError, read_yaml

SALARIES = ("salaries",)
SALARIES_CSV = ("salaries_csv",)


@dataclass(frozen=True)
class ChargedDossier:
    dossier: Dossier
    chemin: Path
    nom: str  # file stem: names the outputs
    sources: tuple[Path, ...]  # the case file, then the CSV file if any
    warnings: tuple[ErreurDossier, ...] = ()
    localisateur: Optional["Locator"] = field(default=None, compare=False, repr=False)


def format_path(loc: tuple) -> str:
    """("salaries", 3, "date_entree") -> "salaries[3].date_entree"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{shown(part)}" if text else shown(str(part)))
    return text


class Locator:
    """Turns a key path into (file, line, CSV column)."""

    def __init__(self, fichier: str, lines: dict[tuple, int]):
        self.fichier = fichier
        self.lines = lines
        self.csv_fichier: Optional[str] = None
        self.csv_lines: list[int] = []

    def attach_csv(self, fichier: str, row_lines: list[int], columns: Optional[dict[str, str]] = None) -> None:
        """``columns``: key -> the column as the spreadsheet shows it ('H « Date d'entrée »')."""
        self.csv_fichier, self.csv_lines = fichier, row_lines
        self.csv_columns = columns or {}

    def in_csv(self, loc: tuple) -> bool:
        return (self.csv_fichier is not None and len(loc) >= 2 and loc[0] == "salaries"
                and isinstance(loc[1], int))

    def line(self, loc: tuple) -> Optional[int]:
        """Line of ``loc``, else of its nearest written parent."""
        if self.in_csv(loc):
            index = loc[1]
            return self.csv_lines[index] if 0 <= index < len(self.csv_lines) else None
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None

    def erreur(self, loc: tuple, message: str, at: Optional[tuple] = None,
               line: Optional[int] = None) -> ErreurDossier:
        """An error about key path ``loc``, placed at the line of ``at`` (default ``loc``)."""
        at = loc if at is None else at
        if line is None:
            line = self.line(at)
        if self.in_csv(at):
            column = ".".join(p for p in at[2:] if isinstance(p, str)) or None
            column = getattr(self, "csv_columns", {}).get(column, column)
            return ErreurDossier(self.csv_fichier, line, format_path(loc), message, column)
        return ErreurDossier(self.fichier, line, format_path(loc), message)


def too_large(path: Path) -> Optional[str]:
    """Why the file at ``path`` is too large to read (limits.MAX_FILE_BYTES), or None."""
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        return None
    return (f"fichier trop volumineux ({french_number(size / 2**20, '0.0')} Mio ; au plus "
            f"{MAX_FILE_BYTES // 2**20} Mio, soit environ {french_number(MAX_EMPLOYEES)} salariés) : "
            "répartissez la procédure en plusieurs dossiers")


def _read_text(path: Path, fichier: str) -> str:
    if not path.exists():
        raise DossierInvalide([ErreurDossier(fichier, None, "", "fichier introuvable")])
    if path.is_dir():
        raise DossierInvalide([ErreurDossier(fichier, None, "", "ce chemin est un dossier, pas un fichier : "
                                             "donnez le fichier .yaml du dossier")])
    if not path.is_file():
        raise DossierInvalide([ErreurDossier(fichier, None, "", "ce chemin n'est pas un fichier ordinaire")])
    try:
        problem = too_large(path)
        if problem:
            raise DossierInvalide([ErreurDossier(fichier, None, "", problem)])
        raw = path.read_bytes()
    except PermissionError:
        raise DossierInvalide([ErreurDossier(fichier, None, "", "fichier illisible (droits insuffisants)")]) from None
    except OSError as error:
        raise DossierInvalide([ErreurDossier(fichier, None, "", f"fichier illisible ({reason(error)})")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DossierInvalide([ErreurDossier(
            fichier, line, "", "le fichier n'est pas encodé en UTF-8 : enregistrez-le en UTF-8")]) from None


def _parse(text: str, fichier: str):
    try:
        document = read_yaml(text)
    except YamlSyntaxError as error:
        raise DossierInvalide([ErreurDossier(fichier, error.line, "", error.message)]) from None
    if not isinstance(document.data, dict):
        raise DossierInvalide([ErreurDossier(
            fichier, 1, "",
            "le dossier doit être un groupe de clés (employeur, procedure, salaries), pas une liste ni un texte")])
    return document


def load_dossier(path: Union[str, Path]) -> ChargedDossier:
    """Load, validate and check a case file; raises ``DossierInvalide`` with every error found."""
    path = Path(path)
    fichier = str(path)
    document = _parse(_read_text(path, fichier), fichier)
    locator = Locator(fichier, document.lines)
    errors = [locator.erreur(p.loc, p.message, line=p.line) for p in document.problems]
    data = dict(document.data)
    sources = [path]

    salaries_ok = True  # False: the problem with "salaries" is already reported
    lecture = None  # the employees' spreadsheet, when salaries_csv names one
    if "salaries_csv" in data and "salaries" in data:
        errors.append(locator.erreur(SALARIES_CSV, "donnez soit « salaries » (la liste des salariés), "
                                     "soit « salaries_csv » (un fichier CSV), pas les deux"))
        salaries_ok = False
    elif "salaries_csv" in data:
        lecture = employees_into(data, path, locator, errors, sources)
        salaries_ok = lecture is not None and bool(lecture.rows)
    elif "salaries" not in data:
        errors.append(locator.erreur(SALARIES, "clé obligatoire manquante : donnez la liste « salaries » "
                                     "ou un fichier « salaries_csv: salaries.csv »"))
        salaries_ok = False

    # Unsafe texts and implausible values first: the model and the checks never see them.
    implausible = check_values(data)
    errors += [locator.erreur(loc, message) for loc, message in implausible]
    flagged = {loc for loc, _ in implausible}
    dossier = None
    try:
        dossier = Dossier.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if (not salaries_ok and loc[:1] == SALARIES) or loc in flagged:
                continue
            errors.append(locator.erreur(loc, french_message(error, from_csv=locator.in_csv(loc))))
    # The cross-field checks are the law's (engine/case_checks.py: thresholds, handover rule): imported at
    # call time so that the case package never imports the law at module level (the law imports the model).
    from ..engine.case_checks import check_dossier, duplicate_matricules

    findings = check_dossier(dossier) if dossier is not None and not implausible else []
    if dossier is None and salaries_ok and isinstance(data.get("salaries"), list):
        # checks that need no other valid value still run (every error of a case at once)
        rows = data["salaries"]
        findings = list(duplicate_matricules([r.get("matricule") if isinstance(r, dict) else None for r in rows]))
    errors += [locator.erreur(f.loc, f.message, at=f.at) for f in findings if f.blocking]
    if errors or dossier is None:
        invalid = DossierInvalide(present_errors(errors, lecture), fichier)
        if dossier is not None and not implausible:
            # the model is valid: the engine's blocking findings can join these (casework.load_case)
            invalid.charge = ChargedDossier(dossier, path, path.stem, tuple(sources), (), locator)
        raise invalid
    warnings = tuple(replace(locator.erreur(f.loc, f.text, at=f.at), code=f.code) for f in findings if not f.blocking)
    warnings += tuple(lecture.notes) if lecture else ()
    return ChargedDossier(dossier, path, path.stem, tuple(sources), warnings, locator)
