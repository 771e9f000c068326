// Synthesizes every exported stack in one process: lib/<case>.ts exports one cdk.Stack class;
// each is synthesized in its own App (pinned feature flags, no bootstrap rule, no environment)
// and its template copied to OUT/<case>.template.json. A failing case is reported and the
// others still run.
import * as cdk from 'aws-cdk-lib';
import { readFileSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [casesFile, outDir] = process.argv.slice(2);
const cases = readFileSync(casesFile, 'utf8').split('\n').filter((c) => c.length > 0);
const context = {
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/core:validateSnapshotRemovalPolicy': true,
  '@aws-cdk/core:target-partitions': ['aws', 'aws-cn'],
};
let failed = 0;
const started = performance.now();
for (const name of cases) {
  try {
    const module = await import(pathToFileURL(path.resolve('lib', `${name}.ts`)).href);
    const StackClass = Object.values(module).find((v) => typeof v === 'function') as
      new (scope: cdk.App, id: string, props?: cdk.StackProps) => cdk.Stack;
    const cdkOut = path.join(outDir, `${name}.cdk.out`);
    rmSync(cdkOut, { recursive: true, force: true });
    mkdirSync(cdkOut, { recursive: true });
    const app = new cdk.App({ outdir: cdkOut, analyticsReporting: false, context });
    new StackClass(app, 'Stack', {
      synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
    });
    app.synth();
    copyFileSync(path.join(cdkOut, 'Stack.template.json'), path.join(outDir, `${name}.template.json`));
  } catch (e) {
    failed++;
    console.error(`${name}: synthesis failed: ${(e as Error).message.split('\n').slice(0, 6).join('\n  ')}`);
  }
}
console.log(`synth-all: ${cases.length - failed}/${cases.length} synthesized in ${((performance.now() - started) / 1000).toFixed(2)} s`);
process.exit(failed ? 1 : 0);
