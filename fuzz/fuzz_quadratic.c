/*
 * fuzz_quadratic.c -- linear work on repetitive input (cmark's
 * fuzz_quadratic, with kiji's work counter in place of the clock).
 *
 * Input: the two option bytes of fuzz.h, then PREFIX 0xFF FRAGMENT 0xFF
 * SUFFIX (0xFF never occurs in UTF-8, so it is a clean separator; without
 * one, everything is the fragment). The fragment is repeated to make an
 * article of N bytes and one of 4N, N = 1 KiB .. 256 KiB from the high
 * nibble of byte 1 (small sizes weighted, so most runs are fast; the
 * largest article is 1 MiB, the input limit). Both are parsed, and:
 *   - the 4N parse may take at most GROWTH times the work of the N parse
 *     (plus a constant): linear work grows 4x, quadratic 16x, so a
 *     superlinear loop shows at a few KiB whatever its constant factor;
 *   - no parse may take more than WORK_PER_BYTE steps or ARENA_PER_BYTE
 *     arena bytes per input byte.
 *
 * The bounds come from measurements (fuzz/README.md, "fuzz_quadratic"):
 * linear inputs take 8-20 steps per byte (golden articles 9-17, the
 * reference article 9.4, repeated money, quotes, names, digits, kanji
 * numerals and English 10-19 at 16 KiB to 256 KiB); the O(n^2) mention
 * check of an earlier tree (a repeated person name; rec_entity.c before
 * 3c92ec2) took 25, 71 and 251 steps per byte at 16, 64 and 256 KiB.
 * GROWTH catches that loop at N = 16 KiB (0.42M steps, then 4.6M for
 * 64 KiB: 11x). It is 8, not STYLE.md's 5, because bounded bumps are
 * legitimate: a repeated English sentence with an acronym (the corpus file
 * c97c392e...) takes 18 steps per byte at 4 KiB, 28 at 16 KiB and 18 again
 * from 48 KiB on (some per-article cap kicks in), a 6.4x step from 4 to
 * 16 KiB that is not superlinear in the long run. WORK_PER_BYTE = 100, 5x
 * the worst linear figure, is the
 * backstop for loops that are slow but not yet superlinear at these sizes.
 * Arena bytes: 18-72 per input byte measured (NFKC text, offset maps,
 * claims); bound 200. Each fact adds its own, 700-900 bytes (the fact, its
 * attributes, its share of the doubled fact array and of the final sort),
 * so a fact every 3 bytes ("$5." repeated: 282-289 arena bytes per input
 * byte from 1 KiB to 64 KiB, then flat at max_facts) is linear too; the
 * bound adds ARENA_PER_FACT per fact kept (regressions/quadratic/
 * money-every-three-bytes).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "kj.h"

#define WORK_PER_BYTE 100
#define GROWTH 8             /* the work of 4N over the work of N: quadratic is 16 */
#define GROWTH_SLACK 20000   /* steps that do not scale: lead, trailer, limits */
#define ARENA_PER_BYTE 200
#define ARENA_PER_FACT 1024 /* measured 700-900, max_facts caps the count */
#define ARENA_SLACK ((size_t)4 << 20) /* fixed tables and chunk rounding */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    if (!fz_split(data, size, &in))
        return 0;
    const uint8_t *rest = data + FZ_HEAD;
    size_t n = size - FZ_HEAD;
    const uint8_t *pre = rest, *frag = rest, *suf = rest + n;
    size_t npre = 0, nfrag = n, nsuf = 0;
    const uint8_t *s1 = memchr(rest, 0xFF, n);
    if (s1) {
        const uint8_t *s2 = memchr(s1 + 1, 0xFF, (size_t)(rest + n - s1 - 1));
        npre = (size_t)(s1 - rest);
        frag = s1 + 1;
        nfrag = s2 ? (size_t)(s2 - frag) : (size_t)(rest + n - frag);
        suf = s2 ? s2 + 1 : rest + n;
        nsuf = (size_t)(rest + n - suf);
    }
    if (nfrag == 0 || !fz_utf8_valid(frag, nfrag))
        return 0;
    /* N = 1 KiB << shift; small shifts are twice as likely as large ones. */
    static const uint8_t shifts[16] = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8};
    size_t n1 = (size_t)1024 << shifts[data[1] >> 4];
    if (npre + nsuf + nfrag > n1)
        return 0;

    static char *buf;
    if (!buf) {
        buf = malloc(KIJI_DEFAULT_MAX_INPUT);
        FZ_CHECK(buf, "malloc");
    }
    kiji_doc *d = fz_doc(0, false);
    uint64_t work[2] = {0, 0};
    int rcs[2];
    for (int pass = 0; pass < 2; pass++) {
        size_t target = pass ? 4 * n1 : n1;
        size_t reps = (target - npre - nsuf) / nfrag, len = 0;
        memcpy(buf, pre, npre);
        len += npre;
        for (size_t i = 0; i < reps; i++, len += nfrag)
            memcpy(buf + len, frag, nfrag);
        memcpy(buf + len, suf, nsuf);
        len += nsuf;

        kiji_error err;
        rcs[pass] = kiji_parse(d, buf, len, &in.meta, &err);
        work[pass] = kiji_doc_work(d);
        FZ_CHECK(rcs[pass] != KIJI_ERR_MEMORY, "the arena cap was hit by %zu bytes", len);
        FZ_CHECK(work[pass] <= (uint64_t)WORK_PER_BYTE * len + 4096,
                 "%llu steps for %zu bytes (%.1f per byte, bound %d): superlinear work",
                 (unsigned long long)work[pass], len, (double)work[pass] / (double)len,
                 WORK_PER_BYTE);
        size_t used = 0; /* this parse's chunks (arena.total also counts spares) */
        for (const kj_chunk *c = d->arena.head; c; c = c->next)
            used += c->used;
        FZ_CHECK(used <= (size_t)ARENA_PER_BYTE * len + (size_t)ARENA_PER_FACT * d->nfacts +
                             ARENA_SLACK,
                 "%zu arena bytes for %zu input bytes and %zu facts: superlinear memory", used,
                 len, d->nfacts);
    }
    if (rcs[0] == KIJI_OK && rcs[1] == KIJI_OK)
        FZ_CHECK(work[1] <= GROWTH * work[0] + GROWTH_SLACK,
                 "%llu steps for %zu KiB but %llu for 4x the input: superlinear work",
                 (unsigned long long)work[0], n1 / 1024, (unsigned long long)work[1]);
    return 0;
}
