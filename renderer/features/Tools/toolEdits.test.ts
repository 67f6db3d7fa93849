// Renderer tests: tool edits keep tool_choice consistent with the tools that exist.
import { describe, expect, it } from "vitest";
import { defaultChatRequest, type ChatRequest } from "../../../shared/chatRequest";
import { addTool, editTool, removeTool, setParallel, setToolChoice, toolChoiceValue } from "./toolEdits";

const twoTools = (): ChatRequest => addTool(addTool(defaultChatRequest()));

describe("tool edits", () => {
  it("adds tools with unique names", () => {
    expect(twoTools().tools?.map((t) => t.function.name)).toEqual(["tool_1", "tool_2"]);
  });

  it("carries a named tool_choice along a rename, and falls back to auto when its tool is removed", () => {
    let request = setToolChoice(twoTools(), "fn:tool_2");
    request = editTool(request, 1, { name: "lookup" });
    expect(toolChoiceValue(request)).toBe("fn:lookup");
    request = removeTool(request, 1);
    expect(request.tool_choice).toBe("auto");
  });

  it("drops tool_choice and parallel_tool_calls with the last tool", () => {
    let request = setParallel(setToolChoice(addTool(defaultChatRequest()), "required"), "false");
    expect(request.parallel_tool_calls).toBe(false);
    request = removeTool(request, 0);
    expect(request).not.toHaveProperty("tools");
    expect(request).not.toHaveProperty("tool_choice");
    expect(request).not.toHaveProperty("parallel_tool_calls");
  });

  it("removes tool_choice and parallel_tool_calls for the server's default", () => {
    expect(setToolChoice(setToolChoice(twoTools(), "none"), "")).not.toHaveProperty("tool_choice");
    expect(setParallel(setParallel(twoTools(), "true"), "")).not.toHaveProperty("parallel_tool_calls");
  });
});
