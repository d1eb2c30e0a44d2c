"""Matters listed for the next agenda, each a request to come back to the next meeting,
and each asked once: "The following matters were agreed for the next agenda:", then a
lettered list; the meeting's usual business listed again is no request."""

from __future__ import annotations

import re
from dataclasses import replace

from ledger.readers.minutes_draft import DraftItem, ReportBack, When

AGENDA_LIST = re.compile(
    r"\b(?:matters|items|topics)\s+(?:were\s+agreed\s+)?(?:for|on)\s+(?:the\s+)?(?:(?:next|future)\s+"
    r"(?:agenda|meeting)|agenda\s+(?:of|for)\s+(?:the\s+)?next\s+meeting)",
    re.IGNORECASE,
)


NEXT_AGENDA = When("the next meeting", None, "next")  # where listed matters come back


def agenda_list(line: str) -> bool:
    """A line that opens a list of matters for the next agenda ("The following matters
    were agreed for the next agenda:")."""
    return bool(AGENDA_LIST.search(line)) and line.rstrip().endswith(":")


def agenda_heading(title: str) -> bool:
    """An item headed "Items for agenda of next meeting"."""
    return bool(AGENDA_LIST.search(title))


def listed(text: str) -> list[str]:
    """The matters of a list given on one line ("- Parish Partnership - Risk Assessment")
    or one per line (a lettered part, a bullet); a heading that ends in a colon introduces
    the matters below it and is none itself."""
    if text[:1] in "-•●*" and " - " in text:
        return [m.strip() for m in text.lstrip("-•●* ").split(" - ") if m.strip()]
    return [] if text.rstrip().endswith(":") else [text]  # "i. Policies:" heads what follows


def asked_once(items: list[DraftItem]) -> None:
    """Each request to come back once. Where a decision's follow-up asks what a report-back
    of the same item already asks (the same meeting or date, and the report-back's words
    within the decision's), or only opens the list of matters for the next agenda that
    come back one by one, the decision keeps no follow-up of its own ("CC proposed ... that
    the information be presented at the July meeting." drafted as a report-back, then as
    the decision "Councillors present were content" settles). A lettered list that starts
    again at "a." inside a list of matters is the matter above's own list. A matter listed
    for the next agenda that is only one of this meeting's own item headings ("b. Finance",
    "f. Safeguarding." where the minutes have items "Finance", "Safeguarding") is the usual
    business coming round again, not something asked back."""
    standing = {heading_of(item.title) for item in items if item.title}
    for item in items:
        item.report_backs = [
            kept
            for r in sublisted(item.report_backs)
            for kept in (
                invited(r) if r.when == NEXT_AGENDA and heading_of(r.what) in standing else [r]
            )
        ]
        asked = [(r.when.said, set(re.findall(r"\w+", r.what.lower()))) for r in item.report_backs]
        if not asked:
            continue
        for at, decision in enumerate(item.decisions):
            if decision.follow_up is None:
                continue
            whole = set(re.findall(r"\w+", " ".join([decision.text, *decision.parts]).lower()))
            if any(
                said == decision.follow_up.said
                and (len(words & whole) >= 0.7 * len(words) or AGENDA_LIST.search(decision.text))
                for said, words in asked
            ):
                item.decisions[at] = replace(decision, follow_up=None)


PRESENTATION = re.compile(r"^(?:a\s+)?(?:presentation|talk|briefing)\s+(?:from|by)\s", re.I)


def invited(usual: ReportBack) -> list[ReportBack]:
    """The points of the usual business listed for the next agenda that are asked of
    someone ("g. Governance ● Agree election procedure ● Presentation from Lex Gainsbury
    on the impact of the pandemic"): the presentation is invited; the business is routine."""
    points = [p.strip() for p in re.split(r"\s[●•]\s", usual.what)[1:]]
    return [replace(usual, what=p) for p in points if PRESENTATION.match(p)]


def heading_of(text: str) -> str:
    """A listed matter's or an item's heading, as compared: without its letter, its
    bullets below, its punctuation and case ("f. Safeguarding." is "safeguarding")."""
    head = re.split(r"\s[●•]\s", text, maxsplit=1)[0]
    head = re.sub(r"^\(?[a-z0-9]{1,3}[.)]\s+", "", head.strip(), flags=re.IGNORECASE)
    return " ".join(re.findall(r"\w+", head.lower()))


LETTER = re.compile(r"^\(?(?P<letter>[a-z])[.)]\s")


def sublisted(backs: list[ReportBack]) -> list[ReportBack]:
    """Matters listed for the same meeting, where lettering starts again ("h. Committee
    Reports", then "a. Learning Committee", "b. Business Committee"): the restarted letters
    are the matter above's parts, one report-back with them."""
    kept: list[ReportBack] = []
    last = ""
    for back in backs:
        found = LETTER.match(back.what)
        letter = found["letter"] if found else ""
        above = kept[-1] if kept else None
        nested = letter and last and letter < last and above and above.when == back.when
        if nested and above is not None:
            kept[-1] = replace(above, what=f"{above.what} {back.what}")
            continue
        last = letter if letter else ""
        kept.append(back)
    return kept
