/*
 * rec_quote.h -- private to the quote recognizer (rec_quote.c shared helpers,
 * rec_quote_ja.c Japanese rules, rec_quote_en.c English rules).
 *
 * Positions are normalized byte offsets into d->norm. A scan never looks
 * further than KJ_Q_WINDOW bytes from where it starts, which keeps the
 * recognizer linear in the input.
 */
#ifndef REC_QUOTE_H
#define REC_QUOTE_H

#include "kj.h"

#define KJ_Q_WINDOW 600   /* bytes a context scan may cover */
#define KJ_Q_NAME_MAX 120 /* longest mention span considered */

/* A necessary condition for a key of a word list to start at a text
 * position, built once with the list: the key's first three bytes, hashed
 * into a bitmap, or its first byte alone when the key is shorter. A lookup
 * where kj_qprefix_may says no would find nothing, so the scans skip it. */
typedef struct kj_qprefix {
    uint64_t tri[1024];     /* bit kj_qprefix_hash(first three bytes) */
    /* bit (first byte << 8 | second byte) of a key; every second byte of a
     * one-byte key's first: one load rules out most text positions before
     * the hash is computed */
    uint64_t pair[1024];
    bool short_first[256];  /* a key of one or two bytes starts with it */
    /* bit kj_qprefix_hash4(first four bytes) of every key, when no key is
     * shorter (!no_quad): skip_refused's last test */
    uint64_t quad[1024];
    bool no_quad;
} kj_qprefix;

static inline unsigned kj_qprefix_hash(const unsigned char *u)
{
    return ((unsigned)u[0] * 961u + (unsigned)u[1] * 31u + (unsigned)u[2]) & 0xFFFFu;
}

static inline unsigned kj_qprefix_hash4(const unsigned char *u)
{
    return ((unsigned)u[0] * 29791u + (unsigned)u[1] * 961u + (unsigned)u[2] * 31u +
            (unsigned)u[3]) & 0xFFFFu;
}

/* May a key of the list start at s[i] (of len bytes)? */
static inline bool kj_qprefix_may(const kj_qprefix *f, const char *s, size_t len, size_t i)
{
    if (i >= len)
        return false;
    const unsigned char *u = (const unsigned char *)s + i;
    if (len - i >= 2) {
        unsigned p = (unsigned)u[0] << 8 | u[1];
        if (!(f->pair[p >> 6] >> (p & 63) & 1))
            return false;
    }
    if (f->short_first[u[0]])
        return true;
    if (len - i < 3)
        return false;
    unsigned h = kj_qprefix_hash(u);
    return f->tri[h >> 6] >> (h & 63) & 1;
}

/* The bits of en_src_scan. */
#define KJ_QS_WORD (1u << 0)
#define KJ_QS_FIRST (1u << 1)

/* The kinds of en/source_context. */
enum {
    KJ_QC_DET = 1,
    KJ_QC_AFTER = 2,
    KJ_QC_LINK = 3,
    KJ_QC_ADV = 4,
    KJ_QC_CALL = 5,
    KJ_QC_NEXT = 6,
    KJ_QC_POSS = 7
};

struct kj_quotedata {
    kj_dict *ja_verbs;   /* ja/speech_verbs */
    kj_dict *ja_after;   /* ja/quote_after: 1 quotative, 2 speech nominal, 3 naming */
    kj_dict *ja_sources; /* ja/statement_sources */
    kj_dict *ja_cues;    /* ja/source_cues: 1 according to, 2 particle */
    kj_dict *ja_mods;    /* ja/source_modifiers */
    kj_dict *en_verbs;   /* en/speech_verbs: 1 speech, 2 claim */
    kj_dict *en_sources; /* en/statement_sources */
    kj_dict *en_mods;    /* en/statement_modifiers */
    kj_dict *en_context; /* en/source_context: KJ_QC_* */
    kj_dict *ja_nominal; /* ja/speech_nouns: コメント, 発言 after という X の */
    kj_dict *ja_commenters; /* ja/commenter_words: 2 for 声 as people's voice */
    kj_dict *ja_buzz;       /* ja/buzz_words: the same values */
    kj_dict *ja_pub_cues;   /* ja/publisher_cues: 記事, 報じ, 掲載 */
    kj_dict *ja_writings;   /* ja/writing_nouns: 記事, ブログ after Xの */
    kj_dict *ja_roles;      /* ja/anaphor_roles: 容疑者, 首相 standing alone */
    kj_dict *ja_ana_writ;   /* ja/anaphor_writings: 紙, 記事 after 同 */
    kj_dict *ja_ana_org;    /* ja/anaphor_orgs: 社, 党 after 同; 2 the same kind */
    kj_dict *ja_ask;        /* ja/ask_verbs: 尋ね, 質問 */
    kj_dict *en_obj_preps;  /* en/object_preps: whole words before an object */
    kj_dict *en_demonyms;   /* en/demonyms: Romanian officials, a Taiwanese banker */
    kj_dict *en_ana_org;    /* en/anaphor_orgs: the company, the bank; 1 company, 2 in the name */
    kj_dict *en_company;    /* en/company_words: Corp, Inc, Ltd ending a company's name */
    const kj_wordlist *ja_post_places;  /* ja/post_places: before には「 */
    const kj_wordlist *ja_settings;     /* ja/speech_settings: before では */
    const kj_wordlist *en_naming_adv;   /* en/naming_adverbs: before called */
    const kj_wordlist *en_naming_words; /* en/naming_words: dubbed "…" names */
    const kj_wordlist *en_links;        /* en/source_links: whole words */
    const kj_wordlist *en_chambers;     /* en/lawmaker_bodies: Senate, House */
    const kj_wordlist *en_openers;      /* en/clause_openers: before a subject */
    const kj_wordlist *ja_people;       /* ja/unnamed_people: 視聴者, 妻 */
    const kj_wordlist *ja_voice_sounds; /* ja/voice_sounds: 笑い before 声 */
    const kj_wordlist *ja_voice_idioms; /* ja/voice_idioms: を荒 after 声 */
    const kj_wordlist *ja_platforms;    /* ja/post_platforms: before では */
    const kj_wordlist *ja_scopes;       /* ja/source_scopes: before の + source */
    kj_dict *ja_outlet_kinds;           /* ja/outlet_kinds: 通信, 紙 after a name */
    /* the byte lengths of ja_people's lines, measured once at init so that
     * unnamed_people_before does no strlen (init fails if the list
     * outgrows the array or a word does not end in a 3-byte character) */
    uint8_t ja_people_len[64];
    bool en_det_first[256]; /* a KJ_QC_DET key of en_context starts with the byte */
    kj_qprefix en_verbs_pre;   /* the keys of en_verbs */
    kj_qprefix en_sources_pre; /* the keys of en_sources */
    bool en_in_word[256]; /* a letter, '-' or a byte of a multi-byte character */
    /* KJ_QS_WORD: en_in_word; KJ_QS_FIRST: a key of en_sources starts with
     * the byte (a pair of en_sources_pre has it first) */
    uint8_t en_src_scan[256];
    /* bit c: a key of ja_sources may start with the BMP character c (the
     * dict's own first-character filter, and its first bytes for ASCII) */
    uint64_t ja_sources_first[1024];
    /* bit kj_q_two_hash(c, c2) for a key of ja_sources whose first two
     * characters are c and c2 (both valid, c in the BMP); ja_sources_two_ok
     * says every key has two such characters, so a position whose pair has
     * no bit starts none (the dict's own two-character filter, read from
     * the decoded text) */
    uint64_t ja_sources_two[1024];
    bool ja_sources_two_ok;
    /* the classes (KJ_CC_*) of the characters ja_sources_first lets pass,
     * or every bit when one of them has none: an entry of d->cpx with none
     * of these bits and no KJ_CPX_SLOW starts no key */
    uint32_t ja_sources_cc;
    /* bit KJ_QW_*: a word of that list (ja/commenter_words, ja/buzz_words,
     * ja/publisher_cues) starts with a character whose code point has this
     * low byte (a filter: many characters share a low byte) */
    uint8_t ja_word_lo[256];
    /* bit c: anaphor_at may find an anaphor starting with the BMP
     * character c (同, 彼, 記 and the first character of each word of
     * ja_roles); ja_anaphor_astral: one starts past the BMP */
    uint64_t ja_anaphor_head[1024];
    bool ja_anaphor_astral;
    /* the classes (KJ_CC_*) of the characters of ja_anaphor_head, or every
     * bit when one of them has none */
    uint32_t ja_anaphor_cc;
};
#define KJ_QW_COMMENTERS (1u << 0)
#define KJ_QW_BUZZ (1u << 1)
#define KJ_QW_CUES (1u << 2)

static inline unsigned kj_q_two_hash(uint32_t c, uint32_t c2)
{
    return (c * 31u + c2) & 0xFFFFu;
}

/* Fills ja_word_lo, ja_anaphor_head and ja_people_len from the word lists
 * of rec_quote_ja.c; false when ja/unnamed_people does not fit. */
bool kj_quote_ja_init(struct kj_quotedata *q);

typedef struct kj_mref {
    size_t ns, ne;
    int fact; /* index in d->facts */
} kj_mref;

typedef struct kj_qspan {
    size_t is, ie; /* inside of an accepted quote */
} kj_qspan;

typedef struct kj_qctx {
    const struct kj_quotedata *qd;
    kj_mref *m; /* person/organization mentions by position */
    size_t nm;
    kj_mref *pe; /* place mentions by their end (Beijing officials said) */
    size_t npe;
    kj_qspan *q; /* accepted quotes, in text order */
    size_t nq, capq;
    size_t title0; /* ja: the start of the first 『, SIZE_MAX for none */
} kj_qctx;

/* The start of a place mention that ends exactly at e, or e. */
size_t kj_q_place_ends(const kj_qctx *x, size_t e);

/* The code point at norm[i] and the offset after it (0 and norm_len past
 * the end), read from the decoded text (d->cpx). Inline: the quote passes
 * call it at every position. */
static inline uint32_t kj_q_cp(const kiji_doc *d, size_t i, size_t *next)
{
    if (i >= d->norm_len) {
        *next = d->norm_len;
        return 0;
    }
    size_t j = i;
    uint32_t c = kj_cp_next(d, d->norm_len, &j);
    *next = j;
    return c;
}

bool kj_q_space(uint32_t c);
size_t kj_q_skip_space(kiji_doc *d, size_t i, size_t end);
size_t kj_q_sent_start(const kiji_doc *d, size_t i);
size_t kj_q_sent_end(const kiji_doc *d, size_t i);
int kj_q_para(const kiji_doc *d, size_t i);
/* Index of the first mention starting at or after pos (x->nm if none). */
size_t kj_q_mention_from(const kj_qctx *x, size_t pos);
int kj_q_mention_in(const kj_qctx *x, size_t lo, size_t hi);
int kj_q_mention_last(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi);
int kj_q_mention_at(const kj_qctx *x, size_t i);
bool kj_q_in_quote(const kj_qctx *x, size_t i);
void kj_q_emit(kiji_doc *d, kj_qctx *x, size_t is, size_t ie, int speaker, const char *note,
               size_t vs, size_t ve, bool partial);
/* Keep [is, ie) as quoted text without a quote fact (a title in quotes). */
void kj_q_mark(kiji_doc *d, kj_qctx *x, size_t is, size_t ie);
/* A statement on [ns, ne) whose source phrase is [ss, se). */
void kj_q_statement(kiji_doc *d, size_t ns, size_t ne, size_t ss, size_t se);

/* The first position in [i, hi) where a key of ja_sources may start (hi or
 * past it if none): a lookup at a position it steps over finds nothing
 * (rec_quote_ja.c; quote_filter_test checks it against the lookup). */
size_t kj_q_source_may_start(kiji_doc *d, const kj_qctx *x, size_t i, size_t hi);
void kj_quote_ja(kiji_doc *d, kj_qctx *x, size_t from, size_t to);
void kj_statement_ja(kiji_doc *d, kj_qctx *x, size_t from, size_t to);
void kj_quote_en(kiji_doc *d, kj_qctx *x, size_t from, size_t to);
void kj_statement_en(kiji_doc *d, kj_qctx *x, size_t from, size_t to);

#endif
