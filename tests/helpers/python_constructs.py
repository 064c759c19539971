"""What a piece of Python uses, in a beginner's words: the constructs and the names it calls.

Read with Python's own parser (`ast`); helpers.taught compares the result with what the
lessons taught before an exercise.
"""
from __future__ import annotations

import ast
import io
import re
import tokenize

# Node type -> the construct it is, in the words a lesson would teach it with.
PLAIN = {
    ast.JoinedStr: 'an f-string, such as f"{x}"',
    ast.ListComp: "a list comprehension, such as [f(x) for x in items]",
    ast.GeneratorExp: "a comprehension in ( ) or { }",
    ast.SetComp: "a comprehension in ( ) or { }",
    ast.DictComp: "a comprehension in ( ) or { }",
    ast.For: "a for loop",
    ast.AsyncFor: "a for loop",
    ast.While: "a while loop",
    ast.If: "if",
    ast.IfExp: "if",
    ast.FunctionDef: "def (a function of your own)",
    ast.AsyncFunctionDef: "def (a function of your own)",
    ast.Lambda: "lambda",
    ast.With: "with",
    ast.Try: "try/except",
    ast.ClassDef: "class",
    ast.AugAssign: "+= and its kind",
    ast.Dict: "a dictionary, such as {name: value}",
    ast.Compare: "a comparison, such as x >= 5",
    ast.BoolOp: "and / or",
    ast.Starred: "* before a name, as in f(*items)",
    ast.NamedExpr: ":= inside an expression",
}


def _subscript_kind(node: ast.Subscript) -> str:
    index = node.slice
    if isinstance(index, ast.Slice):
        return "a slice in square brackets, such as [:5]"
    if isinstance(index, ast.Constant) and isinstance(index.value, str):
        return 'a name in square brackets, such as table["column"]'
    if isinstance(index, (ast.Constant, ast.UnaryOp)):
        return "a position in square brackets, such as [0] or [-1]"
    if isinstance(index, (ast.Compare, ast.BinOp, ast.BoolOp)):
        return 'a condition in square brackets, such as table[table["year"] >= 2010]'
    return "a value in square brackets, such as items[name]"


def _node_constructs(node: ast.AST) -> set[str]:
    """The constructs one node is: from PLAIN, or from a look at its parts."""
    if type(node) in PLAIN:
        return {PLAIN[type(node)]}
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        found = {"import"}
        if isinstance(node, ast.ImportFrom):
            found.add("from ... import")
        if any(alias.asname for alias in node.names):
            found.add("import ... as (a short name)")
        return found
    if isinstance(node, ast.Subscript):
        return {_subscript_kind(node)}
    if isinstance(node, ast.Call):
        found = set()
        if any(k.arg for k in node.keywords):
            found.add("a named argument, such as round(x, ndigits=2)")
        if isinstance(node.func, ast.Attribute):
            found.add("a dotted call, such as np.sqrt(2) or table.head()")
        return found
    if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
        return {'a number format in an f-string, such as f"{x:.2f}"'}
    if isinstance(node, ast.Assign) and any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets):
        return {"several names at once, such as slope, intercept = ..."}
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
        return {"& or | between conditions"}
    return set()


# Ways of writing a number that code shows but does not explain: a learner who meets
# `3e-9` or `496_000` cannot guess what they mean, so only a lesson's text teaches them.
E_NOTATION = "a number in e-notation, such as 3e-9 (3 times 10 to the power -9)"
UNDERSCORES = "underscores between digits, such as 496_000"
NOTATIONS = {E_NOTATION, UNDERSCORES}
# The same notations named in a lesson's text, in `backticks`: `3e-9`, `e-02`, `496_000`.
_EXPLAINED = {E_NOTATION: re.compile(r"`[^`\n]*(?:\d|\b)[eE][-+]?\d[^`\n]*`"),
              UNDERSCORES: re.compile(r"`[^`\n]*\d_\d[^`\n]*`")}


def number_notations(source: str) -> set[str]:
    """The notations the numbers in a piece of Python are written in (read as Python reads them)."""
    found = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NUMBER:
                text = token.string.lower()
                if "_" in text:
                    found.add(UNDERSCORES)
                if "e" in text and not text.startswith("0x"):
                    found.add(E_NOTATION)
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def notations_named(text: str) -> set[str]:
    """The number notations a lesson's Markdown shows in `code`, where it can explain them."""
    return {notation for notation, pattern in _EXPLAINED.items() if pattern.search(text)}


def constructs(source: str) -> set[str]:
    """The constructs a piece of Python uses, each in the words a lesson would teach it with."""
    found = set()
    lines = []
    for line in source.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("%%"):
            return found | {"a %% cell magic (another language in a cell)"}
        if stripped.startswith("!"):
            found.add("a terminal command after !")
        elif stripped.startswith("%"):
            found.add("an IPython magic, such as %load_ext")
        lines.append("" if stripped.startswith(("!", "%")) else line)
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return found | {"code that is not valid Python"}
    found |= number_notations("\n".join(lines))
    for node in ast.walk(tree):
        found |= _node_constructs(node)
    return found


def names_called(source: str) -> set[str]:
    """The functions and methods a piece of Python calls, by name (polyfit, sum, print...)."""
    lines = ["" if line.lstrip().startswith(("!", "%")) else line for line in source.splitlines()]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return set()
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                called.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                called.add(node.func.attr)
    return called
