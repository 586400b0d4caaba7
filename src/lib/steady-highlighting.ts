/**
 * A Shiki transformer that makes highlighting depend on the code alone.
 *
 * Shiki stops tokenizing a line after 500 ms of wall-clock time by default and
 * leaves the rest of it uncoloured. On a loaded machine a build can cross that
 * limit where a quiet one does not, so the same page would come out with
 * different markup, and an incremental build would differ from a clean one.
 * Without the clock, a line's cost is bounded by its length instead: lines
 * longer than `MAX_LINE` characters are left plain, whatever the machine.
 */

/** The tokenizer options Shiki reads after its `preprocess` hooks have run (the same object). */
interface TokenizeOptions {
  tokenizeTimeLimit?: number;
  tokenizeMaxLineLength?: number;
}

/** The longest line Shiki colours; longer lines (minified code, data dumps) stay plain. */
export const MAX_LINE = 20_000;

export const steadyHighlighting = {
  name: 'steady-highlighting',
  preprocess(_code: string, options: TokenizeOptions): undefined {
    options.tokenizeTimeLimit = 0;
    options.tokenizeMaxLineLength = MAX_LINE;
    return undefined;
  },
};
