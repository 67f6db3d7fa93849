// Tests (Node, module hooks thread): resolves the bare specifier `electron` to electron.mjs here.
const standIn = new URL("./electron.mjs", import.meta.url).href;

/** Node's resolve hook: `electron` is the stand-in, everything else resolves as usual. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "electron") return { url: standIn, shortCircuit: true };
  return nextResolve(specifier, context);
}
