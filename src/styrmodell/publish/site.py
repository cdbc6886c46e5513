"""The whole site, built in memory from the repository: every page, the reports, the open data, the
search index and the stylesheet, as {path: bytes}. The same repository gives the same bytes; a page
depends only on what it shows, so a change touches only the pages that show it."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from styrmodell.arshjul import drawing
from styrmodell.arshjul import ics as calendar_file
from styrmodell.arshjul.compute import occurrences_for, wheel_year
from styrmodell.errors import FatalError
from styrmodell.model.goals import Goal
from styrmodell.model.repository import Repository
from styrmodell.publish import documents, opendata
from styrmodell.publish.environment import render
from styrmodell.publish.model import SiteModel, site_period
from styrmodell.publish.search import Entry, index_script
from styrmodell.reports import charts
from styrmodell.review.log import Version
from styrmodell.review.output import _value
from styrmodell.rules.publication import missing_documents
from styrmodell.svenska.dates import date as swedish_date

STATIC = ("stil.css", "sok.js")
DEFAULT_METHOD = (
    "Varje sida granskas automatiskt med verktyget axe-core mot kraven i WCAG 2.1 nivå A och AA när "
    "webbplatsen byggs och testas. En automatisk granskning hittar bara en del av bristerna; vi tar gärna "
    "emot synpunkter från dig som använder webbplatsen."
)


@dataclass
class Built:
    files: dict[str, bytes]
    missing: list[str] = field(default_factory=list)  # KL 8 kap. 14–16 a §§: what is not published
    notes: list[str] = field(default_factory=list)  # for the person at the terminal
    warnings: list[str] = field(default_factory=list)  # what the site lacks, shown also with --tyst


def safe_link(address: str | None) -> str | None:
    """An address a visitor may follow: http, https or mailto, or a path on the site; never javascript:."""
    if not address:
        return None
    text = address.strip()
    scheme = urlsplit(text).scheme.lower()
    if scheme in ("http", "https", "mailto") or (not scheme and not text.startswith("//")):
        return text
    return None


class Builder:
    def __init__(self, repo: Repository, root: Path, histories: dict[str, list[Version]] | None, pdf: bool):
        self.repo = repo
        self.root = root
        self.pdf = pdf
        self.site = SiteModel(repo, site_period(repo), histories)
        self.kommun = repo.config.kommun.namn
        self.files: dict[str, bytes] = {}
        self.entries: list[Entry] = []

    # --- helpers -----------------------------------------------------------------------------
    def page(self, path: str, template: str, title: str, kind: str, current: str, **values: object) -> None:
        depth = path.count("/")
        html = render(
            template,
            rot="../" * depth,
            titel=title,
            kommun=self.kommun,
            aktuell=current,
            s=self.site,
            period=self.site.period,
            lank=safe_link,
            visa=_value,
            brodsmulor=values.pop("brodsmulor", None),
            kort_titel=values.pop("kort_titel", None),
            **values,
        )
        if path in self.files:
            raise FatalError(f"webbplatsen skulle skriva {path} två gånger")
        self.files[path] = html.encode("utf-8")
        self.entries.append(Entry(path, title, kind, html))

    # --- the build ---------------------------------------------------------------------------
    def build(self) -> Built:
        with tempfile.TemporaryDirectory(prefix="styr-publicera-") as workdir:
            return self._build(Path(workdir))

    def _build(self, workdir: Path) -> Built:
        with_pdf = documents.pdf_available(self.pdf)
        notes = []
        if self.pdf and not with_pdf:
            notes.append("Rapporterna finns inte som PDF: varken Chromium eller LibreOffice finns på datorn.")
        contact = self.repo.config.publicering.kontakt
        warnings = []
        if not any((contact.epost, contact.telefon, contact.webbformulär)):
            warnings.append(
                "Tillgänglighetsredogörelsen saknar kontaktuppgifter för synpunkter (DOS-lagen 13 §): "
                "skriv publicering.kontakt i styrmodell.yaml"
            )
        reports, report_files = documents.render_reports(self.repo, self.root, workdir, with_pdf, self.kommun)
        self.files.update(report_files)

        def render_for_document(kind, period, name):
            report, own = documents.render_report(
                self.repo, self.root, workdir, kind, period, None, name, with_pdf, self.kommun
            )
            self.files.update(own)
            reports.append(report)
            self.entries.append(
                Entry(report.html, f"{report.title} {report.period}", "rapport", own[report.html].decode("utf-8"))
            )
            return report

        for report in reports:
            self.entries.append(Entry(report.html, report.title, "rapport", report_files[report.html].decode("utf-8")))
        self.delegation_pages = {
            r.name.removeprefix("delegationsordning-"): r.html
            for r in reports
            if r.name.startswith("delegationsordning-")
        }
        self.reports = reports
        self.start()
        self.goals()
        self.organs()
        self.indicators()
        self.wheel()
        self.steering_documents()
        published, published_files = documents.published_documents(
            self.repo, self.root, reports, safe_link, render_for_document
        )
        self.files.update(published_files)
        missing = [m.text() for m in missing_documents(self.repo)]
        self.page(
            "insyn.html",
            "insyn.html.j2",
            "Budget, årsredovisning och revision",
            "sida",
            "insyn",
            dokument=published,
            saknas=missing,
        )
        self.page(
            "rapporter/index.html",
            "rapporter.html.j2",
            "Rapporter",
            "sida",
            "rapporter",
            rapporter=reports,
            pdf=self.pdf,
        )
        self.accessibility()
        tables = opendata.tables(self.site)
        self.files.update(opendata.files(self.site, tables))
        self.page(
            "oppna-data.html",
            "oppna-data.html.j2",
            "Öppna data",
            "sida",
            "data",
            tabeller=tables,
            licens=opendata.LICENSE["title"],
        )
        self.search()
        for name in STATIC:
            self.files[name] = resources.files("styrmodell.templates").joinpath("webbplats", name).read_bytes()
        self.files[".nojekyll"] = b""  # GitHub Pages: serve the files as they are
        return Built(dict(sorted(self.files.items())), missing, notes, warnings)

    def start(self) -> None:
        site = self.site
        areas, others = [], []
        for top in site.top_goals:
            if site.measured(top):
                if top in site.kf_goals:
                    others.append(top)
                continue
            under = [g for g in self._descendants(top) if g in site.kf_goals]
            areas.append((top, under))
        data = site.data
        counts = dict(data.status_counts) if site.kf_goals else {}
        if counts:
            counts["totalt"] = sum(counts.values())
        overview = data.areas
        self.page(
            "index.html",
            "start.html.j2",
            "Start",
            "sida",
            "start",
            vision=self.repo.visions[0] if self.repo.visions else None,
            omraden=areas,
            ovriga=others,
            antal=counts,
            diagram=charts.status_overview(overview) if overview else None,
            omraden_tabell=overview,
            kompass=next((r.html for r in self.reports if r.name == "kommunkompassen"), None),
        )

    def _descendants(self, goal: Goal) -> list[Goal]:
        out: list[Goal] = []
        seen = {goal.id}
        queue = list(self.site.children(goal))
        while queue:
            current = queue.pop(0)
            if current.id in seen:
                continue
            seen.add(current.id)
            out.append(current)
            queue.extend(self.site.children(current))
        return out

    def goals(self) -> None:
        site = self.site
        levels: dict[str, list[Goal]] = {}
        for level in self.repo.config.målkedja:
            levels[level.namn] = [g for g in self.repo.goals if g.nivå == level.id]
        known = {level.id for level in self.repo.config.målkedja}
        rest = [g for g in self.repo.goals if g.nivå not in known]
        if rest:
            levels["Utan känd nivå"] = rest
        self.page(
            "mal/index.html",
            "malindex.html.j2",
            "Alla mål",
            "sida",
            "mal",
            nivaer=[(name, goals) for name, goals in levels.items() if goals],
        )
        crumbs = [("mal/index.html", "Mål")]
        for goal in self.repo.goals:
            href = site.goal_href(goal.id)
            if href is None or href in self.files:
                continue
            row = site.row(goal)
            histories = site.histories
            self.page(
                href,
                "mal.html.j2",
                goal.text,
                site.level_name(goal).lower(),
                "mal",
                brodsmulor=crumbs,
                kort_titel=_short(goal.text),
                mal=goal,
                rad=row,
                vision=self.repo.visions[0] if self.repo.visions else None,
                uppat=site.ancestors(goal),
                indikatorer=row.indicators,
                strategier=[s.strategy for s in row.strategies],
                aktiviteter=[a for s in row.strategies for a in s.activities] + row.activities,
                uppdrag=row.assignments,
                dokument=self.repo.document_by_id.get(goal.styrdokument or ""),
                historik=None if histories is None else self._history(goal, histories),
            )

    def _history(self, goal: Goal, histories: dict[str, list[Version]]) -> list[tuple[Version, str]]:
        """The goal's own changes and its indicators' (where its targets are), oldest first."""
        rows = [(v, "målet") for v in histories.get(goal.id, [])]
        for indicator in self.repo.indicators_by_goal.get(goal.id, []):
            rows += [(v, indicator.namn) for v in histories.get(indicator.id, [])]
        return sorted(rows, key=lambda r: (r[0].commit.date, r[0].commit.sha, r[1] != "målet", r[1]))

    def organs(self) -> None:
        site, repo = self.site, self.repo
        groups: list[tuple[str, list[tuple[str, str, int]]]] = []
        organs = [o for o in repo.organs if site.organ_href(o.id)]
        for title, owners in (
            ("Fullmäktige, styrelse och nämnder", organs),
            ("Förvaltningar", repo.administrations),
            ("Verksamheter och enheter", repo.units),
        ):
            entries = [(site.organ_href(o.id), o.namn, len(site.goals_of(o.id))) for o in owners]
            if entries:
                groups.append((title, entries))  # type: ignore[arg-type]
        self.page("organ/index.html", "organindex.html.j2", "Organ och förvaltningar", "sida", "organ", grupper=groups)
        crumbs = [("organ/index.html", "Organ")]
        for organ in repo.organs:
            under = [(site.organ_href(a.id), a.namn) for a in repo.administrations if organ.id in a.nämnd]
            pages = []
            if organ.id in self.delegation_pages:
                pages.append((self.delegation_pages[organ.id], f"Delegationsordning för {organ.namn}"))
            self._owner_page(organ, site.organ_kind(organ).capitalize(), [], under, pages, crumbs)
        for administration in repo.administrations:
            over = [(site.organ_href(n), repo.owner_name(n)) for n in administration.nämnd if site.organ_href(n)]
            under = [(site.organ_href(u.id), u.namn) for u in repo.units if u.förvaltning == administration.id]
            self._owner_page(administration, "Förvaltning", over, under, [], crumbs)
        for unit in repo.units:
            over = [(site.organ_href(unit.förvaltning), repo.owner_name(unit.förvaltning))]
            self._owner_page(unit, "Verksamhet eller enhet", over if over[0][0] else [], [], [], crumbs)

    def _owner_page(self, owner, kind: str, over, under, pages, crumbs) -> None:
        href = self.site.organ_href(owner.id)
        if href is None or href in self.files:
            return
        self.page(
            href,
            "organ.html.j2",
            owner.namn,
            "organ",
            "organ",
            brodsmulor=crumbs,
            agare=owner,
            slag=kind,
            over=over,
            under=under,
            mal=self.site.goals_of(owner.id),
            indikatorer=self.site.indicators_of(owner.id),
            sidor=pages,
        )

    def indicators(self) -> None:
        site = self.site
        rows = [site.indicator_row(i) for i in self.repo.indicators]
        self.page(
            "indikatorer/index.html", "indikatorindex.html.j2", "Alla indikatorer", "sida", "indikatorer", rader=rows
        )
        crumbs = [("indikatorer/index.html", "Indikatorer")]
        for row in rows:
            indicator = row.indicator
            href = site.indicator_href(indicator.id)
            if href is None or href in self.files:
                continue
            genders = sorted(indicator.utfall_per_kön, key=lambda g: g.value)
            periods = sorted(
                set(indicator.utfall)
                | {str(y) for y in indicator.målvärden}
                | {p for g in genders for p in indicator.utfall_per_kön[g]}
            )
            table = [
                (
                    p,
                    indicator.utfall.get(p),
                    indicator.målvärden.get(int(p)) if p.isdigit() else None,
                    [indicator.utfall_per_kön[g].get(p) for g in genders],
                )
                for p in periods
            ]
            compare_periods = sorted({p for values in indicator.jämförelser.values() for p in values})
            self.page(
                href,
                "indikator.html.j2",
                indicator.namn,
                "indikator",
                "indikatorer",
                brodsmulor=crumbs,
                kort_titel=_short(indicator.namn),
                ind=indicator,
                rad=row,
                diagram=charts.indicator_chart(row, "diagram") or None,
                tabell=table,
                kon=[g.value for g in genders],
                jamforelser=sorted(indicator.jämförelser.items()),
                jamforelse_perioder=compare_periods,
                mal=site.goals_by_indicator.get(indicator.id, []),
            )

    def wheel(self) -> None:
        repo = self.repo
        year = wheel_year(repo, repo.config.årshjul.år or self.site.period.year)
        names = {o.id: o.namn for o in repo.organs}
        events = []
        for o in occurrences_for(year, None):
            when = swedish_date(o.start) if o.start == o.end else f"{swedish_date(o.start)} – {swedish_date(o.end)}"
            events.append(
                (
                    when,
                    o.event.namn,
                    o.event.typ,
                    ", ".join(names.get(i, i) for i in o.event.organ_ids) or "–",
                    o.event.avser.value if o.event.avser else None,
                )
            )
        calendar = None
        if events:
            calendar = "arshjul.ics"
            self.files[calendar] = calendar_file.ics(year, None, self.kommun, repo.config.kommun.kommunkod)
        title = f"Årshjul {year.year} – {self.kommun}"
        picture = documents.as_markup(drawing.svg(year, None, title, None)) if events else None
        self.page(
            "arshjul.html",
            "arshjul.html.j2",
            f"Årshjul {year.year}",
            "sida",
            "arshjul",
            ar=year.year,
            hjul=picture,
            handelser=events,
            kalender=calendar,
        )

    def steering_documents(self) -> None:
        groups: dict[str, list] = {}
        for document in sorted(self.repo.documents, key=lambda d: (d.typ.value, d.titel, d.id)):
            groups.setdefault(document.typ.value.capitalize(), []).append(document)
        report = next((r.html for r in self.reports if r.name == "styrdokument"), None)
        self.page(
            "styrdokument.html",
            "styrdokument.html.j2",
            "Styrdokument",
            "sida",
            "styrdokument",
            grupper=sorted(groups.items()),
            rapport=report,
        )

    def accessibility(self) -> None:
        settings = self.repo.config.publicering
        contact = settings.kontakt
        has_contact = any((contact.namn, contact.epost, contact.telefon, contact.webbformulär))
        statement = settings.tillgänglighet
        self.page(
            "tillganglighet.html",
            "tillganglighet.html.j2",
            "Tillgänglighetsredogörelse",
            "sida",
            "tillganglighet",
            kontakt=contact if has_contact else None,
            brister=statement.brister,
            undantag=statement.oskäligt_betungande,
            metod=statement.metod or DEFAULT_METHOD,
            bedomd=statement.bedömd,
        )

    def search(self) -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        titles = {
            "sida": "Sidor",
            "rapport": "Rapporter",
            "organ": "Organ och förvaltningar",
            "indikator": "Indikatorer",
        }
        for entry in self.entries:
            heading = titles.get(entry.kind, "Mål")
            groups.setdefault(heading, []).append((entry.href, entry.title))
        ordered = [
            (h, sorted(groups[h], key=lambda x: (x[1], x[0])))
            for h in ("Sidor", "Mål", "Organ och förvaltningar", "Indikatorer", "Rapporter")
            if h in groups
        ]
        entries = list(self.entries)
        self.page("sok.html", "sok.html.j2", "Sök", "sida", "sok", grupper=ordered)
        self.files["sokindex.js"] = index_script(entries)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def build_site(repo: Repository, root: Path, histories: dict[str, list[Version]] | None, pdf: bool = True) -> Built:
    return Builder(repo, root, histories, pdf).build()
