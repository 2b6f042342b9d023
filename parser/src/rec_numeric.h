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

struct kj_numeric {
    /* num.c: kanji numerals */
    kj_dict *ja_stop;   /* words that start with a numeral but are not numbers
                           (value 1), and exceptions to them (value 0) */
    kj_dict *ja_follow; /* kanji words a kanji numeral may precede */
    const kj_wordlist *ja_prefix; /* kanji a numeral may follow (約, 第 ...) */
    kj_dict *en_words;  /* English number words: value */

    /* rec_numeric.c */
    kj_dict *ja_after;  /* words after a number: counters, currencies, % ... */
    kj_dict *en_after;  /* the same for English, keys lower case, one space */
    kj_dict *before;    /* currency symbols and codes before a number */
    kj_dict *ja_qual_pre, *ja_qual_post, *en_qual_pre, *en_qual_post;
    kj_dict *en_stop;   /* words that end the search for a counted noun */
    char (*codes)[4];   /* ISO 4217 codes, indexed by currency word values */
    size_t ncodes, capcodes;
    int usd, gbp;       /* their indexes in codes */
};

/* Lower-case, white-space-collapsed copy of norm[pos..] of at most size-1
 * bytes, stopping at a line break run longer than one; off[i] is the norm
 * offset of buf[i] (off[n] = the end). Returns n. */
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
size_t kj_money_symbol(const kiji_doc *d, size_t pos, int32_t *v);

/* num.c: a / b to 15 significant digits (exact when the quotient ends). */
bool kj_num_div(kj_num *r, kj_num a, kj_num b);
/* num_en.c: English number words at pos; an English scale after digits. */
bool kj_num_scan_en(kiji_doc *d, size_t pos, kj_numtok *t);
void kj_num_en_scale(kiji_doc *d, kj_numtok *t);

#endif
