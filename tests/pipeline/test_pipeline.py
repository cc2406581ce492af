"""The one generate pipeline (cspdocs.pipeline): same bytes serial or parallel, the streamed check
equal to the check of the written files, the compact manifest and its separate mention report."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cspdocs.generate import render_batch
from cspdocs.mentions import check_lot
from cspdocs.mentions.docx_quick import quick_paragraphs
from cspdocs.mentions.extract import docx_parts, docx_text, paragraph_texts, texte_parts
from cspdocs.pipeline import MentionsBloquantes, generate, load_case, run
from cspdocs.pipeline import workers
from cspdocs.render.modeles import load_templates
from tests.support.render import CASES, EXAMPLE_CASES

ALSACE = CASES / "collectif-alsace.yaml"


def tree(path: Path) -> dict[str, str]:
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


def test_parallel_and_serial_runs_give_identical_files_and_manifest(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "MIN_PARALLEL", 1)
    monkeypatch.setattr(workers, "CHUNK", 3)  # several chunks over two workers
    serial = generate(ALSACE, tmp_path / "serie", workers=1)
    parallel = generate(ALSACE, tmp_path / "parallele", workers=2)
    assert tree(serial.publication.dossier) == tree(parallel.publication.dossier)
    files = tree(serial.publication.dossier)
    assert sum(name.endswith(".docx") for name in files) == 10 * 4 - 1 + 2  # one LRAR handover: no récépissé, but its confirmation (E110); E103's notice of his new expiry date (issue 10)
    assert {"manifest.json", "mentions.json", "synthese.xlsx"} <= set(files)
    assert serial.documents == parallel.documents == 41


@pytest.mark.parametrize("case", EXAMPLE_CASES, ids=lambda p: p.stem)
def test_streamed_check_equals_the_check_of_the_written_documents(tmp_path, case):
    charge, resultat = load_case(case)
    generation = run(charge, resultat, tmp_path, workers=1)
    folder = generation.publication.dossier
    report = json.loads((folder / "mentions.json").read_text(encoding="utf-8"))
    # The reference: the check of the DOCX bytes (ZIP read back), as before the pipeline.
    reference = check_lot(resultat, render_batch(charge, resultat, load_templates())).to_json()
    assert [d for s in report["salaries"] for d in s["documents"]] == reference["documents"]
    assert [c for s in report["salaries"] for c in s["controles"]] == reference["controles"]
    assert report["statut"] == reference["statut"] == "conforme"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256((folder / "mentions.json").read_bytes()).hexdigest()
    assert manifest["mentions"]["rapport"] == {"chemin": "mentions.json", "sha256": digest}
    assert manifest["mentions"]["avertissements"] == reference["avertissements"]
    for entry in manifest["salaries"]:
        for artefact in entry["artefacts"]:
            expected = next(d for d in reference["documents"]
                            if d["matricule"] == entry["matricule"] and d["artefact"] == artefact["cle"])
            assert artefact["mentions_en_defaut"] == [
                [m["id"], m["statut"]] for m in expected["mentions"] if m["statut"] != "presente"]


def test_text_from_the_renderers_xml_equals_the_text_of_the_file():
    charge, resultat = load_case(ALSACE)
    modeles = load_templates()
    for rs in resultat.employees[:3]:
        from cspdocs.generate import render_employee

        textes: list = []
        lot = render_employee(resultat, rs, modeles, textes)
        for doc, (_, texte, _) in zip(lot.documents, textes):
            written = docx_text(doc.contenu)
            assert texte.paragraphes == written.paragraphes and texte.titre == written.titre


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


@pytest.mark.parametrize("body", [
    '<w:p><w:r><w:t>Un &amp; deux &lt;trois&gt; &#233;t&#xE9;</w:t></w:r></w:p>',
    '<w:p w:rsidR="00"><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    '<w:r><w:t xml:space="preserve">a </w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t>'
    '<w:noBreakHyphen/><w:t>d</w:t><w:cr/></w:r></w:p><w:p/><w:p><w:r><w:t/></w:r></w:p>',
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cellule</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    # nested paragraphs (a text box) and a fallback copy: read by lxml
    f'<w:p><w:r><w:t>avant</w:t><mc:AlternateContent {MC}><mc:Choice><w:txbxContent><w:p><w:r>'
    '<w:t>boîte</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r><w:t>copie</w:t>'
    '</w:r></w:p></mc:Fallback></mc:AlternateContent><w:t>après</w:t></w:r></w:p>',
    '<!-- <w:p><w:r><w:t>commentaire</w:t></w:r></w:p> --><w:p><w:r><w:t>texte</w:t></w:r></w:p>',
    # namespaces declared below the root element: the whole part is searched for them
    '<w:p><w:r xmlns:x="urn:x"><w:t>déclaré plus bas</w:t></w:r></w:p>',
    f'<w:p><w:r><x:t xmlns:x="{W[9:-1]}">autre préfixe</x:t><w:t>et w</w:t></w:r></w:p>',
])
def test_quick_reading_equals_lxml(body):
    xml = f"<?xml version='1.0' encoding='UTF-8'?><w:document {W}><w:body>{body}</w:body></w:document>"
    expected = paragraph_texts(xml.encode("utf-8"))
    assert texte_parts([("word/document.xml", "document", xml)]).paragraphes == tuple(expected)
    quick = quick_paragraphs(xml)
    assert quick is None or quick == expected


def test_another_prefix_for_wordprocessingml_is_read_by_lxml():
    xml = ('<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>'
           '<x:p><x:r><x:t>texte</x:t></x:r></x:p></x:body></x:document>')
    assert quick_paragraphs(xml) is None
    assert texte_parts([("word/document.xml", "document", xml)]).paragraphes == ("texte",)


def test_a_blocking_mention_publishes_nothing(tmp_path, monkeypatch):
    from cspdocs.mentions import checker

    original = checker.check_planned

    def lose_one(art, plan, text, matcher, employe, out):
        results: list = []
        original(art, plan, text, matcher, employe, results)
        if employe == "E105" and art.id == "lettre":
            results = [r.__class__(**{**r.__dict__, "statut": checker.ABSENTE}) if r.niveau == "obligatoire" else r
                       for r in results]
        out.extend(results)

    monkeypatch.setattr(checker, "check_planned", lose_one)
    with pytest.raises(MentionsBloquantes) as caught:
        generate(ALSACE, tmp_path, workers=1)
    text = caught.value.rapport.texte()
    assert "10 salariés, 41 documents vérifiés" in text and "E105" in text and "E101" not in text
    assert list(tmp_path.iterdir()) == []


def test_a_failure_in_a_worker_is_raised_with_its_own_message(tmp_path, monkeypatch):
    """A template error in a worker process reaches the caller as the real exception."""
    from cspdocs.generate import ErreurGeneration

    monkeypatch.setattr(workers, "MIN_PARALLEL", 1)
    monkeypatch.setattr(workers, "CHUNK", 2)
    original = workers.render_employee

    def failing(resultat, rs, modeles, textes=None):
        if rs.employee.matricule == "E107":
            from cspdocs.render.artefacts import ARTEFACTS
            from cspdocs.render.errors import ErreurModele

            raise ErreurGeneration("E107", ARTEFACTS[0], ErreurModele("information.docx", "word/document.xml",
                                                                      "document", "?", "panne simulée"))
        return original(resultat, rs, modeles, textes)

    monkeypatch.setattr(workers, "render_employee", failing)
    with pytest.raises(ErreurGeneration, match="panne simulée"):
        generate(ALSACE, tmp_path, workers=2)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.libreoffice
def test_a_header_of_the_following_pages_does_not_break_a_mention_in_the_pdf(tmp_path):
    """pse.yaml's maternity letter runs over a page break where only the second page has a header
    (« … Lettre recommandée du 12/06/2026 à Madame Émilie Guillou »): the PDF check reads the
    sentence whole, as in the DOCX (before: MAT.1 « DOCX : présente ; PDF : absente », nothing
    published)."""
    from tests.support.pdf import require_libreoffice

    require_libreoffice()
    generation = generate(CASES / "pse.yaml", tmp_path, pdf=True, workers=1)
    assert generation.etape.rapport is not None and not generation.etape.rapport.blocking
    assert (generation.publication.dossier / "F-3310-Guillou" / "dossier.pdf").is_file()


# Words the regex pass looks for as markup, brought by a value as text: the renderer escapes them,
# so a template of plain structure stays read by the regex pass (docx_quick.plain_source).
MARKUP_WORDS = ["Fallback", "txbxContent", "AlternateContent", "<!-- c -->", "<![CDATA[x]]>", "<!DOCTYPE d>",
                "<?pi x?>", "xmlns:w = 'urn:x'", 'xmlns:a="urn:y"', "a\r\nb\rc", "</w:p><w:p>", "<w:tabs>"]


def test_text_from_the_renderers_xml_equals_the_file_with_markup_in_the_values():
    from cspdocs.engine.compute import compute_dossier
    from cspdocs.generate import render_employee
    from tests.support.fuzz import FREE_TEXT_FIELDS, set_path, simple_case, try_load

    data = simple_case()
    for index, (path, _) in enumerate(FREE_TEXT_FIELDS):
        set_path(data, path, f"{MARKUP_WORDS[index % len(MARKUP_WORDS)]} {index}")
    charged, error = try_load(data)
    assert error is None, str(error)
    resultat = compute_dossier(charged.dossier, charged.nom)
    textes: list = []
    lot = render_employee(resultat, resultat.employees[0], load_templates(), textes)
    assert len(lot.documents) == 4
    for doc, (_, texte, _) in zip(lot.documents, textes):
        written = docx_text(doc.contenu)
        assert texte.paragraphes == written.paragraphes
    assert any("Fallback" in p for _, t, _ in textes for p in t.paragraphes)


def test_a_part_is_known_plain_only_when_its_source_is():
    from cspdocs.mentions.docx_quick import plain_parts, plain_source

    root = f"<?xml version='1.0' encoding='UTF-8'?><w:document {W}><w:body>"
    assert plain_source(root + "<w:p><w:r><w:t>{{ x }}</w:t></w:r></w:p></w:body></w:document>")
    # a template tag in the root element, a namespace declared below it, markup the pass avoids
    assert not plain_source(f"<w:document {W} {{% if a %}}x=\"1\"{{% endif %}}><w:body/></w:document>")
    assert not plain_source(root + '<w:p xmlns:x="urn:x"/></w:body></w:document>')
    assert not plain_source(root + "<!-- c --><w:p/></w:body></w:document>")
    assert not plain_source(root + "<w:p><w:r><w:t>{{ '<?' }}</w:t></w:r></w:p></w:body></w:document>")
    for loaded in load_templates().values():  # every text part of the default templates
        assert plain_parts(loaded.modele) == {n for n in loaded.modele.sources if not n.startswith("docProps/")}
