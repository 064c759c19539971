"""The one line a self-check gives for an answer: finds the question in the answer store,
hands the answer to the number or the choice feedback, and frames the verdict ("✅ Well
done: ..." or "❌ Not yet: ..."). Whatever goes wrong, the learner gets one line, never a
traceback.
"""
from __future__ import annotations

from . import language, store
from .check_choices import choice_feedback
from .check_messages import CODE, NOT_YET, RIGHT, one_line, say
from .check_numbers import number_feedback
from .check_values import SHOWN_LENGTH


def feedback(question_id: str, answer, code: str = "python") -> str:
    """The one line a self-check prints for `answer` to question `question_id`."""
    try:
        try:
            questions = store.load()
        except (OSError, ValueError, UnicodeError):
            return NOT_YET.get(language.current(), NOT_YET["en"]).format(say("no_store"))
        question = questions.get(str(question_id))
        if question is None:
            ok, message = False, say("unknown_question", qid=str(question_id)[:SHOWN_LENGTH])
        elif question["kind"] == "choice":
            ok, message = choice_feedback(question, answer, CODE[code])
        else:
            ok, message = number_feedback(question, answer, CODE[code])
    except Exception:  # whatever the object does, the learner gets one line, never a traceback
        ok, message = False, say("could_not_read")
    frame = (RIGHT if ok else NOT_YET)
    return one_line(frame.get(language.current(), frame["en"]).format(one_line(message)))
