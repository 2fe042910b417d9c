"""Loaded first by every CLI run of the test suite (tests/conftest.py puts this folder on
PYTHONPATH): any attempt to use the network leaves a marker and fails, and the suite fails with it."""

import os
import socket


def _trap(*args, **kwargs):
    with open(os.environ["NEGOTIATOR_NET_MARKER"], "a", encoding="utf-8") as marker:
        marker.write(repr(args[:2]) + "\n")
    raise OSError("network use is not allowed in negotiator's tests")

socket.socket.connect = _trap
socket.socket.connect_ex = _trap
socket.socket.sendto = _trap
socket.create_connection = _trap
socket.getaddrinfo = _trap
