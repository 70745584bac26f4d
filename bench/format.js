/** Plain-text tables for the benchmark reports, and the median they report. */

/** The middle sample (of an even count, the upper of the two middle ones). */
export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Rows of cells under a header; the first column left-aligned, the others right-aligned. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const short = (id) => id.replace(/^kakao\//u, '');

/** The synthetic benchmark's result (bench/synthetic.js) as a table and a verdict. */
export function formatSynthetic(result) {
  const base = result.sizes[0];
  const header = [
    'size',
    'lines',
    'cases',
    'parse s',
    ...result.ourRules.map((id) => `${short(id)} ms`),
    'ours ms',
    `x ${base.scale}x`,
    'ours+GC ms',
    `x ${base.scale}x`,
    'GC in run ms',
  ];
  const rows = result.sizes.map((size) => [
    `${size.scale}x`,
    String(size.lines),
    String(size.cases),
    (size.parseMs / 1000).toFixed(2),
    ...result.ourRules.map((id) => (size.cpuMs[id] ?? 0).toFixed(1)),
    size.oursCpuMs.toFixed(1),
    (size.oursCpuMs / base.oursCpuMs).toFixed(2),
    size.oursMs.toFixed(1),
    (size.oursMs / base.oursMs).toFixed(2),
    size.gcMs.toFixed(0),
  ]);
  const perRule = Object.entries(result.perRule4x)
    .map(([id, r]) => `${short(id)} ${r.toFixed(2)}`)
    .join(', ');
  const last = result.sizes.at(-1);
  return [
    'rule times: CPU profile of the rules, without GC pauses; "ours+GC": timed around each listener, with the GC pauses that fell in them',
    ...table(header, rows),
    `linear: ${result.linear ? 'yes' : 'NO'} (ours ${last.scale}x/${base.scale}x = ${result.ratio4x.toFixed(2)}, with GC ${result.ratio4xWithGc.toFixed(2)}; ` +
      `per rule ${perRule}; limit ${result.limit.toFixed(2)})`,
  ].join('\n');
}
