"""Scale-out across network namespaces (issue 10): three kijid, each in a
network namespace of its own joined to the root namespace by a veth pair,
one `kiji proxy --type api` and one `kiji proxy --type facts` in the root
namespace, feeders (`kiji send --reliable`) and a subscriber that only know
the proxies' endpoints. One worker gets SIGTERM mid-run.

    test_scaleout.py --kijid PATH --kiji PATH --src DIR [--articles N]
                     [--senders S] [--strict 1]

Checks: every article id reaches the subscriber, none twice unless a
client resent it (with --strict 1: none twice at all, exactly once), each
of the three kijid parsed a share (their final stats, by pid), the shares
add up to what the subscriber got, the stopped kijid exited 0, and every
sender exited 0. Prints
"figures ..." and "ok scaleout". Exits 77 (ctest: skipped) with a message
when network namespaces cannot be made here (not root, no `ip`, no
CAP_SYS_ADMIN).

Addresses: 10.213.N.0/24 with N chosen at random among the values no
interface of this machine uses, one /30 per worker; the namespace and
interface names carry the test's pid. Every command and wait is bounded,
and namespaces, veths and processes are removed in a finally (also on
SIGTERM/SIGINT from ctest's timeout).
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "daemon"))
import zmq  # noqa: E402

SKIP = 77
WORKERS = 3
OUT_PORT, API_PORT = 7712, 7703


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


def figures(**kw):
    print("figures " + " ".join("%s=%s" % (k, v) for k, v in kw.items()), flush=True)


def ip(*args, ns=None, ok_fail=False):
    cmd = (["ip", "netns", "exec", ns] if ns else []) + ["ip", *args]
    r = subprocess.run(cmd, capture_output=True, timeout=15)
    if r.returncode and not ok_fail:
        raise Fail("%s: %s" % (" ".join(cmd), r.stderr.decode(errors="replace").strip()))
    return r


def article(i):
    """Short wire-style articles written for this test, each different."""
    texts = ("東京都は3日、新しい防災計画を発表した。費用は約12億円になる。",
             "大阪市の会社が5日、工場を新設すると明らかにした。",
             "The city council said on Tuesday that the bridge would reopen in May.")
    return "%s (%d)" % (texts[i % 3], i)


class Net:
    """Three namespaces, each with a veth pair to the root namespace."""

    def __init__(self):
        tag = os.getpid() % 100000
        self.ns = ["kiji-rel-%d-%d" % (tag, i) for i in range(WORKERS)]
        self.host_if = ["kr%dh%d" % (tag, i) for i in range(WORKERS)]
        self.made_ns, self.made_if = [], []
        used = subprocess.run(["ip", "-4", "-o", "addr"], capture_output=True, timeout=15,
                              text=True).stdout
        free = [n for n in range(1, 255) if " 10.213.%d." % n not in used]
        check(free, "no free 10.213.N.0/24")
        self.n = random.choice(free)

    def host_addr(self, i):
        return "10.213.%d.%d" % (self.n, 4 * i + 1)

    def worker_addr(self, i):
        return "10.213.%d.%d" % (self.n, 4 * i + 2)

    def up(self):
        for i in range(WORKERS):
            ns, hif, wif = self.ns[i], self.host_if[i], self.host_if[i][:-2] + "w%d" % i
            ip("netns", "add", ns)
            self.made_ns.append(ns)
            ip("link", "add", hif, "type", "veth", "peer", "name", wif)
            self.made_if.append(hif)
            ip("link", "set", wif, "netns", ns)
            ip("addr", "add", self.host_addr(i) + "/30", "dev", hif)
            ip("link", "set", hif, "up")
            ip("addr", "add", self.worker_addr(i) + "/30", "dev", wif, ns=ns)
            ip("link", "set", wif, "up", ns=ns)
            ip("link", "set", "lo", "up", ns=ns)

    def down(self):
        for hif in self.made_if:
            ip("link", "del", hif, ok_fail=True)
        for ns in self.made_ns:
            ip("netns", "del", ns, ok_fail=True)


class Subscriber(threading.Thread):
    """Reads article ids and final stats (by pid) from the facts proxy."""

    def __init__(self, ctx, ep):
        super().__init__(daemon=True)
        self.s = ctx.socket(zmq.SUB)
        self.s.setsockopt(zmq.LINGER, 0)
        self.s.setsockopt(zmq.RCVHWM, 0)
        for t in (b"article", b"error", b"stats"):
            self.s.setsockopt(zmq.SUBSCRIBE, t)
        self.s.connect(ep)
        self.ids, self.errors, self.final = [], 0, {}
        self.lock = threading.Lock()
        self.stop = False

    def run(self):
        while not self.stop:
            if not self.s.poll(100):
                continue
            f = self.s.recv_multipart()
            body = json.loads(f[1])
            with self.lock:
                if f[0] == b"article":
                    self.ids.append(body["id"])
                elif f[0] == b"error":
                    self.errors += 1
                elif body.get("final"):
                    self.final[body["pid"]] = body
        self.s.close(0)

    def n(self):
        with self.lock:
            return len(self.ids)

    def wait(self, cond, timeout, what):
        end = time.monotonic() + timeout
        while True:
            with self.lock:
                if cond():
                    return
            if time.monotonic() > end:
                raise Fail("%s: timed out (%d ids)" % (what, len(self.ids)))
            time.sleep(0.05)


def request(ctx, ep, body, timeout=5):
    s = ctx.socket(zmq.REQ)
    s.setsockopt(zmq.LINGER, 0)
    s.connect(ep)
    try:
        s.send(body)
        if not s.poll(timeout * 1000):
            raise Fail("no answer from %s" % ep)
        return s.recv_multipart()
    finally:
        s.close(0)


def wait_ready(nsock, want, timeout):
    end = time.monotonic() + timeout
    got = 0
    while got < want:
        left = end - time.monotonic()
        check(left > 0, "only %d of %d kijid sent READY=1" % (got, want))
        nsock.settimeout(min(left, 0.5))
        try:
            if "READY=1" in nsock.recv(4096).decode().split("\n"):
                got += 1
        except OSError:
            pass


def run(a):
    n = int(a.get("articles", 6000))
    senders = int(a.get("senders", 4))
    d = tempfile.mkdtemp(prefix="kiji-scaleout-")
    net = Net()
    procs, ctx, sub = [], zmq.Context(), None
    try:
        try:
            net.up()
        except (Fail, OSError, subprocess.SubprocessError) as e:
            if not net.made_ns:
                print("SKIP scaleout: network namespaces are not available here (needs root, "
                      "iproute2 and CAP_SYS_ADMIN): %s" % e, flush=True)
                return SKIP
            raise

        def spawn(cmd, name, env=None):
            f = open(os.path.join(d, name + ".err"), "wb")
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=f, env=env)
            f.close()
            p.name = name
            procs.append(p)
            return p

        facts_fe = ",".join("tcp://%s:%d" % (net.host_addr(i), OUT_PORT) for i in range(WORKERS))
        api_be = ",".join(">tcp://%s:%d" % (net.worker_addr(i), API_PORT) for i in range(WORKERS))
        ep_sub, ep_front, ep_pst = ("ipc://%s/%s" % (d, x) for x in ("sub", "front", "pstats"))
        spawn([a["kiji"], "proxy", "--type", "facts", "--no-drop", "--frontend", facts_fe,
               "--backend", ep_sub], "facts-proxy")
        spawn([a["kiji"], "proxy", "--type", "api", "--frontend", ep_front, "--backend", api_be,
               "--slots", "4", "--timeout", "30000", "--stats", ep_pst], "api-proxy")
        sub = Subscriber(ctx, ep_sub)
        sub.start()

        notify = os.path.join(d, "notify")
        import socket
        nsock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        nsock.bind(notify)
        env = dict(os.environ, NOTIFY_SOCKET=notify)
        workers = []
        for i in range(WORKERS):
            workers.append(spawn(
                ["ip", "netns", "exec", net.ns[i], a["kijid"], "--workers", "1",
                 "--in", "ipc://%s/in%d" % (d, i),
                 "--out", "tcp://%s:%d" % (net.host_addr(i), OUT_PORT), "--out-mode", "connect",
                 "--api", "tcp://%s:%d" % (net.worker_addr(i), API_PORT),
                 "--no-drop", "--hwm", "100", "--wait-subscriptions", "1",
                 "--log-level", "notice"], "kijid%d" % i, env=env))
        wait_ready(nsock, WORKERS, 20)
        nsock.close()

        files = []
        for s in range(senders):
            path = os.path.join(d, "in%d.jsonl" % s)
            with open(path, "w") as f:
                for i in range(s, n, senders):
                    f.write(json.dumps({"id": "so-%06d" % i, "text": article(i)},
                                       ensure_ascii=False) + "\n")
            files.append(path)
        t0 = time.monotonic()
        feeders = [spawn([a["kiji"], "send", "--reliable", "--quiet", "--jsonl", "--endpoint",
                          ep_front, "--timeout", "10000", "--retries", "4", path], "send%d" % s)
                   for s, path in enumerate(files)]

        # SIGTERM one worker once half the articles are through.
        victim = workers[1]
        sub.wait(lambda: len(sub.ids) >= n // 2, 300, "half the articles")
        at_kill = sub.n()
        victim.send_signal(signal.SIGTERM)
        try:
            victim_rc = victim.wait(30)
        except subprocess.TimeoutExpired:
            raise Fail("the stopped kijid did not exit within 30 s")
        check(victim_rc == 0, "the stopped kijid exited %d" % victim_rc)

        end = time.monotonic() + 600
        for p in feeders:
            try:
                p.wait(max(1, end - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise Fail("%s still running after 600 s" % p.name)
        elapsed = time.monotonic() - t0
        bad = [(p.name, p.returncode) for p in feeders if p.returncode]
        check(not bad, "senders failed: %r" % bad)
        retries = 0
        for s in range(senders):
            with open(os.path.join(d, "send%d.err" % s), errors="replace") as f:
                retries += f.read().count("retrying")
        want = {"so-%06d" % i for i in range(n)}
        sub.wait(lambda: want <= set(sub.ids), 60, "every id")
        pst = json.loads(request(ctx, ep_pst, b"?")[0])

        for w in workers:
            if w.poll() is None:
                w.send_signal(signal.SIGTERM)
        for w in workers:
            try:
                w.wait(30)
            except subprocess.TimeoutExpired:
                raise Fail("%s did not stop within 30 s" % w.name)
        sub.wait(lambda: len(sub.final) >= WORKERS, 30, "final stats of the 3 kijid")
        time.sleep(0.3)  # a duplicate, if any, would arrive by now
        with sub.lock:
            ids, final = list(sub.ids), dict(sub.final)
        dups = len(ids) - len(set(ids))
        shares = {w.name: final.get(w.pid, {}).get("articles") for w in workers}
        seen, twice = set(), []
        for x in ids:
            if x in seen:
                twice.append(x)
            seen.add(x)
        api = {w.name: [final.get(w.pid, {}).get(k) for k in
                        ("api_requests", "api_replies", "api_unroutable")] for w in workers}
        print("figures articles=%d shares=%s received=%d duplicates=%d twice=%s retries=%d "
              "api(requests,replies,unroutable)=%s proxy=%s"
              % (n, shares, len(ids), dups, twice[:10], retries, api, json.dumps(pst)),
              flush=True)
        check(set(ids) == want, "%d of %d ids received" % (len(set(ids) & want), n))
        # Every duplicate must come from a client's resend (a reply that did
        # not come back in --timeout): kijid and the proxies never repeat a
        # message. --strict 1 also requires none at all (exactly once): the
        # plain ctest build runs so. (A run in 38 once had one: the proxy's
        # slots used ZMQ_IMMEDIATE, which drops a reply still unread when its
        # kijid disconnects; the slots now watch their connection instead.)
        check(dups <= retries, "%d ids twice but only %d resends" % (dups, retries))
        if int(a.get("strict", 0)):
            check(dups == 0, "%d ids received more than once" % dups)
        check(all(v for v in shares.values()), "a worker got no share: %r" % shares)
        check(sum(shares.values()) == len(ids),
              "workers parsed %d, subscriber got %d" % (sum(shares.values()), len(ids)))
        check(sub.errors == 0, "%d error replies" % sub.errors)
        figures(articles=n, senders=senders, seconds="%.1f" % elapsed,
                per_s="%.0f" % (n / elapsed), ids_at_sigterm=at_kill, victim="kijid1",
                victim_exit=victim_rc, shares="/".join(str(shares[w.name]) for w in workers),
                received=len(ids), duplicates=dups, sender_retries=retries,
                proxy_forwarded=pst["forwarded"], proxy_returned=pst["returned"],
                proxy_expired=pst["expired"],
                subnet="10.213.%d.0/24" % net.n)
        print("ok scaleout", flush=True)
        return 0
    except Fail as e:
        print("FAIL scaleout: %s" % e, flush=True)
        for p in procs:
            path = os.path.join(d, p.name + ".err")
            if os.path.exists(path):
                with open(path, errors="replace") as f:
                    tail = f.read()[-600:]
                if tail.strip():
                    print("---- %s stderr ----\n%s" % (p.name, tail))
        return 1
    finally:
        if sub:
            sub.stop = True
            sub.join(5)
        for p in procs:
            if p.poll() is None:
                p.kill()
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                pass
        ctx.term()
        net.down()
        shutil.rmtree(d, ignore_errors=True)


def main():
    a, it = {}, iter(sys.argv[1:])
    for x in it:
        check(x.startswith("--"), "usage: see the module docstring")
        a[x[2:]] = next(it)
    if os.geteuid() != 0 or not shutil.which("ip"):
        print("SKIP scaleout: needs root and iproute2's `ip` for network namespaces", flush=True)
        return SKIP

    def stop(signum, frame):
        raise SystemExit(128 + signum)  # unwinds through run()'s finally
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    return run(a)


if __name__ == "__main__":
    sys.exit(main())
