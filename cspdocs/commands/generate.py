"""`cspdocs generate CASE.yaml`: parses the options, calls ``cspdocs.api.generate`` and prints.

With ``--pdf`` LibreOffice is looked for before the case is even read, so that its absence fails
at once (``pdf: true`` in the case file: before anything is rendered); DOCX generation never
needs it. The French lines come from the library (cspdocs/generation_text.py).
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import api
from ..formats import explanation_date as fr
from .common import as_of_option, check_writable, fail, load_and_compute, parse_as_of
from .sortie import SILENCIEUX, avertir, informer, verbosite


def _soffice_or_fail() -> str:
    """LibreOffice's executable, or exit at once with the French installation hint."""
    try:
        return api.find_soffice()
    except api.SofficeNotFoundError as exc:
        fail(f"Erreur : {exc}\nAucun document écrit.")


def _positive(ctx, param, value: float | None) -> float | None:
    if value is not None and value <= 0:
        raise click.BadParameter("un nombre de secondes strictement positif est attendu.")
    return value


@click.command("generate")
@click.argument("dossier", type=click.Path(dir_okay=False))
@click.option("-o", "--sortie", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Dossier de sortie ; les documents vont dans SORTIE/<nom du dossier>/.")
@click.option("--templates", "--modeles", "modeles", type=click.Path(file_okay=False, exists=True),
              help="Dossier de modèles personnalisés (voir « cspdocs templates export ») ; "
                   "un modèle absent est pris parmi les modèles par défaut.")
@click.option("--employe", "matricules", multiple=True, metavar="MATRICULE",
              help="Ne générer que ce(s) salarié(s) (option répétable) ; les documents "
                   "des autres salariés déjà publiés sont conservés.")
@click.option("--avertissements-detailles", "detailed", is_flag=True,
              help="Affiche chaque avertissement de chaque salarié au lieu d'un résumé par règle.")
@click.option("--pdf/--sans-pdf", "pdf", default=None,
              help="Écrit aussi chaque document en PDF à côté de son DOCX et un dossier.pdf par "
                   "salarié (LibreOffice requis) ; par défaut, selon la clé « pdf » du dossier.")
@click.option("--dossier-global", is_flag=True,
              help="Ajoute dossier-global.pdf : tous les salariés en un seul PDF, avec des signets "
                   "par salarié et par document, pour l'impression (implique --pdf).")
@click.option("--delai-pdf", "delai_pdf", type=float, callback=_positive, metavar="SECONDES",
              help="Délai maximal d'un appel à LibreOffice (un lot de documents) avant son arrêt ; "
                   "par défaut 60 s plus 10 s par document.")
@as_of_option
@click.option("--reecrire-remis", "reecrire_remis", is_flag=True,
              help="Autorise la réécriture d'un document enregistré comme remis (journal « suivi ») dont le "
                   "contenu changerait parce que ses données ont été modifiées ; sans elle, rien n'est publié.")
@click.option("-q", "--quiet", "--silencieux", "quiet", is_flag=True,
              help="N'affiche pas la progression (barre dans un terminal, lignes périodiques sinon).")
def command(dossier: str, sortie: str, modeles: str | None, matricules: tuple[str, ...], detailed: bool,
            pdf: bool | None, dossier_global: bool, delai_pdf: float | None, au: str | None,
            reecrire_remis: bool, quiet: bool) -> None:
    """Génère les documents du CSP (DOCX, et PDF sur demande) pour chaque salarié du DOSSIER."""
    if dossier_global and pdf is False:
        raise click.UsageError("--dossier-global assemble les PDF : incompatible avec --sans-pdf.")
    # An explicit request for PDF output fails at once when LibreOffice is missing.
    soffice = _soffice_or_fail() if pdf or dossier_global else None
    # on stderr (cspdocs/rh/progression.py); "cspdocs -q generate" silences it too
    progression = api.ProgressBar(quiet=quiet or verbosite() == SILENCIEUX)
    as_of = parse_as_of(au)
    charge, resultat = load_and_compute(dossier, nothing_written=True, au=as_of)
    if as_of is not None:
        informer(f"Date d'observation : {fr(as_of)} (--au, inscrite au manifeste) : aucun document non remis n'est "
                 "daté avant elle.")
    for note in api.spreadsheet_notes(charge):  # encoding, example row
        avertir(note)
    want_pdf = dossier_global or (pdf if pdf is not None else charge.dossier.pdf)
    if want_pdf and soffice is None:  # "pdf: true" in the case file: still before rendering
        soffice = _soffice_or_fail()
    check_writable(Path(sortie), charge.nom, want_pdf, charge.sources)  # output folder, TMPDIR (issue 14 item 9)
    generation = _publish((charge, resultat), Path(sortie), progression, modeles=modeles,
                          matricules=matricules or None, pdf=want_pdf, dossier_global=dossier_global,
                          delai_pdf=delai_pdf, soffice=soffice, reecrire_remis=reecrire_remis)
    print_summary(generation, detailed)
    progression.fin()


def _publish(case: tuple, sortie: Path, progression, modeles: str | None, **options):
    """``api.generate``, or exit 1 with the French message of what stopped it (nothing published)."""
    try:
        for line in api.templates_report(modeles) if modeles else ():  # which file serves which document
            informer(line)
        return api.generate(case, sortie, modeles=modeles, progress=progression, **options)
    except api.MatriculeInconnu as exc:
        raise click.UsageError(str(exc)) from None
    except api.GENERATION_ERRORS as exc:
        fail(api.generation_error(exc))
    finally:
        progression.interrompu()  # a terminal's bar is closed before any message


def print_summary(generation, detailed: bool) -> None:
    """The notes and findings on stderr (findings hidden by --quiet), what was published on stdout."""
    summary = api.generation_summary(generation, detailed, warnings=verbosite() != SILENCIEUX)
    for line in summary.notes:
        click.echo(line, err=True)
    for line in summary.results:
        click.echo(line)
