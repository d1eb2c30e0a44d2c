"""A decision heard in minutes, recorded into the item being read: with who moved and
seconded it and how the votes fell, once, where the minutes give the same decision twice
(a motion moved, then declared carried; a decision page's "Decision:" and "Minutes:"
blocks; a narrative then its formal resolution)."""

from __future__ import annotations

import re
from dataclasses import replace

from ledger.readers import minutes_votes as votes
from ledger.readers.minutes_assent import title_only
from ledger.readers.minutes_draft import DraftDecision, DraftItem, MinutesDraft, When
from ledger.readers.minutes_lookalikes import procedural
from ledger.readers.minutes_motions import DECLARED, MOTION_TEXT


class Deciding:
    """What :class:`~ledger.readers.minutes_prose.Prose` and the walk over a document's
    lines share to record a decision into the current item."""

    draft: MinutesDraft
    movers: str  # "Moved A, seconded B and resolved": who moved the motion below
    block: int  # the item's decisions before its last "Decision:"/"Minutes:" label

    @property
    def item(self) -> DraftItem:
        if not self.draft.items:
            self.draft.items.append(DraftItem("", ""))
        return self.draft.items[-1]

    def decide(
        self, outcome: str, text: str, parts: list[str], line: int, asked: When | None, context: str
    ) -> None:
        context, self.movers = f"{self.movers} {context}".strip(), ""
        if not parts and title_only(text):
            return  # "Agreed that" with nothing after it records nothing
        if procedural(text):
            return  # "THAT the meeting do now reconvene. CARRIED" runs the sitting
        proposer, seconder = votes.mover(context)
        moved = self.item.decisions[-1] if self.item.decisions else None
        declared = moved and DECLARED.search(text) and MOTION_TEXT.match(moved.text)
        restated = moved and (
            text.startswith(f"{moved.text} ")
            or (MOTION_TEXT.match(moved.text) and f"{moved.text} " in f"{text} ")
        )
        if moved and (declared or restated):  # the motion above, now with its outcome
            self.item.decisions.pop()  # the motion above declared carried: one decision
            proposer, seconder = moved.proposer or proposer, moved.seconder or seconder
            asked = asked or moved.follow_up
        elif (again := same_decision(self.item.decisions, text, self.block)) is not None:
            said = self.item.decisions.pop(again)  # a decision page's "Decision:" and
            proposer, seconder = said.proposer or proposer, said.seconder or seconder
            asked = asked or said.follow_up  # "Minutes:" blocks, or "X was duly elected"
        self.item.decisions.append(
            DraftDecision(
                outcome=outcome,
                text=text,
                parts=parts,
                proposer=proposer,
                seconder=seconder,
                vote=votes.vote(context),
                follow_up=asked,
                line=line,
            )
        )

    def attach_vote(self, sentence: str) -> None:
        """ "Proposed by X, seconded by Y; carried 6 to 2" belongs to the decision above it."""
        last = self.item.decisions[-1]
        proposer, seconder = votes.mover(sentence)
        self.item.decisions[-1] = replace(
            last,
            proposer=last.proposer or proposer,
            seconder=last.seconder or seconder,
            vote=last.vote or votes.vote(sentence),
        )


FORMAL = re.compile(r"^\W*that\b", re.IGNORECASE)  # a resolution's own words: "That ..."
STOP = {"the", "that", "this", "these", "a", "an", "as", "and", "of", "for", "to", "be", "was"}


def same_decision(decided: list[DraftDecision], text: str, block: int) -> int | None:
    """Where an item's decisions already hold the one ``text`` states again: the same words
    in an earlier block of a decision page ("Decision:" then "Minutes:"), or a formal
    resolution restating the narrative before it, with the same names and figures in
    mostly the same words ("As there were no other nominations, Cllr A was duly elected as
    Chair for 2023/24." then "RESOLVED: That Cllr A be elected Chair for 2023/24.")."""
    words = _words(text)
    formal = FORMAL.match(text) is not None
    for at in range(len(decided) - 1, -1, -1):
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
