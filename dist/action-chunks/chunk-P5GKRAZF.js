import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/lease/timestamp.ts
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
function parseTimestamp(text) {
  const m = RFC3339.exec(text);
  if (!m) return void 0;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return void 0;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > dim) return void 0;
  let ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), frac ? Math.round(Number(frac) * 1e3) : 0);
  if (sign) {
    const offH = Number(oh), offM = Number(om);
    if (offH > 23 || offM > 59) return void 0;
    const off = (offH * 60 + offM) * 6e4;
    ms += sign === "+" ? -off : off;
  }
  return ms;
}
function formatTimestamp(ms) {
  if (!Number.isInteger(ms) || ms < 0 || ms >= MAX_FAST) {
    if (!(Math.abs(ms) <= MAX_DATE)) return Number.isNaN(ms) ? "(no time)" : ms > 0 ? "(after +275760-09-13)" : "(before -271821-04-20)";
    const iso = new Date(ms).toISOString();
    return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
  }
  const day = Math.floor(ms / DAY);
  let date = dates.get(day);
  if (date === void 0) {
    date = new Date(day * DAY).toISOString().slice(0, 11);
    dates.set(day, date);
  }
  let rest = ms - day * DAY;
  const milli = rest % 1e3;
  rest = (rest - milli) / 1e3;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  return `${date}${TWO[hour]}:${TWO[min]}:${TWO[sec]}${milli ? `.${String(milli).padStart(3, "0")}` : ""}Z`;
}
function formatTimestampSeconds(ms) {
  return formatTimestamp(Number.isFinite(ms) ? Math.floor(ms / 1e3) * 1e3 : ms);
}
var DAY = 864e5;
var MAX_DATE = 864e13;
var MAX_FAST = 2534023008e5;
var TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
var dates = /* @__PURE__ */ new Map();

export {
  __require,
  __commonJS,
  __export,
  __toESM,
  parseTimestamp,
  formatTimestamp,
  formatTimestampSeconds
};
