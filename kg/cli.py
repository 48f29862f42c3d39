"""The ``kg`` command: a thin shell over the library.

Each sub-command lives in ``kg/commands/<name>.py`` and exposes ``add_parser(subparsers)``, which registers the
parser and sets ``func`` (called with the parsed args, returns the exit code). Library errors
(:class:`kg.errors.ParkKGError`) become one clean line on stderr and exit code 1; never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

from kg import __version__
from kg.errors import ParkKGError

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


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ParkKGError as e:
        print(f"kg {args.command}: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
