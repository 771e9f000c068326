// Reads the data AWS's own template validator ships: @aws/cloudformation-validate, bundled inside
// the npm package aws-cdk-lib, carries its resource schemas (including AWS SAM's, generated from
// the SAM translator's specification), the Fn::GetAtt attributes CloudFormation accepts per
// type and the Lambda runtime lifecycle as zstd-compressed JSON documents inside its WebAssembly
// module. generate-catalog.mjs takes from here what the CDK specification database lacks: the
// current SAM resource types and the attributes that CloudFormation documents but the database
// records as plain properties (AWS::Elasticsearch::Domain DomainArn, ...).
//
// Needs the `zstd` command (Debian package zstd); Node 20 has no zstd decoder.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

// Length of the zstd frame at `start` (RFC 8878 §3.1.1): header, blocks, optional checksum.
function frameLength(bytes, start) {
    let p = start + 4;
    const descriptor = bytes[p++];
    const fcsFlag = descriptor >> 6;
    const singleSegment = (descriptor >> 5) & 1;
    const checksum = (descriptor >> 2) & 1;
    const dictIdFlag = descriptor & 3;
    if (!singleSegment) p += 1; // window descriptor
    p += [0, 1, 2, 4][dictIdFlag];
    p += [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag];
    for (;;) {
        if (p + 3 > bytes.length) return -1;
        const header = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16);
        const last = header & 1;
        const type = (header >> 1) & 3;
        const size = header >> 3;
        if (type === 3) return -1; // reserved: not a frame
        p += 3 + (type === 1 ? 1 : size);
        if (last) break;
    }
    return p + (checksum ? 4 : 0) - start;
}

function* jsonDocuments(wasmPath) {
    const bytes = fs.readFileSync(wasmPath);
    const magic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
    for (let at = bytes.indexOf(magic); at >= 0; at = bytes.indexOf(magic, at + 1)) {
        const length = frameLength(bytes, at);
        if (length <= 0 || at + length > bytes.length) continue;
        const run = spawnSync('zstd', ['-d', '-c', '-q'], { input: bytes.subarray(at, at + length), maxBuffer: 256 << 20 });
        if (run.error) throw new Error(`zstd is needed to read ${wasmPath}: ${run.error.message}`);
        if (run.status !== 0 || run.stdout.length === 0 || run.stdout[0] !== 0x7b) continue;
        try {
            yield JSON.parse(run.stdout.toString('utf8'));
        } catch {
            // binary data that happens to start like a frame
        }
    }
}

// { version, schemas: {type: schema}, getAtt: {type: [attribute]}, getAttTypes: {type: {attribute:
// json type}}, lambdaRuntimes } or null when
// the validator is not installed.
export function loadValidatorData(cdkLibPath) {
    const dir = path.join(cdkLibPath, 'node_modules', '@aws', 'cloudformation-validate');
    const wasm = path.join(dir, 'bindings_wasm_bg.wasm');
    if (!fs.existsSync(wasm)) return null;
    const out = { version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'))).version };
    for (const doc of jsonDocuments(wasm)) {
        if (doc.getatt_attributes) {
            out.getAtt = doc.getatt_attributes;
            out.getAttTypes = doc.getatt_attribute_types;
        }
        else if (doc.lambda_runtimes) out.lambdaRuntimes = doc.lambda_runtimes;
        else if (doc['AWS::Serverless::Function']?.type_name) out.schemas = doc;
    }
    if (!out.getAtt || !out.schemas) throw new Error(`${wasm}: resource schemas or GetAtt table not found`);
    return out;
}

// ---- a validator schema as catalog rows ------------------------------------------------------

const simpleName = (ref) => ref.replace(/^.*__/, '').replace(/^.*\./, '');
const isObjectOnly = (s) => s && s.type === 'object' && !s.properties && !s.pattern_properties
    && !(s.additional_properties && typeof s.additional_properties === 'object');

// Converts one resource schema into { properties: [rows], types: [[name, cdkName, rows]] }.
// `row(name, description, required)` builds the compact row; descriptions are
// { kind: 'S'|'L'|'M'|'J', type, prim, enums?, alternatives?, passThrough? } (passThrough: SAM
// hands the value to the generated resource as it is, so that resource's type applies).
export function schemaToRows(schema, row) {
    const definitions = schema.definitions ?? {};
    const names = new Map(); // definition key -> type name in the catalog
    const taken = new Set();
    const typeName = (key, preferred = simpleName(key)) => {
        if (names.has(key)) return names.get(key);
        let name = preferred;
        if (taken.has(name)) name = key.replace(/[^A-Za-z0-9]+/g, '');
        taken.add(name);
        names.set(key, name);
        return name;
    };
    const types = new Map(); // name -> rows
    const pending = [];
    const structural = (s) => s && (s.properties || s.type === 'object' && s.additional_properties === false);

    function describe(s, owner, depth = 0) {
        if (!s || Object.keys(s).length === 0 || depth > 16) return { kind: 'J', type: 'Json', prim: true };
        if (s.all_of?.length === 1 && !s.type) return describe(s.all_of[0], owner, depth + 1);
        if (s.ref_name) {
            const target = definitions[s.ref_name];
            // SAM's PassThroughProp: the value goes unchanged to the generated resource.
            if (s.ref_name === 'PassThroughProp') return { kind: 'J', type: 'Json', prim: true, passThrough: true };
            if (!structural(target)) return target ? describe(target, owner, depth + 1) : { kind: 'J', type: 'Json', prim: true };
            const name = typeName(s.ref_name);
            if (!types.has(name)) { types.set(name, null); pending.push([name, target]); }
            return { kind: 'S', type: name, prim: false };
        }
        const options = s.any_of ?? s.one_of ?? (Array.isArray(s.type) ? s.type.map((t) => ({ type: t })) : null);
        if (options) {
            const alternatives = options.map((o) => describe(o, owner, depth + 1));
            const chosen = alternatives.find((a) => !a.prim) ?? alternatives.find((a) => a.kind !== 'J') ?? alternatives[0];
            return { ...chosen, alternatives: alternatives.map(display) };
        }
        switch (s.type) {
        case 'string': return { kind: 'S', type: 'String', prim: true, enums: s.enum?.map(String).sort() };
        case 'integer': return { kind: 'S', type: 'Integer', prim: true };
        case 'number': return { kind: 'S', type: 'Double', prim: true };
        case 'boolean': return { kind: 'S', type: 'Boolean', prim: true };
        case 'array': {
            const item = describe(s.items, owner, depth + 1);
            return item.kind === 'S' && !item.alternatives ? { ...item, kind: 'L' } : { kind: 'L', type: 'Json', prim: true };
        }
        case 'object': {
            if (s.properties) {
                const name = typeName(`inline ${owner}`, owner);
                if (!types.has(name)) { types.set(name, null); pending.push([name, s]); }
                return { kind: 'S', type: name, prim: false };
            }
            const values = Object.values(s.pattern_properties ?? {})[0]
                ?? (typeof s.additional_properties === 'object' ? s.additional_properties : null);
            if (values && !isObjectOnly(values)) {
                const item = describe(values, owner, depth + 1);
                if (item.kind === 'S' && !item.alternatives) return { ...item, kind: 'M' };
            }
            return { kind: 'J', type: 'Json', prim: true };
        }
        default: return { kind: 'J', type: 'Json', prim: true };
        }
    }
    const rowsOf = (s) => {
        const required = new Set(s.required ?? []);
        return Object.keys(s.properties ?? {}).sort().map((n) => row(n, describe(s.properties[n], n), required.has(n)));
    };
    const properties = rowsOf(schema);
    while (pending.length) {
        const [name, s] = pending.shift();
        types.set(name, rowsOf(s));
    }
    return { properties, types: [...types.entries()].map(([n, rows]) => [n, rows]) };
}

export function display(d) {
    if (d.kind === 'L') return `List<${d.type}>`;
    if (d.kind === 'M') return `Map<${d.type}>`;
    return d.type;
}
