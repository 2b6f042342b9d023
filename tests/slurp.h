/*
 * slurp.h -- read a whole file into a NUL-terminated malloc'd buffer, for
 * the test programs that take article and case files on their command line.
 * Returns NULL with errno set (perror-ready) when the file cannot be opened,
 * sized or read in full.
 */
#ifndef KIJI_TESTS_SLURP_H
#define KIJI_TESTS_SLURP_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        n = ftell(f);
    char *b = NULL;
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0)
        b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
        errno = EIO;
    }
    fclose(f);
    if (!b)
        return NULL;
    b[n] = 0;
    *len = (size_t)n;
    return b;
}

#endif
