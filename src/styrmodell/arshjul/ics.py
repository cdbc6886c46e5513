"""The annual wheel as a calendar file (RFC 5545) that Outlook and Google Kalender can subscribe to."""

from __future__ import annotations

import datetime as dt

from styrmodell.arshjul.compute import WheelYear, occurrences_for


def ics(wheel: WheelYear, organ: str | None, municipality: str, code: str) -> bytes:
    """RFC 5545. UIDs are stable per municipality, event and year (and month, for a recurring event), so a
    re-export updates, never duplicates."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//styrmodell//årshjul//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Årshjul {wheel.year} – {municipality}")
    stamp = dt.datetime(wheel.year, 1, 1, tzinfo=dt.UTC)
    for o in occurrences_for(wheel, organ):
        item = Event()
        item.add("uid", f"{code}-{o.event.id}-{wheel.year}{o.uid_part}@styrmodell")
        item.add("dtstamp", stamp)
        item.add("dtstart", o.start)
        item.add("dtend", o.end + dt.timedelta(days=1))
        item.add("summary", o.event.namn)
        description = [f"Typ: {o.event.typ}"]
        if wheel.who(o.event):
            description.append(f"Organ: {wheel.who(o.event)}")
        if o.balance:
            description.append("Balansdag: flyttas inte för helgdagar")
        if o.event.avser:
            description.append(f"Lagstadgad tidpunkt: {o.event.avser.value}")
        if o.event.rapport:
            description.append(f"Rapport: styr rapport {o.event.rapport}")
        item.add("description", "\n".join(description))
        item.add("categories", [o.event.typ])
        item.add("transp", "TRANSPARENT")
        calendar.add_component(item)
    return calendar.to_ical()
