"""Any document of minutes a council publishes, as text: a PDF, a web page, a Word file, text.

The kind is read from the content, not the file's name: a PDF saved as ``.txt`` or a page
saved without an extension is still read for what it is. What cannot be minutes is refused
with one line before anything heavy runs: a spreadsheet (that is a tracker), an old binary
Word file, an image, a directory or a device, an empty file, a file over the size limit (read
no further than the limit, so ``/dev/zero`` or a growing file cannot hold the reader).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass

from ledger.errors import InvalidEntry
from ledger.readers.text_file import CONTROL, decode, normalise, plain_text, read_front_matter

MAX_BYTES = 20 * 1024 * 1024
KINDS = ("pdf", "html", "docx", "odt", "text")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .xls and a locked .docx
IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


@dataclass(frozen=True)
class Document:
    """A document's words as text, whatever it was saved as."""

    name: str  # the file's name
    kind: str  # "pdf", "html", "docx", "odt" or "text"
    text: str
    title: str = ""


def read_document(path: str) -> Document:
    """Read the file at ``path``; refuse, with one line, anything that is not minutes' text."""
    data = _contents(path)
    name = os.path.basename(path) or path
    kind = _kind(data, path)
    if kind == "pdf":
        from ledger.readers.pdf_file import pdf_text

        text, title = pdf_text(data, path), ""
    elif kind == "docx":
        from ledger.readers.docx_file import docx_text

        text, title = docx_text(data, path)
    elif kind == "odt":
        from ledger.readers.odt_file import odt_text

        text, title = odt_text(data, path)
    else:
        kind, text, title = _text_or_page(decode(data, path))
    text = _clean(text)
    if not text.strip():
        raise InvalidEntry(f"{path}: has no text to read; save the minutes with their words")
    return Document(name=name, kind=kind, text=text, title=title)


def _contents(path: str) -> bytes:
    """The file's bytes, up to the limit; only a regular file is read (a pipe never blocks)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise _unreadable(path, error) from None
    try:
        info = os.fstat(fd)
        _check_regular(path, info)
        _check_size(path, info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise _unreadable(path, error) from None
    finally:
        os.close(fd)
    _check_size(path, len(data))  # it grew, or its size was not told
    return data


def _check_size(path: str, size: int) -> None:
    if size == 0:
        raise InvalidEntry(f"{path}: is empty; give the file that holds the minutes")
    if size > MAX_BYTES:
        raise _too_big(path, size)


def _check_regular(path: str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InvalidEntry(f"{path}: is a directory; give one file of minutes inside it")
    if not stat.S_ISREG(info.st_mode):
        raise InvalidEntry(
            f"{path}: is not a regular file (a device, pipe or socket); save the minutes to a file"
        )


def _unreadable(path: str, error: OSError) -> InvalidEntry:
    if isinstance(error, FileNotFoundError):
        return InvalidEntry(f"{path}: no such file; check the name and the folder")
    if isinstance(error, IsADirectoryError):
        return InvalidEntry(f"{path}: is a directory; give one file of minutes inside it")
    return InvalidEntry(f"{path}: cannot be read ({error.strerror or error})")


def _too_big(path: str, size: int) -> InvalidEntry:
    return InvalidEntry(
        f"{path}: is {_size(size)}, over the {_size(MAX_BYTES)} limit for a document; "
        "give the minutes alone, without appendices"
    )


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:.1f} MB".replace(".0 MB", " MB")
    if count >= 2**10:
        return f"{count // 2**10} KB"
    return f"{count} bytes"


def _kind(data: bytes, path: str) -> str:
    """What the bytes are, by their first bytes; a refusal for what cannot be minutes."""
    if _is_pdf(data):
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if data.startswith(OLE):
        raise InvalidEntry(_office_refusal(data, path))
    if data.startswith(b"{\\rtf"):
        raise InvalidEntry(f"{path}: is a Rich Text (RTF) file; save it as .docx or as text")
    if data.startswith(IMAGES):
        raise InvalidEntry(f"{path}: is an image, not text; OCR it first and read the result")
    return "text"


def _zip_kind(data: bytes) -> str:
    """An OpenDocument text by the type it declares (first, as its standard asks, or as a
    part anywhere), else a Word file: its reader refuses a zip that is not one, naming it."""
    from ledger.readers.odf_package import TEXT_TYPE, declared_type

    return "odt" if declared_type(data).startswith(TEXT_TYPE) else "docx"


def _is_pdf(data: bytes) -> bool:
    """``%PDF-`` at the start, or within its first KB after junk a server put before it."""
    at = data.find(b"%PDF-", 0, 1024)
    return at == 0 or (at > 0 and b"%%EOF" in data[-2048:])


def _office_refusal(data: bytes, path: str) -> str:
    def named(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if named("EncryptedPackage"):
        return f"{path}: is a password-protected Office file; save a copy without the password"
    if named("WordDocument"):  # first: a Word file's own text may say "Workbook"
        return f"{path}: is an old Word document (.doc); open it in Word and save it as .docx"
    if named("Workbook") or named("Book"):
        return f"{path}: this is a spreadsheet; use govledger tracker import"
    return f"{path}: is an old Office file; save the minutes as .docx or as text"


def _text_or_page(text: str) -> tuple[str, str, str]:
    """A page's words if the text is HTML (front matter read first), else the text itself."""
    from ledger.readers.html_page import looks_like_html, page_text

    front = read_front_matter(text)
    if front is not None and looks_like_html(front.body):
        body, page_title = page_text(front.body)
        return "html", front.text(body), front.title or page_title
    if front is None and looks_like_html(text):
        body, title = page_text(text)
        return "html", body, title
    words, title = plain_text(embedded_tables(text))
    return "text", words, title


TABLE_TAG = re.compile(r"<(/?)table\b[^>]{0,2000}>", re.IGNORECASE)


def embedded_tables(text: str) -> str:
    """Markdown holding HTML tables (a council's website export often keeps its minutes
    so): each outermost table, tables nested in its cells included, read as a page's table
    is, a row a line with its cells tab-separated."""
    if "<table" not in text.lower():
        return text
    from ledger.readers.html_page import page_text

    out, depth, start, kept = [], 0, 0, 0
    for tag in TABLE_TAG.finditer(text):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out += [text[kept:start], f"\n{page_text(text[start : tag.end()])[0]}\n"]
                kept = tag.end()
    if depth:  # a table left open runs to the end of the file
        out += [text[kept:start], f"\n{page_text(text[start:])[0]}\n"]
        kept = len(text)
    return "".join([*out, text[kept:]])


def _clean(text: str) -> str:
    """Controls other than tab, newline and form feed dropped (a PDF's \\x00 page marks)."""
    return CONTROL.sub("", normalise(text))
