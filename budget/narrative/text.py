"""The narrative's text as a reader takes it: sections, paragraphs (lines a PDF wrapped
mid-sentence joined again), sentences.

Everything here is linear in the length of the text: the narrative of a real document
may be one unpunctuated run of tens of thousands of characters.
"""

from __future__ import annotations

import re

from budget.model import Disclosure

SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
LINE_END = re.compile(r"[。！？：:；;]$")
SPACES = re.compile(r"\s+")
CAPTION = re.compile(r"^图\s*\d{1,2}\s*[：:]")
ITEM_START = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")
PAGE_NUMBER = re.compile(r"^(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)$")


def squash(text: str | None) -> str:
    """Text without any whitespace (names are compared this way)."""
    return SPACES.sub("", text or "")


def unwrap_with_joins(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Paragraphs, with lines that a PDF wrapped mid-sentence joined again, and the
    positions where lines were joined (a doubled word across a join may be an artefact)."""
    paragraphs: list[tuple[str, tuple[int, ...]]] = []
    current: list[str] = []
    length = 0
    joins: list[int] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or PAGE_NUMBER.match(line):
            continue  # a page's number printed inside a paragraph running over the page
        opens = line[0] in "（(" and ITEM_START.match(line)
        if current and (opens or (current[-1][0] == "图" and CAPTION.match(current[-1]))):
            # a figure's caption ("图2：基本支出和项目支出情况") ends where its line does, and a line
            # opening with "（三）" starts an item of its own: neither runs on into the next
            paragraphs.append(("".join(current), tuple(joins)))
            current, joins, length = [], [], 0
        if current:
            joins.append(length)
        current.append(line)
        length += len(line)
        if LINE_END.search(line):
            paragraphs.append(("".join(current), tuple(joins)))
            current, joins, length = [], [], 0
    if current:
        paragraphs.append(("".join(current), tuple(joins)))
    return paragraphs


def unwrap(text: str) -> list[str]:
    return [paragraph for paragraph, _ in unwrap_with_joins(text)]


def section_body(doc: Disclosure, index: int) -> str:
    section = doc.sections[index]
    return f"{section.heading}\n{section.text}" if section.heading else section.text


def section_paragraphs(doc: Disclosure, index: int) -> list[tuple[str, tuple[int, ...]]]:
    """The heading (a paragraph of its own) and the unwrapped paragraphs of a section.

    A page's number taken for a heading ('— 3 —') does not end the section: the text
    under it is read on with the section before, and such a section has none of its own."""
    section = doc.sections[index]
    if PAGE_NUMBER.match(section.heading.strip()) and index > 0:
        return []
    text = section.text
    after = index + 1
    while after < len(doc.sections) and PAGE_NUMBER.match(doc.sections[after].heading.strip()):
        text = f"{text}\n{doc.sections[after].text}"
        after += 1
    heading = [(section.heading.strip(), ())] if section.heading.strip() else []
    return heading + unwrap_with_joins(text)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if s.strip()]


def section_contexts(doc: Disclosure) -> list[str]:
    """For each section: its heading with the heading of the level-1 section above it."""
    contexts = []
    parent = ""
    for section in doc.sections:
        if section.level <= 1:
            parent = section.heading
            contexts.append(section.heading)
        else:
            contexts.append(f"{parent} {section.heading}")
    return contexts


def sentence_span(paragraph: str, position: int) -> tuple[str, int]:
    """The sentence around ``position`` and where it starts in the paragraph."""
    start = max(paragraph.rfind(mark, 0, position) for mark in "。！？") + 1
    ends = [e for e in (paragraph.find(mark, position) for mark in "。！？") if e >= 0]
    end = min(ends) + 1 if ends else len(paragraph)
    return paragraph[start:end], start


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text`` (one pass)."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last one
        pass
    return found
