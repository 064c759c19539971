"""The self-checks' answer store: expected values, hints and explanations, scrambled.

`answers.txt` beside this file is made from the readable source `tools/selfchecks.yml` by
the maintainers' command `workshop-selfchecks`; never edit it by hand. It is scrambled (a fixed XOR, then
base64) only so that a learner who opens it, or the workshop's folder, does not read an
answer by accident before trying. It is not a secret: the folded solutions in the lessons
say the same. Standard library only, like everything the self-checks use.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path

STORE = Path(__file__).resolve().parent / "answers.txt"
HEADER = ("# Self-check answers, scrambled so that nobody reads one by accident. Made from "
          "tools/selfchecks.yml by workshop-selfchecks: do not edit.")
_KEY = b"Try the exercise first; the folded solution explains every answer."
_WIDTH = 76


def _scramble(data: bytes) -> bytes:
    # XOR is its own inverse: the same function scrambles and unscrambles. Done on two big
    # integers: byte by byte in Python took 9 ms, paid on every self-check a learner runs.
    key = (_KEY * (len(data) // len(_KEY) + 1))[:len(data)]
    return (int.from_bytes(data, "big") ^ int.from_bytes(key, "big")).to_bytes(len(data), "big")


def encode(questions: dict) -> str:
    """The text of answers.txt for `questions` (the same input always gives the same text)."""
    payload = json.dumps(questions, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = base64.b64encode(_scramble(payload.encode("utf-8"))).decode("ascii")
    lines = [text[i:i + _WIDTH] for i in range(0, len(text), _WIDTH)]
    return "\n".join([HEADER, *lines]) + "\n"


def decode(text: str) -> dict:
    """The questions held in the text of answers.txt."""
    body = "".join(line.strip() for line in text.splitlines() if not line.startswith("#"))
    return json.loads(_scramble(base64.b64decode(body)).decode("utf-8"))


def load(store: Path | None = None) -> dict:
    """The questions in answers.txt (or in the file `store`)."""
    return decode((store or STORE).read_text(encoding="ascii"))
