/*
 * alloc_test.c -- a warm kiji_doc parses without calling malloc.
 *
 * The test program defines malloc/calloc/realloc itself (forwarding to
 * glibc's __libc_* entry points), so it counts every allocation made by
 * libkiji, ICU and jansson alike. After two warm-up parses of an article
 * (each with its result JSON), a third parse of the same article and its
 * result JSON must allocate nothing; a bigger article may grow the arena
 * and the JSON buffer once, then it too parses without malloc. The same
 * holds for a long article built here (the same few people, firms and
 * places named thousands of times: mention lists far longer than the sort
 * scratch on the stack).
 * Not built with sanitizers (they replace malloc themselves).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiji.h"
#include "golden_file.h"

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static volatile size_t count;
static volatile int counting;

void *malloc(size_t n)
{
    if (counting)
        count++;
    return __libc_malloc(n);
}

void *calloc(size_t a, size_t b)
{
    if (counting)
        count++;
    return __libc_calloc(a, b);
}

void *realloc(void *p, size_t n)
{
    if (counting)
        count++;
    return __libc_realloc(p, n);
}

/* A long English article: the same sentences, with their names, again and
 * again (about 300 KB). */
static char *long_article(size_t *len)
{
    static const char *const lines[] = {
        "Maria Keller, chief executive of Northwind Freight Corp, said on Tuesday "
        "that orders rose 4% in Rotterdam.\n",
        "\"We expect a better year,\" Keller told reporters in Hamburg.\n",
        "Northwind Freight shares gained 1.2 percent to 31.40 euros, and Keller "
        "said the firm would hire 200 people.\n",
    };
    size_t reps = 1000, n = 0;
    for (size_t k = 0; k < sizeof lines / sizeof *lines; k++)
        n += strlen(lines[k]);
    char *b = malloc(n * reps + 1);
    if (!b)
        return NULL;
    size_t o = 0;
    for (size_t r = 0; r < reps; r++)
        for (size_t k = 0; k < sizeof lines / sizeof *lines; k++) {
            size_t l = strlen(lines[k]);
            memcpy(b + o, lines[k], l);
            o += l;
        }
    b[o] = '\0';
    *len = o;
    return b;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    kiji_error err;
    kiji_parser *p = kiji_parser_new(NULL, &err);
    kiji_doc *d = kiji_doc_new(p);
    kiji_meta meta = {"alloc-test", "2026-02-13", NULL};
    for (int i = 1; i <= argc; i++) {
        size_t len;
        char *text = i < argc ? slurp(argv[i], &len) : long_article(&len);
        const char *name = i < argc ? argv[i] : "(long article)";
        if (!text) {
            perror(name);
            return 2;
        }
        const char *out;
        size_t olen;
        for (int k = 0; k < 2; k++)
            if (kiji_parse(d, text, len, &meta, &err) == KIJI_OK)
                kiji_doc_json(d, 0, &out, &olen);
        count = 0;
        counting = 1;
        int rc = kiji_parse(d, text, len, &meta, &err);
        if (rc == KIJI_OK)
            rc = kiji_doc_json(d, 0, &out, &olen);
        counting = 0;
        size_t parse_allocs = count;
        printf("%s: warm kiji_parse + kiji_doc_json: %zu allocations (%zu facts)\n", name,
               parse_allocs, kiji_doc_fact_count(d));
        if (rc == KIJI_OK && parse_allocs == 0) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL %s: rc %d, %zu allocations in a warm parse\n", name, rc,
                    parse_allocs);
        }
        free(text);
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
