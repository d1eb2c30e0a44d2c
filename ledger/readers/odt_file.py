"""An OpenDocument text (.odt, as LibreOffice saves minutes) as text, in the order written.

Headings and paragraphs come out as a Word file's do (:mod:`docx_file`): paragraphs apart by
a blank line, a line break kept. A table's rows come out as lines with their cells joined by
a TAB (:mod:`table_text`), a merged cell read once; a row or cell the file marks as repeated
is read as often as it stands, empty ones at a table's end not at all. The numbers and
bullets of a list are not in the text but in its list style, so they are written here as
LibreOffice shows them (``1.``, ``a)``, ``ii.``, ``•``), for the parser that looks for
numbered items and lettered parts. Comments, footnotes, tracked deletions, text boxes and
indexes are left out; the title is the document's own (File > Properties).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ledger.errors import InvalidEntry
from ledger.readers.docx_file import MAX_MAIN_PART, MAX_NESTING, MAX_UNPACKED, paragraph_lines
from ledger.readers.list_markers import BULLET, STYLES, numbered
from ledger.readers.odf_package import (
    CELLS,
    DAMAGE,
    LEFT_OUT,
    NS,
    PARAGRAPHS,
    STYLE,
    TABLE,
    TEXT,
    TEXT_TYPE,
    content_stream,
    damaged,
    local,
    open_package,
    paragraph_text,
    parser,
    repeats,
    small_xml,
)
from ledger.readers.table_text import Cell, Paragraph, table_paragraphs
from ledger.readers.text_file import normalise

MAX_REPEATED = 1_000_000  # rows and cells a file's repeats may stand for, in all its tables
ROW_WRAPPERS = frozenset(
    f"{{{TABLE}}}{name}" for name in ("table-header-rows", "table-rows", "table-row-group")
)
LIST = f"{{{TEXT}}}list"
ITEMS = frozenset({f"{{{TEXT}}}list-item", f"{{{TEXT}}}list-header"})


def odt_text(data: bytes, name: str) -> tuple[str, str]:
    """The words of an .odt, paragraphs separated by a blank line, and its title."""

    def refuse(message: str) -> InvalidEntry:
        return InvalidEntry(f"{name}: {message}")

    with open_package(data, refuse, TEXT_TYPE, (MAX_UNPACKED, MAX_MAIN_PART)) as archive:
        try:
            with content_stream(archive) as stream:
                root = _parse(stream)
        except DAMAGE as error:
            raise damaged(refuse, error) from None
        lists = ListStyles(root, small_xml(archive, "styles.xml"))
        meta = small_xml(archive, "meta.xml")
    body = root.find("office:body/office:text", NS)
    if body is None:
        raise refuse("holds no text document (its body is missing); save it again as .odt")
    paragraphs = Reading(lists, refuse).content(body, 0)
    text = "\n\n".join("\n".join(p) for p in paragraphs)
    title = meta.findtext(".//dc:title", "", NS) if meta is not None else ""
    return normalise(text) + ("\n" if text else ""), normalise(" ".join(title.split()))


def _parse(stream: Any) -> Any:
    from lxml import etree

    return etree.parse(stream, parser()).getroot()


class ListStyles:
    """How each level of each list style is marked: a bullet, or a number in a format."""

    def __init__(self, *roots: Any) -> None:
        self.levels: dict[str, dict[int, dict[str, str]]] = {}
        for root in roots:
            if root is None:
                continue
            for style in root.iter(f"{{{TEXT}}}list-style"):
                levels = self.levels.setdefault(style.get(f"{{{STYLE}}}name", ""), {})
                for level in style:
                    said = level.get(f"{{{TEXT}}}level", "1")
                    if said.isdigit() and len(said) < 3:
                        levels[int(said)] = _level(level)

    def level(self, style: str, depth: int) -> dict[str, str]:
        return self.levels.get(style, {}).get(depth, {})


def _level(element: Any) -> dict[str, str]:
    kind = local(element).removeprefix("list-level-style-")
    return {
        "kind": kind,
        "format": element.get(f"{{{STYLE}}}num-format", ""),
        "prefix": element.get(f"{{{STYLE}}}num-prefix", ""),
        "suffix": element.get(f"{{{STYLE}}}num-suffix", ""),
        "start": element.get(f"{{{TEXT}}}start-value", "1"),
        "shown": element.get(f"{{{TEXT}}}display-levels", "1"),
    }


class Reading:
    """One walk through the body: list counters carry on from list to list when told to."""

    def __init__(self, lists: ListStyles, refuse: Any) -> None:
        self.lists, self.refuse = lists, refuse
        self.counters: dict[str, list[int]] = {}  # list style -> the count at each level
        self.repeated = 0

    def content(self, elements: Iterable[Any], depth: int) -> list[Paragraph]:
        """The paragraphs of a body, section or cell (its ``elements``); tables flattened
        where they stand."""
        out: list[Paragraph] = []
        for element in elements:
            if element.tag in PARAGRAPHS:
                out.extend(paragraph_lines(paragraph_text(element)))
            elif element.tag == LIST:
                out.extend(self.list(element, depth, "", 1))
            elif element.tag == f"{{{TABLE}}}table":
                if depth < MAX_NESTING:
                    out.extend(table_paragraphs(self.rows(element, depth + 1)))
            elif element.tag not in LEFT_OUT and isinstance(element.tag, str):
                out.extend(self.content(element, depth))  # a section, a page break's marks
        return out

    def list(self, element: Any, depth: int, style: str, level: int) -> list[Paragraph]:
        style = element.get(f"{{{TEXT}}}style-name") or style
        go_on = element.get(f"{{{TEXT}}}continue-numbering") == "true" or element.get(
            f"{{{TEXT}}}continue-list"
        )
        if level == 1 and not go_on:
            self.counters[style] = []
        counts = self.counters.setdefault(style, [])
        out: list[Paragraph] = []
        for item in element:
            if item.tag not in ITEMS:
                continue
            marker = self.marker(item, style, level, counts)
            for child in item:
                if child.tag == LIST:
                    out.extend(self.list(child, depth, style, min(level + 1, 10)))
                    continue
                found = self.content([child], depth)
                if found and marker:
                    found[0][0] = marker + found[0][0]
                    marker = ""
                out.extend(found)
        return out

    def marker(self, item: Any, style: str, level: int, counts: list[int]) -> str:
        """The item's bullet or number, counting it; '' for a header or an item that only
        holds a deeper list (LibreOffice counts neither)."""
        if item.tag != f"{{{TEXT}}}list-item" or not any(c.tag in PARAGRAPHS for c in item):
            return ""
        said = self.lists.level(style, level)
        if said.get("kind") != "number":
            return BULLET if said.get("kind") == "bullet" else ""
        del counts[level:]
        counts.extend([0] * (level - len(counts)))
        first = item.get(f"{{{TEXT}}}start-value") or ("" if counts[level - 1] else said["start"])
        counts[level - 1] = (
            int(first) if first.isdigit() and len(first) < 7 else counts[level - 1] + 1
        )
        if said["format"] not in STYLES:
            return ""
        shown = int(said["shown"]) if said["shown"].isdigit() else 1
        numbers = [
            self._number(counts, n, style) for n in range(max(1, level - shown + 1), level + 1)
        ]
        return f"{said['prefix']}{'.'.join(numbers)}{said['suffix']} "

    def _number(self, counts: list[int], level: int, style: str) -> str:
        fmt = self.lists.level(style, level).get("format", "1")
        return numbered(max(counts[level - 1], 1), fmt if fmt in STYLES else "1")

    def rows(self, table: Any, depth: int) -> list[list[Cell]]:
        """The table's rows as they stand, repeats read out; empty repeats not at all."""
        out: list[list[Cell]] = []
        for row in _table_rows(table):
            cells = self.cells(row, depth)
            if cells:  # an empty row is no line of text, however often it is repeated
                times = repeats(row, "number-rows-repeated")
                self._count(times * len(cells))
                out.extend(list(cells) for _ in range(times))
        return out

    def cells(self, row: Any, depth: int) -> list[Cell]:
        cells: list[Cell] = []
        waiting = 0  # empty cells not yet placed: only placed before a cell with words
        for cell in row:
            if cell.tag not in CELLS:
                continue
            times = repeats(cell, "number-columns-repeated")
            words = self.content(cell, depth) if cell.tag == f"{{{TABLE}}}table-cell" else []
            if not words:
                waiting += times
                continue
            self._count(waiting + times)
            cells.extend([] for _ in range(waiting))
            cells.extend(words for _ in range(times))
            waiting = 0
        return cells

    def _count(self, more: int) -> None:
        self.repeated += more
        if self.repeated > MAX_REPEATED:
            raise self.refuse(
                f"has tables of more than {MAX_REPEATED:,} cells once their repeats are read; "
                "save the minutes alone, without the data tables"
            )


def _table_rows(table: Any) -> list[Any]:
    rows: list[Any] = []
    stack = [iter(table)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == f"{{{TABLE}}}table-row":
            rows.append(element)
        elif element.tag in ROW_WRAPPERS:
            stack.append(iter(element))
    return rows
