// Each request's time budget (CLAIMGRAPH_REQUEST_TIMEOUT_MS): past it the request answers
// 503 problem+json with Retry-After rather than holding the server. Two ways to run out:
// - waiting (a slow body upload, anything asynchronous): a timer answers 503 itself;
// - computing (graph queries are synchronous, so no timer can fire meanwhile): handlers
//   call `budget.check()` between steps and at checkpoints inside long loops, which
//   throws a ServiceUnavailableError once the deadline has passed.
import type { RequestHandler, Response } from 'express';
import { ServiceUnavailableError } from './errors';
import { sendProblem } from './problemHandler';

export { ServiceUnavailableError };

export class TimeBudget {
  readonly deadline: number;

  constructor(
    readonly budgetMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + budgetMs;
  }

  get expired(): boolean {
    return this.now() > this.deadline;
  }

  /** Throws once the deadline has passed; cheap enough to call every few hundred loop steps. */
  check(): void {
    if (this.expired) throw new ServiceUnavailableError(this.budgetMs);
  }
}

/** A budget that never runs out, for callers outside a request (CLI, tests of pure queries). */
export const unlimitedBudget = { check(): void {} };

/** Something long-running code can call to give up when its request has run out of time. */
export interface Checkpoint {
  check(): void;
}

export function sendTimeout(res: Response, budgetMs: number): void {
  const error = new ServiceUnavailableError(budgetMs);
  res.set(error.headers);
  sendProblem(res, error.toProblem());
}

/** Starts the budget of each request and answers 503 when it runs out while waiting. */
export function timeBudget(budgetMs: number, now?: () => number): RequestHandler {
  return (_req, res, next) => {
    const budget = new TimeBudget(budgetMs, now);
    res.locals.budget = budget;
    const timer = setTimeout(() => {
      if (!res.headersSent) sendTimeout(res, budgetMs);
    }, budgetMs);
    timer.unref();
    const stop = () => clearTimeout(timer);
    res.locals.stopBudgetTimer = stop;
    res.once('finish', stop);
    res.once('close', stop);
    next();
  };
}

/**
 * For an answer that streams from now on (an export, bounded by bytes instead): its timer
 * must not answer 503 while the first bytes are being made, nor cut it afterwards.
 */
export function releaseBudget(res: Response): void {
  (res.locals.stopBudgetTimer as (() => void) | undefined)?.();
}

/** The budget of the request `res` answers; unlimited outside the budget middleware. */
export function budgetOf(res: Response): Checkpoint {
  const budget = res.locals.budget as unknown;
  return budget instanceof TimeBudget ? budget : unlimitedBudget;
}

/**
 * For routes with an asynchronous step before their work (reading a body): stop if the
 * timer has already answered 503, and check the budget before any write happens, so a
 * request answered 503 never writes.
 */
export const stillWithinBudget: RequestHandler = (_req, res, next) => {
  if (res.headersSent) return;
  budgetOf(res).check();
  next();
};
