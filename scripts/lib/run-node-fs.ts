/** A stage's child process: a Node script, its output collected, a heartbeat line while it runs long. */
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT, seconds } from './cli.ts';

export interface ChildOutcome {
  ok: boolean;
  output: string;
}

export interface NodeOptions {
  env: NodeJS.ProcessEnv;
  nodeFlags?: readonly string[];
  label: string;
  verbose: boolean;
  track: (child: ChildProcess | undefined) => void;
  /** A pipe to the child's input (else none): the site stage's go, for an Astro started early. */
  input?: boolean;
}

/** A child started: the process, its outcome once it ends, and where its progress goes. */
export interface NodeChild {
  child: ChildProcess;
  done: Promise<ChildOutcome>;
  /**
   * From now on, its output (with --verbose) and a heartbeat line while it
   * runs long go to `log`; what it wrote before is passed on then.
   */
  report: (log: (line: string) => void) => void;
}

/**
 * Starts `script` with the build's Node, given `nodeFlags` (V8's own flags,
 * which NODE_OPTIONS refuses). `track` is told of the child when it starts and
 * ends, so Ctrl-C can stop it with the build. Nothing is logged until `report`.
 */
export function startNode(script: string, args: string[], options: NodeOptions): NodeChild {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), script, ...args], {
    cwd: ROOT,
    env: options.env,
    stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  // A child that ended before its go is read: its outcome tells, not a broken pipe.
  child.stdin?.on('error', () => undefined);
  options.track(child);
  let output = '';
  let log: ((line: string) => void) | undefined;
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString();
    output += text;
    if (options.verbose) log?.(text.replace(/\n$/, ''));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const done = new Promise<ChildOutcome>((resolve) => {
    child.on('close', (code) => {
      options.track(undefined);
      resolve({ ok: code === 0, output });
    });
  });
  return {
    child,
    done,
    report(to) {
      log = to;
      if (options.verbose && output) to(output.replace(/\n$/, ''));
      const started = performance.now();
      const heartbeat = setInterval(() => {
        to(`  … ${options.label} still running (${seconds(performance.now() - started)})`);
      }, 15_000);
      // Stopped once the child has ended, whether before this call or after.
      void done.then(() => clearInterval(heartbeat));
    },
  };
}

/** Runs `script` as {@link startNode} does, logging to `log`, and resolves with its outcome once it has ended. */
export function runNode(
  script: string,
  args: string[],
  options: NodeOptions & { log: (line: string) => void },
): Promise<ChildOutcome> {
  const started = startNode(script, args, options);
  started.report(options.log);
  return started.done;
}
