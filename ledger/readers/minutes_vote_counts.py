"""How minutes count a vote and give its result: "7 for, 2 against, 1 abstention", "4 Votes
for 2 Votes against", "For: 26 / Against: 32 / Abstention: 0" (label first, often a line
each), "carried by 22 votes to one, with two abstentions", "passed 5-0", "with one
against", "carried unanimously", "nem con", "The motion was not carried", and who voted
which way where the minutes name them ("Those voting for: Cllrs A, B and C", "roll call
vote Berg yea, Ortiz nay")."""

from __future__ import annotations

import re

from ledger.readers.minutes_draft import Vote

NUMBER_WORDS = {
    **{"no": 0, "none": 0, "nil": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4},
    **{"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11},
    "twelve": 12,
}
COUNT = r"(\d{1,3}|no|none|nil|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
VOTERS = (  # "45 Councillors voting in favour", "4 votes for"
    r"(?:(?:councillors|members|governors|trustees|directors)\s+(?:voting\s+|voted\s+)?|votes?\s+)?"
)
FOR = re.compile(rf"\b{COUNT}\s+{VOTERS}(?:for|in\s+favour|yes|ayes?)\b", re.IGNORECASE)
AGAINST = re.compile(rf"\b{COUNT}\s+{VOTERS}(?:against|nays?)\b", re.I)
ABSTAIN = re.compile(
    rf"\b{COUNT}\s+abstentions?\b|\b{COUNT}\s+(?:councillors\s+|members\s+)?abstain(?:ed|ing)?\b",
    re.I,
)
LABEL = r"\s*(?:[:=\-–]\s*)?"  # "For: 12", "Against - 3", "Abstentions 0"
FOR_AFTER = re.compile(rf"\b(?:for|in\s+favour|ayes?)\b{LABEL}{COUNT}\b", re.IGNORECASE)
AGAINST_AFTER = re.compile(rf"\b(?:against|nays?|noes)\b{LABEL}{COUNT}\b", re.IGNORECASE)
ABSTAIN_AFTER = re.compile(rf"\b(?:abstentions?|abstained|abstain)\b{LABEL}{COUNT}\b", re.I)
BY_VOTES = re.compile(  # "carried by 22 votes to one", "lost by 5 votes to 7", "passed 5-0"
    rf"\b(?:by\s+)?{COUNT}\s+votes?\s+to\s+{COUNT}\b|"
    rf"\b(?:carried|passed|approved|agreed|adopted|lost|failed|defeated)\s+(?:by\s+)?"
    r"(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\b",
    re.IGNORECASE,
)
NOT_A_VOTE = r"(?!\s+(?:out|forward|over|through|on)\b)"  # work "carried out" is no vote
VOTING = re.compile(
    r"\bvot(?:e|es|ed|ing)\b|\bin\s+favour\b|\bagainst\b|\babstain|\babstention|"
    rf"\bunanimous|\bnem\.?\s*con|\bcarried\b{NOT_A_VOTE}|\bshow\s+of\s+hands\b|\bdivision\b|"
    r"\broll\s+call\b|\b(?:motion|amendment|proposal)\b[^.]{0,80}?\b(?:lost|fell|defeated|failed)\b",
    re.IGNORECASE,
)
RESULT = re.compile(
    r"\b(not\s+(?:carried|agreed|approved|passed|supported|accepted)|unanimous(?:ly)?|"
    rf"nem\.?\s*con|carried{NOT_A_VOTE}|passed(?!\s+(?:on|to)\b)|lost|fell|defeated|failed)\b",
    re.IGNORECASE,
)
MOTION_APPROVED = re.compile(
    r"\b(?:motion|amendment|proposal)s?\s+(?:was|were)\s+(?:duly\s+)?approved\b", re.I
)
ALL_FOR = re.compile(r"\ball\s+(?:members\s+|councillors\s+)?(?:were\s+)?in\s+favour\b", re.I)


ROW = re.compile(  # a recorded vote's table row: "| For | A Adams, B Boyce | 2 |"
    r"(?:^|\|)\s*(?P<side>(?i:for|against|abstain(?:ed|s)?|abstentions?))\s*\|\s*(?P<who>[^|]*?)\s*\|"
    r"\s*(?P<n>\d{1,3})\s*(?:\||$)",
    re.MULTILINE,
)


def counted(sentence: str) -> bool:
    """Whether a sentence counts votes for a motion ("4 Votes for 2 Votes against",
    "For: 26", "carried by 22 votes to one")."""
    return bool(
        (VOTING.search(sentence) and (FOR.search(sentence) or FOR_AFTER.search(sentence)))
        or BY_VOTES.search(sentence)
        or re.fullmatch(
            rf"\W*(?:for|against|abstentions?|abstained){LABEL}{COUNT}\W*", sentence, re.I
        )
        or ROW.search(sentence)
    )


def count(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text.lower())


def first_number(found: re.Match[str] | None) -> int | None:
    return count(next((g for g in found.groups() if g), None)) if found else None


def result_of(text: str) -> str:
    """The vote's result, from the last word that gives one: "The amendment was lost. The
    substantive motion was carried." was carried."""
    words = [found.group(1).lower() for found in RESULT.finditer(text)]
    if not words and MOTION_APPROVED.search(text):
        return "carried"  # "at the vote the motion was approved"
    if not words:
        return "unanimous" if ALL_FOR.search(text) else ""
    word = re.sub(r"\s+", " ", words[-1])
    if word.startswith(("unanimous", "nem")):
        return "unanimous"
    return "carried" if word in ("carried", "passed") else "lost"


def counts(text: str, result: str) -> dict[str, int | None]:
    """For, against and abstained. A layout that puts the label first ("For 3 Against 5")
    is read label first throughout; "by 22 votes to one" gives the winning side first."""
    label_first = FOR_AFTER.search(text) and not FOR.search(text)
    sides = (FOR_AFTER, AGAINST_AFTER, ABSTAIN_AFTER) if label_first else (FOR, AGAINST, ABSTAIN)
    found = {
        k: first_number(p.search(text))
        for k, p in zip(("for", "against", "abstain"), sides, strict=True)
    }
    for side, after in (("against", AGAINST_AFTER), ("abstain", ABSTAIN_AFTER)):
        if found[side] is None:
            found[side] = first_number(after.search(text))
    if (by := BY_VOTES.search(text)) and found["for"] is None and found["against"] is None:
        won, other = (count(g) for g in [g for g in by.groups() if g][:2])
        losing = result == "lost"
        found["for"], found["against"] = (other, won) if losing else (won, other)
    if result == "unanimous" and found["against"] is None:
        found["against"] = 0
    return found


def vote(text: str) -> Vote | None:
    """Counts, result and names where the minutes give them ("7 for, 2 against, 1
    abstention", "with one against", "carried unanimously", "For: Cllrs A and B")."""
    said, text = text, re.sub(r"[*_]+", " ", text)  # "**_5_** Votes for": Markdown's emphasis
    if not (
        VOTING.search(text) or ALL_FOR.search(text) or BY_VOTES.search(text) or ROW.search(text)
    ):
        return None  # "lasting for 2-3 years" counts no votes
    result = result_of(text)
    found = counts(text, result)
    named, called = names(text), len(ROLL_CALL.findall(text)) >= 2
    for row in ROW.finditer(text):  # "| For | A Adams, B Boyce | 2 |"
        side = row["side"].lower()
        side = "for" if side == "for" else "against" if side == "against" else "abstain"
        found[side] = int(row["n"])
        listed = re.split(r"\s*,\s*|\s+and\s+", row["who"])
        named[side] = [w for w in listed if w and w.lower() not in ("none", "nil", "-")]
    if not any(v is not None for v in found.values()) and not result and not any(named.values()):
        return None
    for side, who in named.items():
        if (who or (called and side != "abstain")) and found[side] is None:
            found[side] = len(who)  # a roll call names every vote: none named, none cast
    return Vote(
        said=said if len(said) <= 300 else said[:300],
        result=result,
        votes_for=found["for"],
        against=found["against"],
        abstained=found["abstain"],
        names_for=named["for"],
        names_against=named["against"],
        names_abstained=named["abstain"],
    )


NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"  # "J." or "Hale": a name ends at a sentence's full stop
PERSON = (  # a name, never the next side's label ("...; Against: none")
    r"(?!(?i:for|against|abstain\w*|abstentions?|in\s+favour)\b)"
    rf"(?i:(?:cllrs?\.?|councillors?|mr|mrs|ms|dr)\s+)*{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}"
)
NAMED = re.compile(  # "Those voting for: Cllrs A, B and C", "Against: Councillor D"
    r"(?:\b(?i:(?:those|members|councillors)\s+)?(?i:voting|voted)\s+|(?:^|(?<=[.;,(]))\s*)(?P<side>(?i:for|in\s+favour|"
    r"against|abstain(?:ed|ing)?|abstentions?))\s*(?:(?i:were|was))?\s*[:\-–]\s*"
    rf"(?P<who>{PERSON}(?:\s*(?:,|;|\band\b|&)\s*{PERSON})*)"
)
ROLL_CALL = re.compile(
    r"\b(?P<who>[A-Z][a-z'’-]+)\s+(?P<side>(?i:yea|aye|yes|nay|no))\b(?=[,;.\s]|$)"
)
SIDE = {"yea": "for", "aye": "for", "yes": "for", "nay": "against", "no": "against"}


def names(text: str) -> dict[str, list[str]]:
    """Who voted which way, where the minutes list them."""
    found: dict[str, list[str]] = {"for": [], "against": [], "abstain": []}
    for listed in NAMED.finditer(text):
        side = listed["side"].lower()
        side = "for" if side.startswith(("for", "in")) else side
        side = "abstain" if side.startswith("abstain") else side
        who = [n.strip() for n in re.split(r"\s*(?:,|;|\band\b|&)\s*", listed["who"]) if n.strip()]
        title = re.match(r"(?i:(cllr)s|(councillor)s)\s+", who[0]) if who else None
        if title:  # "Cllrs Hale, Pike": each is a councillor, "Cllr Hale", "Cllr Pike"
            one = title.group(1) or title.group(2)
            who = [f"{one} {w}" for w in [who[0][title.end() :], *who[1:]]]
        found[side] = [w for w in who if not re.fullmatch(r"(?i:none|nil|no(?:ne)?)", w)]
    if len(ROLL_CALL.findall(text)) >= 2:  # "roll call vote Berg yea, Ortiz nay", "by a vote of"
        for called in ROLL_CALL.finditer(text):
            found[SIDE[called["side"].lower()]].append(called["who"])
    return found


VOTE_LABEL = re.compile(  # "In Favour:", "Motion status:": the vote below
    r"(?:in\s+favou?r|for|against|opposed|abstain\w*|motion\s+status)\s*:?[\s|]*", re.I
)
