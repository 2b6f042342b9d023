/*
 * fact.c -- the fact list: adding facts and attributes while parsing, and the
 * finisher that sorts them, numbers them and maps spans to original bytes.
 *
 * References between facts (equivalent, speaker, affiliation) are indexes
 * into d->facts while parsing; the finisher rewrites them as ids, so a
 * dropped or filtered fact can never leave a dangling reference.
 */
#include <stdlib.h>
#include <string.h>

#include "kj.h"

const char *kj_qualifier_name(int q)
{
    switch (q) {
    case KJ_Q_APPROX:
        return "approx";
    case KJ_Q_OVER:
        return "over";
    case KJ_Q_AT_LEAST:
        return "at_least";
    case KJ_Q_UNDER:
        return "under";
    case KJ_Q_AT_MOST:
        return "at_most";
    }
    return NULL;
}

int kj_fact_add(kiji_doc *d, int type, size_t ns, size_t ne)
{
    if (d->nfacts >= d->p->opt.max_facts) {
        d->facts_truncated = true;
        return -1;
    }
    if (d->nfacts == d->capfacts) {
        size_t cap = d->capfacts ? d->capfacts * 2 : 64;
        /* a fact is zeroed when it is appended, below */
        d->facts = kj_grow_raw(d, d->facts, d->nfacts, cap, sizeof *d->facts);
        d->capfacts = cap;
    }
    kj_fact *f = &d->facts[d->nfacts];
    memset(f, 0, sizeof *f);
    f->type = type;
    f->ns = ns;
    f->ne = ne;
    f->sentence = kj_sentence_of(d, ns);
    f->equivalent = f->speaker = f->affiliation = -1;
    return (int)d->nfacts++;
}

kj_fact *kj_fact_at(kiji_doc *d, int idx)
{
    if (idx < 0 || (size_t)idx >= d->nfacts)
        return NULL;
    return &d->facts[idx];
}

static kj_attr *attr_new(kiji_doc *d, kj_fact *f, const char *key, int kind)
{
    /* Setting a key twice replaces the value in place. */
    for (kj_attr *a = f->attrs; a; a = a->next) {
        if (strcmp(a->key, key) == 0) {
            a->kind = kind;
            return a;
        }
    }
    /* every field set here, the value's zeroed (five stores in line:
     * kj_alloc's memset call cost more, at every attribute) */
    kj_attr *a = kj_alloc_raw(d, sizeof *a);
    *a = (kj_attr){.key = key, .kind = kind};
    if (f->attrs_tail)
        f->attrs_tail->next = a;
    else
        f->attrs = a;
    f->attrs_tail = a;
    return a;
}

void kj_attr_str(kiji_doc *d, kj_fact *f, const char *key, const char *s)
{
    attr_new(d, f, key, KJ_ATTR_STR)->s = s;
}

void kj_attr_strn(kiji_doc *d, kj_fact *f, const char *key, const char *s, size_t n)
{
    attr_new(d, f, key, KJ_ATTR_STR)->s = kj_strndup(d, s, n);
}

void kj_attr_int(kiji_doc *d, kj_fact *f, const char *key, int64_t v)
{
    attr_new(d, f, key, KJ_ATTR_INT)->i = v;
}

void kj_attr_bool(kiji_doc *d, kj_fact *f, const char *key, bool v)
{
    attr_new(d, f, key, KJ_ATTR_BOOL)->i = v;
}

void kj_attr_null(kiji_doc *d, kj_fact *f, const char *key)
{
    attr_new(d, f, key, KJ_ATTR_NULL);
}

const kj_attr *kj_attr_get(const kj_fact *f, const char *key)
{
    for (const kj_attr *a = f->attrs; a; a = a->next)
        if (strcmp(a->key, key) == 0)
            return a;
    return NULL;
}

void kj_mention_add(kiji_doc *d, kj_fact *f, size_t ns, size_t ne)
{
    /* Only the last mention is checked here (recognizers add in text
     * order); the finisher sorts and removes any other duplicate, so an
     * entity named a thousand times costs linear time, not quadratic. */
    if (f->nmentions && f->mentions[f->nmentions - 1].ns == ns &&
        f->mentions[f->nmentions - 1].ne == ne)
        return;
    if (f->nmentions == f->capmentions) {
        size_t cap = f->capmentions ? f->capmentions * 2 : 4;
        f->mentions = kj_grow(d, f->mentions, f->nmentions, cap, sizeof *f->mentions);
        f->capmentions = cap;
    }
    f->mentions[f->nmentions].ns = ns;
    f->mentions[f->nmentions].ne = ne;
    f->nmentions++;
}


void kj_claim(kiji_doc *d, size_t ns, size_t ne, uint8_t type)
{
    if (ne > d->norm_len)
        ne = d->norm_len;
    if (ns < ne)
        memset(d->claim + ns, type, ne - ns);
}

/* ---- finisher ------------------------------------------------------------ */

static int cmp_span(const void *a, const void *b)
{
    const kj_span *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? -1 : 1;
    return x->ne < y->ne ? -1 : (x->ne > y->ne);
}

/* Sort a fact's mentions and drop duplicates. Recognizers add mentions in
 * text order, so the list is mostly sorted already: the check for that is
 * inline (cmp_span inlined), and a list out of order goes to kj_sort, whose
 * natural merge sort costs a pass per halving of its sorted runs (cmp_span
 * orders the whole span, so any sort gives the same list). */
static void tidy_mentions(kiji_doc *d, kj_fact *f)
{
    if (f->nmentions < 2)
        return;
    size_t run = 1; /* the sorted prefix */
    while (run < f->nmentions && cmp_span(&f->mentions[run - 1], &f->mentions[run]) <= 0)
        run++;
    if (run < f->nmentions)
        kj_sort(&d->sort, f->mentions, f->nmentions, sizeof *f->mentions, cmp_span);
    size_t k = 1;
    for (size_t i = 1; i < f->nmentions; i++)
        if (cmp_span(&f->mentions[i], &f->mentions[k - 1]) != 0)
            f->mentions[k++] = f->mentions[i];
    f->nmentions = k;
}

typedef struct order {
    size_t ns, ne;
    int type;
    int idx;
} order;

/* The output order, as kj_merge_sort's comparison: by start, longer first,
 * by type, then as added (idx is unique, so the order is total and any
 * correct sort gives the same list). Each recognizer adds its facts in text
 * order, so the list is a few sorted runs (one per recognizer): O(n log
 * runs), n - 1 comparisons when already sorted. */
static int order_cmp(const void *a, const void *b)
{
    const order *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? -1 : 1;
    if (x->ne != y->ne)
        return x->ne > y->ne ? -1 : 1; /* longer first */
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

void kj_finish(kiji_doc *d)
{
    size_t n = d->nfacts;
    uint32_t mask = d->p->opt.facts;
    /* not zeroed: o[0, k), tmp[0, k), newid[0, n) and out[0, k) are
     * written before they are read */
    order *o = kj_alloc_raw(d, (n ? n : 1) * sizeof *o);
    order *tmp = kj_alloc_raw(d, (n ? n : 1) * sizeof *tmp);
    int *newid = kj_alloc_raw(d, (n ? n : 1) * sizeof *newid);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        kj_fact *f = &d->facts[i];
        newid[i] = 0;
        if (f->dropped || !(mask & KIJI_FACT_BIT(f->type)))
            continue;
        o[k].ns = f->ns;
        o[k].ne = f->ne;
        o[k].type = f->type;
        o[k].idx = (int)i;
        k++;
    }
    kj_merge_sort(o, tmp, k, sizeof *o, order_cmp);
    for (size_t i = 0; i < k; i++)
        newid[o[i].idx] = (int)i + 1;

    kj_fact *out = kj_alloc_raw(d, (k ? k : 1) * sizeof *out);
    for (size_t i = 0; i < k; i++) {
        kj_fact f = d->facts[o[i].idx];
        f.id = (int)i + 1;
#define REMAP(field) f.field = (f.field >= 0 && (size_t)f.field < n) ? newid[f.field] : 0
        REMAP(equivalent);
        REMAP(speaker);
        REMAP(affiliation);
#undef REMAP
        kj_span_orig(d, f.ns, f.ne, &f.start, &f.end);
        tidy_mentions(d, &f);
        out[i] = f;
        d->work++;
    }
    d->facts = out;
    d->nfacts = k;
    d->capfacts = k;
}
