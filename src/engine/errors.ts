/** An evaluation that cannot be made (no date, no law for an offence, engines that disagree): a stable code and a message. */
export class EvaluationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}
