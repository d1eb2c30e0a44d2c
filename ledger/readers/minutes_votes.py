"""Who moved a motion, as minutes record it: "Proposed by X, seconded by Y", "Prop JB, 2nd
GK", "MOVED BY COUNCILLOR X", "Councillor A moved and Councillor B seconded ...", "X offered
a resolution, supported by Y". The counts and result are read in
:mod:`ledger.readers.minutes_vote_counts`."""

from __future__ import annotations

import re

OFFICER = r"the\s+(?:Vice[- ])?(?:Chair(?:man|woman|person)?|Mayor|Clerk)\b"  # "by the Chairman"
PROPOSER = re.compile(
    r"\b(?i:proposed|proposer|moved|prop(?:\.|(?![a-z]))(?=\s*[A-Z])|(?:motion|proposal)(?=\s+(?i:by|from)\b))(?:\s+(?i:by|from))?\s*:?\s*(?P<who>(?i:cllr\.?|councillor|mr|mrs|ms|dr)?\s*"
    rf"{OFFICER}|(?i:cllr\.?|councillor|mr|mrs|ms|dr)?\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,2}})",
)
SECONDER = re.compile(
    r"(?:\b(?i:seconded|sec(?![a-z])\.?(?=\s*[A-Z])|second(?=\s+by\b))|\b2nd(?=\s+[A-Z]))(?:\s+(?i:by))?\s*:?\s*(?P<who>"
    rf"{OFFICER}|(?i:cllr\.?|councillor|mr|mrs|ms|dr)?\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,2}})",
)


PROPOSAL = re.compile(
    r"\b(?:proposed\s+and\s+seconded|was\s+nominated|were\s+nominated|"
    r"(?:offered|moved|proposed|introduced)\s+(?:a|the)\s+(?:resolution|motion))\b",
    re.I,
)
MOVERS = re.compile(  # "MOVED BY COUNCILLOR X SECONDED BY COUNCILLOR Y" before the motion
    r"^(?:(?i:moved|seconded)\s+(?i:by)\s+(?:(?i:councillor|cllr\.?|mayor|deputy\s+mayor)\s+)?"
    r"[A-Z][\w'.-]*(?:\s+(?!(?i:seconded|that)\b)[A-Z][\w'.-]*){0,2}\s*[,;]?\s*)+"
)


def motion_of(sentence: str) -> str:
    """The motion a sentence holds once who moved and seconded it is set aside."""
    return MOVERS.sub("", sentence)


OFFERED = re.compile(  # "Gary Mantay offered a resolution, supported by Dick Dillon, to ..."
    r"(?P<who>(?:(?i:cllr\.?|councillor|cr|mr|mrs|ms|dr|mayor)\s+)*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})"
    r"\s+(?i:offered|moved|proposed|introduced)\s+(?i:a|the)\s+(?i:resolution|motion)\b"
    r"(?:[^.]{0,20}?\b(?i:supported|seconded)\s+by\s+(?P<by>(?:(?i:cllr\.?|councillor|cr|mr|mrs|ms|dr)"
    r"\s+)*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}))?"
)


MOTION_OPENS = re.compile(r"^(?i:motion\s+by|moved\s+by|it\s+was\s+(?:moved|proposed))\b")


def opens_motion(sentence: str) -> bool:
    """A sentence that moves a motion whose outcome the minutes give a sentence or two on
    ("Motion by A, second by B to change the meeting dates. The new dates are ... Motion
    carried.")."""
    return bool(
        MOTION_OPENS.match(sentence)
        or OFFERED.match(sentence)
        or re.match(rf"{TITLED}\s+(?i:moved|proposed)\s+(?:to|that)\s", sentence)  # "Alderwoman
        # Price moved to award the contract ...", "Commissioner Dunn seconded.", "Motion passed"
    )


TITLED = (  # "Councillor Amber", "Cllr J. Birch", "Mrs Hull": a member named by title
    r"(?:(?i:councillor|cllr\.?|cr\.?|mr|mrs|ms|miss|dr|mayor|council\s?member|commissioner|"
    r"alder(?:man|woman|person)|select(?:man|woman|person))\s+)+"
    r"(?:[A-Z]\.\s*|[A-Z]\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"  # "Cllr P Morgan"
)
NAMED_PROPOSER = re.compile(  # "Councillor Cole presented the report and proposed ..."
    rf"(?P<who>{TITLED})\s+(?:[^.;]{{0,60}}?\s(?i:and)\s+)?(?:then\s+)?(?i:moved|proposed)\b"
    r"(?!\s+by\b)"
)
NAMED_SECONDER = re.compile(rf"(?P<who>{TITLED})\s+(?:then\s+)?(?i:seconded)\b(?!\s+by\b)")
NAMED_PAIR = re.compile(  # "Cllr P Morgan proposed & Cllr J Penn seconded.", after the motion
    rf"^{TITLED}\s+(?i:proposed|moved)\s*(?:,|&|(?i:and))\s*{TITLED}\s+(?i:seconded)\W*$"
)


PAIRED = re.compile(  # "Moved T. Caterina - D. Loken:": a city council's mover and seconder
    r"\b(?i:moved)\s+(?P<who>(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+[-–]\s+"
    r"(?P<by>(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*:"
)


def mover(text: str) -> tuple[str, str]:
    """Who proposed and who seconded, where the minutes say."""
    if paired := PAIRED.search(text):
        return paired["who"], paired["by"]
    proposed = PROPOSER.search(text) or NAMED_PROPOSER.search(text)
    seconded = SECONDER.search(text) or NAMED_SECONDER.search(text)
    offered = OFFERED.search(text)
    if offered and (proposed is None or offered.start() < proposed.start()):
        return name(offered["who"]), name(offered["by"] or "")
    return (name(proposed["who"]) if proposed else "", name(seconded["who"]) if seconded else "")


def name(who: str) -> str:
    """A mover's name, ending where its sentence ends ("Cllr Mrs Hull. Carried")."""
    title = re.match(r"(?i:cllr|mrs|mr|ms|dr|cr)\.\s", who)  # "Cllr. Lynden" keeps its name
    at = title.end() if title else 0
    words = (who[:at] + re.split(r"(?<=[a-z]{2})\.\s", who[at:], maxsplit=1)[0]).strip(" .,;")
    words = words.split()
    for at, word in enumerate(words):
        if word.lower() in ("seconded", "moved", "by", "that"):  # "JOHNSTON SECONDED BY ..."
            words = words[:at]
            break
    while words and words[-1].lower() in ("all", "carried", "agreed", "unanimously", "motion"):
        words.pop()  # "2nd DD All agreed": the name is DD
    return " ".join(words)
