"""The students file is read the way a teacher means it, whatever the editor did to it,
and no unsafe name ever becomes an account (property-based, hypothesis).

Making the accounts for real (private homes, the group, passwords that work at the hub's
login) is proven in tests/hub/test_hub_class.py, inside a throwaway copy of /etc.
"""
import string
import subprocess
import sys
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from workshop_kit import students_file
from workshop_hub.settings import ACCOUNT_NAME

# Built from alphabets rather than a regular expression and filters: the same texts, drawn
# several times faster (this property was the slowest unit test).
names = st.builds(str.__add__, st.sampled_from(string.ascii_lowercase),
                  st.text(string.ascii_lowercase + string.digits + "_-", max_size=15)
                  ).filter(lambda n: n not in ("root", "nobody", "admin"))
# Printable, no spaces: letters, marks, numbers, punctuation and symbols.
passwords = st.text(st.characters(min_codepoint=33, max_codepoint=0x2fff, categories=("L", "M", "N", "P", "S")),
                    min_size=8, max_size=20).filter(lambda p: not p.startswith("#"))


@st.composite
def students_files(draw):
    """(text as some editor saved it, the (name, password) pairs the teacher meant)."""
    pairs = draw(st.lists(st.tuples(names, passwords), max_size=8, unique_by=lambda p: p[0]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = []
    for name, password in pairs:
        for _ in range(draw(st.integers(0, 2))):
            lines.append(draw(st.sampled_from(["", "   ", "\t", "# a comment", "  # indented comment"])))
        gap = draw(st.sampled_from([" ", "  ", "\t", " \t "]))
        lines.append(draw(st.sampled_from(["", " ", "\t"])) + name + gap + password
                     + draw(st.sampled_from(["", " ", "  \t"])))
    text = newline.join(lines)
    if draw(st.booleans()):
        text += newline  # or not: the last line without its line end
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text, pairs


@given(students_files())
@example(("anna anna-pass-1\nben ben-pass-22", [("anna", "anna-pass-1"), ("ben", "ben-pass-22")]))
def test_every_student_the_teacher_wrote_is_read_exactly_once(case):
    text, pairs = case
    entries, problems = students_file.parse(text)
    assert problems == []
    assert [(e.name, e.password) for e in entries] == pairs


@given(st.text(max_size=200))
@example("Alice alice-password\n../x xxxxxxxx\nroot rootroot\n-rf xxxxxxxxx\nbob\ncé password1")
def test_any_text_gives_safe_names_or_a_reason_per_line(text):
    entries, problems = students_file.parse(text)
    for entry in entries:
        assert ACCOUNT_NAME.match(entry.name) and entry.name not in ("root", "nobody", "admin")
        assert len(entry.password) >= students_file.PASSWORD_LENGTH and entry.password.isprintable()
        assert len(entry.password.split()) == 1, "a password with a space: whose line was it?"
    used = {e.line for e in entries} | {p.line for p in problems}
    meant = {n for n, line in enumerate(text.removeprefix("\ufeff").splitlines(), 1)
             if line.strip() and not line.strip().startswith("#")}
    assert used == meant, "a line was neither used nor explained"
    for problem in problems:
        assert "\n" not in str(problem) and problem.reason


def test_the_reasons_a_teacher_reads():
    entries, problems = students_file.parse("Alice alice-pass\nroot rootroot\nbob short\n"
                                       "carol\ncarol carol-pass\ncarol carol-pass2")
    assert [e.name for e in entries] == ["carol"]
    reasons = [str(p) for p in problems]
    assert reasons[0] == ("skipped line 1 ('Alice'): names are lower case only (the hub signs "
                          "everyone in with lower-case names): write 'alice'")
    assert "keeps for itself" in reasons[1] and "shorter than 8" in reasons[2]
    assert "no password" in reasons[3] and "listed twice" in reasons[4]
    for password in ("alice-pass", "rootroot", "tiny1", "carol-pass2"):
        assert not any(password in r for r in reasons), "a password was printed"


def run_command(*args):
    command = Path(sys.executable).with_name("workshop-accounts")
    return subprocess.run([str(command), *args], capture_output=True, text=True)


def test_a_file_that_is_not_utf8_is_one_line(tmp_path):
    students = tmp_path / "students.txt"
    students.write_bytes(b"anna anna-pass-1\nb\xe9a bea-pass-22\n")
    done = run_command("--check", str(students))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == f"error: {students} is not UTF-8 text (line 2); save it as UTF-8.\n"


def test_check_says_what_would_be_done_without_root_changes(tmp_path):
    students = tmp_path / "students.txt"
    students.write_text("anna anna-pass-1\r\nBen ben-pass-22", encoding="utf-8")
    done = run_command("--check", str(students))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "would create or keep anna (line 1)",
        "skipped line 2 ('Ben'): names are lower case only (the hub signs everyone in with "
        "lower-case names): write 'ben'",
        "1 to do, 1 skipped."]


def test_a_name_with_a_space_is_refused_not_guessed(tmp_path):
    """`mary jane   secret` could be mary's password "jane   secret", or mary jane's: the line
    is refused, named by its number, and the others are made."""
    students = tmp_path / "students.txt"
    students.write_text("anna anna-pass-1\nmary jane   secret\n", encoding="utf-8")
    done = run_command("--check", str(students))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "would create or keep anna (line 1)",
        "skipped line 2 ('mary'): more than a name and a password: a name has no spaces, and "
        "here a password has none either (write: name password)",
        "1 to do, 1 skipped."]
