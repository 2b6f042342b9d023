// peers_driver.js -- run by bench/peers.sh (which installs the peers with npm
// into a temporary directory and points NODE_PATH at it); not meant to be run
// alone.
//
//   node peers_driver.js CORPUS KIJI SENTENCES ROUNDS WORKDIR [PARSE_BENCH]
//
// Draws the first SENTENCES sentences from the corpus (article texts split
// after 。！？ and at line breaks), then, ROUNDS times: one timed pass of each
// peer in this process over all of them, and kiji over the same sentences,
// sentence by sentence, two ways. In process, as the peers run: PARSE_BENCH
// (bench/parse_bench --records) decodes the sentences first, then parses and
// serializes each with one warm kiji_doc for about a CPU-second of passes; the
// ratios kiji / peer are taken from this. As a command: one timed `kiji parse
// --jsonl --quiet` over one record per sentence, which also decodes each JSON
// line; kiji's process start-up (parser init) is measured on a one-sentence
// file and subtracted, and printed too. Without PARSE_BENCH only the command
// is timed, and the ratios are taken from it. Speeds are
// medians [min - max] over the rounds; the ratio kiji / peer is taken per
// round, so both sides of a ratio ran within seconds of each other. Each
// figure is given twice: by wall clock, and by CPU time (user + system; the
// machine is shared, and CPU time does not count time spent waiting for a
// core). The command's CPU time comes from the shell's `times` (10 ms
// ticks); parse_bench reads its own process CPU clock.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [corpus, kiji, nSentences, nRounds, work, parseBench] = process.argv.slice(2);
const N = Number(nSentences), ROUNDS = Number(nRounds);
const REF = new Date('2026-02-13T09:00:00+09:00'); // fixed reference date

function sentencesOf(text) {
    const out = [];
    for (const m of text.matchAll(/[^。！？\n]+[。！？]*/g)) {
        const s = m[0].trim();
        if (s) out.push(s);
    }
    return out;
}

const sentences = [];
for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
    if (sentences.length >= N) break;
    if (!line.trim()) continue;
    const rec = JSON.parse(line);
    for (const s of sentencesOf(rec.text || '')) {
        if (sentences.length >= N) break;
        sentences.push(s);
    }
}
const bytes = sentences.reduce((b, s) => b + Buffer.byteLength(s, 'utf8'), 0);

// Recognizers-Text has Japanese models for exactly these five (Dimension and
// Temperature throw for ja-jp; DateTime silently falls back to English).
// Models are built once and reused, as a long-running service would.
const R = require('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const ja = R.Culture.Japanese;
const nr = new NumberRecognizer(ja), ur = new NumberWithUnitRecognizer(ja);
const msModels = [nr.getNumberModel(ja, false), nr.getOrdinalModel(ja, false),
                  nr.getPercentageModel(ja, false), ur.getAgeModel(ja, false),
                  ur.getCurrencyModel(ja, false)];
const chrono = require('chrono-node');

const peers = [
    { name: 'Recognizers-Text (number, ordinal, percentage, age, currency)',
      short: 'recognizers-text',
      run: (s) => msModels.reduce((n, m) => n + m.parse(s).length, 0) },
    { name: 'chrono-node ja (dates)', short: 'chrono-node',
      run: (s) => chrono.ja.parse(s, REF).length },
];

function seconds(t0) { return Number(process.hrtime.bigint() - t0) / 1e9; }

function cpuSeconds(c0) { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; }

// One timed pass is p.reps passes over the sentences (a fast peer needs
// several for a figure above timer and GC noise); times are per pass.
function timePeer(p) {
    let found = 0;
    const c0 = process.cpuUsage(), t0 = process.hrtime.bigint();
    for (let r = 0; r < p.reps; r++)
        for (const s of sentences) found += p.run(s);
    return { secs: seconds(t0) / p.reps, cpu: cpuSeconds(c0) / p.reps, found: found / p.reps };
}

// kiji input files: the sentences once, kijiReps times (kiji is fast: a timed
// run repeats them so it lasts about a CPU-second, above the 10 ms ticks of
// `times`), and one sentence alone (start-up).
const recs = (reps) => {
    const lines = [];
    for (let r = 0; r < reps; r++)
        sentences.forEach((s, i) => lines.push(JSON.stringify(
            { id: `s${r}-${i}`, date: '2026-02-13', lang: 'ja', text: s })));
    return lines.join('\n') + '\n';
};
const fileOnce = path.join(work, 'sentences.jsonl');
const fileAll = path.join(work, 'sentences-x.jsonl');
const fileOne = path.join(work, 'one.jsonl');
let kijiReps = 10;
fs.writeFileSync(fileOnce, recs(1));
fs.writeFileSync(fileAll, recs(kijiReps));
fs.writeFileSync(fileOne, JSON.stringify({ id: 'one', date: '2026-02-13', lang: 'ja',
                                           text: sentences[0] }) + '\n');

function check(r, what) {
    if (r.status !== 0) {
        process.stderr.write(`peers: ${what} failed: ${r.stderr || r.error}\n`);
        process.exit(1);
    }
    return r;
}

// Timed: through sh, whose `times` prints the children's user and system time.
function timeKiji(file) {
    const script = '"$0" parse --jsonl --quiet "$1" 2>/dev/null || exit 1; times';
    const t0 = process.hrtime.bigint();
    const r = check(spawnSync('sh', ['-c', script, kiji, file], { encoding: 'utf8', timeout: 120000 }),
                    `${kiji} parse --jsonl --quiet ${file}`);
    const secs = seconds(t0);
    const m = r.stdout.trim().split('\n').pop().match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
    const cpu = m ? 60 * m[1] + Number(m[2]) + 60 * m[3] + Number(m[4]) : NaN;
    return { secs, cpu };
}

// In process: parse_bench's one line gives the per-pass wall and CPU time.
function timeKijiInProcess() {
    const r = check(spawnSync(parseBench, ['--records', fileOnce, '--seconds', '1'],
                              { encoding: 'utf8', timeout: 120000 }),
                    `${parseBench} --records ${fileOnce}`);
    const m = r.stdout.match(/(\d+) passes in .* per pass ([\d.]+) s wall, ([\d.]+) s CPU/);
    if (!m) {
        process.stderr.write(`peers: unexpected output from ${parseBench}: ${r.stdout}\n`);
        process.exit(1);
    }
    return { secs: Number(m[2]), cpu: Number(m[3]), passes: Number(m[1]) };
}

// What each side finds, for context (not part of the timing).
const kijiOnce = check(spawnSync(kiji, ['parse', '--jsonl', fileOnce],
                                 { maxBuffer: 1 << 28, encoding: 'utf8', timeout: 120000 }),
                       `${kiji} parse --jsonl ${fileOnce}`);
let kijiFacts = 0, kijiByType = {};
kijiOnce.stdout.split('\n').forEach((l) => {
    if (!l) return;
    for (const f of JSON.parse(l).facts || []) {
        kijiFacts++;
        kijiByType[f.type] = (kijiByType[f.type] || 0) + 1;
    }
});

// Warm-up (JIT), which also sets each peer's repetitions: about 0.5 s a pass.
const MIN_PASS = 0.5;
for (const p of peers) {
    p.reps = 1;
    const w = timePeer(p);
    p.reps = Math.min(200, Math.max(1, Math.ceil(MIN_PASS / Math.max(w.cpu, 1e-4))));
}
{
    const one = timeKiji(fileOne), ten = timeKiji(fileAll);
    const perRep = Math.max(ten.cpu - one.cpu, 0.01) / kijiReps;
    kijiReps = Math.min(200, Math.max(10, Math.ceil(1.0 / perRep)));
    fs.writeFileSync(fileAll, recs(kijiReps));
}

// rows.kiji is what the ratios use: in process when parse_bench is there.
const rows = { kiji: [], 'kiji command': [] };
for (const p of peers) rows[p.short] = [];
const startup = [], startupCpu = [], inPasses = [];
for (let round = 0; round < ROUNDS; round++) {
    for (const p of peers) rows[p.short].push(timePeer(p));
    const one = timeKiji(fileOne), all = timeKiji(fileAll);
    startup.push(one.secs);
    startupCpu.push(one.cpu);
    const net = Math.max(all.secs - one.secs, 1e-6) / kijiReps;
    rows['kiji command'].push({ secs: net, cpu: Math.max(all.cpu - one.cpu, 0.01) / kijiReps,
                                gross: net + one.secs }); // gross: one pass as its own process
    if (parseBench) {
        const ip = timeKijiInProcess();
        inPasses.push(ip.passes);
        rows.kiji.push(ip);
    }
}
if (!parseBench) rows.kiji = rows['kiji command'];

const med = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (v, d) => `${med(v).toFixed(d)} [${Math.min(...v).toFixed(d)} - ${Math.max(...v).toFixed(d)}]`;
const by = { wall: 'secs', cpu: 'cpu' };

console.log(`peers: ${sentences.length} sentences, ${bytes} bytes (${(bytes / sentences.length).toFixed(0)} bytes average) from ${corpus}`);
console.log(`  node ${process.version}; ${ROUNDS} rounds; figures are median [min - max]`);
if (parseBench)
    console.log(`  kiji: ${parseBench} --records (in process, one warm kiji_doc, parse + JSON per sentence), ${fmt(inPasses, 0)} passes per round; ratios use it`);
else
    console.log('  kiji: no parse_bench beside kiji (build it, or set KIJI_PARSE_BENCH): ratios use the command');
console.log(`  kiji command: ${kiji} parse --jsonl --quiet, sentences x${kijiReps} per timed run, one record per sentence`);
console.log(`        (JSON decoding of each record included); process start-up ${fmt(startup.map((s) => s * 1e3), 0)} ms wall,`);
console.log(`        ${fmt(startupCpu.map((s) => s * 1e3), 0)} ms CPU, measured on one sentence and subtracted`);
console.log(`  found: kiji ${kijiFacts} facts ${JSON.stringify(kijiByType)}`);
for (const p of peers)
    console.log(`         ${p.short} ${rows[p.short][0].found} matches (${p.name}); timed as ${p.reps} pass(es) per round`);
for (const clock of ['wall', 'cpu']) {
    const k = by[clock];
    console.log('');
    console.log(`  by ${clock === 'wall' ? 'wall clock' : 'CPU time (user + system)'}:`);
    console.log(`  ${'side'.padEnd(17)} ${'MB/s'.padStart(28)} ${'sentences/s'.padStart(28)}   kiji / side`);
    const sides = parseBench ? ['kiji', 'kiji command'] : ['kiji'];
    for (const side of sides.concat(peers.map((p) => p.short))) {
        const r = rows[side];
        const ratio = side.startsWith('kiji') ? '' : fmt(rows.kiji.map((kr, i) => r[i][k] / kr[k]), 2) + ' x';
        console.log(`  ${side.padEnd(17)} ${fmt(r.map((x) => bytes / x[k] / 1e6), 3).padStart(28)} ${fmt(r.map((x) => sentences.length / x[k]), 0).padStart(28)}   ${ratio}`);
    }
}
console.log('');
console.log(`  kiji, one pass of ${sentences.length} sentences as its own process (start-up included, wall): ${fmt(rows['kiji command'].map((r) => bytes / r.gross / 1e6), 3)} MB/s`);
