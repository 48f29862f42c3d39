"""The ``kg`` command: a thin shell over the library.

Each sub-command lives in ``kg/commands/<name>.py`` and exposes ``add_parser(subparsers)``, which registers the
parser and sets ``func`` (called with the parsed args, returns the exit code). Library errors
(:class:`kg.errors.ParkKGError`), and the OS and SQLite errors no library code turned into one (a read-only or
full disk), become one clean line on stderr and exit code 1 (or the command's ``error_status``: 2 for
``kg diff``, whose 1 means "the graphs differ"); never a traceback. Every message and log line has
its control characters escaped (:func:`kg.errors.printable`): a file name cannot move the cursor or forge lines.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

from kg import __version__
from kg.errors import ParkKGError, printable

COMMANDS = ("build", "view", "query", "export", "push", "validate", "diff", "train", "train_relations", "evaluate")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="ParkKG: turn Chinese news about parks into a knowledge graph.",
        epilog="Example: kg build seeds/ -o out/   then   kg query out/ --list",
    )
    parser.add_argument("--version", action="version", version=f"parkkg {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as e:  # a command whose module is not there yet
            if e.name == f"kg.commands.{name}":
                continue
            raise
        module.add_parser(sub)
    return parser


class _PrintableFormatter(logging.Formatter):
    """Log messages with control characters escaped (a file name with a newline stays on its line); a traceback
    (``-v``) is left as it is."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return printable(super().formatMessage(record))


def os_error_line(e: BaseException) -> str:
    """One line for an OS or SQLite error that reached the command: the file (when known) and the problem."""
    import sqlite3

    if isinstance(e, sqlite3.Error):
        return f"SQLite: {e}"
    assert isinstance(e, OSError)
    what = e.strerror or type(e).__name__
    names = [n for n in (e.filename, e.filename2) if n is not None]
    return (": ".join(map(str, names)) + ": " if names else "") + what


def main(argv: list[str] | None = None) -> int:
    import sqlite3

    parser = make_parser()
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(_PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, handlers=[handler])
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    error_status = getattr(args, "error_status", 1)
    try:
        return int(args.func(args) or 0)
    except ParkKGError as e:
        print(f"kg {args.command}: error: {printable(e)}", file=sys.stderr)
        return error_status
    except BrokenPipeError:
        return 0
    except (OSError, sqlite3.Error) as e:  # a read-only or full disk the library did not name: still one line
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        print(f"kg {args.command}: error: {printable(os_error_line(e))}", file=sys.stderr)
        return error_status
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
