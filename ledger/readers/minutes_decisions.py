"""Which sentences of minutes record a decision, with what outcome, parts and vote.

Minutes mark decisions in many ways: a ``RESOLVED:``/``AGREED``/``DECIDED`` heading with
lettered parts below it, "It was resolved that ...", "The Committee noted the report",
"Councillors resolved to ...", a bare "AGREED." after a request, "Approved." in a grants
table, an amendment "carried" or "lost". A person who "agreed to" do something owes an
action, not a decision; an answer, a question or a decision of another body quoted in
passing is no decision of this one.
"""

from __future__ import annotations

import re

from ledger.readers.minutes_lookalikes import DECISION_LABEL, NOTED_FACT, not_decided
from ledger.readers.minutes_votes import PROPOSER, SECONDER, counted

VERBS = {
    "resolved": "resolved",
    "resolves": "resolved",
    "agreed": "agreed",
    "agrees": "agreed",
    "decided": "decided",
    "decides": "decided",
    "approved": "approved",
    "approves": "approved",
    "accepted": "approved",
    "adopted": "approved",
    "ratified": "approved",
    "authorised": "approved",
    "authorized": "approved",
    "endorsed": "endorsed",
    "endorses": "endorsed",
    "supported": "agreed",
    "noted": "noted",
    "notes": "noted",
    "received": "received",
    "receives": "received",
    "deferred": "deferred",
    "defers": "deferred",
    "postponed": "deferred",
    "rejected": "rejected",
    "refused": "rejected",
    "declined": "rejected",
    "carried": "carried",
    "passed": "carried",
    "failed": "lost",
    "lost": "lost",
    "fell": "lost",
    "defeated": "lost",
    "appointed": "appointed",
    "elected": "appointed",
    "co-opted": "appointed",
    "delegated": "delegated",
    "recommended": "recommended",
    "recommends": "recommended",
}
VERB = "|".join(sorted(VERBS, key=len, reverse=True))
MARKER = re.compile(
    r"^(?:(?:it\s+was\s+|and\s+)?(?:unanimously\s+|duly\s+)?(?P<verb>RESOLVED|AGREED|DECIDED|DECISION|"
    r"RECEIVED|NOTED|APPROVED|DEFERRED|REJECTED|CARRIED|LOST))\b\s*(?:that\b)?\s*(?:-|–|—|:|\.|,)?\s*",
    re.IGNORECASE,
)
COLLECTIVE = (
    r"(?:the\s+|this\s+)?(?:[A-Z][\w&'-]*\s+){0,3}?(?:committee|sub-committee|board|council|"
    r"panel|cabinet|meeting|members|councillor'?s|governors|trustees|directors|forum|group|"
    r"executive|authority|commission|partnership|assembly|we|all|everyone|it)"
)
ACTIVE = re.compile(
    rf"\b{COLLECTIVE}\s+(?:then\s+|also\s+|therefore\s+|formally\s+|duly\s+|unanimously\s+|"
    rf"has\s+|have\s+)?(?P<verb>{VERB})\b",
    re.IGNORECASE,
)
PASSIVE_VERB = (
    "resolved|agreed|decided|approved|accepted|adopted|ratified|endorsed|noted|deferred|"
    "rejected|appointed|elected|co-opted|delegated"
)
PASSIVE = re.compile(
    rf"\b(?:it\s+was|was|were|is|are|been|be)\s+(?:then\s+|also\s+|therefore\s+|formally\s+|"
    rf"duly\s+|unanimously\s+|subsequently\s+|otherwise\s+)?(?P<verb>{PASSIVE_VERB})\b(?!\s+out)",
    re.IGNORECASE,
)
ELLIPTICAL = re.compile(  # a parish clerk's shorthand: "F.Reid duly elected.", "ratified for"
    r"\b(?:duly\s+(?:completed\s+and\s+)?"
    r"(?P<verb>elected|appointed|co-opted|adopted|ratified|approved|signed)|"
    r"(?P<also>ratified|adopted)\s+(?:for|as|by|with|and|unanimously)\b)",
    re.IGNORECASE,
)
PLANNING = re.compile(  # "15/00707/F Relocation of vehicular access at Myamber ... No objection"
    r"^\W*(?:[A-Z]{0,3}/?\d{2,4}/\d{3,6}(?:/[A-Z0-9]{1,6})?)\b.{0,300}?\b(?P<verb>no\s+objections?|"
    r"support(?:ed)?|objection|object(?:ed|s)?|no\s+comments?)\W*$",
    re.IGNORECASE,
)
PLANNING_RESPONSE = re.compile(  # the council's answer to a planning consultation, no ref needed
    r"^(?:[\w/ -]{0,40}?\s)?response\s+(?:provided|sent|given|made|returned)\s+to\s+(?:the\s+)?"
    r"(?:local\s+)?planning\s+authority\s+with\s+(?P<no>no\s+)?(?:objections?|comments?)\b|"
    r"^(?:the\s+)?(?:parish|town|community)\s+council\s+(?P<verb>supports?|objects?\s+to)\s+"
    r"(?:the\s+|this\s+)?(?:planning\s+)?application\W*$",
    re.IGNORECASE,
)
PASSIVE_PAIR = re.compile(  # "Accounts were presented and accepted for payment."
    r"\b(?:was|were)\s+[a-z]+ed\s+and\s+(?P<verb>accepted|approved|adopted|agreed|noted|ratified|"
    r"endorsed)\b",
    re.IGNORECASE,
)
MOTION_PUT = re.compile(  # "Motion carried.", "The motion passed 5-0."
    r"^(?:the\s+)?motion\s+(?:was\s+)?(?P<verb>carried|passed|failed|lost|defeated)\b", re.I
)
MOTION = re.compile(  # "The amendment was lost", "the resolution was passed"
    r"\b(?:amendment|motion|proposal|recommendation|resolution)s?\b[^.]{0,80}?\b(?:was|were)\s+"
    r"(?:therefore\s+|then\s+|duly\s+)?(?P<verb>carried|lost|defeated|fell|agreed|rejected|"
    r"passed|adopted)\b",
    re.IGNORECASE,
)
APOLOGIES = re.compile(r"^\W*(?:apologies|declarations?|interests?)\b", re.IGNORECASE)
PAST = "|".join(v for v in sorted(VERBS, key=len, reverse=True) if v.endswith("ed"))
OPENING = re.compile(rf"^(?:and\s+)?(?:unanimously\s+)?(?P<verb>{PAST}|lost)\b", re.IGNORECASE)
CLOSING = re.compile(r"\b(?P<verb>AGREED|APPROVED|RESOLVED|REJECTED|CARRIED|NOTED)\.?\s*$")
DASH_CLOSING = re.compile(  # "X proposed approval, seconded by Y - Agreed"
    r"\s[-–—]\s*(?:unanimously\s+)?(?P<verb>agreed|approved|resolved|rejected|carried|lost)\W*$",
    re.IGNORECASE,
)
PHRASES = re.compile(
    r"\b(?:to\s+receive\s+and\s+note|a\s+resolution\s+was\s+passed|moved\s+as\s+(?:a\s+)?correct|"
    r"(?:as\s+)?a\s+(?:true|correct|accurate)(?:\s+and\s+(?:accurate|correct))?\s+record|"
    r"signed\s+(?:by\s+the\s+chair(?:man)?\s+)?as\s+a\s+correct|(?:£[\d,.]+k?\s+)approved)",
    re.IGNORECASE,
)
NOT_OURS = re.compile(
    r"\b(?:had\s+(?:been\s+)?|has\s+been\s+|previously\s+|already\s+|as\s+(?:was\s+)?|"
    r"once\s+|if\s+|unless\s+|until\s+|when\s+|would\s+be\s+|will\s+be\s+|should\s+be\s+|"
    r"(?:could|can|may|might|must)\s+be\s+|"
    r"(?:before|after|once|until|unless|when|if|since)\s+(?:it|they|this|these|that|the\s+\w+)\s+"
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+|"
    r"to\s+be\s+|not\s+(?:been\s+)?|yet\s+to\s+be\s+)(?:VERB)\b".replace("VERB", VERB),
    re.IGNORECASE,
)
REF_LABEL = re.compile(r"^(?:no\.?\s*)?[A-Za-z]{0,6}\s?\d[\w/.-]*\s*:?$", re.IGNORECASE)
NOTED_THAT = re.compile(r"\bnot(?:ed|es)\s+that\b", re.IGNORECASE)  # a fact heard, not decided
DECLARED = re.compile(
    r"\b(?:chair(?:man|person)?|cathaoirleach|mayor|president|convenor|provost|speaker)\s+"
    r"(?:then\s+)?declared\b(?!\s+(?:an?|their|his|her)\s+(?:\w+\s+)?interests?\b)"
    r".{0,400}?\b(?P<verb>appointed|elected|carried(?!\s+out)|adopted|passed|lost|defeated)\b",
    re.IGNORECASE,
)
MOTION_TEXT = re.compile(  # the motion as moved: in quotes, in capitals, or "That Council confirms"
    r"^(?:[\"']\s*That\b,?\s+\S|THAT\s+\S|That\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,3}?"
    r"(?i:council|committee|board|panel|cabinet|authority|forum)\s+(?:confirms|approves|adopts|"
    r"notes|receives|agrees|endorses|resolves|authori[sz]es|delegates|accepts|requests)\b|"
    r"That\s+[^.]{0,160}?\b(?:be|is|are)\s+(?:now\s+|hereby\s+)?(?:adopted|approved|received|"
    r"noted|confirmed|agreed|endorsed|accepted|added|deferred|referred|amended|taken))"
)
HEARSAY = re.compile(
    r"\b(?:suggested|asked|hoped|felt|thought|wondered|queried|advised|informed|reported|"
    r"explained|told|stated|said|understood|confirmed|believed|noted|commented|added|mentioned|"
    r"remarked)\s+(?:\w+\s+){0,3}?that\b",
    re.IGNORECASE,
)
OTHER_MEETING = re.compile(
    rf"\b(?:{VERB})\s+(?:at|by)\s+(?:the|its|their|a)\s+(?:[\w-]+\s+){{0,3}}?meeting\b",
    re.IGNORECASE,
)
PART = re.compile(r"^\(?(?:[a-q]|[ivx]{1,5}|\d{1,2})[.)]\s+\S", re.IGNORECASE)


def marker(line: str) -> str | None:
    """The outcome a line opens with (``RESOLVED:``, ``It was resolved that``, "The
    Committee resolved:-" with what it resolved below), if any."""
    if lead := LEAD_LINE.match(line):
        return VERBS.get(lead["verb"].lower(), lead["verb"].lower())
    if DECISION_LABEL.match(line):
        return None  # a decision page's details ("Decision Maker: Cabinet"), not a decision
    found = MARKER.match(line)
    if not found or NOTED_FACT.match(line):
        return None  # "It was noted that ..." tells a fact; it decides nothing
    word = found["verb"].lower()
    if word in ("decision",):
        return "decided"
    if found["verb"].islower() and not line[found.end() :].strip():
        return None  # "agreed" alone in lower case is a word, not a heading
    return VERBS.get(word, word)


LEAD_LINE = re.compile(  # "The Committee resolved:-", "That the Committee resolves to:" - below
    rf"^(?:that\s+)?{COLLECTIVE}\s+(?:then\s+|unanimously\s+|duly\s+)?(?P<verb>{VERB})"
    r"(?:\s+(?:to|that))?\s*(?::-?|–|—)\s*$",
    re.IGNORECASE,
)


def body_after_marker(line: str) -> str:
    """The words after a ``RESOLVED:`` heading; the whole line where the marker is prose
    ("It was agreed to purchase two signs"): its verb is part of what was decided."""
    found = MARKER.match(line)
    if LEAD_LINE.match(line):
        return ""
    if not found:
        return line
    body = line[found.end() :].strip()
    if REF_LABEL.match(body) or re.fullmatch(r"(?i:unanimously|unanimous|nem\.?\s*con\.?)", body):
        return ""  # "Resolved 14/06/9.01", "CARRIED UNANIMOUSLY": the words are elsewhere
    prose = not found["verb"].isupper() and body.lower().startswith("to ")
    return line.strip() if prose else body


def opens_below(line: str) -> bool:
    """A marker whose resolution follows on the lines below, past a blank line:
    "RESOLVED:" or "Resolved 14/06/9.01", not a closing "Agreed." or "Unanimously Agreed"."""
    if LEAD_LINE.match(line):
        return True
    found = MARKER.match(line)
    if not found:
        return False
    body = line[found.end() :].strip()
    return (not body and line.rstrip().endswith(":")) or bool(body and REF_LABEL.match(body))


def outcome(sentence: str) -> str | None:
    """The outcome a sentence records, or None if it records no decision of this body."""
    if CONTENT.match(sentence.strip()):
        return "agreed"
    if not_decided(sentence) or OTHER_MEETING.search(sentence):
        return None
    if APOLOGIES.match(sentence) and not OPENING.match(sentence):
        return None
    if planning := PLANNING.match(sentence):
        return "rejected" if planning["verb"].lower().startswith("object") else "agreed"
    if response := PLANNING_RESPONSE.match(sentence.strip()):
        objects = (response["verb"] or "").lower().startswith("object")
        return "rejected" if objects else "agreed"
    if declared := DECLARED.search(sentence):
        return "appointed" if declared["verb"].lower() in ("appointed", "elected") else "carried"
    if MOTION_TEXT.match(sentence):
        return "resolved"
    for pattern in (
        MOTION_PUT,
        MOTION,
        OPENING,
        ACTIVE,
        PASSIVE,
        PASSIVE_PAIR,
        CLOSING,
        DASH_CLOSING,
        ELLIPTICAL,
    ):
        found = pattern.search(sentence)
        if found and pattern is ELLIPTICAL:
            return VERBS.get((found["verb"] or found["also"]).lower(), "approved")
        if found and not (
            NOT_OURS.search(sentence[max(0, found.start() - 30) : found.end()])
            or HEARSAY.search(sentence[max(0, found.start() - 60) : found.start()])
        ):
            said = VERBS.get(found["verb"].lower(), found["verb"].lower())
            return None if said == "noted" and NOTED_THAT.search(sentence) else said
    if PHRASES.search(sentence) and not sentence.rstrip().endswith(":"):  # not a signature's label
        return "approved" if "record" in sentence.lower() else "noted"
    return None


BARE = re.compile(
    r"^(?:it\s+was\s+|(?:this|that|these|which|it)\s+(?:was|were)\s+|all\s+(?:members\s+)?|"
    r"(?:the\s+)?(?:board|committee|sub-committee|council|panel|forum|group|cabinet|members|"
    r"councillors|governors|trustees|directors|board\s+members)\s+)?"
    r"(?:unanimously\s+)?(?:agreed|approved|resolved|carried|noted|rejected|accepted|supported)"
    r"(?:\s+(?:unanimously|by\s+all|with\s+(?:this|that|these|it)|to\s+(?:this|that|these|it)|"
    r"(?:with\s+|to\s+)?(?:the|this|that)\s+(?:approach|proposal|suggestion|recommendations?)|"
    r"this(?:\s+as\s+an?\s+(?:approach|way\s+forward))?))?\s*[.!]?$",
    re.IGNORECASE,
)
CONTENT = re.compile(  # "Councillors present were content with the proposal.": assent, as "Agreed."
    r"^(?:all\s+)?(?:the\s+)?(?:councillors|members|governors|trustees|directors|board|committee|"
    r"panel|forum)(?:\s+present)?\s+(?:were|was|noted\s+(?:that\s+)?they\s+were|confirmed\s+"
    r"(?:that\s+)?they\s+were|all\s+said\s+they\s+were)\s+(?:all\s+)?(?:content|happy|in\s+"
    r"agreement)(?:\s+with\s+(?:the|this|that|these|it)(?:\s+\w+)?)?\s*[.!]?$",
    re.IGNORECASE,
)
ALL_AGREED = re.compile(r"^all\s+(?:were\s+)?in\s+(?:agreement|favour|favor)\s*[.!]?$", re.I)
OUTCOME_WORDS = re.compile(
    rf"\b(?:it|was|that|unanimously|{VERB}|resolution|decision)\b|[^\w\s]", re.IGNORECASE
)


def bare_marker(sentence: str) -> bool:
    """A sentence that is an outcome and nothing else ("AGREED.", "Carried", "The Board
    agreed with this approach.", "These were unanimously agreed."): what was decided is
    in the sentence before it."""
    said = SECONDER.sub(" ", PROPOSER.sub(" ", sentence)).strip(
        " ,;."
    )  # "Prop JB, 2nd GK, All agreed."
    if said != sentence.strip(" ,;.") and not said:
        return False
    return bool(
        BARE.match(said.strip())
        or ALL_AGREED.match(said.strip())
        or CONTENT.match(said.strip())
        or MOTION_PUT.match(said)
    )


def title_only(text: str) -> bool:
    """Whether a decision's words are only its outcome ("Agreed that", "RESOLVED:"), or
    who moved it ("Seconded by Councillor Butler; And Resolved:"), the motion to follow."""
    text = re.sub(
        r"\([^)]{0,4}\)|\band\b", " ", PROPOSER.sub(" ", SECONDER.sub(" ", text)), flags=re.I
    )
    return len(OUTCOME_WORDS.sub(" ", text).split()) < 2


def is_part(line: str) -> bool:
    return bool(PART.match(line))


def tally(sentence: str) -> bool:
    """A sentence that counts the votes and says nothing else ("4 Votes for 2 Votes against")."""
    return bool(counted(sentence)) and not (
        PROPOSER.search(sentence) or SECONDER.search(sentence) or outcome(sentence)
    )


PROPOSES = re.compile(  # "X proposed approval for payment", "Y moved that ...": the motion itself
    r"\b(?:proposed|moved)\s+(?!by\b|and\b|seconded\b)(?:that\b|[a-z]\w+)", re.IGNORECASE
)
LEADS_ON = re.compile(  # "Moved Cr Hale, seconded Cr Pike and resolved": the motion is below
    r"(?:\band|,)\s*(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)?\s*[:\-–]?\s*$",
    re.IGNORECASE,
)


def leads_on(sentence: str) -> bool:
    """A sentence naming who moved and seconded what the next lines resolve."""
    return bool(PROPOSER.search(sentence) or SECONDER.search(sentence)) and bool(
        LEADS_ON.search(sentence)
    )


def about_the_vote(sentence: str) -> bool:
    """A sentence that says who moved a motion or how the votes fell, and nothing more."""
    return bool(
        PROPOSER.search(sentence) or SECONDER.search(sentence) or counted(sentence)
    ) and not (
        PROPOSES.search(sentence)
        or ACTIVE.search(sentence)
        or PASSIVE.search(sentence)
        or (
            OPENING.match(sentence)
            and not re.match(r"^(?:carried|lost)\b", sentence, re.IGNORECASE)
        )
    )
