#!/usr/bin/env node
// Agreement between StackCanvas's rules and AWS's own validator on the deliberately broken
// templates (tests/data/broken). Prints two figures:
//   1. of AWS's errors (ERROR/FATAL), how many StackCanvas also reports (a finding of ours on the
//      same line, or on the same resource);
//   2. how many of our error findings in the structure, reference and schema families (1-3)
//      AWS does not raise at any severity. Each must be listed, with the reason, in
//      rules-agreement-extras.txt ("FILE RULE  reason"); an unlisted one fails the test.
// Our findings of families 4-7 that AWS does not raise are printed too: they are the
// deployment, data-protection, governance and operations rules AWS's validator has no
// equivalent of, by design.
//
// usage: node rules-agreement.mjs STACKCANVAS_CLI BROKEN_DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { awsReport, stackCanvasReport } from './validators.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [cli, dir] = process.argv.slice(2);
if (!cli || !dir) {
    console.error('usage: node rules-agreement.mjs STACKCANVAS_CLI BROKEN_DIR');
    process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
const aws = awsReport(files);
const ours = stackCanvasReport(cli, files, 'warning');

const extras = new Map();
for (const line of readFileSync(path.join(here, 'rules-agreement-extras.txt'), 'utf8').split('\n')) {
    const m = line.match(/^\s*([^#\s]\S*)\s+([EWI]\d{4})\s+(.*)$/);
    if (m) extras.set(`${m[1]} ${m[2]}`, m[3]);
}

const isError = (s) => s === 'ERROR' || s === 'FATAL';
const family = (rule) => Number(rule[1]);
let awsErrors = 0, awsFound = 0, oursCore = 0, oursCoreExtra = 0, unlisted = 0;
const missed = [], coreExtras = [], deliberate = [];
for (const file of files) {
    const base = path.basename(file);
    const a = aws.files.find((f) => f.path === file)?.diagnostics ?? [];
    const o = ours.files.find((f) => f.path === file)?.findings ?? [];
    for (const d of a.filter((d) => isError(d.severity))) {
        awsErrors++;
        const id = d.entity?.logicalId;
        if (o.some((f) => f.line === d.startLine || (id && f.resource === id))) awsFound++;
        else missed.push(`${base}:${d.startLine}: ${d.ruleId} ${String(d.message).replace(/\s+/g, ' ')}`);
    }
    for (const f of o.filter((f) => f.severity === 'error')) {
        // Same line, or an AWS error on the same resource (AWS often points at the resource).
        const raised = a.some((d) => d.startLine === f.line
                                     || (isError(d.severity) && f.resource && d.entity?.logicalId === f.resource));
        if (family(f.rule) <= 3) {
            oursCore++;
            if (raised) continue;
            oursCoreExtra++;
            const reason = extras.get(`${base} ${f.rule}`);
            if (!reason) unlisted++;
            coreExtras.push(`${base}:${f.line}: ${f.rule} ${f.message}  -- ${reason ?? 'NOT LISTED in rules-agreement-extras.txt'}`);
        } else if (!raised) {
            deliberate.push(`${base}:${f.line}: ${f.rule} ${f.message}`);
        }
    }
}

console.log(`AWS validator ${aws.validator}; ${files.length} broken templates`);
console.log(`1. AWS's errors we also report: ${awsFound} of ${awsErrors}`);
for (const m of missed) console.log(`   missed: ${m}`);
console.log(`2. our structure/reference/schema errors AWS does not raise: ${oursCoreExtra} of ${oursCore}`);
for (const e of coreExtras) console.log(`   ${e}`);
console.log(`   deployment and other rule findings AWS has no equivalent of (families 4-7): ${deliberate.length}`);
for (const d of deliberate) console.log(`   ${d}`);
process.exit(unlisted ? 1 : 0);
