"""One exception hierarchy for the library; the CLI turns these into one clean line each."""


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
