// Tests (Node, --import): maps the `electron` module to the recording stand-in beside this file,
// so `node --import ./register.mjs dist/electron/main.mjs` runs the built desktop entry without Electron.
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
