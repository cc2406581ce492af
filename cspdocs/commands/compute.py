"""`cspdocs compute CASE.yaml`: every date and amount, with reasons, per employee.

Formats: ``texte`` (the detail of each employee), ``tableau`` (one line per employee, counts and
totals, fitted to the terminal: cspdocs/rh/tableau.py), ``json`` (the public contract). Without
``--format``: ``tableau`` beyond ``SEUIL_TABLEAU`` employees, ``texte`` otherwise. Notes of the loader
(encoding of the employees' file, example row skipped, non-blocking findings) go to stderr.
"""

from __future__ import annotations

import json
import shutil
from typing import Optional

import click

from ..report import dossier_json, dossier_text
from ..rh.tableau import tableau
from ..engine.dates import fr
from .common import as_of_option, load_and_compute, parse_as_of, selected_employees
from .sortie import informer

SEUIL_TABLEAU = 10


def with_state(data: dict, result, selected, as_of) -> dict:
    """The contract (the plan, independent of the as-of date) plus, in added keys, the state as of
    ``as_of``: ``au`` and, per employee, ``etat_au`` (state, documents' dates and delivery, findings and,
    after a refusal, the end of the notice with its explanation: ``fin_preavis_refus``)."""
    from ..engine.actions import follow_up
    from ..engine.refusal_dates import refusal_as_of
    from ..render import dated
    from ..report import _plain

    if as_of is None:
        return data
    data["au"] = as_of.isoformat()
    for entry, rs in zip(data["salaries"], selected):
        f = follow_up(result.case, rs, as_of)
        v = dated.view(result, rs)
        entry["etat_au"] = _plain({"etat": f["etat"], "etat_libelle": f["etat_libelle"],
                                   "documents": v.documents() if v else None,
                                   "constats": [c.text for c in f["constats"]]})  # the R-76 findings included (engine/actions.py)
        notice = refusal_as_of(f["faits"], as_of)
        if notice is not None:
            entry["etat_au"]["fin_preavis_refus"] = _plain({"valeur": notice.valeur, "raisonnement": notice.raisonnement,
                                                            "sources": list(notice.sources)})
    return data


@click.command("compute")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["texte", "tableau", "json"]), default=None,
              help="texte : calendrier et montants de chaque salarié ; tableau : une ligne par salarié, "
                   f"comptes et totaux (par défaut au-delà de {SEUIL_TABLEAU} salariés) ; json : le contrat public.")
@click.option("--employe", "matricules", multiple=True, metavar="MATRICULE",
              help="Ne traiter que ce(s) salarié(s) (option répétable).")
@click.option("--sans-explications", is_flag=True, help="Texte : n'affiche pas le détail des explications.")
@as_of_option
@click.option("--largeur", type=click.IntRange(40, 400), default=None, metavar="COLONNES",
              help="Tableau : largeur en caractères (par défaut celle du terminal).")
def command(dossier: str, fmt: Optional[str], matricules: tuple[str, ...], sans_explications: bool,
            au: Optional[str], largeur: Optional[int]) -> None:
    """Calcule les dates et montants du CSP pour chaque salarié du DOSSIER."""
    as_of = parse_as_of(au)
    charge, result = load_and_compute(dossier, au=as_of)
    for note in charge.warnings:
        click.echo(f"Avertissement : {note}", err=True)
    selected = selected_employees(result, matricules)
    if fmt is None:
        fmt = "tableau" if len(selected) > SEUIL_TABLEAU else "texte"
    if fmt != "json" and as_of is not None:  # the JSON says it in its key "au"
        informer(f"Date d'observation : {fr(as_of)} (--au) ; les dates calculées sont celles du plan, "
                 "l'état à cette date est donné par « cspdocs suivi ».")
    if fmt == "json":
        click.echo(json.dumps(with_state(dossier_json(result, selected), result, selected, as_of),
                              ensure_ascii=False, indent=2))
    elif fmt == "tableau":
        width = largeur or shutil.get_terminal_size((100, 24)).columns
        click.echo(tableau(result, selected, width=width, au=as_of), nl=False)
    else:
        click.echo(dossier_text(result, selected, detail=not sans_explications), nl=False)
