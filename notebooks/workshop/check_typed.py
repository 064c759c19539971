"""Reading a number out of the text a learner typed between quotes: '−12,5 W/m²' is -12.5,
with notes on what was read differently (the quotes, a decimal comma, a look-alike minus)
so the feedback can teach the plain way to write it.
"""
from __future__ import annotations

import re
import unicodedata

_MINUS_LOOKALIKES = "\u2212\u2012\u2013\u2014\u2015\ufe63\uff0d"
# A number in text; digits stuck to letters (m2, CO2, x10) belong to a word, not a number.
_NUMBER = re.compile(r"(?<![A-Za-z_\d.])[-+]?(?:\d[\d,. ]*\d|\d)(?:[eE][-+]?\d+)?")
_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?")


def parse_text(text: str, unit: str = ""):
    """((value, typed number, notes), None, 0) from text such as '−12,5 W/m²', or
    (None, reason, how many numbers) when it holds no number or several."""
    notes = ["note_text"]
    if unit:
        text = text.replace(unit, " ")
    clean = unicodedata.normalize("NFKC", text)
    if any(ch in clean for ch in _MINUS_LOOKALIKES):
        notes.append("note_minus")
        for ch in _MINUS_LOOKALIKES:
            clean = clean.replace(ch, "-")
    numbers = []
    for chunk in _NUMBER.findall(clean):
        for part in re.split(r",\s+|;", chunk):
            words = part.split()
            if len(words) > 1 and re.fullmatch(r"[-+]?\d{1,3}", words[0]) and all(
                    re.fullmatch(r"\d{3}", w) for w in words[1:]):
                words = ["".join(words)]             # 1 000 000, with spaces between thousands
            for word in words:
                if word.count(",") > 1 and not _THOUSANDS.fullmatch(word):
                    numbers += [w for w in word.split(",") if w]   # 1,2,3: three numbers
                elif word:
                    numbers.append(word)
    if not numbers:
        return None, "no_number_in_text", 0
    if len(numbers) > 1:
        return None, "several_in_text", len(numbers)
    number = numbers[0]
    if _THOUSANDS.fullmatch(number):
        if re.fullmatch(r"[-+]?\d{1,3},\d{3}", number):   # 1,234: a thousand, or 1.234?
            notes.append(("or", float(number.replace(",", "."))))
        number = number.replace(",", "")          # 1,000 or 12,345.6
    elif "," in number and "." in number:         # 1.234,5 (a European thousands point)
        number = number.replace(".", "").replace(",", ".")
        notes.append("note_comma")
    elif "," in number:                           # 12,5: a decimal comma, never 125
        number = number.replace(",", ".")
        notes.append("note_comma")
    try:
        return (float(number), number, notes), None, 0
    except ValueError:
        return None, "no_number_in_text", 0
