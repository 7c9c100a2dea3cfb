"""Command line: every command is also a plain function."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="closethecamps")
    parser.add_argument("--version", action="store_true")
    parser.parse_args(argv)
    print("closethecamps", file=sys.stderr)
    return 0
