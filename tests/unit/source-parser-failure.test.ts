/**
 * When the YAML parser itself gives up (it recurses on nested flow collections; a document the nesting
 * scan lets through could still exhaust the stack), the user reads the one located line for a document
 * nested too deeply, not a stack trace. The parser is made to fail here, since no document that passes
 * the scan can safely make it fail in a test process. The loader is imported afresh with the failing
 * parser (and the module registry reset after), so that this holds however test files share modules.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

afterAll(() => {
  vi.doUnmock('yaml');
  vi.resetModules();
});

describe('the YAML parser fails', () => {
  it('the document is refused at 1:1 as nested too deeply, in one line', async () => {
    vi.doMock('yaml', async (importOriginal) => ({
      ...(await importOriginal<typeof import('yaml')>()),
      parseDocument: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }));
    vi.resetModules();
    const { parseSource } = await import('../../src/load/source.js');
    const { formatProblem } = await import('../../src/load/problems.js');
    let r: ReturnType<typeof parseSource> | undefined;
    expect(() => (r = parseSource('f.yaml', 'a: [[1]]\n'))).not.toThrow();
    expect(r!.ok ? [] : r!.problems.map(formatProblem)).toEqual(['f.yaml:1:1  document is nested too deeply (more than 64 levels)']);
    expect(r!.ok ? [] : r!.problems.map((p) => p.code)).toEqual(['input.too-deep']);
  });
});
