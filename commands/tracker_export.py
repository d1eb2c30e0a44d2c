"""``govledger tracker export``: the tracker back out, as a sheet the import reads unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING

import click

from commands.output import FORMULA_STARTS, spreadsheet_safe
from commands.session import DAY, Session, pass_session

if TYPE_CHECKING:
    from projections.tracker_export import Sheet

FORMATS = ("xlsx", "csv")
FILLS = {"Red": "FF0000", "Amber": "FFC000", "Green": "00B050", "Blue": "0070C0"}
WHITE_ON = ("Red", "Blue")  # fills dark enough to need white text
WIDEST = 60  # characters a column is shown at, at most (longer text wraps)


@click.command("export")
@click.argument("tracker")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    help="xlsx (ratings coloured) or csv; default by -o's ending (.xlsx), else csv.",
)
@click.option("--at", "at", type=DAY, help="As it stood on this date (default today).")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write to FILE (whole or not at all); csv goes to standard output without it "
    "(or with -o -).",
)
@pass_session
def tracker_export(
    session: Session, tracker: str, fmt: str | None, at: dt.date | None, output: str | None
) -> None:
    """Write TRACKER as a sheet that govledger tracker import reads back unchanged.

    One row per action line, in the columns of the file the tracker was last imported
    from, under its own headings and in its order, its own extra columns holding the words
    last imported ("Ref", "Action required", "Lead officer", "RAG", "Comments" ...); a
    tracker never imported gets the columns the import reads (No., Action, Who, Timescale,
    RAGB, Update ...). Its heading above, its key below; in xlsx the rating cells are
    filled red, amber, green or blue. Importing the file again records nothing; after a
    rating changes, only that change. In csv a cell starting with =, +, -, @, a tab or a
    carriage return starts with an apostrophe, so no spreadsheet runs it as a formula; the
    import takes the apostrophe off again. In xlsx every cell is text, never a formula.

    \b
    Example:
      govledger tracker export hf-send-2019 -o hf-send-2019.xlsx
      govledger tracker export hf-send-2019 --at 2019-06-12 --format csv -o june.csv
      govledger tracker import hf-send-2019 hf-send-2019.xlsx --dry-run   # records nothing
    """
    from projections.tracker_export import tracker_sheet

    if output == "-":
        output = None  # standard output, as the other commands take -o -
    fmt = chosen_format(fmt, output)
    today = session.today()
    if at is not None and at > today:
        raise click.BadParameter(
            f"{at.isoformat()} lies in the future; give a day up to today ({today.isoformat()})",
            param_hint="--at",
        )
    sheet = tracker_sheet(session.ledger, session.views(), tracker, at or today)
    if not sheet.actions:
        from ledger.errors import Refused

        raise Refused(
            f"{tracker} had no actions on {sheet.at.isoformat()}; nothing written "
            "(give a later --at, or import the tracker first)"
        )
    neutralised = 0
    if fmt == "csv":
        text, neutralised = csv_text(sheet)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_whole(Path(output), lambda path: path.write_text(text, encoding="utf-8-sig"))
    else:
        assert output is not None
        write_whole(Path(output), lambda path: write_xlsx(sheet, path))
    rows = len(sheet.body)
    where = f" to {output}" if output else ""
    click.echo(
        f"Exported {tracker} as it stood on {sheet.at.isoformat()}: "
        f"{counted(sheet.actions, 'action')} in {counted(rows, 'row')}, "
        f"{counted(len(sheet.columns), 'column')}{where}.",
        err=True,
    )
    if sheet.mapped:
        maps = " ".join(f'--map "{pair}"' for pair in sheet.mapped)
        click.echo(
            f"Note: the tracker's file had columns read as fields not named by their "
            f"headings; import this file with {maps}, as the tracker was.",
            err=True,
        )
    if neutralised:
        cells = "cell starts" if neutralised == 1 else "cells start"
        begin = "begins" if neutralised == 1 else "begin"
        click.echo(
            f"Note: {neutralised} {cells} with =, +, -, @, a tab or a carriage return and "
            f"{begin} with an apostrophe, so no spreadsheet runs them as formulas; tracker "
            "import takes the apostrophe off again.",
            err=True,
        )


def chosen_format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one -o's ending names; one line for a mismatch."""
    ending = Path(output).suffix.lower() if output else ""
    chosen = (fmt or ("xlsx" if ending == ".xlsx" else "csv")).lower()
    if chosen == "xlsx" and output is None:
        raise click.BadParameter(
            "an xlsx workbook is written to a file; give -o FILE.xlsx (or --format csv)",
            param_hint="-o",
        )
    if chosen == "csv" and ending in (".xlsx", ".xlsm", ".ods"):
        raise click.BadParameter(
            f"{output} names a workbook but --format is csv; write to a .csv file, or use "
            "--format xlsx",
            param_hint="-o",
        )
    return chosen


def write_whole(path: Path, write: object) -> None:
    from commands.written_file import written_whole

    with written_whole(path, "-o") as temporary:
        write(temporary)  # type: ignore[operator]


def csv_text(sheet: Sheet) -> tuple[str, int]:
    """The sheet as CSV (RFC 4180), formula-like cells neutralised; and how many were."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    width = max(len(row) for row in sheet.rows())
    neutralised = 0
    for row in sheet.rows():
        neutralised += sum(1 for c in row if c.startswith(FORMULA_STARTS))
        writer.writerow([spreadsheet_safe(c) for c in row] + [""] * (width - len(row)))
    return out.getvalue(), neutralised


def write_xlsx(sheet: Sheet, path: Path) -> None:
    """The sheet as a workbook: every cell text (never a formula), the header bold, each
    rating's cell filled with its colour, long text wrapped."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    page = book.create_sheet(sheet_title(sheet.tracker))
    for i, column in enumerate(sheet.columns):
        longest = max([len(column.header), *(len(r[i]) for r in sheet.body if i < len(r))])
        page.column_dimensions[get_column_letter(i + 1)].width = min(longest, WIDEST) + 2
    wrap = Alignment(wrap_text=True, vertical="top")
    rating = sheet.rating_column

    def text_cell(value: str, *, bold: bool = False, fill: str = "") -> WriteOnlyCell | None:
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        if not text:
            return None
        cell = WriteOnlyCell(page, value=text)
        cell.data_type = "s"  # text, even when it starts with '=': never a formula
        cell.alignment = wrap
        if bold or fill:
            white = fill in WHITE_ON
            cell.font = Font(bold=bold, color="FFFFFF" if white else None)
        if fill:
            cell.fill = PatternFill("solid", fgColor=FILLS[fill])
        return cell

    for row in sheet.above:
        page.append([text_cell(c, bold=True) for c in row])
    if sheet.headed:
        page.append([text_cell(h, bold=True) for h in sheet.header])
    for row, rated in zip(sheet.body, sheet.fills, strict=True):
        page.append([text_cell(c, fill=rated if i == rating else "") for i, c in enumerate(row)])
    for row in sheet.below:
        page.append([text_cell(c) for c in row])
    book.save(path)


def sheet_title(tracker: str) -> str:
    """A sheet's name: the tracker's ref, without what Excel refuses there, 31 at most."""
    name = "".join("-" if ch in "[]:*?/\\" else ch for ch in tracker)[:31]
    return name or "Tracker"


def counted(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
