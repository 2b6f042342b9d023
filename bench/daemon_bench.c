/*
 * daemon_bench.c -- kijid end to end over tcp loopback, against raw ZeroMQ.
 *
 *   daemon_bench KIJID [--corpus FILE] [--articles N] [--runs R] [--rates 1000,5000]
 *                      [--seconds S] [--workers W] [--max-seconds T]
 *
 * Starts KIJID on free loopback ports, then for each phase forks a producer
 * (PUSH, [envelope][text] messages cycled from ja_news.jsonl) and a
 * subscriber (SUB on `article` and `error`): separate processes, as a real
 * feeder and consumer would be. Phases: saturation (N articles as fast as
 * kijid takes them) interleaved with a baseline (the same messages over a
 * bare PUSH/PULL pair, no kijid) R times, so throughput is also a ratio to
 * the machine's own limit measured in the same run; then fixed rates with
 * latency send -> `article` received, matched by id. Timestamps are
 * CLOCK_MONOTONIC, shared by the processes through an anonymous shared
 * mapping. kijid's RSS and CPU come from /proc, errors and drops from its
 * stats. Every phase is bounded in count and time; every process started is
 * stopped (children die with the bench: PR_SET_PDEATHSIG).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#ifndef KIJI_SHARED_DIR
#define KIJI_SHARED_DIR "../shared"
#endif

#define MAX_RATES 8
#define HWM 1000 /* kijid's default hwm: the baseline uses the same */

typedef struct article {
    char *text;
    size_t len;
    char pub[64]; /* ,"published":"..." or empty */
} article;

/* Shared between the bench and its children (MAP_SHARED before fork). */
typedef struct shared {
    atomic_long sent;         /* messages sent in the phase so far */
    atomic_int producer_done; /* set once the producer stops sending */
    atomic_int subscriber_ok; /* the subscriber has seen a probe article */
    atomic_int stop;          /* the bench asks the children to stop */
    atomic_int release;       /* the receiver is done: the producer may close */
    atomic_long received;     /* articles of this phase received */
    atomic_long errors;       /* error messages received */
    atomic_long foreign;      /* articles of other phases (probes) */
    long probes;              /* probe articles the producer sent first */
    double t_first_send, t_last_send, t_last_recv;
    long behind; /* sends more than 1 ms late on schedule */
} shared;

static struct {
    article *a;
    size_t n, bytes;
    const char *kijid;
    long articles, runs, seconds, workers, max_seconds;
    long rates[MAX_RATES];
    int nrates;
    long cap; /* per-phase message capacity of the timestamp arrays */
    shared *sh;
    double *t_sched, *t_send, *t_recv;
    pid_t kijid_pid, kids[2];
    char logpath[64];
    char ep_in[64], ep_out[64], ep_api[64];
    long total_sent; /* every message ever sent to kijid (probes too) */
} B;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void sleep_s(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

static void sleep_until(double t)
{
    struct timespec ts = {(time_t)t, (long)((t - (double)(time_t)t) * 1e9)};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

static void die(const char *what)
{
    fprintf(stderr, "daemon_bench: %s\n", what);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

/* Kill whatever is still running: used on every exit path, and from the
 * alarm that bounds the whole run (kill and _exit are async-signal-safe). */
static void kill_all(void)
{
    pid_t pids[3] = {B.kids[0], B.kids[1], B.kijid_pid};
    for (int i = 0; i < 3; i++)
        if (pids[i] > 0)
            kill(pids[i], SIGKILL);
    for (int i = 0; i < 3; i++) /* reaped here: no zombies left behind */
        if (pids[i] > 0)
            waitpid(pids[i], NULL, 0);
}

static void on_alarm(int sig)
{
    static const char msg[] = "daemon_bench: --max-seconds reached, stopping\n";
    (void)sig;
    kill_all();
    unlink(B.logpath);
    if (write(2, msg, sizeof msg - 1) < 0)
        _exit(1);
    _exit(1);
}

/* ---- corpus ---- */

/* "2011-10-02T10:00:00+0900" -> RFC 3339 "+09:00"; anything that is not
 * plainly a date is left out of the envelope (published is optional). */
static void set_published(article *a, const char *d)
{
    char buf[40];
    size_t n = d ? strlen(d) : 0;
    a->pub[0] = '\0';
    if (n < 10 || n > 30)
        return;
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789-:T+Z.", d[i]))
            return;
    memcpy(buf, d, n + 1);
    if (n >= 24 && (buf[n - 5] == '+' || buf[n - 5] == '-') && buf[n - 3] != ':') {
        memmove(buf + n - 1, buf + n - 2, 3);
        buf[n - 2] = ':';
    }
    snprintf(a->pub, sizeof a->pub, ",\"published\":\"%s\"", buf);
}

static bool load_corpus(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char *line = NULL;
    size_t cap = 0, acap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)len, 0, &err);
        const char *t = json_string_value(json_object_get(o, "text"));
        if (t && *t) {
            if (B.n == acap) {
                acap = acap ? acap * 2 : 1024;
                B.a = realloc(B.a, acap * sizeof *B.a);
                if (!B.a)
                    die("out of memory");
            }
            article *a = &B.a[B.n++];
            a->len = json_string_length(json_object_get(o, "text"));
            a->text = xmalloc(a->len);
            memcpy(a->text, t, a->len);
            set_published(a, json_string_value(json_object_get(o, "date")));
            B.bytes += a->len;
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return B.n > 0;
}

/* ---- processes ---- */

static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof sa;
    if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof sa) < 0 ||
        getsockname(s, (struct sockaddr *)&sa, &sl) < 0)
        die("cannot find a free loopback port");
    close(s);
    return ntohs(sa.sin_port);
}

/* The child dies with the bench, whatever happens to the bench. */
static pid_t spawn(void)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        die("fork failed");
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() == 1)
            _exit(1);
    }
    return pid;
}

/* One request on kijid's api socket (a fresh context each time: the bench
 * forks, and a ZeroMQ context must not cross a fork). Caller frees. */
static json_t *api_call(const char *cmd, int timeout_ms)
{
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_REQ);
    int zero = 0;
    json_t *r = NULL;
    zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_RCVTIMEO, &timeout_ms, sizeof timeout_ms);
    if (zmq_connect(s, B.ep_api) == 0 && zmq_send(s, cmd, strlen(cmd), 0) >= 0) {
        char topic[32], body[65536];
        int n = zmq_recv(s, topic, sizeof topic, 0);
        int more = 0;
        size_t ml = sizeof more;
        zmq_getsockopt(s, ZMQ_RCVMORE, &more, &ml);
        if (n > 0 && more) {
            int m = zmq_recv(s, body, sizeof body - 1, 0);
            if (m > 0 && m < (int)sizeof body) {
                json_error_t err;
                r = json_loadb(body, (size_t)m, 0, &err);
            }
        }
    }
    zmq_close(s);
    zmq_ctx_term(ctx);
    return r;
}

static long stat_int(json_t *st, const char *key)
{
    return (long)json_integer_value(json_object_get(st, key));
}

static bool start_kijid(void)
{
    snprintf(B.ep_in, sizeof B.ep_in, "tcp://127.0.0.1:%d", free_port());
    snprintf(B.ep_out, sizeof B.ep_out, "tcp://127.0.0.1:%d", free_port());
    snprintf(B.ep_api, sizeof B.ep_api, "tcp://127.0.0.1:%d", free_port());
    char workers[16];
    snprintf(workers, sizeof workers, "%ld", B.workers);
    pid_t pid = spawn();
    if (pid == 0) {
        int fd = open(B.logpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 2);
            close(fd);
        }
        /* /dev/null as config: the machine's /etc/kiji/kijid.conf, if any,
         * must not change what is measured. */
        execl(B.kijid, B.kijid, "--config", "/dev/null", "--in", B.ep_in, "--out", B.ep_out,
              "--api", B.ep_api, "--workers", workers, "--log-level", "warning", (char *)NULL);
        _exit(127);
    }
    B.kijid_pid = pid;
    double deadline = now_s() + 10;
    while (now_s() < deadline) {
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid) {
            B.kijid_pid = 0;
            return false;
        }
        json_t *r = api_call("{\"cmd\":\"ping\"}", 200);
        if (r) {
            json_decref(r);
            return true;
        }
        sleep_s(0.05);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    B.kijid_pid = 0;
    return false;
}

static void stop_kijid(void)
{
    if (B.kijid_pid <= 0)
        return;
    kill(B.kijid_pid, SIGTERM);
    double deadline = now_s() + 10;
    int st;
    while (waitpid(B.kijid_pid, &st, WNOHANG) == 0) {
        if (now_s() > deadline) {
            kill(B.kijid_pid, SIGKILL);
            waitpid(B.kijid_pid, &st, 0);
            fprintf(stderr, "daemon_bench: kijid did not stop within 10 s: killed\n");
            break;
        }
        sleep_s(0.02);
    }
    B.kijid_pid = 0;
}

/* utime + stime in seconds, VmRSS and VmHWM in MB, of kijid. */
static double proc_cpu(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    unsigned long ut = 0, st = 0;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
        return 0;
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static double proc_mb(pid_t pid, const char *key)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    double kb = 0;
    if (!f)
        return 0;
    size_t kl = strlen(key);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, key, kl) && line[kl] == ':')
            kb = strtod(line + kl + 1, NULL);
    fclose(f);
    return kb / 1024.0;
}

/* ---- children ---- */

static void *push_socket(void *ctx, const char *ep)
{
    void *s = zmq_socket(ctx, ZMQ_PUSH);
    int hwm = HWM, linger = 1000;
    zmq_setsockopt(s, ZMQ_SNDHWM, &hwm, sizeof hwm);
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    if (zmq_connect(s, ep) < 0)
        _exit(2);
    return s;
}

/* Two frames [envelope][text]; the id carries the phase and the sequence
 * number the subscriber matches on. Returns false when the send failed. */
static bool send_article(void *s, int phase, long seq, const article *a)
{
    char env[160];
    int n =
        snprintf(env, sizeof env, "{\"id\":\"kb%d-%ld\",\"lang\":\"ja\"%s}", phase, seq, a->pub);
    while (zmq_send(s, env, (size_t)n, ZMQ_SNDMORE) < 0)
        if (zmq_errno() != EINTR)
            return false;
    while (zmq_send(s, a->text, a->len, 0) < 0)
        if (zmq_errno() != EINTR)
            return false;
    return true;
}

/* Producer: probe articles until the subscriber sees one (the whole path is
 * up, subscriptions included), then `count` articles at `rate` per second
 * (0 = as fast as the socket takes them) until `deadline`. */
static void producer(const char *ep, int phase, long count, long rate, bool probe, double deadline)
{
    void *ctx = zmq_ctx_new();
    void *s = push_socket(ctx, ep);
    shared *sh = B.sh;
    prctl(PR_SET_TIMERSLACK, 1000UL); /* 1 us: paced sends wake on time */
    if (probe) {
        long k = 0;
        while (!atomic_load(&sh->subscriber_ok) && !atomic_load(&sh->stop) && now_s() < deadline) {
            send_article(s, 0, k++, &B.a[0]);
            sleep_s(0.05);
        }
        sh->probes = k;
    }
    double t0 = now_s();
    sh->t_first_send = t0;
    long i = 0;
    for (; i < count && !atomic_load(&sh->stop); i++) {
        double t = now_s();
        if (rate) {
            double due = t0 + (double)i / (double)rate;
            if (due > t)
                sleep_until(due);
            else if (t - due > 1e-3)
                sh->behind++;
            B.t_sched[i] = due;
        }
        if (t > deadline)
            break;
        B.t_send[i] = now_s();
        if (!send_article(s, phase, i, &B.a[(size_t)i % B.n]))
            break;
        atomic_store(&sh->sent, i + 1);
    }
    sh->t_last_send = now_s();
    atomic_store(&sh->producer_done, 1);
    /* Stay connected until the receiver is done: a producer that closes
     * while its queue still holds messages loses them when the linger runs
     * out, and with kijid behind, the queue drains at kijid's pace. */
    while (!atomic_load(&sh->release) && !atomic_load(&sh->stop))
        sleep_s(0.01);
    zmq_close(s);
    zmq_ctx_term(ctx);
    _exit(0);
}

/* The sequence number of an `article` of this phase, or -1. */
static long article_seq(const char *json, size_t len, int phase)
{
    static const char key[] = "\"id\":\"kb";
    const char *p = memmem(json, len, key, sizeof key - 1);
    if (!p)
        return -1;
    p += sizeof key - 1;
    const char *end = json + len;
    long ph = 0, seq = 0;
    while (p < end && *p >= '0' && *p <= '9')
        ph = ph * 10 + (*p++ - '0');
    if (p == end || *p++ != '-' || ph != phase)
        return -1;
    if (p == end || *p < '0' || *p > '9')
        return -1;
    while (p < end && *p >= '0' && *p <= '9' && seq < B.cap)
        seq = seq * 10 + (*p++ - '0');
    return seq < B.cap ? seq : -1;
}

/* Subscriber (kijid phases): `article` and `error` from kijid's out socket,
 * until everything sent is accounted for, or nothing came for `idle`
 * seconds after the producer stopped (the backlog in the socket buffers
 * drains at kijid's pace), or the deadline. */
static void subscriber(int phase, double idle, double deadline)
{
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_SUB);
    int zero = 0, timeout = 100;
    shared *sh = B.sh;
    zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
    zmq_setsockopt(s, ZMQ_SUBSCRIBE, "article", 7);
    zmq_setsockopt(s, ZMQ_SUBSCRIBE, "error", 5);
    if (zmq_connect(s, B.ep_out) < 0)
        _exit(2);
    zmq_msg_t topic, body;
    zmq_msg_init(&topic);
    zmq_msg_init(&body);
    double last = now_s();
    for (;;) {
        double t = now_s();
        if (atomic_load(&sh->stop) || t > deadline)
            break;
        if (atomic_load(&sh->producer_done)) {
            long got = atomic_load(&sh->received) + atomic_load(&sh->errors);
            if (got >= atomic_load(&sh->sent) || t > fmax(last, sh->t_last_send) + idle)
                break;
        }
        if (zmq_msg_recv(&topic, s, 0) < 0)
            continue; /* timeout: look at the clock and flags again */
        if (zmq_msg_recv(&body, s, 0) < 0)
            continue;
        t = last = now_s();
        const char *tp = zmq_msg_data(&topic);
        size_t tl = zmq_msg_size(&topic);
        if (tl == 7 && !memcmp(tp, "article", 7)) {
            long seq = article_seq(zmq_msg_data(&body), zmq_msg_size(&body), phase);
            if (seq >= 0 && B.t_recv[seq] == 0) {
                B.t_recv[seq] = t;
                sh->t_last_recv = t;
                atomic_fetch_add(&sh->received, 1);
            } else {
                atomic_fetch_add(&sh->foreign, 1);
                atomic_store(&sh->subscriber_ok, 1);
            }
        } else {
            atomic_fetch_add(&sh->errors, 1);
        }
    }
    zmq_msg_close(&topic);
    zmq_msg_close(&body);
    zmq_close(s);
    zmq_ctx_term(ctx);
    _exit(0);
}

/* Baseline consumer: a bare PULL, counting messages and text bytes. */
static void consumer(const char *ep, long count, double deadline)
{
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_PULL);
    int hwm = HWM, zero = 0, timeout = 100;
    shared *sh = B.sh;
    zmq_setsockopt(s, ZMQ_RCVHWM, &hwm, sizeof hwm);
    zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof zero);
    zmq_setsockopt(s, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
    if (zmq_bind(s, ep) < 0)
        _exit(2);
    atomic_store(&sh->subscriber_ok, 1);
    zmq_msg_t env, text;
    zmq_msg_init(&env);
    zmq_msg_init(&text);
    long got = 0;
    while (got < count && now_s() < deadline && !atomic_load(&sh->stop)) {
        if (zmq_msg_recv(&env, s, 0) < 0)
            continue;
        if (zmq_msg_recv(&text, s, 0) < 0)
            continue;
        got++;
        sh->t_last_recv = now_s();
        atomic_store(&sh->received, got);
    }
    zmq_msg_close(&env);
    zmq_msg_close(&text);
    zmq_close(s);
    zmq_ctx_term(ctx);
    _exit(0);
}

/* ---- phases ---- */

typedef struct phase_result {
    long sent, received, errors, probes;
    double secs;          /* first send -> last receive */
    double aps, mbs;      /* received articles (text bytes) per second */
    double cpu, rss, hwm; /* kijid: cores used, RSS at the end, peak RSS (MB) */
    double cpu_s;         /* kijid: CPU seconds (utime + stime) in the phase */
    double kid_cpu[2];    /* CPU seconds of the two children (receiver, sender) */
    long st_received, st_articles, st_errors, st_dropped, st_published, st_attempted;
} phase_result;

static void reset_shared(long n)
{
    memset(B.sh, 0, sizeof *B.sh);
    memset(B.t_sched, 0, (size_t)n * sizeof *B.t_sched);
    memset(B.t_send, 0, (size_t)n * sizeof *B.t_send);
    memset(B.t_recv, 0, (size_t)n * sizeof *B.t_recv);
}

static double ru_cpu(const struct rusage *ru)
{
    return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec * 1e-6 +
           (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec * 1e-6;
}

/* Wait for both children, killing them at the hard deadline; their CPU
 * seconds go to cpu[] (receiver first). */
static void wait_children(double hard, double cpu[2])
{
    struct rusage ru;
    int live = 2;
    while (live) {
        live = 0;
        for (int i = 0; i < 2; i++) {
            if (B.kids[i] <= 0)
                continue;
            if (wait4(B.kids[i], NULL, WNOHANG, &ru) == B.kids[i]) {
                B.kids[i] = 0;
                cpu[i] = ru_cpu(&ru);
                if (i == 0)
                    atomic_store(&B.sh->release, 1);
            } else
                live++;
        }
        if (live && now_s() > hard) {
            atomic_store(&B.sh->stop, 1);
            sleep_s(0.5);
            for (int i = 0; i < 2; i++)
                if (B.kids[i] > 0) {
                    kill(B.kids[i], SIGKILL);
                    if (wait4(B.kids[i], NULL, 0, &ru) == B.kids[i])
                        cpu[i] = ru_cpu(&ru);
                    B.kids[i] = 0;
                }
            fprintf(stderr, "daemon_bench: a phase hit its time bound: children stopped\n");
            break;
        }
        if (live)
            sleep_s(0.05);
    }
}

static size_t text_bytes(long n)
{
    size_t b = 0;
    for (long i = 0; i < n; i++)
        b += B.a[(size_t)i % B.n].len;
    return b;
}

static phase_result run_baseline(long count)
{
    phase_result r = {0};
    char ep[64];
    snprintf(ep, sizeof ep, "tcp://127.0.0.1:%d", free_port());
    reset_shared(0);
    double start = now_s(), bound = start + (double)B.max_seconds / 4;
    B.kids[0] = spawn();
    if (B.kids[0] == 0)
        consumer(ep, count, bound);
    while (!atomic_load(&B.sh->subscriber_ok) && now_s() < start + 5)
        sleep_s(0.005);
    B.kids[1] = spawn();
    if (B.kids[1] == 0)
        producer(ep, 0, count, 0, false, bound);
    wait_children(bound + 2, r.kid_cpu);
    r.sent = atomic_load(&B.sh->sent);
    r.received = atomic_load(&B.sh->received);
    r.secs = B.sh->t_last_recv - B.sh->t_first_send;
    if (r.received && r.secs > 0) {
        r.aps = (double)r.received / r.secs;
        r.mbs = (double)text_bytes(r.received) / r.secs / 1e6;
    }
    return r;
}

/* Wait until kijid has accounted for every message sent to it so far, so
 * one phase's backlog never runs into the next. */
static json_t *settle(double limit)
{
    double deadline = now_s() + limit;
    for (;;) {
        json_t *st = api_call("{\"cmd\":\"stats\"}", 1000);
        if (st && (stat_int(st, "received") >= B.total_sent || now_s() > deadline))
            return st;
        json_decref(st);
        if (now_s() > deadline)
            return NULL;
        sleep_s(0.1);
    }
}

static phase_result run_kijid(int phase, long count, long rate)
{
    phase_result r = {0};
    reset_shared(count);
    json_t *st0 = settle(5);
    double cpu0 = proc_cpu(B.kijid_pid), t_cpu = now_s();
    double send_time = rate ? (double)count / (double)rate : 0;
    double start = now_s();
    /* Bounds: sends stop at twice the planned send time (or max/4 at
     * saturation); the subscriber stops 5 s after the last article came,
     * and at most `backlog` seconds after the sends. */
    double send_bound = start + (rate ? 5 + 2 * send_time : (double)B.max_seconds / 4);
    double idle = 5, backlog = 60;
    B.kids[0] = spawn();
    if (B.kids[0] == 0)
        subscriber(phase, idle, send_bound + backlog);
    B.kids[1] = spawn();
    if (B.kids[1] == 0)
        producer(B.ep_in, phase, count, rate, true, send_bound);
    wait_children(send_bound + backlog + 2, r.kid_cpu);
    r.probes = B.sh->probes;
    r.sent = atomic_load(&B.sh->sent);
    B.total_sent += r.sent + r.probes;
    r.received = atomic_load(&B.sh->received);
    r.errors = atomic_load(&B.sh->errors);
    r.secs = B.sh->t_last_recv - B.sh->t_first_send;
    if (r.received && r.secs > 0) {
        r.aps = (double)r.received / r.secs;
        r.mbs = (double)text_bytes(r.received) / r.secs / 1e6;
    }
    double wall = now_s() - t_cpu;
    r.cpu_s = proc_cpu(B.kijid_pid) - cpu0;
    r.cpu = wall > 0 ? r.cpu_s / wall : 0;
    r.rss = proc_mb(B.kijid_pid, "VmRSS");
    r.hwm = proc_mb(B.kijid_pid, "VmHWM");
    json_t *st1 = settle(10);
    if (st0 && st1) {
        r.st_received = stat_int(st1, "received") - stat_int(st0, "received");
        r.st_articles = stat_int(st1, "articles") - stat_int(st0, "articles");
        r.st_errors = stat_int(st1, "errors") - stat_int(st0, "errors");
        r.st_dropped = stat_int(st1, "dropped") - stat_int(st0, "dropped");
        r.st_published = stat_int(st1, "published") - stat_int(st0, "published");
        r.st_attempted = stat_int(st1, "attempted") - stat_int(st0, "attempted");
    } else {
        r.st_received = -1;
    }
    json_decref(st0);
    json_decref(st1);
    return r;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Percentile over n sorted values (nearest rank). */
static double pct(const double *v, long n, double p)
{
    long k = (long)ceil(p / 100.0 * (double)n) - 1;
    if (k < 0)
        k = 0;
    return v[k];
}

static void fmt_ms(char *buf, size_t n, double s)
{
    if (isinf(s))
        snprintf(buf, n, "lost");
    else
        snprintf(buf, n, "%.3f ms", s * 1e3);
}

/* Latency rows: from the scheduled send time (what a feeder on a clock
 * sees: includes time the producer was held back by kijid's back-pressure)
 * and from the actual send. An article never received counts as infinite. */
static void print_latency(long sent)
{
    double *v = xmalloc((size_t)(sent ? sent : 1) * sizeof *v);
    for (int k = 0; k < 2; k++) {
        const double *from = k == 0 ? B.t_sched : B.t_send;
        for (long i = 0; i < sent; i++)
            v[i] = B.t_recv[i] > 0 ? B.t_recv[i] - from[i] : INFINITY;
        qsort(v, (size_t)sent, sizeof *v, cmp_double);
        char a[32], b[32], c[32];
        fmt_ms(a, sizeof a, sent ? pct(v, sent, 50) : INFINITY);
        fmt_ms(b, sizeof b, sent ? pct(v, sent, 99) : INFINITY);
        fmt_ms(c, sizeof c, sent ? v[sent - 1] : INFINITY);
        printf("    latency from %-9s send: median %s  p99 %s  max %s\n",
               k == 0 ? "scheduled" : "actual", a, b, c);
    }
    free(v);
}

static void print_kijid_line(const phase_result *r)
{
    long n = r->st_received > 0 ? r->st_received : r->received;
    printf("    kijid: %.2f cores (utime+stime / wall), %.1f CPU s = %.0f us CPU per article "
           "(%.0f articles per CPU-second); RSS %.1f MB at end, peak %.1f MB\n",
           r->cpu, r->cpu_s, n ? r->cpu_s / (double)n * 1e6 : 0,
           r->cpu_s > 0 ? (double)n / r->cpu_s : 0, r->rss, r->hwm);
    printf("    producer %.2f CPU s, subscriber %.2f CPU s\n", r->kid_cpu[1], r->kid_cpu[0]);
    if (r->st_received < 0)
        printf("    kijid stats: unavailable\n");
    else
        printf("    kijid stats (this phase, probes included): received %ld, articles %ld, "
               "errors %ld, published %ld/%ld attempted, dropped %ld\n",
               r->st_received, r->st_articles, r->st_errors, r->st_published, r->st_attempted,
               r->st_dropped);
}

static void summary(const char *what, double *v, int n, const char *unit)
{
    double s[16];
    memcpy(s, v, (size_t)n * sizeof *v);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    printf("  %-28s %10.1f %s  [%.1f - %.1f]\n", what, s[n / 2], unit, s[0], s[n - 1]);
}

/* The machine is shared: say how busy it was around the figures. */
static void print_load(const char *when)
{
    char buf[128] = "";
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (!fgets(buf, sizeof buf, f))
            buf[0] = '\0';
        fclose(f);
    }
    buf[strcspn(buf, "\n")] = '\0';
    printf("  load average %s: %s\n", when, buf);
}

static void usage(void)
{
    fprintf(stderr, "usage: daemon_bench KIJID [--corpus FILE] [--articles N] [--runs R]\n"
                    "                    [--rates R1,R2,...] [--seconds S] [--workers W] "
                    "[--max-seconds T]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *corpus = KIJI_SHARED_DIR "/corpus/ja_news.jsonl";
    B.articles = 20000;
    B.runs = 3;
    B.seconds = 5;
    B.workers = 2;
    B.max_seconds = 600;
    B.rates[0] = 1000;
    B.rates[1] = 5000;
    B.nrates = 2;
    if (argc < 2 || argv[1][0] == '-')
        usage();
    B.kijid = argv[1];
    for (int i = 2; i < argc; i++) {
        if (i + 1 >= argc)
            usage();
        const char *o = argv[i], *v = argv[++i];
        if (!strcmp(o, "--corpus"))
            corpus = v;
        else if (!strcmp(o, "--articles"))
            B.articles = strtol(v, NULL, 10);
        else if (!strcmp(o, "--runs"))
            B.runs = strtol(v, NULL, 10);
        else if (!strcmp(o, "--seconds"))
            B.seconds = strtol(v, NULL, 10);
        else if (!strcmp(o, "--workers"))
            B.workers = strtol(v, NULL, 10);
        else if (!strcmp(o, "--max-seconds"))
            B.max_seconds = strtol(v, NULL, 10);
        else if (!strcmp(o, "--rates")) {
            char *end;
            B.nrates = 0;
            for (const char *p = v; *p && B.nrates < MAX_RATES; p = *end ? end + 1 : end) {
                B.rates[B.nrates++] = strtol(p, &end, 10);
                if (end == p)
                    usage();
            }
        } else
            usage();
    }
    if (B.articles < 1 || B.articles > 10000000 || B.runs < 1 || B.runs > 15 || B.seconds < 1 ||
        B.seconds > 600 || B.workers < 0 || B.max_seconds < 10)
        usage();
    for (int i = 0; i < B.nrates; i++)
        if (B.rates[i] < 1 || B.rates[i] * B.seconds > 10000000)
            usage();
    if (access(B.kijid, X_OK) != 0) {
        fprintf(stderr, "daemon_bench: %s: not an executable\n", B.kijid);
        return 2;
    }
    if (!load_corpus(corpus)) {
        printf("daemon_bench: %s is absent or empty: nothing to measure\n", corpus);
        return 0;
    }

    B.cap = B.articles;
    for (int i = 0; i < B.nrates; i++)
        if (B.rates[i] * B.seconds > B.cap)
            B.cap = B.rates[i] * B.seconds;
    size_t arr = 3 * (size_t)B.cap * sizeof(double);
    void *m = mmap(NULL, sizeof(shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    double *t = mmap(NULL, arr, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || t == MAP_FAILED)
        die("mmap failed");
    B.sh = m;
    B.t_sched = t;
    B.t_send = t + B.cap;
    B.t_recv = t + 2 * B.cap;
    signal(SIGALRM, on_alarm);
    signal(SIGPIPE, SIG_IGN);
    alarm((unsigned)B.max_seconds);
    snprintf(B.logpath, sizeof B.logpath, "/tmp/daemon_bench.%d.log", (int)getpid());

    int zmaj, zmin, zpat;
    zmq_version(&zmaj, &zmin, &zpat);
    printf("daemon_bench: %s, %zu articles (%.2f MB, %.0f bytes average), cycled\n", corpus, B.n,
           (double)B.bytes / 1e6, (double)B.bytes / (double)B.n);
    printf("  kijid %s, %ld workers, tcp loopback, hwm %d; libzmq %d.%d.%d; %ld CPUs online\n",
           B.kijid, B.workers, HWM, zmaj, zmin, zpat, sysconf(_SC_NPROCESSORS_ONLN));

    bool started = false;
    for (int attempt = 0; attempt < 3 && !started; attempt++)
        started = start_kijid(); /* a port taken meanwhile: new ports, again */
    if (!started) {
        fprintf(stderr, "daemon_bench: kijid did not start; its log: %s\n", B.logpath);
        return 1;
    }
    printf("  in %s  out %s  api %s\n", B.ep_in, B.ep_out, B.ep_api);
    print_load("at start");
    printf("\n");

    /* Saturation, interleaved with the baseline run by run. */
    double base_aps[16], base_mbs[16], sat_aps[16], sat_mbs[16], ratio[16];
    int phase = 1;
    printf("saturation: %ld articles per run, %ld runs (baseline = bare PUSH/PULL, same "
           "messages, two processes)\n",
           B.articles, B.runs);
    for (long run = 0; run < B.runs; run++) {
        phase_result b = run_baseline(B.articles);
        phase_result k = run_kijid(phase++, B.articles, 0);
        base_aps[run] = b.aps;
        base_mbs[run] = b.mbs;
        sat_aps[run] = k.aps;
        sat_mbs[run] = k.mbs;
        ratio[run] = b.aps > 0 ? k.aps / b.aps : 0;
        printf("  run %ld: baseline %ld/%ld msgs in %.3f s = %.0f msg/s, %.1f MB/s "
               "(producer %.2f CPU s, consumer %.2f CPU s)\n",
               run + 1, b.received, b.sent, b.secs, b.aps, b.mbs, b.kid_cpu[1], b.kid_cpu[0]);
        printf("         kijid    %ld/%ld articles (+%ld errors, %ld probes) in %.3f s = "
               "%.0f articles/s, %.2f MB/s = %.4f x baseline\n",
               k.received, k.sent, k.errors, k.probes, k.secs, k.aps, k.mbs, ratio[run]);
        print_kijid_line(&k);
    }
    printf("summary (median [min - max] over %ld runs):\n", B.runs);
    summary("baseline PUSH/PULL msg/s", base_aps, (int)B.runs, "msg/s");
    summary("baseline PUSH/PULL MB/s", base_mbs, (int)B.runs, "MB/s");
    summary("kijid articles/s", sat_aps, (int)B.runs, "articles/s");
    summary("kijid MB/s", sat_mbs, (int)B.runs, "MB/s");
    for (long run = 0; run < B.runs; run++)
        ratio[run] *= 1000; /* printed per mille: one decimal place is enough */
    summary("kijid / baseline (x 1000)", ratio, (int)B.runs, "permille");

    for (int i = 0; i < B.nrates; i++) {
        long count = B.rates[i] * B.seconds;
        printf("\nfixed rate %ld articles/s for %ld s (%ld articles):\n", B.rates[i], B.seconds,
               count);
        phase_result k = run_kijid(phase++, count, B.rates[i]);
        double span = B.sh->t_last_send - B.sh->t_first_send;
        printf("    sent %ld in %.2f s (%.0f/s achieved, %ld sends > 1 ms behind schedule), "
               "received %ld, errors %ld, not received %ld\n",
               k.sent, span, span > 0 ? (double)k.sent / span : 0, B.sh->behind, k.received,
               k.errors, k.sent - k.received - k.errors);
        print_latency(k.sent);
        print_kijid_line(&k);
    }

    json_t *st = api_call("{\"cmd\":\"stats\"}", 1000);
    if (st) {
        json_t *codes = json_object_get(st, "error_codes");
        char *c = codes ? json_dumps(codes, JSON_COMPACT) : NULL;
        printf("\nkijid totals: received %ld, articles %ld, errors %ld %s, facts %ld, published "
               "%ld, dropped %ld; RSS %.1f MB, peak %.1f MB, CPU %.1f s\n",
               stat_int(st, "received"), stat_int(st, "articles"), stat_int(st, "errors"),
               c ? c : "", stat_int(st, "facts"), stat_int(st, "published"),
               stat_int(st, "dropped"), proc_mb(B.kijid_pid, "VmRSS"),
               proc_mb(B.kijid_pid, "VmHWM"), proc_cpu(B.kijid_pid));
        free(c);
        json_decref(st);
    }
    print_load("at end");
    stop_kijid();
    unlink(B.logpath);
    munmap(t, arr);
    munmap(m, sizeof(shared));
    return 0;
}
