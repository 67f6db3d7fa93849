import { describe, expect, it } from "vitest";
import { appError } from "../../shared/errors";
import { toAppError } from "./toAppError";

describe("toAppError", () => {
  it("takes the AppError a bridge failure carries", () => {
    const error = appError("rate_limited", "slow down", { status: 429, retryAfterSeconds: 3 });
    expect(toAppError(Object.assign(new Error("slow down"), { error }))).toEqual(error);
  });

  it("reports anything else as an internal error with its message", () => {
    expect(toAppError(new TypeError("x is undefined"))).toEqual(appError("internal", "x is undefined"));
    expect(toAppError({ error: { kind: "not-a-kind" } })).toMatchObject({ kind: "internal" });
    expect(toAppError("")).toMatchObject({ kind: "internal", message: "Something went wrong." });
  });
});
