#!/usr/bin/env node
// StackCanvas against AWS's own validator on the real-world corpus (tests/data/realworld):
// public templates people deploy. Every template AWS's validator reports no error on must get no
// error from StackCanvas either: an error there would be a false alarm on a working template.
// Prints how many templates StackCanvas reads, how many AWS accepts, and on how many of those
// the two agree; fails on any disagreement, naming the file, line and finding.
//
// usage: node realworld-agreement.mjs STACKCANVAS_CLI CORPUS_DIR
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { awsReport, stackCanvasReport } from './validators.mjs';

const [cli, dir] = process.argv.slice(2);
if (!cli || !dir) {
    console.error('usage: node realworld-agreement.mjs STACKCANVAS_CLI CORPUS_DIR');
    process.exit(2);
}
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => path.join(dir, f));
const aws = awsReport(files);
const ours = stackCanvasReport(cli, files, 'error');

let read = 0, accepted = 0, agreed = 0;
const problems = [];
for (const file of files) {
    const base = path.basename(file);
    const o = ours.files.find((f) => f.path === file);
    const a = aws.files.find((f) => f.path === file);
    if (o) read++;
    else problems.push(`${base}: StackCanvas cannot read it`);
    if (!a || a.errors !== 0) continue;
    accepted++;
    const errors = (o?.findings ?? []).filter((f) => f.severity === 'error');
    if (o && errors.length === 0) agreed++;
    for (const f of errors) problems.push(`${base}:${f.line}: ${f.rule} ${f.message} (AWS's validator reports no error)`);
}

console.log(`AWS validator ${aws.validator}; ${files.length} real-world templates`);
console.log(`StackCanvas reads ${read} of ${files.length}`);
console.log(`AWS's validator accepts ${accepted}; StackCanvas reports no error on ${agreed} of them`);
for (const p of problems) console.log(`   ${p}`);
process.exit(problems.length ? 1 : 0);
