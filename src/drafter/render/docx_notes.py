"""Real Word footnotes: the word/footnotes.xml part and superscript indicators in the text.

Each footnote becomes a ``w:footnote`` whose indicator Word numbers itself. When the
draft's note ids are not a run of consecutive numbers (legacy notes 33, 34...), the
numbering starts where they start; when they cannot be numbered at all ("a", gaps), each
reference carries its id as a custom mark (``w:customMarkFollows``), as Word does for "*".
A second reference to the same note is a superscript number in the "Footnote Reference"
style, which is how UN documents repeat an indicator.
"""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml

from ..model import Inline, Resolution, Run

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
SEPARATORS = (
    f'<w:footnote {nsdecls("w")} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
    f'<w:footnote {nsdecls("w")} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
    'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r>'
    '</w:p></w:footnote>',
)
SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "w:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator")


def run_element(text: str, italic: bool = False, style: str | None = None):
    """A ``w:r`` with text (tabs as ``w:tab``), optionally italic or in a character style."""
    r = OxmlElement("w:r")
    if italic or style:
        rpr = OxmlElement("w:rPr")
        if style:
            rs = OxmlElement("w:rStyle")
            rs.set(qn("w:val"), style)
            rpr.append(rs)
        if italic:
            rpr.append(OxmlElement("w:i"))
        r.append(rpr)
    for i, chunk in enumerate(text.split("\t")):
        if i:
            r.append(OxmlElement("w:tab"))
        if chunk:
            t = OxmlElement("w:t")
            t.text = chunk
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    return r


def _ids_in_order(doc: Resolution) -> list[str]:
    seen: list[str] = []
    for p in doc.paragraphs:
        for fid in p.footnote_refs:
            if fid not in seen and doc.footnote(fid) is not None:
                seen.append(fid)
    return seen


class FootnoteWriter:
    """Collects footnotes while the body is written; ``finish`` adds the part to the package."""

    def __init__(self, document, doc: Resolution):
        self.document = document
        self.doc = doc
        order = _ids_in_order(doc)
        self.start = int(order[0]) if order and order[0].isdigit() and str(int(order[0])) == order[0] else 1
        self.auto = bool(order) and order == [str(self.start + k) for k in range(len(order))]
        self.placed: set[str] = set()
        self.notes: dict[str, object] = {}  # drafter id -> w:footnote
        self.content = None  # optional (id, runs) -> run elements, e.g. a redlined note text

    def reference(self, fid: str) -> list:
        """Run elements standing for the indicator of note ``fid`` at this point of the text."""
        note = self.doc.footnote(fid)
        if note is None or fid in self.placed:
            return [run_element(fid, style="FootnoteReference")]
        self.placed.add(fid)
        word_id = str(len(self.notes) + 1)
        ref_run = run_element("", style="FootnoteReference")
        ref = OxmlElement("w:footnoteReference")
        if not self.auto:
            ref.set(qn("w:customMarkFollows"), "1")
        ref.set(qn("w:id"), word_id)
        ref_run.append(ref)
        out = [ref_run]
        if not self.auto:
            out.append(run_element(fid, style="FootnoteReference"))
        self.notes[fid] = self._note(word_id, fid, note.runs)
        return out

    def _note(self, word_id: str, fid: str, runs: tuple[Inline, ...]):
        fn = OxmlElement("w:footnote")
        fn.set(qn("w:id"), word_id)
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), "FootnoteText")
        ppr.append(ps)
        p.append(ppr)
        if self.auto:
            mark = run_element("", style="FootnoteReference")
            mark.append(OxmlElement("w:footnoteRef"))
        else:
            mark = run_element(fid, style="FootnoteReference")
        p.append(mark)
        p.append(run_element("\t"))
        revised = self.content(fid, runs) if self.content else None
        for el in revised if revised is not None else ():
            p.append(el)
        for r in runs if revised is None else ():
            if isinstance(r, Run):
                p.append(run_element(r.text, r.italic))
            else:
                p.append(run_element(r.id, style="FootnoteReference"))
        fn.append(p)
        return fn

    def unreferenced(self) -> list:
        """Notes no paragraph points to (Word cannot hold those as footnotes)."""
        return [f for f in self.doc.footnotes if f.id not in self.placed]

    def finish(self) -> None:
        if not self.notes:
            return
        root = parse_xml(f'<w:footnotes {nsdecls("w", "r")}/>')
        for xml in SEPARATORS:
            root.append(parse_xml(xml))
        for fn in self.doc.footnotes:  # in the draft's order: the importer reads them back so
            if fn.id in self.notes:
                root.append(self.notes.pop(fn.id))
        from lxml import etree
        blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, self.document.part.package)
        self.document.part.relate_to(part, RT.FOOTNOTES)
        settings = self.document.settings.element
        pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
                       '</w:footnotePr>')
        settings.insert_element_before(pr, *SETTINGS_AFTER_FOOTNOTEPR)
        if self.auto and self.start != 1:
            sect = self.document.sections[-1]._sectPr
            sect_pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:numStart w:val="{self.start}"/>'
                                '</w:footnotePr>')
            refs = sect.findall(qn("w:headerReference")) + sect.findall(qn("w:footerReference"))
            sect.insert(len(refs), sect_pr)

