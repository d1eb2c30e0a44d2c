"""How minutes record a vote: who proposed and seconded a motion, the counts for, against
and abstaining ("7 for, 2 against, 1 abstention", "with one against", "Prop JB, 2nd GK"),
and the result ("carried unanimously")."""

from __future__ import annotations

import re

from ledger.readers.minutes_draft import Vote

NUMBER_WORDS = {"no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
COUNT = r"(\d{1,3}|no|none|one|two|three|four|five)"
VOTERS = (  # "45 Councillors voting in favour", "4 votes for"
    r"(?:(?:councillors|members|governors|trustees|directors)\s+(?:voting\s+|voted\s+)?|votes?\s+)?"
)
FOR = re.compile(rf"\b{COUNT}\s+{VOTERS}(?:for|in\s+favour)\b", re.IGNORECASE)
AGAINST = re.compile(rf"\b{COUNT}\s+{VOTERS}against\b|\bagainst\s*:?\s*{COUNT}\b", re.I)
ABSTAIN = re.compile(
    rf"\b{COUNT}\s+abstentions?\b|\b{COUNT}\s+(?:councillors\s+|members\s+)?abstained\b", re.I
)
FOR_AFTER = re.compile(rf"\b(?:for|in\s+favour)\s*:?\s*{COUNT}\b", re.IGNORECASE)
VOTING = re.compile(
    r"\bvot(?:e|es|ed|ing)\b|\bin\s+favour\b|\bagainst\b|\babstain|\babstention|"
    r"\bunanimous|\bcarried\b|\bshow\s+of\s+hands\b|\bdivision\b",
    re.IGNORECASE,
)
RESULT = re.compile(r"\b(unanimous(?:ly)?|carried|lost|fell|defeated)\b", re.IGNORECASE)
PROPOSER = re.compile(
    r"\b(?i:proposed|moved|prop\.?(?=\s*[A-Z])|motion(?=\s+(?i:by|from)\b))(?:\s+(?i:by|from))?\s*:?\s*(?P<who>(?i:cllr\.?|councillor|mr|mrs|ms|dr)?\s*"
    r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})",
)
SECONDER = re.compile(
    r"(?:\b(?i:seconded|sec(?![a-z])\.?(?=\s*[A-Z])|second(?=\s+by\b))|\b2nd(?=\s+[A-Z]))(?:\s+(?i:by))?\s*:?\s*(?P<who>(?i:cllr\.?|councillor|mr|mrs|ms|dr)?\s*"
    r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})",
)


def counted(sentence: str) -> bool:
    """Whether a sentence counts votes for a motion ("4 Votes for 2 Votes against")."""
    return bool(VOTING.search(sentence) and (FOR.search(sentence) or FOR_AFTER.search(sentence)))


def count(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text.lower())


def vote(text: str) -> Vote | None:
    """Counts and result where the minutes give them ("7 for, 2 against, 1 abstention",
    "with one against", "carried unanimously")."""
    if not VOTING.search(text):
        return None  # "lasting for 2-3 years" counts no votes
    found = {
        "for": FOR.search(text) or FOR_AFTER.search(text),
        "against": AGAINST.search(text),
        "abstain": ABSTAIN.search(text),
    }
    result = RESULT.search(text)
    if not any(found.values()) and not result:
        return None
    numbers = {
        k: count(next((g for g in m.groups() if g), None)) if m else None for k, m in found.items()
    }
    word = result.group(1).lower() if result else ""
    word = (
        "unanimous"
        if word.startswith("unanimous")
        else {"fell": "lost", "defeated": "lost"}.get(word, word)
    )
    if word == "unanimous" and numbers["against"] is None:
        numbers["against"] = 0
    return Vote(
        said=text if len(text) <= 300 else text[:300],
        result=word,
        votes_for=numbers["for"],
        against=numbers["against"],
        abstained=numbers["abstain"],
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
    return bool(MOTION_OPENS.match(sentence) or OFFERED.match(sentence))


def mover(text: str) -> tuple[str, str]:
    """Who proposed and who seconded, where the minutes say."""
    proposed = PROPOSER.search(text)
    seconded = SECONDER.search(text)
    offered = OFFERED.search(text)
    if offered and (proposed is None or offered.start() < proposed.start()):
        return name(offered["who"]), name(offered["by"] or "")
    return (name(proposed["who"]) if proposed else "", name(seconded["who"]) if seconded else "")


def name(who: str) -> str:
    """A mover's name, ending where its sentence ends ("Cllr Mrs Hull. Carried")."""
    words = re.split(r"(?<=[a-z]{2})\.\s", who, maxsplit=1)[0].strip(" .,;").split()
    for at, word in enumerate(words):
        if word.lower() in ("seconded", "moved", "by", "that"):  # "JOHNSTON SECONDED BY ..."
            words = words[:at]
            break
    while words and words[-1].lower() in ("all", "carried", "agreed", "unanimously", "motion"):
        words.pop()  # "2nd DD All agreed": the name is DD
    return " ".join(words)
