"""A seal or checkpoint names the log's size when it was made and is read later: the verifier
takes the root of that prefix from the subtrees it folded as the leaves came, and that root
is the RFC 6962 root of those leaves, for every size, past the cached subtrees' width too."""

from __future__ import annotations

import hashlib

from ledger.verify import CACHED, LogAudit, PrefixRoots, tree_root


def leaves(n: int) -> list[bytes]:
    return [hashlib.sha256(i.to_bytes(4, "big")).digest() for i in range(n)]


def test_a_seal_read_late_is_checked_against_the_root_of_the_events_before_it():
    given = leaves(2 * CACHED + 37)
    roots = PrefixRoots()
    for leaf in given:
        roots.append(leaf)
    assert roots.cache, "perfect subtrees of CACHED leaves or more are kept as they complete"
    for size in [0, 1, 2, 3, CACHED - 1, CACHED, CACHED + 1, 2 * CACHED, len(given)]:
        assert roots.root(size) == tree_root(given[:size]), size
    for size in range(1, len(given) + 1, 7):
        assert roots.root(size) == tree_root(given[:size]), size


def test_a_forged_claim_about_a_prefix_is_refused_and_a_true_one_holds():
    given = leaves(CACHED + 5)
    audit = LogAudit()
    for leaf in given:
        audit.roots.append(leaf)
    assert audit.holds(CACHED + 1, tree_root(given[: CACHED + 1]), "this seal") == ""
    assert "does not match" in audit.holds(CACHED + 1, tree_root(given[:CACHED]), "this seal")
