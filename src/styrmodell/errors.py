"""Fatal problems: the input cannot be used at all (exit code 2).

Problems *in* the governance data are findings, never exceptions.
"""


class FatalError(Exception):
    """A problem that stops the command, with a Swedish message for the user."""

    exit_code = 2
