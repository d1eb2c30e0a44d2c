"""Where the paragraph being read stands: whether it runs on past a blank line, stops
mid-sentence, or so far only says who moved the resolution below it."""

from __future__ import annotations

from ledger.readers import minutes_decisions as decide
from ledger.readers.minutes_layout import Line, joined
from ledger.readers.minutes_motions import about_the_vote

RUNS_ON = {"that", "to", "the", "and", "of", "for", "by", "a", "an", "with", "be", "was"}
PASSIVE_RUNS_ON = {"be", "been", "being", "is", "are", "was", "were"}


def runs_on(paragraph: list[Line]) -> bool:
    """Whether the paragraph stops on a word that cannot end a sentence ("Agreed that"),
    so a blank line (a page break, a stray gap) does not end it."""
    if not paragraph:
        return False
    return paragraph[-1].text.rsplit(" ", 1)[-1].lower() in RUNS_ON


def movers_only(paragraph: list[Line]) -> bool:
    """Whether the paragraph so far only says who moved the resolution that follows
    ("MOVED by A, SECONDED by B and" / "RESOLVED – That ...")."""
    said = joined(paragraph)
    if said.rsplit(" ", 1)[-1].lower() in PASSIVE_RUNS_ON:
        return False  # "... that the grant be" / "approved. Put to the vote ...": one sentence
    return bool(said) and about_the_vote(said) and decide.outcome(said) is None


def mid_sentence(paragraph: list[Line]) -> bool:
    """Whether the paragraph so far stops mid-sentence ("... it was" / "AGREED to ...")."""
    return bool(paragraph) and not paragraph[-1].text.endswith((".", ":", ";"))
