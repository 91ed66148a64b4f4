"""Errors that end a run with exit code 2 and a one-line message."""


class InputError(Exception):
    """Bad input or usage: the message names the file and the problem."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
