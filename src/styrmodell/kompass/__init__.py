"""Kommunkompassen: scores and comparisons (`scoring`), the evaluation for people (`view`,
`spider`, `output`, `templates`)."""
