#!/usr/bin/env node
// Validates CloudFormation templates (YAML or JSON) with AWS's own validator,
// @aws/cloudformation-validate, which ships inside aws-cdk-lib (not exported by it, so it
// is required from aws-cdk-lib's own node_modules). One engine is started and reused for
// every file: starting it costs about a second, a template costs milliseconds.
//
// Usage: node validate.mjs [--warnings] [--quiet] [--timing] [--json] [--skip-list FILE] FILE...
//   prints "PATH: N errors" per file and "PATH:LINE:COLUMN: RULE message" per finding of
//   severity ERROR or FATAL (and WARN with --warnings); exits 1 if any file has an
//   error-severity finding, 2 on bad usage or when the tools are not installed.
//   --skip-list names a file of "FILENAME  reason" lines (# comments allowed): files whose
//   base name is listed are reported as skipped and not validated.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = path.dirname(fileURLToPath(import.meta.url));

function loadValidator() {
    const nodeModules = process.env.STACKCANVAS_AWS_NODE_MODULES || path.join(here, 'node_modules');
    const cdkPackage = path.join(nodeModules, 'aws-cdk-lib', 'package.json');
    if (!existsSync(cdkPackage)) {
        console.error(`validate.mjs: ${nodeModules} has no aws-cdk-lib; run installer/install-deps.sh ` +
                      `(it runs "npm install" in tests/aws)`);
        process.exit(2);
    }
    const require = createRequire(cdkPackage);
    const validatorDir = path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')),
                                   'node_modules', '@aws', 'cloudformation-validate');
    if (!existsSync(path.join(validatorDir, 'package.json'))) {
        console.error(`validate.mjs: ${validatorDir} is missing; the installed aws-cdk-lib no longer ` +
                      `bundles @aws/cloudformation-validate (run installer/install-deps.sh)`);
        process.exit(2);
    }
    return require(validatorDir);
}

const usage = 'usage: node validate.mjs [--warnings] [--quiet] [--timing] [--json] [--skip-list FILE] FILE...';
const args = process.argv.slice(2);
const options = { warnings: false, quiet: false, timing: false, json: false };
const skips = new Map();
const files = [];
for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--skip-list') {
        const listFile = args[++i];
        if (!listFile || !existsSync(listFile)) {
            console.error(`validate.mjs: skip list ${listFile ?? '(missing)'} not found`);
            process.exit(2);
        }
        for (const line of readFileSync(listFile, 'utf8').split('\n')) {
            const m = line.match(/^\s*([^#\s]\S*)\s*(.*)$/);
            if (m) skips.set(m[1], m[2] || 'listed in ' + path.basename(listFile));
        }
    } else if (a === '--warnings' || a === '-w') options.warnings = true;
    else if (a === '--quiet' || a === '-q') options.quiet = true;
    else if (a === '--timing') options.timing = true;
    else if (a === '--json') options.json = true;
    else if (a === '--help' || a === '-h') {
        console.log('usage: node validate.mjs [--warnings] [--quiet] [--timing] [--json] FILE...');
        process.exit(0);
    } else if (a.startsWith('-')) {
        console.error(`validate.mjs: unknown option ${a}`);
        process.exit(2);
    } else files.push(a);
}
if (files.length === 0) {
    console.error(usage);
    process.exit(2);
}

const tLoad0 = performance.now();
const cfv = loadValidator();
const tEngine0 = performance.now();
const engine = new cfv.CompositeEngine();
const tEngine1 = performance.now();

const isError = (s) => s === 'ERROR' || s === 'FATAL';
let failed = 0;
let skipped = 0;
let totalErrors = 0;
let totalWarnings = 0;
const jsonOut = [];
const perFile = [];
try {
    for (const file of files) {
        if (skips.has(path.basename(file))) {
            if (!options.quiet) console.log(`${file}: skipped (${skips.get(path.basename(file))})`);
            skipped++;
            continue;
        }
        if (!existsSync(file)) {
            console.log(`${file}: 1 errors`);
            console.log(`${file}:1:1: IO file not found`);
            failed++;
            continue;
        }
        const t0 = performance.now();
        let report;
        try {
            report = engine.validateTemplate(new cfv.TemplateFile(file),
                                             { severityLevel: 'WARN', detailLevel: 'STANDARD' });
        } catch (e) {
            console.log(`${file}: 1 errors`);
            console.log(`${file}:1:1: VALIDATOR ${String(e)}`);
            failed++;
            continue;
        }
        const ms = performance.now() - t0;
        perFile.push(ms);
        const diags = [...report.diagnostics].sort(
            (a, b) => (a.startLine ?? 0) - (b.startLine ?? 0) || (a.startColumn ?? 0) - (b.startColumn ?? 0));
        const errors = diags.filter((d) => isError(d.severity));
        const warnings = diags.filter((d) => d.severity === 'WARN');
        totalErrors += errors.length;
        totalWarnings += warnings.length;
        if (errors.length) failed++;
        if (options.json) {
            jsonOut.push({ path: file, errors: errors.length, warnings: warnings.length, ms: Math.round(ms),
                           diagnostics: diags });
            continue;
        }
        if (!options.quiet || errors.length || (options.warnings && warnings.length)) {
            const w = options.warnings ? `, ${warnings.length} warnings` : '';
            const t = options.timing ? ` (${ms.toFixed(0)} ms)` : '';
            console.log(`${file}: ${errors.length} errors${w}${t}`);
        }
        for (const d of diags) {
            if (!isError(d.severity) && !(options.warnings && d.severity === 'WARN')) continue;
            const where = d.entity ? ` [${d.entity.logicalId}${d.propertyPath ? '/' + d.propertyPath : ''}]` : '';
            const sev = isError(d.severity) ? '' : 'warning: ';
            const msg = String(d.message).replace(/\s*\n\s*/g, ' ');
            console.log(`${file}:${d.startLine ?? 1}:${d.startColumn ?? 1}: ${d.ruleId} ${sev}${msg}${where}`);
        }
    }
} finally {
    engine.free();
}
const tEnd = performance.now();
if (options.json) {
    console.log(JSON.stringify({ validator: cfv.version(), files: jsonOut }, null, 1));
} else {
    const summary = `${files.length - skipped} file(s) validated, ${skipped} skipped, ${failed} with errors, ` +
        `${totalErrors} error(s)` +
        (options.warnings ? `, ${totalWarnings} warning(s)` : '');
    console.log(summary);
}
if (options.timing) {
    perFile.sort((a, b) => a - b);
    const median = perFile.length ? perFile[Math.floor(perFile.length / 2)] : 0;
    const max = perFile.length ? perFile[perFile.length - 1] : 0;
    console.error(`timing: module load ${(tEngine0 - tLoad0).toFixed(0)} ms, engine start ` +
                  `${(tEngine1 - tEngine0).toFixed(0)} ms, ${perFile.length} template(s) in ` +
                  `${(tEnd - tEngine1).toFixed(0)} ms (median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms), ` +
                  `validator ${cfv.version()}`);
}
// Output to a pipe is written asynchronously: exiting at once cuts a large report short, so the
// process exits once everything before this empty write has been flushed.
process.stdout.write('', () => process.exit(failed ? 1 : 0));
