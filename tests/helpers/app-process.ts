import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';
import { baseTestEnv } from './app';

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output: () => string;
  /** Sends a signal and resolves with the exit code once the process is gone. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const waitForHealth = async (url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`App process exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`App process did not become healthy in ${timeoutMs} ms:\n${output()}`);
};

/**
 * Starts the app in a child process on `databaseEnv` (shared with other processes when the
 * same env is passed) and waits until /_health answers.
 */
export const startAppProcess = async (databaseEnv: Record<string, string>, env: Record<string, string> = {}) => {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'serve-app.js')], {
    env: { ...process.env, ...baseTestEnv(), ...databaseEnv, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  await waitForHealth(url, child, app.output);
  return app;
};
