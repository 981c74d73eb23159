/** The local data's refusals: invalid values (each problem named by its column) and unknown versions. */
/** One problem with a change, in Vietnamese, naming the template column. */
export interface OverlayIssue {
  column: string;
  message: string;
}

export class OverlayInputError extends Error {
  constructor(readonly issues: OverlayIssue[]) {
    super(issues.map((i) => `${i.column}: ${i.message}`).join('; '));
    this.name = 'OverlayInputError';
  }
}

export class OverlayNotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'OverlayNotFoundError';
  }
}
