"""The compiled renderer: escaping in every part, determinism, errors naming template and paragraph."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import docx
import pytest
from docxtpl import DocxTemplate

from cspdocs.render import exemple
from cspdocs.render.context import build_context
from cspdocs.render.environment import make_environment
from cspdocs.render.errors import ErreurModele
from cspdocs.render.modeles import default_templates_dir, load_templates
from cspdocs.render.renderer import CompiledTemplate
from tests.support.render import UNRENDERED, all_text, python_docx_text, zip_is_valid

NASTY = "O'Brien\x01 & <Fils>\x0b \"SA\""
NASTY_CLEAN = "O'Brien & <Fils> \"SA\""
STAMP = date(2026, 3, 3)


def _context(**employeur):
    r = exemple.resultat(1, **employeur)
    return build_context(r, r.employees[0])


def _nasty_context():
    r = exemple.resultat(1, raison_sociale=NASTY)
    s = r.employees[0]
    salarie = s.employee.model_copy(update={"nom": NASTY, "emploi": "agent <B> & \"C\""})
    rs = exemple.resultat_salarie(salarie)
    return build_context(r, rs)


def _make_template(body: list[list[str]], footer: str = "", title: str = "", header: str = "") -> bytes:
    """A small template written with python-docx; each paragraph given as a list of runs."""
    document = docx.Document()
    for runs in body:
        p = document.add_paragraph()
        for text in runs:
            p.add_run(text)
    section = document.sections[0]
    if footer:
        section.footer.paragraphs[0].add_run(footer)
    if header:
        section.header.paragraphs[0].add_run(header)
    document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def modeles():
    return load_templates()


@pytest.mark.parametrize("name", ["information.docx", "recepisse.docx", "lettre.docx", "motif.docx"])
def test_special_characters_intact_in_body_headers_footers_and_properties(modeles, name):
    data = modeles[name].modele.rendre(_nasty_context(), STAMP)
    assert zip_is_valid(data)
    document = docx.Document(io.BytesIO(data))  # opens: the XML is valid
    body = "\n".join(p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs)
    body += "\n".join(p.text for p in document.paragraphs)
    assert NASTY_CLEAN in body
    section = document.sections[0]
    assert NASTY_CLEAN in section.header.paragraphs[0].text  # running header, pages 2+
    assert NASTY_CLEAN in section.footer.paragraphs[0].text
    assert NASTY_CLEAN in section.first_page_footer.paragraphs[0].text
    props = document.core_properties
    assert NASTY_CLEAN in props.title  # the employee's name, escaped once (no &amp;#39;)
    assert props.author.startswith(NASTY_CLEAN)
    assert "&#" not in props.title and "&amp;" not in props.author
    text = all_text(data)
    assert "\x01" not in text and "\x0b" not in text
    assert not UNRENDERED.search(text)


def test_same_input_same_bytes(modeles):
    ctx = _context()
    from cspdocs.render.artefacts import PRINCIPAUX  # the follow-up documents need their own dates

    for name, m in modeles.items():
        if name not in {a.modele for a in PRINCIPAUX}:
            continue
        first = m.modele.rendre(ctx, STAMP)
        assert m.modele.rendre(ctx, STAMP) == first
        assert CompiledTemplate.charger(m.chemin).rendre(ctx, STAMP) == first


def test_zip_has_fixed_timestamps_and_template_member_order(modeles):
    m = modeles["lettre.docx"]
    data = m.modele.rendre(_context(), STAMP)
    out = zipfile.ZipFile(io.BytesIO(data))
    assert {i.date_time for i in out.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    template_names = zipfile.ZipFile(m.chemin).namelist()
    assert out.namelist() == template_names


def test_core_dates_come_from_the_case_not_the_clock(modeles):
    data = modeles["motif.docx"].modele.rendre(_context(), date(2026, 3, 3))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.created.date() == date(2026, 3, 3) and props.modified.date() == date(2026, 3, 3)


def test_undefined_variable_names_template_and_paragraph():
    data = _make_template([["Introduction."], ["Fin du délai : {{ dates.fin_inconnue|date_longue }} à minuit."]])
    modele = CompiledTemplate(data, "maison.docx")
    with pytest.raises(ErreurModele) as info:
        modele.rendre(_context(), STAMP)
    err = info.value
    assert err.modele == "maison.docx"
    assert err.partie == "word/document.xml"
    assert "Fin du délai : {{ dates.fin_inconnue|date_longue }} à minuit." == err.paragraphe
    assert "fin_inconnue" in str(err)
    assert "maison.docx" in str(err) and "corps du document" in str(err)


def test_undefined_variable_in_a_footer_is_located():
    data = _make_template([["Corps."]], footer="Réf. {{ salarie.inconnu }}")
    with pytest.raises(ErreurModele) as info:
        CompiledTemplate(data, "pied.docx").rendre(_context(), STAMP)
    assert info.value.type_partie == "footer"
    assert "Réf. {{ salarie.inconnu }}" in info.value.paragraphe
    assert "pied de page" in str(info.value)


def test_syntax_error_is_reported_at_compile_time():
    data = _make_template([["Bonjour"], ["{% if salarie.nom %}sans fin"]])
    with pytest.raises(ErreurModele, match="modèle « cassé.docx »"):
        CompiledTemplate(data, "cassé.docx")


def test_raw_date_is_refused_with_the_paragraph():
    data = _make_template([["Remis le {{ dates.remise }}."]])
    with pytest.raises(ErreurModele, match="date_longue") as info:
        CompiledTemplate(data, "brut.docx").rendre(_context(), STAMP)
    assert info.value.paragraphe == "Remis le {{ dates.remise }}."


def test_sandbox_applies_to_templates():
    data = _make_template([["{{ salarie.nom.__class__.__mro__ }}"]])
    with pytest.raises(ErreurModele, match="« __class__ » est interdit"):
        CompiledTemplate(data, "malin.docx").rendre(_context(), STAMP)


def test_tag_split_across_runs_by_word_still_renders():
    # Word splits text into runs (spell check, revisions); docxtpl's patch joins tags again.
    data = _make_template([["Madame ", "{{ sala", "rie.nom }}", " – {{ dates.remise|", "date_longue }}"]],
                          title="{{ employeur.raison_sociale }}")
    out = CompiledTemplate(data, "coupé.docx").rendre(_context(), STAMP)
    text = python_docx_text(out)
    assert "Madame Bernard – mardi 3 mars 2026" in text
    assert "Ateliers Durand" in docx.Document(io.BytesIO(out)).core_properties.title


def test_line_breaks_in_values_become_word_breaks():
    data = _make_template([["{{ procedure.reclassement }}"]])
    r = exemple.resultat(1)
    proc = r.case.procedure.model_copy(update={"reclassement": "Ligne 1\nLigne 2\tfin"})
    r = type(r)(name=r.name, case=r.case.model_copy(update={"procedure": proc}), regime=r.regime,
                employees=r.employees)
    out = CompiledTemplate(data, "lignes.docx").rendre(build_context(r, r.employees[0]), STAMP)
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert "<w:br/>" in xml and "<w:tab/>" in xml


def test_same_text_as_a_plain_docxtpl_render():
    """Parity with docxtpl for an ordinary context (no special characters)."""
    ctx = _context()
    for name in ("lettre.docx", "recepisse.docx"):
        path = default_templates_dir() / name
        ours = CompiledTemplate.charger(path).rendre(ctx, STAMP)
        tpl = DocxTemplate(str(path))
        tpl.render(ctx, jinja_env=make_environment())
        buffer = io.BytesIO()
        tpl.save(buffer)
        doc_ours = docx.Document(io.BytesIO(ours))
        doc_ref = docx.Document(io.BytesIO(buffer.getvalue()))
        assert [p.text for p in doc_ours.paragraphs] == [p.text for p in doc_ref.paragraphs]
        for t1, t2 in zip(doc_ours.tables, doc_ref.tables):
            assert [c.text for r in t1.rows for c in r.cells] == [c.text for r in t2.rows for c in r.cells]


def test_sources_expose_the_jinja_source_for_linting(modeles):
    sources = modeles["lettre.docx"].modele.sources
    assert "word/document.xml" in sources and "docProps/core.xml" in sources
    assert any("{% if lettre.variante" in s for s in sources.values())


def test_inline_if_spanning_a_table_is_reported_not_written():
    # An inline {% if %} opened in a paragraph and closed inside a table cell breaks the XML
    # when false: the error is raised instead of writing a document Word would refuse.
    document = docx.Document()
    document.add_paragraph("Début {% if conditions.pse %}texte")
    document.add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0].add_run("suite{% endif %} fin")
    buffer = io.BytesIO()
    document.save(buffer)
    modele = CompiledTemplate(buffer.getvalue(), "bancal.docx")
    with pytest.raises(ErreurModele, match="XML valide"):
        modele.rendre(_context(), STAMP)
