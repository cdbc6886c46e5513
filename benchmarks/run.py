"""The benchmark: whole processes, paired with their references, peak memory.

    python benchmarks/run.py [--runs 3] [--out benchmarks/result.json] [--work DIR] [--readme README.md]
                             [--referens /annan/venv/bin/styr]

It generates the synthetic repositories (benchmarks/generate.py) at S and M and at ¼ and ½ of M,
and times `styr` against references in the same run (a plain libyaml C-loader parse of the same
files in one process, yamllint on the same tree, `python -c "import typer"`, a cold run). The
machines are shared and noisy, so each comparison is *paired*: the command and its reference run
interleaved, A B A B ..., and the figure is the median of the per-pair ratios, with their min and
max. It also measures the language server's latency from a one-line change to the diagnostics
(benchmarks/lsp_latency.py) and the PDF time per document; with --referens, the reports are also
paired with another installation's `styr` (main's, say), to see a change side by side. It writes a JSON result file and prints
the Markdown table; with --readme it also puts the table into the README's performance section.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

C_LOADER_PARSE = """
import sys, yaml
from pathlib import Path
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=Loader)
"""


def run_once(command: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int]:
    """(seconds, peak resident memory in MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss // 1024


def paired(a: list[str], b: list[str], runs: int, prepare_a=None, prepare_b=None, kw_a=None, kw_b=None) -> dict:
    """A and its reference B, interleaved A B A B ...: both series, and the per-pair ratios A/B."""
    times_a, times_b, memory_a, ratios = [], [], [], []
    for _ in range(runs):
        if prepare_a:
            prepare_a()
        seconds_a, peak_a = run_once(a, **(kw_a or {}))
        if prepare_b:
            prepare_b()
        seconds_b, _ = run_once(b, **(kw_b or {}))
        times_a.append(seconds_a)
        times_b.append(seconds_b)
        memory_a.append(peak_a)
        ratios.append(seconds_a / seconds_b)
    return {
        "a_median_s": statistics.median(times_a),
        "b_median_s": statistics.median(times_b),
        "kvot_median": statistics.median(ratios),
        "kvot_min": min(ratios),
        "kvot_max": max(ratios),
        "par": runs,
        "a_peak_mb": max(memory_a),
    }


def measure(command: list[str], runs: int, prepare=None, **kwargs) -> dict:
    times, memory = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        seconds, peak = run_once(command, **kwargs)
        times.append(seconds)
        memory.append(peak)
    return {"median_s": statistics.median(times), "runs": runs, "peak_mb": max(memory)}


def styr() -> list[str]:
    found = shutil.which("styr", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "styrmodell"]


@contextlib.contextmanager
def server(command: list[str], root: Path, env: dict):
    """`styr server` running for `root` while the block runs."""
    subprocess.run(command + ["server", "start", str(root)], env=env, check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(command + ["server", "stopp", str(root)], env=env, capture_output=True)


def git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "Bench",
            "GIT_AUTHOR_EMAIL": "b@example.org",
            "GIT_COMMITTER_NAME": "Bench",
            "GIT_COMMITTER_EMAIL": "b@example.org",
        },
    )


def change_one_percent(root: Path, salt: int) -> int:
    files = sorted(root.rglob("mal-*.yaml"))
    step = max(1, len(list(root.rglob("*.yaml"))) // 100)
    changed = 0
    for path in files[:: max(1, len(files) // step)][:step]:
        text = path.read_text("utf-8")
        path.write_text(
            text.replace(
                "    metod: Verksamhetssystemet, helår", f"    metod: Verksamhetssystemet, helår (rev {salt})", 1
            ),
            "utf-8",
        )
        changed += 1
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "result.json")
    parser.add_argument("--work", type=Path, default=None, help="katalog för genererade repon (standard: temporär)")
    parser.add_argument("--readme", type=Path, default=None, help="skriv tabellen i README:s prestandaavsnitt")
    parser.add_argument(
        "--referens",
        type=Path,
        default=None,
        help="en annan installations styr (t.ex. main:s) som rapporterna jämförs med, parvis",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="styr-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cache_dir = work / "cache"
    env = {**os.environ, "STYR_CACHE_DIR": str(cache_dir)}
    env.pop("GITHUB_ACTIONS", None)
    command = styr()
    results: dict = {"datum": dt.date.today().isoformat(), "kärnor": os.cpu_count(), "python": sys.version.split()[0]}

    repos = {}
    for label, scale, fraction in (("S", "S", 1.0), ("M/4", "M", 0.25), ("M/2", "M", 0.5), ("M", "M", 1.0)):
        target = work / label.replace("/", "-")
        counts = work / f"{target.name}.json"
        if not (target.exists() and counts.exists()):
            shutil.rmtree(target, ignore_errors=True)
            writer = generate.generate(target, generate.scaled(generate.SCALES[scale], fraction), seed=2026)
            counts.write_text(json.dumps({"filer": writer.files, "objekt": writer.objects}), "utf-8")
        files, objects = (json.loads(counts.read_text("utf-8"))[k] for k in ("filer", "objekt"))
        size = sum(p.stat().st_size for p in target.rglob("*.yaml"))
        repos[label] = target
        results.setdefault("repon", {})[label] = {"filer": files, "objekt": objects, "mb": round(size / 1e6, 1)}
        print(f"genererade {label}: {files} filer, {objects} objekt, {size / 1e6:.1f} MB", file=sys.stderr)

    def clear_cache() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    m = repos["M"]
    s = repos["S"]
    figures = results.setdefault("mätningar", {})
    pairs = results.setdefault("par", {})
    cold_m = command + ["validate", str(m), "--ingen-cache"]
    with_env = {"env": env}
    pairs["validate_kall_M / C-parsning_M"] = paired(
        cold_m, [sys.executable, "-c", C_LOADER_PARSE, str(m)], args.runs, kw_a=with_env
    )
    # warm: the cache is filled, then one file changes before each warm run
    run_once(command + ["validate", str(m)], env=env)
    target_file = sorted(m.rglob("mal-1.yaml"))[0]
    original = target_file.read_text("utf-8")
    counter = iter(range(1000))

    def touch_one() -> None:
        target_file.write_text(original + f"# ändrad {next(counter)}\n", "utf-8")

    pairs["validate_varm_en_fil_M / validate_kall_M"] = paired(
        command + ["validate", str(m)], cold_m, args.runs, prepare_a=touch_one, kw_a=with_env, kw_b=with_env
    )
    run_once(command + ["validate", str(m)], env=env)
    pairs["validate_varm_oförändrad_M / validate_kall_M"] = paired(
        command + ["validate", str(m)], cold_m, args.runs, kw_a=with_env, kw_b=with_env
    )
    # with a server running (`styr server start`), which `styr validate` then asks
    with server(command, m, env):
        pairs["validate_server_en_fil_M / validate_kall_M"] = paired(
            command + ["validate", str(m)], cold_m, args.runs, prepare_a=touch_one, kw_a=with_env, kw_b=with_env
        )
    target_file.write_text(original, "utf-8")

    yamllint = shutil.which("yamllint", path=str(Path(sys.executable).parent)) or shutil.which("yamllint")
    if yamllint:
        lint_s = [yamllint, "-d", "relaxed", str(s)]
        pairs["validate_kall_S / yamllint_S"] = paired(
            command + ["validate", str(s), "--ingen-cache"], lint_s, args.runs * 3, kw_a=with_env
        )
        run_once(command + ["validate", str(s)], env=env)
        pairs["validate_varm_S / yamllint_S"] = paired(
            command + ["validate", str(s)], lint_s, args.runs * 3, kw_a=with_env
        )
        s_file = sorted(s.rglob("mal-1.yaml"))[0]
        s_original = s_file.read_text("utf-8")
        s_counter = iter(range(1000))

        def touch_one_s() -> None:
            s_file.write_text(s_original + f"# ändrad {next(s_counter)}\n", "utf-8")

        with server(command, s, env):
            pairs["validate_server_en_fil_S / yamllint_S"] = paired(
                command + ["validate", str(s)], lint_s, args.runs * 3, prepare_a=touch_one_s, kw_a=with_env
            )
        s_file.write_text(s_original, "utf-8")
        figures["yamllint_M"] = measure([yamllint, "-d", "relaxed", str(m)], 1)
    pairs["styr --version / import typer"] = paired(
        command + ["--version"], [sys.executable, "-c", "import typer"], args.runs * 5, kw_a=with_env
    )

    # diff between two revisions of M that differ in 1 % of the files, beside a warm validate after a one-file change
    git("init", "-q", cwd=m)
    git("add", "-A", cwd=m)
    git("commit", "-qm", "före", cwd=m)
    changed = change_one_percent(m, 1)
    git("commit", "-qam", "efter", cwd=m)
    results["diff_ändrade_filer"] = changed
    pairs["diff_M / validate_varm_en_fil_M"] = paired(
        command + ["diff", "HEAD~1", "HEAD", "--format", "json"],
        command + ["validate", str(m)],
        args.runs,
        prepare_b=touch_one,
        kw_a={"cwd": m, "env": env},
        kw_b=with_env,
    )
    target_file.write_text(original, "utf-8")
    shutil.rmtree(m / ".git")

    # the language server on M: from a one-line change to the changed file's diagnostics
    import lsp_latency

    relpath = target_file.relative_to(m).as_posix()
    os.environ["STYR_CACHE_DIR"] = str(cache_dir)
    latency = lsp_latency.measure(m, relpath, max(args.runs * 3, 5))
    figures["lsp_latens_M"] = {
        "median_s": statistics.median(latency["latens_s"]),
        "min_s": min(latency["latens_s"]),
        "max_s": max(latency["latens_s"]),
        "ändringar": len(latency["latens_s"]),
        "första_diagnoserna_s": latency["första_s"],
    }

    reports(command, [str(args.referens)] if args.referens else None, s, m, args.runs, env, results)

    growth = results.setdefault("tillväxt", {})
    for label in ("M/4", "M/2", "M"):
        timing = (
            {"median_s": pairs["validate_kall_M / C-parsning_M"]["a_median_s"]}
            if label == "M"
            else measure(command + ["validate", str(repos[label]), "--ingen-cache"], args.runs, env=env)
        )
        objects = results["repon"][label]["objekt"]
        growth[label] = {
            "s": timing["median_s"],
            "objekt": objects,
            "µs_per_objekt": round(timing["median_s"] / objects * 1e6, 1) if objects else None,
        }

    results["topp_minne_validate_M_mb (mål < 500)"] = pairs["validate_kall_M / C-parsning_M"]["a_peak_mb"]
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
    rendered = table(results)
    print(rendered)
    if args.readme:
        _into_readme(args.readme, rendered)


def reports(command: list[str], reference: list[str] | None, s: Path, m: Path, runs: int, env: dict, results: dict):
    """The interim report for the whole municipality and every organ, as HTML on M (issue 3 and 7) and as
    PDF on S, per document; with a reference `styr` (main's), each also paired with it, A B A B ..."""
    figures = results.setdefault("mätningar", {})
    pairs = results.setdefault("par", {})
    with_env = {"env": env}
    with tempfile.TemporaryDirectory(prefix="styr-rapporter-") as folder:
        html_m = ["report", "delarsrapport", str(m), "--period", "2026-08-31", "--organ", "all", "--format", "html"]
        figures["report_M"] = measure(command + html_m + ["-o", str(Path(folder) / "a")], runs, env=env)
        results["report_M_dokument"] = sum(1 for _ in (Path(folder) / "a").iterdir())
        if reference:
            pairs["report_M / referens"] = paired(
                command + html_m + ["-o", str(Path(folder) / "a")],
                reference + html_m + ["-o", str(Path(folder) / "b")],
                runs,
                kw_a=with_env,
                kw_b=with_env,
            )
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        return
    pdf_s = ["report", "delarsrapport", str(s), "--period", "2026-08-31", "--organ", "all", "--format", "pdf"]
    with tempfile.TemporaryDirectory(prefix="styr-pdf-") as folder:
        timing = measure(command + pdf_s + ["-o", str(Path(folder) / "a")], max(runs - 1, 1), env=env)
        documents = sum(1 for _ in (Path(folder) / "a").iterdir())
        figures["report_pdf_S"] = timing | {"dokument": documents, "s_per_dokument": timing["median_s"] / documents}
        if reference:
            pair = paired(
                command + pdf_s + ["-o", str(Path(folder) / "a")],
                reference + pdf_s + ["-o", str(Path(folder) / "b")],
                runs,
                kw_a=with_env,
                kw_b=with_env,
            )
            pairs["report_pdf_S / referens"] = pair | {
                "dokument": documents,
                "a_s_per_dokument": pair["a_median_s"] / documents,
                "b_s_per_dokument": pair["b_median_s"] / documents,
            }


def _into_readme(readme: Path, rendered: str) -> None:
    """The table in place of the one between `<!-- bench-table -->` and `<!-- /bench-table -->`."""
    text = readme.read_text("utf-8")
    marker = "<!-- bench-table -->\n"
    start = text.index(marker) + len(marker)
    end = text.index("<!-- /bench-table -->", start)
    readme.write_text(text[:start] + rendered + "\n\n" + text[end:], "utf-8")


def _fmt(seconds: float) -> str:
    return f"{seconds:.2f} s".replace(".", ",")


def _ratio(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def table(results: dict) -> str:
    f, p = results["mätningar"], results["par"]
    rows = [
        f"Uppmätt {results['datum']} på {results['kärnor']} kärnor, Python {results['python']}. Varje jämförelse är "
        "parvis: kommandot och dess referens körs om vartannat (A B A B ...), och kvoten är medianen av "
        f"kvoterna per par, med min och max; {p['validate_kall_M / C-parsning_M']['par']} par för M, fler för S "
        "och start. "
        + ", ".join(
            f"{k}: {v['filer']} filer, {v['objekt']} objekt, {v['mb']} MB".replace(".", ",")
            for k, v in results["repon"].items()
        )
        + ".",
        "",
        "| mätning | tid (median) | referens (median) | kvot, median (min–max) | mål |",
        "|---|---|---|---|---|",
    ]

    def row(label: str, key: str, ref_label: str, target: str) -> None:
        if key not in p:
            return
        pair = p[key]
        rows.append(
            f"| {label} | {_fmt(pair['a_median_s'])} | {ref_label} {_fmt(pair['b_median_s'])} | "
            f"{_ratio(pair['kvot_median'])} ({_ratio(pair['kvot_min'])}–{_ratio(pair['kvot_max'])}) | {target} |"
        )

    row("`styr validate` M, kall (utan cache)", "validate_kall_M / C-parsning_M", "C-parsning av samma filer", "≤ 1,3")
    row(
        "`styr validate` M, varm, en fil ändrad (utan server)",
        "validate_varm_en_fil_M / validate_kall_M",
        "kall körning",
        "≤ 0,1",
    )
    row(
        "`styr validate` M, med `styr server`, en fil ändrad",
        "validate_server_en_fil_M / validate_kall_M",
        "kall körning",
        "≤ 0,1",
    )
    row("`styr validate` M, varm, inget ändrat", "validate_varm_oförändrad_M / validate_kall_M", "kall körning", "–")
    row("`styr validate` S, kall", "validate_kall_S / yamllint_S", "yamllint S", "≤ 0,3")
    row("`styr validate` S, varm", "validate_varm_S / yamllint_S", "yamllint S", "–")
    row(
        "`styr validate` S, med `styr server`, en fil ändrad",
        "validate_server_en_fil_S / yamllint_S",
        "yamllint S",
        "≤ 0,3",
    )
    row("`styr --version`", "styr --version / import typer", "`python -c 'import typer'`", "≤ 2")
    row(
        f"`styr diff` M, {results.get('diff_ändrade_filer')} filer ändrade",
        "diff_M / validate_varm_en_fil_M",
        "varm validate, en fil ändrad",
        "≤ 2",
    )
    if "lsp_latens_M" in f:
        lat = f["lsp_latens_M"]
        rows.append(
            f"| `styr lsp` M, diagnoser efter en ändrad rad ({lat['ändringar']} ändringar) | {_fmt(lat['median_s'])} "
            f"(min {_fmt(lat['min_s'])}, max {_fmt(lat['max_s'])}) | första diagnoserna efter start "
            f"{_fmt(lat['första_diagnoserna_s'])} | | ≤ 0,20 s |"
        )
    if "report_M" in f:
        rows.append(
            f"| `styr report delarsrapport --organ all --format html` M ({results.get('report_M_dokument')} "
            f"dokument) | {_fmt(f['report_M']['median_s'])} | | | – |"
        )
        rows.append(f"| topp-minne `styr report` M | {f['report_M']['peak_mb']} MB | | | – |")
    if "report_pdf_S" in f:
        pdf = f["report_pdf_S"]
        rows.append(
            f"| `styr report delarsrapport --organ all --format pdf` S ({pdf['dokument']} dokument), per dokument "
            f"| {_fmt(pdf['s_per_dokument'])} | hela körningen {_fmt(pdf['median_s'])} | | – |"
        )
    if "report_M / referens" in p:
        row("`styr report ... --format html` M, mot referensens `styr`", "report_M / referens", "referensen", "–")
    if "report_pdf_S / referens" in p:
        pair = p["report_pdf_S / referens"]
        rows.append(
            f"| `styr report ... --format pdf` S, per dokument, mot referensens `styr` | "
            f"{_fmt(pair['a_s_per_dokument'])} | referensen {_fmt(pair['b_s_per_dokument'])} | "
            f"{_ratio(pair['kvot_median'])} ({_ratio(pair['kvot_min'])}–{_ratio(pair['kvot_max'])}) | – |"
        )
    if "yamllint_M" in f:
        rows.append(f"| yamllint M (för jämförelse) | {_fmt(f['yamllint_M']['median_s'])} | | | |")
    rows.append(
        f"| topp-minne `styr validate` M | {p['validate_kall_M / C-parsning_M']['a_peak_mb']} MB | | | < 500 MB |"
    )
    rows.append("")
    rows.append("| storlek | objekt | kall validate | µs per objekt |")
    rows.append("|---|---|---|---|")
    for label, g in results["tillväxt"].items():
        rows.append(f"| {label} | {g['objekt']} | {_fmt(g['s'])} | {g['µs_per_objekt']} |".replace(".", ","))
    return "\n".join(rows)


if __name__ == "__main__":
    main()
