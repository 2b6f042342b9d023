/*
 * rand_text.h -- what the randomized unit tests share: a fixed-seed
 * xorshift64* generator (a test may set `rng` to its own nonzero seed
 * first; every run draws the same values), random_word, which strings
 * together pieces of a test's alphabet, append_pair, which lays a text
 * out a word and a separator at a time, and base_doc, the document with
 * one fact that the JSON writer tests dress up.
 */
#ifndef KIJI_TESTS_RAND_TEXT_H
#define KIJI_TESTS_RAND_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kj.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;

static inline uint64_t next_rand(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Du;
}

/* minlen to maxlen pieces drawn from alphabet (n entries), written to out
 * with a terminating NUL; a piece that would not fit in cap ends the word
 * early. Returns the word's length in bytes. */
static inline size_t random_word(char *out, size_t cap, const char *const *alphabet, size_t n,
                                 int minlen, int maxlen)
{
    int pieces = minlen + (int)(next_rand() % (uint64_t)(maxlen - minlen + 1));
    size_t len = 0;
    for (int k = 0; k < pieces; k++) {
        const char *a = alphabet[next_rand() % n];
        size_t al = strlen(a);
        if (len + al >= cap)
            break;
        memcpy(out + len, a, al);
        len += al;
    }
    out[len] = 0;
    return len;
}

/* Appends the word w (wl bytes) and then the separator s at out + *len,
 * keeping a byte of cap for the NUL; false, with nothing written, when
 * they do not fit. */
static inline bool append_pair(char *out, size_t cap, size_t *len, const char *w, size_t wl,
                               const char *s)
{
    size_t sl = strlen(s);
    if (*len + wl + sl >= cap)
        return false;
    memcpy(out + *len, w, wl);
    *len += wl;
    memcpy(out + *len, s, sl);
    *len += sl;
    return true;
}

/* text parsed in lang (published 2026-02-13) with *flag, a tests-only
 * switch of the parser, set to on for that parse only: its result JSON
 * copied to out (cap bytes), its length, 0 on an error; its date facts are
 * added to *dates. The randomized tests parse each text with a shortcut
 * and with the path it stands for, and compare. */
static inline size_t parse_json_with(kiji_doc *d, bool *flag, bool on, const char *lang,
                                     const char *text, size_t tl, char *out, size_t cap,
                                     size_t *dates)
{
    kiji_error e;
    kiji_meta m = {.published = "2026-02-13", .lang = lang};
    *flag = on;
    int rc = kiji_parse(d, text, tl, &m, &e);
    *flag = false;
    const char *js;
    size_t jl;
    if (rc != KIJI_OK || kiji_doc_json(d, 0, &js, &jl) != KIJI_OK || jl + 1 > cap)
        return 0;
    for (size_t x = 0; x < d->nfacts; x++)
        *dates += kj_fact_at(d, (int)x)->type == KIJI_FACT_DATE;
    memcpy(out, js, jl + 1);
    return jl;
}

/* A parser with every fact type on and a document holding the facts of one
 * plain sentence, the first of them kept; NULL (with the reason on stderr)
 * when either cannot be made. The caller frees both. */
static inline kiji_doc *base_doc(kiji_parser **p)
{
    kiji_error err;
    kiji_options all = {.facts = 0xFFFFFFFFu};
    *p = kiji_parser_new(&all, &err);
    if (!*p) {
        fprintf(stderr, "parser: %s\n", err.text);
        return NULL;
    }
    kiji_doc *d = kiji_doc_new(*p);
    static const char text[] = "The company said sales rose 3.5% to 120 million dollars.";
    if (!d || kiji_parse(d, text, sizeof text - 1, NULL, &err) != KIJI_OK || d->nfacts < 1) {
        fprintf(stderr, "the base text gave no fact\n");
        kiji_doc_free(d);
        kiji_parser_free(*p);
        return NULL;
    }
    return d;
}

#endif
