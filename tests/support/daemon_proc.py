"""Run `closethecamps run` as a real subprocess and watch its output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tests.support.fakex import X_CREDENTIALS
from tests.support.paths import REPO


class DaemonProc:
    def __init__(
        self,
        root: Path,
        x_url: str | None,
        state: Path,
        extra_env: dict[str, str] | None = None,
        python_args: tuple[str, ...] = ("-m", "bot"),
    ) -> None:
        """`python_args` replace `-m bot`, e.g. with `-c CODE` that patches the bot first;
        `run --root ROOT` follows them either way."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("X_") and k not in ("STATE_DB", "LOG_LEVEL", "LOG_FORMAT")
        }
        if x_url:
            env.update(
                X_API_KEY=X_CREDENTIALS["api_key"],
                X_API_SECRET=X_CREDENTIALS["api_secret"],
                X_ACCESS_TOKEN=X_CREDENTIALS["access_token"],
                X_ACCESS_TOKEN_SECRET=X_CREDENTIALS["access_token_secret"],
                X_API_BASE_URL=x_url,
            )
        env["STATE_DB"] = str(state)
        env["PYTHONUNBUFFERED"] = "1"
        env.update(extra_env or {})
        self.proc = subprocess.Popen(
            [sys.executable, *python_args, "run", "--root", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=REPO,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, pred: Callable[[], bool], timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if pred():
                return
            if self.proc.poll() is not None and not pred():
                raise AssertionError(f"daemon exited {self.proc.returncode}:\n{self.output}")
            time.sleep(0.05)
        raise AssertionError(f"timed out; daemon output:\n{self.output}")

    def saw(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def terminate(self, timeout: float = 5.0) -> tuple[int, float]:
        """SIGTERM; return (exit code, seconds it took)."""
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=timeout + 5)
        self._reader.join(timeout=2)
        return code, time.monotonic() - t0

    def stop(self) -> tuple[int | None, float]:
        """`terminate`, but a daemon that ignores SIGTERM is killed: (None, seconds)."""
        try:
            return self.terminate()
        except subprocess.TimeoutExpired:
            self.kill()
            return None, float("inf")

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self._reader.join(timeout=2)
