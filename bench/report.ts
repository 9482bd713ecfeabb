// The one table the benchmark ends with, as aligned Markdown (it reads in a terminal and pastes
// into BENCHMARKS.md unchanged).

export type Verdict = 'pass' | 'miss' | 'info' | 'ref' | 'skipped' | 'error';

export interface Row {
  scenario: string;
  rps: string;
  p50: string;
  p99: string;
  errors: string;
  ratio: string;
  target: string;
  result: Verdict;
  /** Why a row is skipped, errored or missed; printed under the table. */
  note?: string;
}

export function fmtRps(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

export function fmtMs(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
}

export function fmtRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

const HEADERS = ['scenario', 'req/s', 'p50', 'p99', 'errors', 'ratio vs reference', 'target', 'result'];

export function renderTable(rows: Row[]): string {
  const cells = rows.map((row) => [
    row.scenario,
    row.rps,
    row.p50,
    row.p99,
    row.errors,
    row.ratio,
    row.target,
    row.result,
  ]);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i]!.length)));
  const right = new Set([1, 2, 3, 4]);
  const line = (values: string[]) =>
    `| ${values.map((value, i) => (right.has(i) ? value.padStart(widths[i]!) : value.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (right.has(i) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(HEADERS), rule, ...cells.map(line)].join('\n');
}

export function renderNotes(rows: Row[]): string {
  return rows
    .filter((row) => row.note)
    .map((row) => `- ${row.scenario} (${row.result}): ${row.note}`)
    .join('\n');
}
