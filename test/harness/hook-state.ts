/**
 * The state a test fixture builds in a set-up hook and its tests read: written once here
 * for `withWorkspace`, `withApi` and `withFileApi`.
 */

/** A fixture's state between its set-up and its clean-up hook. */
export interface HookState<S> {
  /** Keeps what the set-up hook built. */
  set(state: S): void;
  /**
   * The state of the running test. Reading it outside a test or hook (at describe level,
   * before any set-up ran) is a mistake in the test file and says so, naming the fixture.
   */
  current(): S;
  /** Hands the state to the clean-up hook and forgets it (undefined when set-up failed). */
  take(): S | undefined;
}

/** An empty state for the fixture `fixture` (`withApi` …), named in the mistake's message. */
export function hookState<S>(fixture: string, readAt = 'a test or hook'): HookState<S> {
  let state: S | undefined;
  return {
    set(next) {
      state = next;
    },
    current() {
      if (state === undefined) throw new Error(`${fixture}: read inside ${readAt}, not at describe level`);
      return state;
    },
    take() {
      const done = state;
      state = undefined;
      return done;
    },
  };
}
