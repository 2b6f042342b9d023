/*
 * check.h -- the assertion the unit-test programs share: CHECK(cond, fmt, ...)
 * counts a pass or prints the failure with its line and counts it; a test's
 * main prints the counts and fails when `failed` is not zero.
 */
#ifndef KIJI_TESTS_CHECK_H
#define KIJI_TESTS_CHECK_H

#include <stdio.h>

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

#endif
