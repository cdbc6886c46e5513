"""Open data: the model and every outcome as CSV and JSON tables, described by a Frictionless data
package (datapackage.json), so that Excel, Power BI, R or a national comparison can read them.

CSV is UTF-8 with a byte-order mark (Excel reads å, ä, ö right only with it), comma-separated, with
a dot as the decimal sign and CRLF line ends (RFC 4180). Rows are sorted, so the same repository
gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from styrmodell.model.repository import Repository
from styrmodell.publish.model import SiteModel

LICENSE = {
    "name": "CC0-1.0",
    "title": "Creative Commons Zero v1.0 Universal",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
}


@dataclass
class Column:
    name: str
    type: str  # a Frictionless type: string, integer, number, date, boolean
    description: str


@dataclass
class Table:
    name: str
    title: str
    fields: list[Column]
    key: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c.name for c in self.fields])
        for row in self.rows:
            writer.writerow(["" if v is None else _cell(v) for v in row])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    def json_bytes(self) -> bytes:
        records = [dict(zip((c.name for c in self.fields), row, strict=True)) for row in self.rows]
        return (json.dumps(records, ensure_ascii=False, indent=1, default=str) + "\n").encode("utf-8")

    def resource(self) -> dict:
        schema: dict[str, Any] = {
            "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in self.fields]
        }
        if self.key:
            schema["primaryKey"] = self.key
        return {
            "name": self.name,
            "title": self.title,
            "path": f"{self.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "schema": schema,
        }


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _join(values) -> str:
    return ";".join(values)


def tables(site: SiteModel) -> list[Table]:
    """Every table, each with the municipality's code first, so that many municipalities' packages can
    be put together into one comparison."""
    repo = site.repo
    out = [_organs(repo), _goals(site), _indicators(repo), *_values(repo), _activities(repo), _assignments(repo)]
    out += [_documents(repo), _delegations(repo), _budget(repo)]
    code = repo.config.kommun.kommunkod
    column = Column("kommunkod", "string", "Kommunens kod (SCB), fyra siffror")
    for table in out:
        table.fields.insert(0, column)
        table.key.insert(0, "kommunkod")
        table.rows = [[code, *row] for row in table.rows]
    return out


def _organs(repo: Repository) -> Table:
    table = Table(
        "organ",
        "Organ, förvaltningar och enheter",
        [
            Column("id", "string", "Id i repot"),
            Column("namn", "string", "Namnet"),
            Column("slag", "string", "organ, förvaltning eller enhet"),
            Column("typ", "string", "Organets typ (kf, ks, nämnd …) eller enhetens slag"),
            Column(
                "hör_till",
                "string",
                "Nämnderna en förvaltning hör till, eller förvaltningen en enhet hör till (id, ;-separerade)",
            ),
        ],
        ["id"],
    )
    for o in repo.organs:
        table.rows.append([o.id, o.namn, "organ", o.typ.value, ""])
    for a in repo.administrations:
        table.rows.append([a.id, a.namn, "förvaltning", "förvaltning", _join(a.nämnd)])
    for u in repo.units:
        table.rows.append(
            [u.id, u.namn, "enhet", getattr(getattr(u, "typ", None), "value", "enhet"), u.förvaltning or ""]
        )
    table.rows = _unique(sorted(table.rows, key=lambda r: r[0]))
    return table


def _goals(site: SiteModel) -> Table:
    repo = site.repo
    table = Table(
        "mal",
        "Målen i målkedjan, med status för webbplatsens period",
        [
            Column("id", "string", "Målets id"),
            Column("nivå", "string", "Nivån i målkedjan (id)"),
            Column("nivå_namn", "string", "Nivåns namn"),
            Column("text", "string", "Målets formulering"),
            Column("ägare", "string", "Organet, förvaltningen eller enheten som äger målet (id)"),
            Column("ägare_namn", "string", "Ägarens namn"),
            Column("tjänar", "string", "Målen ovanför som målet bidrar till (id, ;-separerade)"),
            Column("typ", "string", "verksamhet eller finansiellt"),
            Column("målår", "integer", "Året då målet ska vara nått"),
            Column("beslut_organ", "string", "Organet som beslutade målet (id)"),
            Column("beslut_datum", "date", "Beslutsdatum"),
            Column("beslut_paragraf", "string", "Protokollets paragraf"),
            Column("period", "string", "Perioden som status gäller"),
            Column("status", "string", "uppnått, delvis uppnått, ej uppnått, ej mätt; tomt för en nivå som inte mäts"),
        ],
        ["id"],
    )
    for g in repo.goals:
        status = site.row(g).status if site.measured(g) else None
        table.rows.append(
            [
                g.id,
                g.nivå,
                site.level_name(g),
                g.text,
                g.owner,
                repo.owner_name(g.owner) if g.owner else None,
                _join(g.tjänar),
                g.typ.value,
                g.målår,
                g.beslut.organ if g.beslut else None,
                g.beslut.datum.isoformat() if g.beslut else None,
                g.beslut.paragraf if g.beslut else None,
                site.period.key,
                status,
            ]
        )
    table.rows = _unique(sorted(table.rows, key=lambda r: r[0]))
    return table


def _indicators(repo: Repository) -> Table:
    table = Table(
        "indikatorer",
        "Indikatorerna",
        [
            Column("id", "string", "Indikatorns id"),
            Column("namn", "string", "Namnet"),
            Column("mål", "string", "Målen som indikatorn mäter (id, ;-separerade)"),
            Column("organ", "string", "Organet som följer upp indikatorn (id)"),
            Column("enhet", "string", "Måttenhet"),
            Column("riktning", "string", "högre eller lägre är bättre"),
            Column("källa", "string", "egen, enkät: namn, eller kolada:Nxxxxx"),
            Column("kolada_id", "string", "Koladas nyckeltal, om källan är Kolada"),
            Column("skala", "string", "En kvalitativ indikators steg från sämst till bäst (;-separerade)"),
            Column("metod", "string", "Mätmetoden"),
        ],
        ["id"],
    )
    for i in repo.indicators:
        table.rows.append(
            [
                i.id,
                i.namn,
                _join(i.mål),
                i.organ,
                i.enhet,
                i.riktning.value if i.riktning else None,
                i.källa,
                i.kolada_id,
                _join(i.skala),
                i.metod,
            ]
        )
    table.rows = _unique(sorted(table.rows, key=lambda r: r[0]))
    return table


def _values(repo: Repository) -> list[Table]:
    step = Column("steg", "string", "För en kvalitativ indikator: stegets ord på skalan")
    outcomes = Table(
        "utfall",
        "Utfall per indikator, period och kön",
        [
            Column("indikator", "string", "Indikatorns id"),
            Column("period", "string", "ÅÅÅÅ för helår, ÅÅÅÅ-MM för en del av året"),
            Column("kön", "string", "totalt, kvinnor eller män"),
            Column("värde", "number", "Utfallet; för en kvalitativ indikator stegets nummer (1 = sämst)"),
            step,
        ],
        ["indikator", "period", "kön"],
    )
    targets = Table(
        "malvarden",
        "Målvärden per indikator och år",
        [
            Column("indikator", "string", "Indikatorns id"),
            Column("år", "integer", "Året"),
            Column("värde", "number", "Målvärdet; tomt för ett år vars målvärde inte är beslutat"),
            step,
        ],
        ["indikator", "år"],
    )
    comparisons = Table(
        "jamforelser",
        "Jämförelsevärden per indikator, jämförelse och period",
        [
            Column("indikator", "string", "Indikatorns id"),
            Column("jämförelse", "string", "Vad som jämförs med, t.ex. Riket"),
            Column("period", "string", "Perioden"),
            Column("värde", "number", "Jämförelsevärdet"),
            step,
        ],
        ["indikator", "jämförelse", "period"],
    )
    for i in repo.indicators:
        for period, value in i.utfall.items():
            outcomes.rows.append([i.id, period, "totalt", value, i.step(value)])
        for gender, values in i.utfall_per_kön.items():
            for period, value in values.items():
                outcomes.rows.append([i.id, period, gender.value, value, i.step(value)])
        for year, value in i.målvärden.items():
            targets.rows.append([i.id, year, value, i.step(value)])
        for name, values in i.jämförelser.items():
            for period, value in values.items():
                comparisons.rows.append([i.id, name, period, value, i.step(value)])
    outcomes.rows = _unique(sorted(outcomes.rows, key=lambda r: (r[0], r[1], r[2])), 3)
    targets.rows = _unique(sorted(targets.rows, key=lambda r: (r[0], r[1])), 2)
    comparisons.rows = _unique(sorted(comparisons.rows, key=lambda r: (r[0], r[1], r[2])), 3)
    return [outcomes, targets, comparisons]


def _activities(repo: Repository) -> Table:
    table = Table(
        "aktiviteter",
        "Aktiviteterna",
        [
            Column("id", "string", "Aktivitetens id"),
            Column("namn", "string", "Aktiviteten"),
            Column("mål", "string", "Målen den leder mot (id, ;-separerade)"),
            Column("ägare", "string", "Organet, förvaltningen eller enheten (id)"),
            Column("status", "string", "Aktivitetens status"),
        ],
        ["id"],
    )
    for a in repo.activities:
        status = getattr(a, "status", None)
        table.rows.append([a.id, a.namn, _join(a.mål), a.owner, getattr(status, "value", status)])
    table.rows = _unique(sorted(table.rows, key=lambda r: r[0]))
    return table


def _assignments(repo: Repository) -> Table:
    table = Table(
        "uppdrag",
        "Politiska uppdrag",
        [
            Column("id", "string", "Uppdragets id"),
            Column("text", "string", "Uppdraget"),
            Column("givare", "string", "Organet som gav uppdraget (id)"),
            Column("mottagare", "string", "Den som ska utföra det (id)"),
            Column("mål", "string", "Målen uppdraget hör till (id, ;-separerade)"),
            Column("beslut_datum", "date", "Beslutsdatum"),
            Column("senast", "date", "Sista dag"),
        ],
        ["id"],
    )
    for u in repo.assignments:
        table.rows.append(
            [
                u.id,
                u.text,
                u.givare,
                u.mottagare,
                _join(u.mål),
                u.beslut.datum.isoformat() if u.beslut else None,
                u.senast.isoformat() if u.senast else None,
            ]
        )
    table.rows = _unique(sorted(table.rows, key=lambda r: r[0]))
    return table


def _documents(repo: Repository) -> Table:
    table = Table(
        "styrdokument",
        "Registret över styrdokument",
        [
            Column("id", "string", "Dokumentets id"),
            Column("titel", "string", "Titeln"),
            Column("typ", "string", "policy, riktlinje, program, plan …"),
            Column("beslutad_av", "string", "Organet eller rollen som beslutade (id)"),
            Column("beslutsdatum", "date", "Beslutsdatum"),
            Column("gäller_till", "date", "Sista dag det gäller"),
            Column("länk", "string", "Adressen där dokumentet finns"),
        ],
        ["id"],
    )
    for d in repo.documents:
        table.rows.append(
            [
                d.id,
                d.titel,
                d.typ.value,
                d.beslutad_av,
                d.beslutsdatum.isoformat() if d.beslutsdatum else None,
                d.gäller_till.isoformat() if d.gäller_till else None,
                d.länk,
            ]
        )
    table.rows = _unique(sorted(table.rows, key=lambda r: r[0]))
    return table


def _delegations(repo: Repository) -> Table:
    table = Table(
        "delegeringar",
        "Delegationsordningarnas rader",
        [
            Column("organ", "string", "Nämnden vars delegationsordning det är (id)"),
            Column("rad", "string", "Radens nummer eller id"),
            Column("ärende", "string", "Ärendet som delegeras"),
            Column("delegat", "string", "Vem som får besluta (id)"),
            Column("lagrum", "string", "Lagrummet"),
            Column("begränsningar", "string", "Begränsningar"),
        ],
        ["organ", "rad"],
    )
    for order in repo.delegation_orders:
        for row in order.rader:
            table.rows.append([order.organ or "", row.id, row.ärende, row.delegat, row.lagrum, row.begränsningar])
    table.rows = _unique(sorted(table.rows, key=lambda r: (r[0], r[1])), 2)
    return table


def _budget(repo: Repository) -> Table:
    table = Table(
        "budgetramar",
        "Nämndernas ramar i fullmäktiges budget",
        [
            Column("år", "integer", "Budgetåret"),
            Column("organ", "string", "Organet (id)"),
            Column("ram_mnkr", "number", "Ramen i miljoner kronor"),
        ],
        ["år", "organ"],
    )
    for budget in repo.budgets:
        for organ, frame in budget.ramar.items():
            table.rows.append([budget.år, organ, frame])
    table.rows = _unique(sorted(table.rows, key=lambda r: (r[0], r[1])), 2)
    return table


def _unique(rows: list[list[Any]], width: int = 1) -> list[list[Any]]:
    """The first row for each key (a duplicate id is a validation error; the data package stays valid)."""
    seen: set[tuple] = set()
    out = []
    for row in rows:
        key = tuple(row[:width])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def files(site: SiteModel, made: list[Table]) -> dict[str, bytes]:
    """data/*.csv, data/*.json and data/datapackage.json."""
    repo = site.repo
    out: dict[str, bytes] = {}
    for table in made:
        out[f"data/{table.name}.csv"] = table.csv_bytes()
        out[f"data/{table.name}.json"] = table.json_bytes()
    package = {
        "profile": "tabular-data-package",
        "name": f"styrmodell-{repo.config.kommun.kommunkod}",
        "title": f"{repo.config.kommun.namn}: styrmodell och utfall",
        "description": "Kommunens mål, indikatorer, utfall, uppdrag, styrdokument och delegationer ur dess "
        "styrmodellsrepo, skrivna av styrmodell (styr publicera).",
        "keywords": ["styrmodell", "kommun", repo.config.kommun.kommunkod],
        "licenses": [LICENSE],
        "resources": [t.resource() for t in made],
    }
    if repo.config.publicering.adress:
        package["homepage"] = repo.config.publicering.adress
    out["data/datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return out
