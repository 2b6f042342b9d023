// rt_replay.js -- the peer's own pass rate on its English date extractor and
// parser suites, measured by running the peer (Microsoft Recognizers-Text,
// npm @microsoft/recognizers-text-date-time) over them, and the cases of its
// English PercentModel suite the peer fails (npm
// @microsoft/recognizers-text-number), so bench/CONFORMANCE.md can compare
// both on the cases it does not judge spec errors.
//
//   node bench/rt_replay.js SPECS_DIR        (NODE_PATH must reach the package)
//
// SPECS_DIR is ../shared/peer-specs/recognizers-text. Each file's cases are
// checked the way the peer's own spec runner checks them: an extractor case
// passes when the peer returns as many results as expected and each has the
// expected text, type, start and length; a parser case passes when, for the
// extracted results parsed in order, each has the expected text and type and,
// where the case gives them, the expected timex, mod and future / past
// resolution. A percent case passes when the peer returns the expected
// results in order, each with the expected text and resolution value (a null
// value is the string "null" in the specs). A case that throws fails. Prints
// one line per file: "FILE PASSED / CASES", and for the percent file the
// failing cases by index (from 0, as bench/conformance.py numbers them).
'use strict';

const fs = require('fs');
const path = require('path');
const DT = require('@microsoft/recognizers-text-date-time');
const NUM = require('@microsoft/recognizers-text-number');

function isEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length)
        return false;
    return ka.every(k => isEqual(a[k], b[k]));
}

// The reference date of a case, read as local time as the peer's runner does.
function referenceDate(c) {
    const s = c.Context && c.Context.ReferenceDateTime;
    if (!s)
        return undefined;
    const p = s.split(/\D/).map(Number);
    return new Date(p[0], p[1] - 1, p[2], p[3] || 0, p[4] || 0, p[5] || 0);
}

// A resolution map (the peer returns a Map or a plain object) as an object.
function plain(v) {
    if (v instanceof Map)
        return Object.fromEntries(v);
    return v;
}

function extractorCase(ext, c) {
    const got = ext.extract(c.Input, referenceDate(c));
    const want = c.Results || [];
    if (got.length !== want.length)
        return false;
    return want.every((w, i) => {
        const g = got[i];
        return (w.Text === undefined || g.text === w.Text) &&
               (w.Type === undefined || g.type === w.Type) &&
               (w.Start === undefined || g.start === w.Start) &&
               (w.Length === undefined || g.length === w.Length);
    });
}

function parserCase(ext, parser, c) {
    const ref = referenceDate(c);
    const got = ext.extract(c.Input, ref).map(er => parser.parse(er, ref));
    const want = c.Results || [];
    if (got.length !== want.length)
        return false;
    return want.every((w, i) => {
        const g = got[i];
        if (g.text !== w.Text || g.type !== w.Type || !!g.value !== !!w.Value)
            return false;
        if (!w.Value)
            return true;
        const v = g.value;
        if (w.Value.Timex !== undefined && v.timex !== w.Value.Timex)
            return false;
        if (w.Value.Mod !== undefined && v.mod !== w.Value.Mod)
            return false;
        if (w.Value.FutureResolution !== undefined &&
            !isEqual(plain(v.futureResolution), w.Value.FutureResolution))
            return false;
        if (w.Value.PastResolution !== undefined &&
            !isEqual(plain(v.pastResolution), w.Value.PastResolution))
            return false;
        return true;
    });
}

function percentCase(c) {
    const got = NUM.recognizePercentage(c.Input, NUM.Culture.English);
    const want = c.Results || [];
    if (got.length !== want.length)
        return false;
    return want.every((w, i) => {
        const g = got[i];
        const value = g.resolution ? String(g.resolution.value) : 'null';
        return g.text === w.Text && value === String(w.Resolution && w.Resolution.value);
    });
}

function percentSuite(specs) {
    const rel = path.join('Number', 'English', 'PercentModel.json');
    const file = path.join(specs, rel);
    if (!fs.existsSync(file)) {
        console.log(`${rel} absent`);
        return;
    }
    const cases = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    const failed = [];
    cases.forEach((c, i) => {
        let ok = false;
        try {
            ok = percentCase(c);
        } catch (e) {
            ok = false;
        }
        if (!ok)
            failed.push('#' + i);
    });
    console.log(`${rel} ${cases.length - failed.length} / ${cases.length}` +
                (failed.length ? ` (fails ${failed.join(' ')})` : ''));
}

function main() {
    const specs = process.argv[2];
    if (!specs) {
        console.error('usage: node rt_replay.js SPECS_DIR');
        process.exit(2);
    }
    const common = new DT.EnglishCommonDateTimeParserConfiguration();
    const suites = [
        ['Date', new DT.BaseDateExtractor(new DT.EnglishDateExtractorConfiguration()),
         new DT.BaseDateParser(new DT.EnglishDateParserConfiguration(common))],
        ['DatePeriod', new DT.BaseDatePeriodExtractor(new DT.EnglishDatePeriodExtractorConfiguration()),
         new DT.BaseDatePeriodParser(new DT.EnglishDatePeriodParserConfiguration(common))],
        ['Duration', new DT.BaseDurationExtractor(new DT.EnglishDurationExtractorConfiguration()),
         new DT.BaseDurationParser(new DT.EnglishDurationParserConfiguration(common))],
    ];
    for (const [name, ext, parser] of suites) {
        for (const kind of ['Extractor', 'Parser']) {
            const rel = path.join('DateTime', 'English', name + kind + '.json');
            const file = path.join(specs, rel);
            if (!fs.existsSync(file)) {
                console.log(`${rel} absent`);
                continue;
            }
            const cases = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
            let passed = 0;
            for (const c of cases) {
                let ok = false;
                try {
                    ok = kind === 'Extractor' ? extractorCase(ext, c) : parserCase(ext, parser, c);
                } catch (e) {
                    ok = false;
                }
                if (ok)
                    passed++;
            }
            console.log(`${rel} ${passed} / ${cases.length}`);
        }
    }
    percentSuite(specs);
}

main();
