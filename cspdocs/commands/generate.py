"""`cspdocs generate CASE.yaml`: the four artefacts of every employee, published atomically."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..case.errors import DossierInvalide
from ..case.loader import load_dossier
from ..engine.compute import compute_dossier
from ..generate import ErreurGeneration, MatriculeInconnu, render_batch
from ..mentions import check_lot
from ..publish import publish
from ..render.docxparts import ModeleInvalide
from ..render.errors import ErreurModele
from ..render.modeles import load_templates


def _rule_of(warning: str) -> str:
    """The rule code a warning starts with ("A8", "R-45"...), or the whole text."""
    head, sep, _ = warning.partition(" : ")
    return head if sep and len(head) <= 12 else warning


def print_warnings(lot, detailed: bool) -> None:
    """Warnings grouped by rule, with the employees concerned; every line when ``detailed``."""
    for avertissement in lot.avertissements:
        click.echo(f"Avertissement : {avertissement}", err=True)
    groups: dict[str, list[tuple[str, str]]] = {}
    for s in lot.salaries:
        for avertissement in s.avertissements:
            groups.setdefault(_rule_of(avertissement), []).append((s.matricule, avertissement))
        for omis in s.omis:
            groups.setdefault(f"Non produit : {omis.artefact.libelle}", []).append((s.matricule, omis.raison))
    for rule, items in groups.items():
        if detailed or len(items) == 1:
            for matricule, text in items:
                click.echo(f"Avertissement ({matricule}) : {text}", err=True)
            continue
        matricules = [m for m, _ in items]
        shown = ", ".join(matricules[:8]) + (f"… (+{len(matricules) - 8})" if len(matricules) > 8 else "")
        click.echo(f"Avertissement {rule} pour {len(items)} salarié(s) ({shown}) ; par exemple "
                   f"({items[0][0]}) : {items[0][1]}", err=True)
    if groups and not detailed:
        click.echo("(détail par salarié : --avertissements-detailles, ou « cspdocs compute »)", err=True)


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
@click.option("--avertissements-detailles", "detailed", is_flag=True,
              help="Affiche chaque avertissement de chaque salarié au lieu d'un résumé par règle.")
def command(dossier: str, sortie: str, modeles: str | None, matricules: tuple[str, ...], detailed: bool) -> None:
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
        # Every artefact is checked for its mandatory mentions before anything is written.
        rapport = check_lot(resultat, lot)
        if rapport.bloquant:
            _fail(rapport.texte() + "\nAucun document publié ; la sortie précédente est inchangée.")
        publication = publish(lot, Path(sortie), mentions=rapport.to_json())
    except MatriculeInconnu as exc:
        raise click.UsageError(str(exc)) from None
    except (ErreurGeneration, ErreurModele, ModeleInvalide, FileNotFoundError) as exc:
        _fail(f"Erreur de génération : {exc}\nAucun document publié ; la sortie précédente est inchangée.")
    except OSError as exc:
        _fail(f"Erreur d'écriture : {exc}\nAucun document publié ; la sortie précédente est inchangée.")

    print_warnings(lot, detailed)
    if rapport.avertissements:
        if detailed:
            click.echo(rapport.texte(), err=True)
        else:
            click.echo(f"Mentions recommandées absentes : {len(rapport.avertissements)} (détail dans "
                       f"manifest.json, ou --avertissements-detailles).", err=True)
    n_docs = sum(len(s.documents) for s in lot.salaries)
    n_sal = len(lot.salaries)
    click.echo(f"{n_docs} document(s) pour {n_sal} salarié(s) publiés dans {publication.dossier}/ ; "
               f"mentions obligatoires vérifiées.")
    click.echo(f"Manifeste : {publication.dossier / 'manifest.json'}")
