/*
 * server.c -- kijid's main thread: it owns the in, out and api sockets,
 * dispatches jobs to the workers, collects their results and is the only
 * publisher. One poll loop (poll_items: zmq_poll minus most of its system calls), never a
 * blocking call.
 *
 * Flow control: out is an XPUB with ZMQ_XPUB_NODROP, sent with ZMQ_DONTWAIT,
 * so a full subscriber shows up as EAGAIN instead of a silent drop (plain PUB
 * reports success and loses the message). With --no-drop the message is held
 * and input pauses until it goes out; otherwise it is dropped and counted.
 * Input is read only when nothing is held, so every queue stays bounded; the
 * api socket stays readable (up to a small backlog) so ping and stats are
 * answered while input is paused.
 * Signals arrive on a signalfd polled with the sockets.
 */
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "kd.h"

#define BATCH 64         /* messages taken per socket per loop turn */
#define OUT_MAXMSG 4096  /* out only receives subscriptions */
#define STATUS_EVERY 5.0 /* seconds between STATUS= updates */
#define RETRY_MIN_MS 1   /* back-off while a subscriber is full */
#define RETRY_MAX_MS 50
#define API_BACKLOG 64 /* api inputs taken while the job queue is full */
#define POLL_MAX 9      /* items in one loop turn's poll */
#define WATCH_MAX 6     /* sockets polled by descriptor: in out api mon in_mon zap */

typedef struct pending {
    kd_result *r;
    struct pending *next;
} pending;

/* A socket polled by its ZMQ_FD (poll_items). quiet: the last ZMQ_EVENTS
 * found nothing to read and the socket has not been used since. */
typedef struct watched {
    void *s;
    int fd;
    int quiet;
} watched;

typedef struct server {
    kd_config cfg;
    const char *config_path;
    int argc;
    char **argv;
    void *ctx, *in, *out, *api;
    kd_workers *ws; /* the parser threads and their job and result rings */
    void *zap; /* ZAP handler (REP), when CURVE is on */
    void *mon;    /* out's connection events (PAIR), always drained */
    void *in_mon; /* in's disconnections (PAIR), always drained */
    int sigfd;
    kd_stats st;
    pending *head, *tail;
    size_t npending;
    kd_job *backlog, *backlog_tail; /* jobs the job queue had no room for */
    size_t nbacklog;
    int draining;
    double drain_deadline;
    int drain_forced;
    int retry_ms;
    int gate_open; /* wait_subscriptions reached */
    double next_stats, next_status, next_watchdog;
    uint64_t watchdog_usec;
    double last_result; /* when a worker last returned a result */
    watched watch[WATCH_MAX];
    int nwatch;
} server;

/* ---- sockets ------------------------------------------------------------ */

static int set_int(void *s, int opt, int v)
{
    return zmq_setsockopt(s, opt, &v, sizeof v);
}

/* The options every external socket gets, explicitly, whatever libzmq's
 * defaults are this year. */
static int common_options(server *sv, void *s, int linger, int64_t maxmsg)
{
    const kd_config *c = &sv->cfg;
    int rc = 0;
    rc |= set_int(s, ZMQ_LINGER, linger);
    rc |= set_int(s, ZMQ_SNDHWM, c->hwm);
    rc |= set_int(s, ZMQ_RCVHWM, c->hwm);
    rc |= set_int(s, ZMQ_HEARTBEAT_IVL, c->heartbeat_ivl_ms);
    rc |= set_int(s, ZMQ_HEARTBEAT_TIMEOUT, c->heartbeat_timeout_ms);
    rc |= set_int(s, ZMQ_HEARTBEAT_TTL, c->heartbeat_ttl_ms);
    rc |= set_int(s, ZMQ_HANDSHAKE_IVL, c->handshake_ivl_ms);
    rc |= set_int(s, ZMQ_RECONNECT_IVL, c->reconnect_ivl_ms);
    rc |= set_int(s, ZMQ_RECONNECT_IVL_MAX, c->reconnect_ivl_max_ms);
    rc |= zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &maxmsg, sizeof maxmsg);
    return rc;
}

static int attach(void *s, const kd_endpoint *e, const char *name)
{
    int rc = e->bind ? zmq_bind(s, e->addr) : zmq_connect(s, e->addr);
    if (rc)
        kd_log(KD_LOG_ERR, "%s: cannot %s %s: %s", name, e->bind ? "bind" : "connect", e->addr,
               zmq_strerror(zmq_errno()));
    else
        kd_log(KD_LOG_INFO, "%s: %s %s", name, e->bind ? "bound to" : "connecting to", e->addr);
    return rc;
}

static int open_sockets(server *sv)
{
    kd_config *c = &sv->cfg;
    /* A frame may exceed the article limit so that a too-large article gets
     * its `too_large` error; frames beyond twice the limit are refused by
     * libzmq itself (the peer is disconnected). */
    int64_t maxin = (int64_t)c->max_input * 2 + 65536;
    sv->in = zmq_socket(sv->ctx, c->in_sub ? ZMQ_SUB : ZMQ_PULL);
    sv->out = zmq_socket(sv->ctx, ZMQ_XPUB);
    sv->api = zmq_socket(sv->ctx, ZMQ_ROUTER);
    if (!sv->in || !sv->out || !sv->api) {
        kd_log(KD_LOG_ERR, "cannot create sockets: %s", zmq_strerror(zmq_errno()));
        return -1;
    }
    int rc = 0;
    rc |= common_options(sv, sv->in, 0, maxin);
    for (int i = 0; c->in_sub && i < c->nsubscribe; i++)
        rc |= zmq_setsockopt(sv->in, ZMQ_SUBSCRIBE, c->subscribe[i], strlen(c->subscribe[i]));
    rc |= common_options(sv, sv->out, c->out_linger_ms, OUT_MAXMSG);
    rc |= set_int(sv->out, ZMQ_XPUB_NODROP, 1);
    rc |= common_options(sv, sv->api, 0, maxin);
    rc |= set_int(sv->api, ZMQ_ROUTER_MANDATORY, 1);
    if (c->curve_secret[0]) {
        /* CURVE server on every external socket, whether it binds or
         * connects; ZAP (below) checks client keys against the allow-list. */
        void *ext[] = {sv->in, sv->out, sv->api};
        for (int i = 0; i < 3; i++) {
            rc |= set_int(ext[i], ZMQ_CURVE_SERVER, 1);
            rc |= zmq_setsockopt(ext[i], ZMQ_CURVE_SECRETKEY, c->curve_secret, 41);
            rc |= zmq_setsockopt(ext[i], ZMQ_ZAP_DOMAIN, "kiji", 4);
        }
    }
    if (rc) {
        kd_log(KD_LOG_ERR, "cannot set socket options: %s", zmq_strerror(zmq_errno()));
        return -1;
    }
    if (c->curve_secret[0]) {
        /* The ZAP handler must exist before the first peer handshakes. */
        sv->zap = zmq_socket(sv->ctx, ZMQ_REP);
        if (!sv->zap || set_int(sv->zap, ZMQ_LINGER, 0) ||
            zmq_bind(sv->zap, "inproc://zeromq.zap.01")) {
            kd_log(KD_LOG_ERR, "cannot start the ZAP handler: %s", zmq_strerror(zmq_errno()));
            return -1;
        }
        kd_log(KD_LOG_INFO, "curve: on, %s",
               c->nallow ? "allow-list of client keys" : "any client key");
    }
    /* Watch out's connections, so a subscriber lost to a heartbeat timeout
     * shows in the stats. The monitor is read on every loop turn: an unread
     * monitor stalls the monitored socket (libzmq#3575). */
    if (zmq_socket_monitor(sv->out, "inproc://kd-out-monitor",
                           ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_CONNECTED | ZMQ_EVENT_DISCONNECTED |
                               ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL |
                               ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL) ||
        !(sv->mon = zmq_socket(sv->ctx, ZMQ_PAIR)) || set_int(sv->mon, ZMQ_LINGER, 0) ||
        zmq_connect(sv->mon, "inproc://kd-out-monitor")) {
        kd_log(KD_LOG_ERR, "cannot monitor out: %s", zmq_strerror(zmq_errno()));
        return -1;
    }
    /* And in's disconnections: a producer refused for an oversize frame
     * (ZMQ_MAXMSGSIZE) is never received, but is counted here. */
    if (zmq_socket_monitor(sv->in, "inproc://kd-in-monitor", ZMQ_EVENT_DISCONNECTED) ||
        !(sv->in_mon = zmq_socket(sv->ctx, ZMQ_PAIR)) || set_int(sv->in_mon, ZMQ_LINGER, 0) ||
        zmq_connect(sv->in_mon, "inproc://kd-in-monitor")) {
        kd_log(KD_LOG_ERR, "cannot monitor in: %s", zmq_strerror(zmq_errno()));
        return -1;
    }
    if (attach(sv->out, &c->out, "out") || attach(sv->api, &c->api, "api") ||
        attach(sv->in, &c->in, "in"))
        return -1;
    return 0;
}

/* ---- polling ---------------------------------------------------------------- */

/* zmq_poll without most of its system calls. zmq_poll asks every socket for
 * ZMQ_EVENTS both before and after it sleeps, and each ask is a poll()
 * inside libzmq (and a getpid(), which main.c answers from a cache): some
 * ten system calls per loop turn, most for sockets with nothing to say. A socket's ZMQ_FD turns readable whenever
 * commands reach the socket (a message arriving among them), and any use
 * of the socket may take those commands in. So a socket whose last ask
 * found nothing to read and that was not used since (quiet) needs no ask
 * until its descriptor fires; every use of a socket calls touch() first. */
static void watch(server *sv, void *s)
{
    int fd = -1;
    size_t len = sizeof fd;
    if (!s || sv->nwatch >= WATCH_MAX || zmq_getsockopt(s, ZMQ_FD, &fd, &len))
        return; /* not watched: polled the slow way (ask on every turn) */
    sv->watch[sv->nwatch++] = (watched){s, fd, 0};
}

static watched *watched_of(server *sv, void *s)
{
    for (int i = 0; i < sv->nwatch; i++)
        if (sv->watch[i].s == s)
            return &sv->watch[i];
    return NULL;
}

static void touch(server *sv, void *s)
{
    watched *w = watched_of(sv, s);
    if (w)
        w->quiet = 0;
}

/* A receive with ZMQ_DONTWAIT that failed with EAGAIN took in every command
 * waiting (libzmq looks once more before it gives up): the socket is quiet
 * until its descriptor fires again, with no ask needed. */
static void drained(server *sv, void *s)
{
    watched *w = watched_of(sv, s);
    if (w && zmq_errno() == EAGAIN)
        w->quiet = 1;
}

/* Ask s for its events: 1 with it->revents set when it has what it->events
 * wants, 0 when not, -1 on error. */
static int ask(watched *w, void *s, zmq_pollitem_t *it)
{
    int ev = 0;
    size_t len = sizeof ev;
    if (zmq_getsockopt(s, ZMQ_EVENTS, &ev, &len))
        return -1;
    it->revents = (short)(ev & it->events);
    if (w)
        w->quiet = !(ev & ZMQ_POLLIN);
    return it->revents != 0;
}

/* zmq_poll's contract for this thread's items (sockets polled for
 * ZMQ_POLLIN, descriptors): the number of items with revents set, 0 on
 * timeout, or -1 with errno. */
static int poll_items(server *sv, zmq_pollitem_t *items, int n, long timeout)
{
    struct pollfd pfd[POLL_MAX];
    watched *w[POLL_MAX];
    int ready = 0;
    if (n > POLL_MAX) {
        errno = EINVAL;
        return -1;
    }
    for (int i = 0; i < n; i++) {
        items[i].revents = 0;
        w[i] = items[i].socket ? watched_of(sv, items[i].socket) : NULL;
        if (!items[i].socket) {
            pfd[i] = (struct pollfd){items[i].fd, (items[i].events & ZMQ_POLLIN) ? POLLIN : 0, 0};
            continue;
        }
        pfd[i] = (struct pollfd){w[i] ? w[i]->fd : -1, POLLIN, 0};
        if (!w[i] || !w[i]->quiet) {
            int rc = ask(w[i], items[i].socket, &items[i]);
            if (rc < 0)
                return -1;
            ready += rc;
        }
    }
    /* With something ready already, the descriptors are only looked at. */
    int rc = poll(pfd, (nfds_t)n, ready ? 0 : timeout > INT32_MAX ? INT32_MAX : (int)timeout);
    if (rc < 0)
        return -1;
    for (int i = 0; rc > 0 && i < n; i++) {
        if (!pfd[i].revents || items[i].revents)
            continue;
        if (!items[i].socket) {
            if (pfd[i].revents & (POLLIN | POLLERR | POLLHUP))
                items[i].revents = ZMQ_POLLIN;
            ready += items[i].revents != 0;
        } else {
            int r = ask(w[i], items[i].socket, &items[i]);
            if (r < 0)
                return -1;
            ready += r;
        }
    }
    return ready;
}

/* ---- publishing ------------------------------------------------------------ */

static void enqueue(server *sv, kd_result *r)
{
    pending *p = malloc(sizeof *p);
    if (!p) {
        /* Nowhere to hold it: count its messages as dropped, never silently. */
        sv->st.attempted += r->nmsgs;
        sv->st.dropped += r->nmsgs;
        kd_log(KD_LOG_ERR, "out of memory: dropped %zu messages", r->nmsgs);
        kd_result_free(r);
        return;
    }
    p->r = r;
    p->next = NULL;
    sv->st.attempted += r->nmsgs;
    if (sv->tail)
        sv->tail->next = p;
    else
        sv->head = p;
    sv->tail = p;
    sv->npending++;
}

/* Account one finished input: the only place received, articles and errors
 * change, all together. */
static void account(server *sv, kd_result *r)
{
    if (!r->counted)
        return;
    sv->st.received++;
    if (r->kind == KD_RESULT_ARTICLE) {
        sv->st.articles++;
        sv->st.facts += r->facts;
    } else {
        sv->st.errors++;
        sv->st.error_codes[kd_error_index(r->code)]++;
    }
}

static void reply(server *sv, const kd_route *rt, const char *topic, const char *json, size_t len)
{
    int flags = ZMQ_DONTWAIT | ZMQ_SNDMORE, rc = 0;
    if (rt->nhops == 0) {
        sv->st.api_unroutable++; /* a refused routing envelope: nowhere to reply */
        return;
    }
    touch(sv, sv->api);
    /* The routing frames back in order: the ROUTER takes the first to pick
     * the peer, each proxy on the way takes the next. */
    for (int i = 0, off = 0; i < rt->nhops && rc >= 0; off += rt->len[i], i++)
        rc = zmq_send(sv->api, rt->buf + off, rt->len[i], flags);
    if (rc >= 0 && rt->delim)
        rc = zmq_send(sv->api, "", 0, flags);
    if (rc >= 0)
        rc = zmq_send(sv->api, topic, strlen(topic), flags);
    if (rc >= 0)
        rc = zmq_send(sv->api, json, len, ZMQ_DONTWAIT);
    if (rc >= 0)
        sv->st.api_replies++;
    else {
        /* EHOSTUNREACH: the client is gone (it will retry); EAGAIN: its queue
         * is full. Either way the article itself was published. */
        sv->st.api_unroutable++;
        kd_log(KD_LOG_DEBUG, "api reply not delivered: %s", zmq_strerror(zmq_errno()));
    }
}

/* Send what is pending, in order. Returns 1 when a subscriber is full and
 * --no-drop holds the rest. */
static int flush(server *sv)
{
    if (sv->head)
        touch(sv, sv->out);
    while (sv->head) {
        kd_result *r = sv->head->r;
        while (r->next < r->nmsgs) {
            kd_outmsg *m = &r->msgs[r->next];
            int rc = zmq_send(sv->out, m->topic, strlen(m->topic), ZMQ_SNDMORE | ZMQ_DONTWAIT);
            if (rc < 0 && zmq_errno() == EAGAIN) {
                /* A send takes in the socket's commands only now and then,
                 * so the word that a subscriber's queue has room again may
                 * still wait in its mailbox: take it in (ZMQ_EVENTS) and try
                 * once more before calling the subscriber full. */
                int ev;
                size_t evlen = sizeof ev;
                if (zmq_getsockopt(sv->out, ZMQ_EVENTS, &ev, &evlen) == 0)
                    rc = zmq_send(sv->out, m->topic, strlen(m->topic),
                                  ZMQ_SNDMORE | ZMQ_DONTWAIT);
            }
            if (rc < 0 && zmq_errno() == EAGAIN) {
                if (sv->cfg.no_drop && !sv->drain_forced)
                    return 1;
                sv->st.dropped++;
            } else if (rc < 0) {
                kd_log(KD_LOG_ERR, "out: send failed: %s", zmq_strerror(zmq_errno()));
                sv->st.dropped++;
            } else {
                /* After the first frame the rest of a message is always
                 * accepted: XPUB admits whole messages. */
                while (zmq_send(sv->out, m->json, m->len, 0) < 0 && zmq_errno() == EINTR)
                    ;
                sv->st.published++;
            }
            r->next++;
        }
        if (r->from_api && r->nmsgs)
            reply(sv, &r->route, r->msgs[0].topic, r->msgs[0].json, r->msgs[0].len);
        pending *p = sv->head;
        sv->head = p->next;
        if (!sv->head)
            sv->tail = NULL;
        sv->npending--;
        kd_result_free(r);
        free(p);
    }
    sv->retry_ms = 0;
    return 0;
}

static void publish_stats(server *sv, int final)
{
    size_t len;
    char *s = kd_stats_json(&sv->st, &sv->cfg, final, &len);
    kd_result *r = kd_result_new(KD_RESULT_OTHER);
    if (!r || !s || kd_result_add(r, "stats", s, len)) {
        kd_result_free(r);
        if (!r)
            free(s);
        return;
    }
    enqueue(sv, r);
}

/* ---- input ----------------------------------------------------------------- */


static void dispatch(server *sv, kd_job *job)
{
    if (sv->st.in_flight++ == 0)
        sv->last_result = kd_now(); /* the stuck-worker clock starts now */
    job->fact_topics = sv->cfg.fact_topics;
    job->next = NULL;
    if (!sv->backlog && kd_workers_submit(sv->ws, job) == 0)
        return;
    /* Queue full: keep it in order; input pauses until the backlog drains. */
    if (sv->backlog_tail)
        sv->backlog_tail->next = job;
    else
        sv->backlog = job;
    sv->backlog_tail = job;
    sv->nbacklog++;
}

static void flush_backlog(server *sv)
{
    while (sv->backlog) {
        kd_job *job = sv->backlog;
        /* Once sent, the job belongs to a worker (which may free it at
         * once): take its successor first. */
        kd_job *next = job->next;
        if (kd_workers_submit(sv->ws, job) < 0)
            return; /* the workers' eventfd says when there is room */
        sv->backlog = next;
        if (!sv->backlog)
            sv->backlog_tail = NULL;
        sv->nbacklog--;
    }
}

/* An input that never reaches a worker: it is still one error. */
static void reject(server *sv, const kd_route *rt, int code, const char *text)
{
    kd_result *r = kd_error_result(code, NULL, (size_t)-1, text);
    if (!r) {
        sv->st.received++;
        sv->st.errors++;
        sv->st.error_codes[kd_error_index(code)]++;
        kd_log(KD_LOG_ERR, "out of memory: error message for rejected input not published");
        return;
    }
    if (rt) {
        r->from_api = 1;
        r->route = *rt;
    }
    account(sv, r);
    enqueue(sv, r);
}

/* One input, framed by kd_input_recv (frames.c): a job goes to a worker, a
 * command is answered at once, a refusal is still one error. */
static void take_input(server *sv, kd_input *in)
{
    const kd_route *rt = in->from_api ? &in->route : NULL;
    if (in->what == KD_INPUT_JOB)
        dispatch(sv, in->job);
    else if (in->what == KD_INPUT_PING) {
        json_t *r =
            json_pack("{s:i,s:b,s:s,s:i,s:f}", "schema", 1, "pong", 1, "version", KIJI_VERSION,
                      "pid", (int)getpid(), "uptime", kd_now() - sv->st.started);
        char *s = json_dumps(r, JSON_COMPACT);
        json_decref(r);
        if (s)
            reply(sv, rt, "pong", s, strlen(s));
        free(s);
    } else if (in->what == KD_INPUT_STATS) {
        size_t len;
        char *s = kd_stats_json(&sv->st, &sv->cfg, 0, &len);
        if (s)
            reply(sv, rt, "stats", s, len);
        free(s);
    } else
        reject(sv, rt, in->code, in->text);
}

static void read_in(server *sv)
{
    touch(sv, sv->in);
    for (int i = 0; i < BATCH && !sv->backlog && !sv->npending; i++) {
        kd_input in;
        if (kd_input_recv(sv->in, sv->cfg.in_sub ? KD_IN_SUB : KD_IN_PULL, &in) < 0) {
            drained(sv, sv->in);
            return;
        }
        take_input(sv, &in);
    }
}

static void read_api(server *sv)
{
    touch(sv, sv->api);
    for (int i = 0; i < BATCH && sv->nbacklog < API_BACKLOG && sv->npending < API_BACKLOG; i++) {
        kd_input in;
        if (kd_input_recv(sv->api, KD_IN_API, &in) < 0) {
            drained(sv, sv->api);
            return;
        }
        sv->st.api_requests++;
        take_input(sv, &in);
    }
}

/* The out socket's other direction: subscriptions (1 = subscribe, 0 =
 * unsubscribe, then the prefix). Always drained, or XPUB stalls. */
static void read_subscriptions(server *sv)
{
    touch(sv, sv->out);
    for (int i = 0; i < BATCH; i++) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, sv->out, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&m);
            return;
        }
        const unsigned char *p = zmq_msg_data(&m);
        if (zmq_msg_size(&m) >= 1) {
            if (p[0] == 1)
                sv->st.subscriptions++;
            else if (p[0] == 0 && sv->st.subscriptions > 0)
                sv->st.subscriptions--;
            kd_log(KD_LOG_DEBUG, "out: %s '%.*s'", p[0] ? "subscribe" : "unsubscribe",
                   (int)(zmq_msg_size(&m) - 1), (const char *)p + 1);
        }
        if (zmq_msg_more(&m))
            kd_discard_rest(sv->out);
        zmq_msg_close(&m);
    }
}

/* Results in the order the workers finished them. Stops early while a
 * message is held (--no-drop) or after BATCH; the loop then looks again
 * before it sleeps (kd_workers_waiting), as the eventfd only signals a
 * first result. */
static void read_results(server *sv)
{
    for (int i = 0; i < BATCH && !sv->npending; i++) {
        kd_result *r;
        kd_job *job;
        if (!kd_workers_take(sv->ws, &r, &job))
            return;
        sv->st.in_flight--;
        sv->last_result = kd_now();
        if (!r) {
            kd_route rt = job->route;
            int api = job->from_api;
            kd_job_free(job);
            reject(sv, api ? &rt : NULL, KIJI_ERR_NOMEM, "out of memory");
        } else {
            account(sv, r);
            enqueue(sv, r);
        }
        flush(sv);
    }
}

static void read_monitor(server *sv)
{
    touch(sv, sv->mon);
    for (int i = 0; i < BATCH; i++) {
        zmq_msg_t ev, addr;
        zmq_msg_init(&ev);
        if (zmq_msg_recv(&ev, sv->mon, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&ev);
            return;
        }
        uint16_t event = 0;
        if (zmq_msg_size(&ev) >= 2)
            memcpy(&event, zmq_msg_data(&ev), 2);
        zmq_msg_init(&addr);
        if (zmq_msg_more(&ev))
            zmq_msg_recv(&addr, sv->mon, 0);
        if (event == ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL ||
            event == ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL) {
            /* A subscriber that failed the handshake: under CURVE, a client
             * holding the wrong server key or speaking plain text (unknown
             * client keys are counted by the ZAP handler). */
            sv->st.auth_denied++;
            kd_log(KD_LOG_NOTICE, "out: handshake failed with %.*s", (int)zmq_msg_size(&addr),
                   (const char *)zmq_msg_data(&addr));
        } else if (event == ZMQ_EVENT_DISCONNECTED) {
            sv->st.out_disconnects++;
            if (sv->st.out_connections)
                sv->st.out_connections--;
        } else
            sv->st.out_connections++;
        kd_log(KD_LOG_DEBUG, "out: %s %.*s (%llu connected)",
               event == ZMQ_EVENT_DISCONNECTED ? "disconnected" : "connected",
               (int)zmq_msg_size(&addr), (const char *)zmq_msg_data(&addr),
               (unsigned long long)sv->st.out_connections);
        zmq_msg_close(&addr);
        zmq_msg_close(&ev);
    }
}

static void read_in_monitor(server *sv)
{
    touch(sv, sv->in_mon);
    for (int i = 0; i < BATCH; i++) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, sv->in_mon, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&m);
            return;
        }
        int second = zmq_msg_more(&m);
        zmq_msg_close(&m);
        if (second) {
            zmq_msg_init(&m);
            zmq_msg_recv(&m, sv->in_mon, 0);
            kd_log(KD_LOG_DEBUG, "in: disconnected %.*s", (int)zmq_msg_size(&m),
                   (const char *)zmq_msg_data(&m));
            zmq_msg_close(&m);
        }
        sv->st.in_disconnects++;
    }
}

/* ZAP (RFC 27): authenticate one CURVE handshake. Request frames: version,
 * request id, domain, address, routing id, mechanism, credentials (the
 * client's 32-byte public key). Answer 200 or 400. Handled on the main
 * thread, so the allow-list needs no lock; handshakes are rare. */
static void read_zap(server *sv)
{
    touch(sv, sv->zap);
    for (int i = 0; i < BATCH; i++) {
        zmq_msg_t f[8];
        int n = 0, more = 1;
        while (more) {
            zmq_msg_t m;
            zmq_msg_init(&m);
            if (zmq_msg_recv(&m, sv->zap, n == 0 ? ZMQ_DONTWAIT : 0) < 0) {
                zmq_msg_close(&m);
                if (n == 0)
                    return;
                break;
            }
            more = zmq_msg_more(&m);
            if (n < 8)
                f[n++] = m;
            else
                zmq_msg_close(&m);
        }
        int ok = 0;
        char why[128] = "malformed ZAP request";
        if (n >= 7 && zmq_msg_size(&f[5]) == 5 && !memcmp(zmq_msg_data(&f[5]), "CURVE", 5) &&
            zmq_msg_size(&f[6]) == 32) {
            ok = sv->cfg.nallow == 0;
            for (int k = 0; !ok && k < sv->cfg.nallow; k++)
                ok = !memcmp(sv->cfg.allow[k], zmq_msg_data(&f[6]), 32);
            if (!ok) {
                char z85[41];
                zmq_z85_encode(z85, zmq_msg_data(&f[6]), 32);
                snprintf(why, sizeof why, "client key %s is not allowed", z85);
            }
        }
        if (!ok) {
            sv->st.auth_denied++;
            kd_log(KD_LOG_NOTICE, "curve: refused a client from %.*s: %s",
                   n >= 4 ? (int)zmq_msg_size(&f[3]) : 0,
                   n >= 4 ? (const char *)zmq_msg_data(&f[3]) : "", why);
        }
        zmq_send(sv->zap, "1.0", 3, ZMQ_SNDMORE);
        if (n >= 2)
            zmq_send(sv->zap, zmq_msg_data(&f[1]), zmq_msg_size(&f[1]), ZMQ_SNDMORE);
        else
            zmq_send(sv->zap, "", 0, ZMQ_SNDMORE);
        zmq_send(sv->zap, ok ? "200" : "400", 3, ZMQ_SNDMORE);
        zmq_send(sv->zap, ok ? "OK" : why, ok ? 2 : strlen(why), ZMQ_SNDMORE);
        zmq_send(sv->zap, "", 0, ZMQ_SNDMORE); /* user id */
        zmq_send(sv->zap, "", 0, 0);           /* metadata */
        for (int k = 0; k < n; k++)
            zmq_msg_close(&f[k]);
    }
}

/* ---- signals, reload, lifecycle --------------------------------------------- */

static void apply_reload(server *sv)
{
    kd_notifyf("RELOADING=1\nSTATUS=reloading %s",
               sv->config_path ? sv->config_path : KD_DEFAULT_CONFIG);
    kd_config n;
    char err[512];
    if (kd_config_load(&n, sv->config_path, sv->argc, sv->argv, err, sizeof err)) {
        sv->st.reload_failures++;
        kd_log(KD_LOG_ERR, "reload failed, keeping the running configuration: %s", err);
        kd_notifyf("READY=1\nSTATUS=reload failed: %s", err);
        return;
    }
    /* Sockets and threads are not rebuilt on reload: say so for each key
     * that changed and would need a restart. */
    kd_config *c = &sv->cfg;
#define RESTART_KEY(cond, name)                                                                    \
    if (cond)                                                                                      \
        kd_log(KD_LOG_WARNING, "reload: '%s' changed; it takes effect after a restart", name);
    RESTART_KEY(strcmp(n.in.addr, c->in.addr) || n.in.bind != c->in.bind || n.in_sub != c->in_sub,
                "in");
    RESTART_KEY(strcmp(n.out.addr, c->out.addr) || n.out.bind != c->out.bind, "out");
    RESTART_KEY(strcmp(n.api.addr, c->api.addr) || n.api.bind != c->api.bind, "api");
    RESTART_KEY(n.workers != 0 && n.workers != c->workers, "workers");
    RESTART_KEY(n.max_input != c->max_input, "max_input");
    RESTART_KEY(n.no_drop != c->no_drop, "no_drop");
    RESTART_KEY(n.hwm != c->hwm || n.queue != c->queue, "hwm/queue");
#undef RESTART_KEY
    c->log_level = n.log_level;
    c->stats_interval = n.stats_interval;
    c->fact_topics = n.fact_topics;
    if (c->curve_secret[0] && n.curve_secret[0]) {
        /* The allow-list is re-read; the server key needs a restart. */
        memcpy(c->allow, n.allow, sizeof c->allow);
        c->nallow = n.nallow;
    }
    if (strcmp(n.curve_secret, c->curve_secret))
        kd_log(KD_LOG_WARNING,
               "reload: 'curve_secret' changed; it takes effect after a restart");
    kd_log_set_level(c->log_level);
    kd_log(KD_LOG_DEBUG, "configuration: in %s, out %s, api %s, %d workers, no_drop %d", c->in.addr,
           c->out.addr, c->api.addr, c->workers, c->no_drop);
    sv->next_stats = c->stats_interval ? kd_now() + c->stats_interval : 0;
    sv->st.reloads++;
    char topics[256] = "";
    size_t tl = 0;
    for (int t = 1; t <= KIJI_FACT_MAX; t++) {
        const char *name = kiji_fact_type_name(t);
        if ((c->fact_topics & KIJI_FACT_BIT(t)) && name && tl + strlen(name) + 2 < sizeof topics)
            tl += (size_t)snprintf(topics + tl, sizeof topics - tl, "%s%s", tl ? "," : "", name);
    }
    kd_log(KD_LOG_NOTICE,
           "reloaded: log_level=%s stats_interval=%d fact_topics=%s allow-list=%d keys",
           kd_log_level_name(c->log_level), c->stats_interval, tl ? topics : "none", c->nallow);
    char status[256];
    kd_stats_status(&sv->st, status, sizeof status);
    kd_notifyf("READY=1\nSTATUS=%s", status);
}

static void start_drain(server *sv, const char *why)
{
    if (sv->draining)
        return;
    sv->draining = 1;
    sv->drain_deadline = kd_now() + sv->cfg.drain_timeout_ms / 1000.0;
    kd_log(KD_LOG_NOTICE, "%s: no more input; finishing %llu in flight", why,
           (unsigned long long)sv->st.in_flight);
    kd_notify("STOPPING=1\nSTATUS=draining");
}

static void read_signals(server *sv)
{
    struct signalfd_siginfo si;
    while (read(sv->sigfd, &si, sizeof si) == (ssize_t)sizeof si) {
        if (si.ssi_signo == SIGHUP)
            apply_reload(sv);
        else
            start_drain(sv, si.ssi_signo == SIGINT ? "SIGINT" : "SIGTERM");
    }
}

static void timers(server *sv, double now)
{
    if (sv->cfg.stats_interval && now >= sv->next_stats) {
        publish_stats(sv, 0);
        flush(sv);
        sv->next_stats = now + sv->cfg.stats_interval;
    }
    if (now >= sv->next_status) {
        char status[256];
        kd_stats_status(&sv->st, status, sizeof status);
        kd_notifyf("STATUS=%s", status);
        sv->next_status = now + STATUS_EVERY;
#ifdef __GLIBC__
        /* Give back to the kernel what malloc keeps free: message buffers
         * are allocated by ZeroMQ's I/O thread and freed by the workers, so
         * free memory collects in several arenas and RSS would stay at the
         * highest backlog ever seen (a storm of 64 KiB messages left it
         * 4 MiB up). A few hundred microseconds every STATUS_EVERY. */
        malloc_trim(0);
#endif
    }
    if (sv->watchdog_usec && now >= sv->next_watchdog) {
        /* Only a live daemon pets the watchdog: work in flight that no worker
         * has returned for a whole watchdog interval means a stuck worker
         * (parses are linear and take milliseconds). Waiting on a full
         * subscriber (results not read) is back-pressure, not a hang. */
        int stuck =
            sv->st.in_flight > 0 && !sv->head && now - sv->last_result > sv->watchdog_usec / 1e6;
        if (stuck)
            kd_log(KD_LOG_ERR, "no result from the workers for %.1f s with %llu in flight",
                   now - sv->last_result, (unsigned long long)sv->st.in_flight);
        else
            kd_notify("WATCHDOG=1");
        sv->next_watchdog = now + sv->watchdog_usec / 2e6;
    }
}

static long ms_until(double now, double t)
{
    double d = (t - now) * 1000.0;
    return d <= 0 ? 0 : (long)d + 1;
}

static int loop(server *sv)
{
    sv->st.started = kd_now();
    double now = kd_now();
    sv->next_stats = sv->cfg.stats_interval ? now + sv->cfg.stats_interval : 0;
    sv->next_status = now + STATUS_EVERY;
    sv->watchdog_usec = kd_watchdog_usec();
    sv->next_watchdog = now;
    for (;;) {
        int blocked = sv->head ? flush(sv) : 0;
        now = kd_now();
        if (sv->draining && !sv->backlog && sv->st.in_flight == 0 && !sv->head)
            break;
        if (sv->draining && blocked && !sv->drain_forced && now >= sv->drain_deadline) {
            kd_log(KD_LOG_ERR,
                   "drain timeout: a subscriber is still full after %d ms; dropping (counted)",
                   sv->cfg.drain_timeout_ms);
            sv->drain_forced = 1;
            continue;
        }
        timers(sv, now);

        zmq_pollitem_t items[POLL_MAX];
        int n = 0;
        items[n++] = (zmq_pollitem_t){NULL, sv->sigfd, ZMQ_POLLIN, 0};
        items[n++] = (zmq_pollitem_t){sv->out, 0, ZMQ_POLLIN, 0};
        int i_mon = n;
        items[n++] = (zmq_pollitem_t){sv->mon, 0, ZMQ_POLLIN, 0};
        int i_in_mon = n;
        items[n++] = (zmq_pollitem_t){sv->in_mon, 0, ZMQ_POLLIN, 0};
        int i_zap = -1;
        if (sv->zap) {
            i_zap = n;
            items[n++] = (zmq_pollitem_t){sv->zap, 0, ZMQ_POLLIN, 0};
        }
        /* The workers' eventfd: results wait, or the job ring has room
         * for the backlog. */
        int i_workers = n;
        items[n++] = (zmq_pollitem_t){NULL, kd_workers_fd(sv->ws), ZMQ_POLLIN, 0};
        int i_in = -1, i_api = -1;
        /* wait_subscriptions: at start, hold input (and the api) until the
         * subscribers that must see everything are there: XPUB discards
         * what nobody subscribes to. Once open, the gate stays open. */
        if (!sv->gate_open && sv->st.subscriptions >= (uint64_t)sv->cfg.wait_subscriptions) {
            sv->gate_open = 1;
            if (sv->cfg.wait_subscriptions)
                kd_log(KD_LOG_INFO, "%llu subscriptions: reading input",
                       (unsigned long long)sv->st.subscriptions);
        }
        int gate = !sv->gate_open;
        if (!sv->draining && !sv->backlog && !sv->head && !gate) {
            i_in = n;
            items[n++] = (zmq_pollitem_t){sv->in, 0, ZMQ_POLLIN, 0};
        }
        if (!sv->draining && !gate && sv->nbacklog < API_BACKLOG && sv->npending < API_BACKLOG) {
            i_api = n;
            items[n++] = (zmq_pollitem_t){sv->api, 0, ZMQ_POLLIN, 0};
        }
        long timeout = -1;
        if (sv->cfg.stats_interval)
            timeout = ms_until(now, sv->next_stats);
        long t2 = ms_until(now, sv->next_status);
        if (timeout < 0 || t2 < timeout)
            timeout = t2;
        if (sv->watchdog_usec) {
            t2 = ms_until(now, sv->next_watchdog);
            if (t2 < timeout)
                timeout = t2;
        }
        if (blocked) {
            /* XPUB signals POLLOUT even when a subscriber is full, so a
             * blocked send is retried on a short, growing timer. */
            sv->retry_ms = sv->retry_ms ? sv->retry_ms * 2 : RETRY_MIN_MS;
            if (sv->retry_ms > RETRY_MAX_MS)
                sv->retry_ms = RETRY_MAX_MS;
            if (sv->retry_ms < timeout)
                timeout = sv->retry_ms;
        }
        if (sv->draining) {
            t2 = ms_until(now, sv->drain_deadline);
            if (t2 < timeout)
                timeout = t2 ? t2 : 1;
        }
        /* Results left from an earlier turn (a held message, or a full
         * batch) raise no new wake-up: do not sleep on them. */
        if (!sv->head && kd_workers_waiting(sv->ws))
            timeout = 0;
        int rc = poll_items(sv, items, n, timeout);
        if (rc < 0) {
            if (zmq_errno() == EINTR)
                continue;
            kd_log(KD_LOG_ERR, "poll: %s", zmq_strerror(zmq_errno()));
            return 1;
        }
        if (items[0].revents & ZMQ_POLLIN)
            read_signals(sv);
        if (items[i_mon].revents & ZMQ_POLLIN)
            read_monitor(sv);
        if (items[i_in_mon].revents & ZMQ_POLLIN)
            read_in_monitor(sv);
        if (i_zap >= 0 && (items[i_zap].revents & ZMQ_POLLIN))
            read_zap(sv);
        if (items[1].revents & ZMQ_POLLIN)
            read_subscriptions(sv);
        if (items[i_workers].revents & ZMQ_POLLIN)
            kd_workers_clear(sv->ws);
        if (sv->backlog)
            flush_backlog(sv);
        if (!sv->head)
            read_results(sv);
        if (i_in >= 0 && (items[i_in].revents & ZMQ_POLLIN))
            read_in(sv);
        if (i_api >= 0 && (items[i_api].revents & ZMQ_POLLIN))
            read_api(sv);
    }
    return sv->drain_forced && sv->st.dropped ? 1 : 0;
}

int kd_server_run(kd_config *c, const char *config_path, int argc, char **argv)
{
    server sv = {.cfg = *c, .config_path = config_path, .argc = argc, .argv = argv, .sigfd = -1};
    int rc = 1;
    kd_workers *ws = NULL;
    kiji_parser *parser = NULL;

    /* Block the signals before any thread exists (libzmq's I/O threads
     * included) so they are only ever seen on the signalfd. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    sv.sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sv.sigfd < 0) {
        kd_log(KD_LOG_ERR, "signalfd: %s", strerror(errno));
        return 1;
    }

    kiji_options opt = {.max_input = sv.cfg.max_input, .max_facts = (size_t)sv.cfg.max_facts};
    kiji_error err = {0};
    parser = kiji_parser_new(&opt, &err);
    if (!parser) {
        kd_log(KD_LOG_ERR, "cannot build the parser: %s", err.text);
        goto out;
    }
    if (sv.cfg.workers <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        sv.cfg.workers = n > 0 ? (int)(n > 256 ? 256 : n) : 1;
    }
    sv.ctx = zmq_ctx_new();
    if (!sv.ctx || open_sockets(&sv))
        goto out;
    ws = kd_workers_start(parser, sv.cfg.workers, sv.cfg.queue);
    if (!ws)
        goto out;
    sv.ws = ws;
    void *watched_sockets[] = {sv.in, sv.out, sv.api, sv.mon, sv.in_mon, sv.zap};
    for (size_t i = 0; i < sizeof watched_sockets / sizeof watched_sockets[0]; i++)
        watch(&sv, watched_sockets[i]);
    kd_log(KD_LOG_NOTICE, "kijid %s ready: %d workers, %s mode", KIJI_VERSION, sv.cfg.workers,
           sv.cfg.no_drop ? "no-drop" : "drop-and-count");
    kd_notifyf("READY=1\nMAINPID=%ld\nSTATUS=ready: in %s, out %s, api %s", (long)getpid(),
               sv.cfg.in.addr, sv.cfg.out.addr, sv.cfg.api.addr);

    rc = loop(&sv);

    /* Everything received is published: a final stats message closes the
     * stream, held like the rest in no-drop mode while a subscriber is full
     * (until the drain deadline), then out lingers (bounded) to flush it to
     * subscribers. */
    publish_stats(&sv, 1);
    if (!sv.draining)
        sv.drain_deadline = kd_now() + sv.cfg.drain_timeout_ms / 1000.0;
    for (int ms = RETRY_MIN_MS; flush(&sv) && kd_now() < sv.drain_deadline;
         ms = ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : ms * 2)
        poll(NULL, 0, ms);
    if (sv.head) {
        kd_log(KD_LOG_ERR, "drain timeout: a subscriber is still full; the final stats "
                           "message is dropped (counted)");
        rc = 1;
    }
    sv.drain_forced = 1;
    flush(&sv);
    char status[256];
    kd_stats_status(&sv.st, status, sizeof status);
    kd_log(KD_LOG_NOTICE, "stopped: %s", status);
out:
    if (ws)
        kd_workers_stop(ws);
    while (sv.backlog) {
        kd_job *next = sv.backlog->next;
        kd_job_free(sv.backlog);
        sv.backlog = next;
    }
    if (sv.api) {
        /* Replies already queued are part of "publish everything received". */
        set_int(sv.api, ZMQ_LINGER, sv.cfg.out_linger_ms);
    }
    if (sv.mon) {
        zmq_socket_monitor(sv.out, NULL, 0);
        zmq_close(sv.mon);
    }
    if (sv.in_mon) {
        zmq_socket_monitor(sv.in, NULL, 0);
        zmq_close(sv.in_mon);
    }
    void *socks[] = {sv.in, sv.out, sv.api, sv.zap};
    for (size_t i = 0; i < sizeof socks / sizeof socks[0]; i++)
        if (socks[i])
            zmq_close(socks[i]);
    if (sv.ctx)
        zmq_ctx_term(sv.ctx);
    kiji_parser_free(parser);
    if (sv.sigfd >= 0)
        close(sv.sigfd);
    return rc;
}
