// Both processes: saved experiments' channels: list and search, versions, trash with undo,
// import/export, and the workspace folder the files live in.
import { z } from "zod";
import { ExperimentFile, ExperimentId, ExperimentState, ExperimentSummary } from "../experiments";
import { OkOutput } from "../schemas";
import { MAX_IMPORT_CHARS } from "./importLimits";

const IdInput = z.object({ id: ExperimentId }).strict();
const Name = z.string().trim().min(1, "an experiment needs a name").max(120);
const Message = z.string().trim().max(500).optional();

/** A file of the workspace folder that could not be read, and why. */
export const WorkspaceProblem = z.object({ file: z.string(), reason: z.string() });

/** The experiment channels. */
export const experimentsChannels = {
  /** Experiments matching a search over name, tags and content (or those in the trash). */
  "experiments.list": {
    input: z.object({ query: z.string().max(200).optional(), trash: z.boolean().optional() }).strict(),
    output: z.object({ experiments: z.array(ExperimentSummary), problems: z.array(WorkspaceProblem), workspaceDir: z.string() }),
  },
  /** One experiment with all its versions. */
  "experiments.get": { input: IdInput, output: ExperimentFile },
  /** A new experiment whose version 1 is the given state. */
  "experiments.create": { input: z.object({ name: Name, state: ExperimentState, message: Message }).strict(), output: ExperimentFile },
  /** Saves the state as the next version. */
  "experiments.save": { input: z.object({ id: ExperimentId, state: ExperimentState, message: Message }).strict(), output: ExperimentFile },
  /** Saves an old version's state again as the newest version. */
  "experiments.restoreVersion": { input: z.object({ id: ExperimentId, version: z.number().int().positive() }).strict(), output: ExperimentFile },
  "experiments.rename": { input: z.object({ id: ExperimentId, name: Name }).strict(), output: ExperimentSummary },
  /** A copy of the latest version under a new name. */
  "experiments.duplicate": { input: IdInput, output: ExperimentSummary },
  /** Moves an experiment to the trash. */
  "experiments.delete": { input: IdInput, output: OkOutput },
  /** Brings an experiment back from the trash. */
  "experiments.undelete": { input: IdInput, output: ExperimentSummary },
  /** One experiment (id given) or all of them, as the text of a file to save; unreadable files are skipped and named. */
  "experiments.export": {
    input: z.object({ id: ExperimentId.optional() }).strict(),
    output: z.object({ fileName: z.string(), text: z.string(), skipped: z.array(WorkspaceProblem) }),
  },
  /** Imports one experiment file or a bundle; refused whole, naming the field, when malformed. */
  "experiments.import": {
    input: z.object({ text: z.string().max(MAX_IMPORT_CHARS) }).strict(),
    output: z.object({ imported: z.array(ExperimentSummary) }),
  },
  /** Chooses the workspace folder ("" for the default in the data folder). */
  "experiments.setWorkspace": {
    input: z.object({ dir: z.string().max(1000) }).strict(),
    output: z.object({ workspaceDir: z.string() }),
  },
} as const;
