/**
 * Work one push may cost a mapping, in steps: one per path segment walked, per label read from
 * an object, per character a template writes or an alert key hashes. Enough for 10 000 items of
 * a realistic mapping several times over (plugins/webhook README, "Bounded work"); a push that
 * needs more is refused instead of holding the event loop.
 */
export const MAPPING_WORK_LIMIT = 20_000_000;

/** Thrown by {@link WorkBudget.spend} when the push has used all its work. */
export class WorkBudgetExceeded extends Error {
  constructor() {
    super(`the mapping needs more than ${MAPPING_WORK_LIMIT} steps for this push`);
    this.name = 'WorkBudgetExceeded';
  }
}

/** The work left to one push's mapping. */
export class WorkBudget {
  constructor(private left: number = MAPPING_WORK_LIMIT) {}

  spend(steps: number): void {
    this.left -= steps;
    if (this.left < 0) throw new WorkBudgetExceeded();
  }
}
