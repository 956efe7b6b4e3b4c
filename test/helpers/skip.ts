// Tests that need something a machine may lack (PostgreSQL, Chromium, poppler-utils) take their
// test functions from `skipUnless`. Node's test runner counts a skipped `describe` as a suite,
// not as skipped tests — its summary says `skipped 0` — and it still runs the `before`/`after`
// hooks of a describe whose tests are all skipped. So, when the condition fails, every `it` is
// declared with the skip option and the reason (the summary counts each one, and each line
// says why), the hooks do nothing, and `describe` only groups.
import * as nodeTest from "node:test";
import type { HookFn, HookOptions, SuiteFn, TestFn, TestOptions } from "node:test";

type Hook = (fn: HookFn, options?: HookOptions) => void;
interface Describe {
  (name: string, fn: SuiteFn): void;
  (name: string, options: TestOptions, fn: SuiteFn): void;
}
interface It {
  (name: string, fn: TestFn): void;
  (name: string, options: TestOptions, fn: TestFn): void;
}

export interface ConditionalTests {
  describe: Describe;
  it: It;
  before: Hook;
  after: Hook;
  beforeEach: Hook;
  afterEach: Hook;
}

const announced = new Set<string>();

/**
 * `describe`, `it` and the hooks for tests that run only when `condition` holds; otherwise each
 * test is reported as skipped with `reason`, which is also printed once as a `#` line.
 */
export function skipUnless(condition: boolean, reason: string): ConditionalTests {
  const skip = condition ? false : reason;
  if (skip !== false && !announced.has(skip)) {
    announced.add(skip);
    process.stdout.write(`# ${skip}\n`);
  }
  const hook =
    (register: typeof nodeTest.before): Hook =>
    (fn, options) => {
      if (skip === false) register(fn, options);
    };
  return {
    describe: (name: string, optionsOrFn: TestOptions | SuiteFn, maybeFn?: SuiteFn): void => {
      const [options, fn] = typeof optionsOrFn === "function" ? [{}, optionsOrFn] : [optionsOrFn, maybeFn];
      void nodeTest.describe(name, options, fn);
    },
    it: (name: string, optionsOrFn: TestOptions | TestFn, maybeFn?: TestFn): void => {
      const [options, fn] = typeof optionsOrFn === "function" ? [{}, optionsOrFn] : [optionsOrFn, maybeFn];
      void nodeTest.it(name, skip === false ? options : { ...options, skip }, fn);
    },
    before: hook(nodeTest.before),
    after: hook(nodeTest.after),
    beforeEach: hook(nodeTest.beforeEach),
    afterEach: hook(nodeTest.afterEach),
  };
}
