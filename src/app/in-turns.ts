/**
 * Long computations on a server that answers other people meanwhile: a computation written
 * as a generator pauses between its steps, and `runInTurns` gives the event loop a turn at
 * each pause, so the health check or a colleague's list is answered while a forecast runs
 * instead of after it.
 */

/** Runs `steps` to its end, letting the event loop turn (setImmediate) at every pause. */
export async function runInTurns<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
