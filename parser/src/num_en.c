/*
 * num_en.c -- English number words for kj_num_scan: three, twenty-five,
 * two hundred and five thousand, ninety-five hundred, 1.2 billion, 530 bln,
 * three lakh crore, a dozen, half a million, two thirds (of a million), one
 * and a half, five point five, two point two million, three billions (a
 * plural scale after a count); fractions over ordinals (one twenty-fifth,
 * one hundred thirty-fifths, a hundred trillionths), and after digits and a
 * scale the smaller parts (4 thousand 3 hundred and 21, 3 million and a
 * half). Words come from parser/data/en/numbers.txt; a number is a run of
 * at most 16 words, read once (the fold buffer bounds every scan).
 */
#include <string.h>

#include "kj.h"
#include "rec_numeric.h"

static const kj_num NUM_ZERO = {0, 0, true};

static kj_num num_int(int64_t v)
{
    kj_num n = {v, 0, true};
    return n;
}

static bool is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || is_letter(c);
}

/* ---- English number words -------------------------------------------- */

/* Values in en/numbers.txt: 0..90 literal, 100 hundred, -3 -6 -9 -12 scales,
 * 1012 dozen, 5000 vague plurals (hundreds, dozens), 5001 "a", 5002 "half",
 * 5003 "and", 5004 "point", 6000 + d the ordinals third(s) .. hundredth(s),
 * 7000 + k the ordinals thousandth .. trillionth (10^k). */
enum {
    EN_DOZEN = 1012,
    EN_VAGUE = 5000,
    EN_A = 5001,
    EN_HALF = 5002,
    EN_AND = 5003,
    EN_POINT = 5004,
    EN_DEN = 6000,
    EN_DEN10 = 7000,
    EN_UNKNOWN = -1000
};

/* The ordinal's number: 1 (first), 3 (third, thirds), 20, 100, 10^k; 0 for
 * a word that is no ordinal. */
static int64_t en_ord(int32_t v)
{
    if (v > EN_DEN && v <= EN_DEN + 100)
        return v - EN_DEN;
    if (v > EN_DEN10 && v <= EN_DEN10 + 12) {
        int64_t p = 1;
        for (int i = 0; i < v - EN_DEN10; i++)
            p *= 10;
        return p;
    }
    return 0;
}

/* A fraction's denominator: half, and the ordinals from third on. */
static int64_t en_den(int32_t v)
{
    int64_t o = en_ord(v);
    return v == EN_HALF ? 2 : o >= 2 ? o : 0;
}

/* A first word that starts no number (first_word_known): "and", "point"
 * and an ordinal but a quarter or fourth ("quarter million"). */
static bool en_starts_none(int32_t v)
{
    return v == EN_AND || v == EN_POINT || (en_ord(v) > 0 && en_den(v) != 4);
}

static bool is_scale(int32_t v)
{
    return v < 0 && v >= -12;
}

typedef struct enword {
    size_t s, e; /* in buf */
    int32_t v;
    bool known;
} enword;

static bool word_is(const char *buf, const enword *w, const char *lit)
{
    size_t n = strlen(lit);
    return w->e - w->s == n && memcmp(buf + w->s, lit, n) == 0;
}

/* The power of ten of a scale written plural (thousands 3, millions 6,
 * billions 9, trillions 12; en/numbers reads them as vague plurals), or
 * 0. */
static int plural_scale(const char *buf, const enword *w)
{
    static const struct {
        const char *w;
        int sc;
    } pl[] = {{"thousands", 3}, {"millions", 6}, {"billions", 9}, {"trillions", 12}};
    for (size_t i = 0; i < sizeof pl / sizeof pl[0]; i++)
        if (word_is(buf, w, pl[i].w))
            return pl[i].sc;
    return 0;
}

/* FNV-1a over a word's bytes: the slot of nd->en_hash it starts at. */
static uint32_t en_hash_of(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

/* The value of w[0..n) (lower-case letters only) as a key of en_words:
 * the same answer as kj_dict_get, from the table kj_num_en_init fills
 * with every such key. */
static bool en_word_get(const struct kj_numeric *nd, const char *w, size_t n, int32_t *v)
{
    if (n == 0 || n >= sizeof nd->en_hash[0].key)
        return false;
    const size_t mask = sizeof nd->en_hash / sizeof *nd->en_hash - 1;
    for (size_t h = en_hash_of(w, n) & mask;; h = (h + 1) & mask) {
        const struct kj_en_key *k = &nd->en_hash[h];
        if (k->len == 0)
            return false;
        if (k->len != n)
            continue;
        size_t i = 0;
        while (i < n && k->key[i] == w[i])
            i++;
        if (i == n) {
            *v = k->v;
            return true;
        }
    }
}

/* Put a key of lower-case letters (shorter than a slot's key) with its
 * value in nd->en_hash, once. False when the table is full. */
static bool en_hash_put(struct kj_numeric *nd, const char *w, size_t n, int32_t v)
{
    const size_t cap = sizeof nd->en_hash / sizeof *nd->en_hash, mask = cap - 1;
    size_t h = en_hash_of(w, n) & mask;
    for (size_t probes = 0; probes < cap; probes++, h = (h + 1) & mask) {
        struct kj_en_key *k = &nd->en_hash[h];
        if (k->len == n && memcmp(k->key, w, n) == 0)
            return true;
        if (k->len == 0) {
            memcpy(k->key, w, n);
            k->len = (uint8_t)n;
            k->v = v;
            return true;
        }
    }
    return false;
}

static size_t en_words(const struct kj_numeric *nd, const char *buf, size_t n, enword *w,
                       size_t maxw)
{
    size_t k = 0, i = 0;
    while (i < n && k < maxw) {
        size_t s = i;
        while (i < n && buf[i] >= 'a' && buf[i] <= 'z')
            i++;
        if (i == s)
            break;
        w[k].s = s;
        w[k].e = i;
        w[k].known = en_word_get(nd, buf + s, i - s, &w[k].v);
        if (!w[k].known)
            w[k].v = EN_UNKNOWN;
        k++;
        if (!w[k - 1].known)
            break;
        /* one space or hyphen between words, or a spaced hyphen (fifty -
         * two) */
        size_t g = (i < n && (buf[i] == ' ' || buf[i] == '-')) ? 1 : 0;
        if (g && buf[i] == ' ' && i + 2 < n && buf[i + 1] == '-' && buf[i + 2] == ' ')
            g = 3;
        if (g && i + g < n && buf[i + g] >= 'a' && buf[i + g] <= 'z')
            i += g;
        else
            break;
    }
    return k;
}

/* Nothing but end of text or clause punctuation at buf[i] (a space
 * allowed before it). */
static bool clause_end(const char *buf, size_t n, size_t i)
{
    if (i < n && buf[i] == ' ')
        i++;
    return i >= n || buf[i] == '.' || buf[i] == ',' || buf[i] == ';' || buf[i] == ':' ||
           buf[i] == '!' || buf[i] == '?' || buf[i] == ')';
}

/* The folded word at buf[i] (lower-case letters up to a non-letter) found
 * in t as a whole word: its value in *v and its end in *end. Every lookup
 * of a word in the fold buffer goes through here. */
static bool buf_word(const kj_dict *t, const char *buf, size_t n, size_t i, int32_t *v, size_t *end)
{
    size_t e = i;
    while (e < n && buf[e] >= 'a' && buf[e] <= 'z')
        e++;
    *end = e;
    return t && e > i && (e == n || !is_alnum((unsigned char)buf[e])) &&
           kj_dict_get(t, buf + i, e - i, v);
}

/* s[b..e) lower-cased into low (at most cap bytes): the length, or 0 when
 * the run is longer or holds a non-letter. The one fold of a word read
 * from d->norm itself. */
static size_t lower_word(const char *s, size_t b, size_t e, char *low, size_t cap)
{
    if (e <= b || e - b > cap)
        return 0;
    for (size_t i = b; i < e; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        else if (c < 'a' || c > 'z')
            return 0;
        low[i - b] = c;
    }
    return e - b;
}

/* The word before pos (across one space) is a determiner: "the one". */
static bool after_determiner(const kiji_doc *d, size_t pos)
{
    static const char *const det[] = {"the", "which",   "that", "this", "each",  "every", "no",
                                      "any", "another", "only", "same", "right", "last"};
    const char *s = d->norm;
    if (pos < 2 || (s[pos - 1] != ' ' && s[pos - 1] != '\n'))
        return false;
    size_t e = pos - 1, b = e;
    while (b > 0 && e - b < 10 &&
           ((s[b - 1] >= 'a' && s[b - 1] <= 'z') || (s[b - 1] >= 'A' && s[b - 1] <= 'Z')))
        b--;
    char low[10];
    size_t k = lower_word(s, b, e, low, sizeof low - 1);
    if (k == 0 || (b > 0 && is_alnum((unsigned char)s[b - 1])))
        return false;
    for (size_t i = 0; i < sizeof det / sizeof *det; i++)
        if (strlen(det[i]) == k && memcmp(det[i], low, k) == 0)
            return true;
    return false;
}

/* Record the first three letters of w (n letters, lower case) in
 * nd->en_scale_tri, 26 standing for a letter the word lacks. */
static void scale_tri_add(struct kj_numeric *nd, const char *w, size_t n)
{
    unsigned b = n > 1 ? (unsigned)(w[1] - 'a') : 26, c = n > 2 ? (unsigned)(w[2] - 'a') : 26;
    nd->en_scale_tri[(unsigned)(w[0] - 'a') * 27 + b] |= 1u << c;
}

/* Build nd->en_one / en_tri / en_len from the keys kj_numeric_init puts in
 * en_words (en/numbers, split at the tab and trimmed as kj_dict_add_list
 * does). Only keys of lower-case letters are recorded: word_known looks
 * up nothing else. */
bool kj_num_en_init(struct kj_numeric *nd)
{
    const kj_wordlist *wl = kj_wordlist_get("en/numbers");
    if (!wl)
        return false;
    nd->en_one = 0;
    nd->en_scale_first = 1u << ('k' - 'a') | 1u << ('m' - 'a') | 1u << ('b' - 'a');
    memset(nd->en_scale_tri, 0, sizeof nd->en_scale_tri);
    /* the words kj_num_en_scale reads without en_words: k, m, b, mil, mm */
    scale_tri_add(nd, "k", 1);
    scale_tri_add(nd, "m", 1);
    scale_tri_add(nd, "b", 1);
    scale_tri_add(nd, "mil", 3);
    scale_tri_add(nd, "mm", 2);
    memset(nd->en_tri, 0, sizeof nd->en_tri);
    memset(nd->en_len, 0, sizeof nd->en_len);
    memset(nd->en_hash, 0, sizeof nd->en_hash);
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        size_t n = kj_wordlist_key(line);
        bool letters = n > 0;
        for (size_t k = 0; k < n && letters; k++)
            letters = line[k] >= 'a' && line[k] <= 'z';
        if (!letters)
            continue;
        /* the value the trie holds (a later line of a key replaces it) */
        int32_t v = 0;
        if (n < sizeof nd->en_hash[0].key &&
            (!kj_dict_get(nd->en_words, line, n, &v) || !en_hash_put(nd, line, n, v)))
            return false;
        if (n == 1)
            nd->en_one |= 1u << (line[0] - 'a');
        else
            nd->en_tri[(line[0] - 'a') * 26 + (line[1] - 'a')] |= 1u
                                                                  << (n == 2 ? 26 : line[2] - 'a');
        /* n < 16 is a key of en_hash, and v its value */
        if (n >= 2 && n < 16 && !en_starts_none(v))
            nd->en_len[((line[0] - 'a') * 26 + (line[1] - 'a')) * 27 + (n == 2 ? 26 : line[2] - 'a')] |=
                (uint16_t)(1u << n);
        if (n < sizeof nd->en_hash[0].key &&
            (v == 100 || v == EN_DOZEN || v == EN_VAGUE || is_scale(v))) {
            nd->en_scale_first |= 1u << (line[0] - 'a');
            scale_tri_add(nd, line, n);
        }
    }
    for (unsigned a = 0; a < 26; a++) {
        char key = (char)('a' + a);
        nd->en_one_v[a] = 0;
        if ((nd->en_one >> a & 1) && !kj_dict_get(nd->en_words, &key, 1, &nd->en_one_v[a]))
            return false; /* en_words holds every key of the list */
    }
    return true;
}

/* The letter at s[i] as 0..25 (either case), 26 for anything else or the
 * end of the text. */
static inline unsigned letter_at(const char *s, size_t n, size_t i)
{
    unsigned c = i < n ? ((unsigned char)s[i] | 0x20u) - 'a' : 26;
    return c < 26 ? c : 26; /* | 0x20 maps only A-Z into a-z */
}

/* The en_one / en_tri filter: false when no key of en_words is the word at
 * pos or starts with its first three letters ("the", "said"). */
static inline bool en_filter(const struct kj_numeric *nd, const char *s, size_t n, size_t pos)
{
    unsigned a = letter_at(s, n, pos), b = letter_at(s, n, pos + 1);
    if (a == 26)
        return false;
    if (b == 26)
        return nd->en_one >> a & 1;
    /* bit 26: the word ends after two letters */
    return nd->en_tri[a * 26 + b] >> letter_at(s, n, pos + 2) & 1;
}

/* word_known where en_filter(nd, d->norm, d->norm_len, pos) holds: the
 * caller has tested it. */
static bool word_known_filtered(const struct kj_numeric *nd, const kiji_doc *d, size_t pos,
                                int32_t *v, size_t *end)
{
    const char *s = d->norm;
    size_t n = d->norm_len;
    char low[16];
    size_t e = pos;
    while (e < n && e - pos < sizeof low &&
           ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
        e++;
    *end = e;
    /* a word of one letter passed en_filter: a key ("a"), its value kept */
    if (e - pos == 1) {
        *v = nd->en_one_v[letter_at(s, n, pos)];
        return true;
    }
    size_t k = lower_word(s, pos, e, low, sizeof low - 1);
    return k > 0 && en_word_get(nd, low, k, v);
}

/* The word at pos (letters only, at most 15) is a number word: a cheap
 * test before the fold, since most words are not; en_filter rejects most
 * words before the word is read. *end (the word's end) is set when it is
 * one. */
static bool word_known(const struct kj_numeric *nd, const kiji_doc *d, size_t pos, int32_t *v,
                       size_t *end)
{
    return en_filter(nd, d->norm, d->norm_len, pos) && word_known_filtered(nd, d, pos, v, end);
}

/* A unit word (mile, km, dollars) follows buf[e]: "that one mile" is a
 * number, "that one is" a pronoun. */
static bool unit_after(const struct kj_numeric *nd, const char *buf, size_t n, size_t e)
{
    int32_t v;
    size_t we;
    return e < n && buf[e] == ' ' && buf_word(nd->en_after, buf, n, e + 1, &v, &we) &&
           (v >> 24) != 0;
}

/* "a" starts a number only before another number word ("a dozen", "a
 * half"); "and", "point" and an ordinal ("first", "third") start none:
 * kj_num_scan_en_known fails at every such first word but for a quarter
 * or fourth ("quarter million"). They are frequent, so this is tested
 * before the fold. Where en_filter holds at pos: the caller has tested it
 * (first_word_known does, for callers that have not). */
static bool first_word_known_filtered(const struct kj_numeric *nd, const kiji_doc *d, size_t pos)
{
    int32_t v;
    size_t e;
    if (!word_known_filtered(nd, d, pos, &v, &e))
        return false;
    if (en_starts_none(v))
        return false;
    if (v != EN_A)
        return true;
    if (e < d->norm_len && (d->norm[e] == ' ' || d->norm[e] == '-'))
        e++;
    size_t e2;
    return word_known(nd, d, e, &v, &e2);
}

/* first_word_known_filtered, the filter tested here. */
static bool first_word_known(const struct kj_numeric *nd, const kiji_doc *d, size_t pos)
{
    return en_filter(nd, d->norm, d->norm_len, pos) && first_word_known_filtered(nd, d, pos);
}

/* A fraction's numerator and denominator from w[j]: "a thirtieth", "one
 * half", "three fifths", "fifty-four hundredths". The index of the
 * denominator, or j when there is none. */
static size_t and_fraction(const enword *w, size_t nw, size_t j)
{
    size_t k = j;
    if (k < nw && w[k].known && w[k].v == EN_A) {
        k++;
    } else {
        if (k < nw && w[k].known && w[k].v >= 20 && w[k].v < 100 && w[k].v % 10 == 0)
            k++;
        if (k < nw && w[k].known && w[k].v > 0 && w[k].v < 20 && !(k > j && w[k].v >= 10))
            k++;
    }
    if (k == j || k >= nw || !w[k].known)
        return j;
    int64_t den = en_den(w[k].v);
    if (den < 2 || (den == 2 && w[k].v != EN_HALF))
        return j;
    return k;
}

/* Words w[from..to) read as one whole number, every word used: "a"
 * (alone, or before hundred or a scale), units, teens, tens, hundred, "and"
 * after hundred, the scales in falling order (lakh crore together), and
 * hundreds counted past ten (fifteen hundred, ninety-five hundred). */
static bool en_card(const enword *w, size_t from, size_t to, int64_t *out)
{
    int64_t total = 0, cur = 0;
    int last_scale = 100;
    bool tens = false, need_mult = false, any = false;
    size_t k = from;
    if (k >= to)
        return false;
    if (w[k].v == EN_A) {
        if (k + 1 == to) {
            *out = 1;
            return true;
        }
        cur = 1;
        need_mult = true;
        k++;
    }
    for (; k < to; k++) {
        int32_t v = w[k].v;
        int64_t small = cur % 100;
        if (v >= 0 && v < 20) {
            if (need_mult || (small != 0 && !(v < 10 && tens && small % 10 == 0)) ||
                (v == 0 && any))
                return false;
            cur += v;
            tens = false;
        } else if (v >= 20 && v < 100) {
            if (need_mult || small != 0 || v % 10 != 0)
                return false;
            cur += v;
            tens = true;
        } else if (v == 100) {
            if (cur <= 0 || (cur >= 10 && (total != 0 || cur >= 100 || cur % 10 == 0)))
                return false;
            cur *= 100;
            tens = need_mult = false;
        } else if (is_scale(v)) {
            int sc = -v;
            if (sc == 5 && k + 1 < to && w[k + 1].v == -7) {
                sc = 12; /* lakh crore */
                k++;
            }
            kj_num g = num_int(cur);
            if (cur <= 0 || sc >= last_scale || !kj_num_scale(&g, sc) || g.exp != 0 ||
                __builtin_add_overflow(total, g.mant, &total))
                return false;
            cur = 0;
            last_scale = sc;
            tens = need_mult = false;
        } else if (v == EN_AND) {
            if (k == from || w[k - 1].v != 100 || k + 1 >= to || w[k + 1].v < 1 ||
                w[k + 1].v >= 100)
                return false;
            continue;
        } else {
            return false;
        }
        any = true;
    }
    if (need_mult || !any || __builtin_add_overflow(total, cur, &total))
        return false;
    *out = total;
    return true;
}

/* A whole number and the ordinal after it read as a fraction: three
 * fifths, one twenty-fifth (1/25), twenty twenty fifths (20/25), one
 * hundred thirty-fifths (100/35) but one hundred and thirty fifths (130/5),
 * ninety-five hundred fifths, one one hundred fifth (1/105), a hundred
 * trillionths. The value, and the index of the ordinal in *last; false
 * when the words hold no such fraction (the caller reads them otherwise). */
static bool en_fraction(const char *buf, size_t n, const enword *w, size_t nw, kj_num *val,
                        size_t *last)
{
    while (nw > 0 && !w[nw - 1].known)
        nw--;
    size_t j = 0;
    while (j < nw && en_ord(w[j].v) == 0)
        j++;
    if (j == 0 || j >= nw || (j + 1 < nw && is_scale(w[j + 1].v)))
        return false; /* none; "three quarters million": the caller's */
    int64_t ord = en_ord(w[j].v), num = 0, den = 0;
    bool plural = buf[w[j].e - 1] == 's';
    size_t numw = 0; /* the numerator's words */
    if (ord < 10 && w[j - 1].v >= 20 && w[j - 1].v < 100 && w[j - 1].v % 10 == 0 &&
        !(j >= 2 && w[j - 2].v == EN_AND)) {
        /* a compound ordinal: twenty-fifth(s) */
        if (j == 1 && !plural)
            return false; /* twenty-fifth alone is an ordinal; twenty fifths is 4 */
        if (j > 1 && en_card(w, 0, j - 1, &num)) {
            den = w[j - 1].v + ord;
            numw = j - 1;
        }
    }
    if (!den && ord >= 2 && en_card(w, 0, j, &num)) {
        den = ord;
        numw = j;
    }
    for (size_t s = 1; !den && ord < 100 && s + 1 < j; s++) {
        /* one one hundred (and) fifth: an ordinal past a hundred */
        size_t e = w[j - 1].v == EN_AND ? j - 1 : j;
        int64_t h;
        if (e > s && en_card(w, s, e, &h) && h % 100 == 0 && en_card(w, 0, s, &num)) {
            den = h + ord;
            numw = s;
        }
    }
    if (!den || num <= 0)
        return false;
    /* one hundred and three quarters is 100 + 3/4 (the caller's): "and"
     * before a proper fraction makes a mixed number */
    for (size_t a = numw; a-- > 0;) {
        int64_t tail;
        if (w[a].v == EN_AND && en_card(w, a + 1, numw, &tail) && tail < den)
            return false;
        if (w[a].v == EN_AND)
            break;
    }
    /* two millionth, two hundredth: an ordinal after a number above one */
    if (ord >= 100 && !plural && num != 1)
        return false;
    /* "a fifth" is a fraction before "of" or at a clause's end; "a third
     * term" is an ordinal */
    if (numw == 1 && w[0].v == EN_A && !clause_end(buf, n, w[j].e) &&
        !(w[j].e + 4 <= n && memcmp(buf + w[j].e, " of ", 4) == 0))
        return false;
    if (!kj_num_div(val, num_int(num), num_int(den)))
        return false;
    *last = j;
    return true;
}

/* first_word_known at a word of two letters or more reads the word's
 * value from en_word_get alone (word_known): a value en_starts_none
 * refuses refuses it wherever it is the whole word. */
bool kj_num_en_word_starts_none(const struct kj_numeric *nd, const char *w, size_t n)
{
    int32_t v;
    return nd && n >= 2 && en_word_get(nd, w, n, &v) && en_starts_none(v);
}

bool kj_num_en_may_start(const kiji_doc *d, size_t pos)
{
    const struct kj_numeric *nd = d->p->numeric;
    /* the filter first, here, and only here: most words stop at it */
    return nd && nd->en_words && en_filter(nd, d->norm, d->norm_len, pos) &&
           first_word_known_filtered(nd, d, pos);
}

/* The first fold kj_num_scan_en tries (bytes with the terminator). */
enum { EN_SHORT_FOLD = 48 };

bool kj_num_scan_en(kiji_doc *d, size_t pos, kj_numtok *t)
{
    if (!first_word_known(d->p->numeric, d, pos)) {
        d->work++;
        return false;
    }
    return kj_num_scan_en_known(d, pos, t);
}

bool kj_num_scan_en_known(kiji_doc *d, size_t pos, kj_numtok *t)
{
    const struct kj_numeric *nd = d->p->numeric;
    d->work++;
    /* Past the words en_words reads, the code below reads at most the
     * bytes of " of a ", one more word of en_words (a letter run longer
     * than every key is no key, however much of it is folded) and the byte
     * after that word; unit_after, which reads a word of en_after, refolds
     * for itself. Most numbers are a word or two: a short fold serves
     * unless the buffer filled and those bytes come near its end; then the
     * whole is folded and read again. Either way the code below sees the
     * same bytes and the same answers to every bound test. */
    char buf[128];
    size_t off[128];
    size_t n = kj_num_fold(d, pos, buf, off, EN_SHORT_FOLD);
    enword w[16];
    size_t nw = en_words(nd, buf, n, w, 16);
    if (n + 1 == EN_SHORT_FOLD && nw > 0) {
        size_t reach = w[nw - 1].e + strlen(" of a ") + kj_dict_maxlen(nd->en_words) + 2;
        if (reach >= n) {
            n = kj_num_fold(d, pos, buf, off, sizeof buf);
            nw = en_words(nd, buf, n, w, 16);
        }
    }
    d->work += nw + 1;
    if (nw == 0 || !w[0].known)
        return false;

    kj_num fr;
    size_t fl;
    if (en_fraction(buf, n, w, nw, &fr, &fl)) {
        size_t e = w[fl].e;
        /* "two thirds of a million" */
        if (e + 6 < n && memcmp(buf + e, " of a ", 6) == 0) {
            size_t we;
            int32_t sv;
            kj_num x = fr;
            if (buf_word(nd->en_words, buf, n, e + 6, &sv, &we) && is_scale(sv) &&
                kj_num_scale(&x, -sv)) {
                fr = x;
                e = we;
            }
        }
        t->ns = pos;
        t->ne = off[e];
        t->value = fr;
        t->word = true;
        return true;
    }
    kj_num total = NUM_ZERO;
    int64_t cur = 0, base = 0; /* base: cur when "and" was read */
    int last_scale = 100;
    bool any = false, tens = false, half = false;
    size_t used = 0; /* words consumed */
    size_t k = 0;
    if (en_den(w[0].v) == 4 && nw > 1 && w[1].known && w[1].v < 0 && w[1].v >= -12) {
        /* "quarter million" */
        kj_num f = {25, -2, true};
        if (!kj_num_scale(&f, -w[1].v))
            return false;
        t->ns = pos;
        t->ne = off[w[1].e];
        t->value = f;
        t->word = true;
        return true;
    }
    if (w[0].v == EN_A || w[0].v == EN_HALF) {
        /* "a dozen", "a hundred", "a million", "half a million" */
        half = w[0].v == EN_HALF;
        k = 1;
        if (half && k < nw && w[k].known && w[k].v == EN_A)
            k++;
        if (k >= nw || !w[k].known)
            return false;
        int32_t v = w[k].v;
        if (v == EN_DOZEN) {
            cur = half ? 6 : 12;
        } else if (!half && en_den(v) > 2 && k + 1 < nw) {
            /* "a quarter million"; "a third of" (an ordinal otherwise: a
             * third term) */
            kj_num f;
            if (!kj_num_div(&f, num_int(1), num_int(en_den(v))))
                return false;
            if (w[k + 1].known && w[k + 1].v < 0 && w[k + 1].v >= -12) {
                if (!kj_num_scale(&f, -w[k + 1].v))
                    return false;
                k++;
            } else if (!word_is(buf, &w[k + 1], "of")) {
                return false;
            }
            t->ns = pos;
            t->ne = off[w[k].e];
            t->value = f;
            t->word = true;
            return true;
        } else if (!half && ((v == EN_HALF && !(k + 1 < nw && w[k + 1].known &&
                                                (w[k + 1].v == EN_DOZEN || w[k + 1].v < 0))) ||
                             (en_den(v) > 2 && k + 1 == nw && clause_end(buf, n, w[k].e)))) {
            /* "a half"; "a fifth." at the end of a clause (a third term is
             * an ordinal) */
            kj_num f;
            if (!kj_num_div(&f, num_int(1), num_int(en_den(v))))
                return false;
            t->ns = pos;
            t->ne = off[w[k].e];
            t->value = f;
            t->word = true;
            return true;
        } else if (v == 100 && !half) {
            cur = 100;
        } else if (v < 0) {
            kj_num s = num_int(half ? 5 : 1);
            if (!kj_num_scale(&s, -v + (half ? -1 : 0)))
                return false;
            total = s;
            last_scale = -v;
        } else {
            return false;
        }
        any = true;
        used = ++k;
    } else if (w[0].v == EN_VAGUE) {
        /* hundreds, dozens, "hundreds of thousands" */
        t->ns = pos;
        t->ne = off[w[0].e];
        t->value = NUM_ZERO;
        t->value.ok = false;
        t->vague = true;
        t->word = true;
        return true;
    }
    for (; k < nw && w[k].known; k++) {
        int32_t v = w[k].v;
        int64_t small = cur % 100;
        if (tens && en_ord(v) > 0 && en_ord(v) < 10)
            return false; /* twenty-first, thirty-fifth: an ordinal */
        if (any && total.mant == 0 && cur == 0 && v != EN_POINT)
            break; /* nothing follows a zero but a decimal point: nought, four */
        if (v >= 0 && v < 10) {
            if (small != 0 && !(tens && small % 10 == 0))
                break;
            if (v == 0 && any)
                break;
            cur += v;
            tens = false;
        } else if (v >= 10 && v < 20) {
            if (small != 0)
                break;
            cur += v;
            tens = false;
        } else if (v >= 20 && v < 100) {
            if (small != 0 || v % 10 != 0)
                break;
            cur += v;
            tens = true;
        } else if (v == 100) {
            /* "hundred thousand"; fifteen hundred, ninety-five hundred */
            if (k == 0 && k + 1 < nw && w[k + 1].known && is_scale(w[k + 1].v))
                cur = 1;
            if (cur <= 0 || (cur >= 10 &&
                             (cur >= 100 || cur % 10 == 0 || last_scale != 100 || total.mant != 0)))
                break;
            cur *= 100;
            tens = false;
        } else if (v < 0) {
            int sc = -v;
            if (sc == 5 && k + 1 < nw && w[k + 1].known && w[k + 1].v == -7)
                sc = 12; /* three lakh crore */
            if (cur <= 0 || sc >= last_scale)
                break;
            kj_num g = num_int(cur);
            if (!kj_num_scale(&g, sc) || !kj_num_add(&total, total, g))
                return false;
            if (sc == 12 && v == -5)
                k++;
            cur = 0;
            last_scale = sc;
            tens = false;
        } else if (v == EN_DOZEN) {
            if (cur <= 0 || cur >= 10 || k == 0)
                break;
            cur *= 12;
            tens = false;
        } else if (en_den(v) > 2 && v != EN_HALF) {
            /* two thirds, three quarters, twenty-three fifths (not the
             * ordinal two millionth) */
            if (cur - base <= 0 || (en_ord(v) >= 100 && cur - base != 1 && buf[w[k].e - 1] != 's'))
                break;
            kj_num f;
            if (!kj_num_div(&f, num_int(cur - base), num_int(en_den(v))) ||
                !kj_num_add(&total, total, f) || !kj_num_add(&total, total, num_int(base)))
                return false;
            t->ns = pos;
            t->ne = off[w[k].e];
            t->value = total;
            t->word = true;
            return true;
        } else if (v == EN_VAGUE && cur > base && k > 0 && word_is(buf, &w[k], "dozens")) {
            cur = base + (cur - base) * 12; /* three dozens */
            tens = false;
        } else if (v == EN_VAGUE && cur > 0 && k > 0 && plural_scale(buf, &w[k]) &&
                   plural_scale(buf, &w[k]) < last_scale) {
            /* "three billions", "two millions": a scale written plural
             * after a count ends the number (the plural alone is vague:
             * millions of people) */
            kj_num g = num_int(cur);
            if (!kj_num_scale(&g, plural_scale(buf, &w[k])) || !kj_num_add(&total, total, g))
                return false;
            cur = 0;
            any = true;
            used = k + 1;
            break;
        } else if (v == EN_AND && (cur > 0 || last_scale < 100) && k + 2 < nw && w[k + 1].known &&
                   w[k + 1].v == EN_A && w[k + 2].known && en_den(w[k + 2].v)) {
            /* one and a half, five and a half million, one million and a
             * half */
            kj_num f;
            if (!kj_num_div(&f, num_int(1), num_int(en_den(w[k + 2].v))))
                return false;
            size_t last = k + 2;
            if (cur > 0) {
                if (!kj_num_add(&f, f, num_int(cur)))
                    return false;
                if (last + 1 < nw && w[last + 1].known && w[last + 1].v < 0 &&
                    -w[last + 1].v < last_scale) {
                    if (!kj_num_scale(&f, -w[last + 1].v))
                        return false;
                    last++;
                }
            } else if (last + 1 < nw && w[last + 1].known && is_scale(w[last + 1].v) &&
                       -w[last + 1].v < last_scale) {
                /* one billion and a half million */
                if (!kj_num_scale(&f, -w[last + 1].v))
                    return false;
                last++;
            } else if (!kj_num_scale(&f, last_scale)) {
                return false;
            }
            if (!kj_num_add(&total, total, f))
                return false;
            t->ns = pos;
            t->ne = off[w[last].e];
            t->value = total;
            t->word = true;
            return true;
        } else if (v == EN_AND && (cur > 0 || last_scale < 100) && k + 2 < nw &&
                   and_fraction(w, nw, k + 1) > k + 1) {
            /* twenty and three fifths, two and fifty-four hundredths, two
             * million and three fifths (of a million) */
            size_t last = and_fraction(w, nw, k + 1);
            int64_t num = 0;
            for (size_t j = k + 1; j < last; j++)
                num += w[j].v == EN_A ? 1 : w[j].v;
            int64_t den = en_den(w[last].v);
            kj_num f;
            if (!kj_num_div(&f, num_int(num), num_int(den)))
                return false;
            if (cur > 0) {
                if (!kj_num_add(&f, f, num_int(cur)))
                    return false;
            } else if (last + 1 < nw && w[last + 1].known && is_scale(w[last + 1].v) &&
                       -w[last + 1].v < last_scale) {
                /* two billion and one quarter million */
                if (!kj_num_scale(&f, -w[last + 1].v))
                    return false;
                last++;
            } else if (!kj_num_scale(&f, last_scale)) {
                return false;
            }
            if (!kj_num_add(&total, total, f))
                return false;
            t->ns = pos;
            t->ne = off[w[last].e];
            t->value = total;
            t->word = true;
            return true;
        } else if (v == EN_POINT && any && k + 1 < nw && w[k + 1].known && w[k + 1].v >= 0 &&
                   w[k + 1].v < 100) {
            /* "five point five", "two hundred point seventy-one" */
            kj_num f = num_int(cur);
            size_t j = k + 1, last = k;
            int nd2 = 0;
            if (w[j].v >= 10) {
                /* one two-digit word, with its units: .71 */
                int64_t x = w[j].v;
                last = j;
                if (x >= 20 && x % 10 == 0 && j + 1 < nw && w[j + 1].known && w[j + 1].v > 0 &&
                    w[j + 1].v < 10) {
                    x += w[j + 1].v;
                    last = j + 1;
                }
                f.mant = f.mant * 100 + x;
                f.exp = -2;
            } else {
                for (; j < nw && nd2 < 12 && w[j].known && w[j].v >= 0 && w[j].v < 10; j++, nd2++) {
                    f.mant = f.mant * 10 + w[j].v;
                    f.exp--;
                    last = j;
                }
            }
            /* "two point two million": a scale after the decimals scales
             * them, below any scale before ("one billion two point five
             * million") */
            int fsc = 0;
            if (last + 1 < nw && w[last + 1].known && is_scale(w[last + 1].v) &&
                -w[last + 1].v < last_scale) {
                fsc = -w[last + 1].v;
                last++;
            }
            if (!kj_num_scale(&f, fsc) || !kj_num_add(&total, total, f))
                return false;
            t->ns = pos;
            t->ne = off[w[last].e];
            t->value = total;
            t->word = true;
            return true;
        } else if (v == EN_AND) {
            /* "one hundred and five": only after hundred or a scale and
             * before a small number */
            if (k == 0 || k + 1 >= nw || !w[k + 1].known || w[k + 1].v < 1 || w[k + 1].v >= 100)
                break;
            if (!(w[k - 1].v == 100 || w[k - 1].v < 0))
                break;
            /* "two billion and three billion": a second amount of the same
             * scale, no remainder of the first */
            size_t j = k + 1;
            while (j < nw && w[j].known && w[j].v >= 0 && w[j].v < 100)
                j++;
            if (j < nw && w[j].known &&
                ((w[j].v < 0 && -w[j].v >= last_scale) ||
                 (w[j].v == 100 && last_scale == 100 && cur >= 100)))
                break;
            base = cur;
            continue;
        } else {
            break;
        }
        any = true;
        used = k + 1;
    }
    if (!any || used == 0)
        return false;
    /* "the one you mentioned", "which one": a pronoun */
    if (used == 1 && word_is(buf, &w[0], "one") && after_determiner(d, pos)) {
        /* a unit word may be longer than the short fold holds: the whole
         * fold, whose first bytes are the ones read so far */
        if (n + 1 == EN_SHORT_FOLD)
            n = kj_num_fold(d, pos, buf, off, sizeof buf);
        if (!unit_after(nd, buf, n, w[0].e))
            return false;
    }
    kj_num c = num_int(cur);
    if (!kj_num_add(&total, total, c))
        return false;
    t->ns = pos;
    t->ne = off[w[used - 1].e];
    t->value = total;
    t->word = true;
    return true;
}

/* buf[s..e) holds the word hundred or a scale word. */
static bool has_scale_word(const struct kj_numeric *nd, const char *buf, size_t s, size_t e)
{
    for (size_t i = s; i < e;) {
        int32_t v;
        size_t we;
        if (buf_word(nd->en_words, buf, e, i, &v, &we) && (v == 100 || is_scale(v)))
            return true;
        i = we > i ? we : i + 1;
    }
    return false;
}

/* The most en_scale_more calls open at once (see there). */
#define SCALE_DEPTH_MAX 8

/* What may follow a whole number of 10^sc written with digits and a scale
 * word: "and a half" (3 million and a half), a smaller number with its own
 * scale (4 thousand 3 hundred, 6 crore and two hundred) or, after hundred,
 * "and" and a number below 100 (3 hundred and 21). */
static void en_scale_more(kiji_doc *d, kj_numtok *t, int sc)
{
    const struct kj_numeric *nd = d->p->numeric;
    char buf[48];
    size_t off[48];
    if (t->value.exp < 0)
        return;
    size_t n = kj_num_fold(d, t->ne, buf, off, sizeof buf);
    d->work++;
    size_t i = 0;
    bool with_and = false;
    if (n >= 5 && memcmp(buf, " and ", 5) == 0) {
        with_and = true;
        i = 5;
        if (i + 2 <= n && memcmp(buf + i, "a ", 2) == 0) {
            /* "3 million and a half", "and a quarter" */
            size_t we;
            int32_t v;
            kj_num f, x;
            if (buf_word(nd->en_words, buf, n, i + 2, &v, &we) &&
                (v == EN_HALF || (en_den(v) > 2 && en_den(v) <= 100)) &&
                kj_num_div(&f, num_int(1), num_int(en_den(v))) && kj_num_scale(&f, sc) &&
                kj_num_add(&x, t->value, f)) {
                t->value = x;
                t->ne = off[we - 1] + 1;
            }
            return;
        }
    } else if (n >= 2 && buf[0] == ' ') {
        i = 1;
    } else {
        return;
    }
    /* The smaller number is read with its own scale, which may read the
     * next number after it again: on "4bn 4bn 4bn ..." each call would go
     * on to the text's end, recursion as deep as the text is long (a
     * stack overflow at a few KiB of it) and quadratic work over all the
     * numbers. A number that can be taken has scales that fall at every
     * step (trillion, billion, million, lakh, thousand, hundred: at most
     * six), so reading stops at SCALE_DEPTH_MAX open calls (fuzz/README.md,
     * finding 24). */
    if (d->scale_depth >= SCALE_DEPTH_MAX)
        return;
    kj_numtok p;
    d->scale_depth++;
    bool got = i < n && kj_num_scan(d, off[i], &p);
    d->scale_depth--;
    if (!got || !p.value.ok || p.vague || p.value.exp != 0 || p.value.mant <= 0)
        return;
    kj_num lim = num_int(1), x;
    if (!kj_num_scale(&lim, sc) || p.value.mant >= lim.mant || p.ne <= off[i])
        return;
    size_t pe = i;
    while (pe < n && off[pe] < p.ne)
        pe++;
    if (off[pe] != p.ne && pe < n)
        return; /* the piece runs past the fold */
    bool scaled = has_scale_word(nd, buf, i, pe);
    if (!(scaled || (with_and && sc == 2 && p.value.mant < 100)))
        return;
    if (!kj_num_add(&x, t->value, p.value))
        return;
    t->value = x;
    t->ne = p.ne;
}

/* "1.2 billion", "530 bln", "12mln", "5bn": an English scale after digits. */
void kj_num_en_scale(kiji_doc *d, kj_numtok *t)
{
    const struct kj_numeric *nd = d->p->numeric;
    /* the fold below reads no word unless a letter follows the number
     * after at most one white-space run (the fold's one space): most
     * numbers (5%, 5円, 5.) end here without it. A longer run is left to
     * the fold, which may stop in it. */
    const unsigned char *u = (const unsigned char *)d->norm;
    size_t k = t->ne;
    while (k < d->norm_len && k - t->ne < 4 &&
           (u[k] == ' ' || u[k] == '\n' || u[k] == '\t' || u[k] == '\r'))
        k++;
    /* "$1.75-billion", "a 3-million-dollar plan": a spelled scale after
     * one hyphen (only a spelled one: 5-m, 3-k are no scales) */
    bool hy = k == t->ne && k + 1 < d->norm_len && u[k] == '-' && is_letter(u[k + 1]);
    if (hy)
        k++;
    if (k >= d->norm_len || (k - t->ne < 4 && !is_letter(u[k])))
        return;
    /* the word's first letter, which the fold only lower-cases */
    if (k - t->ne < 4) {
        if (!(nd->en_scale_first >> ((u[k] | 0x20u) - 'a') & 1))
            return;
        /* the fold would read the word from here: its letters are these
         * bytes, lower-cased, up to the first byte that is no letter */
        unsigned b = letter_at(d->norm, d->norm_len, k + 1);
        unsigned c = b < 26 ? letter_at(d->norm, d->norm_len, k + 2) : 26;
        if (!(nd->en_scale_tri[((u[k] | 0x20u) - 'a') * 27 + b] >> c & 1))
            return;
    }
    char buf[24];
    size_t off[24];
    size_t n = kj_num_fold(d, t->ne + hy, buf, off, sizeof buf);
    size_t i = 0;
    bool sp = n > 0 && buf[0] == ' ';
    if (sp)
        i = 1;
    size_t s = i;
    while (i < n && buf[i] >= 'a' && buf[i] <= 'z')
        i++;
    if (i == s || (i < n && ((buf[i] >= 'a' && buf[i] <= 'z') || (buf[i] >= '0' && buf[i] <= '9'))))
        return;
    int32_t v;
    const char *o = d->norm + off[s]; /* the original case */
    /* a letter glued to digits after "X-" belongs to a name: M-1B (a money
     * supply), F-15K, not one billion or 15,000; a range's end (5k-20k)
     * has digits before the letter */
    if (!sp && t->ns >= 2 && d->norm[t->ns - 1] == '-' &&
        is_letter((unsigned char)d->norm[t->ns - 2])) {
        size_t w = t->ns - 2;
        while (w > 0 && t->ns - w < 16 && is_letter((unsigned char)d->norm[w - 1]))
            w--;
        if (w == 0 || !(d->norm[w - 1] >= '0' && d->norm[w - 1] <= '9'))
            return;
    }
    if (hy) {
        if (i - s <= 3 || !en_word_get(nd, buf + s, i - s, &v) || v >= 0 || v < -12)
            return;
    } else if (i - s == 1 && buf[s] == 'k' && (!sp || (o[0] == 'k' && clause_end(buf, n, i)))) {
        v = -3; /* 40k, "2.33 k." */
    } else if ((i - s == 1 && o[0] == 'M' && t->ne - t->ns >= 2) ||
               (!sp && i - s == 2 && o[0] == 'M' && o[1] == 'M')) {
        v = -6; /* 10M, 2.5 M, 1MM (not 10m: metres; not 3M, a name) */
    } else if (!sp && i - s == 1 && buf[s] == 'b') {
        v = -9; /* 1.2b */
    } else if (!sp && i - s == 3 && memcmp(buf + s, "mil", 3) == 0) {
        v = -6; /* 2mil */
    } else if (!en_word_get(nd, buf + s, i - s, &v)) {
        return;
    } else if (v == 100 && sp) {
        v = -2; /* 322 hundred */
    } else if ((v == EN_DOZEN ||
                (v == EN_VAGUE && i - s == 6 && memcmp(buf + s, "dozens", 6) == 0)) &&
               sp) {
        kj_num x;
        if (kj_num_mul(&x, t->value, num_int(12))) {
            t->value = x;
            t->ne = off[i];
            t->word = true;
        }
        return;
    } else if (v >= 0 || v < -12) {
        return;
    }
    /* spelled scales may stand apart; "mln", "bn", "k" also attached */
    if (!sp && !hy && i - s > 3)
        return;
    int sc = -v;
    size_t e = i;
    if (sc == 5 && i + 6 <= n && memcmp(buf + i, " crore", 6) == 0 &&
        (i + 6 == n || !is_alnum((unsigned char)buf[i + 6]))) {
        sc = 12; /* 3 lakh crore */
        e = i + 6;
    }
    kj_num x = t->value;
    if (!kj_num_scale(&x, sc))
        return;
    t->value = x;
    t->ne = off[e];
    t->word = true;
    en_scale_more(d, t, sc);
}
