// Progress of long work (import, generate, validate, the start of a large graph) on one
// line of stderr that rewrites itself: what is being done, its counts and the elapsed
// time. Only when stderr is a terminal and --quiet is not given: piped or redirected
// output, logs and tests get none of it, and the results on stdout stay clean. A small
// line-updater of our own instead of a progress-bar package: the work reports phases
// and counts, not a known total to draw a bar for, and this is all it needs.

/** Where progress goes: process.stderr, or a terminal-like stream in the module's tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Shows `text` (a phase with its counts), at most every `intervalMs` unless `force`. */
  update(text: string, force?: boolean): void;
  /** Clears the line: what follows (a summary, an error) starts on a clean line. */
  done(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** The clock, in ms; Date.now by default. */
  now?: () => number;
  /** The least time between two redraws; 100 ms by default. */
  intervalMs?: number;
}

const silent: Progress = { update: () => {}, done: () => {} };

/** "12 s", "3 min 05 s": the elapsed time as the line shows it. */
export function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
}

/** 1234567 → "1,234,567", the same on every machine whatever its locale. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A progress line labelled `label` on `stream`, or one that writes nothing when the stream is no terminal or quiet is set. */
export function startProgress(
  stream: ProgressStream | undefined,
  label: string,
  options: ProgressOptions = {},
): Progress {
  if (!stream?.isTTY || options.quiet) return silent;
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 100;
  const started = now();
  let drawnAt = -Infinity;
  let shown = false;
  return {
    update(text, force = false) {
      const at = now();
      if (!force && at - drawnAt < interval) return;
      drawnAt = at;
      let line = `${label}: ${text} · ${formatElapsed(at - started)}`;
      const width = stream.columns || 80; // 0 on a terminal that does not say
      if (line.length > width - 1) line = `${line.slice(0, Math.max(0, width - 2))}…`;
      // \r back to the start, ESC[2K clears the line: the new text replaces the old.
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
