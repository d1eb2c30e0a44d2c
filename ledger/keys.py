"""Signing keys in their holder's key folder: Ed25519 pairs made and used with the
``cryptography`` package (OpenSSL). The private key is a PKCS#8 PEM file readable only by its
owner, optionally encrypted with a passphrase; the public key sits beside it as a signed-note
verifier key (``NAME.pub``), which is what the ledger's keyring records and publishes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ledger.errors import InvalidEntry, Refused
from ledger.verify import vkey

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/@-]{0,63}")


def key_folder(given: str | None = None) -> Path:
    """--dir, else GOVLEDGER_KEYS, else the user's own config folder."""
    if given:
        return Path(given)
    if os.environ.get("GOVLEDGER_KEYS"):
        return Path(os.environ["GOVLEDGER_KEYS"])
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "govledger" / "keys"


def checked_name(name: str) -> str:
    if not NAME.fullmatch(name) or ".." in name:
        raise InvalidEntry(
            f"{name!r} is not a key name; use letters, digits and . _ - : @ / "
            "(no spaces or +), up to 64, e.g. jo.clerk"
        )
    return name


@dataclass(frozen=True)
class Signer:
    """A private key in use: it signs, and says its name and verifier key."""

    name: str
    private: Ed25519PrivateKey

    @property
    def public(self) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        return self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def vkey(self) -> str:
        return vkey(self.name, self.public)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


def files(folder: Path, name: str) -> tuple[Path, Path]:
    safe = checked_name(name).replace("/", "_").replace(":", "_")
    return folder / f"{safe}.key", folder / f"{safe}.pub"


def new_key(name: str, folder: Path, passphrase: bytes | None = None) -> Signer:
    """Make a key pair; refuse to overwrite one (a lost private key cannot be made again)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private_file, public_file = files(folder, name)
    if private_file.exists():
        raise Refused(f"a key {name!r} already exists in {folder}; choose another name")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise Refused(f"cannot make the key folder {folder} ({error.strerror})") from None
    private = Ed25519PrivateKey.generate()
    protection = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, protection
    )
    signer = Signer(name, private)
    try:
        handle = os.open(private_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(pem)
        public_file.write_text(signer.vkey + "\n", encoding="utf-8")
    except OSError as error:
        raise Refused(f"cannot write the key in {folder} ({error.strerror})") from None
    return signer


def is_protected(name: str, folder: Path) -> bool:
    private_file, _ = files(folder, name)
    try:
        return b"ENCRYPTED" in private_file.read_bytes()[:64]
    except OSError:
        return False


def load_signer(name: str, folder: Path, passphrase: bytes | None = None) -> Signer:
    """The signer for key ``name``; the passphrase is needed if the key was made with one."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    private_file, _ = files(folder, name)
    try:
        pem = private_file.read_bytes()
    except FileNotFoundError:
        raise Refused(
            f"no key {name!r} in {folder}; make one with govledger keys new {name}, or give "
            "the folder with --dir or GOVLEDGER_KEYS"
        ) from None
    except OSError as error:
        raise Refused(f"cannot read the key {name!r} ({error.strerror})") from None
    try:
        private = load_pem_private_key(pem, password=passphrase or None)
    except TypeError:
        raise Refused(
            f"the key {name!r} is protected by a passphrase; give it (GOVLEDGER_KEY_PASSPHRASE)"
        ) from None
    except ValueError:
        raise Refused(
            f"the key {name!r} cannot be opened: wrong passphrase, or not a key file"
        ) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise Refused(f"the key {name!r} is not an Ed25519 key")
    return Signer(name, private)
