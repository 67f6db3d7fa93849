// Main process (simulator): the Files and Batch APIs: a JSON Lines file uploaded with purpose
// `batch`, a batch over it that completes after a configurable delay (checked when it is read, so
// no timer outlives the server), and its output and error files, shaped as the OpenAPI spec says.
import { randomBytes } from "node:crypto";
import { ApiError } from "./apiError";
import { completionBody } from "./chatBodies";
import { parseChatParams } from "./chatParams";
import { planChat } from "./chatPlan";
import { embeddingsResponse } from "./embeddings";
import { paginate, readLimit } from "./pagination";
import { PromptCache } from "./promptCache";
import { systemSeeds, type SeedSource } from "./random";
import { newRequestId } from "./respond";
import { batchResponse } from "./responses/responsesRoute";
import { SimResponses } from "./responses/responsesStore";

type Json = Record<string, unknown>;

interface SimFile {
  id: string;
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  content: Buffer;
}

interface SimBatch {
  id: string;
  input_file_id: string;
  /** The input file's lines as read at creation, so deleting the file later does not lose them. */
  input: Buffer;
  endpoint: string;
  completion_window: string;
  status: "validating" | "in_progress" | "completed" | "failed" | "cancelling" | "cancelled";
  createdMs: number;
  metadata: Record<string, string> | null;
  output_file_id?: string;
  error_file_id?: string;
  times: Partial<Record<"in_progress_at" | "finalizing_at" | "completed_at" | "failed_at" | "cancelling_at" | "cancelled_at", number>>;
  counts: { total: number; completed: number; failed: number };
  errors?: { object: "list"; data: { code: string; message: string; line?: number }[] };
}

/** What a batch line may need of the running simulator besides its body. */
export interface BatchContext {
  /** The Responses API's stored responses (previous_response_id, store); a fresh store when none is given. */
  responses: SimResponses;
  cache: PromptCache;
  /** Fresh randomness for runs without a seed. */
  seeds: SeedSource;
}

/**
 * How a batch answers one line, per endpoint: the same code the endpoint's own route runs, so a
 * batched request gets what a direct one would. A new endpoint is one more entry.
 */
const BATCH_HANDLERS: Readonly<Record<string, (body: unknown, context: BatchContext) => Json>> = {
  "/v1/chat/completions": (body, context) => completionBody(planChat(parseChatParams(body), context.seeds)),
  "/v1/embeddings": (body) => embeddingsResponse(body),
  "/v1/responses": (body, context) => batchResponse(body, context),
};
const BATCH_ENDPOINTS = Object.keys(BATCH_HANDLERS);
const seconds = (ms: number) => Math.floor(ms / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/** The files and batches of one running simulator. */
export class SimBatches {
  private files = new Map<string, SimFile>();
  private batches = new Map<string, SimBatch>();

  constructor(
    /** Milliseconds from creation until a batch is complete. */
    private readonly delayMs: number,
    private readonly now: () => number = Date.now,
    private readonly context: BatchContext = { responses: new SimResponses(0), cache: new PromptCache(), seeds: systemSeeds },
  ) {}

  private fileObject(file: SimFile): Json {
    return { id: file.id, object: "file", bytes: file.bytes, created_at: file.created_at, filename: file.filename, purpose: file.purpose, status: "processed" };
  }

  private addFile(filename: string, purpose: string, content: Buffer): SimFile {
    const file = { id: newId("file"), bytes: content.length, created_at: seconds(this.now()), filename, purpose, content };
    this.files.set(file.id, file);
    return file;
  }

  /** POST /v1/files (multipart/form-data with `file` and `purpose`). */
  async upload(contentType: string, body: Buffer): Promise<Json> {
    if (!/^multipart\/form-data/i.test(contentType)) throw new ApiError(400, "Uploads must be multipart/form-data with a `file` and a `purpose`.", { param: "file" });
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new ApiError(400, "The multipart body could not be parsed.", { param: "file" });
    }
    const file = form.get("file");
    const purpose = form.get("purpose");
    if (!(file instanceof Blob)) throw new ApiError(400, "Missing required parameter: 'file'.", { param: "file", code: "missing_required_parameter" });
    if (typeof purpose !== "string" || !["assistants", "batch", "fine-tune", "vision", "user_data", "evals"].includes(purpose)) {
      throw new ApiError(400, `Invalid value for 'purpose': ${JSON.stringify(purpose)}.`, { param: "purpose", code: "invalid_value" });
    }
    const name = "name" in file && typeof file.name === "string" ? file.name : "upload";
    const content = Buffer.from(await file.arrayBuffer());
    if (purpose === "batch" && !name.endsWith(".jsonl")) throw new ApiError(400, "Invalid file format for Batch API. Must be .jsonl", { param: "file" });
    return this.fileObject(this.addFile(name, purpose, content));
  }

  private file(id: string): SimFile {
    const file = this.files.get(id);
    if (!file) throw new ApiError(404, `No such File object: ${id}`, { param: "id", code: null });
    return file;
  }

  /** GET /v1/files/{id}. */
  retrieveFile(id: string): Json {
    return this.fileObject(this.file(id));
  }

  /**
   * GET /v1/files: newest first (or `order=asc`), only `purpose` when given, paginated by `after`
   * and `limit` (1 to 10,000, default 10,000), as the spec's listFiles says.
   */
  listFiles(query: URLSearchParams): Json {
    const order = query.get("order") ?? "desc";
    if (order !== "asc" && order !== "desc") throw new ApiError(400, `Invalid value for 'order': ${JSON.stringify(order)}. Supported values are: 'asc' and 'desc'.`, { param: "order", code: "invalid_value" });
    const limit = readLimit(query, { defaultLimit: 10_000, maxLimit: 10_000 });
    const purpose = query.get("purpose");
    // Insertion order breaks ties between files created in the same second.
    const files = [...this.files.values()].filter((f) => !purpose || f.purpose === purpose);
    if (order === "desc") files.reverse();
    const page = paginate(files, query.get("after"), limit);
    return { ...page, data: page.data.map((f) => this.fileObject(f)) };
  }

  /** DELETE /v1/files/{id}. */
  deleteFile(id: string): Json {
    const file = this.file(id);
    this.files.delete(file.id);
    return { id: file.id, object: "file", deleted: true };
  }

  /** GET /v1/files/{id}/content. */
  fileContent(id: string): Buffer {
    return this.file(id).content;
  }

  /** POST /v1/batches. */
  create(body: unknown): Json {
    const input = (typeof body === "object" && body !== null ? body : {}) as Json;
    if (typeof input.input_file_id !== "string") throw new ApiError(400, "Missing required parameter: 'input_file_id'.", { param: "input_file_id", code: "missing_required_parameter" });
    if (typeof input.endpoint !== "string" || !Object.hasOwn(BATCH_HANDLERS, input.endpoint)) {
      throw new ApiError(400, `The simulator's Batch API supports the endpoints ${BATCH_ENDPOINTS.join(", ")}; got ${JSON.stringify(input.endpoint)}.`, { param: "endpoint", code: "invalid_value" });
    }
    if (input.completion_window !== "24h") throw new ApiError(400, "Invalid value for 'completion_window': only '24h' is supported.", { param: "completion_window", code: "invalid_value" });
    const file = this.file(input.input_file_id);
    if (file.purpose !== "batch") throw new ApiError(400, `The file ${file.id} was not uploaded with purpose 'batch'.`, { param: "input_file_id" });
    const total = file.content.toString("utf8").split("\n").filter((l) => l.trim()).length;
    const batch: SimBatch = {
      id: newId("batch"),
      input_file_id: file.id,
      input: file.content,
      endpoint: input.endpoint,
      completion_window: "24h",
      status: "validating",
      createdMs: this.now(),
      metadata: (input.metadata as Record<string, string> | undefined) ?? null,
      times: {},
      counts: { total, completed: 0, failed: 0 },
    };
    this.batches.set(batch.id, batch);
    return this.batchObject(batch);
  }

  /** GET /v1/batches/{id}: advances the batch by the time that passed. */
  retrieve(id: string): Json {
    const batch = this.batch(id);
    this.advance(batch);
    return this.batchObject(batch);
  }

  /**
   * GET /v1/batches: newest first, paginated by `after` and `limit` (1 to 100, default 20), each
   * advanced by the time that passed like a retrieve. first_id and last_id are left out of an
   * empty page (the spec makes them optional here).
   */
  list(query: URLSearchParams): Json {
    const limit = readLimit(query, { defaultLimit: 20, maxLimit: 100 });
    const page = paginate([...this.batches.values()].reverse(), query.get("after"), limit);
    for (const batch of page.data) this.advance(batch);
    const { first_id, last_id, ...rest } = page;
    return { ...rest, data: page.data.map((b) => this.batchObject(b)), ...(first_id ? { first_id, last_id } : {}) };
  }

  /** POST /v1/batches/{id}/cancel. */
  cancel(id: string): Json {
    const batch = this.batch(id);
    this.advance(batch);
    if (batch.status === "validating" || batch.status === "in_progress") {
      batch.status = "cancelling";
      batch.times.cancelling_at = seconds(this.now());
    }
    return this.batchObject(batch);
  }

  private batch(id: string): SimBatch {
    const batch = this.batches.get(id);
    if (!batch) throw new ApiError(404, `No batch found with id '${id}'.`, { param: "batch_id", code: null });
    return batch;
  }

  private advance(batch: SimBatch): void {
    const now = this.now();
    if (batch.status === "cancelling") {
      batch.status = "cancelled";
      batch.times.cancelled_at = seconds(now);
      return;
    }
    if (batch.status === "validating" && now - batch.createdMs >= this.delayMs / 2) {
      batch.status = "in_progress";
      batch.times.in_progress_at = seconds(now);
    }
    if (batch.status === "in_progress" && now - batch.createdMs >= this.delayMs) this.complete(batch);
  }

  /** Answers every line as the batch's endpoint would, into an output file and an error file. */
  private complete(batch: SimBatch): void {
    const outputs: string[] = [];
    const errors: string[] = [];
    const lines = batch.input.toString("utf8").split("\n").filter((l) => l.trim());
    const lineErrors: { code: string; message: string; line: number }[] = [];
    lines.forEach((line, i) => {
      let item: Json;
      try {
        item = JSON.parse(line) as Json;
      } catch {
        lineErrors.push({ code: "invalid_json_line", message: "This line is not parseable as valid JSON.", line: i + 1 });
        return;
      }
      const customId = typeof item.custom_id === "string" ? item.custom_id : `line-${i + 1}`;
      const requestId = newRequestId();
      if (item.url !== batch.endpoint) {
        errors.push(JSON.stringify({ id: newId("batch_req"), custom_id: customId, response: { status_code: 400, request_id: requestId, body: new ApiError(400, `The url ${JSON.stringify(item.url)} does not match the batch's endpoint ${batch.endpoint}.`, { param: "url" }).body() }, error: null }));
        return;
      }
      try {
        const body = (BATCH_HANDLERS[batch.endpoint] as (body: unknown, context: BatchContext) => Json)(item.body, this.context);
        outputs.push(JSON.stringify({ id: newId("batch_req"), custom_id: customId, response: { status_code: 200, request_id: requestId, body }, error: null }));
      } catch (err) {
        const apiError = err instanceof ApiError ? err : new ApiError(500, err instanceof Error ? err.message : String(err), { type: "server_error" });
        errors.push(JSON.stringify({ id: newId("batch_req"), custom_id: customId, response: { status_code: apiError.status, request_id: requestId, body: apiError.body() }, error: null }));
      }
    });
    const at = seconds(this.now());
    if (lineErrors.length) {
      batch.status = "failed";
      batch.times.failed_at = at;
      batch.errors = { object: "list", data: lineErrors };
      return;
    }
    batch.times.finalizing_at = at;
    batch.times.completed_at = at;
    batch.status = "completed";
    batch.counts = { total: lines.length, completed: outputs.length, failed: errors.length };
    const toFile = (rows: string[], kind: string) => this.addFile(`${batch.id}_${kind}.jsonl`, "batch_output", Buffer.from(rows.length ? `${rows.join("\n")}\n` : "")).id;
    if (outputs.length) batch.output_file_id = toFile(outputs, "output");
    if (errors.length) batch.error_file_id = toFile(errors, "error");
  }

  private batchObject(batch: SimBatch): Json {
    return {
      id: batch.id,
      object: "batch",
      endpoint: batch.endpoint,
      ...(batch.errors ? { errors: batch.errors } : {}),
      input_file_id: batch.input_file_id,
      completion_window: batch.completion_window,
      status: batch.status,
      ...(batch.output_file_id ? { output_file_id: batch.output_file_id } : {}),
      ...(batch.error_file_id ? { error_file_id: batch.error_file_id } : {}),
      created_at: seconds(batch.createdMs),
      expires_at: seconds(batch.createdMs) + 24 * 3600,
      ...batch.times,
      request_counts: batch.counts,
      metadata: batch.metadata,
    };
  }
}
