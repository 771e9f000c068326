#!/usr/bin/env node
// Generates the resource catalog data (model/catalog/data/) from the AWS CDK service
// specification database, the `db.json.gz` inside the npm package `aws-cdk`.
//
// Run from the repository root after installer/install-deps.sh (which installs tests/aws):
//
//     node model/catalog/generate-catalog.mjs [--db PATH/db.json.gz] [--cdk-lib PATH/aws-cdk-lib]
//
// and commit model/catalog/data/. Builds use the committed data and never need npm.
//
// Output (both deterministic: types sorted, properties sorted by name):
//   data/index.json.z   qCompress()-format zlib: the type list with CDK module/class and the
//                       byte range of each type's detail in specs.bin.
//   data/specs.bin      one qCompress()-format block of JSON per type. The build turns each into
//                       CBOR (catalogindexgen.cpp), which the catalog reads in place the first
//                       time the type is asked for.
//
// The CDK names (property `vpcId`, attribute `attrEndpointAddress`, class `CfnFunction`) are
// read from aws-cdk-lib's generated L1 code when it is installed, because those are the names the
// cdk-ts exporter must write; a type that aws-cdk-lib does not know yet falls back to the same
// naming rules reimplemented here.
//
// Two gaps of the database are filled from the data AWS's own validator ships (see
// validator-schemas.mjs): the AWS SAM types come from the SAM schema it carries (the database's
// SAM entries are years old), and every type gets the Fn::GetAtt attributes CloudFormation
// accepts that the database records only as properties (AWS::Elasticsearch::Domain DomainArn).
// sam-facts.json adds the SAM facts no schema holds: descriptions, Ref and GetAtt.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadValidatorData, schemaToRows } from './validator-schemas.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
};
const dbPath = option('--db', path.join(repo, 'tests/aws/node_modules/aws-cdk/db.json.gz'));
const cdkLibPath = option('--cdk-lib', path.join(repo, 'tests/aws/node_modules/aws-cdk-lib'));
const outDir = path.join(here, 'data');

const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(dbPath)));
const schema = db.schema;
const typeDefs = new Map(schema.typeDefinition.entities.map((t) => [t.$id, t]));
const services = new Map(schema.service.entities.map((s) => [s.$id, s]));
const serviceOfResource = new Map();
for (const [serviceId, resources] of Object.entries(schema.hasResource.forward))
    for (const r of resources) serviceOfResource.set(r.$id, services.get(serviceId));

// ---- CDK names from aws-cdk-lib's generated code -------------------------------------------

// converters: "module.CfnXProps" or "module.CfnXYProperty" -> (CloudFormation name -> CDK name);
// class names repeat across modules (aws_apigateway.CfnAuthorizer, aws_apigatewayv2.CfnAuthorizer),
// so the module is part of the key. untyped: "converter key.CloudFormation name" of the
// properties the L1 takes as `any` and writes as given (a type the specification later
// structured keeps its first, untyped form in the CDK).
// tags: CloudFormation type -> the CDK name of the property its TagManager renders (sorted by key).
const cdk = { classes: new Map(), converters: new Map(), attrs: new Map(), untyped: new Set(), tags: new Map() };
const untypedMappers = new Set(['cdk().objectToCloudFormation', 'cdk().listMapper(cdk().objectToCloudFormation)',
    'cdk().hashMapper(cdk().objectToCloudFormation)', 'cdk().eventPatternToCloudFormation']);
if (fs.existsSync(cdkLibPath)) {
    const converterRe = /function convert(\w+)ToCloudFormation\(properties\)\{return cdk\(\)\.canInspect\(properties\)\?\(\w+\(properties\)\.assertSuccess\(\),\{(.*?)\}\):properties\}/g;
    const classRe = /class (Cfn\w+) extends cdk\(\)\.CfnResource\{static\[JSII_RTTI_SYMBOL_1\]=\{fqn:"aws-cdk-lib\.(\w+)\.Cfn\w+"[^}]*\};static CFN_RESOURCE_TYPE_NAME="([^"]+)"/g;
    for (const dir of fs.readdirSync(cdkLibPath).sort()) {
        const lib = path.join(cdkLibPath, dir, 'lib');
        if (!fs.existsSync(lib)) continue;
        for (const file of fs.readdirSync(lib).sort()) {
            if (!file.endsWith('.generated.js') || file.includes('canned') || file.includes('augment')) continue;
            const text = fs.readFileSync(path.join(lib, file), 'utf8');
            const starts = [...text.matchAll(classRe)];
            if (!starts.length) continue;
            const module = starts[0][2];
            for (const m of text.matchAll(converterRe)) {
                const key = `${module}.${m[1]}`;
                const pairs = new Map();
                for (const p of m[2].matchAll(/"?([A-Za-z0-9_.-]+)"?:([^]*?)\(properties\.([A-Za-z0-9_$]+)\)/g)) {
                    pairs.set(p[1], p[3]);
                    if (untypedMappers.has(p[2])) cdk.untyped.add(`${key}.${p[1]}`);
                }
                cdk.converters.set(key, pairs);
            }
            starts.forEach((m, i) => {
                cdk.classes.set(m[3], { module: m[2], cls: m[1] });
                const body = text.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : text.length);
                const attrs = new Map();
                for (const a of body.matchAll(/get (attr\w+)\(\)\{return [^}]*?getAtt\("([^"]+)"/g))
                    if (!attrs.has(a[2])) attrs.set(a[2], a[1]);
                cdk.attrs.set(m[3], attrs);
                const tags = body.match(/TagManager\(cdk\(\)\.TagType\.(?:STANDARD|AUTOSCALING_GROUP),"[^"]*",[^,]*,\{tagPropertyName:"(\w+)"\}/);
                if (tags) cdk.tags.set(m[3], tags[1]);
            });
        }
    }
}

// The naming rule of the CDK's code generator: words of the CloudFormation name, acronyms
// folded ("DBInstanceClass" -> "dbInstanceClass", "SourceKMSKeyArn" -> "sourceKmsKeyArn").
function words(name) {
    return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+[a-z]*|[A-Z]/g) ?? [name];
}
function camel(name) {
    const ws = words(name.replace(/[^A-Za-z0-9]/g, ' ')).filter((w) => w.trim());
    return ws.map((w, i) => {
        const lower = w.toLowerCase();
        return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    }).join('');
}
const attrFallback = (name) => 'attr' + name.replace(/[^A-Za-z0-9]/g, '').replace(/^./, (c) => c.toUpperCase());

// ---- documentation to one line ------------------------------------------------------------

function oneLine(doc) {
    if (!doc) return '';
    let s = doc.split(/\n\s*\n/)[0];
    s = s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`+/g, '').replace(/\*+/g, '');
    s = s.replace(/\s+/g, ' ').trim();
    const end = s.search(/\.\s+(?=[A-Z])/);
    if (end > 0) s = s.slice(0, end + 1);
    if (s.length > 240) s = s.slice(0, 237).replace(/\s+\S*$/, '') + '…';
    return s;
}

// "DBInstanceIdentifier" -> "the DB instance identifier"
const acronyms = new Set(['ARN', 'ID', 'IP', 'URL', 'DNS', 'VPC', 'DB', 'API', 'ECS', 'IAM', 'SSM', 'ACL', 'KMS']);
function humanWords(name) {
    const ws = words(name).map((w) => {
        const up = w.toUpperCase();
        if (acronyms.has(up)) return up;
        return /^[A-Z]+$/.test(w) && w.length > 1 ? w : w.toLowerCase();
    });
    return ws.join(' ');
}
function refWords(ids) {
    if (!ids || ids.length === 0) return '';
    if (ids.length === 1) return 'the ' + humanWords(ids[0]);
    return ids.map((id) => 'the ' + humanWords(id)).join(' and ') + ' (joined by |)';
}

// ---- type conversion ------------------------------------------------------------------------

const primitive = {
    string: 'String', integer: 'Integer', number: 'Double', boolean: 'Boolean',
    json: 'Json', 'date-time': 'Timestamp', tag: 'Tag',
};
// Kind codes in the data: S scalar, L list, M map, J json.
function describe(t) {
    switch (t.type) {
    case 'ref': return { kind: 'S', type: typeDefs.get(t.reference.$ref).name, prim: false, ref: t.reference.$ref };
    case 'json': return { kind: 'J', type: 'Json', prim: true };
    case 'tag': return { kind: 'S', type: 'Tag', prim: false, tag: true };
    case 'array':
    case 'map': {
        const kind = t.type === 'array' ? 'L' : 'M';
        const e = describe(t.element);
        if (e.kind !== 'S') return { kind, type: 'Json', prim: true, enums: undefined, inner: e };
        return { kind, type: e.type, prim: e.prim, ref: e.ref, tag: e.tag, enums: e.enums };
    }
    case 'union': {
        const alts = t.types.map(describe);
        const chosen = alts.find((a) => a.ref) ?? alts[0];
        return { ...chosen, alternatives: alts.map(display) };
    }
    default: {
        const enums = t.allowedValues ? t.allowedValues.map(String).sort() : undefined;
        return { kind: 'S', type: primitive[t.type] ?? 'String', prim: true, enums };
    }
    }
}
function display(d) {
    if (d.kind === 'L') return `List<${d.type}>`;
    if (d.kind === 'M') return `Map<${d.type}>`;
    return d.type;
}

// A property as a compact array: [name, kind, type, flags, doc, cdkName, enums?, alternatives?, refs?]
// flags: 1 required, 2 causes replacement, 4 item is primitive, 8 replacement only sometimes,
// 16 the CDK's L1 takes the value untyped (keys as CloudFormation spells them), 32 the L1's tag
// manager renders the list (sorted by key), 64 a collection of collections of structures, which
// the catalog records as Json but the CDK types member by member.
// `converter` is the key of the L1 converter that holds the property (cdk.converters);
// `tagProperty` the CDK name of the resource's tag list, for its top-level properties.
function property(name, p, converter, used, tagProperty) {
    const cdkNames = cdk.converters.get(converter);
    const d = describe(p.type);
    if (d.ref) used.add(d.ref);
    if (d.tag) used.add('tag');
    let flags = 0;
    if (p.required) flags |= 1;
    if (p.causesReplacement === 'yes') flags |= 2;
    if (d.prim) flags |= 4;
    if (p.causesReplacement === 'maybe') flags |= 8;
    const untyped = cdk.untyped.has(`${converter}.${name}`);
    if (untyped) flags |= 16;
    const cdkName = cdkNames?.get(name) ?? camel(name);
    if (tagProperty !== undefined && cdkName === tagProperty && d.kind === 'L') flags |= 32;
    if (d.inner && !d.inner.prim && !untyped) flags |= 64;
    const row = [name, d.kind, d.type, flags, oneLine(p.documentation), cdkName];
    const refs = (p.relationshipRefs ?? []).map((r) => `${r.cloudFormationType}.${r.propertyName}`).sort();
    const tail = [d.enums ?? 0, d.alternatives ?? 0, refs.length ? [...new Set(refs)] : 0];
    while (tail.length && tail[tail.length - 1] === 0) tail.pop();
    return row.concat(tail);
}
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function resourceDetail(r, cdkInfo) {
    const cls = `${cdkInfo.module}.${cdkInfo.cls}`;
    const used = new Set();
    const props = Object.keys(r.properties).sort(byName)
        .map((n) => property(n, r.properties[n], `${cls}Props`, used, cdk.tags.get(r.cloudFormationType)));
    const attrNames = cdk.attrs.get(r.cloudFormationType);
    const attrs = Object.keys(r.attributes).sort(byName).map((n) => {
        const a = r.attributes[n];
        const d = describe(a.type);
        if (d.ref) used.add(d.ref);
        return [n, display(describe(a.type)), oneLine(a.documentation), attrNames?.get(n) ?? attrFallback(n)];
    });
    const types = [];
    const done = new Set();
    const queue = [...used];
    while (queue.length) {
        const id = queue.shift();
        if (done.has(id)) continue;
        done.add(id);
        if (id === 'tag') continue;
        const td = typeDefs.get(id);
        const inner = new Set();
        const tprops = Object.keys(td.properties).sort(byName)
            .map((n) => property(n, td.properties[n], `${cls}${td.name}Property`, inner));
        types.push([td.name, `${td.name}Property`, tprops]);
        for (const i of inner) if (!done.has(i)) queue.push(i);
    }
    if (used.has('tag') || [...done].some((id) => id === 'tag')) {
        if (!types.some((t) => t[0] === 'Tag'))
            types.push(['Tag', 'CfnTag', [['Key', 'S', 'String', 5, 'The key name of the tag.', 'key'],
                ['Value', 'S', 'String', 5, 'The value of the tag.', 'value']]]);
    }
    types.sort((a, b) => byName(a[0], b[0]));
    const refIds = r.cfnRefIdentifier ?? r.primaryIdentifier ?? [];
    return { d: oneLine(r.documentation), r: refWords(refIds), ri: refIds, p: props, a: attrs, t: types };
}

// ---- AWS SAM types from the validator's SAM schema --------------------------------------------

const validator = loadValidatorData(cdkLibPath);
if (!validator) throw new Error(`AWS's validator is not installed under ${cdkLibPath}; run installer/install-deps.sh`);
const samFacts = JSON.parse(fs.readFileSync(path.join(here, 'sam-facts.json'), 'utf8')).types;
const dbByType = new Map(schema.resource.entities.map((r) => [r.cloudFormationType, r]));

function handAttrs(attrs) {
    return Object.keys(attrs ?? {}).sort(byName).map((n) => [n, attrs[n].type ?? 'String', attrs[n].documentation ?? '', '']);
}

// The CDK's aws_sam L1 classes are generated from the database's old SAM entries. A property
// keeps its CDK name only where that L1 types it the way the SAM schema does (any shape the
// L1 cannot take, such as Events now free-form, is written by the cdk-ts exporter as an
// override instead).
const tsType = (t) => ({ String: 'string', Timestamp: 'string', Integer: 'number', Long: 'number', Double: 'number',
    Number: 'number', Boolean: 'boolean', Json: 'any' }[t] ?? t);
function cdkTypesAlike(ours, theirs) {
    if (!theirs) return false;
    if (theirs.kind === 'J') return true;
    if (ours.kind === 'J' || ours.kind !== theirs.kind) return false;
    const acceptsString = (d) => (d.prim && d.type === 'String') || (d.alternatives ?? []).includes('String');
    if (ours.alternatives) return acceptsString(theirs);
    if (ours.prim || theirs.prim) return ours.prim && theirs.prim && tsType(ours.type) === tsType(theirs.type);
    return true; // both structures: their members are matched one by one
}

// The database entity's nested types by name, for cdkTypesAlike.
function dbNestedTypes(entity) {
    const out = new Map();
    const visit = (props) => {
        for (const p of Object.values(props ?? {})) {
            const d = describe(p.type);
            if (d.ref && !out.has(d.type)) {
                out.set(d.type, typeDefs.get(d.ref));
                visit(typeDefs.get(d.ref).properties);
            }
        }
    };
    visit(entity?.properties);
    return out;
}

function samDetail(type, samSchema, cdkInfo) {
    const facts = samFacts[type];
    if (!facts) throw new Error(`${type}: the validator knows this SAM type; describe it in sam-facts.json`);
    const db = dbByType.get(type);
    const dbTypes = dbNestedTypes(db);
    const dbProps = (owner) => (owner === null ? db?.properties : dbTypes.get(owner)?.properties) ?? {};
    const converter = (owner) => `${cdkInfo.module}.${cdkInfo.cls}${owner === null ? 'Props' : `${owner}Property`}`;
    const names = (owner) => cdk.converters.get(converter(owner));
    const rowFor = (owner) => (name, schemaType, required) => {
        const theirs = dbProps(owner)[name];
        // A pass-through value is typed like the property of the generated resource, which the
        // database records (Timeout: Integer), as long as that type needs no nested structure.
        const recorded = theirs && describe(theirs.type);
        const d = schemaType.passThrough && recorded && recorded.prim ? recorded : schemaType;
        const cdkName = theirs && cdkTypesAlike(d, describe(theirs.type)) ? names(owner)?.get(name) ?? '' : '';
        const untyped = cdkName && cdk.untyped.has(`${converter(owner)}.${name}`);
        const flags = (required ? 1 : 0) | (d.prim ? 4 : 0) | (untyped ? 16 : 0);
        const row = [name, d.kind, d.type, flags, oneLine(theirs?.documentation), cdkName];
        const tail = [d.enums ?? 0, d.alternatives ?? 0];
        while (tail.length && tail[tail.length - 1] === 0) tail.pop();
        return row.concat(tail);
    };
    const { properties } = schemaToRows(samSchema, rowFor(null));
    const { types } = schemaToRows(samSchema, (name, d, required) => [name, d, required]);
    return {
        d: facts.documentation, r: facts.refReturns ?? '', ri: facts.refIdentifiers ?? [],
        p: properties,
        a: handAttrs(facts.attributes),
        t: types.map(([n, rows]) => [n, `${n}Property`, rows.map(([name, d, req]) => rowFor(n)(name, d, req))])
            .sort((a, b) => byName(a[0], b[0])),
    };
}

// Attributes CloudFormation accepts in Fn::GetAtt that the database lacks; the CDK writes them
// with getAtt() unless its L1 class has a typed accessor.
const getAttType = { string: 'String', integer: 'Integer', number: 'Double', boolean: 'Boolean', array: 'List<String>', object: 'Json' };
function addValidatorAttributes(type, detail) {
    const known = new Set(detail.a.map((a) => a[0]));
    const cdkAttrs = cdk.attrs.get(type);
    const props = dbByType.get(type)?.properties ?? {};
    let added = 0;
    for (const name of validator.getAtt[type] ?? []) {
        if (known.has(name)) continue;
        const t = getAttType[validator.getAttTypes?.[type]?.[name]] ?? 'String';
        detail.a.push([name, t, oneLine(props[name]?.documentation), cdkAttrs?.get(name) ?? '']);
        added++;
    }
    detail.a.sort((a, b) => byName(a[0], b[0]));
    return added;
}

// ---- write ------------------------------------------------------------------------------------

const entries = [];
let attributesAdded = 0;
for (const r of schema.resource.entities) {
    if (r.cloudFormationType.startsWith('AWS::Serverless::')) continue; // from the SAM schema below
    const service = serviceOfResource.get(r.$id);
    const fallbackModule = service.name.replace(/-/g, '_');
    const info = cdk.classes.get(r.cloudFormationType) ?? { module: fallbackModule, cls: `Cfn${r.name}` };
    const detail = resourceDetail(r, info);
    attributesAdded += addValidatorAttributes(r.cloudFormationType, detail);
    entries.push({ type: r.cloudFormationType, module: info.module, cls: info.cls, detail });
}
const samTypes = Object.keys(validator.schemas).filter((t) => t.startsWith('AWS::Serverless::')).sort(byName);
for (const type of samTypes) {
    const info = cdk.classes.get(type) ?? { module: '', cls: '' };
    entries.push({ type, module: info.module, cls: info.cls, detail: samDetail(type, validator.schemas[type], info) });
}
entries.sort((a, b) => byName(a.type, b.type));

// qCompress() format: 4-byte big-endian uncompressed size, then a zlib stream.
function qcompress(text) {
    const raw = Buffer.from(text, 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(raw.length);
    return Buffer.concat([head, zlib.deflateSync(raw, { level: 9 })]);
}

const blocks = [];
let offset = 0;
const index = [];
for (const e of entries) {
    const block = qcompress(JSON.stringify(e.detail));
    index.push([e.type, e.module, e.cls, offset, block.length]);
    blocks.push(block);
    offset += block.length;
}
const cdkVersion = (() => {
    try { return JSON.parse(fs.readFileSync(path.join(cdkLibPath, 'package.json'))).version; } catch { return ''; }
})();
const dbVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(dbPath), 'package.json'))).version;
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'specs.bin'), Buffer.concat(blocks));
fs.writeFileSync(path.join(outDir, 'index.json.z'), qcompress(JSON.stringify({
    source: `aws-cdk ${dbVersion} db.json.gz; SAM types and GetAtt attributes from @aws/cloudformation-validate `
        + `${validator.version}; CDK names from aws-cdk-lib ${cdkVersion}`,
    types: index,
})));

let fallbacks = 0;
let mismatches = 0;
for (const r of schema.resource.entities) {
    const info = cdk.classes.get(r.cloudFormationType);
    if (!info) { fallbacks++; continue; }
    const names = cdk.converters.get(`${info.module}.${info.cls}Props`);
    for (const n of Object.keys(r.properties)) if (names?.get(n) !== undefined && names.get(n) !== camel(n)) mismatches++;
}
console.log(`${entries.length} types (${samTypes.length} SAM), ${offset} bytes of detail; ${attributesAdded} GetAtt attributes `
    + `from AWS's validator; ${fallbacks} types not in aws-cdk-lib (names derived); `
    + `${mismatches} property names where the CDK deviates from the plain rule`);
