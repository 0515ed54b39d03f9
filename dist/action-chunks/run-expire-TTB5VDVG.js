import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expireAndReport,
  runExpireAction,
  runRevokeAction
} from "./chunk-IMICDH2Q.js";
import "./chunk-B37RN77P.js";
import "./chunk-HXWJ65SJ.js";
import "./chunk-GUOOY6KU.js";
import "./chunk-IV7EWZHQ.js";
import "./chunk-GW3XH3IH.js";
import "./chunk-7UZHY6AZ.js";
import "./chunk-SZED6A3L.js";
import "./chunk-E4RXBCWO.js";
import "./chunk-IVFWVQ2J.js";
import "./chunk-GJ7GWMVR.js";
import "./chunk-BWFAZBUO.js";
import "./chunk-OW7EIWIX.js";
import "./chunk-GAX54RT6.js";
import "./chunk-SKFNB3CZ.js";
import "./chunk-HUC6523L.js";
import "./chunk-AZDOHWTX.js";
import "./chunk-VTJMK7UI.js";
import "./chunk-WCB7NMLF.js";
import "./chunk-P5GKRAZF.js";
export {
  expireAndReport,
  runExpireAction,
  runRevokeAction
};
