"""A collected CSV tracker rendered as the spreadsheet and the PDF a clerk might be handed,
so that the reader's XLSX and PDF paths meet real trackers' contents (issue 11).

These are RENDERINGS of real trackers, made here in a temporary folder, not originals: the
stored copies of other bodies' trackers hold no binary files. The layout is kept plain:
- XLSX (openpyxl): a title row above the header (the key's tracker name, where the CSV has
  no title row of its own; else the CSV's title rows), the header, then every row of the CSV
  as it stands (section rows, legend rows, empty rows). A column whose filled cells are all
  dates such as 01/02/26 is written as real dates (day first, shown as written); a cell of
  digits only as a whole number; a cell with line breaks wraps.
- PDF (fpdf2): the title lines above a table; the header as the table's first row; a row of
  one cell (a section heading, a legend line) spans the table's width.
A value written as a real date comes back from the reader as YYYY-MM-DD (its documented
form), so the key's date text is expected as that date in the XLSX rendering; nothing else
in the key is changed.
"""

from __future__ import annotations

import copy
import csv
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = FONT.with_name("DejaVuSans-Bold.ttf")
ORIGINALS = (".pdf", ".xlsx", ".xls", ".ods", ".odt", ".docx", ".doc", ".txt")


def needs_rendering(keyed: Path) -> bool:
    """A CSV with no original beside it (an ODT, PDF, ...): the corpus's collected trackers."""
    return keyed.suffix == ".csv" and not any(keyed.with_suffix(s).exists() for s in ORIGINALS)


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle)]


def filled(row: list[str]) -> int:
    return sum(bool(cell.strip()) for cell in row)


def header_at(rows: list[list[str]]) -> int:
    """Where the header is: the first row with two cells or more filled."""
    return next((n for n, row in enumerate(rows) if filled(row) >= 2), 0)


def as_date(text: str) -> date | None:
    found = DATE.fullmatch(text.strip())
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None


def date_columns(rows: list[list[str]]) -> set[int]:
    """Columns whose filled cells, in the table's rows, are all dates (one at least)."""
    body = [row for row in rows[header_at(rows) + 1 :] if filled(row) >= 2]
    width = max((len(row) for row in body), default=0)
    found = set()
    for column in range(width):
        cells = [row[column] for row in body if column < len(row) and row[column].strip()]
        if cells and all(as_date(cell) for cell in cells):
            found.add(column)
    return found


def write_xlsx(rows: list[list[str]], title: str, path: Path) -> set[str]:
    """The tracker as a spreadsheet; returns the cell texts written as real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    dated, as_dates = set(), date_columns(rows)
    if header_at(rows) == 0:
        sheet.append([title])
    start = header_at(rows)
    for n, row in enumerate(rows):
        values: list[Any] = []
        for column, cell in enumerate(row):
            day = as_date(cell) if n > start and column in as_dates else None
            if day is not None:
                values.append(datetime(day.year, day.month, day.day))
                dated.add(cell.strip())
            elif re.fullmatch(r"[1-9]\d{0,14}|0", cell.strip()):
                values.append(int(cell))
            else:
                values.append(cell)
        sheet.append(values)
        for column, cell in enumerate(sheet[sheet.max_row], start=0):
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yy" if len(row[column].strip()) == 8 else "dd/mm/yyyy"
            elif isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
    return dated


def write_pdf(rows: list[list[str]], title: str, path: Path) -> None:
    """The tracker as a PDF: its title lines, then one table from the header down, in the
    largest type (8 pt down to 5) at which no column is narrower than its longest word."""
    from fpdf import FPDF

    start = header_at(rows)
    titles = [" ".join(c for c in row if c.strip()) for row in rows[:start]] or [title]
    table_rows = [[broken(cell) for cell in row] for row in rows[start:]]
    width = max(len(row) for row in table_rows)
    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_font("DejaVu", style="B", fname=str(BOLD if BOLD.is_file() else FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=12)
    for line in titles:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    size = 8.0
    pdf.set_font("DejaVu", size=size)
    while size > 5 and sum(column_widths(pdf, table_rows, width)[0]) > pdf.epw:
        size -= 0.5
        pdf.set_font("DejaVu", size=size)
    widths = column_widths(pdf, table_rows, width)[1]
    with pdf.table(col_widths=widths, line_height=size * 0.5) as table:
        for row in table_rows:
            cells = table.row()
            if filled(row) == 1 and row[0].strip() and len(row) > 1:
                cells.cell(row[0], colspan=width)
                continue
            for cell in row + [""] * (width - len(row)):
                cells.cell(cell)
    pdf.output(str(path))


def broken(cell: str, most: int = 28) -> str:
    """A long address broken onto lines after its slashes and hyphens, as a word processor
    wraps it (the words of the cell stay the same; the reader joins its lines)."""
    lines = []
    for line in cell.splitlines() or [""]:
        tokens = []
        for token in line.split(" "):
            pieces = re.findall(r"[^/\-]*[/\-]*", token) if len(token) > most else [token]
            chunks = [""]
            for piece in (p for p in pieces if p):
                if chunks[-1] and len(chunks[-1]) + len(piece) > most:
                    chunks.append("")
                chunks[-1] += piece
            tokens.append("\n".join(chunks))
        lines.append(" ".join(tokens))
    return "\n".join(lines)


def column_widths(
    pdf: Any, rows: list[list[str]], width: int
) -> tuple[list[float], tuple[float, ...]]:
    """(least, given) widths: each column at least as wide as its longest word (so no word
    is cut, as a person laying out the table would see to), the rest of the page shared out
    by each column's longest line."""
    pad = 2 * pdf.c_margin + 1
    least, most = [pad + 4.0] * width, [pad + 4.0] * width
    for n, row in enumerate(rows):
        if filled(row) < 2:
            continue
        pdf.set_font(style="B" if n == 0 else "")  # the header row is set in bold
        for column, cell in enumerate(row):
            for line in cell.splitlines():
                longest = max((pdf.get_string_width(w) for w in line.split()), default=0)
                least[column] = max(least[column], longest + pad)
                most[column] = max(most[column], min(pdf.get_string_width(line), 80) + pad)
    pdf.set_font(style="")
    spare = pdf.epw - sum(least)
    wanted = sum(m - n for m, n in zip(most, least, strict=True))
    share = min(1.0, max(0.0, spare / wanted)) if wanted else 0.0
    return least, tuple(n + (m - n) * share for m, n in zip(most, least, strict=True))


def dated_key(answers: dict[str, Any], dated: set[str]) -> dict[str, Any]:
    """The key, with each value written as a real date expected as that date (YYYY-MM-DD)."""
    changed = copy.deepcopy(answers)
    for row in changed.get("rows", []):
        for name, text in row.items():
            if isinstance(text, str) and text.strip() in dated:
                day = as_date(text)
                row[name] = day.isoformat() if day else text
    return changed


def renderings(
    keyed: Path, answers: dict[str, Any], folder: Path
) -> list[tuple[str, Path, dict[str, Any]]]:
    """(via, rendered file, key to score it with) for a collected CSV tracker."""
    rows = csv_rows(keyed)
    title = str(answers.get("tracker") or keyed.stem)
    made: list[tuple[str, Path, dict[str, Any]]] = []
    sheet = folder / f"{keyed.stem}.xlsx"
    made.append(("xlsx (rendered)", sheet, dated_key(answers, write_xlsx(rows, title, sheet))))
    printed = folder / f"{keyed.stem}.pdf"
    if FONT.is_file():  # a font with every letter these trackers use (ë, –, ’, …)
        write_pdf(rows, title, printed)
    made.append(("pdf (rendered)", printed, answers))  # absent without the font: reported
    return made


def documents(
    key_path: Path, answers: dict[str, Any], scratch: Path
) -> list[tuple[str, Path, dict[str, Any]]]:
    """(via, file, key) for each way a key's tracker is read: the keyed file; the originals
    beside it a clerk hands over (PDF, OpenDocument); for a collected CSV, its renderings in
    ``scratch``."""
    keyed = key_path.parent / answers["file"]
    found = [(keyed.suffix.lstrip(".") or "file", keyed, answers)]
    for suffix in (".pdf", ".odt", ".ods"):
        original = keyed.with_suffix(suffix)
        if original != keyed and original.exists():
            found.append((suffix.lstrip("."), original, answers))
    if needs_rendering(keyed):
        found += renderings(keyed, answers, scratch)
    return found
