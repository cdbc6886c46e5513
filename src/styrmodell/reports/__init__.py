"""`styr rapport`: the report types (`kinds`), what each shows (`data`, `attainment`), the templates
(`engine`, `rows`, `charts`) and the formats (`docx`, `pdf`); `build` makes the documents."""
