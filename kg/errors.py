"""One exception hierarchy for the library; the CLI turns these into one clean line each."""
import re
from contextlib import contextmanager
from typing import Iterator


class ParkKGError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(ParkKGError):
    """An input file (or one record of it) cannot be read; names the file and the problem."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class OutputError(ParkKGError):
    """An output cannot be written or read back (a missing or corrupt OUT/ folder)."""


class QueryError(ParkKGError):
    """A SPARQL query is malformed or refers to an unknown named query / parameter."""


class PushError(ParkKGError):
    """Pushing to a remote triple store failed (refused, unauthorised, 4xx, 5xx after retries)."""


class UsageError(ParkKGError):
    """Options that do not fit together or cannot be honoured (an unknown engine, --jobs 0, no scheduler)."""


# C0 and C1 controls, DEL, line/paragraph separators, bidirectional controls (which reorder what a terminal
# shows) and lone surrogates (file names that are not UTF-8): what must not reach a terminal unescaped
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: object) -> str:
    """``text`` safe for one line of a terminal: control characters, newlines, ANSI escapes, bidirectional
    controls and lone surrogates are written as Python escapes (``\\n``, ``\\x1b``, ``\\u202e``, ``\\udcff``).

    >>> printable("a\\nb\\x1b[31m")
    'a\\\\nb\\\\x1b[31m'
    """
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], str(text))


def system_problem(e: BaseException) -> str:
    """What an OS or SQLite error says, in a few words (``No space left on device``, ``Read-only file system``,
    ``database or disk is full``, ``attempt to write a readonly database``)."""
    if isinstance(e, OSError):
        return e.strerror or str(e) or type(e).__name__
    return str(e) or type(e).__name__


@contextmanager
def output_errors(path: object, what: str = "write") -> Iterator[None]:
    """Turn the OS and SQLite errors of the block (a read-only folder, a full disk) into one
    :class:`OutputError`: ``PATH: cannot WHAT: problem``. The one place where writing outputs meets the system."""
    import sqlite3

    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, sqlite3.Error) as e:
        where = getattr(e, "filename", None) or path
        raise OutputError(f"{where}: cannot {what}: {system_problem(e)}") from e
