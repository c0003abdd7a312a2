"""The calling convention every client script here follows.

A script takes one JSON object as its only argument and prints exactly one JSON line on stdout, so
the vitest side can spawn it, bound it with a timeout and assert on what the real client saw.
Failures raise: the traceback goes to stderr and the exit code is non-zero.
"""
import json
import sys
from typing import Any, Dict, Optional


def read_args() -> Dict[str, Any]:
    if len(sys.argv) != 2:
        raise SystemExit(f"usage: {sys.argv[0]} '<json object>'")
    args = json.loads(sys.argv[1])
    if not isinstance(args, dict):
        raise SystemExit("the argument must be a JSON object")
    return args


def emit(result: Any) -> None:
    print(json.dumps(result), flush=True)


def text(data: Optional[bytes]) -> Optional[str]:
    """Keys and values travel as UTF-8 text in these tests; None stays None (a null key)."""
    return None if data is None else data.decode("utf-8")


def utf8(value: Optional[str]) -> Optional[bytes]:
    return None if value is None else value.encode("utf-8")
