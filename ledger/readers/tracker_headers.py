"""What a tracker's column headers mean, by meaning rather than by one council's spelling.

Headers are compared with case, spacing and punctuation aside, and a plural read as its
singular (``Owners`` is ``Owner``). A header is matched whole, never by a word inside it:
"Meeting date & action number" holds dates, not IDs, and is kept as an extra field.
"""

from __future__ import annotations

import re

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
