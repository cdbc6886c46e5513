"""Mutated copies of the example repositories through every command that reads a repository.

Used by tests/test_fuzz.py (a fixed seed, a few hundred inputs, bounded in time) and as a script for
a longer run outside the suite:

    python tests/fuzzing.py --inputs 3000 --seed 1 --workers 2

Each input is a copy of an example (a git repository whose first commit is the example as it is)
with one to three mutations: a hostile scalar, key or text put in place of one in a file, lines
deleted, doubled, swapped, re-indented or cut, bytes that are not UTF-8, a block that costs (an
alias or merge-key bomb, thousands of duplicated keys, deep nesting), hostile templates under
`mallar/`, symbolic links out of the repository, a submodule-like folder, a changed configuration.
Every command then runs as the `styr` program does (`styrmodell.cli.main.invoke`), each in a
child process forked from a process that has already imported the tool, so that a run costs the
command and not Python's start; the child's exit code, output and time are what is judged.

What a run must never do: exit 3 (internt fel), die from a signal, print a traceback, take longer
than the bound, report a loader finding (SM1xx) without a line, or answer differently from the
cache than from a cold run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {"grastorp": ROOT / "examples" / "grastorp", "astorp": ROOT / "examples" / "astorp"}

REPORT_TYPES = [
    "verksamhetsplan",
    "uppdragsplan",
    "delarsrapport",
    "tertialrapport",
    "arsredovisning",
    "uppdragsuppfoljning",
    "delegationsordning",
    "internkontrollplan",
    "styrdokument",
    "kommunkompassen",
]

# --- what a mutation puts in a file -------------------------------------------------------------

HOSTILE_SCALARS = [
    "1:30.5",
    "1:30",
    "-1:30:00",
    "190:20:30.15",
    "0b_",
    "0x_",
    "0o_",
    "+0x_",
    "0b",
    "0_",
    "!!int abc",
    "!!float abc",
    "!!bool abc",
    "!!null abc",
    "!!int 1.5",
    "!!float",
    "!!int",
    "!!binary aGVq",
    "!!binary ???",
    "!!timestamp abc",
    "!!timestamp 2026-13-45",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!str 12",
    "!foo bar",
    "!<tag:example.org,2000:x> y",
    "!!python/object/apply:os.system [ls]",
    "!!python/name:os.system",
    "9" * 5000,
    "-" + "9" * 5000,
    "0x" + "f" * 5000,
    "0o" + "7" * 6000,
    "1" + "0" * 400 + ".5",
    "1e400",
    "-1e400",
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "+.INF",
    "1e308",
    "-1.7e308",
    "1e-320",
    "-0",
    "1_000_000_000_000",
    "99999999999999999999",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "9998-12-31",
    "10000-01-01",
    "2026-02-30",
    "2026-13-01",
    "1800-01-01",
    "2026-08-31T25:00:00",
    "2026-08-31 10:00:00+05:00",
    "999999999",
    "-999999999",
    "2147483648",
    "~",
    "null",
    "",
    "[]",
    "{}",
    "[[[[[]]]]]",
    "[1, [2, {a: 3}]]",
    "yes",
    "off",
    '"unterminated',
    "'a''b'",
    '"\\e[31mröd\\e[0m"',
    '"\\u202eabc"',
    '"a\\rb"',
    '"a\\nb\\n# rubrik"',
    '"\\0"',
    '"\\x07\\x08\\x1b]0;titel\\x07"',
    ":100:",
    "'[bold red]x[/] [link=http://x]y[/link]'",
    "'*fet* _kursiv_ <b>html</b> ![bild](http://x/y.png) [länk](http://x)'",
    "'# Rubrik'",
    "'- lista'",
    "'1. lista'",
    "'> citat'",
    "'| a | b |'",
    "'`kod` ``dubbel``'",
    "'<script>alert(1)</script>'",
    "'&amp; &lt; &#x41;'",
    "'www.example.com och https://example.com'",
    "'@everyone'",
    "'---'",
    "'==='",
    "'    indraget'",
    "*odefinierat",
    "&ankare värde",
    "x" * 20000,
    "'" + "å" * 3000 + "'",
]

HOSTILE_KEYS = [
    "~",
    "null",
    '""',
    "? [a, b]",
    "? {a: 1}",
    "[a, b]",
    "{a: 1}",
    "1",
    "1.5",
    ".nan",
    "true",
    "2026",
    "0x1F",
    "1:30",
    "<<",
    "'<<'",
    "!!int abc",
    "!!binary aGVq",
    "*odefinierat",
    "&a nyckel",
]

HOSTILE_TEMPLATES = [
    "{{ 1 / 0 }}",
    "{{ 'a' * 10000000000 }}",
    "{{ [1] * 1000000000 }}",
    "{{ 10 ** 10 ** 10 }}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{{ lipsum(1000000) }}",
    "{{ lipsum(100, min=1000000, max=1000001) }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ d.repo.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../etc/passwd' %}",
    "{% extends 'rapporter/verksamhetsplan.j2' %}",
    "{{ 1 | upper }}{{ none.x.y }}",
    "{{ d.nonexistent }}",
    "{{ 'x' | center(1000000000) }}",
    "{{ '{:>1000000000}'.format(1) }}",
    "{{ '%1000000000s' % 1 }}",
    "{{ range(1000000000) | list }}",
    "{{ d.repo.goals | map(attribute='nope') | list }}",
    "{{ 'x' | int / 0 }}",
    "{% for %}",
    "{{ d.period.year | tal }} {{ 'abc' | tal }} {{ none | procent }} {{ [] | belopp }}",
    "{% set x = [] %}{% for i in range(100000) %}{% set _ = x.append(i) %}{% endfor %}",
    "{{ self.__dict__ }}",
    "{{ d | attr('repo') | attr('config') }}",
]


@dataclass
class Input:
    example: str
    mutations: list[str] = field(default_factory=list)


def _yaml_files(root: Path) -> list[Path]:
    """The regular files to mutate: never through a symbolic link (it points out of the repository)."""
    return sorted(
        p for p in root.rglob("*.yaml") if ".git" not in p.parts and p.is_file() and not _through_link(root, p)
    )


def _through_link(root: Path, path: Path) -> bool:
    current = path
    while current != root:
        if current.is_symlink():
            return True
        current = current.parent
    return False


def _value_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if ":" in line and not line.lstrip().startswith("#")]


def _replace_value(rng: random.Random, lines: list[str]) -> str:
    candidates = _value_lines(lines)
    if not candidates:
        return "ingen rad"
    index = rng.choice(candidates)
    line = lines[index]
    key, _, _ = line.partition(":")
    value = rng.choice(HOSTILE_SCALARS)
    lines[index] = f"{key}: {value}"
    return f"värde rad {index + 1}: {key.strip()}: {value[:40]!r}"


def _replace_key(rng: random.Random, lines: list[str]) -> str:
    candidates = [i for i in _value_lines(lines) if lines[i].strip()[:1] not in "-[{"]
    if not candidates:
        return "ingen rad"
    index = rng.choice(candidates)
    line = lines[index]
    key, _, rest = line.partition(":")
    indent = key[: len(key) - len(key.lstrip())]
    new = rng.choice(HOSTILE_KEYS)
    lines[index] = f"{indent}{new}:{rest}"
    return f"nyckel rad {index + 1}: {new!r}"


def _duplicate_key(rng: random.Random, lines: list[str]) -> str:
    candidates = _value_lines(lines)
    if not candidates:
        return "ingen rad"
    index = rng.choice(candidates)
    lines.insert(index + 1, lines[index])
    return f"dubblerad nyckel rad {index + 1}"


def _line_op(rng: random.Random, lines: list[str]) -> str:
    if not lines:
        return "tom fil"
    index = rng.randrange(len(lines))
    op = rng.choice(["radera", "dubblera", "byt", "indrag", "utdrag", "tabb", "klipp"])
    if op == "radera":
        del lines[index]
    elif op == "dubblera":
        lines.insert(index, lines[index])
    elif op == "byt" and index + 1 < len(lines):
        lines[index], lines[index + 1] = lines[index + 1], lines[index]
    elif op == "indrag":
        lines[index] = "  " + lines[index]
    elif op == "utdrag":
        lines[index] = lines[index][2:] if lines[index].startswith("  ") else lines[index]
    elif op == "tabb":
        lines[index] = "\t" + lines[index]
    elif op == "klipp":
        del lines[index:]
    return f"{op} rad {index + 1}"


def _costly_block(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["alias", "merge", "dubbletter", "djup", "djup-block", "fynd", "lång", "dokument"])
    if kind == "alias":
        items = ", ".join(str(i) for i in range(2000))
        refs = ", ".join(["*x"] * 3000)
        return kind, f"stort: &x [{items}]\nmånga: [{refs}]\n"
    if kind == "merge":
        keys = ", ".join(f"k{i}: {i}" for i in range(1000))
        rows = "\n".join("  - <<: *bas" for _ in range(3000))
        return kind, f"bas: &bas {{{keys}}}\nrader:\n{rows}\n"
    if kind == "dubbletter":
        return kind, "mål:\n" + "  - id: dubblett\n" + "    text: a\n" * 20000
    if kind == "djup":
        return kind, "djup: " + "[" * 5000 + "]" * 5000 + "\n"
    if kind == "djup-block":
        return kind, "".join("  " * i + f"n{i}:\n" for i in range(300)) + "  " * 300 + "x: 1\n"
    if kind == "fynd":
        rows = "".join(f"  - id: fel-{i}\n    nivå: okänd\n    text: x\n    okänt_fält_{i}: 1\n" for i in range(6000))
        return kind, "mål:\n" + rows
    if kind == "lång":
        return kind, "mål:\n  - id: lång\n    nivå: mål\n    text: " + "a" * 2_000_000 + "\n"
    return kind, "a: 1\n---\nb: 2\n---\n" * 100


def _bytes_op(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    kind = rng.choice(["latin1", "nul", "utf16", "bom-mitt", "cr", "slumpbytes", "tom", "bara-kommentar"])
    if kind == "latin1":
        return kind, raw.decode("utf-8", "replace").encode("latin-1", "replace")
    if kind == "nul":
        return kind, raw[: len(raw) // 2] + b"\x00" + raw[len(raw) // 2 :]
    if kind == "utf16":
        return kind, raw.decode("utf-8", "replace").encode("utf-16")
    if kind == "bom-mitt":
        return kind, raw[: len(raw) // 2] + "\ufeff".encode() + raw[len(raw) // 2 :]
    if kind == "cr":
        return kind, raw.replace(b"\n", b"\r")
    if kind == "slumpbytes":
        position = rng.randrange(max(1, len(raw)))
        return kind, raw[:position] + bytes(rng.randrange(256) for _ in range(16)) + raw[position:]
    if kind == "tom":
        return kind, b""
    return kind, b"# bara en kommentar\n"


def _config_op(rng: random.Random, text: str) -> tuple[str, str]:
    extra = rng.choice(
        [
            "extends: ../../../../etc/passwd\n",
            "extends: /etc/passwd\n",
            "extends: ./finns-inte.yaml\n",
            "extends: organisation.yaml\n",
            "extends: [a, b]\n",
            "extends: 12\n",
            "referensdatum: 9999-12-31\n",
            "referensdatum: 0001-01-01\n",
            "referensdatum: 1999-01-01\n",
            "referensdatum: 2100-12-31\n",
            "årshjul: {år: 2100, helgdag: flytta efter}\n",
            "gränser: {max_filstorlek_mb: .nan}\n",
            "gränser: {max_filstorlek_mb: 1e-9}\n",
            "måluppfyllelse: {delvis_marginal_procent: .inf, uppnått_gräns: .nan}\n",
            "ignorera: ['**', '[', '*']\n",
            "regler: {SM401: {max: .inf}}\n",
            "regler: {SM401: {max: 1e400}}\n",
            "regler: {SM401: 5}\n",
            "regler: {okänd: fel}\n",
            "regler: {SM101: av, SM105: av, SM107: av}\n",
            "mandatperiod: {från: 9998-01-01, till: 9999-12-31}\n",
            "mandatperiod: {från: 2026-01-01, till: 2020-01-01}\n",
        ]
    )
    key = extra.split(":", 1)[0]
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith(f"{key}:")]
    return f"konfiguration {extra.strip()[:60]!r}", "".join(kept) + extra


def mutate(rng: random.Random, root: Path, count: int) -> list[str]:
    """Apply `count` mutations to the repository at `root`; what each did, in words."""
    done: list[str] = []
    for _ in range(count):
        files = _yaml_files(root)
        roll = rng.random()
        if roll < 0.07:
            config = root / "styrmodell.yaml"
            what, text = _config_op(rng, config.read_text("utf-8", "replace"))
            config.write_text(text, "utf-8")
            done.append(what)
            continue
        if roll < 0.12:
            try:
                done.append(_filesystem_op(rng, root))
            except OSError as exc:  # the same link twice, a folder where a file is: no mutation
                done.append(f"filsystem: ingen ändring ({exc.strerror})")
            continue
        if roll < 0.17:
            kind = rng.choice(REPORT_TYPES)
            template = rng.choice(HOSTILE_TEMPLATES)
            path = root / "mallar" / "rapporter" / f"{kind}.j2"
            if _through_link(root, path) or path.is_symlink():
                done.append("mall: ingen ändring (mallar/ är en länk)")
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(template, "utf-8")
            done.append(f"mall {kind}: {template[:50]!r}")
            continue
        target = rng.choice(files)
        relpath = target.relative_to(root).as_posix()
        if roll < 0.23:
            kind, block = _costly_block(rng)
            (target.parent / f"kostsam-{len(done)}.yaml").write_text(block, "utf-8")
            done.append(f"kostsamt block {kind} bredvid {relpath}")
            continue
        if roll < 0.30:
            kind, raw = _bytes_op(rng, target.read_bytes())
            target.write_bytes(raw)
            done.append(f"{relpath}: bytes {kind}")
            continue
        lines = target.read_text("utf-8", "replace").splitlines()
        op = rng.choices([_replace_value, _replace_key, _duplicate_key, _line_op], weights=[6, 2, 1, 2])[0]
        what = op(rng, lines)
        target.write_text("\n".join(lines) + "\n", "utf-8")
        done.append(f"{relpath}: {what}")
    return done


# A file outside every repository that links point to: its text must never appear in any output.
SECRET = "HEMLIG-RAD-SOM-ALDRIG-FÅR-SYNAS"


def _filesystem_op(rng: random.Random, root: Path) -> str:
    outside = root.parent / "utanför"
    kind = rng.choice(
        [
            "symlänk-fil",
            "symlänk-mall",
            "symlänk-mallar",
            "symlänk-katalog",
            "symlänk-förinställning",
            "trasig-länk",
            "undermodul",
            "katalog-yaml",
        ]
    )
    if kind == "symlänk-fil":
        (root / "organ" / "länkad.yaml").symlink_to(outside / "hemlig.yaml")
    elif kind == "symlänk-mall":
        path = root / "mallar" / "rapporter" / f"{rng.choice(REPORT_TYPES)}.j2"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(outside / "hemlig.j2")
    elif kind == "symlänk-mallar":
        if not (root / "mallar").exists():
            (root / "mallar").symlink_to(outside / "mallar")
    elif kind == "symlänk-katalog":
        (root / "organ" / "länkad").symlink_to(outside)
    elif kind == "symlänk-förinställning":
        (root / "förinställning").symlink_to(outside)
        config = root / "styrmodell.yaml"
        kept = [line for line in config.read_text("utf-8", "replace").splitlines() if not line.startswith("extends:")]
        config.write_text("extends: ./förinställning/hemlig.yaml\n" + "\n".join(kept) + "\n", "utf-8")
    elif kind == "trasig-länk":
        (root / "organ" / "trasig.yaml").symlink_to(root / "finns-inte.yaml")
    elif kind == "undermodul":
        sub = root / "organ" / "undermodul"
        sub.mkdir(exist_ok=True)
        (sub / ".git").write_text("gitdir: ../../.git/modules/undermodul\n", "utf-8")
        (sub / "mal.yaml").write_text("mål:\n  - id: undermodul-mål\n    nivå: okänd\n    text: x\n", "utf-8")
    else:
        (root / "organ" / "katalog.yaml").mkdir(exist_ok=True)
    return f"filsystem {kind}"


# --- running the commands -----------------------------------------------------------------------


@dataclass
class Run:
    command: str
    argv: list[str]
    code: int | None  # None: killed after the time bound; negative: died from that signal
    seconds: float
    stdout: str
    stderr: str


def run_forked(argv: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    """`styr ARGV` in a child forked from this process, as the console script runs it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            _child(argv, cwd, env, out.fileno(), err.fileno())
        code: int | None = None
        deadline = start + timeout
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                _kill_group(pid)
                os.waitpid(pid, 0)
                break
            time.sleep(0.002)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        text_out = out.read(50_000_000).decode("utf-8", "replace")
        text_err = err.read(200_000).decode("utf-8", "replace")
    return Run(argv[0], argv, code, seconds, text_out, text_err)


def _child(argv: list[str], cwd: Path, env: dict[str, str] | None, out: int, err: int) -> None:  # pragma: no cover
    code = 99
    try:
        os.setpgid(0, 0)
        import multiprocessing

        # a worker of the fuzzer's own pool is a daemon; `styr` is not, and may start its own workers
        multiprocessing.current_process()._config.pop("daemon", None)  # type: ignore[attr-defined]
        os.dup2(out, 1)
        os.dup2(err, 2)
        # the streams the command writes to are those of fds 1 and 2, whatever pytest put in their place
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the child
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        os.chdir(cwd)
        os.environ.update(env or {})
        from styrmodell.cli.main import invoke

        code = invoke(argv)
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException as exc:  # noqa: BLE001 - the harness itself failed: exit 99, which judge() reports
        os.write(2, f"fuzzing: barnprocessen föll: {exc!r}\n".encode())
    finally:
        os._exit(code)


def _kill_group(pid: int) -> None:
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            target()


def commands(rng: random.Random, root: Path, out: Path) -> list[tuple[str, list[str]]]:
    """The reading commands for one input: each with its arguments, chosen at random where there are many."""
    kind = rng.choice(REPORT_TYPES)
    report_format = rng.choice(["md", "md", "html"])
    organ = rng.choice([[], [], ["--organ", "all", "--ut", str(out / "rapporter")]])
    if organ:
        report = ["rapport", kind, str(root), "--format", report_format, *organ]
    else:
        report = ["rapport", kind, str(root), "--format", report_format]
    return [
        ("validera", ["validera", str(root), "--format", "json", "--ingen-cache"]),
        ("validera-text", ["validera", str(root)]),  # fills the cache
        ("validera-cache", ["validera", str(root), "--format", "json"]),  # answered from it
        ("rapport", report),
        (
            "arshjul",
            ["arshjul", str(root), "--format", rng.choice(["text", "svg", "html"]), "--ics", str(out / "hjul.ics")],
        ),
        ("kompass", ["kompass", str(root), "--format", rng.choice(["text", "markdown", "json", "html", "svg"])]),
        ("frister", ["frister", str(root), "--inom", rng.choice(["30d", "52v", "400d"])]),
        ("diff", ["diff", "--katalog", str(root), "--format", rng.choice(["markdown", "text", "json"])]),
    ]


@dataclass
class Verdict:
    input: Input
    runs: list[Run]
    problems: list[str]


def judge(runs: list[Run], bound: float) -> list[str]:
    problems = []
    for run in runs:
        name = " ".join(run.argv[:2])
        if run.code is None:
            problems.append(f"{name}: tog mer än {bound:.0f} s")
        elif run.code == 3 or run.code < 0 or run.code == 99:
            problems.append(f"{name}: slutkod {run.code}: {run.stderr.strip()[-400:]}")
        elif "Traceback" in run.stderr or "Traceback" in run.stdout:
            problems.append(f"{name}: traceback: {run.stderr.strip()[-400:]}")
        if SECRET in run.stdout or SECRET in run.stderr:
            problems.append(f"{name}: visar en fil utanför repot")
    jsons = [r for r in runs if r.command in ("validera", "validera-cache") and r.code in (0, 1)]
    if runs[0].code in (0, 1) and runs[1].code != runs[0].code:
        problems.append("validera: slutkoden skiljer sig mellan text och JSON")
    for run in jsons:
        try:
            payload = json.loads(run.stdout)
        except ValueError:
            problems.append(f"{' '.join(run.argv[:2])}: inte JSON: {run.stdout[:200]!r}")
            continue
        for finding in payload["fynd"]:
            if not finding["rad"] or finding["fil"].startswith("<"):
                problems.append(f"fynd utan plats: {finding}")
    outputs = {r.stdout for r in jsons}
    codes = {r.code for r in runs if r.command in ("validera", "validera-cache")}
    if len(outputs) > 1 or len(codes) > 1:
        problems.append("cachen svarar inte som en kall körning")
    return problems


class Fuzzer:
    """Inputs made from the examples, run and judged one at a time."""

    def __init__(self, workdir: Path, bound: float):
        self.workdir = workdir
        self.bound = bound
        self.bases: dict[str, Path] = {}
        outside = workdir / "utanför"
        (outside / "mallar" / "rapporter").mkdir(parents=True)
        secret_yaml = f"mål:\n  - id: hemligt\n    nivå: mål\n    text: {SECRET}\nregler: {{}}\n"
        (outside / "hemlig.yaml").write_text(secret_yaml, "utf-8")
        (outside / "hemlig.j2").write_text(SECRET + "\n", "utf-8")
        for kind in REPORT_TYPES:
            (outside / "mallar" / "rapporter" / f"{kind}.j2").write_text(SECRET + "\n", "utf-8")
        for name, source in EXAMPLES.items():
            base = workdir / f"bas-{name}"
            shutil.copytree(source, base)
            # a hostile template stops within seconds: the bound is configuration (its default is a minute)
            with (base / "styrmodell.yaml").open("a", encoding="utf-8") as config:
                config.write("\ngränser: {mall_sekunder: 4, mall_minne_mb: 512}\n")
            _git(base, "init", "-q", "-b", "main")
            _git(base, "add", "-A")
            _git(base, "-c", "user.name=Fuzz", "-c", "user.email=fuzz@example.org", "commit", "-q", "-m", "bas")
            self.bases[name] = base

    def one(self, seed: int, number: int) -> Verdict:
        rng = random.Random(seed * 1_000_003 + number)
        example = rng.choice(sorted(self.bases))
        root = self.workdir / f"in-{number}"
        out = self.workdir / f"ut-{number}"
        shutil.copytree(self.bases[example], root, symlinks=True)
        out.mkdir()
        given = Input(example, mutate(rng, root, rng.choice([1, 1, 2, 3])))
        env = {"STYR_CACHE_DIR": str(self.workdir / f"cache-{number}")}
        runs = []
        for command, argv in commands(rng, root, out):
            run = run_forked(argv, root, self.bound, env)
            run.command = command
            runs.append(run)
        verdict = Verdict(given, runs, judge(runs, self.bound))
        for written in out.rglob("*"):
            if written.is_file() and SECRET.encode() in written.read_bytes():
                verdict.problems.append(f"{written.name}: en skriven fil visar en fil utanför repot")
        for run in runs:  # judged: keep only what a report of a problem shows
            run.stdout, run.stderr = run.stdout[:2000], run.stderr[-2000:]
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(self.workdir / f"cache-{number}", ignore_errors=True)
        return verdict


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def prepare() -> None:
    """Import what the commands use, so that every forked child starts warm."""
    import styrmodell.cli.app
    import styrmodell.load.gitsource
    import styrmodell.reports.build
    import styrmodell.review.diff
    import styrmodell.validation.checker

    for entry in styrmodell.cli.app.COMMANDS.values():  # `styr` imports a command's module when it runs
        assert entry.function


def fuzz(
    seed: int, inputs: int, bound: float, on_verdict: Callable[[Verdict], None] | None = None, start: int = 0
) -> list[Verdict]:
    prepare()
    with tempfile.TemporaryDirectory(prefix="styr-fuzz-") as folder:
        fuzzer = Fuzzer(Path(folder), bound)
        verdicts = []
        for number in range(start, start + inputs):
            verdict = fuzzer.one(seed, number)
            verdicts.append(verdict)
            if on_verdict:
                on_verdict(verdict)
        return verdicts


def summary(verdicts: list[Verdict]) -> str:
    """What each command did: how often it exited with each code, its slowest run, and every problem."""
    by_command: dict[str, Counter] = defaultdict(Counter)
    slowest: dict[str, float] = defaultdict(float)
    for verdict in verdicts:
        for run in verdict.runs:
            by_command[run.command][run.code] += 1
            slowest[run.command] = max(slowest[run.command], run.seconds)
    lines = [f"{len(verdicts)} indata, {sum(len(v.runs) for v in verdicts)} körningar"]
    for command, codes in sorted(by_command.items()):
        listing = ", ".join(f"slutkod {code}: {n}" for code, n in sorted(codes.items(), key=lambda kv: str(kv[0])))
        lines.append(f"  {command:<15} {listing}; längsta {slowest[command]:.1f} s")
    problems = [(v, p) for v in verdicts for p in v.problems]
    lines.append(f"{len(problems)} problem")
    for verdict, problem in problems[:200]:
        lines.append(f"  [{verdict.input.example}: {'; '.join(verdict.input.mutations)}] {problem}")
    return "\n".join(lines)


def _worker(args: tuple[int, int, int, float]) -> list[Verdict]:
    seed, start, count, bound = args
    return fuzz(seed, count, bound, start=start)


def fuzz_parallel(
    seed: int, inputs: int, workers: int, bound: float, progress: Callable[[int], None] | None = None
) -> list[Verdict]:
    """`inputs` inputs on `workers` processes; the same seed gives the same inputs in the same order."""
    import multiprocessing

    chunk = max(1, inputs // (workers * 10))
    jobs = [(seed, start, min(chunk, inputs - start), bound) for start in range(0, inputs, chunk)]
    verdicts: list[Verdict] = []
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for part in pool.imap(_worker, jobs):
            verdicts.extend(part)
            if progress:
                progress(len(verdicts))
    return verdicts


def mutation_kinds(verdicts: list[Verdict]) -> Counter:
    """How many mutations of each kind the inputs had."""
    import re

    kinds: Counter = Counter()
    for verdict in verdicts:
        for mutation in verdict.input.mutations:
            text = re.sub(r"^\S+\.yaml: ", "", mutation)  # the file it was made in
            kinds[" ".join(text.split()[:2]).rstrip(":")] += 1
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--bound", type=float, default=60.0, help="sekunder per körning")
    parser.add_argument("--json", type=Path, help="skriv varje indata och dess körningar hit")
    args = parser.parse_args()
    os.environ.setdefault("STYR_CACHE_DIR", tempfile.mkdtemp(prefix="styr-fuzz-cache-"))
    started = time.monotonic()
    verdicts = fuzz_parallel(
        args.seed, args.inputs, args.workers, args.bound, lambda n: print(f"{n}/{args.inputs}", file=sys.stderr)
    )
    print(summary(verdicts))
    kinds = mutation_kinds(verdicts)
    print(f"{sum(kinds.values())} mutationer på {time.monotonic() - started:.0f} s:")
    for kind, count in kinds.most_common():
        print(f"  {count:>5}  {kind}")
    if args.json:
        rows = [
            {
                "exempel": v.input.example,
                "mutationer": v.input.mutations,
                "problem": v.problems,
                "körningar": [{"argv": r.argv, "slutkod": r.code, "sekunder": round(r.seconds, 3)} for r in v.runs],
            }
            for v in verdicts
        ]
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
