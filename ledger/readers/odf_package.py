"""An OpenDocument file (LibreOffice's .odt and .ods) opened safely, and its words read.

An OpenDocument file is a zip whose first part, ``mimetype``, says what it is; its words are
in ``content.xml``. The zip is opened with the standard library and each part's stated size
is checked before anything is unpacked (a zip reader stops at the stated size, so a zip bomb
is refused by its sizes alone). The XML is parsed by lxml with entities left unresolved, no
DTD loaded and no network, so a file cannot make the reader fetch or expand anything.

What a paragraph says: its text with ``<text:s text:c="3"/>`` as three spaces, a tab as a
tab, a line break as a new line; comments, footnotes, tracked deletions, text boxes and
drawings are not the text (a Word file is read the same way).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

from lxml import etree

from ledger.errors import InvalidEntry

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
DC = "http://purl.org/dc/elements/1.1/"
NS = {"office": OFFICE, "text": TEXT, "table": TABLE, "style": STYLE, "dc": DC}
TEXT_TYPE = "application/vnd.oasis.opendocument.text"
SHEET_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
CONTENT = "content.xml"
MAX_PARTS = 10_000
MAX_SPACES = 100  # <text:s text:c="..."/>: a count past this is a damaged or hostile file
MAX_SMALL_PART = 4 * 1024 * 1024  # mimetype, manifest, meta.xml, styles.xml read whole

PARAGRAPHS = frozenset({f"{{{TEXT}}}p", f"{{{TEXT}}}h"})
WHITE = re.compile(r"[ \t\r\n]+")
SPACE = "\x00"  # white space written in the XML, until it is collapsed
COLLAPSED = re.compile("\x00+")
INLINE = frozenset({f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"})
CELLS = frozenset({f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"})
# Not the text: comments, notes, deleted text kept for tracked changes, indexes (copies of
# the headings), text boxes and drawings, declarations.
LEFT_OUT = frozenset(
    {f"{{{OFFICE}}}annotation", f"{{{OFFICE}}}forms", f"{{{TABLE}}}shapes"}
    | {
        f"{{{TEXT}}}{local}"
        for local in (
            "note", "tracked-changes", "table-of-content", "alphabetical-index",
            "illustration-index", "table-index", "object-index", "user-index", "bibliography",
            "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls",
        )
    }
)  # fmt: skip
DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    RuntimeError,  # an encrypted zip part
    NotImplementedError,  # a compression method the standard library lacks
    etree.LxmlError,
)

Refuse = Callable[[str], InvalidEntry]  # the reader's own one-line refusal, from a message


def declared_type(source: bytes | str) -> str:
    """The media type an OpenDocument file declares ('' for any other file). The
    ``mimetype`` part is stored first and uncompressed, so it stands at byte 38; a writer
    that put it elsewhere is still read, from the zip's own list of parts."""
    if isinstance(source, str):
        with open(source, "rb") as handle:
            start = handle.read(128)
    else:
        start = source[:128]
    if not start.startswith(b"PK"):
        return ""
    if start[30:38] == b"mimetype":
        said = start[38:].split(b"PK", 1)[0]
        return said.decode("ascii", "replace").strip() if b"opendocument" in said else ""
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as zip_:
            said = _small_part(zip_, {p.filename: p for p in zip_.infolist()}, "mimetype")
    except (*DAMAGE, ValueError):
        return ""
    return said.decode("ascii", "replace").strip()[:100] if b"opendocument" in said else ""


def parser_options() -> dict[str, bool]:
    """lxml, told to resolve no entity, load no DTD, fetch nothing and keep its limits on
    depth and on the size of a text node (libxml2's, without ``huge_tree``)."""
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "huge_tree": False,
        "remove_comments": True,
        "remove_pis": True,
    }


def parser() -> etree.XMLParser:
    return etree.XMLParser(**parser_options())


def open_package(
    source: bytes | str, refuse: Refuse, wanted: str, limits: tuple[int, int]
) -> zipfile.ZipFile:
    """The zip, once it is known to be an OpenDocument file of the ``wanted`` kind
    (``TEXT_TYPE``, ``SHEET_TYPE``) whose parts unpack within ``limits`` (all parts,
    ``content.xml``); one line for anything else. The caller closes it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (*DAMAGE, ValueError):
        raise refuse(
            "is not an OpenDocument file that can be read (not a whole zip); "
            "open it in LibreOffice and save it again"
        ) from None
    try:
        _check(archive, refuse, wanted, limits)
    except (*DAMAGE, ValueError) as error:
        archive.close()
        raise damaged(refuse, error) from None
    except BaseException:
        archive.close()
        raise
    return archive


def _check(archive: zipfile.ZipFile, refuse: Refuse, wanted: str, limits: tuple[int, int]) -> None:
    parts = {part.filename: part for part in archive.infolist()}
    declared = _small_part(archive, parts, "mimetype").decode("ascii", "replace").strip()
    if declared != wanted and not declared.startswith(f"{wanted}-"):  # -template
        raise refuse(_wrong_kind(declared, wanted))
    if b"encryption-data" in _small_part(archive, parts, "META-INF/manifest.xml"):
        raise refuse("is password-protected; save a copy without the password")
    most, most_content = limits
    unpacked = sum(part.file_size for part in parts.values())
    if CONTENT not in parts:
        raise refuse("has no content.xml (it is damaged); open it in LibreOffice and save again")
    if len(parts) > MAX_PARTS or unpacked > most or parts[CONTENT].file_size > most_content:
        raise refuse(
            f"unpacks to {unpacked / 2**20:,.0f} MB ({parts[CONTENT].file_size / 2**20:,.0f} MB "
            f"of text), beyond the {most // 2**20} MB ({most_content // 2**20} MB of text) "
            "an OpenDocument file may hold; save the document alone, without what is embedded"
        )


def _wrong_kind(declared: str, wanted: str) -> str:
    if declared.startswith(SHEET_TYPE):
        return "this is a spreadsheet; use govledger tracker import"
    if declared.startswith(TEXT_TYPE) and wanted == SHEET_TYPE:
        return "is an OpenDocument text (.odt), not a spreadsheet; give --format odt"
    if declared:
        return f"is an OpenDocument file of another kind ({declared[:60]}); save it as .odt"
    return "is a zip but not an OpenDocument file; save it from LibreOffice as .odt or .ods"


def _small_part(archive: zipfile.ZipFile, parts: dict[str, Any], name: str) -> bytes:
    """A small part's bytes; b'' when it is missing or claims to be large."""
    if name not in parts or parts[name].file_size > MAX_SMALL_PART:
        return b""
    with archive.open(name) as part:
        return part.read(MAX_SMALL_PART)


def small_xml(archive: zipfile.ZipFile, name: str) -> Any:
    """A small part (meta.xml, styles.xml) parsed, or None: it is never worth a refusal."""
    try:
        data = _small_part(archive, {p.filename: p for p in archive.infolist()}, name)
        return etree.fromstring(data, parser()) if data else None
    except (*DAMAGE, ValueError):
        return None


def content_stream(archive: zipfile.ZipFile) -> IO[bytes]:
    return archive.open(CONTENT)


def damaged(refuse: Refuse, error: BaseException) -> InvalidEntry:
    """The one line for a file whose zip or XML breaks while it is read."""
    said = " ".join(str(error).split())[:100] or type(error).__name__
    return refuse(f"is damaged ({said}); open it in LibreOffice and save it again")


def local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def repeats(element: Any, attribute: str) -> int:
    """How many times a row or cell stands (``table:number-rows-repeated``), at least 1."""
    said = element.get(f"{{{TABLE}}}{attribute}", "1")
    return int(said) if said.isdigit() and 0 < len(said) <= 9 and int(said) > 0 else 1


def paragraphs_in(container: Any) -> Iterator[Any]:
    """The paragraphs and headings under ``container`` in the order written, lists and
    nested tables included, what is not the text left out."""
    stack = [iter(container)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag in PARAGRAPHS:
            yield element
        elif element.tag not in LEFT_OUT and isinstance(element.tag, str):
            stack.append(iter(element))


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's words: spaces, tabs and line breaks as written, the rest left out."""
    pieces: list[str] = [_raw(paragraph.text)]
    stack: list[tuple[Any, Iterator[Any]]] = [(None, iter(paragraph))]
    while stack:
        element = next(stack[-1][1], None)
        if element is None:
            closed = stack.pop()[0]
            if closed is not None:
                pieces.append(_raw(closed.tail))
            continue
        if element.tag in INLINE:
            pieces.append(_inline(element))
        elif not isinstance(element.tag, str):
            pass  # an entity left unresolved, never its words
        elif element.tag not in LEFT_OUT and not element.tag.startswith(f"{{{DRAW}}}"):
            pieces.append(_raw(element.text))
            stack.append((element, iter(element)))
            continue
        pieces.append(_raw(element.tail))
    return COLLAPSED.sub(" ", "".join(pieces).lstrip(SPACE))


def _raw(text: str | None) -> str:
    """White space as written in the XML counts once, as in a browser (ODF 6.1.2); the
    spaces, tabs and breaks a clerk typed are elements, read by :func:`_inline`."""
    return WHITE.sub(SPACE, text) if text else ""


def _inline(element: Any) -> str:
    if element.tag == f"{{{TEXT}}}s":
        said = element.get(f"{{{TEXT}}}c", "1")
        return " " * min(int(said) if said.isdigit() and len(said) < 6 else 1, MAX_SPACES)
    return "\t" if element.tag == f"{{{TEXT}}}tab" else "\n"
