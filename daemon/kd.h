/*
 * kd.h -- kijid's private interface: configuration, logging, the envelope,
 * worker jobs and results, stats and the systemd notify protocol.
 *
 * Threading: the main thread (kd_server_run) owns every socket and is the
 * one publisher; N worker threads (worker.c) own one kiji_doc each and touch
 * no socket: jobs and results (kd_job, kd_result) pass between them and the
 * main thread through two bounded rings, ownership moving with the pointer.
 * No socket is ever touched by two threads.
 */
#ifndef KD_H
#define KD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <zmq.h>

#include "kiji.h"

#if ZMQ_VERSION < ZMQ_MAKE_VERSION(4, 3, 3)
#error "kijid needs libzmq >= 4.3.3 (CVE fixes); Debian 12 ships 4.3.4"
#endif

/* ---- logging (log.c) ---------------------------------------------------
 * stderr lines carry journald priority prefixes ("<3>" = err ... "<7>" =
 * debug). Messages above the current level are skipped. Thread-safe. */
#define KD_LOG_ERR 3
#define KD_LOG_WARNING 4
#define KD_LOG_NOTICE 5
#define KD_LOG_INFO 6
#define KD_LOG_DEBUG 7

void kd_log_set_level(int level);
int kd_log_get_level(void);
void kd_log(int prio, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Level name ("info") to number, or -1. */
int kd_log_level_from_name(const char *name);
const char *kd_log_level_name(int level);

/* ---- configuration (config.c) --------------------------------------------- */
#define KD_ENDPOINT_MAX 256
#define KD_SUBSCRIBE_MAX 16
#define KD_ALLOW_MAX 256 /* client keys in a CURVE allow-list */
#define KD_ENVELOPE_MAX 65536 /* longest envelope frame, bytes */
#define KD_ENVELOPE_DEPTH 32  /* deepest nesting of arrays and objects in an envelope */
#define KD_DEFAULT_CONFIG "/etc/kiji/kijid.conf"

typedef struct kd_endpoint {
    char addr[KD_ENDPOINT_MAX];
    int bind; /* 1 = bind, 0 = connect */
} kd_endpoint;

typedef struct kd_config {
    kd_endpoint in, out, api;
    int in_sub; /* in is a SUB socket (first frame = topic, stripped) */
    char subscribe[KD_SUBSCRIBE_MAX][KD_ENDPOINT_MAX];
    int nsubscribe;
    int workers;          /* 0 = number of online CPUs */
    size_t max_input;     /* article limit in bytes */
    uint32_t fact_topics; /* KIJI_FACT_BIT mask of fact.<type> topics to publish */
    int stats_interval;   /* seconds; 0 = no periodic stats */
    int log_level;
    int no_drop;
    int hwm;   /* SNDHWM/RCVHWM of the external sockets */
    int queue; /* SNDHWM/RCVHWM of the inproc job and result queues */
    int out_linger_ms;
    int drain_timeout_ms;
    int heartbeat_ivl_ms, heartbeat_timeout_ms, heartbeat_ttl_ms;
    int handshake_ivl_ms;
    int reconnect_ivl_ms, reconnect_ivl_max_ms;
    int wait_subscriptions; /* read no input until this many subscriptions are live */
    int max_facts;          /* facts per article (kiji_options.max_facts) */
    /* CURVE (optional): the server's secret key, Z85, from curve_secret_key;
     * with it every external socket is a CURVE server. The allow-list of
     * client public keys comes from curve_allow (binary keys). */
    char curve_secret[41];
    char curve_secret_path[KD_ENDPOINT_MAX];
    char curve_allow_path[KD_ENDPOINT_MAX];
    int nallow;
    unsigned char allow[KD_ALLOW_MAX][32];
} kd_config;

/* Fill c with the embedded defaults (loopback endpoints, no file needed). */
void kd_config_defaults(kd_config *c);

/**
 * Load the configuration: defaults, then the file, then the command-line
 * options in argv (which win). path is the --config value or NULL for the
 * default file, which may then be absent. On error writes one line naming
 * the file and line (or the flag) and the key into err and returns -1.
 * Flags that are not configuration keys (--config, --help, --version,
 * --check-config) are skipped here; main.c handles them.
 */
int kd_config_load(kd_config *c, const char *path, int argc, char **argv, char *err, size_t errlen);

/* Print every key with its default and meaning (for --help and the man page). */
void kd_config_usage(FILE *fp);

/* ---- envelope (envelope.c) ----------------------------------------------- */
/* Daemon-level error codes, after the parser's kiji_status ones. Wire names
 * come from kd_error_code_name and are only ever appended. */
enum {
    KD_ERR_FRAMES = 100,   /* zero or three or more frames */
    KD_ERR_ENVELOPE = 101, /* envelope is not a JSON object */
    KD_ERR_FIELD = 102,    /* an envelope field has the wrong type */
    KD_ERR_COMMAND = 103,  /* unknown api command */
};
#define KD_ERROR_CODES 16 /* size of the stats table, indexed by kd_error_index */

const char *kd_error_code_name(int code);
int kd_error_index(int code);
const char *kd_error_index_name(int idx);

/* ---- jobs and results ------------------------------------------------------ */
/* The reply address of an api request: the routing frames before the body,
 * as ZeroMQ's request-reply envelope has them. The first is the ROUTER's id
 * of the peer; a request that came through ROUTER/DEALER proxies carries
 * one more frame per hop before an empty delimiter (REQ adds the
 * delimiter). A reply sends them back in order. nhops == 0: no reply is
 * possible (the envelope broke a limit); the error is still published. */
#define KD_ROUTE_HOPS 8      /* routing frames at most */
#define KD_ROUTE_BYTES 1024  /* their bytes together at most */
#define KD_ROUTE_HOP_MAX 255 /* one routing frame at most (ZMTP's limit on ids) */
typedef struct kd_route {
    unsigned char buf[KD_ROUTE_BYTES]; /* the routing frames, back to back */
    uint16_t len[KD_ROUTE_HOPS];
    int nhops;
    int delim; /* an empty delimiter frame followed the routing frames */
} kd_route;

typedef struct kd_job {
    zmq_msg_t env;  /* envelope frame (valid when has_env) */
    zmq_msg_t text; /* article text frame */
    int has_env;
    uint32_t fact_topics; /* fact.<type> topics to build, from the config now */
    int from_api;
    kd_route route;
    struct kd_job *next; /* main thread: the backlog waiting for a worker */
} kd_job;

typedef struct kd_outmsg {
    char *topic;
    char *json;
    size_t len;
} kd_outmsg;

enum { KD_RESULT_ARTICLE = 1, KD_RESULT_ERROR = 2, KD_RESULT_OTHER = 3 };

typedef struct kd_result {
    int kind;
    int code;        /* error code when kind == KD_RESULT_ERROR */
    size_t facts;    /* facts in the article */
    kd_outmsg *msgs; /* msgs[0] is the article/error message */
    size_t nmsgs, cap;
    size_t next; /* next message to publish (main thread) */
    int counted; /* an input: counts in received = articles + errors */
    int from_api;
    kd_route route;
} kd_result;

void kd_job_free(kd_job *j);
kd_result *kd_result_new(int kind);
/* Append a message; takes a copy of topic, takes ownership of json (malloc'd). */
int kd_result_add(kd_result *r, const char *topic, char *json, size_t len);
void kd_result_free(kd_result *r);

/**
 * Build the error result for code with an optional id and offset (pass
 * (size_t)-1 for "not relevant") and human text. Never returns NULL unless
 * out of memory.
 */
kd_result *kd_error_result(int code, const char *id, size_t offset, const char *text);

/**
 * Turn one job into its result (article or error) with doc: validate the
 * envelope, parse the text, add meta, build the fact.<type> messages.
 * Called by workers; the job stays owned by the caller.
 */
kd_result *kd_process(kiji_doc *doc, const kd_job *job);

/* The id used when the envelope has none: a stable hash of the text. */
void kd_content_id(const void *p, size_t len, char out[48]);

/* ---- input framing (frames.c) ---------------------------------------------- */
enum { KD_IN_PULL = 0, KD_IN_SUB = 1, KD_IN_API = 2 }; /* kinds of input socket */
enum { KD_INPUT_JOB = 1, KD_INPUT_REFUSED = 2, KD_INPUT_PING = 3, KD_INPUT_STATS = 4 };

typedef struct kd_input {
    int what;       /* KD_INPUT_* */
    kd_job *job;    /* KD_INPUT_JOB: the job, owned by the caller now (fact_topics unset) */
    int code;       /* KD_INPUT_REFUSED: the error code and message to publish */
    char text[192];
    int from_api;   /* from the api socket: the reply goes to route */
    kd_route route;
} kd_input;

/* Receive the rest of a multipart message on s into nothing; returns how
 * many frames were dropped. */
size_t kd_discard_rest(void *s);

/**
 * Receive one multipart message from s, a socket of kind KD_IN_* (PULL:
 * [envelope] text; SUB: topic [envelope] text; api ROUTER: routing id,
 * then either a command or [envelope] text, or more routing frames (one per
 * proxy hop), an empty delimiter and the body; see kd_route), and say
 * what it is: a job, an api command, or a refusal (wrong frame count,
 * unknown command, out of memory) that still counts as one input. Every
 * frame of the message is received. Returns 0 with *in filled, or -1 when
 * no message was waiting (the first receive is ZMQ_DONTWAIT).
 */
int kd_input_recv(void *s, int kind, kd_input *in);

/* ---- workers (worker.c) --------------------------------------------------- */
/* The worker pool and its two bounded rings (jobs in, results out), each of
 * `queue` entries. Every function but kd_workers_stop is called by the main
 * thread only, and none of them blocks on a worker for long (one mutex). */
typedef struct kd_workers kd_workers;
/* Start n worker threads parsing with p (shared, immutable). NULL when no
 * thread could start or out of memory. */
kd_workers *kd_workers_start(const kiji_parser *p, int n, int queue);
/* The eventfd that turns readable when results wait (or when the job ring
 * has room again after a refused submit). Poll it for POLLIN; read it with
 * kd_workers_clear before taking results, then take them until none is left. */
int kd_workers_fd(const kd_workers *ws);
void kd_workers_clear(kd_workers *ws);
/* Hand a job to the workers; ownership moves with it. -1 when the job ring
 * is full (the job stays the caller's; the eventfd signals room later). */
int kd_workers_submit(kd_workers *ws, kd_job *job);
/* Take one result: 1 with *r set (caller owns it), or with *r NULL and *job
 * set when the worker ran out of memory (caller owes that input an error
 * and frees the job); 0 when none waits. */
int kd_workers_take(kd_workers *ws, kd_result **r, kd_job **job);
/* 1 when results wait (a take would succeed). */
int kd_workers_waiting(kd_workers *ws);
/* Stop the workers and join them; frees ws. Call only when no job is in
 * flight. */
void kd_workers_stop(kd_workers *ws);

/* ---- stats (stats.c) -------------------------------------------------------- */
typedef struct kd_stats {
    uint64_t received, articles, errors, in_flight, facts;
    uint64_t attempted, published, dropped;
    uint64_t api_requests, api_replies, api_unroutable;
    uint64_t subscriptions;   /* live subscriptions on out */
    uint64_t out_connections; /* peers connected to out now */
    uint64_t out_disconnects; /* peers lost by out (gone, or heartbeat timeout) */
    uint64_t reloads, reload_failures;
    uint64_t auth_denied; /* CURVE clients refused by the allow-list */
    uint64_t in_disconnects; /* producers lost by in (gone, oversize frame, heartbeat) */
    uint64_t error_codes[KD_ERROR_CODES];
    double started; /* monotonic seconds */
} kd_stats;

double kd_now(void); /* monotonic seconds */
/* The stats JSON (malloc'd, NUL-terminated; caller frees). */
char *kd_stats_json(const kd_stats *s, const kd_config *c, int final, size_t *len);
/* One line for systemd's STATUS=. */
void kd_stats_status(const kd_stats *s, char *buf, size_t len);

/* ---- systemd notify (notify.c) ------------------------------------------ */
/* Send one datagram of "KEY=VALUE\n..." to $NOTIFY_SOCKET; no-op when unset.
 * Returns 1 sent, 0 not under systemd, -1 error. */
int kd_notify(const char *state);
int kd_notifyf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Watchdog interval in microseconds from $WATCHDOG_USEC (for this pid),
 * or 0 when the watchdog is off. */
uint64_t kd_watchdog_usec(void);

/* ---- server (server.c) -------------------------------------------------- */
/* Run until SIGTERM/SIGINT and the drain finish. Returns the exit code.
 * argc/argv are kept to re-apply flags on SIGHUP reloads. */
int kd_server_run(kd_config *c, const char *config_path, int argc, char **argv);

#endif
