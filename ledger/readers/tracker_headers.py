"""What a tracker's column headers mean, by meaning rather than by one council's spelling.

Headers are compared with case, spacing and punctuation aside, and a plural read as its
singular (``Owners`` is ``Owner``, ``Lead officer(s)`` is ``Lead officer``); ``to date``
or ``name`` after a header is a header still (``Progress to date``, ``Sponsor name``). A
header is matched whole, never by a word inside it: "Meeting date & action number" holds
dates, not IDs, and is kept as an extra field. A header that adds a second name after a
slash or in brackets is read by its first ("Lead Officer/EM", "Responsible officer /
team", "Status (RAG)", "Target date (dd/mm/yy)"); the rest only names the same column
again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.readers.tracker_draft import Rows, TrackerFileError

#: The heading govledger's own export gives each field of a tracker with no columns recorded
#: (projections/tracker_export.py writes these first): a file in them is the ledger's own layout.
DEFAULT_HEADINGS = {
    "id": "No.",
    "kloe": "KLOE",
    "theme": "Theme",
    "issue": "Issue",
    "action": "Action",
    "health": "Action Health",
    "la": "Action LA",
    "who": "Who",
    "timescale": "Timescale",
    "ragb": "RAGB",
    "update": "Update",
}

FIELDS = (
    "id",
    "kloe",
    "theme",
    "issue",
    "action",
    "health",
    "la",
    "who",
    "timescale",
    "ragb",
    "rated_on",
    "update",
)
SYNONYMS = {
    "id": "id ref reference refno no number num itemno itemnumber item actionno actionnumber "
    "actionref actionid recno recommendationno recommendationnumber riskno riskid riskref "
    "kpiref kpino kpiid itemid projectid projectref projectno",
    "kloe": "kloe",
    "theme": "theme area workstream section",
    "issue": "issue areafordevelopment finding problem issuetitle risktitle",
    "action": "action recommendation commitment description risk riskdescription "
    "actionrequired actiontobetaken agreedaction actionagreed proposedaction project "
    "projectname task measure kpi indicator deliverable objective title whatwewilldo",
    "health": "actionhealth health healthaction",
    "la": "actionla la laaction localauthority",
    "who": "who owner ownership lead leadofficer ledby responsible responsibleofficer "
    "responsibility sro actionowner actionby actionedby tobeactionedby bywhom assignedto "
    "department leaddepartment directorate officerresponsible responsibleperson personresponsible "
    "leadperson leadmember leadorganisation leadagency recommendationowner riskowner "
    "owneroftheaction accountableofficer sponsor executivesponsor champion portfolioholder "
    "cabinetmember executivemember officer",
    "timescale": "timescale deadline due duedate datedue targetdate bywhen when by "
    "completiondate targetcompletiondate deliverydate",
    "ragb": "rag ragb brag ragstatus ragrating status rating progressrating current "
    "currentrating currentstatus overallrating deliveryconfidence",
    "rated_on": "ratedon rateddate ratingdate dateofrating asat",
    "update": "update progress progressupdate commentary comment latestposition position "
    "latestupdate currentposition note narrative actiontaken actionstaken actionsdone "
    "progressmade positionstatement statusupdate updateonprogress progresscomment "
    "progressnote officerupdate officercomment commentsupdate latestcomment response "
    "managementresponse",
}
MEANING = {word: name for name, words in SYNONYMS.items() for word in words.split()}
TEXT_FIELDS = ("issue", "action")


NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]")


def normal(text: str) -> str:
    """A header or word with case, spacing and punctuation aside."""
    return NOT_LETTER_OR_DIGIT.sub("", text.lower())


SECOND_NAME = re.compile(r"\s*[/\\(\[]")
PLURAL = re.compile(r"\(s\)")


def field_of(header: str, mapping: dict[str, str]) -> str | None:
    """The field a header names: the clerk's ``--map`` first, then the synonyms; a header
    naming its column twice ("Lead Officer/EM") by its first name."""
    if not normal(header):
        return "id" if header.strip() == "#" else None
    whole = PLURAL.sub("", header)
    found = mapping.get(normal(header)) or meaning(normal(whole), mapping)
    first = normal(SECOND_NAME.split(whole, maxsplit=1)[0])
    if found or not first or first == normal(whole):
        return found
    return meaning(first, mapping)


def meaning(key: str, mapping: dict[str, str]) -> str | None:
    """The field a normalised header means, as said, in the singular, or ``to date``."""
    for candidate in (key, key.removesuffix("todate"), key.removesuffix("name")):
        for said in (candidate, candidate[:-1] if candidate.endswith("s") else candidate):
            if said in mapping or said in MEANING:
                return mapping.get(said) or MEANING[said]
    return None


def header_text(cell: str) -> str:
    """A header as the tracker writes it, on one line ("Meeting date & action number")."""
    return " ".join(cell.split())


def columns_of(cells: list[str], mapping: dict[str, str]) -> tuple[dict[int, str], dict[int, str]]:
    """Each column's field, and each headed column's name as written (a second column of
    the same name is ``Name (2)``; a second column of the same field is kept by its name)."""
    columns: dict[int, str] = {}
    names: dict[int, str] = {}
    for i, cell in enumerate(cells):
        if not cell.strip():
            continue
        name, count = header_text(cell), 1
        while name in names.values():
            count += 1
            name = f"{header_text(cell)} ({count})"
        names[i] = name
        found = field_of(cell, mapping)
        if found and found not in columns.values():
            columns[i] = found
    return columns, names


def find_header(source: str, rows: Rows, mapping: dict[str, str], key: str | None) -> int | None:
    """The index of the header row: the first naming the item's text beside another
    heading, or holding the ``--key`` column, else the first naming two columns (its
    text is then told by what the columns hold); None when no row is a header at all."""
    wanted = normal(key or "")
    if key is not None and not wanted:
        raise TrackerFileError(
            source, f"has no column {key!r} (given with --key); name a column it has"
        )
    first_guess = None
    for index, (_, cells) in enumerate(rows):
        if wanted:
            if any(normal(c) == wanted for c in cells):
                return index
            continue
        found = columns_of(cells, mapping)[0]
        filled = sum(1 for c in cells if c.strip())
        if filled >= 2 and any(f in TEXT_FIELDS for f in found.values()):
            return index
        if len(found) >= 2 and first_guess is None:
            first_guess = index
    if wanted:
        raise TrackerFileError(
            source, f"has no column {key!r} (given with --key); name a column it has"
        )
    return first_guess


def no_text_column(source: str, row: int) -> TrackerFileError:
    """The refusal of a header under which no column holds the items' text."""
    return TrackerFileError(
        source,
        "has no column holding each item's text (a header such as Action, Issue, "
        "Description, Recommendation or Risk); name it with --map COLUMN=action, "
        "or name the column that identifies each item with --key COLUMN",
        row=row,
    )


class Heading(str):
    """A column's header as written, knowing which column of the file it heads (``place``),
    so that the columns of a draft can be given back in the file's order."""

    place: int

    def __new__(cls, text: str, place: int) -> Heading:
        heading = super().__new__(cls, text)
        heading.place = place
        return heading


@dataclass
class Header:
    """A header of one row or two: each column's field and name, and the rows it spans."""

    first: int  # index of its first row
    last: int  # index of its last row
    columns: dict[int, str]
    names: dict[int, str]
    parts: list[list[str]]  # each of its rows' cells, normalised (repeated at page breaks)


def header_at(rows: Rows, index: int, mapping: dict[str, str]) -> Header:
    """The header found at ``index``, with the row above when it groups the columns under
    it ("Delivery" over Lead and Due) and the row below when it carries on the captions
    ("Target" / "date", or "Progress" over Q1 and Q2)."""
    cells = rows[index][1]
    first = index - 1 if index and is_group_row(rows[index - 1][1], cells) else index
    after = rows[index + 1][1] if index + 1 < len(rows) else []
    last = index + 1 if after and carries_caption(cells, after, mapping) else index
    parts = [rows[k][1] for k in range(first, last + 1)]
    width = max(len(p) for p in parts)
    columns: dict[int, str] = {}
    names: dict[int, str] = {}
    for i in range(width):
        pieces = [piece for k in range(len(parts)) if (piece := caption(parts, k, i))]
        if not pieces:
            continue
        name, count = header_text(" ".join(pieces)), 1
        while name in names.values():
            count += 1
            name = f"{header_text(' '.join(pieces))} ({count})"
        names[i] = Heading(name, i)
        for said in (" ".join(pieces), *reversed(pieces)):
            found = field_of(said, mapping)
            if found and found not in columns.values():
                columns[i] = found
                break
    return Header(first, last, columns, names, [[normal(c) for c in p] for p in parts])


def caption(parts: list[list[str]], k: int, i: int) -> str:
    """Row ``k``'s caption of column ``i``: its own cell, or the caption spanning to it
    from the left over columns that are all captioned in the rows below (a merged group)."""
    row = parts[k]
    if cell(row, i):
        return cell(row, i)
    below = parts[k + 1 :]
    g = next((j for j in range(min(i, len(row)) - 1, -1, -1) if cell(row, j)), None)
    if g is None or not all(any(cell(p, j) for p in below) for j in range(g, i + 1)):
        return ""
    return cell(row, g)


def cell(cells: list[str], i: int) -> str:
    return cells[i].strip() if i < len(cells) else ""


def is_group_row(cells: list[str], header: list[str]) -> bool:
    """A row of two or more short captions above the header, none over its first column,
    each over a captioned column: a group of columns, not the tracker's title."""
    filled = [i for i, c in enumerate(cells) if c.strip()]
    return (
        len(filled) >= 2
        and filled[0] > 0
        and all(len(cells[i].split()) <= 4 and cell(header, i) for i in filled)
    )


def carries_caption(header: list[str], cells: list[str], mapping: dict[str, str]) -> bool:
    """A row under the header that goes on captioning it: short words only, none under
    the header's first column nor under the column of the items' text or their ID."""
    columns = columns_of(header, mapping)[0]
    filled = [i for i, c in enumerate(cells) if c.strip()]
    captioned = [i for i, c in enumerate(header) if c.strip()]
    if not filled or not captioned or filled[0] <= captioned[0]:
        return False
    if any(columns.get(i) in (*TEXT_FIELDS, "id") for i in filled):
        return False
    return all(len(cells[i].split()) <= 3 and cells[i].strip()[-1] not in ".!?" for i in filled)
