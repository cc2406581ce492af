"""synthese.xlsx's rows written by xlsx_rows.DirectRows have the bytes openpyxl gives cell by cell,
and generate's HR files come from the parts its workers made (no second computation)."""

from __future__ import annotations

import functools
import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cspdocs.case.errors import DossierInvalide
from cspdocs.casework import load_case
from cspdocs.pipeline import run
from cspdocs.rh import echeances, sorties
from cspdocs.rh.classeur import enregistrer_reproductible
from cspdocs.rh.sorties import VERIFIEES, ecrire
from cspdocs.rh.synthese import Suivi
from cspdocs.rh.synthese_xlsx import SyntheseXlsx
from cspdocs.rh.xlsx_rows import DirectRows
from tests.support.render import CASES, EXAMPLE_CASES

AU = date(2026, 12, 2)
SUIVI = sorted((CASES / "suivi").glob("*.yaml"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _links(resultat) -> Suivi:
    suivi = Suivi(mentions_defaut=VERIFIEES)
    for i, rs in enumerate(resultat.employees):
        m = rs.employee.matricule
        docs = [("document d'information", f"{m}/information.docx"), ("lettre", f"{m}/lettre.docx")]
        suivi.documents[m] = docs if i % 3 else docs[:1] + [("récépissé", f"{m}/recepisse & <reçu>.docx")]
    return suivi


# (case, as-of date) whose journal records events after that date: the case is refused (no summary)
REFUSED = {("2-pendant-delai", date(2026, 9, 20)), ("3-apres-rupture", date(2026, 9, 20))}


@pytest.mark.parametrize("case", EXAMPLE_CASES + SUIVI, ids=lambda p: p.stem)
@pytest.mark.parametrize("au", [AU, date(2026, 9, 20)])
def test_the_summary_has_openpyxl_s_bytes(tmp_path, monkeypatch, case, au):
    if (case.stem, au) in REFUSED:
        with pytest.raises(DossierInvalide, match="postérieure à la date d.observation .* \\(R-75\\)"):
            load_case(case, au=au)
        return
    _, resultat = load_case(case, au=au)
    suivi = _links(resultat)
    (tmp_path / "direct").mkdir()
    (tmp_path / "openpyxl").mkdir()
    ecrire(tmp_path / "direct", resultat, suivi, au)
    monkeypatch.setattr(sorties, "SyntheseXlsx", functools.partial(SyntheseXlsx, direct=False))
    ecrire(tmp_path / "openpyxl", resultat, suivi, au)
    assert _sha(tmp_path / "direct" / "synthese.xlsx") == _sha(tmp_path / "openpyxl" / "synthese.xlsx")


TRICKY = ["a & b < c > d", "  espaces autour ", "retour\r\nchariot\rseul", "accents éèà — œ €", "emoji 😀",
          "=1+1", "#N/A", "", "x", "tab\tau milieu", "\u2028séparateur\x85", "'=apostrophe"]
NUMBERS = [0, -3, 12345678901234567, 1.5, float("nan"), Decimal("1234.56"), Decimal("-0.10"), True]


def _workbook(direct: bool, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Feuille")
    sheet.append(["en-tête"] * 6)
    red = Font(color="C00000", bold=True)

    def date_format(cell):
        cell.number_format = "DD/MM/YYYY"

    def red_font(cell):
        cell.font = red

    def link_style(cell):
        cell.style = "Hyperlink"

    rows = DirectRows(sheet, 6) if direct else None
    items = [[t, n, ("date", date(2026, 1 + i % 12, 1 + i), date_format), ("rouge", t, red_font),
              ("lien", t or "vide", link_style, f"dossier/{i}.docx"), None if i % 2 else date(2020, 2, 29)]
             for i, (t, n) in enumerate(zip(TRICKY, NUMBERS * 2))]
    items.append([("rouge", date(2026, 3, 4), red_font), ("date", 3, date_format), None, None, None, None])
    for row in items:
        if direct:
            rows.append(row)
            continue
        cells = []
        for item in row:
            if type(item) is tuple:
                cell = WriteOnlyCell(sheet, item[1])
                if len(item) > 3:
                    cell.hyperlink = item[3]
                item[2](cell)
                item = cell
            cells.append(item)
        sheet.append(cells)
    enregistrer_reproductible(book, path, {"Feuille": rows} if direct else None)


def test_tricky_values_and_styles_have_openpyxl_s_bytes(tmp_path):
    _workbook(True, tmp_path / "direct.xlsx")
    _workbook(False, tmp_path / "openpyxl.xlsx")
    assert _sha(tmp_path / "direct.xlsx") == _sha(tmp_path / "openpyxl.xlsx")


def test_a_text_openpyxl_refuses_is_refused_the_same(tmp_path):
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    sheet = Workbook(write_only=True).create_sheet("Feuille")
    with pytest.raises(IllegalCharacterError):
        DirectRows(sheet, 1).append(["contrôle \x01"])


def test_generate_writes_the_hr_files_from_the_workers_parts(tmp_path, monkeypatch):
    """The facts as of the date, computed to render the documents, are not computed again for the
    summary: the HR files of a full run need no ``faits_au``, and are those of ``cspdocs synthese``
    with the links and the mention status."""
    case = CASES / "collectif-alsace.yaml"
    charge, resultat = load_case(case, au=AU)
    monkeypatch.setattr(echeances, "faits_au", lambda *a, **k: pytest.fail("recomputed"))
    generation = run(charge, resultat, tmp_path / "sortie", workers=1)
    folder = generation.publication.dossier
    monkeypatch.undo()
    entries = generation.publication.manifest["salaries"]
    suivi = sorties.suivi_publication(entries)
    (tmp_path / "seul").mkdir()
    ecrire(tmp_path / "seul", resultat, suivi, AU)
    for name in sorties.FICHIERS:
        assert _sha(folder / name) == _sha(tmp_path / "seul" / name), name
