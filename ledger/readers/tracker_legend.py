"""A tracker's legend (its key): what its terms and ratings mean, kept apart from its items.

Trackers explain themselves below the table in two ways:

- a row starting ``KEY`` (or ``Legend``, ``RAG key``) whose other cells name sections, each
  with its terms below and their meanings in the next column (the seed's layout);
- lines of one cell each, under ``Key`` or straight after the last item: ``Term: meaning``
  lines, and a ``Status:`` line heading bulleted lines (``· Green: achieved``) that are
  its own section.

Either way the legend becomes the tracker's key, never items.
"""

from __future__ import annotations

import re

from ledger.readers.tracker_draft import Rows
from ledger.readers.tracker_headers import normal

LEGEND_WORD = re.compile(r"(?:rag|ragb|brag|status|rating)?(?:key|legend)")
BULLET = re.compile(r"^[·•▪◦*\-–]\s*")
TERM = re.compile(r"^([^:=]{1,60}?)\s*[:=]\s*(.*)$", re.DOTALL)
TERM_WORDS = 6  # a "term" longer than this before its colon is a sentence, not a term


def filled(cells: list[str]) -> list[str]:
    return [c.strip() for c in cells if c.strip()]


def starts_legend(cells: list[str]) -> bool:
    """A row whose first filled cell is the word Key or Legend (``RAG key``, ``Key:``)."""
    said = filled(cells)
    return bool(said) and bool(LEGEND_WORD.fullmatch(normal(said[0].split(":")[0])))


def legend_lines(rows: Rows, index: int) -> bool:
    """The rows from ``index`` on are a legend of one-cell lines: two or more, each of one
    cell, most of them ``Term: meaning`` or bulleted."""
    lines = [filled(cells) for _, cells in rows[index:] if filled(cells)]
    if len(lines) < 2 or any(len(line) > 1 for line in lines):
        return False
    explained = sum(1 for [text] in lines if BULLET.match(text) or term_of(text)[1] is not None)
    return explained * 2 >= len(lines)


def term_of(text: str) -> tuple[str, str | None]:
    """``Term: meaning`` as (term, meaning); (text, None) when the line names no term."""
    found = TERM.match(text)
    if not found or len(found.group(1).split()) > TERM_WORDS:
        return text, None
    return found.group(1).strip(), " ".join(found.group(2).split())


def read_legend(rows: Rows, index: int) -> dict[str, dict[str, str]]:
    """The legend starting at row ``index``, as sections of terms and their meanings."""
    first = rows[index][1]
    sections = {i: c.strip() for i, c in enumerate(first) if c.strip() and not starts_legend([c])}
    if not starts_legend(first) or not sections:
        return one_column(rows, index)
    key: dict[str, dict[str, str]] = {name: {} for name in sections.values()}
    for _, cells in rows[index + 1 :]:
        for i, name in sections.items():
            term = cells[i].strip() if i < len(cells) else ""
            if term:
                key[name][term] = cells[i + 1].strip() if i + 1 < len(cells) else ""
    return key


def one_column(rows: Rows, index: int) -> dict[str, dict[str, str]]:
    """Lines of one cell: ``Term: meaning`` under the legend's title; a term with no
    meaning ("Status:") heads the bulleted lines under it."""
    top = "Key"
    key: dict[str, dict[str, str]] = {top: {}}
    current = top
    for _, cells in rows[index:]:
        text = " ".join(filled(cells))
        if not text:
            continue
        if starts_legend([text]):
            text = text.split(":", 1)[1].strip() if ":" in text else ""
            if not text:
                continue
        bulleted = bool(BULLET.match(text))
        term, meaning = term_of(BULLET.sub("", text))
        if not bulleted and meaning == "":
            current = term
            key.setdefault(current, {})
            continue
        if not bulleted:
            current = top
        key[current][" ".join(term.split())] = meaning or ""
    for name in [n for n, terms in key.items() if not terms and n != top]:
        del key[name]
        key[top][name] = ""  # a heading with no lines under it is a term still
    return {name: terms for name, terms in key.items() if terms}
