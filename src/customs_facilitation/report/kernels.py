"""Kernels for the report: always this Python's ipykernel, and fast to start when forked.

:func:`this_python_kernel_manager` starts ``python3`` with this interpreter (the venv's), even
if a user-level kernelspec named python3 points at another Python. :class:`KernelForker` keeps
one :mod:`.forker` process that has imported what the notebooks import; a
:func:`forked_kernel_manager` asks it for each kernel, so a run pays neither Python's start nor
the imports (about a second of CPU each), yet every run still gets a fresh kernel.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import os
import signal
import subprocess
import sys
import threading
import uuid

from ..errors import ReportError


@functools.cache
def this_python_kernel_manager():
    """A kernel manager class that always starts ``python3`` with this interpreter and shuts down quietly."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class NativeKernelSpecManager(KernelSpecManager):
        @default("kernel_dirs")
        def _kernel_dirs_default(self):
            return []

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self):
            return NativeKernelSpecManager(data_dir=self.data_dir)

        async def _async_interrupt_kernel(self):
            # jupyter_client interrupts before every shutdown; an idle kernel then logs a
            # spurious "KeyboardInterrupt caught in kernel" error. The shutdown request suffices.
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return ThisPythonKernelManager


def images_by_build() -> dict[str, str]:
    """The environment that makes a kernel leave its charts' images to the build, which draws each
    distinct chart once (:func:`.chart_files.images_into`) instead of every kernel starting vl-convert."""
    from ..notebook.charts import IMAGES_BY_BUILD, INTERACTIVE_VARIABLE

    return {INTERACTIVE_VARIABLE: IMAGES_BY_BUILD}


class KernelForker:
    """The forker process of this build, importing the ``preload`` modules: started at once (it
    imports while the build reads its inputs), asked for one kernel at a time, closed at the end
    of the build."""

    def __init__(self, preload: list[str]):
        self._process = subprocess.Popen(
            [sys.executable, "-m", "customs_facilitation.report.forker", *preload], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, bufsize=1, env={**os.environ, **images_by_build()})
        self._lock = asyncio.Lock()

    async def fork(self, argv: list[str], cwd, env: dict) -> int:
        """The pid of a new kernel running ``argv`` in ``cwd`` with ``env``."""
        async with self._lock:
            try:
                self._process.stdin.write(json.dumps({"argv": argv, "cwd": cwd and str(cwd), "env": env}) + "\n")
                self._process.stdin.flush()
            except OSError as error:
                raise ReportError(f"the kernel forker is gone ({error}); see the messages above") from None
            line = await asyncio.get_running_loop().run_in_executor(None, self._process.stdout.readline)
        answer = json.loads(line) if line else {"error": "it exited; see the messages above"}
        if "error" in answer:
            raise ReportError(f"the kernel forker could not start a kernel: {answer['error']}")
        return answer["pid"]

    def close(self) -> None:
        """End the forker: its stdin closes and it exits on its own (its kernels are stopped);
        a thread reaps it, so the build need not wait for its interpreter to tear down."""
        self._process.stdin.close()
        self._process.stdout.close()
        threading.Thread(target=self._process.wait, daemon=True).start()


class _ForkedProcess:
    """What jupyter_client needs of a kernel process (``poll``, ``wait``, signals) for a kernel
    that is the forker's child, not ours (the forker reaps it)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid

    def poll(self) -> int | None:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return 0
        return None

    def wait(self, timeout=None) -> int:
        return 0  # only called once poll() said the kernel is gone

    def send_signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


@functools.cache
def forked_kernel_manager():
    """A kernel manager class like :func:`this_python_kernel_manager`'s whose kernels come from
    the :class:`KernelForker` given as ``forker=``."""
    from jupyter_client.provisioning import LocalProvisioner
    from traitlets import Any

    class ForkedProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd, **kwargs):
            env = {**kwargs["env"], **images_by_build()}
            self.process = _ForkedProcess(await self.parent.forker.fork(cmd, kwargs.get("cwd"), env))
            self.pid = self.pgid = self.process.pid  # the kernel leads its own session
            self.cwd = kwargs.get("cwd")
            return self.connection_info

    class ForkedKernelManager(this_python_kernel_manager()):
        forker = Any()

        async def _async_pre_start_kernel(self, **kw):
            if self.provisioner is None:
                self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
                self.provisioner = ForkedProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                                     parent=self)
            return await super()._async_pre_start_kernel(**kw)

    return ForkedKernelManager


async def ready_kernel(forker: KernelForker, cwd, timeout: float = 60, attempts: int = 3):
    """A fresh kernel from ``forker``, working in ``cwd`` and ready for its first request:
    (kernel manager, kernel client). Started ahead of its run, its start-up waits (jupyter_client
    listens for stray output for 0.2 s) overlap other runs' work.

    jupyter_client picks free ports and the kernel binds them a moment later; another process
    (a kernel of another build, of nbval or JupyterLab) can take one in between, and that kernel
    dies as it starts. Such a kernel is replaced by a new one with new ports, ``attempts`` times
    in all; a kernel alive but silent for ``timeout`` seconds is an error at once.
    """
    for attempt in range(1, attempts + 1):
        manager = forked_kernel_manager()(kernel_name="python3", forker=forker)
        await manager.start_kernel(cwd=str(cwd))
        client = manager.client()
        client.allow_stdin = False  # as nbclient does: a notebook cannot wait for typed input
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=timeout)
            return manager, client
        except RuntimeError:
            died = not await manager.is_alive()
            await stop_kernel(manager, client)
            if not died or attempt == attempts:
                raise
        except BaseException:
            await stop_kernel(manager, client)
            raise


async def stop_kernel(manager, client) -> None:
    """Close the client's channels and shut the kernel down (politely, then by force)."""
    client.stop_channels()
    if manager.has_kernel:
        await manager.shutdown_kernel()
