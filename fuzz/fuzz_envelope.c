/*
 * fuzz_envelope.c -- the daemon's message handling, frames in, published
 * messages out, as the main thread and a worker run it: the frames go over
 * a ZeroMQ socket pair, kd_input_recv (daemon/frames.c) receives and frames
 * them as server.c does for the in (PULL or SUB) and api (ROUTER) sockets,
 * then a job goes through kd_process (daemon/envelope.c) with a warm
 * kiji_doc, and a refusal becomes the error message server.c publishes.
 *
 * Input: option byte 0 (bits 0-1: fact topics none / all / money+date /
 * quote+person; bit 2: the tight parser of fuzz.h; bits 3-4: the socket:
 * PULL, SUB, api, PULL), then 1-12 frames separated by FRAME_SEP. PULL reads
 * [envelope] text; SUB a topic frame first; api a routing id, then (when an
 * empty frame with frames after it follows) more routing frames up to that
 * delimiter, then a command ({"cmd":...} in one frame) or [envelope] text.
 * Three or more body frames are a `frames` error, and so is a route over
 * KD_ROUTE_HOPS frames, KD_ROUTE_HOP_MAX bytes in one or KD_ROUTE_BYTES in
 * all.
 *
 * Checks: kd_input_recv takes the whole message and frames it as the rule
 * above says (a model of it here): job frames byte for byte, routing frames
 * and delimiter, command or refusal and its code. Then exactly one article or
 * error message comes first (received = articles + errors); every message
 * is one JSON object with schema 1 whose length is the one given; an error
 * names its code and an offset inside the frames; an article echoes the
 * envelope's id (or the content hash), its facts' spans and texts are
 * exact slices of the text frame, unknown envelope fields come back under
 * "meta"; every fact.<type> message is one of the article's facts of a
 * requested type, carrying the article id.
 */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "kd.h"

#define FRAME_SEP "\xFF\x00\xFF"
#define FRAME_SEP_LEN 3
#define MAX_FRAMES 12

static uint32_t topics_of(uint8_t o)
{
    switch (o & 3) {
    case 1:
        return 0xFFFFFFFFu & ~1u;
    case 2:
        return KIJI_FACT_BIT(KIJI_FACT_MONEY) | KIJI_FACT_BIT(KIJI_FACT_DATE);
    case 3:
        return KIJI_FACT_BIT(KIJI_FACT_QUOTE) | KIJI_FACT_BIT(KIJI_FACT_PERSON);
    default:
        return 0;
    }
}

static json_t *load_msg(const kd_outmsg *m)
{
    FZ_CHECK(m->topic && m->json, "a message without topic or body");
    FZ_CHECK(strlen(m->json) == m->len, "topic %s: length %zu but strlen %zu", m->topic, m->len,
             strlen(m->json));
    json_error_t jerr;
    json_t *o = json_loadb(m->json, m->len, JSON_REJECT_DUPLICATES, &jerr);
    FZ_CHECK(o && json_is_object(o), "topic %s: not a JSON object: %s", m->topic, jerr.text);
    json_t *v = json_object_get(o, "schema");
    FZ_CHECK(json_is_integer(v) && json_integer_value(v) == KIJI_SCHEMA, "topic %s: schema",
             m->topic);
    return o;
}

static void check_article(json_t *a, json_t *env, const uint8_t *text, size_t len,
                          const char *want_id)
{
    const char *id = json_string_value(json_object_get(a, "id"));
    FZ_CHECK(id && !strcmp(id, want_id), "article id \"%s\", expected \"%s\"", id ? id : "",
             want_id);
    json_t *facts = json_object_get(a, "facts");
    FZ_CHECK(json_is_array(facts), "article without facts");
    size_t i;
    json_t *f;
    json_array_foreach(facts, i, f)
    {
        json_int_t s = json_integer_value(json_object_get(f, "start"));
        json_int_t e = json_integer_value(json_object_get(f, "end"));
        FZ_CHECK(s >= 0 && s < e && (size_t)e <= len && fz_boundary(text, len, (size_t)s) &&
                     fz_boundary(text, len, (size_t)e),
                 "fact %zu: span [%lld, %lld) in %zu bytes", i, (long long)s, (long long)e, len);
        json_t *t = json_object_get(f, "text");
        FZ_CHECK(json_string_length(t) == (size_t)(e - s) &&
                     !memcmp(json_string_value(t), text + s, (size_t)(e - s)),
                 "fact %zu: text is not the slice", i);
    }
    json_t *meta = json_object_get(a, "meta");
    const char *k;
    json_t *v;
    size_t extra = 0;
    json_object_foreach(env, k, v)
    {
        if (!strcmp(k, "id") || !strcmp(k, "published") || !strcmp(k, "lang"))
            continue;
        if (json_is_null(v) && (!strcmp(k, "source") || !strcmp(k, "url")))
            continue;
        extra++;
        FZ_CHECK(json_equal(json_object_get(meta, k), v), "envelope field \"%s\" not in meta", k);
    }
    FZ_CHECK(extra == 0 || json_object_size(meta) == extra, "meta holds %zu fields, not %zu",
             json_object_size(meta), extra);
}

/* The socket pair the frames travel over (inproc, built once). */
static void *sock_tx, *sock_rx;

static void sockets(void)
{
    if (sock_rx)
        return;
    void *ctx = zmq_ctx_new();
    FZ_CHECK(ctx, "zmq_ctx_new");
    sock_rx = zmq_socket(ctx, ZMQ_PAIR);
    sock_tx = zmq_socket(ctx, ZMQ_PAIR);
    int zero = 0;
    FZ_CHECK(sock_rx && sock_tx, "zmq_socket");
    zmq_setsockopt(sock_rx, ZMQ_LINGER, &zero, sizeof zero);
    zmq_setsockopt(sock_tx, ZMQ_LINGER, &zero, sizeof zero);
    FZ_CHECK(zmq_bind(sock_rx, "inproc://fuzz-envelope") == 0 &&
                 zmq_connect(sock_tx, "inproc://fuzz-envelope") == 0,
             "inproc pair: %s", zmq_strerror(zmq_errno()));
}

/* The api's command rule (frames.c), for the model: one frame of 1..4096
 * bytes whose first non-blank byte is '{' and that reads as a JSON object
 * with "cmd". Returns KD_INPUT_PING, KD_INPUT_STATS, KD_INPUT_REFUSED (an
 * unknown command) or 0 (an article). */
static int command_of(const uint8_t *p, size_t n)
{
    if (n == 0 || n > 4096)
        return 0;
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r'))
        i++;
    if (i == n || p[i] != '{')
        return 0;
    json_t *o = json_loadb((const char *)p, n, 0, NULL);
    json_t *cmd = json_object_get(o, "cmd");
    int what = 0;
    if (cmd) {
        const char *c = json_string_value(cmd);
        what = c && !strcmp(c, "ping")    ? KD_INPUT_PING
               : c && !strcmp(c, "stats") ? KD_INPUT_STATS
                                          : KD_INPUT_REFUSED;
    }
    json_decref(o);
    return what;
}

static int same_bytes(zmq_msg_t *m, const uint8_t *p, size_t n)
{
    return zmq_msg_size(m) == n && (n == 0 || !memcmp(zmq_msg_data(m), p, n));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t o = data[0];
    int kind = (o >> 3) & 3;
    if (kind == 3)
        kind = KD_IN_PULL;
    const uint8_t *p = data + 1, *end = data + size;
    const uint8_t *fr[MAX_FRAMES];
    size_t fl[MAX_FRAMES], nf = 0;
    while (nf < MAX_FRAMES) {
        const uint8_t *sep = NULL;
        if (nf + 1 < MAX_FRAMES)
            sep = memmem(p, (size_t)(end - p), FRAME_SEP, FRAME_SEP_LEN);
        fr[nf] = p;
        fl[nf] = sep ? (size_t)(sep - p) : (size_t)(end - p);
        nf++;
        if (!sep)
            break;
        p = sep + FRAME_SEP_LEN;
    }

    /* The model: where the body starts, and what the input should become. */
    size_t b = 0, hops = 0; /* first body frame, routing frames */
    int delim = 0, route_ok = 1, want_what = KD_INPUT_JOB, want_code = 0;
    if (kind == KD_IN_SUB)
        b = 1;
    else if (kind == KD_IN_API) {
        size_t d = 0, used = 0;
        for (size_t i = 1; i + 1 < nf && !d; i++)
            if (fl[i] == 0)
                d = i;
        hops = d ? d : 1;
        delim = d != 0;
        b = d ? d + 1 : 1;
        route_ok = hops <= KD_ROUTE_HOPS;
        for (size_t i = 0; route_ok && i < hops; i++) {
            route_ok = fl[i] <= KD_ROUTE_HOP_MAX && used + fl[i] <= KD_ROUTE_BYTES;
            used += fl[i];
        }
    }
    size_t nb = nf > b ? nf - b : 0; /* body frames */
    if (!route_ok || nb == 0) {
        want_what = KD_INPUT_REFUSED;
        want_code = KD_ERR_FRAMES;
    } else if (kind == KD_IN_API && nb == 1 && command_of(fr[b], fl[b])) {
        want_what = command_of(fr[b], fl[b]);
        want_code = want_what == KD_INPUT_REFUSED ? KD_ERR_COMMAND : 0;
    } else if (nb > 2) {
        want_what = KD_INPUT_REFUSED;
        want_code = KD_ERR_FRAMES;
    }

    /* libFuzzer's timer (SIGALRM) can land in libzmq's command processing,
     * which then fails a call with EINTR: the harness tries it again */
    sockets();
    for (size_t i = 0; i < nf; i++) {
        int rc;
        while ((rc = zmq_send(sock_tx, fr[i], fl[i], i + 1 < nf ? ZMQ_SNDMORE : 0)) < 0 &&
               zmq_errno() == EINTR)
            ;
        FZ_CHECK(rc == (int)fl[i], "zmq_send: %s", zmq_strerror(zmq_errno()));
    }
    kd_input in;
    int got;
    while ((got = kd_input_recv(sock_rx, kind, &in)) != 0 && zmq_errno() == EINTR)
        ;
    FZ_CHECK(got == 0, "kd_input_recv found no message");
    zmq_msg_t left;
    zmq_msg_init(&left);
    int lrc;
    while ((lrc = zmq_msg_recv(&left, sock_rx, ZMQ_DONTWAIT)) < 0 && zmq_errno() == EINTR)
        ;
    FZ_CHECK(lrc < 0 && zmq_errno() == EAGAIN, "kd_input_recv left frames of the message behind");
    zmq_msg_close(&left);
    FZ_CHECK(in.what == want_what, "input framed as %d, expected %d (%zu frames, kind %d)",
             in.what, want_what, nf, kind);
    FZ_CHECK(in.from_api == (kind == KD_IN_API), "from_api %d for kind %d", in.from_api, kind);
    if (kind == KD_IN_API && route_ok) {
        FZ_CHECK(in.route.nhops == (int)hops, "%d routing frames, expected %zu", in.route.nhops,
                 hops);
        for (size_t i = 0, off = 0; i < hops; off += fl[i], i++)
            FZ_CHECK(in.route.len[i] == fl[i] &&
                         (fl[i] == 0 || !memcmp(in.route.buf + off, fr[i], fl[i])),
                     "routing frame %zu is not the input's", i);
        FZ_CHECK(in.route.delim == delim, "delimiter %d, expected %d", in.route.delim, delim);
    } else if (kind == KD_IN_API)
        FZ_CHECK(in.route.nhops == 0, "a refused route kept %d frames", in.route.nhops);
    if (want_what == KD_INPUT_PING || want_what == KD_INPUT_STATS)
        return 0; /* answered by server.c from its own state */

    kd_result *r;
    char want_id[600] = "";
    json_t *env = NULL;
    const uint8_t *text = nb ? fr[nf - 1] : NULL;
    size_t tlen = nb ? fl[nf - 1] : 0, envlen = nb == 2 ? fl[b] : 0;
    if (in.what == KD_INPUT_REFUSED) {
        FZ_CHECK(in.code == want_code && !in.job && in.text[0], "refused with code %d, expected %d",
                 in.code, want_code);
        FZ_CHECK(strlen(in.text) < sizeof in.text, "refusal text not terminated");
        if (want_code == KD_ERR_FRAMES && route_ok && nb > 2) {
            char msg[128];
            snprintf(msg, sizeof msg, "expected 1 or 2 frames ([envelope] text), got %zu", nb);
            FZ_CHECK(!strcmp(in.text, msg), "refusal \"%s\", expected \"%s\"", in.text, msg);
        }
        r = kd_error_result(in.code, NULL, (size_t)-1, in.text); /* server.c's reject */
    } else {
        kd_job *job = in.job;
        FZ_CHECK(job, "a job input without its job");
        FZ_CHECK(job->from_api == in.from_api &&
                     (!job->from_api || !memcmp(&job->route, &in.route, sizeof in.route)),
                 "the job's route is not the input's");
        FZ_CHECK(job->has_env == (nb == 2), "has_env %d for %zu body frames", job->has_env, nb);
        FZ_CHECK(same_bytes(&job->text, text, tlen), "the job's text is not the last frame");
        FZ_CHECK(!job->has_env || same_bytes(&job->env, fr[b], envlen),
                 "the job's envelope is not the body's first frame");
        job->fact_topics = topics_of(o); /* server.c's dispatch sets the config's */
        if (nb == 2) {
            env = json_loadb((const char *)fr[b], envlen, JSON_REJECT_DUPLICATES, NULL);
            json_t *id = json_object_get(env, "id");
            if (json_is_string(id))
                snprintf(want_id, sizeof want_id, "%s", json_string_value(id));
        }
        if (!want_id[0])
            kd_content_id(text, tlen, want_id);
        r = kd_process(fz_doc(0, (o & 4) != 0), job);
        kd_job_free(job);
    }
    FZ_CHECK(r, "no result (out of memory?)");
    FZ_CHECK(r->nmsgs >= 1 && r->counted == 1, "%zu messages, counted %d", r->nmsgs, r->counted);
    FZ_CHECK(r->kind == KD_RESULT_ARTICLE || r->kind == KD_RESULT_ERROR, "result kind %d",
             r->kind);
    const char *first = r->kind == KD_RESULT_ARTICLE ? "article" : "error";
    FZ_CHECK(!strcmp(r->msgs[0].topic, first), "first topic %s for a %s", r->msgs[0].topic,
             first);
    json_t *m0 = load_msg(&r->msgs[0]);
    if (r->kind == KD_RESULT_ERROR) {
        FZ_CHECK(r->nmsgs == 1, "an error with %zu messages", r->nmsgs);
        const char *code = json_string_value(json_object_get(m0, "code"));
        FZ_CHECK(code && !strcmp(code, kd_error_code_name(r->code)), "error code %s for %d",
                 code ? code : "(none)", r->code);
        FZ_CHECK(strcmp(code, "other") != 0, "error code %d has no wire name", r->code);
        FZ_CHECK(json_is_string(json_object_get(m0, "message")), "error without message");
        json_t *off = json_object_get(m0, "offset");
        FZ_CHECK(json_is_null(off) || (json_is_integer(off) && json_integer_value(off) >= 0 &&
                                       (size_t)json_integer_value(off) <= tlen + envlen),
                 "error offset");
        if (r->code == KIJI_ERR_UTF8 || r->code == KIJI_ERR_NUL)
            FZ_CHECK(json_is_integer(off) && (size_t)json_integer_value(off) < tlen,
                     "utf8/nul error offset outside the text");
    } else {
        FZ_CHECK(nb == 1 || nb == 2, "an article from %zu body frames", nb);
        check_article(m0, env, text, tlen, want_id);
        uint32_t mask = topics_of(o);
        size_t want = 0, i;
        json_t *f;
        json_array_foreach(json_object_get(m0, "facts"), i, f)
        {
            int t = kiji_fact_type_from_name(json_string_value(json_object_get(f, "type")));
            want += t > 0 && (mask & KIJI_FACT_BIT(t));
        }
        FZ_CHECK(r->nmsgs == 1 + want, "%zu fact messages for %zu requested facts",
                 r->nmsgs - 1, want);
        for (size_t k = 1; k < r->nmsgs; k++) {
            json_t *fm = load_msg(&r->msgs[k]);
            const char *type = json_string_value(json_object_get(fm, "type"));
            FZ_CHECK(type && !strncmp(r->msgs[k].topic, "fact.", 5) &&
                         !strcmp(r->msgs[k].topic + 5, type),
                     "topic %s for a %s fact", r->msgs[k].topic, type ? type : "(none)");
            json_t *art = json_object_get(fm, "article");
            FZ_CHECK(json_is_string(art) && !strcmp(json_string_value(art), want_id),
                     "fact message without its article id");
            json_decref(fm);
        }
    }
    json_decref(m0);
    json_decref(env);
    kd_result_free(r);
    return 0;
}
