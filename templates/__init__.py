"""The templates shipped with styrmodell (Jinja), installed as the package `styrmodell.templates`."""
