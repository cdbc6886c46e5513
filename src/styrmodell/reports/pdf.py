"""PDF from a report: its HTML printed by headless Chromium, or its .docx converted by LibreOffice.

Both programs run with a throwaway profile in a temporary folder, so a running browser or office
suite of the user's is never touched and two conversions can run side by side. Chromium is driven
through its DevTools pipe (`reports/chromium.py`); inside `one_browser()` one Chromium prints every
PDF of the run, instead of a browser started (about 0,7 s) per document.

Determinism: the PDF's creation and modification dates (in the info dictionary and, if there is
one, the XMP metadata) are replaced by a fixed date (`date`, or 1980-01-01) written in the same
number of bytes, and the trailer's /ID and LibreOffice's /DocChecksum by a hash of the rest of
the file, so the cross-reference offsets stay valid. With the same program version and the same
fonts installed, the same input then gives the same bytes (checked for Chromium and LibreOffice
7.4). Not deterministic across versions or machines: the producer string, the fonts that are
found and embedded, the line breaking and so the layout are those of the installed program.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from styrmodell.errors import FatalError
from styrmodell.reports.chromium import Browser

TIMEOUT = 180
INSTALL_HELP = (
    "PDF kräver Chromium eller LibreOffice. Installera något av dem, till exempel på Debian/Ubuntu "
    "med 'apt-get install chromium' eller 'apt-get install libreoffice-writer-nogui', och kör igen. "
    "Välj annars formatet html eller docx."
)
# tagged PDF (headings, tables and reading order for screen readers) from LibreOffice's writer export
SOFFICE_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def find_chromium() -> str | None:
    """The Chromium (or Chrome) executable on PATH, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def find_soffice() -> str | None:
    """LibreOffice's soffice on PATH (or in its usual folders), or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ):
        if Path(candidate).is_file():
            return candidate
    return None


class _Run:
    """The Chromium of the running `one_browser()` block, started at its first PDF."""

    depth = 0
    folder: tempfile.TemporaryDirectory | None = None
    browser: Browser | None = None


@contextmanager
def one_browser() -> Iterator[None]:
    """Every PDF printed inside the block goes through one Chromium, started for the first and
    ended (with its whole process group) when the block ends, however it ends."""
    _Run.depth += 1
    handles = _Run.depth == 1 and threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGTERM) if handles else None
    if handles:
        signal.signal(signal.SIGTERM, _interrupted)
    try:
        yield
    finally:
        _Run.depth -= 1
        if handles:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        if _Run.depth == 0:
            browser, folder = _Run.browser, _Run.folder
            _Run.browser = _Run.folder = None
            if browser is not None:
                browser.close()
            if folder is not None:
                folder.cleanup()


def _interrupted(signum: int, frame: object) -> None:
    """`kill` (SIGTERM) ends a run that has a browser as Ctrl-C does: the browser and its profile go with it."""
    raise KeyboardInterrupt


def html_to_pdf(html: str, workdir: Path, *, date: dt.date | None = None) -> bytes:
    """The page printed by headless Chromium: A4 unless the page's own @page rule says otherwise.
    Inside `one_browser()` the run's Chromium prints it; otherwise one is started for this page."""
    chromium = find_chromium()
    if chromium is None:
        raise FatalError(INSTALL_HELP)
    with tempfile.TemporaryDirectory(prefix="styr-pdf-", dir=_ensure(workdir)) as folder:
        page = Path(folder) / "rapport.html"
        page.write_text(_with_a4(html), encoding="utf-8")
        if _Run.depth == 0:
            with Browser(chromium, Path(folder), TIMEOUT) as browser:
                return stabilize_pdf(_printed(browser, page), date)
        if _Run.browser is None:
            _Run.folder = tempfile.TemporaryDirectory(prefix="styr-chromium-")
            _Run.browser = Browser(chromium, Path(_Run.folder.name), TIMEOUT)
        return stabilize_pdf(_printed(_Run.browser, page), date)


def _printed(browser: Browser, page: Path) -> bytes:
    data = browser.print_pdf(page)
    if data[:5] != b"%PDF-":
        raise FatalError("Chromium gjorde ingen PDF (svaret på Page.printToPDF var ingen PDF-fil).")
    return data


def docx_to_pdf(docx: bytes, workdir: Path, *, date: dt.date | None = None) -> bytes:
    """The Word document converted by LibreOffice (a tagged PDF)."""
    soffice = find_soffice()
    if soffice is None:
        raise FatalError(INSTALL_HELP)
    with tempfile.TemporaryDirectory(prefix="styr-pdf-", dir=_ensure(workdir)) as folder:
        temp = Path(folder)
        source, out = temp / "rapport.docx", temp / "ut"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={(temp / 'profil').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            SOFFICE_FILTER,
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, "LibreOffice", out / "rapport.pdf")
        return stabilize_pdf((out / "rapport.pdf").read_bytes(), date)


def make_pdf(
    workdir: Path, *, html: str | None = None, docx: bytes | None = None, date: dt.date | None = None
) -> bytes:
    """The PDF from the HTML with Chromium if there is one, else from the .docx with LibreOffice."""
    if html is not None and find_chromium():
        return html_to_pdf(html, workdir, date=date)
    if docx is not None and find_soffice():
        return docx_to_pdf(docx, workdir, date=date)
    raise FatalError(INSTALL_HELP)


def _ensure(workdir: Path) -> Path:
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    return workdir


def _run(command: list[str], program: str, expected: Path) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise FatalError(f"{program} blev inte klar med PDF:en på {TIMEOUT} sekunder.") from None
    except OSError as error:
        raise FatalError(f"Kunde inte starta {program} ({command[0]}): {error}") from None
    if not expected.is_file() or expected.read_bytes()[:5] != b"%PDF-":
        tail = "\n".join((result.stderr or result.stdout or "").strip().splitlines()[-5:])
        raise FatalError(f"{program} gjorde ingen PDF (slutkod {result.returncode})." + (f"\n{tail}" if tail else ""))


def _with_a4(html: str) -> str:
    """A default @page size before the page's own styles, which win over it."""
    rule = "<style>@page { size: A4; }</style>"
    head = re.search(r"<head\b[^>]*>", html, re.IGNORECASE)
    if head:
        return html[: head.end()] + rule + html[head.end() :]
    doctype = re.match(r"\s*<!doctype[^>]*>", html, re.IGNORECASE)
    at = doctype.end() if doctype else 0
    return html[:at] + rule + html[at:]


_INFO_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)")
_XMP_DATE = re.compile(rb"<xmp:(?:CreateDate|ModifyDate|MetadataDate)>([^<]*)<")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def stabilize_pdf(data: bytes, date: dt.date | None = None) -> bytes:
    """The PDF with its dates fixed and its ID a hash of its content, each value in as many bytes as before."""
    digits = (date or dt.date(1980, 1, 1)).strftime("%Y%m%d").encode() + b"000000"

    def fixed(value: bytes, prefix: bytes = b"") -> bytes:
        out, used = bytearray(prefix), 0
        for byte in value[len(prefix) :]:
            if 0x30 <= byte <= 0x39:
                out.append(digits[used] if used < len(digits) else 0x30)
                used += 1
            elif byte == ord("-") and used >= len(digits):
                out.append(ord("+"))  # a time zone: UTC
            else:
                out.append(byte)
        return bytes(out)

    data = _replace_group(_INFO_DATE, data, lambda value: fixed(value, b"D:"))
    data = _replace_group(_XMP_DATE, data, fixed)
    blanked = _replace_group(_CHECKSUM, _replace_group(_ID, data, _zeros), _zeros)
    digest = hashlib.sha256(blanked).hexdigest().upper().encode()

    def same_case(value):
        return digest[: len(value)] if value.isupper() or value.isdigit() else digest[: len(value)].lower()

    data = _replace_group(_ID, data, same_case)
    return _replace_group(_CHECKSUM, data, same_case)


def _zeros(value: bytes) -> bytes:
    return b"0" * len(value)


def _replace_group(pattern: re.Pattern, data: bytes, change) -> bytes:
    """Each group of each match replaced by change(group), which must keep its length."""

    def one(match: re.Match) -> bytes:
        text = match.group(0)
        start = match.start(0)
        pieces, at = [], 0
        for index in range(1, (pattern.groups or 0) + 1):
            begin, end = match.start(index) - start, match.end(index) - start
            new = change(text[begin:end])
            assert len(new) == end - begin
            pieces += [text[at:begin], new]
            at = end
        return b"".join(pieces) + text[at:]

    return pattern.sub(one, data)
