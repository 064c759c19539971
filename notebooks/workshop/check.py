"""Self-checks: the learner names a question and gives an answer; one friendly line comes back.

    from workshop import check
    my_granite_flux = -0.0924
    check.number("02-granite-flux", my_granite_flux)
    my_choice = "b"
    check.choice("03-rpy2-kernel", my_choice)

The expected answers, tolerances, units, hints and explanations are not in the lessons: they
come from answers.txt beside this file (see store.py), so reading a lesson or the website
does not give an answer away. Whatever Python object arrives (a number, text with a unit or
a decimal comma, a whole array, None, a function...), the reply is one line that says what
to do next and never shows the expected answer. Messages follow `workshop.language`.

The R lesson uses the same answers and the same words: its helper (check.R) describes the R
value on standard input to `python3 -m workshop.check r`, which prints the line. So this
module needs nothing but the standard library.

Why not otter-grader's local checks (`grader.check("q1")`, Data 8's choice)? Tried with
otter-grader 7.0: its tests are readable Python files in the learners' folder, and a failed
check prints the test's code, so `abs(my_flux - (-0.0924)) < 0.0005` shows the answer; a
None, a string or an array gets a multi-line doctest report with a traceback; R needs the
ottr package; and it adds about 90 packages to the environment. It shines at grading
submitted work, which this workshop does not do.
"""
from __future__ import annotations

import math
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation
from numbers import Complex, Integral, Real
from urllib.parse import unquote

from . import language, store

RIGHT = {"en": "✅ Well done: {}", "zh-TW": "✅ 答對了：{}"}
NOT_YET = {"en": "❌ Not yet: {}", "zh-TW": "❌ 還沒：{}"}

# How the same advice is written in each programming language.
CODE = {
    "python": {"first": "[0]", "index": "[{}]", "count": ".sum()", "nothing": "None",
               "blank": "...", "offset": 0},
    "r": {"first": "[1]", "index": "[{}]", "count": "sum(...)", "nothing": "NULL",
          "blank": "NA", "offset": 1},
}

MESSAGES = {
    "blank_number": {
        "en": "replace the {blank} with your answer (just the number), then run the cell again.",
        "zh-TW": "把 {blank} 換成你的答案（只要數字），再執行一次這個儲存格。",
    },
    "blank_choice": {
        "en": "type the letter of your choice ({letters}) between the quotes, then run the cell again.",
        "zh-TW": "在引號之間打上你選的字母（{letters}），再執行一次這個儲存格。",
    },
    "nothing": {
        "en": "your answer is {nothing}, which means \"nothing\": the code that made it showed its "
              "result instead of giving it back. Type the number it showed.",
        "zh-TW": "你的答案是 {nothing}，意思是「沒有東西」：產生它的程式只把結果顯示出來，沒有把它交回來。"
                 "請直接打上顯示出來的數字。",
    },
    "nothing_choice": {
        "en": "your answer is {nothing}, which means \"nothing\": type the letter ({letters}) between the quotes.",
        "zh-TW": "你的答案是 {nothing}，意思是「沒有東西」：請在引號之間打上字母（{letters}）。",
    },
    "right_number": {
        "en": "{shown} {unit} is right.",
        "zh-TW": "{shown} {unit} 是對的。",
    },
    "too_high": {"en": "{shown} {unit} is too high. {hint}", "zh-TW": "{shown} {unit} 太大了。{hint}"},
    "too_low": {"en": "{shown} {unit} is too low. {hint}", "zh-TW": "{shown} {unit} 太小了。{hint}"},
    "rounded": {
        "en": "close: {shown} is the answer rounded too much. Keep more digits (at least {decimals} after the point).",
        "zh-TW": "很接近了：{shown} 四捨五入得太多。請多保留幾位（小數點後至少 {decimals} 位）。",
    },
    "rounded_whole": {
        "en": "close: {shown} is the answer rounded too much. Keep more digits (round to a whole number at most).",
        "zh-TW": "很接近了：{shown} 四捨五入得太多。請多保留幾位（最多只捨入到整數）。",
    },
    "unit_slip": {
        "en": "{shown} is off by a factor of {factor}: check the unit. The answer is in {unit}.",
        "zh-TW": "{shown} 差了 {factor} 倍：請檢查單位。答案的單位是 {unit}。",
    },
    "wrong_sign": {
        "en": "the size is right, but the sign is not: {sign}",
        "zh-TW": "大小對了，但正負號不對：{sign}",
    },
    "wrong_sign_generic": {
        "en": "the size is right, but the sign is not: should it be positive or negative?",
        "zh-TW": "大小對了，但正負號不對：答案應該是正的還是負的？",
    },
    "mistake": {"en": "{shown}: {say}", "zh-TW": "{shown}：{say}"},
    "not_whole": {
        "en": "{shown} is not a whole number, and this answer counts things. {hint}",
        "zh-TW": "{shown} 不是整數，而這題的答案是在數個數。{hint}",
    },
    "nan": {
        "en": "your answer is NaN (\"not a number\"), often a sign of missing data or a "
              "calculation on nothing. {hint}",
        "zh-TW": "你的答案是 NaN（「不是數字」），通常表示資料有缺漏，或是對空的資料做了計算。{hint}",
    },
    "infinite": {
        "en": "your answer is infinite, often a sign of dividing by zero. {hint}",
        "zh-TW": "你的答案是無限大，通常是除以零造成的。{hint}",
    },
    "too_big": {
        "en": "that number is far too big for a computer to calculate with (about {digits} digits). {hint}",
        "zh-TW": "這個數字太大了，電腦沒辦法拿來計算（大約有 {digits} 位數）。{hint}",
    },
    "complex": {
        "en": "that is a complex number (it has an imaginary part, j); the answer is an ordinary number.",
        "zh-TW": "這是複數（帶有虛部 j）；答案是一般的實數。",
    },
    "bool_number": {
        "en": "{shown} answers a yes-or-no question; this one wants a number.",
        "zh-TW": "{shown} 是回答是非題用的；這題要的是數字。",
    },
    "trues_to_count": {
        "en": "that is a True/False for each of {n} rows; count the Trues with {count}.",
        "zh-TW": "這是 {n} 列各自的 True/False；用 {count} 數出有幾個 True。",
    },
    "several_numbers": {
        "en": "that is {n} numbers, and the answer is one number. {pick}",
        "zh-TW": "這是 {n} 個數字，而答案只有一個數字。{pick}",
    },
    "pick_generic": {
        "en": "Pick one with its position in square brackets: {first} is the first.",
        "zh-TW": "用方括號裡的位置取出其中一個：{first} 是第一個。",
    },
    "pick_this_one": {
        "en": "The one you want is {where}: take it out with {where}.",
        "zh-TW": "你要的是 {where} 那一個：用 {where} 把它取出來。",
    },
    "one_in_a_list": {
        "en": "that is a list holding one number: take the number out with {first}.",
        "zh-TW": "這是只裝了一個數字的串列：用 {first} 把數字取出來。",
    },
    "empty": {
        "en": "that holds nothing at all (it is empty): check the step that made it.",
        "zh-TW": "這裡面什麼都沒有（是空的）：請檢查產生它的那一步。",
    },
    "table": {
        "en": "that is a whole table; the answer is one number computed from it.",
        "zh-TW": "這是一整張表格；答案是從它算出來的一個數字。",
    },
    "texts": {
        "en": "that is a list of texts; the answer is one number, typed without quotes.",
        "zh-TW": "這是一串文字；答案是一個數字，打的時候不用加引號。",
    },
    "mixed": {
        "en": "that is a collection of {n} things; the answer is one number.",
        "zh-TW": "這是 {n} 個東西的集合；答案是一個數字。",
    },
    "dictionary": {
        "en": "that is a dictionary (names with values); the answer is one number.",
        "zh-TW": "這是字典（名稱對應到值）；答案是一個數字。",
    },
    "iterator": {
        "en": "that is an iterator ({kind}), which hands out values one at a time: wrap it in "
              "list(...) to see them. The answer is one number.",
        "zh-TW": "這是迭代器（{kind}），一次只交出一個值：用 list(...) 包起來就看得到內容。答案是一個數字。",
    },
    "function": {
        "en": "that is a function itself, not its result: call it, with round brackets ( ) after its name.",
        "zh-TW": "這是函式本身，不是它的結果：要呼叫它，在名稱後面加上圓括號 ( )。",
    },
    "module": {
        "en": "that is a whole module (a package of tools), not a number.",
        "zh-TW": "這是整個模組（一組工具），不是數字。",
    },
    "bytes": {
        "en": "that is bytes (the b before the quotes); type just the number, without quotes.",
        "zh-TW": "這是位元組（引號前面有 b）；請只打數字，不要加引號。",
    },
    "bytes_choice": {
        "en": "that is bytes (the b before the quotes); type just the letter ({letters}) between plain quotes.",
        "zh-TW": "這是位元組（引號前面有 b）；請在一般的引號之間只打字母（{letters}）。",
    },
    "other_number": {
        "en": "a {kind} is not a number; type just the number, such as 12.5.",
        "zh-TW": "{kind} 不是數字；請只打數字，例如 12.5。",
    },
    "empty_text": {
        "en": "the quotes are empty: type just the number, without quotes.",
        "zh-TW": "引號裡是空的：請只打數字，不要加引號。",
    },
    "no_number_in_text": {
        "en": "{shown} has no number in it; type just the number, without quotes, such as 12.5.",
        "zh-TW": "{shown} 裡面沒有數字；請只打數字，不要加引號，例如 12.5。",
    },
    "several_in_text": {
        "en": "{shown} has {n} numbers in it; the answer is one number.",
        "zh-TW": "{shown} 裡面有 {n} 個數字；答案只有一個數字。",
    },
    "note_text": {
        "en": "(Next time leave out the quotes: a number needs none.)",
        "zh-TW": "（下次不用加引號：數字不需要引號。）",
    },
    "note_comma": {
        "en": "(Your decimal comma was read as a point: Python writes 12.5, not 12,5.)",
        "zh-TW": "（你的小數逗號被當成小數點：Python 寫成 12.5，不是 12,5。）",
    },
    "note_minus": {
        "en": "(Your minus sign was a look-alike character; Python's minus is the plain - key.)",
        "zh-TW": "（你的負號是長得很像的其他字元；Python 的負號是鍵盤上一般的 - 鍵。）",
    },
    "right_choice": {"en": "{explanation}", "zh-TW": "{explanation}"},
    "wrong_choice": {"en": "{explanation}", "zh-TW": "{explanation}"},
    "not_an_option": {
        "en": "{shown} is not one of the choices: type one of {letters} between the quotes.",
        "zh-TW": "{shown} 不是選項之一：請在引號之間打上 {letters} 其中一個。",
    },
    "one_letter": {
        "en": "{shown} holds more than one letter: pick one, {letters}.",
        "zh-TW": "{shown} 裡有不只一個字母：請只選一個，{letters}。",
    },
    "number_for_choice": {
        "en": "{shown} is not a letter: type the letter of your choice ({letters}) between the quotes.",
        "zh-TW": "{shown} 不是字母：請在引號之間打上你選的字母（{letters}）。",
    },
    "other_choice": {
        "en": "a {kind} is not a letter: type the letter of your choice ({letters}) between the quotes.",
        "zh-TW": "{kind} 不是字母：請在引號之間打上你選的字母（{letters}）。",
    },
    "list_choice": {
        "en": "that is a list; type just one letter ({letters}) between the quotes, with no square brackets.",
        "zh-TW": "這是串列；請在引號之間只打一個字母（{letters}），不要加方括號。",
    },
    "unknown_question": {
        "en": "there is no self-check called {qid!r}; check its name, or get a fresh copy of the workshop.",
        "zh-TW": "沒有叫做 {qid!r} 的自我檢查；請檢查名稱，或重新取得一份完整的工作坊檔案。",
    },
    "no_store": {
        "en": "the self-checks' answers (workshop/answers.txt) are missing or damaged: "
              "get a fresh copy of the workshop.",
        "zh-TW": "自我檢查的答案檔（workshop/answers.txt）不見了或已損壞：請重新取得一份完整的工作坊檔案。",
    },
    "could_not_read": {
        "en": "the check could not read this answer; type just a number (such as 12.5) or a letter between quotes.",
        "zh-TW": "檢查程式讀不懂這個答案；請只打數字（例如 12.5），或在引號之間打上字母。",
    },
    "or": {"en": " or ", "zh-TW": " 或 "},
    "comma": {"en": ", ", "zh-TW": "、"},
}

_MINUS_LOOKALIKES = "\u2212\u2012\u2013\u2014\u2015\ufe63\uff0d"
# A number in text; digits stuck to letters (m2, CO2, x10) belong to a word, not a number.
_NUMBER = re.compile(r"(?<![A-Za-z_\d.])[-+]?(?:\d[\d,. ]*\d|\d)(?:[eE][-+]?\d+)?")
_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?")
_SHOWN_LENGTH = 40


class _RValue:
    """A stand-in for an R value that has no Python twin (NA, a data frame, a function...)."""

    def __init__(self, what: str):
        self.what = what


def _say(messages_key: str, **values) -> str:
    return language.text(MESSAGES, messages_key, **values)


def _pick_text(texts) -> str:
    """A question's text (a unit, a hint...) in the current language."""
    if not texts:
        return ""
    if isinstance(texts, str):
        return texts
    return texts.get(language.current()) or texts.get("en", "")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _shown(answer) -> str:
    """A short, safe picture of the learner's own answer (never more than one line)."""
    try:
        text = repr(answer)
    except Exception:
        text = f"<{type(answer).__name__}>"
    text = _one_line(text)
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH - 1] + "…"


def _number_shown(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".12g")


def _decimals_of(value: float, typed: str | None) -> int:
    """How many digits after the point the learner gave, from what they typed if it was
    text; a whole number with trailing zeros counts them negatively (150 -> -1)."""
    text = typed if typed is not None else repr(value)
    try:
        exponent = Decimal(text.strip().lower().replace("+", "")).as_tuple().exponent
    except (InvalidOperation, ValueError):
        return 12
    if not isinstance(exponent, int):
        return 12
    if exponent < 0:
        return -exponent
    whole = int(value)
    zeros = 0
    while whole and whole % 10 == 0 and zeros < 12:
        whole //= 10
        zeros += 1
    return -zeros - exponent


def _decimals_needed(expected: float, tolerance: float) -> int:
    for decimals in range(0, 12):
        if abs(round(expected, decimals) - expected) <= tolerance:
            return decimals
    return 12


# ---------------------------------------------------------------------------------------------
# Reading a number out of text

def _parse_text(text: str, unit: str = ""):
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


# ---------------------------------------------------------------------------------------------
# What kind of object arrived

def _is_function(answer) -> bool:
    return callable(answer) and type(answer).__name__ in {
        "function", "builtin_function_or_method", "method", "method-wrapper", "partial",
        "ufunc", "_ArrayFunctionDispatcher", "cython_function_or_method", "wrapper_descriptor",
    } or isinstance(answer, _RValue) and answer.what == "function"


def _elements(answer, limit: int = 100_000):
    """The values of a list-like answer as a Python list, or None if it is not list-like."""
    if isinstance(answer, (str, bytes, bytearray, dict)):
        return None
    shape = getattr(answer, "shape", None)
    if shape is not None and not isinstance(shape, tuple):
        shape = None
    if shape is not None and len(shape) >= 2:
        return None  # a table; handled by the caller
    tolist = getattr(answer, "tolist", None)
    if callable(tolist) and shape is not None:
        values = tolist()
        return values if isinstance(values, list) else [values]
    if isinstance(answer, (list, tuple, set, frozenset, range)):
        return list(answer)[:limit]
    if hasattr(answer, "__len__") and hasattr(answer, "__iter__") and not hasattr(answer, "__next__"):
        return list(answer)[:limit]  # dict_keys, dict_values, deque, ...
    return None


def _is_table(answer) -> bool:
    shape = getattr(answer, "shape", None)
    return (isinstance(shape, tuple) and len(shape) >= 2) or (
        isinstance(answer, _RValue) and answer.what == "data.frame")


def _is_bool(value) -> bool:
    return isinstance(value, bool) or type(value).__name__ in {"bool_", "bool"}


def _scalar(answer):
    """A 0-dimensional array or a one-value numpy/pandas scalar as a plain Python value."""
    shape = getattr(answer, "shape", None)
    item = getattr(answer, "item", None)
    if shape == () and callable(item):
        return item()
    return answer


# ---------------------------------------------------------------------------------------------
# Numbers

def _judge_number(question: dict, value: float, typed: str | None, notes: list[str]) -> tuple[bool, str]:
    """Right or not, and the one diagnosis that fits this value (the first that applies)."""
    expected = float(question["expected"])
    tolerance = float(question.get("tolerance", 0))
    unit = _pick_text(question.get("unit"))
    hint = _pick_text(question.get("hint"))
    counting = bool(question.get("count"))
    slack = 1e-9 * max(1.0, abs(expected))

    if math.isnan(value):
        return False, _say("nan", hint=hint)
    if math.isinf(value):
        return False, _say("infinite", hint=hint)
    shown = _number_shown(value)
    if abs(value - expected) <= tolerance + slack:
        space = "" if language.current() == "zh-TW" else " "
        return True, space.join([_say("right_number", shown=shown, unit=unit)] + [_say(n) for n in notes])
    if counting and value != int(value):
        return False, _say("not_whole", shown=shown, hint=hint)

    mistakes = [m for m in question.get("mistakes", [])
                if abs(value - m["value"]) <= m["tolerance"] + slack]
    if mistakes:
        closest = min(mistakes, key=lambda m: abs(value - m["value"]))
        return False, _say("mistake", shown=shown, say=_pick_text(closest["say"]))

    # Rounded too much: the value is exactly the answer rounded (or cut) to the digits given.
    decimals = _decimals_of(value, typed)
    needed = _decimals_needed(expected, tolerance)

    def is_shortened(target: float) -> bool:
        step = 10.0 ** -decimals
        cut = math.trunc(target / step) * step
        return any(abs(value - candidate) <= slack + 1e-12 * abs(value)
                   for candidate in (round(target, decimals), cut))

    if value != 0 and not counting and decimals < needed:
        if is_shortened(expected):
            key = "rounded" if needed > 0 else "rounded_whole"
            return False, _say(key, shown=shown, decimals=needed)

    if value != 0 and expected != 0 and (abs(value + expected) <= tolerance + slack
                                         or decimals < needed and is_shortened(-expected)):
        sign = _pick_text(question.get("sign"))
        return False, _say("wrong_sign", sign=sign) if sign else _say("wrong_sign_generic")

    if not counting and expected != 0 and value != 0:
        rounding = 0.5 * 10.0 ** -decimals
        for factor in (10, 100, 1000, 1_000_000):
            if (abs(value / factor - expected) <= max(tolerance, rounding / factor) + slack
                    or abs(value * factor - expected) <= max(tolerance, rounding * factor) + slack):
                return False, _say("unit_slip", shown=shown, factor=f"{factor:,}", unit=unit)

    key = "too_high" if value > expected else "too_low"
    return False, _say(key, shown=shown, unit=unit, hint=hint)


def _number_feedback(question: dict, answer, code: dict) -> tuple[bool, str]:
    hint = _pick_text(question.get("hint"))
    answer = _scalar(answer)
    if answer is ... or isinstance(answer, _RValue) and answer.what == "NA":
        return False, _say("blank_number", blank=code["blank"])
    if answer is None:
        return False, _say("nothing", nothing=code["nothing"])
    if _is_bool(answer):
        shown = ("TRUE" if answer else "FALSE") if code is CODE["r"] else _shown(answer)
        return False, _say("bool_number", shown=shown)
    if type(answer).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return False, _say("nan", hint=hint)
    if isinstance(answer, str):
        if not answer.strip():
            return False, _say("empty_text")
        parsed, problem, count = _parse_text(answer, _pick_text(question.get("unit")))
        if problem:
            return False, _say(problem, shown=_shown(answer), n=count)
        value, typed, notes = parsed
        for note in [n for n in notes if isinstance(n, tuple)]:
            notes.remove(note)
            other = note[1]   # the other reading of an ambiguous comma, if it is the right one
            if abs(other - float(question["expected"])) <= float(question.get("tolerance", 0)):
                value, typed = other, str(other)
                notes.append("note_comma")
        return _judge_number(question, value, typed, notes)
    if isinstance(answer, (bytes, bytearray)):
        return False, _say("bytes")
    if isinstance(answer, (Real, Decimal)):
        try:
            value = float(answer)
        except OverflowError:
            digits = math.floor(math.log10(abs(answer))) + 1
            return False, _say("too_big", digits=f"{digits:,}", hint=hint)
        except (ValueError, ArithmeticError):  # Decimal('sNaN') and other odd numbers
            return False, _say("nan", hint=hint)
        typed = str(int(answer)) if isinstance(answer, Integral) else None  # 358, not 358.0
        return _judge_number(question, value, typed, [])
    if isinstance(answer, Complex):
        return False, _say("complex")
    if isinstance(answer, dict):
        return False, _say("dictionary")
    if _is_table(answer):
        return False, _say("table")
    if _is_function(answer):
        return False, _say("function")
    if type(answer).__name__ == "module":
        return False, _say("module")
    values = _elements(answer)
    if values is not None:
        return _several_values(question, values, code)
    if hasattr(answer, "__next__") and hasattr(answer, "__iter__"):
        return False, _say("iterator", kind=type(answer).__name__)
    return False, _say("other_number", kind=_kind(answer))


def _kind(answer) -> str:
    return answer.what if isinstance(answer, _RValue) else type(answer).__name__


def _several_values(question: dict, values: list, code: dict) -> tuple[bool, str]:
    values = [_scalar(v) for v in values]
    if not values:
        return False, _say("empty")
    if all(_is_bool(v) for v in values):
        if question.get("count"):
            return False, _say("trues_to_count", n=len(values), count=code["count"])
        return False, _say("several_numbers", n=len(values), pick="")
    if all(isinstance(v, str) for v in values):
        return False, _say("texts")
    if not all(isinstance(v, Real) and not _is_bool(v) for v in values):
        return False, _say("mixed", n=len(values))
    if len(values) == 1:
        return False, _say("one_in_a_list", first=code["first"])
    expected, tolerance = float(question["expected"]), float(question.get("tolerance", 0))
    right = []
    for position, v in enumerate(values[:100_000]):
        try:
            if abs(float(v) - expected) <= tolerance + 1e-9 * max(1.0, abs(expected)):
                right.append(position)
        except (OverflowError, ValueError, TypeError):
            continue
    if len(right) == 1:
        where = code["index"].format(right[0] + code["offset"])
        pick = _say("pick_this_one", where=where)
    else:
        pick = _pick_text(question.get("pick")) or _say("pick_generic", first=code["first"])
    return False, _say("several_numbers", n=len(values), pick=pick)


# ---------------------------------------------------------------------------------------------
# Choices

def _letters(question: dict) -> str:
    letters = [f'"{letter}"' for letter in sorted(question["options"])]
    return _say("comma").join(letters[:-1]) + _say("or") + letters[-1] if len(letters) > 1 else letters[0]


def _choice_feedback(question: dict, answer, code: dict) -> tuple[bool, str]:
    letters = _letters(question)
    options = question["options"]
    answer = _scalar(answer)
    if answer is ... or isinstance(answer, _RValue) and answer.what == "NA":
        return False, _say("blank_choice", letters=letters)
    if answer is None:
        return False, _say("nothing_choice", nothing=code["nothing"], letters=letters)
    if isinstance(answer, (bytes, bytearray)):
        return False, _say("bytes_choice", letters=letters)
    if _is_bool(answer) or isinstance(answer, Complex):
        return False, _say("number_for_choice", shown=_shown(answer), letters=letters)
    if isinstance(answer, str):
        text = unicodedata.normalize("NFKC", answer).strip().lower()
        text = text.strip("\"'`“”‘’ ").strip()
        if not text:
            return False, _say("blank_choice", letters=letters)
        match = re.fullmatch(r"[(\[]?\s*([a-z])\s*[)\].:]?", text)
        if not match:
            found = set(re.findall(r"(?<![a-z])([a-z])(?![a-z])", text)) & set(options)
            if len(found) > 1 or re.fullmatch(r"[a-z]{2,4}", text) and set(text) <= set(options):
                return False, _say("one_letter", shown=_shown(answer), letters=letters)
            return False, _say("not_an_option", shown=_shown(answer), letters=letters)
        letter = match.group(1)
        if letter not in options:
            return False, _say("not_an_option", shown=_shown(answer), letters=letters)
        explanation = _pick_text(options[letter])
        if letter == question["correct"]:
            return True, _say("right_choice", explanation=explanation)
        return False, _say("wrong_choice", explanation=explanation)
    if isinstance(answer, (list, tuple, set, frozenset)) or _elements(answer) is not None:
        return False, _say("list_choice", letters=letters)
    return False, _say("other_choice", kind=_kind(answer), letters=letters)


# ---------------------------------------------------------------------------------------------
# The learner's entry points

def feedback(question_id: str, answer, code: str = "python") -> str:
    """The one line a self-check prints for `answer` to question `question_id`."""
    try:
        try:
            questions = store.load()
        except (OSError, ValueError, UnicodeError):
            return NOT_YET.get(language.current(), NOT_YET["en"]).format(_say("no_store"))
        question = questions.get(str(question_id))
        if question is None:
            ok, message = False, _say("unknown_question", qid=str(question_id)[:_SHOWN_LENGTH])
        elif question["kind"] == "choice":
            ok, message = _choice_feedback(question, answer, CODE[code])
        else:
            ok, message = _number_feedback(question, answer, CODE[code])
    except Exception:  # whatever the object does, the learner gets one line, never a traceback
        ok, message = False, _say("could_not_read")
    frame = (RIGHT if ok else NOT_YET)
    return _one_line(frame.get(language.current(), frame["en"]).format(_one_line(message)))


def _print_line(line: str) -> None:
    # One write for the whole line, so the notebook never receives it in two pieces.
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def number(question_id: str, answer) -> None:
    """Check a number: prints one line. Returns nothing, so the cell shows only that line."""
    _print_line(feedback(question_id, answer))


def choice(question_id: str, answer) -> None:
    """Check a multiple-choice letter: prints one line."""
    _print_line(feedback(question_id, answer))


# ---------------------------------------------------------------------------------------------
# For R: `python3 -m workshop.check r` reads the description check.R writes

def _from_r(lines: list[str]):
    """(question id, Python value) from check.R's description of an R value."""
    fields = {"value": []}
    for line in lines:
        key, _, rest = line.rstrip("\n").partition("\t")
        if key == "value":
            fields["value"].append(None if rest == "NA" else unquote(rest))
        else:
            fields[key] = rest
    kind, values = fields.get("class", "other"), fields["value"]
    length = int(fields.get("length", len(values)) or 0)

    def number(text):
        return float("nan") if text is None else float(text)

    if kind == "NULL":
        value = None
    elif kind in ("numeric", "integer", "logical", "character", "factor"):
        if length == 1 and values and values[0] is None:
            value = _RValue("NA")
        elif kind in ("numeric", "integer"):
            value = [number(v) for v in values]
        elif kind == "logical":
            value = [v == "TRUE" if v is not None else _RValue("NA") for v in values]
        else:
            value = [v if v is not None else _RValue("NA") for v in values]
        if length == 1 and isinstance(value, list):
            value = value[0]
    elif kind == "list":
        value = [_RValue("element")] * max(length, 0)
    else:
        value = _RValue(kind)
    return fields.get("question", ""), value, fields.get("language", "en")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["r"]:
        print("usage: python3 -m workshop.check r < description (written by workshop/check.R)")
        return 2
    question_id, value, wanted = _from_r(sys.stdin.read().splitlines())
    if wanted in language.LANGUAGES:
        language.use(wanted)
    print(feedback(question_id, value, code="r"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
