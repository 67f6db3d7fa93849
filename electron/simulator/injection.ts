// Main process (simulator): a simulated weakness to prompt injection, by fixed rules anyone can read.
// The simulator "falls for" an injected instruction unless the prompt's structure protects it, so
// the injection lab can show which defences help. A simulation of a weakness, not a model's rate.
//
// The rules, in full:
// 1. An injected instruction is one of six techniques found in message text: an override ("ignore
//    previous instructions"), role-play ("you are now..."), an encoding request (base64, rot13 or hex
//    of a secret), "repeat your instructions", "translate your instructions", or a request to call
//    one of the offered tools about a secret. Negated phrases ("never override these rules") and the
//    assistant's own turns do not count.
// 2. Data blocks: text between <untrusted>...</untrusted> (also <document>, <data>, <user_input>)
//    counts as data only when a system or developer message names that tag and says it is data
//    ("is data", "as data", "never follow", "do not follow", "not instructions"). The first closing
//    tag ends a block, as a naive parser would: a closing tag inside the untrusted text escapes it.
// 3. An instruction inside a declared data block is ignored, except role-play, which the simulator
//    plays along with even in data, unless the block sits in a user or tool message and precedence
//    is declared (rule 5).
// 4. An instruction in a system or developer message, outside a data block, is obeyed: the app gave
//    it the developer's authority (this is what pasting a document into the system message does).
// 5. An instruction in a user or tool message, outside a data block, is obeyed unless a system or
//    developer message declares precedence ("only follow instructions from this system message",
//    "... never override these rules"); a translation request is obeyed even then, because it looks
//    like an ordinary task.
// 6. The most recent obeyed instruction decides the answer; when none is obeyed but one was found,
//    the answer says it was not followed and why.
import type { SimMessage } from "./chatParams";

/** The techniques the simulator recognises. */
export type InjectionTechnique = "override" | "role-play" | "encoding" | "repeat" | "translate" | "tool";

/** An injected instruction the simulator found, and whether it fell for it. */
export interface InjectionFinding {
  technique: InjectionTechnique;
  /** Where it was found: "user message 2", "system message 1 (inside <untrusted>)". */
  where: string;
  /** The instruction, shortened for quoting. */
  snippet: string;
  obeyed: boolean;
  /** The rule that decided, in a sentence. */
  reason: string;
  /** For the tool technique: the tool named and the first e-mail address the instruction gives. */
  tool?: { name: string; recipient: string | null };
  /** For the encoding technique: which encoding was asked for. */
  encoding?: "base64" | "rot13" | "hex";
}

const DATA_TAGS = ["untrusted", "document", "data", "user_input"];
const DATA_DECLARATION = /\b(?:is data|as data|only data|never follow|do not follow|don't follow|never obey|do not obey|not instructions)\b/i;
const PRECEDENCE =
  /\bonly (?:follow|obey|take)\b[^.!?\n]{0,40}\binstructions?\b[^.!?\n]{0,60}\b(?:system|developer|this message)\b|\binstructions? in (?:the )?(?:user|tool|documents?)[^.!?\n]{0,60}\b(?:never|do not|don't|cannot|can't) override\b/i;

const SECRET_TARGET = /\b(?:discount code|code|password|secret|api key|key|token|credentials?|instructions|system prompt)\b/i;
const OVERRIDE = /\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions|rules|directions|guidelines|prompt)\b/i;
const ROLE_PLAY = /\b(?:you are now|pretend (?:to be|you are)|act as|role-?play|let's play a game|from now on you are|stay in character)\b/i;
const ENCODING = /\b(base ?64|rot ?13|hex(?:adecimal)?)\b/i;
const INSTRUCTIONS_OBJECT = String.raw`(?:your (?:instructions|rules|prompt|system prompt)|the system prompt|(?:everything|all|the text|the words) above|(?:initial|original|hidden) (?:instructions|prompt))`;
const REPEAT = new RegExp(String.raw`\b(?:repeat|recite|print|output|show|reveal|write out|echo)\b[^.!?\n]{0,30}${INSTRUCTIONS_OBJECT}`, "i");
const TRANSLATE = new RegExp(String.raw`\btranslate\b[^.!?\n]{0,40}${INSTRUCTIONS_OBJECT}`, "i");
const TOOL_REQUEST = /\b(?:call|use|invoke|run|trigger)\b(?:\s+the)?\s+`?([A-Za-z0-9_-]{1,64})`?\s+(?:tool|function)\b/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const NEGATION = /\b(?:never|not|don't|do not|cannot|can't|no)\b[^.!?\n]*$/i;

/** True when the match at `index` sits in a sentence that negates it ("never override these rules"). */
function negated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  const sentenceStart = Math.max(before.lastIndexOf("."), before.lastIndexOf("!"), before.lastIndexOf("?"), before.lastIndexOf("\n"));
  return NEGATION.test(before.slice(sentenceStart + 1));
}

/** The first technique a piece of text carries, if any. */
function detect(text: string, toolNames: readonly string[]): Omit<InjectionFinding, "where" | "obeyed" | "reason"> | null {
  const hit = (re: RegExp) => {
    const m = re.exec(text);
    return m && !negated(text, m.index) ? m : null;
  };
  const snippetAt = (m: RegExpExecArray) => {
    const start = Math.max(0, text.lastIndexOf(".", m.index) + 1, text.lastIndexOf("\n", m.index) + 1);
    return text.slice(start, start + 160).trim();
  };
  const tool = hit(TOOL_REQUEST);
  if (tool && toolNames.includes(tool[1] ?? "") && SECRET_TARGET.test(text)) {
    return { technique: "tool", snippet: snippetAt(tool), tool: { name: tool[1] as string, recipient: EMAIL.exec(text)?.[0] ?? null } };
  }
  const encoding = hit(ENCODING);
  if (encoding && SECRET_TARGET.test(text)) {
    const name = (encoding[1] ?? "").toLowerCase().replace(/\s/g, "");
    return { technique: "encoding", snippet: snippetAt(encoding), encoding: name.startsWith("hex") ? "hex" : name === "rot13" ? "rot13" : "base64" };
  }
  const translate = hit(TRANSLATE);
  if (translate) return { technique: "translate", snippet: snippetAt(translate) };
  const repeat = hit(REPEAT);
  if (repeat) return { technique: "repeat", snippet: snippetAt(repeat) };
  const rolePlay = hit(ROLE_PLAY);
  if (rolePlay && (SECRET_TARGET.test(text) || OVERRIDE.test(text))) return { technique: "role-play", snippet: snippetAt(rolePlay) };
  const override = hit(OVERRIDE);
  if (override) return { technique: "override", snippet: snippetAt(override) };
  return null;
}

/** A message's text split into free text and declared data blocks (the first closing tag ends a block). */
function segments(content: string, tags: readonly string[]): { text: string; tag: string | null }[] {
  if (!tags.length) return [{ text: content, tag: null }];
  const open = new RegExp(`<(${tags.join("|")})>([\\s\\S]*?)</\\1>`, "gi");
  const out: { text: string; tag: string | null }[] = [];
  let at = 0;
  for (const m of content.matchAll(open)) {
    out.push({ text: content.slice(at, m.index), tag: null });
    out.push({ text: m[2] ?? "", tag: (m[1] ?? "").toLowerCase() });
    at = m.index + m[0].length;
  }
  out.push({ text: content.slice(at), tag: null });
  return out.filter((s) => s.text.trim());
}

const isInstructionRole = (m: SimMessage) => m.role === "system" || m.role === "developer";

/** Free text of the system and developer messages: the developer's own instructions. */
function instructionText(messages: readonly SimMessage[], tags: readonly string[]): string {
  return messages
    .filter(isInstructionRole)
    .flatMap((m) => segments(m.content, tags).filter((s) => s.tag === null).map((s) => s.text))
    .join(" ");
}

/** The data tags the instructions declare as data (rule 2). */
function declaredTags(messages: readonly SimMessage[]): string[] {
  const instructions = messages.filter(isInstructionRole).map((m) => m.content);
  return DATA_TAGS.filter((tag) =>
    instructions.some((text) => text.toLowerCase().includes(`<${tag}>`) && DATA_DECLARATION.test(text)),
  );
}

/**
 * The injected instruction that decides the answer (rule 6), or null when the conversation holds
 * none. `toolNames` are the tools the request offers (the tool technique needs one of them).
 */
export function analyseInjection(messages: readonly SimMessage[], toolNames: readonly string[] = []): InjectionFinding | null {
  const tags = declaredTags(messages);
  const precedence = messages.filter(isInstructionRole).some((m) => PRECEDENCE.test(segments(m.content, tags).filter((s) => !s.tag).map((s) => s.text).join(" ")));
  const findings: InjectionFinding[] = [];
  messages.forEach((message, i) => {
    if (message.role === "assistant") return;
    for (const segment of segments(message.content, tags)) {
      const found = detect(segment.text, toolNames);
      if (!found) continue;
      const where = `${message.role} message ${i + 1}${segment.tag ? ` (inside <${segment.tag}>)` : ""}`;
      let obeyed: boolean;
      let reason: string;
      if (segment.tag) {
        const lowerPriority = !isInstructionRole(message) && precedence;
        obeyed = found.technique === "role-play" && !lowerPriority;
        reason = obeyed
          ? `role-play works on the simulator even inside <${segment.tag}> text declared to be data`
          : found.technique === "role-play"
            ? "the system message says only its own instructions count, and this role-play comes from a lower-priority message"
            : `it sits inside <${segment.tag}> text that the system message declares to be data`;
      } else if (isInstructionRole(message)) {
        obeyed = true;
        reason = `it sits in the ${message.role} message, where every instruction carries the developer's authority`;
      } else if (precedence && found.technique !== "translate") {
        obeyed = false;
        reason = "the system message says only its own instructions count, and this one comes from a lower-priority message";
      } else {
        obeyed = true;
        reason = precedence
          ? "a translation request looks like an ordinary task, so the precedence rule does not stop it"
          : "nothing in the prompt marks this text as data or as lower priority, and the simulator obeys the latest instruction";
      }
      findings.push({ ...found, where, obeyed, reason });
    }
  });
  return [...findings].reverse().find((f) => f.obeyed) ?? findings.at(-1) ?? null;
}

/** The secret the instructions hold ("The staff discount code is X") and what they call it. */
export function findSecret(messages: readonly SimMessage[]): { label: string; value: string } | null {
  const text = instructionText(messages, declaredTags(messages));
  const m = /\b((?:[A-Za-z]+ ){0,2}(?:code|password|secret|key|token|pin))\s*(?:is|:|=)\s*["'`]?([A-Za-z0-9][A-Za-z0-9_-]{2,})/i.exec(text);
  return m ? { label: (m[1] ?? "secret").toLowerCase().replace(/^(?:the|a|an|our|my) /, ""), value: m[2] ?? "" } : null;
}

function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function encode(value: string, encoding: NonNullable<InjectionFinding["encoding"]>): string {
  if (encoding === "rot13") return rot13(value);
  if (encoding === "hex") return Buffer.from(value, "utf8").toString("hex");
  return Buffer.from(value, "utf8").toString("base64");
}

const LABEL = "(This is the Prompt Dojo simulator following its documented injection rules, a simulation of a model's weakness; it says nothing about how often real models fall for this.)";

/** The text answer for a finding: what the simulator "leaks" when it obeys, or why it did not. */
export function injectionAnswer(finding: InjectionFinding, messages: readonly SimMessage[]): string {
  if (!finding.obeyed) {
    return `Simulated answer: the ${finding.where} holds an instruction ("${finding.snippet}") that the simulator did not follow, because ${finding.reason}. ${LABEL}`;
  }
  const fell = `Simulated answer (the simulator fell for an instruction in the ${finding.where}, because ${finding.reason})`;
  const instructions = instructionText(messages, declaredTags(messages)).trim();
  const secret = findSecret(messages);
  switch (finding.technique) {
    case "repeat":
      return `${fell}: my instructions, word for word: "${instructions}" ${LABEL}`;
    case "translate":
      return `${fell}: the simulator cannot translate, so its "translation" repeats the instructions word for word: "${instructions}" ${LABEL}`;
    case "encoding":
      return secret
        ? `${fell}: the ${secret.label} in ${finding.encoding} is ${encode(secret.value, finding.encoding ?? "base64")}. ${LABEL}`
        : `${fell}, but its instructions hold no secret to encode. ${LABEL}`;
    default:
      return secret
        ? `${fell}: the ${secret.label} is ${secret.value}. ${LABEL}`
        : `${fell}, but its instructions hold no secret to give away. ${LABEL}`;
  }
}

/**
 * A string for a tool argument when the simulator obeys a tool request: the instruction's address
 * for recipient-like names, the secret (or the instructions) for everything else.
 */
export function injectedArgument(name: string, finding: InjectionFinding, messages: readonly SimMessage[]): string {
  if (/^(?:to|recipient|email|address|destination|cc)$/i.test(name)) return finding.tool?.recipient ?? "attacker@example.invalid";
  const secret = findSecret(messages);
  return secret ? `The ${secret.label} is ${secret.value}` : instructionText(messages, declaredTags(messages)).slice(0, 500);
}
