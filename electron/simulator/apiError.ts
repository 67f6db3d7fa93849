// Main process (simulator): errors in the OpenAI wire shape `{ error: { message, type, param, code } }`.

/** The body of every error response (ErrorResponse in the OpenAPI spec: param and code always present). */
export interface ApiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An error the server answers with: HTTP status, spec-shaped body and any extra headers. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;
  /** False for a refusal by the enforced rate limits: the refused request does not use the budget. */
  readonly counted: boolean;

  constructor(
    status: number,
    message: string,
    options: { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string>; counted?: boolean } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.type = options.type ?? "invalid_request_error";
    this.param = options.param ?? null;
    this.code = options.code ?? null;
    this.headers = options.headers ?? {};
    this.counted = options.counted ?? true;
  }

  /** The JSON body, exactly as the real service shapes it. */
  body(): ApiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 naming the parameter the request got wrong. */
export function invalidParam(param: string, message: string, code = "invalid_value"): ApiError {
  return new ApiError(400, message, { param, code });
}

/** 404 for a model id the simulator does not list, worded like the real service. */
export function modelNotFound(model: string): ApiError {
  return new ApiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, {
    code: "model_not_found",
  });
}

/**
 * Masks a key the way the real 401 message echoes it ("sk-abc***wxyz"), so a learner can see which
 * key was refused without the message carrying the key.
 */
export function maskKey(key: string): string {
  if (key.length <= 10) return "*".repeat(Math.max(4, key.length));
  return `${key.slice(0, 3)}${"*".repeat(Math.min(key.length - 7, 40))}${key.slice(-4)}`;
}

/** 401 for a wrong key, echoing it masked like the real service does. */
export function incorrectKey(key: string): ApiError {
  return new ApiError(
    401,
    `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    { code: "invalid_api_key" },
  );
}

/** 401 when no key was sent at all. */
export function missingKey(): ApiError {
  return new ApiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  );
}
