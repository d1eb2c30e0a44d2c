"""A PDF of minutes as text, laid out as printed (a ``pdftotext -layout`` look-alike).

Each page's text is pypdf's layout extraction with the trailing spaces of each line and the
blank lines around the page removed; pages are joined by a form feed on a line of its own
(``"\\n\\f\\n"``). The columns of a table stay side by side, so an owner printed at the right of
an action stays on its line. Runs of spaces inside words, split superscripts and ligatures
are the extraction's, left for the parser.

A PDF that needs a password, has no text (a scan), is cut short or damaged, or has more
pages than a meeting's papers would is refused with one line. pypdf's own warnings
("Rotated text discovered", ...) are silenced: the clerk can do nothing with them.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ledger.errors import InvalidEntry

MAX_PAGES = 500
MIN_LETTERS_PER_PAGE = 20  # fewer, on average, and the pages are pictures of text
END_MARKER_WITHIN = 2048  # %%EOF near the end; a download cut short has none


def pdf_text(data: bytes, name: str) -> str:
    """The text of every page, as the realdocs ``.txt`` beside each PDF was made."""
    if b"%%EOF" not in data[-END_MARKER_WITHIN:]:
        raise InvalidEntry(
            f"{name}: is a PDF cut short (no end-of-file marker); download or export it again"
        )
    with _quiet():
        reader = _opened(data, name)
        pages = _page_count(reader, name)
        texts = [_page_text(reader, number, name) for number in range(pages)]
    text = "\n\f\n".join(texts)
    if sum(c.isalpha() for c in text) < MIN_LETTERS_PER_PAGE * pages:
        raise InvalidEntry(
            f"{name}: has no text to read, only images of pages (a scanned image); "
            "OCR it first (e.g. ocrmypdf) and read the result"
        )
    return text + "\n"


def _opened(data: bytes, name: str) -> Any:
    from pypdf import PdfReader  # heavy: only when a PDF is read

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise _damaged(name, error) from None
    if reader.is_encrypted and not _opens_without_password(reader):
        raise InvalidEntry(
            f"{name}: is a password-protected PDF; save a copy without the password "
            "(print to PDF) and read that"
        )
    return reader


def _opens_without_password(reader: Any) -> bool:
    """Many council PDFs are 'encrypted' only to stop editing: they open with no password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unknown scheme, or a cipher library missing: not readable here
        return False


def _page_count(reader: Any, name: str) -> int:
    try:
        pages = len(reader.pages)
    except Exception as error:
        raise _damaged(name, error) from None
    if pages == 0:
        raise InvalidEntry(f"{name}: is a damaged PDF (no pages); open it and export it again")
    if pages > MAX_PAGES:
        raise InvalidEntry(
            f"{name}: has {pages} pages, over the {MAX_PAGES} a document may have; "
            "split out the minutes and read those"
        )
    return pages


def _page_text(reader: Any, number: int, name: str) -> str:
    try:
        text = reader.pages[number].extract_text(extraction_mode="layout")
    except Exception as error:
        raise _damaged(name, error, f" on page {number + 1}") from None
    lines = [line.rstrip() for line in text.split("\n")]
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return "\n".join(lines[start:end])


def _damaged(name: str, error: Exception, where: str = "") -> InvalidEntry:
    reason = " ".join(str(error).split())[:100] or type(error).__name__
    return InvalidEntry(
        f"{name}: is a damaged PDF ({reason}{where}); open it and save or export it again"
    )


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf's log lines and warnings, silenced while a PDF is read."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
