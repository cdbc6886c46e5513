"""Accessibility checks for the tests: axe-core run in headless Chromium against a page.

No selenium or playwright: a copy of the page gets axe's script and a small runner, Chromium loads
it with --dump-dom, and the runner writes the violations as JSON into an element of the dumped DOM.
axe.min.js is found through $AXE_CORE_JS or at ~/.cache/styrmodell-test/axe.min.js, where .ci/run
puts it (from the npm package axe-core).
"""

from __future__ import annotations

import html as html_escape
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RESULT_ID = "axe-resultat"
RUNNER = """
<script>
(function () {
  function report(text) {
    var pre = document.createElement("pre");
    pre.id = "%(id)s";
    pre.textContent = text;
    document.body.appendChild(pre);
  }
  function run() {
    if (typeof axe === "undefined") { report(JSON.stringify({fel: "axe laddades inte"})); return; }
    axe.run(document, {runOnly: {type: "tag", values: %(tags)s}, resultTypes: ["violations"]})
      .then(function (results) {
        report(JSON.stringify(results.violations.map(function (v) {
          return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
                  targets: v.nodes.slice(0, 5).map(function (n) { return n.target.join(" "); })};
        })));
      })
      .catch(function (error) { report(JSON.stringify({fel: String(error)})); });
  }
  if (document.readyState === "complete") { run(); } else { window.addEventListener("load", run); }
})();
</script>
"""


def axe_core_path() -> Path:
    """Where axe.min.js is looked for: $AXE_CORE_JS, else the test cache that .ci/run fills."""
    if os.environ.get("AXE_CORE_JS"):
        return Path(os.environ["AXE_CORE_JS"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "styrmodell-test" / "axe.min.js"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def axe_available() -> bool:
    return chromium() is not None and axe_core_path().is_file()


SKIP_REASON = (
    "axe-core eller chromium saknas (.ci/run installerar båda; lokalt: "
    "'npm pack axe-core@4' och packa upp package/axe.min.js till ~/.cache/styrmodell-test/, "
    "eller sätt AXE_CORE_JS)"
)


def axe_violations(html_path: Path, workdir: Path) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page: each with id, impact, help, helpUrl, nodes
    (how many elements) and targets (the first few CSS selectors)."""
    html_path, workdir = Path(html_path).resolve(), Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    page = html_path.read_text(encoding="utf-8")
    # the copy lives in workdir; <base> keeps the page's relative links pointing next to the original
    base = f'<base href="{html_escape.escape(html_path.parent.as_uri())}/">'
    head = re.search(r"<head\b[^>]*>", page, re.IGNORECASE)
    if head and not re.search(r"<base\b", page, re.IGNORECASE):
        page = page[: head.end()] + base + page[head.end() :]
    scripts = f'<script src="{html_escape.escape(axe_core_path().resolve().as_uri())}"></script>' + RUNNER % {
        "id": RESULT_ID,
        "tags": json.dumps(WCAG_TAGS),
    }
    end = page.lower().rfind("</body>")
    page = page[:end] + scripts + page[end:] if end >= 0 else page + scripts
    copy = workdir / f"axe-{html_path.name}"
    copy.write_text(page, encoding="utf-8")

    result = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-file-access-from-files",
            f"--user-data-dir={workdir / 'axe-profil'}",
            "--virtual-time-budget=20000",
            "--dump-dom",
            copy.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    found = re.search(rf'<pre id="{RESULT_ID}">(.*?)</pre>', result.stdout, re.DOTALL)
    if not found:
        raise RuntimeError(
            f"axe gav inget resultat för {html_path} (chromium slutkod {result.returncode}): {result.stderr[-2000:]}"
        )
    data = json.loads(html_escape.unescape(found.group(1)))
    if isinstance(data, dict):
        raise RuntimeError(f"axe misslyckades för {html_path}: {data.get('fel')}")
    return data


def serious(violations: list[dict]) -> list[dict]:
    """The violations axe rates serious or critical."""
    return [v for v in violations if v.get("impact") in ("serious", "critical")]


def describe(violations: list[dict]) -> str:
    """One line per violation, for an assertion message."""
    return "\n".join(
        f"{v['id']} ({v['impact']}, {v['nodes']} st): {v['help']} – {', '.join(v.get('targets', []))}"
        for v in violations
    )
