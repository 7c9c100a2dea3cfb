#!/usr/bin/env python3
"""How many ordinary log lines a second the secret-redacting filter passes.

    .venv/bin/python bench/bench_redact.py [--lines 200000]

Every log line of the daemon goes through bot.runtime.redact.RedactingFilter; this
prints its throughput on lines that hold no secret (almost all of them).
"""

from __future__ import annotations

import argparse
import logging
import time

from bot.runtime.redact import RedactingFilter

SECRETS = ["fakeApiKey7Qm2ZK", "fakeApiSecret+Xy9/Lp0=", "160000-fakeAccessTokenR4nd"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200_000)
    n = parser.parse_args().lines
    flt = RedactingFilter(SECRETS)
    records = [
        logging.LogRecord("bot", logging.INFO, __file__, 1, "slot %d posted %s", (i, "ok"), None)
        for i in range(n)
    ]
    start = time.perf_counter()
    for record in records:
        flt.filter(record)
    took = time.perf_counter() - start
    print(f"redaction filter: {n / took:,.0f} ordinary lines/s ({took * 1e6 / n:.1f} µs each)")


if __name__ == "__main__":
    main()
