/*
 * cmd_net.c -- `kiji send | tail | stats | ping`: the client side of kijid's
 * protocol (docs/DAEMON.md).
 *
 * send pushes [envelope][text] messages to the in socket; with --reliable it
 * uses the api socket and the Lazy Pirate pattern (zguide ch. 4): a REQ
 * socket, a reply timeout, and on timeout a fresh socket and a resend with a
 * doubled timeout, giving up (exit 1) only after --retries attempts. kijid
 * answers a request after it has published the result, so a reply means the
 * article is out.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "cmd_net.h"
#include "kiji.h"

#define EP_IN "tcp://127.0.0.1:7701"
#define EP_OUT "tcp://127.0.0.1:7702"
#define EP_API "tcp://127.0.0.1:7703"
#define FILE_MAX ((size_t)64 << 20) /* an article file larger than this is refused */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static double kd_client_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int set_int(void *s, int opt, int v)
{
    return zmq_setsockopt(s, opt, &v, sizeof v);
}

static int parse_int(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* ---- CURVE (optional) ------------------------------------------------------
 * --server-key Z85 turns CURVE on for every socket; --client-key FILE names
 * this client's secret key (first non-comment line, Z85), which kijid's
 * allow-list must hold. Without it an ephemeral key pair is used. */

static struct {
    int on;
    char server[41], public_[41], secret[41];
} curve;

/* A key from a file: a bare Z85 line, or a ZeroMQ certificate's
 * `secret-key = "..."` / `public-key = "..."` line (want = 's' or 'p'). */
static int read_key(const char *path, int want, char out[41])
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    char line[256];
    int rc = -1;
    const char *name = want == 's' ? "secret-key" : "public-key";
    while (rc && fgets(line, sizeof line, fp)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t n = strcspn(p, " \t\r\n");
        unsigned char bin[32];
        char key[41];
        memcpy(key, p, n < 40 ? n : 40);
        key[n < 40 ? n : 40] = '\0';
        /* Z85 has '#' and '=' in its alphabet but no space. */
        if (n == 40 && zmq_z85_decode(bin, key)) {
            memcpy(out, key, 41);
            rc = 0;
        } else if (n == 0 || *p == '#')
            continue;
        else if (!strncmp(p, name, 10)) {
            char *q = strchr(p, '"');
            if (q && strlen(q) >= 42 && q[41] == '"') {
                memcpy(out, q + 1, 40);
                out[40] = '\0';
                rc = 0;
            }
        }
    }
    fclose(fp);
    unsigned char check[32];
    return rc == 0 && zmq_z85_decode(check, out) ? 0 : -1;
}

static int read_secret(const char *path, char out[41])
{
    return read_key(path, 's', out);
}

/* Handle --server-key / --client-key at argv[*i]: 1 consumed, 0 not ours,
 * -1 bad value. */
static int curve_option(int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (!strcmp(a, "--curve-server-key"))
        a = "--server-key";
    else if (!strcmp(a, "--curve-client-key"))
        a = "--client-key";
    if (strcmp(a, "--server-key") && strcmp(a, "--client-key"))
        return 0;
    if (*i + 1 >= argc)
        return -1;
    const char *v = argv[++*i];
    unsigned char bin[32];
    if (!strcmp(a, "--server-key")) {
        /* The key itself, or the server's public certificate file. */
        if (strlen(v) == 40 && zmq_z85_decode(bin, v))
            memcpy(curve.server, v, 41);
        else if (read_key(v, 'p', curve.server)) {
            fprintf(stderr, "kiji: --curve-server-key: neither a Z85 key nor a certificate\n");
            return -1;
        }
        curve.on = 1;
        return 1;
    }
    if (read_secret(v, curve.secret) || !zmq_z85_decode(bin, curve.secret) ||
        zmq_curve_public(curve.public_, curve.secret)) {
        fprintf(stderr, "kiji: --client-key: %s holds no Z85 secret key\n", v);
        return -1;
    }
    return 1;
}

static int curve_apply(void *s)
{
    if (!curve.on)
        return 0;
    if (!curve.secret[0] && zmq_curve_keypair(curve.public_, curve.secret))
        return -1;
    int rc = zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, curve.server, 41);
    rc |= zmq_setsockopt(s, ZMQ_CURVE_PUBLICKEY, curve.public_, 41);
    rc |= zmq_setsockopt(s, ZMQ_CURVE_SECRETKEY, curve.secret, 41);
    return rc;
}

/* ---- request/reply on the api socket (Lazy Pirate) ---------------------- */

typedef struct client {
    void *ctx, *req;
    const char *endpoint;
    long timeout_ms;
    long retries;
} client;

static void *req_open(client *c)
{
    void *s = zmq_socket(c->ctx, ZMQ_REQ);
    if (!s)
        return NULL;
    set_int(s, ZMQ_LINGER, 0);
    set_int(s, ZMQ_RECONNECT_IVL, 100);
    set_int(s, ZMQ_RECONNECT_IVL_MAX, 2000);
    if (curve_apply(s) || zmq_connect(s, c->endpoint)) {
        fprintf(stderr, "kiji: cannot connect to %s: %s\n", c->endpoint, zmq_strerror(zmq_errno()));
        zmq_close(s);
        return NULL;
    }
    return s;
}

/* Receive a whole reply: [topic][json] (json NUL-terminated, caller frees). */
static int recv_reply(void *s, char *topic, size_t tlen, char **json)
{
    zmq_msg_t m;
    zmq_msg_init(&m);
    if (zmq_msg_recv(&m, s, 0) < 0)
        return -1;
    size_t n = zmq_msg_size(&m) < tlen - 1 ? zmq_msg_size(&m) : tlen - 1;
    memcpy(topic, zmq_msg_data(&m), n);
    topic[n] = '\0';
    int more = zmq_msg_more(&m);
    zmq_msg_close(&m);
    *json = NULL;
    while (more) {
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, s, 0) < 0)
            return -1;
        if (!*json) {
            *json = malloc(zmq_msg_size(&m) + 1);
            if (*json) {
                memcpy(*json, zmq_msg_data(&m), zmq_msg_size(&m));
                (*json)[zmq_msg_size(&m)] = '\0';
            }
        }
        more = zmq_msg_more(&m);
        zmq_msg_close(&m);
    }
    if (!*json)
        *json = strdup("");
    return *json ? 0 : -1;
}

/* Send frames and wait for the reply, retrying on a fresh socket with a
 * doubled timeout. Returns 0 with the reply, or -1 after giving up. */
static int request(client *c, const void *const *frames, const size_t *lens, int nframes,
                   char *topic, size_t tlen, char **json)
{
    long timeout = c->timeout_ms;
    for (long attempt = 0; attempt <= c->retries && !interrupted; attempt++) {
        if (!c->req && !(c->req = req_open(c)))
            return -1;
        int ok = 1;
        for (int i = 0; i < nframes && ok; i++)
            ok = zmq_send(c->req, frames[i], lens[i], i + 1 < nframes ? ZMQ_SNDMORE : 0) >= 0;
        if (ok) {
            zmq_pollitem_t it = {c->req, 0, ZMQ_POLLIN, 0};
            int rc = zmq_poll(&it, 1, timeout);
            if (rc > 0 && recv_reply(c->req, topic, tlen, json) == 0)
                return 0;
        }
        /* No answer: a REQ socket cannot send twice, so open a new one. */
        zmq_close(c->req);
        c->req = NULL;
        if (attempt < c->retries)
            fprintf(stderr, "kiji: no reply from %s in %ld ms, retrying (%ld/%ld)\n", c->endpoint,
                    timeout, attempt + 1, c->retries);
        timeout *= 2;
    }
    fprintf(stderr, "kiji: %s did not answer; giving up\n", c->endpoint);
    return -1;
}

static int simple_command(int argc, char **argv, const char *cmd)
{
    client c = {.endpoint = EP_API, .timeout_ms = 2000, .retries = 0};
    for (int i = 1; i < argc; i++) {
        int cv = curve_option(argc, argv, &i);
        if (cv < 0)
            goto usage;
        if (cv)
            continue;
        if ((!strcmp(argv[i], "--endpoint") || !strcmp(argv[i], "-e")) && i + 1 < argc)
            c.endpoint = argv[++i];
        else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) {
            if (parse_int(argv[++i], 1, 3600000, &c.timeout_ms))
                goto usage;
        } else if (!strcmp(argv[i], "--retries") && i + 1 < argc) {
            if (parse_int(argv[++i], 0, 100, &c.retries))
                goto usage;
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: kiji %s [--endpoint E] [--timeout MS] [--retries N]\n"
                   "       [--server-key Z85 [--client-key FILE]]\n"
                   "Asks kijid's api socket (default %s) and prints the JSON reply.\n",
                   cmd, EP_API);
            return 0;
        } else
            goto usage;
    }
    c.ctx = zmq_ctx_new();
    char body[64], topic[64], *json = NULL;
    snprintf(body, sizeof body, "{\"cmd\":\"%s\"}", cmd);
    const void *frames[] = {body};
    size_t lens[] = {strlen(body)};
    int rc = request(&c, frames, lens, 1, topic, sizeof topic, &json);
    if (rc == 0)
        printf("%s\n", json);
    free(json);
    if (c.req)
        zmq_close(c.req);
    zmq_ctx_term(c.ctx);
    return rc == 0 ? 0 : 1;
usage:
    fprintf(stderr, "usage: kiji %s [--endpoint E] [--timeout MS] [--retries N]\n", cmd);
    return 2;
}

int cmd_stats(int argc, char **argv)
{
    return simple_command(argc, argv, "stats");
}

int cmd_ping(int argc, char **argv)
{
    return simple_command(argc, argv, "ping");
}

/* ---- kiji tail ------------------------------------------------------------ */

int cmd_tail(int argc, char **argv)
{
    const char *endpoint = EP_OUT;
    long count = 0, idle = 0;
    int ntopics = 0;
    char **topics = calloc((size_t)argc + 1, sizeof *topics);
    if (!topics)
        return 1;
    for (int i = 1; i < argc; i++) {
        int cv = curve_option(argc, argv, &i);
        if (cv < 0)
            goto usage;
        if (cv)
            continue;
        if ((!strcmp(argv[i], "--endpoint") || !strcmp(argv[i], "-e")) && i + 1 < argc)
            endpoint = argv[++i];
        else if ((!strcmp(argv[i], "--count") || !strcmp(argv[i], "-n")) && i + 1 < argc) {
            if (parse_int(argv[++i], 1, 1L << 62, &count))
                goto usage;
        } else if (!strcmp(argv[i], "--idle") && i + 1 < argc) {
            if (parse_int(argv[++i], 1, 86400000, &idle))
                goto usage;
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: kiji tail [--endpoint E] [--count N] [--idle MS] [TOPIC...]\n"
                   "Subscribes to kijid's out socket (default %s) and prints one\n"
                   "`topic json` line per message. TOPIC is a prefix (article, fact.,\n"
                   "fact.money, error, stats); none = everything. --count exits after N\n"
                   "messages, --idle after MS milliseconds without one. --server-key Z85\n"
                   "[--client-key FILE] talk CURVE to a kijid that has it on.\n",
                   EP_OUT);
            free(topics);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1])
            goto usage;
        else
            topics[ntopics++] = argv[i];
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    void *ctx = zmq_ctx_new();
    void *s = zmq_socket(ctx, ZMQ_SUB);
    set_int(s, ZMQ_LINGER, 0);
    set_int(s, ZMQ_RCVHWM, 100000);
    set_int(s, ZMQ_RECONNECT_IVL, 100);
    set_int(s, ZMQ_RECONNECT_IVL_MAX, 5000);
    if (ntopics == 0)
        zmq_setsockopt(s, ZMQ_SUBSCRIBE, "", 0);
    for (int i = 0; i < ntopics; i++)
        zmq_setsockopt(s, ZMQ_SUBSCRIBE, topics[i], strlen(topics[i]));
    int rc = 0;
    if (curve_apply(s) || zmq_connect(s, endpoint)) {
        fprintf(stderr, "kiji tail: cannot connect to %s: %s\n", endpoint,
                zmq_strerror(zmq_errno()));
        rc = 1;
    }
    for (long got = 0; rc == 0 && !interrupted && (!count || got < count);) {
        zmq_pollitem_t it = {s, 0, ZMQ_POLLIN, 0};
        int n = zmq_poll(&it, 1, idle ? idle : -1);
        if (n < 0) {
            if (zmq_errno() == EINTR)
                continue;
            rc = 1;
            break;
        }
        if (n == 0)
            break; /* idle */
        zmq_msg_t m;
        int first = 1, more = 1;
        while (more) {
            zmq_msg_init(&m);
            if (zmq_msg_recv(&m, s, 0) < 0) {
                zmq_msg_close(&m);
                break;
            }
            if (!first)
                fputc(' ', stdout);
            fwrite(zmq_msg_data(&m), 1, zmq_msg_size(&m), stdout);
            first = 0;
            more = zmq_msg_more(&m);
            zmq_msg_close(&m);
        }
        fputc('\n', stdout);
        got++;
    }
    fflush(stdout);
    zmq_close(s);
    zmq_ctx_term(ctx);
    free(topics);
    return rc;
usage:
    fprintf(stderr, "usage: kiji tail [--endpoint E] [--count N] [--idle MS] [TOPIC...]\n");
    free(topics);
    return 2;
}

/* ---- kiji send ---------------------------------------------------------- */

typedef struct sender {
    void *ctx, *push;
    client api;
    int reliable, quiet;
    long sent, failed;
    long flush_ms;        /* longest wait for the queue to reach kijid at exit */
    const char *confirm;  /* api endpoint to confirm receipt on, or NULL */
} sender;

/* kijid's count of inputs read so far (received + in_flight), from its api
 * `stats`; -1 when it does not answer. */
static long long inputs_read(sender *sd)
{
    client c = {.ctx = sd->ctx, .endpoint = sd->confirm, .timeout_ms = 2000, .retries = 1};
    const char *body = "{\"cmd\":\"stats\"}";
    const void *frames[] = {body};
    size_t lens[] = {strlen(body)};
    char topic[64], *json = NULL;
    long long n = -1;
    if (request(&c, frames, lens, 1, topic, sizeof topic, &json) == 0) {
        json_t *o = json_loads(json, 0, NULL);
        json_t *r = json_object_get(o, "received"), *f = json_object_get(o, "in_flight");
        if (json_is_integer(r) && json_is_integer(f))
            n = json_integer_value(r) + json_integer_value(f);
        json_decref(o);
    }
    free(json);
    if (c.req)
        zmq_close(c.req);
    return n;
}

static int send_one(sender *sd, const char *env, const char *text, size_t len)
{
    const void *frames[2];
    size_t lens[2];
    int n = 0;
    if (env) {
        frames[n] = env;
        lens[n++] = strlen(env);
    }
    frames[n] = text;
    lens[n++] = len;
    if (sd->reliable) {
        char topic[64], *json = NULL;
        if (request(&sd->api, frames, lens, n, topic, sizeof topic, &json))
            return -1;
        if (!sd->quiet)
            printf("%s %s\n", topic, json);
        free(json);
        sd->sent++;
        return 0;
    }
    /* A send blocks while kijid is behind (its queues and ours are full).
     * Before the first message is taken that means no kijid is there: fail
     * after --timeout. Afterwards it is back-pressure: keep waiting, up to
     * the flush budget per message. */
    double t0 = kd_client_now();
    for (int i = 0; i < n; i++) {
        int rc;
        while ((rc = zmq_send(sd->push, frames[i], lens[i], i + 1 < n ? ZMQ_SNDMORE : 0)) < 0 &&
               zmq_errno() == EAGAIN && sd->sent > 0 && !interrupted &&
               kd_client_now() - t0 < sd->flush_ms / 1000.0)
            ;
        if (rc < 0) {
            fprintf(stderr, "kiji send: %s: %s\n", sd->api.endpoint,
                    zmq_errno() == EAGAIN ? "no kijid accepted the message in time"
                                          : zmq_strerror(zmq_errno()));
            return -1;
        }
    }
    sd->sent++;
    return 0;
}

/* Corpus dates to RFC 3339: "2011-10-02T10:00:00+0900" gets its offset
 * colon, "26-FEB-1987 15:01:01.79" (Reuters) becomes 1987-02-26T15:01:01.
 * Anything else is passed on and kijid judges it. */
static void normalize_date(const char *in, char *out, size_t outlen)
{
    static const char *const mon[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    size_t n = strlen(in);
    int d, y, hh, mm, ss;
    char m[4];
    if (sscanf(in, "%2d-%3[A-Za-z]-%4d %2d:%2d:%2d", &d, m, &y, &hh, &mm, &ss) == 6) {
        for (int i = 0; i < 12; i++)
            if (!strcasecmp(m, mon[i])) {
                snprintf(out, outlen, "%04d-%02d-%02dT%02d:%02d:%02d", y, i + 1, d, hh, mm, ss);
                return;
            }
    }
    if (n > 19 && n < outlen && (in[n - 5] == '+' || in[n - 5] == '-') && in[10] == 'T') {
        snprintf(out, outlen, "%.*s:%s", (int)(n - 2), in, in + n - 2);
        return;
    }
    snprintf(out, outlen, "%s", in);
}

static int send_jsonl(sender *sd, FILE *fp, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = 0;
    while ((n = getline(&line, &cap, fp)) >= 0 && !interrupted) {
        lineno++;
        if (n == 0 || line[0] == '\n')
            continue;
        json_error_t jerr;
        json_t *rec = json_loadb(line, (size_t)n, 0, &jerr);
        json_t *text = json_object_get(rec, "text");
        if (!json_is_string(text)) {
            fprintf(stderr, "kiji send: %s:%ld: %s\n", name, lineno,
                    rec ? "record has no \"text\" string" : jerr.text);
            json_decref(rec);
            sd->failed++;
            continue;
        }
        /* The envelope: every field but text; date becomes published. */
        json_t *env = json_object();
        const char *k;
        json_t *v;
        json_object_foreach(rec, k, v)
        {
            if (!strcmp(k, "text") || json_is_null(v))
                continue;
            if (!strcmp(k, "date") && json_is_string(v)) {
                char d[64];
                normalize_date(json_string_value(v), d, sizeof d);
                json_object_set_new(env, "published", json_string(d));
            } else if (!strcmp(k, "id") && json_is_integer(v)) {
                char id[32];
                snprintf(id, sizeof id, "%lld", (long long)json_integer_value(v));
                json_object_set_new(env, "id", json_string(id));
            } else
                json_object_set(env, k, v);
        }
        char *es = json_dumps(env, JSON_COMPACT);
        json_decref(env);
        if (!es || send_one(sd, es, json_string_value(text), json_string_length(text))) {
            free(es);
            json_decref(rec);
            rc = -1;
            break;
        }
        free(es);
        json_decref(rec);
    }
    free(line);
    return rc;
}

static char *read_all(FILE *fp, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            if (cap >= FILE_MAX) {
                free(buf);
                errno = EFBIG;
                return NULL;
            }
            char *b = realloc(buf, cap * 2);
            if (!b)
                free(buf);
            buf = b;
            cap *= 2;
        }
    }
    if (buf && ferror(fp)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void send_usage(FILE *fp)
{
    fprintf(fp,
            "usage: kiji send [--endpoint E] [--reliable [--timeout MS] [--retries N]]\n"
            "                 [--published D] [--id ID] [--lang L] [--source S] [--url U]\n"
            "                 [--jsonl] [--quiet] [--flush-timeout MS] [--confirm | --api E]\n"
            "                 [--curve-server-key Z85 [--curve-client-key FILE]]\n"
            "                 FILE...|-\n"
            "Sends each FILE (or stdin) to kijid as one article, or with --jsonl each\n"
            "line {\"id\",\"date\",\"text\",...} as [envelope][text]. Default: PUSH to %s;\n"
            "--reliable sends through the api socket (%s), waits for each reply\n"
            "(printed as `topic json`), retries with a doubling timeout, and exits 1\n"
            "only when kijid never answered. Plain send is at most once: it exits 0\n"
            "only when its queue reached the connection within --flush-timeout\n"
            "(default 60000 ms); --confirm (or --api E) also waits until kijid's stats\n"
            "show every message read, and fails saying how many may be undelivered.\n",
            EP_IN, EP_API);
}

int cmd_send(int argc, char **argv)
{
    sender sd = {.api = {.timeout_ms = 2500, .retries = 3}, .flush_ms = 60000};
    const char *endpoint = NULL, *published = NULL, *id = NULL, *lang = NULL, *source = NULL,
               *url = NULL;
    int jsonl = 0, nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files)
        return 1;
    for (int i = 1; i < argc; i++) {
        int cv = curve_option(argc, argv, &i);
        if (cv < 0)
            goto usage;
        if (cv)
            continue;
        const char *a = argv[i];
        int has = i + 1 < argc;
        if ((!strcmp(a, "--endpoint") || !strcmp(a, "-e")) && has)
            endpoint = argv[++i];
        else if (!strcmp(a, "--published") && has)
            published = argv[++i];
        else if (!strcmp(a, "--id") && has)
            id = argv[++i];
        else if (!strcmp(a, "--lang") && has)
            lang = argv[++i];
        else if (!strcmp(a, "--source") && has)
            source = argv[++i];
        else if (!strcmp(a, "--url") && has)
            url = argv[++i];
        else if (!strcmp(a, "--jsonl"))
            jsonl = 1;
        else if (!strcmp(a, "--reliable"))
            sd.reliable = 1;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
            sd.quiet = 1;
        else if (!strcmp(a, "--confirm"))
            sd.confirm = EP_API;
        else if (!strcmp(a, "--api") && has)
            sd.confirm = argv[++i];
        else if (!strcmp(a, "--flush-timeout") && has) {
            if (parse_int(argv[++i], 1, 3600000, &sd.flush_ms))
                goto usage;
        }
        else if (!strcmp(a, "--timeout") && has) {
            if (parse_int(argv[++i], 1, 3600000, &sd.api.timeout_ms))
                goto usage;
        } else if (!strcmp(a, "--retries") && has) {
            if (parse_int(argv[++i], 0, 100, &sd.api.retries))
                goto usage;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            send_usage(stdout);
            free(files);
            return 0;
        } else if (a[0] == '-' && a[1])
            goto usage;
        else
            files[nfiles++] = argv[i];
    }
    if (nfiles == 0 || (id && (nfiles > 1 || jsonl)))
        goto usage;
    sd.api.endpoint = endpoint ? endpoint : sd.reliable ? EP_API : EP_IN;
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sd.ctx = sd.api.ctx = zmq_ctx_new();
    if (!sd.reliable) {
        sd.push = zmq_socket(sd.ctx, ZMQ_PUSH);
        /* IMMEDIATE: no queueing towards a kijid that is not there; a send
         * then waits up to --timeout for one and fails loudly. Linger is the
         * flush budget: the queued tail must reach kijid after the last
         * send, and a close that takes the whole budget means some of it
         * may have been thrown away (checked below). */
        set_int(sd.push, ZMQ_IMMEDIATE, 1);
        set_int(sd.push, ZMQ_SNDTIMEO, (int)sd.api.timeout_ms);
        set_int(sd.push, ZMQ_LINGER, (int)sd.flush_ms);
        set_int(sd.push, ZMQ_SNDHWM, 1000);
        if (curve_apply(sd.push) || zmq_connect(sd.push, sd.api.endpoint)) {
            fprintf(stderr, "kiji send: cannot connect to %s: %s\n", sd.api.endpoint,
                    zmq_strerror(zmq_errno()));
            zmq_close(sd.push);
            zmq_ctx_term(sd.ctx);
            free(files);
            return 1;
        }
    }
    char *env = NULL;
    if (!jsonl && (published || id || lang || source || url)) {
        json_t *e = json_object();
        if (id)
            json_object_set_new(e, "id", json_string(id));
        if (published)
            json_object_set_new(e, "published", json_string(published));
        if (lang)
            json_object_set_new(e, "lang", json_string(lang));
        if (source)
            json_object_set_new(e, "source", json_string(source));
        if (url)
            json_object_set_new(e, "url", json_string(url));
        env = json_dumps(e, JSON_COMPACT);
        json_decref(e);
    }
    long long base = -1;
    if (sd.confirm && !sd.reliable && (base = inputs_read(&sd)) < 0) {
        fprintf(stderr, "kiji send: --confirm: %s does not answer stats\n", sd.confirm);
        free(env);
        zmq_close(sd.push);
        zmq_ctx_term(sd.ctx);
        free(files);
        return 1;
    }
    int rc = 0;
    for (int i = 0; i < nfiles && rc == 0 && !interrupted; i++) {
        int is_stdin = !strcmp(files[i], "-");
        FILE *fp = is_stdin ? stdin : fopen(files[i], "rb");
        if (!fp) {
            fprintf(stderr, "kiji send: %s: %s\n", files[i], strerror(errno));
            sd.failed++;
            continue;
        }
        if (jsonl)
            rc = send_jsonl(&sd, fp, files[i]);
        else {
            size_t len = 0;
            char *text = read_all(fp, &len);
            if (!text) {
                fprintf(stderr, "kiji send: %s: %s\n", files[i], strerror(errno));
                sd.failed++;
            } else
                rc = send_one(&sd, env, text, len);
            free(text);
        }
        if (!is_stdin)
            fclose(fp);
    }
    free(env);
    if (sd.api.req)
        zmq_close(sd.api.req);
    /* PUSH is fire-and-forget: a message counts as handed over only once
     * the socket's queue has reached the connection. Close and wait (up to
     * the linger budget) for the queue to empty; a close that used the whole
     * budget may have discarded messages, so say so and fail. */
    const char *how = sd.reliable ? "answered" : "handed to the connection";
    if (sd.push) {
        double t0 = kd_client_now();
        zmq_close(sd.push);
        sd.push = NULL;
        if (sd.confirm) {
            /* The queue is flushed when kijid has read them all: watch its
             * count of inputs read (others' traffic counts too, so this
             * proves receipt only for a sole producer). */
            long long got = 0;
            while (!interrupted && kd_client_now() - t0 < sd.flush_ms / 1000.0) {
                long long n = inputs_read(&sd);
                got = n < 0 ? got : n - base;
                if (got >= sd.sent)
                    break;
                struct timespec ts = {0, 100 * 1000000L};
                nanosleep(&ts, NULL);
            }
            if (got < sd.sent) {
                fprintf(stderr,
                        "kiji send: kijid read %lld of %ld sent within %ld ms: up to %lld may be "
                        "undelivered\n",
                        got, sd.sent, sd.flush_ms, (long long)sd.sent - got);
                rc = -1;
            }
            how = "received by kijid (confirmed by its stats)";
        }
        zmq_ctx_term(sd.ctx);
        double took = kd_client_now() - t0;
        if (!sd.confirm && took * 1000.0 >= sd.flush_ms - 50) {
            fprintf(stderr,
                    "kiji send: the queue did not drain within --flush-timeout %ld ms: some of the "
                    "%ld sent may be undelivered\n",
                    sd.flush_ms, sd.sent);
            rc = -1;
        }
    } else
        zmq_ctx_term(sd.ctx);
    if (!sd.quiet || rc || sd.failed)
        fprintf(stderr, "kiji send: %ld sent, %s, %ld unreadable\n", sd.sent,
                rc ? "delivery NOT confirmed" : how, sd.failed);
    free(files);
    return rc || sd.failed || interrupted ? 1 : 0;
usage:
    send_usage(stderr);
    free(files);
    return 2;
}

/* ---- kiji keygen ------------------------------------------------------------ */

static int write_cert(const char *path, const char *pub, const char *sec, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return -1;
    FILE *fp = fdopen(fd, "w");
    if (!fp) {
        close(fd);
        return -1;
    }
    fprintf(fp,
            "#   ZeroMQ CURVE %s certificate, written by kiji keygen\n"
            "#   %s\n"
            "metadata\n"
            "curve\n"
            "    public-key = \"%s\"\n",
            sec ? "secret" : "public",
            sec ? "Keep this file secret: it is this peer's identity." : "Give this to peers.",
            pub);
    if (sec)
        fprintf(fp, "    secret-key = \"%s\"\n", sec);
    return fclose(fp) ? -1 : 0;
}

int cmd_keygen(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        FILE *f = argc == 2 && !strcmp(argv[1], "--help") ? stdout : stderr;
        fprintf(f, "usage: kiji keygen NAME\n"
                   "Writes a CURVE key pair as ZeroMQ certificates: NAME (public, for\n"
                   "peers and kijid's --curve-allow directory) and NAME_secret (mode 0600,\n"
                   "for kijid's --curve-secret or kiji's --curve-client-key). Never\n"
                   "overwrites a file.\n");
        return f == stdout ? 0 : 2;
    }
    char pub[41], sec[41], path[4096];
    if (zmq_curve_keypair(pub, sec)) {
        fprintf(stderr, "kiji keygen: %s (libzmq built without CURVE?)\n",
                zmq_strerror(zmq_errno()));
        return 1;
    }
    if (snprintf(path, sizeof path, "%s_secret", argv[1]) >= (int)sizeof path)
        return 2;
    if (write_cert(path, pub, sec, 0600)) {
        fprintf(stderr, "kiji keygen: %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (write_cert(argv[1], pub, NULL, 0644)) {
        fprintf(stderr, "kiji keygen: %s: %s\n", argv[1], strerror(errno));
        unlink(path);
        return 1;
    }
    printf("%s\n", pub);
    return 0;
}
