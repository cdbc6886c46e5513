"""The `styr` command. Heavy modules are imported inside the commands that need them, so that
start-up (a pre-commit hook runs it on every commit) stays short."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from styrmodell import __version__
from styrmodell.errors import FatalError

app = typer.Typer(
    name="styr",
    help="Styrmodell som kod: kontrollera, rapportera och granska en kommuns styrmodell i git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class WheelFormat(str, Enum):
    text = "text"
    svg = "svg"
    html = "html"


class CompassFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    svg = "svg"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


class SchemaKind(str, Enum):
    innehåll = "innehåll"
    konfiguration = "konfiguration"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"styr {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Visa versionen."),
) -> None:
    """Styrmodell som kod."""


def _parse_rule_flags(flags: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for flag in flags:
        code, sep, value = flag.partition("=")
        if not sep or not code.strip() or not value.strip():
            raise FatalError(f"--regel '{flag}': skriv KOD=fel|varning|info|av, t.ex. --regel SM501=av")
        value = value.strip().lower()
        out[code.strip()] = {"aktiv": False} if value in ("av", "off") else {"allvarlighet": value}
    return out


def _display(findings, root: Path):
    """Show paths as the user reached them: relative to the current folder where possible."""
    from dataclasses import replace

    try:
        prefix = root.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        prefix = root.resolve()
    if str(prefix) == ".":
        return findings
    return [replace(f, location=replace(f.location, path=(prefix / f.location.path).as_posix()))
            for f in findings]


@app.command()
def validate(
    path: Path = typer.Argument(Path("."), help="Styrmodellsrepots katalog (där styrmodell.yaml ligger)."),
    format: Optional[Format] = typer.Option(
        None, "--format", "-f", help="Utdataformat: text, json eller github (väljs automatiskt i GitHub Actions)."),
    strict: bool = typer.Option(False, "--strict", help="Avsluta med kod 1 även för varningar."),
    regel: list[str] = typer.Option(
        [], "--regel", help="Ändra en regel för den här körningen: KOD=fel|varning|info|av (kan upprepas)."),
    rev: Optional[str] = typer.Option(
        None, "--rev", help="Kontrollera en incheckad git-revision (t.ex. HEAD~1, main) utan att checka ut den."),
    no_cache: bool = typer.Option(False, "--ingen-cache", help="Läs och kontrollera allt på nytt, utan cache."),
) -> None:
    """Kontrollera repot: läs alla filer, bygg modellen, kör alla regler och rapportera varje fynd.

    Slutkod 0: inga fel. 1: fel (eller varningar med --strict). 2: oanvändbar indata.
    """
    from styrmodell.reporters import report
    from styrmodell.validate import validate as run_validation

    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    source = path
    if rev is not None:
        from styrmodell.gitsource import revision

        source = revision(path, rev)
    cache = None
    if not no_cache:
        from styrmodell.cache import Cache

        cache = Cache()
    result = run_validation(source, _parse_rule_flags(regel), cache)
    result.findings = _display(result.findings, path)
    report(result, chosen)
    raise typer.Exit(result.exit_code(strict))


def _sources(folder: Path, a: str | None, b: str | None):
    """(base source, label, head source, label) for the revision arguments of diff."""
    from styrmodell.gitsource import GitRevision, merge_base, open_repo, resolve
    from styrmodell.sources import WorkingTree

    repo, inner = open_repo(folder)

    def at(rev: str):
        return GitRevision(repo, resolve(repo, rev), inner), rev

    if a is None:
        return (*at("HEAD"), WorkingTree(folder), "arbetskatalogen")
    if "..." in a and b is None:
        left, right = a.split("...", 1)
        left, right = left or "HEAD", right or "HEAD"
        base = merge_base(repo, left, right)
        return GitRevision(repo, base, inner), f"{left} ({base.hexsha[:7]})", *at(right)
    if ".." in a and b is None:
        left, right = a.split("..", 1)
        return (*at(left or "HEAD"), *at(right or "HEAD"))
    if b is None:
        return (*at(a), WorkingTree(folder), "arbetskatalogen")
    return (*at(a), *at(b))


@app.command()
def diff(
    a: Optional[str] = typer.Argument(None, help="Från: en revision, eller A...B (mot gemensam bas, som en pull request)."),
    b: Optional[str] = typer.Argument(None, help="Till: en revision (standard: arbetskatalogen)."),
    katalog: Path = typer.Option(Path("."), "--katalog", "-C", help="Styrmodellsrepots katalog i git-repot."),
    format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text, markdown (för en pull request) eller json."),
) -> None:
    """Visa vad en ändring betyder: objekt som lagts till, tagits bort, ändrats eller flyttats, indikatorer
    som byter status, mål att se över, ändringar utan nytt beslut, och fynd som tillkommer eller åtgärdas.

    Utan argument: HEAD mot arbetskatalogen. `styr diff main...HEAD` visar det en pull request ändrar.
    """
    from styrmodell.cache import Cache
    from styrmodell.diff import changed_files, semantic_diff
    from styrmodell.diffreport import RENDERERS
    from styrmodell.validate import load_repository, validate as run_validation

    base, base_label, head, head_label = _sources(katalog, a, b)
    cache = Cache()
    new = run_validation(head, cache=cache, need_model=True)
    old = run_validation(base, cache=cache)
    if old.repository is None:  # findings from the cache; the model only for the files that differ
        old.config, old.repository, _ = load_repository(base, cache=cache, only=changed_files(old, new))
    result = semantic_diff(old, new, base_label, head_label)
    names = {o.id: o.namn for o in old.repository.organs} | {o.id: o.namn for o in new.repository.organs}
    names |= {"organisation": "Organisation", "kommunövergripande": "Kommunövergripande"}
    RENDERERS[format.value](result, names, sys.stdout)


@app.command()
def log(
    ident: str = typer.Argument(..., help="Objektets id (mål, indikator, delegeringsrad som organ/rad, ...)."),
    katalog: Path = typer.Option(Path("."), "--katalog", "-C", help="Styrmodellsrepots katalog i git-repot."),
    rev: str = typer.Option("HEAD", "--rev", help="Historiken fram till denna revision."),
) -> None:
    """Visa ett objekts historia: varje commit som ändrade det, när, av vem, vad och under vilket beslut."""
    from rich.console import Console
    from rich.markup import escape

    from styrmodell.diffreport import _value
    from styrmodell.objectlog import object_log

    versions = object_log(katalog, ident, rev)
    if not versions:
        raise FatalError(f"'{ident}' finns inte i någon commit som rör {katalog}")
    console = Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]{escape(versions[-1].kind)} {escape(ident)}[/]: {escape(versions[-1].title)}")
    for v in versions:
        when = v.commit.date.strftime("%Y-%m-%d %H:%M")
        console.print(f"\n[yellow]{v.commit.short}[/] {when} {escape(v.commit.author)}: {escape(v.commit.subject)}")
        console.print(f"  {v.status} i {escape(v.file or '')}" + (f" · beslut: {escape(v.decision)}" if v.decision else
                                                                    " · inget beslut angivet"))
        for f in v.fields:
            console.print(f"    {escape(f.path)}: [red]{escape(_value(f.old))}[/] → [green]{escape(_value(f.new))}[/]")


@app.command()
def init(
    katalog: Path = typer.Argument(Path("."), help="Katalogen för det nya repot (skapas om den inte finns)."),
    kommun: str = typer.Option(..., "--kommun", help="Kommunens namn eller kommunkod, t.ex. Grästorp eller 1444."),
    installation: str = typer.Option(
        "styrmodell", "--installation", help="Vad CI-filerna installerar med pip (paketnamn eller git-URL)."),
    git: bool = typer.Option(True, "--git/--utan-git", help="Gör katalogen till ett git-repo om den inte är det."),
) -> None:
    """Skapa ett nytt styrmodellsrepo: konfiguration, ett skelett av varje filtyp med svenska
    kommentarer, en README för kommunen, pre-commit och CI för GitHub Actions och GitLab CI."""
    from styrmodell.init import init as create

    files = create(katalog, kommun, installation=installation, git=git)
    typer.echo(f"Skapade {len(files)} filer i {katalog}:")
    for relpath in files:
        typer.echo(f"  {relpath}")
    typer.echo(f"Nästa steg: redigera filerna och kör `styr validate {katalog}`.")


def _model(path: Path):
    from styrmodell.validate import validate as run_validation

    result = run_validation(path, need_model=True)
    return result.repository


@app.command()
def arshjul(
    path: Path = typer.Argument(Path("."), help="Styrmodellsrepots katalog."),
    year: Optional[int] = typer.Option(None, "--year", "--år", help="Året (standard: innevarande)."),
    organ: Optional[str] = typer.Option(None, "--organ", help="Bara ett organs händelser."),
    format: WheelFormat = typer.Option(WheelFormat.text, "--format", "-f", help="text, svg eller html (ett hjul)."),
    output: Optional[Path] = typer.Option(None, "--ut", "-o", help="Skriv till en fil i stället för standard ut."),
    ics: Optional[Path] = typer.Option(None, "--ics", help="Skriv också en kalenderfil (RFC 5545) med stabila UID:n."),
) -> None:
    """Visa årshjulet månad för månad, rita det som ett hjul (svg/html) eller exportera det som kalender (.ics)."""
    from styrmodell.fileio import atomic_write_bytes
    from styrmodell.wheel import wheel_year
    from styrmodell import wheelout

    repo = _model(path)
    if organ is not None and organ not in repo.organ_by_id:
        from styrmodell.messages import did_you_mean

        raise FatalError(f"--organ '{organ}' finns inte{did_you_mean(organ, repo.organ_by_id)}")
    wheel = wheel_year(repo, year)
    names = {o.id: o.namn for o in repo.organs}
    title = f"Årshjul {wheel.year} – {repo.config.kommun.namn}" + (f", {names[organ]}" if organ else "")
    today = repo.config.today()
    renderers = {
        "text": lambda: wheelout.month_by_month(wheel, organ, names),
        "svg": lambda: wheelout.svg(wheel, organ, title, today),
        "html": lambda: wheelout.html(wheel, organ, title, today, names),
    }
    _emit(renderers[format.value](), output)
    if ics is not None:
        atomic_write_bytes(ics, wheelout.ics(wheel, organ, repo.config.kommun.namn, repo.config.kommun.kommunkod))
        typer.echo(f"Skrev {ics}", err=True)


@app.command()
def kompass(
    path: Path = typer.Argument(Path("."), help="Styrmodellsrepots katalog."),
    year: Optional[str] = typer.Option(None, "--år", "--year", help="Utvärderingen som visas (standard: den senaste egna)."),
    compare: list[str] = typer.Option([], "--jämför", "--compare",
                                      help="Jämför med en annan utvärdering: ett år (2010) eller kommun och år ('Örebro 2013'). Kan upprepas."),
    format: CompassFormat = typer.Option(CompassFormat.text, "--format", "-f", help="text, markdown, json, html eller svg (spindeldiagrammet)."),
    output: Optional[Path] = typer.Option(None, "--ut", "-o", help="Skriv till en fil i stället för standard ut."),
) -> None:
    """Visa en utvärdering med Kommunkompassen: poäng per område och delfråga, jämförelser, vilka
    förbättringsområden som har mål eller aktiviteter kopplade, och spindeldiagrammet (html/svg)."""
    from styrmodell import compassout
    from styrmodell.compass import choose

    repo = _model(path)
    main_scored, compared = choose(repo, year, compare)
    view = compassout.build_view(repo, main_scored, compared)
    renderers = {"text": compassout.text, "markdown": compassout.markdown, "json": compassout.json_text,
                 "html": compassout.html, "svg": compassout.svg}
    _emit(renderers[format.value](view), output)


def _emit(text: str, output: Path | None) -> None:
    from styrmodell.fileio import atomic_write

    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write(output, text)
        typer.echo(f"Skrev {output}", err=True)


@app.command()
def report(
    typ: str = typer.Argument(..., help="verksamhetsplan, uppdragsplan, delarsrapport, tertialrapport, arsredovisning, "
                                        "uppdragsuppfoljning, delegationsordning, internkontrollplan, styrdokument, kommunkompassen"),
    path: Path = typer.Argument(Path("."), help="Styrmodellsrepots katalog."),
    period: Optional[str] = typer.Option(None, "--period", help="ÅÅÅÅ-MM-DD (periodens sista dag), ÅÅÅÅ eller ÅÅÅÅ-T1; "
                                                                 "standard: rapportens senaste period."),
    organ: Optional[str] = typer.Option(None, "--organ", help="Ett organs id, eller all för hela kommunen och varje organ."),
    format: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f", help="md, html, docx eller pdf."),
    output: Optional[Path] = typer.Option(None, "--output", "--ut", "-o",
                                          help="Fil att skriva (en katalog med --organ all); md och html skrivs annars till standard ut."),
    strict: bool = typer.Option(False, "--strict", help="Slutkod 1 om någon uppgift saknas i rapporten."),
) -> None:
    """Skriv en rapport ur repot: verksamhetsplan, delårsrapport, årsredovisning med flera, som
    Markdown, HTML, Word eller PDF. Samma indata ger byte för byte samma utdata."""
    import tempfile

    from styrmodell.fileio import atomic_write_bytes
    from styrmodell.reports.build import EXTENSIONS, make, organs_for, report_type
    from styrmodell.reports.period import parse_period

    kind = report_type(typ)
    repo = _model(path)
    chosen = parse_period(period) if period else kind.default_period(repo.config.today())
    selection = organs_for(repo, kind, organ, chosen)
    organs = selection.organs
    binary = format.value in ("docx", "pdf")
    if output is None and (binary or len(organs) > 1):
        raise FatalError(f"--format {format.value}{' med --organ all' if len(organs) > 1 else ''} skrivs till filer: ange --output")
    documents = []
    with tempfile.TemporaryDirectory(prefix="styr-rapport-") as workdir:
        if len(organs) > 1:
            from rich.progress import Progress

            with Progress(transient=True, console=_stderr_console()) as progress:
                task = progress.add_task(f"{kind.title} {chosen.label}", total=len(organs))
                for ident in organs:
                    documents.append(make(repo, path, kind, chosen, ident, format.value, Path(workdir)))
                    progress.advance(task)
        else:
            documents.append(make(repo, path, kind, chosen, organs[0], format.value, Path(workdir)))
    if selection.skipped:
        names = ", ".join(repo.organ_by_id[o].namn for o in selection.skipped)
        typer.echo(f"Hoppar över {names}: inget eget underlag för {kind.title.split(' –')[0].lower()}.", err=True)
    for document in documents:
        for what in document.missing:
            typer.echo(f"varning: {document.scope}: uppgift saknas: {what}", err=True)
    if output is None:
        sys.stdout.write(documents[0].content.decode("utf-8"))
    elif len(documents) == 1:
        atomic_write_bytes(output, documents[0].content)
        typer.echo(f"Skrev {output}", err=True)
    else:
        for document in documents:
            atomic_write_bytes(output / f"{document.name}.{EXTENSIONS[format.value]}", document.content)
        typer.echo(f"Skrev {len(documents)} filer i {output}", err=True)
    missing = sum(len(d.missing) for d in documents)
    if missing:
        typer.echo(f"{missing} {'uppgift' if missing == 1 else 'uppgifter'} saknas i rapporten.", err=True)
    raise typer.Exit(1 if strict and missing else 0)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def deadlines(
    path: Path = typer.Argument(Path("."), help="Styrmodellsrepots katalog."),
    within: str = typer.Option("30d", "--within", "--inom", help="Hur långt fram: 30d (dagar) eller 4v (veckor)."),
    datum: Optional[str] = typer.Option(None, "--datum", help="Räkna från detta datum (ÅÅÅÅ-MM-DD) i stället för i dag."),
    strict: bool = typer.Option(False, "--strict", help="Slutkod 1 om något som förfaller saknar underlag."),
) -> None:
    """Visa vad i årshjulet som förfaller snart och vad det fortfarande saknar (för ett schemalagt CI-jobb)."""
    import datetime as dt

    from styrmodell.deadlines import due_soon, parse_window

    days = parse_window(within)
    repo = _model(path)
    try:
        today = dt.date.fromisoformat(datum) if datum else repo.config.today()
    except ValueError:
        raise FatalError(f"--datum '{datum}': skriv ÅÅÅÅ-MM-DD") from None
    items = due_soon(repo, today, days)
    typer.echo(f"Förfaller inom {days} dagar från {today.isoformat()} ({repo.config.kommun.namn}):")
    if not items:
        typer.echo("  inget")
    for item in items:
        when = "i dag" if item.days_left == 0 else f"om {item.days_left} dagar"
        typer.echo(f"  {item.occurrence.due.isoformat()} {item.occurrence.event.namn} ({when})")
        for line in item.missing:
            typer.echo(f"    saknas: {line}")
    lacking = sum(1 for item in items if item.missing)
    if lacking:
        typer.echo(f"{lacking} av {len(items)} händelser saknar underlag.")
    raise typer.Exit(1 if strict and lacking else 0)


@app.command()
def rules(
    code: Optional[str] = typer.Argument(None, help="En regels kod (SM401) eller namn (mål-per-nämnd)."),
) -> None:
    """Lista reglerna, eller visa en regels dokumentation."""
    from styrmodell.messages import did_you_mean
    from styrmodell.rules import RULES, find

    if code is None:
        for rule in RULES.values():
            typer.echo(f"{rule.code}  {rule.name:<38} {rule.severity.value:<8} {rule.summary}")
        return
    rule = find(code)
    if rule is None:
        known = list(RULES) + [r.name for r in RULES.values()]
        raise FatalError(f"okänd regel '{code}'{did_you_mean(code, known)} (se `styr rules`)")
    typer.echo(f"{rule.code} {rule.name} (standard: {rule.severity.value})\n")
    typer.echo(rule.doc.strip())
    defaults = rule.options().model_dump()
    if defaults:
        typer.echo("\nStandardvärden: " + ", ".join(f"{k}={v!r}" for k, v in defaults.items()))


@app.command()
def schema(
    kind: SchemaKind = typer.Option(SchemaKind.innehåll, "--typ", help="innehåll (alla filer) eller konfiguration."),
    output: Optional[Path] = typer.Option(None, "--ut", "-o", help="Skriv till en fil i stället för standard ut."),
) -> None:
    """Skriv formatets JSON Schema, för komplettering och felmarkering i VS Code (yaml-language-server)."""
    from styrmodell.fileio import atomic_write
    from styrmodell.schema import render

    text = render(kind.value)
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write(output, text)
        typer.echo(f"Skrev {output}", err=True)


def main() -> None:
    # The model is hundreds of thousands of small objects that live until the process ends; the
    # cyclic collector would only rescan them again and again (a cost that grows faster than the
    # repository), and a command-line run frees everything at exit anyway.
    import gc

    gc.disable()
    try:
        app()
    except FatalError as exc:
        typer.echo(f"styr: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("styr: avbrutet", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the user gets a message, never a traceback
        if os.environ.get("STYR_DEBUG"):
            raise
        typer.echo(f"styr: internt fel ({type(exc).__name__}: {exc}). Kör med STYR_DEBUG=1 för detaljer "
                   "och rapportera gärna felet.", err=True)
        sys.exit(3)
