"""Files cspdocs writes on request into the user's folders: the default templates to customise,
the blank employees' workbook, the HR summary (synthese.xlsx, synthese.csv, echeancier.ics).

One rule for all of them: a file already there is replaced only when asked (``force``), and then
nothing is written at all; an OS error is a French sentence naming the path. Both are a
``FichierRefuse`` (the CLI prints its message and exits 1)."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

from .os_errors import message_os


class FichierRefuse(Exception):
    """A file asked for is not written: it exists (without ``force``), or the system refuses it."""


class ExtensionInvalide(ValueError):
    """A file name whose extension is not the one its format needs."""


def refuse_existing(folder: Path, names: Sequence[str], force: bool, nothing: str = "Rien n'a été écrit.") -> None:
    """``FichierRefuse`` when one of ``names`` is already in ``folder`` and ``force`` is not given."""
    existing = [name for name in names if (folder / name).exists()]
    if existing and not force:
        raise FichierRefuse(f"Fichier(s) déjà présent(s) dans {folder} : {', '.join(existing)} (utilisez --force "
                            f"pour les remplacer). {nothing}")


def export_templates(destination: Path, force: bool = False) -> list[Path]:
    """Copy the default templates into ``destination``; the files written, in order."""
    from .render.artefacts import TEMPLATE_NAMES
    from .render.modeles import default_templates_dir

    source = default_templates_dir()
    refuse_existing(destination, TEMPLATE_NAMES, force, "Rien n'a été copié.")
    written = []
    try:
        destination.mkdir(parents=True, exist_ok=True)
        for name in TEMPLATE_NAMES:
            shutil.copyfile(source / name, destination / name)
            written.append(destination / name)
    except OSError as exc:
        raise FichierRefuse(message_os(exc, destination)) from exc
    return written


def write_blank_workbook(path: Path, force: bool = False) -> Path:
    """The blank employees' workbook at ``path`` (``.xlsx``: ``ExtensionInvalide`` otherwise)."""
    from .rh.modele import octets

    if path.suffix.lower() != ".xlsx":
        raise ExtensionInvalide("le fichier doit avoir l'extension .xlsx")
    if path.exists() and not force:
        raise FichierRefuse(f"{path} existe déjà (utilisez --force pour le remplacer). Rien n'a été écrit.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # « campagne/salaries.xlsx » in an empty folder
        path.write_bytes(octets())
    except OSError as exc:
        raise FichierRefuse(message_os(exc, path)) from exc
    return path


@dataclass(frozen=True)
class WrittenSummary:
    """The HR summary written by ``write_summary``."""

    folder: Path
    employees: int
    au: date
    agrege: bool

    @property
    def files(self) -> tuple[Path, ...]:
        from .rh.sorties import FICHIERS

        return tuple(self.folder / name for name in FICHIERS)

    def text(self) -> str:
        """« Synthèse de N salarié(s) au … : synthese.xlsx, synthese.csv ; échéancier … : echeancier.ics »."""
        from .formats import explanation_date

        xlsx, csv, ics = self.files
        kind = "de l'employeur" if self.agrege else "par salarié"
        return (f"Synthèse de {self.employees} salarié(s) au {explanation_date(self.au)} : {xlsx}, {csv} ; "
                f"échéancier {kind} : {ics}")


def write_summary(folder: Path, resultat, au: date, agrege: bool = False, force: bool = False) -> WrittenSummary:
    """synthese.xlsx, synthese.csv and echeancier.ics as of ``au``, written in a temporary folder
    beside their destination, then moved into place: an interrupted run leaves the previous files."""
    from .rh.sorties import FICHIERS, ecrire
    from .rh.synthese import Suivi

    refuse_existing(folder, FICHIERS, force)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".synthese-", dir=folder))
        try:
            ecrire(work, resultat, Suivi(), au, agrege=agrege)
            for name in FICHIERS:
                os.replace(work / name, folder / name)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except OSError as exc:
        raise FichierRefuse(message_os(exc, folder)) from exc
    return WrittenSummary(folder, len(resultat.employees), au, agrege)
