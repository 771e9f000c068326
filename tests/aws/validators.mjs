// Runs AWS's validator (validate.mjs, one engine for every file) and StackCanvas's validate on
// the same files, each returning its JSON report. Shared by the agreement checks.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function run(command, args, what) {
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
    // Exit 1 means "errors found", 2 (StackCanvas) "some file unreadable": both still report.
    if (result.status === null || result.status > 2 || !result.stdout) {
        console.error(`${what} failed (exit ${result.status}): ${result.stderr}`);
        process.exit(2);
    }
    return JSON.parse(result.stdout);
}

// { validator, files: [{ path, errors, warnings, diagnostics }] }
export function awsReport(files) {
    return run(process.execPath, [path.join(here, 'validate.mjs'), '--json', ...files], "AWS's validator");
}

// { version, files: [{ path, resources, findings: [{ rule, severity, resource, line, message }] }] }
export function stackCanvasReport(cli, files, minSeverity) {
    return run(cli, ['validate', '--format', 'json', '--min-severity', minSeverity, ...files], `${cli} validate`);
}
