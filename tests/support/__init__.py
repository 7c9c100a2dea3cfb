"""Helpers the tests share; no tests here.

- paths: where the repository, tests/data/ and tests/badfiles/ are.
- fakex: the fake X API v2 server (real HTTP on 127.0.0.1) and its fake credentials.
- roots: throw-away bot roots (shipped content, approved, with a test schedule).
- badcases: the broken-file corpus in tests/badfiles/.
- daemon_proc: `closethecamps run` as a real subprocess.
"""
