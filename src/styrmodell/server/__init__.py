"""`styr server`: a process that keeps one repository's model resident and answers `styr validera`
(as dmypy does for mypy). `daemon` is the process, `client` what the command line asks it, `address`
where they meet."""
