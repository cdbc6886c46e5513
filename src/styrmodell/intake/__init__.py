"""Data into the repository: outcomes from a table (CSV, Excel) and from Kolada, as plans of edits
for the writing mechanism (`styrmodell.write`)."""
