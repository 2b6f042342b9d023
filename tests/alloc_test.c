/*
 * alloc_test.c -- a warm kiji_doc parses without calling malloc.
 *
 * The test program defines malloc/calloc/realloc itself (forwarding to
 * glibc's __libc_* entry points), so it counts every allocation made by
 * libkiji, ICU and jansson alike. After two warm-up parses of an article
 * (each with its result JSON), a third parse of the same article and its
 * result JSON must allocate nothing; a bigger article may grow the arena
 * and the JSON buffer once, then it too parses without malloc.
 * Not built with sanitizers (they replace malloc themselves).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiji.h"

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

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (fread(b, 1, (size_t)n, f) != (size_t)n)
        n = 0;
    fclose(f);
    *len = (size_t)n;
    return b;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    kiji_error err;
    kiji_parser *p = kiji_parser_new(NULL, &err);
    kiji_doc *d = kiji_doc_new(p);
    kiji_meta meta = {"alloc-test", "2026-02-13", NULL};
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *text = slurp(argv[i], &len);
        if (!text) {
            perror(argv[i]);
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
        printf("%s: warm kiji_parse + kiji_doc_json: %zu allocations (%zu facts)\n", argv[i],
               parse_allocs, kiji_doc_fact_count(d));
        if (rc == KIJI_OK && parse_allocs == 0) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL %s: rc %d, %zu allocations in a warm parse\n", argv[i], rc,
                    parse_allocs);
        }
        free(text);
    }
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
