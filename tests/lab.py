"""A JupyterLab started the way a user starts it, ``make lab``, for the Lab test and benchmark.

It serves copies of the given notebooks from a temporary folder, on a free 127.0.0.1 port with a
token (``JUPYTER_PORT``, ``JUPYTER_TOKEN``), with Jupyter's own folders (config, data, runtime,
settings, workspaces, IPython) there too, so nothing of the user's is read or written. It is
stopped through the process group it was started in: ``make`` and the server (which stops its
kernels), nothing else.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from customs_facilitation.paths import REPO_DIR

LAB_ARGS = "--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port_retries=0 --LabApp.expose_app_in_browser=True"
JUPYTER_FOLDERS = {"JUPYTER_CONFIG_DIR": "config", "JUPYTER_DATA_DIR": "data", "JUPYTER_RUNTIME_DIR": "runtime",
                   "JUPYTERLAB_SETTINGS_DIR": "settings", "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
                   "IPYTHONDIR": "ipython"}


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lab:
    """A JupyterLab started with ``make lab`` on copies of ``notebooks``, in folders under ``root``."""

    def __init__(self, root: Path, notebooks: list[Path]):
        self.root, self.port, self.token = root / "notebooks", free_port(), secrets.token_hex(16)
        self.root.mkdir(parents=True)
        for path in notebooks:
            shutil.copy(path, self.root / path.name)
        env = {**os.environ, "JUPYTER_PORT": str(self.port), "JUPYTER_TOKEN": self.token, "MAKEFLAGS": ""}
        env.update({name: str(root / folder) for name, folder in JUPYTER_FOLDERS.items()})
        self.log = root / "lab.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                ["make", "--no-print-directory", "-C", str(REPO_DIR), "lab", f"LAB_ROOT={self.root}",
                 f"LAB_ARGS={LAB_ARGS}"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def url(self, path: str, token: bool = True) -> str:
        """An address on this server; with the token unless told not to."""
        joiner = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}{path}" + (f"{joiner}token={self.token}" if token else "")

    def get(self, path: str, token: bool = True):
        """The JSON the server answers, or the HTTP error code."""
        try:
            with urllib.request.urlopen(self.url(path, token), timeout=5) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as error:
            return error.code

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def wait_ready(self, timeout: float = 600) -> None:
        """Wait until the server answers (make may first build .venv-lab)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make lab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if isinstance(self.get("/api/status"), dict):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not answer on port {self.port} in {timeout} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the process group started here (make and the server, which stops its kernels):
        SIGTERM, then SIGKILL if anything of it is left after 30 s."""
        group = self.process.pid
        for sent in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(group, sent)
            except ProcessLookupError:
                return
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                self.process.poll()  # reap make, so that only a live process keeps the group
                try:
                    os.killpg(group, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.2)
