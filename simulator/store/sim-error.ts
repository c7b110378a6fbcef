/** An action the merchant could not perform; `status` is what the /_sim HTTP endpoints answer. */
export class SimError extends Error {
  readonly status: number;

  constructor(message: string, status = 422) {
    super(message);
    this.name = "SimError";
    this.status = status;
  }
}
