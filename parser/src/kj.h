/*
 * kj.h -- libkiji's private interface, shared by the pipeline and the
 * recognizers.
 *
 * A parse works on d->norm, the NFKC form of the input in UTF-8. Recognizers
 * see and record NORMALIZED byte offsets (ns/ne); the finisher (fact.c) maps
 * them back to original byte offsets through d->map_start (kj_span_orig), so
 * every reported span is exact in the caller's bytes.
 *
 * Memory: everything a parse allocates comes from the doc's arena
 * (kj_alloc). Hitting the cap longjmps back to kiji_parse, which returns
 * KIJI_ERR_MEMORY, so recognizers never check for NULL.
 */
#ifndef KJ_H
#define KJ_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "kiji.h"

typedef struct kj_dict kj_dict; /* util.c: byte trie, see below */

/* ---- arena ------------------------------------------------------------ */

typedef struct kj_chunk {
    struct kj_chunk *next;
    size_t size, used;
    max_align_t data[];
} kj_chunk;

typedef struct kj_arena {
    kj_chunk *head;  /* current chunk; older ones of this parse follow */
    kj_chunk *spare; /* chunks of earlier parses, reused before malloc */
    size_t total;    /* bytes held by all chunks */
    size_t cap;      /* kiji_options.max_memory */
} kj_arena;

void *kj_alloc(kiji_doc *d, size_t n);     /* zeroed; never NULL */
/* kj_alloc_raw (not zeroed; never NULL) is inline, below struct kiji_doc */
void kj_arena_reset(kj_arena *a);          /* keep the chunks for the next parse */
void kj_arena_free(kj_arena *a);
char *kj_strndup(kiji_doc *d, const char *s, size_t n);
/* Grow an arena array: returns a new array of newcap elements holding the
 * first n of old, the rest zeroed. */
void *kj_grow(kiji_doc *d, void *old, size_t n, size_t newcap, size_t elem);
/* The same with the rest not zeroed, for an array whose elements are
 * initialized when they are appended. */
void *kj_grow_raw(kiji_doc *d, void *old, size_t n, size_t newcap, size_t elem);

/* ---- exact decimal numbers ---------------------------------------------- */

/* value = mant * 10^exp, exact. ok == false means "no value" (vague). */
typedef struct kj_num {
    int64_t mant;
    int32_t exp;
    bool ok;
} kj_num;

/* Multiply by 10^k (k may be negative: a division that must be exact, else
 * the scale stays in exp). Returns false on int64 overflow. */
bool kj_num_scale(kj_num *n, int k);
/* a * b exactly; false on overflow. */
bool kj_num_mul(kj_num *r, kj_num a, kj_num b);
bool kj_num_add(kj_num *r, kj_num a, kj_num b);
/* Write the exact decimal form ("530000000000", "3.5") into buf. */
void kj_num_str(kj_num n, char *buf, size_t size);
double kj_num_double(kj_num n);

/* ---- facts ------------------------------------------------------------ */

typedef enum kj_qualifier {
    KJ_Q_NONE = 0,
    KJ_Q_APPROX,
    KJ_Q_OVER,
    KJ_Q_AT_LEAST,
    KJ_Q_UNDER,
    KJ_Q_AT_MOST,
} kj_qualifier;
const char *kj_qualifier_name(int q);

typedef struct kj_span {
    size_t ns, ne; /* normalized byte offsets */
} kj_span;

/* Extra attributes: a key (static string) and a JSON value kind. Written by
 * the JSON writer in insertion order after the core fields. */
enum { KJ_ATTR_STR, KJ_ATTR_INT, KJ_ATTR_BOOL, KJ_ATTR_NULL };
typedef struct kj_attr {
    struct kj_attr *next;
    const char *key; /* static storage */
    int kind;
    const char *s; /* KJ_ATTR_STR: arena or static */
    int64_t i;     /* KJ_ATTR_INT / KJ_ATTR_BOOL */
} kj_attr;

struct kiji_fact {
    int type;          /* kiji_fact_type */
    int id;            /* 1-based, assigned by the finisher */
    size_t ns, ne;     /* span in d->norm */
    size_t start, end; /* span in the original input (finisher) */
    int sentence;      /* index into d->sent, -1 if outside any */
    bool dropped;      /* removed by a later stage; not reported */

    kj_num value, max; /* numeric value and range top */
    int qualifier;     /* kj_qualifier */
    const char *name;  /* entities: the fullest form (NUL-terminated) */

    /* References are indexes into d->facts while parsing (-1 = none);
     * the finisher turns them into ids. */
    int equivalent;
    int speaker;
    int affiliation;

    kj_span *mentions; /* entities: every mention, first first */
    size_t nmentions, capmentions;

    kj_attr *attrs, *attrs_tail;
};
typedef struct kiji_fact kj_fact;

/* Add a fact on normalized span [ns, ne). Returns its index in d->facts,
 * or -1 when max_facts was reached (recorded in the result's "limits").
 * The pointer from kj_fact_at is valid only until the next kj_fact_add. */
int kj_fact_add(kiji_doc *d, int type, size_t ns, size_t ne);
kj_fact *kj_fact_at(kiji_doc *d, int idx);
void kj_attr_str(kiji_doc *d, kj_fact *f, const char *key, const char *s);
void kj_attr_strn(kiji_doc *d, kj_fact *f, const char *key, const char *s, size_t n);
void kj_attr_int(kiji_doc *d, kj_fact *f, const char *key, int64_t v);
void kj_attr_bool(kiji_doc *d, kj_fact *f, const char *key, bool v);
void kj_attr_null(kiji_doc *d, kj_fact *f, const char *key);
const kj_attr *kj_attr_get(const kj_fact *f, const char *key);
void kj_mention_add(kiji_doc *d, kj_fact *f, size_t ns, size_t ne);

/* Claims: which normalized bytes already belong to a numeric/date fact, so
 * a later recognizer does not read 1670発 as the year 1670. */
void kj_claim(kiji_doc *d, size_t ns, size_t ne, uint8_t type);
/* (kj_claim_at and kj_claimed, below kiji_doc, read them back) */

/* ---- structure ------------------------------------------------------- */

typedef struct kj_sentence {
    size_t ns, ne; /* normalized span, trailing white space excluded */
    int para;      /* paragraph index */
} kj_sentence;

/* Index of the sentence holding normalized offset i, or -1. O(log n). */
int kj_sentence_of(const kiji_doc *d, size_t i);
/* For tests: do the boundaries text.c finds without ICU for d->norm agree
 * with ICU's sentence iterator for d's language? 1 yes, 0 no, -1 the text
 * is one it leaves to ICU. */
int kj_text_breaks_agree(kiji_doc *d);

typedef enum kj_lang { KJ_LANG_JA = 1, KJ_LANG_EN = 2 } kj_lang;

/* ---- the parser and the document --------------------------------------- */

struct kj_numeric; /* rec_*.c private data, built once per parser */
struct kj_datedata;
struct kj_entity;
struct kj_quotedata;

/* Bounds on ICU's English abbreviation list as text.c keeps it (a list
 * beyond them leaves English sentence breaks to ICU). */
#define KJ_SB_KEYS 256
#define KJ_SB_KEY_LEN 32

struct kiji_parser {
    kiji_options opt;
    const UNormalizer2 *nfkc;
    uint8_t nfkc_tab[0x10000]; /* norm.c: per-BMP-code-point flags */
    /* norm.c: the d->cpx entry of a three-byte character less its code
     * point, for each value of its nfkc_tab flags */
    uint32_t nfkc_cpx3[256];
    uint32_t cpx_ascii[128];   /* chars.c: the d->cpx entry of each ASCII byte */
    UBreakIterator *sbrk_ja;   /* templates, cloned per doc */
    UBreakIterator *sbrk_en;
    uint8_t sb_tab[0x10000]; /* text.c: Sentence_Break of each BMP code point */
    kj_dict *abbrev;  /* text.c: en/abbreviations */
    kj_dict *openers; /* text.c: en/sentence_openers */
    kj_dict *period_names; /* text.c: ja/period_names (モーニング娘。) */
    /* text.c: the characters before the 。 of those names (娘, ニ): a 。
     * after any other ends no name; period_nprev 0 reads every 。 */
    uint32_t period_prev[16];
    size_t period_nprev;
    /* text.c: the abbreviations ICU's English iterator (@ss=standard) does
     * not end a sentence after, read from ICU's data: the reversed keys
     * (longest match backwards) and the forward keys of the partial ones
     * (Ph.D. after Ph.); sb_en_fast is false when they could not be read
     * as ICU reads them, and ICU then decides every English text */
    bool sb_en_fast;
    /* tests only (text_run_test): step over every character of a run of
     * kana and kanji, or of ASCII, one at a time, not four or sixteen at
     * a time (text.c) */
    bool sb_one_by_one;
    /* tests only (text_run_test): kj_structure's bracket scan reads every
     * character, not only the stops rule_breaks noted (text.c) */
    bool sb_walk_all;
    kj_dict *sb_rev;
    size_t sb_nfwd;
    uint8_t sb_fwd_len[KJ_SB_KEYS];
    char sb_fwd[KJ_SB_KEYS][KJ_SB_KEY_LEN];
    struct kj_meta_data *meta;
    struct kj_numeric *numeric;
    struct kj_datedata *date;
    struct kj_entity *entity;
    struct kj_quotedata *quote;
};

/* A malloc'd buffer kept across parses (kj_sort's scratch). */
typedef struct kj_scratch {
    void *p;
    size_t cap; /* bytes */
} kj_scratch;

struct kiji_doc {
    const kiji_parser *p;
    kj_arena arena;
    jmp_buf *oom; /* where kj_alloc jumps when the cap is hit */

    /* input */
    const char *orig; /* arena copy of the input, NUL-terminated */
    size_t orig_len;
    const char *norm; /* NFKC in UTF-8, NUL-terminated */
    size_t norm_len;
    /* norm byte i -> original start of its chunk; norm_len + 1 entries,
     * the last the end of the input (the ends: kj_map_end) */
    size_t *map_start;
    uint8_t *claim; /* norm_len bytes */
    /* the decoded text (chars.c): norm_len + 1 entries, malloc'd and kept
     * by the warm doc for the next parse (cpx_cap entries) */
    uint32_t *cpx;
    size_t cpx_cap;

    kj_lang lang;
    const char *id;
    /* publication date: y/m/d, 0 = unknown; source: envelope, dateline,
     * copyright, none */
    int pub_y, pub_m, pub_d;
    int pub_hh, pub_mm; /* -1 when not given */
    const char *pub_source;

    /* structure: [body_ns, body_ne) is the article body between the lead
     * credit and the trailer */
    size_t body_ns, body_ne;
    kj_sentence *sent;
    size_t nsent, capsent;
    /* kj_sentence_of's last answer, tried first (its callers ask about
     * nearby offsets in turn); any value is safe, it is checked */
    size_t sent_hint;
    /* Japanese text: the offsets of the line breaks, 「 and 」 that start
     * in norm[0, qmarks_end), in order. kj_structure's bracket scan stops
     * at each of them anyway; kj_quote_ja pairs the brackets from this
     * list instead of scanning the text again (and scans only the rest). */
    size_t *qmarks;
    size_t nqmarks, capqmarks, qmarks_end;
    UBreakIterator *sbrk_ja, *sbrk_en; /* per-doc clones */

    /* metadata (arena strings, NULL when absent) */
    const char *agency, *credit, *copyright, *url;
    const char *title_original;
    int title_revision; /* 0 = none */
    bool title_excerpt;
    struct kj_credit {
        const char *role, *name;
    } * credits;
    size_t ncredits, credits_cap;
    int agency_fact;      /* index of the organization fact for the agency */
    int dl_month, dl_day; /* dateline month/day (0 = none) */
    size_t dl_mpos;       /* 1 + where the dateline's month starts (0 = none) */

    /* facts */
    kj_fact *facts;
    size_t nfacts, capfacts;
    bool facts_truncated;

    uint64_t work;
    /* how many en_scale_more (num_en.c) calls are open: each reads the
     * next number, whose scale may read the next again */
    unsigned scale_depth;
    /* does the text deal in sterling (rec_numeric.c, glued pence)? 0 not
     * asked yet in this parse, 1 yes, -1 no: read once per parse */
    int8_t sterling;
    /* three-digit model numbers the text names after a name mid-sentence
     * (rec_numeric.c: "a Boeing 787"), so "the 787 offers" holds no count:
     * models_read 0 not read yet in this parse, 1 read; at most 8 kept */
    int8_t models_read;
    uint8_t nmodels;
    uint16_t models[8];

    /* output */
    char *json; /* malloc'd, reused between parses */
    size_t json_len, json_cap;

    kj_scratch sort; /* kj_sort's scratch for long lists, kept warm */
};

/* n bytes from the doc's arena, not zeroed; never NULL. The common case
 * inline (room in the current chunk: one test and an add, no call);
 * kj_alloc_chunk (util.c) takes a new chunk. */
void *kj_alloc_chunk(kiji_doc *d, size_t n);
static inline void *kj_alloc_raw(kiji_doc *d, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    if (n == 0)
        n = sizeof(max_align_t);
    kj_chunk *c = d->arena.head;
    if (!c || c->size - c->used < n)
        return kj_alloc_chunk(d, n);
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

/* The claim on byte i (0 = none). Inline: the scans ask it at every word. */
static inline uint8_t kj_claim_at(const kiji_doc *d, size_t i)
{
    return i < d->norm_len ? d->claim[i] : 0;
}

static inline bool kj_claimed(const kiji_doc *d, size_t ns, size_t ne)
{
    /* inline: the entity scans ask it at every character */
    if (ne > d->norm_len)
        ne = d->norm_len;
    for (size_t i = ns; i < ne; i++)
        if (d->claim[i])
            return true;
    return false;
}

/* ---- utilities (util.c) -------------------------------------------------- */

/* A stable sort of base[0, n) (elements that compare equal keep their
 * order, as in glibc's merge sort behind qsort): the lists sorted here (an
 * entity's mentions, the mentions by position) are mostly written in text
 * order, so a list in order costs n - 1 comparisons and one of a few sorted
 * runs a merge pass or two. Scratch for a list of up to 8 KiB is on the
 * stack; a longer one (a long document's mentions) uses sc, a buffer grown
 * with realloc and kept by the warm doc, so a warm parse of the same text
 * mallocs nothing; if it cannot grow, the list goes to qsort (the same
 * stable order). */
void kj_sort(kj_scratch *sc, void *base, size_t n, size_t size,
             int (*cmp)(const void *, const void *));
/* The natural merge sort behind kj_sort, with the caller's scratch
 * tmp[0, n * size): stable, each pass merges neighbouring sorted runs (the
 * left one first on ties), so O(n log runs) and n - 1 comparisons on a
 * sorted list. Inline, so that a caller's comparison is inlined too. */
static inline void kj_merge_sort(void *base, void *tmp, size_t n, size_t size,
                                 int (*cmp)(const void *, const void *))
{
    char *b = base;
    char *src = b, *dst = tmp;
    for (;;) {
        size_t first = 1;
        while (first < n && cmp(src + (first - 1) * size, src + first * size) <= 0)
            first++;
        if (first >= n)
            break; /* one run: sorted */
        size_t i = 0;
        while (i < n) {
            /* the run src[i, m), then the run src[m, e) */
            size_t m = i + 1;
            while (m < n && cmp(src + (m - 1) * size, src + m * size) <= 0)
                m++;
            size_t e = m;
            if (m < n) {
                e = m + 1;
                while (e < n && cmp(src + (e - 1) * size, src + e * size) <= 0)
                    e++;
            }
            size_t a = i, r = m, k = i;
            while (a < m && r < e) {
                size_t from = cmp(src + r * size, src + a * size) < 0 ? r++ : a++;
                memcpy(dst + k++ * size, src + from * size, size);
            }
            memcpy(dst + k * size, src + a * size, (m - a) * size);
            k += m - a;
            memcpy(dst + k * size, src + r * size, (e - r) * size);
            i = e;
        }
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != b)
        memcpy(b, src, n * size);
}

/* UTF-8 and character classes. Inline: recognizers call them at every
 * code point, and a call costs more than the work. */

/* Length of the strictly valid UTF-8 sequence (RFC 3629: no overlongs, no
 * surrogates, nothing past U+10FFFF) at s, a byte >= 0x80 with avail bytes
 * from s on; 0 when it is not one. The input check (kiji.c) and the JSON
 * writer (json.c) share it. */
size_t kj_u8_seq(const unsigned char *s, size_t avail);

/* Length of the UTF-8 sequence starting with byte c. */
static inline int kj_u8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Decode the code point at s[*i] (valid UTF-8 assumed: the input was
 * validated) and advance *i. At or past len: 0, *i unchanged. A sequence
 * cut by len: U+FFFD, *i = len. */
static inline uint32_t kj_u8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = *i;
    if (k >= len)
        return 0;
    uint32_t c = u[k];
    if (c < 0x80) {
        *i = k + 1;
        return c;
    }
    size_t n = (size_t)kj_u8_len((unsigned char)c);
    if (n > len - k) {
        *i = len;
        return 0xFFFD;
    }
    if (n == 2)
        c = ((c & 0x1F) << 6) | (u[k + 1] & 0x3F);
    else if (n == 3)
        c = ((c & 0x0F) << 12) | ((uint32_t)(u[k + 1] & 0x3F) << 6) | (u[k + 2] & 0x3F);
    else
        c = ((c & 0x07) << 18) | ((uint32_t)(u[k + 1] & 0x3F) << 12) |
            ((uint32_t)(u[k + 2] & 0x3F) << 6) | (u[k + 3] & 0x3F);
    *i = k + n;
    return c;
}

/* Code point ending just before s[i], and its start in *start (may be
 * NULL). At i == 0: 0, start 0. */
static inline uint32_t kj_u8_prev(const char *s, size_t i, size_t *start)
{
    if (i == 0) {
        if (start)
            *start = 0;
        return 0;
    }
    size_t k = i - 1;
    if ((unsigned char)s[k] < 0x80) {
        if (start)
            *start = k;
        return (unsigned char)s[k];
    }
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80 && i - k < 4)
        k--;
    size_t j = k;
    uint32_t c = kj_u8_next(s, i, &j);
    if (start)
        *start = k;
    return c;
}

static inline bool kj_is_kanji(uint32_t c)
{
    /* below 0x3005 (ASCII, Latin) at once; then the common block, then
     * the rest by range, each test one subtraction and compare */
    if (c < 0x3005)
        return false;
    if (c - 0x4E00 <= 0x9FFF - 0x4E00)
        return true;
    if (c < 0x3400)
        return c <= 0x3007; /* 々 〆 〇 */
    return c <= 0x4DBF || c - 0xF900 <= 0xFAFF - 0xF900 || c - 0x20000 <= 0x2FA1F - 0x20000;
}

static inline bool kj_is_hiragana(uint32_t c)
{
    return c >= 0x3041 && c <= 0x309F;
}

/* Katakana letters, ー and the iteration marks; not ・ (U+30FB). */
static inline bool kj_is_katakana(uint32_t c)
{
    return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FE) ||
           (c >= 0x31F0 && c <= 0x31FF);
}

static inline bool kj_is_latin(uint32_t c)
{
    /* ASCII: A-Z and a-z with one test (the 0x20 bit set folds the cases;
     * no other byte below 0x80 lands in a-z with it) */
    if (c < 0x80)
        return (c | 0x20) - 'a' < 26;
    return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

/* u_isalnum (a letter or a decimal digit), answered without ICU for ASCII,
 * kana and the main kanji block (every code point of those ranges is a
 * letter: Lo or Lm); core_test checks it against u_isalnum everywhere. */
static inline bool kj_isalnum(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
        (c >= 0x4E00 && c <= 0x9FFF))
        return true;
    return u_isalnum((UChar32)c);
}

/* ASCII 0-9 (the text is NFKC) */
static inline bool kj_is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* s[pos..len) starts with the NUL-terminated lit. Inline so that strlen of
 * a literal folds to a constant: recognizers call these at every byte.
 * Always inline: a copy out of line would call strlen and memcmp. */
static inline __attribute__((always_inline)) bool kj_at(const char *s, size_t len, size_t pos,
                                                        const char *lit)
{
    /* a word of a list (no constant): its first three bytes compared
     * inline before the strlen and memcmp calls, where most probes fail;
     * each stops at the word's NUL and at len */
    if (!__builtin_constant_p(__builtin_strlen(lit))) {
        if (!lit[0])
            return pos <= len;
        if (pos >= len || s[pos] != lit[0])
            return false;
        if (!lit[1])
            return true;
        if (len - pos < 2 || s[pos + 1] != lit[1])
            return false;
        if (!lit[2])
            return true;
        if (len - pos < 3 || s[pos + 2] != lit[2])
            return false;
        if (!lit[3])
            return true;
    }
    size_t n = __builtin_strlen(lit);
    return pos <= len && len - pos >= n && __builtin_memcmp(s + pos, lit, n) == 0;
}
/* s[..pos) ends with lit. */
static inline __attribute__((always_inline)) bool kj_before(const char *s, size_t pos,
                                                            const char *lit)
{
    size_t n = __builtin_strlen(lit);
    /* a word of a list (no constant): its first and last bytes compared
     * inline before the memcmp call, where most probes fail */
    if (!__builtin_constant_p(n) && n > 0 && pos >= n &&
        (s[pos - n] != lit[0] || s[pos - 1] != lit[n - 1]))
        return false;
    return pos >= n && __builtin_memcmp(s + pos - n, lit, n) == 0;
}
/* The straight double quote at s[pos] stands for an apostrophe, as some
 * wire copy types it: between a letter and a contraction's or possessive's
 * ending and a word end (Kuwait"s, isn"t, it"ll), where no quote mark
 * stands. The quote pairing of the sentence splitter and of the English
 * quotes both pass over it. */
static inline bool kj_dq_apostrophe(const char *s, size_t len, size_t pos)
{
    static const char *const ends[] = {"s", "t", "d", "m", "ll", "re", "ve"};
    if (pos == 0 || pos >= len || s[pos] != '"' ||
        !((s[pos - 1] >= 'a' && s[pos - 1] <= 'z') || (s[pos - 1] >= 'A' && s[pos - 1] <= 'Z')))
        return false;
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t n = __builtin_strlen(ends[k]), e = pos + 1 + n;
        if (e <= len && __builtin_memcmp(s + pos + 1, ends[k], n) == 0 &&
            (e == len || !((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z') || s[e] == '-')))
            return true;
    }
    return false;
}
/* s[..pos) ends with a count of wins or losses in digits (71勝, 62敗): a
 * number at pos goes on a won-lost record (71勝62敗11分), so a 分 after it
 * counts draws, not minutes, and 11分の3位 is no fraction. */
static inline bool kj_record_before(const char *s, size_t pos)
{
    size_t n = __builtin_strlen("勝");
    return pos > n && (kj_before(s, pos, "勝") || kj_before(s, pos, "敗")) &&
           s[pos - n - 1] >= '0' && s[pos - n - 1] <= '9';
}

/* ---- the decoded text (chars.c) ----------------------------------------- */

/* d->cpx[i], for byte i of d->norm: where a strictly valid UTF-8 sequence
 * starts, its code point (bits 0-20), its classes (KJ_CC_*, bits 21-26)
 * and its length (bits 27-29); inside one, KJ_CPX_SLOW and the distance
 * back to its first byte (bits 27-28); elsewhere (never in NFKC output of
 * valid input, but the readers do not rely on it) KJ_CPX_SLOW alone. The
 * length sits above the classes, so v >> KJ_CPX_LEN_SHIFT of an entry
 * below KJ_CPX_SLOW is the length alone. */
#define KJ_CPX_SLOW ((uint32_t)1 << 31)
#define KJ_CPX_LEN_SHIFT 27
#define KJ_CPX_BACK_SHIFT 27
#define KJ_CPX_CP ((uint32_t)0x1FFFFF)

/* Character classes of an entry, set where a valid sequence starts, so a
 * scan that acts only at some classes steps over the rest with one load
 * per character (ent_skip, rec_entity.h). Each is exactly the predicate
 * named, on the entry's code point. */
#define KJ_CC_KANJI ((uint32_t)1 << 21) /* kj_is_kanji */
#define KJ_CC_KATA ((uint32_t)1 << 22)  /* ent_kata: U+30A1-U+30FA, ー */
#define KJ_CC_WORD ((uint32_t)1 << 23)  /* ent_word: kj_is_latin or kj_is_digit */
#define KJ_CC_DOT ((uint32_t)1 << 24)   /* ・ or & (the rest of ent_namechar) */
#define KJ_CC_BREAK ((uint32_t)1 << 25) /* kj_text_acts_on (text.c) */
#define KJ_CC_UPPER ((uint32_t)1 << 26) /* A-Z */
/* ent_namechar */
#define KJ_CC_NAME (KJ_CC_KANJI | KJ_CC_KATA | KJ_CC_WORD | KJ_CC_DOT)
/* Bits 3-7 of p->nfkc_tab[c] for a non-ASCII BMP code point c: its
 * classes, kj_char_class(c) >> 21 (none is above KJ_CC_BREAK there), set
 * by kj_norm_init so that kj_chars reads them with one load. */
#define KJ_NF_CC_SHIFT 3
#define KJ_NF_CC_FIRST 21

/* Fill p->cpx_ascii (kiji_parser_new). */
void kj_chars_init(kiji_parser *p);
/* Build d->cpx for d->norm in one pass over the whole text. kiji_parse
 * gets the same table from kj_normalize, which writes the entries of the
 * text it copies as it is and fills the rest with kj_chars_fill; this pass
 * is the reference front_test compares that with. */
void kj_chars(kiji_doc *d);
/* Make d->cpx hold at least n entries, keeping its first keep; past the
 * document's memory cap or out of memory it longjmps like the arena. */
void kj_chars_reserve(kiji_doc *d, size_t n, size_t keep);
/* Fill d->cpx[from, to) for the text at text, where to is the end of a
 * UTF-8 sequence or of a byte no valid sequence holds, so that no byte
 * past it changes an entry (valid UTF-8 cut at a character boundary). */
void kj_chars_fill(kiji_doc *d, const char *text, size_t from, size_t to);
/* The classes (KJ_CC_*) kj_chars gives the code point c (for tables built
 * at init that must agree with d->cpx). */
uint32_t kj_char_class(uint32_t c);
/* d->norm in UTF-16 into out (cap units), NUL-terminated, as
 * u_strFromUTF8 writes it, and its length in *n16; false (nothing to use)
 * when cap is short or the text holds a byte outside a valid sequence. */
bool kj_chars_utf16(const kiji_doc *d, UChar *out, size_t cap, int32_t *n16);
/* kj_u8_next and kj_u8_prev out of line: the readers' fallbacks, kept out
 * of the inlined fast paths. */
uint32_t kj_cp_next_slow(const kiji_doc *d, size_t lim, size_t *i);
uint32_t kj_cp_prev_slow(const kiji_doc *d, size_t i, size_t *start);

/* kj_u8_next(d->norm, lim, i), from the table: the same result, one load
 * where the character starts a valid sequence that ends by lim. */
static inline uint32_t kj_cp_next(const kiji_doc *d, size_t lim, size_t *i)
{
    size_t k = *i;
    if (k < lim && k < d->norm_len) {
        uint32_t v = d->cpx[k];
        size_t n = v >> KJ_CPX_LEN_SHIFT;
        if (v < KJ_CPX_SLOW && n <= lim - k) {
            *i = k + n;
            return v & KJ_CPX_CP;
        }
    }
    return kj_cp_next_slow(d, lim, i);
}

/* kj_u8_prev(d->norm, i, start) (start not NULL), from the table: the
 * character ending just before i, when one ends exactly there. */
static inline uint32_t kj_cp_prev(const kiji_doc *d, size_t i, size_t *start)
{
    if (i - 1 < d->norm_len) { /* 0 < i <= norm_len */
        uint32_t v = d->cpx[i - 1];
        if (v < KJ_CPX_SLOW) {
            if (v >> KJ_CPX_LEN_SHIFT == 1) { /* ASCII */
                *start = i - 1;
                return v & KJ_CPX_CP;
            }
        } else {
            /* kj_u8_prev backs up over the continuation bytes to the
             * first byte and decodes the sequence ending at i (an entry
             * inside a sequence is never 0 bytes back) */
            size_t a = i - 1 - ((v >> KJ_CPX_BACK_SHIFT) & 3);
            uint32_t w = d->cpx[a];
            if (a < i - 1 && w < KJ_CPX_SLOW && a + (w >> KJ_CPX_LEN_SHIFT) == i) {
                *start = a;
                return w & KJ_CPX_CP;
            }
        }
    }
    return kj_cp_prev_slow(d, i, start);
}

/* ---- word lists (generated from parser/data at build time) ------------- */

typedef struct kj_wordlist {
    const char *name;         /* "ja/counters" */
    const char *const *lines; /* non-empty, non-comment lines */
    size_t n;
} kj_wordlist;
/* The list parser/data/<name>.txt, or NULL. */
const kj_wordlist *kj_wordlist_get(const char *name);

/* A byte trie over UTF-8 keys, built at parser creation, read-only after:
 * longest-match lookup at any position. */
typedef struct kj_dict kj_dict;
kj_dict *kj_dict_new(void);
/* Add key (len bytes) with a value; a later add of the same key replaces
 * the value. Returns false on allocation failure. */
bool kj_dict_add(kj_dict *t, const char *key, size_t len, int32_t value);
/* Add every line of a word list: "key" (value = def) or "key<TAB>int". */
bool kj_dict_add_list(kj_dict *t, const kj_wordlist *wl, int32_t def);
/* The key of a word-list line: its length before a tab, trailing spaces
 * trimmed (the key kj_dict_add_list stores). */
size_t kj_wordlist_key(const char *line);
/* Longest key that s[pos..len) starts with: its length (0 = none), value in
 * *value. */
size_t kj_dict_longest(const kj_dict *t, const char *s, size_t len, size_t pos, int32_t *value);
/* The same reading each line break of s as a space (South\nKorea finds
 * the key South Korea). */
size_t kj_dict_longest_sp(const kj_dict *t, const char *s, size_t len, size_t pos, int32_t *value);
/* The first-character filter kj_dict_longest applies where the text has a
 * non-ASCII character c: bit c (c < 0x10000) says a key may start with c,
 * and nothing starts with a character past U+FFFF. NULL when the dict
 * does not filter (a key starts mid-character): then only the lookup
 * knows. Valid as long as t. */
const uint64_t *kj_dict_first(const kj_dict *t);
/* May a key start at a character c of the text (read from the bytes
 * kj_dict_longest would read), by first, the kj_dict_first of its dict?
 * false only where kj_dict_longest would find none there: a test inline
 * before a lookup at a character the caller has read, where most
 * characters start no key (ASCII: kj_dict_may_start knows). */
static inline bool kj_dict_first_may(const uint64_t *first, uint32_t c)
{
    return !first || c < 0x80 || c >= 0x10000 || (first[c >> 6] >> (c & 63) & 1);
}
/* kj_dict_first_may for the dict t, whose filter it fetches only for a
 * character past ASCII (where the English text's lookups pass at once). */
static inline bool kj_dict_may_start_cp(const kj_dict *t, uint32_t c)
{
    return c < 0x80 || c >= 0x10000 || kj_dict_first_may(kj_dict_first(t), c);
}
/* kj_dict_may_start_cp for the character at s[pos] (len bytes), read
 * here where it is three bytes (kana, kanji): true for any other. */
static inline bool kj_dict_may_start_at(const kj_dict *t, const char *s, size_t len, size_t pos)
{
    const unsigned char *u = (const unsigned char *)s + pos;
    if (pos >= len || len - pos < 3 || u[0] < 0xE0 || u[0] > 0xEF)
        return true;
    uint32_t c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return kj_dict_may_start_cp(t, c);
}
/* Does some key start with byte b? */
bool kj_dict_may_start(const kj_dict *t, unsigned char b);
/* The longest key's length in bytes. */
size_t kj_dict_maxlen(const kj_dict *t);
/* May a key of len bytes (len > 0) end with byte b? false only where none
 * does: the length-and-last-byte filter kj_dict_get applies first. */
bool kj_dict_may_end(const kj_dict *t, size_t len, unsigned char b);
/* Exact lookup (through a hash index of the keys, not the trie). */
bool kj_dict_get(const kj_dict *t, const char *key, size_t len, int32_t *value);
/* Whether t's walks count a node's child bits with the CPU's popcnt
 * instruction: kj_dict_new turns it on where the CPU has one; off, they
 * count portably. Same answers either way (tests/dict_test walks both). */
void kj_dict_set_popcnt(kj_dict *t, bool on);
void kj_dict_free(kj_dict *t);

/* ---- number scanner (num.c) ------------------------------------------- */

/* A number token found at a position of d->norm. */
typedef struct kj_numtok {
    size_t ns, ne; /* span of the number itself */
    kj_num value;
    bool kanji; /* written (partly) in kanji numerals */
    bool word;  /* English number words */
    bool vague; /* 数百, 十数, dozens: no exact value */
    int digits; /* count of arabic digits in the integer part */
} kj_numtok;

/* Scan a number starting exactly at pos. Returns true and fills t, or false
 * when no number starts there. Kanji inside words are rejected (一時, 統一,
 * 十分 ...). */
bool kj_num_scan(kiji_doc *d, size_t pos, kj_numtok *t);

/* ---- pipeline stages ---------------------------------------------------- */

int kj_norm_init(kiji_parser *p, kiji_error *err); /* norm.c */
int kj_normalize(kiji_doc *d, kiji_error *err);
/* The original end of the chunk of norm byte i < norm_len. */
size_t kj_map_end(const kiji_doc *d, size_t i);
/* Original byte span of normalized span [ns, ne). */
void kj_span_orig(const kiji_doc *d, size_t ns, size_t ne, size_t *start, size_t *end);
int kj_text_init(kiji_parser *p, kiji_error *err); /* text.c: sentences */
/* Is c a character the sentence scans of kj_structure act on (the class
 * KJ_CC_BREAK, so that they step over the rest with one test of the
 * decoded entry): a BMP code point whose Sentence_Break value ends or
 * breaks rule_breaks' chain (STerm, ATerm, LF, CR, Sep), or a line break,
 * bracket or quotation mark the bracket scan tracks. Never one above
 * U+FFFF: both scans take those their slow way anyway. */
bool kj_text_acts_on(uint32_t c);
/* Is the 。 at byte i the last letter of a name written with it (モーニング娘。
 * before の), not a full stop? (text.c) */
bool kj_text_name_period(const kiji_doc *d, size_t i);
void kj_text_free(kiji_parser *p);
int kj_text_doc_init(kiji_doc *d);
void kj_text_doc_free(kiji_doc *d);
void kj_structure(kiji_doc *d);
void kj_metadata(kiji_doc *d); /* meta.c: lead, trailer */
int kj_meta_init(kiji_parser *p);
void kj_meta_free(kiji_parser *p);

/* Recognizers: init builds per-parser data (0 = ok), run adds facts. */
int kj_numeric_init(kiji_parser *p);
void kj_numeric_free(kiji_parser *p);
void kj_rec_numeric(kiji_doc *d); /* number, money, quantity, percent */
/* rec_currency.c: currencies named with no amount (the opt-in `currency`
 * type; nothing when opt.facts leaves it out). After kj_rec_numeric. */
void kj_rec_currency(kiji_doc *d);
/* After the entities: a money fact written with a shared currency name
 * alone (500 pesos, 10億ディナール) takes the currency of the country of the
 * nearest place mention (before it, else after it) at the publication date,
 * when ICU's name of that currency has the word (Philippine pesos, Jordanian
 * dinars); else it keeps the list's default, or no currency (rec_money.c). */
void kj_money_resolve(kiji_doc *d);
/* Days since 1970-01-01 of a proleptic Gregorian date (rec_date.c). */
long kj_days(int y, int m, int d);

int kj_date_init(kiji_parser *p);
void kj_date_free(kiji_parser *p);
void kj_rec_date(kiji_doc *d); /* date, duration, set */

int kj_entity_init(kiji_parser *p);
void kj_entity_free(kiji_parser *p);

/* The canonical location time zones (Europe/Paris) and their ISO regions,
 * in ICU's order, whose exemplar cities the gazetteer holds (rec_place.c).
 * kj_zones_load is false only when out of memory. */
typedef struct kj_zone {
    char *id;
    char region[4];
} kj_zone;
typedef struct kj_zone_list {
    kj_zone *z;
    size_t n;
} kj_zone_list;
bool kj_zones_load(kj_zone_list *zl);
void kj_zones_free(kj_zone_list *zl);
void kj_rec_entity(kiji_doc *d); /* place, organization, person, definition */

int kj_quote_init(kiji_parser *p);
void kj_quote_free(kiji_parser *p);
void kj_rec_quote(kiji_doc *d); /* quote, statement */

void kj_finish(kiji_doc *d); /* fact.c: sort, ids, original offsets */

#endif
