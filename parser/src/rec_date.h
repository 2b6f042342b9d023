/*
 * rec_date.h -- private interface of the temporal recognizer (date, duration,
 * set), shared by rec_date.c (word lists, calendar arithmetic, resolution
 * against the publication date, fact output), date_ja.c and date_en.c (the
 * two scanners).
 *
 * Invariant: a kj_tx holds a value at one grain; a part that neither the text
 * nor the publication date gives stays 0 (printed XXXX / XX), never guessed.
 */
#ifndef REC_DATE_H
#define REC_DATE_H

#include "kj.h"

enum {
    KJ_G_NONE = 0,
    KJ_G_YEAR,
    KJ_G_MONTH,
    KJ_G_WEEK,
    KJ_G_DAY,
    KJ_G_HOUR,
    KJ_G_MINUTE,
    KJ_G_QUARTER,
    KJ_G_FY,
    KJ_G_SEASON, /* q = 1 spring .. 4 winter (TIMEX SP SU FA WI) */
};

enum { KJ_MOD_NONE = 0, KJ_MOD_START, KJ_MOD_MID, KJ_MOD_END };

/* A time expression's value. */
typedef struct kj_tx {
    int y, m, d;     /* 0 = unknown; y is the ISO year at week grain, the
                        fiscal year at fiscal_year grain */
    int hh, mi;      /* -1 = none */
    int wk;          /* ISO week (grain week) */
    int q;           /* quarter 1-4 (grain quarter) */
    const char *tod; /* "MO" "AF" "EV" "NI": part of day without a clock */
    const char *zone; /* "Z", "+09:00" ... or NULL */
    int grain, mod;
    bool rel;        /* resolved against the publication or an earlier date */
    bool yset, mset; /* year / month written in the text itself */
    bool decade;     /* 1990年代: value 199 (TIMEX decade) */
    bool century;    /* 19世紀: value 18 (TIMEX century); y is its first year */
    bool bc;         /* 紀元前202年: value BC0202, y counts back from 1 BC */
    bool weekend;    /* grain week: the weekend of that ISO week (-WE) */
    int qual;        /* kj_qualifier the text puts on the date: 2021年以降
                        (at_least), 2020年ごろ / around 1990 (approx) */
} kj_tx;

/* Kinds of word-list entries (parser/data/<lang>/dates.txt, column 2). */
enum {
    KJ_W_NOT = 1, /* never a date: 一時, 現時点, 当時, 今後 */
    KJ_W_DAY,     /* today + arg days */
    KJ_W_WEEK,    /* this ISO week + arg */
    KJ_W_MONTH,   /* this month + arg */
    KJ_W_YEAR,    /* this year + arg */
    KJ_W_FY,      /* this fiscal year (April-March) + arg */
    KJ_W_ADAY,    /* anaphoric: the last date mentioned + arg days */
    KJ_W_AMONTH,
    KJ_W_AYEAR,
    KJ_W_SET,     /* 毎年 / annually: s = ISO period */
    KJ_W_MOD,     /* 上旬, 末, early: mod */
    KJ_W_TOD,     /* 未明, 朝, morning: s = TIMEX part of day, mod */
    KJ_W_MD,      /* a named day: arg = month * 100 + day */
    KJ_W_FUTURE,  /* the sentence is about the future: 予定, will */
    KJ_W_MONTHN,  /* English month name: arg = 1-12 */
    KJ_W_WDAY,    /* weekday: arg = 1 (Monday) - 7 */
    KJ_W_UNIT,    /* duration unit: s = "Y" "M" "W" "D" "H" "MI" "S" "DE" */
    KJ_W_QUAL,    /* duration qualifier: arg = kj_qualifier */
    KJ_W_ZONE,    /* time zone: s = "Z", "+09:00" or an IANA zone id */
    KJ_W_TTOD,    /* a part of today: 今朝, 今夜; s and mod as for tod */
    KJ_W_SEASON,  /* 今春, 来夏: arg = years from now, s = TIMEX season */
    KJ_W_AWEEK,   /* anaphoric: the week of the last date mentioned + arg */
};

typedef struct kj_dword {
    int kind, arg, mod;
    char s[24];
} kj_dword;

/* The bits of kj_datedata's jscan. */
#define JSCAN_START 1 /* jstart */
#define JSCAN_WORD 2  /* jword (a part of jstart) */
/* With JSCAN_WORD, exactly one of these: after what byte the scan asks
 * the pair at all (date_ja.c's after_byte has the bits each byte gives):
 * a digit only after a digit (the tail of a run), an ASCII letter only
 * after a letter or digit, hiragana only after no space or line break,
 * any other character after anything. */
#define JSCAN_AFTER_DIGIT 4
#define JSCAN_AFTER_ALNUM 8
#define JSCAN_AFTER_NOSP 16
#define JSCAN_AFTER_ANY 32

struct kj_datedata {
    kj_dict *ja, *en;    /* word -> index into w */
    kj_dword *w;
    size_t nw, capw;
    kj_dict *era;        /* Japanese era name (ICU) -> index into era_y1 */
    int era_y1[256];     /* Gregorian year of an era's first year */
    size_t nera;
    size_t nera_modern;  /* eras from 明治 on come first; older ones read
                            only as a word of their own before N年 */
    /* Where a Japanese date can start: one bit per BMP code point (the first
     * character of a ja word or an era name, numerals, the scanner's own
     * literals); start4 when some start lies beyond the BMP. The scanner
     * tries only these positions. */
    uint8_t *jstart;
    bool start4;
    /* The first characters of the scanner's own literals (a part of
     * jstart, one bit per BMP code point). */
    uint8_t *jlit;
    /* Which words of ja can start at a position, from its first two
     * characters: a bit of jpair per pair (kj_dt_pair), a bit of jone per
     * word of one character; jpair4 when a word begins beyond the BMP (no
     * filter then). Past the pair, by the third character: a bit of jpair2
     * per pair that is a word of two characters, a bit of jtri per first
     * three characters of a longer word (kj_dt_triple). */
    uint8_t *jpair, *jone, *jpair2, *jtri;
    bool jpair4;
    /* The first characters of the keys of era (one bit per BMP code
     * point); era4 when a key begins beyond the BMP. */
    uint8_t *jera;
    bool era4;
    /* ASCII bytes that begin an era key of more than one byte (jera has
     * the initials of one byte, R7 / H31, too). */
    bool jera_long[128];
    /* The characters at which worth_trying (date_ja.c) can pass only where
     * a word of ja may start by its first two characters (jone, jpair), so
     * that the scan tests that pair itself and steps over the rest: a BMP
     * character past ASCII of jstart that begins no literal (jlit), no era
     * key (jera), no number at any position (kj_num_cp_may_start's num_cp;
     * hiragana, which start one after a space, the scan asks apart) and
     * is no word of one character (jone); an ASCII letter of jstart (which
     * the scan asks only after a letter or digit, where no era initial and
     * no number starts) that begins no literal and no key of jera_long and
     * is no word of one character; an ASCII digit that begins no literal,
     * no era key and is no word of one character (in the tail of a run of
     * digits worth_trying reads only a word or an era key; the scan asks
     * only there). Empty when jpair4, and past ASCII when
     * the parser has no numeric tables. */
    uint8_t *jword;
    /* jstart and jword again, a byte per BMP code point (JSCAN_START,
     * JSCAN_WORD and, with the latter, one JSCAN_AFTER_* bit), so that
     * kj_date_scan_ja's step over a character tests one byte it loads
     * directly. Built from them once both are final. */
    uint8_t *jscan;
    /* The first characters of the KJ_W_FUTURE keys of ja and en (one bit
     * per BMP code point; fut4 when one lies beyond it): kj_dt_future looks
     * a word up only where one of them starts. */
    uint8_t *futfirst;
    bool fut4;
    /* Where an English date can start: the words (runs of a-z in the
     * lowercased text) that begin an entry of en of a kind looked up at a
     * date's first position, a literal of the scanner or a number
     * (kj_date_en_starts), with KJ_EF_* bits. The scanner tries only the
     * word starts whose word is here, digits, and bytes that begin an
     * entry. */
    kj_dict *efirst;
    /* The first letters of the words of efirst, so that most words are
     * ruled out before a look-up: bit c of efirst3[a * 27 + b] for a word
     * beginning with letters a, b, c (0-25; bit 26: the word ends after
     * a, b); b 26 (no letter after a): every bit where the one letter a is
     * a word, none where it is not. */
    uint32_t efirst3[26 * 27];
    /* The lengths of the words of efirst by their first two letters: bit
     * n (31 for 31 and more) of eflen[a * 26 + b] for a word of n >= 2
     * letters beginning with a, b. */
    uint32_t eflen[26 * 26];
    /* The last letters of the words of efirst of three letters or more, by
     * their first two: bit z of eflast[a * 26 + b] for such a word
     * beginning with a, b and ending with z. */
    uint32_t eflast[26 * 26];
    /* The words of efirst of one to three letters (most of the words
     * worth_trying looks up: the, a, and, for, at), so that they are found
     * without a look-up: KJ_EF_SHORT_IN and their KJ_EF_* bits at
     * kj_dt_ef_short_at(word), 0 for a word that is none. */
    uint8_t efshort[26 + 26 * 26 + 26 * 26 * 26];
    /* What a date that starts at the word "the" reads next: the words
     * (runs of a-z) that may follow "the" and its white space, from the
     * entries of en that begin with "the" (kj_dt_en_the) and the
     * scanner's literals (kj_date_en_starts), valued KJ_ETHE_READ when a
     * reader reads the word after "the" itself, KJ_ETHE_ENTRY when only
     * entries have it. ethe_any: an entry is "the" alone, so that anything
     * may follow. */
    kj_dict *ethe;
    bool ethe_any;
    /* The first letters of the words of ethe (kj_dt_ethe_add), tested
     * before the look-up: bit c of ethe3[a * 26 + b] for a word beginning
     * 'a'+a 'a'+b 'a'+c (c 26: it ends there), bit a of ethe1 for the
     * one-letter word 'a'+a. */
    uint32_t ethe3[26 * 26];
    uint32_t ethe1;
    /* An entry of en is "a" or "an" or begins with either and a byte that
     * is no letter (a.m., a week): the only keys kj_dt_word can find at
     * the article where after_article (date_en.c) asks, before white
     * space or a digit. Set by add_word. */
    bool en_article;
    /* kj_dict_maxlen of efirst and of ethe, read once the lists are in
     * (the scanner asks at most words) */
    size_t efirst_max, ethe_max;
    /* The bytes that begin an entry of en (kj_dict_may_start of en), read
     * once the lists are in: bit b & 31 of en_may[b >> 5] */
    uint32_t en_may[8];
    /* en/weekday_verbs: the verbs past_weekday (date_en.c) reads before a
     * bare weekday, valued by kind (KJ_WV_*) */
    kj_dict *wverbs;
    /* en/on_day_words: the words after "on" and a month that end a spelled
     * day's phrase (on_day_word, date_en.c) */
    kj_dict *on_day;
    /* en/day_lead_words: the words before a month that let on_day read a
     * spelled day after it (on, by, effective, payable) */
    kj_dict *day_lead;
    /* ja/day_gap_words: the words after N日 that close the gap of a
     * comparison (day_is_length, date_ja.c) */
    kj_dict *day_gap;
    /* ja/day_change_words: the words of change after N日で and an amount
     * that make N日 a length (day_change, date_ja.c) */
    kj_dict *day_change;
    /* ja/day_length_words: the words after N日 of the time a task takes
     * (かかる, を要し) that make N日 a length (day_is_length, date_ja.c) */
    kj_dict *day_length;
    /* ja/day_rate_words: the words after 1日 that make it "per day"
     * (day_rate, date_ja.c) */
    kj_dict *day_rate;
    /* ja/weekday_roles: the roles of a weekly programme after a weekday and
     * の (weekday_in_name, date_ja.c) */
    kj_dict *weekday_roles;
    /* ja/weekday_slots: what after a weekday (and its clock) makes it a
     * weekly broadcast slot (weekly_slot, date_ja.c) */
    kj_dict *weekday_slots;
    /* ja/title_kinds: kinds of work before a title in 「」 (in_work_title,
     * date_ja.c), matched backwards; the length of each line, and the
     * last bytes of the lines (one bit per byte value) */
    const kj_wordlist *title_kinds;
    size_t *title_kind_len;
    uint8_t title_kind_last[32];
    /* ja/sono_hedges: the hedges between その and a length (sono_len,
     * date_ja.c), matched backwards, so the list's lines */
    const kj_wordlist *sono_hedges;
    /* ja/announce_verbs: verbs of announcing before a final た
     * (ends_reported_ja, rec_date.c), matched backwards */
    const kj_wordlist *announce_verbs;
    /* ja/incident_words: nouns for the story's incident before a day
     * anaphor (incident_before, date_ja.c), matched backwards */
    const kj_wordlist *incident_words;
    /* ja/dou_words: words ending in 同 (合同, 共同) whose 同 before 日 is
     * no 同日 (dou_word, date_ja.c), matched backwards */
    const kj_wordlist *dou_words;
    /* ja/unit_words: words that start with 分 (1) or 秒 (2), no length
     * (unit_word, date_ja.c) */
    kj_dict *unit_words;
    /* ja/press_cues: what after 毎日 makes it the newspaper (によると,
     * が報じ; press_mainichi, date_ja.c) */
    kj_dict *press_cues;
    /* ja/era_words: older eras' names that are everyday words (延長) */
    kj_dict *era_words;
    /* ja/day_compounds: what after 日 makes a word of it (日韓, 日記;
     * day_compound, date_ja.c) */
    kj_dict *day_compounds;
    /* ja/video_words: 動画, YouTube before an M:SS (video_position,
     * date_ja.c) */
    const kj_wordlist *video_words;
    /* For tests only: kj_date_scan_en tries every word start, without its
     * filter (worth_trying), so that a test can check the filter against
     * the scanner it stands in front of. Never set by the parser. */
    bool en_try_every;
    /* For tests only: in_work_title (date_ja.c) finds a date's 「 with the
     * byte scan instead of kj_structure's list of brackets (d->qmarks),
     * so that a test can compare the two. Never set by the parser. */
    bool ja_bracket_scan;
};

/* The kinds of en/weekday_verbs. */
enum { KJ_WV_PAST = 1, KJ_WV_PLAN, KJ_WV_AUX, KJ_WV_MODAL };

/* Per-parse state of the scanners. */
typedef struct kj_dctx {
    kiji_doc *d;
    const struct kj_datedata *dd;
    const char *s;       /* d->norm */
    const char *lc;      /* English: ASCII-lowercased copy of d->norm */
    size_t len;          /* scan limit */
    int py, pm, pd;      /* publication date, 0 = unknown */
    kj_tx last;          /* the last date emitted (anaphora, inheritance) */
    bool has_last;
    size_t last_end;     /* where that date's text ends (normalized) */
    kj_tx last_day;      /* the last date with a known day (同日, 翌日) */
    bool has_last_day;
    /* the day この日 / 同日 take when the last day only dates a noun and
     * is earlier than the day before it (rec_date.c attributive_day) */
    kj_tx story_day;
    bool has_story_day;
    kj_tx last_month;    /* the last date whose month the text wrote */
    bool has_last_month;
    int last_month_sent; /* its sentence */
    kj_tx lead;          /* the first paragraph's first month and day */
    bool has_lead;
    int last_sent, last_para;
    /* the last fiscal year emitted with a known year (2010年度) and where
     * its text ends: a bare month right after it is in that year */
    int last_fy;
    size_t last_fy_end;
    /* the last bare month whose year came from a year written nearby
     * (April 1989 ... in May): where it starts, plus one (0 = none) */
    size_t anchored_at;
    /* kj_dt_future's memory of the text it has read: no KJ_W_FUTURE word
     * starts at a character in [fut_ca, fut_cb); one starts at fut_at
     * (when fut_found) */
    size_t fut_ca, fut_cb, fut_at;
    bool fut_found;
} kj_dctx;

/* Calendar arithmetic on the proleptic Gregorian calendar. */
void kj_civil(long n, int *y, int *m, int *d);
int kj_mdays(int y, int m);
int kj_wday(long n);                             /* 1 = Monday .. 7 */
void kj_isoweek(long n, int *wy, int *wk);

/* Word lookups: the longest entry at s[pos..], its length (0 = none). */
/* English: narrows the clause [*a, *b) around pos to the last ". X"
 * before pos and the first from pos on (a sentence the splitter merged) */
void kj_dt_en_cut(const kj_dctx *c, size_t pos, size_t *a, size_t *b);
size_t kj_dt_word(const kj_dctx *c, bool en, size_t pos, const kj_dword **w);

/* Is the sentence holding pos about the future (a KJ_W_FUTURE word)? */
bool kj_dt_future(kj_dctx *c, size_t pos);

/* Resolution against the publication date (no-op when it is unknown). */
void kj_dt_rel(kj_dctx *c, kj_tx *t, int kind, int off);
/* A day of month with no month: inherit an explicit month just before, else
 * the nearest such day, past unless future-marked. */
/* Is the last date emitted close enough to lend its month or year (same
 * paragraph, this sentence or the one before)? */
bool kj_dt_last_near(kj_dctx *c, size_t pos);
/* Does the Japanese sentence holding pos end in the past tense (…した。)? */
bool kj_dt_ends_past_ja(kj_dctx *c, size_t pos);
/* Does the Japanese weekday [pos, end) tell of a past event (its own
 * clause in the past tense: 水曜日の会合で決めた)? */
bool kj_dt_weekday_past_ja(kj_dctx *c, size_t pos, size_t end);
void kj_dt_bare_day(kj_dctx *c, kj_tx *t, size_t pos);
/* A month with no year: an explicit year just before, else the nearest. */
void kj_dt_bare_month(kj_dctx *c, kj_tx *t, size_t pos);
/* A month and day with no year: the nearest such date. */
void kj_dt_bare_md(kj_dctx *c, kj_tx *t, size_t pos);
/* A weekday 1-7: the date in the week around publication. */
void kj_dt_weekday(kj_dctx *c, kj_tx *t, int wd, size_t pos);
/* A quarter with no year: the latest such quarter unless future-marked. */
void kj_dt_bare_quarter(kj_dctx *c, kj_tx *t, size_t pos);
/* Anaphora: the last date + off units of grain (day, month, year). */
bool kj_dt_anaphor(kj_dctx *c, kj_tx *t, int grain, int off);
/* Shift a resolved value by n units of t's grain. */
void kj_dt_shift(kj_tx *t, int grain, int n);
void kj_tx_init(kj_tx *t);

/* Output: add a date fact on [ns, ne) (max may be NULL), claim it, remember
 * it as the last date. Returns false when the span is claimed already. */
bool kj_dt_emit(kj_dctx *c, size_t ns, size_t ne, const kj_tx *t, const kj_tx *max);
/* A duration: iso may be NULL (vague); qualifier a kj_qualifier. */
bool kj_dt_duration(kj_dctx *c, size_t ns, size_t ne, const char *iso, int qual);
/* A range of lengths ("four to five years"): value iso, max the high end. */
bool kj_dt_duration_max(kj_dctx *c, size_t ns, size_t ne, const char *iso, const char *max,
                        int qual);
bool kj_dt_set(kj_dctx *c, size_t ns, size_t ne, const char *iso);
/* ISO 8601 duration from a count and a unit letter code ("Y" "M" "W" "D"
 * "H" "MI" "S" "DE"); half adds half a unit. */
void kj_dt_iso(char *buf, size_t n, int64_t count, const char *unit, bool half);

/* ASCII digits (at most 9) or a kanji numeral via kj_num_scan, starting
 * exactly at pos: value, end, digits written (0 for kanji), leading zero. */
bool kj_dt_num(kj_dctx *c, size_t pos, int64_t *v, size_t *end, int *ndig, bool *lead0);

/* The bit of jpair for a word beginning with code points a, b. */
static inline size_t kj_dt_pair(uint32_t a, uint32_t b)
{
    return (size_t)((a * 31u + b) & 0xFFFFu);
}

/* The bit of jtri for a word beginning with code points a, b, c. */
static inline size_t kj_dt_triple(uint32_t a, uint32_t b, uint32_t c)
{
    return (size_t)(((a * 31u + b) * 31u + c) & 0xFFFFu);
}

/* Mark the code point beginning u as a possible start of a Japanese date. */
void kj_dt_mark_start(struct kj_datedata *dd, const char *u);
/* Mark the Japanese scanner's own starts (numerals, literals) in jstart,
 * the literals in jlit too. */
void kj_date_ja_starts(struct kj_datedata *dd);

/* What a word of dd->efirst may begin (bits of its value). */
enum {
    KJ_EF_WORD = 1,        /* an entry of en or a literal of the scanner */
    KJ_EF_NUM = 2,         /* a number (kj_dt_num) */
    KJ_EF_LIT = 4,         /* a literal of the scanner (with KJ_EF_WORD) */
    KJ_EF_NUM_NONE = 8,    /* a number word that as the whole word starts
                            * no number (kj_num_en_word_starts_none) */
    KJ_EF_SHORT_IN = 0x80, /* efshort: the word is one of efirst */
};
/* The end of the run of bytes a-z in s from i, read no further than lim
 * (i <= lim; s holds lim bytes at least). The English scanner measures
 * most words it looks up this way, so it reads eight bytes a round while
 * eight lie before lim, in one of the compiler's vectors (SSE2 on x86-64):
 * a byte b is a-z when b - 'a', wrapping, is below 26, which sets the
 * byte to 0xFF; the first byte left 0 ends the run. date_az_test checks
 * it against the byte loop. */
typedef unsigned char kj_az_v8 __attribute__((vector_size(8)));

static inline size_t kj_az_end(const char *s, size_t i, size_t lim)
{
    while (lim - i >= 8) {
        kj_az_v8 x;
        memcpy(&x, s + i, 8);
        kj_az_v8 az = (kj_az_v8)((kj_az_v8)(x - 'a') < 26);
        uint64_t m;
        memcpy(&m, &az, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        m = __builtin_bswap64(m); /* byte i at the low end */
#endif
        if (~m)
            return i + (size_t)(__builtin_ctzll(~m) >> 3);
        i += 8;
    }
    while (i < lim && (unsigned char)(s[i] - 'a') < 26)
        i++;
    return i;
}

/* The index in dd->efshort of the word w of n letters a-z, 1 <= n <= 3:
 * the words of one letter, then those of two, then those of three. */
static inline size_t kj_dt_ef_short_at(const char *w, size_t n)
{
    size_t a = (size_t)(w[0] - 'a');
    if (n == 1)
        return a;
    size_t b = (size_t)(w[1] - 'a');
    if (n == 2)
        return 26 + a * 26 + b;
    return 26 + 26 * 26 + (a * 26 + b) * 26 + (size_t)(w[2] - 'a');
}
/* The values of dd->ethe: a word after "the" that a reader of date_en.c
 * reads there, or one that only entries of en have there. */
enum {
    KJ_ETHE_READ = 1,
    KJ_ETHE_ENTRY = 2,
};
/* Add the first word (run of a-z) of the lowercase key (len bytes) to
 * dd->efirst with bits (KJ_EF_*); false when out of memory. */
bool kj_dt_en_first(struct kj_datedata *dd, const char *key, size_t len, int32_t bits);
/* The key (lowercase, len bytes) of an entry of en or a literal of the
 * scanner that begins with the word "the": add the word after it (its run
 * of a-z after the white space) to dd->ethe, or set dd->ethe_any when
 * nothing but white space follows "the"; other keys add nothing. False
 * when out of memory. */
bool kj_dt_en_the(struct kj_datedata *dd, const char *key, size_t len);
/* Add the word w (n letters a-z) to dd->ethe with the value v (KJ_ETHE_*)
 * and its first letters to ethe3 / ethe1; false when out of memory. */
bool kj_dt_ethe_add(struct kj_datedata *dd, const char *w, size_t n, int32_t v);
/* Add the English scanner's own starts (literals, number words); 0 = ok. */
int kj_date_en_starts(struct kj_datedata *dd, const struct kj_numeric *nd);

/* The scanners. */
void kj_date_scan_ja(kj_dctx *c);
void kj_date_scan_en(kj_dctx *c);

#endif
