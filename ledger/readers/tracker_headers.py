"""What a tracker's column headers mean, by meaning rather than by one council's spelling.

Headers are compared with case, spacing and punctuation aside, and a plural read as its
singular (``Owners`` is ``Owner``). A header is matched whole, never by a word inside it:
"Meeting date & action number" holds dates, not IDs, and is kept as an extra field.
"""

from __future__ import annotations

import re

from ledger.readers.tracker_draft import Rows, TrackerFileError

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
    "issue": "issue areafordevelopment finding problem",
    "action": "action recommendation commitment description risk riskdescription "
    "actionrequired actiontobetaken agreedaction actionagreed proposedaction project "
    "projectname task measure kpi indicator deliverable objective title whatwewilldo",
    "health": "actionhealth health healthaction",
    "la": "actionla la laaction localauthority",
    "who": "who owner lead leadofficer ledby responsible responsibleofficer responsibility "
    "sro actionowner actionby actionedby tobeactionedby bywhom assignedto department "
    "leaddepartment directorate",
    "timescale": "timescale deadline due duedate datedue targetdate bywhen when by "
    "completiondate targetcompletiondate deliverydate",
    "ragb": "rag ragb brag ragstatus ragrating status rating progressrating current "
    "currentrating currentstatus overallrating deliveryconfidence",
    "rated_on": "ratedon rateddate ratingdate dateofrating asat",
    "update": "update progress progressupdate commentary comment latestposition position "
    "latestupdate currentposition note narrative",
}
MEANING = {word: name for name, words in SYNONYMS.items() for word in words.split()}
TEXT_FIELDS = ("issue", "action")


def normal(text: str) -> str:
    """A header or word with case, spacing and punctuation aside."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def field_of(header: str, mapping: dict[str, str]) -> str | None:
    """The field a header names: the clerk's ``--map`` first, then the synonyms."""
    key = normal(header)
    if not key:
        return "id" if header.strip() == "#" else None
    for candidate in (key, key[:-1] if key.endswith("s") else key):
        found = mapping.get(candidate) or MEANING.get(candidate)
        if found:
            return found
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
    heading, or holding the ``--key`` column; None when no row is a header at all, and
    one line saying what to do when a header names no column of the items' text."""
    wanted = normal(key or "")
    if key is not None and not wanted:
        raise TrackerFileError(
            source, f"has no column {key!r} (given with --key); name a column it has"
        )
    first_guess = None
    for index, (n, cells) in enumerate(rows):
        if wanted:
            if any(normal(c) == wanted for c in cells):
                return index
            continue
        found = columns_of(cells, mapping)[0]
        filled = sum(1 for c in cells if c.strip())
        if filled >= 2 and any(f in TEXT_FIELDS for f in found.values()):
            return index
        if len(found) >= 2 and first_guess is None:
            first_guess = n
    if wanted:
        raise TrackerFileError(
            source, f"has no column {key!r} (given with --key); name a column it has"
        )
    if first_guess is not None:
        raise TrackerFileError(
            source,
            "has no column holding each item's text (a header such as Action, Issue, "
            "Description, Recommendation or Risk); name it with --map COLUMN=action, "
            "or name the column that identifies each item with --key COLUMN",
            row=first_guess,
        )
    return None
