// Unit tests of the one secret scrubber: whole keys, every 8-character piece, key shapes, values,
// keys split across streamed pieces, and ordinary text left alone.
import { describe, expect, it } from "vitest";
import { createScrubber, keyHint, redactSecrets, redactSecretsDeep, REDACTED } from "./redact";

const KEY = "sk-proj-Q7vLx2mN9pR4tW8yB3cF6hJ1kZ5sD0gA";

/** True when `text` holds the key or any 8-character piece of it. */
function leaks(text: string, key = KEY): boolean {
  for (let i = 0; i + 8 <= key.length; i++) if (text.includes(key.slice(i, i + 8))) return true;
  return false;
}

describe("redactSecrets", () => {
  it("removes a known key whole, and every 8-character piece of it wherever it starts", () => {
    expect(redactSecrets(`key=${KEY};`, [KEY])).toBe(`key=${REDACTED};`);
    for (let start = 0; start + 8 <= KEY.length; start++) {
      for (const size of [8, 9, 11, 13]) {
        if (start + size > KEY.length) continue;
        const piece = KEY.slice(start, start + size);
        const out = redactSecrets(`echo: ${piece} end`, [KEY]);
        expect(leaks(out), `piece ${start}+${size}: ${out}`).toBe(false);
        expect(out).toContain("echo: ");
        expect(out).toContain(" end");
      }
    }
  });

  it("removes the 8-character tail of a key whose length is not a multiple of 4 (the old gap)", () => {
    const key = "sk-proj-CANARYabcdefghijklmnopqrstuvwxyz0123456789A";
    expect(key.length % 4).not.toBe(0);
    const tail = key.slice(-8);
    expect(redactSecrets(`id ${tail}.`, [key])).toBe(`id ${REDACTED}.`);
  });

  it("removes a known secret of any shape, even one not shaped like an OpenAI key", () => {
    const key = "or-9f8e7d6c5b4a39281706";
    expect(redactSecrets(`x-echo: ${key}`, [key])).toBe(`x-echo: ${REDACTED}`);
    expect(redactSecrets(`tail 7d6c5b4a3928`, [key])).toBe(`tail ${REDACTED}`);
  });

  it("removes key-shaped strings nobody named, the starred echo of a 401 and bearer tokens", () => {
    expect(redactSecrets("Incorrect API key provided: sk-abcdefgh1234****wxyz.")).toBe(`Incorrect API key provided: ${REDACTED}.`);
    expect(redactSecrets("use sk-svcacct-AbCdEf0123456789 here")).toBe(`use ${REDACTED} here`);
    expect(redactSecrets("Authorization: Bearer abc.def-123456789")).toBe(`Authorization: ${REDACTED}`);
    // In serialised JSON a key may follow an escape with no word boundary before it.
    expect(redactSecrets(String.raw`{"t":"line\nsk-proj-AbCdEf0123456789"}`)).toBe(String.raw`{"t":"line\n${REDACTED}"}`);
  });

  it("leaves ordinary text, hints and short strings alone", () => {
    const prose = [
      "Keys are secrets: store them in the OS keychain, never in the repository. A risk-adjusted task-management plan.",
      "const total = items.reduce((sum, item) => sum + item.price, 0); // Authorization header is masked",
      "The hint sk-...gA shows four characters; sk- alone is no key. Bearer of bad news.",
      "Temperature 0.7, top_p 0.95, max_completion_tokens 4000, model gpt-4.1-mini-2025-04-14.",
    ];
    for (const text of prose) expect(redactSecrets(text, [KEY])).toBe(text);
    expect(redactSecrets(keyHint(KEY), [KEY])).toBe(keyHint(KEY));
    // A secret shorter than 8 characters would mangle words: it is not scrubbed.
    expect(redactSecrets("the cat sat", ["cat"])).toBe("the cat sat");
  });
});

describe("redactSecretsDeep", () => {
  it("scrubs every string of a value, copies only what changed, and keeps numbers and shapes", () => {
    const clean = { model: "gpt", vector: [0.1, 0.2] };
    const value = { headers: { "x-request-id": `req_${KEY}` }, list: ["ok", `a ${KEY.slice(10, 22)} b`], clean, n: 3, flag: true, none: null };
    const out = redactSecretsDeep(value, [KEY]);
    expect(leaks(JSON.stringify(out))).toBe(false);
    expect(out.headers["x-request-id"]).toBe(`req_${REDACTED}`);
    expect(out.clean).toBe(clean);
    expect(out).toMatchObject({ n: 3, flag: true, none: null, list: ["ok", `a ${REDACTED} b`] });
    expect(value.headers["x-request-id"]).toContain(KEY); // the input is not changed
    expect(redactSecretsDeep(clean, [KEY])).toBe(clean);
  });

  it("walks a value nested 10,000 deep without overflowing the stack", () => {
    let deep: unknown = { secret: KEY };
    for (let i = 0; i < 10_000; i++) deep = [deep];
    let out = redactSecretsDeep(deep, [KEY]) as unknown;
    for (let i = 0; i < 10_000; i++) out = (out as unknown[])[0];
    expect(out).toEqual({ secret: REDACTED });
  });
});

describe("the stream scrubber", () => {
  /** Streams `text` cut at `cuts` through a fresh stream scrubber; returns what was passed on. */
  function streamed(text: string, cuts: number[], secrets: readonly string[] = [KEY]): { out: string; pieces: string[] } {
    const stream = createScrubber(secrets).stream();
    const pieces: string[] = [];
    let from = 0;
    for (const at of [...cuts, text.length]) {
      pieces.push(stream.push(text.slice(from, at)));
      from = at;
    }
    pieces.push(stream.end());
    return { out: pieces.join(""), pieces };
  }

  it("catches a key split across two pieces at every possible point", () => {
    const text = `Here is the key: ${KEY} and more.`;
    const at = text.indexOf(KEY);
    for (let cut = at; cut <= at + KEY.length; cut++) {
      const { out } = streamed(text, [cut]);
      expect(out, `cut at ${cut}`).toBe(`Here is the key: ${REDACTED} and more.`);
    }
  });

  it("catches a key streamed a few characters per piece, like tokens, and an unknown key too", () => {
    const text = `Try ${KEY}, then sk-unknownKey0123456789 now.`;
    const cuts = Array.from({ length: Math.ceil(text.length / 3) }, (_, i) => i * 3).slice(1);
    const { out, pieces } = streamed(text, cuts);
    expect(out).toBe(`Try ${REDACTED}, then ${REDACTED} now.`);
    for (const piece of pieces) expect(leaks(piece)).toBe(false);
  });

  it("holds a bearer token's prefix until the token has arrived", () => {
    const { out } = streamed("send Bearer abcdefgh12345678 ok", [9, 12, 16, 24]);
    expect(out).toBe(`send ${REDACTED} ok`);
  });

  it("passes ordinary text on unchanged, holding back at most the word in progress", () => {
    const text = "The cat sat on the mat. It was warm, and the afternoon light fell across the floor.";
    const cuts = Array.from({ length: 20 }, (_, i) => i * 4 + 3);
    const { out, pieces } = streamed(text, cuts);
    expect(out).toBe(text);
    // Everything up to the last space before a cut went out by then.
    let sent = "";
    cuts.forEach((cut, i) => {
      sent += pieces[i] ?? "";
      expect(sent.length, `after the cut at ${cut}`).toBeGreaterThanOrEqual(text.lastIndexOf(" ", cut - 1) + 1);
    });
  });

  it("passes on a word at once when no secret can begin in it, so a stream that stalls mid-word shows it", () => {
    // None of these letters is in the key, so nothing in them can start a piece of it.
    const stream = createScrubber(["sk-proj-0123456789ABCDEF0123"]).stream();
    expect(stream.push("Sim")).toBe("Sim");
    expect(stream.push("ulated")).toBe("ulated");
    // What may still become a key or a bearer token waits: "s"/"sk" then "sk-...", and "Bea...".
    expect(stream.push(" tas")).toBe(" ta");
    expect(stream.push("k")).toBe("");
    expect(stream.push("-list Bea")).toBe("sk-list ");
    expect(stream.push("ch")).toBe("Beach");
    expect(stream.end()).toBe("");
  });

  it("waits on the start of a known secret with no sk- prefix, and removes it whole", () => {
    const secret = "zq9Lm2Xw7Rt4Yp";
    const stream = createScrubber([secret]).stream();
    const out = [stream.push("token x"), stream.push("zq9"), stream.push("Lm2X"), stream.push("w7Rt4Yp"), stream.push(" end"), stream.end()];
    expect(out[1]).toBe("");
    expect(out.join("")).toBe(`token x${REDACTED} end`);
  });

  it("lets a very long run of key characters go instead of holding it forever, still scrubbed", () => {
    const stream = createScrubber([KEY]).stream();
    const blob = "A".repeat(5_000);
    const first = stream.push(blob);
    expect(first.length).toBeGreaterThan(4_000);
    expect(first + stream.push(`${KEY} done`) + stream.end()).toBe(`${blob}${REDACTED} done`);
  });
});
