#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runApply
} from "./chunk-N7RKZNO6.js";
import "./chunk-5HZS632R.js";
import "./chunk-CWEHAQQK.js";
import "./chunk-ZTPG3Q24.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-LHO56VLO.js";
import "./chunk-CEP24WVA.js";
import "./chunk-GIIEBIZ6.js";
import "./chunk-GJYAYLXS.js";
import "./chunk-XXFRVLWJ.js";
import "./chunk-BW7AH64Z.js";
import "./chunk-LHBPTLRF.js";
import "./chunk-D743S5WN.js";
import "./chunk-WINV2HKP.js";
import "./chunk-DHPVELKE.js";
import "./chunk-BSSDBP5K.js";
import "./chunk-SVH2GO35.js";
import "./chunk-RMU5QMAM.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";
export {
  runApply
};
