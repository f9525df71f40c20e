import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { BenchServerCommand, BenchServerMessage, ServerCpuSample } from '../servers/server-ipc';

/** Compiled server entries, next to this file's compiled folder (dist/bench/bench/src/servers). */
export const SERVER_ENTRIES = {
  service: resolve(__dirname, '../servers/service.server.js'),
  bare: resolve(__dirname, '../servers/bare.server.js'),
  reference: resolve(__dirname, '../servers/nest-reference.server.js'),
  peer: resolve(__dirname, '../servers/peer/peer.server.js'),
  receiver: resolve(__dirname, '../servers/receiver.server.js'),
} as const;

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_CHARS = 8_000;

/**
 * A server in its own child process with an IPC channel: the bench asks it for its CPU usage around each
 * round, so the load generator's own CPU never counts.
 */
export class ServerProcess {
  private nextId = 0;
  private readonly pending = new Map<number, (sample: ServerCpuSample) => void>();
  private output = '';

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
    readonly port: number,
    startupOutput: string,
  ) {
    this.output = startupOutput;
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: BenchServerMessage) => {
      if (message.type !== 'cpu') return;
      const resolveSample = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolveSample?.(message.sample);
    });
  }

  /**
   * Spawns `entry` with exactly `env` (plus PATH and BENCH_ALLOCATION_PROFILE_DIR), waits until it listens. `nodeArgs` go to node itself
   * (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept).
   */
  static async start(
    label: string,
    entry: string,
    env: Record<string, string>,
    nodeArgs: readonly string[] = [],
  ): Promise<ServerProcess> {
    const child = spawn(process.execPath, [...nodeArgs, entry], {
      env: {
        PATH: process.env.PATH ?? '',
        // The allocation sampler's switch (servers/allocation-sampler.ts), for profiling a row.
        ...(process.env.BENCH_ALLOCATION_PROFILE_DIR
          ? { BENCH_ALLOCATION_PROFILE_DIR: process.env.BENCH_ALLOCATION_PROFILE_DIR }
          : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let early = '';
    const collect = (chunk: Buffer): void => {
      early = (early + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const port = await new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${label} server did not start within ${START_TIMEOUT_MS / 1000} s:\n${early}`));
      }, START_TIMEOUT_MS);
      child.on('message', (message: BenchServerMessage) => {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        resolvePort(message.port);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${label} server exited (${code ?? signal}) before listening:\n${early}`));
      });
    });
    child.stdout?.off('data', collect);
    child.stderr?.off('data', collect);
    return new ServerProcess(label, child, port, early);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The server's cumulative CPU and memory, read inside the server process. */
  cpu(): Promise<ServerCpuSample> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return Promise.reject(new Error(`${this.label} server is gone:\n${this.output}`));
    }
    const id = this.nextId++;
    return new Promise((resolveSample, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.label} server did not answer a CPU query:\n${this.output}`));
      }, 10_000);
      this.pending.set(id, (sample) => {
        clearTimeout(timer);
        resolveSample(sample);
      });
      this.child.send({ cmd: 'cpu', id } satisfies BenchServerCommand);
    });
  }

  /** Asks the server to close (HTTP, database) and exit; kills it if it does not within 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
    if (this.child.connected) this.child.send({ cmd: 'stop' } satisfies BenchServerCommand);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** The last few KB the server printed, for error messages. */
  recentOutput(): string {
    return this.output;
  }
}
