"""`cspdocs generate CASE.yaml`: the four artefacts of every employee, published atomically."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..case.errors import DossierInvalide
from ..case.loader import load_dossier
from ..engine.compute import compute_dossier
from ..generate import ErreurGeneration, MatriculeInconnu, render_batch
from ..publish import publish
from ..render.docxparts import ModeleInvalide
from ..render.errors import ErreurModele
from ..render.modeles import load_templates


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


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
def command(dossier: str, sortie: str, modeles: str | None, matricules: tuple[str, ...]) -> None:
    """Génère les documents du CSP (DOCX) pour chaque salarié du DOSSIER."""
    try:
        charge = load_dossier(dossier)
    except DossierInvalide as exc:
        click.echo(f"Dossier invalide : {len(exc.erreurs)} erreur(s). Aucun document écrit.", err=True)
        for erreur in exc.erreurs:
            click.echo(str(erreur), err=True)
        sys.exit(1)
    resultat = compute_dossier(charge.dossier, charge.nom)
    try:
        jeu = load_templates(Path(modeles) if modeles else None)
        lot = render_batch(charge, resultat, jeu, matricules or None)
        # Issue 4: the mention check plugs in here, on ``lot`` (bytes per artefact), before publishing.
        publication = publish(lot, Path(sortie))
    except MatriculeInconnu as exc:
        raise click.UsageError(str(exc)) from None
    except (ErreurGeneration, ErreurModele, ModeleInvalide, FileNotFoundError) as exc:
        _fail(f"Erreur de génération : {exc}\nAucun document publié ; la sortie précédente est inchangée.")
    except OSError as exc:
        _fail(f"Erreur d'écriture : {exc}\nAucun document publié ; la sortie précédente est inchangée.")

    for avertissement in lot.avertissements:
        click.echo(f"Avertissement : {avertissement}", err=True)
    for s in lot.salaries:
        for avertissement in s.avertissements:
            click.echo(f"Avertissement ({s.matricule}) : {avertissement}", err=True)
        for omis in s.omis:
            click.echo(f"Non produit ({s.matricule}, {omis.artefact.libelle}) : {omis.raison}", err=True)
    n_docs = sum(len(s.documents) for s in lot.salaries)
    n_sal = len(lot.salaries)
    click.echo(f"{n_docs} document(s) pour {n_sal} salarié(s) publiés dans {publication.dossier}/")
    click.echo(f"Manifeste : {publication.dossier / 'manifest.json'}")
