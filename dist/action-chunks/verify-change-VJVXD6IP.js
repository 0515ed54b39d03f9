import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  verifyChange
} from "./chunk-JTL4HBDA.js";
import "./chunk-6DRZOYZ7.js";
import "./chunk-N7PTVZJF.js";
import "./chunk-4RDXK76E.js";
import "./chunk-PHI7IGPI.js";
import "./chunk-EEABSXWQ.js";
import "./chunk-OYSITHDU.js";
import "./chunk-P5GKRAZF.js";
export {
  verifyChange
};
