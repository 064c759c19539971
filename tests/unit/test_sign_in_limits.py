"""Sign-in limits count per name and per computer (a real hub's sign-in: tests/hub/test_hub_login.py)."""
from workshop_hub import auth


def test_sign_in_limits_count_per_name_and_per_computer():
    tries = auth.SignInTries()
    for n in range(auth.CLIENT_FAILURES):  # one computer tries many names
        assert not tries.seconds_to_wait(f"student{n}", "10.0.0.7", now=100)
        tries.record(f"student{n}", "10.0.0.7", False, now=100)
    assert tries.seconds_to_wait("another", "10.0.0.7", now=160) == auth.WINDOW_SECONDS - 60
    assert not tries.seconds_to_wait("another", "10.0.0.8", now=160), "other computers wait too"
    assert not tries.seconds_to_wait("another", "10.0.0.7", now=100 + auth.WINDOW_SECONDS)
    for n in range(auth.CLIENT_FAILURES):  # many names through a web server on this machine
        tries.record(f"guest{n}", "127.0.0.1", False, now=500)
    assert not tries.seconds_to_wait("ben", "127.0.0.1", now=501), "this machine is not one computer"
    for _ in range(auth.NAME_FAILURES):  # one name, from anywhere
        tries.record("amy", "127.0.0.1", False, now=500)
    assert tries.seconds_to_wait("amy", "10.0.0.9", now=501) == auth.WINDOW_SECONDS - 1
    tries.record("amy", "10.0.0.9", True, now=600)  # the teacher reset her password
    assert not tries.seconds_to_wait("amy", "10.0.0.9", now=601)
