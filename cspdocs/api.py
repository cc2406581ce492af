"""cspdocs as a library: the entry points a script uses, the very ones the CLI calls.

    from datetime import date
    from cspdocs import api

    charge, resultat = api.load_case("cases/individuel.yaml", au=date(2026, 12, 2))
    contrat = api.contract_json(resultat)        # the public JSON of « cspdocs compute --format json »
    generation = api.generate("cases/individuel.yaml", "sortie", au=date(2026, 12, 2))
    controle = api.check_documents("cases/individuel.yaml", ["sortie"], au=date(2026, 12, 2))
    suivi = api.follow_up(resultat)             # state and actions due as of the case's as-of date
    rapport = api.lint_templates("mes-modeles")  # custom templates over the scenario matrix

Every function imports what it needs when called: ``import cspdocs.api`` loads neither the engine
nor lxml nor pypdf (``cspdocs --version`` stays fast). Errors are exceptions whose message is the
French text the CLI prints (``DossierInvalide``, ``CheckError``, ``FichierRefuse``…), all
importable from here. ``au`` is the as-of date (issue 10): documents not yet delivered are never
dated before it, the case's journal may hold nothing after it; None computes the plan alone.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, Union

if TYPE_CHECKING:  # pragma: no cover - types only
    from .case.loader import ChargedDossier
    from .document_check import CheckOutcome
    from .engine.facts import CaseResult
    from .follow_up_report import FollowUp
    from .pipeline import Generation
    from .user_files import WrittenSummary

PathLike = Union[str, Path]

# Exceptions, constants and helpers, imported on first access (``api.DossierInvalide``, ``from cspdocs.api import X``).
_LAZY = {
    "DossierInvalide": "cspdocs.case.errors",  # a case file that does not validate: every error at once
    "MatriculeInconnu": "cspdocs.selection",  # a matricule absent from the case
    "MentionsBloquantes": "cspdocs.pipeline",  # a mandatory mention fails: nothing published
    "CheckError": "cspdocs.document_check",  # documents that cannot be checked (missing path, none)
    "FichierRefuse": "cspdocs.user_files",  # a file asked for that would replace one, or that the OS refuses
    "ExtensionInvalide": "cspdocs.user_files",  # e.g. a blank workbook not named .xlsx
    "ModeleIntrouvable": "cspdocs.listings",
    "DocumentInconnu": "cspdocs.listings",
    "ModeleInvalide": "cspdocs.render.docxparts",
    "CodeInconnu": "cspdocs.rules.registre",
    "ARTEFACTS": "cspdocs.mentions.model",  # the documents' ids: information, recepisse, lettre…
    "SUJETS": "cspdocs.reference",  # the subjects of the French reference
    "SofficeNotFoundError": "cspdocs.pdf.errors",  # LibreOffice is needed for the PDFs and not found
    "GENERATION_ERRORS": "cspdocs.generation_text",  # what stops ``generate``: ``generation_error(exc)``
    # What ``cspdocs generate`` prints, as functions returning French lines (cspdocs/generation_text.py):
    "spreadsheet_notes": "cspdocs.generation_text", "warning_lines": "cspdocs.generation_text",
    "generation_summary": "cspdocs.generation_text", "generation_error": "cspdocs.generation_text",
    "templates_report": "cspdocs.render.modeles",  # which file of a custom folder serves which document
    "find_soffice": "cspdocs.pdf.soffice",  # LibreOffice's executable, or SofficeNotFoundError at once
    "ProgressBar": "cspdocs.rh.progression",  # the progress of ``generate`` on stderr (``progress=``)
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


# --- a case: load, compute, generate, check, follow up -------------------------------------------


def today() -> date:
    """The default as-of date: today, or the UTC day of ``SOURCE_DATE_EPOCH`` when it is set
    (reproducible builds); ``ValueError`` when that variable is not a number of seconds."""
    from .as_of import today as day

    return day()


def load_case(path: PathLike, au: Optional[date] = None) -> tuple["ChargedDossier", "CaseResult"]:
    """Load, validate and compute the case file at ``path`` as of ``au``: (the loaded case, its
    computed facts). Raises ``DossierInvalide`` listing every error (file, line, key)."""
    from .casework import load_case as load

    return load(path, au)


def select_employees(result: "CaseResult", matricules: Iterable[str] = ()) -> tuple:
    """The computed employees with these matricules (all when none); ``MatriculeInconnu`` otherwise."""
    from .selection import select

    return select(result, tuple(matricules))


def contract_json(result: "CaseResult", matricules: Iterable[str] = (), au: Optional[date] = None) -> dict[str, Any]:
    """The public contract JSON (``cspdocs compute --format json``): every date and amount with its
    explanation, per employee; as of ``au`` (default: the date the case was computed as of) the
    state then in added keys (``au``, ``etat_au``)."""
    from .contract import contract_json as contract

    return contract(result, select_employees(result, matricules), au)


def case_text(result: "CaseResult", matricules: Iterable[str] = (), detail: bool = True) -> str:
    """Each employee's calendar and amounts in French (``cspdocs compute --format texte``), with
    the explanations unless ``detail`` is False."""
    from .report import dossier_text

    return dossier_text(result, select_employees(result, matricules), detail=detail)


def case_table(result: "CaseResult", matricules: Iterable[str] = (), width: int = 100,
               au: Optional[date] = None) -> str:
    """One line per employee, counts and totals, ``width`` characters wide, the state as of ``au``
    (default today) (``cspdocs compute --format tableau``)."""
    from .rh.tableau import tableau

    return tableau(result, select_employees(result, matricules), width=width, au=au)


def generate(case: Union[PathLike, tuple], sortie: PathLike = "output", *, au: Optional[date] = None,
             **options: Any) -> "Generation":
    """The one pipeline (``cspdocs generate``): load and compute the case as of ``au`` (or take the
    pair ``load_case`` returned), render, check the mandatory mentions, make the PDFs when asked,
    publish into ``sortie/<nom>/``. ``options``: those of ``cspdocs.pipeline.run`` (``modeles``,
    ``matricules``, ``pdf``, ``dossier_global``, ``reecrire_remis``…). On any error nothing is
    published (``GENERATION_ERRORS``, ``MatriculeInconnu``)."""
    from .pipeline import run

    charge, resultat = case if isinstance(case, tuple) else load_case(case, au)
    select_employees(resultat, options.get("matricules") or ())  # MatriculeInconnu before anything is rendered
    return run(charge, resultat, Path(sortie), **options)


def output_problem(sortie: PathLike, nom: Optional[str] = None, pdf: bool = False,
                   sources: Sequence[PathLike] = ()) -> Optional[str]:
    """Why ``generate`` could not write under ``sortie`` (French), or None: checked before rendering."""
    from .output_check import writable_problem

    return writable_problem(Path(sortie), nom, pdf, tuple(Path(s) for s in sources))


def check_documents(case: Union[PathLike, "CaseResult"], paths: Iterable[PathLike], artefact: Optional[str] = None,
                    matricule: Optional[str] = None, au: Optional[date] = None) -> "CheckOutcome":
    """The mandatory mentions of existing DOCX/PDF documents (``cspdocs check``); ``case``: a case
    file (computed as of ``au``) or a computed case. See ``published_as_of`` for the date of
    generation of documents cspdocs published."""
    from .document_check import check_documents as check

    return check(case, paths, artefact, matricule, au)


def published_as_of(paths: Iterable[PathLike]) -> Optional[date]:
    """The as-of date documents were generated at (the manifest of the folder cspdocs published them in)."""
    from .document_check import published_as_of as published

    return published(paths)


def follow_up(result: "CaseResult", au: Optional[date] = None, matricules: Iterable[str] = ()) -> "FollowUp":
    """Each employee's state and the actions due as of ``au`` (default: the case's as-of date, else
    today), with the case totals (``cspdocs suivi``): ``.data``, ``.text()``, ``.as_json()``, ``.table()``."""
    from .follow_up_report import follow_up as state

    return state(result, au, select_employees(result, matricules))


def write_summary(folder: PathLike, result: "CaseResult", au: date, agrege: bool = False,
                  force: bool = False) -> "WrittenSummary":
    """synthese.xlsx, synthese.csv and echeancier.ics as of ``au`` in ``folder`` (``cspdocs synthese``);
    ``FichierRefuse`` when they exist (without ``force``) or cannot be written."""
    from .user_files import write_summary as write

    return write(Path(folder), result, au, agrege, force)


# --- templates, reference ---------------------------------------------------------------------


def lint_templates(folder: PathLike):
    """Custom DOCX templates checked over the scenario matrix (``cspdocs lint``): ``.ok``,
    ``.texte()``, ``.as_json()``."""
    from .mentions.lint import lint

    return lint(str(folder))


def write_junit(report, path: PathLike) -> None:
    """The lint report as JUnit XML (one case per template and scenario)."""
    from .mentions.junit import write_junit as write

    write(report, str(path))


def export_templates(destination: PathLike, force: bool = False) -> list[Path]:
    """Copy the default templates into ``destination`` for customisation; the files written."""
    from .user_files import export_templates as export

    return export(Path(destination), force)


def template_text(name: PathLike) -> str:
    """A template's text with its tags, one paragraph a line (a default template's name, or a path)."""
    from .listings import template_text as text

    return text(str(name))


def template_variables(prefix: str = "") -> list:
    """The variables templates may use (type, example, when empty), those starting with ``prefix``."""
    from .listings import template_variables as variables

    return variables(prefix)


def template_variables_text(prefix: str = "") -> str:
    from .listings import template_variables_text as text

    return text(prefix)


def mentions_text(artefact: Optional[str] = None) -> str:
    """The mandatory and recommended mentions of a document (all documents when None)."""
    from .listings import mentions_text as text

    return text(artefact)


def rules_text(code: Optional[str] = None) -> str:
    """What a rule code means, with its sources (every code when None); ``CodeInconnu`` otherwise."""
    from .listings import rules_text as text

    return text(code)


def reference(sujet: str) -> str:
    """The French reference (Markdown) on ``sujet`` (one of ``SUJETS``)."""
    from .reference import GENERATORS

    return GENERATORS[sujet]()


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file."""
    from .case.schema import case_json_schema

    return case_json_schema()


def write_blank_workbook(path: PathLike, force: bool = False) -> Path:
    """The blank employees' workbook to fill in (``cspdocs modele-tableur``)."""
    from .user_files import write_blank_workbook as write

    return write(Path(path), force)


def workbook_columns() -> str:
    """The columns the employees' workbook accepts (headers, keys, values), in French."""
    from .rh.modele import texte_colonnes

    return texte_colonnes()


__all__ = [
    # a case
    "today", "load_case", "select_employees", "contract_json", "case_text", "case_table", "generate", "output_problem", "check_documents", "published_as_of",
    "follow_up", "write_summary",
    # templates, reference, files
    "lint_templates", "write_junit", "export_templates", "template_text", "template_variables",
    "template_variables_text", "mentions_text", "rules_text", "reference", "case_schema", "write_blank_workbook",
    "workbook_columns",
    # exceptions and constants (imported on first access)
    *_LAZY,
]
