"""A web page of minutes as text: a ModernGov meeting page, a council's CMS page, any page.

ModernGov (``ieListDocuments.aspx``, ``mgIssueHistoryHome.aspx``) lays each item out as a
table row: the item's number in one cell (``mgItemNumberCell``), and in the next its title
(``mgAiTitleTxt``), then labelled blocks (``mgSubItemTitleTxt``: "Minutes:", "Decision:",
"RESOLVED:") each followed by the words (``mgWordPara``). Such a row is a layout, not data:
its cells come out as paragraphs, the number before the title on one line. A row of short
cells (an action table: action, owner, due) comes out as one line, cells joined by a TAB,
so the owner stays at the right of its action.

The page's chrome (scripts, styles, head, navigation, page header and footer, hidden text) is
dropped; blocks become paragraphs separated by a blank line; list items start with ``• ``
(an ordered list keeps its numbers, as a browser shows them).

The page is tokenized by libxml2 (lxml, already there for python-docx) as a browser would,
in one pass: Python 3.11's ``html.parser`` takes quadratic time on unclosed comments and
tags (50,000 ``<!--`` took 10 s, twice as many 43 s) and fails outright on ``<![``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ledger.readers.list_markers import ListMarkers
from ledger.readers.table_text import Cell, Paragraph, table_paragraphs
from ledger.readers.text_file import normalise


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


SKIPPED = _tags(
    "script style head title nav header footer noscript template svg math iframe object "
    "select button textarea canvas"
)
HEAD_ONLY = _tags("title meta link style script base noscript template")
BLOCKS = _tags(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure form h1 h2 h3 h4 h5 h6 hgroup hr html legend main menu p pre "
    "section summary"
)
VOID = _tags("area base br col embed hr img input link meta param source track wbr")
OPTIONAL_END = _tags("p li td th tr dt dd option thead tbody tfoot colgroup")
HIDDEN_CLASSES = _tags("mghide hidden sr-only visually-hidden visuallyhidden screen-reader-text")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
HTML_BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|li|tr|td|br|table|ul|ol|section)[\s>/]", re.I)
MAX_NESTING = 64  # tables or lists inside each other; deeper ones are read flat


def looks_like_html(text: str) -> bool:
    """A page (``<!doctype html>``/``<html>`` near its start), or a body made of HTML blocks."""
    head = text[:2048]
    if HTML_START.search(head):
        return True
    body = text.lstrip()
    if not body.startswith("<"):
        return False
    lines = sum(1 for line in body.split("\n") if line.strip())
    return 2 * len(HTML_BLOCK_TAG.findall(body)) >= lines


def page_text(html: str) -> tuple[str, str]:
    """The words of the page, as paragraphs, and its title (``<title>``, else the first h1)."""
    from lxml import etree  # libxml2's HTML5 tokenizer: linear, whatever the markup

    page = _Page()
    parser = etree.HTMLParser(target=page, recover=True, no_network=True, huge_tree=True)
    try:
        parser.feed(html)
        parser.close()
    except etree.LxmlError:
        pass  # what was read before the fault stands; libxml2 recovers from nearly all
    paragraphs = page.finish()
    text = "\n\n".join("\n".join(p) for p in paragraphs)
    return normalise(text) + ("\n" if text else ""), page.title()


@dataclass
class _Text:
    """Paragraphs being written: the page's body, or one table cell."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    lines: Paragraph = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    prefix: str = ""  # a list item's bullet, put before its first words
    raw: bool = False  # inside <pre>: spaces and line breaks kept

    def write(self, data: str) -> None:
        if not self.raw:
            self.words.append(data)
            return
        first, *rest = data.split("\n")
        self.words.append(first)
        for piece in rest:
            self.end_line()
            self.words.append(piece)

    def end_line(self, blank_ends_paragraph: bool = False) -> None:
        joined = "".join(self.words)
        line = joined.rstrip() if self.raw else " ".join(joined.split())
        self.words = []
        if line.strip():
            self.lines.append(self.prefix + line)
            self.prefix = ""
        elif blank_ends_paragraph:
            self.end_paragraph()

    def end_paragraph(self) -> None:
        self.end_line()
        if self.lines:
            self.paragraphs.append(self.lines)
            self.lines = []

    def add(self, paragraphs: list[Paragraph]) -> None:
        self.end_paragraph()
        self.paragraphs.extend(paragraphs)

    def finish(self) -> list[Paragraph]:
        self.end_paragraph()
        return self.paragraphs


@dataclass
class _Table:
    depth: int  # how many texts were open when it started; its cells sit above
    rows: list[list[Cell]] = field(default_factory=list)
    row: list[Cell] | None = None


class _Page:
    """Receives the parser's events (start, end, data) and writes the paragraphs."""

    def __init__(self) -> None:
        self.texts: list[_Text] = [_Text()]
        self.tables: list[_Table] = []
        self.lists: list[ListMarkers] = []
        self.skipping: str | None = None
        self.skip_depth = 0
        self.content = 0  # open <article>/<main>: their header and footer are content
        self.collecting: str | None = None  # "title" or "h1" while its words come
        self.titles: dict[str, list[str]] = {"title": [], "h1": []}

    def title(self) -> str:
        for tag in ("title", "h1"):
            words = " ".join("".join(self.titles[tag]).split())
            if words:
                return normalise(words)
        return ""

    def close(self) -> None:
        """The parser's end of input; :meth:`finish` gives the paragraphs."""

    def finish(self) -> list[Paragraph]:
        while self.tables:
            self._end_table()
        return self.texts[0].finish()

    def data(self, data: str) -> None:
        if self.collecting == "title" or (self.collecting and self.skipping is None):
            self.titles[self.collecting].append(data)
        if self.skipping is None:
            self.texts[-1].write(data)

    def start(self, tag: str, attrib: Any) -> None:
        tag, attrs = tag.lower(), {str(k).lower(): v for k, v in attrib.items()}
        if tag == "title" and self.skipping in (None, "head") and not self.titles[tag]:
            self.collecting = tag  # in the head, or a page that has none
        if self._skipped_start(tag, attrs):
            return
        if tag == "h1" and not self.titles[tag]:
            self.collecting = tag
        if tag in ("article", "main"):
            self.content += 1
        self._start(tag, attrs)

    def end(self, tag: str) -> None:
        tag = tag.lower()
        if tag == self.collecting:
            self.collecting = None
        if self.skipping is not None:
            self._skipped_end(tag)
            return
        if tag in ("article", "main"):
            self.content = max(0, self.content - 1)
        self._end(tag)

    def _skipped_start(self, tag: str, attrs: dict[str, str]) -> bool:
        """True while inside chrome or hidden text (and starts skipping where it begins)."""
        if self.skipping == "head" and tag not in HEAD_ONLY:
            self.skipping, self.skip_depth = None, 0  # a page that never closed its head
        if self.skipping is not None:
            self.skip_depth += tag == self.skipping
            return True
        if tag in VOID or not (self._chrome(tag) or self._hidden(tag, attrs)):
            return False
        self.skipping, self.skip_depth = tag, 1
        return tag != "head"  # the head's start is not skipped: its <title> is read

    def _skipped_end(self, tag: str) -> None:
        if tag == self.skipping:
            self.skip_depth -= 1
            if self.skip_depth == 0:
                self.skipping = None

    def _chrome(self, tag: str) -> bool:
        return tag in SKIPPED and not (tag in ("header", "footer") and self.content)

    @staticmethod
    def _hidden(tag: str, values: dict[str, str]) -> bool:
        if tag in OPTIONAL_END:
            return False  # an unclosed one would hide the rest of the page
        classes = {c.lower() for c in values.get("class", "").split()}
        return (
            "hidden" in values
            or values.get("aria-hidden", "").lower() == "true"
            or bool(HIDDEN_STYLE.search(values.get("style", "")))
            or bool(classes & HIDDEN_CLASSES)
        )

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        text = self.texts[-1]
        if tag == "br":
            text.end_line(blank_ends_paragraph=True)
        elif tag in ("table", "tr", "td", "th"):
            self._table_tag(tag, starting=True)
        elif tag in ("ul", "ol"):
            text.end_paragraph()
            if len(self.lists) < MAX_NESTING:
                self.lists.append(ListMarkers.of(tag, attrs.get("type"), attrs.get("start")))
        elif tag == "li":
            text.end_paragraph()
            text.prefix = self._marker(attrs)
        elif tag in BLOCKS:
            text.end_paragraph()
            text.raw = text.raw or tag == "pre"

    def _end(self, tag: str) -> None:
        text = self.texts[-1]
        if tag in ("table", "tr", "td", "th"):
            self._table_tag(tag, starting=False)
        elif tag in ("ul", "ol"):
            text.end_paragraph()
            if self.lists:
                self.lists.pop()
        elif tag == "li" or tag in BLOCKS:
            text.end_paragraph()
            if tag == "pre":
                text.raw = False

    def _marker(self, attrs: dict[str, str]) -> str:
        return self.lists[-1].marker(attrs.get("value")) if self.lists else "• "

    def _table_tag(self, tag: str, starting: bool) -> None:
        """A table, row or cell begins or ends (an open cell or row ends where the next one
        begins, as browsers read them)."""
        if tag == "table":
            if starting:
                self.texts[-1].end_paragraph()
                if len(self.tables) < MAX_NESTING:
                    self.tables.append(_Table(depth=len(self.texts)))
            elif self.tables:
                self._end_table()
            return
        if not self.tables:
            self.texts[-1].end_paragraph()
            return
        table = self.tables[-1]
        self._end_cell(table)
        if tag == "tr":
            self._end_row(table)
        if starting:
            table.row = [] if table.row is None else table.row
            if tag != "tr":
                self.texts.append(_Text())  # the cell's words

    def _end_cell(self, table: _Table) -> None:
        if len(self.texts) > table.depth and table.row is not None:
            cell = self.texts.pop().finish()
            del self.texts[table.depth :]
            table.row.append(cell)

    @staticmethod
    def _end_row(table: _Table) -> None:
        if table.row is not None:
            table.rows.append(table.row)
            table.row = None

    def _end_table(self) -> None:
        table = self.tables.pop()
        self._end_cell(table)
        self._end_row(table)
        del self.texts[table.depth :]
        self.texts[-1].add(table_paragraphs(table.rows))
