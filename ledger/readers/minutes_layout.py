"""From a document's text to the lines a clerk reads: markup, page furniture and the
right-hand column taken apart.

Minutes come as text taken from PDFs (columns laid out with runs of spaces, page footers,
"Signed ____ Dated"), from Word (tabs between table cells), from web pages and Markdown
(``**bold**``, ``> quoted`` paragraphs, ``^th^``). Each line becomes a :class:`Line`: its
words, and what stood in a right-hand column (often the owner of an action) apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

MARKUP = [
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"\^(st|nd|rd|th)\^"), r"\1"),
    (re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)"), ""),
    (re.compile(r"\\$"), ""),
    (re.compile(r"^\s{0,3}(?:>\s?)+"), ""),
    (re.compile(r"^\s{0,3}#{1,6}\s+"), ""),
    (re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{1,500}\)"), r"\1"),
    (re.compile(r"[\u200b\ufeff\u00ad]"), ""),
    (re.compile(r"[\u2018\u2019\u2032]"), "'"),
    (re.compile(r"[\u201c\u201d]"), '"'),
    (re.compile("\ufb01"), "fi"),
    (re.compile("\ufb02"), "fl"),
]
FURNITURE = re.compile(
    r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*$|-\s*\d+\s*-|signed\b.{0,40}(?:date[d]?\b.*)?|"
    r"chair(?:man|person)?'?s?\s+(?:signature|initials)\b.*|"
    r"this page is intentionally left blank)\s*$",
    re.IGNORECASE,
)
MARKER_WORD = re.compile(r"^(?:agreed|resolved|approved|noted|rejected|carried|lost)\.?$", re.I)
ASIDE_MAX = 45  # a right-hand column cell holds a name or a few words, not prose


@dataclass
class Line:
    """One line as read: its number in the text (1-based), its words, and a right-hand
    column cell when the layout had one (an owner, "Clerk", "ACTION: NS")."""

    number: int
    text: str
    aside: str = ""
    indent: int = 0
    cells: list[tuple[int, str]] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.text and not self.aside


def clean(raw: str) -> str:
    """One line with Markdown and typographic noise taken out; spacing kept."""
    for pattern, repl in MARKUP:
        raw = pattern.sub(repl, raw)
    return raw.rstrip()


def repeated_lines(raw_lines: list[str]) -> set[str]:
    """Running headers and footers: short lines repeated on three or more pages."""
    pages = "\n".join(raw_lines).count("\f") + 1
    if pages < 3:
        return set()
    counts = Counter(line.strip() for line in raw_lines if 0 < len(line.strip()) <= 80)
    return {text for text, seen in counts.items() if seen >= 3 and seen >= pages // 2}


def cells_of(text: str) -> list[tuple[int, str]]:
    """The line's cells with the column each starts at. Tabs (Word and web tables) and
    runs of three or more spaces (PDF layout) separate cells; single spaces do not."""
    cells: list[tuple[int, str]] = []
    for match in re.finditer(r"[^\t ]+(?: {1,2}[^\t ]+)*", text):
        cells.append((match.start(), " ".join(match.group(0).split())))
    return cells


def aside_of(text: str, cells: list[tuple[int, str]], width: int) -> str:
    """A right-hand column cell: short, and far to the right after a wide gap or a tab."""
    if len(cells) < 2:
        return ""
    (before, previous), (start, last) = cells[-2], cells[-1]
    gap = text[before + len(previous) : start]
    far = "\t" in gap or (len(gap) >= 6 and start >= max(60, int(width * 0.6)))
    if MARKER_WORD.match(last):
        return ""  # "... the library is closed.        AGREED." belongs to its line
    return last if far and len(last) <= ASIDE_MAX else ""


def lines_of(text: str) -> list[Line]:
    """The document's lines, cleaned, with page furniture dropped and page breaks as blanks."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    furniture = repeated_lines(raw_lines)
    width = max((len(line) for line in raw_lines[:2000]), default=80)
    found: list[Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        if "\f" in raw or raw.strip() in furniture or FURNITURE.match(raw):
            found.append(Line(number, ""))
            continue
        text = clean(raw)
        cells = cells_of(text)
        aside = aside_of(text, cells, width)
        words = " ".join(cell for _, cell in (cells[:-1] if aside else cells))
        indent = cells[0][0] if cells else 0
        found.append(Line(number, words, aside, indent, cells))
    return found


def joined(lines: list[Line]) -> str:
    """Lines of one paragraph as one string, hyphenation at line ends undone."""
    out: list[str] = []
    for line in lines:
        if not line.text:
            continue
        if out and out[-1].endswith("-") and line.text[:1].islower():
            out[-1] = out[-1][:-1] + line.text
        else:
            out.append(line.text)
    return " ".join(out)


SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9•])|\s+•\s+")
SENTENCE_MAX = 2000


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences; a run-on longer than any sentence is cut into pieces, so
    the cost of reading it stays linear."""
    found: list[str] = []
    for sentence in SENTENCE_END.split(paragraph):
        sentence = sentence.strip()
        while len(sentence) > SENTENCE_MAX:
            found.append(sentence[:SENTENCE_MAX])
            sentence = sentence[SENTENCE_MAX:]
        if sentence:
            found.append(sentence)
    return found
