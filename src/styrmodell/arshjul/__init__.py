"""The annual wheel: each event's date in a year (`compute`), what is due soon (`deadlines`), and the
wheel for people and calendars (`text`, `drawing`, `ics`)."""
