/** A stage's child process: a Node script, its output collected, a heartbeat line while it runs long. */
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT, seconds } from './cli.ts';

export interface ChildOutcome {
  ok: boolean;
  output: string;
}

/**
 * Runs `script` with the build's Node, given `nodeFlags` (V8's own flags,
 * which NODE_OPTIONS refuses). `track` is told of the child when it starts and
 * ends, so Ctrl-C can stop it with the build.
 */
export function runNode(
  script: string,
  args: string[],
  options: {
    env: NodeJS.ProcessEnv;
    nodeFlags?: readonly string[];
    label: string;
    verbose: boolean;
    log: (line: string) => void;
    track: (child: ChildProcess | undefined) => void;
  },
): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), script, ...args], {
      cwd: ROOT,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    options.track(child);
    let output = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      if (options.verbose) options.log(text.replace(/\n$/, ''));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const started = performance.now();
    const heartbeat = setInterval(() => {
      options.log(`  … ${options.label} still running (${seconds(performance.now() - started)})`);
    }, 15_000);
    child.on('close', (code) => {
      options.track(undefined);
      clearInterval(heartbeat);
      resolve({ ok: code === 0, output });
    });
  });
}
