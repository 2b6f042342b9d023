/*
 * kiji.c -- the public entry points: parser and doc lifetimes, input checks
 * (size, UTF-8, NUL, emptiness, meta), and the pipeline driver.
 *
 * Checks come first and cost one pass over the input; nothing is allocated
 * for an input that is rejected. The pipeline runs under a setjmp so the
 * arena cap can stop it anywhere with a clean KIJI_ERR_MEMORY.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kj.h"

#define DEFAULT_MAX_FACTS 20000
#define DEFAULT_MAX_MEMORY ((size_t)256 << 20)

static int fail(kiji_error *err, int code, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(kiji_error *err, int code, size_t offset, const char *fmt, ...)
{
    if (err && !err->code) {
        va_list ap;
        err->code = code;
        err->offset = offset;
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    }
    return code;
}

kiji_parser *kiji_parser_new(const kiji_options *opt, kiji_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    kiji_parser *p = calloc(1, sizeof *p);
    if (!p) {
        fail(err, KIJI_ERR_NOMEM, 0, "out of memory");
        return NULL;
    }
    if (opt)
        p->opt = *opt;
    if (!p->opt.max_input)
        p->opt.max_input = KIJI_DEFAULT_MAX_INPUT;
    if (!p->opt.max_facts)
        p->opt.max_facts = DEFAULT_MAX_FACTS;
    if (!p->opt.max_memory)
        p->opt.max_memory = DEFAULT_MAX_MEMORY;
    if (!p->opt.facts)
        p->opt.facts = KIJI_FACTS_DEFAULT;
    kj_chars_init(p);
    int rc = kj_norm_init(p, err);
    if (!rc)
        rc = kj_text_init(p, err);
    if (!rc && kj_meta_init(p))
        rc = fail(err, KIJI_ERR_NOMEM, 0, "metadata word lists");
    if (!rc && kj_numeric_init(p))
        rc = fail(err, KIJI_ERR_NOMEM, 0, "numeric recognizer init failed");
    if (!rc && kj_date_init(p))
        rc = fail(err, KIJI_ERR_NOMEM, 0, "date recognizer init failed");
    if (!rc && kj_entity_init(p))
        rc = fail(err, KIJI_ERR_NOMEM, 0, "entity recognizer init failed");
    if (!rc && kj_quote_init(p))
        rc = fail(err, KIJI_ERR_NOMEM, 0, "quote recognizer init failed");
    if (rc) {
        kiji_parser_free(p);
        return NULL;
    }
    return p;
}

void kiji_parser_free(kiji_parser *p)
{
    if (!p)
        return;
    kj_quote_free(p);
    kj_entity_free(p);
    kj_date_free(p);
    kj_numeric_free(p);
    kj_meta_free(p);
    kj_text_free(p);
    free(p);
}

kiji_doc *kiji_doc_new(const kiji_parser *p)
{
    if (!p)
        return NULL;
    kiji_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->p = p;
    d->arena.cap = p->opt.max_memory;
    if (kj_text_doc_init(d)) {
        kj_text_doc_free(d);
        free(d);
        return NULL;
    }
    return d;
}

void kiji_doc_free(kiji_doc *d)
{
    if (!d)
        return;
    kj_text_doc_free(d);
    kj_arena_free(&d->arena);
    free(d->json);
    free(d->cpx);
    free(d->sort.p);
    free(d);
}

/* Reset everything a parse fills, keeping the arena's chunks, the break
 * iterators, the JSON buffer, the decoded-text table and the sort scratch. */
static void reset(kiji_doc *d)
{
    kj_arena_reset(&d->arena);
    kj_arena arena = d->arena;
    const kiji_parser *p = d->p;
    UBreakIterator *ja = d->sbrk_ja, *en = d->sbrk_en;
    char *json = d->json;
    size_t json_cap = d->json_cap;
    uint32_t *cpx = d->cpx;
    size_t cpx_cap = d->cpx_cap;
    kj_scratch sort = d->sort;
    memset(d, 0, sizeof *d);
    d->p = p;
    d->arena = arena;
    d->sbrk_ja = ja;
    d->sbrk_en = en;
    d->json = json;
    d->json_cap = json_cap;
    d->cpx = cpx;
    d->cpx_cap = cpx_cap;
    d->sort = sort;
    d->agency_fact = -1;
    d->pub_hh = d->pub_mm = -1;
}

/* Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing past
 * U+10FFFF. Returns the offset of the first bad byte, or len. NUL bytes are
 * reported through *nul. */
static size_t utf8_check(const unsigned char *s, size_t len, size_t *nul)
{
    size_t i = 0;
    *nul = len;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == 0 && *nul == len)
                *nul = i;
            i++;
            /* the rest of an ASCII run eight bytes at a time while none is
             * NUL: (w - 0x01..01) & ~w & 0x80..80 is nonzero exactly when
             * a byte of w is zero, given no byte has its high bit set */
            while (len - i >= 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if ((w & 0x8080808080808080u) ||
                    ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u))
                    break;
                i += 8;
            }
            continue;
        }
        /* The common case in Japanese text: a lead byte E1-EC or EE-EF
         * and two continuation bytes can be neither an overlong form nor a
         * surrogate (those need E0 or ED), so it is valid as it stands. A
         * run of them is stepped over in one loop: the lead tested as bit
         * (lead - E0) of 0xDFFE (1-15 less 13, ED), both continuation
         * bytes with one two-byte load (the mask is the same for either
         * byte order). */
        size_t at = i;
        /* four characters a round while sixteen bytes are there, then two
         * while eight are: each lead's high nibble (E) and the
         * continuation bytes with one eight-byte load and a mask per word
         * (the same for either byte order), the leads' low nibbles (not 0
         * for E0 nor D for ED) as bits of 0xDFFE */
        static const unsigned char mask0[8] = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0};
        static const unsigned char bits0[8] = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80};
        static const unsigned char mask1[8] = {0xC0, 0xF0, 0xC0, 0xC0, 0, 0, 0, 0};
        static const unsigned char bits1[8] = {0x80, 0xE0, 0x80, 0x80, 0, 0, 0, 0};
        static const unsigned char mask2[8] = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0, 0};
        static const unsigned char bits2[8] = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0, 0};
        uint64_t m0, b0, m1, b1, m2, b2;
        memcpy(&m0, mask0, 8);
        memcpy(&b0, bits0, 8);
        memcpy(&m1, mask1, 8);
        memcpy(&b1, bits1, 8);
        memcpy(&m2, mask2, 8);
        memcpy(&b2, bits2, 8);
        while (len - i >= 16) {
            uint64_t w0, w1;
            memcpy(&w0, s + i, 8);
            memcpy(&w1, s + i + 8, 8);
            if ((w0 & m0) != b0 || (w1 & m1) != b1 ||
                !((0xDFFEu >> (s[i] & 15)) & (0xDFFEu >> (s[i + 3] & 15)) &
                  (0xDFFEu >> (s[i + 6] & 15)) & (0xDFFEu >> (s[i + 9] & 15)) & 1))
                break;
            i += 12;
        }
        while (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & m2) != b2 || !((0xDFFEu >> (s[i] & 15)) & (0xDFFEu >> (s[i + 3] & 15)) & 1))
                break;
            i += 6;
        }
        while (len - i >= 3) {
            unsigned lead = (unsigned)s[i] - 0xE0;
            uint16_t w;
            memcpy(&w, s + i + 1, 2);
            if (lead >= 16 || !((0xDFFEu >> lead) & 1) || (w & 0xC0C0) != 0x8080)
                break;
            i += 3;
        }
        if (i > at)
            continue;
        size_t n = kj_u8_seq(s + i, len - i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

/* The error of a text that is not strict UTF-8 or holds a NUL byte (the
 * first bad byte's), replacing any error already in err; 0 for a good text.
 * kj_normalize makes the same check as it reads; this is for the errors
 * found before it finishes, which a bad text's error comes before. */
static int check_text(kiji_error *err, const char *text, size_t len)
{
    size_t nul;
    size_t bad = utf8_check((const unsigned char *)text, len, &nul);
    if (nul == len && bad == len)
        return 0;
    if (err)
        memset(err, 0, sizeof *err);
    if (nul < bad)
        return fail(err, KIJI_ERR_NUL, nul, "NUL byte at offset %zu", nul);
    return fail(err, KIJI_ERR_UTF8, bad, "invalid UTF-8 at byte offset %zu", bad);
}

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!kj_is_digit((unsigned char)s[i]))
            return false;
    return true;
}

/* "YYYY-MM-DD" or an RFC 3339 date-time ("2026-02-13T09:30:00+09:00"). */
static bool parse_published(kiji_doc *d, const char *s)
{
    size_t n = strlen(s);
    if (n < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2))
        return false;
    int y = atoi(s), m = two(s + 5), day = two(s + 8);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || day < 1 || day > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && day == 29 && !leap)
        return false;
    if (n > 10) {
        if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || n < 16 || !digits(s + 11, 2) ||
            s[13] != ':' || !digits(s + 14, 2))
            return false;
        int hh = two(s + 11), mm = two(s + 14);
        if (hh > 23 || mm > 59)
            return false;
        /* seconds, fraction and zone: checked for shape only */
        for (size_t i = 16; i < n; i++) {
            char c = s[i];
            if (!(kj_is_digit((unsigned char)c) || c == ':' || c == '.' || c == '+' || c == '-' ||
                  c == 'Z' || c == 'z'))
                return false;
        }
        d->pub_hh = hh;
        d->pub_mm = mm;
    }
    d->pub_y = y;
    d->pub_m = m;
    d->pub_d = day;
    d->pub_source = "envelope";
    return true;
}

static kj_lang detect_lang(kiji_doc *d)
{
    size_t ja = 0, latin = 0, i = 0, n = d->norm_len < 65536 ? d->norm_len : 65536;
    while (i < n) {
        uint32_t c = kj_u8_next(d->norm, n, &i);
        d->work++;
        if (kj_is_kanji(c) || kj_is_hiragana(c) || kj_is_katakana(c))
            ja++;
        else if (kj_is_latin(c))
            latin++;
    }
    return ja * 4 >= latin && ja > 0 ? KJ_LANG_JA : KJ_LANG_EN;
}

int kiji_parse(kiji_doc *d, const char *text, size_t len, const kiji_meta *meta,
               kiji_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!d || (!text && len))
        return fail(err, KIJI_ERR_ARG, 0, "NULL document or text");
    reset(d);
    const kiji_parser *p = d->p;
    if (len > p->opt.max_input)
        return fail(err, KIJI_ERR_TOO_LARGE, p->opt.max_input,
                    "input of %zu bytes exceeds the limit of %zu bytes", len, p->opt.max_input);
    if (len == 0)
        return fail(err, KIJI_ERR_EMPTY, 0, "empty input");
    /* The text itself (UTF-8, NUL bytes) is checked by kj_normalize as it
     * reads it; an error found before that pass finishes checks the text
     * first (check_text), as a bad text's error comes before any other. */
    if (meta && meta->published && *meta->published && !parse_published(d, meta->published)) {
        int bad = check_text(err, text, len);
        return bad ? bad
                   : fail(err, KIJI_ERR_PUBLISHED, 0,
                          "published is not a valid YYYY-MM-DD date or RFC 3339 date-time");
    }
    int lang = 0;
    if (meta && meta->lang && *meta->lang) {
        if (strcmp(meta->lang, "ja") == 0)
            lang = KJ_LANG_JA;
        else if (strcmp(meta->lang, "en") == 0)
            lang = KJ_LANG_EN;
        else if (strcmp(meta->lang, "auto") != 0) {
            int bad = check_text(err, text, len);
            return bad ? bad : fail(err, KIJI_ERR_LANG, 0, "lang must be ja, en or auto");
        }
    }

    jmp_buf jb;
    d->oom = &jb;
    int rc = setjmp(jb);
    if (rc) {
        /* Arena cap or malloc failure somewhere in the pipeline. */
        d->nfacts = 0;
        d->nsent = 0;
        d->oom = NULL;
        if (!d->norm) {
            int bad = check_text(err, text, len); /* the cap was hit before the check ended */
            if (bad)
                return bad;
        }
        return fail(err, rc, 0,
                    rc == KIJI_ERR_MEMORY ? "the document's memory cap of %zu bytes was reached"
                                          : "out of memory (cap %zu bytes)",
                    p->opt.max_memory);
    }
    d->orig = kj_strndup(d, text, len);
    d->orig_len = len;
    if (meta && meta->id)
        d->id = kj_strndup(d, meta->id, strlen(meta->id));
    rc = kj_normalize(d, err);
    if (rc) {
        d->oom = NULL;
        if (rc != KIJI_ERR_UTF8 && rc != KIJI_ERR_NUL) {
            int bad = check_text(err, text, len); /* ICU failed before the check ended */
            if (bad)
                return bad;
        }
        return rc;
    }
    bool blank = true;
    for (size_t i = 0; i < d->norm_len && blank; i++) {
        unsigned char c = (unsigned char)d->norm[i];
        blank = c == ' ' || c == '\n' || c == '\t' || c == '\v' || c == '\f';
    }
    if (blank) {
        d->oom = NULL;
        return fail(err, KIJI_ERR_EMPTY, 0, "input holds only white space");
    }
    d->claim = kj_alloc(d, d->norm_len + 1);
    d->lang = lang ? (kj_lang)lang : detect_lang(d);
    kj_structure(d);
    kj_metadata(d);
    kj_rec_numeric(d);
    kj_rec_currency(d);
    kj_rec_date(d);
    kj_rec_entity(d);
    kj_money_resolve(d);
    kj_rec_quote(d);
    kj_finish(d);
    d->oom = NULL;
    return KIJI_OK;
}

size_t kiji_doc_fact_count(const kiji_doc *d)
{
    return d ? d->nfacts : 0;
}

const kiji_fact *kiji_doc_fact(const kiji_doc *d, size_t i)
{
    return d && i < d->nfacts ? &d->facts[i] : NULL;
}

size_t kiji_doc_sentence_count(const kiji_doc *d)
{
    return d ? d->nsent : 0;
}

int kiji_doc_sentence(const kiji_doc *d, size_t i, size_t *start, size_t *end)
{
    if (!d || i >= d->nsent)
        return -1;
    size_t s, e;
    kj_span_orig(d, d->sent[i].ns, d->sent[i].ne, &s, &e);
    if (start)
        *start = s;
    if (end)
        *end = e;
    return 0;
}

const char *kiji_doc_lang(const kiji_doc *d)
{
    return d && d->lang == KJ_LANG_EN ? "en" : "ja";
}

uint64_t kiji_doc_work(const kiji_doc *d)
{
    return d ? d->work : 0;
}

int kiji_fact_type_of(const kiji_fact *f)
{
    return f ? f->type : 0;
}

int kiji_fact_id(const kiji_fact *f)
{
    return f ? f->id : 0;
}

size_t kiji_fact_start(const kiji_fact *f)
{
    return f ? f->start : 0;
}

size_t kiji_fact_end(const kiji_fact *f)
{
    return f ? f->end : 0;
}

static const char *const type_names[KIJI_FACT_MAX + 1] = {
    NULL,     "number",    "money",  "quantity",     "percent", "date",       "duration", "set",
    "quote",  "statement", "person", "organization", "place",   "definition", "event",
    "currency"};

const char *kiji_fact_type_name(int type)
{
    return type > 0 && type <= KIJI_FACT_MAX ? type_names[type] : NULL;
}

int kiji_fact_type_from_name(const char *name)
{
    for (int i = 1; name && i <= KIJI_FACT_MAX; i++)
        if (strcmp(type_names[i], name) == 0)
            return i;
    return 0;
}

const char *kiji_status_name(int status)
{
    static const char *const names[] = {"ok",        "utf8", "empty",     "nul",
                                        "too_large", "memory", "nomem",   "published",
                                        "lang",      "icu",  "argument", "json"};
    if (status >= 0 && (size_t)status < sizeof names / sizeof names[0])
        return names[status];
    return "unknown";
}
