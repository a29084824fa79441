#!/usr/bin/env node
// After `npm test`: every log line the services wrote during the whole suite (LOG_FILE) must be free
// of raw ID-card numbers and full mainland mobile numbers. Exits 1 naming the offending lines.
'use strict';
const fs = require('node:fs');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(`log scan: ${file ?? '(no file given)'} does not exist — did the suite write logs?`);
  process.exit(1);
}
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/;
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const offending = lines.filter((line) => ID_CARD.test(line) || MOBILE.test(line));
console.log(
  `log scan: ${lines.length} lines from the whole suite, ${offending.length} with a raw ID-card or phone number`,
);
for (const line of offending.slice(0, 20)) console.error(`  ${line.slice(0, 400)}`);
process.exit(offending.length === 0 || lines.length === 0 ? (lines.length === 0 ? 1 : 0) : 1);
