// Renderer: turns whatever a bridge call rejected with into the contract's AppError.
import { AppError, appError } from "../../shared/errors";

/**
 * The bridge rejects with a BridgeError carrying `error: AppError`. This reads that field by shape
 * rather than `instanceof`, so the store stays testable without loading the real bridge module.
 */
export function toAppError(err: unknown): AppError {
  if (err && typeof err === "object" && "error" in err) {
    const parsed = AppError.safeParse((err as { error: unknown }).error);
    if (parsed.success) return parsed.data;
  }
  const message = err instanceof Error ? err.message : String(err);
  return appError("internal", message || "Something went wrong.");
}
