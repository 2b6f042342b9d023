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
 *                     facts, subscriptions forwarded upstream.
 *
 * Endpoints bind by default; prefix one with '>' to connect instead ('@'
 * binds explicitly), as czmq spells it. --capture E binds a PUB socket that
 * gets a copy of every message; --stats E binds a REP socket that answers
 * any request with the proxy's counters as JSON. SIGTERM/SIGINT stop it.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
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
            "usage: kiji proxy --type articles|facts --frontend E[,E...] --backend E[,E...]\n"
            "                  [--capture E] [--stats E] [--hwm N] [--max-msg BYTES]\n"
            "articles: frontend PULL (producers), backend PUSH (kijid `in` connect);\n"
            "facts:    frontend XSUB (kijid `out` connect), backend XPUB (subscribers).\n"
            "Endpoints bind; '>E' connects. --capture binds a PUB copy of the traffic,\n"
            "--stats binds a REP answering any request with the counters (JSON).\n");
}

int cmd_proxy(int argc, char **argv)
{
    const char *type = NULL, *fe = NULL, *be = NULL, *cap = NULL, *stats = NULL;
    long hwm = 1000, maxmsg = 2 * 1024 * 1024 + 65536;
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
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 2;
        }
    }
    int facts = type && !strcmp(type, "facts");
    if (!type || (!facts && strcmp(type, "articles")) || !fe || !be) {
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
