// Entry of the `jit` command (bundled to dist/cli.js).
import { main, processIo } from "./main.js";

process.exitCode = await main(process.argv.slice(2), processIo());
