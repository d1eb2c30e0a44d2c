"""How a sentence of minutes says the body itself decided: "The Committee resolved to ...",
"It was agreed that ...", "Approved unanimously", "X was duly elected.", "to receive and
note", and what only looks so: a decision "had been" taken, would be, was taken "at its
meeting" of another day, or is what someone "said that" the body agreed."""

from __future__ import annotations

import re

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

COLLECTIVE = (
    r"(?:the\s+|this\s+)?(?:[A-Z][\w&'-]*\s+){0,3}?(?:committee|sub-committee|board|council|"
    r"panel|cabinet|meeting|members|councillor'?s|governors|trustees|directors|forum|group|"
    r"executive|authority|commission|partnership|assembly|we|all|everyone|it)"
)

ACTIVE = re.compile(  # "The Board noted ...", "The Board discussed the letter, but agreed that"
    rf"\b{COLLECTIVE}\s+(?:(?:discussed|considered|reviewed|debated|heard|received)\b[^.;]{{0,100}}?"
    rf"[\s,](?:and|but)\s+)?(?:then\s+|also\s+|further\s+|therefore\s+|formally\s+|duly\s+|unanimously\s+|"
    rf"(?:warmly|strongly|fully|wholeheartedly|broadly|readily|reluctantly)\s+|"
    rf"has\s+|have\s+)?(?P<verb>{VERB})\b",
    re.IGNORECASE,
)

PASSIVE_VERB = (
    "resolved|agreed|decided|approved|accepted|adopted|ratified|endorsed|noted|deferred|"
    "rejected|appointed|elected|co-opted|delegated"
)

PASSIVE = re.compile(
    rf"\b(?:it\s+was|was|were|is|are|been|be)\s+(?:then\s+|also\s+|further\s+|therefore\s+|formally\s+|"
    rf"duly\s+|unanimously\s+|subsequently\s+|otherwise\s+)?(?P<verb>{PASSIVE_VERB})\b"
    r"(?!\s+(?:out|forward|over)\b)",
    re.IGNORECASE,
)

ELLIPTICAL = re.compile(  # a parish clerk's shorthand: "F.Reid duly elected.", "ratified for",
    # "Councillor D.Cooper accepted as third authorised signatory.", "Dyana to take over as
    # treasurer this month"
    r"\b(?:duly\s+(?:completed\s+and\s+)?"
    r"(?P<verb>elected|appointed|co-opted|adopted|ratified|approved|signed)|"
    r"(?P<also>ratified|adopted)\s+(?:for|as|by|with|and|unanimously)\b|"
    r"(?P<forward>put\s+(?:themselves|their\s+names?|himself|herself)\s+forward)|"
    r"(?P<role>accepted|appointed|elected|co-opted|(?<=\s)to\s+(?:take\s+over|become|act|serve))"
    r"\s+as\s+(?:(?:the|a|an|our)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:chair\w*|vice[\w-]*|signator(?:y|ies)|member|representative|clerk|treasurer|"
    r"secretary|officer|trustee|governor|councillor)\b)",
    re.IGNORECASE,
)

PASSIVE_PAIR = re.compile(  # "Accounts were presented and accepted for payment."
    r"\b(?:was|were)\s+[a-z]+ed\s+and\s+(?P<verb>accepted|approved|adopted|agreed|noted|ratified|"
    r"endorsed)\b",
    re.IGNORECASE,
)

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
    r"\b(?:had\s+(?:been\s+)?|(?:has|have)\s+(?:now\s+|since\s+|already\s+|recently\s+)?been\s+|"
    r"previously\s+|already\s+|as\s+(?:was\s+)?|"
    r"(?:once|when|until|after|before|if)\s+(?:we|they|you|he|she)\s+(?:have|has|had)\s+|"
    r"once\s+|if\s+|unless\s+|until\s+|when\s+|would\s+be\s+|will\s+be\s+|should\s+be\s+|"
    r"having\s+been\s+|(?:will|would|should|shall|could|can|may|might|must)\s+not\s+be\s+|"
    r"(?:have|as)\s+been\s+|(?:if|whether)\s+(?:[\w']+\s+){0,5}?(?:(?:has|have|had|as|is|are|was|"
    r"were)\s+)?(?:been\s+)?|"
    r"(?:could|can|cannot|can\s+not|may|might|must)\s+(?:\w+ly\s+)?be\s+|"
    r"(?:before|after|once|until|unless|when|if|since)\s+(?:it|they|this|these|that|the\s+\w+)\s+"
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+|"
    r"to\s+be\s+|not\s+(?:been\s+)?|yet\s+to\s+be\s+)(?:VERB)\b".replace("VERB", VERB),
    re.IGNORECASE,
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

NOTED_THAT = re.compile(r"\bnot(?:ed|es)\s+that\b", re.IGNORECASE)  # a fact heard, not decided

REPORTER = re.compile(  # "PB commented that ...", "The Parish Clerk also noted that ..."
    r"^(?!(?i:the\s+)?(?:board|committee|council|councillors|members|governors|trustees|panel|"
    r"group|forum|meeting|it|this|all|everyone|we)\b)"
    r"(?:[A-Z]{2,4}|(?:(?i:cllr\.?|councillor|mr|mrs|ms|dr)\s+)+[A-Z][\w.'-]*(?:\s+[A-Z][\w'-]*)?|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?i:the\s+(?:parish\s+|town\s+|locum\s+)?(?:clerk|chair(?:man|"
    r"person)?|treasurer|rfo|head(?:teacher)?|director|officer|manager|auditor)))\s+"
    r"(?:(?i:also|further|then|had)\s+)?(?i:commented|reported|said|stated|explained|advised|"
    r"informed\s+\w+|told\s+\w+|noted|added|confirmed|mentioned|remarked|suggested|felt|"
    r"thought|believed|understood)\s+(?:(?i:to\s+)?\w+\s+)?(?i:that)\b"
)
OWN_CLAUSE = re.compile(  # "... and it was agreed", "; the Board agreed": the body speaks again
    rf"(?:\band\b|;|,|\.)\s+(?:it\s+was|the\s+\w+|councillors|members|all|everyone|we)\s+"
    rf"(?:\w+\s+)?(?:{VERB})\b",
    re.IGNORECASE,
)


def reported(sentence: str, at: int) -> bool:
    """Whether the verb at ``at`` is in what a person reported ("PB commented that the
    application will not be accepted"), not in a clause of the body's own."""
    said = REPORTER.match(sentence)
    return bool(said) and said.end() <= at and not OWN_CLAUSE.search(sentence, said.end(), at + 40)


KEPT_IN_VIEW = re.compile(  # "KIV until Feb", "On hold until the survey", "Held over": deferred
    r"^\W*(?:KIV|(?i:kept?\s+in\s+view|on\s+hold|held\s+over|parked))\b"
)

BODY = (
    r"(?:the\s+)?(?:board|committee|sub-committee|panel|council|forum|group|cabinet|governors|"
    r"trustees)"
)
WEIGHTY = r"(?:important|essential|vital|crucial|central\s+to|a\s+priority)"
# "noted that it was vital to get the approach right": a remark on doing well in general, no
# view on a matter of the body's ("noted that it was important that X were kept")
IMPERSONAL = rf"it\s+(?:is|was)\s+(?:also\s+|therefore\s+)?{WEIGHTY}\s+to\s"
# the body's view: "The Board noted that process reform is central to ..."; "considered
# whether the press should be excluded" weighs a question, the answer comes after
POSITION = re.compile(
    rf"^{BODY}\s+(?:[^.;]{{0,80}}?[\s,](?:and|but)\s+)?(?:also\s+|therefore\s+|strongly\s+)?"
    rf"(?:noted\s+that\s+(?!{IMPERSONAL})[^.]{{0,200}}?\b{WEIGHTY}|"
    r"(?:felt|considered(?!\s+(?:whether|if|how|what|which|when)\b)|believed|set\s+out\s+(?:its|their)\s+views?|took\s+the\s+view|"
    r"(?:was|were)\s+of\s+the\s+view|expressed\s+(?:the|its|their)\s+views?)\s+(?:that\s+)?"
    rf"[^.]{{0,200}}?\b(?:{WEIGHTY}|should|must|need(?:s|ed)?\s+to|ought))\b",
    re.IGNORECASE,
)
REQUEST = re.compile(  # "The panel asked that the origin of the data be clear": its request,
    rf"^{BODY}\s+(?:also\s+|therefore\s+|further\s+)?(?:asked|requested|urged)\s+that\b"
    r"[^.]{0,160}?\bbe\b",  # where "the Clerk check the budget" is the Clerk's action
    re.IGNORECASE,
)
