"""`compute --format tableau`: one line per employee, then counts and totals, fitted to the terminal.

Also `suivi --format tableau`. Columns, most useful first; those that do not fit the width are left
out (and named below the table), and the name and the next action are shortened before that:
matricule, name, recorded answer (with its date), state and next action as of the date (the
engine's follow-up, engine/actions.py), handover, end of the period, letter variant and posting
date, rupture if accepted, severance pay due, contribution, warnings by rule code. Below the table:
the answers counted and the amounts due by date (the engine's case totals), the letter variants,
the totals of amounts and the warnings by rule.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any, Optional

from ..engine.actions import case_follow_up
from ..engine.amounts import eur
from ..formats import cli_date
from ..engine.facts import CaseResult, EmployeeResult
from .echeances import Fiche, faits_au, fiche_au
from .synthese import REPONSES_TOTAUX, next_action

_VARIANTES = {"conservatoire": "conserv.", "apres_acceptation": "après acc.", "licenciement": "licenc."}
_INCONNUE = "variante non déterminée"  # e.g. a protected employee whose authorisation is not known yet
_REPONSES = {"acceptation": "acceptée", "refus": "refusée"}
_TOTALS = (
    ("indemnite_licenciement_due", "Indemnités de licenciement dues"),
    ("indemnite_preavis", "Indemnités de préavis"),
    ("contribution_employeur", "Contributions à l'opérateur (en cas d'acceptation)"),
    ("excedent_preavis_salarie", "Préavis versé aux salariés (au-delà de la contribution)"),
)


def _d(value) -> str:
    return cli_date(value, "—")


def _n(count: int) -> str:
    return f"{count:_}".replace("_", "\u202f")  # French thousands separator (narrow no-break space)


def _money(value: Any) -> str:
    return eur(value) if isinstance(value, Decimal) else "—"


def _answer(f: Fiche) -> str:
    rep = f.rs.employee.reponse
    return f"{_REPONSES[rep.decision]} {cli_date(rep.date)[:5]}" if rep else "—"


def _next(f: Fiche) -> str:
    action, due = next_action(f)
    late = action.startswith("EN RETARD : ")
    label = action.removeprefix("EN RETARD : ")
    if not action:
        return "—"
    return f"{'RETARD ' if late else ''}{_d(due)} {label}" if due else label


LARGEUR_ACTION = 48  # the next action is shortened beyond this width, however wide the terminal

# (header, cell function of a Fiche, right aligned, priority: lower is dropped last, shortest width
# the column may be shortened to before columns are dropped; 0: never shortened)
COLONNES = (
    ("Matricule", lambda f: f.rs.employee.matricule, False, 0, 0),
    ("Salarié", lambda f: f"{f.rs.employee.prenom} {f.rs.employee.nom}", False, 0, 10),
    ("Réponse", _answer, False, 1, 0),
    ("État", lambda f: f.etat, False, 1, 14),
    ("Prochaine action", _next, False, 1, 24),
    ("Remise", lambda f: _d(f.rs.dates.get("remise")), False, 3, 0),
    ("Fin délai", lambda f: _d(f.rs.dates.get("fin_delai_reflexion")), False, 3, 0),
    ("Lettre", lambda f: f"{_VARIANTES.get(f.rs.letter.get('variante'), '?')} {_d(f.rs.dates.get('envoi_lettre'))}",
     False, 3, 0),
    ("Rupture si acc.", lambda f: _d(f.rs.dates.get("rupture_si_acceptation")), False, 4, 0),
    ("Indemnité due", lambda f: _money(f.rs.amounts.get("indemnite_licenciement_due")), True, 3, 0),
    ("Contribution", lambda f: _money(f.rs.amounts.get("contribution_employeur")), True, 4, 0),
    ("Alertes", lambda f: ",".join(f.rule_codes()) or "—", False, 5, 8),
)


def _fit(widths: list[int], width: int, priorities: list[int], shortest: list[int]) -> tuple[list[int], dict]:
    """The columns kept and their widths. The least useful columns (priority 3 and more) are dropped
    first; then the shortenable ones (name, state, next action) are shortened, the one with the most
    room first; then columns of priority 2 and 1 are dropped, until the table fits ``width``."""
    kept = list(range(len(widths)))

    def fitted() -> Optional[dict]:
        sizes = dict(enumerate(widths))
        excess = sum(sizes[i] for i in kept) + 2 * (len(kept) - 1) - width
        for i in sorted(kept, key=lambda i: -(sizes[i] - shortest[i]) if shortest[i] else 0):
            if excess <= 0:
                break
            if shortest[i]:
                cut = min(excess, sizes[i] - shortest[i])
                sizes[i] -= cut
                excess -= cut
        return sizes if excess <= 0 else None

    def natural() -> bool:
        return sum(widths[i] for i in kept) + 2 * (len(kept) - 1) <= width

    for priority in sorted(set(priorities), reverse=True):
        for i in reversed([i for i in kept if priorities[i] == priority]):
            if natural() or (priority < 3 and fitted() is not None) or priority == 0:
                break
            kept.remove(i)
    return kept, fitted() or dict(enumerate(widths))


def tableau(res: CaseResult, salaries: Optional[tuple[EmployeeResult, ...]] = None,
            width: int = 100, notes: tuple[str, ...] = (), au: Optional[date] = None) -> str:
    """The table, the state and next action as of ``au`` (today by default)."""
    au = au or date.today()
    # the facts as of ``au`` (re-dated where the plan slipped, R-76): the dates the documents of a run
    # at ``au`` carry; the engine's totals are computed on them too
    raws = {s.matricule: s for s in res.case.salaries}
    current = [faits_au(res, rs, au, raws.get(rs.employee.matricule)) for rs in (res.employees if salaries is None else salaries)]
    data = case_follow_up(res, au, current)
    rows = [fiche_au(res, rs, au, follow) for rs, follow in data["salaries"]]
    headers = [c[0] for c in COLONNES]
    cells = [[c[1](f) for c in COLONNES] for f in rows]
    widths = [max([len(headers[i])] + [len(row[i]) for row in cells]) for i in range(len(headers))]
    widths[4] = min(widths[4], LARGEUR_ACTION)
    kept, sizes = _fit(widths, width, [c[3] for c in COLONNES], [c[4] for c in COLONNES])

    def line(values: list[str]) -> str:
        parts = []
        for i in kept:
            text = values[i]
            if len(text) > sizes[i]:
                text = text[: sizes[i] - 1] + "…"
            parts.append(text.rjust(sizes[i]) if COLONNES[i][2] else text.ljust(sizes[i]))
        return "  ".join(parts).rstrip()

    def wrap(texts) -> list[str]:  # the lines around the table fit the width too
        return [part for text in texts for part in (textwrap.wrap(text, width, subsequent_indent="  ") or [""])]

    out = wrap([f"Dossier {res.name} — {res.case.employeur.raison_sociale} — {_n(len(rows))} salarié(s) — "
                f"état au {cli_date(au)}"] + [f"⚠ {w}" for w in res.warnings] + list(notes))
    out += ["", line(headers), "  ".join("─" * sizes[i] for i in kept)]
    out += [line(row) for row in cells]
    dropped = [headers[i] for i in range(len(headers)) if i not in kept]
    tail = [f"(colonnes non affichées faute de largeur : {', '.join(dropped)})"] if dropped else []
    tail += [""] + summary(tuple(f.rs for f in rows), data["totaux"], rows)
    tail.append("Détail par salarié : --format texte (avec --employe MATRICULE pour un seul salarié).")
    return "\n".join(out + wrap(tail)) + "\n"


def summary(salaries: tuple[EmployeeResult, ...], totaux: dict[str, Any], rows: list[Fiche]) -> list[str]:
    """Counts of answers (the engine's totals) and letter variants, the actions overdue, totals of
    amounts, the contributions due by date (the engine's), warnings by rule."""
    answers = totaux["reponses"]
    lines = ["Réponses : " + ", ".join(f"{_n(answers.get(k, 0))} {label}" for k, label in REPONSES_TOTAUX.items())]
    late = sum(len(f.en_retard()) for f in rows)
    if late:
        lines.append(f"Actions en retard : {_n(late)} ({_n(sum(1 for f in rows if f.en_retard()))} salarié(s)) ; "
                     "détail : cspdocs suivi")
    variants = Counter(r.letter.get("variante") for r in salaries)
    lines.append("Lettres : " + ", ".join(f"{_n(n)} {_VARIANTES.get(v, _INCONNUE)}" for v, n in sorted(
        variants.items(), key=lambda item: str(item[0]))))
    for key, label in _TOTALS:
        values = [r.amounts.get(key) for r in salaries if isinstance(r.amounts.get(key), Decimal)]
        if values:
            lines.append(f"{label} : {eur(sum(values, Decimal(0)))} ({_n(len(values))} salarié(s))")
    for due in totaux["montants_dus"]:
        lines.append(f"Contribution à verser au plus tard le {cli_date(due['echeance'])} : {eur(due['montant'])}")
    # employees per rule (an employee with two findings of one rule counts once)
    rules = Counter(code for f in rows for code in f.rule_codes())
    if rules:
        lines.append("Avertissements (salariés concernés) : "
                     + ", ".join(f"{code} × {_n(n)}" for code, n in sorted(rules.items())))
    return lines
