"""The command line: one module per command, registered in `app`; `main` runs it. Only here is
anything printed."""
