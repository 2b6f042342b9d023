/*
 * cmd_proxy.c -- `kiji proxy`: the scale-out glue of docs/DEPLOY.md, on
 * ZeroMQ's own devices (zmq_proxy_steerable).
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
 * any request with the proxy's counters as JSON. The proxy runs on its own
 * thread; the main thread owns the stats socket and the signals, and stops
 * the proxy over an inproc control socket (TERMINATE) on SIGTERM/SIGINT.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include <zmq.h>

#include "cmd_net.h"

#define CONTROL_EP "inproc://kiji-proxy-control"

typedef struct proxy {
    void *ctx, *front, *back, *capture, *control;
    int rc;
} proxy;

static int set_int(void *s, int opt, int v)
{
    return zmq_setsockopt(s, opt, &v, sizeof v);
}

static int attach(void *s, const char *ep, const char *name)
{
    int bind = 1;
    if (*ep == '>' || *ep == '@') {
        bind = *ep == '@';
        ep++;
    }
    int rc = bind ? zmq_bind(s, ep) : zmq_connect(s, ep);
    if (rc)
        fprintf(stderr, "kiji proxy: %s: cannot %s %s: %s\n", name, bind ? "bind" : "connect", ep,
                zmq_strerror(zmq_errno()));
    return rc;
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

static void *run(void *arg)
{
    proxy *p = arg;
    void *ctl = zmq_socket(p->ctx, ZMQ_PAIR);
    set_int(ctl, ZMQ_LINGER, 0);
    if (zmq_connect(ctl, CONTROL_EP)) {
        p->rc = -1;
        zmq_close(ctl);
        return NULL;
    }
    p->rc = zmq_proxy_steerable(p->front, p->back, p->capture, ctl);
    zmq_close(ctl);
    return NULL;
}

/* STATISTICS: eight uint64 frames (frontend msgs in, bytes in, msgs out,
 * bytes out, then the same for the backend). */
static int statistics(void *control, uint64_t v[8])
{
    if (zmq_send(control, "STATISTICS", 10, 0) < 0)
        return -1;
    zmq_pollitem_t it = {control, 0, ZMQ_POLLIN, 0};
    if (zmq_poll(&it, 1, 2000) <= 0)
        return -1;
    for (int i = 0; i < 8; i++) {
        uint64_t x = 0;
        if (zmq_recv(control, &x, sizeof x, 0) != (int)sizeof x)
            return -1;
        v[i] = x;
    }
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: kiji proxy --type articles|facts --frontend E --backend E\n"
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
    p.control = zmq_socket(p.ctx, ZMQ_PAIR);
    if (sigfd < 0 || !p.front || !p.back || !p.control ||
        options(p.front, (int)hwm, facts ? 4096 : maxmsg) ||
        options(p.back, (int)hwm, facts ? 4096 : maxmsg) || set_int(p.control, ZMQ_LINGER, 0) ||
        zmq_bind(p.control, CONTROL_EP)) {
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
    pthread_t th;
    if (pthread_create(&th, NULL, run, &p)) {
        fprintf(stderr, "kiji proxy: cannot start the proxy thread\n");
        goto out;
    }
    fprintf(stderr, "kiji proxy: %s %s -> %s\n", type, fe, be);
    for (;;) {
        zmq_pollitem_t it[2] = {{NULL, sigfd, ZMQ_POLLIN, 0}, {st, 0, ZMQ_POLLIN, 0}};
        int n = zmq_poll(it, st ? 2 : 1, 1000);
        if (n < 0 && zmq_errno() != EINTR)
            break;
        if (it[0].revents & ZMQ_POLLIN)
            break;
        if (st && (it[1].revents & ZMQ_POLLIN)) {
            zmq_msg_t m;
            zmq_msg_init(&m);
            int more = 1;
            while (more && zmq_msg_recv(&m, st, 0) >= 0)
                more = zmq_msg_more(&m);
            zmq_msg_close(&m);
            uint64_t v[8] = {0};
            char buf[512];
            int len;
            if (statistics(p.control, v))
                len = snprintf(buf, sizeof buf, "{\"error\":\"no statistics\"}");
            else
                len = snprintf(buf, sizeof buf,
                               "{\"type\":\"%s\",\"frontend_in\":%llu,\"frontend_in_bytes\":%llu,"
                               "\"frontend_out\":%llu,\"frontend_out_bytes\":%llu,"
                               "\"backend_in\":%llu,\"backend_in_bytes\":%llu,"
                               "\"backend_out\":%llu,\"backend_out_bytes\":%llu}",
                               type, (unsigned long long)v[0], (unsigned long long)v[1],
                               (unsigned long long)v[2], (unsigned long long)v[3],
                               (unsigned long long)v[4], (unsigned long long)v[5],
                               (unsigned long long)v[6], (unsigned long long)v[7]);
            zmq_send(st, buf, (size_t)len, 0);
        }
    }
    zmq_send(p.control, "TERMINATE", 9, 0);
    pthread_join(th, NULL);
    rc = p.rc == 0 ? 0 : 1;
    fprintf(stderr, "kiji proxy: stopped\n");
out:
    if (st)
        zmq_close(st);
    void *socks[] = {p.front, p.back, p.capture, p.control};
    for (int i = 0; i < 4; i++)
        if (socks[i])
            zmq_close(socks[i]);
    zmq_ctx_term(p.ctx);
    if (sigfd >= 0)
        close(sigfd);
    return rc;
}
