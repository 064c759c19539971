"""The code of a cell as a stream of tokens, with string literals and comments left out.

Two editions of a lesson must run the same code; only what people read (strings, comments)
may be translated. Comparing these streams says exactly that:

    code_tokens('print("hello")  # greet', "python") == code_tokens('print("你好")', "python")

Python cells go through Python's own tokenizer. IPython lines (`%magic`, `!shell`) and cells in
another language (`%%R`, `%%bash`, an R notebook) go through a small tokenizer that knows
quotes and `#` comments, which R and the shell share.
"""
from __future__ import annotations

import io
import re
import tokenize

STRING = "<string>"
# Quoted strings (with backslash escapes), comments, then words, numbers and operators.
_OTHER = re.compile(r"""
    (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)
  | (?P<comment>\#[^\n]*)
  | (?P<space>\s+)
  | (?P<word>[\w.]+)
  | (?P<other>[^\w\s"'`#]+)
""", re.X | re.S)
_SKIP_PYTHON = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER}


def other_language_tokens(source: str) -> list[str]:
    """Tokens of R or shell code: strings become one placeholder, comments and spaces vanish."""
    tokens = []
    for match in _OTHER.finditer(source):
        kind = match.lastgroup
        if kind == "string":
            tokens.append(STRING)
        elif kind in ("word", "other"):
            tokens.append(match.group())
    return tokens


def python_tokens(source: str) -> list[str]:
    """Tokens of a Python cell; IPython's % and ! lines are read as another language."""
    tokens, python_lines = [], []

    def flush():
        if python_lines:
            text = "\n".join(python_lines) + "\n"
            for token in tokenize.generate_tokens(io.StringIO(text).readline):
                if token.type in _SKIP_PYTHON:
                    continue
                is_string = token.type == tokenize.STRING or token.type in _FSTRING_PARTS
                if is_string:
                    if not tokens or tokens[-1] != STRING:  # an f-string comes in parts (3.12+)
                        tokens.append(STRING)
                else:
                    tokens.append(token.string)
            python_lines.clear()

    for line in source.splitlines():
        if line.lstrip().startswith(("%", "!")):
            flush()
            tokens.extend(other_language_tokens(line))
        else:
            python_lines.append(line)
    flush()
    return tokens


_FSTRING_PARTS = {getattr(tokenize, name) for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
                  if hasattr(tokenize, name)}


def code_tokens(source: str, language: str) -> list[str]:
    """The tokens of one code cell in a notebook whose kernel speaks `language`."""
    if language.lower() != "python":
        return other_language_tokens(source)
    first, _, rest = source.lstrip().partition("\n")
    if first.startswith("%%"):  # a cell magic: the body is R, shell, ...
        return other_language_tokens(first) + other_language_tokens(rest)
    return python_tokens(source)
