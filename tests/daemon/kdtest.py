"""kdtest -- harness for kijid's integration tests: a real kijid on ipc
endpoints in a private temporary directory, a real NOTIFY_SOCKET, and real
ZeroMQ clients. Every wait is bounded; the daemon is killed and the directory
removed whatever happens.

Run with Debian's /usr/bin/python3 (python3-zmq, python3-jsonschema).
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import zmq

# Articles written for these tests, in wire style (not third-party text).
JA = ("【東京】政府は13日、2026年度の防衛予算として約8兆7000億円を計上すると発表した。"
      "木原稔官房長官は記者会見で「抑止力の強化が急務だ」と述べた。")
JA2 = ("トヨタ自動車は10日、米国の電池工場に約50億ドル(約7500億円)を追加投資すると発表した。"
       "生産能力は前年比で20%増える見通し。")
EN = ("TOKYO (Reuters) - Toyota Motor Corp said on Friday it would invest $5 billion "
      "in a new battery plant in North Carolina, about 20% more than it planned last year.")


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


def args():
    """--kijid PATH --kiji PATH --src DIR [--NAME VALUE]... [test name]"""
    a = {"kijid": None, "kiji": None, "src": None, "rest": []}
    it = iter(sys.argv[1:])
    for x in it:
        if x.startswith("--"):
            a[x[2:]] = next(it)
        else:
            a["rest"].append(x)
    return a


class Kijid:
    """A kijid process on private ipc endpoints."""

    def __init__(self, kijid, extra=(), env=None, workers=2, config=None, start=True,
                 wrapper=(), ready_timeout=15):
        self.bin = kijid
        self.dir = tempfile.mkdtemp(prefix="kd-")
        self.ep = {k: "ipc://%s/%s" % (self.dir, k) for k in ("in", "out", "api")}
        self.notify_path = os.path.join(self.dir, "notify")
        self.nsock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.nsock.bind(self.notify_path)
        self.nsock.settimeout(0.05)
        self.notes = []
        self.proc = None
        self.stderr_path = os.path.join(self.dir, "stderr")
        self.ctx = zmq.Context()
        self.socks = []
        # threads owning sockets of ctx (finish() stops one and closes its
        # socket): stopped before ctx.term(), which waits for every socket
        # and would hang a failed test until ctest's timeout
        self.threads = []
        self.ready_timeout = ready_timeout
        self.cmd = [*wrapper, kijid, "--in", self.ep["in"], "--out", self.ep["out"], "--api",
                    self.ep["api"], "--workers", str(workers)]
        if config is not None:
            self.config_path = os.path.join(self.dir, "kijid.conf")
            self.write_config(config)
            self.cmd += ["--config", self.config_path]
        self.cmd += list(extra)
        self.env = dict(os.environ, NOTIFY_SOCKET=self.notify_path)
        if env:
            self.env.update(env)
        if start:
            try:
                self.start()
            except BaseException:
                # No `with` block yet to clean up: do it here.
                if self.proc:
                    sys.stderr.write("---- kijid stderr ----\n%s\n" % self.stderr())
                self.close()
                raise

    def write_config(self, text):
        with open(self.config_path, "w") as f:
            f.write(text)

    def start(self):
        self.errf = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(self.cmd, env=self.env, stderr=self.errf,
                                     stdout=subprocess.DEVNULL)
        self.wait_note("READY=1", self.ready_timeout)

    def read_notes(self, wait=0.0):
        end = time.monotonic() + wait
        while True:
            try:
                self.notes.append(self.nsock.recv(4096).decode())
            except socket.timeout:
                if time.monotonic() >= end:
                    return
            except BlockingIOError:
                return

    def wait_note(self, text, timeout=10, after=0):
        """Wait for a notify datagram containing text (among notes[after:])."""
        end = time.monotonic() + timeout
        while True:
            for i, n in enumerate(self.notes[after:]):
                if text in n.split("\n"):
                    return after + i
            if self.proc and self.proc.poll() is not None:
                raise Fail("kijid exited (%s) before %r: %s" % (self.proc.returncode, text,
                                                               self.stderr()))
            if time.monotonic() > end:
                raise Fail("no %r from kijid in %ss; got %r" % (text, timeout, self.notes))
            self.read_notes(0.05)

    def stderr(self):
        with open(self.stderr_path, "rb") as f:
            return f.read().decode(errors="replace")

    def sock(self, kind, ep, **opts):
        s = self.ctx.socket(kind)
        s.setsockopt(zmq.LINGER, opts.pop("linger", 0))
        for k, v in opts.items():
            s.setsockopt(getattr(zmq, k.upper()), v)
        s.connect(self.ep[ep] if ep in self.ep else ep)
        self.socks.append(s)
        return s

    def push(self, **opts):
        opts.setdefault("linger", 5000)
        return self.sock(zmq.PUSH, "in", **opts)

    def sub(self, *topics, rcvhwm=100000, **opts):
        s = self.sock(zmq.SUB, "out", rcvhwm=rcvhwm, **opts)
        for t in topics or ("",):
            s.setsockopt(zmq.SUBSCRIBE, t.encode())
        return s

    def request(self, frames, timeout=10):
        """One api request on a fresh REQ socket; returns [topic, json]."""
        s = self.sock(zmq.REQ, "api")
        s.send_multipart([f if isinstance(f, bytes) else f.encode() for f in frames])
        if not s.poll(timeout * 1000):
            raise Fail("api: no reply to %r in %ss" % (frames[:1], timeout))
        r = s.recv_multipart()
        s.close()
        self.socks.remove(s)
        return [r[0].decode(), json.loads(r[1])]

    def stats(self):
        return self.request([b'{"cmd":"stats"}'])[1]

    def wait_subscribers(self, n, timeout=10):
        end = time.monotonic() + timeout
        while self.stats()["subscriptions"] < n:
            if time.monotonic() > end:
                raise Fail("subscribers never arrived")
            time.sleep(0.02)

    def wait_idle(self, received, timeout=60):
        """Wait until `received` inputs are accounted for; returns stats."""
        end = time.monotonic() + timeout
        while True:
            st = self.stats()
            check(st["received"] == st["articles"] + st["errors"],
                  "accounting invariant broken: %r" % st)
            if st["received"] >= received and st["in_flight"] == 0:
                return st
            if time.monotonic() > end:
                raise Fail("only %d of %d inputs accounted for: %r" % (st["received"], received, st))
            time.sleep(0.02)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Fail("kijid did not exit within %ss of signal %d" % (timeout, sig))

    def close(self):
        for t in self.threads:
            t.finish()
        for s in self.socks:
            s.close(0)
        self.ctx.term()
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        if getattr(self, "errf", None):
            self.errf.close()
        self.nsock.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is not None and self.proc:
            sys.stderr.write("---- kijid stderr ----\n%s\n" % self.stderr())
        self.close()


def collect(sock, until, timeout=30, idle=None):
    """Receive [topic, json] messages until until(msgs) is true (or idle
    seconds pass without a message when idle is set)."""
    msgs = []
    end = time.monotonic() + timeout
    while not until(msgs):
        left = end - time.monotonic()
        if left <= 0:
            raise Fail("timed out after %d messages" % len(msgs))
        wait = min(left, idle) if idle else left
        if not sock.poll(int(wait * 1000) + 1):
            if idle:
                return msgs
            continue
        f = sock.recv_multipart()
        msgs.append((f[0].decode(), json.loads(f[1])))
    return msgs


def main(tests):
    """Run the test named on the command line (or all); print and exit."""
    a = args()
    names = a["rest"] or list(tests)
    for n in names:
        t0 = time.monotonic()
        try:
            tests[n](a)
        except Fail as e:
            print("FAIL %s: %s" % (n, e))
            sys.exit(1)
        print("ok %s (%.1fs)" % (n, time.monotonic() - t0))
