"""Errors raised by spillover, with the location the C++ library reports."""


class InputError(ValueError):
    """Bad input: a scenario, a sweep, an override, a model or an argument.

    The text is the same as the command-line program prints after ``error:``.

    Attributes:
        file: the file (or ``<dict>``, ``<text>``, ``overrides['PATH']``) the mistake is in.
        line: 1-based line in the file, 0 when unknown (always 0 for a dict).
        column: 1-based column, 0 when unknown.
        key: the key, e.g. ``"key 'shocks.cut.change'"``, or ``""``.
        message: what is wrong, without the location.
    """

    def __init__(self, text, file="", line=0, column=0, key="", message=""):
        super().__init__(text)
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message or text


class ModelError(RuntimeError):
    """The model or a scenario cannot be solved (singular or not productive)."""
