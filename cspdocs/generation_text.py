"""What a generation says in French (``cspdocs generate``, ``api.generate``'s callers): the notes
of the employees' spreadsheet, the findings of the run grouped by rule code, the summary of what
was published, and the message of each error that stopped it (nothing published then).

The command prints these lines; a script may print or log them the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .delivered import RemisModifie
from .generate import ErreurGeneration
from .os_errors import message_os
from .output_folder import MENTIONS_REPORT, SortieRefusee
from .pdf.errors import PdfError
from .pdf.mention_check import MentionsPdfNonConformes
from .pipeline import MentionsBloquantes
from .render.docxparts import ModeleInvalide
from .render.errors import ErreurModele
from .rh.sorties import FICHIERS as FICHIERS_RH

if TYPE_CHECKING:  # pragma: no cover - types only
    from .case.loader import ChargedDossier
    from .generate import Batch
    from .pipeline import Generation

NOTHING_WRITTEN = "Aucun document écrit."
NOTHING_PUBLISHED = "Aucun document publié ; la sortie précédente est inchangée."
SHOWN = 8  # matricules named in a group of findings

# The errors that stop a generation with a French message (``generation_error``), nothing published.
GENERATION_ERRORS = (SortieRefusee, MentionsBloquantes, RemisModifie, ErreurGeneration, ErreurModele,
                     ModeleInvalide, PdfError, OSError)


class Summary(NamedTuple):
    notes: list[str]  # publication notes, findings, recommended mentions missing (stderr)
    results: list[str]  # what was published, where (stdout)


def spreadsheet_notes(charge: "ChargedDossier") -> list[str]:
    """The loader's notes about the employees' spreadsheet (encoding, example row skipped); the
    other findings of the case are the batch's (``warning_lines``)."""
    if len(charge.sources) < 2:
        return []
    return [f"Avertissement : {note}" for note in charge.warnings if note.fichier == str(charge.sources[1])]


def warning_lines(lot: "Batch", detailed: bool) -> list[str]:
    """The findings of the run: the case's and the run's (R-77, R-78) one by one, then the employees'
    grouped by rule code (``Finding.code``), with the employees concerned, the documents not produced
    in the same way (their rule and the document); every line when ``detailed``."""
    lines = [f"Avertissement : {constat.text}" for constat in lot.constats]
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for s in lot.salaries:
        for constat in s.constats:
            groups.setdefault((constat.code or constat.text, ""), []).append((s.matricule, constat.text))
        for omis in s.omis:
            groups.setdefault((omis.constat.code, omis.artefact.libelle), []).append((s.matricule, omis.raison))
    for (code, omitted), items in groups.items():
        if detailed or len(items) == 1:
            lines += [f"Avertissement ({matricule}) : {text}" for matricule, text in items]
            continue
        rule = f"Non produit : {omitted}" + (f" ({code})" if code else "") if omitted else code
        matricules = list(dict.fromkeys(m for m, _ in items))  # an employee with two findings of a rule counts once
        shown = ", ".join(matricules[:SHOWN]) + (f"… (+{len(matricules) - SHOWN})" if len(matricules) > SHOWN else "")
        lines.append(f"Avertissement {rule} pour {len(matricules)} salarié(s) ({shown}) ; par exemple "
                     f"({items[0][0]}) : {items[0][1]}")
    if groups and not detailed:
        lines.append("(détail par salarié : --avertissements-detailles, ou « cspdocs compute »)")
    return lines


def generation_summary(generation: "Generation", detailed: bool = False, warnings: bool = True) -> Summary:
    """The notes of a published generation (its findings unless ``warnings`` is False, every one
    when ``detailed``) and the lines saying what was published where."""
    from .formats import plain_decimal

    publication, rapport, etape = generation.publication, generation.rapport, generation.etape
    notes = list(publication.notes) + (warning_lines(generation.lot, detailed) if warnings else [])
    if rapport.warnings:
        notes.append(rapport.texte() if detailed else
                     f"Mentions recommandées absentes : {len(rapport.warnings)} (détail dans "
                     f"{MENTIONS_REPORT}, ou --avertissements-detailles).")
    results = [f"{generation.documents} document(s) pour {len(generation.lot.salaries)} salarié(s) publiés dans "
               f"{publication.dossier}/ ; mentions obligatoires vérifiées."]
    if etape is not None:
        stats = etape.stats
        results.append(f"PDF : {stats.documents} document(s) et {stats.dossiers} dossier.pdf en "
                       f"{plain_decimal(stats.secondes, 1)} s ({plain_decimal(stats.documents_par_seconde, 1)} "
                       f"documents/s) ; mentions obligatoires vérifiées sur le texte des PDF.")
        if etape.chemin_dossier_global is not None:
            results.append(f"Dossier global : {publication.dossier / etape.chemin_dossier_global}")
    results.append(f"Synthèse et échéancier : {', '.join(str(publication.dossier / f) for f in FICHIERS_RH)}")
    results.append(f"Manifeste : {publication.dossier / 'manifest.json'}")
    return Summary(notes, results)


def generation_error(exc: BaseException) -> str:
    """The French message of an error of ``GENERATION_ERRORS``: what went wrong, then that nothing
    was written (the output folder refused) or published (the previous output is unchanged)."""
    if isinstance(exc, SortieRefusee):
        return f"{exc}\n{NOTHING_WRITTEN}"
    if isinstance(exc, MentionsBloquantes):
        message = exc.rapport.texte()
    elif isinstance(exc, RemisModifie):
        message = f"Erreur (R-77) : {exc}"
    elif isinstance(exc, (ErreurGeneration, ErreurModele, ModeleInvalide, FileNotFoundError)):
        message = f"Erreur de génération : {exc}"
    elif isinstance(exc, MentionsPdfNonConformes):
        message = str(exc)
    elif isinstance(exc, PdfError):
        message = f"Erreur de la sortie PDF : {exc}"
    elif isinstance(exc, OSError):
        message = message_os(exc)
    else:
        raise TypeError(f"not an error of the generation: {exc!r}")
    return f"{message}\n{NOTHING_PUBLISHED}"
