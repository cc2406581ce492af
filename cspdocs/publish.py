"""Publishing a rendered batch: a temporary folder next to the destination, then one move.

The case folder ``<sortie>/<dossier>/`` is replaced only once every file of the batch is written,
and only when cspdocs published it for this very case file (output_folder.py): a failed or killed
run leaves the previous output untouched, and a folder the user owns is never replaced. ``manifest.json`` records the inputs (case
file, CSV, templates, rules data, cspdocs version) by SHA-256 and, per artefact, its path, SHA-256
and variant. No timestamp goes into the manifest: the same inputs give the same bytes.

With a selection of employees (``--employe``), the other employees' folders and manifest entries
of the previous output are carried over, each entry keeping the fingerprint of the inputs that
produced it (``empreinte_entrees``).

Post-write hook (``post_ecriture``): called with an ``Ecriture`` once every DOCX file and every
carried-over folder is in the temporary folder, before the manifest is written and the folder
swapped into place. It may add files to the temporary folder and keys to the manifest entries of
this run's employees (``Ecriture.salaries``; the PDF stage adds ``pdf`` to each artefact and
``dossier_pdf`` to each employee, see cspdocs/pdf/stage.py); its return value is recorded under
``manifest["complements"]``. If it raises, nothing is published and the exception propagates.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Optional

from . import __version__
from .version import manifest_fingerprints
from .generate import Batch, BatchEmployee
from .manifest_entries import EntrySpool, ManifestEntries, manifest_chunks, manifest_text  # noqa: F401 (API)
from .output_folder import (
    MANIFEST, MARKER, MENTIONS_REPORT, TempFolder, check_replaceable, locked, recover, switch,
)

RULES_DIR = Path(__file__).resolve().parent / "rules"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80



@dataclass(frozen=True)
class Writer:
    """What a post-write hook sees (see the module docstring)."""

    dossier: Path  # the temporary case folder, renamed to sortie/<dossier>/ on success
    lot: Batch
    # matricule -> manifest entry of each employee written by this run, in the batch's order;
    # a hook may add keys (never remove any), except with ``Publisher(spool=True)``: entries read
    # back from disk (manifest_entries.EntrySpool), read only.
    salaries: Mapping[str, dict[str, Any]]
    # manifest entries carried over from the previous output (``--employe``): read only.
    conserves: tuple[dict[str, Any], ...]


# Called once the DOCX files are written, before the manifest and the move (e.g. PDFs);
# returns data recorded in the manifest under the key "complements".
PostEcriture = Callable[[Writer], dict[str, Any]]


def safe_name(text: str) -> str:
    """A file-name component: accents folded, only [A-Za-z0-9._-], never '.', '..' nor empty."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    name = _UNSAFE.sub("-", folded)
    name = re.sub(r"-{2,}", "-", name).strip("-.")
    name = name[:_MAX_NAME].rstrip("-.")
    return name or "_"


def employee_folder(matricule: str, nom: str) -> str:
    return safe_name(f"{matricule}-{nom}")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    return sha256_bytes(Path(path).read_bytes())


@dataclass(frozen=True)
class Publication:
    dossier: Path  # the published case folder
    manifest: dict[str, Any]  # as written (``salaries``: a read-only sequence when spooled)
    fichiers: tuple[Path, ...]  # files written by this run (absolute, final location; manifest excluded)
    # French notes on the leftovers of an interrupted earlier run recovered or removed at the start
    notes: tuple[str, ...] = field(default=())


def inputs(lot: Batch) -> dict[str, Any]:
    case, *others = lot.sources
    data: dict[str, Any] = {
        "cspdocs": __version__,
        "dossier": {"fichier": case.name, "sha256": sha256_file(case)},
        "fichiers_sources": [{"fichier": p.name, "sha256": sha256_file(p)} for p in others],
        "modeles": [
            {"fichier": name, "origine": m.origine, "sha256": m.modele.sha256}
            for name, m in sorted(lot.modeles.items())
        ],
        "regles": [
            {"fichier": p.name, "sha256": sha256_file(p)} for p in sorted(RULES_DIR.glob("*.yaml"))
        ],
    }
    data.update(manifest_fingerprints())  # mention rules, engine code, rules validity (cspdocs/version.py)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    data["empreinte_entrees"] = sha256_bytes(canonical)
    return data


def write_employee(root: Path, folder: str, s: BatchEmployee, fingerprint: str) -> tuple[dict[str, Any], list[Path]]:
    """Write one employee's documents into ``root/folder``; its manifest entry and the files written."""
    directory = root / folder
    directory.mkdir()
    written, artefacts = [], []
    for doc in s.documents:
        path = directory / doc.artefact.fichier
        path.write_bytes(doc.contenu)
        written.append(path)
        artefacts.append({
            "cle": doc.artefact.cle,
            "chemin": f"{folder}/{doc.artefact.fichier}",
            "sha256": sha256_bytes(doc.contenu),
            "variante": doc.variante,
            "modele": doc.artefact.modele,
        })
    entry = {
        "matricule": s.matricule,
        "repertoire": folder,
        "empreinte_entrees": fingerprint,
        "artefacts": artefacts,
        "omis": [{"cle": o.artefact.cle, "raison": o.raison} for o in s.omis],
        "avertissements": list(s.warnings),
    }
    return entry, written


class Publisher:
    """One publication, employee by employee: ``add`` writes each employee's files at once
    (nothing is kept in memory; or ``folder`` + ``write_employee`` elsewhere + ``record``),
    ``finish`` writes the manifest and switches the folder in.

    The constructor recovers the leftovers of an interrupted run (``notes``), refuses a destination
    cspdocs may not replace (``SortieRefusee``, see output_folder.py) and carries over, with
    ``--employe``, the other employees of the previous output. Any failure before ``finish``
    returns, or a call to ``abort``, removes the temporary folder: nothing is published.
    ``spool``: this run's manifest entries go to disk as they are recorded (manifest_entries.py;
    memory flat in employees), final as recorded: a post-write hook reads them, never changes them.
    The files published (``Publication.fichiers``) are those recorded plus those the post-write
    hook says it added (its ``fichiers_ajoutes``: names in the case folder), in path order; a hook
    that does not say (the PDF stage) has the folder walked instead.
    """

    def __init__(self, lot: Batch, sortie: Path, spool: bool = False):
        self.sortie = Path(sortie)
        self.sortie.mkdir(parents=True, exist_ok=True)
        self.dest = self.sortie / safe_name(lot.nom)
        self.lot = replace(lot, salaries=())
        with locked(self.sortie):
            self.notes = tuple(recover(self.sortie, self.dest.name))
            previous = check_replaceable(self.dest, lot.identite)
            self.tmp = TempFolder(self.sortie, self.dest.name)
        try:
            self.manifest = inputs(lot)
            self.conserves = tuple(self._carry_over(previous or {}))
        except BaseException:
            self.tmp.discard()
            raise
        self._taken = {e["repertoire"].lower() for e in self.conserves}
        self._used: set[str] = set()
        self.spooled = spool
        self.entries: Mapping[str, dict[str, Any]] = EntrySpool() if spool else {}
        self.written: list[str] = []  # the files written, as texts (a Path costs about 500 bytes more)
        self._summaries: list[BatchEmployee] = []

    @property
    def root(self) -> Path:
        return self.tmp.path

    def _carry_over(self, previous: dict[str, Any]) -> list[dict[str, Any]]:
        """With --employe: copy the other employees' folders of the previous output."""
        if self.lot.selection is None or not previous:
            return []
        kept = []
        for entry in previous["salaries"]:
            if not isinstance(entry, dict) or entry.get("matricule") in self.lot.selection:
                continue
            folder = entry.get("repertoire", "")
            if not isinstance(folder, str) or safe_name(folder) != folder or not (self.dest / folder).is_dir():
                continue
            shutil.copytree(self.dest / folder, self.root / folder)
            kept.append(entry)
        return kept

    def folder(self, matricule: str, nom: str) -> str:
        """The next employee's folder (call in the batch's order): disambiguates two employees
        whose names sanitise alike, and the carried-over folders."""
        name = employee_folder(matricule, nom)
        suffix = f"-{sha256_bytes(matricule.encode('utf-8'))[:8]}"
        if name.lower() in self._used:
            name += suffix
        self._used.add(name.lower())
        if name.lower() in self._taken:
            name += suffix
        return name

    def add(self, s: BatchEmployee) -> dict[str, Any]:
        """Write one employee's documents into the temporary folder; returns its manifest entry."""
        try:
            entry, files = write_employee(self.root, self.folder(s.matricule, s.nom), s, self.fingerprint)
        except BaseException:
            self.abort()
            raise
        self.record(s, entry, files)
        return entry

    def record(self, s: BatchEmployee, entry: dict[str, Any], files: list[Path | str]) -> None:
        """Record an employee whose files ``write_employee`` wrote (here or in a worker process)."""
        if isinstance(self.entries, EntrySpool):
            self.entries.add(entry)
        else:
            self.entries[s.matricule] = entry
        self.written.extend(map(str, files))
        self._summaries.append(replace(s, documents=()) if s.documents else s)

    @property
    def fingerprint(self) -> str:
        return self.manifest["empreinte_entrees"]

    def abort(self) -> None:
        self.tmp.discard()
        if isinstance(self.entries, EntrySpool):
            self.entries.close()

    def _written_files(self, post_ecriture: Optional[PostEcriture]) -> list[str]:
        """This run's files in path order: the recorded ones and those the hook says it added, or,
        when it does not say, those found in the folder (a walk of the whole tree) but the
        carried-over folders and the run's own records."""
        added = getattr(post_ecriture, "fichiers_ajoutes", None) if post_ecriture is not None else ()
        if added is not None:
            root = str(self.root)
            # by components, as ``sorted`` orders Paths
            return sorted(self.written + [f"{root}/{name}" for name in added], key=lambda p: p.split("/"))
        carried = {e["repertoire"] for e in self.conserves}
        return [
            str(p) for p in sorted(self.root.rglob("*"))
            if p.is_file() and p.relative_to(self.root).parts[0] not in carried
            and not (p.parent == self.root and p.name in (MANIFEST, MARKER, MENTIONS_REPORT))
        ]

    def finish(self, post_ecriture: Optional[PostEcriture] = None, mentions: Optional[dict] = None,
               warnings: Optional[tuple[str, ...]] = None) -> Publication:
        """Manifest, post-write hook, then the atomic switch (see output_folder.switch)."""
        try:
            lot = replace(self.lot, salaries=tuple(self._summaries))
            if warnings is not None:
                lot = replace(lot, warnings=tuple(warnings))
            self.finished_lot = lot
            manifest = self.manifest
            if lot.identite is not None:
                manifest["identite_dossier"] = lot.identite
            if lot.lectures is not None:
                manifest["lectures_retenues"] = lot.lectures  # the case's choices
            manifest["selection"] = list(lot.selection) if lot.selection else None
            manifest["avertissements"] = list(lot.warnings)
            entries = self.entries
            manifest["salaries"] = (ManifestEntries(self.conserves, entries) if isinstance(entries, EntrySpool)
                                    else list(self.conserves) + list(entries.values()))
            if mentions is not None:
                manifest["mentions"] = mentions  # the mention check of this run (issue 4)
            written: list[str] = self.written
            if post_ecriture is not None:
                manifest["complements"] = post_ecriture(Writer(self.root, lot, self.entries, self.conserves))
            if post_ecriture is not None or self.spooled:
                # Files the hook added (PDFs...) count as written by this run too.
                written = self._written_files(post_ecriture)
            with (self.root / MANIFEST).open("w", encoding="utf-8") as out:  # line by line: no 10 MB string
                out.writelines(manifest_chunks(manifest))
            with locked(self.sortie):
                check_replaceable(self.dest, lot.identite)  # it may have changed while rendering
                switch(self.tmp, self.dest)
        except BaseException:
            self.abort()
            raise
        final = tuple(self.dest / Path(p).relative_to(self.root) for p in written)
        return Publication(self.dest, manifest, final, self.notes)


def publish(lot: Batch, sortie: Path, post_ecriture: Optional[PostEcriture] = None,
            mentions: Optional[dict] = None) -> Publication:
    """Write the batch under ``sortie/<dossier>/`` atomically (see module docstring)."""
    publisher = Publisher(lot, sortie)
    for s in lot.salaries:
        publisher.add(s)
    return publisher.finish(post_ecriture, mentions)
