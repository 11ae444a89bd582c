"""What every format reader produces: the document as a flat sequence of blocks.

A format module (docx, txt, pdf, xlsx) only turns bytes into paragraphs and grids in
reading order; ``loaders.recognize`` turns the blocks into a ``Disclosure``. Keeping
that boundary means every format is recognised by the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass


class LoadError(Exception):
    """The input cannot be read as a disclosure. ``str(error)`` is a Chinese sentence."""

    def __init__(self, message: str, english: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.english = english

    def one_line(self) -> str:
        return f"{self.message} ({self.english})" if self.english else self.message


@dataclass(frozen=True, slots=True)
class Cell:
    """One printed cell. ``span`` is how many grid columns it covers; a reader that
    cannot know (the text form) says 1 and leaves alignment to recognition."""

    text: str
    span: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    page: int | None = None
    heading: bool = False  # the reader saw heading styling (bold/outline level); a hint


@dataclass(frozen=True, slots=True)
class Grid:
    rows: tuple[tuple[Cell, ...], ...]
    page: int | None = None
    pages: tuple[int, ...] = ()  # for a grid already joined across pages by its reader


@dataclass(frozen=True, slots=True)
class Notice:
    """What a reader could not read and says so, in Chinese: a page that is a picture
    (a scanned page in a PDF with a text layer elsewhere). It becomes a Disclosure note."""

    text: str
    page: int | None = None


Block = Paragraph | Grid | Notice
