"""kijid under the system call filter of systemd/kijid.service (issue 10).

    test_seccomp.py --kijid PATH --kiji PATH --src DIR

The build container has no systemd as PID 1, so the unit's
SystemCallFilter= is applied the way systemd applies it, by
seccomp_exec.py (libseccomp through Debian's python3-seccomp), in front of
kijid. Then the daemon test suite (tests/daemon/test_daemon.py: articles,
topics, api, stats, SIGHUP reload, SIGTERM drain, no-drop, notify, config,
client commands, SUB input, CURVE) runs against the filtered kijid twice:

  1. --action kill: a call outside the allow-list kills kijid with SIGSYS,
     so a passing run shows that kijid makes no call the unit forbids;
  2. as the unit says (SystemCallErrorNumber=EPERM), a shorter run.

First it checks that the filter bites (a forbidden chown is killed, or
fails with EPERM) and that a filtered kijid runs in seccomp filter mode.
Exits 77 (ctest: skipped) when python3-seccomp or systemd-analyze is
missing.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
ALL = ["traffic", "topics", "api", "api_busy", "drain", "reload", "nodrop", "drop_accounting",
       "notify", "config", "client", "sub_input", "curve"]
SHORT = ["traffic", "api", "reload", "drain", "curve"]


def main():
    a, it = {}, iter(sys.argv[1:])
    for x in it:
        a[x[2:]] = next(it)
    try:
        import seccomp  # noqa: F401
    except ImportError:
        print("SKIP seccomp: python3-seccomp is not installed (apt-get install python3-seccomp)")
        return SKIP
    if not shutil.which("systemd-analyze"):
        print("SKIP seccomp: systemd-analyze is missing (apt-get install systemd)")
        return SKIP
    unit = os.path.join(a["src"], "systemd", "kijid.service")
    exe = os.path.join(HERE, "seccomp_exec.py")
    d = tempfile.mkdtemp(prefix="kiji-seccomp-")
    try:
        allow = os.path.join(d, "allow")
        with open(allow, "w") as f:
            subprocess.run([sys.executable, exe, "--unit", unit, "--print"], stdout=f,
                           check=True, timeout=120)
        with open(allow) as f:
            calls = f.read().split()
        print("allow-list: %d calls (@default + @system-service - @privileged)" % len(calls))
        for must_not in ("chown", "mount", "setuid", "capset", "init_module", "reboot"):
            if must_not in calls:
                print("FAIL seccomp: %s is allowed; the unit's ~@privileged should remove it"
                      % must_not)
                return 1

        # The filter bites: chown(2) is in @privileged.
        victim = os.path.join(d, "file")
        open(victim, "w").close()
        r = subprocess.run([sys.executable, exe, "--unit", unit, "--allow-file", allow,
                            "--action", "kill", "--", "/bin/chown", "0", victim],
                           capture_output=True, timeout=30)
        if r.returncode != -31 and r.returncode != 128 + 31:
            print("FAIL seccomp: a forbidden chown under --action kill exited %d" % r.returncode)
            return 1
        r = subprocess.run([sys.executable, exe, "--unit", unit, "--allow-file", allow,
                            "--", "/bin/chown", "0", victim], capture_output=True, timeout=30)
        if r.returncode == 0 or b"not permitted" not in r.stderr:
            print("FAIL seccomp: a forbidden chown under EPERM: %d %r" % (r.returncode, r.stderr))
            return 1

        for action, tests in (("kill", ALL), ("unit", SHORT)):
            wrapper = os.path.join(d, "kijid-" + action)
            with open(wrapper, "w") as f:
                f.write('#!/bin/sh\nexec %s %s --unit %s --allow-file %s --action %s -- %s "$@"\n'
                        % (sys.executable, exe, unit, allow, action, a["kijid"]))
            os.chmod(wrapper, 0o755)
            # A filtered kijid is in seccomp filter mode (Seccomp: 2) once it
            # is up (READY=1 on its NOTIFY_SOCKET).
            notify = os.path.join(d, "notify-" + action)
            nsock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            nsock.bind(notify)
            p = subprocess.Popen([wrapper, "--in", "ipc://%s/in" % d, "--out",
                                  "ipc://%s/out" % d, "--api", "ipc://%s/api" % d],
                                 stderr=subprocess.DEVNULL,
                                 env=dict(os.environ, NOTIFY_SOCKET=notify))
            try:
                mode, ready = None, False
                end = time.monotonic() + 15
                while not ready and time.monotonic() < end and p.poll() is None:
                    nsock.settimeout(0.2)
                    try:
                        ready = "READY=1" in nsock.recv(4096).decode().split("\n")
                    except OSError:
                        pass
                if ready:
                    with open("/proc/%d/status" % p.pid) as f:
                        for line in f:
                            if line.startswith("Seccomp:"):
                                mode = line.split()[1]
            finally:
                nsock.close()
                p.terminate()
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(10)
                    print("FAIL seccomp: filtered kijid did not stop within 30 s of SIGTERM")
                    return 1
            if mode != "2":
                print("FAIL seccomp: the filtered kijid is not in filter mode (%r)" % mode)
                return 1
            if p.returncode != 0:
                print("FAIL seccomp: filtered kijid exited %d on SIGTERM" % p.returncode)
                return 1
            t0 = time.monotonic()
            r = subprocess.run([sys.executable, os.path.join(a["src"], "tests", "daemon",
                                                             "test_daemon.py"),
                                "--kijid", wrapper, "--kiji", a["kiji"], "--src", a["src"],
                                *tests], capture_output=True, text=True, timeout=600)
            sys.stdout.write(r.stdout)
            if r.returncode:
                sys.stdout.write(r.stderr[-3000:])
                print("FAIL seccomp: the daemon tests failed under the filter (action %s)"
                      % action)
                return 1
            print("figures action=%s tests=%d seconds=%.1f" % (action, len(tests),
                                                              time.monotonic() - t0))
        print("ok seccomp")
        return 0
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
