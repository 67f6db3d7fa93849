// Hand-written cases for the grading table (shared/lessonQuiz.grading.test.ts): for every short
// question of the fifty lessons, right answers in other words than the sample (they must pass) and
// wrong ones a learner could plausibly type (they must fail): contradictions, negations, one item
// where two are named, and keywords that sound on topic but answer something else.
// Keyed by "<lesson id>#<index in the quiz>".

export interface GradingCases {
  right: string[];
  wrong: string[];
  /** Why the generated "never <point>" cases do not apply (the point itself may be a missing practice). */
  negationNamesThePoint?: string;
}

export const GRADING_TABLE: Record<string, GradingCases> = {
  "what-the-api-is#2": {
    right: ["Extracting fields from invoices into JSON, and creating embeddings for semantic search", "translation and speech-to-text transcription"],
    wrong: ["summaries", "Summarising and summaries", "chatting and more chatting", "it is not used for classification or summaries"],
  },
  "authenticating-requests#2": {
    right: ["the SDK reads OPENAI_API_KEY", "$OPENAI_API_KEY"],
    wrong: ["OPENAI_KEY", "API_KEY", "not OPENAI_API_KEY, the SDK wants OPENAI_TOKEN"],
  },
  "calls-on-the-backend#2": {
    right: ["authentication of the user and a per-user budget", "It can validate input and log every call"],
    wrong: ["rate limits", "it cannot validate anything and does not log", "a nicer user interface and faster loading"],
  },
  "choosing-a-model#2": {
    right: ["how long the context window is", "whether it supports tool calling"],
    wrong: ["its logo", "the context window doesn't matter", "the colour of the playground"],
  },
  "prompts#2": {
    right: ["who will read it and what tone to use", "a few examples and the constraints it must respect"],
    wrong: ["the audience", "the task and the task again", "no format and no examples"],
  },
  "the-messages-array#2": {
    right: ["The whole history is sent again every turn and all of it is billed as input tokens", "each request re-sends all previous messages, so you pay for more tokens each time"],
    wrong: ["because of tokens", "the model gets tired", "the history is never resent, so it costs the same tokens"],
  },
  "system-vs-user#2": {
    right: ["A user can use prompt injection to get around it", "It is only an instruction, the model can still be persuaded to reveal X"],
    wrong: ["because the system message is enforced by the API", "the model can never be tricked", "it is enough, it cannot leak"],
  },
  "temperature#2": {
    right: ["coming up with ideas for a short story", "writing several alternative slogans for a campaign"],
    wrong: ["classification of support tickets", "extracting invoice totals", "not for brainstorming"],
  },
  "max-output-tokens#2": {
    right: ["The model spends its token budget on thinking tokens before any visible text, so nothing is left", "hidden reasoning tokens count against the cap and can use it all up"],
    wrong: ["reasoning", "because the model refuses", "the reasoning tokens are not counted against the cap"],
  },
  "max-output-tokens#3": {
    right: ["how much you pay", "it bounds the latency of the answer"],
    wrong: ["the temperature", "the number of input messages", "nothing, not cost or latency"],
  },
  "streaming#2": {
    right: ["a final data: [DONE] line", "the [DONE] marker"],
    wrong: ["when the answer is done", "the connection closes with a 200", "a final event: end line"],
  },
  "when-to-stream#2": {
    right: ["an overnight pipeline that tags documents", "a cron job extracting fields from invoices"],
    wrong: ["a chat interface", "a live chat where the user watches", "a voice assistant"],
  },
  "structured-outputs#2": {
    right: ["keep it required and make its type nullable", "use a union type with null, like [\"string\", \"null\"]"],
    wrong: ["remove it from required", "leave it out of the required list", "mark it optional with a question mark"],
  },
  "structured-outputs#3": {
    right: ["the refusal field", "check message.refusal in case the model refused"],
    wrong: ["finish_reason", "the role", "the content field only, there is no refusal field"],
  },
  "structure-in-production#2": {
    right: ["Bad answers get caught at the boundary before they reach the database", "you can count and alert on validation failures"],
    wrong: ["a faster model", "nicer prose", "it makes the model smarter"],
  },
  "structure-in-production#3": {
    right: ["define it once in Zod and derive both the request schema and the validator from it", "a single source of truth that generates the JSON Schema"],
    wrong: ["none", "copy it by hand into both places", "keep two separate definitions and compare them sometimes"],
  },
  "json-mode-vs-json-schema#2": {
    right: ["give the field a nullable type and tell the model to return null", "it returns null for that field"],
    wrong: ["make it optional", "the model should guess a plausible value", "use an empty string", "never null, leave it out"],
  },
  "json-mode-vs-json-schema#3": {
    right: ["the schema is a hint; the output may not match it", "best effort: it usually follows the schema but you still validate"],
    wrong: ["exactly the same guarantee", "it always matches the schema", "it guarantees conformance to the schema"],
  },
  "tool-calling#2": {
    right: ["as a JSON-encoded string in function.arguments, which you parse and validate", "text holding JSON; decode it with JSON.parse first"],
    wrong: ["It is never a string, never parse it", "as a string", "they arrive as an object, use them directly", "parse them"],
  },
  "tool-calling#3": {
    right: ["tool_choice: \"required\"", "set it to required"],
    wrong: ["definitely not required; use auto", "auto", "none", "required is wrong, use auto"],
  },
  "function-calling#2": {
    right: ["its name, what it does in a description, and a JSON Schema of the arguments", "parameters, a description and a name"],
    wrong: ["a name", "a name and a description", "the return type and the body"],
  },
  "function-calling#3": {
    right: ["set tool_choice to that function by name", "use tool_choice with {\"type\": \"function\", \"function\": {\"name\": \"calculate_shipping_cost\"}}"],
    wrong: ["tool_choice required", "tool_choice auto", "ask for it in the prompt", "remove the other tools"],
  },
  "securing-tool-calls#2": {
    right: ["anything that moves money or deletes data", "calls that cannot be undone, like sending an e-mail"],
    wrong: ["read-only lookups", "every order status check", "calls that are not sensitive"],
  },
  "securing-tool-calls#3": {
    right: ["a tool result for that call explaining why it was refused", "a role tool message with an error saying it was denied"],
    wrong: ["nothing", "an error in a new user message", "a tool message", "skip the call and don't send a reason"],
  },
  "embeddings#2": {
    right: ["cosine", "the dot product of unit vectors"],
    wrong: ["the number of tokens", "string equality", "not cosine similarity"],
  },
  "embeddings#3": {
    right: ["recommending similar products", "clustering feedback by topic"],
    wrong: ["search", "semantic search", "generating text"],
  },
  "embeddings-in-rag#2": {
    right: ["each vector averages many subjects and matches none of them precisely", "irrelevant text crowds the prompt"],
    wrong: ["nothing, bigger is better", "they are faster", "it uses fewer vectors, which is good"],
  },
  "semantic-search#2": {
    right: ["something is always the nearest vector, so set a minimum similarity threshold", "it only ranks by closeness; add a cut-off and allow no match"],
    wrong: ["set a threshold", "because the index is broken", "every text gets a score"],
  },
  "vector-databases#2": {
    right: ["store a tenant id with each vector and filter on it", "give each customer a separate namespace"],
    wrong: ["trust the model not to mention other customers", "ask the user to be careful", "a bigger index"],
  },
  "rag#2": {
    right: ["that it does not know", "I don't know", "it should say it cannot find the answer in the sources"],
    wrong: ["its best guess", "make something up that sounds right", "never say not found"],
  },
  "reducing-hallucinations#2": {
    right: ["ground it in retrieved documents, require citations, and validate the output", "lower the temperature, have a human review, and let it say it doesn't know"],
    wrong: ["raise the temperature", "use a bigger model", "grounding, citations", "grounding, RAG and retrieval", "raise the temperature, add citations and use RAG"],
  },
  "what-a-hallucination-is#2": {
    right: ["medicine, because a wrong dose can harm a patient", "finance, since people make decisions on the numbers"],
    wrong: ["medicine", "gaming, because it is fun", "poetry"],
  },
  "what-a-hallucination-is#3": {
    right: ["check whether a retrieved passage supports it", "look for the citation and compare it with the source"],
    wrong: ["it sounds confident", "ask the model if it is sure", "read it twice"],
  },
  "evaluating-responses#2": {
    right: ["cost per case and whether the format was valid", "latency and the token count"],
    wrong: ["latency", "the author's name", "the colour of the chart and the font"],
  },
  "evaluating-responses#3": {
    right: ["the average hides which cases broke", "to find patterns in what went wrong and fix them"],
    wrong: ["it is faster", "the pass rate says everything", "to get a better average"],
  },
  "evaluation-datasets#2": {
    right: ["a ticket written in Spanish", "an empty message"],
    wrong: ["a normal billing question", "the happy path", "a ticket exactly like the others"],
  },
  "evaluation-datasets#3": {
    right: ["add that input as a regression case", "include the failing ticket with its expected label"],
    wrong: ["nothing", "delete the failing case", "remove that case so it passes"],
  },
  "testing-prompts#2": {
    right: ["which cases flipped from pass to fail", "cost and latency"],
    wrong: ["the prompt's word count", "the author", "the release date"],
  },
  "testing-prompts#3": {
    right: ["adversarial prompt-injection inputs", "cases that failed before"],
    wrong: ["easy cases", "only typical tickets", "the same case twice"],
  },
  "prompt-injection#2": {
    right: ["a web page the assistant fetched", "the output of a tool call"],
    wrong: ["the user's own message", "the model's weights", "the system prompt we wrote"],
  },
  "prompt-injection#3": {
    right: ["the permissions of the tools it can call", "which secrets and data it has access to"],
    wrong: ["the length of the prompt", "the temperature", "the font"],
  },
  "defending-against-injection#2": {
    right: ["keep it out of the prompt and look it up in code", "don't put secrets in the prompt"],
    wrong: ["tell the model never to reveal it", "a stronger system prompt", "write never reveal in capitals", "put it in the prompt"],
  },
  "defending-against-injection#3": {
    right: ["an allowlist of recipients", "check that the order belongs to the signed-in user"],
    wrong: ["trust the model", "a better prompt", "let the model decide"],
  },
  "storing-api-keys#2": {
    right: ["the model might echo it back, and prompts end up in logs", "anyone who can inject instructions can extract it"],
    wrong: ["it makes the prompt longer", "it costs tokens", "the model does not need it"],
  },
  "handling-rate-limits#3": {
    right: ["x-ratelimit-remaining-tokens", "ratelimit-remaining"],
    wrong: ["retry-after", "x-ratelimit-limit-requests", "x-request-id"],
  },
  "handling-rate-limits#4": {
    right: ["batch several items into one request", "trim the history you send"],
    wrong: ["retry more often", "use more API keys", "send every request twice"],
  },
  "exponential-backoff#3": {
    right: ["a 400 bad request", "insufficient_quota"],
    wrong: ["429 rate limit", "503", "a timeout"],
  },
  "timeouts#2": {
    right: ["600 seconds", "ten minutes"],
    wrong: ["60 seconds", "30 s", "none"],
  },
  "timeouts#3": {
    right: ["answer from a cache", "tell the user and finish it in the background"],
    wrong: ["wait forever", "crash", "raise the timeout to an hour"],
  },
  "idempotency#2": {
    right: ["reject it with a 409 conflict", "return an error"],
    wrong: ["run it again", "return the stored result", "overwrite the old operation"],
  },
  "idempotency#3": {
    right: ["yes, generating text has no side effects; the worst case is being billed twice", "it is safe because it is stateless"],
    wrong: ["yes", "no, it is not safe", "safe", "yes, though it has side effects"],
  },
  "monitoring-usage#2": {
    right: ["the x-request-id header", "its request id"],
    wrong: ["authorization", "content-type", "retry-after"],
  },
  "monitoring-usage#3": {
    right: ["429 rate and p99 latency", "validation failures and timeouts"],
    wrong: ["latency", "cost per day", "the number of engineers"],
  },
  "controlling-cost#2": {
    right: ["latency: results can take up to 24 hours", "you wait longer; it is asynchronous"],
    wrong: ["quality", "lower quality answers", "accuracy"],
  },
  "controlling-cost#3": {
    right: ["to see which feature drives spend", "so you can attribute a spike to its owner"],
    wrong: ["to pay less tax", "it looks nicer", "because the total is enough"],
  },
  "batching#2": {
    right: ["time: results arrive within 24 hours", "immediate answers"],
    wrong: ["quality", "accuracy of the answers", "nothing"],
  },
  "batching#3": {
    right: ["output_file_id and error_file_id", "an error file and an output file"],
    wrong: ["the output file", "the input file and the output file", "a log file"],
  },
  "background-jobs#2": {
    right: ["checkpoint finished items and resume from the missing ones", "make each item idempotent and skip done ones"],
    wrong: ["run it again from the start", "a bigger server", "more retries"],
  },
  "background-jobs#3": {
    right: ["backfilling embeddings for old documents", "a nightly report"],
    wrong: ["a chat reply", "autocomplete while typing", "a live answer"],
  },
  "classification#2": {
    right: ["so a ticket that doesn't fit any label is not forced into a wrong one", "otherwise unknown cases get misclassified"],
    wrong: ["none", "it looks complete", "because five is a nice number"],
  },
  "classification#3": {
    right: ["rerun a golden set and compare accuracy per label", "a confusion matrix on a labelled dataset"],
    wrong: ["ask the model", "look at one ticket", "trust the new prompt"],
  },
  "extraction#2": {
    right: ["the model makes up a value", "it hallucinates a plausible date"],
    wrong: ["the request fails", "nothing", "any answer containing text"],
  },
  "extraction#3": {
    right: ["the document, the fields and their types, null when a value is absent, and a JSON schema", "input text, field list, missing-value rule, response_format schema"],
    wrong: ["text", "the source text and the schema", "the fields, the schema and null"],
  },
  "summarisation#2": {
    right: ["who reads it", "the format, for example bullets"],
    wrong: ["length", "the word count", "the temperature"],
  },
  "summarisation#3": {
    right: ["map-reduce: summarise pieces and then the summaries", "split it into sections, summarise each, then combine"],
    wrong: ["truncate it", "use a bigger model", "send it anyway"],
  },
  "code-assistance#2": {
    right: ["passwords and connection strings", "customer PII"],
    wrong: ["comments", "whitespace", "variable names"],
  },
  "code-assistance#3": {
    right: ["review the diff and run the test suite", "verify it"],
    wrong: ["merge it directly", "trust the model", "ship it immediately"],
  },
  "privacy-risks#2": {
    right: ["our error tracker, like Sentry", "debug dashboards and backups"],
    wrong: ["nowhere", "the provider", "only the model"],
  },
  "privacy-risks#3": {
    right: ["a document tells the model to send the conversation to an attacker's URL", "injected text makes it disclose another user's data through a tool"],
    wrong: ["it cannot", "by making the prompt longer", "it raises the temperature"],
  },
  "redaction#2": {
    right: ["in memory on our backend only", "locally, never logged"],
    wrong: ["in the prompt", "sent to the provider with the request", "in the logs"],
  },
  "redaction#3": {
    right: ["how many values of each kind were replaced", "the counts per category"],
    wrong: ["the original values", "the raw values", "the secrets"],
  },
  "moderation#2": {
    right: ["the moderations endpoint with omni-moderation-latest", "/v1/moderations, model omni-moderation-latest"],
    wrong: ["omni-moderation-latest", "the chat completions endpoint", "/v1/moderations"],
  },
  "moderation#3": {
    right: ["the text reaches the user before it has been checked, so hold it back on the server until moderated", "chunks arrive first; buffer them and moderate the complete answer"],
    wrong: ["buffer it", "it is not harder", "because streaming is slower"],
  },
  "fallbacks#2": {
    right: ["a canned reply saying an agent will answer", "escalate to a human"],
    wrong: ["a smaller model", "another model", "gpt-4.1-mini"],
  },
  "fallbacks#3": {
    right: ["run chaos drills that break the primary on purpose", "inject a 503 in a test and check which step answers"],
    wrong: ["wait for an outage", "hope", "read the code"],
  },
  "logging-safely#2": {
    right: ["revoke it and issue a new one", "rotate the key"],
    wrong: ["delete the log file", "nothing", "keep it"],
  },
  "logging-safely#3": {
    right: ["they often quote the request, such as parameter values", "error messages can include the header or prompt that caused them"],
    wrong: ["they are too long", "errors are never logged", "the model writes them"],
  },
  "versioning#2": {
    right: ["to catch regressions before users do", "it gives a baseline: cases the old version passed and the new one fails"],
    wrong: ["to save money", "it is faster", "compare"],
  },
  "versioning#3": {
    right: ["the model snapshot", "the response format schema and the tools", "the model", "the model and its temperature"],
    wrong: ["use a bigger model", "the author's mood", "a switch to a newer model", "tell the model to be careful"],
  },
  "deploying-safely#2": {
    right: ["daily spend and p95 latency", "error rate and thumbs-down feedback"],
    wrong: ["spend", "the number of deploys", "lines of code"],
  },
  "deploying-safely#3": {
    right: ["so behaviour stays stable until you choose to upgrade", "an alias can change silently and regress"],
    wrong: ["it is cheaper", "it is faster", "because aliases are not allowed"],
  },
  "common-mistakes#2": {
    right: ["leaked API keys, no evals, and ignoring 429s", "trusting output without validation, too much context, and unmonitored cost"],
    wrong: ["API keys", "keys, keys and secrets", "using the API", "no evals"],
    negationNamesThePoint: "a mistake is often a missing practice (\"no evals\", \"never validating output\"), so a denied practice names a mistake",
  },
  "common-mistakes#3": {
    right: ["back off exponentially with jitter", "honour retry-after and queue the work"],
    wrong: ["retry immediately in a tight loop", "use another API key", "increase concurrency"],
  },
};
