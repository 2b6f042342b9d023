/*
 * text.c -- sentences and paragraphs.
 *
 * ICU's sentence break iterator proposes boundaries on the normalized text;
 * a boundary inside brackets or quotes (「」 『』 () 【】 "" “”) is dropped, so
 * 「…。…」と述べた stays one sentence; Japanese also ends a sentence before
 * the 「 of 。「 and goes on after ！」 / 。」 / …」 when hiragana follows
 * (「やめろ！」と叫んだ), and after the 。 that ends a name written with it
 * (元モーニング娘。の…, ja/period_names) or after such a name closed in a
 * parenthesis before kana ((以下モー娘。)は). A line break always ends a
 * sentence and closes any bracket left open, so one stray 「 cannot swallow
 * the article, and a sentence never spans more than MAX_SENTENCE bytes inside brackets.
 *
 * Text mostly ends its sentences in a way the rules leave no doubt about
 * (。 or ". " then a letter): rule_breaks finds those boundaries itself, and
 * ICU runs only for a text where it meets a case it does not decide. For
 * English, en_breaks then drops the boundaries ICU's abbreviation filter
 * drops (Mr. Smith), with ICU's own list and ICU's matching.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "kj.h"

#define MAX_SENTENCE 8192
#define MAX_DEPTH 64

/* The Sentence_Break values that end or break a chain of rule_breaks, or
 * that it leaves undecided. */
#define SB_STOP                                                                                    \
    (1u << U_SB_STERM | 1u << U_SB_ATERM | 1u << U_SB_LF | 1u << U_SB_CR | 1u << U_SB_SEP)

/* The values of the reversed keys (p->sb_rev): a whole abbreviation, or the
 * part up to the first '.' of the ones with more (Ph. of Ph.D.), which the
 * forward keys then decide. */
#define SB_MATCH 2
#define SB_PARTIAL 1

/* An abbreviation of ICU's English list, as its builder reads it. */
struct sb_key {
    char s[KJ_SB_KEY_LEN];
    size_t len;
    size_t dot; /* the length up to and with the first '.', 0 = none */
    bool fwd;   /* one of a partial group: a forward key */
};

/* Has one of the n keys x the first dot bytes of k's? */
static bool sb_same_prefix(const struct sb_key *k, const struct sb_key *x, size_t dot)
{
    return x != k && x->len >= dot && memcmp(x->s, k->s, dot) == 0;
}

/*
 * Read the abbreviations ICU's English sentence iterator with @ss=standard
 * suppresses boundaries after, from the same ICU data its builder reads
 * (brkitr bundle of en_US, exceptions/SentenceBreak), and arrange them as
 * the builder does: a key with a '.' before its last character puts its
 * part up to the first '.' in the reverse table as partial, and every key
 * with that part (the part itself among them) goes to the forward table;
 * the other keys go to the reverse table whole. False (and ICU decides
 * every English text) when the data is missing or does not fit the bounds;
 * an allocation failure is the only error.
 */
static bool sb_load(kiji_parser *p, bool *nomem)
{
    struct sb_key *keys = calloc(KJ_SB_KEYS, sizeof *keys);
    size_t nk = 0;
    if (!keys) {
        *nomem = true;
        return false;
    }
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *b = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en_US", &st);
    UResourceBundle *ex = NULL, *sb = NULL;
    bool ok = U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING;
    if (ok) {
        ex = ures_getByKey(b, "exceptions", NULL, &st);
        ok = U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING;
    }
    if (ok) {
        sb = ures_getByKey(ex, "SentenceBreak", NULL, &st);
        ok = U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING;
    }
    int32_t size = ok ? ures_getSize(sb) : 0;
    for (int32_t i = 0; ok && i < size; i++) {
        char buf[KJ_SB_KEY_LEN];
        int32_t n = (int32_t)sizeof buf;
        UErrorCode s2 = U_ZERO_ERROR;
        const char *u = ures_getUTF8StringByIndex(sb, i, buf, &n, false, &s2);
        if (U_FAILURE(s2) || n <= 0 || (size_t)n >= sizeof buf || memchr(u, 0, (size_t)n)) {
            ok = false;
            break;
        }
        bool dup = false; /* the builder keeps a set */
        for (size_t j = 0; j < nk && !dup; j++)
            dup = keys[j].len == (size_t)n && memcmp(keys[j].s, u, (size_t)n) == 0;
        if (dup)
            continue;
        if (nk == KJ_SB_KEYS) {
            ok = false;
            break;
        }
        struct sb_key *k = &keys[nk++];
        memcpy(k->s, u, (size_t)n);
        k->len = (size_t)n;
        const char *dot = memchr(u, '.', (size_t)n);
        k->dot = dot ? (size_t)(dot - u) + 1 : 0;
        k->fwd = false;
    }
    ures_close(sb);
    ures_close(ex);
    ures_close(b);
    if (ok) {
        p->sb_rev = kj_dict_new();
        ok = p->sb_rev != NULL;
        *nomem = !ok;
    }
    if (!ok) {
        free(keys);
        return false;
    }
    /* the partial groups: one reversed prefix each */
    for (size_t i = 0; i < nk; i++) {
        struct sb_key *k = &keys[i];
        if (!k->dot || k->dot == k->len)
            continue;
        bool first = !k->fwd;
        for (size_t j = 0; j < nk; j++) {
            if (!sb_same_prefix(k, &keys[j], k->dot))
                continue;
            if (keys[j].fwd)
                first = false;
            keys[j].fwd = true;
        }
        if (first) {
            char r[KJ_SB_KEY_LEN];
            for (size_t m = 0; m < k->dot; m++)
                r[m] = k->s[k->dot - 1 - m];
            k->fwd = true;
            if (!kj_dict_add(p->sb_rev, r, k->dot, SB_PARTIAL))
                ok = false;
        }
    }
    p->sb_nfwd = 0;
    for (size_t i = 0; ok && i < nk; i++) {
        const struct sb_key *k = &keys[i];
        if (k->fwd) {
            memcpy(p->sb_fwd[p->sb_nfwd], k->s, k->len);
            p->sb_fwd_len[p->sb_nfwd++] = (uint8_t)k->len;
            continue;
        }
        char r[KJ_SB_KEY_LEN];
        for (size_t m = 0; m < k->len; m++)
            r[m] = k->s[k->len - 1 - m];
        ok = kj_dict_add(p->sb_rev, r, k->len, SB_MATCH);
    }
    free(keys);
    *nomem = !ok;
    return ok;
}

/* The characters before the 。 of the names of ja/period_names, for
 * period_name_ends to try a 。 only after one of them. A line that ends in
 * no 。, or more such characters than fit, leaves the filter off. */
static void period_prev_init(kiji_parser *p)
{
    const kj_wordlist *wl = kj_wordlist_get("ja/period_names");
    p->period_nprev = 0;
    for (size_t i = 0; wl && i < wl->n; i++) {
        const char *w = wl->lines[i];
        size_t len = strcspn(w, "\t"), ps;
        if (len < 6 || memcmp(w + len - 3, "\xE3\x80\x82", 3) != 0 ||
            p->period_nprev == sizeof p->period_prev / sizeof p->period_prev[0]) {
            p->period_nprev = 0;
            return;
        }
        uint32_t c = kj_u8_prev(w, len - 3, &ps);
        size_t k = 0;
        while (k < p->period_nprev && p->period_prev[k] != c)
            k++;
        if (k == p->period_nprev)
            p->period_prev[p->period_nprev++] = c;
    }
}

int kj_text_init(kiji_parser *p, kiji_error *err)
{
    UErrorCode st = U_ZERO_ERROR;
    p->abbrev = kj_dict_new();
    p->openers = kj_dict_new();
    p->period_names = kj_dict_new();
    if (!p->period_names ||
        !kj_dict_add_list(p->period_names, kj_wordlist_get("ja/period_names"), 1) ||
        !p->abbrev || !kj_dict_add_list(p->abbrev, kj_wordlist_get("en/abbreviations"), 2) ||
        !p->openers || !kj_dict_add_list(p->openers, kj_wordlist_get("en/sentence_openers"), 1)) {
        if (err) {
            err->code = KIJI_ERR_NOMEM;
            snprintf(err->text, sizeof err->text, "abbreviation list");
        }
        return KIJI_ERR_NOMEM;
    }
    period_prev_init(p);
    bool nomem = false;
    p->sb_en_fast = sb_load(p, &nomem);
    if (nomem) {
        if (err) {
            err->code = KIJI_ERR_NOMEM;
            snprintf(err->text, sizeof err->text, "abbreviation list");
        }
        return KIJI_ERR_NOMEM;
    }
    for (uint32_t c = 0; c < 0x10000; c++)
        p->sb_tab[c] = (uint8_t)u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
    p->sbrk_ja = ubrk_open(UBRK_SENTENCE, "ja", NULL, 0, &st);
    if (U_SUCCESS(st))
        p->sbrk_en = ubrk_open(UBRK_SENTENCE, "en_US@ss=standard", NULL, 0, &st);
    if (U_FAILURE(st)) {
        if (err) {
            err->code = KIJI_ERR_ICU;
            snprintf(err->text, sizeof err->text, "ubrk_open(sentence): %s", u_errorName(st));
        }
        return KIJI_ERR_ICU;
    }
    return KIJI_OK;
}

void kj_text_free(kiji_parser *p)
{
    kj_dict_free(p->abbrev);
    kj_dict_free(p->openers);
    kj_dict_free(p->period_names);
    kj_dict_free(p->sb_rev);
    ubrk_close(p->sbrk_ja);
    ubrk_close(p->sbrk_en);
}

int kj_text_doc_init(kiji_doc *d)
{
    UErrorCode st = U_ZERO_ERROR;
    d->sbrk_ja = ubrk_clone(d->p->sbrk_ja, &st);
    if (U_SUCCESS(st))
        d->sbrk_en = ubrk_clone(d->p->sbrk_en, &st);
    return U_SUCCESS(st) ? KIJI_OK : KIJI_ERR_ICU;
}

void kj_text_doc_free(kiji_doc *d)
{
    ubrk_close(d->sbrk_ja);
    ubrk_close(d->sbrk_en);
}

static bool is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v';
}

static bool after_abbreviation(const kiji_doc *d, size_t start, size_t b, bool wrapped);

/* English wire copy is hard-wrapped (Reuters): a line break is a soft wrap
 * unless a blank line or an indented line follows, or the line ends a
 * sentence. Japanese text is not wrapped: every line break is hard. */
static bool hard_newline(const kiji_doc *d, size_t nl)
{
    if (d->lang != KJ_LANG_EN)
        return true;
    const char *t = d->norm;
    size_t n = nl + 1;
    if (n >= d->norm_len || t[n] == '\n' || t[n] == ' ' || t[n] == '\t')
        return true;
    size_t k = nl;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
        k--;
    if (k == 0 || t[k - 1] == '\n')
        return true;
    char c = t[k - 1];
    /* a line wrapped after an abbreviation goes on (the U.S.|Treasury said) */
    if (c == '.')
        return !after_abbreviation(d, 0, n, true);
    /* a quote closed by its comma goes on with its attribution on the next
     * line ("…,"|said one official) */
    if (c == '"' && k >= 2 && t[k - 2] == ',')
        return false;
    /* nor does a colon whose quote opens the next line (he replied:|"…") */
    if (c == ':' && (t[n] == '"' || t[n] == '`' || kj_at(t, d->norm_len, n, "\xe2\x80\x9c")))
        return false;
    return c == '!' || c == '?' || c == '"' || c == ':';
}

static void add_sentence(kiji_doc *d, size_t s, size_t e, int para)
{
    const char *t = d->norm;
    while (s < e && is_space_byte((unsigned char)t[s]))
        s++;
    while (e > s && is_space_byte((unsigned char)t[e - 1]))
        e--;
    if (e == s)
        return;
    if (d->nsent == d->capsent) {
        size_t cap = d->capsent ? d->capsent * 2 : 64;
        d->sent = kj_grow(d, d->sent, d->nsent, cap, sizeof *d->sent);
        d->capsent = cap;
    }
    d->sent[d->nsent].ns = s;
    d->sent[d->nsent].ne = e;
    d->sent[d->nsent].para = para;
    d->nsent++;
}

/* Note a line break, 「 or 」 at i for kj_quote_ja (d->qmarks). */
static void add_qmark(kiji_doc *d, size_t i)
{
    if (d->nqmarks == d->capqmarks) {
        size_t cap = d->capqmarks ? d->capqmarks * 2 : 64;
        d->qmarks = kj_grow(d, d->qmarks, d->nqmarks, cap, sizeof *d->qmarks);
        d->capqmarks = cap;
    }
    d->qmarks[d->nqmarks++] = i;
}


/* Are the eight bytes at u (maybe unaligned) all ASCII? */
static inline bool ascii8(const unsigned char *u)
{
    uint64_t w;
    memcpy(&w, u, 8);
    return !(w & 0x8080808080808080u);
}

/* Are the eight bytes at u all ASCII and none of them a byte of
 * bracket_ascii? For a word x, (x - 0x01..) & ~x & 0x80.. is nonzero
 * exactly when a byte of x is 0. */
static inline bool plain_ascii8(const unsigned char *u)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    uint64_t w;
    memcpy(&w, u, 8);
    uint64_t nl = w ^ (ones * '\n'), qu = w ^ (ones * '"'), pa = (w | ones) ^ (ones * ')');
    return !((w | ((nl - ones) & ~nl) | ((qu - ones) & ~qu) | ((pa - ones) & ~pa)) & tops);
}

/* Are the four characters from i all of three bytes (kana, kanji: the
 * run a Japanese text is made of), their entries without KJ_CPX_SLOW or a
 * bit of mask? Four loads and one test for the four: with no KJ_CPX_SLOW
 * in any, the lengths ANDed are 3 only where each length is 3 (1, 2 and 4
 * lack one of its two bits), so each entry read is the next character's.
 * The caller sees that the four end by its bound (i + 12 <= it, which is
 * at most d->norm_len); text_run_test checks the runs against the steps
 * one at a time (p->sb_one_by_one). */
static inline bool four_plain3(const uint32_t *cpx, size_t i, uint32_t mask)
{
    uint32_t a = cpx[i], b = cpx[i + 3], c = cpx[i + 6], e = cpx[i + 9];
    return !((a | b | c | e) & (mask | KJ_CPX_SLOW)) && ((a & b & c & e) >> KJ_CPX_LEN_SHIFT) == 3;
}

/* The bits of a d->cpx entry that rule_breaks' ASCII runs stop at: any
 * but those of an ASCII character it lets go on the chain unread. Every
 * ASCII character whose Sentence_Break is one of SB_STOP, and ( ) and "
 * (which kj_structure's bracket scan acts on), has KJ_CC_BREAK
 * (kj_text_acts_on); a character that stops a run takes the slow way,
 * which also lets any other go on the chain. */
#define PLAIN_ASCII_MASK (KJ_CPX_SLOW | (KJ_CPX_CP & ~(uint32_t)0x7F) | KJ_CC_BREAK)

/* Are the sixteen entries at x all of ASCII characters a run goes over
 * (none has a bit of PLAIN_ASCII_MASK)? The OR of four vectors of four
 * (GCC's vector extension: SSE2 on x86-64), one test. text_run_test
 * checks the runs against the entries one at a time (p->sb_one_by_one). */
static inline bool plain_ascii16(const uint32_t *x)
{
    typedef uint32_t v4 __attribute__((vector_size(16)));
    typedef uint64_t v2 __attribute__((vector_size(16)));
    v4 a, b, c, e;
    memcpy(&a, x, 16);
    memcpy(&b, x + 4, 16);
    memcpy(&c, x + 8, 16);
    memcpy(&e, x + 12, 16);
    v2 m = (v2)((a | b | c | e) & PLAIN_ASCII_MASK);
    return (m[0] | m[1]) == 0;
}

/* Bracket pairs tracked for boundary suppression. */
static int opener(uint32_t c)
{
    switch (c) {
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case '(':
    case 0x3010: /* 【 */
    case 0x3008: /* 〈 */
    case 0x300A: /* 《 */
    case 0x201C: /* “ */
        return 1;
    }
    return 0;
}

static int closer(uint32_t c)
{
    switch (c) {
    case 0x300D:
    case 0x300F:
    case ')':
    case 0x3011:
    case 0x3009:
    case 0x300B:
    case 0x201D:
        return 1;
    }
    return 0;
}

bool kj_text_acts_on(uint32_t c)
{
    if (c >= 0x10000)
        return false;
    int sb = u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
    return (sb >= 0 && sb < 32 && (SB_STOP >> sb & 1)) || c == '\n' || c == '"' || opener(c) ||
           closer(c);
}

static bool is_terminal(uint32_t c)
{
    return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ || c == '!' ||
           c == '?' || c == 0xFF0E /* ． */;
}

/* ICU counts 「 as closing punctuation, so in …と述べた。「次の…」 it proposes
 * the boundary after the 「: move it back before the opening brackets that
 * follow a sentence end (cases/ja/quote). Steps back at most MAX_OPENERS
 * whole characters, never to or before lo (the sentence start or the bracket
 * scan position), and never into a normalization chunk. */
#define MAX_OPENERS 4
static size_t before_openers(const kiji_doc *d, size_t lo, size_t b)
{
    const char *t = d->norm;
    size_t nb = b;
    for (int k = 0; k < MAX_OPENERS && nb > lo; k++) {
        size_t ps;
        uint32_t c = kj_u8_prev(t, nb, &ps);
        if (ps <= lo || !opener(c))
            break;
        nb = ps;
    }
    if (nb == b || d->map_start[nb] == d->map_start[nb - 1])
        return b;
    size_t ps;
    return is_terminal(kj_u8_prev(t, nb, &ps)) ? nb : b;
}

/* Does a name written with its 。 (ja/period_names) end at b (just after
 * the 。)? The name is matched backwards from the 。, at most the list's
 * longest entry, from lo. */
static bool period_name_ends(const kiji_doc *d, size_t lo, size_t b)
{
    const char *t = d->norm;
    const kj_dict *names = d->p->period_names;
    if (b < lo + 3 || b > d->norm_len || memcmp(t + b - 3, "\xE3\x80\x82", 3) != 0)
        return false;
    size_t k = b - 3;
    if (d->p->period_nprev) {
        size_t ps;
        uint32_t c = kj_u8_prev(t, k, &ps);
        size_t j = 0;
        while (j < d->p->period_nprev && d->p->period_prev[j] != c)
            j++;
        if (j == d->p->period_nprev)
            return false;
    }
    size_t maxlen = kj_dict_maxlen(names);
    for (int steps = 0; steps < 16 && k > lo && b - k < maxlen; steps++) {
        size_t ps;
        kj_u8_prev(t, k, &ps);
        k = ps;
        int32_t v = 0;
        if (kj_dict_get(names, t + k, b - k, &v))
            return true;
    }
    return false;
}

/* 「やめろ！」と叫んだ: ICU ends a sentence after ！」 or 。」 (and after
 * …」), but when the next character is hiragana or 、 (と, という, など) the
 * quote is part of the sentence that goes on (cases/ja/quote). So does a parenthesis closed
 * right after a name's own 。 ((以下モー娘。)は); after a real full stop
 * (…ではない。)また、 it ends the sentence. */
static bool quote_goes_on(const kiji_doc *d, size_t start, size_t b)
{
    const char *t = d->norm;
    if (b >= d->norm_len)
        return false;
    size_t nx = b;
    uint32_t nc = kj_u8_next(t, d->norm_len, &nx);
    if (!((nc >= 0x3041 && nc <= 0x3096) || nc == 0x3001 /* 、 */))
        return false;
    size_t p, q;
    uint32_t c = kj_u8_prev(t, b, &p);
    if (p <= start)
        return false;
    if (c == 0xFF09 /* ） */ || c == ')')
        return period_name_ends(d, start, p);
    if (c != 0x300D && c != 0x300F) /* 」 』 */
        return false;
    uint32_t e = kj_u8_prev(t, p, &q);
    if (q < start)
        return false;
    /* 「…のでは…」と懸念する: words trailing off in an ellipsis (…, ‥,
     * ...) go on into the sentence as a stop does */
    size_t r;
    if (e == 0x2026 || e == 0x2025 || (e == '.' && q > start && kj_u8_prev(t, q, &r) == '.'))
        return true;
    return is_terminal(e);
}

/* 元モーニング娘。の辻…: the 。 that ends a name written with it
 * (ja/period_names) is part of the name, not a sentence end, when a letter,
 * （ or 、 follows at once (no space or line break). */
static bool name_period(const kiji_doc *d, size_t start, size_t b)
{
    if (b >= d->norm_len)
        return false;
    size_t nx = b;
    uint32_t nc = kj_u8_next(d->norm, d->norm_len, &nx);
    if (!(kj_isalnum(nc) || nc == 0xFF08 /* （ */ || nc == '(' || nc == 0x3001 /* 、 */))
        return false;
    return period_name_ends(d, start, b);
}

bool kj_text_name_period(const kiji_doc *d, size_t i)
{
    size_t lo = i > 64 ? i - 64 : 0;
    return i + 3 <= d->norm_len && name_period(d, lo, i + 3);
}

/* Does the word at n open a sentence (en/sentence_openers)? */
static bool opener_at(const kiji_doc *d, size_t n)
{
    const char *t = d->norm;
    size_t e = n;
    while (e < d->norm_len && e - n < 16 &&
           ((t[e] >= 'A' && t[e] <= 'Z') || (t[e] >= 'a' && t[e] <= 'z')))
        e++;
    int32_t v = 0;
    return e > n && kj_dict_get(d->p->openers, t + n, e - n, &v);
}

/* An English boundary at b that follows an abbreviation or an initial
 * (George W. Bush, Northwind Inc. said) is not a sentence end. At a line
 * break (wrapped) only a real abbreviation or initial goes on: a line
 * ending "over budget." ends its sentence before a digit too. */
static bool after_abbreviation(const kiji_doc *d, size_t start, size_t b, bool wrapped)
{
    const char *t = d->norm;
    size_t e = b;
    while (e > start && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n'))
        e--;
    if (e == start || t[e - 1] != '.')
        return false;
    size_t w = e - 1;
    while (w > start && w + 16 > e &&
           ((t[w - 1] >= 'A' && t[w - 1] <= 'Z') || (t[w - 1] >= 'a' && t[w - 1] <= 'z') ||
            t[w - 1] == '.'))
        w--;
    if (w == e - 1)
        return false;
    size_t n = b;
    while (n < d->norm_len && (t[n] == ' ' || t[n] == '"' || t[n] == '('))
        n++;
    bool next_lower =
        n < d->norm_len && ((t[n] >= 'a' && t[n] <= 'z') || kj_is_digit((unsigned char)t[n]));
    if (next_lower && !wrapped)
        return true;
    /* a single capital initial (not the last letter of AT&T.) */
    if (e - 1 - w == 1 && t[w] >= 'A' && t[w] <= 'Z' &&
        (w == start || t[w - 1] == ' ' || t[w - 1] == '\n' || t[w - 1] == '('))
        return true;
    int32_t kind = 0;
    if (kj_dict_get(d->p->abbrev, t + w, e - 1 - w, &kind))
        return kind == 1 || next_lower || (kind == 3 && !opener_at(d, n));
    return false;
}

/* ---- ICU's boundaries without ICU ---------------------------------------- */

/* The Sentence_Break value of c (USentenceBreak), the property ICU's rules
 * are written in. */
static int sb_of(const kiji_parser *p, uint32_t c)
{
    return c < 0x10000 ? p->sb_tab[c] : u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
}

/* The Sentence_Break value of the character at byte i (i < norm_len), or
 * -1 when no valid sequence starts there. */
static int sb_at(const kiji_doc *d, size_t i, size_t *next)
{
    uint32_t v = d->cpx[i];
    if (v >= KJ_CPX_SLOW)
        return -1;
    *next = i + (v >> KJ_CPX_LEN_SHIFT);
    return sb_of(d->p, v & KJ_CPX_CP);
}

/* The ASCII bytes the bracket scan in kj_structure acts on. */
static const bool bracket_ascii[128] = {['\n'] = true, ['('] = true, [')'] = true, ['"'] = true};

static void push_break(kiji_doc *d, uint32_t **bs, size_t *n, size_t *cap, size_t at)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        *bs = kj_grow_raw(d, *bs, *n, nc, sizeof **bs);
        *cap = nc;
    }
    (*bs)[(*n)++] = (uint32_t)at;
}

/* The characters kj_structure's bracket scan acts on (a line break, ( ) "
 * and the rest of bracket_ascii, and the characters of KJ_CC_BREAK that
 * start E2 80 or E3 80: 「 」 “ ” and the like), in text order, as
 * rule_breaks meets them on its own walk: every such character either
 * takes its slow way (KJ_CC_BREAK, and ( ) " end its ASCII runs) or is
 * a Close or Sp of a terminator's run. The scan then goes from one to the
 * next without reading the characters between (p->sb_walk_all: it reads
 * them all, as text_run_test compares). */
struct scan_stops {
    uint32_t *at;
    size_t n, cap;
};

/* Does the bracket scan act on the character at i (a character start,
 * its entry not slow)? Its own test, read the same way. */
static inline bool scan_stop(const kiji_doc *d, size_t i)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    unsigned char b0 = u[i];
    if (b0 < 0x80)
        return bracket_ascii[b0];
    return (d->cpx[i] & (KJ_CPX_SLOW | KJ_CC_BREAK)) && (b0 == 0xE2 || b0 == 0xE3) &&
           !(i + 1 < d->norm_len && u[i + 1] != 0x80);
}

/*
 * The boundaries ICU's sentence break iterator reports for d->norm (after
 * the one at 0, each a byte offset), found without it for the cases below,
 * whose outcome ICU's rules (icu4c data/brkitr/rules/sent.txt: UAX #29
 * SB3-SB11 as chained rules) leave no doubt about; NULL when the text holds
 * any other case, and ICU decides (exact, never a guess). Boundaries arise
 * only after a line break (SB4) and after a terminator run STerm|ATerm
 * Close* Sp* (SB11); every other character chains into the next (rule 12),
 * so between those runs there is nothing to decide. For the run ending at q
 * with the character X there:
 *   - X a line break: the boundary is after it (SB9-11), pushed with it;
 *   - X SContinue, STerm or ATerm: none (SB8a), X goes on the chain;
 *   - after ATerm: X Numeric right after it (SB6) or X Lower after any run
 *     (SB8): none; X Upper right after it: none when an Upper or Lower
 *     precedes the ATerm (SB7); any other X but a letter may start SB8's
 *     lookahead for a Lower, which is followed to its end;
 *   - else a boundary at q (SB11).
 * Undecided: a byte outside a valid sequence, CR and the other separators
 * (CR LF pairs), Extend and Format characters inside or after a run or
 * before an ATerm (SB5 attaches them to what precedes). Linear: each
 * character is read at most twice (SB8's lookahead stops at the next
 * terminator, where the next run starts).
 */
static uint32_t *rule_breaks(kiji_doc *d, size_t *nbs, struct scan_stops *st)
{
    const size_t len = d->norm_len;
    uint32_t *bs = NULL;
    size_t n = 0, cap = 0;
    const uint32_t *cpx = d->cpx;
    uint64_t work = 0; /* d->work, kept in a register */
    const bool four = !d->p->sb_one_by_one;
    size_t i = 0;
    while (i < len) {
        work++;
        /* most characters only go on the chain: one load and one test
         * (the classes hold KJ_CC_BREAK for every value of stop; the
         * brackets it also marks take the way below, which lets them go
         * on the chain as well) */
        uint32_t v = cpx[i];
        if (!(v & (KJ_CPX_SLOW | 0x1F0000 | KJ_CC_BREAK))) {
            i += v >> KJ_CPX_LEN_SHIFT;
            /* after kana or kanji, the run of them four at a time (one
             * step of work each, as above) */
            if (v >= 3u << KJ_CPX_LEN_SHIFT && four) {
                while (i + 12 <= len && four_plain3(cpx, i, 0x1F0000 | KJ_CC_BREAK)) {
                    i += 12;
                    work += 4;
                }
                /* the run's last characters (at most three once the four
                 * fail) one at a time here, rather than each by the test
                 * above and then a failed four */
                while (i < len && !(cpx[i] & (KJ_CPX_SLOW | 0x1F0000 | KJ_CC_BREAK)) &&
                       cpx[i] >> KJ_CPX_LEN_SHIFT == 3) {
                    i += 3;
                    work++;
                }
            }
            if (v < 2u << KJ_CPX_LEN_SHIFT) {
                /* an entry of length 1 is ASCII: the rest of a run of
                 * such ASCII (English words and spaces), by the same test
                 * of the entries: sixteen at a time (no branch per byte),
                 * then one at a time */
                size_t r = i;
                if (four)
                    while (len - r >= 16 && plain_ascii16(cpx + r))
                        r += 16;
                while (r < len && !(cpx[r] & PLAIN_ASCII_MASK))
                    r++;
                work += (r - i) / 8;
                i = r;
            }
            continue;
        }
        size_t next;
        int sb = sb_at(d, i, &next);
        if (sb < 0 || sb == U_SB_CR || sb == U_SB_SEP)
            goto undecided;
        if (st && scan_stop(d, i))
            push_break(d, &st->at, &st->n, &st->cap, i);
        if (sb == U_SB_LF) {
            push_break(d, &bs, &n, &cap, next);
            i = next;
            continue;
        }
        if (sb != U_SB_STERM && sb != U_SB_ATERM) {
            i = next;
            continue;
        }
        bool aterm = sb == U_SB_ATERM;
        /* the run: Close* Sp* */
        size_t q = next, qn = next;
        bool sp = false;
        int x = -1;
        while (q < len) {
            work++;
            x = sb_at(d, q, &qn);
            if (x == U_SB_CLOSE && !sp) {
            } else if (x == U_SB_SP) {
                sp = true;
            } else {
                break;
            }
            if (st && scan_stop(d, q))
                push_break(d, &st->at, &st->n, &st->cap, q);
            q = qn;
        }
        if (q >= len) /* the end of the text is the boundary */
            break;
        if (x < 0 || x == U_SB_EXTEND || x == U_SB_FORMAT || x == U_SB_CR || x == U_SB_SEP)
            goto undecided;
        if (x == U_SB_LF || x == U_SB_SCONTINUE || x == U_SB_STERM || x == U_SB_ATERM) {
            i = q;
            continue;
        }
        if (aterm) {
            if (x == U_SB_LOWER || (x == U_SB_NUMERIC && q == next)) {
                i = q;
                continue;
            }
            if (x == U_SB_UPPER && q == next) {
                if (i == 0) {
                    push_break(d, &bs, &n, &cap, q);
                    i = q;
                    continue;
                }
                size_t ps, pn;
                kj_cp_prev(d, i, &ps);
                int pc = sb_at(d, ps, &pn);
                if (pc < 0 || pn != i || pc == U_SB_EXTEND || pc == U_SB_FORMAT)
                    goto undecided;
                if (pc == U_SB_UPPER || pc == U_SB_LOWER) {
                    i = q;
                    continue;
                }
            } else if (x != U_SB_UPPER && x != U_SB_OLETTER) {
                /* SB8: ( not OLetter Upper Lower ParaSep SATerm )* Lower */
                size_t k = q, kn = q;
                int y = -1;
                while (k < len) {
                    work++;
                    y = sb_at(d, k, &kn);
                    if (y < 0)
                        goto undecided;
                    if (y == U_SB_OLETTER || y == U_SB_UPPER || y == U_SB_LOWER || y == U_SB_SEP ||
                        y == U_SB_CR || y == U_SB_LF || y == U_SB_ATERM || y == U_SB_STERM)
                        break;
                    k = kn;
                }
                if (k < len && y == U_SB_LOWER) {
                    i = q;
                    continue;
                }
            }
        }
        push_break(d, &bs, &n, &cap, q);
        i = q;
    }
    if (len > 0 && (n == 0 || bs[n - 1] != len))
        push_break(d, &bs, &n, &cap, len);
    if (!bs) /* an empty text: no boundary after 0 */
        bs = kj_alloc_raw(d, sizeof *bs);
    *nbs = n;
    d->work += work;
    return bs;
undecided:
    d->work += work;
    return NULL;
}

/* Does the text from s (len bytes) start with a forward key, as ICU's
 * forward walk decides it: the walk goes on while what it has read is the
 * start of some key, and matches when it stops on a key that no other key
 * extends, or at the end of the text on a key. */
static bool sb_forward(const kiji_parser *p, const char *s, size_t len)
{
    for (size_t l = 1; l <= len; l++) {
        bool start = false, key = false, longer = false;
        for (size_t i = 0; i < p->sb_nfwd; i++) {
            if (p->sb_fwd_len[i] < l || memcmp(p->sb_fwd[i], s, l) != 0)
                continue;
            start = true;
            if (p->sb_fwd_len[i] == l)
                key = true;
            else
                longer = true;
        }
        if (!start)
            return false;
        if (key && !longer)
            return true;
        if (l == len)
            return key;
    }
    return false;
}

/* Does ICU's abbreviation filter drop the boundary at n (0 < n < norm_len)?
 * It steps back over one space, finds the longest key of the reverse table
 * that ends there (Mr.), and drops the boundary for a whole key, or for a
 * partial one (Ph.) when the forward table matches from its start. */
static bool sb_suppressed(kiji_doc *d, size_t n)
{
    const kiji_parser *p = d->p;
    const char *t = d->norm;
    size_t q = t[n - 1] == ' ' ? n - 1 : n;
    if (q == 0 || !kj_dict_may_start(p->sb_rev, (unsigned char)t[q - 1]))
        return false;
    char rev[KJ_SB_KEY_LEN];
    size_t m = 0;
    while (m < sizeof rev && m < q) {
        rev[m] = t[q - 1 - m];
        m++;
    }
    d->work += m;
    int32_t v = 0;
    size_t k = kj_dict_longest(p->sb_rev, rev, m, 0, &v);
    if (k == 0)
        return false;
    if (v == SB_MATCH)
        return true;
    return sb_forward(p, t + q - k, d->norm_len - (q - k));
}

/* The boundaries ICU's English iterator (@ss=standard) reports for d->norm,
 * as rule_breaks: the rule boundaries less the ones after an abbreviation
 * of ICU's list (the end of the text always stays); NULL when the rules
 * leave the text to ICU. */
static uint32_t *en_breaks(kiji_doc *d, size_t *nbs, struct scan_stops *st)
{
    uint32_t *bs = rule_breaks(d, nbs, st);
    if (!bs)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < *nbs; i++) {
        d->work++;
        if (bs[i] < d->norm_len && sb_suppressed(d, bs[i]))
            continue;
        bs[k++] = bs[i];
    }
    *nbs = k;
    return bs;
}

/* ICU's boundaries for d's text found without it, or NULL. */
static uint32_t *fast_breaks(kiji_doc *d, size_t *nbs, struct scan_stops *st)
{
    if (d->norm_len >= INT32_MAX / 2)
        return NULL;
    if (d->lang != KJ_LANG_EN)
        return rule_breaks(d, nbs, st);
    return d->p->sb_en_fast ? en_breaks(d, nbs, st) : NULL;
}

void kj_structure(kiji_doc *d)
{
    const char *t = d->norm;
    const uint32_t *cpx = d->cpx;
    const bool four = !d->p->sb_one_by_one;
    size_t len = d->norm_len;
    UBreakIterator *bi = d->lang == KJ_LANG_EN ? d->sbrk_en : d->sbrk_ja;
    UErrorCode st = U_ZERO_ERROR;
    /* ICU's boundaries found without it, else ICU runs */
    size_t nfast = 0, kf = 0;
    struct scan_stops stops = {0};
    uint32_t *fast = fast_breaks(d, &nfast, d->p->sb_walk_all ? NULL : &stops);
    size_t ks = 0; /* stops.at[ks]: the next stop at or after pos */
    const bool jump = fast && !d->p->sb_walk_all;
    /* ICU iterates UTF-16 twice as fast as UTF-8 through UText: convert
     * once, and map boundaries back with one forward cursor (u16 -> u8). */
    UChar *u16 = NULL;
    int32_t n16 = 0;
    if (!fast && len < INT32_MAX / 2) {
        u16 = kj_alloc_raw(d, (len + 1) * sizeof(UChar));
        /* from the decoded text, else (never in NFKC output of valid
         * input) through ICU */
        if (!kj_chars_utf16(d, u16, len + 1, &n16))
            u_strFromUTF8(u16, (int32_t)len + 1, &n16, t, (int32_t)len, &st);
    } else if (!fast) {
        st = U_BUFFER_OVERFLOW_ERROR;
    }
    if (U_SUCCESS(st) && !fast)
        ubrk_setText(bi, u16, n16, &st);
    if (U_FAILURE(st)) {
        /* Without ICU's boundaries, lines are the sentences. */
        size_t s = 0;
        int para = 0;
        for (size_t i = 0; i < len; i++) {
            d->work++;
            if (t[i] == '\n') {
                add_sentence(d, s, i, para++);
                s = i + 1;
            }
        }
        add_sentence(d, s, len, para);
        return;
    }

    /* the line breaks and 「」 for kj_quote_ja, met on the way */
    bool marks = d->lang != KJ_LANG_EN;
    int depth = 0;
    bool dquote = false; /* inside ASCII "..." */
    size_t pos = 0;      /* scan position for bracket state */
    size_t start = 0;    /* start of the current sentence */
    int para = 0;
    size_t soft_at = (size_t)-1; /* just after the last soft line break */
    int32_t b = fast ? 0 : ubrk_first(bi);
    int32_t at16 = 0; /* the UTF-16 index of byte at8 */
    size_t at8 = 0;
    for (;;) {
        if (fast) {
            if (kf == nfast)
                break;
            at8 = fast[kf++];
        } else if ((b = ubrk_next(bi)) == UBRK_DONE) {
            break;
        }
        while (!fast && at16 < b && at8 < len) {
            d->work++;
            unsigned char c = (unsigned char)t[at8];
            /* eight ASCII bytes are eight UTF-16 units */
            if (c < 0x80 && b - at16 >= 8 && len - at8 >= 8 &&
                ascii8((const unsigned char *)t + at8)) {
                at8 += 8;
                at16 += 8;
                continue;
            }
            at8 += (size_t)kj_u8_len(c);
            at16 += c >= 0xF0 ? 2 : 1;
        }
        if (at8 > len)
            at8 = len;
        size_t bpos = at8;
        /* A boundary inside one normalization chunk ("." + a conjoining
         * jamo) moves to the chunk's end: sentences must map back to the
         * original bytes without overlapping. */
        while (bpos > 0 && bpos < len && d->map_start[bpos] == d->map_start[bpos - 1]) {
            d->work++;
            bpos++;
        }
        if (bpos <= start)
            continue;
        if (d->lang != KJ_LANG_EN)
            bpos = before_openers(d, pos > start ? pos : start, bpos);
        bool newline = false;
        /* Advance bracket state up to the proposed boundary, counting the
         * steps over plain characters in a register (added to d->work
         * below). */
        uint64_t steps = 0;
        while (pos < bpos) {
            if (jump) {
                /* from one stop to the next (struct scan_stops); past the
                 * last before bpos to bpos, a character start where its
                 * entry is not slow (rule_breaks read every character
                 * start so: a slow one left the text to ICU), else on by
                 * the characters below */
                steps++;
                if (ks < stops.n && stops.at[ks] < bpos) {
                    pos = stops.at[ks++];
                } else if (bpos >= len || !(cpx[bpos] & KJ_CPX_SLOW)) {
                    pos = bpos;
                    break;
                }
            }
            /* Most characters change nothing here: only a line break, ( ) "
             * and the brackets and quotation marks below, which are
             * U+2000-U+203F or U+3000-U+303F (E2 80 xx or E3 80 xx), need a
             * closer look; eight ASCII bytes with none of the four at once
             * (pos stays on a character start). */
            unsigned char b0 = (unsigned char)t[pos];
            if (b0 < 0x80 && bpos - pos >= 8 && plain_ascii8((const unsigned char *)t + pos)) {
                pos += 8;
                steps++;
                continue;
            }
            /* the rest: one test of the entry steps over a character
             * outside KJ_CC_BREAK (all of kana and kanji) */
            uint32_t v = cpx[pos];
            if (b0 >= 0x80 && !(v & (KJ_CPX_SLOW | KJ_CC_BREAK))) {
                pos += v >> KJ_CPX_LEN_SHIFT;
                steps++;
                /* the run of kana and kanji after it, four at a time */
                while (four && pos + 12 <= bpos && four_plain3(cpx, pos, KJ_CC_BREAK)) {
                    pos += 12;
                    steps += 4;
                }
                continue;
            }
            if (b0 < 0x80 ? !bracket_ascii[b0]
                          : (b0 != 0xE2 && b0 != 0xE3) ||
                                (pos + 1 < len && (unsigned char)t[pos + 1] != 0x80)) {
                pos += (size_t)kj_u8_len(b0);
                steps++;
                continue;
            }
            size_t k = pos;
            uint32_t c = kj_u8_next(t, len, &k);
            d->work++;
            if (marks && (c == '\n' || c == 0x300C || c == 0x300D))
                add_qmark(d, pos);
            if (c == '\n' && !hard_newline(d, pos)) {
                soft_at = k;
            } else if (c == '\n') {
                /* A line break ends the sentence here, whatever ICU says. */
                add_sentence(d, start, pos, para);
                start = k;
                depth = 0;
                dquote = false;
                newline = true;
                para++;
            } else if (opener(c)) {
                if (depth < MAX_DEPTH)
                    depth++;
            } else if (closer(c)) {
                if (depth > 0)
                    depth--;
            } else if (c == '"' && !kj_dq_apostrophe(t, len, pos)) {
                dquote = !dquote;
            }
            pos = k;
        }
        d->work += steps;
        (void)newline;
        bool inside = depth > 0 || dquote || bpos == soft_at ||
                      (d->lang == KJ_LANG_EN && after_abbreviation(d, start, bpos, false)) ||
                      (d->lang != KJ_LANG_EN &&
                       (quote_goes_on(d, start, bpos) || name_period(d, start, bpos)));
        if (inside && bpos - start < MAX_SENTENCE && bpos < len)
            continue;
        add_sentence(d, start, bpos, para);
        start = bpos;
        if (!inside) {
            depth = 0;
            dquote = false;
        }
    }
    if (start < len)
        add_sentence(d, start, len, para);
    if (marks)
        d->qmarks_end = pos < len ? pos : len; /* the rest was not scanned */
    if (!fast)
        ubrk_setText(bi, NULL, 0, &st); /* u16 goes with the arena */
}

int kj_text_breaks_agree(kiji_doc *d)
{
    size_t n = 0, len = d->norm_len;
    const uint32_t *fast = fast_breaks(d, &n, NULL);
    if (!fast)
        return -1;
    UBreakIterator *bi = d->lang == KJ_LANG_EN ? d->sbrk_en : d->sbrk_ja;
    UErrorCode st = U_ZERO_ERROR;
    UChar *u16 = kj_alloc_raw(d, (len + 1) * sizeof(UChar));
    int32_t n16 = 0;
    u_strFromUTF8(u16, (int32_t)len + 1, &n16, d->norm, (int32_t)len, &st);
    ubrk_setText(bi, u16, n16, &st);
    if (U_FAILURE(st))
        return 0;
    size_t k = 0;
    int32_t b = ubrk_first(bi);
    while ((b = ubrk_next(bi)) != UBRK_DONE) {
        int32_t b8 = 0;
        UErrorCode st8 = U_ZERO_ERROR;
        u_strToUTF8(NULL, 0, &b8, u16, b, &st8); /* the byte offset of b */
        if (k >= n || fast[k] != (uint32_t)b8)
            break;
        k++;
    }
    ubrk_setText(bi, NULL, 0, &st);
    return b == UBRK_DONE && k == n;
}

int kj_sentence_of(const kiji_doc *d, size_t i)
{
    /* The sentences are in order and do not overlap, so the one holding i
     * is the only one: the last answer or the next, when either holds i,
     * is what the search would find. The hint is a cache, not part of the
     * doc's value: writing it through the const pointer is fine (the doc
     * is never a const object). */
    size_t h = d->sent_hint, lo = 0, hi = d->nsent;
    if (h < hi) {
        if (d->sent[h].ns > i)
            hi = h; /* before the hint: search [0, h) */
        else if (i < d->sent[h].ne)
            return (int)h;
        else if (h + 1 < hi && d->sent[h + 1].ns <= i && i < d->sent[h + 1].ne) {
            ((kiji_doc *)d)->sent_hint = h + 1;
            return (int)(h + 1);
        } else
            lo = h + 1; /* after the hint: search [h + 1, nsent) */
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sent[mid].ne <= i)
            lo = mid + 1;
        else if (d->sent[mid].ns > i)
            hi = mid;
        else {
            ((kiji_doc *)d)->sent_hint = mid;
            return (int)mid;
        }
    }
    return -1;
}
