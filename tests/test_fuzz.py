"""Mutated copies of both examples through every command that reads a repository (tests/fuzzing.py).

A fixed seed, so a failure repeats; about 120 inputs of one to three mutations each, on two
processes, bounded to a few minutes. No run may exit 3 (internt fel), die, print a traceback, take
longer than the bound, show a file from outside the repository, report a loader finding without
its line, or answer from the cache differently from a cold run. A longer run is the script itself:
`python tests/fuzzing.py --inputs 3000`.
"""

from __future__ import annotations

from fuzzing import fuzz_parallel, mutation_kinds, summary

SEED = 13
INPUTS = 120
BOUND_SECONDS = 20.0


def test_mutated_examples_through_every_reading_command():
    verdicts = fuzz_parallel(SEED, INPUTS, workers=2, bound=BOUND_SECONDS)
    assert len(verdicts) == INPUTS
    assert {v.input.example for v in verdicts} == {"grastorp", "astorp"}
    assert sum(mutation_kinds(verdicts).values()) >= 200  # a few hundred mutations
    commands = {run.command for v in verdicts for run in v.runs}
    assert commands >= {"validera", "validera-cache", "rapport", "arshjul", "kompass", "frister", "diff"}
    problems = [p for v in verdicts for p in v.problems]
    assert not problems, summary(verdicts)
