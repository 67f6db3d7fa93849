// Main process: the exception services throw to return a typed AppError across the boundary.
import { appError, type AppError, type ErrorKind } from "../shared/errors";

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class DojoError extends Error {
  readonly error: AppError;
  constructor(kind: ErrorKind, message: string, extra: Partial<AppError> = {}) {
    super(message);
    this.name = "DojoError";
    this.error = appError(kind, message, extra);
  }
  /** Wraps an AppError that was already built (e.g. mapped from an SDK error). */
  static from(error: AppError): DojoError {
    const e = new DojoError(error.kind, error.message, error);
    return e;
  }
}
