"""`cspdocs generate --pdf` with the real LibreOffice, on the example cases.

Every letter variant is covered with few documents: collectif-alsace.yaml E101 (conservatoire),
E107 (apres_acceptation) and E110 (handed over by registered letter: no receipt), and
individuel.yaml V-0112 (licenciement). Skipped without LibreOffice, failed when $CI is set
(tests/support/pdf.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.engine.compute import compute_dossier
from cspdocs.mentions import check_rendered
from cspdocs.pdf import read_outline
from cspdocs.pdf.text import extract_pages
from tests.support.pdf import require_libreoffice
from tests.support.paths import ROOT

pytestmark = pytest.mark.libreoffice

ALSACE = ROOT / "cases" / "collectif-alsace.yaml"
INDIVIDUEL = ROOT / "cases" / "individuel.yaml"
ALSACE_ARGS = ("--employe", "E101", "--employe", "E107", "--employe", "E110")

INFORMATION = "Document d'information CSP et bulletin d'acceptation"
MOTIF = "Énoncé du motif économique"
RECEPISSE = "Récépissé de remise"
LETTRE = "Lettre recommandée avec demande d'avis de réception"
CONFIRMATION = "Confirmation de la remise à distance et des dates du délai"

# Page counts laid out by LibreOffice 7.4 with fonts-liberation2 (also checked below against
# the "Page i / N" footer every template prints, which LibreOffice's own layout fills in).
EXPECTED_PAGES = {
    ("collectif-alsace", "E101"): {"information": 4, "recepisse": 1, "lettre": 2, "motif": 2},
    ("collectif-alsace", "E107"): {"information": 4, "recepisse": 1, "lettre": 2, "motif": 2},
    ("collectif-alsace", "E110"): {"information": 4, "lettre": 2, "motif": 2, "confirmation": 1},
    ("individuel", "V-0112"): {"information": 4, "recepisse": 1, "lettre": 2, "motif": 2},
}
EXPECTED_VARIANTS = {"E101": "conservatoire", "E107": "apres_acceptation", "E110": "conservatoire",
                     "V-0112": "licenciement"}
MOMENTS = {"collectif-alsace": "D:20260313000000Z", "individuel": "D:20260511000000Z"}
EMPLOYERS = {"collectif-alsace": "Cartonnerie de l'Ill SAS", "individuel": "Imprimerie Vaudrey SAS"}
_FOOTER = re.compile(r"Page\s*(\d+)\s*/\s*(\d+)")


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def tree(path: Path) -> dict[str, str]:
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def alsace(tmp_path_factory) -> tuple[Path, Path, str]:
    """The same selection generated twice, in two output folders."""
    require_libreoffice()
    folders, outputs = [], []
    for name in ("un", "deux"):
        out = tmp_path_factory.mktemp(name)
        result = run("generate", ALSACE, "-o", out, "--pdf", "--dossier-global", *ALSACE_ARGS)
        assert result.exit_code == 0, result.output
        folders.append(out / "collectif-alsace")
        outputs.append(result.output)
    return folders[0], folders[1], outputs[0]


@pytest.fixture(scope="module")
def individuel(tmp_path_factory) -> tuple[Path, Path]:
    """individuel.yaml with --pdf, and a copy with "pdf: true" generated without the flag."""
    require_libreoffice()
    with_flag = tmp_path_factory.mktemp("option")
    result = run("generate", INDIVIDUEL, "-o", with_flag, "--pdf")
    assert result.exit_code == 0, result.output
    copy_dir = tmp_path_factory.mktemp("cle")
    case = copy_dir / "individuel.yaml"
    case.write_text(INDIVIDUEL.read_text(encoding="utf-8") + "\npdf: true\n", encoding="utf-8")
    with_key = tmp_path_factory.mktemp("sortie-cle")
    result = run("generate", case, "-o", with_key)
    assert result.exit_code == 0, result.output
    return with_flag / "individuel", with_key / "individuel"


def _entries(folder: Path):
    for entry in manifest(folder)["salaries"]:
        yield entry, {a["cle"]: a for a in entry["artefacts"]}


def test_every_letter_variant_is_covered(alsace, individuel) -> None:
    seen = {}
    for folder in (alsace[0], individuel[0]):
        for entry, artefacts in _entries(folder):
            seen[entry["matricule"]] = artefacts["lettre"]["variante"]
    assert seen == EXPECTED_VARIANTS
    assert set(seen.values()) == {"conservatoire", "apres_acceptation", "licenciement"}


def test_each_artefact_pdf_exists_with_its_page_count(alsace, individuel) -> None:
    for folder in (alsace[0], individuel[0]):
        case = folder.name
        for entry, artefacts in _entries(folder):
            expected = EXPECTED_PAGES[(case, entry["matricule"])]
            assert {k: a["pdf"]["pages"] for k, a in artefacts.items()} == expected
            for key, artefact in artefacts.items():
                pdf = folder / artefact["pdf"]["chemin"]
                assert pdf == (folder / artefact["chemin"]).with_suffix(".pdf")  # beside the DOCX
                data = pdf.read_bytes()
                assert hashlib.sha256(data).hexdigest() == artefact["pdf"]["sha256"]
                reader = PdfReader(pdf)
                assert len(reader.pages) == expected[key]
                # LibreOffice's own count: the footer's "Page i / N" on every page.
                footers = [_FOOTER.findall(text) for text in extract_pages(reader)]
                assert footers == [[(str(i), str(expected[key]))] for i in range(1, expected[key] + 1)], pdf
                # Dates come from the case (earliest handover), never from the clock.
                assert reader.metadata["/CreationDate"] == MOMENTS[case]
                assert reader.metadata["/ModDate"] == MOMENTS[case]
                assert reader.metadata.author == EMPLOYERS[case]


def test_pdf_text_passes_the_mention_check(alsace, individuel) -> None:
    for folder, case in ((alsace[0], ALSACE), (individuel[0], INDIVIDUEL)):
        data = manifest(folder)
        report = data["complements"]["pdf"]["mentions"]
        assert report["statut"] == "conforme"
        assert report["mentions_obligatoires_en_defaut"] == 0
        assert report["ecarts_docx_pdf"] == []
        n_pdf = sum(len(e["artefacts"]) for e in data["salaries"])
        assert len(report["documents"]) == n_pdf
        assert all(d["conforme"] and d["fichier"].endswith(".pdf") for d in report["documents"])
        assert all(m["statut"] == "presente" for d in report["documents"] for m in d["mentions"]
                   if m["id"] in {"1.2", "1.4", "3A.1"})
        # Independently of the stage: the published PDF bytes, through the generic checker.
        charge = load_dossier(case)
        resultat = compute_dossier(charge.dossier, charge.nom)
        rendered = {
            entry["matricule"]: {k: (folder / a["pdf"]["chemin"]).read_bytes() for k, a in artefacts.items()}
            for entry, artefacts in _entries(folder)
        }
        rapport = check_rendered(resultat, rendered)
        assert not rapport.blocking, rapport.texte()


def test_dossier_bookmarks_order_and_metadata(alsace) -> None:
    folder = alsace[0]
    expected = {
        "E101": [INFORMATION, MOTIF, RECEPISSE, LETTRE],
        "E107": [INFORMATION, MOTIF, RECEPISSE, LETTRE],
        # registered-letter handover: no receipt; the confirmation of its dates (R-79, issue 10)
        "E110": [INFORMATION, MOTIF, CONFIRMATION, LETTRE],
    }
    names = {"E101": "Thomas Muller", "E107": "Julien Fischer", "E110": "Julie Becker"}
    for entry, artefacts in _entries(folder):
        matricule = entry["matricule"]
        dossier = folder / entry["repertoire"] / "dossier.pdf"
        assert entry["dossier_pdf"]["chemin"] == f"{entry['repertoire']}/dossier.pdf"
        assert hashlib.sha256(dossier.read_bytes()).hexdigest() == entry["dossier_pdf"]["sha256"]
        outline = read_outline(dossier)
        assert [title for _, title, _ in outline] == expected[matricule]
        assert all(depth == 0 for depth, _, _ in outline)
        by_title = {c["titre"]: c["cle"] for c in entry["dossier_pdf"]["contenu"]}
        reader = PdfReader(dossier)
        pages = extract_pages(reader)
        first = 0
        for depth, title, page in outline:
            part = folder / artefacts[by_title[title]]["pdf"]["chemin"]
            part_pages = extract_pages(part)
            assert page == first
            assert pages[first:first + len(part_pages)] == part_pages  # the artefact's own pages
            first += len(part_pages)
        assert len(reader.pages) == first == entry["dossier_pdf"]["pages"]
        assert [c["page"] for c in entry["dossier_pdf"]["contenu"]] == [p + 1 for _, _, p in outline]
        meta = reader.metadata
        assert meta.title == f"Contrat de sécurisation professionnelle – {names[matricule]}"
        assert meta.author == "Cartonnerie de l'Ill SAS"
        assert meta.subject == f"{names[matricule]} (matricule {matricule})"
        assert meta["/CreationDate"] == MOMENTS["collectif-alsace"]


def test_global_dossier_has_nested_bookmarks(alsace) -> None:
    folder, _, output = alsace
    data = manifest(folder)
    entry = data["complements"]["pdf"]["dossier_global"]
    assert entry["chemin"] == "dossier-global.pdf" and entry["salaries"] == ["E101", "E107", "E110"]
    assert f"Dossier global : {folder / 'dossier-global.pdf'}" in output
    outline = read_outline(folder / "dossier-global.pdf")
    assert outline == [
        (0, "Thomas Muller (E101)", 0),
        (1, INFORMATION, 0), (1, MOTIF, 4), (1, RECEPISSE, 6), (1, LETTRE, 7),
        (0, "Julien Fischer (E107)", 9),
        (1, INFORMATION, 9), (1, MOTIF, 13), (1, RECEPISSE, 15), (1, LETTRE, 16),
        (0, "Julie Becker (E110)", 18),
        (1, INFORMATION, 18), (1, MOTIF, 22), (1, CONFIRMATION, 24), (1, LETTRE, 25),
    ]
    reader = PdfReader(folder / "dossier-global.pdf")
    assert len(reader.pages) == entry["pages"] == 27
    assert reader.metadata.author == "Cartonnerie de l'Ill SAS"
    assert reader.metadata.subject == "3 salariés : E101, E107, E110"


def test_two_runs_give_identical_bytes_and_manifest(alsace) -> None:
    first, second, _ = alsace
    files = tree(first)
    assert files == tree(second)
    assert sum(name.endswith(".pdf") for name in files) == 12 + 3 + 1  # artefacts (E110's confirmation included), dossiers, global
    assert (first / "manifest.json").read_bytes() == (second / "manifest.json").read_bytes()
    complements = manifest(first)["complements"]["pdf"]
    assert complements["moment"] == "2026-03-13T00:00:00+00:00"
    assert complements["producteur"].startswith("LibreOffice")


def test_case_file_option_works_like_the_flag(individuel) -> None:
    with_flag, with_key = individuel
    pdfs = {n: h for n, h in tree(with_flag).items() if n.endswith(".pdf")}
    assert pdfs and pdfs == {n: h for n, h in tree(with_key).items() if n.endswith(".pdf")}
    assert set(pdfs) == {
        "V-0112-Benali/1-document-information-csp.pdf", "V-0112-Benali/2-recepisse.pdf",
        "V-0112-Benali/3-lettre-recommandee.pdf", "V-0112-Benali/4-enonce-motif-economique.pdf",
        "V-0112-Benali/dossier.pdf",
    }
    a, b = manifest(with_flag), manifest(with_key)
    assert a["salaries"][0]["artefacts"] == b["salaries"][0]["artefacts"]
    assert a["salaries"][0]["dossier_pdf"] == b["salaries"][0]["dossier_pdf"]
    assert a["complements"] == b["complements"]
    assert b["complements"]["pdf"]["dossier_global"] is None


def test_selection_keeps_other_employees_pdfs_in_the_global_dossier(alsace, tmp_path) -> None:
    source, _, _ = alsace
    out = tmp_path / "sortie"
    shutil.copytree(source, out / "collectif-alsace")
    before = tree(out / "collectif-alsace")
    result = run("generate", ALSACE, "-o", out, "--pdf", "--dossier-global", "--employe", "E107")
    assert result.exit_code == 0, result.output
    after = tree(out / "collectif-alsace")
    # Same inputs, same bytes: E107 regenerated, E101 and E110 carried over with their PDFs,
    # the global dossier rebuilt from all three; only the manifest's selection (and this run's
    # mention report) differ.
    assert set(after) == set(before)
    own = ("manifest.json", "mentions.json")  # this run's manifest and mention report
    assert {n: h for n, h in after.items() if n not in own} == {n: h for n, h in before.items() if n not in own}
    data = manifest(out / "collectif-alsace")
    assert data["selection"] == ["E107"]
    assert data["complements"]["pdf"]["dossier_global"]["salaries"] == ["E101", "E107", "E110"]
    assert {e["matricule"]: e for e in data["salaries"]} == {
        e["matricule"]: e for e in manifest(source)["salaries"]}
    assert [t for d, t, _ in read_outline(out / "collectif-alsace" / "dossier-global.pdf") if d == 0] == [
        "Thomas Muller (E101)", "Julien Fischer (E107)", "Julie Becker (E110)"]


# Known layout defects of the default templates (none since the récépissé fits on one page,
# tests/render/test_templates_pages.py).
KNOWN_BLANK_PAGES: set[tuple[str, str, int]] = set()


def test_no_page_is_blank(alsace, individuel) -> None:
    """Every page carries text besides its header and footer (known defects listed above)."""
    blank = set()
    for folder in (alsace[0], individuel[0]):
        for entry, artefacts in _entries(folder):
            for artefact in artefacts.values():
                pdf = folder / artefact["pdf"]["chemin"]
                for number, text in enumerate(extract_pages(pdf), start=1):
                    lines = [line for line in text.splitlines() if line.strip()]
                    if len(lines) <= 2:  # header and footer only
                        blank.add((entry["matricule"], pdf.name, number))
    assert blank == KNOWN_BLANK_PAGES
