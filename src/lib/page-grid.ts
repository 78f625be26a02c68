/**
 * One time grid for everything the page redraws on a timer: a run asked for every `ms` fires at the next
 * multiple of `ms` on the clock (Date.now()), not `ms` after whoever asked. Streaming text (every 100 ms),
 * the live figures (500 ms) and the charts (1 s) then fall due together, and the browser draws one frame
 * for all of them instead of one each: every frame is style, layout, paint and raster work, and on a CPU
 * that is shared with the models it is decode speed lost.
 */

/** Milliseconds from `now` to the next multiple of `ms` (never 0: a run due now waits a whole step). */
export function untilNextStep(ms: number, now = Date.now()): number {
  return ms - (now % ms);
}

/** Calls `run` at every multiple of `ms` on the grid until the returned function is called. */
export function everyStep(ms: number, run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const next = (): void => {
    timer = setTimeout(() => {
      next();
      run();
    }, untilNextStep(ms));
  };
  next();
  return () => clearTimeout(timer);
}
