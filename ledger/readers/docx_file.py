"""A Word file (.docx) of minutes as text: paragraphs and tables in the order they are written.

python-docx opens the package, but its ``doc.paragraphs`` and ``doc.tables`` lose how the
two interleave (a clerk's action table sits under the item it belongs to), and its text
skips tracked insertions; so the body is walked here. A table's short rows come out one line
each, cells joined by a TAB, so an owner column stays at the right of its action; a merged
cell is read once. Word's list numbering is not in the text python-docx sees: paragraphs
are kept as they are. Text boxes, headers and footers are left out.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from ledger.errors import InvalidEntry
from ledger.readers.table_text import Cell, Paragraph, table_paragraphs
from ledger.readers.text_file import normalise

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}
MAIN_PART = "word/document.xml"
MAX_MAIN_PART = 64 * 1024 * 1024  # uncompressed word/document.xml: a zip bomb is refused
MAX_UNPACKED = 256 * 1024 * 1024  # every part together, images included
MAX_PARTS = 10_000
MAX_NESTING = 32  # tables in tables; deeper ones are left out
IN_FLOW = "[not(ancestor::w:txbxContent or ancestor::mc:Fallback or ancestor::w:del)]"
RUN_TEXT = " | ".join(
    f".//w:r/w:{local}{IN_FLOW}" for local in ("t", "tab", "br", "cr", "noBreakHyphen")
)  # text boxes, the fallback copy of a drawing and tracked deletions are not the text
WRAPPERS = frozenset(f"{{{W}}}{local}" for local in ("sdt", "sdtContent", "customXml"))


def docx_text(data: bytes, name: str) -> tuple[str, str]:
    """The words of a .docx, paragraphs separated by a blank line, and its title."""
    _check_package(data, name)
    import docx  # heavy: only when a Word file is read

    try:
        document = docx.Document(io.BytesIO(data))
        title = (document.core_properties.title or "").strip()
        body = document.element.body
        if body is None:
            raise ValueError("no body in word/document.xml")
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml's and zip errors
        reason = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
        raise InvalidEntry(
            f"{name}: cannot be read as a Word document ({reason or type(error).__name__}); "
            "open it in Word and save it again as .docx"
        ) from None
    paragraphs = _content(body, 0)
    text = "\n\n".join("\n".join(p) for p in paragraphs)
    return normalise(text) + ("\n" if text else ""), normalise(title)


def _check_package(data: bytes, name: str) -> None:
    """Refuse what is not a .docx, and a zip that would unpack to more than we read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise InvalidEntry(
            f"{name}: is a damaged zip, not a readable Word document; save it again as .docx"
        ) from None
    names = {p.filename for p in parts}
    if MAIN_PART not in names:
        raise InvalidEntry(_not_word(name, names, data))
    main = next(p for p in parts if p.filename == MAIN_PART)
    unpacked = sum(p.file_size for p in parts)
    if main.file_size > MAX_MAIN_PART or unpacked > MAX_UNPACKED or len(parts) > MAX_PARTS:
        raise InvalidEntry(
            f"{name}: unpacks to {unpacked / 1e6:.0f} MB, over the "
            f"{MAX_UNPACKED // 2**20} MB a Word document may hold "
            f"({MAX_MAIN_PART // 2**20} MB of text); save the minutes alone as .docx"
        )


def _not_word(name: str, names: set[str], data: bytes) -> str:
    """Why a zip is not a .docx, in the words of what it is."""
    if any(n.startswith("xl/") for n in names) or b"opendocument.spreadsheet" in data[:200]:
        return f"{name}: this is a spreadsheet; use govledger tracker import"
    if b"opendocument.text" in data[:200]:  # the mimetype, stored first in an .odt
        return f"{name}: is an OpenDocument text (.odt); save it as .docx or as text"
    return f"{name}: is a zip but not a Word document; save the minutes as .docx"


def _content(container: Any, depth: int) -> list[Paragraph]:
    """The paragraphs of a body or a table cell, tables flattened where they stand."""
    out: list[Paragraph] = []
    for element in _unwrapped(container, ("p", "tbl")):
        if element.tag == f"{{{W}}}p":
            out.extend(_paragraph(element))
        elif depth < MAX_NESTING:
            out.extend(table_paragraphs(_rows(element, depth + 1)))
    return out


def _unwrapped(container: Any, locals_: tuple[str, ...]) -> Iterator[Any]:
    """The children named ``locals_`` in document order, looking inside content controls."""
    tags = {f"{{{W}}}{local}" for local in locals_}
    stack = [iter(container)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag in tags:
            yield element
        elif element.tag in WRAPPERS:
            stack.append(iter(element))


def _paragraph(p: Any) -> list[Paragraph]:
    """A paragraph's lines (soft line breaks kept); a blank line inside it splits it."""
    pieces = []
    for element in _run_text()(p):
        local = element.tag.rsplit("}", 1)[-1]
        if local == "t":
            pieces.append(element.text or "")
        else:
            pieces.append({"tab": "\t", "noBreakHyphen": "-"}.get(local, "\n"))
    return paragraph_lines("".join(pieces))


def paragraph_lines(text: str) -> list[Paragraph]:
    """A paragraph's lines (line breaks kept); a blank line inside it splits it."""
    out: list[Paragraph] = [[]]
    for line in text.split("\n"):
        line = line.rstrip()
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [lines for lines in out if lines]


@functools.cache
def _run_text() -> Any:
    from lxml import etree  # python-docx's own xpath knows no mc: namespace

    return etree.XPath(RUN_TEXT, namespaces=NS)


def _rows(table: Any, depth: int) -> list[list[Cell]]:
    return [
        [_cell(tc, depth) for tc in _unwrapped(tr, ("tc",))] for tr in _unwrapped(table, ("tr",))
    ]


def _cell(tc: Any, depth: int) -> Cell:
    """A cell's paragraphs; empty where it continues a merge (its words are read once)."""
    merge = tc.find("w:tcPr/w:vMerge", NS)
    if merge is not None and merge.get(f"{{{W}}}val", "continue") == "continue":
        return []
    horizontal = tc.find("w:tcPr/w:hMerge", NS)
    if horizontal is not None and horizontal.get(f"{{{W}}}val", "continue") == "continue":
        return []
    return _content(tc, depth)
