"""Whatever a learner passes to the helpers, they answer in one line and never raise
anything but their own error (property-based, hypothesis).

The self-check helper (check.py) has its own properties in test_selfcheck.py.
"""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import data, language, preflight

anything = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                     st.binary(max_size=10), st.lists(st.text(max_size=3), max_size=2),
                     st.sampled_from(["numpy", "..", "/etc", "co2_mauna_loa", "co2-mm-mlo.csv",
                                      "a\nb", "numpy pandas", "", " ", "\x00", 10**400,
                                      "x" * 100_000, "資料" * 200]))


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    language.use("en")


@given(st.lists(anything, max_size=4), st.sampled_from(["en", "zh-TW"]))
def test_require_prints_one_line_for_any_arguments(names, lang):
    import contextlib
    import io
    language.use(lang)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert preflight.require(*names) is None
    assert out.getvalue().count("\n") == 1, out.getvalue()


@given(anything, anything, st.sampled_from(["en", "zh-TW"]))
def test_data_path_answers_a_path_or_one_line(dataset, filename, lang):
    language.use(lang)
    try:
        found = data.path(dataset, filename)
    except data.DataFileError as problem:
        assert str(problem) and "\n" not in str(problem)
    else:
        assert found.is_file() and found.parent.parent == data.DATA_DIR
    for helper in (data.citation, data.checksums, data.verify):
        try:
            helper(dataset)
        except data.DataFileError as problem:
            assert "\n" not in str(problem)


def test_the_cases_the_issue_names():
    with pytest.raises(data.DataFileError, match="should be a name as text.*not None"):
        data.path(None, "co2-mm-mlo.csv")


def test_a_three_million_number_array_is_checked_at_once(capsys):
    """Issue #21: np.zeros(3_000_000) took 20 s to get its one line (each number looked at)."""
    import time

    import numpy as np

    from workshop import check
    started = time.process_time()   # this process's own work: a busy machine does not count
    check.number("11-summer-school-gb", np.zeros(3_000_000))
    assert time.process_time() - started < 1
    said = capsys.readouterr().out
    assert said.count("\n") == 1 and "3000000 numbers" in said, said
