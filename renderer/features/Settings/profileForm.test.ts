import { describe, expect, it } from "vitest";
import { openaiProfile, ollamaProfile } from "../../store/fixtures";
import { emptyProfileForm, formToProfile, newProfileId, profileToForm } from "./profileForm";

describe("profile form", () => {
  it("derives a unique id for a new profile from its name", () => {
    expect(newProfileId("My Ollama (GPU)", [])).toBe("my-ollama-gpu");
    expect(newProfileId("Ollama", ["ollama", "ollama-2"])).toBe("ollama-3");
    expect(newProfileId("Simulator", [])).toBe("simulator-2");
    expect(newProfileId("!!!", [])).toBe("profile");
  });

  it("builds a compatible profile with a trimmed base URL", () => {
    const result = formToProfile({ ...emptyProfileForm(), name: " Local ", kind: "compatible", baseURL: " http://localhost:1234/v1 ", defaultModel: "qwen" }, []);
    expect(result).toEqual({
      ok: true,
      profile: { id: "local", name: "Local", kind: "compatible", baseURL: "http://localhost:1234/v1", defaultModel: "qwen" },
    });
  });

  it("lets an OpenAI profile use the default URL (empty)", () => {
    const result = formToProfile({ ...emptyProfileForm(), name: "OpenAI" }, []);
    expect(result.ok).toBe(true);
  });

  it("names each field that is wrong", () => {
    const result = formToProfile({ ...emptyProfileForm(), kind: "compatible", baseURL: "" }, []);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.name).toBe("a profile needs a name");
      expect(result.errors.baseURL).toContain("needs its base URL");
    }
    const badUrl = formToProfile({ ...emptyProfileForm(), name: "x", baseURL: "ftp://host" }, []);
    expect(badUrl.ok === false && badUrl.errors.baseURL).toBe("base URL must be an http(s) URL");
  });

  it("keeps the id of a profile being edited", () => {
    const result = formToProfile({ ...profileToForm(openaiProfile), name: "Renamed" }, ["work-openai"]);
    expect(result.ok && result.profile.id).toBe("work-openai");
    expect(profileToForm(ollamaProfile).kind).toBe("compatible");
  });
});
