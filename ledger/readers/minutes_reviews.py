"""A council's yearly review of its standing documents, minuted a line each: the document,
then what the council made of it, in a column of its own or after a dash ("Financial
Regulations      No change", "Standing Orders – Amended to allow e-mailed agendas",
"Risk assessment: reviewed and adopted"). Each such line is a decision on that document."""

from __future__ import annotations

import re

from ledger.readers.minutes_layout import Line

DOCUMENT = re.compile(
    r"\b(?:standing\s+orders|(?:financial\s+)?regulations|polic(?:y|ies)|terms\s+of\s+ref\w*|"
    r"code\s+of\s+conduct|register|risk\s+assessments?|procedures?|constitution|"
    r"scheme\s+of\s+delegation|complaints\s+procedure|charter|protocol)\b",
    re.IGNORECASE,
)
VERDICT = re.compile(
    r"^(?:no\s+changes?(?:\s+(?:made|required|needed))?|unchanged|amended\b|re-?adopted\b|"
    r"adopted\b|approved\b|reviewed\s+and\s+(?:adopted|approved|agreed|accepted)\b|"
    r"agreed\b|accepted\b)",
    re.IGNORECASE,
)
SPOKEN = re.compile(r"^(?P<document>[^.:–—-]{3,60}?)\s*(?:[:–—]|\s-)\s+(?P<verdict>\S.*)$")
LONGEST = 60  # a document's name is short; a longer first cell is a sentence


def reviewed(line: Line) -> str | None:
    """The decision a line of a document review records, or None."""
    if len(line.cells) >= 2:
        document, verdict = line.cells[0][1], " ".join(text for _, text in line.cells[1:])
    elif found := SPOKEN.match(line.text):
        document, verdict = found["document"], found["verdict"]
    else:
        return None
    if len(document) > LONGEST or not DOCUMENT.search(document) or not VERDICT.match(verdict):
        return None
    return f"{document} {verdict}"
