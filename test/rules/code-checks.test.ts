/**
 * The code-check model (rules/utils/code-checks.ts): which codes are checked against an
 * error-code expression, how, and against what; the same answer walking down from the file and
 * climbing up from each code; and a pre-filter that never rules out a check.
 */
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import { probeCodeChecks } from './code-check-probe.js';
import type { ProbedCheck } from './code-check-probe.js';

/** The checks of `code`, after asserting that both ways of reading the model agree. */
function checksOf(code: string, options?: Parameters<typeof probeCodeChecks>[1]): ProbedCheck[] {
  const probe = probeCodeChecks(code, options);
  expect(probe.inScope).toBe(true);
  expect(probe.climbed).toEqual(probe.walked);
  expect(probe.prefilterMisses).toEqual([]);
  expect(probe.dispatchesOfCodes).toEqual(probe.dispatchesOfStatements);
  expect(probe.dispatchesOfCodesAtTwo).toEqual(probe.dispatchesOfStatementsAtTwo);
  return [...probe.walked];
}

const at = (kind: ProbedCheck['kind'], code: number, subject: string, line: number, column: number): ProbedCheck => ({
  kind,
  code,
  subject,
  line,
  column,
});

describe('comparisons', () => {
  it('sees through wrappers, conversions, optional chains and negation', () => {
    const code = outdent`
      if (-401 == err.code) {}
      if ((err.code as number) != -2) {}
      if (Number(e!.errorCode) === -10) {}
      if (+data?.error_code === -603) {}
      if (!(err.code !== -402)) {}
      if (err.code === (-1 satisfies number)) {}
    `;
    expect(checksOf(code)).toEqual([
      at('comparison', -401, 'err.code', 1, 5),
      at('comparison', -2, 'err.code as number', 2, 29),
      at('comparison', -10, 'Number(e!.errorCode)', 3, 30),
      at('comparison', -603, '+data?.error_code', 4, 27),
      at('comparison', -402, 'err.code', 5, 20),
      at('comparison', -1, 'err.code', 6, 19),
    ]);
  });

  it('ignores numbers compared with anything but an error-code expression', () => {
    const code = outdent`
      if (list.indexOf(x) === -1) {}
      if (codes.indexOf(err.code) !== -1) {}
      if (err.code > -401) {}
      if (res.status === -401) {}
      log('code', -401, err.code);
      throw new KakaoError(-401);
    `;
    expect(checksOf(code)).toEqual([]);
  });

  it('follows errorCodeNames', () => {
    const code = outdent`
      if (res.status === -401) {}
      if (err.code === -402) {}
    `;
    expect(checksOf(code, { errorCodeNames: ['status'] })).toEqual([at('comparison', -401, 'res.status', 1, 20)]);
  });
});

describe('switches', () => {
  it('counts the cases of a switch over an error-code expression', () => {
    const code = outdent`
      switch (err.code) {
        case -401:
        case 7:
          break;
        default:
      }
    `;
    expect(checksOf(code)).toEqual([at('case', -401, 'err.code', 2, 8), at('case', 7, 'err.code', 3, 8)]);
  });

  it('counts a switch with two spec codes, whatever its discriminant', () => {
    const code = outdent`
      switch (status) {
        case -1:
        case -7:
          retry();
      }
      switch (cmp(a, b)) {
        case -1:
          break;
        case 1:
          break;
      }
    `;
    expect(checksOf(code)).toEqual([at('case', -1, 'status', 2, 8), at('case', -7, 'status', 3, 8)]);
  });
});

describe('lists', () => {
  it('reads frozen, annotated, `as const`, spread and Set lists through consts', () => {
    const code = outdent`
      const TRANSIENT = Object.freeze([-1, -7]);
      const AUTH: readonly number[] = [-401, -402] as const;
      const MORE = [...AUTH, -3];
      const RETRY = new Set([-603]);
      if (TRANSIENT.includes(err.code)) {}
      if (MORE.indexOf(err.code) !== -1) {}
      if (RETRY.has(e.errorCode)) {}
      if ([-10].includes(code)) {}
    `;
    expect(checksOf(code)).toEqual([
      at('list', -1, 'err.code', 1, 34),
      at('list', -7, 'err.code', 1, 38),
      at('list', -401, 'err.code', 2, 34),
      at('list', -402, 'err.code', 2, 40),
      at('list', -3, 'err.code', 3, 24),
      at('list', -603, 'e.errorCode', 4, 24),
      at('list', -10, 'code', 8, 6),
    ]);
  });

  it('stops at two consts, and at lists checked against something else', () => {
    const code = outdent`
      const A = [-1];
      const B = [...A];
      const C = [...B];
      if (C.includes(err.code)) {}
      const D = [-7];
      if (D.includes(value)) {}
      send([-401]);
    `;
    expect(checksOf(code)).toEqual([]);
  });
});

describe('lookup keys', () => {
  it('counts the computed code keys of an object indexed by an error-code expression', () => {
    const code = outdent`
      const HANDLERS = { [-401]: refresh, [-402]: consent, other: 1 };
      HANDLERS[err.code]?.();
      const unused = { [-1]: 1 };
      unused[index];
    `;
    expect(checksOf(code)).toEqual([
      at('key', -401, 'err.code', 1, 21),
      at('key', -402, 'err.code', 1, 38),
    ]);
  });
});

describe('the pre-filter', () => {
  it('lets negated comparisons through', () => {
    const probe = probeCodeChecks(outdent`
      if (!(err.code !== -401)) retry();
      else if (!(err.code !== -402)) retry();
    `);
    expect(probe.walked).toHaveLength(2);
    expect(probe.prefilterMisses).toEqual([]);
  });

  it('lets lookups through', () => {
    const probe = probeCodeChecks(outdent`
      const HANDLERS = { [-401]: true };
      if (HANDLERS[err.code]) {}
    `);
    expect(probe.walked).toHaveLength(1);
    expect(probe.prefilterMisses).toEqual([]);
  });
});

describe('dispatches found from the codes (handle-retryable-codes)', () => {
  it('with minimumCodes 2, a file of one distinct code still has its switch, and two codes make a run', () => {
    const oneCode = probeCodeChecks(outdent`
      export function handle(err: { code: number }, list: string[]) {
        switch (err.code) {
          case -401: return 1;
        }
        if (err.code === -401) return 2;
        if (list.indexOf('a') === -401) return 3;
      }
    `);
    expect(oneCode.dispatchesOfCodesAtTwo).toEqual(oneCode.dispatchesOfStatementsAtTwo);
    expect(oneCode.dispatchesOfStatementsAtTwo).toEqual(['2:3 err.code [-401]']);
    // Each of the ifs is a dispatch only with minimumCodes 1.
    expect(oneCode.dispatchesOfStatements).toHaveLength(2);

    const twoCodes = probeCodeChecks(outdent`
      export function handle(err: { code: number }) {
        if (err.code === -401) return 2;
        if (err.code === KakaoErrorCode.InvalidToken) return 3;
        if (err.code === -402) return 4;
      }
    `);
    expect(twoCodes.dispatchesOfCodesAtTwo).toEqual(twoCodes.dispatchesOfStatementsAtTwo);
    expect(twoCodes.dispatchesOfStatementsAtTwo).toEqual(['2:3 err.code [-401, -402]']);
  });

  it('finds every switch, chain and run of ifs that visiting each statement finds (a guard may head a run)', () => {
    const probe = probeCodeChecks(outdent`
      export function handle(err: { code: number }, items: { code: number }[]) {
        switch (err.code) {
          case -401: return 1;
        }
        if (isRetryable(err)) retry();
        if (err.code === -402) return 2;
        if (err.code === -406) return 3;
        console.log(err);
        if (ready) {} else if (items.some((item) => item.code === -421)) {} else if (err.code === -422) {}
        if ([-601, -602].includes(err.code)) {}
      }
    `);
    expect(probe.dispatchesOfCodes).toEqual(probe.dispatchesOfStatements);
    expect(probe.dispatchesOfCodesAtTwo).toEqual(probe.dispatchesOfStatementsAtTwo);
    // The guard heads the run of lines 5-6; the chain of line 9 and the if of line 10 are one run.
    expect(probe.dispatchesOfStatements).toEqual([
      '2:3 err.code [-401]',
      '5:3 err.code [-402, -406] guarded',
      '9:3 err.code [-422, -601, -602]',
    ]);
  });
});
