"""The auditor's standard-library Ed25519 verifier (in ledger/verify.py), checked against the
RFC 8032 section 7.1 test vectors and against the `cryptography` package (OpenSSL)."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given
from hypothesis import strategies as st

from ledger.verify import ed25519_verify

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P

# RFC 8032 section 7.1, from the RFC text: (name, secret key, public key, message, signature).
TEST_1024_MESSAGE = """
08b8b2b733424243760fe426a4b54908 632110a66c2f6591eabd3345e3e4eb98
fa6e264bf09efe12ee50f8f54e9f77b1 e355f6c50544e23fb1433ddf73be84d8
79de7c0046dc4996d9e773f4bc9efe57 38829adb26c81b37c93a1b270b20329d
658675fc6ea534e0810a4432826bf58c 941efb65d57a338bbd2e26640f89ffbc
1a858efcb8550ee3a5e1998bd177e93a 7363c344fe6b199ee5d02e82d522c4fe
ba15452f80288a821a579116ec6dad2b 3b310da903401aa62100ab5d1a36553e
06203b33890cc9b832f79ef80560ccb9 a39ce767967ed628c6ad573cb116dbef
efd75499da96bd68a8a97b928a8bbc10 3b6621fcde2beca1231d206be6cd9ec7
aff6f6c94fcd7204ed3455c68c83f4a4 1da4af2b74ef5c53f1d8ac70bdcb7ed1
85ce81bd84359d44254d95629e9855a9 4a7c1958d1f8ada5d0532ed8a5aa3fb2
d17ba70eb6248e594e1a2297acbbb39d 502f1a8c6eb6f1ce22b3de1a1f40cc24
554119a831a9aad6079cad88425de6bd e1a9187ebb6092cf67bf2b13fd65f270
88d78b7e883c8759d2c4f5c65adb7553 878ad575f9fad878e80a0c9ba63bcbcc
2732e69485bbc9c90bfbd62481d9089b eccf80cfe2df16a2cf65bd92dd597b07
07e0917af48bbb75fed413d238f5555a 7a569d80c3414a8d0859dc65a46128ba
b27af87a71314f318c782b23ebfe808b 82b0ce26401d2e22f04d83d1255dc51a
ddd3b75a2b1ae0784504df543af8969b e3ea7082ff7fc9888c144da2af58429e
c96031dbcad3dad9af0dcbaaaf268cb8 fcffead94f3c7ca495e056a9b47acdb7
51fb73e666c6c655ade8297297d07ad1 ba5e43f1bca32301651339e22904cc8c
42f58c30c04aafdb038dda0847dd988d cda6f3bfd15c4b4c4525004aa06eeff8
ca61783aacec57fb3d1f92b0fe2fd1a8 5f6724517b65e614ad6808d6f6ee34df
f7310fdc82aebfd904b01e1dc54b2927 094b2db68d6f903b68401adebf5a7e08
d78ff4ef5d63653a65040cf9bfd4aca7 984a74d37145986780fc0b16ac451649
de6188a7dbdf191f64b5fc5e2ab47b57 f7f7276cd419c17a3ca8e1b939ae49e4
88acba6b965610b5480109c8b17b80e1 b7b750dfc7598d5d5011fd2dcc5600a3
2ef5b52a1ecc820e308aa342721aac09 43bf6686b64b2579376504ccc493d97e
6aed3fb0f9cd71a43dd497f01f17c0e2 cb3797aa2a2f256656168e6c496afc5f
b93246f6b1116398a346f1a641f3b041 e989f7914f90cc2c7fff357876e506b5
0d334ba77c225bc307ba537152f3f161 0e4eafe595f6d9d90d11faa933a15ef1
369546868a7f3a45a96768d40fd9d034 12c091c6315cf4fde7cb68606937380d
b2eaaa707b4c4185c32eddcdd306705e 4dc1ffc872eeee475a64dfac86aba41c
0618983f8741c5ef68d3a101e8a3b8ca c60c905c15fc910840b94c00a0b9d0
"""
RFC8032_VECTORS = [
    (
        "TEST 1",
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "TEST 2",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "TEST 3",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
        "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
    (
        "TEST 1024",
        "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
        "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
        TEST_1024_MESSAGE,
        "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
        "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03",
    ),
]
VECTORS = {
    name: tuple(bytes.fromhex("".join(part.split())) for part in parts)
    for name, *parts in RFC8032_VECTORS
}
_, KEY, MESSAGE, SIGNATURE = VECTORS["TEST 2"]


def openssl_accepts(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def public_bytes(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def secret_scalar(seed: bytes) -> int:
    """RFC 8032 5.1.5: the clamped first half of SHA-512(seed), the public key's discrete log."""
    h = bytearray(hashlib.sha512(seed).digest()[:32])
    h[0] &= 248
    h[31] = (h[31] & 127) | 64
    return int.from_bytes(h, "little")


def with_s(signature: bytes, s: int) -> bytes:
    return signature[:32] + s.to_bytes(32, "little")


@pytest.mark.parametrize("name", VECTORS)
def test_auditor_verifier_accepts_rfc8032_test_vectors(name: str) -> None:
    _, key, message, signature = VECTORS[name]
    assert ed25519_verify(key, message, signature)
    assert not ed25519_verify(key, message + b"\x00", signature)


@pytest.mark.parametrize("name", VECTORS)
def test_rfc8032_vectors_were_copied_exactly(name: str) -> None:
    """OpenSSL derives the same public key and signature from the RFC's secret key, so a
    mistyped digit (the 1023-byte message above all) would show here."""
    secret, key, message, signature = VECTORS[name]
    private = Ed25519PrivateKey.from_private_bytes(secret)
    assert (public_bytes(private), private.sign(message)) == (key, signature)
    assert len(message) == {"TEST 1": 0, "TEST 2": 1, "TEST 3": 2, "TEST 1024": 1023}[name]


def flip(data: bytes, bit: int) -> bytes:
    """``data`` with one bit flipped (an empty message gains a byte instead)."""
    if not data:
        return b"\x00"
    changed = bytearray(data)
    changed[bit // 8 % len(data)] ^= 1 << (bit % 8)
    return bytes(changed)


@given(
    seed=st.binary(min_size=32, max_size=32),
    message=st.binary(max_size=300),
    part=st.sampled_from(["key", "message", "signature"]),
    bit=st.integers(min_value=0, max_value=8 * 300),
)
def test_auditor_verifier_agrees_with_openssl_on_random_signatures(
    seed: bytes, message: bytes, part: str, bit: int
) -> None:
    private = Ed25519PrivateKey.from_private_bytes(seed)
    good = [public_bytes(private), message, private.sign(message)]
    assert ed25519_verify(*good) and openssl_accepts(*good)
    bad = list(good)
    where = ["key", "message", "signature"].index(part)
    bad[where] = flip(good[where], bit)
    assert not ed25519_verify(*bad)
    assert not openssl_accepts(*bad)


def test_auditor_verifier_rejects_s_that_is_not_reduced_mod_l() -> None:
    """S + L satisfies the group equation just as S does; RFC 8032 still says reject it."""
    s = int.from_bytes(SIGNATURE[32:], "little")
    for bad in (s + L, L, 2**256 - 1):
        assert not ed25519_verify(KEY, MESSAGE, with_s(SIGNATURE, bad))
        assert not openssl_accepts(KEY, MESSAGE, with_s(SIGNATURE, bad))


@pytest.mark.parametrize(
    ("key", "message", "signature"),
    [
        (KEY[:31], MESSAGE, SIGNATURE),
        (KEY + b"\x00", MESSAGE, SIGNATURE),
        (KEY, MESSAGE, SIGNATURE[:63]),
        (KEY, MESSAGE, SIGNATURE + b"\x00"),
        (b"", b"", b""),
        (KEY.hex(), MESSAGE, SIGNATURE),
        (KEY, "r", SIGNATURE),
        (KEY, MESSAGE, SIGNATURE.hex()),
        (None, MESSAGE, SIGNATURE),
        (KEY, None, SIGNATURE),
        (KEY, MESSAGE, 0),
        (list(KEY), MESSAGE, SIGNATURE),
    ],
)
def test_auditor_verifier_says_no_to_wrong_lengths_and_types(key, message, signature) -> None:
    assert ed25519_verify(key, message, signature) is False


def test_auditor_verifier_takes_bytearray_and_memoryview() -> None:
    assert ed25519_verify(bytearray(KEY), memoryview(MESSAGE), bytearray(SIGNATURE))


def encode(y: int, sign: int) -> bytes:
    return (y | sign << 255).to_bytes(32, "little")


# The identity O = (0, 1) as a public key: [k]O = O, so any R = [S]B makes a valid signature.
IDENTITY = encode(1, 0)
FOR_IDENTITY = public_bytes(Ed25519PrivateKey.from_private_bytes(bytes(32))) + (
    secret_scalar(bytes(32)) % L
).to_bytes(32, "little")


def test_auditor_verifier_rejects_a_key_or_r_that_is_not_a_point() -> None:
    # y = 2: (y^2 - 1) / (d y^2 + 1) is not a square mod p (Euler's criterion), so no x.
    x_squared = 3 * pow(4 * D + 1, P - 2, P) % P
    assert pow(x_squared, (P - 1) // 2, P) == P - 1
    for not_a_point in (encode(2, 0), encode(2, 1)):
        assert not ed25519_verify(not_a_point, MESSAGE, SIGNATURE)
        assert not openssl_accepts(not_a_point, MESSAGE, SIGNATURE)
        assert not ed25519_verify(KEY, MESSAGE, not_a_point + SIGNATURE[32:])
        assert not openssl_accepts(KEY, MESSAGE, not_a_point + SIGNATURE[32:])


def test_auditor_verifier_rejects_minus_zero_as_key_or_r() -> None:
    """y = 1 and y = -1 give x = 0; with the sign bit set ("-0") they encode nothing (RFC 8032
    5.1.3), even where -0 = 0 would satisfy the equation."""
    minus_zero_r = encode(1, 1) + bytes(32)  # R = O, S = 0: [0]B = O + [k]O
    assert ed25519_verify(IDENTITY, MESSAGE, IDENTITY + bytes(32))
    assert ed25519_verify(IDENTITY, MESSAGE, FOR_IDENTITY)
    assert not ed25519_verify(IDENTITY, MESSAGE, minus_zero_r)
    assert not openssl_accepts(IDENTITY, MESSAGE, minus_zero_r)
    assert not ed25519_verify(encode(1, 1), MESSAGE, FOR_IDENTITY)
    assert openssl_accepts(encode(1, 1), MESSAGE, FOR_IDENTITY)  # OpenSSL is laxer here
    assert not ed25519_verify(encode(P - 1, 1), MESSAGE, SIGNATURE)
    assert not ed25519_verify(KEY, MESSAGE, encode(P - 1, 1) + SIGNATURE[32:])


def test_auditor_verifier_rejects_a_key_whose_y_is_not_reduced_mod_p() -> None:
    """y = p + 1 is the identity written non-canonically: RFC 8032 5.1.3 says it does not decode
    (OpenSSL reduces it and accepts: one of the two places where the two verifiers differ)."""
    assert ed25519_verify(IDENTITY, MESSAGE, FOR_IDENTITY)
    assert not ed25519_verify(encode(P + 1, 0), MESSAGE, FOR_IDENTITY)
    assert openssl_accepts(encode(P + 1, 0), MESSAGE, FOR_IDENTITY)


def test_auditor_verifier_checks_the_cofactorless_equation_as_openssl_does() -> None:
    """A key A' = A + (0, -1), with a part of order 2, and S = r + k a: [8][S]B = [8]R + [8][k]A'
    always holds, [S]B = R + [k]A' only for even k. OpenSSL and we check the latter."""
    a_seed, r_seed = b"\x01" * 32, b"\x02" * 32
    a, r = secret_scalar(a_seed), secret_scalar(r_seed)
    key = public_bytes(Ed25519PrivateKey.from_private_bytes(a_seed))
    nonce = public_bytes(Ed25519PrivateKey.from_private_bytes(r_seed))
    y, sign = int.from_bytes(key, "little") & (2**255 - 1), key[31] >> 7
    mixed_key = encode(P - y, 1 - sign)  # (x, y) + (0, -1) = (-x, -y); p is odd, x is not 0
    seen = set()
    for n in range(40):
        message = b"agenda item %d" % n
        k = int.from_bytes(hashlib.sha512(nonce + mixed_key + message).digest(), "little") % L
        signature = nonce + ((r + k * a) % L).to_bytes(32, "little")
        accepted = ed25519_verify(mixed_key, message, signature)
        assert accepted == (k % 2 == 0) == openssl_accepts(mixed_key, message, signature)
        seen.add(accepted)
    assert seen == {True, False}
