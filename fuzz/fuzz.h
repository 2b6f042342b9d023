/*
 * fuzz.h -- what the fuzz targets share: option bytes from the input's head,
 * parsers built once per process, and the invariant checks every target
 * runs on a parse (the result JSON re-read with jansson, spans, text,
 * references, UTF-8 of every string the parser produced).
 *
 * A failed check prints what broke and aborts, which libFuzzer and the
 * standalone replayer (replay.c) both report as a finding.
 */
#ifndef KIJI_FUZZ_H
#define KIJI_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kiji.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 4, 5)));
#define FZ_CHECK(cond, ...)                                                                        \
    do {                                                                                           \
        if (!(cond))                                                                               \
            fz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                                       \
    } while (0)

/* A check of what GUIDELINES.md specifies (a real calendar date, an ISO
 * currency code, a speaker that is a person) rather than of memory, spans
 * or JSON: aborts like FZ_CHECK unless the environment has
 * KIJI_FUZZ_SPEC=0, which lets a campaign go on past a known, reported
 * spec finding (fuzz/pending/) to look for crashes. */
bool fz_spec_strict(void);
#define FZ_SPEC(cond, ...)                                                                         \
    do {                                                                                           \
        if (!(cond) && fz_spec_strict())                                                           \
            fz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                                       \
    } while (0)

/* Strict UTF-8 (the rules kiji_parse applies), NUL allowed. */
bool fz_utf8_valid(const void *s, size_t n);
/* off lies on a code point boundary of s[0, n) (n itself counts). */
bool fz_boundary(const uint8_t *s, size_t n, size_t off);

/* Options taken from the first FZ_HEAD bytes of the input (cmark's way):
 *   byte 0, bits 0-1: lang  NULL, "ja", "en", "auto"
 *           bit 2:    pretty JSON
 *           bit 3:    an envelope id
 *           bit 4:    the tight parser (small arena cap and max_facts)
 *   byte 1, bits 0-2: published, from a table; 7 = the input's first line
 *                     (up to 40 bytes, consumed) is the published string */
#define FZ_HEAD 2
typedef struct fz_input {
    const char *text; /* article bytes after the head (and published line) */
    size_t len;
    kiji_meta meta;
    char published[48];
    bool pretty;
    bool tight;
} fz_input;
/* Returns false when the input is too short to carry the head. */
bool fz_split(const uint8_t *data, size_t size, fz_input *in);

/* A parser reporting the fact types in mask (0 = the default set), built
 * on first use and kept for the process; tight = small max_memory and
 * max_facts so the arena cap and the fact limit are reached. */
kiji_parser *fz_parser(uint32_t mask, bool tight);
/* A doc of that parser, likewise kept (reused warm, as the daemon does). */
kiji_doc *fz_doc(uint32_t mask, bool tight);

/* Target-specific checks on a successful parse: the doc, the article text
 * and the re-read result JSON (a json_t *). */
typedef void (*fz_extra_fn)(kiji_doc *d, const char *text, size_t len, void *root);

/* Parse in with d, then check every shared invariant and run extra (may be
 * NULL) on success. Returns kiji_parse's status. */
int fz_parse_check(kiji_doc *d, const fz_input *in, fz_extra_fn extra);

/* A recognizer target's whole body: split data, parse it with the kept doc
 * reporting the fact types in mask, check as fz_parse_check does. Returns 0
 * (libFuzzer's "keep going"). */
int fz_run(const uint8_t *data, size_t size, uint32_t mask, fz_extra_fn extra);

#endif
