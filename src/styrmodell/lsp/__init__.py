"""`styr lsp`: the language server (diagnostics from every rule, hover, completion, definition,
references, rename and certain fixes) over stdio, on pygls."""
