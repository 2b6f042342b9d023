/*
 * envelope.c -- one input to one output: validate the envelope, parse the
 * article with libkiji, and build the `article` message (the parser's result
 * JSON plus the envelope's source, url and unknown fields under "meta") and
 * its fact.<type> messages; or exactly one `error` message. Every path out of
 * kd_process yields one result, which is what keeps received = articles +
 * errors.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "kd.h"

#define ID_MAX 512 /* longest envelope id accepted */

/* Wire names of error codes: parser statuses 0..11, then the daemon's. */
static const struct {
    int code;
    const char *name;
} codes[] = {
    {KIJI_ERR_UTF8, "utf8"},
    {KIJI_ERR_EMPTY, "empty"},
    {KIJI_ERR_NUL, "nul"},
    {KIJI_ERR_TOO_LARGE, "too_large"},
    {KIJI_ERR_MEMORY, "memory"},
    {KIJI_ERR_NOMEM, "nomem"},
    {KIJI_ERR_PUBLISHED, "published"},
    {KIJI_ERR_LANG, "lang"},
    {KIJI_ERR_ICU, "icu"},
    {KIJI_ERR_ARG, "arg"},
    {KIJI_ERR_JSON, "json"},
    {KD_ERR_FRAMES, "frames"},
    {KD_ERR_ENVELOPE, "envelope"},
    {KD_ERR_FIELD, "envelope_field"},
    {KD_ERR_COMMAND, "command"},
};
#define NCODES (sizeof codes / sizeof codes[0])
_Static_assert(NCODES < KD_ERROR_CODES, "stats table too small");

int kd_error_index(int code)
{
    for (size_t i = 0; i < NCODES; i++)
        if (codes[i].code == code)
            return (int)i;
    return (int)NCODES; /* "other" */
}

const char *kd_error_index_name(int idx)
{
    return idx >= 0 && (size_t)idx < NCODES ? codes[idx].name : "other";
}

const char *kd_error_code_name(int code)
{
    return kd_error_index_name(kd_error_index(code));
}

void kd_job_free(kd_job *j)
{
    if (!j)
        return;
    if (j->has_env)
        zmq_msg_close(&j->env);
    zmq_msg_close(&j->text);
    free(j);
}

kd_result *kd_result_new(int kind)
{
    kd_result *r = calloc(1, sizeof *r);
    if (r)
        r->kind = kind;
    return r;
}

int kd_result_add(kd_result *r, const char *topic, char *json, size_t len)
{
    if (!json)
        return -1;
    if (r->nmsgs == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 4;
        kd_outmsg *m = realloc(r->msgs, cap * sizeof *m);
        if (!m) {
            free(json);
            return -1;
        }
        r->msgs = m;
        r->cap = cap;
    }
    char *t = strdup(topic);
    if (!t) {
        free(json);
        return -1;
    }
    r->msgs[r->nmsgs++] = (kd_outmsg){t, json, len};
    return 0;
}

void kd_result_free(kd_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nmsgs; i++) {
        free(r->msgs[i].topic);
        free(r->msgs[i].json);
    }
    free(r->msgs);
    free(r);
}

/* FNV-1a, 128-bit: stable across builds and machines, linear in the text.
 * Not cryptographic; it names content, it does not authenticate it. */
void kd_content_id(const void *p, size_t len, char out[48])
{
    const unsigned __int128 prime = ((unsigned __int128)0x0000000001000000ULL << 64) | 0x13BULL;
    unsigned __int128 h = ((unsigned __int128)0x6c62272e07bb0142ULL << 64) | 0x62b821756295c58dULL;
    const unsigned char *s = p;
    for (size_t i = 0; i < len; i++) {
        h ^= s[i];
        h *= prime;
    }
    snprintf(out, 48, "fnv1a128:%016llx%016llx", (unsigned long long)(h >> 64),
             (unsigned long long)h);
}

/* Length of the valid UTF-8 sequence at s[0, n), or 0 (strict: no
 * overlong forms, surrogates or code points past U+10FFFF). */
static size_t u8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 0 || len > n)
        return 0;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return len;
}

/* A JSON string of text, with each byte that is not part of valid UTF-8
 * replaced by '?': messages may quote input (jansson's "near '...'" cuts
 * a multibyte character), and jansson refuses to build a string that is
 * not UTF-8, which would leave the error without its message. */
static json_t *message_string(const char *text)
{
    json_t *m = json_string(text);
    if (m)
        return m;
    size_t n = strlen(text);
    char *c = malloc(n + 1);
    if (!c)
        return NULL;
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = 0; i < n;) {
        size_t k = u8_seq(u + i, n - i);
        if (k == 0) {
            c[i++] = '?';
            continue;
        }
        memcpy(c + i, u + i, k);
        i += k;
    }
    c[n] = 0;
    m = json_string(c);
    free(c);
    return m;
}

kd_result *kd_error_result(int code, const char *id, size_t offset, const char *text)
{
    kd_result *r = kd_result_new(KD_RESULT_ERROR);
    if (!r)
        return NULL;
    r->code = code;
    r->counted = 1;
    json_t *o = json_object();
    json_object_set_new(o, "schema", json_integer(KIJI_SCHEMA));
    if (id)
        json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "code", json_string(kd_error_code_name(code)));
    json_object_set_new(o, "message", message_string(text ? text : ""));
    json_object_set_new(o, "offset",
                        offset == (size_t)-1 ? json_null() : json_integer((json_int_t)offset));
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (!s || kd_result_add(r, "error", s, strlen(s))) {
        kd_result_free(r);
        return NULL;
    }
    return r;
}

/* Envelope fields libkiji reads; everything else is echoed under "meta". */
typedef struct envelope {
    json_t *root;
    const char *id, *published, *lang;
    json_t *meta; /* NULL when there is nothing to echo */
} envelope;

/* Returns 0, or an error result (owned by the caller). */
static kd_result *read_envelope(const kd_job *job, envelope *e)
{
    memset(e, 0, sizeof *e);
    if (!job->has_env)
        return NULL;
    /* Limits before parsing: size, then nesting depth (one linear scan;
     * brackets inside strings are skipped). */
    const unsigned char *b = zmq_msg_data((zmq_msg_t *)&job->env);
    size_t blen = zmq_msg_size((zmq_msg_t *)&job->env);
    if (blen > KD_ENVELOPE_MAX) {
        char msg[96];
        snprintf(msg, sizeof msg, "envelope longer than %d bytes", KD_ENVELOPE_MAX);
        return kd_error_result(KD_ERR_ENVELOPE, NULL, KD_ENVELOPE_MAX, msg);
    }
    int depth = 0, in_str = 0;
    for (size_t i = 0; i < blen; i++) {
        unsigned char ch = b[i];
        if (in_str) {
            if (ch == '\\')
                i++;
            else if (ch == '"')
                in_str = 0;
        } else if (ch == '"')
            in_str = 1;
        else if (ch == '{' || ch == '[') {
            if (++depth > KD_ENVELOPE_DEPTH) {
                char msg[96];
                snprintf(msg, sizeof msg, "envelope nested deeper than %d", KD_ENVELOPE_DEPTH);
                return kd_error_result(KD_ERR_ENVELOPE, NULL, i, msg);
            }
        } else if ((ch == '}' || ch == ']') && depth > 0)
            depth--;
    }
    json_error_t jerr;
    e->root = json_loadb(zmq_msg_data((zmq_msg_t *)&job->env), zmq_msg_size((zmq_msg_t *)&job->env),
                         JSON_REJECT_DUPLICATES, &jerr);
    if (!e->root || !json_is_object(e->root)) {
        char msg[220];
        if (e->root)
            snprintf(msg, sizeof msg, "envelope is not a JSON object");
        else
            snprintf(msg, sizeof msg, "envelope is not JSON: %s", jerr.text);
        size_t off = e->root ? 0 : (size_t)jerr.position;
        json_decref(e->root);
        e->root = NULL;
        return kd_error_result(KD_ERR_ENVELOPE, NULL, off, msg);
    }
    static const char *const known[] = {"id", "published", "lang", "source", "url"};
    const char **slots[] = {&e->id, &e->published, &e->lang, NULL, NULL};
    const char *bad = NULL;
    for (size_t i = 0; i < 5 && !bad; i++) {
        json_t *v = json_object_get(e->root, known[i]);
        if (!v || (json_is_null(v) && i != 0))
            continue; /* null = absent (corpus records have "date": null) */
        if (!json_is_string(v) ||
            (i == 0 && (json_string_length(v) == 0 || json_string_length(v) > ID_MAX)))
            bad = known[i];
        else if (slots[i])
            *slots[i] = json_string_value(v);
    }
    if (!bad && e->id && strlen(e->id) != json_string_length(json_object_get(e->root, "id")))
        bad = "id"; /* an embedded NUL */
    if (bad) {
        char msg[160];
        snprintf(msg, sizeof msg, "envelope field '%s' must be a %s", bad,
                 strcmp(bad, "id") == 0 ? "non-empty string of at most 512 bytes"
                                        : "string or null");
        json_decref(e->root);
        e->root = NULL;
        return kd_error_result(KD_ERR_FIELD, NULL, (size_t)-1, msg);
    }
    const char *k;
    json_t *v;
    json_object_foreach(e->root, k, v)
    {
        if (!strcmp(k, "id") || !strcmp(k, "published") || !strcmp(k, "lang"))
            continue;
        if (json_is_null(v) && (!strcmp(k, "source") || !strcmp(k, "url")))
            continue;
        if (!e->meta)
            e->meta = json_object();
        json_object_set(e->meta, k, v);
    }
    return NULL;
}

/* The result JSON is the library's compact output: jansson never re-reads
 * it here. Its bytes are spliced instead, which gives exactly what loading
 * it, adding members and dumping it with JSON_COMPACT gave: a re-dump keeps
 * member order, strings and numbers ("%.17g" reals read back to the same
 * double) as they are, and a member added to an object goes last. */

/* End of the JSON string starting at s[i] == '"': the index after its
 * closing quote, or n. */
static size_t string_end(const char *s, size_t i, size_t n)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return n;
}

/* End of the object or array starting at s[i]: the index after its closing
 * bracket, or n. */
static size_t value_end(const char *s, size_t i, size_t n)
{
    int depth = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '"') {
            i = string_end(s, i, n) - 1;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return n;
}

/* A malloc'd copy of the bytes a, b and c one after the other, then "}"
 * and a NUL; *len excludes the NUL. */
static char *concat(const char *a, size_t an, const char *b, size_t bn, const char *c, size_t cn,
                    size_t *len)
{
    char *s = malloc(an + bn + cn + 2);
    if (!s)
        return NULL;
    memcpy(s, a, an);
    memcpy(s + an, b, bn);
    memcpy(s + an + bn, c, cn);
    s[an + bn + cn] = '}';
    s[an + bn + cn + 1] = 0;
    *len = an + bn + cn + 1;
    return s;
}

/* The fact.<type> messages: each fact object of the result plus "schema"
 * and, when the result has an id, "article". Returns 0, -1 when out of
 * memory, -2 when the result does not have the shape the library writes. */
static int add_fact_messages(kd_result *r, const kiji_doc *doc, const char *out, size_t n,
                             uint32_t mask)
{
    /* The root begins {"schema":N then "id":"..." when there is an id. */
    static const char head[] = "{\"schema\":";
    if (n < sizeof head || memcmp(out, head, sizeof head - 1) != 0)
        return -2;
    size_t i = sizeof head - 1;
    while (i < n && out[i] >= '0' && out[i] <= '9')
        i++;
    const char *idv = "";
    size_t idn = 0;
    if (n - i > 6 && memcmp(out + i, ",\"id\":\"", 7) == 0) {
        idv = out + i + 6;
        idn = string_end(out, i + 6, n) - (i + 6);
    }
    char pre[64];
    int pl = snprintf(pre, sizeof pre, ",\"schema\":%d%s", KIJI_SCHEMA, idn ? ",\"article\":" : "");
    /* A quote preceded by ',' is never inside a string (there it would be
     * escaped), and no member before the root's "facts" holds one. */
    const char *fk = strstr(out + i, ",\"facts\":[");
    if (!fk)
        return -2;
    i = (size_t)(fk - out) + 10;
    size_t nf = kiji_doc_fact_count(doc);
    for (size_t k = 0; k < nf; k++) {
        if (k > 0 && (i >= n || out[i++] != ','))
            return -2;
        if (i >= n || out[i] != '{')
            return -2;
        size_t e = value_end(out, i, n);
        if (e >= n || out[e - 1] != '}')
            return -2;
        int t = kiji_fact_type_of(kiji_doc_fact(doc, k));
        const char *type = kiji_fact_type_name(t);
        if (type && (mask & KIJI_FACT_BIT(t))) {
            size_t len = 0;
            char *s = concat(out + i, e - 1 - i, pre, (size_t)pl, idv, idn, &len);
            char topic[64];
            snprintf(topic, sizeof topic, "fact.%s", type);
            if (kd_result_add(r, topic, s, len))
                return -1;
        }
        i = e;
    }
    return i < n && out[i] == ']' ? 0 : -2;
}

kd_result *kd_process(kiji_doc *doc, const kd_job *job)
{
    envelope e;
    kd_result *bad = read_envelope(job, &e);
    if (bad)
        return bad;

    const char *text = zmq_msg_data((zmq_msg_t *)&job->text);
    size_t len = zmq_msg_size((zmq_msg_t *)&job->text);
    char hid[48];
    if (!e.id) {
        kd_content_id(text, len, hid);
        e.id = hid;
    }
    kiji_meta meta = {e.id, e.published, e.lang};
    kiji_error err = {0};
    kd_result *r = NULL;
    int rc = kiji_parse(doc, text, len, &meta, &err);
    const char *out = NULL;
    size_t outlen = 0;
    if (rc == KIJI_OK)
        rc = kiji_doc_json(doc, 0, &out, &outlen);
    if (rc != KIJI_OK) {
        int rel = rc == KIJI_ERR_UTF8 || rc == KIJI_ERR_NUL || rc == KIJI_ERR_TOO_LARGE;
        r = kd_error_result(rc, e.id, rel ? err.offset : (size_t)-1,
                            err.text[0] ? err.text : kiji_status_name(rc));
        goto done;
    }
    r = kd_result_new(KD_RESULT_ARTICLE);
    if (!r)
        goto done;
    r->counted = 1;
    r->facts = kiji_doc_fact_count(doc);
    /* The article: the library's bytes, with the envelope's extra fields
     * as a last member "meta" when there are any. */
    char *art = NULL;
    size_t artlen = 0;
    if (e.meta) {
        char *m = json_dumps(e.meta, JSON_COMPACT);
        if (m)
            art = concat(out, outlen - 1, ",\"meta\":", 8, m, strlen(m), &artlen);
        free(m);
    } else {
        art = malloc(outlen + 1);
        if (art)
            memcpy(art, out, outlen + 1);
        artlen = outlen;
    }
    int frc = 0;
    if (kd_result_add(r, "article", art, artlen))
        frc = -1;
    else if (job->fact_topics)
        frc = add_fact_messages(r, doc, out, outlen, job->fact_topics);
    if (frc) {
        kd_result_free(r);
        r = frc == -1 ? kd_error_result(KIJI_ERR_NOMEM, e.id, (size_t)-1, "out of memory")
                      : kd_error_result(KIJI_ERR_JSON, e.id, (size_t)-1,
                                        "result JSON has an unexpected shape");
    }
done:
    json_decref(e.meta);
    json_decref(e.root);
    return r;
}
