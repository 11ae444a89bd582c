"""Word and Excel packages (OOXML zip files), opened within the limits.

Everything a zip says about itself is checked from its central directory before a byte
is decompressed: the number of members, the uncompressed size of each part read and of
all of them, and the compression ratio (a zip bomb declares a small file that inflates
to gigabytes). A part is then read through a bounded reader, and its XML is parsed with
entities unresolved, no network and libxml2's own size and depth limits on.
"""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from loaders import limits
from loaders.blocks import LoadError

# Errors zipfile (and the codecs under it) raise for a damaged or unsupported package:
# NotImplementedError for an unknown compression method or a "version 20.2" archive,
# RuntimeError for a member with a password.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, NotImplementedError, RuntimeError, EOFError, OSError)
_RATIO_FROM = limits.MiB  # small parts (a page of spaces) may legitimately compress very well
_CHUNK = limits.MiB


def _damaged(kind: str, error: BaseException) -> LoadError:
    if isinstance(error, RuntimeError) and "encrypted" in str(error):
        return LoadError(f"{kind}文件已加密（设有密码），请先取消密码保护后再上传。", f"encrypted zip member: {error}")
    return LoadError(
        f"{kind}文件已损坏，无法作为 Word/Excel 文档打开。", f"damaged zip: {type(error).__name__}: {error}"
    )


class Package:
    """The parts of one zip package. ``kind`` names the format in messages ("Word ")."""

    def __init__(self, data: bytes, kind: str = "") -> None:
        self.kind = kind
        declared = _declared_members(data)
        if declared is not None:
            limits.check("zip_members", declared)  # before zipfile lists them all
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (*ZIP_ERRORS, ValueError) as error:
            raise _damaged(kind, error) from None
        limits.check("zip_members", len(infos))
        limits.check("package_bytes", sum(info.file_size for info in infos))
        self._infos = {info.filename: info for info in infos}

    def names(self) -> set[str]:
        return set(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The decompressed part ``name``; LoadError when it is missing, too large or damaged."""
        info = self._infos.get(name)
        if info is None:
            raise LoadError(f"{self.kind}文件不完整（缺少 {name}），无法读取。", f"missing part {name}")
        limit = limits.current()
        limits.check("part_bytes", info.file_size, name)
        if info.file_size > _RATIO_FROM and info.file_size > limit.compression_ratio * max(info.compress_size, 1):
            limits.check("compression_ratio", info.file_size / max(info.compress_size, 1), name)
        try:
            with self._zip.open(info) as stream:
                return b"".join(self._chunks(stream, name, limit.part_bytes))
        except (*ZIP_ERRORS, ValueError) as error:
            raise _damaged(self.kind, error) from None

    @staticmethod
    def _chunks(stream, name: str, most: int) -> Iterator[bytes]:
        # zipfile stops at the declared size, but a reader that never trusts a size
        # costs nothing: at most ``most`` bytes are ever held.
        read = 0
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            if read > most:
                raise limits.too_large("part_bytes", read, name)
            yield chunk

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), f"{self.kind}文件中的 {name}")


_END = b"PK\x05\x06"  # end of central directory record
_ZIP64_LOCATOR, _ZIP64_END = b"PK\x06\x07", b"PK\x06\x06"


def _declared_members(data: bytes) -> int | None:
    """The member count the end-of-central-directory record declares (or its zip64
    record, for more than 65,535); None when neither is found (zipfile then decides)."""
    at = data.rfind(_END, max(0, len(data) - 65_557))  # the record, then a comment of at most 64 KB
    if at == -1 or at + 22 > len(data):
        return None
    count = int.from_bytes(data[at + 10 : at + 12], "little")
    if count != 0xFFFF:
        return count
    locator = at - 20
    if locator < 0 or data[locator : locator + 4] != _ZIP64_LOCATOR:
        return None
    record = int.from_bytes(data[locator + 8 : locator + 16], "little")
    if data[record : record + 4] != _ZIP64_END:
        return None
    return int.from_bytes(data[record + 32 : record + 40], "little")


def parser() -> etree.XMLParser:
    """No entities resolved (XXE, billion laughs), no DTD, no network, and libxml2's
    limits kept (huge_tree off: depth 256, text nodes up to 10 MB)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(data: bytes, what: str) -> etree._Element:
    try:
        return etree.fromstring(data, parser=parser())
    except etree.XMLSyntaxError as error:
        raise xml_error(error, what) from None


def xml_error(error: etree.XMLSyntaxError, what: str) -> LoadError:
    if error.code == etree.ErrorTypes.ERR_NO_MEMORY:
        raise MemoryError(str(error))  # out of memory, not a damaged file
    if error.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        return LoadError(
            f"{what}的结构超出解析器的上限（元素嵌套超过 256 层，或单段文字超过 10 MB），无法读取。",
            f"XML resource limit: {error}",
        )
    return LoadError(f"{what}已损坏（不是有效的 XML），无法解析。", f"invalid XML: {error}")
