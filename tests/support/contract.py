"""Snapshots of what the engine computes, to prove a refactoring changes nothing (issue 9, step 0).

For every example case (cases/, cases/csv, cases/suivi) the public contract JSON (``cspdocs compute
CASE --format json``), and for every date vector of the spec the same JSON of the vector's case;
for every amount vector the values of the pure amount rules. Beside the contract, the internal facts
the templates read (conditions, dated parameters, the letter's operator, blocking findings), so that
moving a document condition is caught too.

    python -m tests.support.contract --ecrire   # rewrite tests/fixtures/contract/ (deliberate change)

A deliberate change of output is written in the commit message and in DIFFERENCES below.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "contract"
CASE_DIRS = ("cases", "cases/csv", "cases/suivi")

# Deliberate differences accepted by issue 9 (every warning a user sees carries a rule code of the
# registry), by fixture.
DIFFERENCES: dict[str, str] = {
    "case:cases/collectif-alsace.yaml (E110)": "the example gives E110's posting date (date_envoi_documents "
                                               "2026-03-16, the day after the last CSE meeting): its R-14 reminder "
                                               "to fill it in is gone and envoi_documents is dated",
    "vector:D41": "the operator-change warning is prefixed by its rule code: « R-06 : opérateur : … » "
                  "instead of « Opérateur : … » (issue 9: every finding has a code; found by the temporal test)",
    "interne (every case and vector)": "two conditions added, none changed: remise_a_distance and "
                                       "echeance_connue_a_la_remise (engine/documents.py, read by the context "
                                       "and the mention cross-checks); the contract JSON is unchanged",
    "case:cases/csv/campagne-tableur.yaml": "the workbook records the campaign's journal (issue 11: handovers, letters "
                                            "posted on 03/04/2026, France Travail transmissions): same dates, the "
                                            "letter's explanation now cites the recorded posting",
    "contrat (every case and vector)": "one key added beside « avertissements », for the case and each employee: "
                                       "« constats », the findings as data (code, niveau, chemin, message, sources); "
                                       "every other key and value unchanged (checked by removing it)",
    "interne parametres (every case and vector)": "six dated values added for the templates (duree_csp_*, "
                                                  "duree_priorite_reembauche_*, anciennete_minimale_asp_*), none changed",
    "contrat faits (every case and vector)": "one key added per employee, « faits »: for each explained fact its "
                                             "rule code (regle), the sources.yaml ids of its citations "
                                             "(source_ids) and its formula's named terms (termes); the "
                                             "explanations themselves unchanged",
    "contrat explications (every case and vector)": "review finding 3: six derived explanations name things in "
                                                    "French words instead of output keys (« voir "
                                                    "dates.envoi_lettre_au_plus_tot », « voir montants.… »); values "
                                                    "unchanged; the maternity one says the latest handover concerns a "
                                                    "handover the procedure would place during the protection",
    "case:cases/pse.yaml": "review finding 4: F-3310's R-62 warning removed (the PSE hands over on 12/06/2026, after "
                           "the protection ended on 15/05/2026: nothing was deferred, art. 4 note 1 of the convention "
                           "does not apply); her R-13 warning and every date unchanged",
    "contrat explications accord (cases with a « Madame »)": "issue 8: the engine's prose about one employee agrees "
                                                             "with her civilité (« La salariée a accepté… », "
                                                             "« salariée protégée »); values unchanged",
    "contrat explications accord suivi (collectif-alsace, campagne-tableur, D50, D52)": "issue 9 item 3: the "
        "follow-up documents' explanations (engine/follow_up.py: dates.confirmation_remise, "
        "dates.notification_nouvelle_echeance) agree with a « Madame » too (« confirme à la salariée », « Salariée "
        "protégée », « remis à la salariée »); values unchanged",
    "contrat A8 accord (collectif-alsace, D21)": "issue 9 item 3: the A8 warning (Good Friday in Alsace-Moselle) "
        "agrees with a « Madame » (« modifie un délai de cette salariée »); every value unchanged",
    "case:cases/suivi/3-apres-rupture.yaml (S02)": "issue 10 leftover (review finding 9): one date added, "
        "« dates.fin_preavis_refus » (2026-11-24: the refusal of 16/09/2026 is recorded and the letter was first "
        "presented on 24/09/2026, L1234-3), with its explanation and its « faits » entry (R-46); added only when the "
        "case records the refusal (express, or a dismissal letter after the period) and the presentation; every "
        "other key and value unchanged",
    "contrat faits termes (every case and vector)": "issue 9, facts as formulas (engine/prose.py): each fact's "
                                                    "« faits » entry now carries all the named terms of its formula "
                                                    "(keys added inside « termes », none renamed or changed); every "
                                                    "« raisonnement » is rebuilt from those terms and is byte-identical "
                                                    "(also checked on 600 fuzzed cases against main), except the "
                                                    "agreement below",
    "contrat faits termes suivi (collectif-alsace, campagne-tableur, 3-apres-rupture, D50, D52)": "the same for the "
        "follow-up dates (dates.confirmation_remise, dates.notification_nouvelle_echeance) and dates.fin_preavis_refus, "
        "now formulas too (engine/texts_dates.py): their « termes » gain presentation_documents, "
        "notification_autorisation, fin_delai_reflexion, civilite, refus; prose and values unchanged",
    "contrat explications accord 2 (cases with a « Madame »)": "issue 9 item 3: the remaining engine sentences about "
                                                              "one employee agree with her civilité (« si la salariée "
                                                              "adhère », « versée à la salariée », « qu'aurait effectué la "
                                                              "salariée », « Salariée protégée : le délai est "
                                                              "prolongé… », the R-41 warning « la salariée a moins d'un "
                                                              "an »); values unchanged",
}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return repr(value)


def _internal(result: Any) -> dict[str, Any]:
    return {
        r.employee.matricule: {
            "conditions": _plain(r.conditions),
            "parametres": _plain(r.parameters),
            "operateur_lettre": r.letter_operator,
            "blocages": _plain(r.blockers),
            "regime": _plain(r.regime),
            "dates": _plain(r.dates),
            "montants": _plain(r.amounts),
        }
        for r in result.employees
    }


def _snapshot(result: Any) -> dict[str, Any]:
    from cspdocs.report import dossier_json

    return {"contrat": dossier_json(result), "interne": _internal(result)}


def case_files() -> list[Path]:
    return sorted(p for d in CASE_DIRS for p in (ROOT / d).glob("*.yaml"))


def case_snapshot(path: Path) -> dict[str, Any]:
    from cspdocs.casework import load_case

    return _snapshot(load_case(path)[1])


def date_vector_snapshots() -> Iterator[tuple[str, dict[str, Any]]]:
    from cspdocs.engine.compute import compute_dossier
    from tests.support.engine import dossier_for, load_vectors

    for v in load_vectors("dates.yaml"):
        dispatches = [None] + sorted(v["expected"].get("reminder_wording_required", {}))
        for dispatch in dispatches:
            name = v["id"] + (f"@{dispatch}" if dispatch else "")
            yield name, _snapshot(compute_dossier(dossier_for(v["input"], dispatch), v["id"]))


def amount_vector_snapshot() -> dict[str, Any]:
    """The amount vectors through the pure rules, called as tests/engine/test_vectors_amounts.py does."""
    from cspdocs.engine import amounts as A
    from cspdocs.rules.lookup import lookup
    from tests.support.engine import load_vectors

    on = date(2026, 3, 24)
    fractions = lookup("fractions_indemnite_legale", on).valeur
    minimum = lookup("anciennete_minimale_indemnite_mois", on).valeur
    # the values the pure rules had as constants or defaults before issue 9 (the snapshot proves equality)
    tranche = lookup("tranche_indemnite_legale_mois", on).valeur
    cap = lookup("plafond_contribution_employeur_mois", on).valeur
    scale = lookup("bareme_preavis_legal", on).valeur
    out: dict[str, Any] = {}

    def months(ym: dict) -> int:
        return ym["years"] * 12 + ym["months"]

    def fact(f: Any) -> Any:
        # value, reasoning, sources; the named terms added by issue 9 are in the contract's « faits »
        return _plain((f.value, f.reasoning, f.sources))

    for v in load_vectors("amounts.yaml"):
        inp, exp, got = v["input"], v["expected"], {}
        if "legal_severance_indemnity" in exp:
            if "reference_monthly_salary" in inp:
                reference = Decimal(str(inp["reference_monthly_salary"]))
            else:
                salaries = [Decimal(str(x)) for x in inp.get("last_12_monthly_gross") or inp["monthly_gross_all_months"]]
                ref, avg12, avg3 = A.reference_salary(None, salaries)
                got["reference"] = [fact(ref), str(avg12), str(avg3)]
                reference = ref.value
            total = (months(inp["seniority_at_end_of_notice"]) if "seniority_at_end_of_notice" in inp
                     else months(inp["seniority_at_rupture"]) + inp["notice_months"])
            got["severance"] = fact(A.legal_severance(total, reference, fractions, minimum, tranche))
        if "notice_indemnity_gross" in exp:
            rate = inp["employer_charge_rate_input"]
            split = A.notice_split(Decimal(str(inp["monthly_gross_salary"])), Decimal(str(inp["notice_months"])),
                                   inp["seniority_at_least_1_year"], None if rate is None else Decimal(str(rate)), cap)
            got["split"] = [fact(split.indemnite_preavis), fact(split.contribution),
                            fact(split.contribution_charges), fact(split.excedent)]
        out[v["id"]] = got
    for seniority in (0, 5, 6, 23, 24, 48, 130):
        for disabled in (False, True):
            out[f"notice {seniority} {disabled}"] = fact(A.legal_notice_months(seniority, disabled, scale))
    out["penalty"] = fact(A.penalty(Decimal("2500"), {"refus": 2, "adhesion": 3}))
    rate = lookup("taux_asp", date(2026, 3, 3))
    out["asp"] = fact(A.asp_daily(Decimal("98.40"), Decimal(rate.valeur), rate.reference))
    out["prime"] = _plain(A.prime_reclassement(date(2026, 3, 25), Decimal("73.80"), date(2026, 9, 1), 12, 10,
                                                Decimal(lookup("taux_prime_reclassement", date(2026, 3, 25)).valeur)))
    return out


def all_snapshots() -> dict[str, Any]:
    snaps: dict[str, Any] = {}
    for path in case_files():
        snaps["case:" + path.relative_to(ROOT).as_posix()] = case_snapshot(path)
    for name, snap in date_vector_snapshots():
        snaps["vector:" + name] = snap
    snaps["amounts"] = amount_vector_snapshot()
    return snaps


def fixture_name(key: str) -> str:
    return key.replace(":", "__").replace("/", "_").replace("@", "_at_") + ".json"


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for old in FIXTURES.glob("*.json"):
        old.unlink()
    for key, snap in all_snapshots().items():
        (FIXTURES / fixture_name(key)).write_text(dump(snap), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--ecrire"]:
        write()
    else:
        sys.exit(__doc__)
