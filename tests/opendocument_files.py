"""OpenDocument files as LibreOffice writes them, built by the tests from XML strings.

An .odt or .ods is a zip: ``mimetype`` first and stored, then ``content.xml`` holding the
body, ``styles.xml`` and ``meta.xml``. Only what a test needs is written.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

TEXT_TYPE = "application/vnd.oasis.opendocument.text"
SHEET_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


def content_xml(body: str, kind: str = "text", styles: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} '
        f'office:version="1.3"><office:automatic-styles>{styles}</office:automatic-styles>'
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )


def package(
    path: Path,
    mimetype: str,
    content: str | bytes | None,
    title: str = "",
    parts: dict[str, bytes] | None = None,
) -> Path:
    """The zip, ``mimetype`` first and stored as the standard asks; ``parts`` adds others
    by name (``META-INF/manifest.xml``)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        if content is not None:
            archive.writestr("content.xml", content)
        if title:
            meta = (
                f"<office:document-meta {NAMESPACES}><office:meta><dc:title>{escape(title)}"
                "</dc:title></office:meta></office:document-meta>"
            )
            archive.writestr("meta.xml", meta)
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return path


def odt(
    path: Path, body: str, title: str = "", styles: str = "", parts: dict[str, bytes] | None = None
) -> Path:
    return package(path, TEXT_TYPE, content_xml(body, "text", styles), title, parts)


def ods(path: Path, *sheets: tuple[str, str]) -> Path:
    """A spreadsheet of ``(name, rows XML)`` sheets."""
    body = "".join(
        f'<table:table table:name="{escape(n)}">{rows}</table:table>' for n, rows in sheets
    )
    return package(path, SHEET_TYPE, content_xml(body, "spreadsheet"))


def p(text: str, tag: str = "p") -> str:
    return f"<text:{tag}>{escape(text)}</text:{tag}>"


def cell(text: str = "", attributes: str = "") -> str:
    paragraphs = "".join(p(line) for line in text.split("\n")) if text else ""
    return f"<table:table-cell {attributes}>{paragraphs}</table:table-cell>"


def row(*cells: str, attributes: str = "") -> str:
    """A row of cells: plain strings are cells of text, XML (starting '<') is kept."""
    made = "".join(c if c.startswith("<") else cell(c) for c in cells)
    return f"<table:table-row {attributes}>{made}</table:table-row>"


def table(*rows: str) -> str:
    return f'<table:table table:name="Table1">{"".join(rows)}</table:table>'


VAST_EMPTY = (  # what Calc writes under the last row it holds: a sheet's unused rest
    '<table:table-row table:number-rows-repeated="1048000">'
    '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
)
