// One request per submit. `isPending` reaches the screen a render late (react-query tells React on a later task),
// so a double click or a repeated Enter can submit twice before any button is disabled. The lock closes in the
// same tick as the first submit and opens again only once that submit's mutation has settled.
import { useEffect, useRef, useState } from 'react';

export type SubmitLock = {
  /** True from a run until its mutation settles. */
  readonly locked: boolean;
  /**
   * Calls `submit` unless a run is still unsettled; returns whether it ran. A promise from `submit` (mutateAsync)
   * opens the lock when it settles; a plain return (mutate) leaves that to the `pending` state the hook watches.
   * A submit that throws opens it at once.
   */
  run: (submit: () => unknown) => boolean;
  release: () => void;
};

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null | undefined)?.then === 'function';
}

export function createSubmitLock(): SubmitLock {
  let locked = false;
  const release = (): void => {
    locked = false;
  };
  return {
    get locked() {
      return locked;
    },
    run(submit) {
      if (locked) return false;
      locked = true;
      let out: unknown;
      try {
        out = submit();
      } catch (e) {
        locked = false;
        throw e;
      }
      if (isThenable(out)) out.then(release, release);
      return true;
    },
    release,
  };
}

/** What the lock watches when `run` is given a plain `mutate` call: the mutation's pending flag and its error. */
export type SubmitState = { pending?: boolean; error?: unknown };

/**
 * A submit lock for one form or dialog. With `state`, the lock also opens when `pending` falls back to false after
 * having been true, or when a new error arrives (a failure fast enough that `pending` was never rendered).
 */
export function useSubmitLock(state: SubmitState = {}): SubmitLock {
  const [lock] = useState(createSubmitLock);
  const { pending = false, error } = state;
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current && !pending) lock.release();
    wasPending.current = pending;
  }, [lock, pending]);
  useEffect(() => {
    if (error) lock.release();
  }, [lock, error]);
  return lock;
}
