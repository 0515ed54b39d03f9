/** The emulator reads git objects through the product's long-lived `git cat-file --batch-command` reader. */
export { ObjectReader, parseRawTree } from "../git/object-reader.js";
export type { ObjectInfo } from "../git/object-reader.js";
