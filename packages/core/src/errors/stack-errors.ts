import { Cloud66Error, type Cloud66ErrorOptions } from './cloud66-error.js';

/** A stack as listed in {@link StackNotFoundError} and {@link AmbiguousStackError}. */
export interface StackCandidate {
  uid: string;
  name: string;
  environment: string;
}

/** A stack uid or name matched nothing; `candidates` lists the stacks the token can see. */
export class StackNotFoundError extends Cloud66Error {
  override readonly code = 'STACK_NOT_FOUND';
  constructor(
    message: string,
    readonly candidates: readonly StackCandidate[] = [],
    options: Cloud66ErrorOptions = {},
  ) {
    super(message, options);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), candidates: this.candidates };
  }
}

/** A stack name matched several stacks; `candidates` lists them. */
export class AmbiguousStackError extends Cloud66Error {
  override readonly code = 'AMBIGUOUS_STACK';
  constructor(
    message: string,
    readonly candidates: readonly StackCandidate[],
  ) {
    super(message);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), candidates: this.candidates };
  }
}
