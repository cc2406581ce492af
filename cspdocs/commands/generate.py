"""`cspdocs generate CASE.yaml`: parses the options, calls ``cspdocs.pipeline.run`` and prints.

With ``--pdf`` LibreOffice is looked for before the case is even read, so that its absence fails
at once (``pdf: true`` in the case file: before anything is rendered); DOCX generation never
needs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..engine.dates import fr
from .common import as_of_option, check_writable, load_and_compute, parse_as_of
from ..formats import plain_decimal
from ..os_errors import message_os
from ..delivered import RemisModifie
from ..generate import ErreurGeneration, MatriculeInconnu
from ..output_folder import MENTIONS_REPORT, SortieRefusee
from ..pdf.errors import PdfError, SofficeNotFoundError
from ..pdf.soffice import find_soffice
from ..pipeline import Generation, MentionsBloquantes, run
from ..render.docxparts import ModeleInvalide
from ..render.errors import ErreurModele
from ..render.modeles import templates_report
from ..rh.sorties import FICHIERS as FICHIERS_RH
from ..rh.progression import ProgressBar
from .sortie import SILENCIEUX, avertir, informer, verbosite


def print_warnings(lot, detailed: bool) -> None:
    """The findings of the run: the case's and the run's (R-77, R-78) one by one, then the employees'
    grouped by rule code (``Finding.code``), with the employees concerned, the documents not produced
    in the same way (their rule and the document); every line when ``detailed``."""
    if verbosite() == SILENCIEUX:  # cspdocs --quiet: results and errors only
        return
    for constat in lot.constats:
        click.echo(f"Avertissement : {constat.text}", err=True)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for s in lot.salaries:
        for constat in s.constats:
            groups.setdefault((constat.code or constat.text, ""), []).append((s.matricule, constat.text))
        for omis in s.omis:
            code = omis.constat.code if omis.constat is not None else ""
            groups.setdefault((code, omis.artefact.libelle), []).append((s.matricule, omis.raison))
    for (code, omitted), items in groups.items():
        if detailed or len(items) == 1:
            for matricule, text in items:
                click.echo(f"Avertissement ({matricule}) : {text}", err=True)
            continue
        rule = f"Non produit : {omitted}" + (f" ({code})" if code else "") if omitted else code
        matricules = list(dict.fromkeys(m for m, _ in items))  # an employee with two findings of a rule counts once
        shown = ", ".join(matricules[:8]) + (f"… (+{len(matricules) - 8})" if len(matricules) > 8 else "")
        click.echo(f"Avertissement {rule} pour {len(matricules)} salarié(s) ({shown}) ; par exemple "
                   f"({items[0][0]}) : {items[0][1]}", err=True)
    if groups and not detailed:
        click.echo("(détail par salarié : --avertissements-detailles, ou « cspdocs compute »)", err=True)


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


NOTHING_PUBLISHED = "Aucun document publié ; la sortie précédente est inchangée."


def _soffice_or_fail() -> str:
    """LibreOffice's executable, or exit at once with the French installation hint."""
    try:
        return find_soffice()
    except SofficeNotFoundError as exc:
        _fail(f"Erreur : {exc}\nAucun document écrit.")


def _positive(ctx, param, value: float | None) -> float | None:
    if value is not None and value <= 0:
        raise click.BadParameter("un nombre de secondes strictement positif est attendu.")
    return value


def _decimal_fr(value: float) -> str:
    return plain_decimal(value, 1)


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
    progression = ProgressBar(quiet=quiet or verbosite() == SILENCIEUX)
    as_of = parse_as_of(au)
    charge, resultat = load_and_compute(dossier, nothing_written=True, au=as_of)
    if as_of is not None:
        informer(f"Date d'observation : {fr(as_of)} (--au, inscrite au manifeste) : aucun document non remis n'est "
                 "daté avant elle.")
    for note in charge.warnings:  # notes of the employees' spreadsheet: encoding, example row
        if len(charge.sources) > 1 and note.fichier == str(charge.sources[1]):
            avertir(f"Avertissement : {note}")
    want_pdf = dossier_global or (pdf if pdf is not None else charge.dossier.pdf)
    if want_pdf and soffice is None:  # "pdf: true" in the case file: still before rendering
        soffice = _soffice_or_fail()
    check_writable(Path(sortie), charge.nom, want_pdf, charge.sources)  # output folder, TMPDIR (issue 14 item 9)
    try:
        for line in templates_report(modeles) if modeles else ():  # which file serves which document
            informer(line)
        generation = run(charge, resultat, Path(sortie), modeles=modeles, matricules=matricules or None,
                         pdf=want_pdf, dossier_global=dossier_global, delai_pdf=delai_pdf, soffice=soffice,
                         progress=progression, reecrire_remis=reecrire_remis)
    except MatriculeInconnu as exc:
        raise click.UsageError(str(exc)) from None
    except SortieRefusee as exc:
        _fail(f"{exc}\nAucun document écrit.")
    except MentionsBloquantes as exc:
        _fail(exc.rapport.texte() + "\n" + NOTHING_PUBLISHED)
    except RemisModifie as exc:
        _fail(f"Erreur (R-77) : {exc}\n{NOTHING_PUBLISHED}")
    except (ErreurGeneration, ErreurModele, ModeleInvalide, FileNotFoundError) as exc:
        _fail(f"Erreur de génération : {exc}\n{NOTHING_PUBLISHED}")
    except PdfError as exc:
        from ..pdf.stage import MentionsPdfNonConformes

        if isinstance(exc, MentionsPdfNonConformes):
            _fail(f"{exc}\n{NOTHING_PUBLISHED}")
        _fail(f"Erreur de la sortie PDF : {exc}\n{NOTHING_PUBLISHED}")
    except OSError as exc:
        _fail(f"{message_os(exc)}\n{NOTHING_PUBLISHED}")
    finally:
        progression.interrompu()  # a terminal's bar is closed before any message
    print_summary(generation, detailed)
    progression.fin()


def print_summary(generation: Generation, detailed: bool) -> None:
    publication, rapport, etape = generation.publication, generation.rapport, generation.etape
    for note in publication.notes:
        click.echo(note, err=True)
    print_warnings(generation.lot, detailed)
    if rapport.warnings:
        if detailed:
            click.echo(rapport.texte(), err=True)
        else:
            click.echo(f"Mentions recommandées absentes : {len(rapport.warnings)} (détail dans "
                       f"{MENTIONS_REPORT}, ou --avertissements-detailles).", err=True)
    n_sal = len(generation.lot.salaries)
    click.echo(f"{generation.documents} document(s) pour {n_sal} salarié(s) publiés dans {publication.dossier}/ ; "
               f"mentions obligatoires vérifiées.")
    if etape is not None:
        stats = etape.stats
        click.echo(f"PDF : {stats.documents} document(s) et {stats.dossiers} dossier.pdf en "
                   f"{_decimal_fr(stats.secondes)} s ({_decimal_fr(stats.documents_par_seconde)} "
                   f"documents/s) ; mentions obligatoires vérifiées sur le texte des PDF.")
        if etape.chemin_dossier_global is not None:
            click.echo(f"Dossier global : {publication.dossier / etape.chemin_dossier_global}")
    click.echo(f"Synthèse et échéancier : {', '.join(str(publication.dossier / f) for f in FICHIERS_RH)}")
    click.echo(f"Manifeste : {publication.dossier / 'manifest.json'}")
