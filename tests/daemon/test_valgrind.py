#!/usr/bin/python3
"""kijid under valgrind for a 1,000-article run (valid and invalid input,
in --no-drop mode so a subscriber slowed by valgrind loses nothing,
fact topics, api requests, SIGTERM drain): no invalid access, no leak."""
import os
import re

from kdtest import EN, JA, JA2, Kijid, check, collect, main


def test_valgrind(a):
    import shutil
    import tempfile
    d = tempfile.mkdtemp(prefix="kd-valgrind-")
    log = os.path.join(d, "valgrind.log")
    vg = ["valgrind", "--error-exitcode=9", "--leak-check=full",
          "--errors-for-leak-kinds=definite,indirect,possible",
          "--show-leak-kinds=definite,indirect,possible", "--log-file=" + log]
    try:
        with Kijid(a["kijid"], ["--fact-topics", "all", "--stats-interval", "2", "--no-drop"], wrapper=vg,
                   ready_timeout=120) as k:
            sub = k.sub()
            k.wait_subscribers(1, timeout=60)
            push = k.push()
            texts = [JA, JA2, EN]
            n = 1000
            for i in range(n):
                if i % 50 == 7:
                    push.send(b"\xe3\x81" + b"x")  # invalid UTF-8
                else:
                    push.send_multipart([('{"id":"v-%d","published":"2026-02-13","x":%d}'
                                          % (i, i)).encode(),
                                         ("%s (%d)" % (texts[i % 3], i)).encode()])
            st = k.wait_idle(n, timeout=600)
            check(st["errors"] == 20 and st["articles"] == n - 20, "stats %r" % st)
            t, _ = k.request([JA.encode()], timeout=60)
            check(t == "article", "api under valgrind")
            rc = k.stop(timeout=120)
            got = collect(sub, lambda m: False, timeout=60, idle=2)
            check(sum(t == "article" for t, _ in got) == n - 20 + 1, "articles published")
        with open(log) as f:
            text = f.read()
        check(rc == 0, "kijid under valgrind exited %d:\n%s" % (rc, text[-3000:]))
        check(re.search(r"ERROR SUMMARY: 0 errors", text), "valgrind errors:\n" + text[-3000:])
        check("definitely lost" not in text or "definitely lost: 0 bytes" in text, "leak")
        print(re.findall(r"(?:ERROR SUMMARY|definitely lost|in use at exit).*", text))
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main({"valgrind": test_valgrind})
