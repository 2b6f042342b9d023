/*
 * rec_numeric.c -- money, quantities, percentages and bare numbers.
 *
 * Every number kj_num_scan finds becomes at most one fact: money when a
 * currency symbol precedes it or a currency word follows it, a percentage
 * after %, パーセント, percent, 割, ポイント, a quantity after a counter or unit
 * (発, 人, km, barrels, or any counted noun in English), nothing when a date
 * or time unit follows (the date recognizer owns 2025年, 3 years), else a bare
 * `number`. Qualifiers before (約, about) and after (以上, を超え, or more)
 * the amount (>10 and <= 20 too), ranges (300万〜500万円, $3 to $5 billion,
 * 20 through 100, "more than 10 and less than 20", 2、3人 and 十二、三人 for two
 * adjacent numbers; a range runs upwards and
 * 747-400 is a code), English ratios of bare numbers (one in five, two out
 * of three, 1 over 3 at a clause's end), feet and inches (5 feet 2 inches),
 * a unit in brackets (20 (kg)) and parenthetical
 * conversions (5300億ドル(約81兆円): a second fact, `equivalent` on the first)
 * are read around it. A change (500円から580円に, from $3 to $5, and after a
 * word of movement: down $1.94 to $81.20, by 2 pct to 17 pct) is two
 * facts, not a range; a bare number there, or one compared with an amount
 * by from / vs / against / and / or, takes that amount's unit (0.25から0.5%
 * に, to 3 from 2 pct, 1.4 billion dlrs from 1.27 billion; inherit_unit).
 * Currency names and symbols come from ICU's data plus
 * the word lists in parser/data. The bytes of every money, quantity and
 * percent fact are claimed so later recognizers skip them.
 */
#define _GNU_SOURCE /* memrchr */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kj.h"
#include "rec_numeric.h"

#define PACK(k, i) ((int32_t)(((uint32_t)(k) << 24) | (uint32_t)(i)))

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* ---- init ---------------------------------------------------------------- */

/* "64 Canadian cts", "80 U.S. cents": the cents of every qualified dollar
 * in en/currencies (canadian dlrs, u.s. dollars), keyed NW_CENTS with the
 * currency's index + 1 (a plain cent's index is 0: its dollar comes from
 * context). */
static bool qualified_cents(struct kj_numeric *nd)
{
    static const char *const dollar[] = {" dlrs", " dollars"};
    static const char *const cent[] = {" cts", " cents"};
    const kj_wordlist *wl = kj_wordlist_get("en/currencies");
    if (!wl)
        return false;
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i], *tab = strchr(line, '\t');
        if (!tab || strlen(tab + 1) != 3)
            continue;
        size_t n = (size_t)(tab - line);
        for (size_t w = 0; w < 2; w++) {
            size_t dl = strlen(dollar[w]);
            if (n <= dl || memcmp(line + n - dl, dollar[w], dl) != 0)
                continue;
            int idx = kj_money_code(nd, tab + 1);
            for (size_t c = 0; c < 2 && idx >= 0; c++) {
                char key[64];
                size_t q = n - dl, cl = strlen(cent[c]);
                int32_t v;
                if (q + cl > sizeof key)
                    continue;
                memcpy(key, line, q);
                memcpy(key + q, cent[c], cl);
                if (!kj_dict_get(nd->en_after, key, q + cl, &v) &&
                    !kj_numeric_add(nd, nd->en_after, key, q + cl, PACK(NW_CENTS, idx + 1)))
                    return false;
            }
        }
    }
    return true;
}

/* The class of the byte after a key's first (a text byte, folded as
 * kj_num_fold folds it, or a key's byte): 0..25 a letter, 26 white space,
 * 27 anything else. */
static unsigned after2_class(unsigned char b)
{
    if (is_letter(b))
        return (b | 0x20u) - 'a';
    return b == ' ' || b == '\n' || b == '\t' || b == '\r' ? 26 : 27;
}

bool kj_numeric_add(struct kj_numeric *nd, kj_dict *t, const char *key, size_t len, int32_t v)
{
    if (!kj_dict_add(t, key, len, v))
        return false;
    unsigned char a = len ? (unsigned char)key[0] : 0;
    if (t != nd->en_after || a < 'a' || a > 'z')
        return true;
    uint8_t m = len < 255 ? (uint8_t)len : 255;
    uint8_t *row = nd->after2 + (a - 'a') * 28;
    if (len == 1) {
        /* a key of one byte: before any byte */
        for (unsigned k = 0; k < 28; k++)
            if (row[k] < m)
                row[k] = m;
        return true;
    }
    /* a key's upper-case letter (no folded text has one) or other white
     * space than a space counts as anything else */
    unsigned char b = (unsigned char)key[1];
    unsigned k = b >= 'a' && b <= 'z' ? b - 'a' : b == ' ' ? 26 : 27;
    if (row[k] < m)
        row[k] = m;
    return true;
}

/* Add every line of a list with value PACK(kind, value in the line). */
static bool add_kind_list(struct kj_numeric *nd, kj_dict *t, const char *list, int kind,
                          bool use_value)
{
    const kj_wordlist *wl = kj_wordlist_get(list);
    if (!wl)
        return false;
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *tab = strchr(line, '\t');
        size_t n = tab ? (size_t)(tab - line) : strlen(line);
        int k = kind, ix = 0;
        if (use_value && tab)
            k = atoi(tab + 1);
        else if (tab && strcmp(tab + 1, "ordinal") == 0)
            ix = NW_ORDINAL;
        if (n && !kj_numeric_add(nd, t, line, n, PACK(k, ix)))
            return false;
    }
    return true;
}

/* The lines "key[<TAB>value]" of a word list as (key, length, value), in
 * *q (calloc'd) and *n: keys of maxlen bytes or more are left out, and so
 * are lines without a value when one is required (0 stands for a missing
 * one otherwise). */
static bool key_value_lines(const char *list, size_t maxlen, bool need_value, struct kj_qual **q,
                            size_t *n)
{
    const kj_wordlist *wl = kj_wordlist_get(list);
    if (!wl)
        return false;
    struct kj_qual *r = calloc(wl->n ? wl->n : 1, sizeof *r);
    if (!r)
        return false;
    size_t k = 0;
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *tab = strchr(line, '\t');
        size_t len = tab ? (size_t)(tab - line) : strlen(line);
        if (len >= maxlen || (need_value && !tab))
            continue;
        r[k].key = line;
        r[k].len = len;
        r[k].value = tab ? atoi(tab + 1) : 0;
        k++;
    }
    *q = r;
    *n = k;
    return true;
}

/* The lines of a qualifier list, parsed once for qual_before (keys under
 * 64 bytes). The text bytes each key can end with go to ql->last (as
 * before_ci_n compares: a space in the key matches a space or a line
 * break, a lower-case letter either case); past 64 keys, every byte lists
 * them all. */
static bool qual_list(const char *list, struct kj_quals *ql)
{
    if (!key_value_lines(list, 64, false, &ql->q, &ql->n))
        return false;
    const struct kj_qual *q = ql->q;
    for (size_t i = 0; i < ql->n; i++) {
        uint64_t bit = i < 64 ? 1ull << i : 0;
        if (i >= 64) {
            memset(ql->last, 0xFF, sizeof ql->last);
            memset(ql->last2, 0xFF, sizeof ql->last2);
            ql->empty = ql->short_keys = ~0ull;
            continue;
        }
        if (q[i].len == 0)
            ql->empty |= bit;
        if (q[i].len < 2)
            ql->short_keys |= bit;
        /* the last byte into last, the one before it into last2; a key
         * too short for either matches whatever byte stands there */
        for (size_t back = 1; back <= 2; back++) {
            uint64_t *t = back == 1 ? ql->last : ql->last2;
            if (q[i].len < back) {
                for (int b = 0; b < 256; b++)
                    t[b] |= bit;
                continue;
            }
            unsigned char l = (unsigned char)q[i].key[q[i].len - back];
            if (l == ' ') {
                t[' '] |= bit;
                t['\n'] |= bit;
            } else if (l >= 'a' && l <= 'z') {
                t[l] |= bit;
                t[l - 32] |= bit;
            } else if (!(l >= 'A' && l <= 'Z')) {
                t[l] |= bit; /* an upper-case key byte never matches */
            }
        }
    }
    return true;
}

/* The vague shares of parser/data/en/vague_share.txt, once: the entries
 * with a value and a key of at most 30 bytes (vague_share_en matches the
 * key and a space after it), and the classes of their first three bytes
 * (vague3). */
static bool vague_list(struct kj_numeric *nd)
{
    if (!key_value_lines("en/vague_share", 31, true, &nd->en_vague, &nd->n_vague))
        return false;
    for (size_t i = 0; i < nd->n_vague; i++) {
        const struct kj_qual *q = &nd->en_vague[i];
        /* at_ci_n matches a text byte with a key byte of the same class
         * only: a key's letter (lower case) either case, its space a space
         * or a line break, any other byte itself */
        unsigned f = kj_vague_class((unsigned char)q->key[0]);
        /* the second byte: the key's, or the space after a one-byte key */
        unsigned sc = q->len > 1 ? kj_vague_class((unsigned char)q->key[1]) : KJ_VAGUE_SPACE;
        /* the third: the key's, the space after a key of two, or the p of
         * the percent word after a key of one and its space */
        unsigned t = q->len > 2    ? kj_vague_class((unsigned char)q->key[2])
                     : q->len == 2 ? KJ_VAGUE_SPACE
                                   : kj_vague_class('p');
        nd->vague3[f * KJ_VAGUE_NCLASS + sc] |= 1u << t;
        nd->vague_lens |= 1u << q->len;
    }
    return true;
}

/* Fill nd->scan_class: what kj_rec_numeric's scan does at each byte. */
static void scan_class_init(struct kj_numeric *nd)
{
    for (unsigned c = 0; c < 256; c++) {
        unsigned char b = (unsigned char)c;
        if (c == 'h' || c == 'w')
            nd->scan_class[c] = SCAN_HW;
        else if (is_letter(b))
            nd->scan_class[c] = SCAN_LETTER;
        else if (c >= 0x80 || is_digit(b) || c == '$' || c == '-' || c == '.' || c == '\\' ||
                 c == '#')
            nd->scan_class[c] = SCAN_START;
        else
            nd->scan_class[c] = SCAN_SKIP;
    }
}

/* Fill nd->word_lead from the tables it summarizes (after they are
 * complete). */
static void word_lead_init(struct kj_numeric *nd)
{
    memset(nd->word_lead, 0, sizeof nd->word_lead);
    for (unsigned a = 0; a < 128; a++) {
        if (!is_letter((unsigned char)a))
            continue;
        unsigned la = (a | 0x20u) - 'a';
        for (unsigned b = 0; b < 256; b++) {
            bool lb = b < 128 && is_letter((unsigned char)b);
            /* en_filter: the first two letters, or a one-letter word */
            bool num = lb ? nd->en_tri[la * 26 + ((b | 0x20u) - 'a')] != 0 : (nd->en_one >> la & 1);
            /* the sign words kj_num_may_start reads */
            bool sign =
                ((a == 'm' || a == 'M') && b == 'i') || ((a == 'n' || a == 'N') && b == 'e');
            bool money = nd->before_one[a] || (nd->before_pair[a * 4 + b / 64] >> (b % 64) & 1);
            bool vague = (a == 'a' || a == 'A' || a == 's' || a == 'S') &&
                         nd->vague3[kj_vague_class((unsigned char)a) * KJ_VAGUE_NCLASS +
                                    kj_vague_class((unsigned char)b)] != 0;
            nd->word_lead[a << 8 | b] = a == 'M' && is_digit((unsigned char)b) ? KJ_LEAD_MAG
                                        : sign || money || vague                ? KJ_LEAD_ANY
                                        : num                                   ? KJ_LEAD_NUM
                                                                                : 0;
        }
    }
}

/* Fill nd->start_cp from num_cp and the before_* tables (complete), and
 * nd->quiet_stop from it. */
static void start_cp_init(struct kj_numeric *nd)
{
    for (uint32_t cp = 0x80; cp <= 0xFFFF; cp++) {
        /* the lead byte of cp's UTF-8 form */
        unsigned char lead = (unsigned char)(cp < 0x800 ? 0xC0 | (cp >> 6) : 0xE0 | (cp >> 12));
        bool num = !kj_is_hiragana(cp) && (nd->num_cp[cp >> 6] >> (cp & 63) & 1);
        bool money = nd->before_byte[lead] && (nd->before_cp[cp >> 6] >> (cp & 63) & 1);
        if (num || money)
            nd->start_cp[cp >> 6] |= 1ull << (cp & 63);
        if (num && !money && cp != 0x6570 /* 数 */ && cp != 0x30DE /* マ */ && cp != 0x2212)
            nd->numeral_only[cp >> 6] |= 1ull << (cp & 63);
    }
    for (uint32_t cp = 0; cp <= 0xFFFF; cp++)
        nd->quiet_stop[cp] = cp < 0x80 || (nd->start_cp[cp >> 6] >> (cp & 63) & 1);
}

int kj_numeric_init(kiji_parser *p)
{
    struct kj_numeric *nd = calloc(1, sizeof *nd);
    if (!nd)
        return -1;
    p->numeric = nd;
    nd->ja_stop = kj_dict_new();
    nd->ja_follow = kj_dict_new();
    nd->en_words = kj_dict_new();
    nd->ja_after = kj_dict_new();
    nd->en_after = kj_dict_new();
    nd->en_scaled = kj_dict_new();
    nd->before = kj_dict_new();
    nd->ja_qual_pre = kj_dict_new();
    nd->ja_qual_post = kj_dict_new();
    nd->en_qual_pre = kj_dict_new();
    nd->en_qual_post = kj_dict_new();
    nd->en_stop = kj_dict_new();
    nd->en_part = kj_dict_new();
    nd->en_count_open = kj_dict_new();
    nd->en_money_of = kj_dict_new();
    nd->ja_bare_stop = kj_dict_new();
    nd->en_bare_stop = kj_dict_new();
    nd->ja_prefix = kj_wordlist_get("ja/num_prefix");
    nd->ja_alone = kj_wordlist_get("ja/alone_before");
    nd->en_plain_dollar = kj_dict_new();
    nd->en_table_rows = kj_dict_new();
    nd->en_quake = kj_wordlist_get("en/quake_words");
    nd->ja_qual_pre_list = kj_wordlist_get("ja/qualifiers_pre");
    nd->en_qual_pre_list = kj_wordlist_get("en/qualifiers_pre");
    kj_num_init(nd);
    scan_class_init(nd);
    if (!nd->ja_stop || !nd->ja_follow || !nd->en_words || !nd->ja_after || !nd->en_after ||
        !nd->en_scaled || !nd->before || !nd->ja_qual_pre || !nd->ja_qual_post ||
        !nd->en_qual_pre || !nd->en_qual_post || !nd->en_stop || !nd->en_part ||
        !nd->en_count_open || !nd->en_money_of || !nd->ja_prefix || !nd->ja_alone ||
        !nd->ja_bare_stop || !nd->en_bare_stop || !nd->en_plain_dollar || !nd->en_quake ||
        !nd->en_table_rows || !nd->ja_qual_pre_list || !nd->en_qual_pre_list)
        return -1;
    bool ok = kj_dict_add_list(nd->ja_stop, kj_wordlist_get("ja/num_stop"), 1) &&
              kj_dict_add_list(nd->en_words, kj_wordlist_get("en/numbers"), 0) &&
              kj_num_en_init(nd) &&
              kj_dict_add_list(nd->ja_qual_pre, kj_wordlist_get("ja/qualifiers_pre"), 0) &&
              kj_dict_add_list(nd->ja_qual_post, kj_wordlist_get("ja/qualifiers_post"), 0) &&
              kj_dict_add_list(nd->en_qual_pre, kj_wordlist_get("en/qualifiers_pre"), 0) &&
              kj_dict_add_list(nd->en_qual_post, kj_wordlist_get("en/qualifiers_post"), 0) &&
              kj_dict_add_list(nd->en_stop, kj_wordlist_get("en/counted_stop"), 1) &&
              kj_dict_add_list(nd->en_part, kj_wordlist_get("en/counted_participles"), 1) &&
              kj_dict_add_list(nd->en_count_open, kj_wordlist_get("en/count_openers"), 1) &&
              kj_dict_add_list(nd->en_money_of, kj_wordlist_get("en/pounds_of_money"), 1) &&
              kj_dict_add_list(nd->ja_bare_stop, kj_wordlist_get("ja/currency_bare_stop"), 1) &&
              kj_dict_add_list(nd->en_bare_stop, kj_wordlist_get("en/currency_bare_stop"), 1) &&
              kj_dict_add_list(nd->en_plain_dollar, kj_wordlist_get("en/plain_dollar"), 1) &&
              kj_dict_add_list(nd->en_table_rows, kj_wordlist_get("en/table_rows"), 1);
    ok = ok && qual_list("en/qualifiers_pre", &nd->en_qual) &&
         qual_list("ja/qualifiers_pre", &nd->ja_qual) && vague_list(nd);
    /* ICU first, so the word lists override its choices (¥ is JPY, 元 CNY) */
    ok = ok && kj_money_icu(nd);
    ok = ok && add_kind_list(nd, nd->ja_after, "ja/time_units", NW_TIME, false) &&
         add_kind_list(nd, nd->ja_after, "ja/counters", NW_COUNTER, false) &&
         add_kind_list(nd, nd->ja_after, "ja/counter_stop", 0, false) &&
         add_kind_list(nd, nd->ja_after, "ja/percent", 0, true) &&
         kj_money_list(nd, nd->ja_after, "ja/currencies", NW_CURRENCY) &&
         add_kind_list(nd, nd->en_after, "en/time_units", NW_TIME, false) &&
         add_kind_list(nd, nd->en_after, "en/units", NW_COUNTER, false) &&
         add_kind_list(nd, nd->en_after, "en/percent", 0, true) &&
         kj_money_list(nd, nd->en_after, "en/currencies", NW_CURRENCY) &&
         kj_money_list(nd, nd->en_scaled, "en/currency_scaled", NW_CURRENCY) &&
         kj_money_list(nd, nd->before, "en/currency_symbols", NW_CURRENCY) &&
         kj_money_shared_init(nd);
    nd->usd = kj_money_code(nd, "USD");
    nd->gbp = kj_money_code(nd, "GBP");
    ok = ok && nd->usd >= 0 && nd->gbp >= 0 &&
         kj_numeric_add(nd, nd->en_after, "pence", 5, PACK(NW_PENCE, 0)) &&
         kj_numeric_add(nd, nd->en_after, "penny", 5, PACK(NW_PENCE, 0)) &&
         kj_numeric_add(nd, nd->en_after, "pennies", 7, PACK(NW_PENCE, 0)) &&
         kj_numeric_add(nd, nd->en_after, "\xC2\xA2", 2, PACK(NW_CENTS, 0)) &&
         kj_numeric_add(nd, nd->en_after, "cents", 5, PACK(NW_CENTS, 0)) &&
         kj_numeric_add(nd, nd->en_after, "cent", 4, PACK(NW_CENTS, 0)) &&
         kj_numeric_add(nd, nd->en_after, "cts", 3, PACK(NW_CENTS, 0)) &&
         kj_numeric_add(nd, nd->en_after, "ct", 2, PACK(NW_CENTS, 0)) && qualified_cents(nd);
    if (ok) {
        word_lead_init(nd);
        start_cp_init(nd);
        /* prefixed_dollar reads at most three letters, a space and $ */
        size_t sym = kj_dict_maxlen(nd->before);
        nd->money_reach = (sym > 5 ? sym : 5) + 1;
    }
    /* what a pure-kanji numeral may precede */
    ok = ok && kj_dict_add_list(nd->ja_follow, kj_wordlist_get("ja/num_follow"), 1) &&
         kj_dict_add_list(nd->ja_follow, kj_wordlist_get("ja/counters"), 1) &&
         kj_dict_add_list(nd->ja_follow, kj_wordlist_get("ja/time_units"), 1) &&
         kj_dict_add_list(nd->ja_follow, kj_wordlist_get("ja/currencies"), 1) &&
         kj_dict_add_list(nd->ja_follow, kj_wordlist_get("ja/percent"), 1);
    return ok ? 0 : -1;
}

void kj_numeric_free(kiji_parser *p)
{
    struct kj_numeric *nd = p ? p->numeric : NULL;
    if (!nd)
        return;
    kj_dict_free(nd->ja_stop);
    kj_dict_free(nd->ja_follow);
    kj_dict_free(nd->en_words);
    kj_dict_free(nd->ja_after);
    kj_dict_free(nd->en_after);
    kj_dict_free(nd->en_scaled);
    kj_dict_free(nd->before);
    kj_dict_free(nd->ja_qual_pre);
    kj_dict_free(nd->ja_qual_post);
    kj_dict_free(nd->en_qual_pre);
    kj_dict_free(nd->en_qual_post);
    kj_dict_free(nd->en_stop);
    kj_dict_free(nd->en_part);
    kj_dict_free(nd->en_count_open);
    kj_dict_free(nd->en_money_of);
    kj_dict_free(nd->ja_bare_stop);
    kj_dict_free(nd->en_bare_stop);
    kj_dict_free(nd->en_plain_dollar);
    kj_dict_free(nd->en_table_rows);
    kj_dict_free(nd->shared);
    free(nd->codes);
    free(nd->en_qual.q);
    free(nd->en_vague);
    free(nd->ja_qual.q);
    free(nd);
    p->numeric = NULL;
}

static int qual_before(kiji_doc *d, size_t pos, size_t *qs);
static int scale_of(const kiji_doc *d, const kj_numtok *t);
static bool digit_char(uint32_t c);

/* ---- reading an amount ------------------------------------------------------- */

typedef struct amount {
    size_t ns, ne;         /* number (with a leading symbol) .. end of unit */
    kj_numtok tok;
    int kind;              /* 0 = bare number, NW_* */
    int cur;               /* currency index or -1 */
    bool plain_dollar;     /* "dollars", "dlrs", "cents": currency from context */
    bool minor;            /* written in cents or pence (value in major units) */
    size_t us, ue;         /* unit text in d->norm */
    const char *unit;      /* static unit ("pt", "M") instead of us..ue */
    kj_num value;
} amount;

/* Can http://, https:// or www. start at i? Only at an h before a t or a
 * w before a w. */
static inline bool url_may_start(const kiji_doc *d, size_t i)
{
    char c = d->norm[i];
    return (c == 'h' || c == 'w') && i + 1 < d->norm_len && d->norm[i + 1] == (c == 'h' ? 't' : 'w');
}

/* The end of the run of letters from i that kj_rec_numeric passes at
 * once: up to a non-letter, or an h or w where a URL may start. The NUL
 * after the text (SCAN_SKIP) ends the run. */
static inline size_t run_end(const kiji_doc *d, const unsigned char *cls, size_t i)
{
    const unsigned char *u = (const unsigned char *)d->norm, *q = u + i;
    for (;;) {
        /* the letters but h and w, most of a word: one load of the byte
         * and one of its class each */
        while (cls[*q] == SCAN_LETTER)
            q++;
        /* url_may_start, from the two bytes (the NUL after the text
         * is neither t nor w) */
        if (cls[*q] != SCAN_HW || memcmp(q, "ht", 2) == 0 || memcmp(q, "ww", 2) == 0)
            return (size_t)(q - u);
        q++;
    }
}

/* Is byte b an ASCII letter to kj_rec_numeric's scan (SCAN_LETTER or
 * SCAN_HW)? */
static inline bool scan_letter(const unsigned char *cls, unsigned char b)
{
    return cls[b] == SCAN_LETTER || cls[b] == SCAN_HW;
}

/* Look up an English word list on the folded text at pos (after one
 * optional space). Returns the match's norm end, 0 for none. */
static size_t en_lookup(kiji_doc *d, const kj_dict *t, size_t pos, bool need_space, int32_t *v,
                        size_t *ms)
{
    char buf[64];
    size_t off[64];
    /* the first byte looked up, read from the text (the fold copies a
     * byte above the space lower-cased, and one space before such a
     * byte): a byte no key starts with fails before the fold */
    const unsigned char *u = (const unsigned char *)d->norm;
    if (pos >= d->norm_len)
        return 0;
    size_t f = u[pos] == ' ' && pos + 1 < d->norm_len && u[pos + 1] > ' ' ? pos + 1 : pos;
    if (f == pos && u[pos] > ' ' && need_space)
        return 0;
    if (u[f] > ' ' && !kj_dict_may_start(t, (unsigned)(u[f] - 'A') < 26u ? u[f] + 32 : u[f]))
        return 0;
    /* a key and the byte after it are all that is read: fold no further
     * (a space, the longest key, the next byte and the terminator); at a
     * letter, the longest key of en_after its first two bytes allow
     * (the NUL after the text is "anything else") */
    size_t want = kj_dict_maxlen(t) + 3;
    if (t == d->p->numeric->en_after && is_letter(u[f])) {
        unsigned m = d->p->numeric->after2[((u[f] | 0x20u) - 'a') * 28 + after2_class(u[f + 1])];
        if (m == 0)
            return 0;
        if (m < 255)
            want = m + 3;
    }
    size_t n = kj_num_fold(d, pos, buf, off, want < sizeof buf ? want : sizeof buf);
    size_t s = 0;
    if (n > 0 && buf[0] == ' ')
        s = 1;
    else if (need_space)
        return 0;
    /* a line break ends the number's paragraph-free reach only when doubled,
     * which kj_num_fold already stops at */
    size_t len = kj_dict_longest(t, buf, n, s, v);
    while (len > 0) {
        size_t e = s + len;
        /* whole words only: "in" not "inch", "pct" not "pcts" */
        unsigned char last = (unsigned char)buf[e - 1], next = e < n ? (unsigned char)buf[e] : 0;
        /* ... and "m2" not in "m212" */
        if (e >= n || !(is_letter(next) || is_digit(next)) ||
            (!is_letter(last) && !(is_digit(last) && is_digit(next)))) {
            if (ms)
                *ms = off[s];
            return off[e - 1] + 1;
        }
        /* try a shorter key: walk back to the previous space */
        size_t k = e - 1;
        while (k > s && buf[k] != ' ')
            k--;
        if (k <= s)
            return 0;
        int32_t v2;
        if (!kj_dict_get(t, buf + s, k - s, &v2))
            return 0;
        *v = v2;
        len = k - s;
    }
    return 0;
}

/* A number after a currency symbol: "$5", "US$ 49", "€ 1.78 billion". */
static bool scan_after_symbol(kiji_doc *d, size_t pos, kj_numtok *t)
{
    if (pos < d->norm_len && d->norm[pos] == ' ')
        pos++;
    if (pos >= d->norm_len || !is_digit((unsigned char)d->norm[pos]))
        return false;
    return kj_num_scan_glued(d, pos, t);
}

/* 一回も勝てなかった, 1人もいない, 1円も払わない: one and a counter (or a
 * currency) before も, denied later in the clause, is "not even one", an
 * idiom for none, no count (一度も is in ja/num_stop). k is the counter's
 * end. もう1人も (one more, too) and a clause with no denial (1人も重体)
 * stay counts. The look ahead stops at the clause's end, 20 characters at
 * most. */
static bool not_even_one(const kiji_doc *d, const amount *a, size_t k)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    size_t w = a->tok.ne - a->tok.ns;
    if (!(w == strlen("一") && kj_at(s, n, a->tok.ns, "一")) && !(w == 1 && s[a->tok.ns] == '1'))
        return false; /* 15人も, 約1人 */
    if (!kj_at(s, n, k, "も") || kj_before(s, a->tok.ns, "もう"))
        return false;
    static const char *const neg[] = {"ない", "なかっ", "なく", "なし", "ません", "無い", "無く"};
    size_t i = k + strlen("も");
    uint32_t prev = 0;
    for (int cps = 0; i < n && cps < 20; cps++) {
        for (size_t q = 0; q < sizeof neg / sizeof *neg; q++)
            if (kj_at(s, n, i, neg[q]))
                return true;
        size_t j = i;
        uint32_t c = kj_u8_next(s, n, &j);
        if (c == 0x3002 /* 。 */ || c == 0x3001 /* 、 */ || c == 0x300C /* 「 */ ||
            c == 0x300D /* 」 */ || c == '\n' || c == '!' || c == '?')
            return false;
        /* 挙げられず, おらず: ず after a verb's kana stem; まず, わずか are
         * other words */
        if (c == 0x305A /* ず */ && kj_is_hiragana(prev) && prev != 0x307E /* ま */ &&
            prev != 0x308F /* わ */)
            return true;
        prev = c;
        i = j;
    }
    return false;
}

/* 5V, 550W: a capital letter alone as the unit (volts, watts) at k after
 * the number of a. Letters and figures name models too (KDL-40V5000,
 * HDR-CX 700V, storm 01W) and W stands for double (衆参W選, W杯): the unit
 * takes arabic digits with no leading zero, no code or model before them
 * (a Latin letter or - right before, or a Latin letter or digit and a
 * space), and no Latin, kanji or katakana word after it (12Wで is one). */
static bool upper_unit(const kiji_doc *d, const amount *a, size_t k)
{
    const unsigned char *s = (const unsigned char *)d->norm;
    size_t ns = a->tok.ns, e = k + 1;
    if (a->tok.kanji || a->tok.digits == 0 || (s[ns] == '0' && a->tok.digits > 1))
        return false;
    if (e < d->norm_len && (is_letter(s[e]) || is_digit(s[e])))
        return false; /* a Latin word goes on: 40V5000 */
    size_t nx = e;
    uint32_t c = e < d->norm_len ? kj_u8_next(d->norm, d->norm_len, &nx) : 0;
    if (kj_is_kanji(c) || (c >= 0x30A1 && c <= 0x30FF && c != 0x30FB))
        return false; /* a kanji or katakana word goes on: W選, W杯, 32V型 */
    if (ns > 0 && (is_letter(s[ns - 1]) || s[ns - 1] == '-'))
        return false;
    if (ns > 1 && s[ns - 1] == ' ' && (is_letter(s[ns - 2]) || is_digit(s[ns - 2])))
        return false;
    return true;
}

static void classify_ja(kiji_doc *d, amount *a)
{
    const struct kj_numeric *nd = d->p->numeric;
    size_t k = a->tok.ne;
    int32_t v;
    size_t len = kj_dict_longest(nd->ja_after, d->norm, d->norm_len, k, &v);
    if (!len && k < d->norm_len && d->norm[k] == ' ') {
        /* "100 円", "7 万  円": a currency a few spaces on, when no word
         * goes on from it (円安, 円相場 are words) */
        size_t k2 = k;
        while (k2 < d->norm_len && k2 - k < 3 && d->norm[k2] == ' ')
            k2++;
        size_t l2 = kj_dict_longest(nd->ja_after, d->norm, d->norm_len, k2, &v), nx = k2 + l2;
        if (!l2 || KIND(v) != NW_CURRENCY || kj_is_kanji(kj_u8_next(d->norm, d->norm_len, &nx)))
            return;
        k = k2;
        len = l2;
    }
    if (!len)
        return;
    const unsigned char *s = (const unsigned char *)d->norm;
    /* 84m28 (84.28 m): m2 (a square metre) runs into the next digits; the
     * shorter unit before them is the one written */
    if (len > 1 && k + len < d->norm_len && is_digit(s[k + len - 1]) && is_digit(s[k + len]))
        len = kj_dict_longest(nd->ja_after, d->norm, k + len - 1, k, &v);
    if (!len)
        return;
    /* ASCII units need a word edge: 5km, not 5kmh */
    if (k + len < d->norm_len && ((is_letter(s[k + len - 1]) && is_letter(s[k + len])) ||
                                  (is_digit(s[k + len - 1]) && is_digit(s[k + len]))))
        return; /* nor m2 in 24703m212 */
    if (len == 1 && s[k] >= 'A' && s[k] <= 'Z' && !upper_unit(d, a, k))
        return;
    if (KIND(v) == 0)
        return; /* 発注, 台風: a word, not a counter (ja/counter_stop) */
    if ((KIND(v) == NW_COUNTER || KIND(v) == NW_CURRENCY) && not_even_one(d, a, k + len))
        return;
    /* 一本一本, 一枚一枚, 一軒一軒: one and a counter said twice is "one by
     * one", no count (一人一人 is in ja/num_stop; its second half is caught
     * here) */
    if (a->tok.kanji && a->tok.ne == a->tok.ns + strlen("一") &&
        kj_at(d->norm, d->norm_len, a->tok.ns, "一")) {
        size_t w = k + len - a->tok.ns;
        if ((k + len + w <= d->norm_len &&
             memcmp(d->norm + a->tok.ns, d->norm + k + len, w) == 0) ||
            (a->tok.ns >= w && memcmp(d->norm + a->tok.ns - w, d->norm + a->tok.ns, w) == 0))
            return;
    }
    /* 5つ, 12個: つ counts only after arabic digits; 一つ, 二つ in kanji are
     * as often words (一つになる, 一つ一つ), 1つ1つ is "one by one" and
     * 2つめ / 2つ目 an ordinal */
    if (KIND(v) == NW_COUNTER && len == strlen("つ") && kj_at(d->norm, d->norm_len, k, "つ") &&
        (a->tok.digits == 0 || (k + len < d->norm_len && is_digit(s[k + len])) ||
         kj_before(d->norm, a->tok.ns, "つ") || kj_at(d->norm, d->norm_len, k + len, "め") ||
         kj_at(d->norm, d->norm_len, k + len, "目")))
        return;
    /* 3勝2敗1分: the draws of a won-lost record, counted like its wins */
    if (KIND(v) == NW_TIME && len == strlen("分") && kj_at(d->norm, d->norm_len, k, "分") &&
        kj_record_before(d->norm, a->tok.ns))
        v = PACK(NW_COUNTER, 0);
    /* 4年に1度: once in every N units, a set of the date recognizer (not
     * degrees) */
    if (kj_at(d->norm, d->norm_len, k, "度") && !kj_at(d->norm, d->norm_len, k, "度目")) {
        static const char *const per_ni[] = {"年に", "月に", "週に", "日に", "間に"};
        for (size_t q = 0; q < sizeof per_ni / sizeof per_ni[0]; q++) {
            size_t b = a->tok.ns;
            if (kj_before(d->norm, b, per_ni[q]) && b >= strlen(per_ni[q]) + 1
                && is_digit((unsigned char)d->norm[b - strlen(per_ni[q]) - 1])) {
                a->kind = NW_TIME;
                return;
            }
        }
    }
    /* 3日に1試合, 2時間に1便: one event in every N units, a set of the date
     * recognizer (date_ja.c one_event) */
    size_t ke = k + len;
    uint32_t kc = ke < d->norm_len ? kj_u8_next(d->norm, d->norm_len, &ke) : 0;
    if ((kj_at(d->norm, d->norm_len, k, "試合") || kj_at(d->norm, d->norm_len, k, "便")
         || kj_at(d->norm, d->norm_len, k, "本"))
        && !kj_is_kanji(kc) && a->tok.ne == a->tok.ns + 1 && d->norm[a->tok.ns] == '1') {
        /* the period in one digit (13日に1試合 is on the 13th) */
        static const char *const per_ni[] = {"年に", "月に", "週に", "日に", "間に"};
        for (size_t q = 0; q < sizeof per_ni / sizeof per_ni[0]; q++) {
            size_t b = a->tok.ns, pl = strlen(per_ni[q]);
            if (kj_before(d->norm, b, per_ni[q]) && b >= pl + 1
                && is_digit((unsigned char)d->norm[b - pl - 1])
                && (b == pl + 1 || !is_digit((unsigned char)d->norm[b - pl - 2]))) {
                a->kind = NW_TIME;
                return;
            }
        }
    }
    /* 年1回, 週2回, 3日に1回: a frequency, which the date recognizer reads as a set */
    if (KIND(v) == NW_COUNTER && kj_at(d->norm, d->norm_len, k, "回") &&
        !kj_at(d->norm, d->norm_len, k, "回目")) {
        static const char *const per[] = {"年", "月", "週", "日", "時間", "分", "秒", "年に",
                                          "月に", "週に", "日に", "間に", "分に", "秒に"};
        for (size_t q = 0; q < sizeof per / sizeof per[0]; q++) {
            if (kj_before(d->norm, a->tok.ns, per[q])) {
                a->kind = NW_TIME;
                return;
            }
        }
    }
    /* 元 after a lone kanji digit is no yuan (四元数, 三元中継) */
    if (KIND(v) == NW_CURRENCY && len == strlen("元") && kj_at(d->norm, d->norm_len, k, "元") &&
        a->tok.digits == 0 && a->tok.ne - a->tok.ns <= strlen("一")) {
        /* a lone kanji digit: 三元, 四元 (but 八千元, 五十元, and 五元三角
         * with its jiao) */
        size_t j = k + len, jn;
        uint32_t c1 = kj_u8_next(d->norm, d->norm_len, &j);
        jn = j;
        uint32_t c2 = kj_u8_next(d->norm, d->norm_len, &jn);
        bool digit1 = (c1 >= '0' && c1 <= '9') || c1 == 0x4E00 || c1 == 0x4E8C || c1 == 0x4E09 ||
                      c1 == 0x56DB || c1 == 0x4E94 || c1 == 0x516D || c1 == 0x4E03 ||
                      c1 == 0x516B || c1 == 0x4E5D;
        if (!(digit1 && c2 == 0x89D2 /* 角 */))
            return;
    }
    a->kind = KIND(v);
    a->us = k;
    a->ue = k + len;
    a->ne = k + len;
    if (a->kind == NW_CURRENCY)
        a->cur = INDEX(v);
    /* 1打差, 7.5ゲームの差: a margin's counter (listed with 差 in
     * ja/counters, as it counts nothing else) is the unit; (の)差 stays out,
     * as after 2点差, 3票差 */
    if (a->kind == NW_COUNTER && len > strlen("差") && kj_before(d->norm, k + len, "差")) {
        a->ue -= strlen("差");
        if (kj_before(d->norm, a->ue, "の"))
            a->ue -= strlen("の");
        a->ne = a->ue;
    }
    /* 1馬身半, 2杯半: a counter and a half (0.5 added); not an ordinal (2位),
     * nor 半ば, 半導体 (a word after). A kanji after 半 is 差 (1馬身半差) or
     * opens a verb, the kanji with kana after it (2杯半飲んだ, 1個半食べ),
     * but not a 半 noun taking する or a particle (1棟半焼し, 半減した,
     * 半額で, 半数が) */
    size_t h = a->ne + strlen("半");
    uint32_t hc = h < d->norm_len ? kj_u8_next(d->norm, d->norm_len, &h) : 0;
    uint32_t hc2 = h < d->norm_len ? kj_u8_next(d->norm, d->norm_len, &h) : 0;
    h = a->ne + strlen("半");
    /* 減 壊 焼 額 分 数 期 年 日 月 身 島 値 面 旗 端 径 */
    static const uint32_t noun[] = {0x6E1B, 0x58CA, 0x713C, 0x984D, 0x5206, 0x6570,
                                    0x671F, 0x5E74, 0x65E5, 0x6708, 0x8EAB, 0x5CF6,
                                    0x5024, 0x9762, 0x65D7, 0x7AEF, 0x5F84};
    bool verb = kj_is_kanji(hc) && hc2 >= 0x3041 && hc2 <= 0x309F;
    for (size_t q = 0; verb && q < sizeof noun / sizeof noun[0]; q++)
        verb = hc != noun[q];
    kj_num half = {5, -1, true}, x;
    if (a->kind == NW_COUNTER && INDEX(v) != NW_ORDINAL && a->ne == k + len && a->value.ok &&
        !a->tok.vague && kj_at(d->norm, d->norm_len, a->ne, "半") &&
        !kj_at(d->norm, d->norm_len, h, "ば") &&
        (!kj_is_kanji(hc) || hc == 0x5DEE /* 差 */ || verb) && kj_num_add(&x, a->value, half)) {
        a->value = x;
        a->ne = h;
    }
}

/* "75 USD million": a scale word after an upper-case ISO code that
 * follows the number. */
static void code_scale(kiji_doc *d, amount *a)
{
    const char *s = d->norm;
    if (a->ue - a->us != 3 || a->ne != a->ue || a->ue >= d->norm_len || s[a->ue] != ' ')
        return;
    for (size_t x = a->us; x < a->ue; x++)
        if (s[x] < 'A' || s[x] > 'Z')
            return;
    kj_numtok sc = a->tok;
    sc.value = a->value;
    sc.ne = a->ue;
    kj_num_en_scale(d, &sc);
    if (sc.ne > a->ue) {
        a->value = sc.value;
        a->tok.value = sc.value;
        a->ne = sc.ne;
    }
}

/* A unit in brackets after the number: "20 (kg)", "20 [kg]", "20 <kg>". */
static bool bracket_unit(kiji_doc *d, amount *a)
{
    static const char open[] = "([{<", close[] = ")]}>";
    const struct kj_numeric *nd = d->p->numeric;
    const char *s = d->norm;
    size_t n = d->norm_len, k = a->tok.ne;
    if (k < n && s[k] == ' ')
        k++;
    const char *o = k < n ? strchr(open, s[k]) : NULL;
    if (!o || s[k] == '\0')
        return false;
    size_t ws = k + 1, we = ws;
    while (we < n && we - ws < 12 && (is_letter((unsigned char)s[we]) || is_digit((unsigned char)s[we]) ||
                                      s[we] == '/'))
        we++;
    char low[16];
    if (we == ws || we >= n || s[we] != close[o - open] || we - ws >= sizeof low)
        return false;
    for (size_t x = ws; x < we; x++)
        low[x - ws] = (char)((s[x] >= 'A' && s[x] <= 'Z') ? s[x] + 32 : s[x]);
    int32_t v;
    if (!kj_dict_get(nd->en_after, low, we - ws, &v) || KIND(v) != NW_COUNTER)
        return false;
    a->kind = NW_COUNTER;
    a->us = ws;
    a->ue = we;
    a->ne = we + 1;
    return true;
}

/* "5 feet 2 inches", "5 ft 2 in", "5 feet and 2 inches": one length in
 * feet. */
static void feet_inches(kiji_doc *d, amount *a)
{
    static const char *const feet[] = {"feet", "foot", "ft"};
    static const char *const inch[] = {"inches", "inch", "in", "\""};
    const char *s = d->norm;
    size_t n = d->norm_len, k = a->ue;
    bool ft = false;
    for (int f = 0; f < 3 && !ft; f++)
        ft = a->ue - a->us == strlen(feet[f]) && memcmp(s + a->us, feet[f], a->ue - a->us) == 0;
    if (!ft || a->tok.value.exp < 0)
        return;
    if (kj_at(s, n, k, " and "))
        k += 5;
    else if (k < n && s[k] == ' ')
        k++;
    else
        return;
    kj_numtok t;
    if (k >= n || !kj_num_scan(d, k, &t) || !t.value.ok || t.vague || t.value.exp != 0 ||
        t.value.mant <= 0 || t.value.mant >= 12 || t.ns != k)
        return;
    size_t e = t.ne;
    if (e < n && s[e] == ' ')
        e++;
    for (int i = 0; i < 4; i++) {
        size_t l = strlen(inch[i]);
        if (kj_at(s, n, e, inch[i]) && (e + l >= n || !is_letter((unsigned char)s[e + l]))) {
            kj_num x;
            if (!kj_num_div(&x, t.value, (kj_num){12, 0, true}) || !kj_num_add(&x, x, a->value))
                return;
            a->value = x;
            a->ne = e + l;
            return;
        }
    }
}

/* "five SEC commissioners": the agency written in capitals, not seconds */
static bool sec_agency(int32_t v, const char *w, size_t n)
{
    return KIND(v) == NW_TIME && n == 3 && memcmp(w, "SEC", 3) == 0;
}

static size_t at_ci(const kiji_doc *d, size_t pos, const char *lit);
static size_t at_ci_n(const kiji_doc *d, size_t pos, const char *lit, size_t n);

/* Does the lower-cased window [from, to) hold a word starting with w? */
static bool window_has(const kiji_doc *d, size_t from, size_t to, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = from; i + n <= to; i++)
        if ((i == 0 || !is_letter((unsigned char)d->norm[i - 1])) && at_ci_n(d, i, w, n) == i + n)
            return true;
    return false;
}

/* "cut by 0.45 point", "at 7/8 point over LIBOR": a small fraction
 * before a singular "point" in a sentence about a rate, coupon or yield
 * is a percentage point (unit pt), not an index point ("a 6 point
 * gain", whole points). */
static bool rate_point(kiji_doc *d, amount *a)
{
    static const char *const rate[] = {"rate", "coupon", "yield", "libor", "prime", "interest"};
    size_t k = a->tok.ne, e;
    if (k + 6 > d->norm_len || d->norm[k] != ' ' || (d->norm[k + 1] | 0x20) != 'p' ||
        a->tok.word || !a->value.ok || (e = at_ci(d, k, " point")) == 0 ||
        (e < d->norm_len && (is_letter((unsigned char)d->norm[e]) || d->norm[e] == '-')))
        return false;
    double x = kj_num_double(a->value);
    if (x <= 0 || x > 10 || x == (double)(int64_t)x)
        return false;
    size_t from = a->tok.ns > 100 ? a->tok.ns - 100 : 0,
           to = e + 40 < d->norm_len ? e + 40 : d->norm_len;
    for (size_t i = from; i < a->tok.ns; i++)
        if (d->norm[i] == '.' && i + 1 < a->tok.ns &&
            (d->norm[i + 1] == ' ' || d->norm[i + 1] == '\n'))
            from = i + 1; /* this sentence only */
    for (size_t i = e; i < to; i++)
        if (d->norm[i] == '.' && (i + 1 == to || d->norm[i + 1] == ' ' || d->norm[i + 1] == '\n')) {
            to = i;
            break;
        }
    bool ok = false;
    for (size_t w = 0; !ok && w < sizeof rate / sizeof *rate; w++)
        ok = window_has(d, from, to, rate[w]);
    if (!ok)
        return false;
    a->kind = NW_POINT;
    a->unit = "pt";
    a->us = k + 1;
    a->ue = a->ne = e;
    return true;
}

/* Does the text name sterling or London anywhere (stg, £, pound(s),
 * sterling, pence, London)? One pass, counted, made at most once per parse
 * (d->sterling keeps the answer): asked per amount, a pass each would be
 * quadratic on a text of many glued amounts (fuzz/README.md, finding 23). */
static bool text_sterling(kiji_doc *d)
{
    if (d->sterling)
        return d->sterling > 0;
    static const char *const uk[] = {"stg",      "\xC2\xA3", "pound",  "Pound",
                                     "sterling", "pence",    "London", "LONDON"};
    bool found = false;
    size_t i;
    for (i = 0; i < d->norm_len && !found; i++) {
        char c = d->norm[i];
        if (c != 's' && c != '\xC2' && c != 'p' && c != 'P' && c != 'L')
            continue;
        for (size_t k = 0; k < sizeof uk / sizeof *uk && !found; k++)
            found = uk[k][0] == c && kj_at(d->norm, d->norm_len, i, uk[k]);
    }
    d->work += i;
    d->sterling = found ? 1 : -1;
    return found;
}

/* 27.5p, 634p: pence glued to digits, the way London prices shares and
 * dividends, in English text that deals in sterling or London. Not 3p.m.
 * or 3:15p (clocks), not a video format (720p, 1080p, 24p frames: no
 * sterling near them). */
static bool glued_pence(kiji_doc *d, const amount *a)
{
    size_t p = a->tok.ne;
    if (d->lang != KJ_LANG_EN || a->tok.word || a->tok.digits == 0 || p >= d->norm_len ||
        d->norm[p] != 'p' || (a->tok.ns > 0 && d->norm[a->tok.ns - 1] == ':'))
        return false;
    unsigned char n = p + 1 < d->norm_len ? (unsigned char)d->norm[p + 1] : 0;
    if (is_letter(n) || is_digit(n) || n == '-' || n == '\'' ||
        (n == '.' && p + 2 < d->norm_len && is_letter((unsigned char)d->norm[p + 2])))
        return false;
    static const int64_t video[] = {240, 360, 480, 576, 720, 1080, 1440, 2160, 4320};
    for (size_t i = 0; i < sizeof video / sizeof *video; i++)
        if (a->tok.value.exp == 0 && a->tok.value.mant == video[i])
            return false;
    return text_sterling(d);
}

static bool has_scale(const kiji_doc *d, const kj_numtok *t);

/* A percent or points word right after the space at pos ("percent",
 * "percentage point", not "percent-owned"): sets a's kind and unit span as
 * classify_en does; false when none is there. */
static bool percent_word_en(kiji_doc *d, size_t pos, amount *a)
{
    int32_t v;
    size_t ms;
    size_t e = en_lookup(d, d->p->numeric->en_after, pos, true, &v, &ms);
    if (!e || (KIND(v) != NW_PERCENT && KIND(v) != NW_POINT) ||
        (e < d->norm_len && d->norm[e] == '-'))
        return false;
    a->kind = KIND(v);
    a->us = ms;
    a->ue = a->ne = e;
    return true;
}

/* A percent word after " of a " or " of one " at pos: "(a quarter) of a
 * percent", "(two thirds) of one percentage point", "(half) of a percent". */
static bool of_one_percent(kiji_doc *d, size_t pos, amount *a)
{
    size_t k = at_ci(d, pos, " of a");
    if (!k)
        k = at_ci(d, pos, " of one");
    return k && percent_word_en(d, k, a);
}

/* An English half of one percent at pos: "half a percent", "half of one
 * percentage point" (0.5 percent or points), which the number reader
 * leaves alone ("half a" wants a scale after it: half a million). */
static bool half_share_en(kiji_doc *d, size_t pos, amount *a)
{
    if (d->lang != KJ_LANG_EN || (d->norm[pos] | 0x20) != 'h' ||
        (pos > 0 && is_letter((unsigned char)d->norm[pos - 1])))
        return false;
    size_t k = at_ci(d, pos, "half");
    if (!k)
        return false;
    memset(a, 0, sizeof *a);
    a->cur = -1;
    size_t b = at_ci(d, k, " a");
    if (!(b && percent_word_en(d, b, a)) && !of_one_percent(d, k, a))
        return false;
    a->ns = a->tok.ns = pos;
    a->tok.ne = k;
    a->tok.word = true;
    a->tok.value = (kj_num){5, -1, true};
    a->value = a->tok.value;
    a->unit = a->kind == NW_POINT ? "pt" : NULL;
    return true;
}

static void classify_en(kiji_doc *d, amount *a)
{
    const struct kj_numeric *nd = d->p->numeric;
    int32_t v;
    size_t ms;
    /* "a quarter of a percent": a word fraction of one percent (the text
     * first: kj_num_double formats and parses the number) */
    if (a->tok.word && a->value.ok && !a->tok.vague &&
        (at_ci(d, a->tok.ne, " of a") || at_ci(d, a->tok.ne, " of one")) &&
        kj_num_double(a->value) < 1.0 && of_one_percent(d, a->tok.ne, a))
        return;
    size_t e = en_lookup(d, nd->en_after, a->tok.ne, false, &v, &ms);
    if (e && sec_agency(v, d->norm + ms, e - ms))
        e = 0;
    /* "a 300 mln mark issue": a currency word only after a scale, and not
     * the milestone of "passed the one mln mark" */
    if (!e && has_scale(d, &a->tok) && !kj_before(d->norm, a->tok.ns, "the ") &&
        !kj_before(d->norm, a->tok.ns, "The "))
        e = en_lookup(d, nd->en_scaled, a->tok.ne, false, &v, &ms);
    if (!e && glued_pence(d, a)) {
        a->kind = NW_PENCE;
        a->us = a->tok.ne;
        a->ue = a->ne = a->tok.ne + 1;
        return;
    }
    if (!e && bracket_unit(d, a))
        return;
    if (e) {
        a->kind = KIND(v);
        a->us = ms;
        a->ue = e;
        a->ne = e;
        if (a->kind == NW_CURRENCY) {
            a->cur = INDEX(v);
            code_scale(d, a);
            size_t n = e - ms;
            a->plain_dollar = (n >= 3 && n <= 7 &&
                               (kj_at(d->norm, d->norm_len, ms, "dlr") ||
                                kj_at(d->norm, d->norm_len, ms, "dollar") ||
                                kj_at(d->norm, d->norm_len, ms, "Dlr") ||
                                kj_at(d->norm, d->norm_len, ms, "Dollar")));
        } else if (a->kind == NW_CENTS) {
            /* "64 Canadian cts": the dollar is named (index + 1) */
            a->cur = INDEX(v) - 1;
            a->plain_dollar = a->cur < 0;
        } else if (a->kind == NW_COUNTER) {
            feet_inches(d, a);
        }
        return;
    }
    if (rate_point(d, a))
        return;
    /* "11.6-inch", "29.46-cm" */
    if (a->tok.ne < d->norm_len && d->norm[a->tok.ne] == '-') {
        /* "a 5.0-mln-dlr loan", "a 1.2-billion-dollar deal": a scale
         * word between hyphens before a currency or counter */
        size_t ss = a->tok.ne + 1, se = ss;
        while (se < d->norm_len && se - ss < 9 && d->norm[se] >= 'a' && d->norm[se] <= 'z')
            se++;
        int32_t scv;
        kj_num sc = a->value;
        if (!a->tok.word && a->value.ok && se > ss && se + 1 < d->norm_len && d->norm[se] == '-' &&
            is_letter((unsigned char)d->norm[se + 1]) &&
            kj_dict_get(nd->en_words, d->norm + ss, se - ss, &scv) && scv <= -3 && scv >= -12 &&
            kj_num_scale(&sc, (int)-scv)) {
            e = en_lookup(d, nd->en_after, se + 1, false, &v, &ms);
            /* (pound, a weight or sterling, is left to the reading below) */
            if (e && ms == se + 1 &&
                (KIND(v) == NW_CURRENCY ||
                 (KIND(v) == NW_COUNTER && !kj_at(d->norm, d->norm_len, ms, "pound")))) {
                a->value = sc;
                a->kind = KIND(v);
                a->cur = KIND(v) == NW_CURRENCY ? INDEX(v) : -1;
                a->plain_dollar =
                    KIND(v) == NW_CURRENCY && (kj_at(d->norm, d->norm_len, ms, "dlr") ||
                                               kj_at(d->norm, d->norm_len, ms, "dollar"));
                a->us = ms;
                a->ue = e;
                a->ne = e;
                return;
            }
        }
        e = en_lookup(d, nd->en_after, a->tok.ne + 1, false, &v, &ms);
        if (e && (KIND(v) == NW_CURRENCY || KIND(v) == NW_CENTS || KIND(v) == NW_PENCE) &&
            ms == a->tok.ne + 1) {
            /* "a 12-cent dividend", "one-yen bid" */
            a->kind = KIND(v);
            a->cur = KIND(v) == NW_CURRENCY ? INDEX(v) : -1;
            a->plain_dollar = KIND(v) == NW_CENTS;
            a->us = ms;
            a->ue = e;
            a->ne = e;
        } else if (e && KIND(v) == NW_COUNTER) {
            a->kind = NW_COUNTER;
            a->us = ms;
            a->ue = e;
            a->ne = e;
        } else if (e && (KIND(v) == NW_PERCENT || KIND(v) == NW_POINT) && ms == a->tok.ne + 1 &&
                   (e >= d->norm_len || !is_letter((unsigned char)d->norm[e]))) {
            /* "a two-percent decline", "a 50-pct stake", "a 0.5-pct-point
             * cut", "a 3-percentage-point drop" */
            int kind = KIND(v);
            size_t pe = e;
            if (kj_at(d->norm, d->norm_len, e, "-points"))
                pe = e + 7, kind = NW_POINT;
            else if (kj_at(d->norm, d->norm_len, e, "-point"))
                pe = e + 6, kind = NW_POINT;
            /* "a 30-pct-owned unit", "its 51-pct-held affiliate": a
             * participle after the hyphen leaves the percent a percent */
            if (pe >= d->norm_len ||
                (!is_letter((unsigned char)d->norm[pe]) &&
                 (d->norm[pe] != '-' ||
                  (pe + 1 < d->norm_len && d->norm[pe + 1] >= 'a' && d->norm[pe + 1] <= 'z')))) {
                a->kind = kind;
                a->us = ms;
                a->ue = pe;
                a->ne = pe;
            }
        } else if (e && KIND(v) == NW_TIME) {
            a->kind = NW_TIME;
        } else if (!e && !a->tok.word) {
            /* "14-bank": digits, a hyphen and a lower-case noun */
            size_t ws = a->tok.ne + 1, we = ws;
            while (we < d->norm_len && we - ws < 24 && d->norm[we] >= 'a' && d->norm[we] <= 'z')
                we++;
            int32_t sv;
            if (we - ws >= 3 && (we == d->norm_len || (!is_letter((unsigned char)d->norm[we]) &&
                                                        d->norm[we] != '-')) &&
                !kj_dict_get(nd->en_stop, d->norm + ws, we - ws, &sv)) {
                a->kind = NW_COUNTER;
                a->us = ws;
                a->ue = we;
                a->ne = we;
            }
        }
        return;
    }
    /* "0.68 in (1.73 cm)": "in" is inches only before a conversion */
    if (kj_at(d->norm, d->norm_len, a->tok.ne, " in (") && a->tok.ne + 5 < d->norm_len &&
        is_digit((unsigned char)d->norm[a->tok.ne + 5])) {
        a->kind = NW_COUNTER;
        a->us = a->tok.ne + 1;
        a->ue = a->tok.ne + 3;
        a->ne = a->ue;
        return;
    }
    /* an ISO code after the number: "200 USD" (upper case only: "5 top") */
    size_t k = a->tok.ne;
    if (k + 4 <= d->norm_len && d->norm[k] == ' ') {
        const unsigned char *s = (const unsigned char *)d->norm + k + 1;
        if (s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' &&
            s[2] <= 'Z' && (k + 4 == d->norm_len || !is_letter(s[3])) &&
            kj_dict_get(nd->before, (const char *)s, 3, &v) && KIND(v) == NW_CURRENCY) {
            a->kind = NW_CURRENCY;
            a->cur = INDEX(v);
            a->us = k + 1;
            a->ue = k + 4;
            a->ne = k + 4;
            code_scale(d, a);
        } else if (s[0] == 'M' && k + 5 <= d->norm_len && s[1] >= 'A' && s[1] <= 'Z' &&
                   s[2] >= 'A' && s[2] <= 'Z' && s[3] >= 'A' && s[3] <= 'Z' &&
                   (k + 5 == d->norm_len || !is_letter(s[4])) &&
                   kj_dict_get(nd->before, (const char *)s + 1, 3, &v) &&
                   KIND(v) == NW_CURRENCY && kj_num_scale(&a->value, 6)) {
            /* "30 MUSD", "120 MEUR": millions in the financial style */
            a->tok.value = a->value;
            a->kind = NW_CURRENCY;
            a->cur = INDEX(v);
            a->us = k + 1;
            a->ue = k + 5;
            a->ne = k + 5;
        }
    }
}

/* A lower-case plural word (letters only, ending in s but not ss, us,
 * is) right after the one space or line break at pos (wire text wraps
 * "5000 salaried\nemployees"), and ending the phrase there. */
static bool plural_next_en(const char *s, size_t len, size_t pos)
{
    if (pos >= len || (s[pos] != ' ' && s[pos] != '\n'))
        return false;
    size_t b = pos + 1, e = b;
    while (e < len && e - b < 24 && s[e] >= 'a' && s[e] <= 'z')
        e++;
    if (e - b < 3 || (e < len && (is_letter((unsigned char)s[e]) || s[e] == '-' || is_digit((unsigned char)s[e]))))
        return false;
    return s[e - 1] == 's' && s[e - 2] != 's' && s[e - 2] != 'u' && s[e - 2] != 'i';
}

/* A model number among the modifiers of a small whole count: "five new 737
 * aircraft", "four 747-400 jets" (three digits, not led by 0, an optional
 * hyphen and digits); a count with a scale or a fraction reads none. */
static bool model_number(const amount *a, const char *w, size_t n)
{
    if (a->tok.value.exp != 0 || a->tok.value.mant <= 0 || a->tok.value.mant >= 1000 || n < 3 ||
        w[0] == '0' || !is_digit((unsigned char)w[1]) || !is_digit((unsigned char)w[2]))
        return false;
    if (n == 3)
        return true;
    if (w[3] != '-' || n < 5 || n > 8)
        return false;
    for (size_t k = 4; k < n; k++)
        if (!is_digit((unsigned char)w[k]))
            return false;
    return true;
}

static void counted_scan(kiji_doc *d, amount *a, size_t i, int k0, bool name_ok);

/* Determiners that open a sentence before a count: "The 400 machines",
 * "Its 30 workers" are counts, as after "the" in lower case. */
static const char *const sentence_det[] = {"The",  "Its",  "Their", "His",   "Her",
                                           "Our",  "My",   "Your",  "These", "Those",
                                           "All",  "Both", "Each",  "Every", "Another"};

/* The word right before pos (one space apart) is one of sentence_det. */
static bool after_sentence_det(const char *s, size_t pos)
{
    if (pos < 2 || s[pos - 1] != ' ')
        return false;
    size_t e = pos - 1, b = e;
    while (b > 0 && e - b < 8 && is_letter((unsigned char)s[b - 1]))
        b--;
    if (b == e || (b > 0 && is_letter((unsigned char)s[b - 1])))
        return false;
    /* a word's first letter before its length: most words before a
     * number start with none of the determiners' */
    for (size_t i = 0; i < sizeof sentence_det / sizeof *sentence_det; i++)
        if (sentence_det[i][0] == s[b] && strlen(sentence_det[i]) == e - b &&
            memcmp(s + b, sentence_det[i], e - b) == 0)
            return true;
    return false;
}

/* An object's determiner one space after pos: "The 787 illustrates the
 * strategy" -- a sentence's subject is followed by its verb, so the word
 * before it that looks plural is that verb, not a counted noun. */
static bool object_det_next(const char *s, size_t len, size_t pos)
{
    static const char *const det[] = {"the ", "a ", "an ", "its ", "their ", "his ", "her ", "our "};
    if (pos >= len || s[pos] != ' ')
        return false;
    for (size_t i = 0; i < sizeof det / sizeof *det; i++)
        if (kj_at(s, len, pos + 1, det[i]))
            return true;
    return false;
}

/* The counted noun after an English number: "five factories", "twelve new
 * long-haul Airbus jets", "13.7 million Macs", "24 A320s". Up to three
 * modifiers, then a plural noun or a listed unit. */
static void counted_noun_en(kiji_doc *d, amount *a)
{
    const char *s = d->norm;
    /* a year is no count: "in 1987 sales rose" */
    if (!a->tok.word && !a->tok.kanji && a->tok.digits == 4 && a->tok.value.exp == 0 &&
        a->tok.value.mant >= 1000 && a->tok.value.mant <= 2100 && a->tok.ne - a->tok.ns == 4)
        return;
    /* a number after capitals and a hyphen ends a name, no count: the
     * M-3 figures, B-52 bombers, COVID-19 patients */
    if (a->tok.ns >= 2 && s[a->tok.ns - 1] == '-' && s[a->tok.ns - 2] >= 'A' && s[a->tok.ns - 2] <= 'Z') {
        size_t w = a->tok.ns - 2;
        while (w > 0 && a->tok.ns - w < 12 && s[w - 1] >= 'A' && s[w - 1] <= 'Z')
            w--;
        if (w == 0 || !is_letter((unsigned char)s[w - 1]))
            return;
    }
    counted_scan(d, a, a->tok.ne, 0, true);
}

/* The words from i on, k0 of them read: see counted_noun_en. name_ok: a
 * capitalized plural first word may be a name before the noun. */
static void counted_scan(kiji_doc *d, amount *a, size_t i, int k0, bool name_ok)
{
    const struct kj_numeric *nd = d->p->numeric;
    const char *s = d->norm;
    bool paren = false;
    for (int k = k0; k < 5; k++) {
        /* one space (or line break) between words */
        if (i >= d->norm_len || (s[i] != ' ' && s[i] != '\n'))
            return;
        i++;
        if (k > 0 && !paren && i < d->norm_len && s[i] == '(') {
            /* "four new K90 LR (Long Range) jets": one short
             * parenthesis among the modifiers */
            size_t j = i + 1;
            while (j < d->norm_len && j - i < 40 && s[j] != ')' && s[j] != '(' && s[j] != '\n')
                j++;
            if (j >= d->norm_len || s[j] != ')')
                return;
            d->work += j - i;
            i = j + 1;
            paren = true;
            continue;
        }
        size_t ws = i;
        bool upper = false, digit = false, hyphen = false;
        while (i < d->norm_len && (is_letter((unsigned char)s[i]) || is_digit((unsigned char)s[i]) ||
                                   s[i] == '-' || s[i] == '.' || s[i] == '\'')) {
            d->work++;
            if (s[i] >= 'A' && s[i] <= 'Z')
                upper = true;
            else if (is_digit((unsigned char)s[i]))
                digit = true;
            else if (s[i] == '-')
                hyphen = true;
            i++;
            if (i - ws > 40)
                return;
        }
        size_t we = i;
        while (we > ws && (s[we - 1] == '.' || s[we - 1] == '\'' || s[we - 1] == '-'))
            we--;
        if (we - ws < 2 || (!is_letter((unsigned char)s[ws]) && !digit))
            return;
        if (!is_letter((unsigned char)s[ws]) && !upper && !model_number(a, s + ws, we - ws))
            return; /* another number ("88 some 2.7 billion"), not a model name */
        char low[48];
        size_t n = we - ws;
        if (n >= sizeof low)
            return;
        for (size_t x = 0; x < n; x++) {
            unsigned char c = (unsigned char)s[ws + x];
            low[x] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        int32_t v;
        if (kj_dict_get(nd->en_stop, low, n, &v))
            return;
        if (kj_dict_get(nd->en_after, low, n, &v) &&
            !sec_agency(v, s + ws, n)) {
            if (KIND(v) == NW_COUNTER) {
                a->kind = NW_COUNTER;
                a->us = ws;
                a->ue = we;
                a->ne = we;
            }
            return; /* a time unit, currency or percent further on */
        }
        size_t wl = we;
        bool inner_dot = false;
        for (size_t x = ws; x < we; x++)
            if (s[x] == '.')
                inner_dot = true;
        /* "for two nights", "for 1 night": a length of days, the date
         * recognizer's (she stayed three nights stays a count) */
        if (k == 0 && ((n == 6 && memcmp(low, "nights", 6) == 0) ||
                       (n == 5 && memcmp(low, "night", 5) == 0))) {
            size_t b0 = a->tok.ns;
            if (kj_before(s, b0, "for ") || kj_before(s, b0, "for a ")) {
                a->kind = NW_TIME;
                return;
            }
        }
        /* "two Sundays ago", "three Fridays from now": a day counted in
         * weekdays, the date recognizer's */
        if (k == 0 && n >= 7 && n <= 10 && low[n - 1] == 's' && low[n - 2] == 'y' &&
            low[n - 3] == 'a' && low[n - 4] == 'd') {
            static const char *const wdays[] = {"mondays",   "tuesdays", "wednesdays",
                                                "thursdays", "fridays",  "saturdays",
                                                "sundays"};
            bool wday = false;
            for (size_t q = 0; q < 7 && !wday; q++)
                wday = strlen(wdays[q]) == n && memcmp(low, wdays[q], n) == 0;
            size_t j = we;
            while (j < d->norm_len && s[j] == ' ')
                j++;
            if (wday && j > we &&
                (kj_at(s, d->norm_len, j, "ago") || kj_at(s, d->norm_len, j, "later") ||
                 kj_at(s, d->norm_len, j, "from now") || kj_at(s, d->norm_len, j, "from today"))) {
                a->kind = NW_TIME;
                return;
            }
        }
        /* "the 200 series", "Kestrel's 80 series terminals": digits before
         * series name a product line, no count (3 series of talks is) */
        if (k == 0 && n == 6 && memcmp(low, "series", 6) == 0 && !a->tok.word &&
            a->tok.digits > 0 && !kj_at(s, d->norm_len, we, " of ") &&
            (kj_before(s, a->tok.ns, "the ") || kj_before(s, a->tok.ns, "The ") ||
             kj_before(s, a->tok.ns, "'s ") || kj_before(s, a->tok.ns, " a ") ||
             (a->tok.ns >= 2 && s[a->tok.ns - 1] == ' ' && s[a->tok.ns - 2] >= 'A' &&
              s[a->tok.ns - 2] <= 'Z')))
            return;
        /* "one rumor suggests": a plural noun never follows one */
        bool one = a->tok.value.ok && a->tok.value.mant == 1 && a->tok.value.exp == 0;
        bool plural = !one && n >= 3 && !inner_dot && low[n - 1] == 's' && low[n - 2] != 's' &&
                      low[n - 2] != 'u' && low[n - 2] != 'i' && low[n - 2] != '\'';
        /* a hyphenated plural is the noun ("15 wide-bodies", "four
         * vice-presidents") unless a plural noun follows it */
        if (plural && (!hyphen || !plural_next_en(s, d->norm_len, we))) {
            /* "the 9-1/8 debentures", "its 7-3/4 notes": a figure in
             * fractions before a noun that is no unit of measure is a
             * coupon or a price, not a count (nothing is counted in
             * eighths; "1-1/2 miles" is a unit, read above) */
            if (!a->tok.word && memchr(s + a->tok.ns, '/', a->tok.ne - a->tok.ns) &&
                kj_num_double(a->tok.value) != floor(kj_num_double(a->tok.value)))
                return;
            if (!upper && after_sentence_det(s, a->tok.ns) && object_det_next(s, d->norm_len, we))
                return; /* "The 787 illustrates the ...": a verb */
            if (upper && !digit && k > 0)
                return; /* "three Ford Motors" is a name */
            /* "110,000 Cyclops common shares": a capitalized word that
             * looks plural is a company's name when a counted noun
             * follows it; else it is the noun ("13.7 million Macs") */
            if (upper && !digit && name_ok && we == i) {
                amount t = *a;
                counted_scan(d, &t, we, k + 1, false);
                if (t.kind == NW_COUNTER && t.us > we) {
                    *a = t;
                    return;
                }
            }
            a->kind = NW_COUNTER;
            a->us = ws;
            a->ue = wl;
            a->ne = wl;
            return;
        }
        if (we < i && !inner_dot)
            return; /* a sentence end ends the phrase; U.S. does not */
        /* "the 717 program's demise": a possessive ends the phrase, the
         * number names a model and no count */
        if (n > 2 && low[n - 2] == '\'' && low[n - 1] == 's')
            return;
        /* "12 paused temporarily loan payments": verbs and adverbs
         * are no modifiers of a counted noun (an adjective in -ly of the
         * list is: "40 weekly newspapers"); a participle of
         * counted_participles.txt, a hyphenated one or one with un- right
         * before a lower-case plural is ("109,000 salaried workers",
         * "25 wide-bodied planes", "15,000 unauthorized copies"; not "2
         * served pages") */
        if (n > 3 && low[n - 2] == 'l' && low[n - 1] == 'y' &&
            !(kj_dict_get(nd->en_part, low, n, &v) && plural_next_en(s, d->norm_len, we)))
            return;
        if (n > 3 && low[n - 2] == 'e' && low[n - 1] == 'd' &&
            !((hyphen || (n > 5 && low[0] == 'u' && low[1] == 'n') ||
               kj_dict_get(nd->en_part, low, n, &v)) &&
              plural_next_en(s, d->norm_len, we)))
            return;
    }
}

/* A capitalized word right before pos that is not a qualifier (About)
 * nor a determiner opening a sentence (sentence_det), or a product name
 * capitalized after its first letter (iPhone, eReader). */
static bool after_name(kiji_doc *d, size_t pos)
{
    const char *s = d->norm;
    if (pos < 2 || s[pos - 1] != ' ')
        return false;
    size_t e = pos - 1, b = e;
    while (b > 0 && e - b < 24 && is_letter((unsigned char)s[b - 1]))
        b--;
    d->work += e - b;
    if (b == e || !((s[b] >= 'A' && s[b] <= 'Z') || (e - b >= 3 && s[b] >= 'a' && s[b] <= 'z' &&
                                                     s[b + 1] >= 'A' && s[b + 1] <= 'Z')))
        return false;
    if (after_sentence_det(s, pos))
        return false;
    /* "But 300 workers", "Yet 12 ships": a conjunction or a sentence
     * adverb (en/count_openers) is no name */
    int32_t v;
    if (kj_dict_get(d->p->numeric->en_count_open, s + b, e - b, &v))
        return false;
    /* "A 43-year-old man", "An 18-year-old": the article that opens a
     * sentence is capitalized, no name (not "Class A 30", mid-sentence) */
    if ((e - b == 1 && s[b] == 'A') || (e - b == 2 && s[b] == 'A' && s[b + 1] == 'n')) {
        int si = kj_sentence_of(d, b);
        size_t k = si >= 0 ? d->sent[si].ns : b + 1;
        while (k < b && (s[k] == '"' || s[k] == '\'' || s[k] == '(' || s[k] == ' '))
            k++;
        if (k == b)
            return false;
    }
    size_t qs;
    return qual_before(d, pos, &qs) == 0;
}

/* Is the three-digit number at pos one the text names as a model after a
 * name elsewhere ("a Boeing 787", "its Airbus 350 fleet"), a name not
 * opening its sentence (But 300 ...)? The text is read once per parse
 * (d->models keeps up to eight such numbers). */
static bool text_model(kiji_doc *d, size_t pos)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    if (!d->models_read) {
        d->models_read = 1;
        size_t i;
        for (i = 1; i + 3 <= n && d->nmodels < 8; i++) {
            if (s[i - 1] != ' ' || s[i] < '1' || s[i] > '9' || !is_digit((unsigned char)s[i + 1]) ||
                !is_digit((unsigned char)s[i + 2]) ||
                (i + 3 < n && (is_digit((unsigned char)s[i + 3]) || is_letter((unsigned char)s[i + 3]) ||
                               ((s[i + 3] == ',' || s[i + 3] == '.') && i + 4 < n &&
                                is_digit((unsigned char)s[i + 4])))))
                continue;
            if (i < 3 || !is_letter((unsigned char)s[i - 2]) || !after_name(d, i))
                continue;
            size_t b = i - 1;
            while (b > 0 && i - 1 - b < 24 && is_letter((unsigned char)s[b - 1]))
                b--;
            int si = kj_sentence_of(d, b);
            size_t k = si >= 0 ? d->sent[si].ns : b;
            while (k < b && (s[k] == '"' || s[k] == '\'' || s[k] == '(' || s[k] == ' '))
                k++;
            if (k == b)
                continue;
            d->models[d->nmodels++] = (uint16_t)((s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0'));
        }
        d->work += i;
    }
    if (pos + 3 > n)
        return false;
    uint16_t v = (uint16_t)((s[pos] - '0') * 100 + (s[pos + 1] - '0') * 10 + (s[pos + 2] - '0'));
    for (size_t k = 0; k < d->nmodels; k++)
        if (d->models[k] == v)
            return true;
    return false;
}

/* A model number after a descriptive adjective that itself follows a
 * determiner or a possessive: "Boeing's larger 777 planes", "their new
 * 787 aircraft". English puts a count before such adjectives (five new
 * 737 aircraft), so the number there is a name and no count. */
static bool after_model_adjective(const kiji_doc *d, size_t pos)
{
    static const char *const adj[] = {"new",     "newer",    "newest",  "latest", "larger",
                                      "largest", "bigger",   "biggest", "smaller", "smallest",
                                      "older",   "oldest",   "long-range"};
    static const char *const det[] = {"the", "their", "its", "his", "her", "our", "this", "these", "those"};
    const char *s = d->norm;
    if (pos < 2 || s[pos - 1] != ' ')
        return false;
    size_t e = pos - 1, b = e;
    while (b > 0 && e - b < 12 && ((s[b - 1] >= 'a' && s[b - 1] <= 'z') || s[b - 1] == '-'))
        b--;
    bool hit = false;
    for (size_t i = 0; i < sizeof adj / sizeof *adj && !hit; i++)
        hit = b < e && adj[i][0] == s[b] && strlen(adj[i]) == e - b &&
              memcmp(s + b, adj[i], e - b) == 0;
    if (!hit || b < 2 || s[b - 1] != ' ')
        return false;
    e = b - 1;
    if (e >= 2 && s[e - 1] == 's' && s[e - 2] == '\'')
        return true; /* Boeing's */
    b = e;
    while (b > 0 && e - b < 6 && ((s[b - 1] >= 'a' && s[b - 1] <= 'z') || (s[b - 1] >= 'A' && s[b - 1] <= 'Z')))
        b--;
    if (b > 0 && is_letter((unsigned char)s[b - 1]))
        return false;
    for (size_t i = 0; i < sizeof det / sizeof *det; i++)
        if (strlen(det[i]) == e - b && ((s[b] | 0x20) == det[i][0]) &&
            memcmp(s + b + 1, det[i] + 1, e - b - 1) == 0)
            return true;
    return false;
}

/* A currency symbol right after the number: "10 €", "100₾" (not the
 * prefix of a next amount: "10 $ 30"). */
static void symbol_after(kiji_doc *d, amount *a)
{
    size_t k = a->tok.ne;
    if (k < d->norm_len && d->norm[k] == ' ')
        k++;
    int32_t v;
    size_t sl;
    if (k >= d->norm_len || d->norm[k] == '\\' || is_digit((unsigned char)d->norm[k]) ||
        !(sl = kj_money_symbol(d, k, &v)) || KIND(v) != NW_CURRENCY)
        return;
    /* letters only as part of a symbol (3.14US$), never a bare code or
     * word here (ISO codes after a number are read by classify_en) */
    bool sym = false;
    for (size_t x = k; x < k + sl; x++)
        if (!is_letter((unsigned char)d->norm[x]) && d->norm[x] != '.')
            sym = true;
    if (!sym)
        return;
    size_t e = k + sl;
    if (e < d->norm_len && (is_digit((unsigned char)d->norm[e]) ||
                            (d->norm[e] == ' ' && e + 1 < d->norm_len &&
                             is_digit((unsigned char)d->norm[e + 1]))))
        return;
    a->kind = NW_CURRENCY;
    a->cur = INDEX(v);
    a->us = k;
    a->ue = e;
    a->ne = e;
}

/* The minor unit after a major one: 2222円13銭, 2ドル3セント, 545ドルと5セント,
 * 3 dollars 50 cents, eleven dollars and twenty cents. */
static void minor_unit(kiji_doc *d, amount *a)
{
    const char *s = d->norm;
    size_t n = d->norm_len, k = a->ne;
    bool en = d->lang == KJ_LANG_EN, jp_and = false;
    if (en) {
        if (kj_at(s, n, k, " and "))
            k += 5;
        else if (k < n && s[k] == ' ')
            k++;
        else
            return;
    } else if (kj_at(s, n, k, "と")) {
        k += strlen("と");
        jp_and = true;
    }
    kj_numtok t;
    const char *code = d->p->numeric->codes[a->cur];
    static const char *const kd[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    bool jiao = false;
    for (int x = 0; x < 9 && !en && strcmp(code, "CNY") == 0; x++) {
        if (kj_at(s, n, k, kd[x]) && kj_at(s, n, k + strlen(kd[x]), "角")) {
            /* 五元三角: a kanji digit before 角 (三角 alone is a word) */
            memset(&t, 0, sizeof t);
            t.ns = k;
            t.ne = k + strlen(kd[x]);
            t.value.mant = x + 1;
            t.value.ok = true;
            t.kanji = true;
            jiao = true;
        }
    }
    if (!jiao && (k >= n || !kj_num_scan_glued(d, k, &t) || !t.value.ok || t.vague ||
                  t.value.exp != 0 || t.value.mant <= 0 || t.value.mant >= 100))
        return;
    size_t e = t.ne;
    if (en) {
        if (kj_at(s, n, e, " cents"))
            e += 6;
        else if (kj_at(s, n, e, " cent"))
            e += 5;
        else if (!(e == n || s[e] == '.' || s[e] == ',' || s[e] == ';') || !a->plain_dollar ||
                 t.word != a->tok.word)
            return; /* "15 dollars 50." but not "15 dollars 50 times" */
    } else if (kj_at(s, n, e, "角") && strcmp(code, "CNY") == 0) {
        /* 50元6角3分 */
        e += strlen("角");
        kj_num x = t.value;
        if (t.value.mant >= 10 || !kj_num_scale(&x, -1) || !kj_num_add(&x, x, a->value))
            return;
        kj_numtok f;
        if (kj_num_scan_glued(d, e, &f) && f.value.ok && f.value.exp == 0 && f.value.mant < 10 &&
            f.value.mant > 0 && kj_at(s, n, f.ne, "分")) {
            kj_num y = f.value;
            if (kj_num_scale(&y, -2) && kj_num_add(&x, x, y))
                e = f.ne + strlen("分");
        }
        a->value = x;
        a->ne = e;
        return;
    } else if (kj_at(s, n, e, "銭") && strcmp(code, "JPY") == 0) {
        e += strlen("銭");
    } else if (kj_at(s, n, e, "セント") && strcmp(code, "JPY") != 0) {
        e += strlen("セント");
    } else if (!(jp_and && strcmp(code, "JPY") != 0 && !t.kanji && t.ne - t.ns == 2 &&
                 (e == n || kj_at(s, n, e, "です") || kj_at(s, n, e, "。")))) {
        return; /* 100ユーロと30です: two digits of cents at a clause's end */
    }
    kj_num x = t.value;
    if (!kj_num_scale(&x, -2) || !kj_num_add(&x, x, a->value))
        return;
    a->value = x;
    a->ne = e;
}

/* "1.8m tall", "1 m x 1 m": a lower-case m after digits is metres only
 * before a word of size or "x" (5m people, sales of 5m: five million). */
static void metre_after(kiji_doc *d, amount *a)
{
    static const char *const size[] = {"tall", "long", "high", "deep", "wide", "x"};
    const char *s = d->norm;
    size_t n = d->norm_len, k = a->tok.ne;
    if (a->tok.word || a->tok.kanji)
        return;
    if (k < n && s[k] == ' ')
        k++;
    if (k >= n || s[k] != 'm' || (k + 1 < n && (is_letter((unsigned char)s[k + 1]) ||
                                                is_digit((unsigned char)s[k + 1]))))
        return;
    size_t e = k + 1, w = e;
    if (w < n && s[w] == ' ')
        w++;
    bool ok = false; /* "sales reached 5m." is five million */
    for (size_t i = 0; !ok && i < sizeof size / sizeof *size; i++) {
        size_t l = strlen(size[i]);
        ok = kj_at(s, n, w, size[i]) && (w + l >= n || !is_letter((unsigned char)s[w + l]));
    }
    if (!ok)
        return;
    a->kind = NW_COUNTER;
    a->us = k;
    a->ue = e;
    a->ne = e;
}

static kj_num num5(void)
{
    kj_num n = {5, 0, true};
    return n;
}

/* A ratio of two bare numbers, as one number: "one out of three", "1 in
 * twenty-one" (the first below the second; not "1 in 2019"), and "2000
 * over 3" at a clause's end (elsewhere "over 3" is a qualifier). */
static bool ratio_en(kiji_doc *d, amount *a)
{
    static const char *const conn[] = {" out of ", " in ", " over "};
    const char *s = d->norm;
    size_t n = d->norm_len, k = a->tok.ne;
    if (!a->tok.value.ok || a->tok.vague || a->tok.value.mant == 0)
        return false;
    for (int c = 0; c < 3; c++) {
        if (!kj_at(s, n, k, conn[c]))
            continue;
        kj_numtok b;
        size_t bp = k + strlen(conn[c]);
        if (bp >= n || !kj_num_scan(d, bp, &b) || !b.value.ok || b.vague || b.value.mant <= 0 ||
            b.ns != bp)
            return false;
        kj_num q;
        if (!kj_num_div(&q, a->tok.value, b.value))
            return false;
        bool below = kj_num_double(a->tok.value) < kj_num_double(b.value);
        if (c < 2 && a->tok.value.mant < 0)
            return false;
        if (c == 0 && !below && kj_num_double(a->tok.value) != kj_num_double(b.value))
            return false;
        if (c == 1) {
            bool year = !b.word && b.digits == 4 && b.ne - b.ns == 4;
            size_t ms;
            int32_t v;
            if (!below || year ||
                (en_lookup(d, d->p->numeric->en_after, b.ne, false, &v, &ms) && KIND(v) == NW_TIME))
                return false;
        }
        if (c == 2) {
            size_t e = b.ne;
            if (e < n && s[e] == ' ')
                e++;
            if (!(e >= n || s[e] == '\n' || s[e] == ',' || s[e] == ';' || s[e] == ':' ||
                  s[e] == '!' || s[e] == '?' || (s[e] == '.' && (e + 1 >= n || s[e + 1] == ' ' ||
                                                                 s[e + 1] == '\n'))))
                return false;
        }
        a->tok.value = q;
        a->tok.ne = b.ne;
        a->tok.word = a->tok.word || b.word;
        a->ne = b.ne;
        a->value = q;
        return true;
    }
    return false;
}

/* Whether "pounds" ending at k is a weight: "of" follows and none of the
 * next three words names money (parser/data/en/pounds_of_money.txt).
 * "15 mln pounds of frozen pork" weighs; "40 million pounds of new debt"
 * and a bare "40 million pounds" stay sterling (cases/en/quantity_units). */
static bool pounds_of_goods(const kiji_doc *d, size_t k)
{
    const struct kj_numeric *nd = d->p->numeric;
    const char *s = d->norm;
    if (!kj_at(s, d->norm_len, k, " of "))
        return false;
    k += 4;
    bool content = false;
    for (int w = 0; w < 3 && k < d->norm_len && is_letter((unsigned char)s[k]); w++) {
        char low[24];
        size_t n = 0;
        while (k < d->norm_len && (is_letter((unsigned char)s[k]) || s[k] == '-')) {
            if (n < sizeof low) {
                unsigned char c = (unsigned char)s[k];
                low[n] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
            n++;
            k++;
        }
        int32_t v;
        if (n <= sizeof low) {
            if (kj_dict_get(nd->en_money_of, low, n, &v))
                return false;
            if (!kj_dict_get(nd->en_stop, low, n, &v))
                content = true;
        } else {
            content = true;
        }
        if (k < d->norm_len && s[k] == '\'')
            k++; /* taxpayers' money, the bank's shares */
        if (k < d->norm_len && s[k] == 's' && k > 0 && s[k - 1] == '\'')
            k++;
        if (k >= d->norm_len || s[k] != ' ')
            break;
        k++;
    }
    return content;
}

/* "#13 billion", "#0.79 per song": English archives that could not store
 * the pound sign wrote '#' for it. Only an amount with a scale word or a
 * decimal point reads as sterling there, so a rank (#1, #3 seed) stays
 * what it was (cases/en/money). Fills t with the number after '#'. */
static bool hash_pound(kiji_doc *d, size_t pos, kj_numtok *t)
{
    const unsigned char *s = (const unsigned char *)d->norm;
    if (d->lang != KJ_LANG_EN || s[pos] != '#' || pos + 1 >= d->norm_len ||
        !is_digit(s[pos + 1]) || (pos > 0 && (is_letter(s[pos - 1]) || is_digit(s[pos - 1]))))
        return false;
    if (!kj_num_scan_glued(d, pos + 1, t) || t->ns != pos + 1)
        return false;
    if (scale_of(d, t))
        return true;
    for (size_t i = t->ns; i < t->ne; i++)
        if (s[i] == '.')
            return true;
    return false;
}

/* 数 before a percentage word, with no digit after it: 数%, 数パーセント,
 * 数割, 数ポイント (十数% and 数十% are vague numbers kj_num_scan reads).
 * A vague token with no value, as 数百 is a vague count (GUIDELINES.md).
 * 数 inside a word is not read: after a kanji only where a numeral may
 * follow it (約, 前年, 比: not 過半数割れ, 指数), and 割 must not start a
 * word of its own (割れ, 割引, 割安, 割合: 数割引き) (cases/ja/percent). */
static bool vague_su(kiji_doc *d, size_t pos, kj_numtok *t)
{
    const struct kj_numeric *nd = d->p->numeric;
    const char *s = d->norm;
    if (d->lang == KJ_LANG_EN || !kj_at(s, d->norm_len, pos, "数"))
        return false;
    uint32_t pc = kj_u8_prev(s, pos, NULL);
    if (kj_is_kanji(pc)) {
        bool ok = kj_before(s, pos, "比");
        for (size_t k = 0; !ok && k < nd->ja_prefix->n; k++)
            ok = kj_before(s, pos, nd->ja_prefix->lines[k]);
        if (!ok)
            return false;
    }
    size_t k = pos + strlen("数");
    int32_t v;
    size_t len = kj_dict_longest(nd->ja_after, s, d->norm_len, k, &v);
    if (!len || (KIND(v) != NW_PERCENT && KIND(v) != NW_POINT && KIND(v) != NW_WARI))
        return false;
    if (KIND(v) == NW_WARI) {
        static const char *const word[] = {"れ", "り", "ら", "る", "っ", "け", "く", "き", "引",
                                           "安", "高", "合", "当", "愛", "込", "譲", "賦"};
        for (size_t w = 0; w < sizeof word / sizeof *word; w++)
            if (kj_at(s, d->norm_len, k + len, word[w]))
                return false;
    }
    memset(t, 0, sizeof *t);
    t->ns = pos;
    t->ne = k;
    t->value.ok = false;
    t->kanji = true;
    t->vague = true;
    return true;
}

/* Whether vague_share_en can read anything at i: an 'a' or 's' (a few,
 * several: parser/data/en/vague_share.txt) at a word start in English
 * text, its first three bytes those of some entry by class (most words
 * at a or s, "and", "said", "a new", "a very", are none). The third byte
 * is always there: a key, its space and a percent word follow. */
static bool vague_en_may_start(const kiji_doc *d, size_t i)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    unsigned char c = u[i];
    if (d->lang != KJ_LANG_EN || !(c == 'a' || c == 'A' || c == 's' || c == 'S') ||
        (i > 0 && is_letter(u[i - 1])) || i + 2 >= d->norm_len)
        return false;
    /* the third bytes some entry has after these two */
    const struct kj_numeric *nd = d->p->numeric;
    uint32_t third = nd->vague3[kj_vague_class(c) * KJ_VAGUE_NCLASS + kj_vague_class(u[i + 1])];
    if (!(third >> kj_vague_class(u[i + 2]) & 1))
        return false;
    /* vague_share_en reads a key, a space or line break and a percent
     * word, each of which starts with p: most words after "a" ("a new",
     * "a spokesman") have no such p at any key's length */
    for (uint32_t m = nd->vague_lens; m; m &= m - 1) {
        size_t k = i + (size_t)__builtin_ctz(m);
        if (k + 1 < d->norm_len && (u[k] == ' ' || u[k] == '\n') && (u[k + 1] | 0x20u) == 'p')
            return true;
    }
    return false;
}

/* An English vague share at pos: "a few percent", "several percentage
 * points" (a count: percent or points), "a small percentage", "a large
 * per cent" (a size: percent or percentage, not "a large percentage
 * point"), words from parser/data/en/vague_share.txt. A percent amount
 * with no value and a vague token, as "dozens" is a vague count
 * (cases/en/percent). */
static bool vague_share_en(kiji_doc *d, size_t pos, amount *a)
{
    const struct kj_numeric *nd = d->p->numeric;
    if (!vague_en_may_start(d, pos))
        return false;
    size_t k = 0;
    int kind = 0;
    for (size_t w = 0; !k && w < nd->n_vague; w++) {
        k = at_ci_n(d, pos, nd->en_vague[w].key, nd->en_vague[w].len);
        if (k && k < d->norm_len && (d->norm[k] == ' ' || d->norm[k] == '\n'))
            k++;
        else
            k = 0;
        kind = nd->en_vague[w].value;
    }
    if (!k)
        return false;
    enum { PTS, PT, PCTG, PCT, PER_CENT, PCT_ABBR, NPCT };
    /* each starts with p, as vague_en_may_start assumes */
    static const char *const pct[NPCT] = {"percentage points", "percentage point", "percentage",
                                          "percent",           "per cent",         "pct"};
    size_t e = 0;
    int w = 0;
    for (; w < NPCT; w++)
        if ((e = at_ci(d, k, pct[w])) != 0)
            break;
    if (!e || (e < d->norm_len && (is_letter((unsigned char)d->norm[e]) || d->norm[e] == '-')))
        return false;
    bool points = w == PTS || w == PT;
    if (kind == 1 ? w == PCTG : points)
        return false;
    memset(a, 0, sizeof *a);
    a->cur = -1;
    a->ns = a->tok.ns = pos;
    a->tok.ne = k - 1;
    a->tok.value.ok = false;
    a->tok.vague = true;
    a->tok.word = true;
    a->value.ok = false;
    a->kind = points ? NW_POINT : NW_PERCENT;
    a->unit = points ? "pt" : NULL;
    a->us = k;
    a->ue = a->ne = e;
    return true;
}

/* Whether a digit follows pos closely enough for kj_money_symbol(pos) to
 * start an amount: scan_after_symbol wants one right after the symbol or
 * a space after it. Capitalized words that begin a symbol or code ("US",
 * "U.S.", "GM") are mostly far from any digit. */
static inline bool money_digit_near(const kiji_doc *d, const struct kj_numeric *nd, size_t pos)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    size_t e = d->norm_len - pos > nd->money_reach ? pos + nd->money_reach : d->norm_len - 1;
    for (size_t k = pos + 1; k <= e; k++)
        if (is_digit(u[k]))
            return true;
    return false;
}

/* Read [symbol] number [unit] at pos. */
/* What the caller of read_amount knows of kj_num_may_start_en at pos:
 * nothing, false, true, or true with en_known set. */
enum num_hint { NUM_UNKNOWN, NUM_NOT, NUM_MAY, NUM_MAY_EN };

static bool read_amount(kiji_doc *d, size_t pos, amount *a, enum num_hint hint)
{
    const struct kj_numeric *nd = d->p->numeric;
    memset(a, 0, sizeof *a);
    a->cur = -1;
    int32_t v;
    size_t sl = money_digit_near(d, nd, pos) ? kj_money_symbol(d, pos, &v) : 0;
    if (sl && KIND(v) == NW_CURRENCY && scan_after_symbol(d, pos + sl, &a->tok)) {
        a->kind = NW_CURRENCY;
        a->cur = INDEX(v);
        a->ns = pos;
        a->ne = a->tok.ne;
        a->us = pos;
        a->ue = pos + sl;
        a->value = a->tok.value;
        /* "$5m", "$5 m": millions after a currency symbol */
        size_t k = a->tok.ne;
        if (k < d->norm_len && d->norm[k] == 'm' &&
            (k + 1 == d->norm_len || !is_letter((unsigned char)d->norm[k + 1])) &&
            kj_num_scale(&a->value, 6)) {
            a->ne = k + 1;
            a->tok.ne = k + 1;
        }
        a->tok.value = a->value;
        return true;
    }
    if (hash_pound(d, pos, &a->tok)) {
        a->kind = NW_CURRENCY;
        a->cur = nd->gbp;
        a->ns = pos;
        a->ne = a->tok.ne;
        a->us = pos;
        a->ue = pos + 1;
        a->value = a->tok.value;
        return true;
    }
    if (vague_share_en(d, pos, a) || half_share_en(d, pos, a))
        return true;
    bool num = hint == NUM_UNKNOWN
                   ? kj_num_scan(d, pos, &a->tok)
                   : hint != NUM_NOT && kj_num_scan_checked(d, pos, &a->tok, hint == NUM_MAY_EN);
    if (!num && !vague_su(d, pos, &a->tok))
        return false;
    a->ns = a->tok.ns;
    a->ne = a->tok.ne;
    a->value = a->tok.value;
    if (d->lang == KJ_LANG_EN && ratio_en(d, a))
        return true;
    if (d->lang == KJ_LANG_EN) {
        classify_en(d, a);
        if (a->kind == 0 && a->tok.ne < d->norm_len && (unsigned char)d->norm[a->tok.ne] >= 0x80)
            classify_ja(d, a); /* 100元 in English text */
        if (a->kind == 0)
            metre_after(d, a);
        if (a->kind == 0 && a->tok.ne < d->norm_len &&
            is_letter((unsigned char)d->norm[a->tok.ne]) && !a->tok.word)
            a->kind = NW_TIME; /* "1990s", "3rd", "A320": not a count */
        else if (a->kind == 0)
            counted_noun_en(d, a);
        /* "Boeing 787 aircraft", "Windows 95": a model number after a name */
        if (a->kind == NW_COUNTER && !a->tok.word && a->tok.value.exp == 0 &&
            a->tok.digits == (int)(a->tok.ne - a->tok.ns) &&
            (after_name(d, a->tok.ns) ||
             (model_number(a, d->norm + a->tok.ns, a->tok.ne - a->tok.ns) &&
              after_model_adjective(d, a->tok.ns))))
            a->kind = 0;
        /* "the 787 offers": after the, a model the text names after a
         * name elsewhere (a Boeing 787) and no count */
        else if (a->kind == NW_COUNTER && !a->tok.word && a->tok.value.exp == 0 &&
                 a->tok.digits == 3 && a->tok.ne - a->tok.ns == 3 && a->tok.ns >= 4 &&
                 (kj_before(d->norm, a->tok.ns, "the ") || kj_before(d->norm, a->tok.ns, "The ")) &&
                 (a->tok.ns == 4 || !is_letter((unsigned char)d->norm[a->tok.ns - 5])) &&
                 text_model(d, a->tok.ns))
            a->kind = 0;
    } else {
        classify_ja(d, a);
        if (a->kind == 0) {
            size_t k = a->tok.ne;
            if (k < d->norm_len && (d->norm[k] == ' ' || is_letter((unsigned char)d->norm[k])))
                classify_en(d, a);
        }
    }
    if (a->kind == 0)
        symbol_after(d, a);
    if (a->kind == 0 && kj_at(d->norm, d->norm_len, a->tok.ns, "百分の")) {
        /* 百分の2.4: hundredths, a percentage */
        kj_num x = a->value;
        if (kj_num_scale(&x, 2)) {
            a->value = x;
            a->kind = NW_PERCENT;
        }
    }
    if (a->kind == NW_COUNTER && d->lang == KJ_LANG_EN && a->ue - a->us >= 5 &&
        (kj_at(d->norm, d->norm_len, a->us, "pound") || kj_at(d->norm, d->norm_len, a->us, "Pound")) &&
        scale_of(d, &a->tok) && !pounds_of_goods(d, a->ue)) {
        /* "361 million pounds" is sterling; "3 pounds" of weight is not */
        a->kind = NW_CURRENCY;
        a->cur = nd->gbp;
    }
    if (a->kind == NW_CURRENCY && a->cur >= 0)
        minor_unit(d, a);
    if (a->kind == NW_WARI && a->tok.vague) {
        a->kind = NW_PERCENT; /* 数割, 十数割: tenths, no value */
        a->unit = NULL;
    } else if (a->kind == NW_WARI) {
        /* 3割5分: tenths and hundredths, in percent */
        kj_num x = a->value;
        if (!kj_num_scale(&x, 1))
            return false;
        kj_numtok t2;
        if (kj_at(d->norm, d->norm_len, a->ne, "半")) {
            /* 5割半 = 55 */
            if (kj_num_add(&x, x, num5()))
                a->ne += strlen("半");
        } else if (kj_num_scan(d, a->ne, &t2) && t2.value.ok && t2.value.exp == 0 &&
                   t2.value.mant < 10 && kj_at(d->norm, d->norm_len, t2.ne, "分") &&
                   kj_num_add(&x, x, t2.value)) {
            a->ne = t2.ne + strlen("分");
            /* 3割8分7厘 = 38.7 */
            kj_numtok t3;
            kj_num r;
            if (kj_num_scan_glued(d, a->ne, &t3) && t3.value.ok && t3.value.exp == 0 &&
                t3.value.mant < 10 && t3.value.mant > 0 &&
                kj_at(d->norm, d->norm_len, t3.ne, "厘")) {
                r = t3.value;
                if (kj_num_scale(&r, -1) && kj_num_add(&x, x, r))
                    a->ne = t3.ne + strlen("厘");
            }
        }
        a->ue = a->ne;
        a->value = x;
        a->kind = NW_PERCENT;
        a->unit = NULL;
    } else if (a->kind == NW_CENTS || a->kind == NW_PENCE) {
        if (!kj_num_scale(&a->value, -2))
            return false;
        if (a->kind == NW_PENCE)
            a->cur = nd->gbp;
        a->plain_dollar = a->kind == NW_CENTS && a->cur < 0;
        a->kind = NW_CURRENCY;
        a->minor = true;
    } else if (a->kind == NW_POINT) {
        a->unit = "pt";
    }
    return true;
}

/* An earthquake word of en/quake_words within a short window of [b, e):
 * "quake", "magnitude", "seismic" (any case, as part of a word). */
static bool quake_near(const kiji_doc *d, size_t b, size_t e)
{
    const kj_wordlist *wl = d->p->numeric->en_quake;
    size_t lo = b > 120 ? b - 120 : 0, hi = e + 120 < d->norm_len ? e + 120 : d->norm_len;
    for (size_t i = lo; i < hi; i++) {
        unsigned char c = (unsigned char)d->norm[i] | 0x20;
        for (size_t k = 0; k < wl->n; k++) {
            const char *word = wl->lines[k];
            size_t n = kj_wordlist_key(word);
            if (n == 0 || c != (unsigned char)word[0] || i + n > hi)
                continue;
            size_t j = 1;
            while (j < n && ((unsigned char)d->norm[i + j] | 0x20) == (unsigned char)word[j])
                j++;
            if (j == n)
                return true;
        }
    }
    return false;
}

/* Magnitude: M7, M7.3, マグニチュード7, マグニチュード(M)7 -> unit "M". */
static bool read_magnitude(kiji_doc *d, size_t pos, amount *a)
{
    const char *s = d->norm;
    size_t k;
    if (s[pos] == 'M' && (pos == 0 || !is_letter((unsigned char)s[pos - 1])) &&
        pos + 1 < d->norm_len && is_digit((unsigned char)s[pos + 1]))
        k = pos + 1;
    else if (kj_at(s, d->norm_len, pos, "マグニチュード")) {
        k = pos + strlen("マグニチュード");
        if (kj_at(s, d->norm_len, k, "(M)"))
            k += 3;
        if (k < d->norm_len && s[k] == ' ')
            k++;
    } else {
        return false;
    }
    memset(a, 0, sizeof *a);
    a->cur = -1;
    if (k >= d->norm_len || !is_digit((unsigned char)s[k]) || !kj_num_scan_glued(d, k, &a->tok))
        return false;
    if (a->tok.value.exp < -1 || a->tok.value.mant >= (a->tok.value.exp ? 100 : 10))
        return false; /* M7.3, M9 yes, M100, M1670 (model names) no */
    /* ZM-M100, M200/M100, Sniper M3: an M after a hyphen, a slash or (in
     * Japanese text) a Latin word names a model in a series; English puts
     * its articles there (an M6 earthquake) */
    if (pos > 0 && (s[pos - 1] == '-' || s[pos - 1] == '/' ||
                    (d->lang == KJ_LANG_JA && s[pos - 1] == ' ' && pos > 1 &&
                     is_letter((unsigned char)s[pos - 2]))))
        return false;
    /* English writes a whole M3 for a money supply (Sterling M3, M0 fell)
     * or a motorway (the M4): a whole magnitude needs a quake word near */
    if (d->lang == KJ_LANG_EN && a->tok.value.exp == 0 && !quake_near(d, pos, a->tok.ne))
        return false;
    a->ns = pos;
    a->ne = a->tok.ne;
    if (kj_at(s, d->norm_len, a->ne, "級"))
        a->ne += strlen("級");
    a->kind = NW_COUNTER;
    a->unit = "M";
    a->value = a->tok.value;
    return true;
}

/* ---- qualifiers ------------------------------------------------------------ */

/* ASCII-case-insensitive "s[..pos) ends with lit[0..n)", where a space in
 * lit matches any white space. Returns the match start or SIZE_MAX. The
 * bytes are compared from the end: the last one rejects most keys. */
static size_t before_ci_n(const kiji_doc *d, size_t pos, const char *lit, size_t n)
{
    if (n > pos)
        return SIZE_MAX;
    size_t st = pos - n;
    for (size_t i = n; i-- > 0;) {
        unsigned char c = (unsigned char)d->norm[st + i], l = (unsigned char)lit[i];
        if (l == ' ') {
            if (c != ' ' && c != '\n')
                return SIZE_MAX;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != l)
            return SIZE_MAX;
    }
    if (st > 0 && is_letter((unsigned char)d->norm[st - 1]))
        return SIZE_MAX;
    return st;
}

static size_t before_ci(const kiji_doc *d, size_t pos, const char *lit)
{
    return before_ci_n(d, pos, lit, strlen(lit));
}

/* A comparison sign before a number: >30, >= 30, < = 100, <-30, ≥ 5 ->
 * over, at_least, under, at_most (its start in *qs). */
static int sym_before(const kiji_doc *d, size_t pos, size_t *qs)
{
    const char *s = d->norm;
    size_t p = pos;
    while (p > 0 && pos - p < 2 && s[p - 1] == ' ')
        p--;
    if (p >= 3 && kj_at(s, d->norm_len, p - 3, "\xE2\x89\xA5")) { /* ≥ */
        *qs = p - 3;
        return 3;
    }
    if (p >= 3 && kj_at(s, d->norm_len, p - 3, "\xE2\x89\xA4")) { /* ≤ */
        *qs = p - 3;
        return 5;
    }
    if (p == 0)
        return 0;
    bool eq = false;
    if (s[p - 1] == '=') {
        eq = true;
        p--;
        while (p > 0 && pos - p < 4 && s[p - 1] == ' ')
            p--;
    }
    if (p == 0 || (s[p - 1] != '>' && s[p - 1] != '<') || (p >= 2 && (s[p - 2] == '<' || s[p - 2] == '>' || s[p - 2] == '-')))
        return 0;
    *qs = p - 1;
    return s[p - 1] == '>' ? (eq ? 3 : 2) : (eq ? 5 : 4);
}

/* The qualifier ending at pos (white space allowed between in English): its
 * value, and its start in *qs. */
static int qual_before(kiji_doc *d, size_t pos, size_t *qs)
{
    const struct kj_numeric *nd = d->p->numeric;
    const struct kj_quals *ql = d->lang == KJ_LANG_EN ? &nd->en_qual : &nd->ja_qual;
    size_t p = pos;
    if (d->lang == KJ_LANG_EN) {
        int sq = sym_before(d, pos, qs);
        if (sq)
            return sq;
        if (p == 0 || (d->norm[p - 1] != ' ' && d->norm[p - 1] != '\n'))
            return 0;
        p--;
    }
    size_t best = SIZE_MAX;
    int q = 0;
    /* only the keys that can end with the two bytes before p (a key of
     * one byte: the byte before p), in list order (the first of two
     * matches at one start wins); keys past the first 64 are all tried */
    uint64_t cand = p > 1   ? ql->last[(unsigned char)d->norm[p - 1]] &
                                ql->last2[(unsigned char)d->norm[p - 2]]
                    : p > 0 ? ql->last[(unsigned char)d->norm[p - 1]] & ql->short_keys
                            : ql->empty;
    for (size_t i = 0; i < ql->n && (i >= 64 || cand >> i); i++) {
        if (i < 64) {
            /* jump to the next candidate */
            i += (size_t)__builtin_ctzll(cand >> i);
            if (i >= ql->n)
                break;
        }
        d->work++;
        size_t st = before_ci_n(d, p, ql->q[i].key, ql->q[i].len);
        if (st != SIZE_MAX && (best == SIZE_MAX || st < best)) {
            best = st;
            q = ql->q[i].value;
        }
    }
    if (best == SIZE_MAX)
        return 0;
    /* "not less than" is listed; "not more than" too; a bare "not" before
     * "over 5" would negate, which the list does not hold */
    *qs = best;
    return q;
}

/* The qualifier after an amount ending at pos: value, the end of the
 * qualifier and whether it belongs in the span (以上 yes, を超え no). A
 * negated one (を超えない) counts as none. */
static int qual_after(kiji_doc *d, size_t pos, size_t *qe, bool *in_span)
{
    const struct kj_numeric *nd = d->p->numeric;
    int32_t v;
    *in_span = false;
    if (d->lang == KJ_LANG_EN) {
        size_t ms;
        size_t e = en_lookup(d, nd->en_qual_post, pos, true, &v, &ms);
        if (!e || kj_at(d->norm, d->norm_len, e, " than"))
            return 0; /* "200 or greater than 190": a bound on what follows */
        *qe = e;
        *in_span = true;
        return v;
    }
    size_t len = kj_dict_may_start_at(nd->ja_qual_post, d->norm, d->norm_len, pos)
                     ? kj_dict_longest(nd->ja_qual_post, d->norm, d->norm_len, pos, &v)
                     : 0;
    if (!len)
        return 0;
    size_t e = pos + len;
    bool particle = kj_at(d->norm, d->norm_len, pos, "を") || kj_at(d->norm, d->norm_len, pos, "に");
    if (particle) {
        /* を超えない, を超えず, を上回らない: the bound is denied */
        size_t k = e;
        size_t nx = k;
        for (int step = 0; step < 2 && k < d->norm_len; step++) {
            if (kj_at(d->norm, d->norm_len, k, "ない") || kj_at(d->norm, d->norm_len, k, "ず") ||
                kj_at(d->norm, d->norm_len, k, "らない") || kj_at(d->norm, d->norm_len, k, "らず"))
                return 0;
            (void)kj_u8_next(d->norm, d->norm_len, &nx);
            k = nx;
        }
    }
    *qe = e;
    *in_span = !particle;
    return v;
}

/* ---- ranges ---------------------------------------------------------------- */

/* The multiplier a range's high end carries that its low end lacks:
 * 150〜200億ドル, $3 to $5 billion. */
static bool has_scale(const kiji_doc *d, const kj_numtok *t)
{
    size_t ps;
    uint32_t c = kj_u8_prev(d->norm, t->ne, &ps);
    if (t->word && !t->kanji)
        return scale_of(d, t) != 0; /* "eight" has none, "two billion" has */
    return !digit_char(c);
}

/* The power of ten of a kanji multiplier that can scale a figure (百 千 万
 * 億 兆: kj_kanji_mult's but 十, which ends 三十 as a digit of it, and 京),
 * or 0. */
static int kanji_scale(uint32_t c)
{
    int k = kj_kanji_mult(c);
    return k >= 2 && k <= 12 ? k : 0;
}

static bool digit_char(uint32_t c)
{
    return (c >= '0' && c <= '9') || kj_kanji_digit(c) >= 0;
}

/* The multiplier run a kanji figure ends with, right after a digit: 3千万
 * → 7, 3百万 → 6, 3千 → 3 (the low end of 2〜3千万円 shares all of it). A
 * run reads upwards (千万, not 万千); otherwise the last 万/億/兆 alone. */
static int kanji_run_scale(const kiji_doc *d, const kj_numtok *t)
{
    size_t e = t->ne, ps;
    int sum = 0, last = 0;
    while (e > t->ns) {
        uint32_t c = kj_u8_prev(d->norm, e, &ps);
        int k = kanji_scale(c);
        if (k == 0) {
            if (!digit_char(c))
                return 0;
            /* 1万2千: a run after an earlier multiplier is no shared scale */
            for (size_t i = t->ns; i < ps;) {
                size_t st = i;
                uint32_t x = kj_u8_next(d->norm, d->norm_len, &i);
                if (i <= st || kanji_scale(x))
                    return 0;
            }
            return sum;
        }
        if (last && k >= last)
            return 0;
        sum += k;
        last = k;
        e = ps;
    }
    return 0;
}

static int scale_of(const kiji_doc *d, const kj_numtok *t)
{
    size_t ps;
    uint32_t c = kj_u8_prev(d->norm, t->ne, &ps);
    if (kanji_scale(c)) {
        int run = kanji_run_scale(d, t);
        if (run)
            return run;
        return kanji_scale(c) >= 4 ? kanji_scale(c) : 0;
    }
    const struct kj_numeric *nd = d->p->numeric;
    size_t s = t->ne;
    while (s > t->ns && is_letter((unsigned char)d->norm[s - 1]))
        s--;
    char low[16];
    size_t n = t->ne - s;
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)d->norm[s + i];
        low[i] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
    }
    int32_t v;
    if (kj_dict_get(nd->en_words, low, n, &v) && v < 0 && v >= -12)
        return -v;
    return 0;
}

/* A range connector at pos: its end, or 0. *kara is set for から (a change
 * when the high end is followed by に/へ/と). */
static size_t range_connector(const kiji_doc *d, size_t pos, bool between, bool *kara)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    *kara = false;
    if (pos >= n)
        return 0;
    if (kj_at(s, n, pos, "〜"))
        return pos + strlen("〜");
    if (s[pos] == '~')
        return pos + 1;
    if (kj_at(s, n, pos, "から")) {
        *kara = true;
        return pos + strlen("から");
    }
    if (s[pos] == '-' && pos + 1 < n && (is_digit((unsigned char)s[pos + 1]) || s[pos + 1] == '$'))
        return pos + 1;
    if (kj_at(s, n, pos, "–") || kj_at(s, n, pos, "—"))
        return pos + strlen("–");
    /* 30-to-60-day, 30- to 60-day: a range in a compound modifier */
    if (d->lang == KJ_LANG_EN && s[pos] == '-' && kj_at(s, n, pos + 1, "to-") && pos + 4 < n &&
        is_digit((unsigned char)s[pos + 4]))
        return pos + 4;
    if (d->lang == KJ_LANG_EN && s[pos] == '-' && kj_at(s, n, pos + 1, " to ") && pos + 5 < n &&
        is_digit((unsigned char)s[pos + 5]))
        return pos + 5;
    if (d->lang == KJ_LANG_EN && (s[pos] == ' ' || s[pos] == '\n')) {
        /* "65  to 70 pct": a run of up to three blanks */
        size_t k = pos + 1;
        while (k < n && k - pos < 3 && (s[k] == ' ' || s[k] == '\n'))
            k++;
        if (kj_at(s, n, k, "to") && k + 2 < n && (s[k + 2] == ' ' || s[k + 2] == '\n'))
            return k + 3;
        if (kj_at(s, n, k, "through "))
            return k + 8;
        /* 1000 - 5000, 1000 – 5000 */
        if (kj_at(s, n, k, "- ") && k + 2 < n && is_digit((unsigned char)s[k + 2]))
            return k + 1;
        if ((kj_at(s, n, k, "– ") || kj_at(s, n, k, "— ")) && k + 4 < n &&
            is_digit((unsigned char)s[k + 4]))
            return k + 3;
        if (between && kj_at(s, n, k, "and") && k + 3 < n && (s[k + 3] == ' ' || s[k + 3] == '\n'))
            return k + 4;
    }
    return 0;
}

/* 2、3人, 二、三人, 十二、三人 (two or three, twelve or thirteen): a bare
 * number, 、 and the next number with a counter are one range. Adjacent
 * numbers only, the low end one digit (or, in kanji, a ten and one digit),
 * the high end one digit in the same script; not the tail of a list
 * (1、2、3人) or of a longer number, not ordinals (1、2位, 1、2番目, 第1、2).
 * The high end's value in *hi. */
static bool comma_pair(const kiji_doc *d, const amount *a, const amount *b, kj_num *hi)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    if (d->lang != KJ_LANG_JA || a->kind != 0 || a->ne != a->tok.ne || b->kind != NW_COUNTER ||
        b->ns != a->tok.ne + strlen("、") || !kj_at(s, n, a->tok.ne, "、") ||
        a->tok.kanji != b->tok.kanji || a->tok.vague || b->tok.vague || !a->tok.value.ok ||
        !b->tok.value.ok || a->tok.value.exp != 0 || b->tok.value.exp != 0 ||
        b->tok.ne - b->tok.ns != (b->tok.kanji ? strlen("三") : 1))
        return false;
    int64_t lo = a->tok.value.mant, h = b->tok.value.mant;
    if (lo >= 1 && lo <= 8 && a->tok.ne - a->tok.ns == (a->tok.kanji ? strlen("三") : 1)) {
        if (h != lo + 1)
            return false;
    } else if (a->tok.kanji && lo > 10 && lo < 99 && lo % 10 >= 1 && lo % 10 + 1 == h) {
        h = lo - lo % 10 + h; /* 十二、三: twelve or thirteen */
    } else {
        return false;
    }
    if (a->tok.ns > 0) {
        size_t k;
        uint32_t pc = kj_u8_prev(s, a->tok.ns, &k);
        if (kj_is_digit(pc) || kj_kanji_digit(pc) >= 0 || pc == '.' || pc == ',' ||
            pc == 0x3001 /* 、 */ || pc == 0x30FB /* ・ */ || pc == 0x7B2C /* 第 */ ||
            pc == 0x6570 /* 数 */)
            return false;
    }
    /* ordinal counters (ja/counters marks them): the first and the
     * second, not one or two */
    int32_t v;
    if (kj_dict_longest(d->p->numeric->ja_after, s, n, b->tok.ne, &v) && KIND(v) == NW_COUNTER &&
        INDEX(v) == NW_ORDINAL)
        return false;
    if (kj_at(s, n, b->ne, "目") || kj_at(s, n, b->ne, "、"))
        return false; /* 1、2回目; 2、3人、4人 */
    hi->mant = h;
    hi->exp = 0;
    hi->ok = true;
    return true;
}

/* The word before pos (across one space) starts with a capital letter:
 * "March 3", "Section 2", "Boeing 747" hold no compared amounts. */
static bool after_capital(const kiji_doc *d, size_t pos)
{
    size_t k = pos;
    if (k == 0 || (d->norm[k - 1] != ' ' && d->norm[k - 1] != '\n'))
        return false;
    k--;
    size_t e = k;
    while (k > 0 && e - k < 32 && (is_letter((unsigned char)d->norm[k - 1]) || d->norm[k - 1] == '.'))
        k--;
    return k < e && d->norm[k] >= 'A' && d->norm[k] <= 'Z';
}

/* A word of a fixed list, with its length (no strlen per compare). */
typedef struct {
    const char *w;
    size_t n;
} nlit;
#define NLIT(s) {s, sizeof s - 1}

/* English month names, full and abbreviated, as capitalized in dates. */
static const nlit en_months[] = {
    NLIT("January"), NLIT("February"), NLIT("March"), NLIT("April"),   NLIT("May"),
    NLIT("June"),    NLIT("July"),     NLIT("August"), NLIT("September"), NLIT("October"),
    NLIT("November"), NLIT("December"), NLIT("Jan"),   NLIT("Feb"),     NLIT("Mar"),
    NLIT("Apr"),     NLIT("Jun"),      NLIT("Jul"),   NLIT("Aug"),     NLIT("Sep"),
    NLIT("Sept"),    NLIT("Oct"),      NLIT("Nov"),   NLIT("Dec")};

/* Are the n bytes at w one of en_months? */
static bool en_month_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof en_months / sizeof *en_months; i++)
        if (en_months[i].n == n && memcmp(w, en_months[i].w, n) == 0)
            return true;
    return false;
}

/* Is the word right before ns (one space, after an optional '.') an English
 * month name, so the number at ns is a day of a date (April 1, Sept. 30)? */
static bool after_month(const kiji_doc *d, size_t ns)
{
    const char *s = d->norm;
    if (ns < 2 || s[ns - 1] != ' ')
        return false;
    size_t e = ns - 1;
    if (s[e - 1] == '.')
        e--;
    size_t w = e;
    while (w > 0 && e - w < 10 && is_letter((unsigned char)s[w - 1]))
        w--;
    if (w == e || (w > 0 && is_letter((unsigned char)s[w - 1])))
        return false;
    return en_month_word(s + w, e - w);
}

/* iPhone 2.0, Windows 3.1, version 1.5: a one-digit number with one or two
 * decimals right after a product's name (a capitalized or camel-case word)
 * or "version" names a release, not a measure (cases/en/quantity). */
static bool version_number(const kiji_doc *d, size_t ns, size_t ne)
{
    const char *s = d->norm;
    if (ne - ns < 3 || ne - ns > 4 || !is_digit((unsigned char)s[ns]) || s[ns + 1] != '.')
        return false;
    for (size_t k = ns + 2; k < ne; k++)
        if (!is_digit((unsigned char)s[k]))
            return false;
    if (ne < d->norm_len && (is_letter((unsigned char)s[ne]) || s[ne] == '%'))
        return false;
    if (ns < 3 || s[ns - 1] != ' ')
        return false;
    size_t w = ns - 1;
    while (w > 0 && ns - w < 24 && is_letter((unsigned char)s[w - 1]))
        w--;
    size_t wl = ns - 1 - w;
    if (wl < 2 || (w > 0 && !(s[w - 1] == ' ' || s[w - 1] == '\n' || s[w - 1] == '(')))
        return false;
    if ((wl == 7 && (memcmp(s + w, "version", 7) == 0 || memcmp(s + w, "Version", 7) == 0)))
        return true;
    /* a capital letter in the word: iPhone, Windows; not a sentence's
     * first word, which is capitalized anyway */
    bool cap = false;
    for (size_t k = w; k < ns - 1; k++)
        cap |= s[k] >= 'A' && s[k] <= 'Z';
    if (!cap || w < 2 || s[w - 2] == '.')
        return false;
    /* months and units written capitalized are no products */
    if (en_month_word(s + w, wl))
        return false;
    static const char *const no[] = {"No",      "Category", "Level", "Grade", "Class",
                                     "Section", "Article",  "Page",  NULL};
    for (int i = 0; no[i]; i++)
        if (strlen(no[i]) == wl && memcmp(s + w, no[i], wl) == 0)
            return false;
    return true;
}

/* ---- the recognizer ---------------------------------------------------------- */

/* A number after a hyphen that ends a product or model code: "VC-10
 * aircraft", "A340-600", "RB211-535E4 engines", "CFM56-7B", "F-16". The
 * code before the hyphen (up to 8 bytes, at a word edge) starts with a
 * capital letter and holds a digit or no small letter; "mid-30s",
 * "over-60s" and "1990-91" are no codes. The end of the code's last part
 * (*letter: a letter in it), or 0. */
static size_t code_part(const kiji_doc *d, size_t p, bool *letter)
{
    const char *s = d->norm;
    if (d->lang != KJ_LANG_EN || p < 2 || s[p - 1] != '-' || !is_digit((unsigned char)s[p]))
        return 0;
    size_t w = p - 1;
    while (w > 0 && p - 1 - w < 9 &&
           (is_letter((unsigned char)s[w - 1]) || is_digit((unsigned char)s[w - 1])))
        w--;
    if (w == p - 1 || p - 1 - w > 8 || (w > 0 && is_letter((unsigned char)s[w - 1])) ||
        !(s[w] >= 'A' && s[w] <= 'Z'))
        return 0;
    bool digit = false, small = false;
    for (size_t k = w; k < p - 1; k++) {
        digit |= is_digit((unsigned char)s[k]);
        small |= s[k] >= 'a' && s[k] <= 'z';
    }
    if (!digit && small)
        return 0;
    /* the rest of the code: "535E4", "-600" in A-300-600 */
    size_t e = p;
    *letter = false;
    while (e < d->norm_len && e - p < 16 &&
           (is_letter((unsigned char)s[e]) || is_digit((unsigned char)s[e]) ||
            (s[e] == '-' && e + 1 < d->norm_len &&
             (is_letter((unsigned char)s[e + 1]) || is_digit((unsigned char)s[e + 1]))))) {
        *letter |= is_letter((unsigned char)s[e]);
        e++;
    }
    return e;
}


typedef struct ctx {
    int explicit_usd;    /* money written as U.S./US$ dollars */
    int other_dollar;    /* first qualified non-US dollar currency, -1 */
    /* the last amount read with a unit (kind 0 = none) and the end of its
     * phrase: a bare number right after it and a comparison word takes its
     * unit (see inherit_unit) */
    amount last;
    size_t last_end;
    /* the last money amount read and its end: a results table's currency
     * (see table_row) */
    amount money;
    size_t money_end;
    int unit_kind;       /* kind of the last amount read with a unit that
                          * is no percentage or points (0 = none) */
    bool dollar_seen;    /* any $ / dollars / cents amount */
    bool pound_seen;     /* any amount in pounds or pence */
    int penny[32];       /* facts read from "penny" / "pennies" */
    size_t npenny;
} ctx;

/* Values compared in one phrase are of one order of magnitude: at most
 * 20 times apart (a zero goes with anything). */
static bool comparable(kj_num x, kj_num y)
{
    double a = fabs(kj_num_double(x)), b = fabs(kj_num_double(y));
    if (a == 0 || b == 0)
        return true;
    return a <= b * 20 && b <= a * 20;
}

/* A bare number whose unit is written only on the amount it is compared
 * with or changes into: 0.25から0.5%に, from 2.5 to 2.7 percent, to 3 from
 * 2 pct, 1.5 and 3 percent, 5.2 mln dlrs vs 4.8 mln. The number takes the
 * kind, currency and unit of u, and u's scale when it has none of its own
 * and only the scaled value is of u's order (from 4.8 to 5.2 billion dlrs,
 * 381 mln dlrs from 160); cents stay cents (52 cents vs 38). Not taken:
 * values far apart ("205,000 shares, or 12.8 pct"), a four-digit integer
 * ("from 1990 to 20 pct": a year) and the end of a fraction or a pair
 * ("1986/87 against 13.4 pct"). */
static bool inherit_unit(const kiji_doc *d, amount *a, const amount *u)
{
    if (a->kind != 0 || !a->value.ok || a->tok.vague || !u->value.ok ||
        (a->tok.digits == 4 && !a->tok.word && a->tok.ne - a->tok.ns == 4))
        return false;
    /* a unit to take: currency, percent, points, or a counter written out
     * (not an English figure read as a count with no unit: "3.92 billion") */
    if (u->kind != NW_CURRENCY && u->kind != NW_PERCENT && u->kind != NW_POINT &&
        (u->kind != NW_COUNTER || (!u->unit && u->ue <= u->us)))
        return false;
    if (a->ns > 0 && (d->norm[a->ns - 1] == '/' || d->norm[a->ns - 1] == '-'))
        return false;
    kj_num v = a->value;
    if (u->minor && !kj_num_scale(&v, -2))
        return false;
    if (!comparable(v, u->value)) {
        int sc = scale_of(d, &u->tok);
        if (!sc || has_scale(d, &a->tok) || a->ne != a->tok.ne || !kj_num_scale(&v, sc) ||
            !comparable(v, u->value))
            return false;
    }
    a->value = v;
    a->kind = u->kind;
    a->cur = u->cur;
    a->plain_dollar = u->plain_dollar;
    a->minor = u->minor;
    a->unit = u->unit;
    a->us = u->us;
    a->ue = u->ue;
    return true;
}

/* A bare number before × in a size (幅69×縦136×厚み17mm, 257×144×221mm,
 * W69×H136×D17mm, W69 x H136 x D17mm): it takes the unit of the first side
 * after it that has one, over at most DIM_SIDES sides, each after × (or an
 * x spaced or before a letter label) and an optional label of up to three
 * kanji or katakana (縦, 厚み, 奥行き) or one letter (W, H, D, L). Only a unit of length, area or
 * weight counts (not 3×4人, a product). */
#define DIM_SIDES 4
static bool dim_unit(kiji_doc *d, amount *a)
{
    static const char *const len[] = {"mm", "cm", "m", "km", "インチ", "ミリ", "センチ", "メートル"};
    const char *s = d->norm;
    size_t n = d->norm_len, k = a->ne;
    for (int side = 0; side < DIM_SIDES; side++) {
        /* W69 x H136 x D17mm: a spaced x, or x before a side's label
         * letter (W69xH136), joins sides too */
        size_t k0 = k;
        while (k < n && k - k0 < 2 && s[k] == ' ')
            k++;
        if (kj_at(s, n, k, "×")) {
            k += strlen("×");
        } else if (k < n && (s[k] == 'x' || s[k] == 'X') &&
                   (k > k0 || (k + 1 < n && (s[k + 1] == 'W' || s[k + 1] == 'H' ||
                                             s[k + 1] == 'D' || s[k + 1] == 'L')))) {
            k++;
        } else {
            return false;
        }
        while (k < n && k - k0 < 5 && s[k] == ' ')
            k++;
        /* a Latin label letter of a side (W, H, D, L) */
        if (k + 1 < n && (s[k] == 'W' || s[k] == 'H' || s[k] == 'D' || s[k] == 'L') &&
            is_digit((unsigned char)s[k + 1]))
            k++;
        for (int c = 0; c < 3 && k < n && !is_digit((unsigned char)s[k]); c++) {
            size_t k2 = k;
            uint32_t cp = kj_u8_next(s, n, &k2);
            if (!kj_is_kanji(cp) && !kj_is_katakana(cp) && !(cp >= 0x3041 && cp <= 0x3093))
                return false;
            k = k2;
        }
        amount b;
        if (!is_digit((unsigned char)s[k]) || !read_amount(d, k, &b, NUM_UNKNOWN) || b.ns != k)
            return false;
        if (b.kind == NW_COUNTER && b.ue > b.us) {
            for (size_t u = 0; u < sizeof len / sizeof *len; u++)
                if (b.ue - b.us == strlen(len[u]) && kj_at(s, n, b.us, len[u]))
                    return inherit_unit(d, a, &b);
            return false;
        }
        if (b.kind != 0 || b.ne != b.tok.ne)
            return false;
        k = b.ne;
    }
    return false;
}

/* A money amount after a currency symbol ("$3.5") and nothing after its
 * figure: where it is read (not "$3.5 billion", not "3.5 dlrs"). */
static bool symbol_bare(const kiji_doc *d, const amount *a)
{
    return a->kind == NW_CURRENCY && a->value.ok && !a->tok.vague && !a->minor &&
           a->ns < a->tok.ns && !is_digit((unsigned char)d->norm[a->ns]) && a->ne == a->tok.ne &&
           !has_scale(d, &a->tok);
}

/* A symbol amount with no scale compared with or listed next to a scaled
 * one in its currency takes that scale, where only the scaled value is of
 * the other's order: "rose to $3.5 from $2.9 billion", "$40, $50 and $60
 * million" (the rule inherit_unit keeps for bare numbers). */
static void symbol_scale(const kiji_doc *d, amount *a, const amount *u)
{
    if (!symbol_bare(d, a) || u->kind != NW_CURRENCY || u->cur != a->cur || !u->value.ok ||
        u->minor || u->ns >= u->tok.ns || is_digit((unsigned char)d->norm[u->ns]))
        return;
    int sc = scale_of(d, &u->tok);
    kj_num v = a->value;
    if (!sc || comparable(v, u->value) || !kj_num_scale(&v, sc) || !comparable(v, u->value))
        return;
    a->value = v;
}

/* The bare numbers listed after the one from start to pos, each after ", "
 * ("3, 4 and 5 tonnes", "10, 20, or 30 pct"; at most LIST_ITEMS): where
 * the " and " or " or " before the last one starts (after a serial
 * comma), or pos when no such list follows. */
#define LIST_ITEMS 8
static size_t list_tail(kiji_doc *d, size_t start, size_t pos)
{
    const char *s = d->norm;
    size_t n = d->norm_len, p = pos;
    /* the number is a list's second or later item ("10, 20, or") */
    bool mid = start >= 3 && (s[start - 1] == ' ' || s[start - 1] == '\n') &&
               s[start - 2] == ',' && is_digit((unsigned char)s[start - 3]);
    for (int k = 0; k < LIST_ITEMS; k++) {
        if (p + 2 >= n || s[p] != ',' || (s[p + 1] != ' ' && s[p + 1] != '\n'))
            return pos;
        /* a serial comma closes a list of three or more ("10, 20, or 30
         * pct"); after one number it ends a clause: "at 314, and 6,000
         * tonnes of palm olein" */
        if ((k > 0 || mid) && (at_ci_n(d, p + 1, " and ", 5) || at_ci_n(d, p + 1, " or ", 4)))
            return p + 1;
        if (!is_digit((unsigned char)s[p + 2]))
            return pos;
        amount b;
        if (!read_amount(d, p + 2, &b, NUM_UNKNOWN) || b.kind != 0 || b.tok.vague ||
            b.ne != b.tok.ne || b.tok.ns != p + 2)
            return pos;
        p = b.ne;
        if (at_ci_n(d, p, " and ", 5) || at_ci_n(d, p, " or ", 4))
            return p;
    }
    return pos;
}

/* "N of the [word] M units" with a the bare number N: it takes the unit of
 * M, a count with its noun right after the figure (see the caller). */
static void part_of_whole(kiji_doc *d, amount *a)
{
    static const nlit dets[] = {NLIT(" of the "), NLIT(" of its "), NLIT(" of their ")};
    size_t k = 0;
    for (size_t w = 0; w < sizeof dets / sizeof *dets && !k; w++)
        k = at_ci_n(d, a->ne, dets[w].w, dets[w].n);
    if (!k || k >= d->norm_len)
        return;
    /* one lower-case word before the figure: "outstanding", "remaining" */
    if (d->norm[k] >= 'a' && d->norm[k] <= 'z') {
        size_t j = k;
        while (j < d->norm_len && j - k < 16 && d->norm[j] >= 'a' && d->norm[j] <= 'z')
            j++;
        if (j >= d->norm_len || (d->norm[j] != ' ' && d->norm[j] != '\n'))
            return;
        k = j + 1;
    }
    amount b;
    if (k >= d->norm_len || !is_digit((unsigned char)d->norm[k]) || !read_amount(d, k, &b, NUM_UNKNOWN) ||
        b.ns != k || b.kind != NW_COUNTER || b.ue <= b.us || b.us > b.tok.ne + 1 || !b.value.ok ||
        !comparable(a->value, b.value))
        return;
    inherit_unit(d, a, &b);
}

/* English words that compare two amounts, each with a space on both sides
 * (matched by before_ci / at_ci): "to 3 from 2 pct", "5.2 mln vs 4.8 mln". */
static const nlit compare_words[] = {
    NLIT(" from "),    NLIT(" vs "),     NLIT(" vs. "),          NLIT(" versus "),
    NLIT(" against "), NLIT(" compared with "), NLIT(" compared to ")};

/* ASCII-case-insensitive "s[pos..) starts with the n bytes at lit", a
 * space in lit matching a space or a line break: the end of the match, or
 * 0. */
static size_t at_ci_n(const kiji_doc *d, size_t pos, const char *lit, size_t n)
{
    if (pos > d->norm_len || d->norm_len - pos < n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d->norm[pos + i], l = (unsigned char)lit[i];
        if (l == ' ') {
            if (c != ' ' && c != '\n')
                return 0;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != l)
            return 0;
    }
    return pos + n;
}

/* at_ci_n for a NUL-terminated lit */
static size_t at_ci(const kiji_doc *d, size_t pos, const char *lit)
{
    return at_ci_n(d, pos, lit, strlen(lit));
}

/* The row label at [ls, le) with a trailing " loss" / " profit" dropped,
 * lower-cased into w: its en/table_rows value, 0 when none. */
static int row_label(const kiji_doc *d, size_t ls, size_t le)
{
    const char *s = d->norm;
    char w[48];
    size_t n = le - ls;
    if (n == 0 || n >= sizeof w)
        return 0;
    for (size_t j = 0; j < n; j++)
        w[j] = (char)(s[ls + j] >= 'A' && s[ls + j] <= 'Z' ? s[ls + j] + 32 : s[ls + j]);
    const kj_dict *rows = d->p->numeric->en_table_rows;
    int32_t v = 0;
    if (kj_dict_get(rows, w, n, &v))
        return v;
    static const char *const after[] = {" loss", " profit"};
    for (size_t t = 0; t < 2; t++) {
        size_t an = strlen(after[t]);
        if (n > an && memcmp(w + n - an, after[t], an) == 0 && kj_dict_get(rows, w, n - an, &v))
            return v;
    }
    return 0;
}

/* Whether the line starting at ls (its row label unknown) is one of the
 * parts a sub-heading of the table lists: the lines above it, at most 8
 * and 480 bytes, are rows of the same shape (a capitalized label, then a
 * figure and "vs") up to a line "<label of a money row> includes -" (or
 * "include", "comprises"; "-" or ":"): "Operating profit includes - /
 * Retail 12.4 mln vs 10.1 mln / Wholesale 3.2 mln vs 2.9 mln". The parts
 * of a money row are money (1); none else (0). A line of another shape
 * (a note, a period line) ends the search: the table's rule runs to the
 * sub-heading's last part and no further. */
static int subheading_rows(const kiji_doc *d, size_t ls)
{
    const char *s = d->norm;
    size_t e = ls; /* the end of the line above, after its '\n' */
    for (int lines = 0; lines < 8 && e > 0 && s[e - 1] == '\n' && ls - e < 480; lines++) {
        size_t b = e - 1;
        while (b > 0 && s[b - 1] != '\n' && e - b < 120)
            b--;
        if (b > 0 && s[b - 1] != '\n')
            return 0;
        size_t t = b, le = e - 1;
        while (t < le && s[t] == ' ')
            t++;
        while (le > t && s[le - 1] == ' ')
            le--;
        if (t >= le || s[t] < 'A' || s[t] > 'Z')
            return 0;
        size_t x = t;
        while (x < le && (is_letter((unsigned char)s[x]) || s[x] == ' ' || s[x] == '-'))
            x++;
        if (x < le) {
            /* a row of the same shape: label, figure, vs */
            bool vs = false;
            for (size_t j = x; j + 3 <= le && !vs; j++)
                vs = s[j] == ' ' && s[j + 1] == 'v' && s[j + 2] == 's';
            if (!is_digit((unsigned char)s[x]) || !vs)
                return 0;
            e = b;
            continue;
        }
        /* no figure: the sub-heading, or the search ends */
        size_t h = le;
        if (s[h - 1] == '-' || s[h - 1] == ':')
            h--;
        else
            return 0;
        while (h > t && s[h - 1] == ' ')
            h--;
        static const char *const verbs[] = {" includes", " include", " comprises"};
        for (size_t q = 0; q < sizeof verbs / sizeof *verbs; q++) {
            size_t vn = strlen(verbs[q]);
            if (h > t + vn && memcmp(s + h - vn, verbs[q], vn) == 0)
                return row_label(d, t, h - vn) == 1 ? 1 : 0;
        }
        return 0;
    }
    return 0;
}

/* The money amount of a parenthetical conversion at pos, closed by ")"
 * right after it: one amount ("($3.3 million)") or a range of them
 * ("($3.3-5.5 million)", "($3.3 to $5.5 million)", "(3.3 to 5.5 mln
 * dlrs)"), its high end into *max then (a low end without the scale
 * takes the high end's: 3.3 -> 3.3 million). Not a change (から...に)
 * nor a range running downwards. */
static bool read_conversion(kiji_doc *d, size_t pos, amount *c, kj_num *max)
{
    max->ok = false;
    if (!read_amount(d, pos, c, NUM_UNKNOWN) || c->kind == NW_TIME)
        return false;
    const char *s = d->norm;
    if (c->kind == NW_CURRENCY && c->ne < d->norm_len && s[c->ne] == ')')
        return true;
    if (!c->value.ok || c->tok.vague || (c->kind != NW_CURRENCY && c->kind != 0))
        return false;
    bool kara;
    size_t rc = range_connector(d, c->kind ? c->ne : c->tok.ne, false, &kara);
    if (!rc || kara)
        return false;
    if (rc < d->norm_len && s[rc] == ' ')
        rc++;
    amount b;
    if (rc >= d->norm_len || !read_amount(d, rc, &b, NUM_UNKNOWN) || b.ne >= d->norm_len ||
        s[b.ne] != ')' || !b.value.ok || b.tok.vague || (b.kind != NW_CURRENCY && b.kind != 0) ||
        (c->kind != NW_CURRENCY && b.kind != NW_CURRENCY) ||
        (c->cur >= 0 && b.cur >= 0 && c->cur != b.cur))
        return false;
    kj_num lo = c->value;
    int sc = scale_of(d, &b.tok);
    if (sc && !has_scale(d, &c->tok) && c->ne == c->tok.ne)
        kj_num_scale(&lo, sc);
    if (kj_num_double(lo) > kj_num_double(b.value))
        return false;
    if (b.kind == NW_CURRENCY) {
        /* (3.3 to 5.5 mln dlrs), ($3.3 to $5.5 million): the high end's
         * unit */
        amount m = b;
        m.value = lo;
        m.ns = c->ns;
        if (m.cur < 0)
            m.cur = c->cur;
        *c = m;
    } else {
        /* ($3.3-5.5 million): the currency before the low end, the
         * scale after the high end */
        if (c->ue > c->tok.ns || c->minor)
            return false;
        c->value = lo;
        c->ne = b.ne;
    }
    *max = b.value;
    max->ok = true;
    return true;
}

/* Whether the figure at pos is in a row of a results table, and which:
 * 1 a row of money, 2 a row of counts ("Avg shrs"), 0 none. Its line
 * (from a line break or the dateline's " - ", at most 96 bytes back)
 * starts with a capitalized label of en/table_rows (its value: "Net",
 * "Oper net", "Revs" 1; "Avg shrs" 2; with "loss" or "profit" after it: "Net loss"), then the figure,
 * or the row's first figure and "vs" ("Net 1,545,160 vs 2,188,933", "Net
 * loss 12,000 vs profit 45,000"); or a row of another label listed under
 * a sub-heading of a money row (subheading_rows). */
static int table_row(const kiji_doc *d, size_t pos)
{
    const char *s = d->norm;
    /* the line's start k: after the last line break or " - " after a
     * figure in the 96 bytes before pos, whichever is nearer. Both are
     * rare bytes: memrchr finds the break, then the hyphens after it */
    size_t lo = pos > 96 ? pos - 96 : 0, ls = pos, k = 0;
    const char *nl = memrchr(s + lo, '\n', pos - lo);
    bool found = nl != NULL;
    if (nl)
        k = (size_t)(nl - s) + 1;
    /* the hyphen m of " - " whose last space lies at or past from (past
     * the break), m - 2 a digit (m >= 2) */
    size_t from = found ? k : lo, mlo = from > 3 ? from - 1 : 2;
    for (size_t end = pos > 1 ? pos - 1 : 0; end > mlo;) {
        const char *q = memrchr(s + mlo, '-', end - mlo);
        if (!q)
            break;
        size_t m = (size_t)(q - s);
        if (s[m + 1] == ' ' && s[m - 1] == ' ' && is_digit((unsigned char)s[m - 2])) {
            k = m + 2;
            found = true;
            break;
        }
        end = m;
    }
    if (!found)
        return 0;
    ls = k;
    while (ls < pos && s[ls] == ' ')
        ls++;
    if (ls >= pos || s[ls] < 'A' || s[ls] > 'Z')
        return 0;
    /* the label: letters, spaces and hyphens up to the first figure */
    size_t le = ls;
    while (le < pos && (is_letter((unsigned char)s[le]) || s[le] == ' ' || s[le] == '-'))
        le++;
    if (le < pos) {
        /* the row's first figure, then vs [loss|profit] */
        if (!is_digit((unsigned char)s[le]))
            return 0;
        static const char *const tails[] = {"vs ", "vs. ", "vs loss ", "vs profit ",
                                            "vs. loss ", "vs. profit "};
        bool tail = false;
        for (size_t t = 0; t < sizeof tails / sizeof *tails && !tail; t++) {
            size_t n = strlen(tails[t]);
            tail = pos - le > n && at_ci(d, pos - n, tails[t]) == pos;
        }
        for (size_t j = le; tail && j < pos; j++)
            if (s[j] == ';' || s[j] == '\n' || (s[j] == '.' && s[j + 1] == ' '))
                tail = false;
        if (!tail)
            return 0;
    }
    while (le > ls && s[le - 1] == ' ')
        le--;
    int v = row_label(d, ls, le);
    if (v)
        return v;
    /* a part under a sub-heading: the row's shape, its first figure
     * right after the label and "vs" after it on the line */
    size_t f = le;
    while (f < pos && s[f] == ' ')
        f++;
    bool vs = false;
    for (size_t j = f; j + 3 <= d->norm_len && j - f < 80 && s[j] != '\n' && !vs; j++)
        vs = s[j] == ' ' && s[j + 1] == 'v' && s[j + 2] == 's';
    return vs && f < d->norm_len && is_digit((unsigned char)s[f]) ? subheading_rows(d, k) : 0;
}

/* " each", " a share" or " per share" at pos: a price per unit ends there. */
static bool per_unit_at(const kiji_doc *d, size_t pos)
{
    return at_ci(d, pos, " each") || at_ci(d, pos, " a share") || at_ci(d, pos, " per share");
}

/* Whether the words in [from, to) (at most a few dozen bytes) compare what
 * comes before them with what follows: a compare word or "and" ends there
 * (" in May from ", ", fob, from ", " in April and "), with no sentence or
 * clause break (". ", ";") before it; or "to" where the figure at to,
 * ending at ne, is itself compared with one after it: a second change
 * in the clause ("212,300 tonnes from 198,700 and exports to 64,100 from
 * 59,800"; not "bringing the workforce to 1,500 at the end"). */
static bool compared_since(const kiji_doc *d, size_t from, size_t to, size_t ne)
{
    static const nlit last_words[] = {
        NLIT(" from "),    NLIT(" vs "),            NLIT(" vs. "),         NLIT(" versus "),
        NLIT(" against "), NLIT(" compared with "), NLIT(" compared to "), NLIT(" and ")};
    if (to > d->norm_len || from >= to)
        return false;
    for (size_t k = from; k < to; k++) {
        char c = d->norm[k];
        bool stop = c == '.' && k + 1 < to && (d->norm[k + 1] == ' ' || d->norm[k + 1] == '\n');
        if (c == ';' || stop)
            return false;
    }
    for (size_t w = 0; w < sizeof last_words / sizeof *last_words; w++) {
        size_t n = last_words[w].n;
        if (to - from >= n && at_ci_n(d, to - n, last_words[w].w, n) == to)
            return true;
    }
    if (to - from < 4 || at_ci_n(d, to - 4, " to ", 4) != to)
        return false;
    for (size_t w = 0; w < sizeof compare_words / sizeof *compare_words; w++)
        if (at_ci_n(d, ne, compare_words[w].w, compare_words[w].n))
            return true;
    return false;
}

/* At most `ends` sentence ends (". ", a line break before an indented
 * line or a blank one) in [from, to), at most 160 bytes. */
static bool same_clause_run(const kiji_doc *d, size_t from, size_t to, int ends)
{
    for (size_t k = from; k < to && k < d->norm_len; k++) {
        char c = d->norm[k], n = k + 1 < d->norm_len ? d->norm[k + 1] : 0;
        if ((c == '.' && (n == ' ' || n == '\n')) || (c == '\n' && (n == ' ' || n == '\n'))) {
            if (ends-- == 0)
                return false;
            if (c == '.' && n == '\n')
                k++; /* ".\n    ": one end */
        }
    }
    return true;
}

/* Whether a word that may be a noun of its own follows pos: a small
 * letter word but the few that go on after a compared count ("from 4,000
 * staff" has its noun; "from 3.1 mln last year", "from 900 in May" do
 * not). */
static bool noun_next(const kiji_doc *d, size_t pos)
{
    static const char *const go_on[] = {"in ",   "last ", "a ",    "at ",      "on ",   "for ",
                                        "this ", "the ",  "and ",  "or ",      "now",   "year",
                                        "earlier", "previously", "during ", "ago", NULL};
    const char *s = d->norm;
    if (pos + 1 >= d->norm_len || (s[pos] != ' ' && s[pos] != '\n') || s[pos + 1] < 'a' ||
        s[pos + 1] > 'z')
        return false;
    for (int w = 0; go_on[w]; w++)
        if (kj_at(s, d->norm_len, pos + 1, go_on[w]))
            return false;
    return true;
}

/* Whether a bare figure at pos is set against the percentage or money
 * amount that ends at from, with no other figure between (at most 120
 * bytes): a compare word in the same sentence ("grew 0.6 pct against a
 * revised fall of 0.4", "closed at 41 pesos, down from 43.25"), or a
 * bound word right before the figure (qual: over, under, at least, at
 * most) in that sentence or the next ("the rate held at 4.1 pct. Above 5
 * it would ..."). */
static bool set_against(const kiji_doc *d, size_t from, size_t pos, int qual)
{
    static const char *const words[] = {" from ", " vs ", " vs. ", " versus ", " against ",
                                        " compared with ", " compared to ", " than "};
    if (from >= pos || pos - from > 120)
        return false;
    for (size_t k = from; k < pos; k++)
        if (is_digit((unsigned char)d->norm[k]) || d->norm[k] == ';')
            return false;
    if (qual >= 2 && qual <= 5)
        return same_clause_run(d, from, pos, 1);
    if (!same_clause_run(d, from, pos, 0))
        return false;
    for (size_t k = from; k < pos; k++)
        for (size_t w = 0; w < sizeof words / sizeof *words; w++)
            if (at_ci(d, k, words[w]))
                return true;
    return false;
}

/* Whether a number with a counted noun follows in the sentence from
 * `from` (within 120 bytes): "rose from 3 mln and then 2 mln tonnes". */
static bool counted_later(kiji_doc *d, size_t from)
{
    size_t lim = from + 120 < d->norm_len ? from + 120 : d->norm_len;
    for (size_t k = from; k < lim; k++) {
        char c = d->norm[k], n = k + 1 < d->norm_len ? d->norm[k + 1] : 0;
        if ((c == '.' && (n == ' ' || n == '\n')) || (c == '\n' && (n == ' ' || n == '\n')))
            return false;
        if (c >= '0' && c <= '9' && !(d->norm[k - 1] >= '0' && d->norm[k - 1] <= '9')) {
            amount b;
            if (read_amount(d, k, &b, NUM_UNKNOWN) && b.kind == NW_COUNTER)
                return true;
        }
    }
    return false;
}

static int fact_type(int kind)
{
    switch (kind) {
    case NW_CURRENCY: return KIJI_FACT_MONEY;
    case NW_PERCENT:
    case NW_POINT: return KIJI_FACT_PERCENT;
    case NW_COUNTER: return KIJI_FACT_QUANTITY;
    default: return KIJI_FACT_NUMBER;
    }
}

static int emit(kiji_doc *d, const amount *a, size_t ns, size_t ne, int qual, const kj_num *max)
{
    const struct kj_numeric *nd = d->p->numeric;
    int type = fact_type(a->kind);
    if (type == KIJI_FACT_NUMBER && a->tok.vague)
        type = KIJI_FACT_QUANTITY; /* 数百, dozens: a vague count */
    int idx = kj_fact_add(d, type, ns, ne);
    if (idx < 0)
        return -1;
    kj_fact *f = kj_fact_at(d, idx);
    f->qualifier = qual;
    if (a->value.ok && !a->tok.vague)
        f->value = a->value;
    if (max && max->ok)
        f->max = *max;
    if (type == KIJI_FACT_MONEY && a->cur >= 0 && (size_t)a->cur < nd->ncodes && a->cur != nd->none)
        kj_attr_str(d, f, "currency", nd->codes[a->cur]);
    if (type == KIJI_FACT_QUANTITY || type == KIJI_FACT_PERCENT) {
        if (a->unit)
            kj_attr_str(d, f, "unit", a->unit);
        else if (a->ue > a->us && type == KIJI_FACT_QUANTITY) {
            /* as written, but a line break or a run of spaces inside a
             * unit of two words (basis\npoints) is one space */
            char u[64];
            size_t n = 0, k = a->us;
            for (; k < a->ue && n < sizeof u; k++) {
                char b = d->norm[k];
                bool ws = b == ' ' || b == '\n' || b == '\t' || b == '\r';
                if (ws && n > 0 && u[n - 1] == ' ')
                    continue;
                u[n++] = ws ? ' ' : b;
            }
            if (k == a->ue)
                kj_attr_strn(d, f, "unit", u, n);
            else
                kj_attr_strn(d, f, "unit", d->norm + a->us, a->ue - a->us);
        }
    }
    if (a->tok.vague)
        kj_attr_bool(d, f, "vague", true);
    if (type != KIJI_FACT_NUMBER)
        kj_claim(d, ns, ne, (uint8_t)type);
    return idx;
}

static bool has_sub(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, lit, m) == 0)
            return true;
    return false;
}

/* Two amounts bounding one range from either side (a's bound is the lower
 * one when `lower`): the range in *r (the amount with a kind, the currency
 * either gives) and *hi, when low < high. */
static bool join_bounds(const amount *a, const amount *b, bool lower, amount *r, kj_num *hi)
{
    kj_num lo = lower ? a->value : b->value, h = lower ? b->value : a->value;
    if (!(kj_num_double(lo) < kj_num_double(h)))
        return false;
    *r = a->kind || !b->kind ? *a : *b;
    if (r->cur < 0)
        r->cur = a->cur >= 0 ? a->cur : b->cur;
    r->value = lo;
    *hi = h;
    return true;
}

/* After a bounded amount a (qualifier q) ending at pos: ", and", "and",
 * "but" or "," and an amount bounded the other way. The range (low end in
 * r->value, high end in *hi, unit from the one that has it) and its end. */
static bool bound_pair(kiji_doc *d, size_t pos, const amount *a, int q, amount *r, kj_num *hi,
                       size_t *end)
{
    static const char *const conn[] = {", and ", " and ", " but ", ", "};
    const char *s = d->norm;
    size_t n = d->norm_len, k = 0;
    for (int c = 0; c < 4 && !k; c++)
        if (kj_at(s, n, pos, conn[c]))
            k = pos + strlen(conn[c]);
    if (!k)
        return false;
    const kj_wordlist *wl = d->p->numeric->en_qual_pre_list;
    if (!wl)
        return false;
    size_t best = 0;
    int q2 = 0;
    for (size_t w = 0; w < wl->n; w++) {
        d->work++;
        const char *line = wl->lines[w];
        const char *tab = strchr(line, '\t');
        size_t l = tab ? (size_t)(tab - line) : strlen(line);
        if (l <= best || k + l + 1 >= n || s[k + l] != ' ')
            continue;
        bool eq = true;
        for (size_t x = 0; x < l && eq; x++) {
            char c = s[k + x];
            eq = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c) == line[x];
        }
        if (eq) {
            best = l;
            q2 = tab ? atoi(tab + 1) : 0;
        }
    }
    bool lower = q == 2 || q == 3, lower2 = q2 == 2 || q2 == 3;
    amount b;
    if (!best || q2 < 2 || q2 > 5 || lower == lower2 ||
        !read_amount(d, k + best + 1, &b, NUM_UNKNOWN) || b.kind == NW_TIME ||
        (a->kind && b.kind && a->kind != b.kind) ||
        (a->cur >= 0 && b.cur >= 0 && a->cur != b.cur) || !a->value.ok || !b.value.ok)
        return false;
    if (!join_bounds(a, &b, lower, r, hi))
        return false;
    *end = b.ne;
    return true;
}

/* The Japanese pair: 100以上300以下, 20より大きく35以下, 1000以上、1500以下,
 * 50以下20以上: after an amount whose qualifier ends at pos, another
 * amount whose own qualifier bounds it the other way. */
static bool bound_pair_ja(kiji_doc *d, size_t pos, const amount *a, int q, amount *r, kj_num *hi,
                          size_t *end)
{
    static const char *const sep[] = {"、", ",", "が", "で"};
    const char *s = d->norm;
    size_t n = d->norm_len, k = pos;
    for (int c = 0; c < 4; c++)
        if (kj_at(s, n, k, sep[c])) {
            k += strlen(sep[c]);
            break;
        }
    if (k < n && s[k] == ' ')
        k++;
    amount b;
    if (k >= n || !read_amount(d, k, &b, NUM_UNKNOWN) || b.kind == NW_TIME ||
        (a->kind && b.kind && a->kind != b.kind) ||
        (a->cur >= 0 && b.cur >= 0 && a->cur != b.cur) || !a->value.ok || !b.value.ok)
        return false;
    size_t qe2;
    bool in2;
    int q2 = qual_after(d, b.ne, &qe2, &in2);
    bool lower = q == 2 || q == 3, lower2 = q2 == 2 || q2 == 3;
    if (!in2 || q2 < 2 || q2 > 5 || lower == lower2)
        return false;
    if (!join_bounds(a, &b, lower, r, hi))
        return false;
    *end = qe2;
    return true;
}

/* Words of movement before a change: "crude was down $1.94 to $81.20",
 * "rose by 3 pct to 12 pct", "shed 40 cents to $12.10". */
static const char *const move_words[] = {
    "down",    "up",      "by",        "rose",      "fell",     "dropped",  "climbed",
    "gained",  "lost",    "slipped",   "jumped",    "eased",    "added",    "shed",
    "rising",  "falling", "increased", "decreased", "declined", "slid",     "tumbled",
    "soared",  "plunged", "advanced",  "retreated", "firmed",   "weakened", "edged up",
    "edged down", "raised",  "lowered",   "cut",       "reduced",  "lifted",   "hiked",
    "boosted",    "trimmed", "slashed"};

/* Verbs of movement that take an object before the change. */
static const char *const move_transitive[] = {"raised",  "lowered", "cut",       "reduced",
                                              "lifted",  "hiked",   "boosted",   "trimmed",
                                              "slashed", "increased", "decreased"};

/* The object of a transitive verb of movement between it and the change:
 * "raised its semi-annual dividend 12 cts to 1.85 dlrs", "cut the
 * posted price of its heavy crude 1.25 dlrs to 15.50 dlrs". p ends the object (the text before the
 * amount, spaces left out): is it a phrase of at most eight lower-case
 * words (semi-annual) whose first is a determiner (its, their, the, his, her) right after one
 * of move_transitive? */
static bool object_moved(const kiji_doc *d, size_t p)
{
    static const char *const det[] = {"its", "their", "the", "his", "her"};
    const char *s = d->norm;
    for (int w = 0; w < 8 && p > 1; w++) {
        size_t b = p;
        while (b > 0 && p - b < 24 && ((s[b - 1] >= 'a' && s[b - 1] <= 'z') || s[b - 1] == '-'))
            b--;
        if (b == p || b == 0 || (s[b - 1] != ' ' && s[b - 1] != '\n'))
            return false;
        for (size_t k = 0; k < sizeof det / sizeof det[0]; k++) {
            if (p - b != strlen(det[k]) || memcmp(s + b, det[k], p - b) != 0)
                continue;
            for (size_t v = 0; v < sizeof move_transitive / sizeof move_transitive[0]; v++)
                if (before_ci(d, b - 1, move_transitive[v]) != SIZE_MAX)
                    return true;
        }
        p = b - 1;
    }
    return false;
}

/* "from" right before qs starts a change ("from $3 to $5"), unless a word
 * of extent leads it: "ranging from $3 to $5", "anywhere from 3 to 5"
 * bound one range. */
static bool from_change(const kiji_doc *d, size_t qs)
{
    static const char *const extent[] = {"range ",    "ranges ",  "ranged ", "ranging ",
                                         "vary ",     "varies ",  "varied ", "varying ",
                                         "anywhere ", "anything "};
    size_t st = before_ci(d, qs > 0 ? qs - 1 : 0, "from");
    if (st == SIZE_MAX)
        return false;
    for (size_t k = 0; k < sizeof extent / sizeof *extent; k++)
        if (before_ci(d, st, extent[k]) != SIZE_MAX)
            return false;
    return true;
}

/* After a word of movement, "X to Y" with a unit on both ends is the
 * change and the level it led to, not a range, when "by" says so or the
 * ends are too far apart for
 * one range (more than 4x: a range's ends are of one order, a change and
 * the level it reached are not). "shares fell 3 to 5 pct" stays a range;
 * "was raised 25 cts to 7.75 dlrs" is two amounts. */
static bool moved_by(const kiji_doc *d, size_t qs, const amount *a, const amount *b)
{
    size_t p = qs;
    while (p > 0 && (d->norm[p - 1] == ' ' || d->norm[p - 1] == '\n') && qs - p < 3)
        p--;
    if (p == qs)
        return false;
    bool obj = object_moved(d, p);
    size_t nm = sizeof move_words / sizeof move_words[0];
    for (size_t k = 0; k <= nm; k++) {
        const char *mw = k < nm ? move_words[k] : "";
        if (k < nm ? before_ci(d, p, mw) == SIZE_MAX : !obj)
            continue;
        /* "expand by 25 to 30 pct": a low end without its unit is a range */
        if (a->kind == 0)
            return false;
        if (strcmp(mw, "by") == 0)
            return true;
        double lo = kj_num_double(a->value), hi = kj_num_double(b->value);
        if (lo <= 0)
            return false;
        if (has_scale(d, &b->tok) && !has_scale(d, &a->tok) && a->ne == a->tok.ne)
            return false; /* "rose $3 to $5 billion": one scale for both ends */
        return hi > 4 * lo;
    }
    return false;
}

/* Try a whole amount phrase at i; returns the end of what was read (0 =
 * nothing starts here). */
/* "forty-five (45)", "twelve (12) months": a figure in brackets right
 * after the same number written in words restates it, no number of its
 * own. The words are looked for back from the bracket, at most
 * RESTATE_WORDS words within RESTATE_BYTES bytes. */
#define RESTATE_WORDS 8
#define RESTATE_BYTES 64
static bool restated(kiji_doc *d, const amount *a)
{
    const char *s = d->norm;
    size_t ns = a->tok.ns;
    if (d->lang != KJ_LANG_EN || a->kind != 0 || a->tok.word || a->tok.vague || !a->tok.value.ok ||
        ns < 3 || s[ns - 1] != '(' || s[ns - 2] != ' ' || a->tok.ne >= d->norm_len ||
        s[a->tok.ne] != ')')
        return false;
    size_t end = ns - 2, b = end;
    for (int words = 0; words < RESTATE_WORDS && b > 0 && end - b < RESTATE_BYTES; words++) {
        size_t k = b;
        while (k > 0 && end - k < RESTATE_BYTES &&
               (is_letter((unsigned char)s[k - 1]) || s[k - 1] == '-'))
            k--;
        if (k == b || !is_letter((unsigned char)s[k]))
            return false;
        kj_numtok t;
        if (kj_num_scan(d, k, &t) && t.word && !t.vague && t.value.ok && t.ns == k && t.ne == end)
            return kj_num_double(t.value) == kj_num_double(a->tok.value);
        if (k == 0 || (s[k - 1] != ' ' && s[k - 1] != '\n'))
            return false;
        b = k - 1;
    }
    return false;
}

static size_t phrase_at(kiji_doc *d, size_t i, enum num_hint hint, ctx *cx, int *plain,
                        size_t *nplain, size_t capplain)
{
    amount a;
    if (!read_magnitude(d, i, &a) && !read_amount(d, i, &a, hint))
        return 0;
    if (a.kind == NW_TIME)
        return a.tok.ne; /* the date recognizer's */
    if (restated(d, &a))
        return a.tok.ne + 1;
    /* RB211-535E4 engines, VC-10 aircraft: a code, no amount; a bare
     * number stays one ("SCP-173") */
    bool code_letter = false;
    size_t ce = code_part(d, a.tok.ns + (d->norm[a.tok.ns] == '-'), &code_letter);
    if (ce && (a.kind != 0 || code_letter))
        return ce > a.tok.ne ? ce : a.tok.ne;
    size_t ns = a.ns, ne = a.ne;
    kj_num max = {0, 0, false};

    /* prefix qualifier (約400発, about 3.5 pct, between 15 and 24) */
    size_t qs = ns;
    int qual = qual_before(d, ns, &qs);
    /* the span's start below needs whether a qualifier was read before
     * the amount (qs holds its start then): qual itself may change */
    bool qual_pre = qual != 0;
    bool between = false;
    if (!qual && d->lang == KJ_LANG_EN) {
        size_t st = ns > 0 ? before_ci(d, ns - 1, "between") : SIZE_MAX;
        if (st != SIZE_MAX && (d->norm[ns - 1] == ' ' || d->norm[ns - 1] == '\n')) {
            between = true;
            qs = st;
        }
    }

    /* range: a low end (with or without the unit) and a high end; a bare
     * number after a month name is a day (beginning April 1 to 110 billion
     * dlrs), no low end */
    bool kara;
    size_t rc = range_connector(d, a.kind ? a.ne : a.tok.ne, between, &kara);
    /* 2、3人: 、 joins two adjacent numbers (comma_pair checks the rest) */
    bool comma = false;
    if (!rc && d->lang == KJ_LANG_JA && a.kind == 0 && a.ne == a.tok.ne &&
        kj_at(d->norm, d->norm_len, a.tok.ne, "、"))
        rc = a.tok.ne + strlen("、"), comma = true;
    if (rc && d->lang == KJ_LANG_EN && a.kind == 0 && after_month(d, a.ns))
        rc = 0;
    /* 3.85/95 pct, 1.8520/30 marks: a bid/offer quote, the high end
     * written as the low end's last digits (3.95), no more of them than
     * the low end has decimals; a range */
    int slash = 0;
    int decs = 0; /* the low end's decimals as written (3.80: two) */
    /* the low end's mantissa under 10^12: with up to six digits added
     * below (its written decimals) and a step of 10^4, the high end
     * stays inside int64 */
    if (!rc && d->lang == KJ_LANG_EN && a.kind == 0 && a.ne == a.tok.ne && a.tok.value.ok &&
        a.tok.value.mant >= 0 && a.tok.value.mant < INT64_C(1000000000000) &&
        a.tok.ne < d->norm_len && d->norm[a.tok.ne] == '/') {
        size_t dot = a.tok.ne;
        while (dot > a.tok.ns && a.tok.ne - dot < 6 && is_digit((unsigned char)d->norm[dot - 1]))
            dot--;
        if (dot > a.tok.ns && d->norm[dot - 1] == '.')
            decs = (int)(a.tok.ne - dot);
        size_t k = a.tok.ne + 1;
        while (k < d->norm_len && k - a.tok.ne <= 4 && is_digit((unsigned char)d->norm[k]))
            k++;
        int nd = (int)(k - a.tok.ne - 1);
        if (nd >= 1 && nd <= decs &&
            (k >= d->norm_len || (d->norm[k] != '/' && d->norm[k] != '.' && d->norm[k] != ',' &&
                                  !is_digit((unsigned char)d->norm[k])))) {
            rc = a.tok.ne + 1;
            slash = nd;
        }
    }
    /* "1.5 to 2 years", "2.5-3 months", "2 to 2.5 years": a bare low end
     * before a length is the date recognizer's range of lengths, as the
     * high end is (it reads a high end with at most three decimals, as
     * its lengths do: 1.5 to 2.555 hours) */
    if (rc && d->lang == KJ_LANG_EN && a.kind == 0 && a.ne == a.tok.ne && !slash) {
        size_t tp = rc < d->norm_len && d->norm[rc] == ' ' ? rc + 1 : rc, ms;
        amount t;
        int32_t tv;
        const char *dp;
        if (read_amount(d, tp, &t, NUM_UNKNOWN) && t.kind == NW_TIME && t.ns == tp &&
            (!(dp = memchr(d->norm + t.tok.ns, '.', t.tok.ne - t.tok.ns)) ||
             (size_t)(d->norm + t.tok.ne - dp) <= 4) &&
            en_lookup(d, d->p->numeric->en_after, t.tok.ne, false, &tv, &ms) &&
            KIND(tv) == NW_TIME)
            return a.tok.ne;
    }
    if (rc) {
        size_t bpos = rc;
        if (d->lang == KJ_LANG_EN && bpos < d->norm_len && d->norm[bpos] == ' ')
            bpos++;
        amount b;
        kj_num comma_hi = {0, 0, false};
        bool change = false;
        /* US$300 to 350 million, $3,000 to 5,000: a currency written
         * before the low end is the bare high end's too */
        bool lead_cur = false;
        if (bpos < d->norm_len && read_amount(d, bpos, &b, NUM_UNKNOWN) && b.kind != NW_TIME &&
            (a.kind == 0 || a.kind == b.kind ||
             (lead_cur = d->lang == KJ_LANG_EN && a.kind == NW_CURRENCY && b.kind == 0 &&
                         !a.minor && a.ue <= a.tok.ns && a.ne == a.tok.ne && b.value.ok &&
                         !b.tok.vague)) &&
            (a.cur < 0 || b.cur < 0 || a.cur == b.cur) &&
            (!comma || comma_pair(d, &a, &b, &comma_hi)) &&
            (!slash || (b.kind != 0 && b.ns == bpos && b.tok.ne == bpos + (size_t)slash &&
                        b.value.ok && b.value.exp == 0 && !has_scale(d, &b.tok)))) {
            if (slash) {
                /* the low end with its last digits replaced; 3.95/05: over
                 * the next whole step (4.05) */
                int64_t step = 1;
                for (int k = 0; k < slash; k++)
                    step *= 10;
                comma_hi = a.tok.value;
                for (int k = 0; k < 6 && comma_hi.exp > -decs; k++) {
                    comma_hi.mant *= 10;
                    comma_hi.exp--;
                }
                int64_t lo_m = comma_hi.mant;
                comma_hi.mant = lo_m - lo_m % step + b.value.mant;
                if (comma_hi.mant < lo_m)
                    comma_hi.mant += step;
                comma = true; /* the high end is comma_hi */
            }
            if (kara) {
                /* 500円から580円に(なった): a change, not a range */
                size_t k = b.ne;
                if (kj_at(d->norm, d->norm_len, k, "に") || kj_at(d->norm, d->norm_len, k, "へ") ||
                    kj_at(d->norm, d->norm_len, k, "とな"))
                    change = true;
            }
            if (d->lang == KJ_LANG_EN && !between && from_change(d, qs))
                change = true; /* "from $3 to $5": a change */
            if (d->lang == KJ_LANG_EN && !between && !change && moved_by(d, qs, &a, &b))
                change = true; /* "down $1.94 to $81.20": the change, then the level */
            if (change)
                inherit_unit(d, &a, &b); /* 0.25から0.5%に, from 2.5 to 2.7 pct */
            if (!change) {
                kj_num lo = a.value;
                int sc = scale_of(d, &b.tok);
                /* the low end has no unit after it (150〜, $3 to); not
                 * when the scale would lift a low end written with
                 * thousands over a high end it is below as written:
                 * "between 600,000 and one mln" (a year stays no low
                 * end: "in 1988 to 2.45 mln") */
                if (sc && !has_scale(d, &a.tok) && a.ne == a.tok.ne) {
                    kj_num t = lo;
                    kj_num_scale(&t, sc);
                    double hv = kj_num_double(b.value);
                    if (!(kj_num_double(t) > hv && kj_num_double(lo) <= hv &&
                          memchr(d->norm + a.tok.ns, ',', a.tok.ne - a.tok.ns)))
                        lo = t;
                }
                amount m = b;
                m.value = lo;
                bool years = a.tok.digits == 4 && b.tok.digits == 4 && !a.tok.word &&
                             a.tok.ne - a.tok.ns == 4;
                if (between && m.kind == 0 && !years)
                    m.kind = NW_COUNTER; /* between 15 and 24: a count */
                m.ns = a.ns;
                if (a.kind && a.unit == NULL && a.ue > a.us && b.unit == NULL) {
                    m.us = a.us; /* the unit as written first */
                    m.ue = a.ue;
                }
                if (m.cur < 0)
                    m.cur = a.cur;
                if (lead_cur) {
                    m.kind = a.kind;
                    m.plain_dollar = a.plain_dollar;
                    m.unit = a.unit;
                    m.us = a.us;
                    m.ue = a.ue;
                }
                /* a range runs upwards (1995-01 is no range) and is no
                 * part of a chain (+1-222-2222: a phone number) */
                const char *s = d->norm;
                size_t bn = b.ne;
                bool chain = (a.ns > 0 && (s[a.ns - 1] == '+' || s[a.ns - 1] == '-' || s[a.ns - 1] == '/')) ||
                             (bn + 1 < d->norm_len && (s[bn] == '-' || s[bn] == '/') &&
                              is_digit((unsigned char)s[bn + 1]));
                /* between 2 and 4:30pm, between 9 and 11 a.m.: a clock range,
                 * the date recognizer's */
                if (between && d->lang == KJ_LANG_EN && a.kind == 0 && b.kind == 0) {
                    size_t q = bn < d->norm_len && s[bn] == ' ' ? bn + 1 : bn;
                    if ((bn + 1 < d->norm_len && s[bn] == ':' && is_digit((unsigned char)s[bn + 1])) ||
                        kj_at(s, d->norm_len, q, "am") || kj_at(s, d->norm_len, q, "pm") ||
                        kj_at(s, d->norm_len, q, "a.m.") || kj_at(s, d->norm_len, q, "p.m.") ||
                        kj_at(s, d->norm_len, q, "AM") || kj_at(s, d->norm_len, q, "PM") ||
                        kj_at(s, d->norm_len, q, "in the morning") ||
                        kj_at(s, d->norm_len, q, "in the afternoon") ||
                        kj_at(s, d->norm_len, q, "in the evening") || kj_at(s, d->norm_len, q, "at night") ||
                        kj_at(s, d->norm_len, q, "tonight") || kj_at(s, d->norm_len, q, "last night") ||
                        kj_at(s, d->norm_len, q, "this morning") || kj_at(s, d->norm_len, q, "this evening") ||
                        kj_at(s, d->norm_len, q, "this afternoon") ||
                        /* between 3 and 8 yesterday, between 3 and 5 on
                         * 1/1/2015: hours of that day */
                        kj_at(s, d->norm_len, q, "yesterday") ||
                        kj_at(s, d->norm_len, q, "today") || kj_at(s, d->norm_len, q, "tomorrow") ||
                        (kj_at(s, d->norm_len, q, "on ") && q + 5 < d->norm_len &&
                         is_digit((unsigned char)s[q + 3]) &&
                         (s[q + 4] == '/' ||
                          (is_digit((unsigned char)s[q + 4]) && s[q + 5] == '/'))))
                        return 0;
                }
                kj_num hi = comma ? comma_hi : b.value;
                if (between && kj_num_double(lo) > kj_num_double(hi)) {
                    m.value = hi; /* between -30 and -60 */
                    hi = lo;
                    lo = m.value;
                }
                bool up = kj_num_double(lo) <= kj_num_double(hi);
                if (!chain && up && kj_num_add(&max, hi, (kj_num){0, 0, true}) && max.ok) {
                    a = m;
                    ne = b.ne;
                } else if (rc == a.tok.ne + 1 && s[a.tok.ne] == '-' && a.kind == 0) {
                    /* 747-400, 1995-01, +1-222-2222: a code, no amounts */
                    return b.tok.ne;
                }
            }
        }
    }

    /* a symbol amount with no scale, then (after a list of such amounts,
     * "$40, $50 and") a compare word, "and" or "or" and a scaled one:
     * "rose to $3.5 from $2.9 billion"; or after a scaled one and a
     * compare word: "to $3.5 billion from $2.9" (not "$3 from the $2.9
     * billion fund": the words must meet the amount) */
    if (d->lang == KJ_LANG_EN && !max.ok && symbol_bare(d, &a)) {
        static const nlit and_or[] = {NLIT(" and "), NLIT(" or ")};
        size_t nw = sizeof compare_words / sizeof *compare_words, p = a.ne;
        amount b;
        for (int k = 0; k < LIST_ITEMS && p + 2 < d->norm_len && d->norm[p] == ',' &&
                        (d->norm[p + 1] == ' ' || d->norm[p + 1] == '\n');
             k++) {
            if (!read_amount(d, p + 2, &b, NUM_UNKNOWN) || b.ns != p + 2 || !symbol_bare(d, &b) ||
                b.cur != a.cur)
                break;
            p = b.ne;
        }
        /* a serial comma after a list: "$40, $50, and $60 million" */
        if (p < d->norm_len && d->norm[p] == ',' &&
            (p > a.ne || (a.ns >= 2 && d->norm[a.ns - 2] == ',')))
            p++;
        for (size_t w = 0; w < nw + 2; w++) {
            const nlit *cw = w < nw ? &compare_words[w] : &and_or[w - nw];
            size_t k = at_ci_n(d, p, cw->w, cw->n);
            if (k) {
                if (read_amount(d, k, &b, NUM_UNKNOWN) && b.ns == k)
                    symbol_scale(d, &a, &b);
                break;
            }
        }
        for (size_t w = 0; w < nw && cx->last.kind == NW_CURRENCY; w++) {
            size_t cl = compare_words[w].n, at = cx->last_end;
            if (a.ns >= cl && a.ns - cl == at && at_ci_n(d, at, compare_words[w].w, cl) == a.ns) {
                symbol_scale(d, &a, &cx->last);
                break;
            }
        }
    }

    /* 幅69×縦136×厚み17mm, 257×144×221mm: the sides of a size share the
     * unit written on the last one */
    if (a.kind == 0 && !max.ok && d->lang == KJ_LANG_JA)
        dim_unit(d, &a);

    amount a0 = a; /* before the rules below: a row of counts takes no currency */
    /* a list of bare numbers up to the "and" or "or" before its last one
     * shares that one's unit: "3, 4 and 5 tonnes", "10, 20, or 30 pct" */
    size_t lp = a.tok.ne;
    if (a.kind == 0 && !max.ok && d->lang == KJ_LANG_EN)
        lp = list_tail(d, a.tok.ns, a.tok.ne);
    /* an English bare number compared with an amount that has the unit:
     * "to 3 from 2 pct", "1.5 and 3 percent" (and, or: money and
     * percentages only), or compared with the amount just read: "1.4
     * billion dlrs from 1.27 billion", "5.2 mln dlrs vs 4.8 mln". Not after
     * a capitalized word: "March 3 from", "Section 2 and". */
    if (a.kind == 0 && !max.ok && d->lang == KJ_LANG_EN && !after_capital(d, a.ns)) {
        size_t nw = sizeof compare_words / sizeof *compare_words;
        /* every word is " " and a letter first: at_ci_n matches none
         * unless a space or line break follows the number, and only those
         * with the letter after it (A-Z folded as at_ci_n folds it) */
        size_t p = lp;
        unsigned char c0 = p < d->norm_len ? (unsigned char)d->norm[p] : 0;
        unsigned char c1 = p + 1 < d->norm_len ? (unsigned char)d->norm[p + 1] : 0;
        if (c1 >= 'A' && c1 <= 'Z')
            c1 += 32;
        for (size_t w = lp > a.tok.ne ? nw : 0; (c0 == ' ' || c0 == '\n') && w < nw + 2; w++) {
            static const nlit and_or[] = {NLIT(" and "), NLIT(" or ")};
            const nlit *cw = w < nw ? &compare_words[w] : &and_or[w - nw];
            if ((unsigned char)cw->w[1] != c1)
                continue;
            size_t k = at_ci_n(d, p, cw->w, cw->n);
            amount b;
            if (!k)
                continue;
            /* and: a counted noun right after the number too ("1,600
             * and 400 jobs", "500 and 1,000 songs"; not "1.83 and 2 GHz
             * models"), not a word of time (the date recognizer's) */
            if (read_amount(d, k, &b, NUM_UNKNOWN) &&
                (w < nw || b.kind == NW_CURRENCY || b.kind == NW_PERCENT || b.kind == NW_POINT ||
                 (w == nw && b.kind == NW_COUNTER && b.ue > b.us && b.ns == k &&
                  b.us <= b.tok.ne + 1)))
                inherit_unit(d, &a, &b);
            break;
        }
        /* a part of a whole counted in the same noun, written on the
         * whole only: "14.6 mln of the remaining 15 mln shares", "300
         * of its 1,200 stores" (of the / its / their, at most one word
         * between). Of one order only: not "three of the 20 mln
         * holders", which does not take the whole's scale. */
        if (a.kind == 0 && lp == a.tok.ne && a.ne == a.tok.ne)
            part_of_whole(d, &a);
        /* the amount just read may end its clause with a comma: "rose to
         * 1.2 billion dlrs, from 980 mln" */
        if (a.kind == 0 && cx->last.kind) {
            size_t at = cx->last_end;
            if (at < d->norm_len && d->norm[at] == ',')
                at++;
            for (size_t w = 0; w < nw; w++) {
                size_t cl = compare_words[w].n;
                if (a.ns >= cl && a.ns - cl == at &&
                    at_ci_n(d, at, compare_words[w].w, cl) == a.ns) {
                    inherit_unit(d, &a, &cx->last);
                    break;
                }
            }
        }
        /* where a change in money ends: "rose 3.1 billion francs to 10.5
         * billion", "fell 45 mln dlrs to 1.2 billion" (a scaled figure
         * with no unit of its own) */
        if (a.kind == 0 && cx->last.kind == NW_CURRENCY && a.ns == cx->last_end + 4 &&
            a.ne == a.tok.ne && at_ci(d, cx->last_end, " to ") == a.ns && scale_of(d, &a.tok) != 0)
            inherit_unit(d, &a, &cx->last);
        /* a scaled figure compared with the money amount a few words
         * back in its clause, a date or a trade term between: "to 110 mln
         * dlrs in May from 525 mln in April", "rose to 2.9 billion dlrs,
         * fob, from 2.8 billion in April and 2.3 billion a year ago"; a
         * count likewise, where the figure is scaled or has thousands
         * ("91,250 tonnes in the week ended March 6 from 77,340", "2.41
         * mln people in May, up from 2.37 mln"; not a small bare number:
         * "from 9 onward"); and a second change in the clause, "to" a
         * figure compared in turn ("rose to 212,300 tonnes from 198,700
         * and exports to 64,100 from 59,800"); the compare word may come
         * before a qualifier ("from 85,000 in 1986 and around 90,000") */
        if (a.kind == 0 && cx->last_end < qs && a.ns - cx->last_end <= 48 &&
            a.ne == a.tok.ne && compared_since(d, cx->last_end, qs, a.ne) &&
            ((cx->last.kind == NW_CURRENCY && scale_of(d, &a.tok) != 0) ||
             (cx->last.kind == NW_COUNTER &&
              (scale_of(d, &a.tok) != 0 || memchr(d->norm + a.ns, ',', a.ne - a.ns)))))
            inherit_unit(d, &a, &cx->last);
        /* wire copy names the currency once a sentence: a scaled figure
         * with no unit after the money amount just read in its sentence
         * is in that currency, whatever its size ("a deficit of 97 mln",
         * "14.30 billion pesos, against 455.8 mln", "an estimated 38.9
         * billion"); and in the next sentence, which goes on with the
         * figures ("capital exports rose to 3.81 billion francs. Loans
         * made up 940.5 mln of that"), where the amount before is no
         * price per unit ("at 14 dlrs per share. Another 2.2 mln of the
         * shares") and no count with its noun follows in the sentence
         * ("from 3 mln to 2 mln tonnes"); not in cents or pence. A
         * percentage read since the money amount is a change in it, no
         * unit of the figure ("rose to 47.8 billion dlrs, then fell 10
         * pct to 43.1 billion", "up 15.5 pct to 101.1 mln"), where no
         * count was read after the money (unit_kind) */
        const amount *m = cx->last.kind == NW_CURRENCY ? &cx->last
                          : ((cx->last.kind == NW_PERCENT || cx->last.kind == NW_POINT) &&
                             cx->unit_kind == NW_CURRENCY && cx->money_end != SIZE_MAX)
                              ? &cx->money
                              : NULL;
        size_t mend = m == &cx->last ? cx->last_end : cx->money_end;
        if (a.kind == 0 && m && !m->minor && a.value.ok &&
            !a.tok.vague && mend < a.ns && a.ns - mend <= 160 &&
            scale_of(d, &a.tok) != 0 && a.ne == a.tok.ne &&
            (same_clause_run(d, mend, a.ns, 0) ||
             (same_clause_run(d, mend, a.ns, 1) && !at_ci(d, mend, " per ") &&
              !at_ci(d, mend, " a share") && !counted_later(d, a.ne))) &&
            !(a.ne + 1 < d->norm_len && (d->norm[a.ne] == ' ' || d->norm[a.ne] == '\n') &&
              (d->norm[a.ne + 1] == '"' || d->norm[a.ne + 1] == '`' ||
               (d->norm[a.ne + 1] >= 'A' && d->norm[a.ne + 1] <= 'Z')))) {
            /* (not before a quoted or capitalized noun: two mln "preferred
             * customers") */
            a.kind = NW_CURRENCY;
            a.cur = m->cur;
            a.plain_dollar = m->plain_dollar;
            a.unit = m->unit;
            a.us = m->us;
            a.ue = m->ue;
        }
    }

    /* a bare figure set against the percentage or money amount just
     * read takes its unit (set_against), and a scaled figure or one with
     * thousands set against a count with a compare word ("filled to 640
     * mln barrels, up from 410 mln"); a percentage only from a figure
     * with no scale; not where a pair, a clock time or a name goes on
     * ("3.80/90", "7 Group"), nor after a capitalized word or a month
     * ("Wednesday February 25", "Section 2") */
    if (a.kind == 0 && d->lang == KJ_LANG_EN && !max.ok && a.value.ok && !a.tok.vague &&
        a.ne == a.tok.ne &&
        (cx->last.kind == NW_PERCENT || cx->last.kind == NW_CURRENCY ||
         (cx->last.kind == NW_COUNTER && !(qual >= 2 && qual <= 5) &&
          (scale_of(d, &a.tok) != 0 || memchr(d->norm + a.ns, ',', a.ne - a.ns)) &&
          !noun_next(d, a.ne))) &&
        !(cx->last.kind == NW_PERCENT && scale_of(d, &a.tok) != 0) &&
        !(a.ne < d->norm_len && (d->norm[a.ne] == '/' || d->norm[a.ne] == ':' ||
                                 d->norm[a.ne] == '-')) &&
        !(a.ne + 1 < d->norm_len && d->norm[a.ne] == ' ' &&
          (d->norm[a.ne + 1] == '"' || (d->norm[a.ne + 1] >= 'A' && d->norm[a.ne + 1] <= 'Z'))) &&
        !after_capital(d, qs) && !after_month(d, a.ns) && cx->last_end != SIZE_MAX &&
        set_against(d, cx->last_end, qs, qual))
        inherit_unit(d, &a, &cx->last);

    /* a price per unit written bare after one with its currency a little
     * back in its sentence or the next: "six mln shares at 3.20 dlrs each
     * to its parent, and two mln to fund managers at 3.20 each" (at X each,
     * a share, per share on both) */
    if (a.kind == 0 && d->lang == KJ_LANG_EN && !max.ok && a.ne == a.tok.ne &&
        cx->money_end != SIZE_MAX && cx->money_end < a.ns && a.ns - cx->money_end <= 160 &&
        before_ci(d, a.ns, "at ") != SIZE_MAX && per_unit_at(d, a.ne) &&
        per_unit_at(d, cx->money_end) && same_clause_run(d, cx->money_end, a.ns, 1))
        inherit_unit(d, &a, &cx->money);

    /* a bare figure in a row of a results table (table_row) that no rule
     * above gave a unit is money in the currency of the table's money
     * amount just read (cx->money), in whole units though that one is in
     * cents: "Shr 39 cts vs 50 cts / Net 1,545,160 vs 2,188,933 / Revs
     * 25.2 mln vs 19.5 mln"; a figure in a row of counts is none,
     * whatever the amount before it ("Net 2.1 mln vs 1.8 mln / Avg shrs
     * 4.2 mln vs 4.1 mln") */
    /* table_row scans back up to 96 bytes: ask it only when its answer
     * can change the amount (a currency to undo, or money just read) */
    bool money_near = a.kind == 0 && cx->money_end != SIZE_MAX && cx->money_end < a.ns &&
                      a.ns - cx->money_end <= 600;
    int row = a0.kind == 0 && !max.ok && d->lang == KJ_LANG_EN && a.value.ok && !a.tok.vague &&
                      a.ne == a.tok.ne && (a.kind == NW_CURRENCY || money_near)
                  ? table_row(d, a.ns)
                  : 0;
    if (row == 2 && a.kind == NW_CURRENCY)
        a = a0;
    else if (row == 1 && money_near) {
        a.kind = NW_CURRENCY;
        a.cur = cx->money.cur;
        a.plain_dollar = cx->money.plain_dollar;
        a.minor = false;
        a.unit = NULL;
        a.us = a.ue = a.ne;
    }

    /* parenthetical conversion: 5300億ドル(約81兆円), €1.78 billion ($2.4 billion) */
    int conv = -1;
    amount c;
    kj_num cmax = {0, 0, false};
    size_t cns = 0, cne = 0;
    int cqual = 0;
    if (a.kind == NW_CURRENCY) {
        size_t k = ne;
        if (k < d->norm_len && d->norm[k] == ' ')
            k++;
        if (k < d->norm_len && d->norm[k] == '(') {
            size_t inner = k + 1;
            size_t cqs = inner;
            int q = 0;
            /* a qualifier inside: (約81兆円), (about $6.4 million) */
            const kj_wordlist *wl = d->lang == KJ_LANG_EN ? d->p->numeric->en_qual_pre_list
                                                          : d->p->numeric->ja_qual_pre_list;
            for (size_t w = 0; wl && w < wl->n; w++) {
                const char *line = wl->lines[w];
                const char *tab = strchr(line, '\t');
                size_t n = tab ? (size_t)(tab - line) : strlen(line);
                if (n && strncmp(d->norm + inner, line, n) == 0 && inner + n <= d->norm_len) {
                    size_t after = inner + n;
                    if (d->lang == KJ_LANG_EN && after < d->norm_len && d->norm[after] == ' ')
                        after++;
                    if (after > cqs) {
                        cqs = after;
                        q = tab ? atoi(tab + 1) : 0;
                    }
                }
            }
            if (read_conversion(d, cqs, &c, &cmax)) {
                cns = inner;
                cne = c.ne;
                cqual = q;
                conv = 1;
                ne = c.ne + 1; /* qualifiers after ")" belong to the first */
            }
        }
    }

    /* suffix qualifier: 100万円以上, 5300億ドル(約81兆円)を超え, 10 pct or more */
    size_t qe = ne;
    bool in_span = false;
    int post = qual_after(d, ne, &qe, &in_span);
    /* "plus" after a unit word and before a word adds a thing: "290
     * passengers plus cargo", "50 dlrs plus interest" (no bound; "400,000
     * plus units", "20 pct plus." are "or more") */
    if (post && d->lang == KJ_LANG_EN && a.ne > a.tok.ne && qe >= 4 && qe + 1 < d->norm_len &&
        at_ci_n(d, qe - 4, "plus", 4) && (d->norm[qe] == ' ' || d->norm[qe] == '\n') &&
        (is_letter((unsigned char)d->norm[qe + 1]) || is_digit((unsigned char)d->norm[qe + 1]))) {
        post = 0;
        in_span = false;
    }
    if (post && !qual)
        qual = post;
    else if (post && in_span)
        qual = post;
    size_t fs = qual_pre || between ? qs : ns;
    if (fs != ns && !qual && !between)
        fs = ns;
    size_t fe = conv >= 0 ? cns - 1 : ne;
    if (conv < 0 && in_span)
        fe = qe;
    while (fe > fs && (d->norm[fe - 1] == ' '))
        fe--;

    /* An English figure with a separator, decimals or a scale (4,851,
     * 9505.96, 15.8 mln) is a measured quantity even without a unit; small
     * integers and Japanese bare numbers stay `number`. */
    if (a.kind == 0 && d->lang == KJ_LANG_EN && !a.tok.vague &&
        (is_digit((unsigned char)d->norm[a.tok.ns]) || d->norm[a.tok.ns] == '-')) {
        bool measured = a.tok.word;
        for (size_t k = a.tok.ns; k < a.tok.ne; k++)
            if (d->norm[k] == ',' || d->norm[k] == '.')
                measured = true;
        /* exchange rates without a currency word are no quantities:
         * "20.50 to the U.S. Dollar", "target rate at 20.80" */
        if (kj_at(d->norm, d->norm_len, a.tok.ne, " to the") ||
            before_ci(d, fs > 0 ? fs - 1 : 0, "rate at") != SIZE_MAX ||
            before_ci(d, fs > 0 ? fs - 1 : 0, "rate of") != SIZE_MAX)
            measured = false;
        if (measured && version_number(d, a.tok.ns, a.tok.ne))
            measured = false;
        if (measured)
            a.kind = NW_COUNTER;
    }

    /* "penny" / "pennies" are a US cent as often as a British penny: the
     * article's other amounts decide (cases/en/money) */
    bool penny = a.kind == NW_CURRENCY && a.cur == d->p->numeric->gbp && a.ue >= a.us + 5 &&
                 (d->norm[a.us] == 'p' || d->norm[a.us] == 'P') &&
                 memcmp(d->norm + a.us + 1, "enn", 3) == 0;
    if (a.kind == NW_CURRENCY && !penny) {
        if (a.plain_dollar || (a.cur >= 0 && a.cur == d->p->numeric->usd))
            cx->dollar_seen = true;
        else if (a.cur >= 0 && a.cur == d->p->numeric->gbp)
            cx->pound_seen = true;
    }
    /* a plain "dollars" takes the article's currency later */
    if (a.kind == NW_CURRENCY && a.cur >= 0) {
        const char *code = d->p->numeric->codes[a.cur];
        if (strcmp(code, "USD") == 0 && !a.plain_dollar)
            cx->explicit_usd = 1;
        else if (strcmp(code, "USD") != 0 && cx->other_dollar < 0 && a.ue > a.us &&
                 (has_sub(d->norm + a.us, a.ue - a.us, "lr") ||
                  has_sub(d->norm + a.us, a.ue - a.us, "llar") ||
                  has_sub(d->norm + a.us, a.ue - a.us, "$")))
            cx->other_dollar = a.cur;
    }
    if (a.kind == NW_CURRENCY && a.plain_dollar && a.cur < 0)
        a.cur = -1;
    /* "more than 10 and less than 20", "at most 100 and at least 20",
     * "higher or equal than 100, lower or equal than 300": a lower and an
     * upper bound make one range */
    if (!max.ok && conv < 0 && qual >= 2 && qual <= 5) {
        size_t e2 = 0;
        amount r;
        kj_num hi;
        if (d->lang == KJ_LANG_EN ? bound_pair(d, fe, &a, qual, &r, &hi, &e2)
                                  : (in_span && bound_pair_ja(d, fe, &a, qual, &r, &hi, &e2))) {
            emit(d, &r, fs, e2, 0, &hi);
            return e2;
        }
    }
    int idx = emit(d, &a, fs, fe, qual, a.tok.ns == a.ns && max.ok ? &max : (max.ok ? &max : NULL));
    if (idx >= 0 && a.plain_dollar && *nplain < capplain)
        plain[(*nplain)++] = idx;
    if (idx >= 0 && a.kind && conv < 0) {
        cx->last = a;
        cx->last_end = fe;
        if (a.kind != NW_PERCENT && a.kind != NW_POINT)
            cx->unit_kind = a.kind;
    }
    if (idx >= 0 && a.kind == NW_CURRENCY && conv < 0) {
        cx->money = a;
        cx->money_end = fe;
    }
    if (idx >= 0 && penny && cx->npenny < sizeof cx->penny / sizeof cx->penny[0])
        cx->penny[cx->npenny++] = idx;
    if (idx >= 0 && conv >= 0) {
        size_t cs = cns;
        int ci = emit(d, &c, cs, cne, cqual, cmax.ok ? &cmax : NULL);
        if (ci >= 0)
            kj_fact_at(d, idx)->equivalent = ci;
        if (ci >= 0 && c.plain_dollar && *nplain < capplain)
            plain[(*nplain)++] = ci;
    }
    size_t end = in_span ? qe : ne;
    return end > a.tok.ne ? end : a.tok.ne;
}

/* Whether phrase_at fails at i for certain, at the character cp of
 * numeral_only there: the number scanner reads nothing at a big unit
 * alone (万一, 東京) nor at a word of ja/num_stop (value 1: 一方, 一部,
 * 十分), and nothing else reads there. Most kanji numerals in Japanese
 * text are such: one lookup before phrase_at's tries. */
static bool numeral_fails(const struct kj_numeric *nd, const kiji_doc *d, size_t i, uint32_t cp)
{
    if (nd->before_wide || cp > 0xFFFF || !(nd->numeral_only[cp >> 6] >> (cp & 63) & 1))
        return false;
    if (kj_kanji_mult(cp) >= 4)
        return true;
    int32_t v;
    return kj_dict_longest(nd->ja_stop, d->norm, d->norm_len, i, &v) && v == 1;
}

/* Whether phrase_at(i) can read anything at a non-ASCII character cp,
 * lead byte c (as ascii_may_start, below, in ASCII). */
static inline bool cp_may_start(const struct kj_numeric *nd, const kiji_doc *d, size_t i,
                                unsigned char c, uint32_t cp)
{
    return kj_num_cp_may_start(nd, d, i, cp) || kj_money_cp_may_start(nd, c, cp);
}

/* The same where a valid UTF-8 sequence of cp starts at i (its lead byte
 * the one cp's encoding has): with no key of `before` starting past
 * U+FFFF, one bit of start_cp decides but for hiragana after a space,
 * マ and a kanji numeral that starts no number (numeral_fails). */
static inline bool valid_cp_may_start(const struct kj_numeric *nd, const kiji_doc *d, size_t i,
                                      unsigned char c, uint32_t cp)
{
    if (nd->before_wide)
        return cp_may_start(nd, d, i, c, cp);
    if (cp <= 0xFFFF && (nd->start_cp[cp >> 6] >> (cp & 63) & 1))
        return cp == 0x30DE ? kj_num_ma_may_start(d, i) || kj_money_cp_may_start(nd, c, cp)
                            : !numeral_fails(nd, d, i, cp);
    return kj_is_hiragana(cp) && (i == 0 || d->norm[i - 1] == ' ' || d->norm[i - 1] == '\n') &&
           kj_num_hira_first(nd, cp);
}

/* Whether phrase_at(i) can read anything at the ASCII byte c at i: a
 * number (kj_num_may_start_en), a currency symbol or code
 * (kj_money_may_start) or an English vague share (vague_en_may_start).
 * Exact: phrase_at fails at every position this rejects (but at the
 * pound sign # and M7, which the callers accept before), so the scan
 * skips them. *hint tells read_amount what it learnt of
 * kj_num_may_start_en at i. Outside ASCII the scan asks cp_may_start and
 * valid_cp_may_start (two bitmaps; マ of マグニチュード is in num_cp). */
static bool ascii_may_start(const kiji_doc *d, const struct kj_numeric *nd, size_t i,
                            unsigned char c, enum num_hint *hint)
{
    bool en_known = false;
    bool num = kj_num_may_start_en(d, i, &en_known);
    *hint = !num ? NUM_NOT : en_known ? NUM_MAY_EN : NUM_MAY;
    return num || (kj_money_may_start(nd, d, i, c) && money_digit_near(d, nd, i)) ||
           vague_en_may_start(d, i);
}

/* Whether the '.' or '-' at i starts nothing where ascii_may_start would
 * say so: kj_num_may_start_en wants a digit after either (or a '.' after
 * '-': -.5), and no key of `before` starts with the byte. Most are a
 * sentence's end or a hyphen: a test of the next byte (the NUL after the
 * text at the end) before the call. */
static inline bool mark_starts_none(const struct kj_numeric *nd, const unsigned char *u, size_t i,
                                    unsigned char c)
{
    return (c == '.' || c == '-') && !nd->before_byte[c] && !is_digit(u[i + 1]) &&
           !(c == '-' && u[i + 1] == '.');
}

/* ascii_may_start at the ASCII letter c at i that starts a word, whose
 * run of letters ends at we (we <= i: unknown, the run stopped at an h or
 * w where a URL may start), or a magnitude (M7). */
static bool word_may_start(const kiji_doc *d, const struct kj_numeric *nd, size_t i,
                           unsigned char c, size_t we, enum num_hint *hint)
{
    if (i + 1 < d->norm_len) {
        /* most words: their first two bytes start nothing below, and no
         * $ follows within four bytes (HK$, US $: kj_money_may_start;
         * with the word's end known, the test prefixed_dollar makes) */
        const unsigned char *u = (const unsigned char *)d->norm;
        unsigned char b = u[i + 1];
        unsigned lk = nd->word_lead[c << 8 | b];
        /* read_magnitude reads M only before a digit (M7); other words at
         * M (May, Minister) take the tests below like any letter */
        if (lk == KJ_LEAD_MAG)
            return true;
        /* a word whose first two bytes start only number words ("this",
         * "for", "there"): a number word is the whole letter run
         * (word_known), so the run must have a key's length and first
         * three letters */
        bool lead = lk == KJ_LEAD_ANY ||
                    (lk == KJ_LEAD_NUM && (we <= i || kj_num_en_len_may(nd, d->norm + i, we - i)));
        if (!lead && we > i) {
            /* prefixed_dollar: one to three letters, maybe a space, $ */
            if (we - i > 3 || !(u[we] == '$' || (u[we] == ' ' && u[we + 1] == '$')))
                return false;
        } else if (!lead) {
            size_t e = d->norm_len - i > 4 ? i + 4 : d->norm_len - 1;
            size_t k = i + 1;
            while (k <= e && u[k] != '$')
                k++;
            if (k > e)
                return false;
        }
    }
    return ascii_may_start(d, nd, i, c, hint);
}

void kj_rec_numeric(kiji_doc *d)
{
    const struct kj_numeric *nd = d->p->numeric;
    if (!nd)
        return;
    ctx cx = {.explicit_usd = 0, .other_dollar = -1, .last_end = SIZE_MAX, .money_end = SIZE_MAX};
    int plain[256];
    size_t nplain = 0;
    size_t i = 0;
    const char *s = d->norm;
    const unsigned char *u = (const unsigned char *)s;
    const unsigned char *cls = nd->scan_class;
    /* whether the byte before i is a letter (scan_letter): each step
     * below knows it from the bytes it passed, so no step reads the byte
     * before it again */
    bool pl = false;
    while (i < d->norm_len) {
        d->work++;
        unsigned char c = u[i];
        /* a non-ASCII character: valid_cp_may_start's bitmaps, at the
         * code point the decoded-character table holds */
        if (c >= 0x80) {
            /* one step for the run, as for a word's letters below */
            size_t q = kj_num_quiet_end(nd, d, i);
            if (q > i) {
                i = q;
                pl = false; /* past valid sequences above ASCII only */
                continue;
            }
            if (kj_claim_at(d, i)) {
                i++;
                pl = false;
                continue;
            }
            size_t nx = i;
            uint32_t v = d->cpx[i];
            bool may;
            if (v < KJ_CPX_SLOW) {
                /* a valid sequence (kj_cp_next's answer, read here) */
                nx = i + (v >> KJ_CPX_LEN_SHIFT);
                may = valid_cp_may_start(nd, d, i, c, v & KJ_CPX_CP);
            } else {
                uint32_t cp = kj_cp_next(d, d->norm_len, &nx);
                may = cp_may_start(nd, d, i, c, cp);
            }
            size_t e = may ? phrase_at(d, i, NUM_UNKNOWN, &cx, plain, &nplain,
                                       sizeof plain / sizeof *plain)
                           : 0;
            if (e > i) {
                i = e;
                pl = scan_letter(cls, u[i - 1]);
                continue;
            }
            i = nx > i ? nx : i + 1;
            /* a valid sequence ends in a byte above ASCII */
            pl = v >= KJ_CPX_SLOW && scan_letter(cls, u[i - 1]);
            continue;
        }
        /* ASCII starts only digits, letters, $, -, ., \ (a yen sign in
         * some fonts) and # (a pound sign: hash_pound) */
        unsigned k = cls[c];
        if (k == SCAN_SKIP) {
            i++;
            pl = false;
            continue;
        }
        enum num_hint hint = NUM_UNKNOWN;
        size_t e;
        if (k == SCAN_START) {
            if (kj_claim_at(d, i)) {
                i++;
                pl = false;
                continue;
            }
            e = c == '#' || (!mark_starts_none(nd, u, i, c) && ascii_may_start(d, nd, i, c, &hint))
                    ? phrase_at(d, i, hint, &cx, plain, &nplain, sizeof plain / sizeof *plain)
                    : 0;
            if (e > i) {
                i = e;
                pl = scan_letter(cls, u[i - 1]);
            } else {
                i++;
                pl = false;
            }
            continue;
        }
        /* a letter: inside a word every letter but the h of ht and the w
         * of ww (a glued URL: xhttp://, xwww.) is passed, claimed or not:
         * pass the run at once */
        if (pl && !(k == SCAN_HW && url_may_start(d, i))) {
            i = run_end(d, cls, i + 1); /* past letters only */
            continue;
        }
        if (kj_claim_at(d, i)) {
            i++;
            pl = true;
            continue;
        }
        /* a URL holds no amounts: q=30%25%2020% */
        if (k == SCAN_HW &&
            (kj_at(s, d->norm_len, i, "http://") || kj_at(s, d->norm_len, i, "https://") ||
             kj_at(s, d->norm_len, i, "www."))) {
            while (i < d->norm_len && (unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x80) {
                d->work++;
                i++;
            }
            pl = scan_letter(cls, u[i - 1]);
            continue;
        }
        /* English words start only at a word edge */
        if (pl) {
            i++;
            continue;
        }
        /* the end of the run the loop above would pass (the word, up to
         * an h or w where a URL may start), where a failed try goes on */
        size_t nx = run_end(d, cls, i + 1), we = 0;
        /* the length test needs the whole run of letters: run_end stops
         * only at a byte of no letter (the NUL after the text among them)
         * or at an h or w */
        if (u[nx] != 'h' && u[nx] != 'w')
            we = nx;
        e = word_may_start(d, nd, i, c, we, &hint)
                ? phrase_at(d, i, hint, &cx, plain, &nplain, sizeof plain / sizeof *plain)
                : 0;
        if (e > i) {
            i = e;
            pl = scan_letter(cls, u[i - 1]);
        } else if (nx < d->norm_len && cls[u[nx]] == SCAN_SKIP) {
            /* past the word and the byte after it (mostly a space),
             * which starts nothing */
            i = nx + 1;
            pl = false;
        } else {
            i = nx;
            pl = true;
        }
    }
    /* "dollars", "dlrs", "cents" in a Hong Kong story are Hong Kong dollars
     * when no amount is written as US dollars */
    int usd_idx = nd->usd; /* codes are unique: kj_money_code */
    int cur = (!cx.explicit_usd && cx.other_dollar >= 0) ? cx.other_dollar : usd_idx;
    /* pennies beside dollar amounts and no pound: cents of that dollar */
    for (size_t k = 0; k < cx.npenny && cx.dollar_seen && !cx.pound_seen && cur >= 0; k++) {
        kj_fact *f = kj_fact_at(d, cx.penny[k]);
        const kj_attr *at = f ? kj_attr_get(f, "currency") : NULL;
        if (at)
            ((kj_attr *)at)->s = nd->codes[cur];
    }
    for (size_t k = 0; k < nplain && cur >= 0; k++) {
        kj_fact *f = kj_fact_at(d, plain[k]);
        if (!f)
            continue;
        const kj_attr *at = kj_attr_get(f, "currency");
        if (at && cur == usd_idx)
            continue;
        if (at) {
            /* replace: attributes are a list; set the string in place */
            ((kj_attr *)at)->s = nd->codes[cur];
        } else {
            kj_attr_str(d, f, "currency", nd->codes[cur]);
        }
    }
}
