/**
 * Runs async tasks with at most `limit` at once, in order of start; their
 * results in the order given. For loops whose steps wait on the disk or the
 * thread pool: one step at a time leaves the process idle between them.
 */
export async function limited<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await (tasks[i] as () => Promise<T>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}
