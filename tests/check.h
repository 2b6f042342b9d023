/*
 * check.h -- the assertion the unit-test programs share: CHECK(cond, fmt, ...)
 * counts a pass or prints the failure with its line and counts it (CHECK_FEW
 * prints only the first ten); a test's main prints the counts and fails when
 * `failed` is not zero. check_open makes the parser and document a test
 * works with.
 */
#ifndef KIJI_TESTS_CHECK_H
#define KIJI_TESTS_CHECK_H

#include <stdio.h>

#include "kiji.h"

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
        } else {                                                                                   \
            failed++;                                                                              \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

/* CHECK for the randomized tests, where one fault can fail thousands of
 * generated inputs: every failure is counted, only the first ten printed. */
#define CHECK_FEW(cond, ...)                                                                       \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
        } else if (failed++ < 10) {                                                                \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

/* The parser (with options o, NULL for the defaults) and one document a
 * test program works with; false (with the reason on stderr) when either
 * cannot be made. */
static inline int check_open_with(const kiji_options *o, kiji_parser **p, kiji_doc **d)
{
    kiji_error e;
    *p = kiji_parser_new(o, &e);
    if (!*p) {
        fprintf(stderr, "kiji_parser_new: %s\n", e.text);
        return 0;
    }
    if (!(*d = kiji_doc_new(*p))) {
        fprintf(stderr, "kiji_doc_new: out of memory\n");
        kiji_parser_free(*p);
        return 0;
    }
    return 1;
}

static inline int check_open(kiji_parser **p, kiji_doc **d)
{
    return check_open_with(NULL, p, d);
}

#endif
