/*
 * dict_test.c -- kj_dict's lookups against a plain scan of its keys.
 *
 * kj_dict_longest skips the trie walk where its filters (first byte, first
 * character, first two characters) rule every key out; a filter that is
 * wrong would lose a match silently. Random dicts over a small alphabet of
 * ASCII, two-, three- and four-byte characters (and stray bytes) are read
 * at every position of random texts, and each answer must be the longest
 * key a scan of the key list finds there, with its value; for
 * kj_dict_longest_sp, in a copy of the text with line breaks as spaces.
 * kj_dict_get has a filter of its own (a key's length with its last byte,
 * for keys under 64 bytes): long_keys reads keys on both sides of that
 * bound. kj_dict_may_end answers from that filter, for callers that skip
 * a lookup where it says no key ends so: it must say yes for every key;
 * so must kj_dict_may_start_at and kj_dict_may_start_cp, the gates callers
 * ask before kj_dict_longest, wherever a key starts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kj.h"

static int failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                                       \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

/* The pieces keys and texts are made of: whole characters of each length,
 * a line break and a space, and bytes that start no character. */
static const char *const pieces[] = {
    "a", "b", "A", " ", "\n", "-", "\xC3\xA9", "\xC3\xA8", "\xD0\x96", "\xE3\x81\x82",
    "\xE3\x81\x84", "\xE3\x82\xA2", "\xE4\xB8\xAD", "\xE5\x9B\xBD", "\xE6\x97\xA5", "\xE6\x9C\xAC",
    "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x81",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])
/* bytes no character starts with, for the dicts that allow them */
static const char *const stray[] = {"\x80", "\xBF", "\xC0", "\xF8", "\xE3\x81", "\xE3"};
#define NSTRAY (sizeof stray / sizeof stray[0])

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* Append random pieces to buf (room cap) up to len bytes; returns the length. */
static size_t make(char *buf, size_t cap, unsigned npieces, unsigned variety, bool strays)
{
    size_t n = 0;
    for (unsigned k = 0; k < npieces; k++) {
        const char *p = strays && rnd(8) == 0 ? stray[rnd(NSTRAY)] : pieces[rnd(variety)];
        size_t l = strlen(p);
        if (n + l >= cap)
            break;
        memcpy(buf + n, p, l);
        n += l;
    }
    buf[n] = 0;
    return n;
}

enum { MAXKEYS = 400, KEYCAP = 32, TEXTCAP = 200 };

static char keys[MAXKEYS][KEYCAP];
static size_t keylen[MAXKEYS];
static int32_t keyval[MAXKEYS];

/* The longest key of keys[0, n) that s[pos, len) starts with (the last
 * added wins a tie, as kj_dict_add replaces a value), and its value. */
static size_t scan_longest(size_t n, const char *s, size_t len, size_t pos, int32_t *v)
{
    size_t best = 0;
    for (size_t k = 0; k < n; k++) {
        if (keylen[k] <= len - pos && keylen[k] >= best &&
            memcmp(s + pos, keys[k], keylen[k]) == 0) {
            best = keylen[k];
            *v = keyval[k];
        }
    }
    return best;
}

static void one_dict(unsigned variety, bool strays)
{
    kj_dict *t = kj_dict_new();
    CHECK(t != NULL, "kj_dict_new");
    if (!t)
        return;
    size_t n = 1 + rnd(MAXKEYS);
    for (size_t k = 0; k < n; k++) {
        keylen[k] = make(keys[k], KEYCAP, 1 + rnd(4), variety, strays);
        if (!keylen[k]) {
            keylen[k] = 1;
            strcpy(keys[k], "a");
        }
        keyval[k] = (int32_t)rnd(1000);
        CHECK(kj_dict_add(t, keys[k], keylen[k], keyval[k]), "kj_dict_add");
    }
    for (int round = 0; round < 40; round++) {
        /* both builds of the walks: the popcnt one (where the CPU has
         * the instruction) and the portable one */
        kj_dict_set_popcnt(t, round % 2 == 0);
        char text[TEXTCAP];
        size_t len = make(text, sizeof text, rnd(40), variety, strays);
        /* some texts end early: a key cut by len must not match */
        size_t lim = rnd(4) == 0 && len ? rnd((unsigned)len + 1) : len;
        for (size_t pos = 0; pos <= lim; pos++) {
            int32_t want_v = -1, got_v = -1;
            size_t want = pos < lim ? scan_longest(n, text, lim, pos, &want_v) : 0;
            size_t got = kj_dict_longest(t, text, lim, pos, &got_v);
            CHECK(got == want && (!want || got_v == want_v),
                  "kj_dict_longest at %zu of %zu: %zu (value %d), want %zu (value %d)", pos, lim,
                  got, (int)got_v, want, (int)want_v);
            /* the gates callers ask before kj_dict_longest: no "no" where
             * a key starts (the character at pos as its bytes read, for
             * kj_dict_may_start_cp, where they are a whole one) */
            CHECK(!want || kj_dict_may_start_at(t, text, lim, pos),
                  "kj_dict_may_start_at %zu of %zu: no, a key of %zu bytes starts there", pos, lim,
                  want);
            if (want) {
                size_t i = pos;
                uint32_t c = kj_u8_next(text, lim, &i);
                CHECK(c == 0xFFFD || kj_dict_may_start_cp(t, c),
                      "kj_dict_may_start_cp U+%04X at %zu: no, a key starts there", (unsigned)c,
                      pos);
            }
            /* the same text with its line breaks as spaces */
            char sp[TEXTCAP];
            for (size_t k = 0; k < lim; k++)
                sp[k] = text[k] == '\n' ? ' ' : text[k];
            int32_t want_sv = -1, got_sv = -1;
            size_t want_s = pos < lim ? scan_longest(n, sp, lim, pos, &want_sv) : 0;
            size_t got_s = kj_dict_longest_sp(t, text, lim, pos, &got_sv);
            CHECK(got_s == want_s && (!want_s || got_sv == want_sv),
                  "kj_dict_longest_sp at %zu of %zu: %zu (value %d), want %zu (value %d)", pos,
                  lim, got_s, (int)got_sv, want_s, (int)want_sv);
            /* exact lookups of every short piece of text from pos */
            for (size_t l = 1; l <= 12 && pos + l <= lim; l++) {
                bool found = false;
                int32_t ev = -1, gv = -1;
                for (size_t k = 0; k < n; k++)
                    if (keylen[k] == l && memcmp(keys[k], text + pos, l) == 0) {
                        found = true;
                        ev = keyval[k];
                    }
                bool got_g = kj_dict_get(t, text + pos, l, &gv);
                CHECK(!found || kj_dict_may_end(t, l, (unsigned char)text[pos + l - 1]),
                      "kj_dict_may_end of a key of %zu bytes at %zu: no", l, pos);
                CHECK(got_g == found && (!found || gv == ev), "kj_dict_get of %zu bytes at %zu: %d, want %d",
                      l, pos, (int)got_g, (int)found);
            }
            if (want) {
                int32_t gv = -1;
                CHECK(kj_dict_get(t, text + pos, want, &gv) && gv == want_v,
                      "kj_dict_get of a key found at %zu", pos);
            }
        }
    }
    kj_dict_free(t);
}

/* rec_person.c's ja_candidate stops at a kanji run of one or two
 * characters with no Japanese surname before trying ja_zhname: exact only
 * while every family name of ja/surnames_zh is written in BMP kanji (then
 * a family name and its given name fill a kanji run of three at least). */
static void zh_surnames_are_kanji(void)
{
    const kj_wordlist *wl = kj_wordlist_get("ja/surnames_zh");
    CHECK(wl && wl->n > 0, "ja/surnames_zh: no such list");
    for (size_t i = 0; wl && i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *tab = strchr(line, '\t');
        size_t n = tab ? (size_t)(tab - line) : strlen(line);
        size_t p = 0;
        bool ok = n > 0;
        while (ok && p < n) {
            size_t p0 = p;
            uint32_t c = kj_u8_next(line, n, &p);
            ok = kj_is_kanji(c) && c < 0x10000 && p - p0 == 3;
        }
        CHECK(ok, "ja/surnames_zh line %zu: not all BMP kanji: %s", i + 1, line);
    }
}

/* kj_dict_get of keys of 1 to 80 bytes, with every length of every key
 * and with its last byte changed: exact answers on both sides of the
 * length the length-and-last-byte filter stops at. */
static void long_keys(void)
{
    enum { LONGEST = 80, NLONG = 120 };
    static char lk[NLONG][LONGEST + 1];
    static size_t ll[NLONG];
    kj_dict *t = kj_dict_new();
    CHECK(t != NULL, "kj_dict_new");
    if (!t)
        return;
    for (int k = 0; k < NLONG; k++) {
        ll[k] = 1 + rnd(LONGEST);
        for (size_t i = 0; i < ll[k]; i++)
            lk[k][i] = "ab\xE3"[rnd(3)];
        CHECK(kj_dict_add(t, lk[k], ll[k], k), "kj_dict_add");
    }
    for (int k = 0; k < NLONG; k++)
        CHECK(kj_dict_may_end(t, ll[k], (unsigned char)lk[k][ll[k] - 1]),
              "kj_dict_may_end of a key of %zu bytes: no", ll[k]);
    for (int k = 0; k < NLONG; k++) {
        char q[LONGEST + 1];
        for (size_t l = 1; l <= ll[k]; l++) {
            memcpy(q, lk[k], l);
            for (int last = 0; last < 4; last++) {
                if (last > 0)
                    q[l - 1] = "ab\xE3"[last - 1];
                int32_t want = -1, got = -1;
                bool found = false;
                for (int j = 0; j < NLONG; j++)
                    if (ll[j] == l && memcmp(lk[j], q, l) == 0) {
                        found = true;
                        want = j;
                    }
                bool g = kj_dict_get(t, q, l, &got);
                CHECK(g == found && (!found || got == want),
                      "kj_dict_get of %zu bytes: %d (value %d), want %d (value %d)", l, (int)g,
                      (int)got, (int)found, (int)want);
            }
        }
    }
    kj_dict_free(t);
}

int main(void)
{
    zh_surnames_are_kanji();
    long_keys();
    for (int i = 0; i < 300; i++) {
        /* few pieces (many repeats, long matches) to all of them */
        unsigned variety = 2 + (unsigned)rnd(NPIECES - 1);
        one_dict(variety, false);
        one_dict(variety, i % 3 == 0);
    }
    if (failures) {
        fprintf(stderr, "dict_test: %d failures\n", failures);
        return 1;
    }
    printf("dict_test: ok\n");
    return 0;
}
