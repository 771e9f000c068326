#!/usr/bin/env node
// Compares, per case, the template the CDK synthesized with our own cfn-json export, using
// AWS's @aws-cdk/cloudformation-diff (JSON with JSON: its YAML reading splits !GetAtt on every
// dot). Exits 1 when any case differs or is missing.
//
// usage: node cdk-diff-all.mjs CASES_FILE EXPECTED_DIR SYNTH_DIR [EXPECTED_DIFFERENCES_FILE]
//   EXPECTED_DIFFERENCES_FILE lines are "CASE  COUNT  why": that case must differ in exactly
//   COUNT places (the why is printed).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [casesFile, expectedDir, synthDir, allowedFile] = process.argv.slice(2);
const allowed = new Map();
if (allowedFile) {
    for (const line of readFileSync(allowedFile, 'utf8').split('\n')) {
        const m = line.match(/^(\S+)\s+(\d+)\s+(.*)$/);
        if (m && !line.startsWith('#')) allowed.set(m[1], { count: Number(m[2]), why: m[3] });
    }
}
const modules = process.env.STACKCANVAS_AWS_NODE_MODULES ||
    path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules');
const require = createRequire(path.join(modules, 'package.json'));
const diff = require('@aws-cdk/cloudformation-diff');

// Key order aside, the exact JSON value: for the adversarial strings every byte must survive.
const canonical = (v) => Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',')}}`
    : JSON.stringify(v);

const cases = readFileSync(casesFile, 'utf8').split('\n').filter((c) => c.length > 0);
let failed = 0;
for (const name of cases) {
    const synthesized = path.join(synthDir, `${name}.template.json`);
    const expected = path.join(expectedDir, `${name}.json`);
    if (!existsSync(synthesized)) {
        console.error(`${name}: no synthesized template`);
        failed++;
        continue;
    }
    const ours = JSON.parse(readFileSync(expected, 'utf8'));
    const theirs = JSON.parse(readFileSync(synthesized, 'utf8'));
    const d = diff.fullDiff(ours, theirs);
    if (name.startsWith('adversarial') && canonical(ours) !== canonical(theirs)) {
        failed++;
        console.error(`${name}: the synthesized template is not byte-for-byte the exported one`);
        continue;
    }
    const expectedCount = allowed.get(name)?.count ?? 0;
    if (d.differenceCount === expectedCount && expectedCount > 0) {
        console.log(`${name}: ${expectedCount} expected difference(s): ${allowed.get(name).why}`);
    } else if (d.differenceCount !== expectedCount) {
        failed++;
        const lines = [];
        const stream = { write: (s) => { lines.push(String(s)); return true; } };
        diff.formatDifferences(stream, d);
        console.error(`${name}: ${d.differenceCount} difference(s) (${expectedCount} expected)\n${lines.join('').replace(/\x1b\[[0-9;]*m/g, '')}`);
    }
}
console.log(`diff-all: ${cases.length - failed}/${cases.length} identical`);
process.exit(failed ? 1 : 0);
