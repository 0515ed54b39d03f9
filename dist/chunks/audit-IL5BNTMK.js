#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runAudit
} from "./chunk-GOSFMAXE.js";
import "./chunk-WG72HT7V.js";
import "./chunk-Y6VO2UKB.js";
import "./chunk-PN7OP2D7.js";
import "./chunk-ZTPG3Q24.js";
import "./chunk-NKCDSYY7.js";
import "./chunk-CEP24WVA.js";
import "./chunk-GIIEBIZ6.js";
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
  runAudit
};
