// Both processes: saved experiments: the playground state kept as a plain JSON file with every saved
// version, the reference a run record carries to its version, and the import/export bundle.
import { z } from "zod";
import { PlaygroundDraft } from "./schemas";

/** The experiment file format this build writes; a file with a larger number is refused, not half-read. */
export const EXPERIMENT_FORMAT_VERSION = 1;
/** Marks a file as one of ours, so a random JSON file is refused with a clear message. */
export const EXPERIMENT_FORMAT = "prompt-dojo.experiment";
export const EXPERIMENT_BUNDLE_FORMAT = "prompt-dojo.experiments";

/** An experiment's id: also its file name, so only safe characters. */
export const ExperimentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "ids use lower-case letters, digits and -");

/** Which experiment version a run came from. */
export const ExperimentRef = z.object({
  id: ExperimentId,
  version: z.number().int().positive(),
});
export type ExperimentRef = z.infer<typeof ExperimentRef>;

/**
 * The whole playground state of one version: everything the draft holds (request with messages,
 * parameters, schema and tools; simulator failure; tool settings) plus notes and tags.
 */
export const ExperimentState = PlaygroundDraft.omit({ version: true, updatedAt: true }).extend({
  notes: z.string().max(20_000).default(""),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type ExperimentState = z.infer<typeof ExperimentState>;

/** One saved version. */
export const ExperimentVersion = z.object({
  version: z.number().int().positive(),
  /** Epoch ms. */
  savedAt: z.number().int().nonnegative(),
  message: z.string().max(500).default(""),
  state: ExperimentState,
});
export type ExperimentVersion = z.infer<typeof ExperimentVersion>;

/** An experiment file as written to the workspace folder. */
export const ExperimentFile = z
  .object({
    format: z.literal(EXPERIMENT_FORMAT),
    formatVersion: z.literal(EXPERIMENT_FORMAT_VERSION),
    id: ExperimentId,
    name: z.string().trim().min(1, "an experiment needs a name").max(120),
    createdAt: z.number().int().nonnegative(),
    versions: z.array(ExperimentVersion).min(1, "an experiment has at least one version"),
  })
  .superRefine((file, ctx) => {
    file.versions.forEach((v, i) => {
      if (v.version !== i + 1) ctx.addIssue({ code: "custom", path: ["versions", i, "version"], message: `should be ${i + 1} (versions are numbered 1, 2, 3...)` });
    });
  });
export type ExperimentFile = z.infer<typeof ExperimentFile>;

/** Several experiments exported together. */
export const ExperimentBundle = z.object({
  format: z.literal(EXPERIMENT_BUNDLE_FORMAT),
  formatVersion: z.literal(EXPERIMENT_FORMAT_VERSION),
  experiments: z.array(ExperimentFile),
});
export type ExperimentBundle = z.infer<typeof ExperimentBundle>;

/** One line of the experiment list. */
export const ExperimentSummary = z.object({
  id: ExperimentId,
  name: z.string(),
  tags: z.array(z.string()),
  model: z.string(),
  versionCount: z.number().int().positive(),
  updatedAt: z.number().int().nonnegative(),
  /** Set for an experiment in the trash: when it was deleted. */
  deletedAt: z.number().int().nonnegative().nullable(),
});
export type ExperimentSummary = z.infer<typeof ExperimentSummary>;

/** The latest version of an experiment. */
export function latestVersion(file: ExperimentFile): ExperimentVersion {
  const last = file.versions[file.versions.length - 1];
  if (!last) throw new Error(`experiment ${file.id} has no versions`);
  return last;
}

/** The list line of an experiment file. */
export function summarizeExperiment(file: ExperimentFile, deletedAt: number | null = null): ExperimentSummary {
  const latest = latestVersion(file);
  return {
    id: file.id,
    name: file.name,
    tags: latest.state.tags,
    model: latest.state.request.model,
    versionCount: file.versions.length,
    updatedAt: latest.savedAt,
    deletedAt,
  };
}

/** True when the experiment matches a search over its name, tags and content (case-insensitive). */
export function matchesSearch(file: ExperimentFile, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const latest = latestVersion(file).state;
  if (file.name.toLowerCase().includes(q)) return true;
  if (latest.tags.some((t) => t.toLowerCase().includes(q.replace(/^#/, "")))) return true;
  const content = [latest.notes, ...latest.request.messages.map((m) => m.content ?? ""), JSON.stringify(latest.request.response_format ?? ""), JSON.stringify(latest.request.tools ?? "")];
  return content.some((text) => text.toLowerCase().includes(q));
}
