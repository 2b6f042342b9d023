/*
 * date_ja.c -- the Japanese temporal scanner: 2025年3月13日, 令和7年, 25年3月期,
 * 第2四半期, 今月5日, 同日, 13日(金)午後3時, 3年間, 数日間, 毎年 ...
 *
 * One left-to-right pass over d->norm (NFKC, so digits are ASCII). At each
 * position a date is read as optional parts year, month, day, time, each a
 * bounded look-ahead; a match advances past it, anything else by one code
 * point, so the pass is linear. A number inside a longer number, a version
 * (iOS5) or bytes claimed by money/quantity never starts a date.
 */
#include "rec_date.h"
#include "rec_numeric.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Up to 16 「…」 the text names as works' titles (ドラマ「…」): each 「's
 * start and the length through its 」. */
enum { WORK_TITLES_MAX = 16 };
struct work_titles {
    bool done;
    int n;
    size_t o[WORK_TITLES_MAX], len[WORK_TITLES_MAX];
};

typedef struct jp {
    kj_dctx *c;
    const char *s;
    size_t len;
    /* the last word lookup (the parts ask for the word at one position
     * several times) */
    size_t wpos, wn;
    const kj_dword *ww;
    /* the last number lookups, by start position */
    struct {
        size_t pos, end;
        int64_t v;
        int nd;
        bool z, ok;
    } nc[4];
    unsigned ncn;
    /* the last num_at answer (try_at asks at one position several times) */
    size_t napos, nae;
    int64_t nav;
    int nand;
    bool naz, naok;
    /* 翌々日の8日: the day the anaphor names, for the day read at hpos */
    size_t hpos;
    kj_tx hint;
    bool hok;
    /* 1 + the start of a day anaphor counted from an event with no day
     * before it (試合翌日): its day stays unknown */
    size_t evday;
    /* the end and day number of the last weekday read (水曜日から金曜日) */
    size_t wend;
    long wday_dn;
    /* the end and value of the last month or month-and-day date read
     * (11月から3月まで: the end is the first such month after it) */
    size_t mend;
    kj_tx mlast;
    /* 今日から2日後, 昨日の2日前: the day (anchor) a length at apos counts
     * from, the whole phrase's start, and whether the length used it */
    size_t apos, ast;
    kj_tx anchor;
    bool aused;
    /* the first 『 of the text (SIZE_MAX: none), found once by the scan */
    size_t t0;
    /* kagi2_open's walk back from kpos: the steps taken, the step (from 1)
     * that met a 『, 』, 。 or line break (0: none yet) and the 『 met
     * (SIZE_MAX: another mark) */
    size_t kpos, ksteps, kstop, ko;
    /* inside a source's headline (headline_date): the publication date
     * the scan swapped out for the source's, which bare days, months and
     * clocks keep (a headline tells of the future in the present tense) */
    bool hl;
    int opy, opm, opd;
    /* the works' titles the text names (work_titles), found at the first
     * date word inside a 「」 that no kind of work names */
    struct work_titles *wt;
} jp;

/* kj_dt_num, remembering the last few positions asked: at one position the
 * scanner reads the same number for a quarter, a range, a year, a month, a
 * day and a duration. */
static unsigned dnum_fill(jp *p, size_t pos)
{
    unsigned k = p->ncn++ & 3;
    p->nc[k].pos = pos;
    p->nc[k].ok = kj_dt_num(p->c, pos, &p->nc[k].v, &p->nc[k].end, &p->nc[k].nd, &p->nc[k].z);
    return k;
}

/* Inlined at every call: most calls find pos among the four. */
static inline __attribute__((always_inline)) bool dnum(jp *p, size_t pos, int64_t *v, size_t *e,
                                                       int *nd, bool *z)
{
    unsigned k = 0;
    while (k < 4 && p->nc[k].pos != pos)
        k++;
    if (k == 4)
        k = dnum_fill(p, pos);
    if (!p->nc[k].ok)
        return false;
    *v = p->nc[k].v, *e = p->nc[k].end, *nd = p->nc[k].nd, *z = p->nc[k].z;
    return true;
}

/* The pair filter's answer from the character a alone: 1 when a word of
 * the Japanese list may start with it (every pair passes: jpair4, or a
 * one-character word is a), 0 when none can (past the BMP), -1 when the
 * next character decides (word_may_start, word_may_start3). */
static inline __attribute__((always_inline)) int word_first_char(const struct kj_datedata *dd,
                                                                  uint32_t a)
{
    if (dd->jpair4)
        return 1;
    if (a >= 0x10000)
        return 0;
    if (dd->jone[a >> 3] & (1u << (a & 7)))
        return 1;
    return -1;
}

/* Can a word of the Japanese list start with the character a, whose next
 * character starts at k, by its first two characters (the pair filter of
 * rec_date.h)? */
static inline __attribute__((always_inline)) bool word_may_start(const jp *p, uint32_t a,
                                                                  size_t k)
{
    const struct kj_datedata *dd = p->c->dd;
    int f = word_first_char(dd, a);
    if (f >= 0)
        return f;
    if (k >= p->len)
        return false;
    size_t h = kj_dt_pair(a, kj_cp_next(p->c->d, p->len, &k));
    return dd->jpair[h >> 3] & (1u << (h & 7));
}

/* word_may_start, and past a pair that begins some word, by the third
 * character too (the triple filter of rec_date.h): for worth_trying, where
 * most pairs that pass begin no word of the list there (この, その). */
static bool word_may_start3(const jp *p, uint32_t a, size_t k)
{
    const struct kj_datedata *dd = p->c->dd;
    int f = word_first_char(dd, a);
    if (f >= 0)
        return f;
    if (k >= p->len)
        return false;
    uint32_t b = kj_cp_next(p->c->d, p->len, &k);
    size_t h = kj_dt_pair(a, b);
    uint8_t bit = (uint8_t)(1u << (h & 7));
    if (!(dd->jpair[h >> 3] & bit))
        return false;
    if ((dd->jpair2[h >> 3] & bit) || k >= p->len)
        return dd->jpair2[h >> 3] & bit;
    size_t t = kj_dt_triple(a, b, kj_cp_next(p->c->d, p->len, &k));
    return dd->jtri[t >> 3] & (1u << (t & 7));
}

/* The look-up dword remembers: kj_dt_word on the Japanese list at i,
 * whose character a (i < p->len) ends at k. */
static void dword_fill_cp(jp *p, size_t i, uint32_t a, size_t k)
{
    p->wpos = i;
    p->wn = word_may_start(p, a, k) ? kj_dt_word(p->c, false, i, &p->ww) : 0;
}

static void dword_fill(jp *p, size_t i)
{
    if (i >= p->len) {
        p->wpos = i;
        p->wn = 0;
        return;
    }
    size_t k = i;
    uint32_t a = kj_cp_next(p->c->d, p->len, &k);
    dword_fill_cp(p, i, a, k);
}

/* kj_dt_word on the Japanese list, remembering the last position asked.
 * Inlined at every call: most ask again at the position asked last. */
static inline __attribute__((always_inline)) size_t dword(jp *p, size_t i, const kj_dword **w)
{
    if (p->wpos != i)
        dword_fill(p, i);
    if (p->wn)
        *w = p->ww;
    return p->wn;
}

/* Inlined at every call so that kj_at's strlen of the literal folds to a
 * constant and its memcmp to a few byte compares: the scanner tests
 * literals at most positions it tries. */
static inline __attribute__((always_inline)) bool at(const jp *p, size_t i, const char *lit)
{
    return i < p->len && kj_at(p->s, p->len, i, lit);
}

/* Can an era name begin with the character cp (jera)? */
static inline bool era_may_start(const struct kj_datedata *dd, uint32_t cp)
{
    return cp < 0x10000 ? dd->jera[cp >> 3] & (1u << (cp & 7)) : dd->era4;
}

/* era_may_start for the character at i: false only where no key of era
 * starts, so a lookup there is skipped. */
static inline bool era_may_start_at(const jp *p, size_t i)
{
    size_t k = i;
    return i < p->len && era_may_start(p->c->dd, kj_u8_next(p->s, p->len, &k));
}

static bool ascii_alpha(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

static bool isdig(const jp *p, size_t i)
{
    return i < p->len && p->s[i] >= '0' && p->s[i] <= '9';
}

/* 〜 ~ - between the ends of a range; the hyphen ‐, the en dash – and the
 * minus sign − that NFKC keeps too (12月15‐16日), three bytes each as 〜. */
static size_t range_sep(const jp *p, size_t i)
{
    if (at(p, i, "〜") || at(p, i, "‐") || at(p, i, "–") || at(p, i, "−"))
        return strlen("〜");
    if (at(p, i, "~") || at(p, i, "-"))
        return 1;
    return 0;
}

/* A number that may start a date: not the tail of a longer number, a
 * decimal or a Latin token (iOS5, H2O). */
static bool num_at_(jp *p, size_t i, int64_t *v, size_t *e, int *nd, bool *z);

static bool num_at(jp *p, size_t i, int64_t *v, size_t *e, int *nd, bool *z)
{
    if (p->napos != i) {
        p->napos = i;
        p->naok = num_at_(p, i, &p->nav, &p->nae, &p->nand, &p->naz);
    }
    if (!p->naok)
        return false;
    *v = p->nav, *e = p->nae, *nd = p->nand, *z = p->naz;
    return true;
}

static bool num_at_(jp *p, size_t i, int64_t *v, size_t *e, int *nd, bool *z)
{
    if (i >= p->len)
        return false;
    if (i > 0) {
        size_t st;
        uint32_t pc = kj_cp_prev(p->c->d, i, &st);
        /* ... (… in NFKC) ends a phrase, no decimal point: 隠す…10か月 */
        bool dots = pc == '.' && st > 0 && p->s[st - 1] == '.';
        if (kj_is_digit(pc) || (pc == '.' && !dots) || pc == ',' || kj_is_latin(pc))
            return false;
        if (pc == 0x4F55)
            return false; /* 何十年, 何百年: a vague length, no value */
        /* a kanji numeral in the middle of a word: 統一, 第一 are not numbers */
    }
    if (!dnum(p, i, v, e, nd, z))
        return false;
    /* 1,000 / 2.5 : not a date part */
    if (*e < p->len && (p->s[*e] == '.' || p->s[*e] == ',') && isdig(p, *e + 1))
        return false;
    return true;
}

/* Spaced text (2012 年 3 月 5 日, 午前 6 時): one space between a number in
 * digits starting at i and its unit lit, whose start is returned; e (the end
 * of the number) when lit is not there. Not after a Latin word and a space
 * (iPhone 5 日本, Windows 8 月額). */
static bool sp_ok(const jp *p, size_t i, size_t u, size_t ul)
{
    if (i >= 2 && p->s[i - 1] == ' ' && kj_is_latin((unsigned char)p->s[i - 2]))
        return false;
    if (i >= 1 && (p->s[i - 1] == '/' || p->s[i - 1] == ':' || p->s[i - 1] == '-'))
        return false; /* 1/10000 秒 */
    /* the unit starts no word (画面1　日付): a kanji after it only when it
     * goes on the date (3 月末, 5 日午後) */
    size_t k = u + ul;
    uint32_t nc = k < p->len ? kj_cp_next(p->c->d, p->len, &k) : 0;
    if (kj_is_katakana(nc))
        return false;
    if (!kj_is_kanji(nc))
        return true;
    static const char *const go[] = {"末", "頃", "午", "朝", "夜", "夕", "未", "深", "正", "上",
                                     "中", "下", "初", "半", "前", "後", "以", "期", "度", "間"};
    for (size_t q = 0; q < sizeof go / sizeof go[0]; q++)
        if (at(p, u + ul, go[q]))
            return true;
    return false;
}

static size_t sp_unit(const jp *p, size_t i, size_t e, int nd, const char *lit)
{
    if (nd > 0 && e + 1 < p->len && p->s[e] == ' ' && at(p, e + 1, lit)
        && sp_ok(p, i, e + 1, strlen(lit)))
        return e + 1;
    return e;
}

/* Two-digit years: 93年 -> 1993, 02年 -> 2002 (pivot: ten years after
 * publication). */
static int full_year(const jp *p, int64_t v, int nd)
{
    if (nd == 2 || (nd == 0 && v < 100)) {
        int py = p->c->py ? p->c->py : 2030;
        int y = 2000 + (int)v;
        return y <= py + 10 ? y : 1900 + (int)v;
    }
    return (int)v;
}

/* A word of a kind at i: its length, 0 when none. */
static size_t word(jp *p, size_t i, int kind, const kj_dword **w)
{
    const kj_dword *x;
    size_t n = dword(p, i, &x);
    if (!n || x->kind != kind)
        return 0;
    *w = x;
    return n;
}

static bool year_like(int64_t v, int nd, bool z)
{
    return (nd == 4 && v >= 1000 && v <= 2999) || (nd == 2 && z) || (nd == 0 && v >= 1000 && v <= 2999);
}

/* A date word in kana (ことし, きょう, あす) stands alone: not inside
 * 程度のことしか or きょうだい. */
static bool hira_ok(const jp *p, size_t i, size_t n)
{
    size_t st, k = i + n;
    uint32_t a = i > 0 ? kj_cp_prev(p->c->d, i, &st) : 0;
    uint32_t first = 0;
    size_t j = i;
    first = kj_cp_next(p->c->d, p->len, &j);
    if (!kj_is_hiragana(first))
        return true;
    static const char *const before[] = {"は", "が", "も", "に", "で", "を", "と", "へ"};
    static const char *const after[] = {"は", "が", "も", "に", "の", "で", "を", "と", "から", "まで", "より", "、"};
    bool ok = !kj_is_hiragana(a);
    for (size_t q = 0; !ok && q < sizeof before / sizeof before[0]; q++)
        ok = kj_before(p->s, i, before[q]);
    if (!ok)
        return false;
    size_t kk = k;
    uint32_t b = k < p->len ? kj_cp_next(p->c->d, p->len, &kk) : 0;
    if (!kj_is_hiragana(b))
        return true;
    for (size_t q = 0; q < sizeof after / sizeof after[0]; q++)
        if (at(p, k, after[q]))
            return true;
    return false;
}

/* ---- parts ------------------------------------------------------------ */

/* Can an era's Latin initial take year v (H31 yes, H77 no: a model name
 * such as a chipset)? Eras are indexed newest first; an era that has ended
 * ran era_y1[k - 1] - era_y1[k] + 1 years. Text written while it ran may
 * name its later years, up to twenty ahead (H32 in 2018 plans). Era names in kanji keep any
 * year: 平成32年度 is unambiguous. */
static bool era_initial_year(const jp *p, int32_t era, int64_t v)
{
    const struct kj_datedata *dd = p->c->dd;
    if (era <= 0)
        return true;
    if (v <= dd->era_y1[era - 1] - dd->era_y1[era] + 1)
        return true;
    return p->c->py && p->c->py < dd->era_y1[era - 1] && v <= p->c->py - dd->era_y1[era] + 1 + 20;
}

static bool sono_ok(const jp *p, size_t i, int grain);

/* Year part: 2025年 / 令和7年 / R7 / 昨年(の) / 同年. Sets t->y; returns the end
 * or 0. Does not decide 3年 (a duration) unless a month follows. */
static size_t part_year(jp *p, size_t i, kj_tx *t, bool *fy)
{
    const kj_dword *w;
    size_t n, e;
    int64_t v;
    int nd;
    bool z;
    *fy = false;
    /* 紀元前202年, 紀元後79年: any year (紀元 alone before a year is the
     * imperial era of 紀元2600年, and 紀元会 a name) */
    if (at(p, i, "紀元前") || at(p, i, "紀元後")) {
        size_t j = i + strlen("紀元前");
        if (!dnum(p, j, &v, &e, &nd, &z) || v < 1 || v > 9999 || !at(p, e, "年")
            || at(p, e, "年間"))
            return 0;
        t->y = (int)v;
        t->yset = true;
        t->bc = at(p, i, "紀元前");
        t->grain = KJ_G_YEAR;
        return e + strlen("年");
    }
    int32_t era;
    if (era_may_start_at(p, i)
        && (n = kj_dict_longest(p->c->dd->era, p->s, p->len, i, &era)) > 0 && era >= 0
        && (size_t)era < p->c->dd->nera) {
        size_t st;
        bool latin = n == 1;
        uint32_t pc = i > 0 ? kj_cp_prev(p->c->d, i, &st) : 0;
        if (latin && (kj_is_latin(pc) || kj_is_digit(pc)))
            return 0;
        /* 大化1年, 寛政元年: an older era only as a word of its own before N年
         * (not 地域文化3年, 延長3年間, 文化2年生) */
        bool old = (size_t)era >= p->c->dd->nera_modern;
        if (old && (kj_is_kanji(pc) || kj_is_katakana(pc) || kj_is_latin(pc) || kj_is_digit(pc)))
            return 0;
        /* older era names that are everyday words (延長3年 is "extended to
         * three years"; ja/era_words) */
        int32_t wv;
        if (old && kj_dict_get(p->c->dd->era_words, p->s + i, n, &wv))
            return 0;
        /* R7, H31 alone; the older initials (S, T, M) only with 年 */
        bool alone = !latin || era <= 1;
        size_t j = i + n;
        /* 平成 20年度: some sources set a space between a modern era's name
         * and its year */
        if (!latin && !old && j < p->len && p->s[j] == ' ' && j + 1 < p->len &&
            (isdig(p, j + 1) || at(p, j + 1, "元")))
            j++;
        if (!latin && at(p, j, "元")) {
            v = 1;
            e = j + strlen("元");
        } else if (!dnum(p, j, &v, &e, &nd, &z) || v < 1 || v > 99
                   || (latin && !era_initial_year(p, era, v))) {
            return 0;
        }
        if (old && (!at(p, e, "年") || at(p, e, "年間") || at(p, e, "年目") || at(p, e, "年生")
                    || at(p, e, "年連続") || at(p, e, "年ぶり")))
            return 0;
        if (at(p, e, "年"))
            e += strlen("年");
        else if (!latin || !alone)
            return 0;
        else if (e < p->len) {
            /* R7 alone: not inside a model name (H2ロケット, S1グランプリ) */
            size_t k = e;
            uint32_t nc = kj_cp_next(p->c->d, p->len, &k);
            if (kj_is_latin(nc) || kj_is_digit(nc) || kj_is_katakana(nc) || kj_is_kanji(nc)
                || nc == '-')
                return 0;
        }
        t->y = p->c->dd->era_y1[era] + (int)v - 1;
        t->yset = true;
        t->grain = KJ_G_YEAR;
        if (at(p, e, "度")) {
            *fy = true;
            e += strlen("度");
        }
        return e;
    }
    if ((n = word(p, i, KJ_W_YEAR, &w)) > 0 && hira_ok(p, i, n)) {
        int off = w->arg;
        /* 年末年始: the holidays across the turn of the year, the end of
         * one year and the start of the next; late in a year they are this
         * year's end and next year's start, early in one (January, after
         * the holidays) last year's end and this year's start */
        if (p->c->pm >= 7 && at(p, i, "年始") && kj_before(p->s, i, "年末"))
            off++;
        else if (p->c->py > 0 && p->c->pm < 7 && at(p, i, "年末年始"))
            off--;
        kj_dt_rel(p->c, t, KJ_W_YEAR, off);
        t->yset = true;
        t->mod = w->mod;
        e = i + n;
        return e;
    }
    /* 同年代, 同年齢, 同年輩: of the same age, no year */
    if ((n = word(p, i, KJ_W_AYEAR, &w)) > 0) {
        if (at(p, i + n, "代") || at(p, i + n, "齢") || at(p, i + n, "輩"))
            return 0;
        /* その年度 (a fiscal year of its own), その年ごろ / 年頃 (of that age) */
        if (at(p, i, "その") && (at(p, i + n, "度") || at(p, i + n, "ごろ") || at(p, i + n, "頃")
                                 || !sono_ok(p, i, KJ_G_YEAR)))
            return 0;
        kj_dt_anaphor(p->c, t, KJ_G_YEAR, w->arg);
        return i + n;
    }
    if (num_at(p, i, &v, &e, &nd, &z) && at(p, (e = sp_unit(p, i, e, nd, "年")), "年")
        && (year_like(v, nd, z) || nd == 2)) {
        t->y = full_year(p, v, nd);
        t->yset = true;
        t->grain = KJ_G_YEAR;
        e += strlen("年");
        if (at(p, e, "代") && t->y % 10 == 0) {
            t->decade = true;
            return e + strlen("代");
        }
        if (at(p, e, "度")) {
            *fy = true;
            e += strlen("度");
            /* 24年度 in 2012 is 平成24年度 with the era left out (FY2012, not
             * 1924), 12年度 in 2012 is 2012: of the era in force at
             * publication and 20xx/19xx, the year nearer to it, the era's
             * only within ten years (cases/ja/date) */
            const struct kj_datedata *dd = p->c->dd;
            int py = p->c->py;
            /* no publication date: the year of the last date written
             * (2008年3月31日。…20年度予算 is 平成20年度, FY2008) */
            if (!py && p->c->has_last && p->c->last.yset && !p->c->last.bc && p->c->last.y >= 1900)
                py = p->c->last.y;
            for (size_t k = 0; nd == 2 && !z && py && k < dd->nera_modern; k++)
                if (dd->era_y1[k] <= py) {
                    int ey = dd->era_y1[k] + (int)v - 1;
                    if (abs(ey - py) <= 10 && abs(ey - py) < abs(t->y - py))
                        t->y = ey;
                    break;
                }
        }
        return e;
    }
    return 0;
}

/* Month part: 3月 / 今月 / 同月. */
static size_t part_month(jp *p, size_t i, kj_tx *t)
{
    const kj_dword *w;
    size_t n, e;
    int64_t v;
    int nd;
    bool z;
    if ((n = word(p, i, KJ_W_MONTH, &w)) > 0 && hira_ok(p, i, n)) {
        kj_dt_rel(p->c, t, KJ_W_MONTH, w->arg);
        t->mset = true;
        return i + n;
    }
    if ((n = word(p, i, KJ_W_AMONTH, &w)) > 0) {
        kj_dt_anaphor(p->c, t, KJ_G_MONTH, w->arg);
        return i + n;
    }
    if (num_at(p, i, &v, &e, &nd, &z) && v >= 1 && v <= 12 && nd <= 2
        && at(p, (e = sp_unit(p, i, e, nd, "月")), "月") && !at(p, e, "月間")) {
        t->m = (int)v;
        t->mset = true;
        t->grain = KJ_G_MONTH;
        return e + strlen("月");
    }
    return 0;
}

/* この日韓スワップ, この日記: the 日 of この日 (from i, ending at e) starts a
 * word (日韓, 日記; ja/day_compounds). Not 同日付 (dated the same day) nor
 * 同日中に / この日中まで (within the day), where 付 and 中 follow the day. */
static bool day_compound(const jp *p, size_t i, size_t e)
{
    if (!kj_before(p->s, e, "日"))
        return false;
    if (at(p, i, "同日") && at(p, e, "付"))
        return false;
    if (at(p, e, "中に") || at(p, e, "中まで"))
        return false;
    int32_t v;
    return kj_dict_longest(p->c->dd->day_compounds, p->s, p->len, e, &v) > 0;
}

/* 合同日程, 共同日本海, 一同日ごろ: the 同 at i ends a word of ja/dou_words,
 * so 同日 there is no anaphor. */
static bool dou_word(const jp *p, size_t i)
{
    if (!at(p, i, "同"))
        return false;
    const kj_wordlist *wl = p->c->dd->dou_words;
    for (size_t k = 0; k < wl->n; k++)
        if (kj_before(p->s, i + strlen("同"), wl->lines[k]))
            return true;
    return false;
}

static bool event_anchor(const jp *p, size_t i, bool later);
static size_t slot_end(jp *p, size_t st, size_t k);

/* A noun of ja/incident_words (事件, 事故発生) right before i, or before の
 * and i: the story's own incident, named before a day anaphor. */
static bool incident_before(const jp *p, size_t i)
{
    if (kj_before(p->s, i, "の"))
        i -= strlen("の");
    const kj_wordlist *wl = p->c->dd->incident_words;
    for (size_t k = 0; k < wl->n; k++)
        if (kj_before(p->s, i, wl->lines[k]))
            return true;
    return false;
}

/* 明日 right after a kanji other than 今 (今明日中に) is the end of a word
 * or a name running into 日 (表明 日米, 白川方明 日銀総裁, 説明日): no
 * tomorrow. */
static bool ashita_ok(const jp *p, size_t i)
{
    size_t st;
    if (i == 0 || !at(p, i, "明日"))
        return true;
    uint32_t a = kj_cp_prev(p->c->d, i, &st);
    return !kj_is_kanji(a) || a == 0x4ECA; /* 今 */
}

/* 同夜 / 同晩 (n bytes at i) stand alone: not the end of a word (共同夜行,
 * 合同夜) nor the start of one (同夜間, 同晩年, 同晩餐会). Other words pass. */
static bool night_ok(const jp *p, size_t i, size_t n)
{
    if (n < strlen("夜") || (!kj_before(p->s, i + n, "夜") && !kj_before(p->s, i + n, "晩")))
        return true;
    size_t st, k = i + n;
    if (i > 0 && kj_is_kanji(kj_cp_prev(p->c->d, i, &st)))
        return false;
    return k >= p->len || !kj_is_kanji(kj_cp_next(p->c->d, p->len, &k));
}

/* その日 / その年 (at i) refer back to a date only when one is written in
 * their sentence or the one before, in the same paragraph: the last day
 * for a day (grain KJ_G_DAY), the last date's year for a year. With none
 * there (いつかその日が来る), or after a clause or noun that names its own
 * event (調査したその日に, 発表その日に), the antecedent is absent or not a
 * date, and その日 is no date. */
static bool sono_ok(const jp *p, size_t i, int grain)
{
    kj_dctx *c = p->c;
    if (!at(p, i, "その"))
        return true;
    size_t st;
    uint32_t a = i > 0 ? kj_cp_prev(c->d, i, &st) : 0;
    /* a verb or adjective ending (した, する, 新しい) ends a clause on
     * the day; the adverb また (and also) does not */
    bool verb = (a == 0x305F /* た */ && !kj_before(p->s, i, "また")) || a == 0x308B /* る */
                || a == 0x3044 /* い */;
    if (kj_is_kanji(a) || kj_is_katakana(a) || verb)
        return false;
    if (!kj_dt_last_near(c, i))
        return false;
    if (grain == KJ_G_YEAR)
        return c->last.y != 0;
    return c->has_last_day && c->last.d == c->last_day.d && c->last.m == c->last_day.m &&
           c->last.y == c->last_day.y;
}

/* Day part: 13日 / 同日 / 同9日 / 今日. */
static size_t part_day(jp *p, size_t i, kj_tx *t, bool first)
{
    const kj_dword *w;
    size_t n, e;
    int64_t v;
    int nd;
    bool z;
    if (first && (n = word(p, i, KJ_W_DAY, &w)) > 0 && hira_ok(p, i, n) && ashita_ok(p, i)) {
        kj_dt_rel(p->c, t, KJ_W_DAY, w->arg);
        if (isdig(p, i + n)) {
            /* 明日15日, 本日19日: the day after it is that day (its month),
             * one date written twice when the two agree (or the day the
             * word names is unknown); 今日1日 on the 12th is "today, one day" */
            p->hint = *t;
            p->hpos = i + n;
            p->hok = t->y && t->m && t->d;
            kj_tx a;
            kj_tx_init(&a);
            size_t e2 = part_day(p, i + n, &a, true);
            if (e2 > 0 && (!p->hok || a.d == t->d)) {
                *t = a;
                return e2;
            }
        }
        return i + n;
    }
    if (first && (n = word(p, i, KJ_W_ADAY, &w)) > 0 && !day_compound(p, i, i + n) && !dou_word(p, i)
        && night_ok(p, i, n) && sono_ok(p, i, KJ_G_DAY)) {
        /* 発売前日となる18日, 当日の18日, 出荷前日（7月18日）: the day that
         * follows is the date;
         * the 前日 counts from an event, not from a date in the text */
        static const char *const link[] = {"となる", "となった", "にあたる", "に当たる",
                                           "である", "の", "（", "(", "・"};
        for (size_t k = 0; k < sizeof link / sizeof link[0]; k++) {
            size_t j = i + n + strlen(link[k]);
            kj_tx a;
            kj_tx_init(&a);
            if (at(p, i + n, link[k]) && isdig(p, j) && part_day(p, j, &a, false) > 0) {
                /* the day takes the anaphor's month when both name it */
                kj_tx_init(&p->hint);
                p->hok = kj_dt_anaphor(p->c, &p->hint, KJ_G_DAY, w->arg);
                p->hpos = j;
                return 0;
            }
            /* 死去前日の8月1日: a month and day in digits after it name the
             * day themselves */
            size_t me;
            kj_tx m;
            kj_tx_init(&m);
            if (at(p, i + n, link[k]) && isdig(p, j) && (me = part_month(p, j, &m)) > 0 &&
                isdig(p, me) && part_day(p, me, &a, false) > 0) {
                /* 当日(2月28日) with no publication date: the year of the
                 * anaphor's day when that is the same month and day */
                kj_tx_init(&p->hint);
                p->hok = kj_dt_anaphor(p->c, &p->hint, KJ_G_DAY, w->arg);
                p->hpos = j;
                return 0;
            }
        }
        /* 試合翌日, 会談の翌日, 事件当日, 大会前日: the day after (of, before)
         * an event the text names; with no day written just before it, the
         * event's day is not known, and the publication date would be a
         * wrong day, not an unknown one (GUIDELINES: anaphora resolve from
         * the date they refer back to). この日 / 同日 name no event. */
        kj_dctx *c = p->c;
        bool had;
        if (c->has_story_day && w->arg == 0 && (at(p, i, "この") || at(p, i, "同"))) {
            /* the story's day, past a day that only dates a noun */
            kj_tx keep = c->last_day;
            c->last_day = c->story_day;
            had = kj_dt_anaphor(c, t, KJ_G_DAY, 0);
            c->last_day = keep;
        } else {
            had = kj_dt_anaphor(c, t, KJ_G_DAY, w->arg);
        }
        /* a day before it counts only when it is the last date, in the
         * sentence or the one before (same paragraph): 10日に大勝した韓国戦
         * 翌日 is the 11th, but 23日に中止が発表された。震災翌日には is not
         * the 24th */
        bool last_is_day = c->last.d == c->last_day.d && c->last.m == c->last_day.m &&
                           c->last.y == c->last_day.y;
        /* 事件発生の翌々日: the story's incident counts from the last day
         * however far back, when no later date came between */
        bool near = had && (!c->has_last_day || (kj_dt_last_near(c, i) && last_is_day) ||
                            (last_is_day && c->last_day.m && incident_before(p, i)));
        if (!near && !at(p, i, "この") && !at(p, i, "同") && event_anchor(p, i, true)) {
            t->y = t->m = t->d = 0;
            t->yset = t->mset = false;
            p->evday = i + 1;
        }
        return i + n;
    }
    size_t j = i;
    bool same = first && at(p, i, "同");
    if (same)
        j += strlen("同");
    /* 2016年1月1日前: right after its month, N日 before 前 / 後 is the day
     * (before / after it), not N days ago */
    bool dated = !first && kj_before(p->s, i, "月");
    if (num_at(p, j, &v, &e, &nd, &z) && v >= 1 && v <= 31 && nd <= 2
        && at(p, (e = sp_unit(p, j, e, nd, "日")), "日") && !at(p, e, "日間") && !at(p, e, "日本")
        && ((!at(p, e, "日前") && !at(p, e, "日後")) || dated)
        && !at(p, e, "日目") && !at(p, e, "日連続") && !at(p, e, "日ぶり")
        && !at(p, e, "日曜") && !at(p, e, "日おき")) {
        /* a bare kanji day: 一日 is far more often "one day" than the 1st;
         * 一日中 is all day */
        /* 二十九日 (above ten, no qualifier after it: 十五日ほど is a length) */
        const kj_dword *qw;
        if (!same && nd == 0 && first &&
            !(p->c->has_last && p->c->last.mset && p->c->last.m && kj_dt_last_near(p->c, i)) &&
            (v <= 10 || word(p, e + strlen("日"), KJ_W_QUAL, &qw) > 0))
            return 0;
        /* 1日中 in digits is all day too when no month comes before it
         * (7月1日中に and 18日中に are days) */
        if (at(p, e, "日中") && (nd == 0 || (v == 1 && first && !same)))
            return 0;
        /* 1日フルに使う, 1日フルで働く, 1日丸ごと: a whole day, no date (1日
         * フルマラソン stays the 1st) */
        if ((at(p, e, "日フルに") || at(p, e, "日フルで") || at(p, e, "日丸ごと")) && v == 1
            && first && !same)
            return 0;
        if (first && !same && p->hok && p->hpos == i && p->hint.d == v && p->hint.y
            && p->hint.m) {
            t->y = p->hint.y;
            t->m = p->hint.m;
            t->yset = p->hint.yset;
            t->mset = p->hint.mset;
            t->rel = true;
        }
        if (same) {
            /* 同9日: the month of the date referred back to */
            kj_tx a;
            kj_tx_init(&a);
            kj_dt_anaphor(p->c, &a, KJ_G_MONTH, 0);
            t->y = a.y;
            t->m = a.m;
            t->rel = true;
            t->mset = true;
        }
        t->d = (int)v;
        t->grain = KJ_G_DAY;
        return e + strlen("日");
    }
    return 0;
}

/* (金) / (金曜日) after a day. */
static size_t weekday_paren(const jp *p, size_t i)
{
    static const char *const wd[] = {"月", "火", "水", "木", "金", "土", "日"};
    if (!at(p, i, "("))
        return 0;
    for (int k = 0; k < 7; k++) {
        size_t j = i + 1;
        if (!at(p, j, wd[k]))
            continue;
        j += strlen(wd[k]);
        if (at(p, j, "曜日"))
            j += strlen("曜日");
        else if (at(p, j, "曜"))
            j += strlen("曜");
        if (at(p, j, ")"))
            return j + 1 - i;
        if (at(p, j, "・") || at(p, j, "祝"))
            return 0;
    }
    return 0;
}

/* 動画(YouTube)(1:10頃から…): M:SS in a parenthesis right after a video
 * (ja/video_words) named within the 60 bytes before it is a position in the
 * video, no time of day. */
static bool video_position(const jp *p, size_t i)
{
    size_t k = i;
    if (kj_before(p->s, k, "("))
        k -= 1;
    else
        return false;
    size_t lo = k > 60 ? k - 60 : 0;
    const kj_wordlist *video = p->c->dd->video_words;
    for (size_t n = 0; n < video->n; n++) {
        size_t l = strlen(video->lines[n]);
        for (size_t j = lo; j + l <= k; j++)
            if (memcmp(p->s + j, video->lines[n], l) == 0)
                return true;
    }
    return false;
}

/* A clock HH:MM[:SS] (NFKC turns ： into :): hour 0-23 in one or two
 * digits, minutes and seconds in two; not a part of a longer run of digits
 * and colons (a race time 2:05:30.5, 1:2:3). Returns the end, 0 when none. */
static size_t clock(jp *p, size_t i, int64_t *hh, int64_t *mm)
{
    int64_t h, m, s;
    size_t e, e2, e3;
    int nd;
    bool z;
    if (!isdig(p, i) || (i > 0 && p->s[i - 1] == ':') || !num_at(p, i, &h, &e, &nd, &z) || nd > 2
        || h > 24 || !at(p, e, ":") || !dnum(p, e + 1, &m, &e2, &nd, &z) || nd != 2 || m > 59
        || (h == 24 && m > 0))
        return 0; /* 24:00 is the midnight that ends the day */
    if (at(p, e2, ":")) {
        if (!dnum(p, e2 + 1, &s, &e3, &nd, &z) || nd != 2 || s > 59 || (h == 24 && s > 0))
            return 0;
        e2 = e3;
    }
    if (isdig(p, e2) || at(p, e2, ":") || (at(p, e2, ".") && isdig(p, e2 + 1)))
        return 0;
    if (video_position(p, i))
        return 0;
    /* UTC+4:30, GMT-3:30, (+9:00): a zone's offset from UTC, not a time */
    if (i > 0 && (p->s[i - 1] == '+' || kj_before(p->s, i, "−")
                  || (p->s[i - 1] == '-' && i > 1 && ascii_alpha(p->s[i - 2]))))
        return 0;
    *hh = h;
    *mm = m;
    return e2;
}

/* 「5時に夢中!」(東京MXテレビ), 「5時に夢中!」のスポンサー: a clock that opens
 * a short bracketed title is part of the name (a programme), no time of
 * day (cases/ja/date_time). A title: the bracket closes within 36 bytes
 * with no 、 or 。 in it, and either ends on ! or ? or is followed by a
 * parenthesis (the broadcaster); never before と or って (a quote:
 * 「5時に起きた」と話した). i is the clock's first digit. */
static bool clock_in_title(const jp *p, size_t i)
{
    if (!kj_before(p->s, i, "「") && !kj_before(p->s, i, "『"))
        return false;
    size_t lim = i + 36 < p->len ? i + 36 : p->len;
    for (size_t j = i; j < lim; j++) {
        if (at(p, j, "、") || at(p, j, "。") || at(p, j, "「") || at(p, j, "『"))
            return false;
        if (!at(p, j, "」") && !at(p, j, "』"))
            continue;
        size_t k = j + strlen("」");
        if (at(p, k, "と") || at(p, k, "って"))
            return false;
        return p->s[j - 1] == '!' || p->s[j - 1] == '?' || at(p, k, "(");
    }
    return false;
}

/* Time: [午前|午後|朝|夜..] N時[M分|半] | HH:MM | 正午 | a part of day alone. */
static size_t part_time(jp *p, size_t i, kj_tx *t, bool after_date)
{
    const kj_dword *w;
    size_t n, j = i, e;
    int64_t v, mi = 0;
    int nd;
    bool z, pm = false;
    const kj_dword *tod = NULL;
    if (at(p, i, "正午")) {
        t->hh = 12;
        t->mi = 0;
        t->grain = KJ_G_HOUR;
        /* 正午12時: one time */
        size_t k = i + strlen("正午");
        if (at(p, k, "12時") && !at(p, k, "12時間"))
            k += strlen("12時");
        return k;
    }
    bool today = false;
    if ((n = dword(p, i, &w)) > 0 && (w->kind == KJ_W_TOD || w->kind == KJ_W_TTOD)) {
        /* 今朝, 今夜: a part of the publication day, never after a date */
        today = w->kind == KJ_W_TTOD;
        if (today && (after_date || !hira_ok(p, i, n)))
            return 0;
        if (today && (at(p, i, "昨") || at(p, i, "明"))) {
            /* 昨夜, 昨晩, 明晩: a part of the day before or after the
             * publication day (parse_date keeps the day it gets here) */
            if (!p->c->py)
                return 0;
            kj_civil(kj_days(p->c->py, p->c->pm, p->c->pd) + (at(p, i, "昨") ? -1 : 1), &t->y,
                     &t->m, &t->d);
            t->rel = true;
        }
        tod = w;
        pm = strcmp(w->s, "AF") == 0 || strcmp(w->s, "EV") == 0 || at(p, i, "夜")
             || (today && strcmp(w->s, "NI") == 0);
        j = i + n;
        if (j + 1 < p->len && p->s[j] == ' ' && isdig(p, j + 1))
            j++; /* 午前 6 時 */
        else if (at(p, j, "の") && isdig(p, j + strlen("の")))
            j += strlen("の"); /* 夜の8時 */
    }
    size_t ce;
    if ((ce = clock(p, j, &v, &mi)) > 0) {
        /* 15:30, 23:59:59 (seconds are below kiji's finest grain); 3:00am,
         * 11:10 PM (one space, no letter after: not 9:00 PMDA) */
        size_t ms = at(p, ce, " ") && (ce + 3 >= p->len || !ascii_alpha(p->s[ce + 3])) ? 1 : 0;
        if (!tod && v <= 12 && (at(p, ce + ms, "pm") || at(p, ce + ms, "PM"))) {
            pm = true;
            ce += ms + 2;
        } else if (!tod && v <= 12 && (at(p, ce + ms, "am") || at(p, ce + ms, "AM"))) {
            v = v == 12 ? 0 : v;
            ce += ms + 2;
        }
        if (pm && v < 12)
            v += 12;
        t->hh = (int)v;
        t->mi = (int)mi;
        t->grain = KJ_G_MINUTE;
        return ce;
    }
    if (j == i && i > 0 && isdig(p, i - 1))
        return 0; /* 25時: not 5時 */
    /* 無所属6時事通信: a count, then the word 時事 (no hour) */
    if (dnum(p, j, &v, &e, &nd, &z) && v <= 29 && at(p, (e = sp_unit(p, j, e, nd, "時")), "時") &&
        !at(p, e, "時間") && !at(p, e, "時点") && !at(p, e, "時代") && !at(p, e, "時事") &&
        /* 4時限目, 2時限の授業: a class period, no hour (3時限りで is one) */
        !(at(p, e, "時限") && !at(p, e, "時限り")) && (nd > 0 || tod || after_date)) {
        size_t k = e + strlen("時");
        /* a clock hour in digits reads alone (23時に, 9時30分); a kanji
         * numeral needs a date or a part of day (一時 is "for a while") */
        bool ok = tod || after_date || (nd > 0 && v < 24);
        int64_t m2;
        size_t e2;
        if (at(p, k, "半")) {
            mi = 30;
            k += strlen("半");
            ok = true;
            /* seconds after 半: read, not kept */
            if (dnum(p, k, &m2, &e2, &nd, &z) && at(p, e2, "秒")) {
                if (m2 >= 60)
                    return 0;
                k = e2 + strlen("秒");
            }
        } else if (at(p, k, "十分") && (tod || after_date || nd > 0)) {
            mi = 10; /* 午前八時十分 (十分 alone is "enough": 一時十分に) */
            k += strlen("十分");
            ok = true;
        } else if (dnum(p, k, &m2, &e2, &nd, &z) && m2 < 60 && at(p, e2, "分")
                   && !at(p, e2, "間")) {
            mi = m2;
            k = e2 + strlen("分");
            ok = true;
            /* seconds are below kiji's finest grain: read, not kept */
            if (dnum(p, k, &m2, &e2, &nd, &z) && at(p, e2, "秒")) {
                if (m2 >= 60)
                    return 0;
                k = e2 + strlen("秒");
            }
        } else if (dnum(p, k, &m2, &e2, &nd, &z) && nd > 0) {
            /* 5時70分 is no clock; 20時15 / 11時30〜 is 20:15 when two
             * digits end there (not 9時3発目) */
            size_t q = e2;
            uint32_t nc = q < p->len ? kj_cp_next(p->c->d, p->len, &q) : 0;
            if (at(p, e2, "分") || at(p, e2, "秒"))
                return 0;
            if (nd == 2 && m2 < 60 && !kj_is_kanji(nc) && !kj_is_katakana(nc)
                && !kj_is_latin(nc) && !kj_is_digit(nc) && nc != '.' && nc != ',') {
                mi = m2;
                k = e2;
                ok = true;
            }
        }
        if (!ok && (at(p, k, "ごろ") || at(p, k, "頃") || at(p, k, "過ぎ") || at(p, k, "から")
                    || at(p, k, "まで") || at(p, k, "に")))
            ok = true;
        if (!ok || (j == i && clock_in_title(p, i)))
            return 0;
        /* 25時30分, 深夜25時, 14日26時: a broadcast or late-night clock past
         * 24 (kj_dt_emit moves it to the next day); 25時 alone is no clock */
        if (v > 24 && !tod && !after_date && k == e + strlen("時"))
            return 0;
        /* 6時30分PM, 3時P.M.: a meridiem after the clock */
        size_t mk = k;
        while (mk < p->len && mk - k < 1 && p->s[mk] == ' ')
            mk++;
        if (!tod && (at(p, mk, "PM") || at(p, mk, "pm") || at(p, mk, "P.M.") || at(p, mk, "p.m."))) {
            pm = true;
            k = mk + (p->s[mk + 1] == '.' ? 4 : 2);
        } else if (!tod && (at(p, mk, "AM") || at(p, mk, "am") || at(p, mk, "A.M.") || at(p, mk, "a.m."))) {
            if (v == 12)
                v = 0;
            k = mk + (p->s[mk + 1] == '.' ? 4 : 2);
        }
        if (pm && v < 12)
            v += 12;
        else if (tod && v == 12 && (at(p, i, "午前") || at(p, i, "AM") || at(p, i, "am")))
            v = 0; /* 午前12時, AM12時 are midnight */
        else if (tod && v == 12 && !mi && strcmp(tod->s, "NI") == 0)
            v = 24; /* 夜12時, 深夜12時: the midnight that ends the day, as 24時 */
        t->hh = (int)v;
        t->mi = (int)mi;
        t->grain = mi ? KJ_G_MINUTE : KJ_G_HOUR;
        if (tod && tod->mod && !mi)
            t->mod = tod->mod;
        return k;
    }
    if (today) {
        /* 今夜 alone: the publication day, grain hour with its part of day */
        t->tod = tod->s;
        t->mod = tod->mod;
        t->grain = KJ_G_HOUR;
        t->rel = true;
        return j;
    }
    if (tod && after_date && tod->mod) {
        /* 13日未明: grain hour with a TIMEX part of day; a plain 9日午後 or
         * 9日の夜 stays a day (dev-ja gold) */
        t->mod = tod->mod;
        t->tod = tod->s;
        t->grain = KJ_G_HOUR;
        return j;
    }
    return 0;
}

/* A qualifier right after a date, part of its fact (GUIDELINES.md: the
 * qualifiers of amounts): 2021年以前 (on or before: at_most), 2010年以降,
 * 2008年以後, 3月以来 (on or after: at_least), 2030年ごろ, 16世紀頃,
 * 2021年7月前後, 15日くらい (approx). Not 近く (2000年近く is as often
 * "nearly 2000 years") nor から, which starts a range. Sets *q; returns the
 * qualifier's length, 0 when none (cases/ja/date_qual). */
static size_t date_qual(const jp *p, size_t st, size_t e, int *q)
{
    static const struct {
        const char *w;
        int q;
        bool digits; /* only after a date in digits: 今日くらいは休む is
                        "today at least", not about today */
    } qw[] = {{"以前", KJ_Q_AT_MOST, false},  {"以降", KJ_Q_AT_LEAST, false},
              {"以後", KJ_Q_AT_LEAST, false}, {"以来", KJ_Q_AT_LEAST, false},
              {"前後", KJ_Q_APPROX, false},   {"ごろ", KJ_Q_APPROX, false},
              {"頃", KJ_Q_APPROX, false},     {"ぐらい", KJ_Q_APPROX, true},
              {"くらい", KJ_Q_APPROX, true}};
    for (size_t k = 0; k < sizeof qw / sizeof qw[0]; k++) {
        if (!at(p, e, qw[k].w))
            continue;
        size_t n = strlen(qw[k].w);
        /* 前後する (to vary) is a verb, 頃合い a word of its own */
        if (at(p, e + n, "する") || at(p, e + n, "し") || at(p, e + n, "合"))
            return 0;
        if (qw[k].digits && !isdig(p, st))
            return 0;
        *q = qw[k].q;
        return n;
    }
    return 0;
}

/* 上旬, 末, 前半 after a year or month. */
static size_t part_mod(jp *p, size_t i, kj_tx *t)
{
    const kj_dword *w;
    /* 今年の後半, 3月の下旬: の before the part (not 検討の末, 列の頭) */
    size_t k = at(p, i, "の") ? i + strlen("の") : i;
    /* 2015年の年末, 昨年の年明け: the end (start) of the year before の,
     * not of the publication year (GUIDELINES: 年末 -> end, 年明け ->
     * start); not 年末年始 (the holidays across both years) nor 年初来
     * (year to date) */
    static const struct {
        const char *w;
        int mod;
    } ypart[] = {{"年末", KJ_MOD_END},   {"年明け", KJ_MOD_START}, {"年初", KJ_MOD_START},
                 {"年始", KJ_MOD_START}, {"年頭", KJ_MOD_START}};
    if (k != i && t->grain == KJ_G_YEAR && t->y && !t->decade && !t->century
        && !at(p, k, "年末年始") && !at(p, k, "年初来"))
        for (size_t q = 0; q < sizeof ypart / sizeof ypart[0]; q++)
            if (at(p, k, ypart[q].w)) {
                t->mod = ypart[q].mod;
                return k + strlen(ypart[q].w);
            }
    size_t n = word(p, k, KJ_W_MOD, &w);
    if (!n || t->grain == KJ_G_DAY)
        return 0;
    if (k != i && (at(p, k, "末") || at(p, k, "頭")))
        return 0;
    /* 今年初めて is "for the first time this year" */
    if ((at(p, k, "初め") || at(p, k, "はじめ") || at(p, k, "始め")) && at(p, k + n, "て"))
        return 0;
    i = k;
    /* 上旬/中旬/下旬 are parts of a month, or loosely of a year (2023年中旬) */
    if ((at(p, i, "上旬") || at(p, i, "中旬") || at(p, i, "下旬") || at(p, i, "初旬"))
        && t->grain != KJ_G_MONTH && t->grain != KJ_G_YEAR)
        return 0;
    t->mod = w->mod;
    return i + n;
}

/* 金曜日午後3時, 月曜日の2時30分, 来週の月曜日午前9時から午後1時: a clock (and
 * a clock range) after a weekday at k is that day's. After の the clock is
 * one that reads alone (digits, or a part of day before it: not 月曜日の一時
 * 停止). Returns the end, 0 when no clock follows; *b holds the range's end
 * when *ranged. */
static size_t time_range_end(jp *p, size_t e, const kj_tx *a, kj_tx *b);
static size_t weekday_clock(jp *p, size_t k, kj_tx *t, kj_tx *b, bool *ranged)
{
    kj_tx tt = *t;
    bool no = at(p, k, "の");
    size_t e = part_time(p, no ? k + strlen("の") : k, &tt, !no), e2;
    *ranged = false;
    if (!t->d || e == 0 || tt.hh < 0)
        return 0;
    *t = tt;
    if ((e2 = time_range_end(p, e, t, b)) > 0) {
        *ranged = true;
        return e2;
    }
    return e;
}

/* 第3週, 最初の週, 最後の週, 最終週 at k after a month or a year in *t: *t
 * becomes that ISO week (a month's weeks are those whose Thursday falls in
 * it, as in English). Returns the end, 0 when no such week follows. */
static size_t week_of(jp *p, size_t k, kj_tx *t)
{
    if ((t->grain != KJ_G_MONTH && t->grain != KJ_G_YEAR) || t->mod || !t->y || t->y < 1
        || (t->grain == KJ_G_MONTH && !t->m) || t->decade || t->century || t->bc)
        return 0;
    int64_t n;
    size_t e;
    int nd;
    bool z;
    if (at(p, k, "第") && dnum(p, k + strlen("第"), &n, &e, &nd, &z) && n >= 1 && n <= 53
        && at(p, e, "週") && !at(p, e, "週間") && !at(p, e, "週末"))
        e += strlen("週");
    else if (at(p, k, "最初の週"))
        n = 1, e = k + strlen("最初の週");
    else if (at(p, k, "最後の週") || at(p, k, "最終週"))
        n = -1, e = k + (at(p, k, "最終週") ? strlen("最終週") : strlen("最後の週"));
    else
        return 0;
    long thu;
    if (t->grain == KJ_G_MONTH) {
        long first = kj_days(t->y, t->m, 1), last = kj_days(t->y, t->m, kj_mdays(t->y, t->m));
        thu = n > 0 ? first + (4 - kj_wday(first) + 7) % 7 + 7 * (n - 1)
                    : last - (kj_wday(last) - 4 + 7) % 7;
        if (thu > last)
            return 0;
    } else {
        /* the year's ISO weeks: the week holding January 4, or December 28 */
        long first = kj_days(t->y, 1, 4), last = kj_days(t->y, 12, 28);
        thu = n > 0 ? first - (kj_wday(first) - 4) + 7 * (n - 1) : last - (kj_wday(last) - 4);
        if (thu > last - (kj_wday(last) - 4))
            return 0;
    }
    int wy, wk;
    kj_isoweek(thu, &wy, &wk);
    t->y = wy;
    t->wk = wk;
    t->m = t->d = 0;
    t->grain = KJ_G_WEEK;
    return e;
}

/* 11月から3月まで, 12月下旬から1月上旬, 12月25日から1月5日: a month (or month and
 * day) with no year of its own right after から or a dash that follows a
 * month date is the first such month (day) after that start, not the one
 * nearest the publication date. */
static void range_year(jp *p, size_t i, kj_tx *t)
{
    size_t sl;
    if (p->mend == SIZE_MAX || p->mend >= i || t->yset || !t->m || !t->mset || !p->mlast.mset
        || (t->grain != KJ_G_MONTH && t->grain != KJ_G_DAY) || t->grain != p->mlast.grain)
        return;
    if (!(at(p, p->mend, "から") && p->mend + strlen("から") == i)
        && !((sl = range_sep(p, p->mend)) > 0 && p->mend + sl == i))
        return;
    int a = p->mlast.m * 100 + (t->grain == KJ_G_DAY ? p->mlast.d : 0);
    int b = t->m * 100 + (t->grain == KJ_G_DAY ? t->d : 0);
    int y = b >= a ? p->mlast.y : p->mlast.y + 1;
    if (t->grain == KJ_G_DAY && t->d > kj_mdays(y, t->m))
        return;
    t->y = y;
    t->rel = true;
}

/* 2021年/7月/18日: a slash at i after a unit (年, 月) before a number of one or
 * two digits that has its own unit u. */
static bool slash_unit(const jp *p, size_t i, const char *u)
{
    if (i + 1 >= p->len || p->s[i] != '/' || !isdig(p, i + 1)
        || !(kj_before(p->s, i, "年") || kj_before(p->s, i, "月")))
        return false;
    size_t k = i + 1;
    while (k < p->len && k - i <= 3 && isdig(p, k))
        k++;
    return k - i <= 3 && at(p, k, u);
}

/* 2021年/7: a slash after 年 and a month of one or two digits that ends the
 * expression (the text's end, a space or punctuation next; not 2020年/21年,
 * 2021年/7回, 2021年/7.5). Returns the end, the month in *m; 0 when none. */
static size_t year_slash_month(const jp *p, size_t i, int *m)
{
    if (i + 1 >= p->len || p->s[i] != '/' || !isdig(p, i + 1) || !kj_before(p->s, i, "年"))
        return 0;
    size_t k = i + 1;
    int v = 0;
    while (k < p->len && k - i <= 3 && isdig(p, k))
        v = v * 10 + (p->s[k++] - '0');
    if (k - i > 3 || v < 1 || v > 12)
        return 0;
    if (k < p->len) {
        size_t n = k;
        uint32_t nc = kj_cp_next(p->c->d, p->len, &n);
        if (kj_is_digit(nc) || kj_is_latin(nc) || kj_is_kanji(nc) || kj_is_hiragana(nc)
            || kj_is_katakana(nc) || nc == '.' || nc == '/' || nc == ':' || nc == '-' || nc == '%'
            || nc == ',')
            return 0;
    }
    *m = v;
    return k;
}

/* 週に数日, 月に数日: how many days in a week or month, a frequency,
 * not a length (e ends the vague numeral 数). */
static bool freq_days(const jp *p, size_t e)
{
    return kj_before(p->s, e, "週に数") || kj_before(p->s, e, "月に数") ||
           kj_before(p->s, e, "年に数");
}

static size_t unit_at(jp *p, size_t ns, size_t e, bool digits, bool chained, const char **u);

/* A single length in years, months, weeks or days at k before 後 or 前
 * (2日後, 3週間前; not 前半, 後半, 前後). */
static bool length_ago(jp *p, size_t k)
{
    int64_t v;
    size_t e, un;
    int nd;
    bool z;
    const char *u;
    if (!dnum(p, k, &v, &e, &nd, &z) || v < 1 || v > 1000
        || (un = unit_at(p, k, e, nd > 0, false, &u)) == 0
        || !(strcmp(u, "Y") == 0 || strcmp(u, "M") == 0 || strcmp(u, "W") == 0
             || strcmp(u, "D") == 0))
        return false;
    e += un;
    return (at(p, e, "後") && !at(p, e, "後半"))
           || (at(p, e, "前") && !at(p, e, "前半") && !at(p, e, "前後"));
}

/* ---- a whole date --------------------------------------------------------- */

static size_t season_at(const jp *p, size_t i, int *q);
static int weekday_at(const jp *p, size_t i, size_t *n);
static bool weekday_in_name(const jp *p, size_t i, size_t wl, uint32_t pc);

/* A bare time at pos that shares the day of the date before it: listed
 * right after a time with a day (5日10時、12時、15時; separated by 、, ・, と or
 * や only), or after 同 (同17時: the same day as the last date with one)
 * or 同時刻の. */
/* 同17時, 同時刻の午前7時25分, 同時刻、7時25分: the clock at pos is on the
 * day of the last date with one (同時刻 is the time just told of). */
static bool same_day_clock(const jp *p, size_t pos)
{
    return kj_before(p->s, pos, "同") || kj_before(p->s, pos, "同時刻の") ||
           kj_before(p->s, pos, "同時刻、");
}

/* 14日に放送された番組(21:00〜)の中で, 開幕戦(4月3日)は午後6時開始: a
 * clock later in the same sentence as a day with no clock of its own is on
 * that day (elsewhere a bare time is the publication day's). Not when the
 * day bounds a range (11月7日までの毎日、午前9時から; 同日より放送の枠を
 * 午前8時開始に), when the clock recurs (平日, 毎日, 毎週, 連日) or when a
 * later step follows the day's event (15日に可決されたことを受けて、午後1時
 * から開かれた本会議). */
static bool same_sentence_day(const jp *p, size_t pos)
{
    const kj_dctx *c = p->c;
    if (c->last_sent < 0 || kj_sentence_of(c->d, pos) != c->last_sent)
        return false;
    size_t e = c->last_end;
    if (at(p, e, "から") || at(p, e, "より") || at(p, e, "まで") || at(p, e, "にかけ") ||
        at(p, e, "以降") || range_sep(p, e) > 0)
        return false;
    static const char *const stop[] = {"平日", "毎日", "毎週", "毎朝", "毎晩", "連日",
                                       "週末", "土日", "を受け"};
    for (size_t k = e; k < pos; k++) {
        p->c->d->work++;
        for (size_t q = 0; q < sizeof stop / sizeof *stop; q++)
            if (at(p, k, stop[q]))
                return false;
    }
    return true;
}

/* clock: the time at pos is a clock alone (no relative word such as 昨日
 * whose day the publication date gives). */
static bool listed_time(const jp *p, size_t pos, bool clock)
{
    const kj_dctx *c = p->c;
    if (same_day_clock(p, pos))
        return (c->has_last && c->last.d) || (c->has_last_day && c->last_day.d);
    if (!c->has_last || !c->last.d || c->last_end > pos)
        return false;
    if (c->last.hh < 0) {
        /* 20日は午前10時から, 市は20日、午前10時から, 20日(現地時間)午前7時,
         * 今日(22日)午後4時半: a clock right after a day with no clock, past a
         * topic, a comma, a closing parenthesis or 現地時間, is on that day
         * (a bare time elsewhere is the publication day's) */
        static const char *const gap[] = {"は", "も", "には", "、", ")", "）",
                                          "、現地時間", "は現地時間", "(現地時間)"};
        for (size_t k = 0; k < sizeof gap / sizeof *gap; k++)
            if (pos - c->last_end == strlen(gap[k]) && kj_before(p->s, pos, gap[k]))
                return true;
        return clock && same_sentence_day(p, pos);
    }
    static const char *const sep[] = {"、", "・", "と", "や"};
    for (size_t k = 0; k < sizeof sep / sizeof *sep; k++)
        if (pos - c->last_end == strlen(sep[k]) && kj_before(p->s, pos, sep[k]))
            return true;
    return false;
}

/* 8日午前8時50分(現地時間、日本時間午後0時50分): a bare clock after 日本時間
 * inside the parenthesis that follows a clock with a day converts that
 * clock, so it is on the same day, or the next one when it reads earlier
 * (Japan is ahead of most zones). A UTC+N past +9 given in the parenthesis
 * puts Japan behind: then an earlier clock is the same day and a later one
 * the day before. Sets the day of t; false when the rule does not apply. */
static bool japan_time_day(jp *p, kj_tx *t, size_t pos)
{
    const kj_dctx *c = p->c;
    const kj_tx *l = &c->last;
    /* 日本時間午後0時, 日本時間で午後0時, 日本時間では午後0時 */
    size_t zp = kj_before(p->s, pos, "では") ? pos - strlen("では")
                : kj_before(p->s, pos, "で") ? pos - strlen("で") : pos;
    if (!kj_before(p->s, zp, "日本時間") || !c->has_last || !l->d || l->hh < 0 || t->hh < 0 ||
        c->last_end >= pos || pos - c->last_end > 64)
        return false;
    size_t k = c->last_end;
    if (!at(p, k, "(") && !at(p, k, "（"))
        return false;
    bool behind = false;
    for (; k < pos; k++) {
        p->c->d->work++;
        if (at(p, k, ")") || at(p, k, "）") || at(p, k, "。"))
            return false;
        if (at(p, k, "UTC+") && isdig(p, k + 4) && isdig(p, k + 5) && p->s[k + 4] == '1')
            behind = true; /* UTC+10 to UTC+14 */
    }
    int ml = l->hh * 60 + (l->mi > 0 ? l->mi : 0), mt = t->hh * 60 + (t->mi > 0 ? t->mi : 0);
    t->y = l->y, t->m = l->m, t->d = l->d;
    t->rel = l->rel;
    int n = !behind && mt < ml ? 1 : behind && mt > ml ? -1 : 0;
    if (n && t->y && t->m) {
        kj_dt_shift(t, KJ_G_DAY, n);
    } else if (n && t->m) {
        /* no year: the day the shift gives in a common and in a leap year
         * alike (12月31日 to 1月1日), unknown where they differ (2月28日 to
         * 2月29日 or 3月1日, 3月1日 back to 2月28日 or 2月29日) */
        kj_tx cy = *t, ly = *t;
        cy.y = 2027, ly.y = 2028;
        kj_dt_shift(&cy, KJ_G_DAY, n);
        kj_dt_shift(&ly, KJ_G_DAY, n);
        if (cy.m == ly.m && cy.d == ly.d)
            t->m = cy.m, t->d = cy.d;
        else
            t->d = 0;
    } else if (n) {
        /* no month: known only within the 28 days every month has */
        t->d = t->d + n >= 1 && t->d + n <= 28 ? t->d + n : 0;
    }
    return true;
}

/* 27日から30日, 28日〜3日: a bare day right after から or a dash that follows
 * a date with a known month ends a range that starts there: the same month
 * when it is later, the next one when it is earlier (a month's end passed),
 * not the one the nearest-day rule picks alone. True when set. */
static bool range_day_end(jp *p, kj_tx *t, size_t pos)
{
    const kj_dctx *c = p->c;
    if (!c->has_last || !c->last.d || !c->last.m || c->last_end > pos || t->d == c->last.d)
        return false;
    size_t sl = range_sep(p, c->last_end);
    if (!(sl > 0 && c->last_end + sl == pos) &&
        !(pos - c->last_end == strlen("から") && kj_before(p->s, pos, "から")))
        return false;
    /* the end closes the range (まで, にかけて, に, の, は, 、); 今日から4日で,
     * 21日から4日——: a length, not a day */
    size_t e = pos;
    while (e < p->len && e < pos + 12 && !at(p, e, "日"))
        e += (size_t)kj_u8_len((unsigned char)p->s[e]);
    if (!at(p, e, "日"))
        return false;
    e += strlen("日");
    static const char *const close[] = {"まで", "に", "の", "は", "、", "(", NULL};
    bool ok = false;
    for (int k = 0; close[k] && !ok; k++)
        ok = at(p, e, close[k]);
    if (!ok)
        return false;
    int y = c->last.y, m = c->last.m;
    if (t->d < c->last.d && ++m > 12) {
        m = 1;
        y = y ? y + 1 : 0;
    }
    if (t->d > kj_mdays(y, m))
        return false;
    t->y = y;
    t->m = m;
    t->rel = true;
    return true;
}

static void complete_(jp *p, kj_tx *t, size_t pos, bool have_y, bool have_m);

/* Fill the parts the text leaves out from the publication date (the
 * article's, also inside a source's headline: see jp.hl). */
static void complete(jp *p, kj_tx *t, size_t pos, bool have_y, bool have_m)
{
    kj_dctx *c = p->c;
    if (!p->hl) {
        complete_(p, t, pos, have_y, have_m);
        return;
    }
    int y = c->py, m = c->pm, d = c->pd;
    c->py = p->opy, c->pm = p->opm, c->pd = p->opd;
    complete_(p, t, pos, have_y, have_m);
    c->py = y, c->pm = m, c->pd = d;
}

static void complete_(jp *p, kj_tx *t, size_t pos, bool have_y, bool have_m)
{
    if (p->evday == pos + 1 && !have_y && !have_m && !t->d)
        return; /* 試合翌日: the event's day is unknown */
    if (t->grain == KJ_G_DAY || t->grain == KJ_G_HOUR || t->grain == KJ_G_MINUTE) {
        if (!have_m && !have_y && t->d && range_day_end(p, t, pos)) {
            /* 27日から30日: the month of the range's start */
        } else if (!have_m && !have_y && t->d) {
            int g = t->grain;
            kj_dt_bare_day(p->c, t, pos);
            t->grain = g;
        } else if (!have_y && t->m && t->d && p->hok && p->hpos == pos && p->hint.y
                   && p->hint.m == t->m && p->hint.d == t->d) {
            /* 当日(2月28日): the year of the anaphor's day */
            t->y = p->hint.y;
            t->yset = p->hint.yset;
            t->rel = true;
        } else if (!have_y && t->m && t->d) {
            int g = t->grain;
            kj_dt_bare_md(p->c, t, pos);
            t->grain = g;
        } else if (!have_y && !have_m && !t->d && listed_time(p, pos, t->hh >= 0 && !t->rel)) {
            /* 5日10時、12時、15時; 同日12時8分、同17時: the day of the time before */
            /* after 同, the last date with a day: the last date itself when
             * it has one (with no publication date its month may be
             * unknown, 11日 → XXXX-XX-11, which last_day does not keep) */
            const kj_tx *l = same_day_clock(p, pos) && !(p->c->has_last && p->c->last.d)
                                 ? &p->c->last_day
                                 : &p->c->last;
            t->y = l->y, t->m = l->m, t->d = l->d;
            t->rel = true;
        } else if (!have_y && !have_m && !t->d && japan_time_day(p, t, pos)) {
            /* 8日午前8時50分(日本時間午後0時50分): the converted clock's day */
        } else if (!have_y && !have_m && !t->d && p->c->py) {
            /* a bare time takes the publication date */
            t->y = p->c->py, t->m = p->c->pm, t->d = p->c->pd;
            t->rel = true;
        }
    } else if (t->grain == KJ_G_MONTH && !have_y) {
        kj_dt_bare_month(p->c, t, pos);
    }
}

/* 2025年度末, 今年度末: the end of a fiscal year (mod end). Returns the
 * end past 末, 0 when none follows (末期, 末端 are other words). */
static size_t fy_end(const jp *p, size_t j, kj_tx *t)
{
    if (t->grain != KJ_G_FY || !at(p, j, "末") || at(p, j, "末期") || at(p, j, "末端"))
        return 0;
    t->mod = KJ_MOD_END;
    return j + strlen("末");
}

static int prefix_qual(const jp *p, size_t i);
static bool length_follows(jp *p, size_t j);

/* A century: 19世紀, 二十一世紀, 紀元前3世紀, 今世紀, 来世紀 (grain year,
 * TIMEX value 18, 20, BC02). Not a length (1世紀前, 1世紀近く, 約1世紀,
 * 1世紀にわたり, 1世紀目), nor a name the century starts (21世紀枠,
 * 21世紀大阪): a kanji, katakana or Latin letter after it only when it is a
 * part of the century (初頭, 後半, 末, 半ば) or 頃, 以降, 以前, 以来, 以後, 中.
 * Returns the end, 0 when none. */
static size_t part_century(jp *p, size_t i, kj_tx *t)
{
    const kj_dword *w;
    size_t j = i, e;
    int64_t v;
    int nd;
    bool z, bc = false;
    if (at(p, i, "今世紀") || at(p, i, "来世紀")) {
        int py = p->c->py;
        if (!py)
            return 0;
        int cy = py / 100 + (at(p, i, "来世紀") ? 1 : 0);
        t->y = cy * 100 + 1;
        t->century = true;
        t->rel = true;
        t->grain = KJ_G_YEAR;
        return i + strlen("今世紀");
    }
    if (at(p, i, "紀元前") || at(p, i, "紀元後")) {
        bc = at(p, i, "紀元前");
        j = i + strlen("紀元前");
        if (!dnum(p, j, &v, &e, &nd, &z))
            return 0;
    } else if (!num_at(p, i, &v, &e, &nd, &z) || prefix_qual(p, i) != KJ_Q_NONE) {
        return 0;
    }
    if (v < 1 || v > 30 || !at(p, e, "世紀"))
        return 0;
    e += strlen("世紀");
    if (at(p, e, "半ば") || (at(p, e, "の") && word(p, e + strlen("の"), KJ_W_MOD, &w) > 0)) {
        /* 20世紀半ば, 19世紀の終わり: part_mod reads them */
    } else if (word(p, e, KJ_W_MOD, &w) > 0) {
        if (at(p, e, "頭"))
            return 0;
    } else if (length_follows(p, e) || at(p, e, "目") || at(p, e, "間") || at(p, e, "にわた")
               || at(p, e, "ぶり") || at(p, e, "の間")) {
        return 0;
    } else if (e < p->len && !at(p, e, "頃") && !at(p, e, "以降") && !at(p, e, "以前")
               && !at(p, e, "以来") && !at(p, e, "以後") && !at(p, e, "中")) {
        size_t k = e;
        uint32_t nc = kj_cp_next(p->c->d, p->len, &k);
        if (kj_is_kanji(nc) || kj_is_katakana(nc) || kj_is_latin(nc) || kj_is_digit(nc))
            return 0;
    }
    t->y = (int)(v - 1) * 100 + 1;
    t->century = true;
    t->bc = bc;
    t->yset = true;
    t->grain = KJ_G_YEAR;
    return e;
}

/* Read a date at i. Returns its end, 0 when none. */
static int wday_char(uint32_t cp);

static size_t parse_date(jp *p, size_t i, kj_tx *t)
{
    kj_tx_init(t);
    size_t j = i, e;
    bool fy = false, have_y = false, have_m = false, have_d = false;
    int wd_own = 0; /* a weekday after 日に、 / 日で、, its length and start */
    size_t wd_len = 0, wd_end = 0;
    int wd_bare = 0; /* the weekday written with a day that has no month */
    if ((e = part_century(p, i, t)) > 0) {
        /* 今世紀の20年代, 19世紀の80年代: that century's decade */
        int64_t v;
        int nd;
        bool z;
        size_t e2;
        if (!t->bc && at(p, e, "の") && dnum(p, e + strlen("の"), &v, &e2, &nd, &z) && nd == 2
            && v % 10 == 0 && at(p, e2, "年代")) {
            t->y = t->y / 100 * 100 + (int)v;
            t->century = false;
            t->decade = true;
            return e2 + strlen("年代");
        }
        e2 = part_mod(p, e, t);
        return e2 ? e2 : e;
    }
    if ((e = part_year(p, j, t, &fy)) > 0) {
        have_y = true;
        j = e;
        if (fy) {
            t->grain = KJ_G_FY;
            return (e = fy_end(p, j, t)) > 0 ? e : j;
        }
        size_t k = at(p, j, "の") ? j + strlen("の") : j;
        if (k == j && j + 1 < p->len && p->s[j] == ' ' && isdig(p, j + 1)
            && p->s[i] >= '0' && p->s[i] <= '9')
            k++; /* 2012 年 3 月 */
        else if (k == j && slash_unit(p, j, "月"))
            k++; /* 2021年/7月/18日 */
        int sm;
        size_t se;
        if (k == j && (se = year_slash_month(p, j, &sm)) > 0) {
            t->m = sm;
            t->mset = true;
            t->grain = KJ_G_MONTH;
            return se;
        }
        /* 25年3月期: the fiscal year that closes in March 2025 is FY2024 */
        int64_t v;
        int nd;
        bool z;
        size_t e2;
        if (num_at(p, k, &v, &e2, &nd, &z) && v >= 1 && v <= 12 && at(p, e2, "月期")) {
            t->y = v >= 4 ? t->y : t->y - 1;
            t->grain = KJ_G_FY;
            return e2 + strlen("月期");
        }
        /* 2025年第2四半期 / 25年4-6月期 */
        if (at(p, k, "第") && dnum(p, k + strlen("第"), &v, &e2, &nd, &z) && v >= 1
            && v <= 4 && at(p, e2, "四半期")) {
            t->q = (int)v;
            t->grain = KJ_G_QUARTER;
            return e2 + strlen("四半期");
        }
        size_t sl;
        int64_t v2;
        if (num_at(p, k, &v, &e2, &nd, &z) && v >= 1 && v <= 10 && (v - 1) % 3 == 0
            && (sl = range_sep(p, e2)) > 0 && dnum(p, e2 + sl, &v2, &e2, &nd, &z)
            && v2 == v + 2 && at(p, e2, "月期")) {
            t->q = (int)(v + 2) / 3;
            t->grain = KJ_G_QUARTER;
            return e2 + strlen("月期");
        }
        int sq;
        size_t sn;
        if (!t->decade && (sn = season_at(p, k, &sq)) > 0) {
            /* 2025年春, 昨年の秋 */
            t->q = sq;
            t->grain = KJ_G_SEASON;
            return k + sn;
        }
        if ((e = part_month(p, k, t)) > 0) {
            have_m = true;
            j = e;
        }
    } else if ((e = part_month(p, j, t)) > 0) {
        have_m = true;
        if (t->rel) /* 今月, 同月: the year comes with the month */
            have_y = true;
        j = e;
    }
    if (have_m || !have_y) {
        /* 3 月 5 日; 来月の20日 */
        if (have_m && j + 1 < p->len && p->s[j] == ' ' && isdig(p, j + 1) && isdig(p, i)
            && (e = part_day(p, j + 1, t, false)) > 0)
            j++;
        else if (have_m && at(p, j, "の") && (isdig(p, j + strlen("の")) || t->rel)
                 && (e = part_day(p, j + strlen("の"), t, false)) > 0)
            j += strlen("の");
        else if (have_m && have_y && slash_unit(p, j, "日") && (e = part_day(p, j + 1, t, false)) > 0)
            j++;
        else
            e = part_day(p, j, t, !have_m && !have_y);
        if (e > 0) {
            have_d = true;
            if (t->rel && t->y)
                have_y = have_m = true;
            else if (t->rel && t->m && t->d)
                have_m = true; /* 同日 after 11月6日 with no year known: that
                                * month, not the last bare month's */
            else if (t->rel && t->d && !t->m && !t->y)
                have_y = have_m = true; /* 同日 after a bare 30日 with no
                                         * month known: XXXX-XX-30 */
            j = e;
            size_t wl = weekday_paren(p, j), ws = 0;
            if (!wl && have_m)
                weekday_at(p, j, &wl); /* 8月27日水曜日 */
            /* 9日土曜日 with no month: one date, as 9日(土) is; not a
             * weekly slot or a name (5日日曜22時枠, 1日金曜ロードショー) */
            if (!wl && !have_m && weekday_at(p, j, &wl) > 0
                && (slot_end(p, j, j + wl) || weekday_in_name(p, j, wl, 0x65E5 /* 日 */)))
                wl = 0;
            /* 2日の土曜日, 2016年1月12日 月曜日 */
            if (!wl && (at(p, j, "の") || (have_m && at(p, j, " ")))
                && weekday_at(p, j + (ws = at(p, j, "の") ? strlen("の") : 1), &wl) > 0)
                wl += ws;
            /* 10月12日、月曜日; not a weekly slot (2月5日、日曜午後9時枠の
             * 番組を: every Sunday, a set of its own) */
            if (!wl && have_m && at(p, j, "、")
                && weekday_at(p, j + strlen("、"), &wl) > 0) {
                if (slot_end(p, j + strlen("、"), j + strlen("、") + wl))
                    wl = 0;
                else
                    wl += strlen("、");
            }
            /* 2009年7月5日に、日曜日で / 5日で、月曜日: kept below only when it
             * is the date's own weekday */
            if (!wl && have_m && (at(p, j, "に、") || at(p, j, "で、"))
                && (wd_own = weekday_at(p, j + strlen("に、"), &wd_len)) > 0)
                wd_len += strlen("に、"), wd_end = j;
            if (wl && !have_m && !have_y) {
                /* 10日(木), 9日土曜日, 2日の土曜日: the weekday's character
                 * after one opening ( or の */
                size_t q = at(p, j, "(") ? j + 1 : at(p, j, "の") ? j + strlen("の") : j;
                wd_bare = q < p->len ? wday_char(kj_cp_next(p->c->d, p->len, &q)) : 0;
            }
            j += wl;
        }
    }
    if (have_d) {
        kj_tx tt = *t;
        size_t k = j;
        bool no = at(p, k, "の");
        if (no)
            k += strlen("の");
        else if (at(p, k, " ") && isdig(p, k + 1))
            k++; /* 3月17日 20時15 */
        /* 8日日本時間16時42分, 20日現地時間午前7時55分: the zone named
         * between the day and its clock (a clock must follow) */
        bool jst = !no && (at(p, k, "日本時間") || at(p, k, "現地時間"));
        if (jst)
            k += strlen("日本時間");
        if ((e = part_time(p, k, &tt, true)) > 0 && (!(no || jst) || tt.hh >= 0)) {
            *t = tt;
            j = e;
        }
    } else if (!have_y && !have_m) {
        if ((e = part_time(p, j, t, false)) > 0)
            j = e;
        else
            return 0;
        if (t->d) /* 昨夜: part_time gave the day */
            have_y = have_m = true;
    }
    if (!have_d && t->grain != KJ_G_HOUR && t->grain != KJ_G_MINUTE) {
        if ((e = part_mod(p, j, t)) > 0)
            j = e;
    }
    if (t->grain == KJ_G_NONE)
        return 0;
    /* 2月30日 is no date */
    if (t->m && t->d && t->d > kj_mdays(t->y, t->m))
        return 0;
    complete(p, t, i, have_y, have_m);
    /* 10日(木) published on 9 May 2012 and told in the past tense: the
     * nearest-day rule gives 10 April, a Tuesday; the weekday written with
     * it names the month, the one before or after whose 10th is a Thursday
     * (two months apart, the two are never both that weekday) */
    if (wd_bare && t->rel && t->y && t->m && t->d && kj_wday(kj_days(t->y, t->m, t->d)) != wd_bare) {
        for (int sg = -1; sg <= 1; sg += 2) {
            kj_tx o = {.y = t->y, .m = t->m, .d = 1};
            kj_dt_shift(&o, KJ_G_MONTH, sg);
            if (t->d <= kj_mdays(o.y, o.m) && kj_wday(kj_days(o.y, o.m, t->d)) == wd_bare) {
                t->y = o.y;
                t->m = o.m;
                break;
            }
        }
    }
    if (wd_own && j == wd_end && t->y && t->m && t->d
        && kj_wday(kj_days(t->y, t->m, t->d)) == wd_own)
        j += wd_len;
    return j;
}

/* ---- durations -------------------------------------------------------------- */

static int prefix_qual(const jp *p, size_t i)
{
    if (kj_before(p->s, i, "約") || kj_before(p->s, i, "およそ") || kj_before(p->s, i, "ほぼ"))
        return KJ_Q_APPROX;
    if (kj_before(p->s, i, "最大") || kj_before(p->s, i, "最長"))
        return KJ_Q_AT_MOST;
    if (kj_before(p->s, i, "少なくとも") || kj_before(p->s, i, "最低"))
        return KJ_Q_AT_LEAST;
    return KJ_Q_NONE;
}

/* Unit ranks of a compound length, coarsest first (1年2カ月10日). */
static int unit_rank(const char *u)
{
    static const char *const r[] = {"Y", "M", "W", "D", "H", "MI", "S"};
    for (int k = 0; k < 7; k++)
        if (strcmp(u, r[k]) == 0)
            return k;
    return -1;
}

/* 前, 後, 半 or a qualifier after a bare unit make it a length (3日前,
 * 1週近く, 1世紀後). */
static bool length_follows(jp *p, size_t j)
{
    const kj_dword *w;
    return at(p, j, "前") || at(p, j, "後") || at(p, j, "半") || word(p, j, KJ_W_QUAL, &w) > 0;
}

/* 9秒95, 1分59秒32: hundredths after 秒 (sports timing) at j, one to three
 * digits that no digit, kanji, katakana, Latin letter or separator follows
 * (3秒2回 is no fraction). Returns their end, 0 when none. */
static size_t sec_frac(const jp *p, size_t j)
{
    size_t k = j;
    while (isdig(p, k) && k - j < 4)
        k++;
    if (k == j || k - j > 3)
        return 0;
    size_t q = k;
    uint32_t nc = q < p->len ? kj_cp_next(p->c->d, p->len, &q) : 0;
    if (kj_is_kanji(nc) || kj_is_katakana(nc) || kj_is_latin(nc) || nc == '.' || nc == ','
        || nc == ':' || nc == '/' || nc == '-')
        return 0;
    return k;
}

/* After N unit に 1: a counter of events (試合, 便, 本; no kanji after it: not
 * 本目, 本塁打) that makes
 * 3日に1試合 a recurrence, one in every three days, not the 3rd. Returns the
 * counter's length, 0 when none. */
static size_t one_event(const jp *p, size_t e)
{
    static const char *const w[] = {"試合", "便", "本", NULL};
    for (int k = 0; w[k]; k++)
        if (at(p, e, w[k])) {
            size_t q = e + strlen(w[k]);
            uint32_t nc = q < p->len ? kj_cp_next(p->c->d, p->len, &q) : 0;
            return kj_is_kanji(nc) ? 0 : strlen(w[k]); /* not 本目, 本塁打 */
        }
    return 0;
}

/* 90分スペシャル, 15分ハーフ, 30分ドラマ, 15秒スポット: a katakana noun
 * for something that lasts, right after a bare 分 / 秒 (at j), keeps the
 * length (GUIDELINES: a length is a duration); any other katakana run
 * into the unit leaves none (20分コーナーキック, 6秒マグニチュード). */
static bool length_noun(const jp *p, size_t j)
{
    static const char *const w[] = {"スペシャル", "ハーフ", "ドラマ", "アニメ", "コース",
                                    "レッスン", "プログラム", "スポット", "ライブ", "ステージ", NULL};
    for (int k = 0; w[k]; k++)
        if (at(p, j, w[k]))
            return true;
    return false;
}

/* 5分の遅れ, 30分の誤差, 徒歩10分の距離, 2〜3分の間: after 分の / 秒の at
 * j, a noun that the length measures; other words after の leave it (3分の1
 * is a fraction, 2分の1秒 too). */
static bool length_of(const jp *p, size_t j)
{
    static const char *const w[] = {"間", "遅れ", "距離", "誤差", "時間差", "差", "休憩", "延長",
                                    "道のり", "生放送", "映像", "動画", NULL};
    for (int k = 0; w[k]; k++)
        if (at(p, j, w[k]))
            return true;
    return false;
}

/* 分 / 秒 at e starting a word of ja/unit_words (3分野, 2分割, 5分子, 秒速):
 * no length. A kanji after them otherwise leaves the length (30分遅れ,
 * 20分不在). The words of 分 have the value 1, those of 秒 2: one word's
 * start is no other kind's (each starts with its unit). */
static bool unit_word(const jp *p, size_t e, bool sec)
{
    int32_t v;
    return kj_dict_longest(p->c->dd->unit_words, p->s, p->len, e, &v) > 0 && v == (sec ? 2 : 1);
}

/* 毎日 at i (n bytes) names the newspaper, not "every day": a reporting
 * cue of ja/press_cues follows it (毎日によると, 毎日の報道では, 毎日が報じた; not 毎日報道
 * される, reported every day), directly or
 * after another paper joined by と, や or ・ (毎日と産経によれば). It is
 * part of a title when a katakana or Latin word runs into it (サンデー毎日,
 * MSN毎日) or a Latin one follows it (毎日jp, 毎日.jp). */
static __attribute__((noinline)) bool press_mainichi(jp *p, size_t i, size_t n)
{
    if (n != strlen("毎日") || !at(p, i, "毎日"))
        return false;
    size_t j = i + n, st, nx = j;
    uint32_t pc = i > 0 ? kj_cp_prev(p->c->d, i, &st) : 0;
    if (kj_is_katakana(pc) || kj_is_latin(pc))
        return true;
    uint32_t nc = kj_cp_next(p->c->d, p->len, &nx);
    if (nc == '.' && nx < p->len)
        nc = kj_cp_next(p->c->d, p->len, &nx);
    if (kj_is_latin(nc))
        return true;
    for (int pass = 0; pass < 2; pass++) {
        int32_t v;
        if (kj_dict_longest(p->c->dd->press_cues, p->s, p->len, j, &v) > 0)
            return true;
        if (pass == 1)
            break;
        if (at(p, j, "と") || at(p, j, "や"))
            j += strlen("と");
        else if (at(p, j, "・"))
            j += strlen("・");
        else
            return false;
        /* the other paper: a short run of kanji or katakana */
        size_t q = j;
        for (int c = 0; c < 8 && q < p->len; c++) {
            size_t r = q;
            uint32_t ch = kj_cp_next(p->c->d, p->len, &r);
            if (!kj_is_kanji(ch) && !kj_is_katakana(ch))
                break;
            q = r;
        }
        if (q == j)
            return false;
        j = q;
    }
    return false;
}

/* The unit of a length at e, after a number: a unit word (年, カ月, 週間,
 * 日間, 時間, 分間, 秒間), or a bare 日 / 週 / 分 / 秒 / 世紀 where only a
 * length is meant: before 前, 後, 半 or a qualifier, inside a compound
 * (1時間30分: chained), and for 分 / 秒 after digits that no 時 or 度 comes
 * before (5分で, not 十分, 3分の1, 3分野, 35度40分). Sets *u; returns the
 * unit's length, 0 when none. */
static size_t unit_at(jp *p, size_t ns, size_t e, bool digits, bool chained, const char **u)
{
    const kj_dword *w;
    size_t n;
    if ((n = word(p, e, KJ_W_UNIT, &w)) > 0) {
        *u = w->s;
        return n;
    }
    static const struct {
        const char *w, *u;
    } bare[] = {{"日", "D"}, {"週", "W"}, {"分", "MI"}, {"秒", "S"}, {"世紀", "CE"}};
    for (size_t k = 0; k < sizeof bare / sizeof bare[0]; k++) {
        if (!at(p, e, bare[k].w))
            continue;
        size_t j = e + strlen(bare[k].w);
        bool clock = k == 2 || k == 3;
        if (clock && !digits)
            return 0;
        /* 1分け, 3勝2敗1分: draws, not minutes */
        if (k == 2 && (at(p, j, "け") || kj_record_before(p->s, ns)))
            return 0;
        if (k == 0 && at(p, e, "日本"))
            return 0;
        /* 3週に1週, 3日に1日: one such unit in every N */
        int64_t v2;
        size_t e2;
        int nd2;
        bool z2;
        bool ok = length_follows(p, j) || (chained && k != 4)
                  || (k <= 1 && (at(p, j, "おき") || at(p, j, "ごと"))) /* 3.5日おき */
                  /* わずか数日で, ここ数日の: a vague day count has no
                   * date reading (not 数日中, within days; not 複数日) */
                  || (k == 0 && !digits && kj_before(p->s, e, "数") && !at(p, j, "中")
                      && !kj_before(p->s, e, "複数") && !kj_before(p->s, e, "少数")
                      && !kj_before(p->s, e, "多数") && !freq_days(p, e))
                  || (k <= 1 && at(p, j, "に") && dnum(p, j + strlen("に"), &v2, &e2, &nd2, &z2)
                      && nd2 > 0 && at(p, e2, bare[k].w));
        if (!ok && clock && (!at(p, j, "の") || length_of(p, j + strlen("の")))
            && !kj_before(p->s, ns, "時")
            && !kj_before(p->s, ns, "度") && !kj_before(p->s, ns, "割")
            && !kj_before(p->s, ns, "分")
            /* 前半9分, 後半32分: the minute of the match a goal came in, a
             * point in its time (an ordinal), no length */
            && !(k == 2 && (kj_before(p->s, ns, "前半") || kj_before(p->s, ns, "後半")))
            /* 9分に同点に追いつく, 15分に家を出た: a bare minute taken with
             * に is a point (of a match, past the hour); not 5分にわたり,
             * 10分に及ぶ, 10分に1本 (one in every ten minutes) */
            && !(k == 2 && at(p, j, "に") && !at(p, j, "にわた") && !at(p, j, "に及")
                 && !at(p, j, "にも及") && !isdig(p, j + strlen("に")))
            /* 24分と26分に: the first minute of a pair taken with に is a
             * point too */
            && !(k == 2 && at(p, j, "と") && dnum(p, j + strlen("と"), &v2, &e2, &nd2, &z2)
                 && nd2 > 0 && at(p, e2, "分に") && !at(p, e2, "分にわた")
                 && !at(p, e2, "分に及"))) {
            size_t q = j;
            uint32_t nc = q < p->len ? kj_cp_next(p->c->d, p->len, &q) : 0;
            size_t se = j;
            while (k == 2 && isdig(p, se) && se - j < 3)
                se++;
            /* 1分59秒: minutes and seconds; 9秒95: seconds and hundredths */
            ok = (!kj_is_kanji(nc) || !unit_word(p, e, k == 3))
                 && (!kj_is_katakana(nc) || length_noun(p, j))
                 && (!kj_is_digit(nc) || (k == 3 && sec_frac(p, j) > 0)
                     || (k == 2 && se > j && at(p, se, "秒")));
        }
        if (!ok)
            return 0;
        *u = bare[k].u;
        return strlen(bare[k].w);
    }
    return 0;
}

/* A decimal length 1.5時間, 0.1年間: the digits as written into *dec.
 * Returns the end of the number, 0 when none. */
static size_t decimal_at(const jp *p, size_t i, char *dec, size_t cap)
{
    size_t k = i;
    if (i > 0) {
        size_t st;
        uint32_t pc = kj_cp_prev(p->c->d, i, &st);
        if (kj_is_digit(pc) || pc == '.' || pc == ',' || kj_is_latin(pc))
            return 0;
    }
    while (isdig(p, k) && k - i < 6)
        k++;
    if (k == i || !at(p, k, ".") || !isdig(p, k + 1))
        return 0;
    k++;
    while (isdig(p, k) && k - i < 12)
        k++;
    if (isdig(p, k) || k - i >= cap)
        return 0;
    memcpy(dec, p->s + i, k - i);
    dec[k - i] = 0;
    return k;
}

/* An ISO 8601 length from counts per unit rank (Y M W D H MI S). */
static void iso_parts(char *b, size_t n, const int64_t *cnt, const bool *has)
{
    static const char des[] = {'Y', 'M', 'W', 'D', 'H', 'M', 'S'};
    size_t l = (size_t)snprintf(b, n, "P");
    bool tt = false;
    for (int k = 0; k < 7 && l < n; k++) {
        if (!has[k])
            continue;
        if (k >= 4 && !tt) {
            l += (size_t)snprintf(b + l, n - l, "T");
            tt = true;
        }
        if (l < n)
            l += (size_t)snprintf(b + l, n - l, "%lld%c", (long long)cnt[k], des[k]);
    }
}

static bool day_is_length(jp *p, size_t i);

/* 中学2年, 県立高校3年, 小学校4年, 大学院1年: N年 at i after a school word is
 * a school grade, neither a year nor a length of time. */
static bool after_school(const jp *p, size_t i)
{
    static const char *const school[] = {"小学", "中学",   "高校", "大学",
                                         "学校", "大学院", "高専", "短大"};
    for (size_t k = 0; k < sizeof school / sizeof *school; k++)
        if (kj_before(p->s, i, school[k]))
            return true;
    return false;
}

/* 震災から約半年後, 結婚してから3年後, 日本戦の4日後, 開会2日前, 襲撃の2時間後
 * at i (the number): a length counted from an event named before it, not
 * from publication, so its date is unknown. The event is what comes before
 * から (not 今から, これから: from now), or a noun (a kanji or katakana word)
 * before の (後 only: 首相の3年前の発言 is three years back) or right before
 * the number. */
static bool event_anchor(const jp *p, size_t i, bool later)
{
    size_t k = i, ps;
    if (kj_before(p->s, k, "約"))
        k -= strlen("約");
    else if (kj_before(p->s, k, "およそ"))
        k -= strlen("およそ");
    if (kj_before(p->s, k, "から")) {
        k -= strlen("から");
        static const char *const now[] = {"今", "いま", "現在", "本日", "今日", "きょう", "これ"};
        for (size_t n = 0; n < sizeof now / sizeof *now; n++)
            if (kj_before(p->s, k, now[n]))
                return false;
        return k > 0;
    }
    if (kj_before(p->s, k, "の")) {
        if (!later)
            return false;
        k -= strlen("の");
    }
    if (k == 0)
        return false;
    uint32_t ch = kj_u8_prev(p->s, k, &ps);
    if (ch == 0x30FC && ps > 0) /* デビュー: a long vowel ends a katakana word */
        ch = kj_u8_prev(p->s, ps, &ps);
    if (kj_is_katakana(ch) && ch != 0x30FB && ch != 0x30FC)
        return true; /* not ・ */
    if (!kj_is_kanji(ch))
        return false;
    /* 今, 同, 約 and date words are no events (同3日後, 昨年の) */
    return !(ch == 0x4ECA || ch == 0x540C || ch == 0x7D04 || ch == 0x5E74 || ch == 0x6708 ||
             ch == 0x65E5 || ch == 0x9031 || ch == 0x524D || ch == 0x5F8C);
}

/* The low end of a range of lengths whose high end (v, a unit after it,
 * ending at j) starts at i: 3〜4年間, 5~6カ月, 3から4年 (not a change:
 * 3から4年に延ばす), and 2、3年 (two or three years: adjacent numbers under
 * ten only, not a list 1、2、3年, nor grades 2、3年合同). The low end is a
 * bare number of up to three digits or one kanji numeral, below v, or
 * with 、 a kanji ten and a digit (十二、三年: the ten is the high end's
 * too). Its start in *ls, its value in *lv, the high end's in *hv. */
static bool dur_range_low(jp *p, size_t i, size_t j, int64_t v, bool bare_year, size_t *ls,
                          int64_t *lv, int64_t *hv)
{
    size_t ce;
    bool comma = false, kara = false, hyph = false;
    if (kj_before(p->s, i, "〜"))
        ce = i - strlen("〜");
    else if (kj_before(p->s, i, "~"))
        ce = i - 1;
    else if (kj_before(p->s, i, "-") && i >= 2 && isdig(p, i - 2))
        ce = i - 1, hyph = true; /* 2-3年, 4-5か月: a hyphen between digits */
    else if (kj_before(p->s, i, "から"))
        ce = i - strlen("から"), kara = true;
    else if (kj_before(p->s, i, "、"))
        ce = i - strlen("、"), comma = true;
    else
        return false;
    if (kara && (at(p, j, "に") || at(p, j, "へ") || at(p, j, "とな")))
        return false;
    if (comma && v > 9)
        return false;
    /* 2、3年合同 (the second and third years of a school): a kanji after a
     * bare 年 other than 2、3年先, 以内, 来, 余り, 近く, 程度 */
    if (comma && bare_year && j < p->len) {
        size_t nx = j;
        uint32_t nc = kj_cp_next(p->c->d, p->len, &nx);
        if (kj_is_kanji(nc) && nc != 0x5148 && nc != 0x4EE5 && nc != 0x6765 && nc != 0x4F59 &&
            nc != 0x8FD1 && nc != 0x7A0B)
            return false;
    }
    size_t ws = ce, k;
    while (ws > 0 && ce - ws < 3 && p->s[ws - 1] >= '0' && p->s[ws - 1] <= '9')
        ws--;
    p->c->d->work += i - ws;
    if (ws == ce && ce > 0) {
        if (kj_kanji_digit(kj_u8_prev(p->s, ce, &k)) >= 1)
            ws = k; /* 一 to 九 */
    }
    if (ws == ce)
        return false;
    *hv = v;
    if (comma && ws < ce && !isdig(p, ws) && ws > 0) {
        /* 十二、三年, 二十二、三日 (twelve or thirteen years): a kanji ten
         * before the low digit carries over to the high end */
        size_t ts = ws, k2;
        uint32_t c2 = kj_u8_prev(p->s, ws, &k2);
        if (c2 == 0x5341 /* 十 */) {
            ts = k2;
            if (ts > 0 && kj_kanji_digit(kj_u8_prev(p->s, ts, &k2)) >= 2)
                ts = k2; /* 二十 to 九十 */
            int64_t tx;
            size_t te;
            int tnd;
            bool tz;
            if (dnum(p, ts, &tx, &te, &tnd, &tz) && te == ce && tx > 10 && tx < 99 &&
                tx % 10 + 1 == v) {
                ws = ts;
                *hv = tx - tx % 10 + v;
            }
        }
    }
    if (ws > 0) {
        uint32_t pc = kj_u8_prev(p->s, ws, &k);
        /* not the tail of a longer number (十二、三年, 1.5〜2年) nor of a
         * list (1、2、3年) */
        if (kj_is_digit(pc) || pc == '.' || pc == ',' || kj_is_latin(pc))
            return false;
        /* 1-2-3: a code or an address, no range */
        if (hyph && (pc == '-' || pc == '/' || pc == ':' || pc == 0x2010 || pc == 0x2212))
            return false;
        /* a list has a number before its 、 (1、2、3年); 入院し、2、3日後
         * has a word there */
        size_t k3;
        if (comma && (pc == 0x3001 || pc == 0x30FB) && k > 0) {
            uint32_t ppc = kj_u8_prev(p->s, k, &k3);
            if (kj_is_digit(ppc) || kj_kanji_digit(ppc) >= 0 || kj_kanji_mult(ppc) > 0)
                return false;
        }
        /* a kanji numeral or multiplier, 数 (十数), 何, 第 */
        if (kj_kanji_digit(pc) >= 0 || kj_kanji_mult(pc) > 0 || pc == 0x6570 || pc == 0x4F55 ||
            pc == 0x7B2C)
            return false;
    }
    int64_t x;
    size_t e;
    int nd;
    bool z;
    if (!dnum(p, ws, &x, &e, &nd, &z) || e != ce || x <= 0 || x >= *hv || (comma && x + 1 != *hv) ||
        kj_claimed(p->c->d, ws, ce))
        return false;
    *ls = ws;
    *lv = x;
    return true;
}

/* 100時間を超え, 3年を超す, 10年を上回る at j (after a length): more than it
 * (GUIDELINES: を超え → over), as ja/qualifiers_post.txt reads them after
 * an amount; not negated (5年を超えない範囲で: no bound on the length). */
static bool over_verb(const jp *p, size_t j)
{
    static const char *const verb[] = {"を超え", "を超す", "を上回"};
    static const char *const neg[] = {"を超えな", "を超えず", "を超さな", "を超さず", "を上回らな",
                                      "を上回らず"};
    bool v = false;
    for (size_t k = 0; k < sizeof verb / sizeof *verb; k++)
        v = v || at(p, j, verb[k]);
    for (size_t k = 0; v && k < sizeof neg / sizeof *neg; k++)
        if (at(p, j, neg[k]))
            return false;
    return v;
}

/* その before i, or その with a hedge of ja/sono_hedges between (その約
 * 1週間後, そのおよそ2か月後: the hedge bounds the length, the date carries
 * none): the bytes from its start, 0 when none. */
static size_t sono_len(const jp *p, size_t i)
{
    if (kj_before(p->s, i, "その"))
        return strlen("その");
    const kj_wordlist *wl = p->c->dd->sono_hedges;
    for (size_t k = 0; k < wl->n; k++) {
        const char *hedge = wl->lines[k];
        size_t h = strlen(hedge);
        if (h > 0 && i >= h && kj_before(p->s, i, hedge) && kj_before(p->s, i - h, "その"))
            return h + strlen("その");
    }
    return 0;
}

/* 8日に初会合を開いた後、4日後に結論を出した: N日後 (or N週間後) in a
 * sentence that ends in the past tense, after a day written in it or in the
 * sentence before (same paragraph), counts from that day, as その4日後 does; a sentence that speaks ahead (8日に
 * 会談したが、3日後に再開する見通し) counts from publication. */
static bool dated_event_before(const jp *p, size_t i)
{
    kj_dctx *c = p->c;
    if (!c->has_last || !c->has_last_day || !c->last.d ||
        (c->last.grain != KJ_G_DAY && c->last.grain != KJ_G_HOUR && c->last.grain != KJ_G_MINUTE) ||
        c->last_end > i || c->last.y != c->last_day.y || c->last.m != c->last_day.m ||
        c->last.d != c->last_day.d)
        return false;
    return kj_dt_last_near(c, i) && kj_dt_ends_past_ja(c, i);
}

/* A verb of watching within six characters from q, before any 、 or 。
 * (見, をだらだら見る, つけ, 視聴). */
static bool watching_from(const jp *p, size_t q)
{
    static const char *const watch[] = {"見", "観", "みる", "みて", "みた", "つけ", "視聴"};
    size_t lim = q + 18 < p->len ? q + 18 : p->len;
    for (; q < lim; q++) {
        if (at(p, q, "、") || at(p, q, "。"))
            return false;
        for (size_t w = 0; w < sizeof watch / sizeof *watch; w++)
            if (at(p, q, watch[w]))
                return true;
    }
    return false;
}

/* 「24時間テレビ」, 27時間テレビを3人で, 「HEY!HEY!HEY!2時間スペシャル」,
 * 「…2時間半SP」: hours (a half after them too) straight before テレビ, or
 * before スペシャル / SP in a title whose bracket closes within 40 bytes (no
 * 、 。 「 between), are part of a programme's name, no length. Watching
 * keeps the length: 3時間テレビを見た (a verb of watching after を,
 * watching_from), は見, も見. j is the unit's end. */
static bool hours_in_programme(const jp *p, size_t j)
{
    if (at(p, j, "半"))
        j += strlen("半");
    if (at(p, j, "テレビ")) {
        size_t k = j + strlen("テレビ");
        if (at(p, k, "は見") || at(p, k, "も見"))
            return false;
        return !at(p, k, "を") || !watching_from(p, k + strlen("を"));
    }
    size_t k;
    if (at(p, j, "スペシャル"))
        k = j + strlen("スペシャル");
    else if (at(p, j, "SP"))
        k = j + strlen("SP");
    else
        return false;
    size_t lim = k + 40 < p->len ? k + 40 : p->len;
    for (; k < lim; k++) {
        if (at(p, k, "、") || at(p, k, "。") || at(p, k, "「") || at(p, k, "『"))
            return false;
        if (at(p, k, "」") || at(p, k, "』"))
            return true;
    }
    return false;
}

/* N + unit [半] [qualifier] [前|後], compounds (1時間30分), decimals
 * (1.5時間), 数 + unit, 半年, 半月, 半世紀, 四半世紀. Returns the end, 0 when
 * nothing. 3年前 / 2日後 are relative dates; その2日後 is anaphoric; 3時間前
 * is a time of the publication day (its hour unknown). */
static size_t duration(jp *p, size_t i, bool years_ok)
{
    kj_dctx *c = p->c;
    const kj_dword *w;
    int64_t v = 0;
    size_t e, n = 0;
    int nd = 0;
    bool z = false, vague = false, half = false, lexical = false;
    const char *u = NULL;
    char dec[16] = "";
    bool digit = isdig(p, i);
    size_t h = at(p, i, "四半") ? i + strlen("四") : i; /* 半 after 四 */
    if (!digit && at(p, i, "数")) {
        vague = true;
        e = i + strlen("数");
    } else if (!digit && at(p, h, "半世紀")) {
        /* 四半世紀: 25 years, 半世紀: 50 */
        lexical = true;
        v = h != i ? 25 : 50;
        u = "Y";
        e = i;
        n = h + strlen("半世紀") - i;
    } else if (!digit && h == i && at(p, i, "半")
               && (at(p, i + strlen("半"), "年") || at(p, i + strlen("半"), "日")
                   || at(p, i + strlen("半"), "月"))) {
        size_t k = i + strlen("半年");
        uint32_t nc = k < p->len ? kj_cp_next(p->c->d, p->len, &k) : 0;
        if (at(p, i, "半月") && kj_is_kanji(nc) && !length_follows(p, i + strlen("半月"))
            && !at(p, i + strlen("半月"), "間"))
            return 0; /* 半月板; not 半月前, 半月後, 半月間 */
        half = true;
        u = at(p, i, "半年") ? "Y" : at(p, i, "半日") ? "D" : "M";
        e = i + strlen("半");
        n = strlen("年");
        if (at(p, e + n, "間"))
            n += strlen("間"); /* 半月間, 半年間 */
    } else if (digit && (e = decimal_at(p, i, dec, sizeof dec)) > 0) {
        if ((n = unit_at(p, i, e, true, false, &u)) == 0 || strcmp(u, "CE") == 0)
            return 0;
    } else if (!num_at(p, i, &v, &e, &nd, &z) || v > 100000 || v == 0) {
        /* 二十数年間, 百数十年: a vague numeral (kj_num_scan) from its first
         * character, not cut to 数年間; the checks of num_at_ before it */
        kj_numtok nt;
        size_t st;
        uint32_t pc = i > 0 ? kj_cp_prev(c->d, i, &st) : 0;
        if (digit || kj_is_digit(pc) || pc == '.' || pc == ',' || kj_is_latin(pc) || pc == 0x4F55 ||
            !kj_num_scan(c->d, i, &nt) || nt.ns != i || !nt.vague || nt.ne <= i)
            return 0;
        vague = true;
        e = nt.ne;
    } else if (nd > 0 && e + 1 < p->len && p->s[e] == ' ') {
        const char *u2;
        size_t un = unit_at(p, i, e + 1, true, false, &u2);
        if (un > 0 && sp_ok(p, i, e + 1, un))
            e++; /* 3 週間後 */
    }
    if (!u && (n = unit_at(p, i, e, nd > 0, false, &u)) == 0) {
        if (!day_is_length(p, i))
            return 0;
        u = "D"; /* 3日10時間 */
        n = strlen("日");
    }
    bool bare_year = strcmp(u, "Y") == 0 && !at(p, e, "年間") && !lexical && !dec[0];
    size_t j = e + n;
    bool century = strcmp(u, "CE") == 0;
    if (century) {
        u = "Y";
        v *= 100;
        bare_year = false;
    }
    if (bare_year && (at(p, j, "代") || at(p, j, "生") || at(p, j, "度") || after_school(p, i)))
        return 0;
    /* 3日目, 5年目, 1時間目: an ordinal (GUIDELINES: ranks and ordinals are
     * optional quantities), no length */
    if (at(p, j, "目"))
        return 0;
    if (strcmp(u, "H") == 0 && hours_in_programme(p, j))
        return 0;
    if (!lexical && at(p, j, "半")) {
        j += strlen("半");
        if (century)
            v += 50; /* 1世紀半: 150 years */
        else
            half = !half;
    }
    /* 1時間30分, 1年2カ月10日, 3日10時間: one length, finer units after */
    int64_t cnt[7] = {0};
    bool has[7] = {0};
    int last = unit_rank(u), parts = 1;
    if (last >= 0 && !half && !vague && !dec[0]) {
        cnt[last] = v;
        has[last] = true;
        for (int k = 0; k < 3; k++) {
            int64_t v3;
            size_t e3, un;
            int nd3;
            bool z3;
            const char *u3;
            /* 1年と3か月, 1週間と3日間: と between the parts */
            size_t jn = at(p, j, "と") && isdig(p, j + strlen("と")) ? j + strlen("と") : j;
            if (!dnum(p, jn, &v3, &e3, &nd3, &z3) || v3 > 100000
                || (un = unit_at(p, jn, e3, nd3 > 0, true, &u3)) == 0)
                break;
            int r = unit_rank(u3);
            /* finer units only, and no clock units straight after years,
             * months or weeks (1年3時間 is two lengths at most) */
            if (r <= last || (last <= 2 && r >= 4))
                break;
            cnt[r] = v3;
            has[r] = true;
            last = r;
            j = e3 + un;
            parts++;
        }
    }
    /* 9秒95: the seconds with their hundredths */
    size_t fe = 0;
    if (has[6] && last == 6 && isdig(p, j) && kj_before(p->s, j, "秒"))
        fe = sec_frac(p, j);
    if (fe) {
        char iso[48], frac[8];
        iso_parts(iso, sizeof iso, cnt, has);
        size_t il = strlen(iso);
        memcpy(frac, p->s + j, fe - j);
        frac[fe - j] = 0;
        if (il > 0 && il + strlen(frac) + 2 < sizeof iso && iso[il - 1] == 'S') {
            snprintf(iso + il - 1, sizeof iso - (il - 1), ".%sS", frac);
            kj_dt_duration(c, i, fe, iso, prefix_qual(p, i));
            return fe;
        }
    }
    /* 1.5時間おき, 1.5時間ごと, 3.5日ごと, 3.5日おき: every so many units (a
     * decimal here). N日おき skips whole days (1日おき is every other day),
     * which a fraction of a day cannot: 3.5日おき is every 3.5 days, as
     * 2時間おき is every two hours */
    if (dec[0] && !vague && (at(p, j, "おき") || at(p, j, "ごと"))) {
        char iso[48];
        int r = unit_rank(u);
        snprintf(iso, sizeof iso, "P%s%s%c", r >= 4 ? "T" : "", dec, "YMWDHMS"[r < 0 ? 0 : r]);
        if (kj_dt_set(c, i, j + strlen("おき"), kj_strndup(c->d, iso, strlen(iso))))
            return j + strlen("おき");
    }
    /* 3日に1回, 2時間ごと: a recurrence every N units */
    if (parts == 1 && !half && !vague && !dec[0] && !lexical && !century && v <= 1000) {
        size_t k = 0;
        int64_t v2;
        size_t e2;
        int nd2;
        bool z2;
        const char *u2;
        size_t un2;
        /* 2時間おき: every two hours (a clock unit's おき is the interval);
         * 1日おき / 1週おき skip one: every other day, week (隔日: P2D). N日おき
         * past one is read both ways in news (every N or N+1 days): unread */
        bool clk = strcmp(u, "H") == 0 || strcmp(u, "MI") == 0 || strcmp(u, "S") == 0;
        bool skip1 = at(p, j, "おき") && !clk && v == 1;
        if (at(p, j, "ごと") || (at(p, j, "おき") && (clk || skip1)))
            k = j + strlen("ごと");
        else if (at(p, j, "に") && dnum(p, j + strlen("に"), &v2, &e2, &nd2, &z2) && v2 >= 1
                 && v2 <= 1000 && at(p, e2, "回") && !at(p, e2, "回目"))
            k = e2 + strlen("回");
        else if (at(p, j, "に") && dnum(p, j + strlen("に"), &v2, &e2, &nd2, &z2) && v2 == 1
                 && v >= 2 && v <= 9 && (k = one_event(p, e2)) > 0)
            k += e2; /* 3日に1試合: one match in every three days */
        else if (at(p, j, "に") && dnum(p, j + strlen("に"), &v2, &e2, &nd2, &z2) && v2 >= 1
                 && v2 <= 1000 && at(p, e2, "度") && !at(p, e2, "度目") && v >= 2)
            k = e2 + strlen("度"); /* 4年に1度 */
        else if (at(p, j, "に一度") && v >= 2)
            k = j + strlen("に一度"); /* 10年に一度 */
        else if (at(p, j, "に") && dnum(p, j + strlen("に"), &v2, &e2, &nd2, &z2) && v2 >= 1
                 && v2 < v && (un2 = unit_at(p, j + strlen("に"), e2, nd2 > 0, true, &u2)) > 0
                 && strcmp(u2, u) == 0)
            k = e2 + un2; /* 3週に1週, 3日に1日: one such unit in every N */
        if (k) {
            char iso[32];
            kj_dt_iso(iso, sizeof iso, skip1 ? 2 : v, u, false);
            if (kj_dt_set(c, i, k, kj_strndup(c->d, iso, strlen(iso))))
                return k;
        }
    }
    if (parts == 1 && at(p, j, "おき"))
        return j + strlen("おき"); /* 2日おき: no length, no set read */
    if (bare_year && parts == 1 && !half && !years_ok && !at(p, j, "前") && !at(p, j, "後")
        && !vague)
        return 0;
    /* N年前 / 3日後: a date relative to publication (or to the last date
     * after その); 10年ほど前, 3年余り前 too (the hedge bounds the length,
     * not the date: the date carries no qualifier, as "nearly six months
     * ago" carries none; 10年以上前 is an open bound, no date) */
    size_t jq = j, qn0;
    if ((qn0 = word(p, j, KJ_W_QUAL, &w)) > 0 && w->arg != KJ_Q_AT_MOST
        && w->arg != KJ_Q_AT_LEAST
        && ((at(p, j + qn0, "前") && !at(p, j + qn0, "前半"))
            || (at(p, j + qn0, "後") && !at(p, j + qn0, "後半"))))
        jq = j + qn0;
    /* 15分前倒し, 1週間後ろ倒し: moved earlier or later by that length, a
     * length (PT15M), no date */
    bool ago = at(p, jq, "前") && !at(p, jq, "前半") && !at(p, jq, "前後") && !at(p, jq, "前倒");
    bool later =
        at(p, jq, "後") && !at(p, jq, "後半") && !at(p, jq, "後ろ倒") && !at(p, jq, "後倒");
    /* 4.5年後, 1.5時間前, 1時間半後, 半日前: a half or a decimal that makes
     * a whole number of the next finer unit (54 months, 90 minutes, 12
     * hours) is that many of it, as 18か月前 / 90分後 / 12時間前 are; a day
     * only below 24 hours (3時間前 is read on the publication day, 1日半前
     * need not be) */
    int gfix = 0;
    int64_t magfix = 0;
    if ((ago || later) && parts == 1 && !vague && !lexical && (dec[0] || (half && v < 1000))) {
        int64_t num = 0, scale = 1;
        bool frac = false;
        if (dec[0]) {
            for (const char *d = dec; *d; d++) {
                if (*d == '.')
                    frac = true;
                else if (num < 100000000000LL)
                    num = num * 10 + (*d - '0'), scale *= frac ? 10 : 1;
            }
        } else {
            num = 2 * v + 1, scale = 2;
        }
        int mult = strcmp(u, "Y") == 0 ? 12 : strcmp(u, "W") == 0 ? 7
                 : strcmp(u, "D") == 0 ? 24 : strcmp(u, "H") == 0 ? 60 : 0;
        int fg = mult == 12 ? KJ_G_MONTH : mult == 7 ? KJ_G_DAY
               : mult == 24 ? KJ_G_HOUR : KJ_G_MINUTE;
        /* half a year is read below (半年前); 半月 too */
        /* within a thousand years back or ahead (as N年前 with N < 1000), a
         * day's hours below 24 */
        int64_t cap = mult == 12 ? 12000 : mult == 7 ? 365000 : mult == 24 ? 24 : 100000;
        if (mult && !(half && mult == 12) && num * mult % scale == 0 && num * mult / scale > 0
            && num * mult / scale < cap) {
            gfix = fg;
            magfix = num * mult / scale;
        }
    }
    if ((ago || later) && dec[0] && !gfix) {
        /* 0.1年前: no date at the grain the text gives; its length is read */
        char iso[48];
        int r = unit_rank(u);
        snprintf(iso, sizeof iso, "P%s%s%c", r >= 4 ? "T" : "", dec, "YMWDHMS"[r < 0 ? 0 : r]);
        kj_dt_duration(c, i, j, iso, KJ_Q_NONE);
        return jq + strlen("前");
    }
    if ((ago || later) && parts == 1 && !half && !vague && strcmp(u, "S") == 0) {
        /* 終了19秒前, 3秒後: seconds before or after a moment name no clock
         * time (no date is finer than the minute); their length is read */
        char iso[48];
        kj_dt_iso(iso, sizeof iso, v, u, false);
        kj_dt_duration(c, i, j, iso, KJ_Q_NONE);
        return jq + strlen("前");
    }
    /* 2年1か月21日前, 1週間3日後: the day that far from publication */
    if ((ago || later) && !half && !vague && parts > 1 && (has[2] || has[3]) && !has[4]
        && !has[5] && !has[6] && cnt[0] < 1000 && cnt[1] < 1000 && cnt[2] < 1000
        && cnt[3] < 100000 && !sono_len(p, i)) {
        kj_tx t;
        kj_tx_init(&t);
        kj_dt_rel(c, &t, KJ_W_DAY, 0);
        int sg = ago ? -1 : 1;
        kj_dt_shift(&t, KJ_G_MONTH, sg * (int)(cnt[0] * 12 + cnt[1]));
        kj_dt_shift(&t, KJ_G_DAY, sg * (int)(cnt[2] * 7 + cnt[3]));
        kj_dt_emit(c, i, jq + strlen("前"), &t, NULL);
        return jq + strlen("前");
    }
    if ((ago || later) && half && v == 0 && parts == 1 && strcmp(u, "M") == 0
        && !sono_len(p, i)) {
        /* 半月前, 半月後: 15 days (半月 is P15D) from publication */
        kj_tx t;
        kj_tx_init(&t);
        kj_dt_rel(c, &t, KJ_W_DAY, ago ? -15 : 15);
        kj_dt_emit(c, i, jq + strlen("前"), &t, NULL);
        return jq + strlen("前");
    }
    int64_t months = 0;
    if (half && strcmp(u, "Y") == 0)
        months = v * 12 + 6; /* 半年前, 2年半後 */
    else if (!half && parts > 1 && !has[2] && !has[3] && !has[4] && !has[5] && !has[6])
        months = cnt[0] * 12 + cnt[1]; /* 1年2カ月前 */
    /* 2000年前, 2300年前: a four-digit number of years back (before the
     * common era too, as TIMEX's BC years) or ahead */
    bool far_years = !gfix && !months && !half && parts == 1 && strcmp(u, "Y") == 0 && v < 10000
                     && (later || c->py > 0);
    if ((ago || later) && (gfix || months || (!half && parts == 1)) && (v < 1000 || far_years)) {
        size_t end = jq + strlen("前");
        if (vague)
            return end; /* 数年後: when is unknown */
        int g = gfix ? gfix
              : months ? KJ_G_MONTH
              : strcmp(u, "Y") == 0 ? KJ_G_YEAR
              : strcmp(u, "M") == 0 ? KJ_G_MONTH
              : strcmp(u, "W") == 0 ? KJ_G_WEEK
              : strcmp(u, "D") == 0 ? KJ_G_DAY
              : strcmp(u, "H") == 0 ? KJ_G_HOUR
                                    : KJ_G_MINUTE;
        int64_t mag = gfix ? magfix : months ? months : v;
        int off = (int)(ago ? -mag : mag);
        kj_tx t;
        kj_tx_init(&t);
        size_t st = i, sn;
        if (g == KJ_G_HOUR || g == KJ_G_MINUTE) {
            /* 3時間前: the publication day; the hour is not known */
            if (sono_len(p, i))
                return end;
            t.grain = g;
            t.rel = true;
            if (!event_anchor(p, i, later))
                t.y = c->py, t.m = c->pm, t.d = c->pd;
        } else if ((sn = sono_len(p, i)) != 0) {
            st = i - sn;
            if (g == KJ_G_WEEK)
                kj_dt_anaphor(c, &t, KJ_G_DAY, off * 7);
            else
                kj_dt_anaphor(c, &t, g, off);
        } else if (p->apos == i) {
            /* 今日から2日後, 昨日の2日前: counted from the day before it (unknown
             * with the day) */
            t = p->anchor;
            st = p->ast;
            p->aused = true;
            if (t.y && t.m && t.d)
                kj_dt_shift(&t, g == KJ_G_WEEK ? KJ_G_DAY : g, g == KJ_G_WEEK ? off * 7 : off);
            else
                t.y = t.m = t.d = 0;
            t.grain = g;
            if (g == KJ_G_WEEK && t.y) {
                int wy, wk;
                kj_isoweek(kj_days(t.y, t.m, t.d), &wy, &wk);
                t.y = wy, t.wk = wk, t.m = t.d = 0;
            }
        } else if (event_anchor(p, i, later)) {
            /* 震災から約半年後: that long after an event, when is unknown */
            t.grain = g;
            t.rel = true;
        } else if (g == KJ_G_YEAR && ago && c->py > 0 && v >= c->py) {
            /* 2300年前 from 2012: 289 BC (there is no year 0) */
            t.y = (int)(v - c->py + 1);
            t.yset = true;
            t.bc = true;
            t.grain = KJ_G_YEAR;
            t.rel = true;
        } else {
            int kind = g == KJ_G_YEAR ? KJ_W_YEAR : g == KJ_G_MONTH ? KJ_W_MONTH
                     : g == KJ_G_WEEK ? KJ_W_WEEK : KJ_W_DAY;
            size_t ls;
            int64_t lv, hv;
            if (!gfix && !months && !half && parts == 1 && !dec[0]
                && dur_range_low(p, i, j, v, false, &ls, &lv, &hv)) {
                /* 2、3年前, 十二、三年前: a range of lengths before 前 / 後
                 * is a range of dates, as 2〜3年前 (value the earlier end,
                 * max the later) */
                kj_tx b;
                kj_tx_init(&b);
                size_t lsn = sono_len(p, ls);
                if (lsn || (later && (g == KJ_G_DAY || g == KJ_G_WEEK) && dated_event_before(p, ls))) {
                    /* その2、3日後: counted from the last date, as
                     * その2〜3日後 (rel_range); so is 4、5日後 after a
                     * dated event, as 4日後 is (dated_event_before) */
                    int ag = g == KJ_G_WEEK ? KJ_G_DAY : g, m = g == KJ_G_WEEK ? 7 : 1;
                    int o1 = (int)(ago ? -hv : lv), o2 = (int)(ago ? -lv : hv);
                    if (!kj_dt_anaphor(c, &t, ag, o1 * m) || !kj_dt_anaphor(c, &b, ag, o2 * m))
                        return end; /* no date before: when is unknown */
                    kj_dt_emit(c, ls - lsn, end, &t, &b);
                    return end;
                }
                kj_dt_rel(c, &t, kind, (int)(ago ? -hv : lv));
                kj_dt_rel(c, &b, kind, (int)(ago ? -lv : hv));
                kj_dt_emit(c, ls, end, &t, &b);
                return end;
            }
            if (later && (g == KJ_G_DAY || g == KJ_G_WEEK) && dated_event_before(p, i)) {
                kj_dt_anaphor(c, &t, KJ_G_DAY, g == KJ_G_WEEK ? off * 7 : off);
                t.grain = KJ_G_DAY;
            } else {
                kj_dt_rel(c, &t, kind, off);
            }
        }
        if (t.grain == KJ_G_WEEK && st != i && p->apos != i)
            t.grain = KJ_G_DAY;
        kj_dt_emit(c, st, end, &t, NULL);
        return end;
    }
    int q = prefix_qual(p, i);
    size_t qn;
    if ((qn = word(p, j, KJ_W_QUAL, &w)) > 0) {
        q = w->arg;
        j += qn;
    } else if (over_verb(p, j)) {
        q = KJ_Q_OVER; /* 100時間を超えており: the verb stays out of the span */
    }
    /* N年ぶり, N年連続: optional durations in the gold; still durations;
     * 30年もの間 (as long as 30 years) is one length */
    if (at(p, j, "ぶり"))
        j += strlen("ぶり");
    else if (at(p, j, "連続"))
        j += strlen("連続");
    else if (at(p, j, "もの間"))
        j += strlen("もの間");
    char iso[48];
    size_t st = i;
    if (q != KJ_Q_NONE && kj_before(p->s, i, "約"))
        st = i - strlen("約");
    if (vague) {
        kj_dt_duration(c, st, j, NULL, q);
        return j;
    }
    if (dec[0]) {
        int r = unit_rank(u);
        snprintf(iso, sizeof iso, "P%s%s%c", r >= 4 ? "T" : "", dec, "YMWDHMS"[r < 0 ? 0 : r]);
    } else if (parts > 1) {
        iso_parts(iso, sizeof iso, cnt, has);
    } else {
        kj_dt_iso(iso, sizeof iso, half && v == 0 ? 0 : v, u, half);
    }
    size_t ls;
    int64_t lv, hv;
    if (!dec[0] && parts == 1 && !half && !lexical && !century && st == i &&
        dur_range_low(p, i, j, v, bare_year, &ls, &lv, &hv)) {
        /* 3〜4年間, 2、3年, 約3〜4年: one length, the low end's value and
         * the high end's as max (十二、三年: P12Y to P13Y) */
        char lo[32];
        kj_dt_iso(lo, sizeof lo, lv, u, false);
        if (hv != v)
            kj_dt_iso(iso, sizeof iso, hv, u, false);
        int rq = q != KJ_Q_NONE ? q : prefix_qual(p, ls);
        if (rq == KJ_Q_APPROX && kj_before(p->s, ls, "約"))
            ls -= strlen("約");
        if (kj_dt_duration_max(c, ls, j, lo, iso, rq))
            return j;
    }
    kj_dt_duration(c, st, j, iso, q);
    return j;
}

/* The separator of a numeric date at i: / - . or ・ (its length). */
static size_t date_sep(const jp *p, size_t i)
{
    if (i >= p->len)
        return 0;
    char ch = p->s[i];
    if (ch == '/' || ch == '-' || ch == '.')
        return 1;
    return at(p, i, "・") ? strlen("・") : 0;
}

/* 2025/3/13, 2025-03-13, 2025.3.13, 2025・3・13; a year and a month 2025/3
 * (slash only: 2025-26 is a range of years, 2025.3 a decimal). */
static size_t slash_date(jp *p, size_t i, kj_tx *t)
{
    int64_t y, m, d;
    size_t e, e2, e3, sl;
    int nd;
    bool z;
    if (!isdig(p, i) || !dnum(p, i, &y, &e, &nd, &z) || nd != 4 || y < 1000 || y > 2999)
        return 0;
    if (i > 0) {
        size_t st;
        uint32_t pc = kj_cp_prev(p->c->d, i, &st);
        if (kj_is_digit(pc) || pc == '.' || pc == ',' || pc == '/' || kj_is_latin(pc))
            return 0;
    }
    /* 2021,7,18: commas only around a month and a day of one or two digits
     * (a thousands separator has three), and all three parts */
    bool comma = e < p->len && p->s[e] == ',';
    if ((sl = comma ? 1 : date_sep(p, e)) == 0 || !isdig(p, e + sl))
        return 0;
    if (!dnum(p, e + sl, &m, &e2, &nd, &z) || nd > 2 || m < 1 || m > 12)
        return 0;
    if (comma && !(e2 + 1 < p->len && p->s[e2] == ',' && isdig(p, e2 + 1)))
        return 0;
    if (!((comma || date_sep(p, e2) == sl) && memcmp(p->s + e, p->s + e2, sl) == 0
          && isdig(p, e2 + sl))) {
        /* 2021/7: a month, unless more digits, a unit or a separator follow */
        size_t k = e2;
        uint32_t nc = k < p->len ? kj_cp_next(p->c->d, p->len, &k) : 0;
        if (p->s[e] != '/' || kj_is_digit(nc) || kj_is_kanji(nc) || kj_is_latin(nc)
            || date_sep(p, e2) || nc == ':' || nc == ',')
            return 0;
        kj_tx_init(t);
        t->y = (int)y, t->m = (int)m;
        t->yset = t->mset = true;
        t->grain = KJ_G_MONTH;
        return e2;
    }
    if (!dnum(p, e2 + sl, &d, &e3, &nd, &z) || nd > 2 || d < 1
        || d > kj_mdays((int)y, (int)m) || isdig(p, e3) || date_sep(p, e3) == sl
        || (e3 < p->len && (p->s[e3] == '.' || p->s[e3] == ',')))
        return 0;
    kj_tx_init(t);
    t->y = (int)y, t->m = (int)m, t->d = (int)d;
    t->yset = t->mset = true;
    t->grain = KJ_G_DAY;
    return e3;
}

/* The weekday 1 (Monday) - 7 that the character cp names (月 .. 日), 0 for
 * none. */
static int wday_char(uint32_t cp)
{
    switch (cp) {
    case 0x6708: /* 月 */
        return 1;
    case 0x706B: /* 火 */
        return 2;
    case 0x6C34: /* 水 */
        return 3;
    case 0x6728: /* 木 */
        return 4;
    case 0x91D1: /* 金 */
        return 5;
    case 0x571F: /* 土 */
        return 6;
    case 0x65E5: /* 日 */
        return 7;
    }
    return 0;
}

/* 金曜日 / 金曜: the weekday 1 (Monday) - 7, its length in *n. */
static int weekday_at(const jp *p, size_t i, size_t *n)
{
    size_t j = i;
    int k = i < p->len ? wday_char(kj_cp_next(p->c->d, p->len, &j)) : 0;
    if (!k)
        return 0;
    if (at(p, j, "曜日"))
        *n = j + strlen("曜日") - i;
    else if (at(p, j, "曜"))
        *n = j + strlen("曜") - i;
    else
        return 0;
    /* 月曜日 inside 3月曜日 cannot happen: a number before is a month */
    return k;
}

/* 金曜ロードショー, 月曜JUNK, ヤングタウン土曜日, 「火曜曲!」: a weekday run
 * into a word, or opening a bracketed title before a noun that tells no
 * time of day, is part of a name (a programme, a column), no date
 * (cases/ja/date_weekday). pc is the character before i, the weekday's
 * start; wl its length. */
static bool weekday_in_name(const jp *p, size_t i, size_t wl, uint32_t pc)
{
    size_t j = i + wl;
    /* 水曜日のレギュラー陣, 火曜のアシスタント: a role of a weekly programme
     * (ja/weekday_roles) names every such day, no one date */
    int32_t rv;
    if (at(p, j, "の")
        && kj_dict_longest(p->c->dd->weekday_roles, p->s, p->len, j + strlen("の"), &rv) > 0)
        return true;
    uint32_t nc = j < p->len ? kj_cp_next(p->c->d, p->len, &j) : 0;
    /* フジテレビ日曜9時, 「月曜夜」: a time follows, the weekday is one */
    static const char *const part[] = {"午", "夜", "朝", "昼", "晩", "深", "夕", "早", NULL};
    if (kj_is_digit(nc))
        return false;
    for (int k = 0; part[k]; k++)
        if (at(p, i + wl, part[k]))
            return false;
    if (kj_is_katakana(pc))
        return true;
    if (wl == strlen("金曜") && (kj_is_katakana(nc) || kj_is_latin(nc)))
        return true;
    /* 火曜曲, 日曜紙, 土曜編集長: 曜 (not 曜日) run into a kanji word names a
     * programme, a paper or a role; a word that places something on the
     * day (日曜未明, 月曜以降, 水曜正午, 金曜終値, 木曜中) keeps it a date, and
     * a slot word (日曜劇場, ja/weekday_slots) is read as a weekly slot */
    static const char *const keep[] = {"未明", "以降", "以前", "以来", "正午", "中", "付",
                                       "終値", "始値", "投開票", "開催", "発表", "時点", NULL};
    if (wl == strlen("金曜") && kj_is_kanji(nc)
        && kj_dict_longest(p->c->dd->weekday_slots, p->s, p->len, i + wl, &rv) == 0) {
        for (int k = 0; keep[k]; k++)
            if (at(p, i + wl, keep[k]))
                return false;
        return true;
    }
    return (pc == 0x300C /* 「 */ || pc == 0x300E /* 『 */) && kj_is_kanji(nc);
}

/* A weekday from st, with its clock up to k, that is a weekly broadcast
 * slot: a word of ja/weekday_slots after it (日曜午後9時枠, 木曜19時の
 * ゴールデンタイム, 日曜劇場), or alone in brackets right after a title
 * (「運命の人」(日曜午後9時)). Every such day, a set as 毎週月曜日 is. */
static bool weekly_slot(const jp *p, size_t st, size_t k)
{
    int32_t rv;
    if (kj_dict_longest(p->c->dd->weekday_slots, p->s, p->len, k, &rv) > 0)
        return true;
    size_t o;
    if (kj_before(p->s, st, "("))
        o = st - strlen("(");
    else if (kj_before(p->s, st, "（"))
        o = st - strlen("（");
    else
        return false;
    return kj_before(p->s, o, "」") && (at(p, k, ")") || at(p, k, "）"));
}

/* The weekday from st, ending at k, with the clock after it (read here
 * too when no day was known to take it), is a weekly slot (weekly_slot):
 * the slot's end, 0 when it is none. 2月5日、日曜午後9時枠 keeps the day
 * apart. */
static size_t slot_end(jp *p, size_t st, size_t k)
{
    kj_tx tt;
    kj_tx_init(&tt);
    size_t e = part_time(p, k, &tt, true);
    if (e == 0 || tt.hh < 0)
        e = k;
    return weekly_slot(p, st, e) ? e : 0;
}

/* The 「 that opens the bracket holding i, at most 60 bytes back with no 」,
 * 。 or line break between; SIZE_MAX when none. */
/* The 「 that i stands in: the first 「, 」, 。 or line break before i,
 * within 60 bytes, is a 「 (its offset), else SIZE_MAX. */
static size_t open_bracket_scan(const jp *p, size_t i)
{
    for (size_t q = i; q >= strlen("「") && i - q < 60; q--) {
        p->c->d->work++;
        unsigned char b = (unsigned char)p->s[q - 1];
        if (b == '\n')
            return SIZE_MAX;
        /* 「 」 。 are E3 80 8C / 8D / 82: only those last bytes are tested
         * further */
        if (b != 0x8C && b != 0x8D && b != 0x82)
            continue;
        if (kj_before(p->s, q, "」") || kj_before(p->s, q, "。"))
            return SIZE_MAX;
        if (kj_before(p->s, q, "「"))
            return q - strlen("「");
    }
    return SIZE_MAX;
}

/* open_bracket_scan's answer from kj_structure's list of the line breaks,
 * 「 and 」 before qmarks_end (d->qmarks, in order): the last of them
 * before i must be a 「 within the window with no 。 or line break after
 * it; the byte scan beyond the list (date_title_test compares the two:
 * dd->ja_bracket_scan). */
static size_t open_bracket(const jp *p, size_t i)
{
    const kiji_doc *d = p->c->d;
    if (p->s != d->norm || i > d->qmarks_end || p->c->dd->ja_bracket_scan)
        return open_bracket_scan(p, i);
    size_t lo = 0, hi = d->nqmarks;
    while (lo < hi) { /* the first mark at or after i */
        size_t mid = lo + (hi - lo) / 2;
        if (d->qmarks[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    p->c->d->work++;
    if (lo == 0)
        return SIZE_MAX;
    size_t o = d->qmarks[lo - 1];
    if (p->s[o] == '\n' || !kj_at(p->s, i, o, "「") || i - (o + strlen("「")) >= 60)
        return SIZE_MAX;
    for (size_t q = o + strlen("「"); q < i; q++)
        if (p->s[q] == '\n' || kj_at(p->s, i, q, "。"))
            return SIZE_MAX;
    return o;
}

/* A kind of work of ja/title_kinds right before o (ドラマ「, 映画「): only
 * after a byte that ends one; each line's length and last byte before
 * the comparison of the whole. */
static bool title_kind_before(const jp *p, size_t o)
{
    const struct kj_datedata *dd = p->c->dd;
    const kj_wordlist *wl = dd->title_kinds;
    if (o == 0)
        return false;
    unsigned char last = (unsigned char)p->s[o - 1];
    if (!(dd->title_kind_last[last >> 3] & (1u << (last & 7))))
        return false;
    for (size_t k = 0; k < wl->n; k++) {
        size_t n = dd->title_kind_len[k];
        const char *w = wl->lines[k];
        if (n <= o && (unsigned char)w[n - 1] == last && memcmp(p->s + o - n, w, n) == 0)
            return true;
    }
    return false;
}

/* Is the 「 at o a work's title named so: a kind of work of ja/title_kinds
 * right before it or before the first of two titles joined by や / 、 / と
 * (ドラマ「A」や「B」)? */
static bool work_named(const jp *p, size_t o)
{
    if (title_kind_before(p, o))
        return true;
    /* the three joins are of one length, and at most one ends at o */
    if (!kj_before(p->s, o, "」や") && !kj_before(p->s, o, "」、") && !kj_before(p->s, o, "」と"))
        return false;
    size_t o2 = open_bracket(p, o - strlen("」や"));
    return o2 != SIZE_MAX && title_kind_before(p, o2);
}

/* The end past the 」 that closes a work's title read from q: the 」
 * before lim, with no line break, 。 or 「 before it, and not before と
 * (ブログ「今日、入籍しました」と報告: words quoted with と stay a quote;
 * 「A」と「B」 is two titles); 0 when none. */
static size_t title_close(const jp *p, size_t q, size_t lim)
{
    for (; q < p->len && q < lim; q++) {
        p->c->d->work++;
        /* 。 「 」 all begin with E3 */
        unsigned char b = (unsigned char)p->s[q];
        if (b != '\n' && b != 0xE3)
            continue;
        if (b == '\n' || at(p, q, "。") || at(p, q, "「"))
            return 0;
        if (at(p, q, "」")) {
            size_t a = q + strlen("」");
            return at(p, a, "と") && !at(p, a, "と「") ? 0 : a;
        }
    }
    return 0;
}

/* The shortest 「…」 work_named_elsewhere compares, in bytes with its
 * brackets: three characters in them (a bare 「今日」 stays a word). */
#define WORK_TITLE_MIN (strlen("「」") + 9)

/* The 「…」 at [o, e) (e past its 」) is written elsewhere in the text as a
 * work's title (work_named there, closed as title_close closes it):
 * 「明日、ママがいない」 in a headline after ドラマ「明日、ママがいない」 in
 * the body names the same drama. Titles of WORK_TITLE_MIN bytes or more
 * only. The text's titles are found once, at the first call (one pass over
 * its 「, up to WORK_TITLES_MAX titles), so each call compares at most that
 * many. */
static bool work_named_elsewhere(const jp *p, size_t o, size_t e)
{
    struct work_titles *wt = p->wt;
    size_t n = e - o;
    if (n < WORK_TITLE_MIN)
        return false;
    if (!wt->done) {
        wt->done = true;
        const unsigned char *u = (const unsigned char *)p->s;
        /* 「 is E3 80 8C: found by its last byte */
        for (size_t q = 2; q < p->len && wt->n < WORK_TITLES_MAX;) {
            const unsigned char *h = memchr(u + q, 0x8C, p->len - q);
            p->c->d->work += (h ? (size_t)(h - (u + q)) : p->len - q) / 16 + 1;
            if (!h)
                break;
            size_t k = (size_t)(h - u);
            q = k + 1;
            size_t b = k - 2;
            if (u[k - 1] != 0x80 || u[k - 2] != 0xE3 || !work_named(p, b))
                continue;
            size_t a = title_close(p, b + strlen("「"), b + 90);
            if (a != 0 && a - b >= WORK_TITLE_MIN) {
                wt->o[wt->n] = b;
                wt->len[wt->n++] = a - b;
            }
        }
    }
    for (int k = 0; k < wt->n; k++)
        if (wt->len[k] == n && wt->o[k] != o && memcmp(p->s + wt->o[k], p->s + o, n) == 0)
            return true;
    return false;
}

/* ドラマ「明日、ママがいない」, 映画「A」や「今日、恋をはじめます」: i inside a
 * work's title in 「」, named by a kind of work of ja/title_kinds right before
 * its 「 or before the first of two titles joined by や / 、 / と, or written
 * so elsewhere in the text (work_named_elsewhere); the title names the work,
 * no date (cases/ja/date_in_title). Returns the bytes to its 」 (which must
 * close within 90 bytes as title_close closes it), 0 when i is in no such
 * title. */
static size_t in_work_title(const jp *p, size_t i)
{
    size_t o = open_bracket(p, i);
    if (o == SIZE_MAX)
        return 0;
    size_t a = title_close(p, i, i + 90);
    if (a == 0 || !(work_named(p, o) || work_named_elsewhere(p, o, a)))
        return 0;
    return a - strlen("」") - i;
}

/* The start of the first 『 (E3 80 8E) in s[0, len), SIZE_MAX for none. */
static size_t first_kagi2(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 2; i < len;) {
        const unsigned char *h = memchr(u + i, 0x8E, len - i);
        if (!h)
            break;
        size_t k = (size_t)(h - u);
        if (u[k - 1] == 0x80 && u[k - 2] == 0xE3)
            return k - 2;
        i = k + 1;
    }
    return SIZE_MAX;
}

/* The 『 that i is inside of, walking back from i at most max bytes: the
 * start of the first 『 met, SIZE_MAX when a 』, a 。 or a line break comes
 * first or none is met. Each step counts one of the work. in_kagi2_title
 * and then headline_date ask at one position, with a shorter and a longer
 * bound: the walk is kept (kpos) and the second goes on from where the
 * first stopped, counting the steps it would have taken. */
static size_t kagi2_open(jp *p, size_t i, size_t max)
{
    if (p->kpos != i) {
        p->kpos = i;
        p->ksteps = p->kstop = 0;
        p->ko = SIZE_MAX;
    }
    /* step k (from 0) reads the byte before q = i - k, while q is past the
     * text's first character of three bytes and k below max */
    size_t lim = i > strlen("『") - 1 ? i - (strlen("『") - 1) : 0;
    if (lim > max)
        lim = max;
    const unsigned char *u = (const unsigned char *)p->s;
    size_t steps = p->ksteps, stop = p->kstop;
    while (!stop && steps < lim) {
        size_t q = i - steps++;
        /* 『 』 。 end in 8E / 8F / 82 (bits 12, 13 and 0 of 0x3001) */
        unsigned b = u[q - 1], d = b - 0x82;
        if (b != '\n' && !(d < 14 && (0x3001u >> d & 1)))
            continue;
        if (b == '\n' || kj_before(p->s, q, "』") || kj_before(p->s, q, "。"))
            stop = steps;
        else if (kj_before(p->s, q, "『"))
            stop = steps, p->ko = q - strlen("『");
    }
    p->ksteps = steps, p->kstop = stop;
    if (stop && stop <= max) {
        p->c->d->work += stop;
        return p->ko;
    }
    p->c->d->work += steps < max ? steps : max;
    return SIZE_MAX;
}

/* 舞台『七月大歌舞伎』で, 著書『大丈夫、きっと明日は晴れる』が, 監督作品
 * 『今日は秋刀魚の日』【…】, 「『明日の安心』対話集会」: i inside a title in
 * 『』, the mark of a work's name, so a date word in it names the work
 * (cases/ja/date_in_title). The 『 is at most 90 bytes back and the 』 at
 * most 90 bytes on, with no 。, line break or other 『 or 』 between. A
 * title when a kind of work of ja/title_kinds stands before the 『 (spaces
 * between allowed), or when the text goes on after the 』 with a particle
 * (が を で に は の へ も や), a kanji or katakana word (『…』対話集会) or 【
 * and no 記事 or 見出し stands before the 『 (a headline reports dates). Not
 * a title before と or って (words quoted: 『今日はだめ』と言われた) or
 * before 。 (a source's headline after an article: 『…』。新聞名、日付。),
 * a line break or a space. Returns the bytes to the 』, 0 when i is in no
 * such title. */
static size_t in_kagi2_title(jp *p, size_t i)
{
    if (p->t0 == SIZE_MAX || i <= p->t0)
        return 0;
    size_t o = kagi2_open(p, i, 90);
    if (o == SIZE_MAX)
        return 0;
    size_t c = SIZE_MAX;
    for (size_t q = i; q < p->len && q < i + 90; q++) {
        p->c->d->work++;
        if (p->s[q] == '\n' || at(p, q, "。") || at(p, q, "『"))
            return 0;
        if (at(p, q, "』")) {
            c = q;
            break;
        }
    }
    if (c == SIZE_MAX)
        return 0;
    size_t a = c + strlen("』");
    if (a >= p->len || at(p, a, "と") || at(p, a, "って") || at(p, a, "。"))
        return 0;
    /* a kind of work before the 『, past spaces (監督作品　『…』) */
    size_t k = o;
    for (int n = 0; n < 8 && k > 0; n++) {
        if (p->s[k - 1] == ' ')
            k--;
        else if (kj_before(p->s, k, "　"))
            k -= strlen("　");
        else
            break;
    }
    if (title_kind_before(p, k))
        return c - i;
    if (kj_before(p->s, o, "記事") || kj_before(p->s, o, "見出し"))
        return 0;
    static const char *const go[] = {"が", "を", "で", "に", "は", "の", "へ", "も", "や", "【"};
    for (size_t q = 0; q < sizeof go / sizeof *go; q++)
        if (at(p, a, go[q]))
            return c - i;
    size_t e = a;
    uint32_t nc = kj_cp_next(p->c->d, p->len, &e);
    return kj_is_kanji(nc) || kj_is_katakana(nc) ? c - i : 0;
}

/* Digits at s[k..] (up to four): their value, the end in *e; -1 for none. */
static int small_num(const jp *p, size_t k, size_t *e, int maxd)
{
    int v = 0, n = 0;
    while (k < p->len && n < maxd && p->s[k] >= '0' && p->s[k] <= '9') {
        v = v * 10 + (p->s[k] - '0');
        k++;
        n++;
    }
    *e = k;
    return n ? v : -1;
}

/* 『台風18号、本州に8日接近か』。毎日新聞、2009年10月6日。: i inside a
 * source's headline in 『』 that a 。 closes and a full date (the source's)
 * follows after a 、 within 80 bytes, with no 。, 『 or line break between:
 * that date in *y *m *d, which the headline's own dates count from (8日 is
 * the 8th of October 2009, きょう the 6th), not the article's. */
static bool headline_date(jp *p, size_t i, int *y, int *m, int *d)
{
    if (p->t0 == SIZE_MAX || i <= p->t0)
        return false;
    size_t o = kagi2_open(p, i, 150);
    if (o == SIZE_MAX)
        return false;
    size_t c = SIZE_MAX;
    for (size_t q = i; q < p->len && q < i + 150; q++) {
        p->c->d->work++;
        if (p->s[q] == '\n' || at(p, q, "。") || at(p, q, "『"))
            return false;
        if (at(p, q, "』")) {
            c = q;
            break;
        }
    }
    if (c == SIZE_MAX || !at(p, c + strlen("』"), "。"))
        return false;
    size_t a = c + strlen("』。");
    for (size_t q = a; q < p->len && q < a + 80; q++) {
        p->c->d->work++;
        if (p->s[q] == '\n' || at(p, q, "。") || at(p, q, "『"))
            return false;
        if (!at(p, q, "、"))
            continue;
        size_t e;
        int yy = small_num(p, q + strlen("、"), &e, 4);
        if (yy < 1000 || e != q + strlen("、") + 4 || !at(p, e, "年"))
            continue;
        int mm = small_num(p, e + strlen("年"), &e, 2);
        if (mm < 1 || mm > 12 || !at(p, e, "月"))
            continue;
        int dd = small_num(p, e + strlen("月"), &e, 2);
        if (dd < 1 || dd > kj_mdays(yy, mm) || !at(p, e, "日"))
            continue;
        *y = yy, *m = mm, *d = dd;
        return true;
    }
    return false;
}

/* ---- the scan ----------------------------------------------------------------- */

/* After 年: a month, 度 (not 度連続), a quarter or a fiscal period make it a calendar
 * year (12年3月, 25年3月期, 12年度, 24年第2四半期). */
static bool month_follows(jp *p, size_t j)
{
    int64_t v;
    size_t e;
    int nd;
    bool z;
    if ((at(p, j, "度") && !at(p, j, "度連続")) || at(p, j, "第"))
        return true;
    if (at(p, j, "の"))
        j += strlen("の");
    return dnum(p, j, &v, &e, &nd, &z) && v >= 1 && v <= 12
           && (at(p, e, "月") || range_sep(p, e) > 0) && !at(p, e, "月間");
}

/* After N年: words that make it a point in time (30年ごろ, 25年までに,
 * 15年初め, 24年以降, 26年春, 14年冬季), which a length of time never takes. */
static bool year_point(const jp *p, size_t a)
{
    static const char *const w[] = {"までに", "ごろ",   "頃",   "以降", "初め", "初頭", "はじめ",
                                    "前半",   "後半",   "上半期", "下半期", "上期", "下期", "時点",
                                    "当時",   "夏季",   "冬季"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (at(p, a, w[k]))
            return true;
    int q;
    return (at(p, a, "末") && !at(p, a, "末期")) || season_at(p, a, &q) > 0;
}

/* 17〜19年に実施した, 17-19年の3年間: two abbreviated years (at i, 年 ending
 * at a) a few years apart, the end not after the publication year and at
 * most twenty years before it, before a particle that places them (に, は,
 * 、, から, まで; の before a number), are those years (2017 to 2019), not a length: lengths
 * that long are rarely a range of close numbers, and one that ends after
 * publication (17-19年だからな in 2012) stays a length; not hedged (約),
 * not before a length's words (にわたり, に及ぶ, の間). */
static bool recent_years(const jp *p, size_t i, int64_t v, int64_t v2, size_t a)
{
    const kj_dctx *c = p->c;
    int py = c->py % 100;
    if (c->py < 2000 || c->py >= 2100 || v2 - v > 5 || v2 > py || v < py - 20
        || prefix_qual(p, i) != KJ_Q_NONE || kj_before(p->s, i, "懲役") || kj_before(p->s, i, "禁錮"))
        return false;
    if (at(p, a, "にわた") || at(p, a, "に及") || at(p, a, "の間") || at(p, a, "もの"))
        return false;
    /* の only before the span's own length (17〜19年の3年間): 20〜25年の歳月 is one */
    if (at(p, a, "の"))
        return isdig(p, a + strlen("の"));
    static const char *const w[] = {"に", "は", "、", "から", "まで"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (at(p, a, w[k]))
            return true;
    return false;
}

/* After a four-digit N年 (at i, 年 ending at a): words that make it that
 * many years, not the year N: 1300年近く前, 1500年ほど前, 約2000年前, 1000年以上前,
 * 1000年ぶり, 2000年近く, and a bare 2000年前 / 1000年後 in round hundreds (a
 * length that long is a round number; 2007年前, 2018年後 name the year).
 * 2020年前半, 2021年後期, 2019年前後 stay years. */
static bool years_length_follows(jp *p, size_t i, int64_t v, size_t a)
{
    const kj_dword *w;
    size_t qn;
    if (at(p, a, "近く") || at(p, a, "ぶり"))
        return true;
    bool hedged = prefix_qual(p, i) != KJ_Q_NONE;
    if ((qn = word(p, a, KJ_W_QUAL, &w)) > 0 && w->arg != KJ_Q_AT_MOST) {
        a += qn;
        hedged = true;
    }
    return (hedged || v % 100 == 0)
           && ((at(p, a, "前") && !at(p, a, "前半") && !at(p, a, "前後") && !at(p, a, "前期")
                && !at(p, a, "前年"))
               || (at(p, a, "後") && !at(p, a, "後半") && !at(p, a, "後期")));
}

/* Is N年 here a calendar year rather than a length of time? 2025年, 02年,
 * 93年 are years; 3年, 10年 are lengths unless a month follows. */
static bool years_are_duration(jp *p, size_t i)
{
    int64_t v;
    size_t e;
    int nd;
    bool z;
    if (!num_at(p, i, &v, &e, &nd, &z) || !at(p, e, "年"))
        return false;
    if (year_like(v, nd, z) && nd != 2 && years_length_follows(p, i, v, e + strlen("年")))
        return true;
    if (year_like(v, nd, z) || month_follows(p, e + strlen("年")) || at(p, e, "年代"))
        return false;
    /* 50年前, 60年ぶり, 70年余り前: a length (or a date that many years
     * back), not 1950 (93年前半 is 1993) */
    size_t a = e + strlen("年"), qn;
    const kj_dword *w;
    /* 55年間, 71年目, 3年がかり, 12年度連続: a length or an ordinal, never
     * 1955; nor 85年以上, 60年余り, 50年近く (a year takes no bound but a
     * hedge: 95年前後, 95年ほど stay 1995) */
    if (at(p, a, "間") || at(p, a, "目") || at(p, a, "がかり") || at(p, a, "度連続")
        || ((qn = word(p, a, KJ_W_QUAL, &w)) > 0 && w->arg != KJ_Q_APPROX))
        return true;
    if ((qn = word(p, a, KJ_W_QUAL, &w)) > 0 && w->arg != KJ_Q_AT_MOST
        && (at(p, a + qn, "前") || at(p, a + qn, "後")))
        a += qn;
    if ((at(p, a, "前") && !at(p, a, "前半") && !at(p, a, "前後"))
        || (at(p, a, "後") && !at(p, a, "後半")) || at(p, a, "ぶり") || at(p, a, "連続"))
        return true;
    /* 30年来の友人: a length (since 30 years), not 1930; 年来日 is 年 + 来日 */
    if (at(p, e, "年来")) {
        size_t k = e + strlen("年来");
        uint32_t nc = k < p->len ? kj_cp_next(p->c->d, p->len, &k) : 0;
        if (!kj_is_kanji(nc) && !kj_is_katakana(nc))
            return true;
    }
    if (prefix_qual(p, i) != KJ_Q_NONE || kj_before(p->s, i, "過去") || kj_before(p->s, i, "ここ")
        || kj_before(p->s, i, "この") || kj_before(p->s, i, "計") || kj_before(p->s, i, "通算"))
        return true;
    /* 25年までに, 30年ごろ, 15年初め, 24年以降: news abbreviates a year of
     * this century to two digits; no length of time is followed by these */
    if (nd == 2 && year_point(p, e + strlen("年")))
        return false;
    return !(nd == 2 && v >= 50);
}

/* The far end of a range between two dates that both give their year:
 * 2013/12/26~2014/1/7, 2013年12月26日 - 2014年1月7日. The end is read at a's
 * grain and must come after a. Returns its end, 0 when none. */
static size_t year_range_end(jp *p, size_t e, const kj_tx *a, kj_tx *b)
{
    if (!a->yset || a->mod || (a->grain != KJ_G_DAY && a->grain != KJ_G_MONTH))
        return 0;
    size_t k = e, sl;
    while (k < p->len && k - e < 3 && p->s[k] == ' ')
        k++;
    /* ー (a long-vowel mark typed for a dash) joins two full dates too */
    if ((sl = range_sep(p, k)) == 0 && !(at(p, k, "ー") && (sl = strlen("ー")) > 0))
        return 0;
    k += sl;
    for (size_t k0 = k; k < p->len && k - k0 < 3 && p->s[k] == ' ';)
        k++;
    size_t e2 = slash_date(p, k, b);
    if (!e2)
        e2 = parse_date(p, k, b);
    if (!e2 || !b->yset || b->grain != a->grain || b->mod)
        return 0;
    long da = (long)a->y * 400 + a->m * 32 + a->d, db = (long)b->y * 400 + b->m * 32 + b->d;
    return db > da ? e2 : 0;
}

/* 春 / 夏 / 秋 / 冬 as a season of a year at i (2025年春, 昨年の秋), not the
 * first character of a word (春闘, 夏場所, 秋葉原). Returns its length. */
static size_t season_at(const jp *p, size_t i, int *q)
{
    static const char *const sn[] = {"春", "夏", "秋", "冬"};
    for (int k = 0; k < 4; k++) {
        if (!at(p, i, sn[k]))
            continue;
        size_t j = i + strlen(sn[k]);
        uint32_t nc = j < p->len ? kj_cp_next(p->c->d, p->len, &j) : 0;
        if (kj_is_kanji(nc) || kj_is_katakana(nc) || kj_is_latin(nc) || kj_is_digit(nc))
            return 0;
        *q = k + 1;
        return strlen(sn[k]);
    }
    return 0;
}

/* 午後1時30分から3時10分, 12:00〜17:30: the far end of a clock range, on
 * the day of a; a bare end hour takes a's afternoon (午後6時半-11時 ends at
 * 23:00) and an end before the start is on the next day (23時から2時).
 * Returns the end, 0 when none. */
static size_t time_range_end(jp *p, size_t e, const kj_tx *a, kj_tx *b)
{
    if (a->hh < 0 || (a->grain != KJ_G_HOUR && a->grain != KJ_G_MINUTE))
        return 0;
    size_t k = e, sl;
    while (k < p->len && k - e < 3 && p->s[k] == ' ')
        k++;
    if (at(p, k, "から"))
        sl = strlen("から");
    else if ((sl = range_sep(p, k)) == 0)
        return 0;
    k += sl;
    for (size_t k0 = k; k < p->len && k - k0 < 3 && p->s[k] == ' ';)
        k++;
    const kj_dword *w;
    bool own = dword(p, k, &w) > 0 && w->kind == KJ_W_TOD;
    kj_tx_init(b);
    size_t e2 = part_time(p, k, b, false);
    if (!e2 && (e2 = parse_date(p, k, b)) > 0) {
        /* １月３０日（木）１２：００－１月３１日（金）１６：００ */
        if (b->hh < 0 || !b->d || b->grain == KJ_G_NONE)
            return 0;
        long da = kj_days(a->y, a->m, a->d), db = kj_days(b->y, b->m, b->d);
        int ma = a->hh * 60 + (a->mi > 0 ? a->mi : 0), mb = b->hh * 60 + (b->mi > 0 ? b->mi : 0);
        return a->d && (db > da || (db == da && mb > ma)) ? e2 : 0;
    }
    if (!e2 || b->hh < 0)
        return 0;
    /* 午後6時-11時 ends at 23:00; 10時30分から3時, 9時から5時 end in the
     * afternoon (a morning start and a smaller bare end: not 15 hours on) */
    if (!own && b->hh < 12
        && ((a->hh >= 12 && b->hh + 12 > a->hh) || (a->hh < 12 && b->hh < a->hh)))
        b->hh += 12;
    b->y = a->y, b->m = a->m, b->d = a->d;
    b->rel = a->rel;
    b->zone = a->zone;
    if (b->hh * 60 + (b->mi > 0 ? b->mi : 0) <= a->hh * 60 + (a->mi > 0 ? a->mi : 0)) {
        if (!a->d)
            return 0;
        kj_dt_shift(b, KJ_G_DAY, 1);
    }
    return e2;
}

/* 午後1時と3時, 午後2時、4時半: after a clock [i, e) in the afternoon whose
 * span holds 午後, a bare clock (digits, no meridiem or part of day of its
 * own) listed with と, 、 or や is on the same afternoon. Fills b and its
 * start *bs and returns its end, 0 when none. */
static size_t listed_pm_time(jp *p, size_t i, size_t e, const kj_tx *a, kj_tx *b, size_t *bs)
{
    if (a->hh < 12 || a->hh > 23 || (a->grain != KJ_G_HOUR && a->grain != KJ_G_MINUTE))
        return 0;
    bool pm = false;
    for (size_t k = i; k + strlen("午後") <= e && !pm; k++)
        pm = at(p, k, "午後");
    if (!pm)
        return 0;
    size_t sl = at(p, e, "と")   ? strlen("と")
                : at(p, e, "、") ? strlen("、")
                : at(p, e, "や") ? strlen("や")
                                 : 0;
    if (!sl || !isdig(p, e + sl))
        return 0;
    kj_tx_init(b);
    size_t e2 = part_time(p, e + sl, b, false);
    if (!e2 || b->hh < 1 || b->hh > 11 || (b->grain != KJ_G_HOUR && b->grain != KJ_G_MINUTE))
        return 0;
    b->hh += 12;
    b->y = a->y, b->m = a->m, b->d = a->d;
    b->rel = a->rel;
    b->zone = a->zone;
    *bs = e + sl;
    return e2;
}

/* 午前10時8分、19分、26分: bare minutes (digits) listed with 、, と or や
 * after a clock [i, e) at minute grain are later clocks in the same hour,
 * not lengths: each is a date, its minute later than the one before. Emits
 * the first clock and the listed ones; returns the end of the last, 0 when
 * none follows (then nothing is emitted). */
static size_t listed_minutes(jp *p, size_t i, size_t e, const kj_tx *a)
{
    if (a->grain != KJ_G_MINUTE || a->hh < 0 || a->mi < 0)
        return 0;
    size_t k = e, end = 0;
    int64_t last = a->mi;
    for (;;) {
        p->c->d->work++;
        size_t sl = at(p, k, "、")   ? strlen("、")
                    : at(p, k, "と") ? strlen("と")
                    : at(p, k, "や") ? strlen("や")
                                     : 0;
        int64_t m;
        size_t e2;
        int nd;
        bool z;
        if (!sl || !isdig(p, k + sl) || !dnum(p, k + sl, &m, &e2, &nd, &z) || nd < 1 || nd > 2 ||
            m <= last || m > 59 || !at(p, e2, "分"))
            break;
        size_t fe = e2 + strlen("分");
        /* 19分間, 19分後, 19分ほど, 19分以上, 19分30秒: a length or more */
        static const char *const no[] = {"間", "後", "前", "ほど", "程", "以", "余",
                                         "近", "弱", "強", "半",   "超", "秒", "足"};
        bool len = false;
        for (size_t q = 0; q < sizeof no / sizeof *no && !len; q++)
            len = at(p, fe, no[q]);
        if (len)
            break;
        if (!end)
            kj_dt_emit(p->c, i, e, a, NULL);
        kj_tx b = *a;
        b.mi = (int)m;
        b.qual = 0;
        kj_dt_emit(p->c, k + sl, fe, &b, NULL);
        last = m;
        k = end = fe;
    }
    return end;
}

/* Another day of the month (N日, not 日本 / 日間) in the sentence around
 * 1日 at [i, e), within a bounded window each side: 31日は…、1日に…、3日には
 * lists days, so 1日 is one of them. */
static bool day_listed(jp *p, size_t i, size_t e)
{
    for (size_t q = i; q > 0 && i - q < 120; q--) {
        if (at(p, q - 1, "。") || p->s[q - 1] == '\n')
            break;
        if (q < i && at(p, q, "日") && !at(p, q, "日本") && !at(p, q, "日間") && isdig(p, q - 1))
            return true;
    }
    for (size_t q = e; q < p->len && q < e + 120; q++) {
        if (at(p, q, "。") || p->s[q] == '\n')
            break;
        if (at(p, q, "日") && !at(p, q, "日本") && !at(p, q, "日間") && isdig(p, q - 1))
            return true;
    }
    return false;
}

/* 1日に20本, 1日で約3000人: a count right after the particle at k (a
 * quantity rec_numeric.c found there, or a vague count before a noun) that
 * is no rank (2位), with no other day of the month in the sentence around
 * 1日 at [i, j) (31日は…、1日に…、3日には lists days). */
static bool day_count_after(jp *p, size_t i, size_t j, size_t k)
{
    if (kj_claim_at(p->c->d, k) != KIJI_FACT_QUANTITY) {
        /* 1日に十数作品, 1日に数百本: a vague count before a noun (not 数日,
         * 数時間, a length) */
        size_t vn = at(p, k, "十数") ? strlen("十数") : at(p, k, "数") ? strlen("数") : 0;
        size_t ns = k + vn;
        uint32_t nc = vn && ns < p->len ? kj_cp_next(p->c->d, p->len, &ns) : 0;
        static const char *const unit[] = {"日", "時", "分", "秒", "年", "月", "週"};
        if (!kj_is_kanji(nc))
            return false;
        for (size_t u = 0; u < sizeof unit / sizeof unit[0]; u++)
            if (at(p, k + vn, unit[u]))
                return false;
        return !day_listed(p, i, j);
    }
    while (k < p->len && k < j + 64 && kj_claim_at(p->c->d, k) == KIJI_FACT_QUANTITY)
        k++;
    static const char *const rank[] = {"位", "倍", "番", "等", "着", "目"};
    for (size_t r = 0; r < sizeof rank / sizeof rank[0]; r++)
        if (kj_before(p->s, k, rank[r]))
            return false;
    return !day_listed(p, i, j);
}

/* 1日に20本, 1日に約3000人: 1日に before a count is "per day", as 1日に3回
 * is; 1日に開かれた, 1日に5万円 (a price on the day) and 1日に2位 (a rank)
 * stay the 1st, and so does a 1日 among other days of its sentence. */
static bool day_count_rate(jp *p, size_t i, size_t j)
{
    return at(p, j, "に") && day_count_after(p, i, j, j + strlen("に"));
}

/* 1日あたり, 1日平均, 1日の許容摂取量: 1日 "per day", a rate with no date
 * and no length, as per day has none in English (ja/day_rate_words; not
 * 3月1日あたり, a day of its month; not 同1日, 今月1日, a kanji before it),
 * and 1日に before a count (day_count_rate): the bytes of 1日, 0 when not. */
static size_t day_rate(jp *p, size_t i)
{
    int64_t v;
    size_t e;
    int nd;
    bool z;
    int32_t rv;
    if (!isdig(p, i) || !num_at(p, i, &v, &e, &nd, &z) || v != 1 || nd > 1 || !at(p, e, "日")
        || kj_before(p->s, i, "月"))
        return 0;
    size_t j = e + strlen("日");
    if (kj_dict_longest(p->c->dd->day_rate, p->s, p->len, j, &rv) > 0)
        return j - i;
    size_t ps;
    if (i > 0 && kj_is_kanji(kj_cp_prev(p->c->d, i, &ps)))
        return 0;
    return day_count_rate(p, i, j) ? j - i : 0;
}

/* 株価は1日で20%下落, 2日で1割上昇: N日で (at j, after 日), an amount and a
 * word of change (ja/day_change_words) after it: the length the change
 * took, not a day of the month. The amount is a run of digits, separators,
 * % and the bytes of facts read before (its counter); a bounded window. */
static bool day_change(jp *p, size_t j)
{
    if (!at(p, j, "で"))
        return false;
    size_t k = j + strlen("で");
    if (at(p, k, "約"))
        k += strlen("約");
    if (!isdig(p, k))
        return false;
    size_t lim = k + 40;
    while (k < p->len && k < lim
           && (isdig(p, k) || p->s[k] == '.' || p->s[k] == ',' || p->s[k] == '%'
               || kj_claim_at(p->c->d, k) != 0))
        k++;
    if (k >= lim || k >= p->len)
        return false;
    /* 5割, 3ポイント, 200円 when not yet read: one counter word */
    static const char *const unit[] = {"割", "ポイント", "円", "ドル", "倍"};
    for (size_t u = 0; u < sizeof unit / sizeof unit[0]; u++)
        if (at(p, k, unit[u])) {
            k += strlen(unit[u]);
            break;
        }
    if (at(p, k, "も") || at(p, k, "近く") || at(p, k, "超"))
        k += at(p, k, "近く") ? strlen("近く") : strlen("も");
    int32_t v;
    return kj_dict_longest(p->c->dd->day_change, p->s, p->len, k, &v) > 0;
}

/* 公開から1日で, 発売から2〜3日で: N日 (at i, the number) counted from
 * an event named before から, a length. The low end of a range before it
 * (2〜, 1日〜) is stepped over. Not after a date or a time of day before
 * から (1日から5日で, 12月から20日で, 4日夜から: a range of dates). */
static bool day_from_event(const jp *p, size_t i)
{
    size_t s = i, k;
    if (kj_before(p->s, s, "〜"))
        s -= strlen("〜");
    else if (kj_before(p->s, s, "~") || kj_before(p->s, s, "-"))
        s -= 1;
    if (s != i) {
        if (kj_before(p->s, s, "日"))
            s -= strlen("日");
        size_t ds = s;
        while (s > 0 && ds - s < 3 && p->s[s - 1] >= '0' && p->s[s - 1] <= '9')
            s--;
        if (s == ds)
            return false;
    }
    if (!kj_before(p->s, s, "から") || s < strlen("から") + 1)
        return false;
    uint32_t pc = kj_u8_prev(p->s, s - strlen("から"), &k);
    if (!kj_is_kanji(pc) && !kj_is_katakana(pc))
        return false;
    /* 日 月 年 週 時 分 秒 旬 末 朝 昼 夕 夜 晩 午 頃 降: a time before から */
    static const uint32_t when[] = {0x65E5, 0x6708, 0x5E74, 0x9031, 0x6642, 0x5206,
                                    0x79D2, 0x65EC, 0x672B, 0x671D, 0x663C, 0x5915,
                                    0x591C, 0x6669, 0x5348, 0x9803, 0x964D};
    for (size_t w = 0; w < sizeof when / sizeof when[0]; w++)
        if (pc == when[w])
            return false;
    return kj_kanji_digit(pc) < 0 && kj_kanji_mult(pc) <= 0;
}

static bool day_is_length_(jp *p, size_t i, bool chain);

/* 1日近く, 1日半, 3日10時間: N日 as a length, not a day of the month. */
static bool day_is_length(jp *p, size_t i)
{
    return day_is_length_(p, i, true);
}

/* chain: a range's low end written with its unit (1日〜2日かかる) may take
 * the length of its high end (one step, not down a list of days). */
static bool day_is_length_(jp *p, size_t i, bool chain)
{
    int64_t v;
    size_t e, e2;
    int nd;
    bool z;
    const kj_dword *w;
    if (!num_at(p, i, &v, &e, &nd, &z) || !at(p, e, "日") || at(p, e, "日本"))
        return false;
    size_t j = e + strlen("日");
    if ((at(p, j, "半") && !at(p, j, "半ば")) || word(p, j, KJ_W_QUAL, &w) > 0
        || at(p, j, "ごと") || at(p, j, "おき") || at(p, j, "がかり"))
        return true;
    /* 1日遅れ, 3日遅れで開幕: one day late, a length; 平年より6日遅く,
     * 昨年より7日早い: the gap of a comparison, closed by a word of
     * ja/day_gap_words (6日遅く alone may be late on the 6th, a day);
     * 平年より3日、昨年より8日遅い: a gap listed before the word that
     * closes it (not 平年(18日)より, a day the より follows) */
    if (at(p, j, "遅れ"))
        return true;
    /* 修理に3日かかる, 2日かけて, 5日を要した: the time a task takes
     * (ja/day_length_words); 公開から3日で: counted from an event */
    int32_t lw;
    if (kj_dict_longest(p->c->dd->day_length, p->s, p->len, j, &lw) > 0
        || (at(p, j, "で") && day_from_event(p, i)))
        return true;
    /* 1日〜2日かかる: the low end of a range of lengths, each end with its
     * unit (two lengths, as 3年〜5年) */
    size_t rs;
    int64_t hv;
    int hnd;
    bool hz;
    if (chain && (rs = range_sep(p, j)) > 0 && isdig(p, j + rs)
        && dnum(p, j + rs, &hv, &e2, &hnd, &hz) && hv > v && hv < 100 && at(p, e2, "日")
        && day_is_length_(p, j + rs, false))
        return true;
    /* 1日で20%下落: not after a month (3月1日で) nor a kanji (同1日で);
     * 1日で3000個, 1日で約100本: one day before a count, the time the count
     * took ("in one day"), as with a change; 1日で2位 (a rank) and other
     * days (17日で5万人を突破: a mark reached by that day) stay dates */
    size_t pk;
    if (!kj_before(p->s, i, "月") && !(i > 0 && kj_is_kanji(kj_cp_prev(p->c->d, i, &pk)))
        && (day_change(p, j)
            || (v == 1 && nd <= 1 && at(p, j, "で") && day_count_after(p, i, j, j + strlen("で")))))
        return true;
    int32_t gv;
    bool closes = kj_dict_longest(p->c->dd->day_gap, p->s, p->len, j, &gv) > 0;
    if (closes && v < 100 && !kj_before(p->s, i, "より")) {
        /* 平年より15日、東海地方では14日遅く: the second gap of a
         * comparison whose first gap (より N日、) is listed earlier in the
         * sentence (a bounded look back; not 予定より遅れたが、6日遅くに) */
        for (size_t q = i; q > 0 && i - q < 60; q--) {
            if (at(p, q - 1, "。") || p->s[q - 1] == '\n')
                break;
            int64_t v0;
            size_t e0;
            if (q >= strlen("より") && kj_before(p->s, q, "より") && isdig(p, q)
                && num_at(p, q, &v0, &e0, &nd, &z) && at(p, e0, "日、"))
                return true;
        }
    }
    if (kj_before(p->s, i, "より") && v < 100) {
        if (closes)
            return true;
        if (at(p, j, "、")) {
            /* the next N日 closed by a gap word, within the sentence (a
             * bounded window) */
            for (size_t q = j; q < p->len && q < j + 90; q++) {
                if (at(p, q, "。") || at(p, q, "\n"))
                    break;
                if (at(p, q, "日遅") || at(p, q, "日早"))
                    return q > j && isdig(p, q - 1);
            }
        }
    }
    /* 2泊3日, 三泊四日: the days of a stay after its nights, a length */
    if (i > strlen("泊") && kj_before(p->s, i, "泊")) {
        size_t ns;
        uint32_t nc = kj_cp_prev(p->c->d, i - strlen("泊"), &ns);
        if ((nc >= '0' && nc <= '9') || (nc >= 0xFF10 && nc <= 0xFF19) || kj_kanji_digit(nc) >= 0)
            return true;
    }
    /* 年間20日, 月間10日, 週2日: days in each year, month or week (a
     * length counted per period), not a day of the month; not 先週20日,
     * 今週16日 (a kanji before 週 names the week the day is in) */
    size_t ws;
    if (kj_before(p->s, i, "年間") || kj_before(p->s, i, "月間")
        || (kj_before(p->s, i, "週")
            && (i == strlen("週") || !kj_is_kanji(kj_cp_prev(p->c->d, i - strlen("週"), &ws)))))
        return true;
    /* 中4日で登板: the days between two starts (a rest), not the 4th; not
     * 滞在中5日に, where 中 ends a word and a date follows */
    size_t ns;
    if (v <= 14 && kj_before(p->s, i, "中") &&
        (i == strlen("中") || !kj_is_kanji(kj_cp_prev(p->c->d, i - strlen("中"), &ns))))
        return true;
    /* 1日経っても, 2日が経った, 3日もたたず: days that pass are a length
     * (not 15日経済産業省, a day before a name; cases/ja/duration) */
    static const char *const pass[] = {"経っ", "経た", "経ち", "経と", "経過",
                                       "たっ", "たた", "たち", "過ぎ"};
    bool particle = at(p, j, "が") || at(p, j, "も");
    for (size_t k = 0; k < sizeof pass / sizeof pass[0]; k++)
        if (at(p, particle ? j + strlen("が") : j, pass[k]) && (particle || k < 5))
            return true;
    /* 丸1日, まる1日: a whole day (not 始まる1日, a verb before the 1st, nor
     * 日の丸) */
    size_t ps;
    if ((kj_before(p->s, i, "丸") && !kj_before(p->s, i, "日の丸"))
        || (kj_before(p->s, i, "まる")
            && !(i >= strlen("まる") + 1
                 && kj_is_kanji(kj_cp_prev(p->c->d, i - strlen("まる"), &ps)))))
        return true;
    /* 2日の合計, 3日間の累計: the total of a few days (rounds of a
     * tournament, days of a count), not the 2nd; not after a month
     * (5月2日の合計 is that day's) */
    static const char *const sum[] = {"の合計", "の累計", "の総計", "の通算"};
    if (v >= 2 && v <= 7 && !kj_before(p->s, i, "月"))
        for (size_t k = 0; k < sizeof sum / sizeof sum[0]; k++)
            if (at(p, j, sum[k]))
                return true;
    /* 3日に1回, 3日に1日 (13日に1回 is more likely the 13th) */
    int64_t v2;
    if (v <= 10 && at(p, j, "に") && dnum(p, j + strlen("に"), &v2, &e2, &nd, &z)
        && ((at(p, e2, "回") && !at(p, e2, "回目")) || (at(p, e2, "日") && v2 < v)
            || (v >= 2 && v <= 9 && v2 == 1 && one_event(p, e2) > 0)))
        return true;
    return dnum(p, j, &v, &e2, &nd, &z)
           && (at(p, e2, "時間") || (nd > 0 && (at(p, e2, "分") || at(p, e2, "秒"))));
}

/* A month and day with a slash, 1/30: not inside a longer run of digits and
 * slashes. Alone it is as likely a fraction; the caller wants a weekday, a
 * clock or a second such date after it. */
/* 3、4日 / 3・4日 / 3、4の両日 at i: two days sharing their unit (and the month
 * before them). *e1 ends the first number, [*s2, *e2) is the second day. */
static bool day_pair(jp *p, size_t i, int64_t *v1, size_t *e1, int64_t *v2, size_t *s2,
                     size_t *e2)
{
    int64_t v, w;
    size_t e, f, sl;
    int nd;
    bool z;
    if (!isdig(p, i) || !num_at(p, i, &v, &e, &nd, &z) || v < 1 || v > 31 || nd > 2)
        return false;
    if (at(p, e, "、"))
        sl = strlen("、");
    else if (at(p, e, "・"))
        sl = strlen("・");
    else
        return false;
    if (!isdig(p, e + sl) || !dnum(p, e + sl, &w, &f, &nd, &z) || w <= v || w > 31 || nd > 2
        || isdig(p, f))
        return false;
    kj_tx a;
    kj_tx_init(&a);
    size_t end;
    if (at(p, f, "両日"))
        end = f + strlen("両日");
    else if (at(p, f, "の両日"))
        end = f + strlen("の両日");
    else if ((end = part_day(p, e + sl, &a, false)) == 0)
        return false;
    *v1 = v, *e1 = e, *v2 = w, *s2 = e + sl, *e2 = end;
    return true;
}

static bool md_slash(jp *p, size_t i, int64_t *m, int64_t *d, size_t *end)
{
    int64_t v, v2;
    size_t e, e2;
    int nd;
    bool z;
    if (!isdig(p, i) || !num_at(p, i, &v, &e, &nd, &z) || nd > 2 || v < 1 || v > 12
        || !at(p, e, "/") || !isdig(p, e + 1) || !dnum(p, e + 1, &v2, &e2, &nd, &z) || nd > 2
        || v2 < 1 || v2 > kj_mdays(2000, (int)v) || at(p, e2, "/") || isdig(p, e2))
        return false;
    *m = v, *d = v2, *end = e2;
    return true;
}

/* A month/day with a slash standing alone (7/18, 09/12, [10/25]): a date
 * when nothing around it makes it a fraction, a model or a measure: not
 * 1/2, 1/3, 2/3, 1/4, 3/4 (a half, a third, a quarter), not after a letter,
 * digit or sign (iPhone 4/4S, 約1/3, 17回2/3) nor before a letter, digit,
 * sign or a word of measure (1/4型, 1/2.5倍速, 1/4秒, 1/2ページ, 2/5以上). The
 * match at i (m, d, its end e) is md_slash's. */
static bool md_bare(jp *p, size_t i, int64_t m, int64_t d, size_t e)
{
    static const char *const after[] = {"分", "倍", "型", "秒", "程度", "ページ", "以上", "以下",
                                        "未満", "強", "弱", "超", "拍子", "インチ", "サイズ",
                                        "%", "％", "ほど", "くらい", "ぐらい", "近く", "の確率"};
    if (d <= 4 && m < d)
        return false;
    if (i > 0) {
        size_t st, st2;
        uint32_t pc = kj_cp_prev(p->c->d, i, &st);
        if (kj_is_latin(pc) || kj_is_digit(pc) || pc == '.' || pc == ',' || pc == '/'
            || pc == '-' || pc == '+' || pc == ':' || kj_before(p->s, i, "約")
            || kj_before(p->s, i, "回") || kj_before(p->s, i, "第"))
            return false;
        if (pc == ' ' && st > 0 && kj_is_latin(kj_cp_prev(p->c->d, st, &st2)))
            return false; /* iPhone 4/4S */
    }
    if (e < p->len) {
        size_t k = e;
        uint32_t nc = kj_cp_next(p->c->d, p->len, &k);
        if (kj_is_latin(nc) || kj_is_digit(nc) || nc == '.' || nc == ',' || nc == '/'
            || nc == ':' || nc == '-' || nc == '~' || nc == 0x301C /* 〜 */)
            return false;
        for (size_t a = 0; a < sizeof after / sizeof after[0]; a++)
            if (at(p, e, after[a]))
                return false;
    }
    return true;
}

/* 令和3/7/18, 令和3.7.18, R3/7/18, 令和3.7: an era year in a numeric date
 * (the same separator between the parts). Returns the end, 0 when none. */
static size_t era_numeric(jp *p, size_t i, kj_tx *t)
{
    /* a digit right after an initial (R3) or a two-kanji name (令和3) */
    if (!((p->s[i] == 'R' || p->s[i] == 'H') && isdig(p, i + 1)) && !isdig(p, i + 6))
        return 0;
    int32_t era;
    size_t n = kj_dict_longest(p->c->dd->era, p->s, p->len, i, &era);
    if (!n || era < 0 || (size_t)era >= p->c->dd->nera_modern || (n == 1 && era > 1))
        return 0;
    if (n == 1 && i > 0 && (kj_is_latin((unsigned char)p->s[i - 1]) || isdig(p, i - 1)))
        return 0;
    int64_t y, m, d;
    size_t e, e2, e3, sl;
    int nd;
    bool z;
    /* 令和3,7,18: a comma between the parts only after an era's name */
    bool comma = false;
    if (!isdig(p, i + n) || !dnum(p, i + n, &y, &e, &nd, &z) || y < 1 || y > 99)
        return 0;
    if (n > 1 && e < p->len && p->s[e] == ',')
        comma = true;
    if ((n == 1 && !era_initial_year(p, era, y)) || (!comma && (sl = date_sep(p, e)) == 0)
        || (comma && (sl = 1) == 0) || !isdig(p, e + sl)
        || !dnum(p, e + sl, &m, &e2, &nd, &z) || nd > 2 || m < 1 || m > 12)
        return 0;
    kj_tx_init(t);
    t->y = p->c->dd->era_y1[era] + (int)y - 1;
    t->m = (int)m;
    t->yset = t->mset = true;
    if ((comma ? e2 < p->len && p->s[e2] == ',' : date_sep(p, e2) == sl)
        && memcmp(p->s + e, p->s + e2, sl) == 0 && isdig(p, e2 + sl)) {
        if (!dnum(p, e2 + sl, &d, &e3, &nd, &z) || nd > 2 || d < 1 || d > kj_mdays(t->y, t->m)
            || isdig(p, e3) || date_sep(p, e3) == sl || (comma && e3 < p->len && p->s[e3] == ','))
            return 0;
        t->d = (int)d;
        t->grain = KJ_G_DAY;
        return e3;
    }
    if (isdig(p, e2) || date_sep(p, e2) || (p->s[e] == '-' && n == 1))
        return 0;
    if (comma) {
        /* 令和3,7 is a month only where no word follows (令和3,4年度 is a list) */
        size_t k = e2;
        uint32_t nc = k < p->len ? kj_cp_next(p->c->d, p->len, &k) : 0;
        if (nc == ',' || kj_is_kanji(nc) || kj_is_katakana(nc) || kj_is_latin(nc)
            || (nc >= 0x3041 && nc <= 0x3096))
            return 0;
    }
    t->grain = KJ_G_MONTH;
    return e2;
}

/* 今週の金曜日6月15日, 来週月曜日(15日): a date in digits right after a weekday
 * (or in parentheses after it) names that day: one date. A month and day
 * give its value; a bare day only the weekday's own day. Returns the end,
 * 0 when no such date follows. */
static size_t weekday_date(jp *p, size_t k, kj_tx *t)
{
    size_t j = k < p->len && p->s[k] == '(' ? k + 1 : k, e;
    kj_tx d;
    if (!isdig(p, j) || day_is_length(p, j) || (e = parse_date(p, j, &d)) == 0 || !d.d
        || d.yset || (d.grain != KJ_G_DAY && d.grain != KJ_G_HOUR && d.grain != KJ_G_MINUTE)
        || at(p, e, "間"))
        return 0;
    if (j != k) {
        if (!at(p, e, ")"))
            return 0;
        e++;
    }
    if (!d.mset && d.d != t->d)
        return 0;
    if (d.mset || d.hh >= 0)
        *t = d;
    return e;
}

/* 11月から2017年2月まで, 11月から来年3月まで: a month (or month and day) with no
 * year before から or a dash and a month date with its year is the last such
 * month up to that end, not the one nearest the publication date. */
static void range_start_year(jp *p, size_t e, kj_tx *t)
{
    size_t sl = at(p, e, "から") ? strlen("から") : range_sep(p, e);
    if (!sl || t->yset || !t->mset || !t->m || (t->grain != KJ_G_MONTH && t->grain != KJ_G_DAY))
        return;
    size_t j = e + sl;
    const kj_dword *w;
    bool yw = dword(p, j, &w) > 0 && w->kind == KJ_W_YEAR;
    kj_tx b;
    if ((!yw && !isdig(p, j)) || parse_date(p, j, &b) == 0 || !b.y || !b.m || (!b.yset && !yw)
        || (b.grain != KJ_G_MONTH && b.grain != KJ_G_DAY))
        return;
    bool days = t->grain == KJ_G_DAY && b.grain == KJ_G_DAY;
    int a = t->m * 100 + (days ? t->d : 0), z = b.m * 100 + (days ? b.d : 0);
    int y = a <= z ? b.y : b.y - 1;
    if (t->grain == KJ_G_DAY && t->d > kj_mdays(y, t->m))
        return;
    t->y = y;
    t->rel = true;
}

/* 2〜3日前, 1から2年後, 3-5週間後: a range of lengths before 前 / 後 is the
 * range of dates that far from publication (2〜3日前: from 3 days back to 2
 * days back), at the unit's grain; years, months, weeks and days only (a
 * clock unit is read on the publication day, a range of hours adds
 * nothing). Returns the length read, 0 when none. */
static size_t rel_range(jp *p, size_t i)
{
    kj_dctx *c = p->c;
    int64_t v1, v2;
    size_t e1, e2;
    int nd;
    bool z;
    if (!isdig(p, i) || !num_at(p, i, &v1, &e1, &nd, &z) || v1 < 1 || v1 >= 1000)
        return 0;
    size_t sl = range_sep(p, e1);
    if (!sl && at(p, e1, "から"))
        sl = strlen("から");
    if (!sl || !isdig(p, e1 + sl) || !dnum(p, e1 + sl, &v2, &e2, &nd, &z) || v2 <= v1
        || v2 >= 1000)
        return 0;
    const char *u;
    size_t un = unit_at(p, e1 + sl, e2, true, false, &u);
    if (!un)
        return 0;
    size_t j = e2 + un;
    if (at(p, j, "間"))
        j += strlen("間"); /* 3〜5週間後 */
    bool ago = at(p, j, "前") && !at(p, j, "前半") && !at(p, j, "前後");
    bool later = at(p, j, "後") && !at(p, j, "後半");
    int kind = strcmp(u, "Y") == 0 ? KJ_W_YEAR : strcmp(u, "M") == 0 ? KJ_W_MONTH
             : strcmp(u, "W") == 0 ? KJ_W_WEEK : strcmp(u, "D") == 0 ? KJ_W_DAY : 0;
    if (!(ago || later) || !kind)
        return 0;
    kj_tx a, b;
    kj_tx_init(&a);
    kj_tx_init(&b);
    int o1 = (int)(ago ? -v2 : v1), o2 = (int)(ago ? -v1 : v2);
    size_t st = i, end = j + strlen("前");
    size_t sn = sono_len(p, i);
    if (sn) {
        /* その2〜3日後: counted from the last date, as その3日後 */
        int g = kind == KJ_W_YEAR ? KJ_G_YEAR : kind == KJ_W_MONTH ? KJ_G_MONTH : KJ_G_DAY;
        int m = kind == KJ_W_WEEK ? 7 : 1;
        if (!kj_dt_anaphor(c, &a, g, o1 * m) || !kj_dt_anaphor(c, &b, g, o2 * m))
            return end - i; /* no date before: when is unknown */
        st = i - sn;
    } else {
        kj_dt_rel(c, &a, kind, o1);
        kj_dt_rel(c, &b, kind, o2);
    }
    if (!kj_dt_emit(c, st, end, &a, &b))
        return 0;
    return end - i;
}

/* 年にN月 ends at a as a length, N months a year (年に一月ほど休む), where
 * only a hedge or the sentence's end follows; 年に1月と7月の2回 names
 * January. */
static bool month_length_end(const jp *p, size_t a)
{
    static const char *const w[] = {"。", "ほど", "程度", "くらい", "ぐらい", "だけ", "以上", "近く"};
    if (a >= p->len)
        return true;
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (at(p, a, w[k]))
            return true;
    return false;
}

/* A saying whose number of years names no time of the story: 石の上にも三年
 * (perseverance), 桃栗三年柿八年, 十年一日 (unchanging), 十年一昔, 一年の計は
 * 元旦にあり, 百年の計 (a far-sighted plan), 百年河清を俟つ. At i, the
 * saying's number; returns the saying's end past i, 0 when none. */
static size_t saying_at(jp *p, size_t i)
{
    static const struct {
        const char *pre;
        int64_t v;
        const char *suf;
    } say[] = {{"石の上にも", 3, "年"},  {"桃栗", 3, "年柿八年"}, {"", 10, "年一日"},
               {"", 10, "年一昔"},       {"", 10, "年ひと昔"},   {"", 1, "年の計は元旦にあり"},
               {"", 100, "年の計"},      {"", 100, "年河清"}};
    int64_t v;
    size_t e;
    int nd;
    bool z;
    if ((i > 0 && isdig(p, i - 1)) || !dnum(p, i, &v, &e, &nd, &z))
        return 0;
    for (size_t k = 0; k < sizeof say / sizeof say[0]; k++)
        if (v == say[k].v && at(p, e, say[k].suf) && kj_before(p->s, i, say[k].pre))
            return e + strlen(say[k].suf) - i;
    return 0;
}

static size_t try_at(jp *p, size_t i)
{
    kj_dctx *c = p->c;
    const kj_dword *w;
    size_t n, e;
    int64_t v;
    int nd;
    bool z;

    /* (木) alone: a weekday (after a date the date takes it) */
    if (p->s[i] == '(') {
        if ((n = weekday_paren(p, i)) == 0 || kj_before(p->s, i, "円") || (i > 0 && isdig(p, i - 1)))
            return 0;
        kj_tx wt;
        int wd = 0;
        static const char *const wk[] = {"月", "火", "水", "木", "金", "土", "日"};
        for (int k = 0; k < 7 && !wd; k++)
            if (at(p, i + 1, wk[k]))
                wd = k + 1;
        kj_tx_init(&wt);
        kj_dt_weekday(c, &wt, wd, i);
        kj_dt_emit(c, i, i + n, &wt, NULL);
        return n;
    }
    if ((n = saying_at(p, i)) > 0)
        return n;
    if ((n = rel_range(p, i)) > 0)
        return n;
    /* 今四半期, 本四半期, 当四半期: the publication's quarter (as 第2四半期,
     * by the calendar) */
    if ((at(p, i, "今四半期") || at(p, i, "本四半期") || at(p, i, "当四半期")) && c->py) {
        kj_tx qt;
        kj_tx_init(&qt);
        qt.y = c->py;
        qt.q = (c->pm - 1) / 3 + 1;
        qt.grain = KJ_G_QUARTER;
        qt.rel = true;
        kj_dt_emit(c, i, i + strlen("今四半期"), &qt, NULL);
        return strlen("今四半期");
    }
    /* 年1回, 月2回, 週3日, 週40時間, 年に1ヶ月: a recurrence per year,
     * month or week (not after a number or a word: 2021年1回目, 昨年3月) */
    static const struct {
        const char *w, *iso;
        size_t n; /* strlen(w) */
    } per[] = {{"年", "P1Y", 3}, {"月", "P1M", 3}, {"週", "P1W", 3}, {"1日", "P1D", 4},
               {"一日", "P1D", 6}};
    for (size_t k = 0; k < sizeof per / sizeof per[0]; k++) {
        if (p->s[i] != per[k].w[0] || p->len - i < per[k].n
            || memcmp(p->s + i, per[k].w, per[k].n) != 0)
            continue;
        size_t st;
        uint32_t pc = i > 0 ? kj_cp_prev(p->c->d, i, &st) : 0;
        if (kj_is_digit(pc) || kj_is_kanji(pc) || kj_is_katakana(pc) || kj_is_latin(pc))
            break;
        /* 1日3回, 1日2時間: per day (4月1日3回目, 1日に3時間の会合 are the 1st) */
        bool day = k >= 3;
        size_t j = i + per[k].n;
        bool ni = at(p, j, "に");
        if (ni)
            j += strlen("に");
        if (day && at(p, j, "数")) {
            v = 1; /* 1日数回: a vague count, still daily */
            e = j + strlen("数");
        } else if (!dnum(p, j, &v, &e, &nd, &z) || v < 1 || v > 1000) {
            break;
        }
        const kj_dword *u;
        size_t un;
        int64_t fv;
        size_t fe;
        if (at(p, e, "回") && (!day || (!at(p, e, "回目") && !at(p, e, "回戦"))))
            e += strlen("回");
        else if (day && ni)
            break;
        else if (day && (at(p, e, "時間") || at(p, e, "分") || at(p, e, "秒"))
                 && !(at(p, e, "分の") && dnum(p, e + strlen("分の"), &fv, &fe, &nd, &z)))
            e += at(p, e, "時間") ? strlen("時間") : at(p, e, "分間") || at(p, e, "秒間")
                 ? strlen("分間") : strlen("分");
        else if (day)
            break;
        else if (k == 0 && ni && at(p, e, "月") && month_length_end(p, e + strlen("月")))
            e += strlen("月"); /* 年に一月ほど: a month (ひとつき) a year */
        else if (at(p, e, "日") && !at(p, e, "日本"))
            e += at(p, e, "日間") ? strlen("日間") : strlen("日");
        else if ((un = word(p, e, KJ_W_UNIT, &u)) > 0 && strcmp(u->s, "Y") != 0)
            e += un;
        else
            break;
        kj_dt_set(c, i, e, per[k].iso);
        return e - i;
    }
    /* 2021春, 2021/春 */
    int sq;
    if (isdig(p, i) && num_at(p, i, &v, &e, &nd, &z) && nd == 4 && year_like(v, nd, z)
        && ((n = season_at(p, e, &sq)) > 0
            || (at(p, e, "/") && (n = season_at(p, e + 1, &sq)) > 0 && n++))) {
        kj_tx s;
        kj_tx_init(&s);
        s.y = (int)v;
        s.q = sq;
        s.yset = true;
        s.grain = KJ_G_SEASON;
        kj_dt_emit(c, i, e + n, &s, NULL);
        return e + n - i;
    }
    /* 第2四半期 */
    if (at(p, i, "第") && dnum(p, i + strlen("第"), &v, &e, &nd, &z) && v >= 1 && v <= 4
        && at(p, e, "四半期")) {
        kj_tx t;
        kj_tx_init(&t);
        t.q = (int)v;
        kj_dt_bare_quarter(c, &t, i);
        e += strlen("四半期");
        kj_dt_emit(c, i, e, &t, NULL);
        return e - i;
    }
    /* Q2: the second quarter, as 第2四半期 (not a Latin word's letter nor a
     * numbered question: Q1. Q1: Q1) */
    if (p->s[i] == 'Q' && i + 1 < p->len && p->s[i + 1] >= '1' && p->s[i + 1] <= '4'
        && (i == 0 || !(ascii_alpha(p->s[i - 1]) || isdig(p, i - 1)))
        && (i + 2 >= p->len
            || !(ascii_alpha(p->s[i + 2]) || isdig(p, i + 2) || p->s[i + 2] == '.'
                 || p->s[i + 2] == ':' || p->s[i + 2] == ')' || at(p, i + 2, "：")
                 || at(p, i + 2, "）")))) {
        kj_tx t;
        kj_tx_init(&t);
        t.q = p->s[i + 1] - '0';
        kj_dt_bare_quarter(c, &t, i);
        kj_dt_emit(c, i, i + 2, &t, NULL);
        return 2;
    }
    /* 1〜3月期 / 4-6月期: a quarter of the publication year */
    int64_t v2;
    size_t sl, e2;
    if (num_at(p, i, &v, &e, &nd, &z) && v >= 1 && v <= 10 && (v - 1) % 3 == 0
        && (sl = range_sep(p, e)) > 0 && dnum(p, e + sl, &v2, &e2, &nd, &z) && v2 == v + 2
        && at(p, e2, "月期")) {
        kj_tx t;
        kj_tx_init(&t);
        t.q = (int)(v + 2) / 3;
        kj_dt_bare_quarter(c, &t, i);
        e2 += strlen("月期");
        kj_dt_emit(c, i, e2, &t, NULL);
        return e2 - i;
    }
    /* 2025〜26年, 3〜5日: a range sharing its unit */
    int nd1;
    if (num_at(p, i, &v, &e, &nd1, &z) && (sl = range_sep(p, e)) > 0
        && dnum(p, e + sl, &v2, &e2, &nd, &z)
        && (v2 > v || (v >= 1000 && v2 < 100 && v - v % 100 + v2 > v))) {
        /* 25〜30年ごろ: two abbreviated years, when the end reads as a year */
        bool yy = nd1 == 2 && nd == 2 && at(p, e2, "年")
                  && (year_point(p, e2 + strlen("年")) || recent_years(p, i, v, v2, e2 + strlen("年")));
        bool yr = at(p, e2, "年") && (year_like(v, 4, false) || yy) && !at(p, e2, "年間");
        /* the abbreviated end (2025〜26) is for years only: a month or
         * day range runs from a smaller number of its own kind */
        bool mo = at(p, e2, "月") && v >= 1 && v < v2 && v2 <= 12 && !at(p, e2, "月期")
                  && !at(p, e2, "月間");
        /* 2〜3日かかる, 3〜4日ほど: a range of lengths (day_is_length on
         * its high end), read by duration() */
        bool dy = at(p, e2, "日") && v >= 1 && v < v2 && v2 <= 31 && !at(p, e2, "日間")
                  && !day_is_length(p, e + sl);
        if (yr || mo || dy) {
            kj_tx a, b;
            kj_tx_init(&a);
            kj_tx_init(&b);
            const char *unit = yr ? "年" : mo ? "月" : "日";
            if (yy) {
                a.y = full_year(p, v, 2);
                b.y = a.y - (int)v + (int)v2;
                a.grain = b.grain = KJ_G_YEAR;
                a.yset = b.yset = true;
            } else if (yr) {
                a.y = (int)v;
                b.y = v2 < 100 ? (int)(v - v % 100 + v2) : (int)v2;
                a.grain = b.grain = KJ_G_YEAR;
                a.yset = b.yset = true;
            } else if (mo) {
                a.m = (int)v, b.m = (int)v2;
                a.grain = b.grain = KJ_G_MONTH;
                complete(p, &a, i, false, false);
                b.y = a.y;
                b.rel = a.rel;
            } else {
                a.d = (int)v, b.d = (int)v2;
                a.grain = b.grain = KJ_G_DAY;
                complete(p, &a, i, false, false);
                b.y = a.y, b.m = a.m, b.rel = a.rel;
            }
            e2 += strlen(unit);
            kj_dt_emit(c, i, e2, &a, &b);
            return e2 - i;
        }
    }
    /* 3、4日: two bare days */
    size_t ps2, pe2;
    if (day_pair(p, i, &v, &e, &v2, &ps2, &pe2)) {
        kj_tx a, b;
        kj_tx_init(&a);
        a.d = (int)v;
        a.grain = KJ_G_DAY;
        complete(p, &a, i, false, false);
        b = a;
        b.d = (int)v2;
        if (!a.m || b.d <= kj_mdays(a.y, a.m)) {
            kj_dt_emit(c, i, e, &a, NULL);
            kj_dt_emit(c, ps2, pe2, &b, NULL);
            return pe2 - i;
        }
    }
    /* 金曜日, 先週金曜日 */
    kj_tx t;
    int wdn;
    size_t wl;
    size_t no = 0;
    if ((n = dword(p, i, &w)) > 0 && (w->kind == KJ_W_WEEK || w->kind == KJ_W_AWEEK)
        && ((wdn = weekday_at(p, i + n, &wl)) > 0
            || (at(p, i + n, "の") && (wdn = weekday_at(p, i + n + (no = strlen("の")), &wl)) > 0))) {
        /* 先週金曜日, 今週の金曜日, 翌週の月曜日 */
        n += no;
        kj_tx_init(&t);
        t.grain = KJ_G_DAY;
        t.rel = true;
        kj_tx a;
        kj_tx_init(&a);
        if (w->kind == KJ_W_AWEEK)
            kj_dt_anaphor(c, &a, KJ_G_DAY, 7 * w->arg);
        if (w->kind == KJ_W_AWEEK ? a.y && a.m && a.d : c->py) {
            long dn = w->kind == KJ_W_AWEEK ? kj_days(a.y, a.m, a.d)
                                            : kj_days(c->py, c->pm, c->pd) + 7L * w->arg;
            dn += wdn - kj_wday(dn);
            kj_civil(dn, &t.y, &t.m, &t.d);
            p->wend = i + n + wl;
            p->wday_dn = dn;
        }
        kj_tx b;
        bool ranged;
        if ((e = weekday_clock(p, i + n + wl, &t, &b, &ranged)) > 0
            || (e = weekday_date(p, i + n + wl, &t)) > 0) {
            kj_dt_emit(c, i, e, &t, ranged ? &b : NULL);
            return e - i;
        }
        kj_dt_emit(c, i, i + n + wl, &t, NULL);
        return n + wl;
    }
    if ((wdn = weekday_at(p, i, &wl)) > 0) {
        size_t st;
        uint32_t pc = i > 0 ? kj_cp_prev(p->c->d, i, &st) : 0;
        if (!kj_is_digit(pc) && !kj_is_kanji(pc) && !at(p, i + wl, "日") &&
            !weekday_in_name(p, i, wl, pc)) {
            kj_tx_init(&t);
            st = i;
            int dir = kj_before(p->s, i, "次の") ? 1 : kj_before(p->s, i, "前の") ? -1 : 0;
            if (dir && c->py) {
                /* 次の土曜日 / 前の水曜日: the next / last such day, never today */
                long dn = kj_days(c->py, c->pm, c->pd);
                int gap = dir > 0 ? (wdn - kj_wday(dn) + 7) % 7 : (kj_wday(dn) - wdn + 7) % 7;
                kj_civil(dn + dir * (gap ? gap : 7), &t.y, &t.m, &t.d);
                t.grain = KJ_G_DAY;
                t.rel = true;
                st = i - strlen("次の");
            } else if (p->wend != SIZE_MAX && i >= strlen("から")
                       && p->wend == i - strlen("から") && kj_before(p->s, i, "から")) {
                /* 来週の水曜日から金曜日: the first such day after the start */
                int gap = (wdn - kj_wday(p->wday_dn) + 7) % 7;
                kj_civil(p->wday_dn + (gap ? gap : 7), &t.y, &t.m, &t.d);
                t.grain = KJ_G_DAY;
                t.rel = true;
            } else {
                kj_dt_weekday(c, &t, wdn, i);
                /* 水曜日の会合で決めた on a Tuesday: a past event, the
                 * week just past */
                if (t.y && kj_days(t.y, t.m, t.d) > kj_days(c->py, c->pm, c->pd)
                    && kj_dt_weekday_past_ja(c, i, i + wl))
                    kj_dt_shift(&t, KJ_G_DAY, -7);
            }
            size_t k = i + wl, e3, sl2, wl2;
            int wd2;
            kj_tx b;
            bool ranged;
            if ((e3 = weekday_clock(p, k, &t, &b, &ranged)) > 0) {
                /* 金曜日午後3時, 月曜日の3時から8時まで */
                if (ranged) {
                    kj_dt_emit(c, st, e3, &t, &b);
                    return e3 - i;
                }
                k = e3;
            } else if ((e3 = weekday_date(p, k, &t)) > 0) {
                k = e3; /* 金曜日6月15日 */
            } else if (t.d && (sl2 = range_sep(p, k)) > 0
                       && (wd2 = weekday_at(p, k + sl2, &wl2)) > 0) {
                /* 土曜日〜月曜日: one date with max */
                b = t;
                kj_dt_shift(&b, KJ_G_DAY, (wd2 - wdn + 7) % 7);
                kj_dt_emit(c, st, k + sl2 + wl2, &t, &b);
                return k + sl2 + wl2 - i;
            }
            size_t se = k == i + wl ? slot_end(p, st, k) : weekly_slot(p, st, k) ? k : 0;
            if (se) {
                kj_dt_set(c, st, se, "P1W");
                return se - i;
            }
            if (t.y && t.m && t.d) {
                p->wend = k;
                p->wday_dn = kj_days(t.y, t.m, t.d);
            }
            kj_dt_emit(c, st, k, &t, NULL);
            return k - i;
        }
    }
    /* dates */
    /* 1/30(木): a month and day with a slash only before a weekday (1/3
     * alone is as likely a fraction) */
    int64_t bm, bd;
    size_t be;
    if (md_slash(p, i, &v, &v2, &e2)) {
        kj_tx_init(&t);
        t.m = (int)v;
        t.d = (int)v2;
        t.grain = KJ_G_DAY;
        size_t end = 0;
        kj_tx tt = t, b;
        if ((wl = weekday_paren(p, e2)) > 0) {
            end = e2 + wl;
        } else if (at(p, e2, "の") && (e = part_time(p, e2 + strlen("の"), &tt, true)) > 0
                   && tt.hh >= 0) {
            t = tt; /* 12/9の16:00 */
            end = e;
        } else if (at(p, e2, "の") && weekday_at(p, e2 + strlen("の"), &wl) > 0) {
            end = e2 + strlen("の") + wl; /* 1/30の木曜日 */
        } else if ((sl = range_sep(p, e2)) > 0 && md_slash(p, e2 + sl, &bm, &bd, &be)
                   && (bm > v || (bm == v && bd > v2))) {
            /* 2/1〜2/14: one date with max */
            complete(p, &t, i, false, true);
            b = t;
            b.m = (int)bm;
            b.d = (int)bd;
            kj_dt_emit(c, i, be, &t, &b);
            return be - i;
        }
        if (!end && md_bare(p, i, v, v2, e2))
            end = e2;
        if (end) {
            complete(p, &t, i, false, true);
            kj_dt_emit(c, i, end, &t, NULL);
            return end - i;
        }
    }
    /* 令和00年, 平成100年: no year of that era, and its digits are no
     * year either (not 2000) */
    int32_t era;
    if (!isdig(p, i) && era_may_start_at(p, i)
        && (n = kj_dict_longest(c->dd->era, p->s, p->len, i, &era)) > 1
        && era >= 0 && (size_t)era < c->dd->nera_modern
        && isdig(p, i + n) && dnum(p, i + n, &v, &e, &nd, &z) && (v < 1 || v > 99))
        return e - i;
    if (!isdig(p, i) && (e = era_numeric(p, i, &t)) > 0) {
        e += date_qual(p, i, e, &t.qual);
        kj_dt_emit(c, i, e, &t, NULL);
        return e - i;
    }
    if ((e = slash_date(p, i, &t)) > 0) {
        kj_tx b;
        size_t wl3;
        if (t.grain == KJ_G_DAY && (wl3 = weekday_paren(p, e)) > 0)
            e += wl3;
        else if (t.grain == KJ_G_DAY && at(p, e, " ")
                 && ((wl3 = weekday_paren(p, e + 1)) > 0 || weekday_at(p, e + 1, &wl3) > 0))
            e += 1 + wl3; /* 2018-7-6 金曜日, 2025/3/13 (木) */
        size_t e3 = year_range_end(p, e, &t, &b);
        if (!e3)
            e += date_qual(p, i, e, &t.qual); /* 2021/7/18以降 */
        kj_dt_emit(c, i, e3 ? e3 : e, &t, e3 ? &b : NULL);
        return (e3 ? e3 : e) - i;
    }
    /* 午後13時, 午前15時: a meridiem before an hour past twelve is no time */
    if ((at(p, i, "午後") || at(p, i, "午前")) && isdig(p, i + strlen("午後"))
        && dnum(p, i + strlen("午後"), &v, &e, &nd, &z) && v > 12 && v < 100 && at(p, e, "時")
        && !at(p, e, "時間"))
        return e + strlen("時") - i;
    /* 第1日, 大会第4日: the Nth day of a meeting or a tournament, an ordinal
     * (GUIDELINES: ordinals are optional quantities), not a day of the month;
     * 第2日曜日 is a weekday's rank */
    if (kj_before(p->s, i, "第") && isdig(p, i) && num_at(p, i, &v, &e, &nd, &z)
        && at(p, e, "日") && !at(p, e, "日曜"))
        return e + strlen("日") - i;
    if ((n = day_rate(p, i)) > 0)
        return n;
    /* 週5日制, 週休2日制: N日 before 制 names a system of so many days a
     * week, no day of the month and no length (not 5日制作, 2日制定: a
     * kanji after 制 makes another word) */
    size_t se;
    if (isdig(p, i) && num_at(p, i, &v, &e, &nd, &z) && at(p, e, "日制")
        && ((se = e + strlen("日制")) >= p->len || !kj_is_kanji(kj_cp_next(p->c->d, p->len, &se))))
        return e + strlen("日制") - i;
    bool dur_years = years_are_duration(p, i);
    if (!dur_years && !day_is_length(p, i) && (e = parse_date(p, i, &t)) > 0) {
        kj_tx b, *max = NULL;
        size_t e3;
        range_year(p, i, &t);
        range_start_year(p, e, &t);
        /* 今日から2日後, 昨日の2日前: one date counted from that day */
        size_t k2 = at(p, e, "から") ? e + strlen("から") : at(p, e, "の") ? e + strlen("の") : 0;
        const kj_dword *dw;
        size_t dn;
        if (k2 && t.grain == KJ_G_DAY && (dn = dword(p, i, &dw)) > 0 && dn == e - i
            && (dw->kind == KJ_W_DAY || dw->kind == KJ_W_ADAY) && length_ago(p, k2)) {
            p->apos = k2;
            p->ast = i;
            p->anchor = t;
            p->aused = false;
            size_t n2 = duration(p, k2, false);
            p->apos = SIZE_MAX;
            if (n2 && p->aused)
                return n2 - i;
            if (n2) {
                kj_dt_emit(c, i, e, &t, NULL);
                return n2 - i;
            }
        }
        /* 午後1時30分から3時10分: one date with max */
        if ((e3 = time_range_end(p, e, &t, &b)) > 0) {
            kj_dt_emit(c, i, e3, &t, &b);
            return e3 - i;
        }
        /* 午後1時と3時, 午後2時、4時半: a bare clock listed after one in the
         * afternoon shares its 午後 */
        size_t bs;
        if ((e3 = listed_pm_time(p, i, e, &t, &b, &bs)) > 0) {
            kj_dt_emit(c, i, e, &t, NULL);
            kj_dt_emit(c, bs, e3, &b, NULL);
            return e3 - i;
        }
        if ((e3 = listed_minutes(p, i, e, &t)) > 0)
            return e3 - i;
        /* 23時-25時, 3時-5時70分: a range whose end is no clock is no time */
        if (t.hh >= 0 && (sl = range_sep(p, e)) > 0 && isdig(p, e + sl)
            && num_at(p, e + sl, &v, &e2, &nd, &z) && at(p, e2, "時") && !at(p, e2, "時間"))
            return e - i;
        /* 3月13〜15日: one date with max */
        if (t.grain == KJ_G_MONTH && !t.mod && num_at(p, e, &v, &e2, &nd, &z) && v >= 1
            && v <= 31 && (sl = range_sep(p, e2)) > 0 && dnum(p, e2 + sl, &v2, &e3, &nd, &z)
            && v2 > v && v2 <= 31 && at(p, e3, "日")) {
            t.d = (int)v;
            t.grain = KJ_G_DAY;
            b = t;
            b.d = (int)v2;
            max = &b;
            kj_dt_emit(c, i, e3 + strlen("日"), &t, max);
            return e3 + strlen("日") - i;
        }
        /* 12月3、4日: two days of that month */
        if (t.grain == KJ_G_MONTH && !t.mod && t.m && day_pair(p, e, &v, &e2, &v2, &ps2, &e3)
            && v2 <= kj_mdays(t.y, t.m)) {
            t.d = (int)v;
            t.grain = KJ_G_DAY;
            if (!t.yset && !t.rel)
                complete(p, &t, i, false, true);
            b = t;
            b.d = (int)v2;
            kj_dt_emit(c, i, e2, &t, NULL);
            kj_dt_emit(c, ps2, e3, &b, NULL);
            return e3 - i;
        }
        /* 5月の第2日曜日, 来月の最初の金曜日, 11月の最終木曜日, 4月最後の月曜日:
         * the Nth (or the last) weekday of that month, with its clock after it */
        size_t k = at(p, e, "の") ? e + strlen("の") : e, wl2;
        int wd;
        v = 0;
        if (at(p, k, "第") && dnum(p, k + strlen("第"), &v, &e2, &nd, &z) && v >= 1 && v <= 5)
            ;
        else if (at(p, k, "最初の"))
            v = 1, e2 = k + strlen("最初の");
        else if (at(p, k, "最後の") || at(p, k, "最終"))
            v = -1, e2 = k + (at(p, k, "最終") ? strlen("最終") : strlen("最後の"));
        else
            v = 0;
        if (v && t.grain == KJ_G_MONTH && !t.mod && t.y && t.m
            && (wd = weekday_at(p, e2, &wl2)) > 0) {
            long first = kj_days(t.y, t.m, 1);
            int md = kj_mdays(t.y, t.m);
            int d = v > 0 ? 1 + (wd - kj_wday(first) + 7) % 7 + 7 * (int)(v - 1)
                          : md - (kj_wday(first + md - 1) - wd + 7) % 7;
            if (d <= md) {
                t.d = d;
                t.grain = KJ_G_DAY;
                bool ranged;
                if ((e3 = weekday_clock(p, e2 + wl2, &t, &b, &ranged)) > 0) {
                    kj_dt_emit(c, i, e3, &t, ranged ? &b : NULL);
                    return e3 - i;
                }
                p->mend = e2 + wl2;
                p->mlast = t;
                kj_dt_emit(c, i, e2 + wl2, &t, NULL);
                return e2 + wl2 - i;
            }
        }
        /* 1月の第3週, 7月の最後の週, 2018年の第3週, 2015年の最初の週: ISO weeks,
         * a month's being those whose Thursday falls in it */
        if ((e2 = week_of(p, k, &t)) > 0) {
            kj_dt_emit(c, i, e2, &t, NULL);
            return e2 - i;
        }
        /* 2013年12月26日〜2014年1月7日: both years given, one range */
        if ((e3 = year_range_end(p, e, &t, &b)) > 0) {
            kj_dt_emit(c, i, e3, &t, &b);
            return e3 - i;
        }
        /* 3月11日〜9月10日: two dates; the second inherits the year through
         * kj_dt_bare_md's look-back. 西暦2021年: the era word is part of it */
        size_t st = t.yset && isdig(p, i) && kj_before(p->s, i, "西暦") ? i - strlen("西暦") : i;
        if ((t.grain == KJ_G_MONTH || t.grain == KJ_G_DAY) && t.y && t.m) {
            p->mend = e;
            p->mlast = t;
        }
        if (!t.qual)
            e += date_qual(p, st, e, &t.qual);
        kj_dt_emit(c, st, e, &t, NULL);
        return e - i;
    }
    /* 3年前, 2週間, 数日間, 半年 */
    if ((n = duration(p, i, dur_years)) > 0)
        return n - i;
    if (dur_years && num_at(p, i, &v, &e, &nd, &z))
        return e - i;
    /* 毎年, 一時, 元日 */
    if ((n = dword(p, i, &w)) > 0) {
        if (w->kind == KJ_W_SET && press_mainichi(p, i, n))
            return n;
        if (w->kind == KJ_W_SET) {
            /* 毎週月曜日, 毎週の金曜日午後8時, 毎日午後3時, 毎朝7時: one set, the
             * weekday and clock belong to it (no date of their own) */
            size_t j = i + n, k, wl2 = 0;
            kj_tx tt;
            kj_tx_init(&tt);
            if (strcmp(w->s, "P1W") == 0) {
                k = at(p, j, "の") ? j + strlen("の") : j;
                if (weekday_at(p, k, &wl2) > 0)
                    j = k + wl2;
            }
            if (strcmp(w->s, "P1D") == 0 || wl2) {
                k = at(p, j, "の") ? j + strlen("の") : j;
                if ((e = part_time(p, k, &tt, true)) > 0 && tt.hh >= 0)
                    j = e;
            }
            kj_dt_set(c, i, j, w->s);
            return j - i;
        }
        if (w->kind == KJ_W_MD) {
            kj_tx h;
            kj_tx_init(&h);
            h.m = w->arg / 100;
            h.d = w->arg % 100;
            h.grain = KJ_G_DAY;
            kj_dt_bare_md(c, &h, i);
            /* 元日午前0時, 元旦の深夜0時: one date with its time, as 1日午前0時
             * (GUIDELINES: 16日午前6時 is one date) */
            kj_tx tt = h;
            size_t k = i + n, te;
            bool tno = at(p, k, "の");
            if (tno)
                k += strlen("の");
            if ((te = part_time(p, k, &tt, true)) > 0 && (!tno || tt.hh >= 0)) {
                kj_dt_emit(c, i, te, &tt, NULL);
                return te - i;
            }
            kj_dt_emit(c, i, i + n, &h, NULL);
            return n;
        }
        if (w->kind == KJ_W_NOT)
            return n;
        if (w->kind == KJ_W_SEASON) {
            /* 今冬 in January is the winter that began last December */
            kj_tx f;
            kj_tx_init(&f);
            f.grain = KJ_G_SEASON;
            f.q = 0;
            for (int k = 0; k < 4; k++)
                if (strcmp(w->s, (const char *[]){"SP", "SU", "FA", "WI"}[k]) == 0)
                    f.q = k + 1;
            f.rel = true;
            if (c->py)
                f.y = c->py + w->arg - (f.q == 4 && c->pm <= 3 ? 1 : 0);
            kj_dt_emit(c, i, i + n, &f, NULL);
            return n;
        }
        if (w->kind == KJ_W_AWEEK) {
            /* 翌週: the week after the last date's */
            kj_tx f;
            kj_tx_init(&f);
            kj_dt_anaphor(c, &f, KJ_G_DAY, 7 * w->arg);
            f.grain = KJ_G_WEEK;
            if (f.y && f.m && f.d) {
                int wy, wk;
                kj_isoweek(kj_days(f.y, f.m, f.d), &wy, &wk);
                f.y = wy, f.wk = wk;
            } else {
                f.y = 0;
            }
            f.m = f.d = 0;
            kj_dt_emit(c, i, i + n, &f, NULL);
            return n;
        }
        if (w->kind == KJ_W_FY || w->kind == KJ_W_WEEK) {
            kj_tx f;
            kj_tx_init(&f);
            kj_dt_rel(c, &f, w->kind, w->arg);
            size_t j = i + n;
            /* 今週末 is a week's part; 今年度末 the end of a fiscal year */
            if ((e = fy_end(p, j, &f)) > 0 || (w->kind == KJ_W_WEEK && (e = part_mod(p, j, &f)) > 0))
                j = e;
            kj_dt_emit(c, i, j, &f, NULL);
            return j - i;
        }
    }
    return 0;
}

void kj_date_ja_starts(struct kj_datedata *dd)
{
    /* the numerals kj_num_scan starts a Japanese number with (num.c) */
    static const char *const num[] = {"〇", "零", "一", "壱", "二", "弐", "三", "参", "四", "五",
                                      "六", "七", "八", "九", "十", "百", "千", "万", "億", "兆",
                                      "京"};
    for (size_t k = 0; k < sizeof num / sizeof num[0]; k++)
        kj_dt_mark_start(dd, num[k]);
    /* the first characters of the literals try_at and the parts test at a
     * date's first position (also in dd->jlit, for worth_trying): (木),
     * 年1回, 月2回, 週3日, 一日3回, 第2四半期, 同9日, 正午, 四半世紀,
     * 数日間, 半年, 金曜日, 紀元前, 今世紀, 来世紀, 本四半期, 当四半期, Q2 */
    static const char *const lit[] = {"(",  "年", "月", "週", "一", "第", "同", "正", "四",
                                      "数", "半", "火", "水", "木", "金", "土", "日",
                                      "紀", "今", "来", "本", "当", "Q"};
    for (size_t k = 0; k < sizeof lit / sizeof lit[0]; k++) {
        size_t i = 0;
        uint32_t cp = kj_u8_next(lit[k], strlen(lit[k]), &i);
        kj_dt_mark_start(dd, lit[k]);
        dd->jlit[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
    /* ASCII digits, and letters: word numerals and era initials (R7) */
    for (int ch = '0'; ch <= 'z'; ch++) {
        if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
            char u[2] = {(char)ch, 0};
            kj_dt_mark_start(dd, u);
        }
    }
}

/* Can a date start at i? One bit test for most positions. The character
 * at i and the start of the next go to *cp and *k for worth_trying. */
static bool may_start(const jp *p, size_t i, uint32_t *cp, size_t *k)
{
    const struct kj_datedata *dd = p->c->dd;
    unsigned char b = (unsigned char)p->s[i];
    if (b < 0x80) {
        *cp = b;
        *k = i + 1;
        return dd->jstart[b >> 3] & (1u << (b & 7));
    }
    if (b >= 0xF0 && !dd->start4)
        return false;
    *k = i;
    *cp = kj_cp_next(p->c->d, p->len, k);
    return b >= 0xF0 || (*cp < 0x10000 && (dd->jstart[*cp >> 3] & (1u << (*cp & 7))));
}

/* Can a number (kj_dt_num) start at k: an ASCII digit, or what
 * kj_num_scan reads, which it reads only where kj_num_may_start says so? */
static bool num_may_start(const jp *p, size_t k)
{
    return k < p->len && (isdig(p, k) || kj_num_may_start(p->c->d, k));
}

/* Can a literal of the scanner that begins with the character cp (a bit of
 * jlit) start at i, the character after cp starting at k? By what each
 * reader reads after that first character (kj_date_ja_starts lists the
 * literals):
 *   年 月 週     年1回, 月2回, 週3日, 年に1ヶ月 (try_at): に or a number
 *   月 .. 日     金曜日, 金曜 (weekday_at): 曜
 *   一 一日3回 (try_at); 四 四半世紀 (duration); 正 正午 (part_time);
 *   紀 紀元前, 紀元後 (part_year, part_century); 今 来 今世紀, 来世紀
 *   (part_century); 今 本 当 今四半期 (try_at)
 *   第 第2四半期 (try_at); 同 同9日 (part_day): a number
 * Others ( ( Q 数 半 ) pass. A character refused here may still start a
 * word of the list, an era name or a number: worth_trying tests those. */
static bool lit_may_start(const jp *p, uint32_t cp, size_t k)
{
    switch (cp) {
    case 0x5E74: /* 年 */
    case 0x9031: /* 週 */
        return at(p, k, "に") || num_may_start(p, k);
    case 0x6708: /* 月 */
        return at(p, k, "曜") || at(p, k, "に") || num_may_start(p, k);
    case 0x706B: /* 火 */
    case 0x6C34: /* 水 */
    case 0x6728: /* 木 */
    case 0x91D1: /* 金 */
    case 0x571F: /* 土 */
    case 0x65E5: /* 日 */
        return at(p, k, "曜");
    case 0x4E00: /* 一 */
        return at(p, k, "日");
    case 0x56DB: /* 四 */
        return at(p, k, "半");
    case 0x6B63: /* 正 */
        return at(p, k, "午");
    case 0x7D00: /* 紀 */
        return at(p, k, "元");
    case 0x4ECA: /* 今 */
        return at(p, k, "世紀") || at(p, k, "四半期");
    case 0x6765: /* 来 */
        return at(p, k, "世紀");
    case 0x672C: /* 本 */
    case 0x5F53: /* 当 */
        return at(p, k, "四半期");
    case 0x7B2C: /* 第 */
    case 0x540C: /* 同 */
        return num_may_start(p, k);
    }
    return true;
}

/* Can try_at match at i, a position may_start lets through? Every way it
 * matches begins at i with a scanner literal (dd->jlit, from
 * kj_date_ja_starts), a word of the Japanese list, an era name or a number
 * (kj_dt_num; num_at and clock read no other), so a position with none of
 * them is skipped: most kana and kanji that merely begin some listed word,
 * and Latin letters. The word and the number are remembered for try_at. */
static bool worth_trying(jp *p, size_t i, uint32_t cp, size_t k)
{
    const uint8_t *lit = p->c->dd->jlit;
    unsigned char b = (unsigned char)p->s[i];
    const kj_dword *w;
    if (b >= '0' && b <= '9') {
        if (i == 0 || !(p->s[i - 1] >= '0' && p->s[i - 1] <= '9'))
            return true;
        /* the tail of a run of digits: every reader that reads a number at
         * i does so through num_at or tests the byte before itself, and
         * both refuse it (saying_at, slash_date, decimal_at, part_time);
         * what is left is a word of the list or an era name (part_year) */
        int32_t era;
        return dword(p, i, &w) > 0
               || (era_may_start(p->c->dd, b)
                   && kj_dict_longest(p->c->dd->era, p->s, p->len, i, &era) > 0);
    }
    if (cp < 0x10000 && (lit[cp >> 3] & (1u << (cp & 7))) && lit_may_start(p, cp, k))
        return true;
    if (p->wpos != i) {
        /* dword_fill_cp, its filter inline, with the third character */
        p->wpos = i;
        p->wn = word_may_start3(p, cp, k) ? kj_dt_word(p->c, false, i, &p->ww) : 0;
    }
    if (p->wn > 0)
        return true;
    /* an era initial (R7) after a letter or digit is no era, nor one that
     * no number follows (part_year and era_numeric read one right after
     * the initial: The, TPP, SNS start none) */
    int32_t era;
    size_t en = era_may_start(p->c->dd, cp) ? kj_dict_longest(p->c->dd->era, p->s, p->len, i, &era)
                                            : 0;
    unsigned char pb = i > 0 ? (unsigned char)p->s[i - 1] : ' ';
    bool glued = (pb >= '0' && pb <= '9') || (pb >= 'A' && pb <= 'Z') || (pb >= 'a' && pb <= 'z');
    if (en > 1 || (en == 1 && !glued && num_may_start(p, i + 1)))
        return true;
    /* not a digit here, so a number only as one kj_num_scan reads, which it
     * reads only where kj_num_may_start says it may (its own first test;
     * its non-ASCII half inline, for a character read whole) */
    const kiji_doc *d = p->c->d;
    const struct kj_numeric *numeric = d->p->numeric;
    if (b >= 0x80 && numeric && k - i == (size_t)kj_u8_len(b)
            ? !kj_num_cp_may_start(numeric, d, i, cp)
            : !kj_num_may_start(d, i))
        return false;
    int64_t v;
    size_t e;
    int nd;
    bool z;
    /* 二十数年, 十数日: a vague numeral, which dnum refuses, may start a
     * length (duration); 数 within its next two characters */
    return dnum(p, i, &v, &e, &nd, &z) || at(p, k, "数") || (k + 3 < p->len && at(p, k + 3, "数"));
}

/* The JSCAN_AFTER_* bits (rec_date.h) a byte before a character gives:
 * every byte JSCAN_AFTER_ANY, a digit JSCAN_AFTER_DIGIT, a digit or ASCII
 * letter JSCAN_AFTER_ALNUM, a byte but a space or line break
 * JSCAN_AFTER_NOSP. */
#define AFTER_BYTE(b)                                                                      \
    (JSCAN_AFTER_ANY | ((b) != ' ' && (b) != '\n' ? JSCAN_AFTER_NOSP : 0)                   \
     | ((b) >= '0' && (b) <= '9' ? JSCAN_AFTER_DIGIT | JSCAN_AFTER_ALNUM : 0)              \
     | (((b) >= 'A' && (b) <= 'Z') || ((b) >= 'a' && (b) <= 'z') ? JSCAN_AFTER_ALNUM : 0))
#define AFTER_BYTE4(b) AFTER_BYTE(b), AFTER_BYTE((b) + 1), AFTER_BYTE((b) + 2), AFTER_BYTE((b) + 3)
#define AFTER_BYTE16(b)                                                                    \
    AFTER_BYTE4(b), AFTER_BYTE4((b) + 4), AFTER_BYTE4((b) + 8), AFTER_BYTE4((b) + 12)
#define AFTER_BYTE64(b)                                                                    \
    AFTER_BYTE16(b), AFTER_BYTE16((b) + 16), AFTER_BYTE16((b) + 32), AFTER_BYTE16((b) + 48)
static const uint8_t after_byte[256] = {AFTER_BYTE64(0), AFTER_BYTE64(64), AFTER_BYTE64(128),
                                        AFTER_BYTE64(192)};

/* At i, above 0 and below lim3 (the scan's bound: every character of up
 * to three bytes that starts below it ends by the limit of the
 * decoded-character table cpx), a character of jstart and of dd->jword, its entry v in cpx
 * and its bits t in jscan: is it certain that worth_trying fails here?
 * Where jword says so, it passes only where word_may_start does, or
 * through a number or an era initial where the byte before is not one
 * its JSCAN_AFTER_* bit names (a digit after no digit, an ASCII letter
 * after no letter or digit, hiragana after a space or a line break):
 * those are left to it. So this is word_may_start's test on
 * the pair read from the table, and no answer (false) where the next
 * character does not start below lim3 as one of the BMP. jpair and s are
 * c->dd->jpair and c->s, held by the scan loop so that they are not
 * loaded again at each character. */
static inline __attribute__((always_inline)) bool
word_only_fails(const uint32_t *cpx, const uint8_t *jpair, const char *s, size_t i, uint32_t v,
                unsigned t, size_t lim3)
{
    unsigned char pb = (unsigned char)s[i - 1];
    if (!(after_byte[pb] & t))
        return false;
    size_t k = i + (v >> KJ_CPX_LEN_SHIFT);
    if (k >= lim3)
        return false;
    uint32_t w = cpx[k];
    if (w >= (uint32_t)4 << KJ_CPX_LEN_SHIFT)
        return false;
    size_t h = kj_dt_pair(v & 0xFFFF, w & 0xFFFF);
    return !(jpair[h >> 3] & (1u << (h & 7)));
}

void kj_date_scan_ja(kj_dctx *c)
{
    jp p = {.c = c, .s = c->s, .len = c->len, .wpos = SIZE_MAX, .napos = SIZE_MAX, .hpos = SIZE_MAX,
            .wend = SIZE_MAX, .mend = SIZE_MAX, .apos = SIZE_MAX, .kpos = SIZE_MAX};
    for (unsigned k = 0; k < 4; k++)
        p.nc[k].pos = SIZE_MAX;
    struct work_titles wt = {0};
    p.wt = &wt;
    p.t0 = first_kagi2(c->s, c->len);
    /* the decoded-character table covers d->norm; c->len is at most its
     * length, the bound is taken again for the table reads */
    const uint32_t *cpx = c->d->cpx;
    const uint8_t *jscan = c->dd->jscan, *jpair = c->dd->jpair;
    size_t lim = c->len < c->d->norm_len ? c->len : c->d->norm_len;
    /* below lim3 every character of up to three bytes ends by lim */
    size_t lim3 = lim > 2 ? lim - 2 : 0;
    size_t i = 0;
    while (i < c->len) {
        /* most characters start no date: one load of the table and one
         * byte of jscan (jstart's bit) step over a whole character
         * (may_start's answer for a valid sequence of the BMP that ends by
         * the limit); most of the others (hiragana, letters inside a Latin
         * word, digits inside a run of digits: the byte before tested with
         * one load of after_byte) can start only a word of the list, which
         * the pair after them rules out.
         * An entry below KJ_CPX_SLOW of length at most 3 (below 4 <<
         * KJ_CPX_LEN_SHIFT) is a character of the BMP; the first character
         * (no byte before it) and the last two bytes before lim take the
         * outer loop's way. The work count takes one
         * per character stepped over, as if each were a round of the
         * outer loop. */
        size_t stepped = 0;
        uint32_t v = 0;
        bool seen = false; /* stopped at a character of jstart, its entry v */
        while (i < lim3 && i > 0) {
            v = cpx[i];
            if (v >= (uint32_t)4 << KJ_CPX_LEN_SHIFT)
                break;
            unsigned t = jscan[v & 0xFFFF]; /* the code point: of the BMP */
            if (t && !((t & JSCAN_WORD) && word_only_fails(cpx, jpair, p.s, i, v, t, lim3))) {
                seen = true;
                break;
            }
            i += v >> KJ_CPX_LEN_SHIFT;
            stepped++;
        }
        c->d->work += stepped;
        if (i >= c->len)
            break;
        c->d->work++;
        size_t n = 0, k = i;
        uint32_t cp = 0;
        /* where the step stopped at a character of jstart, may_start's
         * answer (yes), the character and the next start are known */
        if (seen)
            cp = v & 0xFFFF, k = i + (v >> KJ_CPX_LEN_SHIFT);
        if ((seen || may_start(&p, i, &cp, &k)) && !kj_claim_at(c->d, i)
            && worth_trying(&p, i, cp, k) && (n = in_work_title(&p, i)) == 0
            && (n = in_kagi2_title(&p, i)) == 0) {
            int hy, hm, hd, py = c->py, pm = c->pm, pd = c->pd;
            bool h = headline_date(&p, i, &hy, &hm, &hd);
            if (h) {
                p.hl = true, p.opy = py, p.opm = pm, p.opd = pd;
                c->py = hy, c->pm = hm, c->pd = hd;
            }
            n = try_at(&p, i);
            if (h) {
                p.hl = false;
                c->py = py, c->pm = pm, c->pd = pd;
            }
        }
        i += n ? n : (size_t)kj_u8_len((unsigned char)c->s[i]);
    }
}
