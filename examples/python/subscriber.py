#!/usr/bin/python3
"""Minimal kijid subscriber: print money facts (or any topic prefixes).

usage: subscriber.py [--endpoint tcp://127.0.0.1:7702] [--count N] [TOPIC...]
Messages are two frames, [topic][json]; topics are article, fact.<type>,
error and stats, matched by prefix. Needs Debian's python3-zmq. Copy freely.
"""
import json
import sys

import zmq

args = sys.argv[1:]
endpoint, count = "tcp://127.0.0.1:7702", 0
while args and args[0].startswith("--"):
    if args[0] == "--endpoint":
        endpoint = args[1]
    elif args[0] == "--count":
        count = int(args[1])
    args = args[2:]
topics = args or ["article"]

ctx = zmq.Context()
sub = ctx.socket(zmq.SUB)
for t in topics:
    sub.setsockopt(zmq.SUBSCRIBE, t.encode())
sub.connect(endpoint)
seen = 0
while not count or seen < count:
    topic, body = sub.recv_multipart()
    msg = json.loads(body)
    if topic == b"article":
        money = [f for f in msg["facts"] if f["type"] == "money"]
        print(msg["id"], "money:", ", ".join("%s=%s %s" % (f["text"], f.get("value"),
                                                          f.get("currency", "")) for f in money))
    else:
        print(topic.decode(), json.dumps(msg, ensure_ascii=False))
    sys.stdout.flush()
    seen += 1
sub.close(0)
ctx.term()
