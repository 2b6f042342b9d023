#!/usr/bin/python3
"""Minimal kijid publisher: send one article file as [envelope][text].

usage: publisher.py [--endpoint tcp://127.0.0.1:7701] FILE [ID] [PUBLISHED]
Needs Debian's python3-zmq. Copy freely.
"""
import json
import sys

import zmq

args = sys.argv[1:]
endpoint = "tcp://127.0.0.1:7701"
if args[:1] == ["--endpoint"]:
    endpoint, args = args[1], args[2:]
path = args[0]
envelope = {}
if len(args) > 1:
    envelope["id"] = args[1]
if len(args) > 2:
    envelope["published"] = args[2]  # RFC 3339 date: relative dates resolve against it

ctx = zmq.Context()
push = ctx.socket(zmq.PUSH)
push.setsockopt(zmq.IMMEDIATE, 1)   # do not queue for a kijid that is not there
push.setsockopt(zmq.SNDTIMEO, 5000)  # ... and say so after 5 s
push.setsockopt(zmq.LINGER, 10000)   # let the message leave before exit
push.connect(endpoint)
with open(path, "rb") as f:
    text = f.read()
push.send_multipart([json.dumps(envelope).encode(), text])
push.close()
ctx.term()
