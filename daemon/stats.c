/*
 * stats.c -- kijid's counters as the `stats` JSON and systemd's STATUS= line.
 *
 * Invariant: received = articles + errors. An input counts as received when
 * its outcome (one article or one error) is decided; inputs read from a
 * socket but still being parsed are in_flight, so inputs read so far =
 * received + in_flight. Counters are only written by the main thread, so a
 * snapshot is always consistent.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kd.h"

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
#define KD_HAVE_MALLINFO2 1
#endif

double kd_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void topics_json(json_t *o, uint32_t mask)
{
    json_t *a = json_array();
    for (int t = 1; t <= KIJI_FACT_MAX; t++)
        if (mask & KIJI_FACT_BIT(t)) {
            const char *n = kiji_fact_type_name(t);
            if (n)
                json_array_append_new(a, json_string(n));
        }
    json_object_set_new(o, "fact_topics", a);
}

/* Resident set size in KiB from /proc/self/statm, or -1 where it cannot be
 * read. */
static json_int_t rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long size = 0, resident = 0;
    int n = 0;
    if (!f)
        return -1;
    n = fscanf(f, "%lu %lu", &size, &resident);
    fclose(f);
    long page = sysconf(_SC_PAGESIZE);
    if (n != 2 || page <= 0)
        return -1;
    return (json_int_t)(resident * (unsigned long)page / 1024);
}

/* "memory": the process's RSS and, with glibc, what malloc holds. in_use
 * is the bytes handed out and not freed (a leak makes it grow); held is
 * what malloc has from the kernel in all arenas, in use or free; the
 * difference is free memory kept for reuse, which RSS includes. */
static void memory_json(json_t *o)
{
    json_t *m = json_object();
    json_object_set_new(m, "rss_kib", json_integer(rss_kib()));
#ifdef KD_HAVE_MALLINFO2
    struct mallinfo2 mi = mallinfo2();
    json_object_set_new(m, "heap_in_use", json_integer((json_int_t)(mi.uordblks + mi.hblkhd)));
    json_object_set_new(m, "heap_held", json_integer((json_int_t)(mi.arena + mi.hblkhd)));
#endif
    json_object_set_new(o, "memory", m);
}

char *kd_stats_json(const kd_stats *s, const kd_config *c, int final, size_t *len)
{
    json_t *o = json_object();
    json_object_set_new(o, "schema", json_integer(1));
    json_object_set_new(o, "version", json_string(KIJI_VERSION));
    json_object_set_new(o, "pid", json_integer((json_int_t)getpid()));
    json_object_set_new(o, "uptime", json_real(kd_now() - s->started));
    json_object_set_new(o, "received", json_integer((json_int_t)s->received));
    json_object_set_new(o, "articles", json_integer((json_int_t)s->articles));
    json_object_set_new(o, "errors", json_integer((json_int_t)s->errors));
    json_object_set_new(o, "in_flight", json_integer((json_int_t)s->in_flight));
    json_object_set_new(o, "facts", json_integer((json_int_t)s->facts));
    json_object_set_new(o, "attempted", json_integer((json_int_t)s->attempted));
    json_object_set_new(o, "published", json_integer((json_int_t)s->published));
    json_object_set_new(o, "dropped", json_integer((json_int_t)s->dropped));
    json_object_set_new(o, "api_requests", json_integer((json_int_t)s->api_requests));
    json_object_set_new(o, "api_replies", json_integer((json_int_t)s->api_replies));
    json_object_set_new(o, "api_unroutable", json_integer((json_int_t)s->api_unroutable));
    json_object_set_new(o, "subscriptions", json_integer((json_int_t)s->subscriptions));
    json_object_set_new(o, "out_connections", json_integer((json_int_t)s->out_connections));
    json_object_set_new(o, "out_disconnects", json_integer((json_int_t)s->out_disconnects));
    json_object_set_new(o, "in_disconnects", json_integer((json_int_t)s->in_disconnects));
    json_object_set_new(o, "reloads", json_integer((json_int_t)s->reloads));
    json_object_set_new(o, "reload_failures", json_integer((json_int_t)s->reload_failures));
    json_object_set_new(o, "auth_denied", json_integer((json_int_t)s->auth_denied));
    json_t *codes = json_object();
    for (int i = 0; i < KD_ERROR_CODES; i++)
        if (s->error_codes[i])
            json_object_set_new(codes, kd_error_index_name(i),
                                json_integer((json_int_t)s->error_codes[i]));
    json_object_set_new(o, "error_codes", codes);
    json_object_set_new(o, "workers", json_integer(c->workers));
    json_object_set_new(o, "no_drop", json_boolean(c->no_drop));
    json_object_set_new(o, "stats_interval", json_integer(c->stats_interval));
    json_object_set_new(o, "log_level", json_string(kd_log_level_name(c->log_level)));
    topics_json(o, c->fact_topics);
    memory_json(o);
    if (final)
        json_object_set_new(o, "final", json_true());
    char *out = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (out && len)
        *len = strlen(out);
    return out;
}

void kd_stats_status(const kd_stats *s, char *buf, size_t len)
{
    snprintf(buf, len,
             "received=%llu articles=%llu errors=%llu in_flight=%llu published=%llu "
             "dropped=%llu",
             (unsigned long long)s->received, (unsigned long long)s->articles,
             (unsigned long long)s->errors, (unsigned long long)s->in_flight,
             (unsigned long long)s->published, (unsigned long long)s->dropped);
}
