"""Errors a user can cause. Each carries one line that says what went wrong and what to do."""


class AnnalesError(Exception):
    """An error reported to the user as one line on stderr, never as a traceback."""


class InputError(AnnalesError):
    """A document that cannot be read: missing, binary, undecodable, too large, malformed."""
