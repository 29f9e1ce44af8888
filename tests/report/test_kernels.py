"""The build's forked kernels when something goes wrong as they start: a kernel whose port another
process took ends at once, and the build replaces a kernel that died as it started."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from customs_facilitation.report.forker import preload_for
from customs_facilitation.report.kernels import KernelForker, ready_kernel, stop_kernel
from tests.report.test_hostile_input import kernel_alive

pytestmark = pytest.mark.slow  # forks kernels


def test_a_kernel_whose_port_is_taken_ends_at_once(tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    ports = []
    for _ in range(4):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
    connection = tmp_path / "kernel.json"
    connection.write_text(json.dumps({
        "transport": "tcp", "ip": "127.0.0.1", "key": "k", "signature_scheme": "hmac-sha256",
        "shell_port": ports[0], "control_port": ports[1], "stdin_port": ports[2], "hb_port": ports[3],
        "iopub_port": taken.getsockname()[1]}))
    forker = KernelForker(preload_for(set()))
    try:
        pid = asyncio.run(forker.fork([sys.executable, "-m", "ipykernel_launcher", "-f", str(connection)],
                                      tmp_path, dict(os.environ)))
        deadline = time.monotonic() + 30
        while kernel_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not kernel_alive(pid), "a kernel that could not bind its port is still running"
    finally:
        forker.close()
        taken.close()


def test_a_kernel_that_died_as_it_started_is_replaced_by_a_ready_one(tmp_path, monkeypatch):
    forks = []
    real_fork = KernelForker.fork

    async def fork(self, argv, cwd, env):
        forks.append(argv)
        if len(forks) == 1:  # the first kernel: a process that has already ended
            finished = subprocess.Popen([sys.executable, "-c", "pass"])
            finished.wait()
            return finished.pid
        return await real_fork(self, argv, cwd, env)

    monkeypatch.setattr(KernelForker, "fork", fork)

    async def start_and_ask():
        forker = KernelForker(preload_for(set()))
        try:
            manager, client = await ready_kernel(forker, tmp_path, timeout=30)
            try:
                reply = await client.execute_interactive("x = 6 * 7", timeout=30)
                return reply["content"]["status"]
            finally:
                await stop_kernel(manager, client)
        finally:
            forker.close()

    assert asyncio.run(start_and_ask()) == "ok"
    assert len(forks) == 2, "the dead kernel was replaced once"
