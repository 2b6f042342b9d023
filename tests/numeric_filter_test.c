/*
 * numeric_filter_test.c -- the tables the numeric scan reads before it asks
 * a dictionary (rec_numeric.h) never refuse what the dictionary finds:
 * en_len (a number word by its first two letters and its length: every
 * key but those kj_num_en_word_starts_none says start no number) and
 * en_scale_first (a scale word's first letter) against en_words, and
 * after2 (the longest key of en_after by its first two bytes) against
 * en_after, on the word lists' own keys, ICU's English currency names and
 * random words; each must also refuse something. And kj_num_en_may_start
 * (which refuses "and", "point" and most ordinals as a number's first
 * word) holds wherever kj_num_scan_en_known reads a number, on random
 * texts of number words. kj_num_fold (whose eight-byte blocks copy a lone
 * space as it is) gives what a byte at a time gives, fold_ref below, at
 * every start and bound on random texts of letters, spaces, line breaks,
 * tabs, control bytes and UTF-8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#include "kiji.h"
#include "kj.h"
#include "rec_numeric.h"

static int passed, failed;
static long len_refused, after_refused, starts_none;

static uint32_t rng = 2024u;

static uint32_t next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

/* A number word of letters must pass kj_num_en_len_may, in any case,
 * unless it starts no number as the whole word (and, point, first). */
static void check_word(const struct kj_numeric *nd, const char *w, size_t n)
{
    char low[32];
    if (n == 0 || n >= sizeof low)
        return;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c < 'a' || c > 'z')
            return;
        low[i] = c;
    }
    int32_t v;
    bool key = n < 16 && kj_dict_get(nd->en_words, low, n, &v);
    unsigned a = (unsigned)(low[0] - 'a');
    bool may = kj_num_en_len_may(nd, w, n);
    bool none = key && kj_num_en_word_starts_none(nd, low, n);
    starts_none += none;
    if (key && !none && !may) {
        if (failed++ < 10)
            fprintf(stderr, "FAIL: en_len refuses the number word %.*s\n", (int)n, low);
    } else if (key && !none) {
        passed++;
    }
    len_refused += !may;
    /* hundred (100), dozen (1012), dozens (5000) and the scales (-12..-1)
     * are what kj_num_en_scale reads: en_scale_first has their letter */
    if (key && (v == 100 || v == 1012 || v == 5000 || (v < 0 && v >= -12)) &&
        !(nd->en_scale_first >> a & 1)) {
        if (failed++ < 10)
            fprintf(stderr, "FAIL: en_scale_first refuses the scale word %.*s\n", (int)n, low);
    }
}

/* The class of a folded text's byte after a key's first (en_lookup). */
static unsigned second_class(unsigned char b)
{
    if (b >= 'a' && b <= 'z')
        return b - 'a';
    return b == ' ' ? 26 : 27;
}

/* At every position of the folded text s that starts with a lower-case
 * letter, the key kj_dict_longest finds in en_after is no longer than
 * after2 allows. */
static void check_after(const struct kj_numeric *nd, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)s[i];
        if (a < 'a' || a > 'z')
            continue;
        unsigned m = nd->after2[(a - 'a') * 28 + second_class(i + 1 < n ? s[i + 1] : 0)];
        int32_t v;
        size_t len = kj_dict_longest(nd->en_after, s, n, i, &v);
        if (len > 0 && (m == 0 || (m < 255 && len > m))) {
            if (failed++ < 10)
                fprintf(stderr, "FAIL: after2 allows %u bytes, en_after has %.*s\n", m, (int)len,
                        s + i);
        } else if (len > 0) {
            passed++;
        }
        after_refused += m == 0;
    }
}

/* The lines of a word list (keys before a tab), folded: lower case. */
static void check_list(const struct kj_numeric *nd, const char *name)
{
    const kj_wordlist *wl = kj_wordlist_get(name);
    if (!wl) {
        failed++;
        fprintf(stderr, "FAIL: no word list %s\n", name);
        return;
    }
    for (size_t i = 0; i < wl->n; i++) {
        char buf[256];
        size_t n = kj_wordlist_key(wl->lines[i]);
        if (n >= sizeof buf)
            continue;
        for (size_t k = 0; k < n; k++) {
            char c = wl->lines[i][k];
            buf[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
        check_after(nd, buf, n);
        check_word(nd, wl->lines[i], n);
    }
}

/* ICU's English long and plural currency names, lower-cased. */
static void check_icu(const struct kj_numeric *nd)
{
    UErrorCode st = U_ZERO_ERROR;
    UEnumeration *e = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &st);
    if (U_FAILURE(st)) {
        failed++;
        fprintf(stderr, "FAIL: no ICU currencies\n");
        return;
    }
    const char *code;
    int32_t clen;
    int names = 0;
    while ((code = uenum_next(e, &clen, &st)) != NULL && U_SUCCESS(st)) {
        if (clen != 3)
            continue;
        UChar ucode[4];
        u_charsToUChars(code, ucode, 3);
        ucode[3] = 0;
        for (int kind = 0; kind < 2; kind++) {
            UErrorCode s2 = U_ZERO_ERROR;
            UBool choice;
            int32_t n = 0;
            const UChar *name = kind == 0
                                    ? ucurr_getName(ucode, "en", UCURR_LONG_NAME, &choice, &n, &s2)
                                    : ucurr_getPluralName(ucode, "en", &choice, "other", &n, &s2);
            UChar low[128];
            char buf[512];
            int32_t m, len = 0;
            if (U_FAILURE(s2) || n <= 0 || n >= 128)
                continue;
            m = u_strToLower(low, 128, name, n, "en", &s2);
            if (U_FAILURE(s2) || m >= 128)
                continue;
            u_strToUTF8(buf, (int32_t)sizeof buf - 1, &len, low, m, &s2);
            if (U_FAILURE(s2) || len <= 0)
                continue;
            check_after(nd, buf, (size_t)len);
            names++;
        }
    }
    uenum_close(e);
    if (names < 100) {
        failed++;
        fprintf(stderr, "FAIL: only %d ICU names\n", names);
    }
}

/* Random texts of number words (either case) and other words, digits,
 * spaces, hyphens, line breaks, punctuation and Japanese (マイナス, kana
 * numerals, kanji numerals, big units): wherever the scanner reads a number kj_num_may_start
 * holds, and at every word's start where
 * kj_num_scan_en_known reads one, kj_num_en_may_start holds. It must
 * also refuse some key of en/numbers there. */
static void check_starts(kiji_parser *p, const struct kj_numeric *nd)
{
    const kj_wordlist *wl = kj_wordlist_get("en/numbers");
    kiji_doc *d = kiji_doc_new(p);
    if (!wl || wl->n == 0 || !d) {
        failed++;
        fprintf(stderr, "FAIL: no en/numbers or no document\n");
        kiji_doc_free(d);
        return;
    }
    static const char *const other[] = {" ",
                                        " ",
                                        " ",
                                        " ",
                                        "-",
                                        " - ",
                                        "\n",
                                        ", ",
                                        ". ",
                                        "the",
                                        "of",
                                        "Third",
                                        "AND",
                                        "5",
                                        "$",
                                        "1,200",
                                        "term",
                                        "the",
                                        "per",
                                        "cent",
                                        "'s",
                                        "x",
                                        ".",
                                        "-",
                                        "--",
                                        "-.5",
                                        ".08",
                                        "...",
                                        "マイナス",
                                        "マス",
                                        "マグニチュード",
                                        "マ",
                                        "にせん",
                                        "ひゃく",
                                        "ろく",
                                        "こ",
                                        "そして",
                                        "ご",
                                        "、",
                                        "。",
                                        "一",
                                        "二百",
                                        "万",
                                        "いち",
                                        "さんまん",
                                        "東京",
                                        "億",
                                        "5億",
                                        "兆"};
    long refused_keys = 0;
    for (int round = 0; round < 4000; round++) {
        char text[1024];
        size_t tl = 0;
        int pieces = 2 + (int)(next_rand() % 14);
        for (int k = 0; k < pieces; k++) {
            char w[64];
            size_t wn;
            if (next_rand() % 2) {
                const char *line = wl->lines[next_rand() % wl->n];
                wn = kj_wordlist_key(line);
                if (wn == 0 || wn >= sizeof w || line[0] == '#')
                    continue;
                memcpy(w, line, wn);
                if (next_rand() % 4 == 0 && w[0] >= 'a' && w[0] <= 'z')
                    w[0] = (char)(w[0] - 32); /* a capital first */
                if (next_rand() % 2 && tl + 1 < sizeof text)
                    text[tl++] = ' ';
            } else {
                const char *o = other[next_rand() % (sizeof other / sizeof *other)];
                wn = strlen(o);
                memcpy(w, o, wn);
            }
            if (tl + wn >= sizeof text)
                break;
            memcpy(text + tl, w, wn);
            tl += wn;
        }
        kiji_error e;
        if (tl == 0 || kiji_parse(d, text, tl, NULL, &e) != KIJI_OK)
            continue;
        for (size_t i = 0; i < d->norm_len; i++) {
            unsigned char c = (unsigned char)d->norm[i];
            /* any byte: the scanner without its filter reads nothing where
             * kj_num_may_start refuses ('-' and '.' before no digit) */
            kj_numtok u;
            if ((c & 0xC0) == 0x80)
                continue; /* inside a character */
            /* kana numerals: the filter reads them only after a space or a
             * line break (or at the start), narrower than the scanner's
             * edge (、 。 . , too), by design */
            size_t nx = i;
            uint32_t cp = kj_u8_next(d->norm, d->norm_len, &nx);
            if (kj_is_hiragana(cp) && i > 0 && d->norm[i - 1] != ' ' && d->norm[i - 1] != '\n')
                continue;
            if (kj_num_scan_checked(d, i, &u, false) && !kj_num_may_start(d, i)) {
                if (failed++ < 10)
                    fprintf(stderr, "FAIL: kj_num_may_start refuses the number at %.20s\n",
                            d->norm + i);
            }
            unsigned char b = i > 0 ? (unsigned char)d->norm[i - 1] : ' ';
            bool letter = (c | 0x20u) - 'a' < 26u, after = (b | 0x20u) - 'a' < 26u;
            if (!letter || after)
                continue;
            kj_numtok t;
            bool read = kj_num_scan_en_known(d, i, &t);
            bool may = kj_num_en_may_start(d, i);
            /* "a" and the number word after it a line break apart: the
             * filter looks past one space or hyphen only (the fold makes a
             * space of the break), a narrowing the output has always had */
            if (read && !may && (c | 0x20u) == 'a' && i + 1 < d->norm_len && d->norm[i + 1] == '\n')
                may = true;
            if (read && !may) {
                if (failed++ < 10)
                    fprintf(stderr, "FAIL: kj_num_en_may_start refuses the number at %.20s\n",
                            d->norm + i);
            } else if (read) {
                passed++;
            }
            /* a refused key of en/numbers: the word at i, lower-cased */
            char low[16];
            size_t n = 0;
            while (i + n < d->norm_len && n < sizeof low &&
                   ((unsigned char)d->norm[i + n] | 0x20u) - 'a' < 26u) {
                low[n] = (char)(d->norm[i + n] | 0x20);
                n++;
            }
            int32_t v;
            if (!may && n < sizeof low && kj_dict_get(nd->en_words, low, n, &v))
                refused_keys++;
            /* a key that starts no number as the whole word (and, first):
             * the tables that leave it out (en_len, KJ_EF_NUM_NONE of
             * date_en.c) rely on kj_num_en_may_start refusing it there */
            if (n < sizeof low && kj_num_en_word_starts_none(nd, low, n)) {
                if (may) {
                    if (failed++ < 10)
                        fprintf(stderr, "FAIL: kj_num_en_may_start holds at %.20s\n", d->norm + i);
                } else {
                    passed++;
                }
            }
        }
    }
    if (refused_keys == 0) {
        failed++;
        fprintf(stderr, "FAIL: kj_num_en_may_start refused no number word\n");
    }
    kiji_doc_free(d);
}

/* kj_num_fold a byte at a time: A-Z lower-cased, a white-space run one
 * space (the end after its first byte when the space fills the buffer), a
 * second line break in a run or a line break before indentation ends it */
static size_t fold_ref(const char *text, size_t len, size_t pos, char *buf, size_t *off,
                       size_t size)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0, i = pos, lim = size - 1;
    while (i < len && n < lim) {
        unsigned char c = s[i];
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            off[n] = i;
            buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int breaks = c == '\n';
        if (breaks && i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t'))
            break;
        off[n] = i;
        buf[n++] = ' ';
        i++;
        if (n == lim)
            break;
        bool indent = false;
        while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
            if (s[i] == '\n' &&
                (++breaks > 1 || (i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t')))) {
                indent = true;
                break;
            }
            i++;
        }
        if (indent)
            break;
    }
    off[n] = i;
    buf[n] = '\0';
    return n;
}

static void check_fold(kiji_parser *p)
{
    kiji_doc *d = kiji_doc_new(p);
    if (!d) {
        failed++;
        fprintf(stderr, "FAIL: no document\n");
        return;
    }
    /* mostly letters of both cases and lone spaces, so that whole blocks
     * of eight come often, with the bytes that end a block */
    static const char *const piece[] = {
        "a",    "Z",    "m",    "Q",        "x", "@",  "[",    "`",    "{",     "~",
        "\x7f", "0",    " ",    " ",        " ", "  ", "\n",   "\n ",  "\n\n",  "\t",
        "\r",   "\x01", "\x1f", "\xc3\xa9", "-", "Ab", "word", "WORD", "\xc3@", "\xff@Z["};
    long fails = 0;
    for (int round = 0; round < 20000 && fails < 5; round++) {
        char text[200];
        size_t len = 0, want = 1 + next_rand() % 180;
        while (len < want) {
            const char *a = piece[next_rand() % (sizeof piece / sizeof *piece)];
            size_t al = strlen(a);
            if (len + al >= sizeof text)
                break;
            memcpy(text + len, a, al);
            len += al;
        }
        text[len] = '\0';
        d->norm = text;
        d->norm_len = len;
        for (int k = 0; k < 8; k++) {
            size_t pos = next_rand() % (len + 1);
            size_t size = 1 + next_rand() % 128;
            char b1[130], b2[130];
            size_t o1[130], o2[130];
            size_t n1 = kj_num_fold(d, pos, b1, o1, size);
            size_t n2 = fold_ref(text, len, pos, b2, o2, size);
            if (n1 != n2 || memcmp(b1, b2, n1 + 1) != 0 ||
                memcmp(o1, o2, (n1 + 1) * sizeof *o1) != 0) {
                fails++;
                fprintf(stderr, "FAIL: kj_num_fold at %zu, size %zu: \"%s\" not \"%s\" in \"%s\"\n",
                        pos, size, b1, b2, text);
            } else {
                passed++;
            }
        }
    }
    failed += (int)fails;
    d->norm = NULL;
    d->norm_len = 0;
    kiji_doc_free(d);
}

int main(void)
{
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    const struct kj_numeric *nd = p ? p->numeric : NULL;
    if (!nd) {
        fprintf(stderr, "numeric_filter_test: no parser\n");
        return 1;
    }
    static const char *const lists[] = {"en/numbers",     "en/units",          "en/time_units",
                                        "en/percent",     "en/currencies",     "en/currency_shared",
                                        "en/vague_share", "en/qualifiers_post"};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        check_list(nd, lists[i]);
    check_icu(nd);
    /* random words and texts of the letters number words and units use */
    static const char alpha[] = "aeiounrsthlmdfgvwxyzcpbk -";
    for (int round = 0; round < 200000; round++) {
        char w[40];
        size_t n = 1 + next_rand() % 24;
        for (size_t k = 0; k < n; k++)
            w[k] = alpha[next_rand() % (sizeof alpha - 1)];
        if (next_rand() % 4 == 0)
            w[0] = (char)(w[0] & ~0x20); /* a capital first */
        check_word(nd, w, n);
        for (size_t k = 0; k < n; k++)
            w[k] = w[k] >= 'A' && w[k] <= 'Z' ? (char)(w[k] + 32) : w[k];
        check_after(nd, w, n);
    }
    check_starts(p, nd);
    check_fold(p);
    if (len_refused == 0 || after_refused == 0 || starts_none == 0) {
        failed++;
        fprintf(stderr,
                "FAIL: en_len refused %ld words, after2 %ld positions; %ld keys start none\n",
                len_refused, after_refused, starts_none);
    }
    kiji_parser_free(p);
    printf("numeric_filter_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
