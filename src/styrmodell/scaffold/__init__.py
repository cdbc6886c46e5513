"""`styr init`: a new governance repository from the templates in templates/init/."""
