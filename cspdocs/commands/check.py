"""`cspdocs check CASE.yaml FILE_OR_DIR...`: mandatory mentions of existing DOCX or PDF documents.

Each file's artefact is recognised from its title (or its generated file name), or given with
``--artefact``; its employee from the folder name (``<matricule>-<nom>``), the file's content
(name, matricule), or ``--employe`` (cspdocs/document_check.py). Exit 1 when an obligatoire mention
is missing or wrong, or a document cannot be checked; 0 otherwise.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from .. import api
from ..formats import explanation_date as fr
from .common import as_of_option, load_and_compute, parse_as_of
from .sortie import informer


@click.command("check")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.argument("documents", nargs=-1, required=True, metavar="FICHIER_OU_DOSSIER...")
@click.option("--artefact", type=click.Choice(api.ARTEFACTS),
              help="Nature des documents (sinon reconnue par leur titre) : information, recepisse, lettre, motif, "
                   "confirmation, nouvelle_echeance (courriers de suivi).")
@click.option("--employe", "matricule", metavar="MATRICULE",
              help="Matricule du salarié concerné (sinon reconnu par le dossier ou le contenu).")
@click.option("--format", "fmt", type=click.Choice(["texte", "json"]), default="texte", show_default=True,
              help="texte : rapport en français ; json : le détail de chaque mention.")
@click.option("--detail", is_flag=True, help="Texte : affiche aussi les mentions présentes.")
@as_of_option
def command(dossier: str, documents: tuple[str, ...], artefact: Optional[str], matricule: Optional[str],
            fmt: str, detail: bool, au: Optional[str]) -> None:
    """Vérifie les mentions obligatoires de documents DOCX ou PDF existants au regard du DOSSIER."""
    published = None if au else api.published_as_of(documents)
    as_of = published or parse_as_of(au)
    _, resultat = load_and_compute(dossier, au=as_of)
    if fmt == "texte" and as_of is not None:
        how = "celle de leur génération, d'après manifest.json" if published else "--au"
        informer(f"Date d'observation : {fr(as_of)} ({how}) ; chaque document est vérifié au regard de "
                 "ce qui était connu à sa date.")
    try:
        outcome = api.check_documents(resultat, documents, artefact, matricule)
    except api.CheckError as exc:
        if exc.param_hint:
            raise click.BadParameter(str(exc), param_hint=exc.param_hint) from None
        raise click.UsageError(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(outcome.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(outcome.text(detail=detail))
    sys.exit(1 if outcome.blocking else 0)

