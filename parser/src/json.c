/*
 * json.c -- the result JSON of a parse (README, "Result JSON"), built with
 * jansson and dumped into a buffer the doc keeps between parses.
 *
 * Spans are original byte offsets; a fact's "text" is the original bytes of
 * its span, so text == input[start:end] always holds.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "kj.h"

#define SET(obj, key, val) json_object_set_new_nocheck((obj), (key), (val))

/* 2^53: integers up to this are exact in a double, so safe as JSON numbers
 * for every consumer. */
#define EXACT_INT ((int64_t)1 << 53)

static void set_num(json_t *o, const char *key, const char *skey, kj_num v)
{
    char buf[64];
    int64_t m = v.mant;
    int32_t e = v.exp;
    /* Strip trailing zeros of the mantissa into the exponent. */
    while (m != 0 && m % 10 == 0 && e < 0) {
        m /= 10;
        e++;
    }
    if (e >= 0) {
        bool fits = true;
        int64_t x = m;
        for (int32_t i = 0; i < e && fits; i++) {
            if (x > INT64_MAX / 10 || x < INT64_MIN / 10)
                fits = false;
            else
                x *= 10;
        }
        if (fits && x <= EXACT_INT && x >= -EXACT_INT) {
            SET(o, key, json_integer(x));
            return;
        }
    }
    kj_num n = {m, e, true};
    kj_num_str(n, buf, sizeof buf);
    SET(o, key, json_real(kj_num_double(n)));
    /* A double cannot hold every decimal exactly: give the exact form too. */
    char back[64];
    snprintf(back, sizeof back, "%.17g", kj_num_double(n));
    if (strcmp(back, buf) != 0)
        SET(o, skey, json_string(buf));
}

static json_t *span_array(const kiji_doc *d, const kj_fact *f)
{
    json_t *a = json_array();
    for (size_t i = 0; i < f->nmentions; i++) {
        size_t s, e;
        kj_span_orig(d, f->mentions[i].ns, f->mentions[i].ne, &s, &e);
        json_t *p = json_array();
        json_array_append_new(p, json_integer((json_int_t)s));
        json_array_append_new(p, json_integer((json_int_t)e));
        json_array_append_new(a, p);
    }
    return a;
}

static json_t *fact_json(const kiji_doc *d, const kj_fact *f)
{
    json_t *o = json_object();
    SET(o, "id", json_integer(f->id));
    SET(o, "type", json_string(kiji_fact_type_name(f->type)));
    SET(o, "text", json_stringn(d->orig + f->start, f->end - f->start));
    SET(o, "start", json_integer((json_int_t)f->start));
    SET(o, "end", json_integer((json_int_t)f->end));
    if (f->sentence >= 0)
        SET(o, "sentence", json_integer(f->sentence));
    if (f->name)
        SET(o, "name", json_string(f->name));
    if (f->value.ok)
        set_num(o, "value", "value_str", f->value);
    if (f->max.ok)
        set_num(o, "max", "max_str", f->max);
    const char *q = kj_qualifier_name(f->qualifier);
    if (q)
        SET(o, "qualifier", json_string(q));
    if (f->equivalent > 0)
        SET(o, "equivalent", json_integer(f->equivalent));
    if (f->speaker > 0)
        SET(o, "speaker", json_integer(f->speaker));
    if (f->affiliation > 0)
        SET(o, "affiliation", json_integer(f->affiliation));
    for (const kj_attr *a = f->attrs; a; a = a->next) {
        /* Core fields above win over an attribute of the same name. */
        if (json_object_get(o, a->key))
            continue;
        switch (a->kind) {
        case KJ_ATTR_STR:
            SET(o, a->key, a->s ? json_string(a->s) : json_null());
            break;
        case KJ_ATTR_INT:
            SET(o, a->key, json_integer(a->i));
            break;
        case KJ_ATTR_BOOL:
            SET(o, a->key, json_boolean(a->i));
            break;
        default:
            SET(o, a->key, json_null());
        }
    }
    if (f->nmentions)
        SET(o, "mentions", span_array(d, f));
    return o;
}

static json_t *doc_json(const kiji_doc *d)
{
    json_t *r = json_object();
    SET(r, "schema", json_integer(KIJI_SCHEMA));
    if (d->id)
        SET(r, "id", json_string(d->id));
    SET(r, "lang", json_string(d->lang == KJ_LANG_EN ? "en" : "ja"));
    if (d->pub_y) {
        char buf[32];
        if (d->pub_m && d->pub_d)
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->pub_y, d->pub_m, d->pub_d);
        else if (d->pub_m)
            snprintf(buf, sizeof buf, "%04d-%02d", d->pub_y, d->pub_m);
        else
            snprintf(buf, sizeof buf, "%04d", d->pub_y);
        SET(r, "published", json_string(buf));
    } else {
        SET(r, "published", json_null());
    }
    SET(r, "published_source", json_string(d->pub_source ? d->pub_source : "none"));

    json_t *src = json_object();
    if (d->agency)
        SET(src, "agency", json_string(d->agency));
    if (d->credit)
        SET(src, "credit", json_string(d->credit));
    if (d->copyright)
        SET(src, "copyright", json_string(d->copyright));
    if (d->url)
        SET(src, "url", json_string(d->url));
    SET(r, "source", src);

    json_t *title = json_object();
    if (d->title_original)
        SET(title, "original", json_string(d->title_original));
    if (d->title_revision)
        SET(title, "revision", json_integer(d->title_revision));
    if (d->title_excerpt)
        SET(title, "excerpt", json_true());
    SET(r, "title", title);

    json_t *cr = json_array();
    for (size_t i = 0; i < d->ncredits; i++) {
        json_t *c = json_object();
        SET(c, "role", json_string(d->credits[i].role));
        SET(c, "name", json_string(d->credits[i].name));
        json_array_append_new(cr, c);
    }
    SET(r, "credits", cr);

    size_t bs, be;
    kj_span_orig(d, d->body_ns, d->body_ne, &bs, &be);
    json_t *body = json_array();
    json_array_append_new(body, json_integer((json_int_t)bs));
    json_array_append_new(body, json_integer((json_int_t)be));
    SET(r, "body", body);
    SET(r, "sentences", json_integer((json_int_t)d->nsent));

    json_t *limits = json_array();
    if (d->facts_truncated)
        json_array_append_new(limits, json_string("max_facts"));
    SET(r, "limits", limits);

    json_t *facts = json_array();
    for (size_t i = 0; i < d->nfacts; i++)
        json_array_append_new(facts, fact_json(d, &d->facts[i]));
    SET(r, "facts", facts);
    return r;
}

int kiji_doc_json(kiji_doc *d, unsigned flags, const char **out, size_t *len)
{
    if (!d || !out)
        return KIJI_ERR_ARG;
    json_t *r = doc_json(d);
    if (!r)
        return KIJI_ERR_JSON;
    size_t jf = JSON_REAL_PRECISION(17);
    if (flags & KIJI_JSON_PRETTY)
        jf |= JSON_INDENT(1);
    else
        jf |= JSON_COMPACT;
    size_t need = json_dumpb(r, NULL, 0, jf);
    if (need == 0) {
        json_decref(r);
        return KIJI_ERR_JSON;
    }
    if (need + 1 > d->json_cap) {
        size_t cap = d->json_cap ? d->json_cap : 4096;
        while (cap < need + 1)
            cap *= 2;
        char *b = realloc(d->json, cap);
        if (!b) {
            json_decref(r);
            return KIJI_ERR_NOMEM;
        }
        d->json = b;
        d->json_cap = cap;
    }
    size_t got = json_dumpb(r, d->json, d->json_cap, jf);
    json_decref(r);
    if (got != need)
        return KIJI_ERR_JSON;
    d->json[got] = 0;
    d->json_len = got;
    *out = d->json;
    if (len)
        *len = got;
    return KIJI_OK;
}
