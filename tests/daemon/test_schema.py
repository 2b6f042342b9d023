#!/usr/bin/python3
"""Every message of a corpus run validates against docs/schema (JSON Schema
2020-12, Debian's python3-jsonschema): articles, fact.<type>, errors, stats,
api replies, and the envelopes sent. Uses /work-style corpus files when
present (KIJI_CORPUS or ../shared/corpus), else the test's own articles."""
import glob
import json
import os

import jsonschema
from jsonschema import Draft202012Validator

from kdtest import EN, JA, JA2, Kijid, check, collect, main


def validators(src):
    d = os.path.join(src, "docs", "schema")
    schemas = {}
    for p in glob.glob(os.path.join(d, "*.schema.json")):
        with open(p) as f:
            s = json.load(f)
        Draft202012Validator.check_schema(s)
        schemas[os.path.basename(p)] = s
    # Relative "$ref"s resolve against each schema's $id (python3-jsonschema
    # 4.10 in Debian 12 predates the `referencing` library).
    store = {s["$id"]: s for s in schemas.values()}
    return {n.split(".")[0]: Draft202012Validator(
        s, resolver=jsonschema.RefResolver.from_schema(s, store=store))
        for n, s in schemas.items()}


def corpus_records(src, n):
    root = os.environ.get("KIJI_CORPUS") or os.path.join(src, "..", "shared", "corpus")
    recs = []
    for name in ("ja_news.jsonl", "en_news.jsonl"):
        p = os.path.join(root, name)
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                for i, line in enumerate(f):
                    if i >= n:
                        break
                    recs.append(json.loads(line))
    if not recs:
        recs = [{"id": "own-%d" % i, "date": "2026-02-13", "text": t}
                for i, t in enumerate([JA, JA2, EN] * 20)]
    return recs


def test_schema(a):
    v = validators(a["src"])
    recs = corpus_records(a["src"], 60)
    # --no-drop: a subscriber slowed by a loaded machine must not lose the
    # error messages the counts below ask for (drop-and-count would).
    with Kijid(a["kijid"], ["--fact-topics", "all", "--stats-interval", "1", "--no-drop"]) as k:
        sub = k.sub()
        k.wait_subscribers(1)
        push = k.push()
        sent = 0
        for r in recs:
            env = {key: val for key, val in r.items() if key not in ("text", "date")}
            if r.get("date") and len(r["date"]) == 10:
                env["published"] = r["date"]
            v["envelope"].validate(env)
            push.send_multipart([json.dumps(env).encode(), r["text"].encode()])
            sent += 1
        for bad in ([b"\xff"], [b"[]", b"x"], [b'{"id":1}', b"x"], [b"a", b"b", b"c"], [b""]):
            push.send_multipart(bad)
            sent += 1
        k.wait_idle(sent, timeout=180)
        replies = [k.request([b'{"cmd":"ping"}']), k.request([b'{"cmd":"stats"}']),
                   k.request([JA.encode()]), k.request([b"\xff"])]
        # Output is published in order, so a stats message that counts every
        # input comes after all of their messages.
        msgs = collect(sub, lambda m: m and m[-1][0] == "stats" and
                       m[-1][1]["received"] == sent + 2, timeout=60)
        counts = {}
        for t, m in msgs + [tuple(r) for r in replies]:
            name = {"article": "article", "error": "error", "stats": "stats",
                    "pong": "pong"}.get(t, "fact-message" if t.startswith("fact.") else None)
            check(name is not None, "unknown topic %r" % t)
            try:
                v[name].validate(m)
            except jsonschema.ValidationError as e:
                raise AssertionError("%s message fails its schema: %s\n%s" % (t, e.message,
                                                                            json.dumps(m)[:400]))
            counts[t.split(".")[0]] = counts.get(t.split(".")[0], 0) + 1
        check(counts.get("article", 0) >= len(recs) // 2 and counts.get("error", 0) >= 5 and
              counts.get("fact", 0) > 0 and counts.get("stats", 0) > 0, "counts %r" % counts)
        print("validated", counts)
        check(k.stop() == 0, "exit status")


if __name__ == "__main__":
    main({"schema": test_schema})
