/*
 * fuzz.c -- the harness code every target shares: option bytes, parsers
 * kept for the process, and the invariant checks of a parse.
 *
 * The checks are the library's promises, not "no crash": the result JSON
 * re-reads with jansson; every fact's start/end lie inside the input on
 * UTF-8 boundaries and its text is exactly input[start:end]; ids are 1..n
 * in start order; references point at facts that exist; every string the
 * parser built (names, attributes, metadata) is valid UTF-8 and so made it
 * into the JSON (jansson silently drops a key whose string is invalid).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "kj.h"

void fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "\n==kiji-fuzz== invariant broken at %s:%d: %s\n==kiji-fuzz== ", file, line,
            cond);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

bool fz_spec_strict(void)
{
    static int strict = -1;
    if (strict < 0) {
        const char *e = getenv("KIJI_FUZZ_SPEC");
        strict = !(e && strcmp(e, "0") == 0);
    }
    return strict;
}

/* Written apart from the library's kj_u8_seq on purpose: the harness checks
 * the parser's UTF-8 handling with an oracle that does not share its code. */
bool fz_utf8_valid(const void *p, size_t len)
{
    const unsigned char *s = p;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (len - i < n)
            return false;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

bool fz_boundary(const uint8_t *s, size_t n, size_t off)
{
    return off == n || (off < n && (s[off] & 0xC0) != 0x80);
}

static const char *const published_table[7] = {
    NULL,         "2026-02-13", "2019-04-30",           "2019-05-01T00:00:00+09:00",
    "1989-01-08", "2024-02-29", "2026-12-31T23:59:59Z",
};

bool fz_split(const uint8_t *data, size_t size, fz_input *in)
{
    static const char *const langs[4] = {NULL, "ja", "en", "auto"};
    memset(in, 0, sizeof *in);
    if (size < FZ_HEAD)
        return false;
    uint8_t o = data[0], p = data[1];
    in->meta.lang = langs[o & 3];
    in->pretty = (o & 4) != 0;
    in->meta.id = (o & 8) ? "fuzz-article" : NULL;
    in->tight = (o & 16) != 0;
    const char *text = (const char *)data + FZ_HEAD;
    size_t len = size - FZ_HEAD;
    if ((p & 7) == 7) {
        size_t n = 0;
        while (n < len && n < 40 && text[n] != '\n')
            n++;
        memcpy(in->published, text, n);
        in->published[n] = '\0'; /* an embedded NUL just ends it early */
        in->meta.published = in->published;
        if (n < len)
            n++; /* the newline */
        text += n;
        len -= n;
    } else {
        in->meta.published = published_table[p & 7];
    }
    in->text = text;
    in->len = len;
    return true;
}

/* Parsers and docs live for the process (libFuzzer never returns). */
#define MAX_PARSERS 8
static struct {
    uint32_t mask;
    bool tight;
    kiji_parser *p;
    kiji_doc *d;
} parsers[MAX_PARSERS];

static int slot(uint32_t mask, bool tight)
{
    for (int i = 0; i < MAX_PARSERS; i++) {
        if (parsers[i].p && parsers[i].mask == mask && parsers[i].tight == tight)
            return i;
        if (!parsers[i].p) {
            kiji_options opt = {0};
            opt.facts = mask;
            if (tight) {
                /* Small enough that ordinary inputs reach both limits. */
                opt.max_memory = 256 * 1024;
                opt.max_facts = 4;
                opt.max_input = 16 * 1024;
            }
            kiji_error err;
            parsers[i].p = kiji_parser_new(&opt, &err);
            FZ_CHECK(parsers[i].p, "kiji_parser_new: %s", err.text);
            parsers[i].d = kiji_doc_new(parsers[i].p);
            FZ_CHECK(parsers[i].d, "kiji_doc_new failed");
            parsers[i].mask = mask;
            parsers[i].tight = tight;
            return i;
        }
    }
    fz_fail(__FILE__, __LINE__, "slot", "more than %d parser configurations", MAX_PARSERS);
}

kiji_parser *fz_parser(uint32_t mask, bool tight)
{
    return parsers[slot(mask, tight)].p;
}

kiji_doc *fz_doc(uint32_t mask, bool tight)
{
    return parsers[slot(mask, tight)].d;
}

/* ---- checks ------------------------------------------------------------ */

static size_t get_size(json_t *o, const char *key, size_t len, const char *what)
{
    json_t *v = json_object_get(o, key);
    FZ_CHECK(json_is_integer(v), "%s: \"%s\" is not an integer", what, key);
    json_int_t x = json_integer_value(v);
    FZ_CHECK(x >= 0 && (size_t)x <= len, "%s: %s=%lld outside the input of %zu bytes", what, key,
             (long long)x, len);
    return (size_t)x;
}

static void check_span(const char *text, size_t len, size_t s, size_t e, const char *what)
{
    const uint8_t *u = (const uint8_t *)text;
    FZ_CHECK(s <= e && e <= len, "%s: span [%zu, %zu) outside the input of %zu bytes", what, s, e,
             len);
    FZ_CHECK(fz_boundary(u, len, s), "%s: start %zu is inside a UTF-8 sequence", what, s);
    FZ_CHECK(fz_boundary(u, len, e), "%s: end %zu is inside a UTF-8 sequence", what, e);
}

static void check_date_string(const char *s, const char *what)
{
    /* YYYY, YYYY-MM or YYYY-MM-DD with real months and days */
    size_t n = strlen(s);
    FZ_CHECK(n == 4 || n == 7 || n == 10, "%s: \"%s\" is not YYYY[-MM[-DD]]", what, s);
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 4 || i == 7;
        FZ_CHECK(dash ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9'),
                 "%s: \"%s\" is not YYYY[-MM[-DD]]", what, s);
    }
    if (n >= 7) {
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        FZ_CHECK(m >= 1 && m <= 12, "%s: month of \"%s\"", what, s);
        if (n == 10) {
            int day = (s[8] - '0') * 10 + (s[9] - '0');
            FZ_CHECK(day >= 1 && day <= 31, "%s: day of \"%s\"", what, s);
        }
    }
}

static void check_str_member(json_t *o, const char *key, const char *want, const char *what)
{
    if (!want)
        return;
    FZ_CHECK(fz_utf8_valid(want, strlen(want)), "%s: the parser built invalid UTF-8 for \"%s\"",
             what, key);
    json_t *v = json_object_get(o, key);
    FZ_CHECK(json_is_string(v) && strcmp(json_string_value(v), want) == 0,
             "%s: \"%s\" missing or different in the JSON", what, key);
}

static bool two_digits(const char *s, int lo, int hi)
{
    if (s[0] == 'X' && s[1] == 'X')
        return true; /* unknown part: XXXX-03-13 */
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return false;
    int v = (s[0] - '0') * 10 + (s[1] - '0');
    return v >= lo && v <= hi;
}

static bool year4(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == 'X'))
            return false;
    return true;
}

/* A date value (GUIDELINES: ISO 8601 at the text's grain, X for unknown
 * parts): YYYY, YYYY-MM, YYYY-MM-DD[Thh:mm[Z|±hh:mm]|TNI...], YYYY-Www, YYYY-Qn,
 * FYYYYY, YYYY-SP/SU/FA/WI, TIMEX decades (199) and centuries (19), and
 * BC before a year or century (BC0202, BC02).
 * Checks the parts that are given are in range; a full numeric date must
 * exist in the calendar. */
static bool date_value_ok(const char *v)
{
    size_t n = strlen(v);
    if (n >= 2 && v[0] == 'F' && v[1] == 'Y')
        return n == 6 && year4(v + 2);
    /* before the common era, TIMEX's BC + the year or century as after
     * it: 紀元前202年 -> BC0202, 紀元前3世紀 -> BC02 (docs/DATES.md) */
    if (n > 2 && v[0] == 'B' && v[1] == 'C')
        return v[2] != 'B' && date_value_ok(v + 2);
    /* TIMEX decades and centuries: the 1990s -> 199, the 1800s -> 18 */
    if ((n == 2 || n == 3) && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9' &&
        (n == 2 || (v[2] >= '0' && v[2] <= '9')))
        return true;
    if (n < 4 || !year4(v))
        return false;
    if (n == 4)
        return true;
    if (v[4] != '-' || n < 7)
        return false;
    /* Seasons first: winter's WI starts like a week's W. */
    if (n == 7 && (!strcmp(v + 5, "SP") || !strcmp(v + 5, "SU") || !strcmp(v + 5, "FA") ||
                   !strcmp(v + 5, "WI")))
        return true;
    /* an ISO week, or its weekend (TIMEX 2026-W07-WE; XXXX-WXX-WE when no
     * publication date places it) */
    if (v[5] == 'W')
        return (n == 8 || (n == 11 && !strcmp(v + 8, "-WE"))) && two_digits(v + 6, 1, 53);
    /* a quarter; XXXX-QX when no publication date places "last quarter" */
    if (v[5] == 'Q')
        return n == 7 && ((v[6] >= '1' && v[6] <= '4') || (v[6] == 'X' && v[0] == 'X'));
    if (!two_digits(v + 5, 1, 12))
        return false;
    if (n == 7)
        return true;
    if (n < 10 || v[7] != '-' || !two_digits(v + 8, 1, 31))
        return false;
    if (v[5] != 'X' && v[8] != 'X') {
        static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int m = (v[5] - '0') * 10 + (v[6] - '0'), d = (v[8] - '0') * 10 + (v[9] - '0');
        if (d > mdays[m - 1])
            return false;
        if (m == 2 && d == 29 && v[0] != 'X' && v[3] != 'X') {
            int y = atoi(v);
            if (!((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
                return false;
        }
    }
    if (n == 10)
        return true;
    /* TIMEX parts of the day: 2026-02-12TNI (night), TMO, TAF, TEV, TDT */
    if (n == 13 && v[10] == 'T' &&
        (!strcmp(v + 11, "MO") || !strcmp(v + 11, "MI") || !strcmp(v + 11, "AF") ||
         !strcmp(v + 11, "EV") || !strcmp(v + 11, "NI") || !strcmp(v + 11, "DT")))
        return true;
    if (v[10] != 'T' || n < 16 || !two_digits(v + 11, 0, 24) || v[13] != ':' ||
        !two_digits(v + 14, 0, 59))
        return false;
    /* a zone the text gave: Z, or the offset of that date (3 p.m. ET) */
    return n == 16 || (n == 17 && v[16] == 'Z') ||
           (n == 22 && (v[16] == '+' || v[16] == '-') && two_digits(v + 17, 0, 14) &&
            v[19] == ':' && two_digits(v + 20, 0, 59));
}

/* What GUIDELINES.md fixes about each type's attributes, where present. */
static void check_type_attrs(json_t *facts, json_t *f, int t, const char *what)
{
    json_t *v;
    static const char *const nums[] = {"value", "max"};
    bool numeric = t == KIJI_FACT_NUMBER || t == KIJI_FACT_MONEY || t == KIJI_FACT_QUANTITY ||
                   t == KIJI_FACT_PERCENT;
    for (size_t k = 0; k < 2 && numeric; k++) {
        v = json_object_get(f, nums[k]);
        if (v)
            FZ_SPEC(json_is_number(v), "%s: %s is not a number", what, nums[k]);
    }
    if (t == KIJI_FACT_CURRENCY)
        FZ_SPEC(json_object_get(f, "currency") && !json_object_get(f, "value"),
                "%s: a currency fact without a code or with a value", what);
    if ((t == KIJI_FACT_MONEY || t == KIJI_FACT_CURRENCY) && (v = json_object_get(f, "currency"))) {
        const char *c = json_string_value(v);
        FZ_SPEC(c && strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
                    c[2] >= 'A' && c[2] <= 'Z',
                "%s: currency is not ISO 4217", what);
    }
    if (t == KIJI_FACT_DATE && (v = json_object_get(f, "value")) && json_is_string(v))
        FZ_SPEC(date_value_ok(json_string_value(v)), "%s: date value \"%s\" is not a valid date",
                what, json_string_value(v));
    if (t == KIJI_FACT_DURATION && (v = json_object_get(f, "value")) && json_is_string(v))
        FZ_SPEC(json_string_value(v)[0] == 'P', "%s: duration value \"%s\" is not ISO 8601", what,
                json_string_value(v));
    /* a range of lengths (four to five years): the high end is a length too,
     * and only with a low end */
    if (t == KIJI_FACT_DURATION && (v = json_object_get(f, "max")) && !json_is_null(v))
        FZ_SPEC(json_is_string(v) && json_string_value(v)[0] == 'P' &&
                    json_is_string(json_object_get(f, "value")),
                "%s: duration max is no ISO 8601 length after a value", what);
    if ((t == KIJI_FACT_PERSON || t == KIJI_FACT_ORGANIZATION || t == KIJI_FACT_PLACE))
        FZ_SPEC(json_is_string(json_object_get(f, "name")), "%s: an entity without a name", what);
    /* A speaker is a person or an organization (GUIDELINES: quote). */
    if ((v = json_object_get(f, "speaker")) && !json_is_null(v)) {
        json_t *sp = json_array_get(facts, (size_t)json_integer_value(v) - 1);
        int st = kiji_fact_type_from_name(json_string_value(json_object_get(sp, "type")));
        FZ_SPEC(st == KIJI_FACT_PERSON || st == KIJI_FACT_ORGANIZATION, "%s: speaker is a %s", what,
                kiji_fact_type_name(st));
    }
}

static void check_fact(kiji_doc *d, const char *text, size_t len, json_t *facts, size_t i,
                       size_t *last_start)
{
    json_t *f = json_array_get(facts, i);
    size_t n = json_array_size(facts);
    char what[64];
    snprintf(what, sizeof what, "fact %zu", i + 1);
    FZ_CHECK(json_is_object(f), "%s is not an object", what);
    const kiji_fact *kf = kiji_doc_fact(d, i);
    FZ_CHECK(kf, "%s: kiji_doc_fact returned NULL", what);

    json_t *id = json_object_get(f, "id");
    FZ_CHECK(json_is_integer(id) && json_integer_value(id) == (json_int_t)(i + 1) &&
                 kiji_fact_id(kf) == (int)(i + 1),
             "%s: id is not %zu", what, i + 1);
    const char *type = json_string_value(json_object_get(f, "type"));
    FZ_CHECK(type, "%s: no type", what);
    int t = kiji_fact_type_from_name(type);
    FZ_CHECK(t > 0 && t == kiji_fact_type_of(kf), "%s: type \"%s\" unknown or not %d", what, type,
             kiji_fact_type_of(kf));
    FZ_CHECK(d->p->opt.facts & KIJI_FACT_BIT(t), "%s: type %s is not in the options' mask", what,
             type);

    size_t s = get_size(f, "start", len, what), e = get_size(f, "end", len, what);
    check_span(text, len, s, e, what);
    FZ_CHECK(s < e, "%s (%s): empty span at %zu", what, type, s);
    FZ_CHECK(s == kiji_fact_start(kf) && e == kiji_fact_end(kf),
             "%s: JSON span differs from kiji_fact_start/end", what);
    FZ_CHECK(s >= *last_start, "%s: start %zu before the previous fact's %zu", what, s,
             *last_start);
    *last_start = s;
    json_t *tx = json_object_get(f, "text");
    FZ_CHECK(json_is_string(tx), "%s: no text (an invalid UTF-8 slice?)", what);
    FZ_CHECK(json_string_length(tx) == e - s && memcmp(json_string_value(tx), text + s, e - s) == 0,
             "%s: text is not input[%zu:%zu]", what, s, e);

    json_t *v = json_object_get(f, "sentence");
    if (v)
        FZ_CHECK(json_is_integer(v) && json_integer_value(v) >= 0 &&
                     (size_t)json_integer_value(v) < kiji_doc_sentence_count(d),
                 "%s: sentence index out of range", what);
    v = json_object_get(f, "name");
    if (v)
        FZ_CHECK(json_is_string(v) && json_string_length(v) > 0, "%s: empty or non-string name",
                 what);
    static const char *const refs[] = {"equivalent", "speaker", "affiliation"};
    for (size_t k = 0; k < 3; k++) {
        v = json_object_get(f, refs[k]);
        if (v && !json_is_null(v)) /* null: known to have none */
            FZ_CHECK(json_is_integer(v) && json_integer_value(v) >= 1 &&
                         (size_t)json_integer_value(v) <= n,
                     "%s: %s does not name a reported fact", what, refs[k]);
    }
    v = json_object_get(f, "qualifier");
    if (v) {
        const char *q = json_string_value(v);
        bool known = false;
        for (int k = KJ_Q_APPROX; k <= KJ_Q_AT_MOST && q && !known; k++)
            known = kj_qualifier_name(k) && !strcmp(q, kj_qualifier_name(k));
        FZ_SPEC(known, "%s: unknown qualifier", what);
    }
    json_t *m = json_object_get(f, "mentions");
    if (m) {
        FZ_CHECK(json_is_array(m), "%s: mentions is not an array", what);
        size_t k;
        json_t *p;
        json_array_foreach(m, k, p)
        {
            FZ_CHECK(json_is_array(p) && json_array_size(p) == 2, "%s: mention %zu shape", what, k);
            json_t *a = json_array_get(p, 0), *b = json_array_get(p, 1);
            FZ_CHECK(json_is_integer(a) && json_is_integer(b) && json_integer_value(a) >= 0 &&
                         json_integer_value(b) >= 0,
                     "%s: mention %zu values", what, k);
            size_t ms = (size_t)json_integer_value(a), me = (size_t)json_integer_value(b);
            check_span(text, len, ms, me, what);
            FZ_CHECK(ms < me, "%s: empty mention %zu", what, k);
        }
    }
    check_type_attrs(facts, f, t, what);
    /* Strings the recognizers built: valid UTF-8 and present in the JSON. */
    const kj_fact *pf = &d->facts[i];
    check_str_member(f, "name", pf->name, what);
    for (const kj_attr *a = pf->attrs; a; a = a->next) {
        FZ_CHECK(json_object_get(f, a->key), "%s: attribute \"%s\" is missing from the JSON", what,
                 a->key);
        if (a->kind == KJ_ATTR_STR && a->s)
            FZ_CHECK(fz_utf8_valid(a->s, strlen(a->s)), "%s: attribute \"%s\" is invalid UTF-8",
                     what, a->key);
    }
}

static void check_doc(kiji_doc *d, const fz_input *in, fz_extra_fn extra)
{
    const char *text = in->text;
    size_t len = in->len;
    FZ_CHECK(kiji_doc_work(d) > 0, "a successful parse did no work");
    const char *out = NULL;
    size_t outlen = 0;
    int rc = kiji_doc_json(d, in->pretty ? KIJI_JSON_PRETTY : 0, &out, &outlen);
    FZ_CHECK(rc == KIJI_OK && out, "kiji_doc_json: %s", kiji_status_name(rc));
    FZ_CHECK(strlen(out) == outlen, "JSON length %zu but strlen %zu", outlen, strlen(out));
    json_error_t jerr;
    json_t *root = json_loadb(out, outlen, JSON_REJECT_DUPLICATES, &jerr);
    FZ_CHECK(root, "the result JSON does not re-read: %s at %d", jerr.text, jerr.position);
    FZ_CHECK(json_is_object(root), "the result is not an object");

    json_t *v = json_object_get(root, "schema");
    FZ_CHECK(json_is_integer(v) && json_integer_value(v) == KIJI_SCHEMA, "schema");
    const char *lang = json_string_value(json_object_get(root, "lang"));
    FZ_CHECK(lang && (!strcmp(lang, "ja") || !strcmp(lang, "en")) &&
                 !strcmp(lang, kiji_doc_lang(d)),
             "lang");
    if (in->meta.lang && strcmp(in->meta.lang, "auto"))
        FZ_CHECK(!strcmp(lang, in->meta.lang), "lang %s was asked, %s given", in->meta.lang, lang);
    if (in->meta.id)
        FZ_CHECK(json_is_string(json_object_get(root, "id")) &&
                     !strcmp(json_string_value(json_object_get(root, "id")), in->meta.id),
                 "id not echoed");
    v = json_object_get(root, "published");
    FZ_CHECK(v && (json_is_null(v) || json_is_string(v)), "published is neither null nor string");
    if (json_is_string(v))
        check_date_string(json_string_value(v), "published");
    if (in->meta.published && *in->meta.published)
        FZ_CHECK(json_is_string(v) && !strncmp(json_string_value(v), in->meta.published, 10),
                 "the envelope's published %s is not the result's", in->meta.published);
    FZ_CHECK(json_is_string(json_object_get(root, "published_source")), "published_source");

    json_t *src = json_object_get(root, "source");
    FZ_CHECK(json_is_object(src), "source is not an object");
    check_str_member(src, "agency", d->agency, "source");
    check_str_member(src, "credit", d->credit, "source");
    check_str_member(src, "copyright", d->copyright, "source");
    check_str_member(src, "url", d->url, "source");
    json_t *title = json_object_get(root, "title");
    FZ_CHECK(json_is_object(title), "title is not an object");
    check_str_member(title, "original", d->title_original, "title");
    json_t *cr = json_object_get(root, "credits");
    FZ_CHECK(json_is_array(cr) && json_array_size(cr) == d->ncredits, "credits: %zu in the doc",
             d->ncredits);
    for (size_t i = 0; i < d->ncredits; i++) {
        json_t *c = json_array_get(cr, i);
        check_str_member(c, "role", d->credits[i].role, "credit");
        check_str_member(c, "name", d->credits[i].name, "credit");
    }

    json_t *body = json_object_get(root, "body");
    FZ_CHECK(json_is_array(body) && json_array_size(body) == 2, "body shape");
    json_t *b0 = json_array_get(body, 0), *b1 = json_array_get(body, 1);
    FZ_CHECK(json_is_integer(b0) && json_is_integer(b1) && json_integer_value(b0) >= 0 &&
                 json_integer_value(b1) >= 0,
             "body values");
    check_span(text, len, (size_t)json_integer_value(b0), (size_t)json_integer_value(b1), "body");

    size_t nsent = kiji_doc_sentence_count(d);
    v = json_object_get(root, "sentences");
    FZ_CHECK(json_is_integer(v) && (size_t)json_integer_value(v) == nsent, "sentences count");
    size_t prev_end = 0;
    for (size_t i = 0; i < nsent; i++) {
        size_t s, e;
        FZ_CHECK(kiji_doc_sentence(d, i, &s, &e) == 0, "kiji_doc_sentence(%zu)", i);
        check_span(text, len, s, e, "sentence");
        FZ_CHECK(s >= prev_end, "sentence %zu starts at %zu, before the previous end %zu", i, s,
                 prev_end);
        prev_end = e;
    }
    FZ_CHECK(kiji_doc_sentence(d, nsent, NULL, NULL) == -1, "sentence past the end");
    FZ_CHECK(json_is_array(json_object_get(root, "limits")), "limits");

    json_t *facts = json_object_get(root, "facts");
    FZ_CHECK(json_is_array(facts), "facts is not an array");
    size_t n = json_array_size(facts);
    FZ_CHECK(n == kiji_doc_fact_count(d), "%zu facts in JSON, %zu in the doc", n,
             kiji_doc_fact_count(d));
    FZ_CHECK(n <= d->p->opt.max_facts, "more facts than max_facts");
    FZ_CHECK(kiji_doc_fact(d, n) == NULL, "kiji_doc_fact past the end");
    size_t last = 0;
    for (size_t i = 0; i < n; i++)
        check_fact(d, text, len, facts, i, &last);
    if (extra)
        extra(d, text, len, root);
    json_decref(root);
}

int fz_parse_check(kiji_doc *d, const fz_input *in, fz_extra_fn extra)
{
    kiji_error err;
    int rc = kiji_parse(d, in->text, in->len, &in->meta, &err);
    FZ_CHECK(rc >= KIJI_OK && rc <= KIJI_ERR_JSON, "status %d out of range", rc);
    if (rc == KIJI_OK) {
        FZ_CHECK(err.code == 0, "KIJI_OK with an error filled in");
        check_doc(d, in, extra);
        return rc;
    }
    FZ_CHECK(err.code == rc, "status %d but err.code %d", rc, err.code);
    FZ_CHECK(memchr(err.text, 0, sizeof err.text), "err.text is not terminated");
    FZ_CHECK(kiji_doc_fact_count(d) == 0 && kiji_doc_sentence_count(d) == 0,
             "facts or sentences left after error %s", kiji_status_name(rc));
    size_t max_input = d->p->opt.max_input;
    const uint8_t *u = (const uint8_t *)in->text;
    bool valid = fz_utf8_valid(in->text, in->len);
    bool nul = memchr(in->text, 0, in->len) != NULL;
    switch (rc) {
    case KIJI_ERR_UTF8:
        FZ_CHECK(!valid && err.offset < in->len && fz_utf8_valid(in->text, err.offset) &&
                     !memchr(in->text, 0, err.offset),
                 "utf8 error at %zu is not the first bad byte", err.offset);
        break;
    case KIJI_ERR_NUL:
        FZ_CHECK(nul && err.offset < in->len && u[err.offset] == 0 &&
                     fz_utf8_valid(in->text, err.offset) && !memchr(in->text, 0, err.offset),
                 "nul error at %zu", err.offset);
        break;
    case KIJI_ERR_TOO_LARGE:
        FZ_CHECK(in->len > max_input, "too_large for %zu bytes", in->len);
        break;
    case KIJI_ERR_EMPTY:
        break;
    case KIJI_ERR_MEMORY:
        FZ_CHECK(in->tight, "the 256 MiB arena cap was reached by %zu bytes", in->len);
        break;
    case KIJI_ERR_PUBLISHED:
        FZ_CHECK(in->meta.published && (in->meta.published == in->published),
                 "a table date %s was refused", in->meta.published);
        break;
    case KIJI_ERR_LANG:
        fz_fail(__FILE__, __LINE__, "lang", "lang %s refused", in->meta.lang);
    default:
        fz_fail(__FILE__, __LINE__, "status", "unexpected status %s: %s", kiji_status_name(rc),
                err.text);
    }
    if (rc != KIJI_ERR_TOO_LARGE && in->len <= max_input)
        FZ_CHECK(rc != KIJI_ERR_UTF8 || !valid, "valid UTF-8 refused");
    return rc;
}

int fz_run(const uint8_t *data, size_t size, uint32_t mask, fz_extra_fn extra)
{
    fz_input in;
    if (fz_split(data, size, &in))
        fz_parse_check(fz_doc(mask, in.tight), &in, extra);
    return 0;
}
