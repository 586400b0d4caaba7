/** Whether a process id belongs to a running process (one this user may signal or not). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user. ESRCH: no such process.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
