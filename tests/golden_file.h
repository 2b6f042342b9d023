/*
 * golden_file.h -- what the test programs that take article and case files
 * on their command line share: slurp, which reads a whole file, and
 * golden_body, which reads a golden article's optional first line
 * "@published YYYY-MM-DD".
 */
#ifndef KIJI_TESTS_GOLDEN_FILE_H
#define KIJI_TESTS_GOLDEN_FILE_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file at path in a NUL-terminated malloc'd buffer of *len bytes (plus
 * the NUL); NULL with errno set (perror-ready) when it cannot be opened,
 * sized or read in full. */
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

/* The article of a golden file text[0, len): after its "@published" line
 * when it has one, whose date (cut to size - 1 bytes) goes to published;
 * else the whole text, and published is "". */
static inline char *golden_body(char *text, size_t len, char *published, size_t size)
{
    published[0] = 0;
    if (strncmp(text, "@published ", 11) != 0)
        return text;
    char *nl = strchr(text, '\n');
    size_t n = nl ? (size_t)(nl - text - 11) : 0;
    if (n >= size)
        n = size - 1;
    memcpy(published, text + 11, n);
    published[n] = 0;
    return nl ? nl + 1 : text + len;
}

#endif
