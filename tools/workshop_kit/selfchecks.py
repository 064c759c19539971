"""Make the self-checks' answer store from its readable source.

    workshop-selfchecks           # write notebooks/workshop/answers.txt
    workshop-selfchecks --check   # exit 1 if answers.txt differs from what it would write

tools/selfchecks.yml is the one place where answers, tolerances, hints and explanations are
written (English and Traditional Chinese side by side). The store the lessons read is made
from it here, with the learner package's own encoder (workshop.store), so that the two can
never disagree about the format.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from workshop import store
from workshop.language import LANGUAGES

from .repo import ROOT

SOURCE = ROOT / "tools" / "selfchecks.yml"
# Keys that only the tests use; they stay out of what learners receive.
MAINTAINERS_ONLY = {"lesson", "solution"}
TEXTS = {"unit", "hint", "sign", "pick"}


class SourceError(ValueError):
    """selfchecks.yml has a question the checker could not use."""


def _both_languages(value, where: str) -> dict:
    """A text as {"en": ..., "zh-TW": ...}; a plain string (a unit such as "m") serves both."""
    if isinstance(value, str):
        return {language: value for language in LANGUAGES}
    if not isinstance(value, dict) or not value.get("en"):
        raise SourceError(f"{where}: give the text as en: ... and zh-TW: ...")
    return {language: str(value.get(language) or value["en"]) for language in LANGUAGES}


def question_for_learners(qid: str, question: dict) -> dict:
    """One question as the store keeps it: maintainers' keys dropped, texts in both languages."""
    kept = {key: value for key, value in question.items() if key not in MAINTAINERS_ONLY}
    kind = kept.get("kind")
    if kind == "choice":
        options = kept.get("options") or {}
        if kept.get("correct") not in options:
            raise SourceError(f"{qid}: 'correct' must be one of the options {sorted(options)}")
        kept["options"] = {letter: _both_languages(text, f"{qid} option {letter}")
                           for letter, text in options.items()}
    elif kind == "number":
        if not isinstance(kept.get("expected"), (int, float)):
            raise SourceError(f"{qid}: 'expected' must be a number")
        kept["tolerance"] = float(kept.get("tolerance", 0))
        for key in TEXTS & kept.keys():
            kept[key] = _both_languages(kept[key], f"{qid} {key}")
        kept["mistakes"] = [
            {"value": float(m["value"]), "tolerance": float(m.get("tolerance", kept["tolerance"])),
             "say": _both_languages({k: m[k] for k in LANGUAGES if k in m}, f"{qid} mistake")}
            for m in kept.get("mistakes", [])
        ]
    else:
        raise SourceError(f"{qid}: kind must be number or choice, not {kind!r}")
    return kept


# libyaml's safe loader where PyYAML has it: the pure-Python one took 0.16 s for this file.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_source(source: Path | None = None) -> dict:
    return yaml.load((source or SOURCE).read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def for_learners(questions: dict) -> dict:
    return {qid: question_for_learners(qid, q) for qid, q in questions.items()}


def generate(source: Path | None = None) -> str:
    """The text answers.txt should hold."""
    return store.encode(for_learners(read_source(source)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only compare; exit 1 if the store is out of date")
    args = parser.parse_args(argv)
    text = generate()
    where = store.STORE.relative_to(ROOT)
    if args.check:
        if store.STORE.read_text(encoding="ascii") != text:
            print(f"{where} is out of date: run workshop-selfchecks")
            return 1
        print(f"{where} is up to date")
        return 0
    store.STORE.write_text(text, encoding="ascii")
    print(f"wrote {where} ({len(read_source())} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
