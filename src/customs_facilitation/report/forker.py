"""The kernel forker: one process that imports what the notebooks import, then forks kernels.

Run by :class:`.kernels.KernelForker` as ``python -m customs_facilitation.report.forker MODULE...``.
It imports the modules named (see :func:`preload_for`) once, then reads one JSON request a line on
stdin (the kernel's command, working directory and environment) and answers each with
``{"pid": N}`` on stdout: N is a fresh kernel forked from it, in its own session, started as
``python -m ipykernel_launcher`` would be. The preloaded objects are frozen out of the garbage
collector first (``gc.freeze``), as Python's documentation advises before forking: a kernel then
shares their memory pages instead of copying them, and its collections are quicker.
The kernel's namespace is empty and its shell new; only modules were imported before, which
changes no notebook state. The forker exits when its stdin closes (the build ended or died);
each kernel exits when the forker is gone (ipykernel polls its parent).
"""

import atexit
import gc
import importlib
import json
import os
import signal
import sys
import traceback
from pathlib import Path

KERNEL_MODULES = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "IPython.core.debugger",
                  "IPython.extensions.storemagic", "sqlite3", "psutil")
"""What every kernel imports as it starts (debugpy, IPython's history and debugger): always preloaded."""
PRELOAD = ("pandas", "altair", "IPython.display", "customs_facilitation.notebook",
           "customs_facilitation.verify.consistency")
"""What report notebooks import: preloaded when a notebook of the build imports it (or a part or
parent of it); anything else is imported by the kernel as usual."""


def preload_for(imported) -> list[str]:
    """The modules to preload for notebooks that import ``imported``.

    >>> preload_for({"altair", "customs_facilitation.notebook.charts", "os"})[len(KERNEL_MODULES):]
    ['altair', 'customs_facilitation.notebook']
    """
    def related(name: str, module: str) -> bool:
        return name == module or name.startswith(module + ".") or module.startswith(name + ".")

    return [*KERNEL_MODULES, *(name for name in PRELOAD if any(related(name, module) for module in imported))]


def kernel_arguments(argv: list[str]) -> list[str] | None:
    """The ipykernel arguments of a native kernel command run by this Python, else None.

    >>> kernel_arguments([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    ['-f', 'k.json']
    >>> kernel_arguments(["/other/python", "-m", "ipykernel_launcher", "-f", "k.json"]) is None
    True
    """
    same_python = argv and os.path.realpath(argv[0]) == os.path.realpath(sys.executable)
    return argv[3:] if same_python and argv[1:3] == ["-m", "ipykernel_launcher"] else None


def _become_kernel(arguments: list[str], cwd: str | None, env: dict) -> None:
    """In the forked child: a kernel's own session, folder, environment and standard streams."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the forker ignores it; a kernel's subprocesses need it
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)  # never the forker's answer pipe
    os.close(devnull)
    os.environ.clear()
    os.environ.update(env, JPY_PARENT_PID=str(os.getppid()))
    if cwd:
        os.chdir(cwd)
    sys.argv = [str(Path(importlib.import_module("ipykernel").__file__).parent.parent / "ipykernel_launcher.py"),
                *arguments]
    from ipykernel.kernelapp import IPKernelApp

    # The kernel exits when the forker does (ipykernel's parent poller; JPY_PARENT_PID was read
    # when the forker imported ipykernel, so the forker's pid is passed here).
    IPKernelApp.launch_instance(argv=[*arguments, f"--IPKernelApp.parent_handle={os.getppid()}"])


def _fork(request: dict) -> int:
    """Fork a kernel for ``request``; return its pid (in the forker)."""
    arguments = kernel_arguments(request["argv"])
    if arguments is None:
        raise ValueError(f"not a kernel of this Python: {request['argv']}")
    pid = os.fork()
    if pid:
        return pid
    status = 1
    try:
        _become_kernel(arguments, request.get("cwd"), request["env"])
        status = 0
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        # A kernel that could not start (its port taken by another process, say) ends at once:
        # its exit functions would wait for the sockets it had already opened, for ever.
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)
    try:
        atexit._run_exitfuncs()  # what a kernel's interpreter runs at exit
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)  # never back into the forker's loop


def main() -> None:
    """Import the modules named on the command line, then fork a kernel for every request line
    until stdin closes."""
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd():
        del sys.path[0]  # as ipykernel_launcher does: the working folder is not an import root
    # debugpy warns at import that frozen modules may hide breakpoints; as ipykernel's kernel
    # specs do when they keep frozen modules, say that it need not check.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    for name in sys.argv[1:]:
        importlib.import_module(name)
    gc.freeze()  # kernels' collections never scan what was preloaded, so they copy fewer of its pages
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # exited kernels are reaped by the system
    for line in sys.stdin:
        try:
            answer = {"pid": _fork(json.loads(line))}
        except Exception as error:  # a bad request is answered, never fatal to the forker
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
