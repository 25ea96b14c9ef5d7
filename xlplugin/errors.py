"""Errors shown to the user. Messages are Swedish; they name file, sheet and cell."""

from __future__ import annotations


class XlpluginError(Exception):
    """Base for errors that are reported to the user without a traceback."""


class ReadError(XlpluginError):
    """A workbook cannot be read or understood.

    `message` is Swedish and says what is wrong; `path`, `sheet` and `cell`
    locate it as precisely as known.
    """

    def __init__(self, message: str, path: str | None = None, sheet: str | None = None,
                 cell: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.sheet = sheet
        self.cell = cell

    def __reduce__(self):
        # keep path, sheet and cell when the error crosses a process boundary (pickle)
        return (type(self), (self.message, self.path, self.sheet, self.cell))

    def located(self, path: str | None = None, sheet: str | None = None) -> "ReadError":
        """Return the same error with missing location parts filled in."""
        return ReadError(self.message, self.path or path, self.sheet or sheet, self.cell)

    def __str__(self) -> str:
        parts = []
        if self.path:
            parts.append(str(self.path))
        if self.sheet:
            parts.append(f"blad '{self.sheet}'")
        if self.cell:
            parts.append(f"cell {self.cell}")
        where = ", ".join(parts)
        return f"{where}: {self.message}" if where else self.message
