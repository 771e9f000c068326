#!/usr/bin/env node
// Compares, per case, the template the CDK synthesized with our own cfn-json export, using
// AWS's @aws-cdk/cloudformation-diff (JSON with JSON: its YAML reading splits !GetAtt on every
// dot). Exits 1 when any case differs or is missing.
//
// usage: node cdk-diff-all.mjs CASES_FILE EXPECTED_DIR SYNTH_DIR
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [casesFile, expectedDir, synthDir] = process.argv.slice(2);
const modules = process.env.STACKCANVAS_AWS_NODE_MODULES ||
    path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules');
const require = createRequire(path.join(modules, 'package.json'));
const diff = require('@aws-cdk/cloudformation-diff');

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
    if (d.differenceCount > 0) {
        failed++;
        const lines = [];
        const stream = { write: (s) => { lines.push(String(s)); return true; } };
        diff.formatDifferences(stream, d);
        console.error(`${name}: ${d.differenceCount} difference(s)\n${lines.join('').replace(/\x1b\[[0-9;]*m/g, '')}`);
    }
}
console.log(`diff-all: ${cases.length - failed}/${cases.length} identical`);
process.exit(failed ? 1 : 0);
