/*
 * fuzz_envelope.c -- the daemon's message handling, frames in, published
 * messages out: kd_process (daemon/envelope.c) on a job built from 1-4
 * frames, with real zmq_msg_t frames and a warm kiji_doc, as a worker runs
 * it.
 *
 * Input: option byte 0 (bits 0-1: fact topics none / all / money+date /
 * quote+person; bit 2: the tight parser of fuzz.h), then the frames
 * separated by FRAME_SEP. One frame is [text], two are [envelope][text];
 * three or four are refused with a `frames` error, as server.c's take_body
 * does (that framing is static in server.c, so it is mirrored here).
 *
 * Checks: exactly one article or error message comes first (received =
 * articles + errors); every message is one JSON object with schema 1 whose
 * length is the one given; an error names its code and an offset inside
 * the text; an article echoes the envelope's id (or the content hash), its
 * facts' spans and texts are exact slices of the text frame, unknown
 * envelope fields come back under "meta"; every fact.<type> message is one
 * of the article's facts of a requested type, carrying the article id.
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "kd.h"

#define FRAME_SEP "\xFF\x00\xFF"
#define FRAME_SEP_LEN 3
#define MAX_FRAMES 4

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t o = data[0];
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

    kd_result *r;
    char want_id[600] = "";
    json_t *env = NULL;
    const uint8_t *text = fr[nf - 1];
    size_t tlen = fl[nf - 1];
    if (nf > 2) {
        char msg[128];
        snprintf(msg, sizeof msg, "expected 1 or 2 frames ([envelope] text), got %zu", nf);
        r = kd_error_result(KD_ERR_FRAMES, NULL, (size_t)-1, msg);
    } else {
        kd_job job;
        memset(&job, 0, sizeof job);
        job.fact_topics = topics_of(o);
        FZ_CHECK(zmq_msg_init_size(&job.text, tlen) == 0, "zmq_msg_init_size");
        memcpy(zmq_msg_data(&job.text), text, tlen);
        if (nf == 2) {
            FZ_CHECK(zmq_msg_init_size(&job.env, fl[0]) == 0, "zmq_msg_init_size");
            memcpy(zmq_msg_data(&job.env), fr[0], fl[0]);
            job.has_env = 1;
            env = json_loadb((const char *)fr[0], fl[0], JSON_REJECT_DUPLICATES, NULL);
            json_t *id = json_object_get(env, "id");
            if (json_is_string(id))
                snprintf(want_id, sizeof want_id, "%s", json_string_value(id));
        }
        if (!want_id[0])
            kd_content_id(text, tlen, want_id);
        r = kd_process(fz_doc(0, (o & 4) != 0), &job);
        if (job.has_env)
            zmq_msg_close(&job.env);
        zmq_msg_close(&job.text);
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
                                       (size_t)json_integer_value(off) <= tlen + fl[0]),
                 "error offset");
        if (r->code == KIJI_ERR_UTF8 || r->code == KIJI_ERR_NUL)
            FZ_CHECK(json_is_integer(off) && (size_t)json_integer_value(off) < tlen,
                     "utf8/nul error offset outside the text");
    } else {
        FZ_CHECK(nf <= 2, "an article from %zu frames", nf);
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
