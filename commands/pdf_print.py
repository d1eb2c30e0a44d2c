"""Print a page to PDF with a real browser engine (headless Chromium), so the PDF is the
same HTML and print CSS a panel member would print from a browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import click

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT = 120


def chromium() -> str | None:
    """The browser to print with: GOVLEDGER_CHROMIUM, else the first on the PATH."""
    named = os.environ.get("GOVLEDGER_CHROMIUM")
    if named:
        return named if shutil.which(named) else None
    return next((found for name in NAMES if (found := shutil.which(name))), None)


def command(browser: str, page: Path, pdf: Path, profile: str) -> list[str]:
    flags = [
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--no-pdf-header-footer",
        "--run-all-compositor-stages-before-draw",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox
    return [browser, *flags, page.as_uri()]


def print_pdf(html: str, pdf: Path) -> None:
    """Write ``html`` as a PDF at ``pdf``; one clear line if no browser can do it."""
    browser = chromium()
    if browser is None:
        raise click.ClickException(
            "writing a PDF needs Chromium, which was not found; install it (apt install "
            "chromium) or set GOVLEDGER_CHROMIUM, or write -o pack.html and print that"
        )
    with tempfile.TemporaryDirectory(prefix="govledger-print-") as work:
        page = Path(work) / "pack.html"
        page.write_text(html, encoding="utf-8")
        if pdf.exists():
            pdf.unlink()  # the placeholder made for an atomic rename; Chromium writes anew
        try:
            done = subprocess.run(
                command(browser, page, pdf.resolve(), str(Path(work) / "profile")),
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise click.ClickException(
                f"Chromium did not finish printing within {TIMEOUT} s; nothing was written"
            ) from None
        except OSError as error:
            raise click.ClickException(f"could not start {browser}: {error.strerror}") from None
    if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise click.ClickException(
            f"Chromium could not print the pack (exit {done.returncode}: "
            f"{said[-1] if said else 'no message'}); nothing was written"
        )
