/*
 * config.c -- kijid's configuration: embedded defaults, the config file
 * (`key = value` lines, `#` comments) and command-line flags (`--key-name
 * VALUE`, the same keys with '-' for '_'), applied in that order, so a flag
 * always wins. One table describes every key: the parser, the flags, --help
 * and the reload rules all come from it, so they cannot drift apart.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kd.h"

enum kind {
    K_ENDPOINT,
    K_MODE,
    K_INTYPE,
    K_SUBSCRIBE,
    K_INT,
    K_SIZE,
    K_BOOL,
    K_LEVEL,
    K_TOPICS,
    K_KEYFILE,
    K_ALLOWFILE
};

typedef struct key {
    const char *name;
    enum kind kind;
    size_t off;
    long min, max;
    const char *def; /* default, as written in the file */
    const char *help;
} key;

#define OFF(f) offsetof(kd_config, f)

static const key keys[] = {
    {"in", K_ENDPOINT, OFF(in), 0, 0, "tcp://127.0.0.1:7701", "article input endpoint"},
    {"in_mode", K_MODE, OFF(in), 0, 0, "bind", "bind or connect the in socket"},
    {"in_type", K_INTYPE, 0, 0, 0, "pull", "pull, or sub for a broadcasting feeder"},
    {"in_subscribe", K_SUBSCRIBE, 0, 0, 0, "", "SUB prefix (repeatable; default all)"},
    {"out", K_ENDPOINT, OFF(out), 0, 0, "tcp://127.0.0.1:7702", "XPUB output endpoint"},
    {"out_mode", K_MODE, OFF(out), 0, 0, "bind", "bind or connect the out socket"},
    {"api", K_ENDPOINT, OFF(api), 0, 0, "tcp://127.0.0.1:7703", "ROUTER request/reply endpoint"},
    {"api_mode", K_MODE, OFF(api), 0, 0, "bind", "bind or connect the api socket"},
    {"workers", K_INT, OFF(workers), 0, 256, "0", "parser threads (0 = number of CPUs)"},
    {"max_input", K_SIZE, OFF(max_input), 1, 64L << 20, "1M", "article size limit (K/M suffix)"},
    {"fact_topics", K_TOPICS, OFF(fact_topics), 0, 0, "none",
     "fact.<type> topics: none, all, or a comma list (money,date)"},
    {"stats_interval", K_INT, OFF(stats_interval), 0, 86400, "0",
     "seconds between stats messages (0 = off)"},
    {"log_level", K_LEVEL, OFF(log_level), 0, 0, "info", "err, warning, notice, info, debug"},
    {"no_drop", K_BOOL, OFF(no_drop), 0, 0, "false",
     "slow subscribers push back on input instead of losing messages"},
    {"hwm", K_INT, OFF(hwm), 1, 1000000, "1000", "high-water mark of external sockets"},
    {"queue", K_INT, OFF(queue), 1, 100000, "64", "entries in the worker job and result rings"},
    {"out_linger_ms", K_INT, OFF(out_linger_ms), 0, 60000, "2000",
     "time to flush out at exit (keep below the stop timeout)"},
    {"drain_timeout_ms", K_INT, OFF(drain_timeout_ms), 100, 600000, "5000",
     "longest a stop waits on a blocked subscriber"},
    {"heartbeat_ivl_ms", K_INT, OFF(heartbeat_ivl_ms), 0, 3600000, "5000",
     "ZMTP heartbeat interval"},
    {"heartbeat_timeout_ms", K_INT, OFF(heartbeat_timeout_ms), 0, 3600000, "15000",
     "peer silent this long is dropped"},
    {"heartbeat_ttl_ms", K_INT, OFF(heartbeat_ttl_ms), 0, 6553500, "15000",
     "TTL announced to peers"},
    {"handshake_ivl_ms", K_INT, OFF(handshake_ivl_ms), 0, 3600000, "10000",
     "limit on the ZMTP handshake"},
    {"reconnect_ivl_ms", K_INT, OFF(reconnect_ivl_ms), 1, 3600000, "100",
     "first reconnect delay of connecting sockets"},
    {"reconnect_ivl_max_ms", K_INT, OFF(reconnect_ivl_max_ms), 0, 3600000, "30000",
     "reconnect back-off ceiling"},
    {"max_facts", K_INT, OFF(max_facts), 1, 1000000, "20000",
     "facts per article; more are cut and the article says so in \"limits\""},
    {"wait_subscriptions", K_INT, OFF(wait_subscriptions), 0, 1000000, "0",
     "read no input until this many subscriptions are live on out"},
    {"curve_secret", K_KEYFILE, 0, 0, 0, "",
     "the server's CURVE certificate or secret key file (Z85); empty = no CURVE"},
    {"curve_secret_key", K_KEYFILE, 0, 0, 0, "", "old name of curve_secret"},
    {"curve_allow", K_ALLOWFILE, 0, 0, 0, "",
     "directory of allowed client certificates (or a file of Z85 public keys); "
     "empty = any client"},
};
#define NKEYS (sizeof keys / sizeof keys[0])

static const key *find_key(const char *name)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (strcmp(keys[i].name, name) == 0)
            return &keys[i];
    return NULL;
}

static int parse_long(const char *v, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end)
        return -1;
    *out = n;
    return 0;
}

/* Z85 keys are 40 characters: the first non-comment line of a key file, or
 * one line of an allow-list. Returns 0 and the decoded key, or -1. */
static int z85_key(const char *line, unsigned char bin[32])
{
    return strlen(line) == 40 && zmq_z85_decode(bin, line) ? 0 : -1;
}

/* One line of a key file: a bare Z85 key, or a ZeroMQ certificate line
 * (`public-key = "..."`, `secret-key = "..."`, as `kiji keygen` and
 * zcert write them). Returns 'b' (bare), 'p', 's' with the key text in z,
 * 0 for a line to skip (section header, metadata), or -1. */
static int key_line(char *p, char z[41])
{
    char *eq = strchr(p, '=');
    if (!eq) {
        if (!strcmp(p, "curve") || !strcmp(p, "metadata"))
            return 0;
        if (strlen(p) != 40)
            return -1;
        memcpy(z, p, 41);
        return 'b';
    }
    size_t n = (size_t)(eq - p);
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    int kind = n == 10 && !strncmp(p, "public-key", 10)   ? 'p'
               : n == 10 && !strncmp(p, "secret-key", 10) ? 's'
                                                          : 0;
    if (!kind)
        return 0; /* metadata: name = "..." and the like */
    char *v = eq + 1;
    while (isspace((unsigned char)*v))
        v++;
    if (*v != '"' || strlen(v) != 42 || v[41] != '"')
        return -1;
    memcpy(z, v + 1, 40);
    z[40] = '\0';
    return kind;
}

/* Read a CURVE key file (secret != NULL: the secret key, the first bare key
 * or the certificate's secret-key) or allowed public keys (bare lines or
 * the certificate's public-key) appended to c->allow[*n]. Lines are
 * trimmed; blank and # lines are skipped. */
static int read_key_file(kd_config *c, const char *path, char *secret, int *n, char *err,
                         size_t errlen)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
        return -1;
    }
    char line[256];
    int lineno = 0, rc = 0, found = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        char *p = line;
        while (isspace((unsigned char)*p))
            p++;
        size_t len = strlen(p);
        while (len && isspace((unsigned char)p[len - 1]))
            p[--len] = '\0';
        char z[41];
        unsigned char bin[32];
        int kind;
        /* Z85 has '#' and '=' in its alphabet but no space: a 40-character
         * line that decodes is a bare key, whatever it starts with. */
        if (strlen(p) == 40 && !z85_key(p, bin)) {
            memcpy(z, p, 41);
            kind = 'b';
        } else if (!*p || *p == '#')
            continue;
        else
            kind = key_line(p, z);
        if (kind == 0 || (kind == 's' && !secret) || (kind == 'p' && secret))
            continue;
        if (kind < 0 || z85_key(z, bin)) {
            snprintf(err, errlen, "%s:%d: not a 40-character Z85 CURVE key", path, lineno);
            rc = -1;
            break;
        }
        if (secret) {
            memcpy(secret, z, 41);
            found = 1;
            break;
        }
        if (*n >= KD_ALLOW_MAX) {
            snprintf(err, errlen, "%s: more than %d keys", path, KD_ALLOW_MAX);
            rc = -1;
            break;
        }
        memcpy(c->allow[(*n)++], bin, 32);
        found = 1;
    }
    fclose(fp);
    if (rc == 0 && !found) {
        snprintf(err, errlen, "%s: no %s key in the file", path, secret ? "secret" : "public");
        rc = -1;
    }
    return rc;
}

/* The allow-list: a directory of client certificates (every regular file
 * not starting with '.' and not a *_secret file, as zcert names them), or
 * one file of keys. */
static int read_allow(kd_config *c, const char *path, char *err, size_t errlen)
{
    int n = 0;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d) {
            snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
            return -1;
        }
        struct dirent *e;
        int rc = 0;
        while (rc == 0 && (e = readdir(d))) {
            size_t len = strlen(e->d_name);
            if (e->d_name[0] == '.' || (len > 7 && !strcmp(e->d_name + len - 7, "_secret")) ||
                (len > 4 && !strcmp(e->d_name + len - 4, ".key")))
                continue;
            char f[PATH_MAX];
            if ((size_t)snprintf(f, sizeof f, "%s/%s", path, e->d_name) >= sizeof f)
                continue;
            struct stat fs;
            if (stat(f, &fs) || !S_ISREG(fs.st_mode))
                continue;
            rc = read_key_file(c, f, NULL, &n, err, errlen);
        }
        closedir(d);
        if (rc)
            return -1;
        if (n == 0) {
            snprintf(err, errlen, "%s: no client certificates in the directory", path);
            return -1;
        }
    } else if (read_key_file(c, path, NULL, &n, err, errlen))
        return -1;
    c->nallow = n;
    return 0;
}

/* Set one key from its text value. Returns 0, or -1 with why in err. */
static int set_key(kd_config *c, const key *k, const char *v, char *err, size_t errlen)
{
    char *base = (char *)c;
    switch (k->kind) {
    case K_ENDPOINT: {
        kd_endpoint *e = (kd_endpoint *)(base + k->off);
        if (!*v || strlen(v) >= sizeof e->addr || !strstr(v, "://")) {
            snprintf(err, errlen, "expected an endpoint like tcp://127.0.0.1:7701, got '%s'", v);
            return -1;
        }
        strcpy(e->addr, v);
        return 0;
    }
    case K_MODE: {
        kd_endpoint *e = (kd_endpoint *)(base + k->off);
        if (strcmp(v, "bind") == 0)
            e->bind = 1;
        else if (strcmp(v, "connect") == 0)
            e->bind = 0;
        else {
            snprintf(err, errlen, "expected bind or connect, got '%s'", v);
            return -1;
        }
        return 0;
    }
    case K_INTYPE:
        if (strcmp(v, "pull") == 0)
            c->in_sub = 0;
        else if (strcmp(v, "sub") == 0)
            c->in_sub = 1;
        else {
            snprintf(err, errlen, "expected pull or sub, got '%s'", v);
            return -1;
        }
        return 0;
    case K_SUBSCRIBE:
        if (c->nsubscribe >= KD_SUBSCRIBE_MAX || strlen(v) >= KD_ENDPOINT_MAX) {
            snprintf(err, errlen, "at most %d prefixes of under %d bytes", KD_SUBSCRIBE_MAX,
                     KD_ENDPOINT_MAX);
            return -1;
        }
        strcpy(c->subscribe[c->nsubscribe++], v);
        return 0;
    case K_INT: {
        long n;
        if (parse_long(v, &n) || n < k->min || n > k->max) {
            snprintf(err, errlen, "expected an integer %ld..%ld, got '%s'", k->min, k->max, v);
            return -1;
        }
        *(int *)(base + k->off) = (int)n;
        return 0;
    }
    case K_SIZE: {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(v, &end, 10);
        unsigned long long mult = 1;
        if (*end == 'K' || *end == 'k')
            mult = 1024, end++;
        else if (*end == 'M' || *end == 'm')
            mult = 1024 * 1024, end++;
        if (errno || end == v || *end || !isdigit((unsigned char)v[0]) ||
            n > (unsigned long long)k->max / mult || n * mult < (unsigned long long)k->min) {
            snprintf(err, errlen, "expected a size 1..64M (bytes, or K/M suffix), got '%s'", v);
            return -1;
        }
        *(size_t *)(base + k->off) = (size_t)(n * mult);
        return 0;
    }
    case K_BOOL: {
        int b;
        if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1"))
            b = 1;
        else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0"))
            b = 0;
        else {
            snprintf(err, errlen, "expected true or false, got '%s'", v);
            return -1;
        }
        *(int *)(base + k->off) = b;
        return 0;
    }
    case K_LEVEL: {
        int l = kd_log_level_from_name(v);
        if (l < 0) {
            snprintf(err, errlen, "expected err, warning, notice, info or debug, got '%s'", v);
            return -1;
        }
        *(int *)(base + k->off) = l;
        return 0;
    }
    case K_KEYFILE:
        c->curve_secret[0] = '\0';
        c->curve_secret_path[0] = '\0';
        if (!*v)
            return 0;
        if (strlen(v) >= sizeof c->curve_secret_path) {
            snprintf(err, errlen, "path too long");
            return -1;
        }
        strcpy(c->curve_secret_path, v);
        return read_key_file(c, v, c->curve_secret, NULL, err, errlen);
    case K_ALLOWFILE:
        c->nallow = 0;
        c->curve_allow_path[0] = '\0';
        if (!*v)
            return 0;
        if (strlen(v) >= sizeof c->curve_allow_path) {
            snprintf(err, errlen, "path too long");
            return -1;
        }
        strcpy(c->curve_allow_path, v);
        return read_allow(c, v, err, errlen);
    case K_TOPICS: {
        uint32_t mask = 0;
        if (strcmp(v, "all") == 0) {
            for (int t = 1; t <= KIJI_FACT_MAX; t++)
                mask |= KIJI_FACT_BIT(t);
        } else if (strcmp(v, "none") != 0 && *v) {
            const char *p = v;
            while (*p) {
                const char *q = strchr(p, ',');
                size_t n = q ? (size_t)(q - p) : strlen(p);
                char name[64];
                while (n && isspace((unsigned char)*p))
                    p++, n--;
                while (n && isspace((unsigned char)p[n - 1]))
                    n--;
                if (n == 0 || n >= sizeof name) {
                    snprintf(err, errlen, "expected none, all or fact types, got '%s'", v);
                    return -1;
                }
                memcpy(name, p, n);
                name[n] = '\0';
                int t = kiji_fact_type_from_name(name);
                if (t <= 0) {
                    snprintf(err, errlen, "unknown fact type '%s'", name);
                    return -1;
                }
                mask |= KIJI_FACT_BIT(t);
                p = q ? q + 1 : p + n;
            }
        }
        *(uint32_t *)(base + k->off) = mask;
        return 0;
    }
    }
    return -1;
}

void kd_config_defaults(kd_config *c)
{
    char err[256];
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < NKEYS; i++)
        if (keys[i].kind != K_SUBSCRIBE)
            set_key(c, &keys[i], keys[i].def, err, sizeof err);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static int load_file(kd_config *c, const char *path, int must_exist, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        if (!must_exist && errno == ENOENT)
            return 0;
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char line[1024];
    int lineno = 0, rc = 0, subs_reset = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            snprintf(err, errlen, "%s:%d: line longer than %zu bytes", path, lineno,
                     sizeof line - 2);
            rc = -1;
            break;
        }
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%d: expected 'key = value', got '%s'", path, lineno, s);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *name = trim(s), *value = trim(eq + 1);
        const key *k = find_key(name);
        if (!k) {
            snprintf(err, errlen, "%s:%d: key '%s': unknown key", path, lineno, name);
            rc = -1;
            break;
        }
        if (k->kind == K_SUBSCRIBE && !subs_reset) {
            c->nsubscribe = 0; /* the file's list replaces, then accumulates */
            subs_reset = 1;
        }
        char why[200];
        if (set_key(c, k, value, why, sizeof why)) {
            snprintf(err, errlen, "%s:%d: key '%s': %s", path, lineno, name, why);
            rc = -1;
            break;
        }
    }
    if (rc == 0 && ferror(fp)) {
        snprintf(err, errlen, "%s: read error", path);
        rc = -1;
    }
    fclose(fp);
    return rc;
}

/* Flags main.c handles; skipped here (with their argument when they take one). */
static int non_key_flag(const char *a, int *takes_arg)
{
    static const char *const plain[] = {"--help", "-h", "--version", "--check-config", NULL};
    *takes_arg = 0;
    for (int i = 0; plain[i]; i++)
        if (strcmp(a, plain[i]) == 0)
            return 1;
    if (strcmp(a, "--config") == 0 || strcmp(a, "-c") == 0) {
        *takes_arg = 1;
        return 1;
    }
    return strncmp(a, "--config=", 9) == 0;
}

static int load_args(kd_config *c, int argc, char **argv, char *err, size_t errlen)
{
    int subs_reset = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int takes;
        if (non_key_flag(a, &takes)) {
            i += takes;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || !a[2]) {
            snprintf(err, errlen, "%s: unexpected argument (see --help)", a);
            return -1;
        }
        char name[64];
        const char *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        if (n >= sizeof name) {
            snprintf(err, errlen, "%s: unknown option", a);
            return -1;
        }
        for (size_t j = 0; j < n; j++)
            name[j] = a[2 + j] == '-' ? '_' : a[2 + j];
        name[n] = '\0';
        const key *k = find_key(name);
        const char *value;
        if (!k && strncmp(name, "no_", 3) == 0 && !eq && (k = find_key(name + 3)) &&
            k->kind == K_BOOL) {
            value = "false"; /* --no-foo for a boolean foo */
        } else if (!k) {
            snprintf(err, errlen, "%.*s: unknown option (see --help)", (int)(n + 2), a);
            return -1;
        } else if (eq)
            value = eq + 1;
        else if (k->kind == K_BOOL)
            value = "true";
        else if (i + 1 < argc)
            value = argv[++i];
        else {
            snprintf(err, errlen, "--%.*s: needs a value", (int)n, a + 2);
            return -1;
        }
        if (k->kind == K_SUBSCRIBE && !subs_reset) {
            c->nsubscribe = 0;
            subs_reset = 1;
        }
        char why[200];
        if (set_key(c, k, value, why, sizeof why)) {
            snprintf(err, errlen, "--%.*s (key '%s'): %s", (int)n, a + 2, k->name, why);
            return -1;
        }
    }
    return 0;
}

int kd_config_load(kd_config *c, const char *path, int argc, char **argv, char *err, size_t errlen)
{
    kd_config_defaults(c);
    if (load_file(c, path ? path : KD_DEFAULT_CONFIG, path != NULL, err, errlen))
        return -1;
    if (load_args(c, argc, argv, err, errlen))
        return -1;
    if (c->curve_allow_path[0] && !c->curve_secret[0]) {
        snprintf(err, errlen, "key 'curve_allow': needs curve_secret");
        return -1;
    }
    if (c->nsubscribe == 0 && c->in_sub) {
        c->subscribe[0][0] = '\0'; /* everything */
        c->nsubscribe = 1;
    }
    return 0;
}

void kd_config_usage(FILE *fp)
{
    fprintf(fp, "Configuration keys (file: key = value; flag: --key-name VALUE):\n");
    for (size_t i = 0; i < NKEYS; i++) {
        char flag[64];
        size_t n = strlen(keys[i].name);
        for (size_t j = 0; j <= n; j++)
            flag[j] = keys[i].name[j] == '_' ? '-' : keys[i].name[j];
        fprintf(fp, "  --%-22s %s (default: %s)\n", flag, keys[i].help,
                *keys[i].def ? keys[i].def : "\"\"");
    }
}
