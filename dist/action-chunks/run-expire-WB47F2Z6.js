import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expireAndReport,
  runExpireAction,
  runRevokeAction
} from "./chunk-NTHAPIRX.js";
import "./chunk-B37RN77P.js";
import "./chunk-ELSLREYF.js";
import "./chunk-YRXXO2HC.js";
import "./chunk-JTL4HBDA.js";
import "./chunk-6DRZOYZ7.js";
import "./chunk-XLVGYL6R.js";
import "./chunk-SZED6A3L.js";
import "./chunk-N7PTVZJF.js";
import "./chunk-4RDXK76E.js";
import "./chunk-7TJIVKOI.js";
import "./chunk-XHYSLEDG.js";
import "./chunk-PBPZFTXN.js";
import "./chunk-GAX54RT6.js";
import "./chunk-PHI7IGPI.js";
import "./chunk-HUC6523L.js";
import "./chunk-AZDOHWTX.js";
import "./chunk-EEABSXWQ.js";
import "./chunk-OYSITHDU.js";
import "./chunk-P5GKRAZF.js";
export {
  expireAndReport,
  runExpireAction,
  runRevokeAction
};
