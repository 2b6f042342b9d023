/*
 * cmd_proxy.c -- `kiji proxy`: the scale-out glue of docs/DEPLOY.md, on
 * ZeroMQ's own device patterns (what zmq_proxy does, in a loop that only
 * reads a side when the other can take the message: libzmq 4.3.4's
 * zmq_proxy spins at 50% CPU while a PUSH backend has no peer).
 *
 *   --type articles   frontend PULL (producers PUSH here), backend PUSH
 *                     (every kijid connects its `in`): a streamer that
 *                     load-balances articles over the kijid pool;
 *   --type facts      frontend XSUB (every kijid connects its `out`),
 *                     backend XPUB (subscribers connect): one stream of
 *                     facts, subscriptions forwarded upstream
 *                     (--no-drop: a full subscriber holds the stream back
 *                     instead of losing messages, ZMQ_XPUB_NODROP);
 *   --type api        frontend ROUTER (REQ/DEALER clients such as `kiji send
 *                     --reliable`), backend: each kijid's `api` endpoint,
 *                     connected with --slots DEALER sockets per kijid. A slot
 *                     carries one request at a time, so each reply is
 *                     matched to its client exactly (kijid's api answers the
 *                     single routing frame of its own peer), and a kijid
 *                     holds at most --slots requests: what a stopping kijid
 *                     took it answers (kijid drains); a request lost with a
 *                     dead kijid is retried by its client, and the slot is
 *                     recycled after --timeout ms.
 *
 * Endpoints bind by default; prefix one with '>' to connect instead ('@'
 * binds explicitly), as czmq spells it. --capture E binds a PUB socket that
 * gets a copy of every message; --stats E binds a REP socket that answers
 * any request with the proxy's counters as JSON. SIGTERM/SIGINT stop it.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "cmd_net.h"

typedef struct proxy {
    void *ctx, *front, *back, *capture;
} proxy;

static int set_int(void *s, int opt, int v)
{
    return zmq_setsockopt(s, opt, &v, sizeof v);
}

/* Attach to each endpoint of a comma-separated list ('>' connects). */
static int attach(void *s, const char *list, const char *name)
{
    char buf[1024];
    if (strlen(list) >= sizeof buf) {
        fprintf(stderr, "kiji proxy: %s: endpoint list too long\n", name);
        return -1;
    }
    strcpy(buf, list);
    for (char *save = NULL, *ep = strtok_r(buf, ",", &save); ep; ep = strtok_r(NULL, ",", &save)) {
        int bind = 1;
        if (*ep == '>' || *ep == '@') {
            bind = *ep == '@';
            ep++;
        }
        if (bind ? zmq_bind(s, ep) : zmq_connect(s, ep)) {
            fprintf(stderr, "kiji proxy: %s: cannot %s %s: %s\n", name, bind ? "bind" : "connect",
                    ep, zmq_strerror(zmq_errno()));
            return -1;
        }
    }
    return 0;
}

static int options(void *s, int hwm, int64_t maxmsg)
{
    int rc = set_int(s, ZMQ_LINGER, 2000);
    rc |= set_int(s, ZMQ_SNDHWM, hwm);
    rc |= set_int(s, ZMQ_RCVHWM, hwm);
    rc |= set_int(s, ZMQ_HEARTBEAT_IVL, 5000);
    rc |= set_int(s, ZMQ_HEARTBEAT_TIMEOUT, 15000);
    rc |= set_int(s, ZMQ_HEARTBEAT_TTL, 15000);
    rc |= set_int(s, ZMQ_HANDSHAKE_IVL, 10000);
    rc |= set_int(s, ZMQ_RECONNECT_IVL, 100);
    rc |= set_int(s, ZMQ_RECONNECT_IVL_MAX, 30000);
    rc |= zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &maxmsg, sizeof maxmsg);
    return rc;
}

/* Move one whole message from src to dst (and a copy to capture); the
 * caller has checked that dst can take it. Counts messages and bytes. */
static void forward(void *src, void *dst, void *capture, uint64_t *msgs, uint64_t *bytes)
{
    int more = 1;
    while (more) {
        zmq_msg_t m, c;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, src, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&m);
            return;
        }
        more = zmq_msg_more(&m);
        *bytes += zmq_msg_size(&m);
        if (capture) {
            zmq_msg_init(&c);
            zmq_msg_copy(&c, &m);
            if (zmq_msg_send(&c, capture, (more ? ZMQ_SNDMORE : 0) | ZMQ_DONTWAIT) < 0)
                zmq_msg_close(&c);
        }
        while (zmq_msg_send(&m, dst, more ? ZMQ_SNDMORE : 0) < 0 && zmq_errno() == EINTR)
            ;
        zmq_msg_close(&m);
    }
    (*msgs)++;
}

static int writable(void *s)
{
    int ev = 0;
    size_t sz = sizeof ev;
    return zmq_getsockopt(s, ZMQ_EVENTS, &ev, &sz) == 0 && (ev & ZMQ_POLLOUT);
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: kiji proxy --type articles|facts|api --frontend E[,E...] --backend E[,E...]\n"
            "                  [--capture E] [--stats E] [--hwm N] [--max-msg BYTES]\n"
            "                  [--no-drop] [--slots N] [--timeout MS]\n"
            "articles: frontend PULL (producers), backend PUSH (kijid `in` connect);\n"
            "facts:    frontend XSUB (kijid `out` connect), backend XPUB (subscribers);\n"
            "          --no-drop holds the stream back while a subscriber is full;\n"
            "api:      frontend ROUTER (REQ clients, `kiji send --reliable`), backend: the\n"
            "          kijid `api` endpoints (bound by kijid), --slots requests in flight\n"
            "          per kijid (default 4), a slot unanswered for --timeout ms (default\n"
            "          30000) is recycled (its client retries).\n"
            "Endpoints bind; '>E' connects (api backends always connect). --capture binds\n"
            "a PUB copy of the traffic, --stats binds a REP answering any request with the\n"
            "counters (JSON).\n");
}

/* ---- --type api: a request broker over kijid api sockets --------------- */

#define API_MAX_FRAMES 8 /* a kijid request has at most 3 after the route */

typedef struct slot {
    void *s;        /* DEALER connected to one kijid's api; NULL if it failed */
    void *mon;      /* PAIR reading s's connect/disconnect events */
    int up;         /* s is connected to its kijid now */
    int busy;       /* a request is out and its reply not yet back */
    unsigned char cid[256];
    size_t cidlen;  /* the client's routing id on the frontend */
    int64_t since;  /* when the request went out (ms) */
} slot;

typedef struct backend {
    char ep[256];
    slot *slots;
    uint64_t sent, replied, expired;
} backend;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A slot's socket and its monitor. Requests go only to a slot whose kijid is
 * connected (the monitor's CONNECTED/DISCONNECTED events), so a stopped or
 * restarting kijid gets none. Not ZMQ_IMMEDIATE, which would do the same with
 * less code: on a disconnect it drops the pipe with the replies still unread
 * in it, so a kijid that answers and stops at once would lose its last reply
 * (the client then sends the request again: a duplicate). */
static int slot_open(void *ctx, slot *sl, const char *ep, int hwm)
{
    char mep[64];
    int64_t any = -1; /* replies: kijid bounds them */
    sl->up = 0;
    sl->mon = NULL;
    if (!(sl->s = zmq_socket(ctx, ZMQ_DEALER)))
        return -1;
    snprintf(mep, sizeof mep, "inproc://kiji-proxy-slot-%p", (void *)sl);
    if (options(sl->s, hwm, any) || set_int(sl->s, ZMQ_LINGER, 0) ||
        zmq_socket_monitor(sl->s, mep, ZMQ_EVENT_CONNECTED | ZMQ_EVENT_DISCONNECTED) ||
        !(sl->mon = zmq_socket(ctx, ZMQ_PAIR)) || set_int(sl->mon, ZMQ_LINGER, 0) ||
        zmq_connect(sl->mon, mep) || zmq_connect(sl->s, ep)) {
        fprintf(stderr, "kiji proxy: backend %s: %s\n", ep, zmq_strerror(zmq_errno()));
        if (sl->mon)
            zmq_close(sl->mon);
        zmq_close(sl->s);
        sl->s = sl->mon = NULL;
        return -1;
    }
    return 0;
}

static void slot_close(slot *sl)
{
    if (sl->s) {
        zmq_socket_monitor(sl->s, NULL, 0);
        zmq_close(sl->s);
    }
    if (sl->mon)
        zmq_close(sl->mon);
    sl->s = sl->mon = NULL;
    sl->up = 0;
}

/* Read the slot's pending monitor events: [event u16, value u32][endpoint]. */
static void slot_events(slot *sl)
{
    for (;;) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, sl->mon, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&m);
            return;
        }
        uint16_t ev = 0;
        if (zmq_msg_size(&m) >= 2)
            memcpy(&ev, zmq_msg_data(&m), 2);
        int more = zmq_msg_more(&m);
        zmq_msg_close(&m);
        while (more) {
            zmq_msg_init(&m);
            if (zmq_msg_recv(&m, sl->mon, 0) < 0) {
                zmq_msg_close(&m);
                break;
            }
            more = zmq_msg_more(&m);
            zmq_msg_close(&m);
        }
        if (ev == ZMQ_EVENT_CONNECTED)
            sl->up = 1;
        else if (ev == ZMQ_EVENT_DISCONNECTED)
            sl->up = 0;
    }
}

/* Hand the pending request to a free slot, kijid by kijid in turn starting
 * after the last one used. Returns 1 when sent (the frames are consumed). */
static int dispatch(backend *b, int nb, int nslots, int *rr, zmq_msg_t *req, int nreq,
                    const unsigned char *cid, size_t cidlen)
{
    for (int k = 0; k < nb; k++) {
        int w = (*rr + k) % nb;
        for (int i = 0; i < nslots; i++) {
            slot *sl = &b[w].slots[i];
            if (!sl->s || !sl->up || sl->busy)
                continue;
            if (zmq_msg_send(&req[0], sl->s, (nreq > 1 ? ZMQ_SNDMORE : 0) | ZMQ_DONTWAIT) < 0)
                continue; /* its queue is full */
            /* libzmq takes the rest of a message whose first part it took. */
            for (int f = 1; f < nreq; f++)
                zmq_msg_send(&req[f], sl->s, f + 1 < nreq ? ZMQ_SNDMORE : 0);
            sl->busy = 1;
            memcpy(sl->cid, cid, cidlen);
            sl->cidlen = cidlen;
            sl->since = now_ms();
            b[w].sent++;
            *rr = w + 1;
            return 1;
        }
    }
    return 0;
}

/* Bring one reply from a slot back to its client (a client that is gone
 * loses it: ROUTER drops unroutable messages). */
static void give_back(void *front, slot *sl, uint64_t *bytes)
{
    int more = 1, first = 1;
    while (more) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, sl->s, first ? ZMQ_DONTWAIT : 0) < 0) {
            zmq_msg_close(&m);
            return;
        }
        if (first)
            zmq_send(front, sl->cid, sl->cidlen, ZMQ_SNDMORE | ZMQ_DONTWAIT);
        first = 0;
        more = zmq_msg_more(&m);
        *bytes += zmq_msg_size(&m);
        if (zmq_msg_send(&m, front, (more ? ZMQ_SNDMORE : 0) | ZMQ_DONTWAIT) < 0)
            zmq_msg_close(&m);
    }
    sl->busy = 0;
}

static void api_stats(void *st, const backend *b, int nb, uint64_t requests, uint64_t refused,
                      uint64_t bytes)
{
    zmq_msg_t m;
    zmq_msg_init(&m);
    int more = 1;
    while (more && zmq_msg_recv(&m, st, 0) >= 0)
        more = zmq_msg_more(&m);
    zmq_msg_close(&m);
    size_t cap = 256 + (size_t)nb * 384, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        zmq_send(st, "{}", 2, 0);
        return;
    }
    uint64_t fw = 0, rep = 0, exp = 0;
    for (int w = 0; w < nb; w++)
        fw += b[w].sent, rep += b[w].replied, exp += b[w].expired;
    len += (size_t)snprintf(buf + len, cap - len,
                            "{\"type\":\"api\",\"requests\":%llu,\"forwarded\":%llu,"
                            "\"returned\":%llu,\"returned_bytes\":%llu,\"expired\":%llu,"
                            "\"refused\":%llu,\"backends\":[",
                            (unsigned long long)requests, (unsigned long long)fw,
                            (unsigned long long)rep, (unsigned long long)bytes,
                            (unsigned long long)exp, (unsigned long long)refused);
    for (int w = 0; w < nb; w++)
        len += (size_t)snprintf(buf + len, cap - len,
                                "%s{\"endpoint\":\"%.200s\",\"forwarded\":%llu,\"returned\":%llu,"
                                "\"expired\":%llu}",
                                w ? "," : "", b[w].ep, (unsigned long long)b[w].sent,
                                (unsigned long long)b[w].replied, (unsigned long long)b[w].expired);
    len += (size_t)snprintf(buf + len, cap - len, "]}");
    zmq_send(st, buf, len, 0);
    free(buf);
}

static int run_api(void *ctx, void *front, void *st, int sigfd, const char *list, int nslots,
                   long timeout_ms, int hwm)
{
    char eps[1024];
    backend *b = NULL;
    zmq_pollitem_t *it = NULL;
    int nb = 0, rc = 1;
    if (strlen(list) >= sizeof eps) {
        fprintf(stderr, "kiji proxy: backend: endpoint list too long\n");
        return 1;
    }
    strcpy(eps, list);
    for (char *save = NULL, *ep = strtok_r(eps, ",", &save); ep; ep = strtok_r(NULL, ",", &save)) {
        if (*ep == '@') {
            fprintf(stderr, "kiji proxy: api backends connect to kijid (%s)\n", ep);
            goto out;
        }
        ep += *ep == '>';
        backend *nbk = realloc(b, (size_t)(nb + 1) * sizeof *b);
        if (!nbk || strlen(ep) >= sizeof b->ep)
            goto out;
        b = nbk;
        memset(&b[nb], 0, sizeof *b);
        strcpy(b[nb].ep, ep);
        if (!(b[nb].slots = calloc((size_t)nslots, sizeof(slot)))) {
            nb++;
            goto out;
        }
        nb++;
        for (int i = 0; i < nslots; i++)
            if (slot_open(ctx, &b[nb - 1].slots[i], ep, hwm))
                goto out;
    }
    if (!nb || !(it = calloc((size_t)(3 + 2 * nb * nslots), sizeof *it)))
        goto out;

    zmq_msg_t req[API_MAX_FRAMES];
    unsigned char cid[256];
    size_t cidlen = 0;
    int nreq = 0, rr = 0, draining = 0;
    int64_t drain_end = 0;
    uint64_t requests = 0, refused = 0, bytes = 0;
    for (;;) {
        int64_t now = now_ms(), wake = now + 1000;
        int nfree = 0, nbusy = 0, n = 0;
        for (int w = 0; w < nb; w++)
            for (int i = 0; i < nslots; i++) {
                slot *sl = &b[w].slots[i];
                if (sl->s && sl->up && !sl->busy)
                    nfree++;
                if (sl->busy) {
                    nbusy++;
                    if (sl->since + timeout_ms < wake)
                        wake = sl->since + timeout_ms;
                }
            }
        if (draining && (!nbusy || now >= drain_end))
            break;
        it[n++] = (zmq_pollitem_t){NULL, sigfd, ZMQ_POLLIN, 0};
        it[n++] = (zmq_pollitem_t){st, st ? 0 : -1, (short)(st ? ZMQ_POLLIN : 0), 0};
        int read_front = !draining && !nreq && nfree;
        it[n++] = (zmq_pollitem_t){front, 0, (short)(read_front ? ZMQ_POLLIN : 0), 0};
        for (int w = 0; w < nb; w++)
            for (int i = 0; i < nslots; i++) {
                slot *sl = &b[w].slots[i];
                it[n++] = (zmq_pollitem_t){sl->s, sl->s ? 0 : -1,
                                           (short)(sl->busy ? ZMQ_POLLIN : 0), 0};
                it[n++] = (zmq_pollitem_t){sl->mon, sl->mon ? 0 : -1,
                                           (short)(sl->mon ? ZMQ_POLLIN : 0), 0};
            }
        long wait = nreq ? 20 : (long)(wake > now ? wake - now : 0);
        if (draining && drain_end - now < wait)
            wait = (long)(drain_end > now ? drain_end - now : 0);
        if (zmq_poll(it, n, wait) < 0 && zmq_errno() != EINTR)
            break;
        if (!draining && (it[0].revents & ZMQ_POLLIN)) {
            /* Stop taking requests; give back what the kijid answer. */
            draining = 1;
            drain_end = now_ms() + (timeout_ms < 5000 ? timeout_ms : 5000);
            fprintf(stderr, "kiji proxy: stopping, %d requests in flight\n", nbusy);
        }
        for (int w = 0, k = 3; w < nb; w++)
            for (int i = 0; i < nslots; i++, k += 2) {
                slot *sl = &b[w].slots[i];
                if (sl->mon && (it[k + 1].revents & ZMQ_POLLIN))
                    slot_events(sl);
                if (sl->busy && (it[k].revents & ZMQ_POLLIN)) {
                    give_back(front, sl, &bytes);
                    if (!sl->busy)
                        b[w].replied++;
                }
            }
        now = now_ms();
        for (int w = 0; w < nb; w++)
            for (int i = 0; i < nslots; i++) {
                slot *sl = &b[w].slots[i];
                if (sl->busy && now - sl->since >= timeout_ms) {
                    /* No answer: the kijid is gone or stuck. A fresh socket,
                     * so a late reply can never reach the wrong client. */
                    slot_close(sl);
                    sl->busy = 0;
                    slot_open(ctx, sl, b[w].ep, hwm);
                    b[w].expired++;
                }
            }
        if (nreq && dispatch(b, nb, nslots, &rr, req, nreq, cid, cidlen))
            nreq = 0;
        for (int k = 0; !draining && !nreq && k < 256; k++) {
            zmq_msg_t m;
            zmq_msg_init(&m);
            if (zmq_msg_recv(&m, front, ZMQ_DONTWAIT) < 0) {
                zmq_msg_close(&m);
                break;
            }
            int more = zmq_msg_more(&m);
            cidlen = zmq_msg_size(&m) < sizeof cid ? zmq_msg_size(&m) : sizeof cid;
            memcpy(cid, zmq_msg_data(&m), cidlen);
            zmq_msg_close(&m);
            requests++;
            while (more) {
                zmq_msg_t *f = nreq < API_MAX_FRAMES ? &req[nreq] : &m;
                zmq_msg_init(f);
                zmq_msg_recv(f, front, 0);
                more = zmq_msg_more(f);
                if (f == &m)
                    zmq_msg_close(&m);
                nreq++;
            }
            if (nreq == 0 || nreq > API_MAX_FRAMES) {
                /* Nothing to forward, or more frames than any kijid request
                 * has: dropped unanswered, counted. */
                for (int f = 0; f < nreq && f < API_MAX_FRAMES; f++)
                    zmq_msg_close(&req[f]);
                nreq = 0;
                refused++;
                continue;
            }
            if (dispatch(b, nb, nslots, &rr, req, nreq, cid, cidlen))
                nreq = 0;
        }
        if (st && (it[1].revents & ZMQ_POLLIN))
            api_stats(st, b, nb, requests, refused, bytes);
    }
    for (int f = 0; f < nreq; f++)
        zmq_msg_close(&req[f]);
    uint64_t fw = 0, rep = 0;
    for (int w = 0; w < nb; w++)
        fw += b[w].sent, rep += b[w].replied;
    fprintf(stderr, "kiji proxy: stopped after %llu requests forwarded, %llu replies returned\n",
            (unsigned long long)fw, (unsigned long long)rep);
    rc = 0;
out:
    for (int w = 0; w < nb; w++) {
        for (int i = 0; b[w].slots && i < nslots; i++)
            slot_close(&b[w].slots[i]);
        free(b[w].slots);
    }
    free(b);
    free(it);
    return rc;
}

int cmd_proxy(int argc, char **argv)
{
    const char *type = NULL, *fe = NULL, *be = NULL, *cap = NULL, *stats = NULL;
    long hwm = 1000, maxmsg = 2 * 1024 * 1024 + 65536, nslots = 4, timeout_ms = 30000;
    int nodrop = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(a, "--type") && has)
            type = argv[++i];
        else if (!strcmp(a, "--frontend") && has)
            fe = argv[++i];
        else if (!strcmp(a, "--backend") && has)
            be = argv[++i];
        else if (!strcmp(a, "--capture") && has)
            cap = argv[++i];
        else if (!strcmp(a, "--stats") && has)
            stats = argv[++i];
        else if ((!strcmp(a, "--hwm") || !strcmp(a, "--max-msg")) && has) {
            char *end;
            errno = 0;
            long v = strtol(argv[++i], &end, 10);
            if (errno || *end || v < 1 || v > (1L << 30)) {
                usage(stderr);
                return 2;
            }
            *(a[2] == 'h' ? &hwm : &maxmsg) = v;
        } else if ((!strcmp(a, "--slots") || !strcmp(a, "--timeout")) && has) {
            char *end;
            errno = 0;
            long v = strtol(argv[++i], &end, 10);
            if (errno || *end || v < 1 || v > (a[2] == 's' ? 1000 : 3600000)) {
                usage(stderr);
                return 2;
            }
            *(a[2] == 's' ? &nslots : &timeout_ms) = v;
        } else if (!strcmp(a, "--no-drop")) {
            nodrop = 1;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 2;
        }
    }
    int facts = type && !strcmp(type, "facts"), api = type && !strcmp(type, "api");
    if (!type || (!facts && !api && strcmp(type, "articles")) || !fe || !be ||
        (api && cap) || (nodrop && !facts)) {
        usage(stderr);
        return 2;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    int sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);

    proxy p = {0};
    void *st = NULL;
    int rc = 1;
    p.ctx = zmq_ctx_new();
    if (api) {
        p.front = zmq_socket(p.ctx, ZMQ_ROUTER);
        if (sigfd < 0 || !p.front || options(p.front, (int)hwm, maxmsg)) {
            fprintf(stderr, "kiji proxy: cannot set up sockets: %s\n", zmq_strerror(zmq_errno()));
            goto out;
        }
        if (stats && (!(st = zmq_socket(p.ctx, ZMQ_REP)) || set_int(st, ZMQ_LINGER, 0) ||
                      attach(st, stats, "stats")))
            goto out;
        if (attach(p.front, fe, "frontend"))
            goto out;
        fprintf(stderr, "kiji proxy: api %s -> %s (%ld slots each)\n", fe, be, nslots);
        rc = run_api(p.ctx, p.front, st, sigfd, be, (int)nslots, timeout_ms, (int)hwm);
        goto out;
    }
    p.front = zmq_socket(p.ctx, facts ? ZMQ_XSUB : ZMQ_PULL);
    p.back = zmq_socket(p.ctx, facts ? ZMQ_XPUB : ZMQ_PUSH);
    if (sigfd < 0 || !p.front || !p.back ||
        options(p.front, (int)hwm, facts ? 4096 : maxmsg) ||
        options(p.back, (int)hwm, facts ? 4096 : maxmsg)) {
        fprintf(stderr, "kiji proxy: cannot set up sockets: %s\n", zmq_strerror(zmq_errno()));
        goto out;
    }
    /* The facts side receives whole result messages from kijid: no limit
     * beyond kijid's own; its backend receives only subscriptions. */
    if (facts) {
        int64_t any = -1, small = 4096;
        zmq_setsockopt(p.front, ZMQ_MAXMSGSIZE, &any, sizeof any);
        zmq_setsockopt(p.back, ZMQ_MAXMSGSIZE, &small, sizeof small);
        /* --no-drop: the XPUB backend is not writable while a subscriber
         * is full, so the loop below stops reading the kijid's facts and
         * their own --no-drop holds their input. */
        if (nodrop && set_int(p.back, ZMQ_XPUB_NODROP, 1))
            goto out;
    }
    if (cap) {
        p.capture = zmq_socket(p.ctx, ZMQ_PUB);
        if (!p.capture || set_int(p.capture, ZMQ_LINGER, 0) ||
            set_int(p.capture, ZMQ_SNDHWM, (int)hwm) || attach(p.capture, cap, "capture"))
            goto out;
    }
    if (stats) {
        st = zmq_socket(p.ctx, ZMQ_REP);
        if (!st || set_int(st, ZMQ_LINGER, 0) || attach(st, stats, "stats"))
            goto out;
    }
    if (attach(p.front, fe, "frontend") || attach(p.back, be, "backend"))
        goto out;
    fprintf(stderr, "kiji proxy: %s %s -> %s\n", type, fe, be);
    /* One thread, one poll: read a side only when the other can take the
     * message, so back-pressure reaches the senders (a PUSH backend with
     * no kijid connected is not writable: producers wait, nothing spins). */
    uint64_t v[4] = {0}; /* forward msgs, bytes; backward msgs, bytes */
    for (;;) {
        int fw = writable(p.back), bw = writable(p.front);
        zmq_pollitem_t it[4] = {{NULL, sigfd, ZMQ_POLLIN, 0},
                                {st, 0, ZMQ_POLLIN, 0},
                                {p.front, 0, (short)(fw ? ZMQ_POLLIN : 0), 0},
                                {p.back, 0, (short)(bw ? ZMQ_POLLIN : ZMQ_POLLOUT), 0}};
        if (!fw)
            it[3].events |= ZMQ_POLLOUT;
        if (!st)
            it[1].socket = NULL, it[1].fd = -1, it[1].events = 0;
        int n = zmq_poll(it, 4, 1000);
        if (n < 0 && zmq_errno() != EINTR)
            break;
        if (it[0].revents & ZMQ_POLLIN)
            break;
        if (fw && (it[2].revents & ZMQ_POLLIN))
            for (int k = 0; k < 256 && writable(p.back); k++) {
                uint64_t before = v[0];
                forward(p.front, p.back, p.capture, &v[0], &v[1]);
                if (v[0] == before)
                    break;
            }
        if (!facts || bw)
            for (int k = 0; k < 256 && (it[3].revents & ZMQ_POLLIN) && writable(p.front); k++) {
                uint64_t before = v[2];
                forward(p.back, p.front, NULL, &v[2], &v[3]);
                if (v[2] == before)
                    break;
            }
        if (st && (it[1].revents & ZMQ_POLLIN)) {
            zmq_msg_t m;
            zmq_msg_init(&m);
            int more = 1;
            while (more && zmq_msg_recv(&m, st, 0) >= 0)
                more = zmq_msg_more(&m);
            zmq_msg_close(&m);
            char buf[320];
            int len = snprintf(buf, sizeof buf,
                               "{\"type\":\"%s\",\"forwarded\":%llu,\"forwarded_bytes\":%llu,"
                               "\"returned\":%llu,\"returned_bytes\":%llu}",
                               type, (unsigned long long)v[0], (unsigned long long)v[1],
                               (unsigned long long)v[2], (unsigned long long)v[3]);
            zmq_send(st, buf, (size_t)len, 0);
        }
    }
    rc = 0;
    fprintf(stderr, "kiji proxy: stopped after %llu messages forwarded, %llu returned\n",
            (unsigned long long)v[0], (unsigned long long)v[2]);
out:
    if (st)
        zmq_close(st);
    void *socks[] = {p.front, p.back, p.capture};
    for (int i = 0; i < 3; i++)
        if (socks[i])
            zmq_close(socks[i]);
    zmq_ctx_term(p.ctx);
    if (sigfd >= 0)
        close(sigfd);
    return rc;
}
