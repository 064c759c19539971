"""Signing in to the try-out hub in any language, and its rule that it listens on this
computer only, whatever the command line says (hub/auth.py, TryoutAuthenticator).

Class mode's sign-in (real accounts, PAM, the wait after failures): tests/hub/test_hub_class.py;
its limits' arithmetic here.
"""
import html
import os
import re
import socket
import ssl
import subprocess
import threading

import pytest
import requests

from workshop_kit.hubharness.hub import Hub
from workshop_kit.hubharness.student import Student
from workshop_kit.process import ENV_BIN
from workshop_kit.repo import HUB_CONFIG, ROOT
from workshop_kit.process import free_port

CHINESE_PASSWORD = "台灣地震2018密碼"


@pytest.fixture(scope="module")
def chinese_hub(tmp_path_factory):
    """A try-out hub whose shared password is written in Chinese."""
    running = Hub(tmp_path_factory.mktemp("hub"), password=CHINESE_PASSWORD).start()
    try:
        yield running
    finally:
        running.stop()


def sign_in(url: str, name: str, password: str) -> requests.Response:
    session = requests.Session()
    page = session.get(f"{url}/hub/login", timeout=30)
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
    return session.post(f"{url}/hub/login", timeout=60, data={
        "username": name, "password": password, "_xsrf": html.unescape(xsrf)})


def test_a_password_in_chinese_signs_in(chinese_hub):
    Student(chinese_hub, "mei").login()  # raises if the hub sends the login page back


@pytest.mark.parametrize("typed", ["台灣地震2018密码", "錯誤的密碼", "tai-wan-2018"])
def test_a_wrong_password_in_any_language_is_only_wrong(chinese_hub, typed):
    answer = sign_in(chinese_hub.url, "mei", typed)
    assert answer.status_code == 403 and "Invalid username or password" in answer.text


@pytest.mark.parametrize("option", ["--JupyterHub.bind_url=http://0.0.0.0:{port}",
                                    "--JupyterHub.bind_url=http://:{port}",
                                    "--JupyterHub.hub_ip=0.0.0.0"])
def test_try_out_mode_refuses_to_listen_beyond_this_computer_whatever_the_command_line(
        option, tmp_path):
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WORKSHOP_HUB_")}
    done = subprocess.run(
        [str(ENV_BIN / "jupyterhub"), "-f", str(HUB_CONFIG), option.format(port=port)],
        env={**clean, "WORKSHOP_HUB_TRYOUT": "1", "WORKSHOP_HUB_PASSWORD": "a-long-password",
             "WORKSHOP_HUB_ALLOW_ROOT": "1", "WORKSHOP_HUB_STATE_DIR": str(tmp_path / "state"),
             "WORKSHOP_HUB_BIND_URL": f"http://127.0.0.1:{port}",
             "WORKSHOP_HUB_PROXY_API_PORT": str(free_port()),
             "WORKSHOP_HUB_INTERNAL_PORT": str(free_port())},
        cwd=tmp_path, capture_output=True, text=True, timeout=60)
    last = done.stderr.strip().splitlines()[-1]
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert last.startswith("The hub did not start: the ")
    assert "try-out mode listens on this computer only" in last


def guide_block(name: str) -> str:
    text = (ROOT / "book" / "hub-setup.md").read_text(encoding="utf-8")
    return re.search(rf"<!-- test: {name} -->\n```bash\n(.*?)\n```", text, re.S).group(1)


def test_the_guides_certificate_for_a_room(tmp_path):
    """The guide's self-signed certificate, made as written (for 127.0.0.1 here): its key
    private, and a client that trusts the certificate accepts it for that address."""
    block = guide_block("self-signed").replace("sudo ", "").replace("192.168.1.10", "127.0.0.1")
    subprocess.run(["bash", "-euc", block.replace("/etc/workshop-hub", str(tmp_path / "workshop-hub"))],
                   check=True, capture_output=True)
    assert (tmp_path / "workshop-hub.key").stat().st_mode & 0o777 == 0o600
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(tmp_path / "workshop-hub.crt", tmp_path / "workshop-hub.key")
    client = ssl.create_default_context(cafile=str(tmp_path / "workshop-hub.crt"))
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]

        def serve():
            connection, _ = listener.accept()
            with server.wrap_socket(connection, server_side=True) as tls:
                tls.recv(1)
        threading.Thread(target=serve, daemon=True).start()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, \
                client.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            assert tls.getpeercert()["subjectAltName"] == (("IP Address", "127.0.0.1"),)
            tls.sendall(b"x")


