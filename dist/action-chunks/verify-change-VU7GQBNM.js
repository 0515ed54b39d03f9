import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  verifyChange
} from "./chunk-IV7EWZHQ.js";
import "./chunk-GW3XH3IH.js";
import "./chunk-E4RXBCWO.js";
import "./chunk-IVFWVQ2J.js";
import "./chunk-SKFNB3CZ.js";
import "./chunk-VTJMK7UI.js";
import "./chunk-WCB7NMLF.js";
import "./chunk-P5GKRAZF.js";
export {
  verifyChange
};
