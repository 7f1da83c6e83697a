"""Fetching a URL safely: http(s) only, no private addresses, bounded size and time."""

from __future__ import annotations

import ipaddress
import socket
import time

import httpx

from eventwire.errors import InputError

MAX_REDIRECTS = 5
USER_AGENT = "eventwire/0.1 (+news event coder)"
_ALLOWED_SCHEMES = ("http", "https")


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
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


def check_host(url: httpx.URL, source: str) -> None:
    """E020 unless every address the host resolves to is a public unicast address."""
    host = url.host
    if not host:
        raise InputError("E021", source, "URL has no host")
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as err:
            raise InputError("E021", source, f"cannot resolve {host}: {err}") from None
        # the scope id of a link-local IPv6 address ("fe80::1%eth0") is not part of the address
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for ip in addresses:
        if _refused(ip):
            raise InputError("E020", source, f"{host} resolves to {ip}")


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
) -> tuple[bytes, str | None]:
    """GET a URL; return (body, Content-Type). Redirects are followed here, at most
    MAX_REDIRECTS, so that every hop's scheme and address are checked again.

    Note: the address check resolves the host before httpx connects, so a DNS answer that
    changes between the two (rebinding) is not caught; redirects to private hosts are.
    """
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
            if not allow_private:
                check_host(current, url)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise InputError("E022", url, f"no answer within {timeout:g} s")
            try:
                with client.stream("GET", current, timeout=remaining) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        current = _parse(response.url.join(location), url)
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
