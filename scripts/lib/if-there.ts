/**
 * What a synchronous file call returns, or `undefined` when it fails (the
 * file is gone, or is not a file): for reads whose absence is an answer.
 */
export function ifThere<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
