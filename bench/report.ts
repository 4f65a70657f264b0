/** One line of the printed table: a figure beside the baseline measured in the same run. */
export interface Row {
  /** Which figure, e.g. "1 commands sequential". */
  name: string;
  figure: string;
  baseline: string;
  /** figure ÷ baseline, already formatted (e.g. "0.83×"). */
  ratio: string;
  target: string;
  /** undefined: informative only (no target on this line). */
  pass: boolean | undefined;
}

/** Things worth a line under the table (failed requests, fallbacks); nothing else is printed. */
export const notes: string[] = [];

export const fmt = {
  rate: (perSecond: number, unit: string): string => `${Math.round(perSecond).toLocaleString('en-US')} ${unit}`,
  ms: (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`,
  ratio: (ratio: number): string => (Number.isFinite(ratio) ? `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}×` : 'n/a'),
  int: (value: number): string => Math.round(value).toLocaleString('en-US'),
};

const HEADERS = ['measurement', 'figure', 'baseline (same run)', 'ratio', 'target', ''] as const;

export function printTable(rows: readonly Row[], out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  const cells = rows.map((row) => [row.name, row.figure, row.baseline, row.ratio, row.target, mark(row.pass)]);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...cells.map((line) => line[column].length)));
  const render = (line: readonly string[]): string =>
    line
      .map((cell, column) => (column === 1 || column === 2 || column === 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  out(render(HEADERS));
  out(
    widths
      .map((width) => '-'.repeat(width))
      .join('  ')
      .trimEnd(),
  );
  for (const line of cells) out(render(line));
}

export function summaryLine(rows: readonly Row[]): string {
  const judged = rows.filter((row) => row.pass !== undefined);
  const missed = judged.filter((row) => row.pass === false);
  return missed.length === 0
    ? `summary: all ${judged.length} targets met`
    : `summary: ${judged.length - missed.length}/${judged.length} targets met; missed: ${missed.map((row) => row.name).join('; ')}`;
}

function mark(pass: boolean | undefined): string {
  return pass === undefined ? '' : pass ? 'PASS' : 'FAIL';
}
