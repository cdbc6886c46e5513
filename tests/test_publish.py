"""`styr publicera`: the site served by a real local HTTP server and crawled in headless Chromium (every
internal link resolves, every page passes axe-core's WCAG 2.1 A and AA checks and links the
accessibility statement), the open data validated by frictionless, byte-identical rebuilds, escaping,
the git history on a goal's page, and the publishing check of KL 8 kap. 14–16 a §§ (SM904)."""

from __future__ import annotations

import functools
import html as html_lib
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from axe_check import SKIP_REASON as AXE_SKIP
from axe_check import WCAG_TAGS, axe_available, axe_core_path, chromium
from conftest import BASE_REPO, EXAMPLES, needs_chromium, run_styr, screenshot

RUNNER = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Genomsökning</title></head><body>
<script>
(async function () {
  var TAGS = %(tags)s;
  var queue = ["/site/index.html"], seen = new Set(queue), pages = {};
  function load(url) {
    return new Promise(function (resolve) {
      var frame = document.createElement("iframe");
      frame.style.width = "1200px"; frame.style.height = "900px";
      frame.onload = function () { resolve(frame); };
      frame.src = url;
      document.body.appendChild(frame);
    });
  }
  function inject(frame) {
    return new Promise(function (resolve) {
      var script = frame.contentDocument.createElement("script");
      script.onload = resolve; script.onerror = resolve;
      script.src = "/axe.min.js";
      frame.contentDocument.head.appendChild(script);
    });
  }
  try {
    while (queue.length) {
      var url = queue.shift();
      var frame = await load(url);
      var doc = frame.contentDocument;
      var links = Array.prototype.map.call(doc.querySelectorAll("a[href]"), function (a) { return a.href; });
      var resources = Array.prototype.map.call(doc.querySelectorAll("[src], link[href]"), function (e) {
        return e.src || e.href; });
      await inject(frame);
      var result = await frame.contentWindow.axe.run(doc, {runOnly: {type: "tag", values: TAGS},
                                                          resultTypes: ["violations"]});
      pages[url] = {
        lang: doc.documentElement.lang, title: doc.title, links: links, resources: resources,
        violations: result.violations.map(function (v) {
          return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                  targets: v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); })}; })
      };
      links.forEach(function (href) {
        var target = new URL(href);
        if (target.origin !== location.origin) { return; }
        var path = target.pathname;
        if (/\\.html$/.test(path) && !seen.has(path)) { seen.add(path); queue.push(path); }
      });
      frame.remove();
    }
    var search = await load("/site/sok.html?q=" + encodeURIComponent(%(query)s));
    await new Promise(function (r) { setTimeout(r, 200); });
    var hits = Array.prototype.map.call(search.contentDocument.querySelectorAll("#traffar li a"),
                                        function (a) { return a.getAttribute("href"); });
    report({pages: pages, hits: hits});
  } catch (error) { report({fel: String(error && error.stack || error)}); }
  function report(data) {
    var pre = document.createElement("pre"); pre.id = "resultat";
    pre.textContent = JSON.stringify(data); document.body.appendChild(pre);
  }
})();
</script></body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test output stays readable
        pass


class Server:
    """A real HTTP server on 127.0.0.1 serving `folder`, in a thread, on a free port."""

    def __init__(self, folder: Path):
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def crawl(serve: Path, workdir: Path, query: str) -> dict:
    """Every page reachable from the start page, crawled in one headless Chromium, with axe-core run in each."""
    shutil.copy(axe_core_path(), serve / "axe.min.js")
    (serve / "runner.html").write_text(RUNNER % {"tags": json.dumps(WCAG_TAGS), "query": json.dumps(query)}, "utf-8")
    with Server(serve) as server:
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
                f"--user-data-dir={workdir / 'profil'}",
                "--virtual-time-budget=600000",
                "--dump-dom",
                f"{server.base}/runner.html",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        found = re.search(r'<pre id="resultat">(.*?)</pre>', result.stdout, re.DOTALL)
        assert found, f"genomsökningen gav inget resultat: {result.stderr[-2000:]}"
        data = json.loads(html_lib.unescape(found.group(1)))
        assert "fel" not in data, data.get("fel")
        data["base"] = server.base
        data["status"] = {}
        for page in data["pages"].values():
            for href in page["links"] + page["resources"]:
                if href.startswith(server.base):
                    address = href.split("#")[0]
                    if address not in data["status"]:
                        try:
                            with urlopen(address, timeout=30) as response:
                                data["status"][address] = (response.status, response.read())
                        except OSError as error:
                            data["status"][address] = (getattr(error, "code", 0), b"")
    return data


def publish(repo: Path, out: Path, *extra: str, ok: bool = True):
    result = run_styr("publicera", str(repo), "-o", str(out), *extra, timeout=600)
    if ok:
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    return result


@pytest.mark.skipif(not axe_available(), reason=AXE_SKIP)
@pytest.mark.parametrize("example,query", [("grastorp", "behöriga gymnasiet"), ("astorp", "trygghet")])
def test_site_is_crawled_with_every_link_resolving_and_no_axe_violation(tmp_path, example, query):
    repo = shutil.copytree(EXAMPLES / example, tmp_path / example)
    serve = tmp_path / "webb"
    publish(repo, serve / "site", "--utan-pdf")
    data = crawl(serve, tmp_path, query)
    pages = data["pages"]
    written = {p.relative_to(serve).as_posix() for p in (serve / "site").rglob("*.html")}
    assert {urlsplit(u).path.lstrip("/") for u in pages} == written, "sidor som ingen länk når"
    assert len(pages) > 30
    problems = []
    for url, page in sorted(pages.items()):
        if page["lang"] != "sv":
            problems.append(f"{url}: lang={page['lang']!r}")
        if not any(urlsplit(h).path == "/site/tillganglighet.html" for h in page["links"]):
            problems.append(f"{url}: länkar inte tillgänglighetsredogörelsen")
        for v in page["violations"]:
            problems.append(f"{url}: axe {v['id']} ({v['impact']}, {v['nodes']} st): {v['help']} {v['targets']}")
        for href in page["resources"]:
            if not href.startswith(data["base"]):
                problems.append(f"{url}: extern resurs {href}")
        for href in page["links"]:
            if not href.startswith(data["base"]):
                continue
            status, body = data["status"][href.split("#")[0]]
            if status != 200:
                problems.append(f"{url}: länken {href} ger {status}")
            elif "#" in href and href.split("#")[1]:
                anchor = href.split("#")[1]
                if f'id="{anchor}"'.encode() not in body:
                    problems.append(f"{url}: länken {href} pekar på ett id som inte finns")
    assert not problems, "\n".join(problems)
    assert data["hits"], f"sökningen på {query!r} gav inga träffar"
    assert all((serve / "site" / h).is_file() for h in data["hits"])


def test_search_page_lists_every_page_without_javascript(tmp_path):
    out = tmp_path / "webb"
    publish(shutil.copytree(EXAMPLES / "grastorp", tmp_path / "g"), out, "--utan-pdf")
    search = (out / "sok.html").read_text("utf-8")
    without_scripts = re.sub(r"<script\b.*?</script>", "", search, flags=re.DOTALL)
    for page in out.rglob("*.html"):
        relpath = page.relative_to(out).as_posix()
        if relpath != "sok.html":
            assert f'href="{relpath}"' in without_scripts, f"sok.html utan JavaScript saknar {relpath}"
    index = (out / "sokindex.js").read_text("utf-8")
    assert index.startswith("window.STYR_SOKINDEX = [")
    records = json.loads(index.removeprefix("window.STYR_SOKINDEX = ").rstrip().rstrip(";"))
    assert any("behöriga till gymnasiet" in r["t"] for r in records)


def test_same_repository_gives_byte_identical_site_and_a_change_touches_only_its_pages(tmp_path):
    repo = shutil.copytree(EXAMPLES / "astorp", tmp_path / "astorp")
    first, second = tmp_path / "a", tmp_path / "b"
    publish(repo, first)
    publish(repo, second)
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert any(f.endswith(".pdf") for f in files) and any(f.endswith(".docx") for f in files)
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert not different, f"olika bytes vid samma indata: {different}"

    before = {f: (first / f).read_bytes() for f in files}
    indicator_files = sorted((repo / "organ").rglob("*.yaml"))
    target = next(p for p in indicator_files if "utfall:" in p.read_text("utf-8"))
    text = target.read_text("utf-8")
    changed_text = re.sub(
        r"(utfall:\s*\{?\s*\n?\s*\"?)(20\d\d)(\"?:\s*)([0-9.]+)", r"\g<1>\2\g<3>1234.5", text, count=1
    )
    assert changed_text != text
    target.write_text(changed_text, "utf-8")
    result = publish(repo, first, "--utan-pdf")
    assert "borttagna" in result.stderr
    after = {p.relative_to(first).as_posix(): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    changed = sorted(f for f in after if f in before and before[f] != after[f])
    assert not any(f.endswith(".pdf") for f in after), "--utan-pdf tar bort de gamla PDF-filerna"
    assert any(f.startswith("indikatorer/") for f in changed)
    unchanged_pages = [f for f in after if f.endswith(".html") and f in before and before[f] == after[f]]
    assert "tillganglighet.html" in unchanged_pages and len(unchanged_pages) > len(changed) / 2, changed


def test_goal_text_with_script_shows_as_text_on_every_page(tmp_path):
    repo = shutil.copytree(EXAMPLES / "grastorp", tmp_path / "g")
    goals = repo / "organ" / "kf" / "mal.yaml"
    text = goals.read_text("utf-8")
    name = "Fler barn och elever når kunskapsmålen och är behöriga till gymnasiet 2026"
    assert name in text
    goals.write_text(text.replace(name, "Skolan <script>alert('x')</script> & mer"), "utf-8")
    register = repo / "organ" / "kf" / "styrdokument.yaml"
    documents = register.read_text("utf-8")
    documents = documents.replace(
        '    paragraf: "§ 112"\n', '    paragraf: "§ 112"\n    länk: "javascript:alert(1)"\n', 1
    )
    documents = documents.replace(
        "    titel: Grästorps styr- och ledningsmodell\n",
        "    titel: Grästorps styr- och ledningsmodell\n    länk: https://www.grastorp.se/styrmodell.pdf\n",
        1,
    )
    register.write_text(documents, "utf-8")
    out = tmp_path / "webb"
    publish(repo, out, "--utan-pdf")
    shown = 0
    for page in out.rglob("*.html"):
        content = page.read_text("utf-8")
        assert "<script>alert" not in content, page
        assert 'href="javascript:' not in content, page
        if "Skolan &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; mer" in content:
            shown += 1
    assert shown >= 4  # the goal's own page, the goal list, the start page, the organ, the reports …
    register_page = (out / "styrdokument.html").read_text("utf-8")
    assert '<a href="https://www.grastorp.se/styrmodell.pdf">Grästorps styr- och ledningsmodell</a>' in register_page
    assert "Inriktningsdokument 2023–2026" in register_page
    rows = json.loads((out / "data" / "mal.json").read_text("utf-8"))
    assert any(r["text"] == "Skolan <script>alert('x')</script> & mer" for r in rows)


def test_data_package_validates_with_frictionless(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    for example in ("grastorp", "astorp"):
        out = tmp_path / example
        publish(shutil.copytree(EXAMPLES / example, tmp_path / f"repo-{example}"), out, "--utan-pdf")
        report = frictionless.validate(str(out / "data" / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
        package = json.loads((out / "data" / "datapackage.json").read_text("utf-8"))
        names = {r["name"] for r in package["resources"]}
        assert {"mal", "indikatorer", "utfall", "malvarden", "organ"} <= names
        outcomes = (out / "data" / "utfall.csv").read_bytes()
        assert outcomes.startswith("\ufeffkommunkod,indikator,period,kön,värde,steg\r\n".encode())
        for name in names:
            assert json.loads((out / "data" / f"{name}.json").read_text("utf-8")) is not None


def test_goal_page_shows_its_history_from_git(git_repo, tmp_path):
    git_repo.change(
        replace={"organ/kf/mal.yaml": [["period: {från: 2023, till: 2026}", "period: {från: 2023, till: 2027}"]]}
    )
    git_repo.commit("Fullmäktige flyttar målåret", author="Kim Nämndsekreterare")
    git_repo.change(replace={"organ/kf/mal.yaml": [["2026: 2.0}", "2026: 2.5}"]]})
    git_repo.commit("Högre resultatmål 2026 (KF § 140)")
    out = tmp_path / "webb"
    publish(git_repo.root, out, "--utan-pdf")
    pages = [p for p in (out / "mal").glob("*.html") if "Fullmäktige flyttar målåret" in p.read_text("utf-8")]
    assert pages, "ingen målsida visar ändringen"
    page = pages[0].read_text("utf-8")
    assert "Styrmodellen som den beslutades" in page and "Kim Nämndsekreterare" in page
    assert "<code>period.till</code>: 2026 → 2027" in page
    goal_pages = [p for p in sorted((out / "mal").glob("*.html")) if p.name != "index.html"]
    result_goal = next(p for p in goal_pages if "Resultatet är minst 2 procent" in p.read_text("utf-8"))
    shown = result_goal.read_text("utf-8")
    assert "Högre resultatmål 2026 (KF § 140)" in shown and "<code>målvärden.2026</code>: 2 → 2,5" in shown


def test_publishing_check_names_the_missing_documents(repo_factory, tmp_path):
    repo = repo_factory(
        replace={
            "styrmodell.yaml": [
                [
                    "regler:",
                    "publicering:\n  kommunens_webbplats: true\n  kontakt: {epost: tillganglighet@grastorp.se}\n"
                    "  dokument:\n    - {avser: årsredovisning, år: 2025, rapport: arsredovisning}\n"
                    "    - {avser: budgetförslag, år: 2027, fil: dokument/budgetforslag.pdf}\n"
                    "    - {avser: årsredovisning, år: 2024, rapport: årsredovisning}\n"
                    "    - {avser: revisionsberättelse, år: 2024, länk: 'https://www.grastorp.se/rev-2024.pdf'}\nregler:",
                ]
            ]
        },
        files={"dokument/budgetforslag.pdf": b"%PDF-1.4 test\n"},
    )
    out = tmp_path / "webb"
    result = publish(repo, out, "--utan-pdf", ok=False)
    assert result.returncode == 1, result.stderr
    assert "revisionsberättelsen för 2025 (KL 8 kap. 16 a §)" in result.stderr
    insyn = (out / "insyn.html").read_text("utf-8")
    assert 'href="dokument/budgetforslag-2027-budgetforslag.pdf"' in insyn
    assert (out / "dokument" / "budgetforslag-2027-budgetforslag.pdf").read_bytes() == b"%PDF-1.4 test\n"
    assert 'href="rapporter/arsredovisning.html"' in insyn  # the site's own, for 2025
    assert 'href="rapporter/arsredovisning-2024.html"' in insyn  # rendered for the document's year
    assert "Årsredovisning – måluppfyllelse 2024" in (out / "rapporter" / "arsredovisning-2024.html").read_text("utf-8")
    assert 'href="../rapporter/arsredovisning-2024.html"' in (out / "rapporter" / "index.html").read_text("utf-8")
    assert 'href="https://www.grastorp.se/rev-2024.pdf"' in insyn
    assert "revisionsberättelsen för 2024" not in result.stderr
    assert "tillganglighet@grastorp.se" in (out / "tillganglighet.html").read_text("utf-8")
    validation = run_styr("validera", str(repo))
    assert "SM904" in validation.stdout and "revisionsberättelsen för 2025" in validation.stdout

    (repo / "dokument" / "budgetforslag.pdf").unlink()
    missing = publish(repo, tmp_path / "webb2", "--utan-pdf", ok=False)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert re.search(r"styrmodell\.yaml:\d+:\d+: filen dokument/budgetforslag\.pdf finns inte", missing.stderr), (
        missing.stderr
    )


def test_refuses_a_folder_it_did_not_write(tmp_path):
    out = tmp_path / "annat"
    out.mkdir()
    (out / "viktigt.txt").write_text("mitt", "utf-8")
    result = publish(shutil.copytree(BASE_REPO, tmp_path / "r"), out, "--utan-pdf", ok=False)
    assert result.returncode == 2 and "inte tom" in result.stderr
    assert (out / "viktigt.txt").read_text("utf-8") == "mitt"


@needs_chromium
def test_screenshots_of_start_and_goal_page(tmp_path):
    out = tmp_path / "webb"
    publish(shutil.copytree(EXAMPLES / "grastorp", tmp_path / "g"), out, "--utan-pdf")
    start = screenshot(out / "index.html", tmp_path)
    goal = screenshot(out / "mal" / "mal-kunskap.html", tmp_path)
    assert start[:8] == b"\x89PNG\r\n\x1a\n" and goal[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(start) > 20_000 and len(goal) > 20_000  # a drawn page, not a blank one


def test_init_writes_a_publishing_job_for_github_and_gitlab_pages(tmp_path):
    import shlex

    import yaml

    target = tmp_path / "grastorp"
    pinned = "git+https://git.example.se/styrmodell.git@v0.2.0"
    assert run_styr("init", str(target), "--kommun", "Grästorp", "--installation", pinned).returncode == 0
    github = yaml.safe_load((target / ".github/workflows/styrmodell.yml").read_text("utf-8"))
    gitlab = yaml.safe_load((target / ".gitlab-ci.yml").read_text("utf-8"))
    job = github["jobs"]["publicera"]
    assert job["needs"] == "validera" and job["permissions"]["pages"] == "write"
    assert "github.event.repository.default_branch" in job["if"] and "push" in job["if"]
    steps = [s.get("uses", "").split("@")[0] for s in job["steps"]]
    assert "actions/upload-pages-artifact" in steps and steps[-1] == "actions/deploy-pages"
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert f'pip install "{pinned}"' in runs
    pages = gitlab["pages"]
    assert pages["needs"] == ["validera"] and pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    for line, folder in [(r, upload["with"]["path"]) for r in runs if r.startswith("styr ")] + [
        (pages["script"][0], "public")
    ]:
        args = shlex.split(line)[1:]
        assert args[0] == "publicera" and folder in args
        result = run_styr(*args, "--utan-pdf", cwd=target)
        assert result.returncode == 0, result.stderr
        assert (target / folder / "index.html").is_file() and (target / folder / "tillganglighet.html").is_file()
