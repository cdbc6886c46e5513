"""Writing the repository: the mechanism every command that changes the user's files shares.

`plan` says what to change (values to set at paths the model objects know, whole new files),
`roundtrip` edits one YAML file keeping every comment, blank line, key order, quote and style,
and `stage` carries a plan out in memory, checks it, validates the result and writes it whole or
not at all (`fileio.atomic_write_all`).
"""
