"""One call run in a forked process of its own, its result sent back.

Python keeps the memory a large computation used: its small objects live in arenas
that one survivor keeps whole, and freed strings stay in the C heap. The publish build
runs the builder stage inside MkDocs' process (the hook's ``on_files``), and the digest
left about 250 MB there at 2,000 articles that MkDocs then carried to the end, while the
search index was written. Run apart, the stage's memory goes back to the system when its
process exits; only its result (a few strings) comes back.

A fork is safe only while this process runs no other thread (``workers._start_method``):
elsewhere the call runs here, as before.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import traceback
from typing import Callable, TypeVar

from .workers import _start_worker

R = TypeVar("R")


class ApartFailed(RuntimeError):
    """The process died or its error could not be sent back whole."""


def can_fork() -> bool:
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def run_apart(fn: Callable[..., R], *args) -> R:
    """``fn(*args)`` in a forked child when a fork is safe, else here.

    An exception ``fn`` raises is raised here again (the same type, when it pickles).
    The child dies with this process (``workers._start_worker``).
    """
    if not can_fork():
        return fn(*args)
    return Apart(fn, *args).result()


class Apart:
    """``fn(*args)`` started in a forked child (a fork must be safe: :func:`can_fork`); this
    process goes on, and :meth:`result` waits for the answer."""

    def __init__(self, fn: Callable[..., R], *args):
        context = multiprocessing.get_context("fork")
        self._name = fn.__name__
        self._reader, writer = context.Pipe(duplex=False)
        self._child = context.Process(target=_child, args=(writer, os.getpid(), fn, args), daemon=False)
        self._child.start()
        writer.close()

    def result(self):
        """The call's result, or its error raised here."""
        try:
            outcome, value = self._reader.recv()
        except EOFError:
            self._child.join()
            raise ApartFailed(f"the process of {self._name} ended with no result "
                              f"(exit code {self._child.exitcode})") from None
        finally:
            self._reader.close()
        self._child.join()
        if outcome == "error":
            raise value
        return value

    def cancel(self) -> None:
        """Stop the child (a build that failed no longer needs it)."""
        if self._child.is_alive():
            self._child.kill()
        self._child.join()
        self._reader.close()


def _child(writer, parent: int, fn: Callable, args: tuple) -> None:
    _start_worker(parent, None)
    try:
        message = ("ok", fn(*args))
    except BaseException as err:  # noqa: BLE001 - every failure goes back to the parent
        message = ("error", _sendable(err))
    try:
        writer.send(message)
    except Exception as err:  # noqa: BLE001 - a result that does not pickle
        writer.send(("error", ApartFailed(f"the result of {fn.__name__} could not be sent back: {err}")))
    writer.close()


def _sendable(err: BaseException) -> BaseException:
    """The error itself when it survives pickling, else one that carries its text and trace."""
    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # noqa: BLE001 - any unpicklable error
        return ApartFailed("".join(traceback.format_exception(err)))
