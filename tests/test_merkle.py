"""The RFC 6962 tree of ledger.verify, tested as transparency-dev/merkle tests theirs:
every good proof passes, and every corrupted variant of it fails."""

from __future__ import annotations

import hashlib
import json
from uuid import uuid5

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.refs import NAMESPACE
from ledger.verify import (
    Frontier,
    canonical,
    consistency_proof,
    empty_root,
    inclusion_proof,
    leaf_hash,
    tree_root,
    verify_consistency,
    verify_inclusion,
)
from projections.export import event_id

# The RFC 6962 reference inputs and the roots of their first 1..8 leaves.
INPUTS = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
LEAVES = [leaf_hash(bytes([n % 256, n // 256])) for n in range(40)]


def flip(h: bytes, bit: int = 0) -> bytes:
    return bytes([h[0] ^ (1 << bit)]) + h[1:]


def test_roots_match_the_rfc_6962_reference_vectors():
    leaves = [leaf_hash(data) for data in INPUTS]
    assert empty_root() == hashlib.sha256(b"").digest()
    for size, expected in enumerate(ROOTS, start=1):
        assert tree_root(leaves[:size]).hex() == expected


def test_the_incremental_frontier_gives_the_same_root_at_every_size():
    frontier = Frontier()
    assert frontier.root() == empty_root()
    for size, leaf in enumerate(LEAVES, start=1):
        frontier.append(leaf)
        assert frontier.root() == tree_root(LEAVES[:size])


def corrupt_inclusion(index, size, leaf, proof, root):
    """The corruptions transparency-dev/merkle's proof tests apply to an inclusion proof."""
    variants = [
        (index - 1, size, leaf, proof, root),
        (index + 1, size, leaf, proof, root),
        (index ^ 2, size, leaf, proof, root),
        (index, size * 2, leaf, proof, root),
        (index, size // 2, leaf, proof, root),
        (index, size, leaf_hash(b"WrongLeaf"), proof, root),
        (index, size, leaf, proof, empty_root()),
        (index, size, leaf, proof, hashlib.sha256(b"some").digest()),
        (index, size, leaf, [*proof, b""], root),
        (index, size, leaf, [*proof, root], root),
        (index, size, leaf, [b"", *proof], root),
        (index, size, leaf, [root, *proof], root),
    ]
    if proof:
        variants.append((index, size, leaf, proof[:-1], root))
        variants.extend(
            (index, size, leaf, [*proof[:k], flip(p, 3), *proof[k + 1 :]], root)
            for k, p in enumerate(proof)
        )
    return variants


@pytest.mark.parametrize("size", range(1, 34))
def test_every_inclusion_proof_passes_and_every_corruption_fails(size):
    leaves, root = LEAVES[:size], tree_root(LEAVES[:size])
    for index in range(size):
        proof = inclusion_proof(leaves, index)
        assert verify_inclusion(index, size, leaves[index], proof, root)
        for variant in corrupt_inclusion(index, size, leaves[index], proof, root):
            assert not verify_inclusion(*variant), (index, size, variant[:2])


def corrupt_consistency(m, n, root_m, root_n, proof):
    variants = [
        (m, n, flip(root_m), root_n, proof),
        (m, n, root_m, flip(root_n), proof),
        (m, n, root_m, root_n, [*proof, root_n]),
        (m, n, root_m, root_n, [root_m, *proof]),
        (m, n * 2, root_m, root_n, proof),
    ]
    if m > 1:
        variants.append((m - 1, n, root_m, root_n, proof))
    if proof:
        variants.append((m, n, root_m, root_n, proof[:-1]))
        variants.extend(
            (m, n, root_m, root_n, [*proof[:k], flip(p), *proof[k + 1 :]])
            for k, p in enumerate(proof)
        )
    return variants


@pytest.mark.parametrize("n", range(1, 22))
def test_every_consistency_proof_passes_and_every_corruption_fails(n):
    leaves = LEAVES[:n]
    root_n = tree_root(leaves)
    for m in range(1, n + 1):
        root_m = tree_root(leaves[:m])
        proof = consistency_proof(leaves, m)
        assert verify_consistency(m, n, root_m, root_n, proof)
        for variant in corrupt_consistency(m, n, root_m, root_n, proof):
            assert not verify_consistency(*variant), (m, n, variant[:2])


@given(
    position=st.integers(min_value=1, max_value=2**53),
    version=st.integers(min_value=1, max_value=2**31),
    aggregate_id=st.uuids().map(str),
    topic=st.text(),
    state=st.text(),
)
def test_canonical_bytes_are_exactly_what_the_readme_specifies(
    position, version, aggregate_id, topic, state
):
    """Auditors rebuild the bytes with json.dumps as the README says; ours must match."""
    spec = json.dumps(
        {
            "aggregate_id": aggregate_id,
            "aggregate_version": version,
            "position": position,
            "state": state,
            "topic": topic,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8", "surrogatepass")
    assert canonical(position, aggregate_id, version, topic, state) == spec


@given(aggregate=st.uuids(), version=st.integers(min_value=1, max_value=10**9))
def test_an_exported_event_id_is_the_uuid5_the_readme_names(aggregate, version):
    assert event_id(str(aggregate), version) == str(uuid5(NAMESPACE, f"{aggregate}:{version}"))
