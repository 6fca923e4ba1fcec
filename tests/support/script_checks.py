"""What the Python tests share: the environment refs and the programs run in
(fixed clock, every proxy a closed loopback port, so nothing reaches the
network), running refs on a library in a folder, and counting checks."""
import re
import subprocess
import sys

ENV = {
    "PATH": "/usr/bin:/bin",
    "HOME": "/nonexistent",
    "LANG": "C.UTF-8",
    "SOURCE_DATE_EPOCH": "1764201600",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "ALL_PROXY": "http://127.0.0.1:9",
    # A sanitizer report gets an exit code of its own (as in tests/support/refs_runner.hpp).
    "ASAN_OPTIONS": "exitcode=86",
    "UBSAN_OPTIONS": "exitcode=86:print_stacktrace=1",
    "LSAN_OPTIONS": "exitcode=86",
}
SANITIZER_REPORT = re.compile(r"(ERROR|SUMMARY): [A-Za-z]+Sanitizer")


def run(args, cwd, stdin=None):
    """Runs a program; a sanitizer report from it stops the test, whatever the caller checks."""
    result = subprocess.run(args, cwd=cwd, env=ENV, input=stdin, capture_output=True, text=True, check=False)
    if result.returncode == 86 or SANITIZER_REPORT.search(result.stderr):
        raise SystemExit(f"sanitizer report (exit {result.returncode}) from {' '.join(map(str, args))}:\n{result.stderr}")
    return result


def refs(binary, workdir, *args):
    """stdout of `refs --db lib.sqlite --offline ARGS` in workdir; stops the test when refs fails."""
    result = run([binary, "--db", "lib.sqlite", "--offline", *args], workdir)
    if result.returncode != 0:
        raise SystemExit(f"refs {' '.join(args)} failed: {result.stderr}")
    return result.stdout


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}: {str(detail)[:2000]}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
