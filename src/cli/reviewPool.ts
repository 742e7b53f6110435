/**
 * `nianbao review` on every core: a folder's reports are imported, checked and commented in worker threads
 * (the same bundle, started with a job description), while the main thread reads the files, prints the lines
 * in the folder's order and writes the results. Checking and commenting are pure CPU work, so a 2-core machine
 * reviews a folder in about half the time. A worker that fails or cannot start hands its reports back to
 * the main thread, which reviews them itself: never a lost report.
 */
import type { CountyProfile } from '../core/profile/index';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ReviewedFile, ReviewFileOptions } from '../core/review/reviewFile';
import { reviewFile } from '../core/review/reviewFile';

/** What the main thread keeps of a reviewed file (not the document nor the check result: they stay in the worker). */
export type ReviewOutcome = Pick<ReviewedFile, 'report' | 'commented' | 'commentNote'>;

/** Everything a worker needs to review exactly as the main thread would: options as given on the command line. */
export interface ReviewSetup {
  templatesDir?: string;
  templateId?: string;
  year?: number;
  author?: string;
  /** The county's profile (--profile), as parsed: plain data, cloned into each worker. */
  profile?: CountyProfile;
  comments: boolean;
}

type Job = { id: number; path: string; bytes: Uint8Array };
type Reply = { id: number; outcome: ReviewOutcome } | { id: number; error: string };

const WORKER_TAG = 'nianbao-review-worker';

/** Workers pay off only past a handful of files (each starts in ~0.3 s); more than 3 only add memory. */
export function poolSize(files: number): number {
  if (files < 8) return 0;
  return Math.min(3, availableParallelism());
}

/** The bundle this code runs from (dist/cli.cjs), or undefined when running from the TypeScript sources (tests). */
function bundleFile(): string | undefined {
  return typeof __filename === 'string' && /\.cjs$/.test(__filename) ? __filename : undefined;
}

/**
 * What a worker runs: the bundle through bin/load-cli.cjs, as the command itself starts, so that it runs from
 * V8's code cache instead of compiling the checker again in every thread; the bundle alone where there is no loader.
 */
function workerEntry(bundle: string): { code: string; eval: boolean } {
  const loader = join(dirname(bundle), '..', 'bin', 'load-cli.cjs');
  return existsSync(loader)
    ? { code: `require(${JSON.stringify(loader)}).loadCli();`, eval: true }
    : { code: bundle, eval: false };
}

export class ReviewPool {
  private readonly workers: Array<{
    worker: Worker;
    pending: Map<number, { job: Job; resolve: (o: ReviewOutcome) => void; reject: (e: Error) => void }>;
  }> = [];
  private nextId = 0;

  /**
   * `local` reviews in this thread: used when there is no worker, and for the reports of a worker that failed.
   * `setup` must describe the same options `local` uses.
   */
  constructor(
    size: number,
    setup: ReviewSetup,
    private readonly local: (path: string, bytes: Uint8Array) => Promise<ReviewOutcome>,
  ) {
    const file = bundleFile();
    if (!file) return;
    for (let i = 0; i < size; i++) {
      let worker: Worker;
      try {
        const entry = workerEntry(file);
        worker = new Worker(entry.code, { eval: entry.eval, workerData: { [WORKER_TAG]: setup } });
      } catch {
        break;
      }
      const entry = { worker, pending: new Map() as (typeof this.workers)[number]['pending'] };
      worker.on('message', (reply: Reply) => {
        const waiting = entry.pending.get(reply.id);
        if (!waiting) return;
        entry.pending.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(reply.error));
        else waiting.resolve(reply.outcome);
      });
      const fail = () => {
        // This worker is gone: its reports are reviewed here instead, and it gets no more.
        const index = this.workers.indexOf(entry);
        if (index >= 0) this.workers.splice(index, 1);
        for (const { job, resolve, reject } of entry.pending.values())
          this.local(job.path, job.bytes).then(resolve, reject);
        entry.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.workers.push(entry);
    }
  }

  review(path: string, bytes: Uint8Array): Promise<ReviewOutcome> {
    const entry = this.workers.reduce<(typeof this.workers)[number] | undefined>(
      (best, w) => (!best || w.pending.size < best.pending.size ? w : best),
      undefined,
    );
    if (!entry) return this.local(path, bytes);
    const job: Job = { id: this.nextId++, path, bytes };
    return new Promise((resolve, reject) => {
      entry.pending.set(job.id, { job, resolve, reject });
      // Copied, not transferred: the bytes stay usable here should the worker fail.
      entry.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/**
 * In a worker started by ReviewPool: review each job with the options the main thread was given. `options`
 * builds them (the registry from --templates-dir, the exporter for .txt reports) from the setup.
 */
export function serveReviewJobs(options: (setup: ReviewSetup) => ReviewFileOptions): void {
  const setup = (workerData as Record<string, ReviewSetup> | null)?.[WORKER_TAG];
  if (isMainThread || !parentPort || !setup) return;
  const port = parentPort;
  const reviewOptions = options(setup);
  port.on('message', (job: Job) => {
    reviewFile(job.path, job.bytes, reviewOptions).then(
      ({ report, commented, commentNote }) => {
        const outcome: ReviewOutcome = {
          report,
          ...(commented ? { commented } : {}),
          ...(commentNote ? { commentNote } : {}),
        };
        // Copied (a few dozen KB): the bytes may be a view into a buffer zlib or the zip writer shares.
        port.postMessage({ id: job.id, outcome } satisfies Reply);
      },
      (error: unknown) =>
        port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies Reply),
    );
  });
}

/** True in a thread started by ReviewPool, where the bundle must serve jobs instead of running a command. */
export function isReviewWorker(): boolean {
  return !isMainThread && !!(workerData as Record<string, unknown> | null)?.[WORKER_TAG];
}
