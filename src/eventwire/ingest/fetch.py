"""Fetching a URL safely: http(s) only, no private addresses, bounded size and time."""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from eventwire.errors import InputError

MAX_REDIRECTS = 5
USER_AGENT = "eventwire/0.1 (+news event coder)"
_ALLOWED_SCHEMES = ("http", "https")
_INET_ATON = re.compile(r"[0-9a-fA-FxX.]+")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host, port -> the addresses a connection to them would use (injected by tests: no DNS)
Resolver = Callable[[str, int], Sequence[str]]


def resolve_host(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for `host`, as a connection would use them."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def ip_literal(host: str) -> IPAddress | None:
    """`host` as an address when it is one, in every form a C resolver reads as one: dotted
    quads, and the decimal, octal and hex forms inet_aton takes ("2130706433", "0x7f000001",
    "0177.0.0.1", "127.1" are all 127.0.0.1). An IPv6 zone ("fe80::1%eth0") is dropped."""
    name = host.split("%")[0]
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        pass
    if _INET_ATON.fullmatch(name):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(name))
        except OSError:
            return None
    return None


def _refused(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global  # shared address space (100.64/10) and friends
    )


def check_host(url: httpx.URL, source: str, resolve: Resolver = resolve_host) -> IPAddress:
    """The address to connect to; E020 unless every address the host has is a public
    unicast address."""
    host = url.host
    if not host:
        raise InputError("E021", source, "URL has no host")
    literal = ip_literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            found = [ip_literal(a) for a in resolve(host, port)]
        except (OSError, UnicodeError) as err:
            raise InputError("E021", source, f"cannot resolve {host}: {err}") from None
        addresses = [a for a in found if a is not None]
        if not addresses:
            raise InputError("E021", source, f"cannot resolve {host}: no address")
    for ip in addresses:
        if _refused(ip):
            raise InputError("E020", source, f"{host} resolves to {ip}")
    return addresses[0]


def _pinned(
    url: httpx.URL, address: IPAddress | None
) -> tuple[httpx.URL, dict[str, str], dict[str, Any]]:
    """The request for `url`, sent to the checked `address` (None: as the URL says), so
    that a name answering otherwise a moment later (DNS rebinding) cannot send the
    connection elsewhere. The Host header, and over TLS the server name (SNI and the
    certificate check), stay the URL's."""
    if address is None:
        return url, {}, {}
    headers = {"Host": url.netloc.decode("ascii")}
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    return url.copy_with(host=str(address)), headers, extensions


def _check_scheme(url: httpx.URL, source: str) -> None:
    if url.scheme not in _ALLOWED_SCHEMES:
        raise InputError("E023", source, f"scheme {url.scheme or '(none)'!r}; only http and https")


def _parse(url: str | httpx.URL, source: str) -> httpx.URL:
    try:
        return httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as err:
        raise InputError("E021", source, f"invalid URL: {err}") from None


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = 20_000_000,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolver = resolve_host,
) -> tuple[bytes, str | None]:
    """GET a URL; return (body, Content-Type). Redirects are followed here, at most
    MAX_REDIRECTS, so that every hop's scheme and address are checked again; each hop
    connects to the very address that was checked."""
    deadline = time.monotonic() + timeout
    current = _parse(url, url)
    # trust_env=False: a proxy from the environment would bypass the address check
    with httpx.Client(
        transport=transport,
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT},
    ) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_scheme(current, url)
            address = None if allow_private else check_host(current, url, resolve)
            target, headers, extensions = _pinned(current, address)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise InputError("E022", url, f"no answer within {timeout:g} s")
            try:
                with client.stream(
                    "GET", target, headers=headers, extensions=extensions, timeout=remaining
                ) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        current = _parse(current.join(location), url)
                        continue
                    if response.status_code >= 400:
                        raise InputError("E021", url, f"HTTP {response.status_code}")
                    body = _read_body(response, url, max_bytes, deadline, timeout)
                    return body, response.headers.get("content-type")
            except httpx.TimeoutException:
                raise InputError("E022", url, f"no answer within {timeout:g} s") from None
            except httpx.HTTPError as err:
                raise InputError("E021", url, f"{type(err).__name__}: {err}") from None
    raise InputError("E021", url, f"more than {MAX_REDIRECTS} redirects")


def _read_body(
    response: httpx.Response, source: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError("E013", source, f"{declared} bytes declared, limit {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError("E013", source, f"more than {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise InputError("E022", source, f"body not complete within {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)
