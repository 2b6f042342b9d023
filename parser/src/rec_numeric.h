/*
 * rec_numeric.h -- data shared by the number scanner (num.c) and the
 * numeric recognizers (rec_numeric.c): the word lists, compiled into tries
 * once per parser by kj_numeric_init and read-only afterwards.
 */
#ifndef REC_NUMERIC_H
#define REC_NUMERIC_H

#include "kj.h"

/* Kinds of the words in kj_numeric.ja_after / en_after (trie values are
 * kind << 24 | index). */
enum {
    NW_COUNTER = 1,  /* 発 人 社 km barrels: a quantity unit */
    NW_CURRENCY = 2, /* 円 ドル dollars: index into kj_numeric.codes */
    NW_PERCENT = 3,  /* % パーセント percent */
    NW_POINT = 4,    /* ポイント, percentage points: percent with unit pt */
    NW_WARI = 5,     /* 割: tenths, in percent */
    NW_TIME = 6,     /* 年 月 日 時間 years: owned by the date recognizer */
    NW_CENTS = 7,    /* cents, cts: hundredths of the context's currency */
    NW_PENCE = 8,    /* pence: hundredths of a pound */
};

/* The kind and index of such a trie value. */
#define KIND(v) ((int)((uint32_t)(v) >> 24))
#define INDEX(v) ((int)((v)&0xFFFFFF))
/* The index of an NW_COUNTER that counts places (ja/counters "<TAB>ordinal"). */
#define NW_ORDINAL 1

enum { SCAN_SKIP = 0, SCAN_LETTER = 1, SCAN_HW = 2, SCAN_START = 3 };

/* The values of kj_numeric.word_lead. */
enum { KJ_LEAD_NUM = 1, KJ_LEAD_ANY = 2, KJ_LEAD_MAG = 3 };

/* The classes of bytes a vague share's key compares (at_ci_n in
 * rec_numeric.c): a letter of either case 0-25, a space or line break 26,
 * anything else 27. */
enum { KJ_VAGUE_SPACE = 26, KJ_VAGUE_OTHER = 27, KJ_VAGUE_NCLASS = 28 };

static inline unsigned kj_vague_class(unsigned char b)
{
    if (b >= 'a' && b <= 'z')
        return b - 'a';
    if (b >= 'A' && b <= 'Z')
        return b - 'A';
    return b == ' ' || b == '\n' ? KJ_VAGUE_SPACE : KJ_VAGUE_OTHER;
}

struct kj_numeric {
    /* num.c: kanji numerals */
    kj_dict *ja_stop;             /* words that start with a numeral but are not numbers
                                     (value 1), and exceptions to them (value 0) */
    kj_dict *ja_follow;           /* kanji words a kanji numeral may precede */
    const kj_wordlist *ja_prefix; /* kanji a numeral may follow (約, 第 ...) */
    const kj_wordlist *ja_alone;  /* words before 一本 meaning "X alone" (卓球一本) */
    /* the lists {ja,en}/qualifiers_pre, looked up once here: bound_pair and
     * the parenthetical conversion read them line by line per amount */
    const kj_wordlist *ja_qual_pre_list, *en_qual_pre_list;
    /* rec_numeric.c: a few, a small: before percent, a vague share
     * (parser/data/en/vague_share.txt, parsed once: key, its length and
     * value 1 for a count, 2 for a size) */
    struct kj_qual *en_vague;
    size_t n_vague;
    /* the first three bytes a vague share can start with, by their
     * kj_vague_class: bit t of vague3[f * KJ_VAGUE_NCLASS + s] for a key
     * whose first, second and third bytes have the classes f, s and t (a
     * key of two bytes: its third is the space after it; of one: the
     * space and the p of a percent word). A text byte matches a key byte
     * only where both have the same class. */
    uint32_t vague3[KJ_VAGUE_NCLASS * KJ_VAGUE_NCLASS];
    /* bit n: some vague share key has n bytes (all are under 31) */
    uint32_t vague_lens;
    /* the longest currency symbol read before a number (a key of `before`
     * or a letter-prefixed dollar, HK$, US $) plus one: the digit after
     * it, maybe a space apart, lies at most this far past its start */
    size_t money_reach;
    kj_dict *en_words; /* English number words: value */
    /* num_en.c: a filter before every en_words lookup of a word read from
     * the text (most words are no number words). Bit c of en_one: the
     * one-letter key 'a'+c; bit c of en_tri[a * 26 + b]: a key of letters
     * only starts with 'a'+a 'a'+b 'a'+c, bit 26: the key is those two. A
     * clear bit proves the word no key. */
    uint32_t en_one, en_tri[26 * 26];
    /* bit k of en_len[(a * 26 + b) * 27 + c]: a key of k letters (2 <= k
     * < 16, the keys word_known can find) starts with 'a'+a 'a'+b, then
     * 'a'+c (c 26: the key is those two), of those that may start a
     * number (not and, point, first: first_word_known refuses those as
     * the whole word) */
    uint16_t en_len[26 * 26 * 27];
    int32_t en_one_v[26]; /* the value of the one-letter key 'a'+c */
    /* bit c: a word kj_num_en_scale reads after digits may start with
     * 'a'+c (a key of en_words for a scale, hundred, dozen or dozens, and
     * k, m, b of 40k, 10M, 1.2b) */
    uint32_t en_scale_first;
    /* bit c of en_scale_tri[a * 27 + b]: such a word starts with 'a'+a,
     * then 'a'+b (b 26: no second letter), then 'a'+c (c 26: no third
     * letter; bit 26 alone where b is 26). "to" and "the" after digits
     * (5 to 10) stop there; "thousand" goes on to the fold. */
    uint32_t en_scale_tri[26 * 27];
    /* num_en.c: the keys of en_words of lower-case letters only (under 16
     * bytes) and their values, in an open-addressing table (len 0: an
     * empty slot): the lookups of words read from the text and the fold */
    struct kj_en_key {
        char key[16];
        uint8_t len;
        int32_t v;
    } en_hash[256];
    /* num.c: bit cp set for a BMP character a number may start with
     * outside ASCII and hiragana (kanji numerals, 数, U+2212, マ) */
    uint64_t num_cp[1024];
    /* num.c: bit cp - 0x3040 set for a hiragana that begins a morpheme of
     * a numeral spelled in hiragana (scan_hiragana's first kana) */
    uint64_t hira_first[2];
    /* num.c: the byte kj_num_fold copies for each byte above the space
     * (A-Z lower-cased, the rest as they are), 0 for the space and the
     * bytes below it */
    unsigned char fold_byte[256];

    /* rec_numeric.c */
    kj_dict *ja_after; /* words after a number: counters, currencies, % ... */
    kj_dict *en_after; /* the same for English, keys lower case, one space */
    kj_dict *en_scaled; /* currency words only after a scaled amount (300 mln mark) */
    /* for the keys of en_after that start with a lower-case letter a:
     * after2[(a - 'a') * 28 + k] is the length (255: 255 or more) of the
     * longest one of one byte or whose second byte is of class k (0..25
     * a letter, 26 a space, 27 anything else); 0: no such key. Kept by
     * kj_numeric_add; en_lookup reads it before it folds the text. */
    uint8_t after2[26 * 28];
    kj_dict *before; /* currency symbols and codes before a number */
    kj_dict *ja_qual_pre, *ja_qual_post, *en_qual_pre, *en_qual_post;
    kj_dict *en_stop; /* words that end the search for a counted noun */
    kj_dict *en_part; /* participles that modify a counted noun (salaried) */
    kj_dict *en_count_open; /* sentence openers before a count, no names (But) */
    /* nouns after "pounds of" that keep the amount sterling */
    kj_dict *en_money_of;
    char (*codes)[4]; /* ISO 4217 codes, indexed by currency word values */
    size_t ncodes, capcodes;
    int usd, gbp;                         /* their indexes in codes */
    /* the index of ISO 4217's code "XXX" (no currency): what a currency
     * word naming no one currency maps to */
    int none;
    /* rec_money.c: currency names several currencies share (en and ja
     * keys); value (list << 24) | (line + 1) in shared_wl[list], whose
     * third column holds other words ICU's currency names use for it */
    kj_dict *shared;
    const kj_wordlist *shared_wl[2];
    kj_dict *ja_bare_stop, *en_bare_stop; /* rec_currency.c: currency words
                           that need an amount (元, won), value 1 */
    /* rec_money.c: en/plain_dollar, the dollar and cent words that name
     * no country (dlrs, cents), value 1 */
    kj_dict *en_plain_dollar;
    /* rec_numeric.c: en/table_rows, the row labels of a results table
     * (Net, Revs, Sales) whose bare figures are money, value 1 */
    kj_dict *en_table_rows;
    /* rec_numeric.c: en/quake_words, the words that make M7 a magnitude in
     * English (quake, seismic), matched in any case within a word */
    const kj_wordlist *en_quake;
    /* rec_money.c: what the keys of `before` start with, recorded as they
     * are added: a first byte (before_byte) and, for a non-ASCII key, its
     * first code point (bit cp of before_cp; before_wide when one starts
     * past U+FFFF or with no whole character). kj_money_may_start tests
     * them. */
    bool before_byte[256], before_wide;
    uint64_t before_cp[1024];
    /* ... and for an ASCII first byte a: before_one[a] for the key of that
     * byte alone, bit b of before_pair[a * 4 + b / 64] for a key a b ... */
    bool before_one[128];
    uint64_t before_pair[128 * 4];
    /* rec_numeric.c: word_lead[a << 8 | b], for a letter a and any byte
     * b: whether a word a b may start a number (en_one / en_tri, minus,
     * negative), a key of `before` (before_one, before_pair) or a vague
     * share (a or s and a second byte vague3 has): everything
     * word_may_start accepts at a word but a letter-prefixed dollar
     * (HK$). KJ_LEAD_NUM where only a number word makes it so (then the
     * word's length decides, kj_num_en_len_may), KJ_LEAD_ANY where one of
     * the others does, 0 for none; KJ_LEAD_MAG for M and a digit (M7,
     * read_magnitude). One byte a pair: one load a word. Built once from
     * those tables. */
    uint8_t word_lead[128 << 8];
    /* rec_numeric.c: bit cp set for a BMP character outside ASCII where
     * kj_num_cp_may_start or kj_money_cp_may_start holds at every
     * position, when before_wide is false: num_cp but hiragana, and the
     * first characters of `before` (before_cp, lead byte in before_byte).
     * Hiragana start a number only after a space; the scan asks that
     * apart. */
    uint64_t start_cp[1024];
    /* rec_numeric.c: bit cp set for a kanji numeral of num_cp (not 数,
     * マ, U+2212) that no key of `before` starts with: there phrase_at
     * reads only the number scanner's numeral (numeral_fails, when
     * before_wide is false) */
    uint64_t numeral_only[1024];
    /* 1 for a BMP code point of start_cp and for every ASCII one: where
     * kj_num_quiet_end stops (a byte per code point, one load a test; an
     * ASCII byte's entry holds the byte, so the scan's test of the byte is
     * this table's too, and so is the test of a slow entry of d->cpx,
     * whose code point bits are 0) */
    uint8_t quiet_stop[0x10000];
    /* rec_numeric.c: kj_rec_numeric's scan by byte: SCAN_SKIP (ASCII that
     * starts nothing), SCAN_LETTER, SCAN_HW (h and w, where a glued URL
     * may start) or SCAN_START (digits, $ - . \ #, non-ASCII) */
    unsigned char scan_class[256];
    /* rec_numeric.c: the qualifier lists before an amount, parsed once;
     * bit k of last[b]: entry k (of the first 64) can end with the text
     * byte b, so qual_before compares only those */
    struct kj_quals {
        struct kj_qual {
            const char *key; /* not NUL-terminated at len */
            size_t len;
            int value;
        } * q;
        size_t n;
        uint64_t last[256], empty;
        /* bit k of last2[b]: entry k can have the text byte b just before
         * its last byte (every byte for a key of one byte or none);
         * short_keys: the entries of fewer than two bytes */
        uint64_t last2[256], short_keys;
    } en_qual, ja_qual;
};

/* kj_dict_add, and the key's length in after2 when t is nd->en_after:
 * every key of en_after is added through it. */
bool kj_numeric_add(struct kj_numeric *nd, kj_dict *t, const char *key, size_t len, int32_t v);

/* Lower-case, white-space-collapsed copy of norm[pos..] of at most size-1
 * bytes, stopping at a line break run longer than one; off[i] is the norm
 * offset of buf[i] (off[n] = the end). Returns n. Reads the parser's
 * fold_byte (kj_num_init). */
size_t kj_num_fold(const kiji_doc *d, size_t pos, char *buf, size_t *off, size_t size);

/* kj_num_scan without the look-behind, for a number glued to a letter the
 * caller has already read (M7). */
bool kj_num_scan_glued(kiji_doc *d, size_t pos, kj_numtok *t);

/* rec_money.c: the index of an ISO 4217 code in nd->codes (added when new;
 * -1 on allocation failure); "word<TAB>CODE" lines of a list added to t as
 * kind; ICU's currency names and symbols added to the tries; the currency
 * symbol or code before a number at pos (its length, value in *v). */
int kj_money_code(struct kj_numeric *nd, const char *code);
bool kj_money_list(struct kj_numeric *nd, kj_dict *t, const char *list, int kind);
bool kj_money_icu(struct kj_numeric *nd);
/* Load ja/currency_shared and en/currency_shared: the words become currency
 * words after a number (default currency, or none) in ja_after / en_after
 * and ja_follow, and keys of nd->shared. */
bool kj_money_shared_init(struct kj_numeric *nd);
size_t kj_money_symbol(const kiji_doc *d, size_t pos, int32_t *v);
/* False when kj_money_symbol(d, pos) is 0 for certain: no key of `before`
 * starts with the character at pos and no letter-prefixed dollar (HK$) can
 * start there. cp is the code point at pos (pos < d->norm_len). */
bool kj_money_may_start(const struct kj_numeric *nd, const kiji_doc *d, size_t pos, uint32_t cp);

/* num.c: a / b to 15 significant digits (exact when the quotient ends). */
bool kj_num_div(kj_num *r, kj_num a, kj_num b);
/* num_en.c: English number words at pos; an English scale after digits. */
bool kj_num_scan_en(kiji_doc *d, size_t pos, kj_numtok *t);
/* num_en.c: the same where kj_num_en_may_start(d, pos) is known to hold. */
bool kj_num_scan_en_known(kiji_doc *d, size_t pos, kj_numtok *t);
/* num_en.c: the en_one / en_tri filter built from en/numbers; whether the
 * word at pos may start an English number (false: kj_num_scan_en fails). */
bool kj_num_en_init(struct kj_numeric *nd);
bool kj_num_en_may_start(const kiji_doc *d, size_t pos);
/* num_en.c: is the word w (n lower-case letters) a word that
 * kj_num_en_may_start refuses wherever it is the whole word at pos (and,
 * point, an ordinal but a quarter or fourth)? False when unsure. */
bool kj_num_en_word_starts_none(const struct kj_numeric *nd, const char *w, size_t n);

/* Whether the word w of len ASCII letters (either case; its first three
 * are read) can be a key of en_words that the number scanner reads from
 * the text and starts a number with: false proves kj_num_en_may_start
 * fails where that word is the whole word. */
static inline bool kj_num_en_len_may(const struct kj_numeric *nd, const char *w, size_t len)
{
    unsigned a = ((unsigned char)w[0] | 0x20u) - 'a';
    if (len == 1)
        return nd->en_one >> a & 1;
    if (len >= 16)
        return false;
    unsigned b = ((unsigned char)w[1] | 0x20u) - 'a';
    unsigned c = len > 2 ? ((unsigned char)w[2] | 0x20u) - 'a' : 26;
    return nd->en_len[(a * 26 + b) * 27 + c] >> len & 1;
}
/* num.c: false when kj_num_scan(d, pos) fails for certain, from the
 * characters at pos alone (pos < d->norm_len). */
bool kj_num_may_start(const kiji_doc *d, size_t pos);
/* num.c: the same; *en_known is set when it holds at a letter for the
 * number word there (kj_num_en_may_start held), else left alone. */
bool kj_num_may_start_en(const kiji_doc *d, size_t pos, bool *en_known);
/* num.c: kj_num_scan where kj_num_may_start_en(d, pos, &en_known) held
 * (pos < d->norm_len), without testing that again. */
bool kj_num_scan_checked(kiji_doc *d, size_t pos, kj_numtok *t, bool en_known);
/* num.c: fill nd->num_cp. */
void kj_num_init(struct kj_numeric *nd);
/* num.c: a kanji digit's value (〇 零 一 壱 .. 九: 0..9), -1 for any other
 * code point. */
int kj_kanji_digit(uint32_t c);
/* num.c: a kanji multiplier's power of ten (十 百 千 万 億 兆 京: 1 2 3 4 8
 * 12 16), 0 for any other code point. */
int kj_kanji_mult(uint32_t c);

/* num.c: the longest of scan_hiragana's morphemes at s[i] (s holding n
 * bytes): its length in bytes, its value in *v (0..9 a digit, 10 100 1000
 * a small unit, -4 -8 -12 a big unit); 0 when none starts there. */
size_t kj_num_hira_at(const char *s, size_t n, size_t i, int *v);
/* num.c: scan_hiragana's morphemes, for the test that checks
 * kj_num_hira_at against a plain loop: the h-th (its value in *v), NULL
 * for h >= kj_num_hira_count(). */
size_t kj_num_hira_count(void);
const char *kj_num_hira_morpheme(size_t h, int *v);

/* Whether the hiragana cp can begin a numeral spelled in hiragana: the
 * first kana of one of scan_hiragana's morphemes (に, ご, さん, ひゃく ...),
 * which reads nothing at any other kana. */
static inline bool kj_num_hira_first(const struct kj_numeric *nd, uint32_t cp)
{
    uint32_t k = cp - 0x3040;
    return k < 128 && (nd->hira_first[k >> 6] >> (k & 63) & 1);
}

/* Whether マ at pos (its three bytes there) is followed by イ or グ: the
 * scanner reads マ only in the sign マイナス, read_magnitude only in
 * マグニチュード. */
static inline bool kj_num_ma_may_start(const kiji_doc *d, size_t pos)
{
    const unsigned char *u = (const unsigned char *)d->norm + pos;
    return d->norm_len - pos >= 6 && u[3] == 0xE3 && u[4] == 0x82 && (u[5] == 0xA4 || u[5] == 0xB0);
}

/* The non-ASCII half of kj_num_may_start, for the character cp (decoded
 * from d->norm[pos], a byte >= 0x80): hiragana after a space or at the
 * start, else a character of nd->num_cp. Inline: kj_rec_numeric asks at
 * every character of Japanese text. */
static inline bool kj_num_cp_may_start(const struct kj_numeric *nd, const kiji_doc *d, size_t pos,
                                       uint32_t cp)
{
    if (kj_is_hiragana(cp))
        return (pos == 0 || d->norm[pos - 1] == ' ' || d->norm[pos - 1] == '\n') &&
               kj_num_hira_first(nd, cp);
    if (cp == 0x30DE /* マ */)
        return kj_num_ma_may_start(d, pos);
    return cp <= 0xFFFF && (nd->num_cp[cp >> 6] >> (cp & 63) & 1);
}

/* The non-ASCII half of kj_money_may_start: lead byte b, character cp. */
static inline bool kj_money_cp_may_start(const struct kj_numeric *nd, unsigned char b, uint32_t cp)
{
    return nd->before_byte[b] &&
           (nd->before_wide || (cp <= 0xFFFF && (nd->before_cp[cp >> 6] >> (cp & 63) & 1)));
}
void kj_num_en_scale(kiji_doc *d, kj_numtok *t);

/* kj_rec_numeric's scan passes a valid non-ASCII character at i where
 * valid_cp_may_start fails by going to its end, claimed or not (a claimed
 * one it would pass byte by byte to the same end). Most characters of
 * Japanese text are such: pass the run of them from i at once (with no
 * key of `before` past U+FFFF: otherwise none is passed). Returns the
 * run's end, i when there is none. The slow entry after the text
 * (d->cpx[norm_len]) ends the run. Inline: the scan asks at every
 * character past ASCII it stops at. */
static inline size_t kj_num_quiet_end(const struct kj_numeric *nd, const kiji_doc *d, size_t i)
{
    const unsigned char *u = (const unsigned char *)d->norm;
    if (nd->before_wide)
        return i;
    /* valid_cp_may_start holds at hiragana after a space or line break or
     * at the text's start: only the run's first character can be there
     * (the others follow a byte above ASCII). Where cpx holds no valid
     * sequence the loop stops at i all the same. */
    if ((i == 0 || u[i - 1] == ' ' || u[i - 1] == '\n') && kj_is_hiragana(d->cpx[i] & KJ_CPX_CP) &&
        kj_num_hira_first(nd, d->cpx[i] & KJ_CPX_CP))
        return i;
    const uint32_t *x = d->cpx;
    const uint8_t *stop = nd->quiet_stop;
    for (;;) {
        uint32_t v = x[i];
        /* one load for most characters: a slow entry (KJ_CPX_SLOW with
         * no code point bits) reads the entry of U+0000, a stop; past
         * U+FFFF no character is in start_cp, so an entry read there by
         * the low 16 bits is no stop */
        if (stop[v & 0xFFFF] && (v >= KJ_CPX_SLOW || !(v & 0x1F0000)))
            break;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    return i;
}

#endif
