/*
 * util.c -- the doc arena, UTF-8 helpers and the kj_dict byte trie.
 *
 * The arena hands out zeroed memory from a list of chunks that survive
 * between parses (a warm doc mallocs nothing); crossing the cap jumps back
 * to kiji_parse. The trie is built once per parser and only read after;
 * beside it, a hash index of its keys answers exact lookups (kj_dict_get)
 * without a walk.
 */
#include <stdlib.h>
#include <string.h>

#include "kj.h"

#define CHUNK_MIN ((size_t)64 * 1024)

static void oom(kiji_doc *d)
{
    longjmp(*d->oom, KIJI_ERR_MEMORY);
}

void *kj_alloc(kiji_doc *d, size_t n)
{
    void *p = kj_alloc_raw(d, n);
    memset(p, 0, n);
    return p;
}

/* kj_alloc_raw (kj.h) where the current chunk has no room for n bytes (n
 * already rounded up to max_align_t): a spare chunk from an earlier parse
 * if one is big enough, else a new one. */
void *kj_alloc_chunk(kiji_doc *d, size_t n)
{
    kj_arena *a = &d->arena;
    kj_chunk *c = a->head;
    kj_chunk **pp = &a->spare, *nc = NULL;
    for (; *pp; pp = &(*pp)->next) {
        if ((*pp)->size >= n) {
            nc = *pp;
            *pp = nc->next;
            break;
        }
    }
    if (!nc) {
        size_t sz = n > CHUNK_MIN ? n : CHUNK_MIN;
        if (c && c->size * 2 > sz)
            sz = c->size * 2;
        if (a->total + sz > a->cap) {
            if (a->total + n > a->cap)
                oom(d);
            sz = n;
        }
        nc = malloc(sizeof(kj_chunk) + sz);
        if (!nc)
            longjmp(*d->oom, KIJI_ERR_NOMEM);
        nc->size = sz;
        a->total += sz;
    }
    nc->used = n;
    nc->next = a->head;
    a->head = nc;
    return nc->data;
}

void kj_arena_reset(kj_arena *a)
{
    while (a->head) {
        kj_chunk *c = a->head;
        a->head = c->next;
        c->next = a->spare;
        a->spare = c;
    }
}

void kj_arena_free(kj_arena *a)
{
    kj_arena_reset(a);
    while (a->spare) {
        kj_chunk *c = a->spare;
        a->spare = c->next;
        free(c);
    }
    a->total = 0;
}

char *kj_strndup(kiji_doc *d, const char *s, size_t n)
{
    char *r = kj_alloc_raw(d, n + 1); /* every byte written below */
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

void *kj_grow_raw(kiji_doc *d, void *old, size_t n, size_t newcap, size_t elem)
{
    char *r = kj_alloc_raw(d, newcap * elem);
    if (old && n)
        memcpy(r, old, n * elem);
    return r;
}

void *kj_grow(kiji_doc *d, void *old, size_t n, size_t newcap, size_t elem)
{
    char *r = kj_grow_raw(d, old, n, newcap, elem);
    if (!old)
        n = 0;
    if (newcap > n)
        memset(r + n * elem, 0, (newcap - n) * elem);
    return r;
}

/* The largest list kj_sort merges with scratch on the stack; a longer one
 * uses the caller's kept buffer. */
#define SORT_MERGE_MAX 8192

void kj_sort(kj_scratch *sc, void *base, size_t n, size_t size,
             int (*cmp)(const void *, const void *))
{
    char *b = base;
    size_t i = 1;
    while (i < n && cmp(b + (i - 1) * size, b + i * size) <= 0)
        i++;
    if (i >= n)
        return;
    if (size > 0 && n <= SORT_MERGE_MAX / size) {
        _Alignas(max_align_t) char tmp[SORT_MERGE_MAX];
        kj_merge_sort(b, tmp, n, size, cmp);
        return;
    }
    if (size == 0 || n > SIZE_MAX / size) {
        qsort(base, n, size, cmp);
        return;
    }
    if (sc->cap < n * size) {
        /* grow to twice what is asked, so a list growing parse by parse
         * reallocates only a few times */
        size_t want = n * size <= SIZE_MAX / 2 ? 2 * n * size : n * size;
        void *p = realloc(sc->p, want);
        if (!p) {
            qsort(base, n, size, cmp);
            return;
        }
        sc->p = p;
        sc->cap = want;
    }
    kj_merge_sort(b, sc->p, n, size, cmp);
}

/* ---- strict UTF-8 -------------------------------------------------------- */

size_t kj_u8_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
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
        return 0;
    }
    if (avail < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* ---- kj_dict: a byte trie with contiguous children ---------------------- */

/* On x86 the walks come in two builds: one counts a node's child bits
 * with the popcnt instruction (a target attribute on that build alone),
 * the other with bits(); kj_dict_new picks the first where the CPU has
 * the instruction. Elsewhere bits() alone. */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define KJ_DICT_POPCNT 1
#else
#define KJ_DICT_POPCNT 0
#endif

static bool cpu_popcnt(void)
{
#if KJ_DICT_POPCNT
    return __builtin_cpu_supports("popcnt");
#else
    return false;
#endif
}

/* The size of kj_dict's two-character filter in bits (a power of two). */
#define TWO_BITS ((size_t)1 << 16)
/* Key lengths kj_dict's length-and-last-byte filter tells apart: a key of
 * this many bytes or more passes it. */
#define LAST_LENS 64

/* The children of a node lie side by side in nodes[], sorted by their byte,
 * so a step from a node to its child is one load: nodes[first + rank]. A
 * node whose child block is full moves the block to the end of nodes[] with
 * double the room (the old slots are left unused). 16 bytes, four nodes to a
 * cache line; what a lookup needs only at the end (values) or only for wide
 * nodes (edge bytes) lives in arrays beside it. */
typedef struct tnode {
    /* When every child byte lies in [base, base + 63] (always true below a
     * UTF-8 lead byte: the children are continuation bytes), bit k says that
     * base + k has a child, and the child is first + the number of lower
     * bits set. 0 = no window: binary search over byte[first, first + n). */
    uint64_t mask;
    uint32_t first; /* index of the first child */
    uint16_t n;     /* number of children, 0-256 */
    unsigned char base; /* the lowest child byte (the only one when n == 1) */
    unsigned char term; /* a key ends here */
} tnode;

/* A key in kj_dict_get's index: its bytes pool[off, off + len) (len 0: an
 * empty slot), their last word (last_word) and its value. */
typedef struct hslot {
    uint64_t last;
    uint32_t off, len;
    int32_t value;
} hslot;

struct kj_dict {
    tnode *nodes;
    unsigned char *byte; /* byte[i]: the byte of the edge into node i */
    int32_t *value;      /* value[i]: the value of the key ending at node i */
    uint16_t *room;      /* room[i]: slots of node i's child block */
    size_t nnodes, capnodes;
    /* Lookup filters, kept up to date by kj_dict_add: most lookups start at
     * a character no key starts with and end here without a trie step. */
    uint32_t root[256];    /* child of the root for a first byte, 0 = none */
    uint64_t first[1024];  /* bit c: a key starts with BMP code point c */
    uint64_t pair[128 * 4]; /* bit b * 256 + c: a key starts with ASCII b, then byte c */
    /* bit two_hash(c1, c2): a key that starts with the BMP character c1
     * goes on with the character c2; a set bit may be another pair's (a
     * hash), a clear one rules the pair out */
    uint64_t two[TWO_BITS / 64];
    /* bit c: a key is the BMP code point c alone (exact, so a lookup whose
     * next character fails two[] asks it with one load, no hash); bytes,
     * not words like first[], so that the compiler keeps no word index of
     * c from the first[] test for it, a register fewer */
    uint8_t alone[65536 / 8];
    /* bit len * 256 + b: a key of len bytes (below LAST_LENS) ends with the
     * byte b; kj_dict_get's filter */
    uint64_t last[LAST_LENS * 256 / 64];
    /* kj_dict_get's index: every key by a hash of all its bytes (open
     * addressing, linear probing; nslots a power of two, at most half
     * used, never 0), its bytes in pool */
    struct hslot *slots;
    size_t nslots, nkeys;
    unsigned shift; /* 64 less log2(nslots): a hash's top bits are its slot */
    char *pool;
    size_t npool, cappool;
    bool nofilter;         /* a key does not start with a whole BMP char */
    bool notwo;            /* a key's second character is no whole one: two[] is unused */
    bool popcnt;           /* the walks count child bits with the popcnt instruction */
    size_t maxlen;         /* the longest key's length */
};

/* Room for n more nodes at the end of nodes[] (and the arrays beside it). */
static bool reserve_nodes(kj_dict *t, size_t n)
{
    if (t->nnodes + n <= t->capnodes)
        return true;
    size_t cap = t->capnodes ? t->capnodes * 2 : 256;
    while (cap < t->nnodes + n)
        cap *= 2;
    tnode *nn = realloc(t->nodes, cap * sizeof *nn);
    if (!nn)
        return false;
    t->nodes = nn;
    unsigned char *nb = realloc(t->byte, cap);
    if (!nb)
        return false;
    t->byte = nb;
    int32_t *nv = realloc(t->value, cap * sizeof *nv);
    if (!nv)
        return false;
    t->value = nv;
    uint16_t *nr = realloc(t->room, cap * sizeof *nr);
    if (!nr)
        return false;
    t->room = nr;
    t->capnodes = cap;
    return true;
}

static bool index_grow(kj_dict *t);

kj_dict *kj_dict_new(void)
{
    kj_dict *t = calloc(1, sizeof *t);
    if (!t || !reserve_nodes(t, 1) || !index_grow(t)) {
        kj_dict_free(t);
        return NULL;
    }
    memset(&t->nodes[0], 0, sizeof t->nodes[0]);
    t->popcnt = cpu_popcnt();
    t->byte[0] = 0;
    t->value[0] = 0;
    t->room[0] = 0;
    t->nnodes = 1;
    return t;
}

void kj_dict_free(kj_dict *t)
{
    if (!t)
        return;
    free(t->nodes);
    free(t->byte);
    free(t->value);
    free(t->room);
    free(t->slots);
    free(t->pool);
    free(t);
}

/* Bits set in x, portably (SWAR: the build for any CPU of the target). */
static inline unsigned bits(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

/* The length of the UTF-8 sequence at u (avail bytes) and its code point
 * in *cp, as the lead byte announces them (the continuation bytes are not
 * checked: the same bytes give the same answer, which is all the
 * two-character filter needs); 0 = no lead byte, or fewer bytes than it
 * announces. */
static inline size_t lead_cp(const unsigned char *u, size_t avail, uint32_t *cp)
{
    unsigned char b = u[0];
    size_t n;
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
        *cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        *cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        *cp = b & 0x07;
    } else {
        return 0;
    }
    if (avail < n)
        return 0;
    for (size_t k = 1; k < n; k++)
        *cp = (*cp << 6) | (u[k] & 0x3F);
    return n;
}

/* The bit of kj_dict's two[] for the characters c1, c2. */
static inline uint32_t two_hash(uint32_t c1, uint32_t c2)
{
    uint32_t h = c1 * 0x9E3779B1u ^ c2 * 0x85EBCA77u;
    return (h ^ (h >> 15)) & (uint32_t)(TWO_BITS - 1);
}

static inline bool two_has(const kj_dict *t, uint32_t c1, uint32_t c2)
{
    uint32_t h = two_hash(c1, c2);
    return t->two[h >> 6] >> (h & 63) & 1;
}

/* Is a key the BMP character c alone? */
static inline bool alone_has(const kj_dict *t, uint32_t c)
{
    return t->alone[c >> 3] >> (c & 7) & 1;
}

/* The child of n on byte b, or -1. hw: count the window's bits with
 * __builtin_popcountll, a popcnt instruction in the walks built for it
 * (a constant in every caller). */
static inline long child_of(const kj_dict *t, const tnode *n, unsigned char b, bool hw)
{
    /* most nodes deep in a key have one child, whose byte is base */
    if (n->n == 1)
        return b == n->base ? (long)n->first : -1;
    if (n->mask) {
        unsigned k = (unsigned)b - n->base;
        if (k >= 64 || !((n->mask >> k) & 1))
            return -1;
        /* the bits at and below k, shifted up to the top: bit k is set,
         * so the child's rank is their count less one (no all-ones
         * constant to keep in a register across the walk) */
        uint64_t upto = n->mask << (63 - k);
        return (long)(n->first + (hw ? (unsigned)__builtin_popcountll(upto) : bits(upto)) - 1);
    }
    size_t lo = 0, hi = n->n;
    const unsigned char *e = t->byte + n->first;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid] == b)
            return (long)(n->first + mid);
        if (e[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Insert a child on byte b (not yet a child) into node p, keeping the block
 * sorted; returns its index, or -1 when out of memory. Children move within
 * or between blocks, so node indices below p change: only p's `first` (and
 * the root filter, for the root's children) refer to them. */
static long add_child(kj_dict *t, uint32_t p, unsigned char b)
{
    if (t->nodes[p].n == t->room[p]) {
        size_t room = t->room[p] ? (size_t)t->room[p] * 2 : 1;
        if (room > 256)
            room = 256;
        if (!reserve_nodes(t, room))
            return -1;
        uint32_t from = t->nodes[p].first, to = (uint32_t)t->nnodes;
        size_t n = t->nodes[p].n;
        memcpy(t->nodes + to, t->nodes + from, n * sizeof *t->nodes);
        memcpy(t->byte + to, t->byte + from, n);
        memcpy(t->value + to, t->value + from, n * sizeof *t->value);
        memcpy(t->room + to, t->room + from, n * sizeof *t->room);
        t->nodes[p].first = to;
        t->room[p] = (uint16_t)room;
        t->nnodes += room;
    }
    tnode *pn = &t->nodes[p];
    uint32_t f = pn->first;
    size_t k = pn->n;
    while (k > 0 && t->byte[f + k - 1] > b) {
        t->nodes[f + k] = t->nodes[f + k - 1];
        t->byte[f + k] = t->byte[f + k - 1];
        t->value[f + k] = t->value[f + k - 1];
        t->room[f + k] = t->room[f + k - 1];
        k--;
    }
    uint32_t c = f + (uint32_t)k;
    memset(&t->nodes[c], 0, sizeof t->nodes[c]);
    t->byte[c] = b;
    t->value[c] = 0;
    t->room[c] = 0;
    pn->n++;
    /* the children are sorted: the window holds them all when the last is
     * within 63 of the first */
    pn->base = t->byte[f];
    pn->mask = 0;
    if (t->byte[f + pn->n - 1] - t->byte[f] < 64)
        for (uint16_t j = 0; j < pn->n; j++)
            pn->mask |= 1ull << (t->byte[f + j] - t->byte[f]);
    if (p == 0)
        for (uint16_t j = 0; j < pn->n; j++)
            t->root[t->byte[f + j]] = f + j;
    return (long)c;
}

/* The eight bytes at s as a word (either byte order: only compared and
 * hashed). */
static inline uint64_t word8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

/* The last bytes of a key, s[0, n) for 1 <= n <= 8, as one word that holds
 * every one of them at a place fixed by n: two keys of n bytes have the
 * same word exactly when they have the same bytes (four and four bytes,
 * which overlap below eight; below four, the first, middle and last). */
static inline uint64_t tail_word(const unsigned char *s, size_t n)
{
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        return (uint64_t)a | (uint64_t)b << 32;
    }
    return (uint64_t)s[0] | (uint64_t)s[n / 2] << 8 | (uint64_t)s[n - 1] << 16;
}

/* The words of a key of n bytes (n >= 1): eight bytes at a time, then
 * the last eight (overlapping) or tail_word. Keys of the same length are
 * equal exactly when their words are. */
static inline uint64_t last_word(const unsigned char *s, size_t n)
{
    return n >= 8 ? word8(s + n - 8) : tail_word(s, n);
}

/* key_hash's mix of the words of a key of more than eight bytes (n)
 * before its last one. */
static inline uint64_t head_hash(const unsigned char *s, size_t n)
{
    uint64_t h = n;
    for (size_t i = 0; n - i > 8; i += 8) {
        h = (h ^ word8(s + i)) * 0x9E3779B97F4A7C15u;
        h ^= h >> 29;
    }
    return h;
}

/* A hash of the n bytes at s (n >= 1) over their words, whose last is
 * last (last_word): one multiplication for a key of up to eight bytes
 * (most), whose top bits (the slot, index_slot) mix them all. */
static inline uint64_t key_hash(const unsigned char *s, size_t n, uint64_t last)
{
    return ((n <= 8 ? n : head_hash(s, n)) ^ last) * 0x9E3779B97F4A7C15u;
}

/* Are the words of the key k and s (n bytes, more than eight) before
 * their last one the same? */
static inline bool same_head(const unsigned char *k, const unsigned char *s,
                                                size_t n)
{
    for (size_t i = 0; n - i > 8; i += 8)
        if (word8(k + i) != word8(s + i))
            return false;
    return true;
}

/* The slot of the key s (n >= 1 bytes) in kj_dict_get's index, or the
 * empty slot where it would go (the index has one: at most half is
 * used); h and last: its key_hash and last_word. Keys of the same length
 * are the same when their words are: the last one in the slot, the others
 * (past eight bytes) in the pool. */
static inline __attribute__((always_inline)) hslot *
index_slot(const kj_dict *t, const unsigned char *s, size_t n, uint64_t h, uint64_t last)
{
    size_t mask = t->nslots - 1;
    for (size_t at = (size_t)(h >> t->shift);; at = (at + 1) & mask) {
        hslot *sl = &t->slots[at];
        if (!sl->len ||
            (sl->last == last && sl->len == n &&
             (n <= 8 || same_head((const unsigned char *)t->pool + sl->off, s, n))))
            return sl;
    }
}

/* Double the index (64 slots at first), moving every key to its slot. */
static bool index_grow(kj_dict *t)
{
    size_t n = t->nslots ? t->nslots * 2 : 64;
    hslot *ns = calloc(n, sizeof *ns);
    if (!ns)
        return false;
    hslot *old = t->slots;
    size_t nold = t->nslots;
    t->slots = ns;
    t->nslots = n;
    t->shift = 64;
    while (n > 1) {
        n >>= 1;
        t->shift--;
    }
    for (size_t i = 0; i < nold; i++) {
        if (!old[i].len)
            continue;
        const unsigned char *k = (const unsigned char *)t->pool + old[i].off;
        *index_slot(t, k, old[i].len, key_hash(k, old[i].len, old[i].last), old[i].last) = old[i];
    }
    free(old);
    return true;
}

/* Add the key s (n >= 1 bytes) with its value to kj_dict_get's index, or
 * replace the value of the same key. */
static bool index_put(kj_dict *t, const unsigned char *s, size_t n, int32_t value)
{
    if (n > UINT32_MAX || t->npool > UINT32_MAX - n)
        return false;
    if ((t->nkeys + 1) * 2 > t->nslots && !index_grow(t))
        return false;
    uint64_t last = last_word(s, n);
    hslot *sl = index_slot(t, s, n, key_hash(s, n, last), last);
    if (sl->len) {
        sl->value = value;
        return true;
    }
    if (t->npool + n > t->cappool) {
        size_t cap = t->cappool ? t->cappool * 2 : 4096;
        while (cap < t->npool + n)
            cap *= 2;
        char *np = realloc(t->pool, cap);
        if (!np)
            return false;
        t->pool = np;
        t->cappool = cap;
    }
    memcpy(t->pool + t->npool, s, n);
    sl->last = last;
    sl->off = (uint32_t)t->npool;
    sl->len = (uint32_t)n;
    sl->value = value;
    t->npool += n;
    t->nkeys++;
    return true;
}

/* kj_dict_get's lookup of the key s (n >= 1 bytes) in its index, past
 * its filters. */
static inline __attribute__((always_inline)) bool index_find(const kj_dict *t, const char *s,
                                                             size_t n, int32_t *value)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t last = last_word(u, n);
    const hslot *sl = index_slot(t, u, n, key_hash(u, n, last), last);
    if (!sl->len)
        return false;
    if (value)
        *value = sl->value;
    return true;
}

/* index_find of a key of more than eight bytes, out of line: the words
 * before its last one take a loop and registers the others do without. */
static __attribute__((noinline)) bool index_get_long(const kj_dict *t, const char *s, size_t n,
                                                     int32_t *value)
{
    return index_find(t, s, n, value);
}

static inline bool index_get(const kj_dict *t, const char *s, size_t n, int32_t *value)
{
    if (n > 8)
        return index_get_long(t, s, n, value);
    return index_find(t, s, n, value);
}

/* index_get out of line, for get_wide: its filters then save no
 * registers for the lookup. */
static __attribute__((noinline)) bool index_get_wide(const kj_dict *t, const char *s, size_t n,
                                                     int32_t *value)
{
    return index_get(t, s, n, value);
}

bool kj_dict_add(kj_dict *t, const char *key, size_t len, int32_t value)
{
    uint32_t cur = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)key[i];
        long c = child_of(t, &t->nodes[cur], b, false);
        if (c < 0 && (c = add_child(t, cur, b)) < 0)
            return false;
        cur = (uint32_t)c;
    }
    t->nodes[cur].term = 1;
    t->value[cur] = value;
    if (len > 0 && !index_put(t, (const unsigned char *)key, len, value))
        return false;
    if (len > t->maxlen)
        t->maxlen = len;
    if (len > 0 && len < LAST_LENS) {
        unsigned l = (unsigned)len * 256u + (unsigned char)key[len - 1];
        t->last[l >> 6] |= 1ull << (l & 63);
    }
    if (len > 1 && (unsigned char)key[0] < 0x80) {
        unsigned p2 = (unsigned char)key[0] * 256u + (unsigned char)key[1];
        t->pair[p2 >> 6] |= 1ull << (p2 & 63);
    }
    if (len > 0) {
        unsigned char b = (unsigned char)key[0];
        size_t n = (size_t)kj_u8_len(b);
        if (b >= 0x80 && (b < 0xC0 || n > 3 || n > len)) {
            t->nofilter = true;
        } else if (b >= 0x80) {
            size_t i = 0;
            uint32_t cp = kj_u8_next(key, len, &i);
            t->first[cp >> 6] |= 1ull << (cp & 63);
            /* the pair of the key's first two characters, or the first
             * alone (n: the whole first character, checked above; c1 as
             * kj_dict_longest reads it from the text) */
            const unsigned char *u = (const unsigned char *)key;
            uint32_t c1 = n == 2 ? ((uint32_t)(b & 0x1F) << 6) | (u[1] & 0x3F)
                                 : ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
                                       (u[2] & 0x3F);
            uint32_t c2;
            if (len == n) {
                t->alone[c1 >> 3] |= (uint8_t)(1u << (c1 & 7));
            } else if (!lead_cp((const unsigned char *)key + n, len - n, &c2)) {
                t->notwo = true;
            } else {
                uint32_t h = two_hash(c1, c2);
                t->two[h >> 6] |= 1ull << (h & 63);
            }
        }
    }
    return true;
}
size_t kj_wordlist_key(const char *line)
{
    const char *tab = strchr(line, '\t');
    size_t n = tab ? (size_t)(tab - line) : strlen(line);
    while (n > 0 && line[n - 1] == ' ')
        n--;
    return n;
}

bool kj_dict_add_list(kj_dict *t, const kj_wordlist *wl, int32_t def)
{
    if (!wl)
        return false;
    for (size_t i = 0; i < wl->n; i++) {
        const char *line = wl->lines[i];
        const char *tab = strchr(line, '\t');
        int32_t v = tab ? (int32_t)strtol(tab + 1, NULL, 10) : def;
        size_t n = kj_wordlist_key(line);
        if (n && !kj_dict_add(t, line, n, v))
            return false;
    }
    return true;
}

/* May a key start with ASCII byte b and then byte c? */
static inline bool may_pair(const kj_dict *t, unsigned char b, unsigned char c)
{
    unsigned p2 = b * 256u + c;
    return t->pair[p2 >> 6] >> (p2 & 63) & 1;
}

/* A byte of the text as kj_dict_longest_sp reads it (sp: a line break as
 * a space) or kj_dict_longest (as it is). */
static inline unsigned char text_byte(const char *s, size_t i, bool sp)
{
    unsigned char c = (unsigned char)s[i];
    return sp && c == '\n' ? ' ' : c;
}

/* The walk of kj_dict_longest from the node of s[pos] (a child of the
 * root), which it looks up itself: its callers then keep no node across
 * their filters, and save no registers for it. The loop
 * keeps the node it stands at and the end of the longest key so far (pos:
 * none yet) rather than indices and a length, and steps over a node of one
 * child inline: fewer values live across the loop, so none of them goes to
 * the stack at each byte (most walks step through a few nodes of one
 * child, deep in a key, or of continuation bytes). */
static inline __attribute__((always_inline)) size_t walk_from(const kj_dict *t, const char *s,
                                                              size_t len, size_t pos,
                                                              int32_t *value, bool sp, bool hw)
{
    const tnode *nodes = t->nodes;
    const tnode *n = nodes + t->root[text_byte(s, pos, sp)];
    size_t end = n->term ? pos + 1 : pos;
    const tnode *at = n;
    for (size_t i = pos + 1; i < len; i++) {
        unsigned char b = text_byte(s, i, sp);
        uint32_t c;
        if (n->n == 1) {
            if (b != n->base)
                break;
            c = n->first;
        } else {
            long k = child_of(t, n, b, hw);
            if (k < 0)
                break;
            c = (uint32_t)k;
        }
        n = nodes + c;
        if (n->term) {
            end = i + 1;
            at = n;
        }
    }
    if (end > pos && value)
        *value = t->value[at - nodes];
    return end - pos;
}

/* walk_from, out of line: most lookups end in the filters of
 * kj_dict_longest, which then need no stack frame. */
static __attribute__((noinline)) size_t walk_longest(const kj_dict *t, const char *s, size_t len,
                                                     size_t pos, int32_t *value)
{
    return walk_from(t, s, len, pos, value, false, false);
}

static __attribute__((noinline)) size_t walk_longest_sp(const kj_dict *t, const char *s,
                                                        size_t len, size_t pos,
                                                        int32_t *value)
{
    return walk_from(t, s, len, pos, value, true, false);
}

#if KJ_DICT_POPCNT
/* walk_longest and walk_longest_sp built for the popcnt instruction */
static __attribute__((noinline, target("popcnt"))) size_t
walk_longest_hw(const kj_dict *t, const char *s, size_t len, size_t pos,
                int32_t *value)
{
    return walk_from(t, s, len, pos, value, false, true);
}

static __attribute__((noinline, target("popcnt"))) size_t
walk_longest_sp_hw(const kj_dict *t, const char *s, size_t len, size_t pos,
                   int32_t *value)
{
    return walk_from(t, s, len, pos, value, true, true);
}
#endif

/* The walk of kj_dict_longest (sp false) or kj_dict_longest_sp from the
 * node of s[pos], in the build t->popcnt says. */
static inline __attribute__((always_inline)) size_t walk(const kj_dict *t, const char *s,
                                                        size_t len, size_t pos,
                                                        int32_t *value, bool sp)
{
#if KJ_DICT_POPCNT
    if (t->popcnt)
        return sp ? walk_longest_sp_hw(t, s, len, pos, value)
                  : walk_longest_hw(t, s, len, pos, value);
#endif
    return sp ? walk_longest_sp(t, s, len, pos, value)
              : walk_longest(t, s, len, pos, value);
}

/* kj_dict_longest past the root filter for a text that starts with the
 * byte s[pos] of 0x80 or more when every key starts with a whole BMP
 * character (!t->nofilter): the first character must be one that a key
 * starts with (first[]), and then (two[], unless notwo) a key must go on
 * with the text's next character or be the first alone (alone[], the
 * walk then ends within it). The general case, out of line; a three-byte
 * character followed by another, by ASCII or by the end of the text is
 * tested in kj_dict_longest, so that its path saves no registers. */
static __attribute__((noinline)) size_t longest_wide(const kj_dict *t, const char *s, size_t len,
                                                     size_t pos, int32_t *value)
{
    const unsigned char *u = (const unsigned char *)s + pos;
    unsigned char b = u[0];
    uint32_t cp;
    if (b < 0xC0 || b >= 0xF0)
        return 0;
    if (b < 0xE0) {
        if (len - pos < 2)
            return 0;
        cp = ((uint32_t)(b & 0x1F) << 6) | (u[1] & 0x3F);
    } else {
        if (len - pos < 3)
            return 0;
        cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    if (!(t->first[cp >> 6] & (1ull << (cp & 63))))
        return 0;
    if (t->notwo)
        return walk(t, s, len, pos, value, false);
    size_t n1 = b < 0xE0 ? 2 : 3;
    uint32_t c2;
    if (len - pos > n1 && lead_cp(u + n1, len - pos - n1, &c2) && two_has(t, cp, c2))
        return walk(t, s, len, pos, value, false);
    if (!alone_has(t, cp))
        return 0;
    return walk(t, s, pos + n1, pos, value, false);
}

size_t kj_dict_longest(const kj_dict *t, const char *s, size_t len, size_t pos, int32_t *value)
{
    if (pos >= len)
        return 0;
    unsigned char b = (unsigned char)s[pos];
    uint32_t cur = t->root[b];
    if (!cur)
        return 0;
    if (b < 0x80 && !t->nodes[cur].term) {
        /* no key is the one byte: a match is a key of two bytes or more,
         * which starts with this byte and the next (pair) */
        if (len - pos < 2 || !may_pair(t, b, (unsigned char)s[pos + 1]))
            return 0;
    } else if (b >= 0x80 && !t->nofilter) {
        /* longest_wide's filters, inline for kana and kanji (three bytes)
         * followed by kana, kanji or other three-byte characters, ASCII or
         * the end of the text: most walks they would start end at once */
        if (b < 0xE0 || b >= 0xF0 || len - pos < 3 || t->notwo)
            return longest_wide(t, s, len, pos, value);
        const unsigned char *u = (const unsigned char *)s + pos;
        uint32_t cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        if (!(t->first[cp >> 6] & (1ull << (cp & 63))))
            return 0;
        size_t avail = len - pos - 3;
        if (avail > 0) {
            /* lead_cp's answer for these */
            uint32_t c2;
            if (avail >= 3 && u[3] >= 0xE0 && u[3] <= 0xEF)
                c2 = ((uint32_t)(u[3] & 0x0F) << 12) | ((uint32_t)(u[4] & 0x3F) << 6) |
                     (u[5] & 0x3F);
            else if (u[3] < 0x80)
                c2 = u[3];
            else
                return longest_wide(t, s, len, pos, value);
            if (two_has(t, cp, c2))
                return walk(t, s, len, pos, value, false);
        }
        if (!alone_has(t, cp))
            return 0;
        return walk(t, s, pos + 3, pos, value, false);
    }
    return walk(t, s, len, pos, value, false);
}

size_t kj_dict_longest_sp(const kj_dict *t, const char *s, size_t len, size_t pos, int32_t *value)
{
    if (pos >= len)
        return 0;
    unsigned char b = text_byte(s, pos, true);
    uint32_t cur = t->root[b];
    if (!cur)
        return 0;
    /* the pair filter for an ASCII byte that is no key alone (the other
     * filters read the bytes as they are: past them, the walk alone) */
    if (b < 0x80 && !t->nodes[cur].term &&
        (len - pos < 2 || !may_pair(t, b, text_byte(s, pos + 1, true))))
        return 0;
    return walk(t, s, len, pos, value, true);
}

const uint64_t *kj_dict_first(const kj_dict *t)
{
    return t->nofilter ? NULL : t->first;
}

bool kj_dict_may_start(const kj_dict *t, unsigned char b)
{
    return t->root[b] != 0;
}

size_t kj_dict_maxlen(const kj_dict *t)
{
    return t->maxlen;
}

/* kj_dict_get of a key that starts with a byte of 0x80 or more:
 * kj_dict_longest's filters, then the index. */
static __attribute__((noinline)) bool get_wide(const kj_dict *t, const char *key, size_t len,
                                               int32_t *value)
{
    unsigned char b = (unsigned char)key[0];
    if (!t->nofilter) {
        /* a key equal to this one would start with a whole BMP character
         * whose bit is set */
        const unsigned char *u = (const unsigned char *)key;
        uint32_t cp;
        if (b < 0xC0 || b >= 0xF0)
            return false;
        if (b < 0xE0) {
            if (len < 2)
                return false;
            cp = ((uint32_t)(b & 0x1F) << 6) | (u[1] & 0x3F);
        } else {
            if (len < 3)
                return false;
            cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
        }
        if (!(t->first[cp >> 6] & (1ull << (cp & 63))))
            return false;
        /* and two[]: the pair of its first two characters, or alone[]:
         * the first alone */
        size_t n1 = b < 0xE0 ? 2 : 3;
        uint32_t c2;
        if (!t->notwo && (len == n1 ? !alone_has(t, cp)
                                    : lead_cp(u + n1, len - n1, &c2) && !two_has(t, cp, c2)))
            return false;
    }
    return index_get_wide(t, key, len, value);
}

bool kj_dict_may_end(const kj_dict *t, size_t len, unsigned char b)
{
    if (len >= LAST_LENS)
        return true; /* the filter notes shorter keys alone */
    unsigned l = (unsigned)len * 256u + b;
    return t->last[l >> 6] >> (l & 63) & 1;
}

bool kj_dict_get(const kj_dict *t, const char *key, size_t len, int32_t *value)
{
    if (len == 0) {
        /* the empty key ends at the root */
        if (!t->nodes[0].term)
            return false;
        if (value)
            *value = t->value[0];
        return true;
    }
    unsigned char b = (unsigned char)key[0];
    uint32_t cur = t->root[b];
    if (!cur)
        return false;
    if (len < LAST_LENS) {
        /* no key of this length ends with this byte: most words asked
         * about are no key, and most end here */
        unsigned l = (unsigned)len * 256u + (unsigned char)key[len - 1];
        if (!(t->last[l >> 6] >> (l & 63) & 1))
            return false;
    }
    if (b >= 0x80)
        return get_wide(t, key, len, value);
    if (len > 1 && !may_pair(t, b, (unsigned char)key[1]))
        return false;
    return index_get(t, key, len, value);
}

void kj_dict_set_popcnt(kj_dict *t, bool on)
{
    t->popcnt = on && cpu_popcnt();
}
