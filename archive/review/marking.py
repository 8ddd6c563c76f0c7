"""The article text cut into plain and marked stretches, one mark per sentence a fact was read from.

Templates print each stretch with autoescaping; the text is never marked up as a string and then trusted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Stretch:
    text: str
    mark: str = ""  # the id of the <mark> around it; empty for plain text


def locate(body: str, sentence: str) -> tuple[int, int] | None:
    """Where the sentence stands in the text, or None.

    Exactly first; else allowing any run of white space between its words, because sentence splitting
    joins lines and collapses spaces ("Captain  (Navy)" in the text, "Captain (Navy)" in the sentence).
    """
    sentence = sentence.strip()
    if not sentence:
        return None
    start = body.find(sentence)
    if start >= 0:
        return start, start + len(sentence)
    found = re.search(r"\s+".join(map(re.escape, sentence.split())), body)
    return found.span() if found else None


def mark_up(body: str, sentences) -> tuple[list[Stretch], dict[str, str]]:
    """The stretches of `body`, and the mark id of each sentence found in it.

    Sentences that overlap share one mark: a fact's highlight is the whole of its mark, never a piece of one.
    """
    spans = {}
    for sentence in set(sentences):
        where = locate(body, sentence)
        if where:
            spans[sentence] = where
    regions: list[list[int]] = []
    for start, end in sorted(spans.values()):
        if regions and start < regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], end)
        else:
            regions.append([start, end])

    stretches, position = [], 0
    for n, (start, end) in enumerate(regions, 1):
        if start > position:
            stretches.append(Stretch(body[position:start]))
        stretches.append(Stretch(body[start:end], f"s{n}"))
        position = end
    if position < len(body):
        stretches.append(Stretch(body[position:]))

    starts = [start for start, _end in regions]
    # A sentence's mark is the region holding its start: the last one starting at or before it.
    ids = {sentence: f"s{bisect_right(starts, start)}" for sentence, (start, _end) in spans.items()}
    return stretches, ids
