"""Swedish wording shared by every layer: numbers, dates, holidays, suggestions, Markdown text.

Nothing here imports the rest of the project, so a rule, a loader and a report may all use it.
"""

MISSING = "–"  # what a table shows where there is no value
