"""Load and check one document in a worker process, within a time and a memory budget.

The dashboard is one server for every user. A parse in the server process would hold
the GIL and its memory for as long as the document takes, so one user's upload could
stall every other user. Here each parse (and its check) runs in a child process: the
bytes go to it through a pipe (never to disk), the child caps its own address space
(RLIMIT_AS), and a parse still running at the deadline is killed. At most
``parse_workers`` run at once; a document waits at most the same budget for its turn.

Children are forked from a forkserver that has already imported the loaders and the
check, so a parse starts in milliseconds and never inherits the server's threads.
"""

from __future__ import annotations

import copyreg
import io
import multiprocessing
import pickle
import sys
import threading
import time
import traceback
import types
from dataclasses import dataclass
from typing import Any
from multiprocessing.connection import Connection

from budget.checks import CheckReport
from budget.checks.core import Rule, Settings
from budget.model import Disclosure
from loaders import limits

# Everything a parse may import, so no import happens under the child's memory cap
# (the readers are imported lazily by loaders.detect); a module missing here is skipped.
_PRELOAD = [
    "loaders",
    "loaders.detect",
    "loaders.recognize",
    "loaders.docx",
    "loaders.xlsx",
    "loaders.txt",
    "loaders.pdf",
    "pdfplumber",
    "pypdfium2",
    "xlrd",
    "openpyxl.styles.numbers",
    "openpyxl.utils.datetime",
    "budget.checks",
    "budget.application.worker",
]


@dataclass(frozen=True)
class Parsed:
    disclosure: Disclosure
    report: CheckReport


class Refused(Exception):
    """The document was not read; ``message`` is the Chinese sentence for the user."""

    def __init__(self, message: str, english: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.english = english


_lock = threading.Lock()
# What multiprocessing sees of ``__main__`` while it starts a child: a module without a
# file. A forkserver (or spawn) child re-runs the parent's __main__ file before it runs
# its target, for functions defined there. Under Streamlit, __main__ is app.py (the
# script runner installs it as a fake __main__ module), so every parse child imported
# Streamlit and ran the whole app in bare mode before reading the document: 1.5-2.5 s
# of a 2.3 s upload on this 2-core machine under load, against 0.5 s for the parse.
# The child's target is this module's _work; it needs nothing from __main__.
_NO_MAIN = types.ModuleType("__main__")
_context: Any = None  # a multiprocessing context (its Process type is per start method)
_slots: threading.BoundedSemaphore | None = None


def _start() -> tuple[Any, threading.BoundedSemaphore]:
    global _context, _slots
    with _lock:
        if _context is None or _slots is None:
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            if method == "forkserver":
                context.set_forkserver_preload(_PRELOAD)
            _context, _slots = context, threading.BoundedSemaphore(limits.current().parse_workers)
        return _context, _slots


def parse(data: bytes, name: str, settings: Settings | None = None) -> Parsed:
    """The document read and checked with ``settings`` (the check's defaults when None),
    or Refused: a LoadError's sentence, or a budget exceeded. A bug in the loaders or the
    check is also Refused (with its type), and its traceback goes to the server's log."""
    context, slots = _start()
    budget = limits.current()
    if not slots.acquire(timeout=budget.parse_seconds):
        raise Refused("服务器正忙（其他文档正在解析），请稍后再试。", "no free worker")
    try:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_work,
            args=(sender, data, name, settings or Settings(), budget.parse_memory_bytes),
            daemon=True,
            name="budget-parse",
        )
        _start_without_main(child)
        sender.close()
        try:
            return _outcome(receiver, child, budget)
        finally:
            receiver.close()
            if child.is_alive():
                child.kill()
            child.join(timeout=5)
    finally:
        slots.release()


def _start_without_main(child) -> None:
    """Start the child with ``__main__`` hidden from multiprocessing (see _NO_MAIN). The
    swap lasts only the start (the child reads its instructions; milliseconds), under the
    lock so two starts do not interleave; a __main__ installed meanwhile (another script
    run began) is left in place."""
    with _lock:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = _NO_MAIN
        try:
            child.start()
        finally:
            if sys.modules.get("__main__") is _NO_MAIN and main is not None:
                sys.modules["__main__"] = main


def join_parts(parts: list[Disclosure]) -> Disclosure | None:
    """The parts of one disclosure published in several files as one (loaders.join), or
    None when they are not parts of one. In this process: each part was read within the
    limits already, and joining only puts their tables and sections together."""
    from loaders import LoadError, join

    try:
        return join(parts)
    except LoadError:
        return None


def checked(d: Disclosure, settings: Settings | None = None) -> Parsed:
    """A disclosure joined here, checked here with ``settings`` (the check is linear in
    what was read)."""
    from budget.checks import run

    return Parsed(d, run(d, settings))


def _outcome(receiver: Connection, child, budget: limits.Limits) -> Parsed:
    started = time.monotonic()
    if not receiver.poll(budget.parse_seconds):
        child.kill()
        raise Refused(
            f"解析超时：这份文档在 {budget.parse_seconds} 秒内没有读完，已停止解析。"
            "请确认文件没有损坏，或把很大的文档拆开后再上传。",
            f"parse_seconds {budget.parse_seconds} exceeded",
        )
    try:
        kind, *rest = pickle.loads(receiver.recv_bytes())
    except (EOFError, OSError):
        child.join(timeout=5)
        raise Refused(
            "解析进程意外退出（可能是文件损坏或所需内存超过上限），无法读取这份文档。",
            f"worker exited with {child.exitcode} after {time.monotonic() - started:.1f} s",
        ) from None
    if kind == "ok":
        return Parsed(*rest)
    if kind == "refused":
        raise Refused(*rest)
    if kind == "memory":
        raise Refused(
            f"解析所需内存超过上限（{budget.parse_memory_bytes // limits.MiB:,} MB），无法读取这份文档。",
            "parse_memory_bytes exceeded",
        )
    print(f"budget parse worker: {rest[1]}", file=sys.stderr)
    raise Refused(
        f"解析时发生内部错误（{rest[0]}），请把文档发给维护人员。", rest[1].splitlines()[-1] if rest[1] else ""
    )


def _work(sender: Connection, data: bytes, name: str, settings: Settings, memory: int) -> None:
    """In the child: cap the address space, load and check, send back the outcome."""
    _cap_memory(memory)
    from budget.checks import run
    from loaders import LoadError, load

    try:
        d = load(data, name)
        outcome: tuple = ("ok", d, run(d, settings))
    except LoadError as error:
        outcome = ("refused", error.message, error.english)
    except MemoryError:
        outcome = ("memory",)
    except Exception as error:  # noqa: BLE001 - a bug: reported to the server with its traceback
        outcome = ("bug", type(error).__name__, traceback.format_exc())
    try:
        sender.send_bytes(_dumps(outcome))
    except MemoryError:
        sender.send_bytes(_dumps(("memory",)))
    finally:
        sender.close()


def _dumps(outcome: tuple) -> bytes:
    # A rule holds its check function (wrapped by the @rule decorator, so not picklable
    # by name): it travels as its id and is looked up in the catalogue on the other side.
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[Rule] = lambda rule: (rule_by_id, (rule.id,))
    pickler.dump(outcome)
    return buffer.getvalue()


def rule_by_id(rule_id: str) -> Rule:
    from budget.checks import CATALOGUE

    return next(rule for rule in CATALOGUE if rule.id == rule_id)


def _cap_memory(memory: int) -> None:
    """Allow ``memory`` bytes of address space above what the child starts with (the
    preloaded libraries), so the cap is about the document, not the imports."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            size = int(statm.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + memory
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        pass  # no RLIMIT_AS here (not Linux): the deadline still holds
