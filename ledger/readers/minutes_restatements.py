"""A decision told twice is recorded once: minutes that restate a decision word for word in
a closing list ("Decisions: • The Board agreed that ..."), and minutes whose closing list
of decisions puts in its own words what the narrative above already told ("The Board
agreed that they would be willing to consider cases such as this." above, "... such as
that with WCCIS." in the list): the list is the record, the narrative's telling is dropped."""

from __future__ import annotations

import re

from ledger.readers.minutes_draft import DraftDecision, MinutesDraft

CLOSING_LIST = re.compile(  # "Decisions", "Summary of decisions taken:", "DECISIONS MADE"
    r"^\W*(?:summary\s+of\s+(?:the\s+)?|list\s+of\s+|key\s+)?decisions(?:\s+(?:taken|made|agreed|"
    r"reached))?\s*:?\s*$",
    re.IGNORECASE,
)
PLAIN = {  # words any decision of any body may share with another
    *("the", "a", "an", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "that"),
    *("this", "these", "those", "it", "they", "their", "be", "was", "were", "is", "are", "would"),
    *("should", "could", "will", "as", "from", "board", "committee", "council", "panel", "group"),
    *("members", "agreed", "resolved", "noted", "approved", "decided", "such", "all", "any"),
}
SHARED = 0.6  # of the shorter telling's own words, for two tellings to be one decision
LOOK_BACK = 40  # decisions of an item a restatement is looked for among: the cost stays linear


def restated(draft: MinutesDraft) -> None:
    """Each decision once, where minutes restate it word for word in a closing list of
    decisions, give or take an opening "It was agreed" of up to four words: the later
    telling is dropped. Only long decisions: "She was appointed as a Parent Governor" may
    be said of two. One set lookup per decision."""
    whole: set[str] = set()  # each long decision's words
    shorn: set[str] = set()  # and its words without one to four opening words
    for item in draft.items:
        kept = []
        for decision in item.decisions:
            words = re.findall(r"\w+", decision.text.lower())
            if len(words) < 15:
                kept.append(decision)
                continue
            heads = [" ".join(words[drop:]) for drop in range(5)]
            if heads[0] in shorn or any(head in whole for head in heads):
                continue
            whole.add(heads[0])
            shorn.update(heads[1:])
            kept.append(decision)
        item.decisions = kept


def listed_again(draft: MinutesDraft, listed_from: int) -> None:
    """Drop the narrative's telling of a decision the closing list of decisions (from the
    ``listed_from``-th decision on) gives again in other words: most of the shorter
    telling's own words are in the other. Bounded: the list is short."""
    if listed_from < 0:
        return
    decided = draft.decisions
    listed = [(own_words(d), full_names(d.text)) for d in decided[listed_from : listed_from + 50]]
    told = {
        id(d)
        for d in decided[:listed_from]
        if any(
            same(own_words(d), words) or named_alike(own_words(d), full_names(d.text), words, names)
            for words, names in listed
        )
    }
    for item in draft.items:
        item.decisions = [d for d in item.decisions if id(d) not in told]


def own_words(decision: DraftDecision) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", decision.text.lower())) - PLAIN


FULL_NAME = re.compile(r"(?<=\w\s)[A-Z][a-z'-]+\s+[A-Z][a-z'-]+\b")  # not a sentence's first word


def full_names(text: str) -> set[str]:
    """The people a decision names in full ("Andrew Goodall"), office words aside."""
    found = {name.casefold() for name in FULL_NAME.findall(text)}
    return {name for name in found if not set(name.split()) & PLAIN}


def named_alike(one: set[str], names: set[str], other: set[str], other_names: set[str]) -> bool:
    """ "MC suggested ... the Board could ask that Andrew Goodall sends the letter ..." and
    "... endorsement for the letter should be sought from Andrew Goodall": one decision,
    told in other words, about the same person and the same matter."""
    return bool(names & other_names) and len(one & other) >= 3  # the name and one more


def same(one: set[str], other: set[str]) -> bool:
    shorter = min(len(one), len(other))
    return shorter >= 3 and len(one & other) >= SHARED * shorter


FORMAL = re.compile(  # a resolution's own words: "That ...", "Loken: | | That ..."
    r"^\W*(?:[A-Z][\w'-]*:[\s|]*)?that\b", re.IGNORECASE
)
STOP = {"the", "that", "this", "these", "a", "an", "as", "and", "of", "for", "to", "be", "was"}


def same_decision(decided: list[DraftDecision], text: str, block: int) -> int | None:
    """Where an item's decisions already hold the one ``text`` states again: the same words
    in an earlier block of a decision page ("Decision:" then "Minutes:"), or a formal
    resolution restating the narrative before it, with the same names and figures in
    mostly the same words ("As there were no other nominations, Cllr A was duly elected as
    Chair for 2023/24." then "RESOLVED: That Cllr A be elected Chair for 2023/24.")."""
    words = _words(text)
    formal = FORMAL.match(text) is not None
    for at in range(len(decided) - 1, max(-1, len(decided) - 1 - LOOK_BACK), -1):
        other = _words(decided[at].text)
        if other == words and at < block:
            return at
        if not formal or FORMAL.match(decided[at].text):
            continue
        if not _names(text) or not _names(text) <= _names(decided[at].text):
            continue
        plain, other_plain = set(words) - STOP, set(other) - STOP
        shorter = min(len(plain), len(other_plain))
        if shorter >= 4 and len(plain & other_plain) >= 0.75 * shorter:
            return at
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _names(text: str) -> set[str]:
    """The names and figures a decision holds (its first word aside, which any sentence
    capitalises)."""
    tokens = re.findall(r"[\w/'-]+", text)[1:]
    return {
        t.casefold()
        for t in tokens
        if (t[:1].isupper() or any(c.isdigit() for c in t))
        and t.casefold() not in STOP
        and t.casefold() not in {"councillor", "cllr", "resolved", "agreed", "that", "as"}
    }


RECEIPT = re.compile(  # "The Committee received a report of X regarding Y.": the item opens
    r"^(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:committee|sub-committee|board|council|panel|cabinet|"
    r"members|councillors|governors|trustees|forum|group)\s+(?:then\s+)?received\s+(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:report|notice|paper|update|presentation|briefing|minutes|letter)\b"
    r"(?![^.]*\b(?:and|but)\s+(?:noted|agreed|approved|resolved|accepted|endorsed|adopted)\b)",
    re.IGNORECASE,
)


def received_then_resolved(draft: MinutesDraft) -> None:
    """ "The Committee received a report of Christ's Hospital ...", then "RESOLVED, that
    members note the report.": where the item goes on to resolve what to make of the report,
    its receipt opened the item; the resolution is the decision."""
    for item in draft.items:
        later = [at for at, d in enumerate(item.decisions) if not RECEIPT.match(d.text)]
        if not later:
            continue
        item.decisions = [
            d
            for at, d in enumerate(item.decisions)
            if not (RECEIPT.match(d.text) and at < later[-1])
        ]
