// Tests (Node): float32 base64 round-trips and matches Node's own base64 of the same bytes.
import { describe, expect, it } from "vitest";
import { base64Length, decodeFloat32Base64, encodeFloat32Base64 } from "./vectorCodec";

describe("vectorCodec", () => {
  it("encodes exactly as Node's Buffer does, for every padding case", () => {
    for (const count of [1, 2, 3, 5, 40000]) {
      const values = Float32Array.from({ length: count }, (_, i) => Math.sin(i) * 10 ** (i % 7));
      const expected = Buffer.from(values.buffer).toString("base64");
      const encoded = encodeFloat32Base64(values);
      expect(encoded).toBe(expected);
      expect(encoded.length).toBe(base64Length(count * 4));
      expect(Array.from(decodeFloat32Base64(encoded))).toEqual(Array.from(values));
    }
  });

  it("decodes a known value: 1.0 is 00 00 80 3f", () => {
    expect(Array.from(decodeFloat32Base64("AACAPw=="))).toEqual([1]);
  });

  it("refuses bad characters and byte counts that are not whole floats", () => {
    expect(() => decodeFloat32Base64("AAC*Pw==")).toThrow(/invalid base64/);
    expect(() => decodeFloat32Base64("AAAA")).toThrow(/not whole float32/);
    expect(() => decodeFloat32Base64("AAA")).toThrow(/multiple of 4/);
  });
});
