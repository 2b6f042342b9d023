#!/usr/bin/python3
"""The examples in examples/ (Python and C) against a running kijid."""
import os
import subprocess
import sys

from kdtest import JA2, Fail, Kijid, check, main

def test_examples(a):
    ex = os.path.join(a["src"], "examples")
    py = sys.executable
    with Kijid(a["kijid"]) as k:
        art = os.path.join(k.dir, "a.txt")
        with open(art, "w") as f:
            f.write(JA2)
        subs = [subprocess.Popen([py, os.path.join(ex, "python", "subscriber.py"), "--endpoint",
                                  k.ep["out"], "--count", "2", "article"], stdout=subprocess.PIPE),
                # Everything: a distinct prefix, so kijid sees two subscriptions
                # (XPUB forwards a repeated prefix only once).
                subprocess.Popen([a["c-subscriber"], "--endpoint", k.ep["out"], "--count", "2"],
                                 stdout=subprocess.PIPE)]
        try:
            k.wait_subscribers(2)
            r = subprocess.run([py, os.path.join(ex, "python", "publisher.py"), "--endpoint",
                                k.ep["in"], art, "ex-py", "2026-02-13"], timeout=30)
            check(r.returncode == 0, "python publisher failed")
            r = subprocess.run([a["c-publisher"], "--endpoint", k.ep["in"], art, "ex-c"], timeout=30)
            check(r.returncode == 0, "C publisher failed")
            outs = [s.communicate(timeout=30)[0].decode() for s in subs]
        finally:
            for s in subs:
                if s.poll() is None:
                    s.kill()
                    s.wait()
        check("ex-py money:" in outs[0] and "ex-c money:" in outs[0], "python subscriber: %r"
              % outs[0])
        check('"id":"ex-py"' in outs[1] and '"id":"ex-c"' in outs[1], "C subscriber: %r" % outs[1])
        check("億ドル" in outs[0], "python subscriber printed no money fact: %r" % outs[0])
        check(k.stop() == 0, "exit status")


if __name__ == "__main__":
    main({"examples": test_examples})
