"""Check a web address strictly and split it, so that Python and a browser agree on where a
link goes (workshop.links uses it for the hub's and the repository's addresses).

No user name or password before the host (`https://hub.example.org@evil.example` goes to
evil.example in every browser), no backslash, no spaces, quotes, angle brackets or control
characters, and a host written in plain letters, digits, dots and dashes (or an IP address).
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote, urlsplit

from .link_messages import problem, word

# Characters a browser and Python treat differently, or that break out of HTML or a shell
# line when a link is pasted: never in an address. (Spaces and control characters too.)
_FORBIDDEN = set("\\\"'<>`{}|^")
# A host name: labels of letters, digits and inner dashes, separated by single dots.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST_NAME = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")
# WHATWG reads a host whose last label is a number (decimal or 0x...) as an IPv4 address
# (http://127.1 is 127.0.0.1); Python does not. Only the plain dotted form is accepted.
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def fully_decoded(text: str) -> str:
    """Percent-decoded until nothing changes. A browser reads '%2e%2e' as '..', and
    '%252e%252e' becomes '%2e%2e' after one more decoding (nbgitpuller's), so a check for
    '..' or a backslash must look at this, not at what was typed."""
    while (decoded := unquote(text)) != text:  # each round is shorter: it ends
        text = decoded
    return text


def is_control(character: str) -> bool:
    """True for the C0 and C1 control characters (line breaks, tabs, escape, ...)."""
    return ord(character) < 0x20 or 0x7f <= ord(character) <= 0x9f


def split_address(url, what: str, example: str):
    """Split a web address after strict checks, or explain in one line why it is not one.

    Returns (scheme, host, port, path segments, query, fragment), host in lower case and
    port None when it is the scheme's default.
    """
    name = word(what)
    if url is None or (isinstance(url, str) and not url.strip()):
        raise problem("empty", what=name, example=example)
    if not isinstance(url, str):
        raise problem("not_text", what=name, example=example, value=url)
    text = url.strip()
    if re.match(r"^[\w.-]+@[\w.-]+:", text):
        raise problem("ssh", what=name, value=text, example=example)
    if "://" not in text and "." not in text.split("/")[0]:
        raise problem("not_web", what=name, value=text, example=example)
    for character in text:
        if character in _FORBIDDEN or character.isspace() or is_control(character):
            raise problem("bad_character", what=name, value=text, character=character)
    if "://" not in text:
        raise problem("needs_scheme", what=name, value=text)
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed '[' of an IPv6 address
        raise problem("bad_host", what=name, value=text, example=example) from None
    if parts.scheme not in ("http", "https") or not text.lower().startswith(parts.scheme + "://"):
        raise problem("not_web", what=name, value=text, example=example)
    netloc = parts.netloc
    if "@" in netloc:
        raise problem("user_info", what=name, value=text, example=example,
                      host=netloc.rsplit("@", 1)[1])
    host, port = _host_and_port(netloc, name, text, example)
    if port == _DEFAULT_PORTS[parts.scheme]:
        port = None
    segments = [s for s in parts.path.split("/") if s]
    return parts.scheme, host, port, segments, parts.query, parts.fragment


def _host_and_port(netloc: str, name: str, text: str, example: str):
    """'Hub.Example.org:8000' -> ('hub.example.org', '8000'); '[::1]' -> ('[::1]', None)."""
    if netloc.startswith("["):
        inside, _, rest = netloc[1:].partition("]")
        try:
            host = f"[{ipaddress.IPv6Address(inside).compressed}]"
        except ValueError:
            raise problem("bad_host", what=name, value=text, example=example) from None
        if rest and not rest.startswith(":"):
            raise problem("bad_host", what=name, value=text, example=example)
        port = rest[1:] if rest else None
    else:
        host, colon, port = netloc.partition(":")
        host = host.lower()
        port = port if colon else None
        if not _HOST_NAME.match(host) or not host.isascii():
            raise problem("bad_host", what=name, value=text, example=example)
        if _NUMERIC_LABEL.match(host.split(".")[-1]):
            try:  # only the plain dotted form, which every parser reads the same way
                if str(ipaddress.IPv4Address(host)) != host:
                    raise ValueError
            except ValueError:
                raise problem("bad_host", what=name, value=text, example=example) from None
    if port is not None and not (re.fullmatch(r"[0-9]{1,5}", port) and 0 < int(port) < 65536):
        raise problem("bad_port", what=name, value=text)
    return host, (str(int(port)) if port is not None else None)


def origin(scheme: str, host: str, port) -> str:
    """('https', 'hub.example.org', None) -> 'https://hub.example.org'."""
    return f"{scheme}://{host}" + (f":{port}" if port else "")
