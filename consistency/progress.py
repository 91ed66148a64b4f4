"""A progress bar per stage, on an interactive terminal only.

``consistency: extract [#######.............]   120/500 articles`` on one
line of stderr, redrawn as the stage goes (at most once per 1 % step), then
ended with a newline.  Nothing at all with ``--quiet``, when ``CI`` is set
(CI runners), when stderr is a file or a pipe, or for a stage of fewer
items than its minimum (``MINIMUM`` unless the stage sets its own; the
environment variable ``CONSISTENCY_PROGRESS_MIN`` overrides them all, e.g. 0
to see every bar on a small corpus).
"""
from __future__ import annotations

import os
import sys

#: a stage with fewer items than this shows no bar
MINIMUM = 64
WIDTH = 20


def wanted(quiet: bool) -> bool:
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()


class Bar:
    """``Bar(stage, total, unit, quiet)``; ``update(done)``; ``close()``."""

    def __init__(self, stage: str, total: int, unit: str, quiet: bool = False, minimum: int = MINIMUM):
        self.stage, self.total, self.unit = stage, total, unit
        floor = os.environ.get("CONSISTENCY_PROGRESS_MIN", "")
        if floor.strip().isdigit():
            minimum = int(floor)
        self.on = wanted(quiet) and total > minimum
        self._shown = -1

    def update(self, done: int) -> None:
        if not self.on:
            return
        step = (100 * done) // max(1, self.total)
        if step == self._shown:
            return
        self._shown = step
        filled = (WIDTH * done) // max(1, self.total)
        sys.stderr.write(f"\rconsistency: {self.stage} [{'#' * filled}{'.' * (WIDTH - filled)}] "
                         f"{done:,}/{self.total:,} {self.unit}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.on:
            self._shown = -1
            self.update(self.total)
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.on = False

    def __enter__(self) -> "Bar":
        self.update(0)
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
        elif self.on:  # interrupted: end the line so the error starts on its own
            sys.stderr.write("\n")
            self.on = False
