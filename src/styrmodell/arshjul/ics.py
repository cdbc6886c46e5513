"""The annual wheel as a calendar file (RFC 5545) that Outlook and Google Kalender can subscribe to.

A re-export is an update, never a duplicate: the UID is stable per municipality, event and year;
DTSTAMP and LAST-MODIFIED are the export's date (`today`: `--datum`, the repository's
`referensdatum`, or the day), and SEQUENCE counts the days from 1 January 2000 to it, so a later
export carries a higher sequence number, which is what calendar clients compare (RFC 5545 3.8.7.4).
The same wheel exported on the same day gives the same bytes."""

from __future__ import annotations

import datetime as dt

from styrmodell.arshjul.compute import WheelYear, occurrences_for

EPOCH = dt.date(2000, 1, 1)


def ics(wheel: WheelYear, organ: str | None, municipality: str, code: str, today: dt.date | None = None) -> bytes:
    """RFC 5545. UIDs are stable per municipality, event and year (and month, for a recurring event), so a
    re-export updates, never duplicates."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//styrmodell//årshjul//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Årshjul {wheel.year} – {municipality}")
    day = today or dt.date(wheel.year, 1, 1)
    stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    sequence = max(0, (day - EPOCH).days)
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
        item.add("last-modified", stamp)
        item.add("sequence", sequence)
        calendar.add_component(item)
    return calendar.to_ical()
