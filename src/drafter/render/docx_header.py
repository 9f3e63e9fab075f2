"""The UN header block of an exported .docx, and the metadata stored alongside it.

People read the header lines (organ, symbol, distribution, date, session, agenda item,
sponsor line); drafter also stores the whole front matter as YAML in a custom XML part so
that fields with no printed form (``extra``, ``delegation``) survive the round trip. On
import the stored copy is trusted only while the printed header still reads exactly as
drafter wrote it; once a person edits the header in Word, the printed text wins.
"""
from __future__ import annotations

from lxml import etree

from ..model import Meta

NS = "urn:drafter:front-matter"
CUSTOM_XML_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"

STATUS_WORDS = {"draft": "draft resolution", "revised": "revised draft resolution",
                "adopted": "resolution", "report": "report"}


def join_names(names: tuple[str, ...]) -> str:
    """UN sponsor lists: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def sponsor_line(meta: Meta) -> str | None:
    if not meta.sponsors:
        return None
    words = STATUS_WORDS.get(meta.status.kind, meta.status.kind)
    return f"{join_names(meta.sponsors)}: {words}"


def header_lines(meta: Meta) -> list[tuple[str, str]]:
    """(role, text) of each printed header line, in UN order; roles drive the layout."""
    m, st = meta, meta.status
    lines: list[tuple[str, str | None]] = [
        ("body", m.body), ("symbol", m.symbol),
        ("distribution", f"Distr.: {m.distribution}" if m.distribution else None),
        ("date", m.date),
        ("language", f"Original: {m.original_language}" if m.original_language else None),
        ("meeting", st.meeting), ("date", st.adopted_date),
        ("commission", m.commission), ("session", m.session), ("venue", m.venue),
        ("agenda", f"Agenda item {m.agenda_item}" if m.agenda_item else None),
        ("agenda_title", m.agenda_title),
        ("resolution", f"Resolution {m.resolution_number}" if m.resolution_number else None),
        ("delegation", f"Proposal by {m.delegation}" if m.delegation else None),
        ("sponsors", sponsor_line(m)),
    ]
    return [(role, text) for role, text in lines if text]


def front_matter_xml(front_matter: str) -> bytes:
    root = etree.Element(f"{{{NS}}}drafter", nsmap={None: NS})
    root.set("version", "1")
    root.text = front_matter
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def embed_front_matter(document, front_matter: str) -> None:
    """Add the YAML front matter as a custom XML part of the main document."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    n = 1
    while f"/customXml/item{n}.xml" in taken:
        n += 1
    part = Part(PackURI(f"/customXml/item{n}.xml"), "application/xml",
                front_matter_xml(front_matter), package)
    document.part.relate_to(part, CUSTOM_XML_RELTYPE)


def read_front_matter(document) -> str | None:
    """The YAML front matter drafter stored in the file, if any."""
    for rel in document.part.rels.values():
        if rel.reltype != CUSTOM_XML_RELTYPE or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except (etree.XMLSyntaxError, ValueError):
            continue
        if root.tag == f"{{{NS}}}drafter":
            return root.text or ""
    return None
