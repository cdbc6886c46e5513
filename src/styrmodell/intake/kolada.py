"""Kolada's API v3: the values of a municipality's key figures, fetched page by page.

`/v3/data/kpi/{ids}/municipality/{ids}/year/{years}` answers with `{"values": [{"kpi",
"municipality", "period", "values": [{"gender", "count", "status", "value"}]}], "next_url"}`
(the shape is in shared/data/kolada/README.md). At most 25 ids go into one request; the pages
are followed through `next_url`, only on the same server. A missing value is `"value": null`
with a status code: it is kept as missing, never as a number. Everything that can go wrong with
the network or the answer is a `FatalError` in Swedish, so nothing is written.

Data from Kolada is free to use with the credit "Källa: Kolada" (RKA, Rådet för främjande av
kommunala analyser).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from styrmodell import __version__
from styrmodell.errors import FatalError

DEFAULT_URL = "https://api.kolada.se/v3"
MAX_IDS = 25
MAX_PAGES = 1000
MAX_BYTES = 50_000_000
TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Value:
    kpi: str
    municipality: str
    period: int
    gender: str
    value: float | int | None
    status: str


@dataclass(frozen=True)
class Answer:
    """One request (all its pages): where it was asked, when, and the values."""

    url: str
    fetched: dt.datetime
    values: list[Value]


def chunks(items: list[str], size: int = MAX_IDS) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def data_url(base: str, kpis: list[str], municipalities: list[str], years: list[int]) -> str:
    quote = urllib.parse.quote
    return (
        f"{base.rstrip('/')}/data/kpi/{quote(','.join(kpis), safe=',')}/municipality/{quote(','.join(municipalities), safe=',')}"
        f"/year/{','.join(str(y) for y in years)}"
    )


def fetch_all(
    base: str, kpis: list[str], municipalities: list[str], years: list[int], timeout: float = TIMEOUT_SECONDS
) -> list[Answer]:
    """Every value for `kpis` × `municipalities` × `years`, in requests of at most 25 ids each."""
    answers = []
    for kpi_part in chunks(sorted(set(kpis))):
        for municipality_part in chunks(sorted(set(municipalities))):
            answers.append(fetch(data_url(base, kpi_part, municipality_part, years), timeout))
    return answers


def fetch(url: str, timeout: float = TIMEOUT_SECONDS) -> Answer:
    """One request, following `next_url` until the last page."""
    fetched = dt.datetime.now(dt.UTC).replace(microsecond=0)
    first = urllib.parse.urlsplit(url)
    values: list[Value] = []
    seen: set[str] = set()
    page_url: str | None = url
    while page_url is not None:
        if page_url in seen or len(seen) >= MAX_PAGES:
            raise FatalError(f"Kolada: sidorna pekar på varandra i en ring ({page_url}); inget skrevs")
        seen.add(page_url)
        parts = urllib.parse.urlsplit(page_url)
        if (parts.scheme, parts.netloc) != (first.scheme, first.netloc):
            raise FatalError(f"Kolada: nästa sida ligger på en annan server ({page_url}); inget skrevs")
        page = _get_json(page_url, timeout)
        values.extend(parse_page(page, page_url))
        page_url = page.get("next_url") or None
    return Answer(url, fetched, values)


def _get_json(url: str, timeout: float) -> dict:
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": f"styrmodell/{__version__}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FatalError(
            f"Kolada svarade {exc.code} ({exc.reason}) på {url}; försök igen senare. Inget skrevs."
        ) from None
    except TimeoutError:
        raise FatalError(
            f"Kolada svarade inte inom {timeout:g} sekunder ({url}); försök igen senare. Inget skrevs."
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FatalError(
                f"Kolada svarade inte inom {timeout:g} sekunder ({url}); försök igen senare. Inget skrevs."
            ) from None
        raise FatalError(f"kan inte nå Kolada ({url}): {reason}. Inget skrevs.") from None
    except (OSError, ValueError) as exc:
        raise FatalError(f"kan inte hämta {url}: {exc}. Inget skrevs.") from None
    if len(body) > MAX_BYTES:
        raise FatalError(f"Kolada: svaret från {url} är större än {MAX_BYTES // 1_000_000} MB; inget skrevs")
    return decode(body, url)


def decode(body: bytes, where: str) -> dict:
    try:
        page = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FatalError(f"{where}: svaret är inte giltig JSON ({exc}); inget skrevs") from None
    if not isinstance(page, dict) or not isinstance(page.get("values"), list):
        raise FatalError(f"{where}: svaret har inte Koladas form (en mappning med values: [...]); inget skrevs")
    return page


_KPI = re.compile(r"^[NU]\d{5}$")
_AREA = re.compile(r"^\d{4}$")


def parse_page(page: dict, where: str) -> list[Value]:
    """The values of one page; a page that does not have Kolada's shape is a FatalError. Every field
    is checked, since what a server sends ends up in the repository's files."""
    out = []
    for index, entry in enumerate(page["values"]):
        try:
            kpi, municipality = str(entry["kpi"]), str(entry["municipality"])
            if not _KPI.match(kpi):
                raise ValueError(f"nyckeltalet {kpi[:40]!r} är inte ett Kolada-id")
            if not _AREA.match(municipality):
                raise ValueError(f"kommunen {municipality[:40]!r} är inte en kommunkod")
            period = int(entry["period"])
            if not 1990 <= period <= 2100:
                raise ValueError(f"året {period} är inte rimligt")
            for item in entry.get("values") or []:
                raw = item.get("value")
                if raw is not None and (isinstance(raw, bool) or not isinstance(raw, (int, float))):
                    raise ValueError(f"värdet {raw!r} är inte ett tal")
                if isinstance(raw, float) and not math.isfinite(raw):
                    raise ValueError("värdet är inte ett ändligt tal")
                gender = str(item.get("gender") or "T")
                if gender not in ("T", "K", "M"):
                    raise ValueError(f"kön {gender[:10]!r} är inte T, K eller M")
                status = str(item.get("status") or "")
                if len(status) > 40 or not status.isprintable():
                    raise ValueError(f"statuskoden {status[:40]!r} är inte en statuskod")
                out.append(Value(kpi, municipality, period, gender, raw, status))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise FatalError(f"{where}: värde nr {index + 1} har inte Koladas form ({exc}); inget skrevs") from None
    return out


def read_saved(path: Path) -> list[Answer]:
    """A saved v3 response (one page, or a list of pages) read instead of the network."""
    if not path.is_file():
        raise FatalError(f"{path}: filen finns inte")
    body = path.read_bytes()
    try:
        data: Any = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FatalError(f"{path}: filen är inte giltig JSON ({exc}); inget skrevs") from None
    pages = data if isinstance(data, list) else [data]
    fetched = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)
    values: list[Value] = []
    for number, page in enumerate(pages, start=1):
        where = f"{path}" + (f" (sida {number})" if len(pages) > 1 else "")
        if not isinstance(page, dict) or not isinstance(page.get("values"), list):
            raise FatalError(f"{where}: svaret har inte Koladas form (en mappning med values: [...]); inget skrevs")
        values.extend(parse_page(page, where))
    return [Answer(f"fil:{path.name}", fetched, values)]


def incomplete_pages(path: Path) -> bool:
    """Whether a saved response says it has more pages than the file holds."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    last = data[-1] if isinstance(data, list) and data else data
    return isinstance(last, dict) and bool(last.get("next_url"))
