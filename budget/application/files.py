"""Files and folders to disclosures: the one place where ``budget`` calls the loaders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from budget.model import Disclosure
from loaders import LoadError, join, load

__all__ = ["LoadError", "load", "read", "read_parts", "reason", "walk"]


def read(path: str | os.PathLike) -> Disclosure:
    """The disclosure in a file; LoadError (with a Chinese sentence) when it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LoadError(f"无法打开文件：{path}", f"cannot open {path}: {error.strerror}") from None
    return load(data, path.name)


def read_parts(paths: list[str | os.PathLike]) -> Disclosure:
    """One disclosure from the files it is published in (情况说明 and 报表 apart, …), in
    the order given; a single path is ``read``. LoadError names the file it is about."""
    parts = []
    for path in paths:
        try:
            parts.append(read(path))
        except LoadError as error:
            if len(paths) == 1:
                raise
            raise LoadError(f"{Path(path).name}：{error.message}", error.english) from None
    return join(parts)


def walk(directory: Path) -> Iterator[Path]:
    """Every regular file under the directory, in a stable order."""
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.is_file():
                yield path


def reason(error: Exception) -> str:
    """One line saying why a file of a folder was not read."""
    if isinstance(error, LoadError):
        return error.one_line()
    if isinstance(error, OSError):
        return f"无法打开文件 (cannot open: {error.strerror})"
    # A loader or rule bug on one file of many must not stop the others; say what it was.
    return f"处理时发生内部错误（{type(error).__name__}: {error}）"
