"""Run a step in a forked process while the main process goes on (the MkDocs build is single-threaded).

The child inherits the parent's memory, so the step's inputs (the source
pages) are not copied or pickled; only its result comes back. Where forking is
not possible, or there is one core, the step runs at once in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from typing import Any


class Background:
    def __init__(self, step: Callable[[], Any]):
        self._value = self._error = None
        self.seconds = 0.0
        if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            self._process = None
            self._finish(*_call(step))
            return
        receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
        self._process = multiprocessing.get_context("fork").Process(target=_child, args=(step, send), daemon=True)
        self._process.start()
        send.close()
        self._receive = receive

    def result(self):
        """The step's value; its exception is raised here, in the main process."""
        if self._process is not None:
            try:
                outcome = self._receive.recv()
            except EOFError:
                outcome = (None, RuntimeError(f"the background step ended without a result (exit code {self._process.exitcode})"), 0.0)
            self._process.join()
            self._process = None
            self._finish(*outcome)
        if self._error is not None:
            raise self._error
        return self._value

    def _finish(self, value, error, seconds) -> None:
        self._value, self._error, self.seconds = value, error, seconds


def _call(step):
    began = time.monotonic()
    try:
        return step(), None, time.monotonic() - began
    except Exception as exc:  # handed to the parent, which decides how to report it
        return None, exc, time.monotonic() - began


def _child(step, send) -> None:
    send.send(_call(step))
    send.close()
