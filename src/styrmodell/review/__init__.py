"""Review of changes: the semantic diff (`diff`), its text, Markdown and JSON (`output`), and an
object's history through the commits (`log`)."""
